/** `pnpm gen` rebuilds every generated file; `--check` writes nothing and fails when one is stale. */
import { plan } from './plan.ts';

const out = await plan();
if (process.argv.includes('--check')) {
  const stale = await out.stale();
  if (stale.length > 0) {
    console.error(`Generated files are stale; run \`pnpm gen\`:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Generated files are up to date.');
} else {
  await out.write();
  console.log('Generated files written.');
}
