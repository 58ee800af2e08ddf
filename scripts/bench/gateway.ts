/**
 * `pnpm bench`: what the gateway costs on the hot path, measured with autocannon over loopback
 * against bare Fastify answering the same JSON, in one run, after warm-up, in interleaved rounds.
 * Each server runs in its own process. Reports median throughput and p50/p99 latency per variant
 * and the ratios to the baseline, the servers' CPU per call, and the p99 the gateway adds at a
 * steady half of the baseline's peak (an open-loop constant rate, `steady-load.ts`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase } from '@ixiamen/db/testing';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { freePort } from '../../packages/server/src/testing.ts';
import { SERVER_NODE_FLAGS } from '../node-flags.mjs';
import { machinePauses } from './machine-pauses.ts';
import { summarize } from './stats.ts';
import { type SteadyResult, steadyLoad } from './steady-load.ts';

const APPS = Number(process.env.BENCH_APPS ?? 10_000);
// More, shorter rounds: this machine's speed drifts by a third within minutes, and interleaving
// more often spreads the drift over every variant.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// How long the machine's own pauses are measured for, before anything else runs.
const PAUSE_SECONDS = Number(process.env.BENCH_PAUSE_SECONDS ?? 5);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
// The gateways run on PostgreSQL, as deployed, when it answers: embedded PGlite runs its queries
// (the credential feed's poll each second, metering flushes) on the event loop, and those pauses
// of several milliseconds are what a p99 measured on it mostly shows. Empty: PGlite.
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const serverScript = fileURLToPath(new URL('./gateway-server.ts', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'ixm-bench-'));
const children: ChildProcess[] = [];
const STANDARD_HEADERS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
const servers = new Map<string, ChildProcess>();
const databases: { drop: () => Promise<void> }[] = [];

async function startServer(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  // The packages' built output, as production runs it (`pnpm bench` builds them first).
  // Every server, the baseline included, with the platform's V8 flags: one runtime for all.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', serverScript], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  servers.set(url, child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return url;
}

/** Whether Redis answers; without it variant 3 is left out and the table says so. */
async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

let onPostgres = Boolean(DATABASE_URL);

interface Variant {
  name: string;
  url: string;
  /** The path to load; /v1/categories unless named. */
  path?: string;
  /** Other servers the variant calls through (the department behind the gateway). */
  behind?: string;
  /** Headers for the n-th request of a connection. */
  headers: (n: number) => Record<string, string>;
}

/** The URL a variant loads. */
const targetOf = (variant: Variant) => `${variant.url}${variant.path ?? '/v1/categories'}`;
/** The servers that answer a variant's calls: the gateway and the department behind it. */
const answering = (variant: Variant) => [variant.url, variant.behind];

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  /** The non-2xx answers by status code, so a failing variant says how it fails. */
  failures: Record<string, number>;
  /** CPU time per call (user and system) of the servers answering, in µs; NaN where /proc is missing. */
  cpuUs: number;
}

/**
 * A process's CPU time so far, in clock ticks (user + system, from /proc). Throughput also moves
 * when the load generator, sharing the two cores, runs short of CPU; CPU per call does not.
 */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return Number.NaN;
  }
}
// Linux's USER_HZ, the unit of /proc's CPU times.
const TICK_US = 10_000;

/** How long calls in flight get to finish before servers are paused. */
const SETTLE_MS = 300;

/**
 * Runs one measurement with every other server paused (SIGSTOP), so their timers (metering
 * flushes, feed polls, quota leases of 10,000 apps) cannot take CPU from the server measured.
 */
async function alone<T>(variant: Variant, measure: () => Promise<T>): Promise<T> {
  const paused = [...servers].filter(([url]) => !answering(variant).includes(url));
  // Calls still in flight from the last measurement finish first: a gateway paused in the middle
  // of department calls finds their deadlines passed when it resumes, and five such timeouts in
  // a row open its circuit breaker (the likely cause of a proxied run seen answering only 503s).
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  for (const [, child] of paused) child.kill('SIGSTOP');
  try {
    return await measure();
  } finally {
    for (const [, child] of paused) child.kill('SIGCONT');
  }
}

/** Peak throughput with autocannon (or `amount` calls), and the CPU per call of the servers answering. */
function run(variant: Variant, seconds: number, amount?: number): Promise<Sample> {
  const pids = answering(variant).map((url) => (url ? servers.get(url)?.pid : undefined));
  const cpu = () => pids.reduce<number>((total, pid) => total + (pid ? cpuTicks(pid) : 0), 0);
  return alone(variant, async () => {
    const before = cpu();
    const sample = await load(variant, seconds, amount);
    return { ...sample, cpuUs: ((cpu() - before) * TICK_US) / sample.calls };
  });
}

