export * from './accounts.js';
export * from './catalog.js';
export * from './developers.js';
export * from './oauth.js';
export * from './organisations.js';
export * from './policies.js';
