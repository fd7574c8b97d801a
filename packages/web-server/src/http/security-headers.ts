import type { ServerResponse } from 'node:http';

/**
 * The Content-Security-Policy of every page: scripts, styles, fonts, workers and requests from
 * this origin only (no inline script, no third party), never framed, no <base>, forms post here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * GraphiQL's editor (Monaco) writes its theme and its per-token colours into <style> elements it
 * creates at run time, so /graphiql allows inline styles (never inline scripts; styles cannot run
 * code), and GraphiQL's stylesheet carries its fonts as data: URLs. Everything else is as strict
 * as for the app.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "font-src 'self'",
  "font-src 'self' data:",
);

export function setSecurityHeaders(res: ServerResponse, options: { csp: string; https: boolean }): void {
  res.setHeader('content-security-policy', options.csp);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  if (options.https) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
}