/**
 * The 2xx calls' latencies at a constant rate, after a second at that rate to open the
 * connections. Failed calls are reported, not hidden, and the run goes on.
 */
function steadyAt(variant: Variant, rate: number, seconds: number): Promise<SteadyResult> {
  const url = targetOf(variant);
  return alone(variant, async () => {
    const warmUp = await steadyLoad(url, rate, 1, variant.headers);
    const measured = await steadyLoad(url, rate, seconds, variant.headers);
    for (const [phase, { failures }] of Object.entries({ warmUp, measured })) {
      if (Object.keys(failures).length)
        console.warn(`${variant.name} at ${rate} req/s (${phase}): failed calls ${failureCell(failures)}`);
    }
    return measured;
  });
}

/**
 * The p99 one variant adds to another, round by round (each pair ran back to back, so a noisy
 * stretch of the machine falls on both of a pair more often than on two rounds minutes apart),
 * and the median of those differences.
 */
function pairedAdded(base: SteadyResult[], other: SteadyResult[]): number {
  return median(other.map((result, round) => result.p99 - base[round]!.p99));
}

/**
 * Two views of a variant's p99 over the rounds: the median of the rounds' p99s (the verdict; one
 * pause of 15 ms decides a 3-s round's p99) and the p99 of all the rounds' calls together.
 */
function tail(results: SteadyResult[]) {
  return {
    median: median(results.map((r) => r.p99)),
    pooled: summarize(results.flatMap((r) => r.latencies)).p99,
    // The rounds' lowest and highest p99: how far one 3-s round can move on this machine.
    range: `${Math.min(...results.map((r) => r.p99)).toFixed(1)}–${Math.max(...results.map((r) => r.p99)).toFixed(1)}`,
  };
}

function load(
  variant: Variant,
  seconds: number,
  amount?: number,
): Promise<Omit<Sample, 'cpuUs'> & { calls: number }> {
  let n = 0;
  const requests: autocannon.Request[] = [
    {
      method: 'GET',
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...variant.headers(n++) } }),
    },
  ];
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: targetOf(variant),
        connections: CONNECTIONS,
        ...(amount ? { amount } : { duration: seconds }),
        requests,
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          failures: Object.fromEntries(
            Object.entries(result.statusCodeStats ?? {})
              .filter(([status]) => !status.startsWith('2'))
              .map(([status, { count }]) => [status, count ?? 0]),
          ),
          calls: result.requests.total,
        });
      },
    );
  });
}

