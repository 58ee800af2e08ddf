import { randomBytes } from 'node:crypto';
import type { ClientMetadata, Configuration } from 'oidc-provider';
import { SCOPE_CLAIMS } from './claims.js';
import { findAccount } from './find-account.js';
import { errorPage } from './interactions/error-page.js';
import type { IdentityClient } from './options.js';
import { generateSigningKeys } from './signing-keys.js';

function clientMetadata(client: IdentityClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    // oidc-provider v9 accepts client_secret_post too for a client registered with basic.
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'ES256',
  };
}

export function providerConfiguration(clients: IdentityClient[]): Configuration {
  return {
    clients: clients.map(clientMetadata),
    jwks: { keys: generateSigningKeys() },
    // Per-process cookie signing keys: a restart signs everyone out, as a dev provider may.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: Object.keys(SCOPE_CLAIMS),
    claims: SCOPE_CLAIMS,
    responseTypes: ['code'],
    // Clients authenticate with their secret only; discovery should not advertise more.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    // Scope claims go into the ID token too, so the platform needs no userinfo call.
    conformIdTokenClaims: false,
    // v9 supports only S256 (no `methods` option left); this makes it mandatory for every client.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount,
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(out.error, out.error_description);
    },
    // The platform calls token and userinfo from its server; no browser origin needs CORS there.
    clientBasedCORS: () => false,
    // Explicit lifetimes (seconds); they also silence oidc-provider's "use your own TTL" notices.
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
  };
}
