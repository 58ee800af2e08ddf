import type { components } from '../../generated/api-types.js';
import type { CatalogRepository } from './repository.js';

export type CategoryView = components['schemas']['Category'];

export function catalogService(repo: CatalogRepository) {
  return {
    async listCategories(): Promise<CategoryView[]> {
      return repo.categoriesWithCounts();
    },
  };
}
