import {
  type App,
  accounts,
  apiKeys,
  apps,
  clientSecrets,
  developerOrgs,
  orgMembers,
  plans,
  type RateLimitOverrides,
  refreshTokens,
  subscriptions,
} from '@ixiamen/db';
import { and, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { FeedEvent } from '../../platform/auth/credential-feed.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { productsRepository } from '../products/repository.js';
import type { Actor } from './audit.js';
import { type AdminContext, audited } from './context.js';

// A revoked refresh family matters until the last access token it issued expires (at most an hour).
const FAMILY_REVOCATION_MS = 3_600_000;

const appChanged = (appId: string): FeedEvent => ({ kind: 'app', subject: appId, until: null });

export interface SubscriptionPatch {
  status?: 'active' | 'rejected' | 'suspended' | undefined;
  plan?: string | undefined;
  overrides?: RateLimitOverrides | null | undefined;
  note?: string | undefined;
}

/** Approving, suspending and revoking: the decisions about apps and their subscriptions. */
export function appsService(ctx: AdminContext) {
  const { db } = ctx;
  const repo = productsRepository(db);

  return {
    async listApps(filter: {
      appId?: string;
      status?: App['status'] | undefined;
      after?: [string, string];
      limit: number;
    }) {
      const where: (SQL | undefined)[] = [];
      if (filter.appId) where.push(eq(apps.id, filter.appId));
      if (filter.status) where.push(eq(apps.status, filter.status));
      if (filter.after) {
        const [at, id] = filter.after;
        where.push(
          or(lt(apps.createdAt, new Date(at)), and(eq(apps.createdAt, new Date(at)), lt(apps.id, id))),
        );
      }
      const owners = db
        .select({ orgId: orgMembers.orgId, ownerName: accounts.name })
        .from(orgMembers)
        .innerJoin(accounts, eq(accounts.id, orgMembers.accountId))
        .where(eq(orgMembers.role, 'owner'))
        .as('owners');
      return db
        .select({ app: apps, orgName: developerOrgs.name, ownerName: owners.ownerName })
        .from(apps)
        .innerJoin(developerOrgs, eq(developerOrgs.id, apps.orgId))
        .leftJoin(owners, eq(owners.orgId, apps.orgId))
        .where(and(...where))
        .orderBy(desc(apps.createdAt), desc(apps.id))
        .limit(filter.limit + 1);
    },

    async setAppStatus(actor: Actor, appId: string, status: 'active' | 'suspended', reason?: string) {
      return audited(ctx, actor, async (tx) => {
        const [before] = await tx.select().from(apps).where(eq(apps.id, appId)).for('update');
        if (!before) throw new ApiProblem('not_found', `No app ${appId}.`);
        const [after] = await tx
          .update(apps)
          .set({ status, updatedAt: new Date() })
          .where(eq(apps.id, appId))
          .returning();
        const action =
          status === 'suspended'
            ? 'app.suspend'
            : before.status === 'pending_approval'
              ? 'app.approve'
              : 'app.unsuspend';
        return {
          result: after!,
          audit: {
            action,
            targetType: 'app',
            targetId: appId,
            before: { status: before.status },
            after: { status, ...(reason ? { reason } : {}) },
          },
          events: [appChanged(appId)],
        };
      });
    },

    async revokeCredentials(actor: Actor, appId: string) {
      return audited(ctx, actor, async (tx) => {
        const [app] = await tx.select({ id: apps.id }).from(apps).where(eq(apps.id, appId));
        if (!app) throw new ApiProblem('not_found', `No app ${appId}.`);
        const now = new Date();
        const secrets = await tx
          .update(clientSecrets)
          .set({ revokedAt: now })
          .where(and(eq(clientSecrets.appId, appId), isNull(clientSecrets.revokedAt)))
          .returning({ id: clientSecrets.id });
        const keys = await tx
          .update(apiKeys)
          .set({ revokedAt: now })
          .where(and(eq(apiKeys.appId, appId), isNull(apiKeys.revokedAt)))
          .returning({ id: apiKeys.id });
        const tokens = await tx
          .update(refreshTokens)
          .set({ revokedAt: now })
          .where(and(eq(refreshTokens.appId, appId), isNull(refreshTokens.revokedAt)))
          .returning({ familyId: refreshTokens.familyId });
        const families = [...new Set(tokens.map((t) => t.familyId))];
        const until = new Date(now.getTime() + FAMILY_REVOCATION_MS);
        const result = {
          revokedClientSecrets: secrets.length,
          revokedApiKeys: keys.length,
          revokedRefreshTokens: tokens.length,
        };
        return {
          result,
          audit: {
            action: 'app.revoke_credentials',
            targetType: 'app',
            targetId: appId,
            before: null,
            after: result,
          },
          events: [
            appChanged(appId),
            ...keys.map((k): FeedEvent => ({ kind: 'api_key', subject: k.id, until: null })),
            ...families.map((f): FeedEvent => ({ kind: 'family', subject: f, until })),
          ],
        };
      });
    },

    async updateSubscription(actor: Actor, id: string, patch: SubscriptionPatch) {
      const id_ = await audited(ctx, actor, async (tx) => {
        const [before] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).for('update');
        if (!before) throw new ApiProblem('not_found', `No subscription ${id}.`);
        if (patch.plan) {
          const [plan] = await tx.select().from(plans).where(eq(plans.code, patch.plan));
          const [app] = await tx
            .select({ environment: apps.environment })
            .from(apps)
            .where(eq(apps.id, before.appId));
          if (!plan) throw ApiProblem.invalidInput('body/plan', `names no plan ('${patch.plan}')`);
          if (plan.environment !== app?.environment) {
            throw ApiProblem.invalidInput(
              'body/plan',
              `is a ${plan.environment} plan; the app is ${app?.environment}`,
            );
          }
        }
        // A developer's plan request is what approving or rejecting decides; the subscription stays active.
        const requested = before.requestedPlanCode;
        const onRequest = requested !== null && (patch.status === 'active' || patch.status === 'rejected');
        const status = onRequest ? undefined : patch.status;
        const plan = patch.plan ?? (onRequest && patch.status === 'active' ? requested : undefined);
        // Any other decision on the plan or the status settles the request as well.
        const settled = requested !== null && (onRequest || plan !== undefined || status === 'suspended');
        const decided = onRequest || (status !== undefined && status !== before.status);
        const [after] = await tx
          .update(subscriptions)
          .set({
            ...(status ? { status } : {}),
            ...(plan ? { planCode: plan } : {}),
            ...(settled ? { requestedPlanCode: null } : {}),
            ...(patch.overrides !== undefined ? { overrides: patch.overrides } : {}),
            ...(patch.note !== undefined ? { note: patch.note } : {}),
            ...(decided ? { decidedAt: new Date() } : {}),
            updatedAt: new Date(),
          })
          .where(eq(subscriptions.id, id))
          .returning();
        const action = onRequest
          ? patch.status === 'active'
            ? 'subscription.approve_plan'
            : 'subscription.reject_plan'
          : status === 'active' && before.status === 'pending'
            ? 'subscription.approve'
            : status === 'rejected'
              ? 'subscription.reject'
              : status === 'suspended'
                ? 'subscription.suspend'
                : status === 'active' && before.status !== 'active'
                  ? 'subscription.reactivate'
                  : 'subscription.update';
        return {
          result: after!.id,
          audit: { action, targetType: 'subscription', targetId: id, before, after },
          events: [appChanged(before.appId)],
        };
      });
      return (await repo.subscription(id_))!;
    },
  };
}
