import type { App } from '@ixiamen/db';
import { LRUCache } from 'lru-cache';
import { sha256, verifySecret } from '../../platform/auth/secrets.js';
import { isStorable } from '../../platform/contract/storable-text.js';
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
    const id = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
    // The id is looked up in the database, which cannot hold every string.
    if (!isStorable(id)) return undefined;
    return { id, secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    return undefined;
  }
}

const failed = () => new OAuthError('invalid_client', 'Client authentication failed.');

/**
 * Authenticates the client of a token, revocation or introspection request: HTTP Basic or
 * body parameters for confidential clients, `client_id` alone for public ones. A secret that
 * verified once is remembered (by client and SHA-256) so scrypt runs once per secret per
 * instance; revoked or expired secrets are filtered by the database before that. Every other
 * attempt that could run scrypt, and every failure, is counted with `spend` (the per-IP limit,
 * which throws once over): a wrong secret costs a full scrypt run each time.
 */
export function clientAuthenticator(repo: OAuthRepository) {
  // `clientId:sha256(secret)` → the id of the stored secret it verified against.
  const verified = new LRUCache<string, string>({ max: 10_000 });

  return async (input: ClientCredentialsInput, spend: () => Promise<void>): Promise<AuthenticatedClient> => {
    const fail = async () => {
      await spend();
      throw failed();
    };
    const basic = input.authorization ? fromBasic(input.authorization) : undefined;
    if (input.authorization && !basic) return fail();
    if (basic && (input.client_secret || (input.client_id && input.client_id !== basic.id))) {
      throw new OAuthError('invalid_request', 'Use one client authentication method, not two.');
    }
    const clientId = basic?.id ?? input.client_id;
    const secret = basic?.secret ?? input.client_secret;
    if (!clientId) return fail();
    if (!secret) {
      // No scrypt to run: a public client is not counted, so only failures are.
      const app = await repo.appByClientId(clientId);
      return app?.clientType === 'public' ? app : fail();
    }
    const memo = `${clientId}:${sha256(secret)}`;
    const remembered = verified.get(memo);
    // Counted before the database and scrypt, so an IP over the limit costs neither, and
    // parallel guesses cannot all pass the check before any of them is counted.
    if (!remembered) await spend();
    const app = await repo.appByClientId(clientId);
    if (!app || app.clientType === 'public') throw failed();
    const live = await repo.liveSecrets(app.id, new Date());
    if (remembered) {
      if (live.some((candidate) => candidate.id === remembered)) return app;
      // Revoked or expired since: checked afresh against the others, so counted.
      verified.delete(memo);
      await spend();
    }
    for (const candidate of live) {
      if (await verifySecret(secret, candidate.hash)) {
        verified.set(memo, candidate.id);
        return app;
      }
    }
    throw failed();
  };
}
