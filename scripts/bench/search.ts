/**
 * `pnpm bench:search`: search quality on the committed evaluation set (hit@1, hit@3, MRR) and
 * search latency over loopback against the real server, with the full catalogue and with the
 * catalogue scaled to 10,000 documents, on PGlite and (when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set) on PostgreSQL.
 */
import { readFile } from 'node:fs/promises';
import { type CatalogSeed, loadCatalogSeed, openDatabase, seedCatalog } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import { buildApp } from '@ixiamen/server';
import { ms, summarize } from './stats.ts';

interface EvalQuery {
  q: string;
  expect: string[];
  kind: string;
}

const queries = JSON.parse(
  await readFile(new URL('./search-queries.json', import.meta.url), 'utf8'),
) as EvalQuery[];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

async function quality(baseUrl: string) {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  const misses: string[] = [];
  for (const { q, expect } of queries) {
    const res = await fetch(`${baseUrl}/v1/search?type=service&limit=10&q=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { groups: { service: { data: { id: string }[] } } };
    const ids = body.groups.service.data.map((h) => h.id);
    const rank = ids.findIndex((id) => expect.includes(id)) + 1;
    if (rank === 1) hit1++;
    if (rank >= 1 && rank <= 3) hit3++;
    if (rank >= 1) rr += 1 / rank;
    if (rank !== 1)
      misses.push(`  ${q} → expected ${expect[0]}, rank ${rank || '>10'}; got ${ids.slice(0, 3).join(', ')}`);
  }
  const n = queries.length;
  return { n, hit1: hit1 / n, hit3: hit3 / n, mrr: rr / n, misses };
}

async function latency(baseUrl: string) {
  const urls = queries.map((x) => `${baseUrl}/v1/search?q=${encodeURIComponent(x.q)}`);
  for (const url of urls) await (await fetch(url)).arrayBuffer();
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const url of urls) {
      const t0 = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      samples.push(performance.now() - t0);
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    }
  }
  return summarize(samples);
}

/** Copies of the real services (new slugs, same texts) until the index holds `target` documents. */
function scaled(seed: CatalogSeed, target: number): CatalogSeed {
  const perService = 1 + seed.services.reduce((s, x) => s + x.faqs.length, 0) / seed.services.length;
  const base = seed.services.length * perService + seed.policies.length + seed.organisations.length;
  const copies = Math.max(0, Math.ceil((target - base) / (seed.services.length * perService)));
  const extra = Array.from({ length: copies }, (_, c) =>
    seed.services.map((s) => ({ ...s, slug: `${s.slug}-copy-${c + 1}`, name: `${s.name}（${c + 1}）` })),
  ).flat();
  return { ...seed, services: [...seed.services, ...extra] };
}

async function run(label: string, open: () => Promise<{ url?: string; close(): Promise<void> }>) {
  const seed = await loadCatalogSeed();
  for (const [size, content] of [
    ['full catalogue', seed],
    ['scaled to 10k docs', scaled(seed, 10_000)],
  ] as const) {
    const db = await open();
    const handle = await openDatabase({ url: db.url, dataDir: db.url ? undefined : 'memory://' });
    await handle.migrate();
    await seedCatalog(handle.db, content);
    const app = await buildApp({ config: { LOG_LEVEL: 'silent' }, database: handle });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const docs = app.catalog.current().search.documents.length;
    const q = await quality(baseUrl);
    const l = await latency(baseUrl);
    console.log(
      `${label.padEnd(10)} ${size.padEnd(18)} docs=${String(docs).padStart(5)}  hit@1=${q.hit1.toFixed(3)} hit@3=${q.hit3.toFixed(3)} MRR=${q.mrr.toFixed(3)}  latency n=${l.n} p50=${ms(l.p50)} p95=${ms(l.p95)} p99=${ms(l.p99)}`,
    );
    if (size === 'full catalogue' && q.misses.length > 0)
      console.log(`  not first (${q.misses.length}):\n${q.misses.join('\n')}`);
    await app.close();
    await handle.close();
    await db.close();
  }
}

console.log(`search bench: ${queries.length} evaluation queries, ${ROUNDS} latency rounds over loopback`);
await run('PGlite', async () => ({ close: async () => {} }));
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  process.env.TEST_DB_DRIVER = 'postgres';
  process.env.TEST_DATABASE_URL = pgUrl;
  await run('PostgreSQL', () => openTestDatabase());
} else {
  console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).');
}
