#!/usr/bin/env node
import { buildDepartmentsApp } from './app.js';

const port = Number(process.env.DEPARTMENTS_PORT ?? 4100);
const host = process.env.DEPARTMENTS_HOST ?? '127.0.0.1';
const app = await buildDepartmentsApp({ logger: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(() => process.exit(0));
  });
}
await app.listen({ port, host });
