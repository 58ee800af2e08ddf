import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface ConsolePage {
  page: Page;
  /** Uncaught exceptions on the page: a console that throws is broken whatever it shows. */
  errors: string[];
}

/** A fresh browser profile (no cookies) whose pages may use the clipboard on the portal. */
export async function openConsole(browser: Browser, portal: string): Promise<ConsolePage> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal });
  // Well inside the test's own time limit, so a missing element fails with Playwright's own message.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Revoking and deleting ask with window.confirm; Playwright would dismiss it.
  page.on('dialog', (dialog) => void dialog.accept());
  return { page, errors };
}

/** Signs in through the portal's button and the dev identity provider's picker. */
export async function signIn(page: Page, portal: string, sub: string): Promise<void> {
  await page.goto(`${portal}/console`);
  await page.getByTestId('sign-in').click();
  await page.locator(`button[data-sub="${sub}"]`).click();
  await page.waitForURL(`${portal}/console`);
  await expect.poll(() => page.getByTestId('account-name').isVisible()).toBe(true);
}

/** What the page's own clipboard holds, read by the page as a person's paste would. */
export function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** A full-page picture taken from the top, where the sticky navbar belongs. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/console-${name}.png`, fullPage: true });
}

/**
 * What an action led to: the page's problem alert if one shows, else `read()`. A failed call then
 * fails the test with the problem's title, detail and code instead of a missing change.
 */
export async function alertOr(page: Page, read: () => Promise<string | null>): Promise<string | null> {
  const alert = page.getByRole('alert');
  return (await alert.count()) > 0 ? `alert: ${await alert.first().textContent()}` : read();
}

/** The API keys table's row of a key, found by the visible prefix the key starts with. */
export async function keyRow(page: Page, key: string) {
  const rows = page.locator('tr[data-prefix]');
  const prefixes = await rows.evaluateAll((found) =>
    found.map((row) => row.getAttribute('data-prefix') ?? ''),
  );
  const prefix = prefixes.find((p) => p !== '' && key.startsWith(p));
  if (!prefix) throw new Error(`no API key row for ${key.slice(0, 12)}… among ${prefixes.join(', ')}`);
  return page.locator(`tr[data-prefix="${prefix}"]`);
}

/** How many bars a usage chart draws with a visible area: recharts draws each bar as a path. */
export function visibleBars(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .locator('svg .recharts-bar-rectangle path')
    .evaluateAll(
      (bars) =>
        bars.filter((bar) => {
          const box = bar.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        }).length,
    );
}
