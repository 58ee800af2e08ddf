import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** A real HTTP server on loopback whose answers a test scripts one request at a time. */
export async function fakeServer(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res, seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function problem(
  res: ServerResponse,
  status: number,
  code: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'x-request-id': 'req_fake',
    ...headers,
  });
  res.end(
    JSON.stringify({
      type: `https://x/${code}`,
      title: code,
      status,
      detail: `detail of ${code}`,
      code,
      requestId: 'req_fake',
    }),
  );
}

export function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
