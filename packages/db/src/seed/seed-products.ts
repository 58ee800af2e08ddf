import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { plans, products } from '../schema/index.js';
import { DEFAULT_PLAN, PLAN_SEED, PRODUCT_SEED } from './products.js';

/**
 * Inserts the starting products and plans that are missing, leaving admins' edits alone, and
 * subscribes apps that have no subscription yet (apps made before products existed) to every
 * public product on their environment's default plan.
 */
export async function seedProducts(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(products).values(PRODUCT_SEED).onConflictDoNothing();
    await tx.insert(plans).values(PLAN_SEED).onConflictDoNothing();
    await tx.execute(sql`
      insert into subscriptions (app_id, product_code, plan_code, status, decided_at)
      select a.id, p.code,
             case a.environment when 'production' then ${DEFAULT_PLAN.production} else ${DEFAULT_PLAN.sandbox} end,
             'active', now()
      from apps a cross join products p
      where p.sensitivity = 'public'
        and not exists (select 1 from subscriptions s where s.app_id = a.id)
      on conflict do nothing`);
  });
}
