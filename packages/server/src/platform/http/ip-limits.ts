import rateLimit, { normalizeIP, type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiProblem } from '../errors/api-problem.js';

export interface IpLimitsOptions {
  tokenPerMinute: number;
  authorizePerMinute: number;
  signInPerMinute: number;
  clientAuthPerMinute: number;
}

/**
 * Route configs (`operation(…, { rateLimit })`): calls per minute from one client IP, per route;
 * and the client authentications per minute from one IP, which the OAuth routes spend themselves.
 */
export interface IpLimits {
  /** The OAuth endpoints that authenticate a client: token, revocation, introspection. */
  token: RateLimitOptions;
  /** The authorization endpoint and its consent form. */
  authorize: RateLimitOptions;
  /** Sign-in and its callback. */
  signIn: RateLimitOptions;
  /**
   * Client authentications that run scrypt or fail, one count across the token, revocation and
   * introspection endpoints: `spend` counts one and throws `rate_limited` once over the limit.
   */
  clientAuth: { spend(request: FastifyRequest): Promise<void> };
}

declare module 'fastify' {
  interface FastifyInstance {
    ipLimits: IpLimits;
  }
}

const WINDOW_SECONDS = 60;

/** Refuses as the metered API does: `rate_limited` with `RateLimit-Policy`, `RateLimit` and `Retry-After`. */
function refusal(policy: string, max: number, ttl: number, detail: string): ApiProblem {
  const seconds = String(Math.max(1, Math.ceil(ttl / 1000)));
  return new ApiProblem('rate_limited', detail, {
    headers: {
      'ratelimit-policy': `"${policy}";q=${max};w=${WINDOW_SECONDS}`,
      ratelimit: `"${policy}";r=0;t=${seconds}`,
      'retry-after': seconds,
    },
  });
}

function perMinute(max: number): RateLimitOptions {
  return {
    max,
    timeWindow: WINDOW_SECONDS * 1000,
    errorResponseBuilder: (_request, { ttl }) =>
      refusal('ip', max, ttl, `More than ${max} calls in one minute from one IP address to this endpoint.`),
  };
}

/**
 * Per-client-IP limits for the endpoints that check credentials before any authentication, so
 * no one can guess secrets, codes or tokens at speed (the per-app limits apply only after it);
 * and a stricter one on the client authentications that cost a scrypt run (128 MiB) or fail,
 * so no one IP can burn hundreds of those a minute. Counted in Redis when configured, so every
 * instance shares one count, else per instance. The key is `request.ip` (IPv6 by its /64, the
 * plugin's default).
 */
export const ipLimits = fp(
  async (app: FastifyInstance, opts: IpLimitsOptions) => {
    // The limits' Redis client: its outages are already logged, and closed with the app.
    const { redis } = app.limits;
    await app.register(rateLimit, {
      global: false,
      ...(redis ? { redis } : {}),
      nameSpace: 'ixm-ip-limit-',
      // A safeguard, not a contract: a Redis outage lets calls through rather than failing them.
      skipOnError: true,
      // The plugin writes draft-03's RateLimit-Limit/-Remaining/-Reset; the platform speaks the
      // later draft's RateLimit-Policy and RateLimit, which the refusal above carries instead.
      enableDraftSpec: true,
      addHeadersOnExceeding: {
        'ratelimit-limit': false,
        'ratelimit-remaining': false,
        'ratelimit-reset': false,
      },
      addHeaders: {
        'ratelimit-limit': false,
        'ratelimit-remaining': false,
        'ratelimit-reset': false,
        'retry-after': false,
      },
    });
    const max = opts.clientAuthPerMinute;
    const clientAuth = app.createRateLimit({
      max,
      timeWindow: WINDOW_SECONDS * 1000,
      // Outside a route the store's prefix names none (`ixm-ip-limit-undefinedundefined-`), so
      // the key names the limit; the address is normalized as the route limits do it.
      keyGenerator: (request) => `client-auth-${normalizeIP(request.ip)}`,
    });
    app.decorate('ipLimits', {
      token: perMinute(opts.tokenPerMinute),
      authorize: perMinute(opts.authorizePerMinute),
      signIn: perMinute(opts.signInPerMinute),
      clientAuth: {
        async spend(request: FastifyRequest) {
          const count = await clientAuth(request);
          if (!count.isAllowed && count.isExceeded) {
            throw refusal(
              'client-auth',
              max,
              count.ttl,
              `More than ${max} client authentications in one minute from one IP address.`,
            );
          }
        },
      },
    });
  },
  { name: 'ip-limits', dependencies: ['limits'] },
);
