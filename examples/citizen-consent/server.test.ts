import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort, listeningPlatform, provisionApp, signInForTest } from '@ixiamen/server/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('./server.mjs', import.meta.url));
let app: FastifyInstance;
let baseUrl: string;
let exampleUrl: string;
let child: ChildProcess | undefined;
let citizenCookie: string;

/** Starts the example as its own process, the way a developer runs it, and waits until it listens. */
async function startExample(env: Record<string, string>): Promise<ChildProcess> {
  const started = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', example], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    started.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^listening on http:\/\/127\.0\.0\.1:\d+$/m.test(output)) resolve();
    });
    started.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    started.once('exit', (code) =>
      reject(new Error(`the example exited (${code}) before listening:\n${output}`)),
    );
  });
  return started;
}

beforeAll(async () => {
  ({ app, baseUrl } = await listeningPlatform());
  const port = await freePort();
  exampleUrl = `http://127.0.0.1:${port}`;
  const credentials = await provisionApp(app, { redirectUris: [`${exampleUrl}/callback`] });
  child = await startExample({
    IXIAMEN_BASE_URL: baseUrl,
    IXIAMEN_CLIENT_ID: credentials.clientId,
    IXIAMEN_CLIENT_SECRET: credentials.clientSecret!,
    PORT: String(port),
  });
  ({ cookie: citizenCookie } = await signInForTest(app, { roles: ['citizen'] }));
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await app?.close();
});

/** The citizen's browser: starts at the example's /login and decides on the consent screen. */
async function consentInBrowser(decision: 'approve' | 'deny') {
  const login = await fetch(`${exampleUrl}/login`, { redirect: 'manual' });
  expect(login.status).toBe(302);
  const exampleCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const authorize = login.headers.get('location')!;
  expect(authorize.startsWith(`${baseUrl}/oauth/authorize?`)).toBe(true);

  const consent = await fetch(authorize, { headers: { cookie: citizenCookie }, redirect: 'manual' });
  expect(consent.status).toBe(200);
  const html = await consent.text();
  expect(html).toContain('data-scope="profile:read"');
  const field = (name: string) => html.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!;

  const decided = await fetch(`${baseUrl}/oauth/authorize`, {
    method: 'POST',
    headers: { cookie: citizenCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: field('request'), csrf: field('csrf'), decision }),
    redirect: 'manual',
  });
  expect(decided.status).toBe(302);
  const callback = decided.headers.get('location')!;
  expect(callback.startsWith(`${exampleUrl}/callback?`)).toBe(true);
  return { callback, exampleCookie };
}

describe('examples/citizen-consent', () => {
  it('happy: login, consent, callback; the page shows the granted scope and the categories read with it', async () => {
    const { callback, exampleCookie } = await consentInBrowser('approve');
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();

    const page = await fetch(callback, { headers: { cookie: exampleCookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<code data-scope>profile:read catalog:read</code>');
    expect(html).toContain('<strong data-category-count>6</strong>');
    expect(html).toContain('身份证明类');
  });

  it('error: a denied consent comes back as access_denied and is explained, with no tokens', async () => {
    const { callback, exampleCookie } = await consentInBrowser('deny');
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');

    const page = await fetch(callback, { headers: { cookie: exampleCookie } });
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain('access_denied');
    expect(html).toContain('你没有授权');
  });

  it('security: a callback without the login that started it, or with a foreign state, is refused', async () => {
    const { callback, exampleCookie } = await consentInBrowser('approve');

    // Another browser (no session cookie) cannot use the code.
    const stranger = await fetch(callback);
    expect(stranger.status).toBe(400);

    // A state that is not the one this browser's login created.
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state');
    const page = await fetch(forged, { headers: { cookie: exampleCookie } });
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/state does not match/);

    // The login is spent: the genuine callback replayed afterwards is refused too.
    const replay = await fetch(callback, { headers: { cookie: exampleCookie } });
    expect(replay.status).toBe(400);
  });
});
