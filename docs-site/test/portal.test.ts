import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumRunnable, launchChromium, portalBuild } from './helpers/chromium.js';
import { serveStatic } from './static-server.js';

describe.runIf(chromiumRunnable)('developer portal in Chromium', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    site = await serveStatic(portalBuild);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
    return { page, status: res?.status(), errors };
  }

  it('happy: the landing page loads in Chinese and links to the quick start', async () => {
    const { page, status, errors } = await open('/');
    expect(status).toBe(200);
    expect(await page.title()).toContain('i厦门');
    expect(await page.locator('a[href*="quick-start"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/portal-landing.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('happy: the API reference renders an operation from the spec', async () => {
    const { page, status, errors } = await open('/docs/api/list-categories');
    expect(status).toBe(200);
    await expect.poll(() => page.locator('main').textContent()).toContain('/v1/categories');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('happy: every error code has its page, in English too', async () => {
    for (const path of ['/docs/errors/validation_failed', '/en/docs/errors/quota_exceeded']) {
      const { page, status } = await open(path);
      expect(status, path).toBe(200);
      expect(await page.locator('h1').first().textContent()).toMatch(/validation_failed|quota_exceeded/);
      await page.close();
    }
  });
});
