import { apps, type Database, developerOrgs, type StatusClass, usageHourly } from '@ixiamen/db';
import { and, desc, eq, gte, inArray, lt, type SQL, sql, sum } from 'drizzle-orm';

const calls = sql<string>`sum(${usageHourly.calls})`.mapWith(Number);
const COUNTED: StatusClass[] = ['2xx', '3xx', '4xx'];

/** Reads of the metered usage (`usage_hourly`); every figure is a sum over hours. */
export function usageRepository(db: Database) {
  const within = (from: Date, to: Date, appId?: string): SQL | undefined =>
    and(
      gte(usageHourly.hour, from),
      lt(usageHourly.hour, to),
      appId ? eq(usageHourly.appId, appId) : undefined,
    );

  return {
    byHour(from: Date, to: Date, appId?: string) {
      return db
        .select({ hour: usageHourly.hour, statusClass: usageHourly.statusClass, calls })
        .from(usageHourly)
        .where(within(from, to, appId))
        .groupBy(usageHourly.hour, usageHourly.statusClass);
    },

    byOperation(from: Date, to: Date, appId?: string) {
      return db
        .select({
          product: usageHourly.product,
          operationId: usageHourly.operationId,
          statusClass: usageHourly.statusClass,
          calls,
        })
        .from(usageHourly)
        .where(within(from, to, appId))
        .groupBy(usageHourly.product, usageHourly.operationId, usageHourly.statusClass);
    },

    /** Counted calls per product since `from` (the quota's month so far). */
    async countedByProduct(appId: string, from: Date): Promise<Map<string, number>> {
      const rows = await db
        .select({ product: usageHourly.product, calls: sum(usageHourly.calls).mapWith(Number) })
        .from(usageHourly)
        .where(
          and(
            eq(usageHourly.appId, appId),
            gte(usageHourly.hour, from),
            inArray(usageHourly.statusClass, COUNTED),
          ),
        )
        .groupBy(usageHourly.product);
      return new Map(rows.map((r) => [r.product, r.calls]));
    },

    /** The apps with the most calls in the range, with their classes. */
    async topApps(from: Date, to: Date, limit: number) {
      const top = await db
        .select({ appId: usageHourly.appId, calls })
        .from(usageHourly)
        .where(within(from, to))
        .groupBy(usageHourly.appId)
        .orderBy(desc(calls))
        .limit(limit);
      if (top.length === 0) return [];
      const ids = top.map((t) => t.appId);
      const [classes, names] = await Promise.all([
        db
          .select({ appId: usageHourly.appId, statusClass: usageHourly.statusClass, calls })
          .from(usageHourly)
          .where(and(within(from, to), inArray(usageHourly.appId, ids)))
          .groupBy(usageHourly.appId, usageHourly.statusClass),
        db
          .select({ id: apps.id, name: apps.name, orgName: developerOrgs.name })
          .from(apps)
          .innerJoin(developerOrgs, eq(developerOrgs.id, apps.orgId))
          .where(inArray(apps.id, ids)),
      ]);
      return ids.map((appId) => ({
        appId,
        app: names.find((n) => n.id === appId),
        classes: classes.filter((c) => c.appId === appId),
      }));
    },
  };
}
