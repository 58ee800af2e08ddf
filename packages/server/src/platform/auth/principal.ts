/** Who is calling a /v1 operation, as established by the authenticate hook. */
export interface Principal {
  via: 'access_token' | 'api_key';
  appId: string;
  clientId: string;
  /** The citizen's account id for user tokens; the client id otherwise. */
  subject: string;
  scopes: ReadonlySet<string>;
  consentId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}
