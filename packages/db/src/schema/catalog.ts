import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

/** The six i厦门 life-cycle categories (身份证明类 … 学历职称类). */
export const categories = pgTable('categories', {
  code: text().primaryKey(),
  name: text().notNull(),
  nameEn: text().notNull(),
  description: text().notNull(),
  sortOrder: integer().notNull(),
});

export interface Material {
  name: string;
  form: 'original' | 'copy' | 'electronic';
  copies: number;
  required: boolean;
  source: 'applicant' | 'issued' | 'shared';
  note: string;
}

export interface Fee {
  charged: boolean;
  basis: string;
  standard: string;
  onlinePayment: boolean;
}

export interface Step {
  name: string;
  description: string;
}

export interface ServiceResult {
  name: string;
  delivery: string[];
}

/** A government service item (政务服务事项) with the elements of a national service guide. */
export const services = pgTable(
  'services',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    basicCode: text().notNull(),
    implementationCode: text().notNull(),
    name: text().notNull(),
    nameEn: text().notNull(),
    aliases: jsonb().$type<string[]>().notNull(),
    categoryCode: text()
      .notNull()
      .references(() => categories.code),
    themes: jsonb().$type<string[]>().notNull(),
    targets: jsonb().$type<string[]>().notNull(),
    itemType: text().notNull(),
    level: text().notNull(),
    departmentCode: text()
      .notNull()
      .references(() => organisations.code),
    jointDepartments: jsonb().$type<string[]>().notNull(),
    districts: jsonb().$type<string[]>().notNull(),
    summary: text().notNull(),
    legalBasis: jsonb().$type<string[]>().notNull(),
    conditions: jsonb().$type<string[]>().notNull(),
    caseType: text().notNull(),
    legalDays: integer().notNull(),
    promisedDays: integer().notNull(),
    materials: jsonb().$type<Material[]>().notNull(),
    fee: jsonb().$type<Fee>().notNull(),
    steps: jsonb().$type<Step[]>().notNull(),
    handlingForms: jsonb().$type<string[]>().notNull(),
    onlineDepth: text().notNull(),
    visits: integer().notNull(),
    result: jsonb().$type<ServiceResult>().notNull(),
    consultPhone: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.categoryCode), index().on(t.departmentCode)],
);

/** 常见问题, each tied to one service. */
export const faqs = pgTable(
  'faqs',
  {
    id: uuid().primaryKey().defaultRandom(),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    question: text().notNull(),
    answer: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.serviceId, t.position)],
);

export type Category = typeof categories.$inferSelect;
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
export type Faq = typeof faqs.$inferSelect;
