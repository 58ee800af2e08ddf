// API products, plans and subscriptions, as in api-spec/components/schemas (product.yaml, plan.yaml,
// subscription.yaml…); the portal does not depend on the server package.
import type { Environment } from './types';

/** Products and plans are defined by the platform admins, so their codes are open-ended. */
export type ProductCode = string;
export type PlanCode = string;
export type Sensitivity = 'public' | 'personal';
export type SubscriptionStatus = 'pending' | 'active' | 'rejected' | 'suspended';

export interface Product {
  code: ProductCode;
  name: string;
  nameEn: string;
  description: string;
  sensitivity: Sensitivity;
  scope: string;
  operations: string[];
  createdAt: string;
  updatedAt: string;
}

export type ProductCreate = Pick<
  Product,
  'code' | 'name' | 'nameEn' | 'description' | 'sensitivity' | 'scope' | 'operations'
>;
export type ProductUpdate = Partial<
  Pick<Product, 'name' | 'nameEn' | 'description' | 'sensitivity' | 'operations'>
>;

export interface RateLimits {
  ratePerSecond: number;
  ratePerMinute: number;
  monthlyQuota: number;
}

/** Limits an admin sets for one subscription in place of its plan's; those missing come from the plan. */
export type RateLimitOverrides = Partial<RateLimits>;

export interface Plan extends RateLimits {
  code: PlanCode;
  name: string;
  nameEn: string;
  environment: Environment;
  requiresApproval: boolean;
  createdAt: string;
  updatedAt: string;
}

export type PlanCreate = Omit<Plan, 'createdAt' | 'updatedAt'>;
export type PlanUpdate = Partial<Omit<PlanCreate, 'code'>>;

export interface ProductCatalogue {
  products: Product[];
  plans: Plan[];
}

export interface Subscription {
  id: string;
  appId: string;
  appName: string;
  product: ProductCode;
  plan: PlanCode;
  /** A plan asked for that awaits an admin's approval; `plan` and its limits hold until then. */
  requestedPlan: PlanCode | null;
  status: SubscriptionStatus;
  /** The limits in force: the plan's, with the overrides applied. */
  limits: RateLimits;
  overrides: RateLimitOverrides | null;
  note: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriptionCreate {
  product: ProductCode;
  plan: PlanCode;
}

export interface SubscriptionUpdate {
  status?: 'active' | 'rejected' | 'suspended';
  plan?: PlanCode;
  /** Replaces the old overrides; null clears them. */
  overrides?: RateLimitOverrides | null;
  note?: string;
}

/** A page of a cursor-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
