// The console API's shapes, as in api-spec/components/schemas; the portal does not depend on the server package.

export type Role = 'citizen' | 'developer' | 'official' | 'admin';
export type Environment = 'sandbox' | 'production';
export type ClientType = 'confidential' | 'public';
export type AppStatus = 'active' | 'pending_approval' | 'suspended';
export type ProductCode = 'catalog' | 'search' | 'residence' | 'social-insurance' | 'applications';

export interface Org {
  id: string;
  name: string;
  creditCode: string | null;
  role: 'owner' | 'member';
  createdAt: string;
}

export interface Me {
  account: { id: string; name: string; roles: Role[]; idNumberMasked: string | null };
  csrfToken: string;
  orgs: Org[];
}

export interface OrgCreate {
  name: string;
  creditCode?: string;
}

export interface App {
  id: string;
  clientId: string;
  orgId: string;
  name: string;
  description: string;
  logoUrl: string | null;
  homepageUrl: string | null;
  redirectUris: string[];
  environment: Environment;
  clientType: ClientType;
  status: AppStatus;
  products: ProductCode[];
  createdAt: string;
  updatedAt: string;
}

export interface AppCreate {
  orgId: string;
  name: string;
  description: string;
  homepageUrl?: string;
  redirectUris: string[];
  environment: Environment;
  clientType: ClientType;
  products: ProductCode[];
}

export type AppUpdate = Partial<Pick<App, 'name' | 'description' | 'redirectUris'>>;

export interface AppCreated {
  app: App;
  /** Null for public clients, which have no secret. */
  clientSecret: string | null;
}

export interface ClientSecret {
  id: string;
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface Credentials {
  clientSecrets: ClientSecret[];
  apiKeys: ApiKey[];
}

export interface ClientSecretCreated {
  clientSecret: ClientSecret;
  secret: string;
}

export interface ApiKeyCreated {
  apiKey: ApiKey;
  key: string;
}

export interface Consent {
  id: string;
  app: { clientId: string; name: string; publisher: string };
  scopes: string[];
  purpose: string;
  createdAt: string;
  expiresAt: string;
  withdrawnAt: string | null;
}
