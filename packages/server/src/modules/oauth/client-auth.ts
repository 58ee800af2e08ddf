import type { App } from '@ixiamen/db';
import { LRUCache } from 'lru-cache';
import { sha256, verifySecret } from '../../platform/auth/secrets.js';
import { OAuthError } from './oauth-error.js';
import type { OAuthRepository } from './repository.js';

export interface ClientCredentialsInput {
  authorization?: string | undefined;
  client_id?: string | undefined;
  client_secret?: string | undefined;
}

export type AuthenticatedClient = App & { publisher: string };

function fromBasic(header: string): { id: string; secret: string } | undefined {
  const [scheme, encoded] = header.split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 2.3.1: both parts are form-urlencoded before base64.
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return undefined;
  }
}

const failed = () => new OAuthError('invalid_client', 'Client authentication failed.');

/**
 * Authenticates the client of a token, revocation or introspection request: HTTP Basic or
 * body parameters for confidential clients, `client_id` alone for public ones. A secret that
 * verified once is remembered (by its SHA-256) so scrypt runs once per secret per instance;
 * revoked or expired secrets are filtered by the database before that.
 */
export function clientAuthenticator(repo: OAuthRepository) {
  const verified = new LRUCache<string, true>({ max: 10_000 });

  return async (input: ClientCredentialsInput): Promise<AuthenticatedClient> => {
    const basic = input.authorization ? fromBasic(input.authorization) : undefined;
    if (input.authorization && !basic) throw failed();
    if (basic && (input.client_secret || (input.client_id && input.client_id !== basic.id))) {
      throw new OAuthError('invalid_request', 'Use one client authentication method, not two.');
    }
    const clientId = basic?.id ?? input.client_id;
    const secret = basic?.secret ?? input.client_secret;
    if (!clientId) throw failed();
    const app = await repo.appByClientId(clientId);
    if (!app) throw failed();
    if (app.clientType === 'public') {
      if (secret) throw failed();
      return app;
    }
    if (!secret) throw failed();
    for (const candidate of await repo.liveSecrets(app.id, new Date())) {
      const memo = `${candidate.id}:${sha256(secret)}`;
      if (verified.has(memo) || (await verifySecret(secret, candidate.hash))) {
        verified.set(memo, true);
        return app;
      }
    }
    throw failed();
  };
}
