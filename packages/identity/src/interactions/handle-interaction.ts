import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type InteractionDetails, type Provider } from 'oidc-provider';
import { findTestIdentity, testIdentities } from '../identities/test-identities.js';
import { grantConsent } from './consent.js';
import { errorPage } from './error-page.js';
import { readFormBody } from './form-body.js';
import { sendHtml } from './html.js';
import { HttpError } from './http-error.js';
import { loginPage } from './login-page.js';
import type { InteractionAction, InteractionRoute } from './routes.js';

type Action = (provider: Provider, uid: string, req: IncomingMessage, res: ServerResponse) => Promise<void>;

async function detailsFor(provider: Provider, uid: string, req: IncomingMessage, res: ServerResponse) {
  const details: InteractionDetails = await provider.interactionDetails(req, res);
  // The interaction cookie names the interaction; the path must agree with it.
  if (details.uid !== uid) throw new HttpError(400, 'invalid_request', 'interaction mismatch');
  return details;
}

const actions: Record<InteractionAction, Action> = {
  async show(provider, uid, req, res) {
    const details = await detailsFor(provider, uid, req, res);
    switch (details.prompt.name) {
      case 'login':
        return sendHtml(res, 200, loginPage(uid, details.params.client_id, testIdentities));
      case 'consent':
        return grantConsent(provider, req, res, details);
      default:
        throw new HttpError(501, 'not_implemented', `unsupported prompt ${details.prompt.name}`);
    }
  },

  async login(provider, uid, req, res) {
    const sub = (await readFormBody(req)).get('sub') ?? '';
    if (!findTestIdentity(sub)) {
      throw new HttpError(400, 'unknown_identity', '未知的测试身份 Unknown test identity');
    }
    const details = await detailsFor(provider, uid, req, res);
    if (details.prompt.name !== 'login') {
      throw new HttpError(400, 'invalid_request', 'this interaction does not ask for a login');
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: sub } },
      { mergeWithLastSubmission: false },
    );
  },

  async abort(provider, uid, req, res) {
    await detailsFor(provider, uid, req, res);
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
  },
};

function asHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof errors.OIDCProviderError && err.expose) {
    return new HttpError(err.statusCode, err.error, err.error_description ?? '');
  }
  console.error('identity provider interaction failed', err);
  return new HttpError(500, 'server_error', 'oops! something went wrong');
}

/** Serves one interaction route, answering failures with an error page instead of a stack trace. */
export function handleInteraction(
  provider: Provider,
  { uid, action }: InteractionRoute,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  actions[action](provider, uid, req, res).catch((err: unknown) => {
    const { status, error, description } = asHttpError(err);
    if (res.headersSent) res.end();
    else sendHtml(res, status, errorPage(error, description));
  });
}
