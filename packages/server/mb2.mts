import { subscriptions } from '@ixiamen/db';
import { buildApp } from './src/app.ts';
import { provisionApp } from './src/testing.ts';

const app = await buildApp({ config: { LOG_LEVEL: 'silent', PGLITE_DIR: 'memory://' } });
const c = await provisionApp(app);
await app.database.db
  .update(subscriptions)
  .set({ overrides: { ratePerSecond: 1e9, ratePerMinute: 1e9, monthlyQuota: 2e9 } });
const token = await app.auth.keys.sign(
  { sub: c.clientId, client_id: c.clientId, app_id: c.appId, scope: 'catalog:read' },
  3600,
);
const N = 20000;
for (let k = 0; k < 4; k++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++)
    await app.inject({ method: 'GET', url: '/v1/categories', headers: { authorization: `Bearer ${token}` } });
  console.log('inject µs', Number(process.hrtime.bigint() - t) / N / 1000);
}
await app.close();
