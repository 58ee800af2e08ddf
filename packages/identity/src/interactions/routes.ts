import type { IncomingMessage } from 'node:http';

export type InteractionAction = 'show' | 'login' | 'abort';

export interface InteractionRoute {
  uid: string;
  action: InteractionAction;
}

// oidc-provider's interaction uids are nanoids: [A-Za-z0-9_-].
const PATH = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/;

/** The interaction route a request is for, or undefined when oidc-provider should handle it. */
export function matchInteractionRoute(req: IncomingMessage): InteractionRoute | undefined {
  const match = PATH.exec((req.url ?? '/').split('?')[0]!);
  if (!match) return undefined;
  const action = (match[2] ?? 'show') as InteractionAction;
  return req.method === (action === 'login' ? 'POST' : 'GET') ? { uid: match[1]!, action } : undefined;
}
