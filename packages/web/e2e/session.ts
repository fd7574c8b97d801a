import type { Browser, BrowserContext, Page } from 'playwright-core';

import { recordTraffic } from './browser.js';

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  traffic: ReturnType<typeof recordTraffic>;
}

/**
 * Signs a demo user in the way a person does: the app's "Logg inn" button, then the development
 * issuer's page, where the user is one button.
 */
export async function signIn(browser: Browser, webUrl: string, subject: string, path = '/'): Promise<SignedIn> {
  const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  const page = await context.newPage();
  const traffic = recordTraffic(page);
  await page.goto(new URL(path, webUrl).toString());
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await page.locator(`button[name="subject"][value="${subject}"]`).click();
  await page.waitForURL((url) => url.origin === new URL(webUrl).origin && !url.pathname.startsWith('/auth/'));
  await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  return { context, page, traffic };
}
