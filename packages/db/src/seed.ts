import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { seedFolder } from './paths.js';
import { categories, services } from './schema/index.js';

interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  description: string;
}

interface ServiceSeed {
  slug: string;
  name: string;
  nameEn: string;
  category: string;
  department: string;
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** The catalogue content committed under seed/, as it will be written. */
export async function loadCatalogSeed() {
  const categoryRows = await readJson<CategorySeed[]>(join(seedFolder, 'categories.json'));
  const serviceDir = join(seedFolder, 'services');
  const files = (await readdir(serviceDir)).filter((f) => f.endsWith('.json')).sort();
  const serviceRows: ServiceSeed[] = [];
  for (const file of files) serviceRows.push(...(await readJson<ServiceSeed[]>(join(serviceDir, file))));
  return { categories: categoryRows, services: serviceRows };
}

/**
 * Upserts the committed catalogue by its stable keys, so restarting with changed content
 * updates rows in place and never duplicates them.
 */
export async function seedCatalog(db: Database): Promise<void> {
  const seed = await loadCatalogSeed();
  await db.transaction(async (tx) => {
    await tx
      .insert(categories)
      .values(seed.categories.map((c, i) => ({ ...c, sortOrder: i + 1 })))
      .onConflictDoUpdate({
        target: categories.code,
        set: {
          name: sql`excluded.name`,
          nameEn: sql`excluded.name_en`,
          description: sql`excluded.description`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    if (seed.services.length === 0) return;
    await tx
      .insert(services)
      .values(
        seed.services.map((s) => ({
          slug: s.slug,
          name: s.name,
          nameEn: s.nameEn,
          categoryCode: s.category,
          departmentCode: s.department,
        })),
      )
      .onConflictDoUpdate({
        target: services.slug,
        set: {
          name: sql`excluded.name`,
          nameEn: sql`excluded.name_en`,
          categoryCode: sql`excluded.category_code`,
          departmentCode: sql`excluded.department_code`,
          updatedAt: sql`now()`,
        },
      });
  });
}
