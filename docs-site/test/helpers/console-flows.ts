import type { TestIdentity } from '@ixiamen/identity';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { alertOr } from './console-browser.js';

/**
 * From the signed-in overview: creates the identity's organisation and registers a confidential
 * sandbox app with the default products, then opens the app's page. Returns the app's id.
 */
export async function registerSandboxApp(page: Page, identity: TestIdentity, name: string): Promise<string> {
  const org = page.getByTestId('create-org');
  await org.getByLabel('组织名称').fill(identity.orgName ?? `${identity.name}的组织`);
  await org.getByRole('button', { name: '创建组织' }).click();
  await expect
    .poll(() => alertOr(page, () => page.getByTestId('org-list').textContent()))
    .toContain(identity.orgName ?? identity.name);

  await page.getByTestId('new-app').click();
  const form = page.getByTestId('create-app');
  await form.getByLabel('应用名称').fill(name);
  await form.getByLabel('应用简介').fill('用于测试用量统计和平台管理的沙箱应用');
  await form.getByLabel('回调地址（redirect_uri）').fill('http://127.0.0.1:9/cb\n');
  await form.getByRole('button', { name: '注册应用' }).click();
  await page.getByTestId('open-app').click();
  await expect.poll(() => page.getByTestId('app-name').textContent()).toBe(name);
  const id = new URL(page.url()).searchParams.get('id');
  if (!id) throw new Error(`no app id in ${page.url()}`);
  return id;
}

/** On an app's page: creates an API key and returns it, as shown once. */
export async function createApiKey(page: Page, name: string): Promise<string> {
  const form = page.getByTestId('create-api-key');
  await form.getByLabel('名称').fill(name);
  await form.getByRole('button', { name: '创建 API Key' }).click();
  const shown = page.getByTestId('api-key');
  await shown.waitFor();
  return (await shown.textContent()) ?? '';
}
