import { categories, type Database, faqs, organisations, policies, rowsOf, services } from '@ixiamen/db';
import { asc, sql } from 'drizzle-orm';

export function catalogRepository(db: Database) {
  return {
    /** Everything the public catalogue shows, in one consistent read. */
    async loadAll() {
      return db.transaction(async (tx) => ({
        categories: await tx.select().from(categories).orderBy(asc(categories.sortOrder)),
        organisations: await tx.select().from(organisations),
        services: await tx.select().from(services),
        faqs: await tx.select().from(faqs).orderBy(asc(faqs.serviceId), asc(faqs.position)),
        policies: await tx.select().from(policies),
      }));
    },

    /** A cheap fingerprint that changes whenever any catalogue row is added, changed or removed. */
    async fingerprint(): Promise<string> {
      const rows = await db.execute<{ fp: string }>(sql`
        select concat_ws('|',
          (select count(*) from ${categories}),
          (select count(*) || ':' || coalesce(max(${organisations.updatedAt})::text, '') from ${organisations}),
          (select count(*) || ':' || coalesce(max(${services.updatedAt})::text, '') from ${services}),
          (select count(*) || ':' || coalesce(max(${faqs.updatedAt})::text, '') from ${faqs}),
          (select count(*) || ':' || coalesce(max(${policies.updatedAt})::text, '') from ${policies})
        ) as fp`);
      return String(rowsOf<{ fp: string }>(rows)[0]?.fp ?? '');
    },
  };
}

export type CatalogRepository = ReturnType<typeof catalogRepository>;
export type CatalogRows = Awaited<ReturnType<CatalogRepository['loadAll']>>;
