import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the catcher received, parsed. */
export interface CaughtMail {
  readonly messageId: string;
  readonly to: string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  /** Every header, as received (names lower-case). */
  readonly headers: ReadonlyMap<string, string>;
  /** The message as received. */
  readonly raw: string;
}

export interface MailCatcher {
  readonly port: number;
  /** `smtp://host:port`, what `SMTP_URL` is set to. */
  readonly url: string;
  /** Everything received so far, in order. */
  readonly messages: readonly CaughtMail[];
  /** The next `count` messages are refused with a temporary failure (451), as a busy server does. */
  refuseNext(count: number): void;
  /** Waits until at least `count` messages have arrived (or throws after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<readonly CaughtMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server that keeps what it receives: the development start runs one (writing each
 * message into a maildir folder, `<dir>/new/*.eml`), and tests start one on a free port. Plain
 * SMTP without authentication on the loopback interface only: never a relay.
 */
export async function startMailCatcher(options: { port?: number; host?: string; maildir?: string } = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const messages: CaughtMail[] = [];
  const waiters: Array<() => void> = [];
  let refuse = 0;
  if (options.maildir) {
    for (const sub of ['new', 'cur', 'tmp']) await mkdir(path.join(options.maildir, sub), { recursive: true });
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 1_000_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then(async (parsed) => {
            const headers = new Map<string, string>();
            for (const line of parsed.headerLines) headers.set(line.key.toLowerCase(), line.line.slice(line.line.indexOf(':') + 1).trim());
            const mail: CaughtMail = {
              messageId: parsed.messageId ?? '',
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              headers,
              raw,
            };
            if (options.maildir) {
              const name = `${Date.now()}.${messages.length}.${(mail.messageId || 'message').replace(/[^A-Za-z0-9.-]/g, '')}.eml`;
              await writeFile(path.join(options.maildir, 'new', name), raw);
            }
            messages.push(mail);
            for (const wake of waiters.splice(0)) wake();
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    messages,
    refuseNext(count) {
      refuse = count;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} messages, received ${messages.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
