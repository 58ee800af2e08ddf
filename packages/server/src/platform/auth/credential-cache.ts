import { apiKeys, apps, type Database } from '@ixiamen/db';
import { eq, inArray } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Maybe } from '../gateway/maybe.js';
import type { FeedEvent } from './credential-feed.js';
import { sha256 } from './secrets.js';
import { loadSubscriptions, type SubscriptionState } from './subscription-state.js';

export interface AppState {
  id: string;
  clientId: string;
  status: 'active' | 'pending_approval' | 'suspended';
  environment: 'sandbox' | 'production';
  /** The app's subscriptions by product code, with the limits in force (plan plus overrides). */
  subscriptions: ReadonlyMap<string, SubscriptionState>;
  /**
   * Set once the cache drops this state (the feed evicted it, a newer one replaced it, or it
   * was the oldest): whoever kept it must look the app up again.
   */
  stale: boolean;
}

export interface ApiKeyState {
  id: string;
  appId: string;
  expiresAt: number | null;
  revoked: boolean;
}

/**
 * What authentication needs from the database, kept per instance: app states and API keys
 * (loaded on first use, evicted by the credential feed) and the revoked token ids, token
 * families and consents (from the feed, until the tokens they could stop have expired).
 */
export class CredentialCache {
  // Read with `peek`: the oldest loaded goes first, and a hit writes nothing to the caches' lists,
  // memory each of 10,000 apps' calls would otherwise touch. An app evicted while in use is
  // loaded again by its next call. A state dropped for any reason is marked stale, so callers
  // may keep a state in hand and skip this lookup while it is not.
  private readonly apps = new LRUCache<string, AppState | false>({
    max: 50_000,
    dispose: (state) => {
      if (state) state.stale = true;
    },
  });
  // Misses are cached too, so a flood of made-up keys cannot reach the database.
  private readonly keys = new LRUCache<string, ApiKeyState | false>({ max: 100_000 });
  // One map per kind, keyed by the claim itself: a check builds no string.
  private readonly revoked = {
    token: new Map<string, number>(),
    family: new Map<string, number>(),
    consent: new Map<string, number>(),
  };
  private readonly usedKeys = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly onError: (err: unknown) => void,
  ) {}

  apply(events: FeedEvent[]): void {
    for (const event of events) {
      switch (event.kind) {
        case 'app':
          this.apps.delete(event.subject);
          break;
        case 'products':
          // A plan or product changed: any app's limits may have, and such changes are rare.
          this.apps.clear();
          break;
        case 'api_key':
          for (const [hash, state] of this.keys.entries()) {
            if (state && state.id === event.subject) this.keys.delete(hash);
          }
          break;
        case 'signing_key':
          // The key ring reloads itself on these (auth-plugin); nothing here depends on keys.
          break;
        default:
          this.revoked[event.kind].set(event.subject, event.until?.getTime() ?? Number.POSITIVE_INFINITY);
      }
    }
  }

  /** Whether an access token was revoked: itself, its refresh family, or the consent behind it. */
  isTokenRevoked(claims: { jti?: unknown; fid?: unknown; cid?: unknown }): boolean {
    return (
      this.isRevoked('token', String(claims.jti)) ||
      (typeof claims.fid === 'string' && this.isRevoked('family', claims.fid)) ||
      (typeof claims.cid === 'string' && this.isRevoked('consent', claims.cid))
    );
  }

  /** A token id (`token`), refresh family (`family`) or consent (`consent`) revoked and still relevant. */
  private isRevoked(kind: 'token' | 'family' | 'consent', subject: string): boolean {
    const until = this.revoked[kind].get(subject);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.revoked[kind].delete(subject);
    return false;
  }

  /** The app's state; from memory (synchronously) once loaded, until the feed evicts it. */
  app(id: string): Maybe<AppState | undefined> {
    const cached = this.apps.peek(id);
    if (cached !== undefined) return cached || undefined;
    return this.loadApp(id);
  }

  private async loadApp(id: string): Promise<AppState | undefined> {
    const [row] = await this.db
      .select({ id: apps.id, clientId: apps.clientId, status: apps.status, environment: apps.environment })
      .from(apps)
      .where(eq(apps.id, id));
    const state = row
      ? {
          id: row.id,
          clientId: row.clientId,
          status: row.status,
          environment: row.environment,
          subscriptions: await loadSubscriptions(this.db, id),
          stale: false,
        }
      : false;
    this.apps.set(id, state);
    return state || undefined;
  }

  /** The live key's state, or undefined for an unknown, revoked or expired key. */
  apiKey(key: string): Maybe<ApiKeyState | undefined> {
    const hash = sha256(key);
    const cached = this.keys.peek(hash);
    if (cached !== undefined) return this.live(cached);
    return this.loadKey(hash).then((state) => this.live(state));
  }

  private async loadKey(hash: string): Promise<ApiKeyState | false> {
    const [row] = await this.db
      .select({
        id: apiKeys.id,
        appId: apiKeys.appId,
        expiresAt: apiKeys.expiresAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .where(eq(apiKeys.hash, hash));
    const state = row
      ? {
          id: row.id,
          appId: row.appId,
          expiresAt: row.expiresAt?.getTime() ?? null,
          revoked: row.revokedAt !== null,
        }
      : false;
    this.keys.set(hash, state);
    return state;
  }

  private live(state: ApiKeyState | false): ApiKeyState | undefined {
    if (!state || state.revoked || (state.expiresAt !== null && state.expiresAt <= Date.now()))
      return undefined;
    this.touch(state.id);
    return state;
  }

  /** Notes a key's use; `flushLastUsed` writes them all at once, off the request's path. */
  private touch(keyId: string) {
    this.usedKeys.add(keyId);
  }

  /** Records when the keys used since the last flush were used, in one statement per 1,000 keys. */
  async flushLastUsed(): Promise<void> {
    if (this.usedKeys.size === 0) return;
    const ids = [...this.usedKeys];
    this.usedKeys.clear();
    const now = new Date();
    for (let i = 0; i < ids.length; i += 1000) {
      await this.db
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(inArray(apiKeys.id, ids.slice(i, i + 1000)))
        .catch(this.onError);
    }
  }
}
