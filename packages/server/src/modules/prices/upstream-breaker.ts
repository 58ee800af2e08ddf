import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { ApiProblem } from '../../platform/errors/api-problem.js';

export interface BreakerOptions {
  /** Upstream failures in a row that open the breaker; 5 by default. */
  failures?: number;
  /** How long an open breaker pauses calls before it lets one trial call through; 10 s by default. */
  pauseMs?: number;
}

const isUpstreamFailure = (err: unknown) => err instanceof ApiProblem && err.code === 'upstream_unavailable';

/**
 * A circuit breaker in front of one department system, so a failing department is given time to
 * recover instead of a queue of calls that each wait out the deadline. Only `upstream_unavailable`
 * counts as a failure; any answer, a 400 included, shows the department is up and resets the count.
 * While open, calls fail at once with `upstream_unavailable` and a Retry-After of the seconds
 * until the trial call; while the trial is in flight, other calls wait for its outcome.
 */
export function upstreamBreaker(system: string, options: BreakerOptions = {}) {
  const pauseMs = options.pauseMs ?? 10_000;
  const policy = circuitBreaker(handleWhen(isUpstreamFailure), {
    halfOpenAfter: pauseMs,
    breaker: new ConsecutiveBreaker(options.failures ?? 5),
  });
  // cockatiel does not say when the trial is due; the break is timed here to tell callers.
  let openedAt = 0;
  policy.onBreak(() => {
    openedAt = Date.now();
  });

  return async function guarded<T>(call: () => Promise<T>): Promise<T> {
    let outcome: { value: T } | { rejected: unknown };
    try {
      // A rejection that is not an upstream failure is returned, not thrown, so it counts as success.
      outcome = await policy.execute(() =>
        call().then(
          (value) => ({ value }),
          (rejected: unknown) => {
            if (isUpstreamFailure(rejected)) throw rejected;
            return { rejected };
          },
        ),
      );
    } catch (err) {
      if (!(err instanceof BrokenCircuitError)) throw err;
      const seconds = Math.max(1, Math.ceil((openedAt + pauseMs - Date.now()) / 1000));
      throw new ApiProblem(
        'upstream_unavailable',
        `The ${system} is failing; calls are paused for ${seconds} s.`,
        { headers: { 'retry-after': String(seconds) } },
      );
    }
    if ('rejected' in outcome) throw outcome.rejected;
    return outcome.value;
  };
}
