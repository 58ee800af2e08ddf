import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export { freePort } from '../../src/testing.js';

export const pkcePair = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();

/**
 * A citizen's browser on the consent screen: GET /oauth/authorize with the session cookie,
 * then the chosen decision. Returns the redirect the browser is sent to.
 */
export async function consentTo(
  app: FastifyInstance,
  cookie: string,
  authorizeQuery: Record<string, string>,
  decision: 'approve' | 'deny' = 'approve',
): Promise<URL> {
  const page = await app.inject({
    method: 'GET',
    url: `/oauth/authorize?${form(authorizeQuery)}`,
    headers: { cookie },
  });
  if (page.statusCode !== 200) throw new Error(`consent screen answered ${page.statusCode}: ${page.body}`);
  const field = (name: string) => page.body.match(new RegExp(`name="${name}" value="([^"]+)"`))?.[1] ?? '';
  const answer = await app.inject({
    method: 'POST',
    url: '/oauth/authorize',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ request: field('request'), csrf: field('csrf'), decision }),
  });
  if (answer.statusCode !== 302) throw new Error(`decision answered ${answer.statusCode}: ${answer.body}`);
  return new URL(String(answer.headers.location));
}

/** POST /oauth/token (or another form endpoint) with HTTP Basic client authentication. */
export function tokenRequest(
  app: FastifyInstance,
  client: { clientId: string; clientSecret?: string | undefined },
  values: Record<string, string>,
  url = '/oauth/token',
) {
  const basic = client.clientSecret
    ? {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      }
    : {};
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...basic },
    payload: form(client.clientSecret ? values : { client_id: client.clientId, ...values }),
  });
}
