import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '429', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/**
 * Metered calls per app × product × operation × status class × hour, written in batches. No
 * foreign key: usage is history, and a batch must not fail because an app was deleted meanwhile.
 * Its pages are kept half empty (fillfactor 50, migration 0006), so the flushes' rewrites of
 * each counter stay on their page.
 */
export const usageHourly = pgTable(
  'usage_hourly',
  {
    appId: uuid().notNull(),
    product: text().notNull(),
    operationId: text().notNull(),
    statusClass: text().$type<StatusClass>().notNull(),
    hour: timestamp({ withTimezone: true }).notNull(),
    calls: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.product, t.operationId, t.statusClass, t.hour] }),
    index().on(t.hour),
  ],
);

/**
 * Monthly quota units handed out per app × product × month (Asia/Shanghai): instances lease
 * blocks from here, so the sum of what they admit never exceeds the quota.
 */
export const quotaLeases = pgTable(
  'quota_leases',
  {
    appId: uuid().notNull(),
    product: text().notNull(),
    period: text().notNull(),
    reserved: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.product, t.period] })],
);

export type UsageRow = typeof usageHourly.$inferSelect;
