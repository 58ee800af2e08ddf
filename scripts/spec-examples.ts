/**
 * `pnpm spec:examples` writes api-spec/examples/ from real answers of the platform on its
 * committed content, so the contract's examples are real and valid. Lists are cut to two items.
 * Run it after the content or a response schema changes, and review the diff.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listeningPlatform, signInForTest } from '@ixiamen/server/testing';
import { stringify } from 'yaml';
import { root } from './gen/emit.ts';

const examples: Record<string, { summary: string; url: string }> = {
  'list-themes': { summary: 'The life-cycle themes', url: '/v1/themes' },
  'list-services': {
    summary: 'Identity services done fully online',
    url: '/v1/services?category=identity&onlineDepth=IV&limit=2',
  },
  'get-service': { summary: 'The guide of 居住证办理', url: '/v1/services/residence-permit' },
  'list-service-faqs': { summary: 'FAQs of 居住证办理', url: '/v1/services/residence-permit/faqs' },
  'list-organisations': { summary: 'Service halls', url: '/v1/organisations?kind=service_hall&limit=2' },
  'get-organisation': { summary: '厦门市公安局', url: '/v1/organisations/xm-police' },
  'list-policies': {
    summary: 'Policies behind 居住证办理',
    url: '/v1/policies?service=residence-permit&limit=2',
  },
  'get-policy': { summary: 'One policy', url: '/v1/policies?limit=1' },
  search: { summary: 'Searching 办居住证', url: '/v1/search?q=%E5%8A%9E%E5%B1%85%E4%BD%8F%E8%AF%81&limit=2' },
};

const trim = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.slice(0, 2).map(trim);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)]));
  return value;
};

const { app, baseUrl, apiKey } = await listeningPlatform();

async function write(name: string, summary: string, body: unknown) {
  const file = join(root, 'api-spec/examples', `${name}.yaml`);
  await writeFile(
    file,
    `# Written by \`pnpm spec:examples\` from a real answer.\n${stringify({ summary, value: trim(body) }, { lineWidth: 0 })}`,
  );
  console.log(`wrote ${file}`);
}

for (const [name, { summary, url }] of Object.entries(examples)) {
  const get = async (path: string) =>
    (await fetch(`${baseUrl}${path}`, { headers: { 'x-api-key': apiKey } })).json();
  let body = await get(url);
  if (name === 'get-policy') body = await get(`/v1/policies/${body.data[0].slug}`);
  await write(name, summary, body);
}

// The console's answers, from a publisher who signs in, registers an app and manages its
// credentials, and a citizen who authorises it.
const publisher = await signInForTest(app, {
  subject: 'company-1',
  name: '陈志明',
  roles: ['citizen', 'developer'],
});
const consoleCall = async (method: string, path: string, payload?: object) => {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: publisher.cookie,
      'x-csrf-token': publisher.csrfToken,
      ...(payload ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload ? { body: JSON.stringify(payload) } : {}),
  });
  return res.json();
};
const org = await consoleCall('POST', '/console/v1/orgs', {
  name: '厦门鹭岛科技有限公司',
  creditCode: '91350200MA2XN5KD32',
});
await write('create-org', 'A new publisher organisation', org);
const created = await consoleCall('POST', '/console/v1/apps', {
  orgId: org.id,
  name: '鹭岛办事通',
  description: '帮助市民查询办事指南、在线申请积分入学',
  homepageUrl: 'https://ldbs.example.com',
  redirectUris: ['https://ldbs.example.com/oauth/callback'],
  environment: 'sandbox',
  products: ['catalog', 'search', 'residence'],
});
await write('create-app', 'A sandbox app and its client secret, shown once', created);
await write('get-app', 'One app', await consoleCall('GET', `/console/v1/apps/${created.app.id}`));
await write('list-apps', 'Your apps', await consoleCall('GET', '/console/v1/apps'));
const key = await consoleCall('POST', `/console/v1/apps/${created.app.id}/api-keys`, { name: '生产服务器' });
await write('create-api-key', 'A new API key, shown once', key);
await write(
  'rotate-client-secret',
  'A new client secret; the old one works one more day',
  await consoleCall('POST', `/console/v1/apps/${created.app.id}/client-secrets`, { overlapSeconds: 86400 }),
);
await write(
  'list-credentials',
  "The app's secrets and keys",
  await consoleCall('GET', `/console/v1/apps/${created.app.id}/credentials`),
);
await write('get-me', 'The signed-in publisher', await consoleCall('GET', '/console/v1/me'));

const citizen = await signInForTest(app, { subject: 'citizen-1', name: '刘家豪', roles: ['citizen'] });
const authorize = `${baseUrl}/oauth/authorize?${new URLSearchParams({
  response_type: 'code',
  client_id: created.app.clientId,
  redirect_uri: 'https://ldbs.example.com/oauth/callback',
  scope: 'profile:read residence:read',
  state: 'example',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
  purpose: '办理积分入学时核对居住证',
})}`;
const page = await (await fetch(authorize, { headers: { cookie: citizen.cookie } })).text();
const field = (name: string) => page.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!;
await fetch(`${baseUrl}/oauth/authorize`, {
  method: 'POST',
  headers: { cookie: citizen.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ request: field('request'), csrf: field('csrf'), decision: 'approve' }),
  redirect: 'manual',
});
const consents = await (
  await fetch(`${baseUrl}/console/v1/consents`, { headers: { cookie: citizen.cookie } })
).json();
await write('list-consents', "A citizen's authorisations", consents);
await app.close();
