import { findTestIdentity } from '@ixiamen/identity';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumRunnable, launchChromium, portalBuild } from './helpers/chromium.js';
import {
  alertOr,
  type ConsolePage,
  openConsole,
  screenshot,
  signIn,
  visibleBars,
} from './helpers/console-browser.js';
import { createApiKey, registerSandboxApp } from './helpers/console-flows.js';
import { type ConsoleStack, startConsoleStack } from './helpers/console-stack.js';
import { getStatus } from './helpers/platform-calls.js';

const publisher = findTestIdentity('company-1')!;
const admin = findTestIdentity('admin-1')!;
const appName = '鹭岛用量演示';

describe.runIf(chromiumRunnable)('usage and admin console in Chromium', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  // The publisher's and the admin's signed-in pages, shared by the tests below in order.
  let publisherPage: ConsolePage;
  let adminPage: ConsolePage;
  let page: Page;
  const app = { id: '', key: '' };
  const keyStatus = (path = '/v1/categories') => getStatus(stack.api, path, { 'x-api-key': app.key });

  beforeAll(async () => {
    // Metered calls reach the usage figures within a fifth of a second instead of five.
    stack = await startConsoleStack(portalBuild, { METERING_FLUSH_MS: 200 });
    browser = await launchChromium();
    publisherPage = await openConsole(browser, stack.portal);
    adminPage = await openConsole(browser, stack.portal);
    page = publisherPage.page;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("happy: a developer's calls show on the app page as a chart, per operation and against the quota", async () => {
    await signIn(page, stack.portal, publisher.sub);
    // Only admins are offered the admin pages.
    expect(await page.getByTestId('admin-console').count()).toBe(0);
    app.id = await registerSandboxApp(page, publisher, appName);
    app.key = await createApiKey(page, '用量测试');
    expect(app.key).toMatch(/^ixm_test_/);

    for (let i = 0; i < 3; i++) expect(await keyStatus()).toBe(200);
    expect(await keyStatus('/v1/services/no-such-service')).toBe(404);
    // Metering is flushed every 200 ms in this stack.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    await page.goto(`${stack.portal}/console/app?id=${app.id}`);
    await expect.poll(() => alertOr(page, () => visibleBars(page, 'usage-chart').then(String))).not.toBe('0');
    const quota = page.getByTestId('quotas').locator('tr[data-product="catalog"]');
    // 3 answers 200 and one 404: a caller's error counts against the quota too.
    await expect.poll(() => quota.getByTestId('quota-used').textContent()).toMatch(/^4 \/ [\d,]+$/);
    expect(await quota.textContent()).toContain('服务目录');
    const operations = page.getByTestId('usage-by-operation');
    expect(await operations.textContent()).toContain('listCategories');
    expect(await operations.textContent()).toContain('getService');

    // The hourly range has the calls too.
    await page.locator('button[data-range="24h"]').click();
    await expect
      .poll(() => page.locator('button[data-range="24h"]').getAttribute('aria-pressed'))
      .toBe('true');
    await expect.poll(() => visibleBars(page, 'usage-chart')).toBeGreaterThan(0);
    await screenshot(page, 'app-usage');
    expect(publisherPage.errors).toEqual([]);
  });

  it('happy: subscribing to a personal-data product waits for an admin (待审核)', async () => {
    const subscriptions = page.getByTestId('subscriptions');
    expect(await subscriptions.locator('tr[data-product="catalog"]').textContent()).toContain('已生效');
    const form = page.getByTestId('subscribe');
    await form.getByLabel('产品').selectOption('residence');
    // A sandbox app is offered the sandbox plans only.
    const plans = await form
      .getByLabel('套餐')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(plans).toEqual(['sandbox']);
    await form.getByRole('button', { name: '订阅' }).click();
    const row = subscriptions.locator('tr[data-product="residence"]');
    await expect.poll(() => alertOr(page, () => row.textContent())).toContain('待审核');
    expect(publisherPage.errors).toEqual([]);
  });

  it('sad: a developer without the admin role is told the admin pages are not for them', async () => {
    await page.goto(`${stack.portal}/console/admin`);
    const forbidden = page.getByTestId('admin-forbidden');
    await expect.poll(() => forbidden.textContent()).toContain('仅平台管理员');
    expect(await page.locator('main').textContent()).toContain('forbidden');
    expect(await page.getByTestId('platform-usage-chart').count()).toBe(0);
    await screenshot(page, 'admin-forbidden');
    expect(publisherPage.errors).toEqual([]);
  });

  it("happy: an admin sees the platform's usage with the app among the top apps", async () => {
    const { page: adminTab } = adminPage;
    await signIn(adminTab, stack.portal, admin.sub);
    await adminTab.getByTestId('admin-console').click();
    await expect
      .poll(() => alertOr(adminTab, () => visibleBars(adminTab, 'platform-usage-chart').then(String)))
      .not.toBe('0');
    const top = adminTab.getByTestId('top-apps').locator(`tr[data-app="${app.id}"]`);
    await expect.poll(() => top.textContent()).toContain(appName);
    const text = (await top.textContent()) ?? '';
    expect(text).toContain(publisher.orgName);
    // One 404 among four calls.
    expect(text).toContain('25%');
    expect(await adminTab.getByTestId('usage-totals').locator('[data-total="calls"] dd').textContent()).toBe(
      '4',
    );
    await screenshot(adminTab, 'admin-overview');
    expect(adminPage.errors).toEqual([]);
  });

  it('happy: the admin approves the pending subscription', async () => {
    const { page: adminTab } = adminPage;
    await adminTab.getByTestId('admin-nav').getByRole('link', { name: '订阅审核' }).click();
    const pending = adminTab.getByTestId('pending-subscriptions').locator(`tr[data-app="${app.id}"]`);
    await expect.poll(() => pending.textContent()).toContain('居住信息');
    await adminTab
      .getByTestId('pending-subscriptions')
      .getByLabel(/审核意见/)
      .fill('已核验用途');
    await pending.getByTestId('approve-subscription').click();
    await expect.poll(() => alertOr(adminTab, () => pending.count().then(String))).toBe('0');
    const approved = adminTab
      .getByTestId('subscription-table')
      .locator(`tr[data-app="${app.id}"][data-product="residence"]`);
    await expect.poll(() => approved.textContent()).toContain('已生效');
    expect(await approved.textContent()).toContain('已核验用途');
    await screenshot(adminTab, 'admin-subscriptions');
    expect(adminPage.errors).toEqual([]);
  });

  it('happy: suspending the app stops its API key; lifting the suspension lets it in again', async () => {
    const { page: adminTab } = adminPage;
    await adminTab.getByTestId('admin-nav').getByRole('link', { name: '应用管理' }).click();
    const row = adminTab.locator(`tr[data-app="${app.id}"]`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('active');
    await adminTab.getByLabel('操作原因（写入审计日志）').fill('测试停用');
    await row.getByTestId('suspend-app').click();
    await expect.poll(() => alertOr(adminTab, () => row.getAttribute('data-status'))).toBe('suspended');
    expect(await row.textContent()).toContain('已停用');
    await expect.poll(() => keyStatus(), { timeout: 3_000, interval: 200 }).toBe(401);
    await screenshot(adminTab, 'admin-apps');

    await row.getByTestId('unsuspend-app').click();
    await expect.poll(() => alertOr(adminTab, () => row.getAttribute('data-status'))).toBe('active');
    await expect.poll(() => keyStatus(), { timeout: 3_000, interval: 200 }).toBe(200);
    expect(adminPage.errors).toEqual([]);
  });

  it("happy: the audit log names the admin's suspension, newest first", async () => {
    const { page: adminTab } = adminPage;
    await adminTab.getByTestId('admin-nav').getByRole('link', { name: '审计日志' }).click();
    const events = adminTab.getByTestId('audit-events');
    const suspended = events.locator(`tr[data-action="app.suspend"][data-target="${app.id}"]`);
    await expect.poll(() => alertOr(adminTab, () => suspended.textContent())).toContain(admin.name);
    expect(await suspended.textContent()).toContain('控制台');
    expect(await suspended.textContent()).toContain('"status":"suspended"');
    const actions = await events
      .locator('tr[data-action]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    expect(actions.slice(0, 3)).toEqual(['app.unsuspend', 'app.suspend', 'subscription.approve']);
    await screenshot(adminTab, 'admin-audit');
    expect(adminPage.errors).toEqual([]);
  });

  it("happy: the admin lowers one subscription's quota, which the developer sees at once", async () => {
    const { page: adminTab } = adminPage;
    await adminTab.getByTestId('admin-nav').getByRole('link', { name: '订阅审核' }).click();
    const row = adminTab
      .getByTestId('subscription-table')
      .locator(`tr[data-app="${app.id}"][data-product="catalog"]`);
    await row.getByTestId('edit-overrides').click();
    const form = adminTab.getByTestId('overrides-form');
    await form.getByLabel('月配额（北京时间自然月）').fill('5');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => alertOr(adminTab, () => row.textContent())).toContain('已单独调整');
    expect(await row.textContent()).toContain('5 次/月');

    await page.goto(`${stack.portal}/console/app?id=${app.id}`);
    const quota = page.getByTestId('quotas').locator('tr[data-product="catalog"]');
    // The calls since (checking the suspension) count too: only the limit is known exactly.
    await expect.poll(() => quota.getByTestId('quota-used').textContent()).toMatch(/^\d+ \/ 5$/);
    expect(publisherPage.errors).toEqual([]);
    expect(adminPage.errors).toEqual([]);
  });

  it('happy: plans are created, refused twice with the conflict explained, and deleted', async () => {
    const { page: adminTab } = adminPage;
    await adminTab.getByTestId('admin-nav').getByRole('link', { name: '产品与套餐' }).click();
    const plans = adminTab.getByTestId('plans');
    await plans.locator('tr[data-code="sandbox"]').waitFor();
    expect(await adminTab.getByTestId('products').locator('tr[data-code="catalog"]').count()).toBe(1);

    await adminTab.getByText('新建套餐', { exact: true }).click();
    const create = adminTab.getByTestId('create-plan');
    const fill = async () => {
      await create.getByLabel('套餐代码').fill('government');
      await create.getByLabel('名称（中文）').fill('政务版');
      await create.getByLabel('名称（英文）').fill('Government');
      await create.getByLabel('每秒调用上限（突发）').fill('200');
      await create.getByLabel('每分钟调用上限').fill('6000');
      await create.getByLabel('月配额（北京时间自然月）').fill('3000000');
      await create.getByRole('button', { name: '创建套餐' }).click();
    };
    await fill();
    const government = plans.locator('tr[data-code="government"]');
    await expect.poll(() => alertOr(adminTab, () => government.textContent())).toContain('政务版');
    expect(await government.textContent()).toContain('200 次/秒');

    // The same code again: the API's 409, explained.
    await fill();
    await expect.poll(() => create.getByTestId('conflict').textContent()).toContain('已有相同代码的套餐');
    expect(await create.getByRole('alert').last().textContent()).toContain('conflict');

    // A plan that subscriptions use cannot go.
    await plans.locator('tr[data-code="sandbox"]').getByTestId('delete').click();
    const inUse = adminTab.getByTestId('conflict').filter({ hasText: '仍有订阅使用或申请更换为这个套餐' });
    await expect.poll(() => inUse.count()).toBe(1);
    await screenshot(adminTab, 'admin-catalogue');

    await government.getByTestId('delete').click();
    await expect.poll(() => government.count()).toBe(0);
    expect(await inUse.count()).toBe(0);
    expect(adminPage.errors).toEqual([]);
  });

  it('happy: a developer asks for a plan that needs approval and can cancel; once the admin approves, the new limits apply', async () => {
    const { page: adminTab } = adminPage;
    // A sandbox plan that needs approval, for the sandbox app to ask for, from a fresh form.
    await adminTab.reload();
    await adminTab.getByText('新建套餐', { exact: true }).click();
    const create = adminTab.getByTestId('create-plan');
    await create.getByLabel('套餐代码').fill('sandbox-plus');
    await create.getByLabel('名称（中文）').fill('沙箱增强版');
    await create.getByLabel('名称（英文）').fill('Sandbox Plus');
    await create.getByLabel('沙箱').check();
    await create.getByLabel('每秒调用上限（突发）').fill('80');
    await create.getByLabel('每分钟调用上限').fill('2000');
    await create.getByLabel('月配额（北京时间自然月）').fill('500000');
    await create.getByRole('button', { name: '创建套餐' }).click();
    const created = adminTab.getByTestId('plans').locator('tr[data-code="sandbox-plus"]');
    await expect.poll(() => alertOr(adminTab, () => created.textContent())).toContain('沙箱增强版');

    await page.goto(`${stack.portal}/console/app?id=${app.id}`);
    const row = page.getByTestId('subscriptions').locator('tr[data-product="search"]');
    const requested = row.getByTestId('requested-plan');
    const askForPlus = async () => {
      await row.getByTestId('change-plan').click();
      const form = page.getByTestId('change-plan-form');
      // Only the app's environment's plans are offered, those needing approval marked.
      const offered = await form
        .getByLabel('新套餐')
        .locator('option')
        .evaluateAll((options) => options.map((o) => o.textContent));
      expect(offered).toEqual(['沙箱', '沙箱增强版（需审核）']);
      await form.getByLabel('新套餐').selectOption('sandbox-plus');
      await form.getByRole('button', { name: '更换套餐' }).click();
      await expect
        .poll(() => alertOr(page, () => requested.textContent()))
        .toBe('申请更换为沙箱增强版，待审核');
    };
    await askForPlus();
    // The current plan holds meanwhile.
    expect(await page.getByTestId('subscription-notice').textContent()).toContain('审核通过前沿用当前套餐');
    expect(await row.textContent()).toContain('50 次/秒');
    await screenshot(page, 'plan-requested');

    await row.getByTestId('cancel-plan-request').click();
    await expect.poll(() => alertOr(page, () => requested.count().then(String))).toBe('0');
    expect(await page.getByTestId('subscription-notice').textContent()).toContain('已取消');
    await askForPlus();

    await adminTab.getByTestId('admin-nav').getByRole('link', { name: '订阅审核' }).click();
    const queued = adminTab
      .getByTestId('pending-subscriptions')
      .locator(`tr[data-app="${app.id}"][data-product="search"]`);
    await expect.poll(() => queued.textContent()).toContain('申请更换为沙箱增强版');
    await queued.getByRole('button', { name: '批准更换' }).click();
    await expect.poll(() => alertOr(adminTab, () => queued.count().then(String))).toBe('0');
    const approved = adminTab
      .getByTestId('subscription-table')
      .locator(`tr[data-app="${app.id}"][data-product="search"]`);
    await expect.poll(() => approved.textContent()).toContain('沙箱增强版');
    expect(await approved.textContent()).toContain('80 次/秒');

    await page.reload();
    await expect.poll(() => row.textContent()).toContain('80 次/秒');
    expect(await requested.count()).toBe(0);
    const policy = async () =>
      (
        await fetch(`${stack.api}/v1/search?q=%E5%B1%85%E4%BD%8F%E8%AF%81`, {
          headers: { 'x-api-key': app.key },
        })
      ).headers.get('ratelimit-policy');
    await expect.poll(policy, { timeout: 3_000, interval: 200 }).toContain('"burst";q=80');
    expect(publisherPage.errors).toEqual([]);
    expect(adminPage.errors).toEqual([]);
  });

  it('happy: a rejected subscription is requested again and waits for the admin once more', async () => {
    const form = page.getByTestId('subscribe');
    await form.getByLabel('产品').selectOption('social-insurance');
    await form.getByRole('button', { name: '订阅' }).click();
    const row = page.getByTestId('subscriptions').locator('tr[data-product="social-insurance"]');
    await expect.poll(() => alertOr(page, () => row.textContent())).toContain('待审核');

    const { page: adminTab } = adminPage;
    await adminTab.reload();
    const queued = adminTab
      .getByTestId('pending-subscriptions')
      .locator(`tr[data-app="${app.id}"][data-product="social-insurance"]`);
    await adminTab
      .getByTestId('pending-subscriptions')
      .getByLabel(/审核意见/)
      .fill('请说明用途');
    await queued.getByRole('button', { name: '拒绝', exact: true }).click();
    await expect.poll(() => alertOr(adminTab, () => queued.count().then(String))).toBe('0');

    await page.reload();
    await expect.poll(() => row.textContent()).toContain('已拒绝');
    expect(await row.textContent()).toContain('请说明用途');
    await row.getByTestId('request-again').click();
    await page.getByTestId('change-plan-form').getByRole('button', { name: '重新申请' }).click();
    await expect.poll(() => alertOr(page, () => row.textContent())).toContain('待审核');
    expect(await page.getByTestId('subscription-notice').textContent()).toContain('待平台管理员审核');

    await adminTab.reload();
    await expect.poll(() => queued.count()).toBe(1);
    expect(publisherPage.errors).toEqual([]);
    expect(adminPage.errors).toEqual([]);
  });

  it("happy: revoking all of the app's credentials stops its API key", async () => {
    const { page: adminTab } = adminPage;
    await adminTab.getByTestId('admin-nav').getByRole('link', { name: '应用管理' }).click();
    const row = adminTab.locator(`tr[data-app="${app.id}"]`);
    await row.getByTestId('revoke-credentials').click();
    await expect
      .poll(() => alertOr(adminTab, () => adminTab.getByTestId('admin-app-done').textContent()))
      .toContain('API Key 1 个');
    await expect.poll(() => keyStatus(), { timeout: 3_000, interval: 200 }).toBe(401);
    expect(adminPage.errors).toEqual([]);
  });
});
