import type { FastifyInstance } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { newApiKey, newClientSecret } from './credentials.js';
import type { ConsoleRepository } from './repository.js';
import type { OwnApp } from './routes.js';
import { keyView, secretView } from './views.js';

const overlapEnd = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** Client secrets and API keys: shown once, listed by hint or prefix, rotated with overlap, revoked. */
export async function credentialRoutes(app: FastifyInstance, repo: ConsoleRepository, ownApp: OwnApp) {
  const keyChanged = (keyId: string) => app.auth.revoke([{ kind: 'api_key', subject: keyId, until: null }]);

  operation(app, 'listCredentials', async (request) => {
    const current = await ownApp(request, request.params.appId);
    const [secrets, keys] = await Promise.all([repo.secrets(current.id), repo.keys(current.id)]);
    return { clientSecrets: secrets.map(secretView), apiKeys: keys.map(keyView) };
  });

  operation(app, 'rotateClientSecret', async (request, reply) => {
    const current = await ownApp(request, request.params.appId, true);
    if (current.clientType === 'public') throw new ApiProblem('conflict', 'Public clients have no secret.');
    const { secret, stored } = await newClientSecret();
    const row = await repo.rotateSecret(
      current.id,
      { appId: current.id, ...stored },
      overlapEnd(request.body.overlapSeconds),
    );
    return reply.code(201).send({ clientSecret: secretView(row), secret });
  });

  operation(app, 'revokeClientSecret', async (request, reply) => {
    const current = await ownApp(request, request.params.appId, true);
    const revoked = await repo.revokeSecret(current.id, request.params.secretId);
    if (!revoked) {
      if (await repo.secretExists(current.id, request.params.secretId)) {
        throw new ApiProblem('conflict', 'The secret is already revoked.');
      }
      throw new ApiProblem('not_found', `No client secret ${request.params.secretId} on this app.`);
    }
    return reply.code(204).send();
  });

  operation(app, 'createApiKey', async (request, reply) => {
    const current = await ownApp(request, request.params.appId, true);
    const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
    if (expiresAt && expiresAt <= new Date())
      throw ApiProblem.invalidInput('body/expiresAt', 'must be in the future');
    const { key, stored } = newApiKey(current.environment);
    const row = await repo.createKey({ appId: current.id, name: request.body.name, expiresAt, ...stored });
    return reply.code(201).send({ apiKey: keyView(row), key });
  });

  const liveKey = async (appId: string, keyId: string) => {
    const row = await repo.key(appId, keyId);
    if (!row) throw new ApiProblem('not_found', `No API key ${keyId} on this app.`);
    if (row.revokedAt) throw new ApiProblem('conflict', 'The API key is already revoked.');
    return row;
  };

  operation(app, 'rotateApiKey', async (request, reply) => {
    const current = await ownApp(request, request.params.appId, true);
    const old = await liveKey(current.id, request.params.keyId);
    const until = overlapEnd(request.body.overlapSeconds);
    const { key, stored } = newApiKey(current.environment);
    const row = await repo.rotateKey(old.id, old.expiresAt && old.expiresAt < until ? old.expiresAt : until, {
      appId: current.id,
      name: old.name,
      expiresAt: old.expiresAt && old.expiresAt > until ? old.expiresAt : null,
      ...stored,
    });
    await keyChanged(old.id);
    return reply.code(201).send({ apiKey: keyView(row), key });
  });

  operation(app, 'revokeApiKey', async (request, reply) => {
    const current = await ownApp(request, request.params.appId, true);
    const old = await liveKey(current.id, request.params.keyId);
    await repo.revokeKey(old.id);
    await keyChanged(old.id);
    return reply.code(204).send();
  });
}
