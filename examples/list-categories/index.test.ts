import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listeningPlatform } from '@ixiamen/server/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const example = fileURLToPath(new URL('./index.mjs', import.meta.url));
let app: FastifyInstance;
let baseUrl: string;
let credentials: Awaited<ReturnType<typeof listeningPlatform>>['credentials'];
beforeAll(async () => {
  ({ app, baseUrl, credentials } = await listeningPlatform());
});
afterAll(() => app.close());

// The example runs as its own process, the way a developer runs it, over real HTTP.
const runExample = (env: Record<string, string>) =>
  run(process.execPath, ['--conditions=source', '--import', 'tsx', example], {
    env: { ...process.env, ...env },
  });

describe('examples/list-categories', () => {
  it('happy: prints every category with its count, with client credentials or an API key', async () => {
    const envs: Record<string, string>[] = [
      { IXIAMEN_CLIENT_ID: credentials.clientId, IXIAMEN_CLIENT_SECRET: credentials.clientSecret! },
      { IXIAMEN_API_KEY: credentials.apiKey },
    ];
    for (const env of envs) {
      const { stdout } = await runExample({ IXIAMEN_BASE_URL: baseUrl, ...env });
      const lines = stdout.trim().split('\n');
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatch(/^身份证明类\tIdentity\t\d+ 项服务$/);
      expect(lines[5]).toMatch(/^学历职称类\tEducation and titles\t\d+ 项服务$/);
    }
  });

  it('error: without credentials the platform says invalid_token and the example exits non-zero', async () => {
    const failure = await runExample({ IXIAMEN_BASE_URL: baseUrl }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/answered 401 invalid_token/);
  });

  it('error: reports the problem code and exits non-zero when the platform says no', async () => {
    const failure = await runExample({
      IXIAMEN_BASE_URL: `${baseUrl}/wrong-prefix`,
      IXIAMEN_API_KEY: credentials.apiKey,
    }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/answered 404 route_not_found \(request req_[0-9a-f]+\)/);
  });
});
