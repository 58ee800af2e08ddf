import {
  authorizationCodes,
  authorizationRequests,
  credentialEvents,
  type Database,
  refreshTokens,
  sessions,
} from '@ixiamen/db';
import { and, isNull, lt, or } from 'drizzle-orm';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes what can no longer matter: expired sessions, pending requests and codes, refresh
 * tokens past expiry, and feed events a day old whose revocation has lapsed (every live instance
 * has read them by then). Idempotent, so every instance may run it.
 */
export async function purgeExpired(db: Database, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.delete(authorizationRequests).where(lt(authorizationRequests.expiresAt, now));
  // Used codes stay a day so a late replay is still recognised (and still revokes its family).
  await db.delete(authorizationCodes).where(lt(authorizationCodes.expiresAt, dayAgo));
  await db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, now));
  await db
    .delete(credentialEvents)
    .where(
      and(
        lt(credentialEvents.createdAt, dayAgo),
        or(isNull(credentialEvents.until), lt(credentialEvents.until, now)),
      ),
    );
}
