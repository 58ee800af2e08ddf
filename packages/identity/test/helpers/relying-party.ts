import * as oauth from 'oauth4webapi';
import { type IdentityClient, startIdentityProvider } from '../../src/index.js';

export const TEST_CLIENT: IdentityClient = {
  clientId: 'test-rp',
  clientSecret: 'test-rp-secret',
  // Port 9 (discard): nothing listens, tests only read the Location header that points here.
  redirectUris: ['http://127.0.0.1:9/cb'],
};

export const SCOPE = 'openid profile identity roles';

/** A provider on a free port with the test client registered, and that client's view of it. */
export async function startWithTestClient() {
  const idp = await startIdentityProvider({ port: 0, clients: [TEST_CLIENT] });
  const issuer = new URL(idp.url);
  const insecure = { [oauth.allowInsecureRequests]: true };
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
  const client: oauth.Client = { client_id: TEST_CLIENT.clientId, id_token_signed_response_alg: 'ES256' };
  return { idp, as, client, insecure };
}

/** An authorization request URL; `params` overrides or (with undefined) removes defaults. */
export function authorizationUrl(
  as: oauth.AuthorizationServer,
  params: Record<string, string | undefined>,
): URL {
  const url = new URL(as.authorization_endpoint!);
  const all = {
    client_id: TEST_CLIENT.clientId,
    redirect_uri: TEST_CLIENT.redirectUris[0],
    response_type: 'code',
    scope: SCOPE,
    ...params,
  };
  for (const [key, value] of Object.entries(all)) if (value !== undefined) url.searchParams.set(key, value);
  return url;
}
