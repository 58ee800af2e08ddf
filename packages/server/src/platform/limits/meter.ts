import { type Database, type StatusClass, usageHourly } from '@ixiamen/db';
import { sql } from 'drizzle-orm';
import { hourOf } from './period.js';

// One statement binds six parameters per row; PostgreSQL allows 65,535.
const ROWS_PER_STATEMENT = 5_000;

/**
 * Counts calls per app × product × operation × status class × hour in memory and writes them in
 * batches: no database write per request. A failed write keeps its counts for the next flush.
 */
export class Meter {
  private counts = new Map<string, number>();
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly onError: (err: unknown) => void,
  ) {}

  record(appId: string, product: string, operationId: string, statusClass: StatusClass, at = Date.now()) {
    const key = `${appId}|${product}|${operationId}|${statusClass}|${hourOf(at)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Writes what was counted since the last flush; concurrent callers share one write. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.counts.size === 0) return;
    const batch = this.counts;
    this.counts = new Map();
    const rows = [...batch].map(([key, calls]) => {
      const [appId, product, operationId, statusClass, hour] = key.split('|') as [
        string,
        string,
        string,
        StatusClass,
        string,
      ];
      return { appId, product, operationId, statusClass, hour: new Date(Number(hour)), calls };
    });
    try {
      await this.db.transaction(async (tx) => {
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          await tx
            .insert(usageHourly)
            .values(rows.slice(i, i + ROWS_PER_STATEMENT))
            .onConflictDoUpdate({
              target: [
                usageHourly.appId,
                usageHourly.product,
                usageHourly.operationId,
                usageHourly.statusClass,
                usageHourly.hour,
              ],
              set: { calls: sql`${usageHourly.calls} + excluded.calls` },
            });
        }
      });
    } catch (err) {
      for (const [key, calls] of batch) this.counts.set(key, (this.counts.get(key) ?? 0) + calls);
      this.onError(err);
    }
  }
}
