import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails, Provider } from 'oidc-provider';

/**
 * The platform is first-party, so its consent prompt is granted without asking: everything the
 * request is missing is added to the (new or existing) grant.
 */
export async function grantConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  { prompt: { details }, grantId, session, params }: InteractionDetails,
): Promise<void> {
  if (!session) throw new Error('consent prompt without a signed-in session');
  const grant =
    (grantId && (await provider.Grant.find(grantId))) ||
    new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
}
