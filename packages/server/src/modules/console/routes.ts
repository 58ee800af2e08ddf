import type { App } from '@ixiamen/db';
import { isValidCreditCode } from '@ixiamen/departments';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { requireSession } from '../identity/session-guard.js';
import { productRoutes } from '../products/routes.js';
import { usageRoutes } from '../usage/routes.js';
import { consentRoutes } from './consent-routes.js';
import { credentialRoutes } from './credential-routes.js';
import { newClientId, newClientSecret } from './credentials.js';
import { checkRedirectUris } from './redirect-uris.js';
import { consoleRepository } from './repository.js';
import { appView } from './views.js';

/** The developer console's API: who I am, my organisations, my apps and their credentials. */
export async function consoleRoutes(app: FastifyInstance) {
  const repo = consoleRepository(app.database.db);
  const session = (request: FastifyRequest, csrf = false) => requireSession(app, request, { csrf });

  /** The app, if the signed-in account belongs to its organisation; 404 otherwise (no existence leak). */
  const ownApp: OwnApp = async (request, appId, csrf = false) => {
    const signedIn = await session(request, csrf);
    const found = await repo.appFor(appId, signedIn.account.id);
    if (!found) throw new ApiProblem('not_found', `No app ${appId} among your organisations' apps.`);
    return found;
  };
  const appChanged = (appId: string) => app.auth.revoke([{ kind: 'app', subject: appId, until: null }]);

  operation(app, 'getMe', async (request) => {
    const { account, csrfToken } = await session(request);
    const orgs = await repo.orgsOf(account.id);
    return {
      account: {
        id: account.id,
        name: account.name,
        roles: account.roles as ('citizen' | 'developer' | 'official' | 'admin')[],
        idNumberMasked: account.idNumberMasked,
      },
      csrfToken,
      orgs: orgs.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    };
  });

  operation(app, 'createOrg', async (request, reply) => {
    const { account } = await session(request, true);
    const { name, creditCode } = request.body;
    if (creditCode && !isValidCreditCode(creditCode)) {
      throw ApiProblem.invalidInput('body/creditCode', 'fails the GB 32100 check character');
    }
    const org = await repo.createOrg(account.id, name, creditCode ?? null);
    return reply.code(201).send({ ...org, role: 'owner' as const, createdAt: org.createdAt.toISOString() });
  });

  operation(app, 'listApps', async (request) => {
    const { account } = await session(request);
    return { data: (await repo.appsOf(account.id)).map(appView) };
  });

  operation(app, 'createApp', async (request, reply) => {
    const { account } = await session(request, true);
    const body = request.body;
    if (!(await repo.isMember(body.orgId, account.id))) {
      throw new ApiProblem('forbidden', 'You are not a member of this organisation.');
    }
    const clientType = body.clientType ?? 'confidential';
    const redirectUris = checkRedirectUris(body.redirectUris ?? []);
    const secret = clientType === 'confidential' ? await newClientSecret() : undefined;
    const created = await repo.createApp(
      {
        orgId: body.orgId,
        clientId: newClientId(),
        name: body.name,
        description: body.description,
        logoUrl: body.logoUrl ?? null,
        homepageUrl: body.homepageUrl ?? null,
        redirectUris,
        environment: body.environment,
        clientType,
        // Production apps reach real citizens' data: an admin approves them first.
        status: body.environment === 'production' ? 'pending_approval' : 'active',
        products: body.products ?? ['catalog', 'search'],
      },
      secret?.stored,
    );
    return reply.code(201).send({ app: appView(created), clientSecret: secret?.secret ?? null });
  });

  operation(app, 'getApp', async (request) => appView(await ownApp(request, request.params.appId)));

  operation(app, 'updateApp', async (request) => {
    const current = await ownApp(request, request.params.appId, true);
    const { redirectUris, ...rest } = request.body;
    const updated = await repo.updateApp(current.id, {
      ...rest,
      ...(redirectUris ? { redirectUris: checkRedirectUris(redirectUris) } : {}),
    });
    await appChanged(current.id);
    return appView(updated);
  });

  operation(app, 'deleteApp', async (request, reply) => {
    const current = await ownApp(request, request.params.appId, true);
    await repo.deleteApp(current.id);
    await appChanged(current.id);
    return reply.code(204).send();
  });

  await credentialRoutes(app, repo, ownApp);
  await consentRoutes(app, repo, session);
  await productRoutes(app, ownApp, session);
  await usageRoutes(app, ownApp);
}

export type OwnApp = (request: FastifyRequest, appId: string, csrf?: boolean) => Promise<App>;
