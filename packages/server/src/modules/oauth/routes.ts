import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SCOPES } from '../../platform/auth/scopes.js';
import { safeEqual } from '../../platform/auth/secrets.js';
import { operation } from '../../platform/contract/route.js';
import { isStorable, NOT_STORABLE } from '../../platform/contract/storable-text.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import {
  type AuthorizeQuery,
  authorizeService,
  CONSENT_DAYS,
  RedirectError,
  redirectWith,
  UntrustedRedirect,
} from './authorize-service.js';
import { type AuthenticatedClient, clientAuthenticator } from './client-auth.js';
import { consentPage, errorPage } from './consent-page.js';
import { OAuthError, sendOAuthError } from './oauth-error.js';
import { oauthRepository } from './repository.js';
import { tokenService } from './token-service.js';
import { tokenTools } from './token-tools.js';

type Form = Record<string, string | undefined>;

/**
 * The fields of a form, or why they cannot be used: @fastify/formbody makes a repeated field an
 * array, which RFC 6749 (3.1, 3.2) forbids, and a field the database cannot hold must not reach it.
 */
function formFields(body: unknown): Form | string {
  const fields = (body ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) return `${name} is repeated; send each parameter once.`;
    if (typeof value !== 'string') return `${name} must be text.`;
    if (!isStorable(value)) return `${name} ${NOT_STORABLE}.`;
  }
  return fields as Form;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .code(status)
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    )
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);

