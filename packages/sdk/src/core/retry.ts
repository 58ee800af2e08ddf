const RETRYABLE_STATUS = new Set([408, 409, 429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 60_000;

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/**
 * How long to wait before attempt `attempt + 1`: the server's Retry-After when it gives a sane
 * one, otherwise exponential backoff with jitter (0.5 s, 1 s, 2 s … capped at 8 s).
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, now = Date.now()): number {
  const ms = retryAfterMs(retryAfter, now);
  if (ms !== undefined && ms >= 0 && ms <= MAX_RETRY_AFTER_MS) return ms;
  const base = Math.min(500 * 2 ** attempt, 8000);
  return base * (0.75 + Math.random() * 0.25);
}

/** Retry-After (seconds or an HTTP date) in milliseconds from now; undefined when absent or unreadable. */
function retryAfterMs(retryAfter: string | null, now = Date.now()): number | undefined {
  if (!retryAfter) return undefined;
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - now;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Whether the server asks for a wait no retry loop should sit through, e.g. a monthly quota
 * used up until the month ends: such an answer is thrown at once instead of retried.
 */
export function waitsTooLong(retryAfter: string | null, now = Date.now()): boolean {
  const ms = retryAfterMs(retryAfter, now);
  return ms !== undefined && ms > MAX_RETRY_AFTER_MS;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
