import type { Database } from '@ixiamen/db';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { monthOf } from '../../platform/limits/period.js';
import { productsRepository } from '../products/repository.js';
import { subscriptionView } from '../products/views.js';
import { add, breakdown, emptyTally, errorRate, type Granularity, series } from './aggregate.js';
import { usageRepository } from './repository.js';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 92;
const TOP_APPS = 10;

export interface UsageQuery {
  from?: string | undefined;
  to?: string | undefined;
  granularity?: Granularity | undefined;
}

/**
 * The range asked for: the last 7 days by default, at most 92 days, `from` before `to`, neither
 * before 1970 (no usage is older, and PostgreSQL refuses year 0 and the years before it).
 */
export function usageRange(query: UsageQuery, now = Date.now()) {
  const to = query.to ? new Date(query.to) : new Date(now);
  if (to.getTime() <= 0) throw ApiProblem.invalidInput('querystring/to', 'must be after 1970-01-01');
  const from = query.from ? new Date(query.from) : new Date(Math.max(0, to.getTime() - 7 * DAY_MS));
  if (from.getTime() < 0) throw ApiProblem.invalidInput('querystring/from', 'must not be before 1970-01-01');
  if (from >= to) throw ApiProblem.invalidInput('querystring/from', 'must be before to');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw ApiProblem.invalidInput('querystring/from', `must be at most ${MAX_RANGE_DAYS} days before to`);
  }
  return { from, to, granularity: query.granularity ?? ('day' as const) };
}

/** Usage figures for the console (one app) and the admin pages (the platform). */
export function usageService(db: Database) {
  const usage = usageRepository(db);
  const products = productsRepository(db);

  return {
    async app(appId: string, query: UsageQuery) {
      const { from, to, granularity } = usageRange(query);
      const month = monthOf(Date.now());
      const [hours, operations, counted, subscriptions] = await Promise.all([
        usage.byHour(from, to, appId),
        usage.byOperation(from, to, appId),
        usage.countedByProduct(appId, new Date(month.start)),
        products.subscriptions({ appId, status: 'active' }),
      ]);
      return {
        appId,
        from: from.toISOString(),
        to: to.toISOString(),
        granularity,
        series: series(hours, from, to, granularity),
        byProduct: breakdown(operations, false),
        byOperation: breakdown(operations, true),
        quotas: subscriptions.map((row) => {
          const limit = subscriptionView(row).limits.monthlyQuota;
          const used = counted.get(row.product) ?? 0;
          return {
            product: row.product,
            period: month.period,
            limit,
            used,
            remaining: Math.max(0, limit - used),
            resetsAt: new Date(month.end).toISOString(),
          };
        }),
      };
    },

    async platform(query: UsageQuery) {
      const { from, to, granularity } = usageRange(query);
      const [hours, operations, top] = await Promise.all([
        usage.byHour(from, to),
        usage.byOperation(from, to),
        usage.topApps(from, to, TOP_APPS),
      ]);
      const totals = hours.reduce((t, row) => add(t, row.statusClass, row.calls), emptyTally());
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        granularity,
        totals: { ...totals, errorRate: errorRate(totals) },
        series: series(hours, from, to, granularity),
        byProduct: breakdown(operations, false),
        topApps: top.map(({ appId, app, classes }) => {
          const tally = classes.reduce((t, c) => add(t, c.statusClass, c.calls), emptyTally());
          return {
            appId,
            appName: app?.name ?? '(deleted app)',
            orgName: app?.orgName ?? '',
            calls: tally.calls,
            clientErrors: tally.clientErrors,
            rejected: tally.rejected,
            serverErrors: tally.serverErrors,
            errorRate: errorRate(tally),
          };
        }),
      };
    },
  };
}
