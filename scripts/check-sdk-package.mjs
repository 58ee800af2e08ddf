#!/usr/bin/env node
// Loads the built SDK the way its users will: `import` from ESM and `require` from CommonJS.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const esm = await import('../packages/sdk/dist/index.js');
const cjs = require('../packages/sdk/dist/index.cjs');
const expected = ['IXiamen', 'ApiError', 'RateLimitError', 'TimeoutError', 'ConnectionError'];
for (const [format, mod] of [
  ['ESM', esm],
  ['CJS', cjs],
]) {
  const missing = expected.filter((name) => typeof mod[name] !== 'function');
  if (missing.length > 0) {
    console.error(`The ${format} build of @ixiamen/sdk lacks ${missing.join(', ')}.`);
    process.exit(1);
  }
  if (typeof new mod.IXiamen({ baseUrl: 'http://127.0.0.1:1' }).catalog.listCategories !== 'function') {
    console.error(`The ${format} build of @ixiamen/sdk has no catalog.listCategories.`);
    process.exit(1);
  }
}
console.log('@ixiamen/sdk loads as ESM and CommonJS.');
