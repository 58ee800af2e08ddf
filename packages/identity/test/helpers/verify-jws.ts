import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';

const HASH: Record<string, string> = { ES256: 'sha256', RS256: 'sha256' };

/** Checks a compact JWS signature against a key from a JWKS, as a relying party must for ID tokens. */
export function verifyJws(jws: string, jwks: { keys: JsonWebKey[] }): boolean {
  const [header = '', payload = '', signature = ''] = jws.split('.');
  const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
    alg: string;
    kid: string;
  };
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (!jwk || !HASH[alg]) return false;
  return verify(
    HASH[alg],
    Buffer.from(`${header}.${payload}`),
    // JWS ECDSA signatures are raw r||s, not DER.
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
}
