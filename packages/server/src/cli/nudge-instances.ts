import { Redis } from 'ioredis';
import { publishNudge } from '../platform/auth/credential-feed.js';

/**
 * Tells running instances to read the credential feed now rather than at their next poll, the
 * way the server's own writes do. Redis only shortens that bound, so a Redis that cannot be
 * reached costs a warning, never the command: the change is committed and polling still finds it.
 */
export async function nudgeInstances(redisUrl: string, timeoutMs = 1_000): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    // One attempt, and a socket that is closed at once: a CLI must not linger on a Redis that is down.
    retryStrategy: () => null,
    disconnectTimeout: 100,
  });
  // The first error names the cause (e.g. ECONNREFUSED); the promises below only say "closed".
  let cause: Error | undefined;
  redis.on('error', (err: Error) => {
    cause ??= err;
  });
  // Once the socket is open, connecting (the ready check) has no deadline of its own.
  const deadline = setTimeout(() => {
    cause ??= new Error(`no answer within ${timeoutMs} ms`);
    redis.disconnect();
  }, timeoutMs);
  try {
    await redis.connect();
    await publishNudge(redis);
  } catch (err) {
    const reason = (cause ?? (err as Error)).message;
    console.error(
      `warning: could not nudge running instances through Redis (${reason}); they will see the change at their next poll (CREDENTIAL_POLL_MS).`,
    );
  } finally {
    clearTimeout(deadline);
    redis.disconnect();
  }
}
