import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The six i厦门 life-cycle categories (身份证明类 … 学历职称类). */
export const categories = pgTable('categories', {
  code: text().primaryKey(),
  name: text().notNull(),
  nameEn: text().notNull(),
  description: text().notNull(),
  sortOrder: integer().notNull(),
});

/** A government service item (政务服务事项) as published in the catalogue. */
export const services = pgTable(
  'services',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    nameEn: text().notNull(),
    categoryCode: text()
      .notNull()
      .references(() => categories.code),
    departmentCode: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.categoryCode)],
);

export type Category = typeof categories.$inferSelect;
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
