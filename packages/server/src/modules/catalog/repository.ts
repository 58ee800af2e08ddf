import { categories, type Database, services } from '@ixiamen/db';
import { asc, count, eq } from 'drizzle-orm';

export function catalogRepository(db: Database) {
  return {
    /** Categories in display order with the number of services in each. */
    async categoriesWithCounts() {
      return db
        .select({
          code: categories.code,
          name: categories.name,
          nameEn: categories.nameEn,
          description: categories.description,
          serviceCount: count(services.id),
        })
        .from(categories)
        .leftJoin(services, eq(services.categoryCode, categories.code))
        .groupBy(categories.code)
        .orderBy(asc(categories.sortOrder));
    },
  };
}

export type CatalogRepository = ReturnType<typeof catalogRepository>;
