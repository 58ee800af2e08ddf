import {
  type App,
  apiKeys,
  apps,
  clientSecrets,
  consents,
  type Database,
  developerOrgs,
  orgMembers,
  refreshTokens,
} from '@ixiamen/db';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { subscribeNewApp } from '../products/repository.js';

/** Storage of the developer console: organisations, apps, credentials and a citizen's consents. */
export function consoleRepository(db: Database) {
  return {
    orgsOf(accountId: string) {
      return db
        .select({
          id: developerOrgs.id,
          name: developerOrgs.name,
          creditCode: developerOrgs.creditCode,
          role: orgMembers.role,
          createdAt: developerOrgs.createdAt,
        })
        .from(orgMembers)
        .innerJoin(developerOrgs, eq(developerOrgs.id, orgMembers.orgId))
        .where(eq(orgMembers.accountId, accountId))
        .orderBy(developerOrgs.createdAt);
    },

    async createOrg(accountId: string, name: string, creditCode: string | null) {
      return db.transaction(async (tx) => {
        const [org] = await tx.insert(developerOrgs).values({ name, creditCode }).returning();
        await tx.insert(orgMembers).values({ orgId: org!.id, accountId, role: 'owner' });
        return org!;
      });
    },

    async isMember(orgId: string, accountId: string) {
      const [row] = await db
        .select({ role: orgMembers.role })
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.accountId, accountId)));
      return Boolean(row);
    },

    appsOf(accountId: string) {
      const mine = db
        .select({ orgId: orgMembers.orgId })
        .from(orgMembers)
        .where(eq(orgMembers.accountId, accountId));
      return db.select().from(apps).where(inArray(apps.orgId, mine)).orderBy(desc(apps.createdAt));
    },

    /** The app, if the account belongs to its organisation. */
    async appFor(appId: string, accountId: string): Promise<App | undefined> {
      const [row] = await db
        .select({ app: apps })
        .from(apps)
        .innerJoin(orgMembers, and(eq(orgMembers.orgId, apps.orgId), eq(orgMembers.accountId, accountId)))
        .where(eq(apps.id, appId));
      return row?.app;
    },

    async createApp(
      values: typeof apps.$inferInsert,
      secret: Omit<typeof clientSecrets.$inferInsert, 'appId'> | undefined,
    ) {
      return db.transaction(async (tx) => {
        const [app] = await tx.insert(apps).values(values).returning();
        if (secret) await tx.insert(clientSecrets).values({ ...secret, appId: app!.id });
        await subscribeNewApp(tx, app!);
        return app!;
      });
    },

    async updateApp(appId: string, values: Partial<typeof apps.$inferInsert>) {
      const [row] = await db
        .update(apps)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(apps.id, appId))
        .returning();
      return row!;
    },

    async deleteApp(appId: string) {
      await db.delete(apps).where(eq(apps.id, appId));
    },

    secrets(appId: string) {
      return db
        .select()
        .from(clientSecrets)
        .where(eq(clientSecrets.appId, appId))
        .orderBy(desc(clientSecrets.createdAt));
    },

    keys(appId: string) {
      return db.select().from(apiKeys).where(eq(apiKeys.appId, appId)).orderBy(desc(apiKeys.createdAt));
    },

    /** Adds a secret; the live ones stop at `overlapUntil` (never later than they already would). */
    async rotateSecret(appId: string, secret: typeof clientSecrets.$inferInsert, overlapUntil: Date) {
      return db.transaction(async (tx) => {
        const live = await tx
          .select()
          .from(clientSecrets)
          .where(and(eq(clientSecrets.appId, appId), isNull(clientSecrets.revokedAt)));
        for (const old of live) {
          if (old.expiresAt && old.expiresAt <= overlapUntil) continue;
          await tx.update(clientSecrets).set({ expiresAt: overlapUntil }).where(eq(clientSecrets.id, old.id));
        }
        const [row] = await tx.insert(clientSecrets).values(secret).returning();
        return row!;
      });
    },

    async revokeSecret(appId: string, secretId: string) {
      const [row] = await db
        .update(clientSecrets)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(clientSecrets.id, secretId),
            eq(clientSecrets.appId, appId),
            isNull(clientSecrets.revokedAt),
          ),
        )
        .returning();
      return row;
    },

    async secretExists(appId: string, secretId: string) {
      const [row] = await db
        .select({ id: clientSecrets.id })
        .from(clientSecrets)
        .where(and(eq(clientSecrets.id, secretId), eq(clientSecrets.appId, appId)));
      return Boolean(row);
    },

    async createKey(values: typeof apiKeys.$inferInsert) {
      const [row] = await db.insert(apiKeys).values(values).returning();
      return row!;
    },

    async key(appId: string, keyId: string) {
      const [row] = await db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.id, keyId), eq(apiKeys.appId, appId)));
      return row;
    },

    async rotateKey(oldId: string, overlapUntil: Date, replacement: typeof apiKeys.$inferInsert) {
      return db.transaction(async (tx) => {
        await tx.update(apiKeys).set({ expiresAt: overlapUntil }).where(eq(apiKeys.id, oldId));
        const [row] = await tx.insert(apiKeys).values(replacement).returning();
        return row!;
      });
    },

    async revokeKey(keyId: string) {
      await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
    },

    consentsOf(accountId: string) {
      return db
        .select({
          consent: consents,
          appName: apps.name,
          clientId: apps.clientId,
          publisher: developerOrgs.name,
        })
        .from(consents)
        .innerJoin(apps, eq(apps.id, consents.appId))
        .innerJoin(developerOrgs, eq(developerOrgs.id, apps.orgId))
        .where(eq(consents.accountId, accountId))
        .orderBy(desc(consents.createdAt));
    },

    async consentOf(consentId: string, accountId: string) {
      const [row] = await db
        .select()
        .from(consents)
        .where(and(eq(consents.id, consentId), eq(consents.accountId, accountId)));
      return row;
    },

    /** Withdraws a consent and stops its refresh tokens in one transaction. */
    async withdrawConsent(consentId: string) {
      const now = new Date();
      await db.transaction(async (tx) => {
        await tx.update(consents).set({ withdrawnAt: now }).where(eq(consents.id, consentId));
        await tx
          .update(refreshTokens)
          .set({ revokedAt: now })
          .where(and(eq(refreshTokens.consentId, consentId), isNull(refreshTokens.revokedAt)));
      });
    },
  };
}

export type ConsoleRepository = ReturnType<typeof consoleRepository>;
