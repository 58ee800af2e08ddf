import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testDriver } from '@ixiamen/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { CREDENTIAL_FEED_CHANNEL } from '../../src/platform/auth/credential-feed.js';
import { provisionApp } from '../../src/testing.js';

const cli = fileURLToPath(new URL('../../src/cli/admin.ts', import.meta.url));
const run = promisify(execFile);
let dir: string;
let appId: string;

// The CLI works on the database itself, here an embedded one in a directory of this test's own.
const adminWith = async (env: Record<string, string>, ...args: string[]) => {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', cli, ...args],
      { env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '', REDIS_URL: '', ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout + e.stderr, stderr: e.stderr };
  }
};
const admin = (...args: string[]) => adminWith({}, ...args);

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisAnswers() {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 500,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
const noRedis = !(await redisAnswers());

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

  it('happy: --awaiting lists exactly the subscriptions awaiting a decision', async () => {
    type Row = { id: string; status: string; requestedPlan: string | null };
    const all: Row[] = JSON.parse((await admin('subscriptions', 'list', '--json')).stdout);
    const awaiting: Row[] = JSON.parse((await admin('subscriptions', 'list', '--awaiting', '--json')).stdout);
    const waits = (r: Row) => r.status === 'pending' || r.requestedPlan !== null;
    expect(awaiting.map((r) => r.id).sort()).toEqual(
      all
        .filter(waits)
        .map((r) => r.id)
        .sort(),
    );
    expect(all.some((r) => !waits(r))).toBe(true);
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

  it.skipIf(noRedis)(
    'happy: with REDIS_URL, a change nudges running instances through Redis',
    async () => {
      const subscriber = new Redis(TEST_REDIS_URL);
      const nudges: string[] = [];
      subscriber.on('message', (_channel, message) => nudges.push(message));
      await subscriber.subscribe(CREDENTIAL_FEED_CHANNEL);
      try {
        const [sub] = JSON.parse((await admin('subscriptions', 'list', '--app', appId, '--json')).stdout);
        const suspended = await adminWith(
          { REDIS_URL: TEST_REDIS_URL },
          'subscriptions',
          'suspend',
          sub.id,
          '--json',
        );
        expect(suspended.code).toBe(0);
        expect(suspended.stderr).not.toContain('warning');
        expect(JSON.parse(suspended.stdout).status).toBe('suspended');
        await expect.poll(() => nudges, { timeout: 1_000 }).toContain('1');
      } finally {
        subscriber.disconnect();
      }
    },
    60_000,
  );

  it('error: a Redis that is refused or never answers costs a warning, not the command', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `redis://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      const subs = JSON.parse((await admin('subscriptions', 'list', '--app', appId, '--json')).stdout);
      const cases = [
        ['redis://127.0.0.1:1', /ECONNREFUSED/],
        [silentUrl, /no answer within 2000 ms/],
      ] as const;
      for (const [i, [url, reason]] of cases.entries()) {
        // It returns only once the CLI has exited: a Redis that is down must not keep it alive.
        const res = await adminWith({ REDIS_URL: url }, 'subscriptions', 'approve', subs[i].id, '--json');
        expect(res.code, url).toBe(0);
        expect(JSON.parse(res.stdout).status).toBe('active');
        const warnings = res.stderr.split('\n').filter((line) => line.startsWith('warning:'));
        expect(warnings).toEqual([expect.stringMatching(/^warning: could not nudge running instances/)]);
        expect(warnings[0]).toMatch(reason);
      }
    } finally {
      silent.close();
    }
  }, 60_000);
});
