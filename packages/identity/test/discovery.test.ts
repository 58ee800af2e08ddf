import { afterEach, describe, expect, it } from 'vitest';
import { startIdentityProvider } from '../src/index.js';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe('discovery', () => {
  it('happy: on port 0 the issuer is the listening URL, and discovery and JWKS are served', async () => {
    const idp = await startIdentityProvider({ port: 0 });
    close = idp.close;
    expect(idp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(idp.url).not.toBe('http://127.0.0.1:0');

    const discovery = await fetch(`${idp.url}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    const metadata = await discovery.json();
    expect(metadata.issuer).toBe(idp.url);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'identity', 'roles']),
    );
    expect(metadata.claims_supported).toEqual(
      expect.arrayContaining(['name', 'id_number', 'credit_code', 'org_name', 'phone_number', 'roles']),
    );

    const jwks = await (await fetch(metadata.jwks_uri)).json();
    expect(jwks.keys.map((key: { alg: string }) => key.alg).sort()).toEqual(['ES256', 'RS256']);
    for (const key of jwks.keys) {
      expect(key.kid).toBeTruthy();
      // Public halves only.
      expect(key).not.toHaveProperty('d');
    }
  });
});
