import { type Database, signingKeys } from '@ixiamen/db';
import { desc, gt, isNull, or, sql } from 'drizzle-orm';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { Maybe } from '../gateway/maybe.js';
import { randomToken } from './secrets.js';

export const TOKEN_ALG = 'ES256';
/** Access tokens are RFC 9068 JWTs. */
export const TOKEN_TYPE = 'at+jwt';
const KEY_LOCK = 7_250_002;

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: CryptoKey;
  privateKey: CryptoKey;
  retired: boolean;
}

/**
 * The access-token signing keys, held in memory so verification needs no database round trip.
 * The newest unretired key signs; every key not yet expired verifies and is published.
 */
export class KeyRing {
  private keys = new Map<string, LoadedKey>();
  // Keyed by the signature segment, whose ~86 characters hash faster than the whole token; the
  // entry keeps the whole token, which must match exactly. Read with `peek`: the oldest verified
  // goes first (tokens are short-lived anyway), and a hit writes nothing to the cache's lists,
  // memory each of 10,000 apps' calls would otherwise touch.
  private readonly verified = new LRUCache<string, { token: string; claims: JWTPayload }>({ max: 100_000 });
  private signer: LoadedKey | undefined;

  constructor(
    private readonly db: Database,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  /** Loads the keys, creating the first one when the database has none. */
  async load(): Promise<void> {
    if ((await this.reload()) === 0) await this.rotate(0, true);
  }

  async reload(): Promise<number> {
    const rows = await this.db
      .select()
      .from(signingKeys)
      .where(or(isNull(signingKeys.expiresAt), gt(signingKeys.expiresAt, new Date())))
      .orderBy(desc(signingKeys.createdAt));
    const keys = new Map<string, LoadedKey>();
    for (const row of rows) {
      keys.set(row.kid, {
        kid: row.kid,
        publicJwk: row.publicJwk as JWK,
        publicKey: (await importJWK(row.publicJwk as JWK, row.alg)) as CryptoKey,
        privateKey: (await importJWK(row.privateJwk as JWK, row.alg)) as CryptoKey,
        retired: row.retiredAt !== null,
      });
    }
    this.keys = keys;
    this.signer = [...keys.values()].find((k) => !k.retired);
    // Tokens of a key no longer published must fail from now on.
    this.verified.clear();
    return keys.size;
  }

  /**
   * Adds a new signing key and retires the current ones; they stay published for
   * `publishRetiredForSeconds` (at least the access-token lifetime) so their tokens still verify.
   */
  async rotate(publishRetiredForSeconds: number, onlyIfNone = false): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
    const kid = `k_${new Date().toISOString().slice(0, 10)}_${randomToken(6)}`;
    const now = new Date();
    await this.db.transaction(async (tx) => {
      // Instances starting together on an empty database must agree on one first key.
      await tx.execute(sql`select pg_advisory_xact_lock(${KEY_LOCK})`);
      if (onlyIfNone && (await tx.select({ kid: signingKeys.kid }).from(signingKeys).limit(1)).length > 0)
        return;
      await tx
        .update(signingKeys)
        .set({ retiredAt: now, expiresAt: new Date(now.getTime() + publishRetiredForSeconds * 1000) })
        .where(isNull(signingKeys.retiredAt));
      await tx.insert(signingKeys).values({
        kid,
        alg: TOKEN_ALG,
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALG, use: 'sig' },
        privateJwk: { ...(await exportJWK(privateKey)), kid, alg: TOKEN_ALG },
      });
    });
    await this.reload();
    return kid;
  }

  jwks(): { keys: JWK[] } {
    return { keys: [...this.keys.values()].map((k) => k.publicJwk) };
  }

  async sign(claims: JWTPayload & { sub: string; client_id: string; scope: string }, ttlSeconds: number) {
    if (!this.signer) throw new Error('No signing key is loaded.');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: TOKEN_ALG, typ: TOKEN_TYPE, kid: this.signer.kid })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .setJti(randomToken(16))
      .sign(this.signer.privateKey);
  }

  /**
   * Verifies signature, algorithm, type, issuer, audience and expiry; throws on any failure.
   * A token verified once is remembered until it expires, so the signature check (the costly
   * part) runs once per token per instance; expiry is still checked on every use. A remembered
   * token is answered synchronously.
   */
  verify(token: string): Maybe<JWTPayload> {
    const signature = token.slice(token.lastIndexOf('.') + 1);
    const known = this.verified.peek(signature);
    if (known?.token === token) {
      if ((known.claims.exp ?? 0) * 1000 > Date.now()) return known.claims;
      this.verified.delete(signature);
    }
    return this.verifySignature(token).then((claims) => {
      this.verified.set(signature, { token, claims });
      return claims;
    });
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = header.kid ? this.keys.get(header.kid) : undefined;
        if (!key) throw new Error('unknown key');
        return key.publicKey;
      },
      {
        algorithms: [TOKEN_ALG],
        typ: TOKEN_TYPE,
        issuer: this.issuer,
        audience: this.audience,
        requiredClaims: ['exp', 'iat', 'jti', 'sub', 'client_id', 'scope'],
      },
    );
    return payload;
  }
}
