#!/usr/bin/env node
/**
 * `pnpm admin <command>`: the platform admins' CLI, for a host that reaches the platform's
 * database (DATABASE_URL, or the embedded PGlite directory). It runs the same services as the
 * admin API, so every change is audited (via `cli`, as the OS user) and reaches running
 * instances through the credential feed: at once when REDIS_URL is set (the CLI publishes the
 * feed's nudge, as the server does), otherwise within CREDENTIAL_POLL_MS.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { credentialEvents, openDatabase } from '@ixiamen/db';
import { loadConfig } from '../config.js';
import { appsService } from '../modules/admin/apps-service.js';
import type { Actor } from '../modules/admin/audit.js';
import { writeAudit } from '../modules/admin/audit.js';
import { auditLog } from '../modules/admin/audit-log.js';
import { catalogueService } from '../modules/admin/catalogue-service.js';
import { productsRepository } from '../modules/products/repository.js';
import { planView, productView, subscriptionView } from '../modules/products/views.js';
import { KeyRing } from '../platform/auth/signing-keys.js';
import { ApiProblem } from '../platform/errors/api-problem.js';
import { nudgeInstances } from './nudge-instances.js';

const USAGE = `Usage: pnpm admin <command> [options] [--json]

  products list
  plans list
  plans set <code> [--per-second N] [--per-minute N] [--quota N]
  subscriptions list [--status pending|active|rejected|suspended] [--app <appId>] [--awaiting]
  subscriptions approve <id>
  subscriptions reject <id> [--note text]
  subscriptions suspend <id> [--note text]
  subscriptions override <id> [--per-second N] [--per-minute N] [--quota N] [--clear]
  apps list [--status active|pending_approval|suspended]
  apps approve <appId>
  apps suspend <appId> [--reason text]
  apps unsuspend <appId>
  apps revoke-credentials <appId>
  audit [--limit N] [--action name]
  signing-keys rotate`;

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean' },
    status: { type: 'string' },
    app: { type: 'string' },
    note: { type: 'string' },
    reason: { type: 'string' },
    'per-second': { type: 'string' },
    'per-minute': { type: 'string' },
    quota: { type: 'string' },
    clear: { type: 'boolean' },
    awaiting: { type: 'boolean' },
    limit: { type: 'string' },
    action: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

function count(name: 'per-second' | 'per-minute' | 'quota' | 'limit'): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number ≥ 0`);
  return n;
}

class UsageError extends Error {}

function limitFlags() {
  const entries = Object.entries({
    ratePerSecond: count('per-second'),
    ratePerMinute: count('per-minute'),
    monthlyQuota: count('quota'),
  }).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries) as {
    ratePerSecond?: number;
    ratePerMinute?: number;
    monthlyQuota?: number;
  };
}

function print(value: unknown, table?: Record<string, unknown>[]) {
  if (flags.json || !table) console.log(JSON.stringify(value, null, 2));
  else console.table(table);
}

async function main() {
  const [group, verb, target] = positionals;
  if (flags.help || !group) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DIR });
  await handle.migrate();
  const db = handle.db;
  // Without Redis, instances find the change at their next poll of the feed.
  const redisUrl = config.REDIS_URL;
  const ctx = {
    db,
    nudge: async () => {
      if (redisUrl) await nudgeInstances(redisUrl);
    },
  };
  const actor: Actor = { accountId: null, name: userInfo().username, via: 'cli', requestId: null };
  const repo = productsRepository(db);
  const catalogue = catalogueService(ctx);
  const decisions = appsService(ctx);
  const need = (what: string) => {
    if (!target) throw new UsageError(`Name the ${what}.`);
    return target;
  };

  try {
    switch (`${group} ${verb ?? ''}`.trim()) {
      case 'products list': {
        const rows = (await repo.products()).map(productView);
        print(
          rows,
          rows.map(({ code, name, sensitivity, operations }) => ({
            code,
            name,
            sensitivity,
            operations: operations.length,
          })),
        );
        break;
      }
      case 'plans list': {
        const rows = (await repo.plans()).map(planView);
        print(
          rows,
          rows.map(({ code, environment, ratePerSecond, ratePerMinute, monthlyQuota, requiresApproval }) => ({
            code,
            environment,
            ratePerSecond,
            ratePerMinute,
            monthlyQuota,
            requiresApproval,
          })),
        );
        break;
      }
      case 'plans set':
        print(planView(await catalogue.updatePlan(actor, need('plan'), limitFlags())));
        break;
      case 'subscriptions list': {
        const status = flags.status as 'pending' | 'active' | 'rejected' | 'suspended' | undefined;
        // --awaiting: the admins' queue, new subscriptions and plan changes awaiting a decision.
        const awaitingDecision = flags.awaiting ? true : undefined;
        const rows = (await repo.subscriptions({ status, appId: flags.app, awaitingDecision })).map(
          subscriptionView,
        );
        print(
          rows,
          rows.map(({ id, appName, product, plan, requestedPlan, status: s, limits }) => ({
            id,
            appName,
            product,
            plan,
            requestedPlan: requestedPlan ?? '',
            status: s,
            ...limits,
          })),
        );
        break;
      }
      case 'subscriptions approve':
      case 'subscriptions reject':
      case 'subscriptions suspend': {
        const status = ({ approve: 'active', reject: 'rejected', suspend: 'suspended' } as const)[
          verb as 'approve'
        ];
        print(
          subscriptionView(
            await decisions.updateSubscription(actor, need('subscription'), {
              status,
              ...(flags.note ? { note: flags.note } : {}),
            }),
          ),
        );
        break;
      }
      case 'subscriptions override': {
        const overrides = flags.clear ? null : limitFlags();
        print(
          subscriptionView(await decisions.updateSubscription(actor, need('subscription'), { overrides })),
        );
        break;
      }
      case 'apps list': {
        const status = flags.status as 'active' | 'pending_approval' | 'suspended' | undefined;
        const rows = await decisions.listApps({ status, limit: count('limit') ?? 100 });
        print(
          rows,
          rows.map(({ app, orgName }) => ({
            id: app.id,
            name: app.name,
            orgName,
            environment: app.environment,
            status: app.status,
          })),
        );
        break;
      }
      case 'apps approve':
      case 'apps unsuspend':
        print(await decisions.setAppStatus(actor, need('app'), 'active'));
        break;
      case 'apps suspend':
        print(await decisions.setAppStatus(actor, need('app'), 'suspended', flags.reason));
        break;
      case 'apps revoke-credentials':
        print(await decisions.revokeCredentials(actor, need('app')));
        break;
      case 'audit': {
        const rows = await auditLog(db).list({ limit: count('limit') ?? 20, action: flags.action });
        print(
          rows,
          rows.map(({ id, at, actorName, via, action, targetId }) => ({
            id,
            at: at.toISOString(),
            actorName,
            via,
            action,
            targetId,
          })),
        );
        break;
      }
      case 'signing-keys rotate': {
        const keys = new KeyRing(db, config.PUBLIC_BASE_URL, config.PUBLIC_BASE_URL);
        await keys.load();
        const kid = await keys.rotate(config.ACCESS_TOKEN_TTL_SECONDS);
        await db.transaction(async (tx) => {
          await tx.insert(credentialEvents).values({ kind: 'signing_key', subject: kid, until: null });
          await writeAudit(tx, actor, {
            action: 'signing_key.rotate',
            targetType: 'signing_key',
            targetId: kid,
            before: null,
            after: { kid },
          });
        });
        await ctx.nudge();
        print({ kid });
        break;
      }
      default:
        throw new UsageError(`Unknown command: ${positionals.join(' ')}`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (err instanceof ApiProblem) {
    console.error(`${err.code}: ${err.detail}`);
    process.exit(1);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
