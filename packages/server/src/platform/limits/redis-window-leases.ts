import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { Maybe } from '../gateway/maybe.js';
import type { WindowSpec, WindowState, Windows } from './rate-windows.js';

/** This instance's units of one app × product's window in Redis. */
interface WindowLease {
  /** When the window ends, by this instance's monotonic clock; never later than in Redis. */
  end: number;
  /** Units leased and not yet spent here. */
  available: number;
  /** The window's count in Redis at the last answer: the units every instance has leased. */
  reserved: number;
  /** The last answer found the window full: no unit is left anywhere until it ends. */
  full: boolean;
  lastGrant: number;
}

interface PairLease {
  windows: [WindowLease, WindowLease];
  /** Calls since the last lease, and when it went out: the rate the next lease is sized by. */
  spent: number;
  leasedAt: number;
  refill: Promise<void> | undefined;
}

type CountingRedis = Redis & {
  ixmLeaseWindows(numberOfKeys: number, ...args: (string | number)[]): Promise<number[]>;
};

/**
 * For each window key: ARGV holds its length in ms, its limit and the units wanted. A missing key
 * opens a new window of that length (as @fastify/rate-limit's stores do, fixed windows from the
 * first call). It grants at most an eighth of what is left (at least one unit while any is left),
 * so instances cannot hoard a window. Returns per key: units granted, the count after, ms left.
 */
const SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[3 * i - 2])
  local max = tonumber(ARGV[3 * i - 1])
  local want = tonumber(ARGV[3 * i])
  local current = tonumber(redis.call('GET', key) or '0')
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    current = 0
    ttl = window
  end
  local left = max - current
  local grant = math.max(0, math.min(want, math.max(1, math.floor(left / 8)), left))
  if grant > 0 then
    if current == 0 then
      redis.call('SET', key, grant, 'PX', window)
    else
      redis.call('INCRBY', key, grant)
    end
  end
  out[3 * i - 2] = grant
  out[3 * i - 1] = current + grant
  out[3 * i] = ttl
