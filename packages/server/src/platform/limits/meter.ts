import { type Database, STATUS_CLASSES, type StatusClass } from '@ixiamen/db';
import { sql } from 'drizzle-orm';
import type { AppProduct } from '../auth/subscription-state.js';
import { hourOf } from './period.js';
import { textArray } from './text-array.js';

const CLASS_INDEX = Object.fromEntries(STATUS_CLASSES.map((c, i) => [c, i])) as Record<StatusClass, number>;

interface Row {
  appId: string;
  product: string;
  operationId: string;
  statusClass: StatusClass;
  hour: Date;
  calls: number;
}

/** One app × product × operation's counts in one hour, by status class. */
export interface Slot {
  pair: AppProduct;
  operationId: string;
  hour: number;
  counts: number[];
}

/**
 * Counts calls per app × product × operation × status class × hour in memory and writes them in
 * batches: no database write per request, and no string built per request either (counters are
 * found by the app × product's key and the operation id). A failed write keeps its counts for
 * the next flush.
 */
/** One app × product's counters in the current batch, by operation. */
export type Operations = Map<string, Slot>;

export class Meter {
  private slots = new Map<string, Operations>();
  // Counts the flushes: counters handed out before one belong to a batch already written.
  private batches = 0;
  /** Counts of hours that ended since the last flush, and of writes that failed. */
  private pending: Row[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** The batch being counted; `operationsOf`'s counters are valid while it lasts. */
  get batch(): number {
    return this.batches;
  }

  record(pair: AppProduct, operationId: string, statusClass: StatusClass, at = Date.now()) {
    this.recordIn(this.operationsOf(pair), pair, operationId, statusClass, at);
  }

  /** The app × product's counters in this batch; the hot path keeps them until `batch` changes. */
  operationsOf(pair: AppProduct): Operations {
    let operations = this.slots.get(pair.key);
    if (!operations) {
      operations = new Map();
      this.slots.set(pair.key, operations);
    }
    return operations;
  }

  /**
   * `record` into counters in hand, which must be of the current batch. Returns the operation's
   * counters, which the hot path may keep and count into with `recordInSlot` while the batch lasts.
   */
  recordIn(
    operations: Operations,
    pair: AppProduct,
    operationId: string,
    statusClass: StatusClass,
    at = Date.now(),
  ): Slot {
    let slot = operations.get(operationId);
    if (!slot) {
      slot = { pair, operationId, hour: hourOf(at), counts: STATUS_CLASSES.map(() => 0) };
      operations.set(operationId, slot);
    }
    this.recordInSlot(slot, statusClass, at);
    return slot;
  }

  /** Counts one call in an operation's counters of the current batch, starting a new hour if one began. */
  recordInSlot(slot: Slot, statusClass: StatusClass, at = Date.now()) {
    const hour = hourOf(at);
    if (slot.hour !== hour) {
      this.pending.push(...rowsOf(slot));
      slot.hour = hour;
      slot.counts.fill(0);
    }
    slot.counts[CLASS_INDEX[statusClass]]!++;
  }

  /** Writes what was counted since the last flush; concurrent callers share one write. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    const rows = merge([
      ...this.pending,
      ...[...this.slots.values()].flatMap((operations) => [...operations.values()].flatMap(rowsOf)),
    ]);
    this.slots = new Map();
    this.batches++;
    this.pending = [];
    if (rows.length === 0) return;
    try {
      // Six arrays, one statement, however many rows: binding six parameters per row made the
      // flush of 10,000 apps the busiest thing an embedded-database instance did.
      await this.db.execute(sql`
        insert into usage_hourly (app_id, product, operation_id, status_class, hour, calls)
        select * from unnest(
          ${textArray(rows.map((r) => r.appId))}::uuid[],
          ${textArray(rows.map((r) => r.product))},
          ${textArray(rows.map((r) => r.operationId))},
          ${textArray(rows.map((r) => r.statusClass))},
          ${textArray(rows.map((r) => r.hour.toISOString()))}::timestamptz[],
          ${textArray(rows.map((r) => r.calls))}::int[])
        on conflict (app_id, product, operation_id, status_class, hour)
        do update set calls = usage_hourly.calls + excluded.calls`);
    } catch (err) {
      this.pending.push(...rows);
      this.onError(err);
    }
  }
}

function rowsOf({ pair, operationId, hour, counts }: Slot): Row[] {
  const rows: Row[] = [];
  STATUS_CLASSES.forEach((statusClass, i) => {
    const calls = counts[i]!;
    if (calls)
      rows.push({
        appId: pair.appId,
        product: pair.product,
        operationId,
        statusClass,
        hour: new Date(hour),
        calls,
      });
  });
  return rows;
}

/** One row per app × product × operation × class × hour: a statement may not upsert a key twice. */
function merge(rows: Row[]): Row[] {
  const merged = new Map<string, Row>();
  for (const row of rows) {
    const key = `${row.appId}|${row.product}|${row.operationId}|${row.statusClass}|${row.hour.getTime()}`;
    const known = merged.get(key);
    if (known) known.calls += row.calls;
    else merged.set(key, { ...row });
  }
  return [...merged.values()];
}
