import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CredentialCache } from './credential-cache.js';
import { CredentialFeed, type FeedEvent } from './credential-feed.js';
import { purgeExpired } from './purge.js';
import { KeyRing } from './signing-keys.js';

const PURGE_EVERY_MS = 10 * 60 * 1000;
// API keys' last use is shown to the minute; one batched write per interval, none per request.
const LAST_USED_EVERY_MS = 30_000;

export interface AuthOptions {
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  pollMs: number;
  redisUrl?: string | undefined;
}

export interface AuthRuntime extends AuthOptions {
  keys: KeyRing;
  cache: CredentialCache;
  /** Appends a revocation and makes it effective everywhere (here now, elsewhere within a poll). */
  revoke(events: FeedEvent[]): Promise<void>;
  /** Makes feed events another writer appended take effect now, here and (with Redis) everywhere. */
  nudge(): Promise<void>;
  /** Also tells `listener` of every feed event (e.g. the limits reload products on `products`). */
  onEvents(listener: (events: FeedEvent[]) => void): void;
  /** Signs with a new key from now on, everywhere; the old one stays published one token lifetime. */
  rotateSigningKey(): Promise<string>;
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthRuntime;
  }
}

/** Signing keys, the credential cache and the revocation feed every instance shares. */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: AuthOptions) => {
    const db = app.database.db;
    const onError = (err: unknown) => app.log.warn({ err }, 'credential feed error; retrying');
    const keys = new KeyRing(db, opts.issuer, opts.audience);
    await keys.load();
    const cache = new CredentialCache(db, onError);
    const listeners: ((events: FeedEvent[]) => void)[] = [];
    const feed = new CredentialFeed(db, {
      pollMs: opts.pollMs,
      redisUrl: opts.redisUrl,
      onError,
      onEvents: (events) => {
        cache.apply(events);
        for (const listener of listeners) listener(events);
        if (events.some((e) => e.kind === 'signing_key')) keys.reload().catch(onError);
      },
    });
    await feed.start();
    const purge = setInterval(() => purgeExpired(db).catch(onError), PURGE_EVERY_MS);
    const lastUsed = setInterval(() => void cache.flushLastUsed(), LAST_USED_EVERY_MS);
    purge.unref();
    lastUsed.unref();
    app.addHook('onClose', async () => {
      clearInterval(purge);
      clearInterval(lastUsed);
      await cache.flushLastUsed();
      await feed.stop();
    });

    const revoke = async (events: FeedEvent[]) => {
      if (events.length === 0) return;
      await db.transaction(async (tx) => {
        for (const event of events) await feed.append(tx, event);
      });
      await feed.nudge();
    };
    const rotateSigningKey = async () => {
      const kid = await keys.rotate(opts.accessTokenTtlSeconds);
      await revoke([{ kind: 'signing_key', subject: kid, until: null }]);
      return kid;
    };
    app.decorate('auth', {
      ...opts,
      keys,
      cache,
      revoke,
      rotateSigningKey,
      nudge: () => feed.nudge(),
      onEvents: (listener) => listeners.push(listener),
    });
  },
  { name: 'auth', dependencies: ['database'] },
);
