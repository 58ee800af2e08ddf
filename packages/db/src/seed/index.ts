export type { CatalogSeed, CategorySeed, OrganisationSeed, PolicySeed, ServiceSeed } from './content.js';
export { loadCatalogSeed, loadSynonyms } from './content.js';
export { seedCatalog } from './seed-catalog.js';
