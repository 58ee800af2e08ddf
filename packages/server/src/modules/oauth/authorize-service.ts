import { isScope, parseScope } from '../../platform/auth/scopes.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { AuthenticatedClient } from './client-auth.js';
import { CHALLENGE } from './pkce.js';
import { scopesOfProducts } from './product-scopes.js';
import type { OAuthRepository } from './repository.js';
import type { TokenService } from './token-service.js';

export const CONSENT_DAYS = 90;
const PENDING_TTL_MS = 10 * 60 * 1000;
const CODE_TTL_MS = 60 * 1000;

export interface AuthorizeQuery {
  response_type?: string;
  client_id?: string;
  redirect_uri?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  purpose?: string;
}

/** A failure shown as a page: the redirect URI cannot be trusted yet. */
export class UntrustedRedirect extends Error {}

/** A failure sent back to the (verified) redirect URI as `error`. */
export class RedirectError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export interface ValidAuthorization {
  app: AuthenticatedClient;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  codeChallenge: string;
  purpose: string;
}

export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.append(key, value);
  return url.toString();
}

/** The authorization endpoint's checks and the consent decision. */
export function authorizeService(repo: OAuthRepository, tokens: TokenService) {
  return {
    /** Client and redirect URI first (errors shown as a page), then the rest (errors redirected). */
    async validate(query: AuthorizeQuery): Promise<ValidAuthorization> {
      const app = query.client_id ? await repo.appByClientId(query.client_id) : undefined;
      if (!app) throw new UntrustedRedirect('client_id 不存在或缺失（unknown client_id）。');
      // Exact string match (RFC 9700 2.1): no prefix, case folding or trailing-slash leniency.
      if (!query.redirect_uri || !app.redirectUris.includes(query.redirect_uri)) {
        throw new UntrustedRedirect('redirect_uri 与应用登记的地址不一致（redirect_uri mismatch）。');
      }
      if (app.status !== 'active') {
        throw new RedirectError(
          'unauthorized_client',
          'The app is not active (suspended or awaiting approval).',
        );
      }
      if (query.response_type !== 'code') {
        throw new RedirectError('unsupported_response_type', 'Only response_type=code is supported.');
      }
      if (
        query.code_challenge_method !== 'S256' ||
        !query.code_challenge ||
        !CHALLENGE.test(query.code_challenge)
      ) {
        throw new RedirectError(
          'invalid_request',
          'PKCE is required: code_challenge with code_challenge_method=S256.',
        );
      }
      const scopes = parseScope(query.scope);
      const allowed = scopesOfProducts(app.products);
      if (scopes.length === 0 || scopes.some((s) => !isScope(s) || !allowed.has(s))) {
        throw new RedirectError(
          'invalid_scope',
          'A scope is unknown or not among the products the app uses.',
        );
      }
      const purpose = (query.purpose ?? '').trim().slice(0, 200) || app.description;
      return {
        app,
        redirectUri: query.redirect_uri,
        scopes,
        state: query.state,
        codeChallenge: query.code_challenge,
        purpose,
      };
    },

    async savePending(valid: ValidAuthorization, accountId: string): Promise<string> {
      const id = randomToken(24);
      await repo.savePendingRequest({
        id,
        appId: valid.app.id,
        accountId,
        redirectUri: valid.redirectUri,
        scopes: valid.scopes,
        state: valid.state ?? null,
        codeChallenge: valid.codeChallenge,
        purpose: valid.purpose,
        expiresAt: new Date(Date.now() + PENDING_TTL_MS),
      });
      return id;
    },

    /** Records the citizen's decision; returns where to send the browser. */
    async decide(
      requestId: string,
      accountId: string,
      approve: boolean,
      issuer: string,
    ): Promise<string | undefined> {
      const pending = await repo.takePendingRequest(requestId, accountId, new Date());
      if (!pending) return undefined;
      const state = pending.state ?? undefined;
      if (!approve) {
        return redirectWith(pending.redirectUri, { error: 'access_denied', state, iss: issuer });
      }
      const consent = await repo.createConsent({
        accountId,
        appId: pending.appId,
        scopes: pending.scopes,
        purpose: pending.purpose,
        expiresAt: new Date(Date.now() + CONSENT_DAYS * 24 * 3600 * 1000),
      });
      const code = randomToken(32);
      await repo.saveCode({
        codeHash: sha256(code),
        appId: pending.appId,
        accountId,
        consentId: consent.id,
        redirectUri: pending.redirectUri,
        scopes: pending.scopes,
        codeChallenge: pending.codeChallenge,
        familyId: tokens.newFamilyId(),
        expiresAt: new Date(Date.now() + CODE_TTL_MS),
      });
      return redirectWith(pending.redirectUri, { code, state, iss: issuer });
    },
  };
}
