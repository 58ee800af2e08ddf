import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { steadyLoad } from './steady-load.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(answer: (request: IncomingMessage) => number, chunked = false): Promise<string> {
  server = createServer((request, response) => {
    const body = JSON.stringify({ seen: request.url });
    response.writeHead(answer(request), {
      'content-type': 'application/json',
      ...(chunked ? {} : { 'content-length': Buffer.byteLength(body) }),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/categories`;
}

describe('steadyLoad', () => {
  it('happy: sends every call, spread over the run rather than in one burst', async () => {
    const arrivals: number[] = [];
    const url = await serve(() => {
      arrivals.push(performance.now());
      return 200;
    });
    const result = await steadyLoad(url, 200, 1);
    expect(result).toMatchObject({ ok: 200, failures: {} });
    expect(result.p99).toBeGreaterThanOrEqual(result.p50);
    expect(result.latencies).toHaveLength(200);
    expect(Math.max(...result.latencies)).toBeGreaterThanOrEqual(result.p99);
    // A closed burst would bring all 200 within a few milliseconds; at 200 a second, the first
    // 400 ms can hold only about 80 of them.
    const early = arrivals.filter((t) => t - arrivals[0]! < 400).length;
    expect(early).toBeLessThan(140);
  });

  it('happy: each call carries the headers made for it', async () => {
    const keys = new Set<string>();
    const url = await serve((request) => {
      keys.add(String(request.headers['x-api-key']));
      return 200;
    });
    await steadyLoad(url, 100, 0.5, (n) => ({ 'x-api-key': `key-${n % 5}` }));
    expect([...keys].sort()).toEqual(['key-0', 'key-1', 'key-2', 'key-3', 'key-4']);
  });

  it('error: answers other than 2xx count as failed, and the answers after them are still read', async () => {
    let n = 0;
    const url = await serve(() => (n++ % 2 ? 200 : 404));
    const result = await steadyLoad(url, 100, 0.5);
    expect(result.ok).toBe(25);
    expect(result.failures).toEqual({ '404': 25 });
  });

  it('error: an answer it cannot read (chunked) stops the load with a clear error', async () => {
    const url = await serve(() => 200, true);
    await expect(steadyLoad(url, 50, 0.2)).rejects.toThrow(/Content-Length only/);
  });
});
