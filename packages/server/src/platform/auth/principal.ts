import type { SubscriptionState } from './subscription-state.js';

/** Who is calling a /v1 operation, as established by the authenticate hook. */
export interface Principal {
  via: 'access_token' | 'api_key';
  appId: string;
  clientId: string;
  /** The citizen's account id for user tokens; the client id otherwise. */
  subject: string;
  scopes: ReadonlySet<string>;
  /** The consent behind a citizen's token; undefined otherwise (always present: one shape for all). */
  consentId: string | undefined;
  /** The app's subscriptions by product, for the limits that follow authentication. */
  subscriptions: ReadonlyMap<string, SubscriptionState>;
  /**
   * The subscription the last call of this credential went through: an app calling one product
   * skips the lookup in `subscriptions`, a cache miss with 10,000 apps.
   */
  lastSubscription: SubscriptionState | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}
