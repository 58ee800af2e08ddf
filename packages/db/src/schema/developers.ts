import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';

/** Publisher organisations that own apps. */
export const developerOrgs = pgTable('developer_orgs', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  creditCode: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const orgMembers = pgTable(
  'org_members',
  {
    orgId: uuid()
      .notNull()
      .references(() => developerOrgs.id, { onDelete: 'cascade' }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text().$type<'owner' | 'member'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.accountId] }), index().on(t.accountId)],
);

export const apps = pgTable(
  'apps',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => developerOrgs.id, { onDelete: 'cascade' }),
    clientId: text().notNull().unique(),
    name: text().notNull(),
    description: text().notNull(),
    logoUrl: text(),
    homepageUrl: text(),
    redirectUris: jsonb().$type<string[]>().notNull(),
    environment: text().$type<'sandbox' | 'production'>().notNull(),
    clientType: text().$type<'confidential' | 'public'>().notNull(),
    status: text().$type<'active' | 'pending_approval' | 'suspended'>().notNull(),
    products: jsonb().$type<string[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orgId)],
);

/** Client secrets, as scrypt hashes; several are live during a rotation's overlap. */
export const clientSecrets = pgTable(
  'client_secrets',
  {
    id: uuid().primaryKey().defaultRandom(),
    appId: uuid()
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    hash: text().notNull(),
    hint: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.appId)],
);

/** API keys, as SHA-256 of the key: they are 190-bit random, so a fast hash is enough and lookups stay O(1). */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    appId: uuid()
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    prefix: text().notNull(),
    hash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.appId)],
);

export type DeveloperOrg = typeof developerOrgs.$inferSelect;
export type App = typeof apps.$inferSelect;
export type ClientSecretRow = typeof clientSecrets.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
