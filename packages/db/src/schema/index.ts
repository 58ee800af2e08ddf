export * from './catalog.js';
export * from './organisations.js';
export * from './policies.js';
