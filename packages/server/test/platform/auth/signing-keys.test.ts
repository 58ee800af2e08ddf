import type { DatabaseHandle } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { provisionApp } from '../../../src/testing.js';
import { tokenRequest } from '../../helpers/oauth-flow.js';

// Two instances on one database: a key rotated on one signs there at once and verifies on the other.
let database: DatabaseHandle;
let a: FastifyInstance;
let b: FastifyInstance;
let creds: Awaited<ReturnType<typeof provisionApp>>;

beforeAll(async () => {
  database = await openTestDatabase();
  const config = { LOG_LEVEL: 'silent' as const, CREDENTIAL_POLL_MS: 100 };
  a = await buildApp({ database, config });
  b = await buildApp({ database, config });
  creds = await provisionApp(a);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await database.close();
});

const token = async (app: FastifyInstance) =>
  (await tokenRequest(app, creds, { grant_type: 'client_credentials' })).json().access_token as string;
const kid = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()).kid as string;
const call = (app: FastifyInstance, jwt: string) =>
  app
    .inject({ method: 'GET', url: '/v1/categories', headers: { authorization: `Bearer ${jwt}` } })
    .then((r) => r.statusCode);
const published = async (app: FastifyInstance) =>
  (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' }))
    .json()
    .keys.map((k: { kid: string }) => k.kid);

describe('signing key rotation', () => {
  it('happy: new tokens use the new key; old tokens still verify; both keys are published until the old tokens expire', async () => {
    const before = await token(a);
    const oldKid = kid(before);
    const newKid = await a.auth.rotateSigningKey();
    const after = await token(a);
    expect(kid(after)).toBe(newKid);
    expect(await call(a, before)).toBe(200);
    await expect.poll(() => call(b, after), { timeout: 2_000, interval: 50 }).toBe(200);
    expect(await call(b, before)).toBe(200);
    await expect.poll(() => published(b), { timeout: 2_000, interval: 50 }).toEqual([newKid, oldKid]);
    await expect.poll(async () => kid(await token(b)), { timeout: 2_000, interval: 50 }).toBe(newKid);

    // One token lifetime later the old key is gone, and with it any token it signed.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 601_000 });
    await a.auth.keys.reload();
    vi.useRealTimers();
    expect(await published(a)).toEqual([newKid]);
  });
});
