import type { Plan, Product } from '@ixiamen/db';
import type { components } from '../../generated/api-types.js';
import { effectiveLimits } from '../../platform/auth/subscription-state.js';
import type { SubscriptionRow } from './repository.js';

type Schemas = components['schemas'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const productView = (p: Product): Schemas['Product'] => ({
  code: p.code,
  name: p.name,
  nameEn: p.nameEn,
  description: p.description,
  sensitivity: p.sensitivity,
  scope: p.scope,
  operations: p.operations,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const planView = (p: Plan): Schemas['Plan'] => ({
  code: p.code,
  name: p.name,
  nameEn: p.nameEn,
  environment: p.environment,
  ratePerSecond: p.ratePerSecond,
  ratePerMinute: p.ratePerMinute,
  monthlyQuota: p.monthlyQuota,
  requiresApproval: p.requiresApproval,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const subscriptionView = (s: SubscriptionRow): Schemas['Subscription'] => ({
  id: s.id,
  appId: s.appId,
  appName: s.appName,
  product: s.product,
  plan: s.plan,
  requestedPlan: s.requestedPlan,
  status: s.status,
  overrides: s.overrides,
  limits: effectiveLimits(s, s.overrides),
  note: s.note,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  decidedAt: iso(s.decidedAt),
});
