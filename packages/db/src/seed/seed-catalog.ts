import { createHash } from 'node:crypto';
import { and, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { categories, faqs, organisations, policies, services } from '../schema/index.js';
import { itemCodes } from './codes.js';
import { type CatalogSeed, loadCatalogSeed } from './content.js';

/** A UUID (version 8, name-based) that is always the same for the same name. */
function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// PostgreSQL takes at most 65,535 parameters in one statement; a service row binds about 30.
const BATCH = 1000;
function batches<T>(rows: T[]): T[][] {
  return Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) =>
    rows.slice(i * BATCH, (i + 1) * BATCH),
  );
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * On conflict, every column of the row except the key takes the new value, so content edits
 * land; a row whose content is unchanged is left alone, so a restart does not mark the whole
 * catalogue as changed for every running instance.
 */
function replaceAllBut(table: string, key: string, row: object, touch: boolean) {
  const columns = Object.keys(row).filter((c) => c !== key);
  const set = Object.fromEntries(columns.map((c) => [c, sql.raw(`excluded.${snake(c)}`)]));
  const current = columns.map((c) => `"${table}"."${snake(c)}"`).join(', ');
  const next = columns.map((c) => `excluded.${snake(c)}`).join(', ');
  return {
    set: touch ? { ...set, updatedAt: sql`now()` } : set,
    setWhere: sql.raw(`(${current}) is distinct from (${next})`),
  };
}

/**
 * Upserts the committed catalogue by its stable keys (codes and slugs) in one transaction, so a
 * restart with edited content updates rows in place and never duplicates or loses them.
 */
export async function seedCatalog(db: Database, seed?: CatalogSeed): Promise<void> {
  const content = seed ?? (await loadCatalogSeed());
  const credit = new Map(content.organisations.map((o) => [o.code, o.creditCode]));
  await db.transaction(async (tx) => {
    const categoryRows = content.categories.map((c, i) => ({ ...c, sortOrder: i + 1 }));
    await tx
      .insert(categories)
      .values(categoryRows)
      .onConflictDoUpdate({
        target: categories.code,
        ...replaceAllBut('categories', 'code', categoryRows[0]!, false),
      });

    const orgRows = content.organisations.map((o) => ({
      code: o.code,
      kind: o.kind,
      name: o.name,
      nameEn: o.nameEn,
      parentCode: o.parent,
      creditCode: o.creditCode,
      district: o.district,
      address: o.address,
      hours: o.hours,
      phone: o.phone,
      website: o.website ?? '',
      responsibilities: o.responsibilities,
      halls: o.halls ?? [],
    }));
    await tx
      .insert(organisations)
      .values(orgRows)
      .onConflictDoUpdate({
        target: organisations.code,
        ...replaceAllBut('organisations', 'code', orgRows[0]!, true),
      });

    const sequence = new Map<string, number>();
    const serviceRows = content.services.map((s) => {
      const n = (sequence.get(s.itemType) ?? 0) + 1;
      sequence.set(s.itemType, n);
      return {
        slug: s.slug,
        ...itemCodes(s.itemType, n, credit.get(s.department) ?? null),
        name: s.name,
        nameEn: s.nameEn,
        aliases: s.aliases,
        categoryCode: s.category,
        themes: s.themes,
        targets: s.target,
        itemType: s.itemType,
        level: s.level,
        departmentCode: s.department,
        jointDepartments: s.jointDepartments,
        districts: s.districts,
        summary: s.summary,
        legalBasis: s.legalBasis,
        conditions: s.conditions,
        caseType: s.caseType,
        legalDays: s.legalDays,
        promisedDays: s.promisedDays,
        materials: s.materials,
        fee: s.fee,
        steps: s.steps,
        handlingForms: s.handlingForms,
        onlineDepth: s.onlineDepth,
        visits: s.visits,
        result: s.result,
        consultPhone: s.consultPhone,
      };
    });
    for (const batch of batches(serviceRows)) {
      await tx
        .insert(services)
        .values(batch)
        .onConflictDoUpdate({ target: services.slug, ...replaceAllBut('services', 'slug', batch[0]!, true) });
    }
    const slugs = serviceRows.map((r) => r.slug);
    const idOf = new Map(
      (
        await tx
          .select({ id: services.id, slug: services.slug })
          .from(services)
          .where(inArray(services.slug, slugs))
      ).map((r) => [r.slug, r.id]),
    );

    // FAQ ids derive from slug and position, so they are the same on every seed; a seeded
    // service's FAQs that the content no longer has are removed.
    const faqRows = content.services.flatMap((s) =>
      s.faqs.map((f, position) => ({
        id: stableUuid(`faq:${s.slug}:${position}`),
        serviceId: idOf.get(s.slug)!,
        position,
        question: f.q,
        answer: f.a,
      })),
    );
    await tx.delete(faqs).where(
      and(
        inArray(faqs.serviceId, [...idOf.values()]),
        notInArray(
          faqs.id,
          faqRows.map((f) => f.id),
        ),
      ),
    );
    for (const batch of batches(faqRows)) {
      await tx
        .insert(faqs)
        .values(batch)
        .onConflictDoUpdate({ target: faqs.id, ...replaceAllBut('faqs', 'id', batch[0]!, true) });
    }

    const policyRows = content.policies.map((p) => ({ ...p }));
    await tx
      .insert(policies)
      .values(policyRows)
      .onConflictDoUpdate({
        target: policies.slug,
        ...replaceAllBut('policies', 'slug', policyRows[0]!, true),
      });
  });
}