/** The authorization server: RFC 6749 endpoints, PKCE, consent, revocation, introspection, metadata. */
export async function oauthRoutes(app: FastifyInstance) {
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  const repo = oauthRepository(app.database.db);
  const tokens = tokenService(app.auth, repo);
  const authorize = authorizeService(repo, tokens);
  const authenticateClient = clientAuthenticator(repo);
  const tools = tokenTools(app.auth, repo, tokens);
  const issuer = app.auth.issuer;
  const { token: tokenLimit, authorize: authorizeLimit, clientAuth } = app.ipLimits;

  // The per-IP limits refuse with the platform's problem: the per-call ones in a hook, before the
  // handlers below, the client-authentication one from `withClient`, which rethrows it. These
  // endpoints answer it in their own formats: a page for the person at the authorization
  // endpoint, RFC 6749's JSON at the others.
  app.setErrorHandler((err, request, reply) => {
    if (!(err instanceof ApiProblem && err.code === 'rate_limited')) throw err;
    reply.headers(err.headers);
    const operationId = request.routeOptions.config.operationId;
    if (operationId === 'authorize' || operationId === 'decideAuthorization') {
      return html(
        reply,
        429,
        errorPage('请稍后再试（too many requests from this address）。', '请求过于频繁'),
      );
    }
    return sendOAuthError(reply, new OAuthError('rate_limited', err.detail, 429));
  });

  /** Runs an endpoint that authenticates its client, answering RFC 6749 errors. */
  const withClient =
    (run: (client: AuthenticatedClient, form: Form) => Promise<unknown>, confidentialOnly = false) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
          throw new OAuthError(
            'invalid_request',
            'Send the parameters as application/x-www-form-urlencoded.',
          );
        }
        const form = formFields(request.body);
        if (typeof form === 'string') throw new OAuthError('invalid_request', form);
        const client = await authenticateClient(
          { authorization: request.headers.authorization, ...form },
          () => clientAuth.spend(request),
        );
        if (confidentialOnly && client.clientType === 'public') {
          throw new OAuthError('invalid_client', 'Only confidential clients may introspect tokens.');
        }
        return reply.header('cache-control', 'no-store').send(await run(client, form));
      } catch (err) {
        if (err instanceof OAuthError) {
          return sendOAuthError(reply, err, Boolean(request.headers.authorization));
        }
        throw err;
      }
    };

  operation(
    app,
    'issueToken',
    withClient(async (client, form) => {
      if (client.status !== 'active') {
        throw new OAuthError('unauthorized_client', 'The app is suspended or awaits approval.');
      }
      switch (form.grant_type) {
        case 'client_credentials':
          return tokens.clientCredentials(client, form.scope);
        case 'authorization_code':
          return tokens.authorizationCode(client, form);
        case 'refresh_token':
          return tokens.refresh(client, form.refresh_token, form.scope);
        case undefined:
          throw new OAuthError('invalid_request', 'grant_type is required.');
        default:
          throw new OAuthError('unsupported_grant_type', `grant_type ${form.grant_type} is not supported.`);
      }
    }) as never,
    { rateLimit: tokenLimit },
  );

  operation(
    app,
    'revokeToken',
    withClient(async (client, form) => {
      if (!form.token) throw new OAuthError('invalid_request', 'token is required.');
      await tools.revoke(client, form.token);
      return '';
    }) as never,
    { rateLimit: tokenLimit },
  );

  operation(
    app,
    'introspectToken',
    withClient(async (client, form) => {
      if (!form.token) throw new OAuthError('invalid_request', 'token is required.');
      return tools.introspect(client, form.token);
    }, true) as never,
    { rateLimit: tokenLimit },
  );

  operation(
    app,
    'authorize',
    async (request, reply) => {
      const query = request.query as AuthorizeQuery;
      let valid: Awaited<ReturnType<typeof authorize.validate>>;
      try {
        valid = await authorize.validate(query);
      } catch (err) {
        if (err instanceof UntrustedRedirect) return html(reply, 400, errorPage(err.message));
        if (err instanceof RedirectError && query.redirect_uri) {
          return reply.redirect(
            redirectWith(query.redirect_uri, {
              error: err.error,
              error_description: err.description,
              state: query.state,
              iss: issuer,
            }),
          );
        }
        throw err;
      }
      const signedIn = await app.sessions.read(request);
      if (!signedIn) {
        return reply.redirect(`/auth/login?returnTo=${encodeURIComponent(request.url)}`);
      }
      const requestId = await authorize.savePending(valid, signedIn.account.id);
      return html(
        reply,
        200,
        consentPage({
          requestId,
          csrfToken: signedIn.csrfToken,
          appName: valid.app.name,
          publisher: valid.app.publisher,
          environment: valid.app.environment,
          scopes: valid.scopes,
          purpose: valid.purpose,
          validDays: CONSENT_DAYS,
          citizenName: signedIn.account.name,
        }),
      );
    },
    { rateLimit: authorizeLimit },
  );

  operation(
    app,
    'decideAuthorization',
    async (request, reply) => {
      const form = formFields(request.body);
      if (typeof form === 'string') return html(reply, 400, errorPage(`请求格式错误（${form}）。`));
      const signedIn = await app.sessions.read(request);
      if (!signedIn || !form.csrf || !safeEqual(form.csrf, signedIn.csrfToken)) {
        return html(
          reply,
          403,
          errorPage('会话已失效，请返回应用重新发起授权（session or CSRF check failed）。'),
        );
      }
      if (form.decision !== 'approve' && form.decision !== 'deny') {
        return html(reply, 400, errorPage('请选择同意或拒绝（decision must be approve or deny）。'));
      }
      const target = await authorize.decide(
        form.request ?? '',
        signedIn.account.id,
        form.decision === 'approve',
        issuer,
      );
      if (!target) return html(reply, 400, errorPage('授权请求已过期或已处理，请返回应用重新发起。'));
      return reply.redirect(target);
    },
    { rateLimit: authorizeLimit },
  );

  operation(app, 'getAuthorizationServerMetadata', async () => ({
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    introspection_endpoint: `${issuer}/oauth/introspect`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    scopes_supported: Object.keys(SCOPES),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    service_documentation: 'https://open.ixiamen.gov.cn/docs/authentication',
  }));

  operation(app, 'getJwks', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return app.auth.keys.jwks() as never;
  });
}
