import type { Scope } from '../../platform/auth/scopes.js';

/** The scope each API product grants; `profile:read` needs no product. */
const PRODUCT_SCOPES: Record<string, Scope> = {
  catalog: 'catalog:read',
  search: 'catalog:read',
  residence: 'residence:read',
  'social-insurance': 'social-insurance:read',
  applications: 'applications:write',
};

export function scopesOfProducts(products: readonly string[]): Set<string> {
  const scopes = new Set<string>(['profile:read', 'catalog:read']);
  for (const product of products) {
    const scope = PRODUCT_SCOPES[product];
    if (scope) scopes.add(scope);
  }
  return scopes;
}
