import type { AuthRuntime } from '../../platform/auth/auth-plugin.js';
import { sha256 } from '../../platform/auth/secrets.js';
import type { AuthenticatedClient } from './client-auth.js';
import type { OAuthRepository } from './repository.js';
import type { TokenService } from './token-service.js';

const looksLikeJwt = (token: string) => token.split('.').length === 3;

/** Revocation (RFC 7009) and introspection (RFC 7662), for the client a token was issued to. */
export function tokenTools(auth: AuthRuntime, repo: OAuthRepository, tokens: TokenService) {
  async function accessClaims(token: string) {
    try {
      const claims = await auth.keys.verify(token);
      return auth.cache.isTokenRevoked(claims) ? undefined : claims;
    } catch {
      return undefined;
    }
  }

  return {
    async revoke(client: AuthenticatedClient, token: string): Promise<void> {
      if (looksLikeJwt(token)) {
        const claims = await accessClaims(token);
        if (claims?.client_id !== client.clientId || !claims.exp) return;
        await auth.revoke([
          { kind: 'token', subject: String(claims.jti), until: new Date(claims.exp * 1000) },
        ]);
        return;
      }
      const row = await repo.refreshToken(sha256(token));
      if (row && row.appId === client.id && !row.revokedAt) await tokens.revokeFamily(row.familyId);
    },

    async introspect(client: AuthenticatedClient, token: string) {
      if (looksLikeJwt(token)) {
        const claims = await accessClaims(token);
        if (!claims || claims.client_id !== client.clientId) return { active: false };
        return {
          active: true,
          scope: String(claims.scope),
          client_id: String(claims.client_id),
          sub: String(claims.sub),
          aud: auth.audience,
          iss: auth.issuer,
          exp: Number(claims.exp),
          iat: Number(claims.iat),
          jti: String(claims.jti),
          token_type: 'Bearer' as const,
        };
      }
      const row = await repo.refreshToken(sha256(token));
      if (!row || row.appId !== client.id || row.usedAt || row.revokedAt || row.expiresAt <= new Date()) {
        return { active: false };
      }
      const consent = await repo.consent(row.consentId);
      if (!consent || consent.withdrawnAt || consent.expiresAt <= new Date()) return { active: false };
      return {
        active: true,
        scope: row.scopes.join(' '),
        client_id: client.clientId,
        sub: row.accountId,
        exp: Math.floor(row.expiresAt.getTime() / 1000),
        token_type: 'refresh_token' as const,
      };
    },
  };
}
