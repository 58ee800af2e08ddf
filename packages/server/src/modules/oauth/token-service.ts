import { randomUUID } from 'node:crypto';
import type { components } from '../../generated/api-types.js';
import type { AuthRuntime } from '../../platform/auth/auth-plugin.js';
import { isScope, PUBLIC_SCOPES, parseScope } from '../../platform/auth/scopes.js';
import { randomToken, sha256 } from '../../platform/auth/secrets.js';
import type { AuthenticatedClient } from './client-auth.js';
import { OAuthError } from './oauth-error.js';
import { verifyPkce } from './pkce.js';
import type { OAuthRepository } from './repository.js';

const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

export type TokenResponse = components['schemas']['TokenResponse'];

interface UserGrant {
  accountId: string;
  consentId: string;
  familyId: string;
  scopes: string[];
  consentExpiresAt: Date;
}

/** The grants of the token endpoint. */
export function tokenService(auth: AuthRuntime, repo: OAuthRepository) {
  const ttl = auth.accessTokenTtlSeconds;
  // A revoked family's or consent's access tokens can live at most one lifetime more.
  const accessHorizon = () => new Date(Date.now() + ttl * 1000);

  const accessToken = (
    app: AuthenticatedClient,
    sub: string,
    scopes: string[],
    extra: Record<string, string>,
  ) =>
    auth.keys.sign({ sub, client_id: app.clientId, app_id: app.id, scope: scopes.join(' '), ...extra }, ttl);

  async function userTokens(app: AuthenticatedClient, grant: UserGrant): Promise<TokenResponse> {
    const refresh = randomToken(32);
    await repo.saveRefreshToken({
      tokenHash: sha256(refresh),
      familyId: grant.familyId,
      appId: app.id,
      accountId: grant.accountId,
      consentId: grant.consentId,
      scopes: grant.scopes,
      expiresAt: new Date(Math.min(Date.now() + REFRESH_TTL_MS, grant.consentExpiresAt.getTime())),
    });
    return {
      access_token: await accessToken(app, grant.accountId, grant.scopes, {
        cid: grant.consentId,
        fid: grant.familyId,
      }),
      token_type: 'Bearer',
      expires_in: ttl,
      scope: grant.scopes.join(' '),
      refresh_token: refresh,
    };
  }

  async function revokeFamily(familyId: string) {
    await repo.revokeFamily(familyId, new Date());
    await auth.revoke([{ kind: 'family', subject: familyId, until: accessHorizon() }]);
  }

  /** The consent behind a user grant must still stand. */
  async function liveConsent(consentId: string) {
    const consent = await repo.consent(consentId);
    if (!consent || consent.withdrawnAt || consent.expiresAt <= new Date()) {
      throw new OAuthError('invalid_grant', 'The citizen has withdrawn or let expire the consent.');
    }
    return consent;
  }

  return {
    async clientCredentials(app: AuthenticatedClient, scope: string | undefined): Promise<TokenResponse> {
      if (app.clientType === 'public') {
        throw new OAuthError('unauthorized_client', 'Public clients cannot use client credentials.');
      }
      const requested = scope === undefined ? PUBLIC_SCOPES : parseScope(scope);
      const invalid = requested.filter((s) => !(PUBLIC_SCOPES as string[]).includes(s));
      if (invalid.length > 0 || requested.length === 0) {
        throw new OAuthError(
          'invalid_scope',
          `Client credentials grant only ${PUBLIC_SCOPES.join(' ')}; citizen data needs the authorization code flow.`,
        );
      }
      return {
        access_token: await accessToken(app, app.clientId, requested, {}),
        token_type: 'Bearer',
        expires_in: ttl,
        scope: requested.join(' '),
      };
    },

    async authorizationCode(
      app: AuthenticatedClient,
      params: {
        code?: string | undefined;
        redirect_uri?: string | undefined;
        code_verifier?: string | undefined;
      },
    ): Promise<TokenResponse> {
      if (!params.code) throw new OAuthError('invalid_request', 'code is required.');
      const used = await repo.useCode(sha256(params.code), new Date());
      const invalid = new OAuthError(
        'invalid_grant',
        'The authorization code is invalid, expired or already used.',
      );
      if (!used) throw invalid;
      const { code, replayed } = used;
      if (replayed) {
        // RFC 6749 4.1.2: a code used twice revokes what it issued.
        await revokeFamily(code.familyId);
        throw invalid;
      }
      if (code.appId !== app.id || code.expiresAt <= new Date()) throw invalid;
      if (params.redirect_uri !== code.redirectUri) {
        throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request.');
      }
      if (!verifyPkce(params.code_verifier, code.codeChallenge)) {
        throw new OAuthError('invalid_grant', 'The PKCE code_verifier does not match the code_challenge.');
      }
      const consent = await liveConsent(code.consentId);
      return userTokens(app, {
        accountId: code.accountId,
        consentId: code.consentId,
        familyId: code.familyId,
        scopes: code.scopes,
        consentExpiresAt: consent.expiresAt,
      });
    },

    async refresh(app: AuthenticatedClient, token: string | undefined, scope: string | undefined) {
      if (!token) throw new OAuthError('invalid_request', 'refresh_token is required.');
      const invalid = new OAuthError('invalid_grant', 'The refresh token is invalid, expired or revoked.');
      const hash = sha256(token);
      const row = await repo.refreshToken(hash);
      if (!row || row.appId !== app.id) throw invalid;
      // Judge the request before spending the token, so a bad scope does not burn it.
      const requested = scope === undefined ? row.scopes : parseScope(scope);
      if (requested.length === 0 || requested.some((s) => !isScope(s) || !row.scopes.includes(s))) {
        throw new OAuthError('invalid_scope', 'A refresh may narrow the scopes, never widen them.');
      }
      const rotated = await repo.useRefreshToken(hash, new Date());
      if (!rotated) {
        // Reuse of a rotated token means it leaked: stop the whole family (RFC 9700 4.14.2).
        if (!row.revokedAt) await revokeFamily(row.familyId);
        throw invalid;
      }
      if (rotated.expiresAt <= new Date()) throw invalid;
      const consent = await liveConsent(rotated.consentId);
      return userTokens(app, {
        accountId: rotated.accountId,
        consentId: rotated.consentId,
        familyId: rotated.familyId,
        scopes: requested,
        consentExpiresAt: consent.expiresAt,
      });
    },

    revokeFamily,
    newFamilyId: randomUUID,
  };
}

export type TokenService = ReturnType<typeof tokenService>;
