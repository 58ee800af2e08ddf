import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** People who signed in through the city identity service; `subject` is its `sub`. */
export const accounts = pgTable('accounts', {
  id: uuid().primaryKey().defaultRandom(),
  subject: text().notNull().unique(),
  name: text().notNull(),
  roles: jsonb().$type<string[]>().notNull(),
  // Only the masked form is kept: the console never needs the full number.
  idNumberMasked: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Console sessions; the cookie carries a random id, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text().primaryKey(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.accountId)],
);

export type Account = typeof accounts.$inferSelect;
export type Session = typeof sessions.$inferSelect;
