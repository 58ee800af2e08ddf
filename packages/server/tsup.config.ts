import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/app.ts', 'src/main.ts', 'src/testing.ts', 'src/cli/admin.ts'],
  format: ['esm'],
  target: 'node20',
  sourcemap: true,
  clean: true,
});
