export { type Database, type DatabaseHandle, type DatabaseOptions, openDatabase } from './client.js';
export * from './schema/index.js';
export { loadCatalogSeed, seedCatalog } from './seed.js';
