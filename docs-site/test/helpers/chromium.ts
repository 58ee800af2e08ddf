import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's Chromium: browser downloads are impossible on these machines. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built portal the browser tests serve. */
export const portalBuild = fileURLToPath(new URL('../../build', import.meta.url));

// CI always has Chromium and a built portal (`pnpm check` builds first); elsewhere the tests say
// why they did not run instead of failing on a missing browser.
export const chromiumRunnable =
  Boolean(process.env.CI) || (existsSync(executablePath) && existsSync(portalBuild));

export function launchChromium() {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}
