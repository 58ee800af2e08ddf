import { OAuthError } from '../errors.js';
import type { components } from '../generated/api-types.js';

export type TokenResponse = components['schemas']['TokenResponse'];

export interface OAuthClient {
  /** Where the platform answers, e.g. https://open.ixiamen.gov.cn. */
  baseUrl: string;
  clientId: string;
  /** Confidential clients only; browser and mobile apps are public clients without one. */
  clientSecret?: string | undefined;
  fetch?: typeof fetch;
}

const endpoint = (baseUrl: string, path: string) =>
  new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);

/** Encodes as RFC 6749 2.3.1 asks before Basic: form-urlencoding, then base64. */
const basic = (id: string, secret: string) =>
  `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;

/** POSTs a form to one of the authorization server's endpoints, authenticating the client. */
export async function postForm(
  client: OAuthClient,
  path: string,
  form: Record<string, string>,
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const body = new URLSearchParams(form);
  if (client.clientSecret) headers.authorization = basic(client.clientId, client.clientSecret);
  else body.set('client_id', client.clientId);
  const response = await (client.fetch ?? globalThis.fetch)(endpoint(client.baseUrl, path), {
    method: 'POST',
    headers,
    body,
  });
  if (response.ok) return response;
  const problem = (await response.json().catch(() => ({}))) as { error?: string; error_description?: string };
  throw new OAuthError(
    response.status,
    problem.error ?? `http_${response.status}`,
    problem.error_description,
  );
}

export async function requestToken(
  client: OAuthClient,
  form: Record<string, string>,
): Promise<TokenResponse> {
  return (await postForm(client, 'oauth/token', form)).json() as Promise<TokenResponse>;
}
