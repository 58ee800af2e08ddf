import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { apps } from './developers.js';

/** Access-token signing keys. Retired keys stay published until `expiresAt`, after their last token. */
export const signingKeys = pgTable('signing_keys', {
  kid: text().primaryKey(),
  alg: text().notNull(),
  publicJwk: jsonb().$type<Record<string, unknown>>().notNull(),
  // Production keeps this in a KMS; the embedded default keeps it here so every instance signs alike.
  privateJwk: jsonb().$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp({ withTimezone: true }),
  expiresAt: timestamp({ withTimezone: true }),
});

/** A citizen's consent: which app may read what, why, and until when. */
export const consents = pgTable(
  'consents',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    appId: uuid()
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    scopes: jsonb().$type<string[]>().notNull(),
    purpose: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.accountId), index().on(t.appId)],
);

/** Authorization requests waiting on the consent screen (validated parameters, kept server-side). */
export const authorizationRequests = pgTable('authorization_requests', {
  id: text().primaryKey(),
  appId: uuid()
    .notNull()
    .references(() => apps.id, { onDelete: 'cascade' }),
  accountId: uuid()
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  redirectUri: text().notNull(),
  scopes: jsonb().$type<string[]>().notNull(),
  state: text(),
  codeChallenge: text().notNull(),
  purpose: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

/** Authorization codes, by SHA-256; `usedAt` makes them single-use and detects replays. */
export const authorizationCodes = pgTable('authorization_codes', {
  codeHash: text().primaryKey(),
  appId: uuid()
    .notNull()
    .references(() => apps.id, { onDelete: 'cascade' }),
  accountId: uuid()
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  consentId: uuid()
    .notNull()
    .references(() => consents.id, { onDelete: 'cascade' }),
  redirectUri: text().notNull(),
  scopes: jsonb().$type<string[]>().notNull(),
  codeChallenge: text().notNull(),
  // The refresh-token family the code started; a replayed code revokes it.
  familyId: uuid().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
});

/** Refresh tokens, by SHA-256, in families: each use rotates; a reused one revokes its family. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text().primaryKey(),
    familyId: uuid().notNull(),
    appId: uuid()
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    consentId: uuid()
      .notNull()
      .references(() => consents.id, { onDelete: 'cascade' }),
    scopes: jsonb().$type<string[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.familyId), index().on(t.consentId)],
);

/**
 * Everything that must stop a credential on every instance (a revoked key, a suspended app, a
 * withdrawn consent, a revoked token family): instances read this feed every second.
 */
export const credentialEvents = pgTable('credential_events', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  kind: text()
    .$type<'api_key' | 'app' | 'consent' | 'family' | 'token' | 'signing_key' | 'products'>()
    .notNull(),
  subject: text().notNull(),
  // For revoked access tokens and families: until when the revocation matters.
  until: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type SigningKey = typeof signingKeys.$inferSelect;
export type Consent = typeof consents.$inferSelect;
export type AuthorizationRequest = typeof authorizationRequests.$inferSelect;
export type AuthorizationCode = typeof authorizationCodes.$inferSelect;
export type RefreshToken = typeof refreshTokens.$inferSelect;
export type CredentialEvent = typeof credentialEvents.$inferSelect;
