export type { CatalogSeed, CategorySeed, OrganisationSeed, PolicySeed, ServiceSeed } from './content.js';
export { loadCatalogSeed, loadSynonyms } from './content.js';
export { DEFAULT_PLAN, PLAN_SEED, PRODUCT_SEED } from './products.js';
export { seedCatalog } from './seed-catalog.js';
export { seedProducts } from './seed-products.js';
