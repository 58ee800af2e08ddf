import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { apps } from './developers.js';

/** API products: named groups of operations that apps subscribe to. */
export const products = pgTable('products', {
  code: text().primaryKey(),
  name: text().notNull(),
  nameEn: text().notNull(),
  description: text().notNull(),
  sensitivity: text().$type<'public' | 'personal'>().notNull(),
  scope: text().notNull(),
  operations: jsonb().$type<string[]>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Plans: the rate limits and monthly quota an app gets on each product it subscribes to. */
export const plans = pgTable('plans', {
  code: text().primaryKey(),
  name: text().notNull(),
  nameEn: text().notNull(),
  environment: text().$type<'sandbox' | 'production'>().notNull(),
  ratePerSecond: integer().notNull(),
  ratePerMinute: integer().notNull(),
  monthlyQuota: integer().notNull(),
  requiresApproval: boolean().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export interface RateLimitOverrides {
  ratePerSecond?: number;
  ratePerMinute?: number;
  monthlyQuota?: number;
}

export type SubscriptionStatus = 'pending' | 'active' | 'rejected' | 'suspended';

/** App × product × plan; one row per app and product, never deleted, so decisions keep their history. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    appId: uuid()
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    productCode: text()
      .notNull()
      .references(() => products.code, { onUpdate: 'cascade' }),
    planCode: text()
      .notNull()
      .references(() => plans.code, { onUpdate: 'cascade' }),
    /** A plan the developer asked to move to that needs an admin's approval; `planCode` holds until then. */
    requestedPlanCode: text().references(() => plans.code, { onUpdate: 'cascade' }),
    status: text().$type<SubscriptionStatus>().notNull(),
    overrides: jsonb().$type<RateLimitOverrides>(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique().on(t.appId, t.productCode),
    index().on(t.status),
    index().on(t.planCode),
    index().on(t.requestedPlanCode),
  ],
);

export type Product = typeof products.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
