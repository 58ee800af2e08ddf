import { findTestIdentity } from '@ixiamen/identity';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumRunnable, launchChromium, portalBuild } from './helpers/chromium.js';
import {
  alertOr,
  type ConsolePage,
  clipboardText,
  keyRow,
  openConsole,
  screenshot,
  signIn,
} from './helpers/console-browser.js';
import { type ConsoleStack, startConsoleStack } from './helpers/console-stack.js';
import { pkceChallenge } from './helpers/pkce.js';
import { categoriesStatus, clientCredentialsToken } from './helpers/platform-calls.js';

const publisher = findTestIdentity('company-1')!;
const citizen = findTestIdentity('citizen-1')!;
// Nothing listens there: the test itself answers the citizen's browser.
const redirectUri = 'http://127.0.0.1:9/cb';

describe.runIf(chromiumRunnable)('developer console in Chromium', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  // The publisher's signed-in page, shared by the tests below in order.
  let publisherPage: ConsolePage;
  let page: Page;
  const app = { id: '', clientId: '', secret: '' };

  beforeAll(async () => {
    stack = await startConsoleStack(portalBuild);
    browser = await launchChromium();
    publisherPage = await openConsole(browser, stack.portal);
    page = publisherPage.page;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signed out: the console offers the city sign-in, in Chinese and in English', async () => {
    const { page: visitor, errors } = await openConsole(browser, stack.portal);
    await visitor.goto(`${stack.portal}/console`);
    const button = visitor.getByTestId('sign-in');
    await expect.poll(() => button.textContent()).toBe('使用 i厦门 统一身份认证登录');
    expect(await button.getAttribute('href')).toBe(
      `${stack.api}/auth/login?returnTo=${encodeURIComponent(`${stack.portal}/console`)}`,
    );
    await screenshot(visitor, 'signed-out');

    // One /console-config.json at the root serves the English pages too.
    await visitor.goto(`${stack.portal}/en/console/authorizations`);
    await expect.poll(() => button.textContent()).toBe('Sign in with i Xiamen identity');
    expect(await button.getAttribute('href')).toContain(
      encodeURIComponent(`${stack.portal}/en/console/authorizations`),
    );
    expect(errors).toEqual([]);
    await visitor.context().close();
  });

  it("the API lets the portal's pages make every console call (CORS preflight)", async () => {
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      const res = await fetch(`${stack.api}/console/v1/apps/00000000-0000-0000-0000-000000000000`, {
        method: 'OPTIONS',
        headers: {
          origin: stack.portal,
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type,x-csrf-token',
        },
      });
      expect(res.headers.get('access-control-allow-origin'), method).toBe(stack.portal);
      expect(res.headers.get('access-control-allow-credentials'), method).toBe('true');
      expect(res.headers.get('access-control-allow-methods')?.split(/\s*,\s*/), method).toContain(method);
    }
  });

  it('happy: a publisher signs in and creates an organisation; a bad credit code is explained', async () => {
    await signIn(page, stack.portal, publisher.sub);
    expect(await page.getByTestId('account-name').textContent()).toBe(publisher.name);
    await expect.poll(() => page.locator('main').textContent()).toContain('开发者');

    const form = page.getByTestId('create-org');
    const good = publisher.creditCode!;
    // Right shape, wrong check character: only the server's GB 32100 check catches it.
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    await form.getByLabel('组织名称').fill(publisher.orgName!);
    await form.getByLabel('统一社会信用代码（可选）').fill(bad);
    await form.getByRole('button', { name: '创建组织' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('validation_failed');
    await screenshot(page, 'org-problem');

    await form.getByLabel('统一社会信用代码（可选）').fill(good);
    await form.getByRole('button', { name: '创建组织' }).click();
    await expect.poll(() => page.getByTestId('org-list').textContent()).toContain(good);
    await screenshot(page, 'overview-org');
    expect(publisherPage.errors).toEqual([]);
  });

  it('happy: a sandbox app is registered; its copied secret gets a token that reads the catalogue', async () => {
    await page.getByTestId('new-app').click();
    const form = page.getByTestId('create-app');
    await form.getByLabel('应用名称').fill('鹭岛办事通');
    await form.getByLabel('应用简介').fill('帮助市民查询办事指南并在线申请');
    await form.getByLabel('回调地址（redirect_uri）').fill(`${redirectUri}\n`);
    await screenshot(page, 'new-app');
    await form.getByRole('button', { name: '注册应用' }).click();

    const shown = page.getByTestId('client-secret');
    await shown.waitFor();
    app.secret = (await shown.textContent()) ?? '';
    app.clientId = (await page.getByTestId('client-id').textContent()) ?? '';
    expect(app.secret).toMatch(/^ixm_secret_/);
    await page.getByTestId('copy-secret').click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('已复制到剪贴板');
    expect(await clipboardText(page)).toBe(app.secret);
    await screenshot(page, 'app-created');

    const token = await clientCredentialsToken(stack.api, app.clientId, await clipboardText(page));
    expect(token.status).toBe(200);
    const { access_token, token_type } = (await token.json()) as { access_token: string; token_type: string };
    expect(token_type).toMatch(/^bearer$/i);
    expect(await categoriesStatus(stack.api, { authorization: `Bearer ${access_token}` })).toBe(200);

    await page.getByTestId('open-app').click();
    await expect.poll(() => page.getByTestId('app-name').textContent()).toBe('鹭岛办事通');
    app.id = new URL(page.url()).searchParams.get('id') ?? '';
    expect(app.id).not.toBe('');
    expect(publisherPage.errors).toEqual([]);
  });

  it('happy: an API key works, still works through its rotation overlap, and stops once revoked', async () => {
    const form = page.getByTestId('create-api-key');
    await form.getByLabel('名称').fill('测试服务器');
    await form.getByRole('button', { name: '创建 API Key' }).click();
    const shown = page.getByTestId('api-key');
    await shown.waitFor();
    const first = (await shown.textContent()) ?? '';
    expect(first).toMatch(/^ixm_test_/);
    await page.getByTestId('copy-api-key').click();
    await expect.poll(() => clipboardText(page)).toBe(first);
    expect(await categoriesStatus(stack.api, { 'x-api-key': first })).toBe(200);
    await screenshot(page, 'app-page');

    // The default overlap is a day: the replacement works, and so does the old key for now.
    await (await keyRow(page, first)).getByTestId('rotate-key').click();
    await expect.poll(() => alertOr(page, () => shown.textContent())).not.toBe(first);
    const second = (await shown.textContent()) ?? '';
    expect(second).toMatch(/^ixm_test_/);
    expect(await categoriesStatus(stack.api, { 'x-api-key': second })).toBe(200);
    expect(await categoriesStatus(stack.api, { 'x-api-key': first })).toBe(200);

    const row = await keyRow(page, first);
    await row.getByTestId('revoke-key').click();
    await expect.poll(() => alertOr(page, () => row.textContent())).toContain('已撤销');
    // At once on this instance; other instances follow within CREDENTIAL_POLL_MS (1 s by default).
    await expect
      .poll(() => categoriesStatus(stack.api, { 'x-api-key': first }), { timeout: 3_000, interval: 200 })
      .toBe(401);
    expect(await categoriesStatus(stack.api, { 'x-api-key': second })).toBe(200);
    expect(publisherPage.errors).toEqual([]);
  });

  it('happy: rotating the client secret with no overlap retires the old one at once', async () => {
    const old = app.secret;
    const rotate = page.getByTestId('rotate-secret');
    await rotate.getByLabel('轮换后旧凭证的过渡期').selectOption('0');
    await rotate.getByRole('button', { name: '轮换密钥' }).click();
    const shown = page.getByTestId('client-secret');
    await expect.poll(() => shown.textContent()).toMatch(/^ixm_secret_/);
    app.secret = (await shown.textContent()) ?? '';
    expect(app.secret).not.toBe(old);

    expect((await clientCredentialsToken(stack.api, app.clientId, app.secret)).status).toBe(200);
    expect((await clientCredentialsToken(stack.api, app.clientId, old)).status).toBe(401);
    await expect.poll(() => page.getByTestId('client-secrets').locator('tbody tr').count()).toBe(2);
    expect(publisherPage.errors).toEqual([]);
  });

  it('happy: editing the app renames it and adds a redirect URI, kept after a reload', async () => {
    const form = page.getByTestId('edit-app');
    await form.getByLabel('应用名称').fill('鹭岛办事通 Plus');
    await form.getByLabel('回调地址（redirect_uri）').fill(`${redirectUri}\n${redirectUri}2\n`);
    await form.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => alertOr(page, () => form.getByRole('status').textContent())).toBe('已保存');
    await expect.poll(() => page.getByTestId('app-name').textContent()).toBe('鹭岛办事通 Plus');

    await page.reload();
    const uris = page.getByTestId('edit-app').getByLabel('回调地址（redirect_uri）');
    await expect.poll(() => uris.inputValue()).toBe(`${redirectUri}\n${redirectUri}2`);

    // The overview lists the app under its new name and links to its page.
    await page.getByRole('link', { name: '控制台' }).first().click();
    const list = page.getByTestId('app-list');
    await list.getByRole('link', { name: '鹭岛办事通 Plus' }).waitFor();
    await screenshot(page, 'overview-apps');
    await list.getByRole('link', { name: '鹭岛办事通 Plus' }).click();
    await expect.poll(() => page.getByTestId('app-name').textContent()).toBe('鹭岛办事通 Plus');
    expect(new URL(page.url()).searchParams.get('id')).toBe(app.id);
    expect(publisherPage.errors).toEqual([]);
  });

  it('happy: a citizen authorises the app, sees it under 我的授权 and withdraws it', async () => {
    const { page: citizenPage, errors } = await openConsole(browser, stack.portal);
    await signIn(citizenPage, stack.portal, citizen.sub);
    await citizenPage.getByTestId('my-authorizations').click();
    await citizenPage.getByTestId('no-consents').waitFor();
    expect(await citizenPage.getByTestId('no-consents').textContent()).toContain('暂无授权');

    const challenge = pkceChallenge();
    const authorize = new URL(`${stack.api}/oauth/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: redirectUri,
      scope: 'profile:read',
      state: 'xyz',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    // The app's tab, on its own: Playwright answers a routed page's CORS preflights itself, which
    // must not happen to the console's calls.
    const appTab = await citizenPage.context().newPage();
    const atCallback = (url: URL) => url.href.startsWith(redirectUri);
    await appTab.route(atCallback, (route) => route.fulfill({ contentType: 'text/plain', body: 'callback' }));
    await appTab.goto(authorize.toString());
    await appTab.locator('button[data-decision="approve"]').click();
    await appTab.waitForURL(atCallback);
    const callback = new URL(appTab.url());
    expect(callback.searchParams.get('state')).toBe('xyz');
    expect(callback.searchParams.get('code')).toBeTruthy();
    await appTab.close();

    await citizenPage.goto(`${stack.portal}/console/authorizations`);
    const card = citizenPage.locator('article[data-testid^="consent-"]');
    await card.waitFor();
    const text = await card.textContent();
    expect(text).toContain('鹭岛办事通');
    expect(text).toContain(publisher.orgName);
    expect(text).toContain('基本身份信息');
    expect(await card.getAttribute('data-state')).toBe('live');
    await screenshot(citizenPage, 'authorizations');

    await card.locator('[data-testid^="withdraw-"]').click();
    await expect.poll(() => alertOr(citizenPage, () => card.getAttribute('data-state'))).toBe('withdrawn');
    expect(await card.textContent()).toContain('已撤回');
    expect(await card.locator('[data-testid^="withdraw-"]').count()).toBe(0);
    await screenshot(citizenPage, 'authorization-withdrawn');

    await citizenPage.goto(`${stack.portal}/en/console/authorizations`);
    const english = citizenPage.locator('article[data-testid^="consent-"]');
    await expect.poll(() => english.textContent()).toContain('Basic identity information');
    expect(await english.textContent()).toContain('Withdrawn');
    await screenshot(citizenPage, 'authorizations-en');
    expect(errors).toEqual([]);
    await citizenPage.context().close();
  });

  it('happy: deleting the app stops its secret; signing out shows the sign-in again', async () => {
    await page.getByTestId('delete-app').click();
    await expect.poll(() => alertOr(page, async () => page.url())).toBe(`${stack.portal}/console`);
    await expect.poll(() => page.getByTestId('app-list').textContent()).toContain('还没有应用');
    expect((await clientCredentialsToken(stack.api, app.clientId, app.secret)).status).toBe(401);

    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    await page.reload();
    await page.getByTestId('sign-in').waitFor();
    expect(publisherPage.errors).toEqual([]);
  });
});
