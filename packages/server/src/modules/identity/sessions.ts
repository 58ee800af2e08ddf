import { type Account, accounts, type Database, sessions } from '@ixiamen/db';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';

export const SESSION_COOKIE = 'ixm_session';
const SESSION_TTL_MS = 8 * 3600 * 1000;

export interface SignedIn {
  account: Account;
  csrfToken: string;
  sessionHash: string;
}

export interface IdentityClaims {
  subject: string;
  name: string;
  roles: string[];
  idNumber?: string | undefined;
}

const mask = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;

/** Console sessions: a random cookie value, stored as its SHA-256, with a CSRF token. */
export function sessionStore(db: Database, secureCookies: boolean) {
  return {
    /** Records the signed-in person (creating or refreshing the account) and opens a session. */
    async open(reply: FastifyReply, claims: IdentityClaims): Promise<void> {
      const values = {
        subject: claims.subject,
        name: claims.name,
        roles: claims.roles,
        idNumberMasked: claims.idNumber ? mask(claims.idNumber) : null,
        lastSignInAt: new Date(),
      };
      const [account] = await db
        .insert(accounts)
        .values(values)
        .onConflictDoUpdate({ target: accounts.subject, set: values })
        .returning();
      const id = randomToken(32);
      const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
      await db.insert(sessions).values({
        idHash: sha256(id),
        accountId: account!.id,
        csrfToken: randomToken(24),
        expiresAt,
      });
      reply.setCookie(SESSION_COOKIE, id, {
        path: '/',
        httpOnly: true,
        secure: secureCookies,
        sameSite: 'lax',
        expires: expiresAt,
      });
    },

    async read(request: FastifyRequest): Promise<SignedIn | undefined> {
      const id = request.cookies[SESSION_COOKIE];
      if (!id) return undefined;
      const idHash = sha256(id);
      const [row] = await db
        .select({ account: accounts, csrfToken: sessions.csrfToken })
        .from(sessions)
        .innerJoin(accounts, eq(accounts.id, sessions.accountId))
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, new Date())));
      return row ? { ...row, sessionHash: idHash } : undefined;
    },

    async close(reply: FastifyReply, signedIn: SignedIn): Promise<void> {
      await db.delete(sessions).where(eq(sessions.idHash, signedIn.sessionHash));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
