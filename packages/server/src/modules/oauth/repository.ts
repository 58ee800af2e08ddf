import {
  type App,
  apps,
  authorizationCodes,
  authorizationRequests,
  clientSecrets,
  consents,
  type Database,
  developerOrgs,
  refreshTokens,
} from '@ixiamen/db';
import { and, eq, gt, isNull, or } from 'drizzle-orm';

/** The authorization server's storage: apps, secrets, pending requests, codes, refresh tokens, consents. */
export function oauthRepository(db: Database) {
  return {
    async appByClientId(clientId: string): Promise<(App & { publisher: string }) | undefined> {
      const [row] = await db
        .select({ app: apps, publisher: developerOrgs.name })
        .from(apps)
        .innerJoin(developerOrgs, eq(developerOrgs.id, apps.orgId))
        .where(eq(apps.clientId, clientId));
      return row ? { ...row.app, publisher: row.publisher } : undefined;
    },

    liveSecrets(appId: string, now: Date) {
      return db
        .select({ id: clientSecrets.id, hash: clientSecrets.hash })
        .from(clientSecrets)
        .where(
          and(
            eq(clientSecrets.appId, appId),
            isNull(clientSecrets.revokedAt),
            or(isNull(clientSecrets.expiresAt), gt(clientSecrets.expiresAt, now)),
          ),
        );
    },

    async savePendingRequest(values: typeof authorizationRequests.$inferInsert) {
      await db.insert(authorizationRequests).values(values);
    },

    /** Takes a pending request out (single use), if it is this account's and still fresh. */
    async takePendingRequest(id: string, accountId: string, now: Date) {
      const [row] = await db
        .delete(authorizationRequests)
        .where(
          and(
            eq(authorizationRequests.id, id),
            eq(authorizationRequests.accountId, accountId),
            gt(authorizationRequests.expiresAt, now),
          ),
        )
        .returning();
      return row;
    },

    async createConsent(values: typeof consents.$inferInsert) {
      const [row] = await db.insert(consents).values(values).returning();
      return row!;
    },

    async consent(id: string) {
      const [row] = await db.select().from(consents).where(eq(consents.id, id));
      return row;
    },

    async saveCode(values: typeof authorizationCodes.$inferInsert) {
      await db.insert(authorizationCodes).values(values);
    },

    /** Marks a code used; returns it with `replayed` when it had been used before. */
    async useCode(codeHash: string, now: Date) {
      const [fresh] = await db
        .update(authorizationCodes)
        .set({ usedAt: now })
        .where(and(eq(authorizationCodes.codeHash, codeHash), isNull(authorizationCodes.usedAt)))
        .returning();
      if (fresh) return { code: fresh, replayed: false };
      const [used] = await db
        .select()
        .from(authorizationCodes)
        .where(eq(authorizationCodes.codeHash, codeHash));
      return used ? { code: used, replayed: true } : undefined;
    },

    async saveRefreshToken(values: typeof refreshTokens.$inferInsert) {
      await db.insert(refreshTokens).values(values);
    },

    async refreshToken(tokenHash: string) {
      const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
      return row;
    },

    /** Marks a refresh token used, only if nobody did first: the winner of a race rotates. */
    async useRefreshToken(tokenHash: string, now: Date) {
      const [row] = await db
        .update(refreshTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(refreshTokens.tokenHash, tokenHash),
            isNull(refreshTokens.usedAt),
            isNull(refreshTokens.revokedAt),
          ),
        )
        .returning();
      return row;
    },

    async revokeFamily(familyId: string, now: Date) {
      await db
        .update(refreshTokens)
        .set({ revokedAt: now })
        .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
    },
  };
}

export type OAuthRepository = ReturnType<typeof oauthRepository>;
