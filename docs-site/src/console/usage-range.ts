import type { UsageQuery } from './usage-types';

export type UsageRange = '24h' | '7d' | '30d';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai is UTC+8 all year: the platform's days start at 16:00 UTC the day before. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

const startOfShanghaiDay = (at: number) =>
  Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;

/**
 * The query of a range ending now: the last 24 whole and current hours, or the last 7 or 30
 * Asia/Shanghai days including today, so that every point of the series is one whole hour or day.
 */
export function usageQuery(range: UsageRange, now = Date.now()): UsageQuery {
  const to = new Date(now).toISOString();
  if (range === '24h') {
    const from = now - (now % HOUR_MS) - 23 * HOUR_MS;
    return { from: new Date(from).toISOString(), to, granularity: 'hour' };
  }
  const days = range === '7d' ? 7 : 30;
  const from = startOfShanghaiDay(now) - (days - 1) * DAY_MS;
  return { from: new Date(from).toISOString(), to, granularity: 'day' };
}
