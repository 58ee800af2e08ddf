import type { StatusClass } from '@ixiamen/db';
import { dayOf } from '../../platform/limits/period.js';

export type Granularity = 'hour' | 'day';

export interface Tally {
  calls: number;
  success: number;
  clientErrors: number;
  rejected: number;
  serverErrors: number;
}

export const emptyTally = (): Tally => ({
  calls: 0,
  success: 0,
  clientErrors: 0,
  rejected: 0,
  serverErrors: 0,
});

/** Adds `n` calls of one status class: calls are what counts (2xx, 3xx, 4xx other than 429). */
export function add(tally: Tally, statusClass: StatusClass, n: number): Tally {
  if (statusClass === '2xx' || statusClass === '3xx') {
    tally.success += n;
    tally.calls += n;
  } else if (statusClass === '4xx') {
    tally.clientErrors += n;
    tally.calls += n;
  } else if (statusClass === '429') tally.rejected += n;
  else tally.serverErrors += n;
  return tally;
}

/** Errors among the answers that reached an operation: client and server errors over calls and 5xx. */
export const errorRate = (t: Tally) =>
  t.calls + t.serverErrors === 0 ? 0 : (t.clientErrors + t.serverErrors) / (t.calls + t.serverErrors);

const HOUR_MS = 3_600_000;
const bucketOf = (granularity: Granularity, at: number) =>
  granularity === 'day' ? dayOf(at) : at - (at % HOUR_MS);
const stepOf = (granularity: Granularity) => (granularity === 'day' ? 24 * HOUR_MS : HOUR_MS);

/** A gap-free series from `from` to `to`, one point per hour or Asia/Shanghai day. */
export function series(
  rows: { hour: Date; statusClass: StatusClass; calls: number }[],
  from: Date,
  to: Date,
  granularity: Granularity,
) {
  const points = new Map<number, Tally>();
  for (let at = bucketOf(granularity, from.getTime()); at < to.getTime(); at += stepOf(granularity)) {
    points.set(at, emptyTally());
  }
  for (const row of rows) {
    const at = bucketOf(granularity, row.hour.getTime());
    const point = points.get(at) ?? emptyTally();
    points.set(at, add(point, row.statusClass, row.calls));
  }
  return [...points]
    .sort(([a], [b]) => a - b)
    .map(([at, tally]) => ({ start: new Date(at).toISOString(), ...tally }));
}

/** Rows per product, or per operation, with their tallies, most calls first. */
export function breakdown(
  rows: { product: string; operationId: string; statusClass: StatusClass; calls: number }[],
  perOperation: boolean,
) {
  const groups = new Map<string, { product: string; operationId: string | null; tally: Tally }>();
  for (const row of rows) {
    const key = perOperation ? `${row.product}|${row.operationId}` : row.product;
    const group = groups.get(key) ?? {
      product: row.product,
      operationId: perOperation ? row.operationId : null,
      tally: emptyTally(),
    };
    add(group.tally, row.statusClass, row.calls);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.tally.calls - a.tally.calls)
    .map(({ product, operationId, tally }) => ({
      product,
      operationId,
      calls: tally.calls,
      clientErrors: tally.clientErrors,
      rejected: tally.rejected,
      serverErrors: tally.serverErrors,
    }));
}
