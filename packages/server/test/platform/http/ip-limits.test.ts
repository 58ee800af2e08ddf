import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../src/testing.js';
import { instancesOnOneDatabase } from '../../helpers/instances.js';

/** Instances on one database, each limiting /oauth/token to 2 calls a minute per IP. */
const startInstances = instancesOnOneDatabase();
const instancesWith = (count: number, redisUrl: string) =>
  startInstances(count, { REDIS_URL: redisUrl, IP_LIMIT_TOKEN_PER_MINUTE: 2 });

// A shared Redis keeps counts between runs and projects: an address of this run's own (the
// limit keys an IPv6 address by its /64).
const freshAddress = () => `2001:db8:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}::1`;

const badClient = (app: FastifyInstance, from: string) =>
  app.inject({
    method: 'POST',
    url: '/oauth/token',
    remoteAddress: from,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'grant_type=client_credentials&client_id=nobody',
  });

describe('per-IP limits with Redis', () => {
  it.runIf(process.env.TEST_REDIS_URL)(
    'security: instances share one count per IP, so spreading guesses over them gains nothing',
    async () => {
      const [a, b] = await instancesWith(2, process.env.TEST_REDIS_URL!);
      const from = freshAddress();
      expect((await badClient(a!, from)).statusCode).toBe(401);
      expect((await badClient(b!, from)).statusCode).toBe(401);
      const refused = await badClient(a!, from);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toBe('rate_limited');
      expect((await badClient(b!, from)).statusCode).toBe(429);
      expect((await badClient(b!, freshAddress())).statusCode).toBe(401);
    },
  );

  it('error: with Redis unreachable the endpoints still answer, without 500s or hangs, unlimited', async () => {
    const [app] = await instancesWith(1, `redis://127.0.0.1:${await freePort()}`);
    const started = Date.now();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await badClient(app!, '192.0.2.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
