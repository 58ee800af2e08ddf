import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

async function isFile(path: string) {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

export interface ServeOptions {
  /** 0, the default, picks a free port. */
  port?: number;
  /** Bodies served instead of files, by exact path: e.g. a test's own /console-config.json. */
  overrides?: Record<string, { type: string; body: string }>;
}

/** Serves the built portal the way a static host does: /a/b → a/b, a/b.html or a/b/index.html. */
export async function serveStatic(root: string, options: ServeOptions = {}) {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const override = options.overrides?.[pathname];
    if (override) {
      res.writeHead(200, { 'content-type': override.type });
      res.end(override.body);
      return;
    }
    const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
    const candidates = [join(root, path), join(root, `${path}.html`), join(root, path, 'index.html')];
    for (const file of candidates) {
      if (await isFile(file)) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/html' });
    createReadStream(join(root, '404.html'))
      .on('error', () => res.end())
      .pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
