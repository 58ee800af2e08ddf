/**
 * `pnpm spec:examples` writes api-spec/examples/ from real answers of the platform on its
 * committed content, so the contract's examples are real and valid. Lists are cut to two items.
 * Run it after the content or a response schema changes, and review the diff.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listeningPlatform } from '@ixiamen/server/testing';
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

const { app, baseUrl } = await listeningPlatform();
for (const [name, { summary, url }] of Object.entries(examples)) {
  let body = await (await fetch(`${baseUrl}${url}`)).json();
  if (name === 'get-policy') body = await (await fetch(`${baseUrl}/v1/policies/${body.data[0].slug}`)).json();
  const file = join(root, 'api-spec/examples', `${name}.yaml`);
  await writeFile(
    file,
    `# Written by \`pnpm spec:examples\` from a real answer.\n${stringify({ summary, value: trim(body) }, { lineWidth: 0 })}`,
  );
  console.log(`wrote ${file}`);
}
await app.close();
