import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Departments, service halls and other bodies (组织机构), kept as data: they get reorganised. */
export const organisations = pgTable('organisations', {
  code: text().primaryKey(),
  kind: text().notNull(),
  name: text().notNull(),
  nameEn: text().notNull(),
  parentCode: text(),
  creditCode: text(),
  district: text().notNull(),
  address: text().notNull(),
  hours: text().notNull(),
  phone: text().notNull(),
  website: text().notNull().default(''),
  responsibilities: jsonb().$type<string[]>().notNull(),
  halls: jsonb().$type<string[]>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Organisation = typeof organisations.$inferSelect;