/** The non-2xx count, with its statuses when there are any: "0", or "12 (503: 12)". */
function failureCell(failures: Record<string, number>): string {
  const entries = Object.entries(failures);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return total ? `${total} (${entries.map(([status, count]) => `${status}: ${count}`).join(', ')})` : '0';
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

type Credentials = { apiKey: string; token: string }[];

/** A platform server, on a database of its own, with its apps' credentials. */
async function startGateway(name: string, env: Record<string, string>) {
  const file = join(dir, `${name}-credentials.json`);
  // Without PostgreSQL every gateway runs on PGlite, so the variants stay comparable: only the
  // first database may fail to be made (then none is); a later failure ends the run.
  const database = onPostgres
    ? await createScratchDatabase(DATABASE_URL, `ixm_bench_${name}`).catch((err: unknown) => {
        if (databases.length) throw err;
        return undefined;
      })
    : undefined;
  onPostgres = database !== undefined;
  if (database) databases.push(database);
  const url = await startServer({
    BENCH_MODE: 'platform',
    BENCH_CREDENTIALS_FILE: file,
    ...(database ? { BENCH_DB_URL: database.url } : {}),
    ...env,
  });
  return { url, credentials: JSON.parse(await readFile(file, 'utf8')) as Credentials };
}

try {
  // Before any server starts, so only the machine itself (and its idle services) is measured.
  const pauses = await machinePauses(PAUSE_SECONDS);
  const departments = await startServer({ BENCH_MODE: 'departments' });
  // One app gets a gateway of its own, so the metering flushes and quota leases of 10,000 apps
  // (variant 5) are not counted against it; (5)/(2) is then what those apps cost.
  const single = await startGateway('one', { BENCH_APPS: '1', DEPARTMENTS_URL: departments });
  const many = await startGateway('many', { BENCH_APPS: String(APPS) });
  const gateway = single.url;
  const one = single.credentials[0]!;
  const sample = await fetch(`${gateway}/v1/categories`, {
    headers: { authorization: `Bearer ${one.token}` },
  });
  const bodyFile = join(dir, 'body.json');
  await writeFile(bodyFile, await sample.text());
  // The headers the gateway adds to that answer (not those every Fastify answer has).
  const added: Record<string, string> = {};
  sample.headers.forEach((value, name) => {
    if (!STANDARD_HEADERS.has(name)) added[name] = value;
  });
  const headersFile = join(dir, 'headers.json');
  await writeFile(headersFile, JSON.stringify(added));
  const bare = await startServer({ BENCH_MODE: 'bare', BENCH_BODY_FILE: bodyFile });
  const bareWithHeaders = await startServer({
    BENCH_MODE: 'bare',
    BENCH_BODY_FILE: bodyFile,
    BENCH_HEADERS_FILE: headersFile,
  });
  const withWork = await startServer({ BENCH_MODE: 'bare', BENCH_BODY_FILE: bodyFile, BENCH_WORK_US: '3' });
  const withRedis = (await redisAnswers(REDIS_URL))
    ? await startGateway('redis', { BENCH_APPS: '1', BENCH_REDIS_URL: REDIS_URL })
    : undefined;
  const redisOne = withRedis?.credentials[0];

  const pick = (n: number) => many.credentials[(n * 7919) % many.credentials.length]!;
  const prices = 'market=xm-market-08&category=vegetables';
  // Every variant gets the same request, the one app's token included (ignored where nothing
  // checks it), built per call alike: autocannon reuses the bytes of a request without per-call
  // headers, and that saving of the load generator's CPU, on the cores the servers share, had
  // counted for the baseline.
  const oneToken = () => ({ authorization: `Bearer ${one.token}` });
  const variants: Variant[] = [
    { name: '1 bare Fastify, same JSON', url: bare, headers: oneToken },
    { name: '1h bare Fastify, same JSON and the gateway’s headers', url: bareWithHeaders, headers: oneToken },
    { name: '1w bare Fastify, same JSON and 3 µs of CPU work per call', url: withWork, headers: oneToken },
    { name: '2 gateway, JWT, one app', url: gateway, headers: oneToken },
    { name: '2k gateway, API key, one app', url: gateway, headers: () => ({ 'x-api-key': one.apiKey }) },
    ...(withRedis && redisOne
      ? [
          {
            name: '3 gateway, JWT, one app, Redis store',
            url: withRedis.url,
            headers: () => ({ authorization: `Bearer ${redisOne.token}` }),
          },
        ]
      : []),
    {
      name: '4d department directly',
      url: departments,
      path: `/price-monitoring/v1/prices?${prices}`,
      headers: oneToken,
    },
    {
      name: '4 gateway → department, JWT, one app',
      url: gateway,
      path: `/v1/prices?${prices}`,
      behind: departments,
      headers: oneToken,
    },
    {
      name: `5 gateway, JWT, ${APPS} apps`,
      url: many.url,
      headers: (n) => ({ authorization: `Bearer ${pick(n).token}` }),
    },
    {
      name: `5k gateway, API key, ${APPS} apps`,
      url: many.url,
      headers: (n) => ({ 'x-api-key': pick(n).apiKey }),
    },
  ];

  // Warm-up: JIT, the snapshot, and every app, key and token into the caches (each credential
  // twice), so rounds measure the steady state, not first sight.
  for (const variant of variants) await run(variant, 3);
  for (const variant of variants.filter((v) => v.name.startsWith('5')))
    await run(variant, 0, Math.max(2 * APPS, CONNECTIONS));
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
    for (const variant of order) samples.get(variant.name)!.push(await run(variant, SECONDS));
  }

  const rows = variants.map((v) => {
    const s = samples.get(v.name)!;
    return {
      name: v.name,
      rps: median(s.map((x) => x.rps)),
      p50: median(s.map((x) => x.p50)),
      p99: median(s.map((x) => x.p99)),
      failures: s
        .flatMap((x) => Object.entries(x.failures))
        .reduce<Record<string, number>>((all, [status, count]) => {
          all[status] = (all[status] ?? 0) + count;
          return all;
        }, {}),
      cpuUs: median(s.map((x) => x.cpuUs)),
    };
  });
  const base = rows[0]!;
  const half = Math.round(base.rps / 2);
  const atHalf = [variants[0]!, variants.find((v) => v.name.startsWith('2 '))!];
  const halfSamples = new Map<string, SteadyResult[]>(atHalf.map((v) => [v.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of atHalf) halfSamples.get(variant.name)!.push(await steadyAt(variant, half, SECONDS));
  }

  console.log(
    `\npnpm bench — ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s, medians, Node ${process.version} ${SERVER_NODE_FLAGS.join(' ')}, gateways on ${onPostgres ? 'PostgreSQL' : 'PGlite (no PostgreSQL answered at BENCH_DATABASE_URL)'}\n`,
  );
  console.log(
    '| variant | req/s | ratio to 1 | p50 ms | p99 ms | non-2xx | server CPU µs/call | CPU ratio |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${(r.rps / base.rps).toFixed(2)} | ${r.p50} | ${r.p99} | ${failureCell(r.failures)} | ${r.cpuUs.toFixed(1)} | ${(base.cpuUs / r.cpuUs).toFixed(2)} |`,
    );
  }

  // The proxy hop: both at half the proxied variant's peak, so neither side is saturated.
  const [direct, proxied] = [
    variants.find((v) => v.name.startsWith('4d'))!,
    variants.find((v) => v.name.startsWith('4 '))!,
  ];
  const proxyRate = Math.round(rows.find((r) => r.name === proxied.name)!.rps / 2);
  const hop = new Map<string, SteadyResult[]>([
    [direct.name, []],
    [proxied.name, []],
  ]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of [direct, proxied])
      hop.get(variant.name)!.push(await steadyAt(variant, proxyRate, SECONDS));
  }
  const bareHalf = halfSamples.get(atHalf[0]!.name)!;
  const gatewayHalf = halfSamples.get(atHalf[1]!.name)!;
  const [bareTail, gatewayTail] = [tail(bareHalf), tail(gatewayHalf)];
  const directHop = hop.get(direct.name)!;
  const proxiedHop = hop.get(proxied.name)!;
  const [directTail, proxiedTail] = [tail(directHop), tail(proxiedHop)];
  const pooled = (a: { pooled: number }, b: { pooled: number }) =>
    `${a.pooled.toFixed(2)} and ${b.pooled.toFixed(2)} ms, added ${(b.pooled - a.pooled).toFixed(2)} ms`;
  const ranges = (a: { range: string }, b: { range: string }) => `rounds' p99s ${a.range} and ${b.range} ms`;
  const paired = (a: SteadyResult[], b: SteadyResult[]) =>
    `the median of each round's added p99 ${pairedAdded(a, b).toFixed(2)} ms`;
  console.log(
    `\nAt a steady half of the baseline's peak (${half} req/s, open loop): p99 bare ${bareTail.median.toFixed(2)} ms, gateway ${gatewayTail.median.toFixed(2)} ms, added ${(gatewayTail.median - bareTail.median).toFixed(2)} ms (target ≤ 1 ms); over all rounds' calls together ${pooled(bareTail, gatewayTail)}; ${paired(bareHalf, gatewayHalf)}; ${ranges(bareTail, gatewayTail)}`,
  );
  console.log(
    `At a steady ${proxyRate} req/s: p99 department directly ${directTail.median.toFixed(2)} ms, through the gateway ${proxiedTail.median.toFixed(2)} ms, the hop added ${(proxiedTail.median - directTail.median).toFixed(2)} ms (target ≤ 2 ms); over all rounds' calls together ${pooled(directTail, proxiedTail)}; ${paired(directHop, proxiedHop)}; ${ranges(directTail, proxiedTail)}`,
  );
  const byName = (prefix: string) => rows.find((r) => r.name.startsWith(prefix));
  const ratio = (a: string, b: string) => {
    const [x, y] = [byName(a), byName(b)];
    return x && y ? `${(x.rps / y.rps).toFixed(2)} (CPU ${(y.cpuUs / x.cpuUs).toFixed(2)})` : 'n/a';
  };
  console.log(
    `Ratios: (1h)/(1) = ${ratio('1h', '1 ')} (the headers alone); (1w)/(1) = ${ratio('1w', '1 ')} (what 3 µs per call costs here); (2)/(1) = ${ratio('2 ', '1 ')} (target ≥ 0.80); (3)/(1) = ${ratio('3 ', '1 ')} (target ≥ 0.65); (5)/(2) = ${ratio('5 ', '2 ')} (target ≥ 0.95); API key (2k)/(1) = ${ratio('2k', '1 ')}; (5k)/(2k) = ${ratio('5k', '2k')}`,
  );
  console.log(
    `The machine's own pauses, before the servers started (one process per core reading the clock for ${PAUSE_SECONDS} s): ${pauses.map((p) => `${p.count} over 1 ms, ${p.totalMs.toFixed(0)} ms in all, the longest ${p.maxMs.toFixed(1)} ms`).join('; ')}`,
  );
  if (!withRedis) console.log(`Variant 3 left out: no Redis answered at ${REDIS_URL}.`);
  // 1h and 1w do strictly more work than 1: if either is clearly faster, the machine's speed
  // changed during the run and its ratios are not to be trusted.
  const drifted = ['1h', '1w'].filter((name) => (byName(name)?.rps ?? 0) > base.rps * 1.05);
  if (drifted.length)
    console.log(
      `Warning: ${drifted.map((name) => `(${name})`).join(' and ')} ran faster than (1), though each does more work: this machine's speed changed during the run; run it again.`,
    );
} finally {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
          child.once('exit', resolve);
          child.kill('SIGCONT');
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const database of databases) await database.drop();
}
