import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

const DAY_SECONDS = 86_400;

/**
 * Idempotency keys whose call already counted, for 24 hours: a retry with the same key is
 * answered but neither charged to the quota nor counted again. Shared through Redis when it
 * is configured, remembered per instance as well (and alone without Redis).
 */
export class IdempotencyRegistry {
  private readonly seen = new LRUCache<string, true>({ max: 100_000, ttl: DAY_SECONDS * 1000 });

  constructor(
    private readonly redis: Redis | undefined,
    private readonly onError: (err: unknown) => void,
  ) {}

  async counted(appId: string, key: string): Promise<boolean> {
    const id = `${appId}:${key}`;
    if (this.seen.has(id)) return true;
    if (this.redis?.status !== 'ready') return false;
    try {
      return (await this.redis.exists(`ixm:idem:${id}`)) === 1;
    } catch (err) {
      this.onError(err);
      return false;
    }
  }

  markCounted(appId: string, key: string): void {
    const id = `${appId}:${key}`;
    this.seen.set(id, true);
    if (this.redis?.status === 'ready') {
      this.redis.set(`ixm:idem:${id}`, '1', 'EX', DAY_SECONDS).catch(this.onError);
    }
  }
}
