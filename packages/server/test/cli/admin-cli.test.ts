import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testDriver } from '@ixiamen/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { provisionApp } from '../../src/testing.js';

const cli = fileURLToPath(new URL('../../src/cli/admin.ts', import.meta.url));
const run = promisify(execFile);
let dir: string;
let appId: string;

// The CLI works on the database itself, here an embedded one in a directory of this test's own.
const admin = async (...args: string[]) => {
  try {
    const { stdout } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
    });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout + e.stderr };
  }
};

beforeAll(async () => {
  if (testDriver() !== 'pglite') return;
  dir = await mkdtemp(join(tmpdir(), 'ixm-cli-'));
  const app = await buildApp({ config: { LOG_LEVEL: 'silent', PGLITE_DIR: dir } });
  appId = (await provisionApp(app, { environment: 'production', status: 'pending_approval' })).appId;
  await app.close();
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// It runs on its own embedded database, so once per run is enough.
describe.runIf(testDriver() === 'pglite')('pnpm admin', () => {
  it('happy: lists apps, approves and suspends one, and every change is in the audit log as the CLI', async () => {
    const pending = JSON.parse(
      (await admin('apps', 'list', '--status', 'pending_approval', '--json')).stdout,
    );
    expect(pending.map((r: { app: { id: string } }) => r.app.id)).toEqual([appId]);
    expect(JSON.parse((await admin('apps', 'approve', appId, '--json')).stdout).status).toBe('active');
    expect(
      JSON.parse((await admin('apps', 'suspend', appId, '--reason', 'abuse', '--json')).stdout).status,
    ).toBe('suspended');
    const audit = JSON.parse((await admin('audit', '--json')).stdout);
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['app.suspend', 'app.approve']);
    expect(audit[0]).toMatchObject({
      via: 'cli',
      targetId: appId,
      after: { status: 'suspended', reason: 'abuse' },
    });
  }, 60_000);

  it('happy: overrides a subscription’s quota and changes a plan', async () => {
    const subs = JSON.parse((await admin('subscriptions', 'list', '--app', appId, '--json')).stdout);
    const catalog = subs.find((s: { product: string }) => s.product === 'catalog');
    const changed = JSON.parse(
      (await admin('subscriptions', 'override', catalog.id, '--quota', '5', '--json')).stdout,
    );
    expect(changed.limits.monthlyQuota).toBe(5);
    const plan = JSON.parse((await admin('plans', 'set', 'basic', '--per-second', '30', '--json')).stdout);
    expect(plan.ratePerSecond).toBe(30);
  }, 60_000);

  it('error: unknown commands and bad numbers exit non-zero with the usage', async () => {
    const unknown = await admin('apps', 'explode');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('Usage: pnpm admin');
    expect((await admin('plans', 'set', 'basic', '--quota', 'lots')).code).toBe(2);
    const missing = await admin('apps', 'suspend', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('not_found');
  }, 60_000);
});
