import { apiKeys, apps, type Database } from '@ixiamen/db';
import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { FeedEvent } from './credential-feed.js';
import { sha256 } from './secrets.js';

export interface AppState {
  id: string;
  clientId: string;
  status: 'active' | 'pending_approval' | 'suspended';
  environment: 'sandbox' | 'production';
}

export interface ApiKeyState {
  id: string;
  appId: string;
  expiresAt: number | null;
  revoked: boolean;
}

const LAST_USED_EVERY_MS = 60_000;

/**
 * What authentication needs from the database, kept per instance: app states and API keys
 * (loaded on first use, evicted by the credential feed) and the revoked token ids, token
 * families and consents (from the feed, until the tokens they could stop have expired).
 */
export class CredentialCache {
  private readonly apps = new LRUCache<string, AppState | false>({ max: 50_000 });
  // Misses are cached too, so a flood of made-up keys cannot reach the database.
  private readonly keys = new LRUCache<string, ApiKeyState | false>({ max: 100_000 });
  private readonly revoked = new Map<string, number>();
  private readonly lastUsedWritten = new Map<string, number>();

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
        case 'api_key':
          for (const [hash, state] of this.keys.entries()) {
            if (state && state.id === event.subject) this.keys.delete(hash);
          }
          break;
        default:
          this.revoked.set(
            `${event.kind}:${event.subject}`,
            event.until?.getTime() ?? Number.POSITIVE_INFINITY,
          );
      }
    }
  }

  /** A token id (`token`), refresh family (`family`) or consent (`consent`) revoked and still relevant. */
  isRevoked(kind: 'token' | 'family' | 'consent', subject: string): boolean {
    const until = this.revoked.get(`${kind}:${subject}`);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.revoked.delete(`${kind}:${subject}`);
    return false;
  }

  async app(id: string): Promise<AppState | undefined> {
    const cached = this.apps.get(id);
    if (cached !== undefined) return cached || undefined;
    const [row] = await this.db
      .select({ id: apps.id, clientId: apps.clientId, status: apps.status, environment: apps.environment })
      .from(apps)
      .where(eq(apps.id, id));
    this.apps.set(id, row ?? false);
    return row;
  }

  async apiKey(key: string): Promise<ApiKeyState | undefined> {
    const hash = sha256(key);
    let state = this.keys.get(hash);
    if (state === undefined) {
      const [row] = await this.db
        .select({
          id: apiKeys.id,
          appId: apiKeys.appId,
          expiresAt: apiKeys.expiresAt,
          revokedAt: apiKeys.revokedAt,
        })
        .from(apiKeys)
        .where(eq(apiKeys.hash, hash));
      state = row
        ? {
            id: row.id,
            appId: row.appId,
            expiresAt: row.expiresAt?.getTime() ?? null,
            revoked: row.revokedAt !== null,
          }
        : false;
      this.keys.set(hash, state);
    }
    if (!state || state.revoked || (state.expiresAt !== null && state.expiresAt <= Date.now()))
      return undefined;
    this.touch(state.id);
    return state;
  }

  /** Records a key's last use at most once a minute per instance, off the request's path. */
  private touch(keyId: string) {
    const now = Date.now();
    if (now - (this.lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
    this.lastUsedWritten.set(keyId, now);
    this.db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiKeys.id, keyId))
      .catch(this.onError);
  }
}
