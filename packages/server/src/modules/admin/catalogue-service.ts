import { type Plan, type Product, plans, products, subscriptions } from '@ixiamen/db';
import { count, eq, ne, or, type SQL } from 'drizzle-orm';
import { contract } from '../../platform/contract/operations.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import type { Actor } from './audit.js';
import { type AdminContext, audited } from './context.js';

type ProductFields = Omit<Product, 'createdAt' | 'updatedAt'>;
type PlanFields = Omit<Plan, 'createdAt' | 'updatedAt'>;

const productsChanged = (code: string) => [{ kind: 'products' as const, subject: code, until: null }];

/** Operations a product may hold: those apps call with their credentials (the /v1 API). */
function checkOperations(operations: string[]) {
  for (const id of operations) {
    const op = contract.get(id);
    if (!op?.security.some((s) => 'apiKey' in s || 'oauth2' in s)) {
      throw ApiProblem.invalidInput('body/operations', `names '${id}', which is not an operation apps call`);
    }
  }
}

/** Products and plans: what admins package and sell. Every change is audited and reaches every instance. */
export function catalogueService(ctx: AdminContext) {
  const { db } = ctx;

  async function claimed(tx: typeof db, operations: string[], except: string) {
    const others = await tx.select().from(products).where(ne(products.code, except));
    for (const other of others) {
      const taken = operations.find((op) => other.operations.includes(op));
      if (taken)
        throw ApiProblem.invalidInput('body/operations', `'${taken}' already belongs to '${other.code}'`);
    }
  }

  async function inUse(tx: Pick<typeof db, 'select'>, where: SQL | undefined) {
    const [row] = await tx.select({ n: count() }).from(subscriptions).where(where);
    return (row?.n ?? 0) > 0;
  }
  // A plan a developer asked to move to is in use too: approving the request needs it as it is.
  const planUsers = (code: string) =>
    or(eq(subscriptions.planCode, code), eq(subscriptions.requestedPlanCode, code));

  return {
    async createProduct(actor: Actor, fields: ProductFields) {
      checkOperations(fields.operations);
      return audited(ctx, actor, async (tx) => {
        await claimed(tx as typeof db, fields.operations, fields.code);
        const [row] = await tx.insert(products).values(fields).onConflictDoNothing().returning();
        if (!row) throw new ApiProblem('conflict', `A product '${fields.code}' exists already.`);
        return {
          result: row,
          audit: {
            action: 'product.create',
            targetType: 'product',
            targetId: row.code,
            before: null,
            after: row,
          },
          events: productsChanged(row.code),
        };
      });
    },

    async updateProduct(actor: Actor, code: string, fields: Partial<Omit<ProductFields, 'code' | 'scope'>>) {
      if (fields.operations) checkOperations(fields.operations);
      return audited(ctx, actor, async (tx) => {
        const [before] = await tx.select().from(products).where(eq(products.code, code)).for('update');
        if (!before) throw new ApiProblem('not_found', `No product '${code}'.`);
        if (fields.operations) await claimed(tx as typeof db, fields.operations, code);
        const [after] = await tx
          .update(products)
          .set({ ...fields, updatedAt: new Date() })
          .where(eq(products.code, code))
          .returning();
        return {
          result: after!,
          audit: { action: 'product.update', targetType: 'product', targetId: code, before, after },
          events: productsChanged(code),
        };
      });
    },

    async deleteProduct(actor: Actor, code: string) {
      if (await inUse(db, eq(subscriptions.productCode, code))) {
        throw new ApiProblem('conflict', `Apps subscribe to '${code}'; suspend or move them first.`);
      }
      await audited(ctx, actor, async (tx) => {
        const [before] = await tx.delete(products).where(eq(products.code, code)).returning();
        if (!before) throw new ApiProblem('not_found', `No product '${code}'.`);
        return {
          result: undefined,
          audit: { action: 'product.delete', targetType: 'product', targetId: code, before, after: null },
          events: productsChanged(code),
        };
      });
    },

    async createPlan(actor: Actor, fields: PlanFields) {
      return audited(ctx, actor, async (tx) => {
        const [row] = await tx.insert(plans).values(fields).onConflictDoNothing().returning();
        if (!row) throw new ApiProblem('conflict', `A plan '${fields.code}' exists already.`);
        return {
          result: row,
          audit: { action: 'plan.create', targetType: 'plan', targetId: row.code, before: null, after: row },
          events: productsChanged(row.code),
        };
      });
    },

    async updatePlan(actor: Actor, code: string, fields: Partial<Omit<PlanFields, 'code'>>) {
      return audited(ctx, actor, async (tx) => {
        const [before] = await tx.select().from(plans).where(eq(plans.code, code)).for('update');
        if (!before) throw new ApiProblem('not_found', `No plan '${code}'.`);
        if (
          fields.environment &&
          fields.environment !== before.environment &&
          (await inUse(tx, planUsers(code)))
        ) {
          throw new ApiProblem('conflict', `Apps use or asked for '${code}'; its environment is fixed.`);
        }
        const [after] = await tx
          .update(plans)
          .set({ ...fields, updatedAt: new Date() })
          .where(eq(plans.code, code))
          .returning();
        return {
          result: after!,
          audit: { action: 'plan.update', targetType: 'plan', targetId: code, before, after },
          events: productsChanged(code),
        };
      });
    },

    async deletePlan(actor: Actor, code: string) {
      if (await inUse(db, planUsers(code))) {
        throw new ApiProblem(
          'conflict',
          `Subscriptions use or ask for '${code}'; move them to another plan or settle the requests first.`,
        );
      }
      await audited(ctx, actor, async (tx) => {
        const [before] = await tx.delete(plans).where(eq(plans.code, code)).returning();
        if (!before) throw new ApiProblem('not_found', `No plan '${code}'.`);
        return {
          result: undefined,
          audit: { action: 'plan.delete', targetType: 'plan', targetId: code, before, after: null },
          events: productsChanged(code),
        };
      });
    },
  };
}
