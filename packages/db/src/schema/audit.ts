import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Admin actions, append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every role
 * (migration 0003). The actor is kept by id and name, not by reference, so rows outlive accounts.
 */
export const adminAuditEvents = pgTable(
  'admin_audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid(),
    actorName: text().notNull(),
    via: text().$type<'console' | 'cli'>().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text().notNull(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    requestId: text(),
  },
  (t) => [index().on(t.at), index().on(t.targetId), index().on(t.action)],
);

export type AdminAuditEvent = typeof adminAuditEvents.$inferSelect;
