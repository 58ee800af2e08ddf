import type { AdminApp, AdminAppUpdate, AuditEvent, CredentialRevocation } from './admin-types';
import type { ApiClient } from './api-client';
import type {
  Page,
  Plan,
  PlanCreate,
  PlanUpdate,
  Product,
  ProductCreate,
  ProductUpdate,
  Subscription,
  SubscriptionStatus,
  SubscriptionUpdate,
} from './product-types';
import { queryString } from './query-string';
import type { AppStatus } from './types';
import type { PlatformUsage, UsageQuery } from './usage-types';

const segment = encodeURIComponent;

/** The admin endpoints the portal uses, typed; see api-spec/paths/admin-*.yaml. All need the admin role. */
export function adminApi(client: ApiClient) {
  return {
    usage: (query: UsageQuery) =>
      client.request<PlatformUsage>('GET', `/admin/v1/usage${queryString({ ...query })}`),

    listSubscriptions: (query: {
      status?: SubscriptionStatus;
      /** `true`: the queue, pending subscriptions and plan requests. */
      awaitingDecision?: boolean;
      appId?: string;
      cursor?: string;
    }) => client.request<Page<Subscription>>('GET', `/admin/v1/subscriptions${queryString(query)}`),
    updateSubscription: (id: string, body: SubscriptionUpdate) =>
      client.request<Subscription>('PATCH', `/admin/v1/subscriptions/${segment(id)}`, body),

    listApps: (query: { status?: AppStatus; cursor?: string }) =>
      client.request<Page<AdminApp>>('GET', `/admin/v1/apps${queryString(query)}`),
    updateApp: (appId: string, body: AdminAppUpdate) =>
      client.request<AdminApp>('PATCH', `/admin/v1/apps/${segment(appId)}`, body),
    revokeCredentials: (appId: string) =>
      client.request<CredentialRevocation>('POST', `/admin/v1/apps/${segment(appId)}/revoke-credentials`),

    listProducts: async () => (await client.request<{ data: Product[] }>('GET', '/admin/v1/products')).data,
    createProduct: (body: ProductCreate) => client.request<Product>('POST', '/admin/v1/products', body),
    updateProduct: (code: string, body: ProductUpdate) =>
      client.request<Product>('PATCH', `/admin/v1/products/${segment(code)}`, body),
    deleteProduct: (code: string) => client.request<void>('DELETE', `/admin/v1/products/${segment(code)}`),

    listPlans: async () => (await client.request<{ data: Plan[] }>('GET', '/admin/v1/plans')).data,
    createPlan: (body: PlanCreate) => client.request<Plan>('POST', '/admin/v1/plans', body),
    updatePlan: (code: string, body: PlanUpdate) =>
      client.request<Plan>('PATCH', `/admin/v1/plans/${segment(code)}`, body),
    deletePlan: (code: string) => client.request<void>('DELETE', `/admin/v1/plans/${segment(code)}`),

    listAuditEvents: (query: { action?: string; targetId?: string; cursor?: string }) =>
      client.request<Page<AuditEvent>>('GET', `/admin/v1/audit-events${queryString(query)}`),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
