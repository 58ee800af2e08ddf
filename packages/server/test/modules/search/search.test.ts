import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = (url: string) => t.call({ method: 'GET', url });
const search = (q: string, extra = '') => get(`/v1/search?q=${encodeURIComponent(q)}${extra}`);

describe('GET /v1/search', () => {
  it.each([
    ['积分入学', 'jifen-ruxue'],
    ['孩子上学', 'jifen-ruxue'],
    ['看病挂号', 'hospital-appointment'],
    ['违章', 'traffic-violation'],
    ['生育险', 'maternity-benefit'],
  ])('happy: %s finds %s first, with its actions (即搜即办)', async (q, slug) => {
    const res = await search(q);
    expect(res.statusCode).toBe(200);
    const first = res.json().groups.service.data[0];
    expect(first.id).toBe(slug);
    expect(first.service.slug).toBe(slug);
    expect(first.actions.map((a: { operationId: string }) => a.operationId)).toContain('getService');
    const guide = await get(first.actions[0].href);
    expect(guide.statusCode).toBe(200);
  });

  it('happy: results are grouped by the four types, each with its total', async () => {
    const body = (await search('社保')).json();
    expect(Object.keys(body.groups).sort()).toEqual(['faq', 'organisation', 'policy', 'service']);
    for (const group of Object.values(body.groups) as { total: number; data: unknown[] }[]) {
      expect(group.total).toBeGreaterThanOrEqual(group.data.length);
    }
    expect(body.groups.service.total).toBeGreaterThan(0);
    expect(body.groups.faq.total).toBeGreaterThan(0);
  });

  it('happy: a type filter returns one group and its cursor pages without repeats', async () => {
    const first = (await search('证明', '&type=service&limit=3')).json();
    expect(Object.keys(first.groups)).toEqual(['service']);
    const ids = first.groups.service.data.map((h: { id: string }) => h.id);
    let cursor = first.groups.service.nextCursor;
    while (cursor) {
      const next = (await search('证明', `&type=service&limit=3&cursor=${cursor}`)).json();
      ids.push(...next.groups.service.data.map((h: { id: string }) => h.id));
      cursor = next.groups.service.nextCursor;
    }
    expect(ids).toHaveLength(first.groups.service.total);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('happy: snippets highlight the query words', async () => {
    const hit = (await search('积分入学')).json().groups.service.data[0];
    expect(hit.snippet).toContain('<em>');
  });

  it('happy: a mistyped character still finds the service', async () => {
    const hits = (await search('积分如学')).json().groups.service.data.slice(0, 3);
    expect(hits.map((h: { id: string }) => h.id)).toContain('jifen-ruxue');
  });

  it('security: markup in the query or the text comes back escaped', async () => {
    const res = await search('<script>alert(1)</script>积分入学');
    expect(res.statusCode).toBe(200);
    const snippets = Object.values(res.json().groups).flatMap(
      (g) => (g as { data: { snippet: string }[] }).data,
    );
    expect(snippets.length).toBeGreaterThan(0);
    for (const { snippet } of snippets) expect(snippet.replaceAll(/<\/?em>/g, '')).not.toMatch(/[<>]/);
  });

  it('error: a missing, blank or oversized query, or a foreign cursor, is a 400 problem', async () => {
    const first = (await search('证明', '&type=service&limit=2')).json();
    for (const url of [
      '/v1/search',
      '/v1/search?q=%20%20',
      `/v1/search?q=${'查'.repeat(101)}`,
      '/v1/search?q=社保&type=people',
      `/v1/search?q=社保&type=service&cursor=${first.groups.service.nextCursor}`,
      `/v1/search?q=证明&type=policy&cursor=${first.groups.service.nextCursor}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });
});
