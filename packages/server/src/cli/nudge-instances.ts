import { Redis } from 'ioredis';
import { publishNudge } from '../platform/auth/credential-feed.js';

/**
 * Tells running instances to read the credential feed now rather than at their next poll, the
 * way the server's own writes do. Redis only shortens that bound, so a Redis that cannot be
 * reached costs a warning, never the command: the change is committed and polling still finds it.
 */
export async function nudgeInstances(redisUrl: string, timeoutMs = 2_000): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
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
  // One deadline for connecting, the ready check and the publish, rather than ioredis's timers for
  // each. It waits for the loop's next I/O phase before it gives up: when a busy machine kept this
  // process off the CPU, timers run first, and an answer (or a refusal) that came meanwhile must
  // be read.
  const deadline = setTimeout(
    () =>
      setImmediate(() => {
        cause ??= new Error(`no answer within ${timeoutMs} ms`);
        redis.disconnect();
      }),
    timeoutMs,
  );
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
