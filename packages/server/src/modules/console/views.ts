import type { ApiKeyRow, App, ClientSecretRow, Consent } from '@ixiamen/db';
import type { components } from '../../generated/api-types.js';

type Schemas = components['schemas'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const appView = (app: App): Schemas['App'] => ({
  id: app.id,
  clientId: app.clientId,
  orgId: app.orgId,
  name: app.name,
  description: app.description,
  logoUrl: app.logoUrl,
  homepageUrl: app.homepageUrl,
  redirectUris: app.redirectUris,
  environment: app.environment,
  clientType: app.clientType,
  status: app.status,
  products: app.products as Schemas['App']['products'],
  createdAt: app.createdAt.toISOString(),
  updatedAt: app.updatedAt.toISOString(),
});

export const secretView = (s: ClientSecretRow): Schemas['ClientSecret'] => ({
  id: s.id,
  hint: s.hint,
  createdAt: s.createdAt.toISOString(),
  expiresAt: iso(s.expiresAt),
  revokedAt: iso(s.revokedAt),
});

export const keyView = (k: ApiKeyRow): Schemas['ApiKey'] => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  expiresAt: iso(k.expiresAt),
  revokedAt: iso(k.revokedAt),
  lastUsedAt: iso(k.lastUsedAt),
});

export const consentView = (
  c: Consent,
  app: { clientId: string; appName: string; publisher: string },
): Schemas['Consent'] => ({
  id: c.id,
  app: { clientId: app.clientId, name: app.appName, publisher: app.publisher },
  scopes: c.scopes,
  purpose: c.purpose,
  createdAt: c.createdAt.toISOString(),
  expiresAt: c.expiresAt.toISOString(),
  withdrawnAt: iso(c.withdrawnAt),
});
