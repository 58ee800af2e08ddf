/** Calls an app makes with the credentials the console gave out, from outside the browser. */

export async function clientCredentialsToken(api: string, clientId: string, secret: string) {
  // RFC 6749 2.3.1: both halves are form-encoded before the Basic encoding.
  const basic = `${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`;
  return fetch(`${api}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(basic).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'catalog:read' }),
  });
}

export async function categoriesStatus(api: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${api}/v1/categories`, { headers });
  await res.body?.cancel();
  return res.status;
}

/** The status of a GET of one of the platform's paths, e.g. `/v1/categories`. */
export async function getStatus(api: string, path: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${api}${path}`, { headers });
  await res.body?.cancel();
  return res.status;
}
