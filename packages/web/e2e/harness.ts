import type { WebStackOptions } from '@samspill/gateway';

import { launchBrowser, type TestBrowser } from './browser.js';
import { type SignedIn, signIn } from './session.js';
import { type Stack, startStack } from './stack.js';

/**
 * One stack and one Chromium for a test file: started before its tests, stopped after them, with
 * every signed-in browser context closed. `as(subject)` signs a demo user in as a person does.
 */
export function browserStack(options: WebStackOptions = {}) {
  let stack: Stack | undefined;
  let chrome: TestBrowser | undefined;
  const open: SignedIn[] = [];

  beforeAll(async () => {
    stack = await startStack(options);
    chrome = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    for (const s of open) await s.context.close();
    await chrome?.close();
    await stack?.stop();
  });

  const started = (): { stack: Stack; chrome: TestBrowser } => {
    if (!stack || !chrome) throw new Error('the stack is not started (use browserStack() at the top of a describe)');
    return { stack, chrome };
  };

  return {
    get stack(): Stack {
      return started().stack;
    },
    get browser() {
      return started().chrome.browser;
    },
    /** An address on the web server. */
    url: (path: string): string => new URL(path, started().stack.webUrl).toString(),
    async as(subject: string, path = '/'): Promise<SignedIn> {
      const { stack: s, chrome: c } = started();
      const signedIn = await signIn(c.browser, s.webUrl, subject, path);
      open.push(signedIn);
      return signedIn;
    },
  };
}
