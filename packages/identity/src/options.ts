/** A relying party registered with the provider (the platform, or a test client). */
export interface IdentityClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

export interface IdentityProviderOptions {
  /** An origin such as `http://127.0.0.1:4200`; interactions are served at its root. */
  issuer: string;
  clients: IdentityClient[];
}
