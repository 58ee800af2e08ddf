import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, usageHourly } from '@ixiamen/db';
import { openTestDatabase, testDriver } from '@ixiamen/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { provisionApp } from '../../../src/testing.js';
import { setLimits } from '../../helpers/set-limits.js';
import {
  type RunningServer,
  SPAWNED_SERVER_TEST_TIMEOUT_MS,
  spawnServer,
} from '../../helpers/spawn-server.js';

let dir: string;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

describe('metering across a graceful shutdown', { timeout: SPAWNED_SERVER_TEST_TIMEOUT_MS }, () => {
  it('happy: after SIGTERM under load, metered totals equal what the clients saw', async () => {
    // The server process and this test share the run's database: a PostgreSQL database, or an
    // embedded one in a directory, opened by one process at a time.
    dir = await mkdtemp(join(tmpdir(), 'ixm-shutdown-'));
    const postgres = testDriver() === 'postgres' ? await openTestDatabase() : undefined;
    const storage: Record<string, string> = postgres?.url
      ? { DATABASE_URL: postgres.url }
      : { PGLITE_DIR: dir };
    const setup = await buildApp({ config: { LOG_LEVEL: 'silent', ...storage } });
    const creds = await provisionApp(setup);
    await setLimits(setup, creds.appId, 'catalog', { ratePerSecond: 100_000, ratePerMinute: 10_000_000 });
    await setup.close();

    // Nothing is flushed on the timer: only the shutdown can write what was counted.
    server = await spawnServer({ ...storage, METERING_FLUSH_MS: '60000', CREDENTIAL_POLL_MS: '60000' });
    const seen = { ok: 0, clientErrors: 0, other: 0 };
    let stopping = false;
    const client = async (url: string) => {
      while (!stopping || seen.ok < 50) {
        try {
          const res = await fetch(`${server!.baseUrl}${url}`, { headers: { 'x-api-key': creds.apiKey } });
          await res.arrayBuffer();
          if (res.status === 200) seen.ok++;
          else if (res.status >= 400 && res.status < 500 && res.status !== 429) seen.clientErrors++;
          else seen.other++;
        } catch {
          // The server has closed: calls that got no answer were not seen, so they must not count.
          return;
        }
      }
    };
    const clients = [
      ...Array.from({ length: 6 }, () => client('/v1/categories')),
      client('/v1/services/no-such-service'),
    ];
    await new Promise((r) => setTimeout(r, 1_500));
    stopping = true;
    const code = await server.stop('SIGTERM');
    await Promise.all(clients);
    expect(code).toBe(0);
    expect(seen.ok).toBeGreaterThan(50);

    const handle = postgres ?? (await openDatabase({ dataDir: dir }));
    const rows = await handle.db.select().from(usageHourly);
    await handle.close();
    const sum = (cls: string) => rows.filter((r) => r.statusClass === cls).reduce((n, r) => n + r.calls, 0);
    expect(sum('2xx')).toBe(seen.ok);
    expect(sum('4xx')).toBe(seen.clientErrors);
  });
});
