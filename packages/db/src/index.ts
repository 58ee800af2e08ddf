export { type Database, type DatabaseHandle, type DatabaseOptions, openDatabase } from './client.js';
export { rowsOf } from './rows.js';
export * from './schema/index.js';
export * from './seed/index.js';
