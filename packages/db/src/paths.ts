import { fileURLToPath } from 'node:url';

// Both src/*.ts and the built dist/index.js sit one level below the package root.
export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
export const seedFolder = fileURLToPath(new URL('../seed', import.meta.url));
