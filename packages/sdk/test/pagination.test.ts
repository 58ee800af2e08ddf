import { afterEach, describe, expect, it } from 'vitest';
import { IXiamen, NotFoundError } from '../src/index.js';
import { fakeServer, json, problem } from './fake-server.js';

let server: Awaited<ReturnType<typeof fakeServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const pages: Record<string, { data: { slug: string }[]; hasMore: boolean; nextCursor: string | null }> = {
  first: { data: [{ slug: 'a' }, { slug: 'b' }], hasMore: true, nextCursor: 'c2' },
  c2: { data: [{ slug: 'c' }, { slug: 'd' }], hasMore: true, nextCursor: 'c3' },
  c3: { data: [{ slug: 'e' }], hasMore: false, nextCursor: null },
};

describe('paginated lists', () => {
  it('happy: await gives the first page; for await walks every item, fetching pages lazily', async () => {
    server = await fakeServer((req, res) => {
      const cursor = new URL(req.url ?? '', 'http://x').searchParams.get('cursor') ?? 'first';
      json(res, pages[cursor]);
    });
    const client = new IXiamen({ baseUrl: server.baseUrl });
    const first = await client.catalog.listServices({ category: 'identity', limit: 2 });
    expect(first.data.map((s) => s.slug)).toEqual(['a', 'b']);

    const slugs: string[] = [];
    for await (const service of client.catalog.listServices({ category: 'identity', limit: 2 }))
      slugs.push(service.slug);
    expect(slugs).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.seen.slice(1).map((s) => s.url)).toEqual([
      '/v1/services?category=identity&limit=2',
      '/v1/services?category=identity&limit=2&cursor=c2',
      '/v1/services?category=identity&limit=2&cursor=c3',
    ]);
  });

  it('happy: breaking out of the loop fetches no further page', async () => {
    server = await fakeServer((req, res) => {
      const cursor = new URL(req.url ?? '', 'http://x').searchParams.get('cursor') ?? 'first';
      json(res, pages[cursor]);
    });
    const client = new IXiamen({ baseUrl: server.baseUrl });
    for await (const service of client.catalog.listServices()) if (service.slug === 'b') break;
    expect(server.seen).toHaveLength(1);
  });

  it('error: a failing page rejects the iteration with the typed error', async () => {
    server = await fakeServer((req, res) =>
      req.url?.includes('cursor') ? problem(res, 404, 'not_found') : json(res, pages.first),
    );
    const client = new IXiamen({ baseUrl: server.baseUrl });
    const iterate = async () => {
      for await (const _ of client.catalog.listServices()) {
        // consume
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(NotFoundError);
  });
});
