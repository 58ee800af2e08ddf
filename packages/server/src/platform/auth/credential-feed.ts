import { type CredentialEvent, credentialEvents, type Database } from '@ixiamen/db';
import { and, gt, isNotNull, max } from 'drizzle-orm';
import { Redis } from 'ioredis';

export type CredentialEventKind = CredentialEvent['kind'];
export interface FeedEvent {
  kind: CredentialEventKind;
  subject: string;
  until: Date | null;
}

/** The Redis channel on which a nudge tells every instance to read the feed now. */
export const CREDENTIAL_FEED_CHANNEL = 'ixm:credential-events';

/** Publishes a nudge; for writers outside a running instance too, such as the admin CLI. */
export const publishNudge = (redis: Redis) => redis.publish(CREDENTIAL_FEED_CHANNEL, '1');

/**
 * The feed that stops a revoked credential on every instance. Writers append to
 * `credential_events`; each instance reads new rows every `pollMs`, so the bound is one poll
 * interval. With Redis, writers also publish a nudge and readers poll at once.
 */
export class CredentialFeed {
  private lastId = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: {
      pollMs: number;
      redisUrl?: string | undefined;
      onEvents: (events: FeedEvent[]) => void;
      onError: (err: unknown) => void;
    },
  ) {}

  /** Replays the revocations still in force, then follows new events. */
  async start(): Promise<void> {
    const [last] = await this.db.select({ id: max(credentialEvents.id) }).from(credentialEvents);
    this.lastId = last?.id ?? 0;
    const live = await this.db
      .select()
      .from(credentialEvents)
      .where(and(isNotNull(credentialEvents.until), gt(credentialEvents.until, new Date())));
    this.options.onEvents(live);
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
    if (this.options.redisUrl) await this.connectRedis(this.options.redisUrl);
  }

  private async connectRedis(url: string) {
    // Redis only shortens the bound; if it is down, polling still stops credentials.
    const options = { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    for (const client of [this.publisher, this.subscriber]) client.on('error', this.options.onError);
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      this.subscriber.on('message', () => void this.poll());
      await this.subscriber.subscribe(CREDENTIAL_FEED_CHANNEL);
    } catch (err) {
      this.options.onError(err);
    }
  }

  /** Appends an event; `db` may be a transaction so the event commits with the change. */
  async append(db: Pick<Database, 'insert'>, event: FeedEvent): Promise<void> {
    await db.insert(credentialEvents).values(event);
  }

  /** Tells other instances to poll now; call after the transaction that appended commits. */
  async nudge(): Promise<void> {
    // A poll already in flight may have started before the commit; read once more after it.
    await this.polling;
    await this.poll();
    if (this.publisher?.status === 'ready') await publishNudge(this.publisher).catch(this.options.onError);
  }

  poll(): Promise<void> {
    this.polling ??= this.readNew().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private async readNew() {
    try {
      const rows = await this.db
        .select()
        .from(credentialEvents)
        .where(gt(credentialEvents.id, this.lastId))
        .orderBy(credentialEvents.id);
      const newest = rows.at(-1);
      if (!newest) return;
      this.lastId = newest.id;
      this.options.onEvents(rows);
    } catch (err) {
      this.options.onError(err);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await Promise.all([this.publisher?.quit(), this.subscriber?.quit()].map((p) => p?.catch(() => {})));
  }
}
