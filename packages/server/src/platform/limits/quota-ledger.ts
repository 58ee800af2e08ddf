import { type Database, rowsOf } from '@ixiamen/db';
import { sql } from 'drizzle-orm';
import type { AppProduct } from '../auth/subscription-state.js';
import type { Maybe } from '../gateway/maybe.js';
import { textArray } from './text-array.js';

/** One app × product's units of one month, leased from the database. */
export interface Lease {
  appId: string;
  product: string;
  period: string;
  /** Units leased from the database and not yet spent by this instance. */
  available: number;
  lastGrant: number;
  /** Units spent since the last lease, and when it came: the rate the next lease is sized by. */
  spent: number;
  leasedAt: number;
  /** Until when the database said the quota is used up; asked again after that. */
  exhaustedUntil: number;
  /** The quota it was used up at: a raised quota is asked about at once. */
  exhaustedAt: number;
  refill: Promise<void> | undefined;
}

export interface QuotaOptions {
  /** The most units one lease takes; leases follow each app's rate and shrink as the quota runs low. */
  maxLease: number;
  /** How long a "used up" answer is believed before the database is asked again. */
  exhaustedRecheckMs: number;
  onError: (err: unknown) => void;
}

const MIN_LEASE = 50;
const LEASE_SECONDS = 2;

export class QuotaUnavailable extends Error {
  override readonly name = 'QuotaUnavailable';
}

/**
 * Exact monthly quotas across instances without a database round trip per call. The database
 * row is the only authority: an instance leases a block of units from it in one atomic
 * statement and spends them from memory, so the instances together never admit more than the
 * quota. A lease is about two seconds of the app's traffic (at least a thousandth of the quota),
 * but never more than an eighth of what is left (down to one unit), so when the quota runs out
 * the units still held elsewhere are few and spent by the next calls. Unspent units go back at
 * shutdown; after a crash they are lost, which can only under-admit, never over-admit.
 */
export class QuotaLedger {
  // Period, then app × product: the hot path looks a lease up by strings it already holds.
  private readonly leases = new Map<string, Map<string, Lease>>();

  constructor(
    private readonly db: Database,
    private readonly options: QuotaOptions,
  ) {}

  /** Spends one unit; false when the quota for this month is used up. Synchronous while a lease lasts. */
  take(pair: AppProduct, period: string, limit: number): Maybe<boolean> {
    return this.takeFrom(this.leaseOf(pair, period), limit);
  }

  /** The lease of an app × product for a month; the hot path keeps it to spend from directly. */
  leaseOf(pair: AppProduct, period: string): Lease {
    let month = this.leases.get(period);
    if (!month) {
      month = new Map();
      this.leases.set(period, month);
    }
    let lease = month.get(pair.key);
    if (!lease) {
      lease = {
        appId: pair.appId,
        product: pair.product,
        period,
        available: 0,
        lastGrant: 0,
        spent: 0,
        leasedAt: Date.now(),
        exhaustedUntil: 0,
        exhaustedAt: 0,
        refill: undefined,
      };
      month.set(pair.key, lease);
    }
    return lease;
  }

  /** `take` on a lease in hand. */
  takeFrom(lease: Lease, limit: number): Maybe<boolean> {
    return this.spend(lease, limit) ?? this.takeLeasing(lease, limit);
  }

  /** true or false when memory can tell; undefined when the database must be asked. */
  private spend(lease: Lease, limit: number): boolean | undefined {
    if (lease.available > 0) {
      lease.available--;
      lease.spent++;
      // Lease ahead, off this call's path, so calls rarely wait for the database.
      if (lease.available * 2 < lease.lastGrant && !lease.refill) {
        this.refill(lease, limit).catch(this.options.onError);
      }
      return true;
    }
    if (lease.exhaustedUntil > Date.now() && limit <= lease.exhaustedAt) return false;
    return undefined;
  }

