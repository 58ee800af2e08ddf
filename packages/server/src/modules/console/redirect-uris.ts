import { ApiProblem } from '../../platform/errors/api-problem.js';

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Redirect URIs are matched exactly, so they must be exact: absolute, https (http only on a
 * loopback host, RFC 8252), no fragment, no wildcard, no credentials.
 */
export function checkRedirectUris(uris: readonly string[]): string[] {
  uris.forEach((value, index) => {
    const location = `body/redirectUris/${index}`;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw ApiProblem.invalidInput(location, 'must be an absolute URL');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      throw ApiProblem.invalidInput(location, 'must use https (http only on 127.0.0.1, [::1] or localhost)');
    }
    if (value.includes('#') || value.includes('*') || url.username || url.password) {
      throw ApiProblem.invalidInput(location, 'must have no fragment, wildcard or credentials');
    }
  });
  return [...uris];
}
