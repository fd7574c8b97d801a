import { startWebStack, type WebStack, type WebStackOptions } from '@samspill/gateway';

/**
 * The real stack for the end-to-end tests (the gateway package's harness): a fresh database with
 * the demo data, both subgraphs, the gateway, the development OpenID Connect issuer and the web
 * server serving packages/web/dist.
 */
export interface Stack {
  /** The web server's origin, e.g. http://127.0.0.1:40123 */
  webUrl: string;
  /** The development issuer's origin (the sign-in page lives there). */
  issuerUrl: string;
  stack: WebStack;
  stop: () => Promise<void>;
}

export async function startStack(options: WebStackOptions = {}): Promise<Stack> {
  const stack = await startWebStack(options);
  return { webUrl: stack.urls.web, issuerUrl: new URL(stack.urls.issuer).origin, stack, stop: () => stack.stop() };
}
