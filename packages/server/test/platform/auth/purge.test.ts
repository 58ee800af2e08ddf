import { authorizationRequests, credentialEvents, sessions } from '@ixiamen/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../../src/platform/auth/purge.js';
import { signInForTest } from '../../../src/testing.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('purge of expired auth state', () => {
  it('happy: removes what expired, keeps what still matters', async () => {
    const db = t.app.database.db;
    const live = await signInForTest(t.app);
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    await db
      .insert(sessions)
      .values({ idHash: 'expired', accountId: live.accountId, csrfToken: 'x', expiresAt: old });
    await db.insert(authorizationRequests).values({
      id: 'stale',
      appId: t.credentials.appId,
      accountId: live.accountId,
      redirectUri: 'https://a.example/cb',
      scopes: [],
      codeChallenge: 'x',
      purpose: 'x',
      expiresAt: old,
    });
    await db.insert(credentialEvents).values([
      { kind: 'app', subject: 'lapsed', until: null, createdAt: old },
      { kind: 'token', subject: 'still-denied', until: new Date(Date.now() + 600_000), createdAt: old },
      { kind: 'api_key', subject: 'recent', until: null },
    ]);

    await purgeExpired(db);

    expect((await db.select().from(sessions)).map((s) => s.idHash)).not.toContain('expired');
    expect((await db.select().from(sessions)).length).toBeGreaterThan(0);
    expect(await db.select().from(authorizationRequests)).toEqual([]);
    const subjects = (await db.select().from(credentialEvents)).map((e) => e.subject);
    expect(subjects).toContain('still-denied');
    expect(subjects).toContain('recent');
    expect(subjects).not.toContain('lapsed');
  });
});