  private async takeLeasing(lease: Lease, limit: number): Promise<boolean> {
    for (;;) {
      try {
        await this.refill(lease, limit);
      } catch (err) {
        throw new QuotaUnavailable('The quota could not be checked.', { cause: err });
      }
      const spent = this.spend(lease, limit);
      if (spent !== undefined) return spent;
    }
  }

  /** Gives back a unit whose call turned out not to count (a 5xx or a 429). */
  refund(lease: Lease): void {
    lease.available++;
  }

  private refill(lease: Lease, limit: number): Promise<void> {
    lease.refill ??= this.lease(lease, limit).finally(() => {
      lease.refill = undefined;
    });
    return lease.refill;
  }

  /**
   * About two seconds of this app's current rate, and at least a thousandth of its quota, so
   * busy apps, and many apps at once, go to the database rarely.
   */
  private wanted(lease: Lease, limit: number): number {
    const seconds = Math.max(0.05, (Date.now() - lease.leasedAt) / 1000);
    const rate = lease.spent / seconds;
    lease.spent = 0;
    lease.leasedAt = Date.now();
    const floor = Math.max(MIN_LEASE, Math.ceil(limit / 1000));
    return Math.min(this.options.maxLease, Math.max(floor, Math.ceil(rate * LEASE_SECONDS)));
  }

  private async lease(lease: Lease, limit: number): Promise<void> {
    const wanted = this.wanted(lease, limit);
    const granted = await this.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into quota_leases (app_id, product, period, reserved)
        values (${lease.appId}, ${lease.product}, ${lease.period}, 0)
        on conflict do nothing`);
      const rows = await tx.execute(sql`
        with current as (
          select reserved from quota_leases
          where app_id = ${lease.appId} and product = ${lease.product} and period = ${lease.period}
          for update
        ), grant_ as (
          select least(${wanted}::int,
                       greatest(ceil((${limit}::int - reserved) / 8.0)::int, 1),
                       ${limit}::int - reserved) as units
          from current
        )
        update quota_leases q set reserved = q.reserved + grant_.units
        from grant_
        where q.app_id = ${lease.appId} and q.product = ${lease.product} and q.period = ${lease.period}
          and grant_.units > 0
        returning grant_.units as units`);
      return Number(rowsOf<{ units: number }>(rows)[0]?.units ?? 0);
    });
    lease.available += granted;
    lease.lastGrant = granted;
    lease.exhaustedUntil = granted === 0 ? Date.now() + this.options.exhaustedRecheckMs : 0;
    lease.exhaustedAt = limit;
  }

  /** Returns every unspent unit to the database (at shutdown) in one statement, so none is lost. */
  async release(): Promise<void> {
    const leases = [...this.leases.values()].flatMap((month) => [...month.values()]);
    await Promise.allSettled(leases.map((lease) => lease.refill));
    const unspent = leases.filter((lease) => lease.available > 0);
    const units = unspent.map((lease) => lease.available);
    // Zeroed before the write, so no call can spend a unit that is on its way back.
    for (const lease of unspent) lease.available = 0;
    this.leases.clear();
    if (unspent.length === 0) return;
    // One statement for every lease: 10,000 apps' leases go back within a shutdown's grace period.
    await this.db
      .execute(sql`
        update quota_leases q set reserved = greatest(q.reserved - r.units, 0)
        from unnest(
          ${textArray(unspent.map((l) => l.appId))}::uuid[],
          ${textArray(unspent.map((l) => l.product))},
          ${textArray(unspent.map((l) => l.period))},
          ${textArray(units)}::int[]
        ) as r(app_id, product, period, units)
        where q.app_id = r.app_id and q.product = r.product and q.period = r.period`)
      .catch(this.options.onError);
  }

  /** Forgets the leases of months that ended: their unspent units no longer matter. */
  forgetBefore(period: string): void {
    for (const [month, leases] of this.leases) {
      if (month >= period) continue;
      for (const [key, lease] of leases) if (!lease.refill) leases.delete(key);
      if (leases.size === 0) this.leases.delete(month);
    }
  }
}
