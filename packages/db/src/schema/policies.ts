import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 政策法规: laws, regulations and normative documents the services rest on. */
export const policies = pgTable('policies', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  title: text().notNull(),
  issuer: text().notNull(),
  docNumber: text().notNull(),
  level: text().notNull(),
  kind: text().notNull(),
  publishedAt: date().notNull(),
  effectiveAt: date(),
  expiresAt: date(),
  summary: text().notNull(),
  excerpt: text().notNull(),
  themes: jsonb().$type<string[]>().notNull(),
  relatedServices: jsonb().$type<string[]>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Policy = typeof policies.$inferSelect;
