import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { accounts, apiKeys, developerOrgs, orgMembers, sessions } from '@ixiamen/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { newApiKey, newClientId, newClientSecret } from './modules/console/credentials.js';
import { consoleRepository } from './modules/console/repository.js';
import { randomToken, sha256 } from './platform/auth/secrets.js';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The platform on in-memory PGlite, listening on a free loopback port that is also its issuer,
 * with a sandbox app and its credentials: what SDK and example tests talk to over real HTTP.
 */
export async function listeningPlatform() {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    config: { LOG_LEVEL: 'silent', PGLITE_DIR: 'memory://', PUBLIC_BASE_URL: baseUrl },
  });
  await app.listen({ port, host: '127.0.0.1' });
  const credentials = await provisionApp(app);
  return { app, baseUrl, apiKey: credentials.apiKey, credentials };
}

export interface TestIdentity {
  subject: string;
  name: string;
  roles: string[];
}

/** An account signed in to the console, as the sign-in callback would leave it. */
export async function signInForTest(app: FastifyInstance, identity: Partial<TestIdentity> = {}) {
  const db = app.database.db;
  const subject = identity.subject ?? `test-${randomToken(6)}`;
  const [account] = await db
    .insert(accounts)
    .values({ subject, name: identity.name ?? '测试用户', roles: identity.roles ?? ['citizen', 'developer'] })
    .onConflictDoUpdate({ target: accounts.subject, set: { name: identity.name ?? '测试用户' } })
    .returning();
  const id = randomToken(32);
  const csrfToken = randomToken(24);
  await db.insert(sessions).values({
    idHash: sha256(id),
    accountId: account!.id,
    csrfToken,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return { accountId: account!.id, cookie: `ixm_session=${id}`, csrfToken };
}

export interface ProvisionOptions {
  environment?: 'sandbox' | 'production';
  clientType?: 'confidential' | 'public';
  status?: 'active' | 'pending_approval' | 'suspended';
  redirectUris?: string[];
  products?: string[];
  accountId?: string;
}

/** A publisher organisation with one app, its client secret and an API key, straight into storage. */
export async function provisionApp(app: FastifyInstance, options: ProvisionOptions = {}) {
  const db = app.database.db;
  const accountId = options.accountId ?? (await signInForTest(app)).accountId;
  const [org] = await db.insert(developerOrgs).values({ name: '厦门鹭岛科技有限公司' }).returning();
  await db.insert(orgMembers).values({ orgId: org!.id, accountId, role: 'owner' }).onConflictDoNothing();
  const environment = options.environment ?? 'sandbox';
  const clientType = options.clientType ?? 'confidential';
  const secret = clientType === 'confidential' ? await newClientSecret() : undefined;
  const created = await consoleRepository(db).createApp(
    {
      orgId: org!.id,
      clientId: newClientId(),
      name: '鹭岛办事通',
      description: '帮助市民查询办事指南并在线申请',
      redirectUris: options.redirectUris ?? ['http://127.0.0.1:8976/callback'],
      environment,
      clientType,
      status: options.status ?? 'active',
      products: options.products ?? ['catalog', 'search', 'residence'],
    },
    secret?.stored,
  );
  const key = newApiKey(environment);
  const [row] = await db
    .insert(apiKeys)
    .values({ appId: created.id, name: 'test', ...key.stored })
    .returning();
  return {
    accountId,
    orgId: org!.id,
    appId: created.id,
    clientId: created.clientId,
    clientSecret: secret?.secret,
    apiKey: key.key,
    apiKeyId: row!.id,
  };
}
