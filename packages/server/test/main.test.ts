import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openTestDatabase, testDriver } from '@ixiamen/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPAWNED_SERVER_TEST_TIMEOUT_MS, spawnServer } from './helpers/spawn-server.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  if (testDriver() === 'postgres') {
    const db = await openTestDatabase();
    env = { DATABASE_URL: db.url! };
    cleanup = () => db.close();
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'ixm-main-'));
    env = { PGLITE_DIR: join(dir, 'pglite') };
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
});
afterAll(() => cleanup());

describe('main: the process', { timeout: SPAWNED_SERVER_TEST_TIMEOUT_MS }, () => {
  it('happy: starts, serves, and on SIGTERM finishes what is in flight, closes and exits 0', async () => {
    const server = await spawnServer(env);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);

    // Connections still opening when the signal lands may be refused or reset (clients retry those).
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(`${server.baseUrl}/.well-known/oauth-authorization-server`).then(
        (r) => r.status,
        () => 'refused' as const,
      ),
    );
    // Signal once the server is busy answering, with the rest of the burst still in flight.
    await Promise.race(inFlight);
    const code = await server.stop('SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(code, server.output()).toBe(0);
    expect(server.output()).toMatch(/"msg":"closed"/);
    // Accepted requests are answered in full; late ones get a retryable 503 problem or are refused
    // at connect. None is cut off or answered with a 500.
    expect(answers.filter((a) => a !== 'refused' && a !== 200 && a !== 503)).toEqual([]);
    expect(answers).toContain(200);
  });

  it('happy: a restart on the same storage keeps the data (the token signing keys) and applies no migration twice', async () => {
    const first = await spawnServer(env);
    const before = await (await fetch(`${first.baseUrl}/.well-known/jwks.json`)).json();
    expect(await first.stop()).toBe(0);
    const second = await spawnServer(env);
    const after = await (await fetch(`${second.baseUrl}/.well-known/jwks.json`)).json();
    expect(before.keys).toHaveLength(1);
    expect(await second.stop()).toBe(0);
    expect(after).toEqual(before);
  });

  it('error: a bad configuration stops the start with a clear message and exit code 1', async () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const failure = await promisify(execFile)(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', main],
      {
        env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: 'mysql://root:secret@db/x' },
      },
    ).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('Invalid configuration');
    expect(failure.stderr).toContain('PORT="not-a-port"');
    expect(failure.stderr).toContain('DATABASE_URL=(hidden)');
    expect(failure.stderr).not.toContain('secret');
  });
});
