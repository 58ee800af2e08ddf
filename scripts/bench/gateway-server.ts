/**
 * One server of `pnpm bench`, run as its own process so the load generator does not share its
 * event loop.
 * - BENCH_MODE=bare: Fastify alone, answering BENCH_BODY_FILE's JSON (with BENCH_HEADERS_FILE's
 *   headers, when set, and BENCH_WORK_US microseconds of pure CPU work per call, when set).
 * - BENCH_MODE=departments: the sandbox department systems.
 * - BENCH_MODE=platform: the full platform on the PostgreSQL database BENCH_DB_URL, or on
 *   in-memory PGlite without one (with the Redis store when BENCH_REDIS_URL is set), and
 *   BENCH_APPS sandbox apps on a plan whose limits the load never reaches, whose API keys and
 *   access tokens are written to BENCH_CREDENTIALS_FILE.
 * Prints `ready` once listening.
 */
import { readFile, writeFile } from 'node:fs/promises';

// Run as production runs a server (`node dist/main.js`), without source maps: tsx turns them on
// for every module loaded after it, and Node then keeps each bundle's map in the heap (about
// 7 MB of the gateway's 60), for every major GC to mark. Hence the imports after this line.
process.setSourceMapsEnabled(false);
const { apiKeys, apps, developerOrgs, plans, subscriptions } = await import('@ixiamen/db');
const { buildDepartmentsApp } = await import('@ixiamen/departments');
const { buildApp } = await import('@ixiamen/server');
const { default: Fastify } = await import('fastify');
const { newApiKey, newClientId } = await import('../../packages/server/src/modules/console/credentials.ts');

const port = Number(process.env.PORT);
const mode = process.env.BENCH_MODE;

async function bare() {
  const body = JSON.parse(await readFile(process.env.BENCH_BODY_FILE!, 'utf8'));
  // The headers the gateway sent with that JSON, sent here as they are: what they alone cost.
  const headers = process.env.BENCH_HEADERS_FILE
    ? JSON.parse(await readFile(process.env.BENCH_HEADERS_FILE, 'utf8'))
    : undefined;
  const work = workFor(Number(process.env.BENCH_WORK_US ?? 0));
  const app = Fastify({ logger: false });
  app.get('/v1/categories', async (_request, reply) => {
    if (headers) reply.headers(headers);
    work();
    return body;
  });
  return app;
}

/** A loop that takes about `us` microseconds of CPU and allocates nothing, calibrated here. */
function workFor(us: number): () => void {
  if (!us) return () => {};
  let sink = 0;
  const spin = (n: number) => {
    let x = sink;
    for (let i = 0; i < n; i++) x = (x * 31 + i) % 1_000_003;
    sink = x;
  };
  spin(1e7);
  const started = process.hrtime.bigint();
  spin(1e7);
  const perUs = 1e7 / (Number(process.hrtime.bigint() - started) / 1000);
  const n = Math.round(us * perUs);
  return () => spin(n);
}

/** N apps, each with an API key and a client-credentials access token, inserted in bulk. */
async function platform() {
  const count = Number(process.env.BENCH_APPS ?? 1);
  const app = await buildApp({
    config: {
      LOG_LEVEL: 'silent',
      PGLITE_DIR: 'memory://',
      DATABASE_URL: process.env.BENCH_DB_URL || undefined,
      REDIS_URL: process.env.BENCH_REDIS_URL || undefined,
      ...(process.env.DEPARTMENTS_URL ? { DEPARTMENTS_URL: process.env.DEPARTMENTS_URL } : {}),
    },
  });
  const db = app.database.db;
  const [org] = await db.insert(developerOrgs).values({ name: '压测组织' }).returning();
  // Limits high enough never to stop the load, so the bench measures their cost, not their effect.
  await db.insert(plans).values({
    code: 'bench',
    name: '压测',
    nameEn: 'Bench',
    environment: 'sandbox',
    ratePerSecond: 1_000_000,
    ratePerMinute: 60_000_000,
    monthlyQuota: 2_000_000_000,
    requiresApproval: false,
  });
  const credentials: { apiKey: string; token: string }[] = [];
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    const created = await db
      .insert(apps)
      .values(
        Array.from({ length: size }, (_, i) => ({
          orgId: org!.id,
          clientId: newClientId(),
          name: `bench-${start + i}`,
          description: 'load test app',
          redirectUris: [],
          environment: 'sandbox' as const,
          clientType: 'confidential' as const,
          status: 'active' as const,
          products: ['catalog'],
        })),
      )
      .returning({ id: apps.id, clientId: apps.clientId });
    await db.insert(subscriptions).values(
      created.flatMap((a) =>
        ['catalog', 'prices'].map((productCode) => ({
          appId: a.id,
          productCode,
          planCode: 'bench',
          status: 'active' as const,
        })),
      ),
    );
    const keys = created.map((a) => ({ appId: a.id, ...newApiKey('sandbox') }));
    await db.insert(apiKeys).values(keys.map((k) => ({ appId: k.appId, name: 'bench', ...k.stored })));
    for (const [i, a] of created.entries()) {
      const token = await app.auth.keys.sign(
        { sub: a.clientId, client_id: a.clientId, app_id: a.id, scope: 'catalog:read' },
        3600,
      );
      credentials.push({ apiKey: keys[i]!.key, token });
    }
  }
  await writeFile(process.env.BENCH_CREDENTIALS_FILE!, JSON.stringify(credentials));
  return app;
}

const app =
  mode === 'bare' ? await bare() : mode === 'departments' ? await buildDepartmentsApp() : await platform();
await app.listen({ port, host: '127.0.0.1' });
console.log('ready');
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
