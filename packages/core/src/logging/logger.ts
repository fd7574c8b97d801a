import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Authorization headers and anything that looks like personal data are redacted here,
 * once, so that no call site can forget.
 */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token', 'variables'],
      censor: '[redacted]',
    },
  });
}
