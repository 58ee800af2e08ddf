import type { FastifyInstance, FastifyRequest } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import type { SignedIn } from '../identity/sessions.js';
import type { ConsoleRepository } from './repository.js';
import { consentView } from './views.js';

/** A citizen's "my authorisations": list the consents given, withdraw one. */
export async function consentRoutes(
  app: FastifyInstance,
  repo: ConsoleRepository,
  session: (request: FastifyRequest, csrf?: boolean) => Promise<SignedIn>,
) {
  operation(app, 'listConsents', async (request) => {
    const { account } = await session(request);
    const rows = await repo.consentsOf(account.id);
    return { data: rows.map((r) => consentView(r.consent, r)) };
  });

  operation(app, 'withdrawConsent', async (request, reply) => {
    const { account } = await session(request, true);
    const consent = await repo.consentOf(request.params.consentId, account.id);
    if (!consent) throw new ApiProblem('not_found', `No consent ${request.params.consentId} of yours.`);
    if (consent.withdrawnAt) throw new ApiProblem('conflict', 'The consent is already withdrawn.');
    await repo.withdrawConsent(consent.id);
    // Access tokens under this consent live at most one lifetime more; deny them until then.
    const until = new Date(Date.now() + app.auth.accessTokenTtlSeconds * 1000);
    await app.auth.revoke([{ kind: 'consent', subject: consent.id, until }]);
    return reply.code(204).send();
  });
}