end
return out`;

/** A lease is about this long of the app's traffic on this instance. */
const LEASE_MS = 100;
const now = () => performance.now();

/**
 * Rate-limit windows shared by every instance through Redis, spent from leases: an instance takes
 * a block of a window's units in one script run and admits calls from memory while it lasts, as
 * the quota ledger does with monthly quotas. Redis counts units leased, so together the instances
 * never admit more than a window allows, and a busy app costs a round trip per block instead of
 * one per call. A block is about 100 ms of the app's traffic here, at most an eighth of what is
 * left, so near the limit blocks shrink to one unit and every call is counted in Redis. A window
 * found full refuses calls from memory until it ends. Units still held when a window ends are
 * not used elsewhere: the price, at most a few blocks per window, is paid in calls refused, never
 * in calls admitted over the limit.
 */
export class RedisWindowLeases {
  private readonly leases = new Map<string, PairLease>();
  private readonly redis: CountingRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly onError: (err: unknown) => void,
  ) {
    if (!('ixmLeaseWindows' in redis)) redis.defineCommand('ixmLeaseWindows', { lua: SCRIPT });
    this.redis = redis as CountingRedis;
  }

  /** Counts one call of `key` (an app × product) in every window; synchronous while leases last. */
  take(key: string, specs: [WindowSpec, WindowSpec]): Maybe<Windows> {
    let lease = this.leases.get(key);
    if (!lease) {
      lease = { windows: [emptyWindow(), emptyWindow()], spent: 0, leasedAt: now(), refill: undefined };
      this.leases.set(key, lease);
    }
    return this.spend(key, lease, specs) ?? this.takeLeasing(key, lease, specs);
  }

  /** Forgets the leases whose windows have all ended: their units are void. */
  sweep(): void {
    const at = now();
    for (const [key, lease] of this.leases) {
      if (!lease.refill && lease.windows.every((w) => w.end <= at)) this.leases.delete(key);
    }
  }

  /** The windows after this call when memory can tell; undefined when Redis must be asked. */
  private spend(key: string, lease: PairLease, specs: [WindowSpec, WindowSpec]): Windows | undefined {
    const at = now();
    const { windows } = lease;
    if (windows.every((w) => w.end > at && w.available > 0)) {
      lease.spent++;
      let low = false;
      for (const w of windows) {
        w.available--;
        if (w.available * 2 < w.lastGrant) low = true;
      }
      // Lease ahead, off this call's path, so calls rarely wait for Redis.
      if (low && !lease.refill) this.refill(key, lease, specs).catch(this.onError);
      return [stateOf(specs[0], windows[0], at, false), stateOf(specs[1], windows[1], at, false)];
    }
    const [burst, sustained] = [isFull(windows[0], at), isFull(windows[1], at)];
    if (burst || sustained) {
      return [stateOf(specs[0], windows[0], at, burst), stateOf(specs[1], windows[1], at, sustained)];
    }
    return undefined;
  }

  private async takeLeasing(key: string, lease: PairLease, specs: [WindowSpec, WindowSpec]) {
    // Each round trip grants at least a unit or finds a window full, so this ends.
    for (;;) {
      await this.refill(key, lease, specs);
      const counted = this.spend(key, lease, specs);
      if (counted) return counted;
    }
  }

  private refill(key: string, lease: PairLease, specs: [WindowSpec, WindowSpec]): Promise<void> {
    lease.refill ??= this.lease(key, lease, specs).finally(() => {
      lease.refill = undefined;
    });
    return lease.refill;
  }

  private async lease(key: string, lease: PairLease, specs: [WindowSpec, WindowSpec]): Promise<void> {
    const sentAt = now();
    const rate = lease.spent / Math.max(1, sentAt - lease.leasedAt);
    lease.spent = 0;
    lease.leasedAt = sentAt;
    const wanted = Math.max(1, Math.ceil(rate * LEASE_MS));
    const args: (string | number)[] = [];
    // A hash tag keeps an app × product's windows in one Redis Cluster slot, as one script needs.
    for (const spec of specs) args.push(`${this.prefix}{${key}}:${spec.name}`);
    lease.windows.forEach((w, i) => {
      const needs = w.end <= sentAt || w.available * 2 < Math.max(1, w.lastGrant);
      args.push(specs[i]!.ms, specs[i]!.max, needs ? wanted : 0);
    });
    const out = await this.redis.ixmLeaseWindows(specs.length, ...args);
    const at = now();
    lease.windows.forEach((w, i) => {
      const [granted, count, ttl] = [Number(out[3 * i]), Number(out[3 * i + 1]), Number(out[3 * i + 2])];
      // An answer arriving before this window's end is from that window (which ends no later in
      // Redis); otherwise it opened or found the next one, and the old units are void.
      if (at < w.end) w.available += granted;
      else {
        w.available = granted;
        w.end = sentAt + ttl;
      }
      w.reserved = count;
      w.full = count >= specs[i]!.max;
      if (granted > 0) w.lastGrant = granted;
    });
  }
}

/** Nothing left in this window, here or anywhere, until it ends. */
const isFull = (w: WindowLease, at: number) => w.full && w.available === 0 && w.end > at;

const emptyWindow = (): WindowLease => ({ end: 0, available: 0, reserved: 0, full: false, lastGrant: 0 });

function stateOf(spec: WindowSpec, w: WindowLease, at: number, exceeded: boolean): WindowState {
  return {
    name: spec.name,
    // What no instance has admitted yet, as far as this one knows.
    remaining: exceeded ? 0 : Math.min(spec.max, Math.max(0, spec.max - w.reserved + w.available)),
    resetSeconds: Math.max(1, Math.ceil((w.end - at) / 1000)),
    exceeded,
  };
}
