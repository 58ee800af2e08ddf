import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import { handleInteraction } from './interactions/handle-interaction.js';
import { matchInteractionRoute } from './interactions/routes.js';
import type { IdentityProviderOptions } from './options.js';
import { providerConfiguration } from './provider-configuration.js';

/**
 * The development OpenID Connect provider and a node:http listener that serves its interaction
 * pages in front of oidc-provider's own routes.
 */
export async function createIdentityProvider(options: IdentityProviderOptions): Promise<{
  provider: Provider;
  listener: (req: IncomingMessage, res: ServerResponse) => void;
}> {
  const { pathname } = new URL(options.issuer);
  // Interaction URLs are absolute paths and the listener is not mounted under a prefix.
  if (pathname !== '/') throw new Error(`the issuer must be an origin without a path: ${options.issuer}`);
  const provider = new Provider(options.issuer, providerConfiguration(options.clients));
  const callback = provider.callback();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const route = matchInteractionRoute(req);
    if (route) handleInteraction(provider, route, req, res);
    else callback(req, res);
  };
  return { provider, listener };
}
