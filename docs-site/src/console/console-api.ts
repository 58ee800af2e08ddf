import type { ApiClient } from './api-client';
import type { Page, ProductCatalogue, Subscription, SubscriptionCreate } from './product-types';
import { queryString } from './query-string';
import type {
  ApiKeyCreated,
  App,
  AppCreate,
  AppCreated,
  AppUpdate,
  ClientSecretCreated,
  Consent,
  Credentials,
  Me,
  Org,
  OrgCreate,
} from './types';
import type { AppUsage, UsageQuery } from './usage-types';

const segment = encodeURIComponent;

/** The console endpoints the portal uses, typed; see api-spec/paths/console-*.yaml. */
export function consoleApi(client: ApiClient) {
  const appPath = (appId: string) => `/console/v1/apps/${segment(appId)}`;
  return {
    me: () => client.request<Me>('GET', '/console/v1/me'),
    signOut: () => client.request<void>('POST', '/auth/logout'),
    createOrg: (body: OrgCreate) => client.request<Org>('POST', '/console/v1/orgs', body),

    listApps: async () => (await client.request<{ data: App[] }>('GET', '/console/v1/apps')).data,
    createApp: (body: AppCreate) => client.request<AppCreated>('POST', '/console/v1/apps', body),
    getApp: (appId: string) => client.request<App>('GET', appPath(appId)),
    updateApp: (appId: string, body: AppUpdate) => client.request<App>('PATCH', appPath(appId), body),
    deleteApp: (appId: string) => client.request<void>('DELETE', appPath(appId)),

    credentials: (appId: string) => client.request<Credentials>('GET', `${appPath(appId)}/credentials`),
    rotateClientSecret: (appId: string, overlapSeconds: number) =>
      client.request<ClientSecretCreated>('POST', `${appPath(appId)}/client-secrets`, { overlapSeconds }),
    revokeClientSecret: (appId: string, secretId: string) =>
      client.request<void>('DELETE', `${appPath(appId)}/client-secrets/${segment(secretId)}`),
    createApiKey: (appId: string, name: string) =>
      client.request<ApiKeyCreated>('POST', `${appPath(appId)}/api-keys`, { name }),
    rotateApiKey: (appId: string, keyId: string, overlapSeconds: number) =>
      client.request<ApiKeyCreated>('POST', `${appPath(appId)}/api-keys/${segment(keyId)}/rotate`, {
        overlapSeconds,
      }),
    revokeApiKey: (appId: string, keyId: string) =>
      client.request<void>('DELETE', `${appPath(appId)}/api-keys/${segment(keyId)}`),

    listProducts: () => client.request<ProductCatalogue>('GET', '/console/v1/products'),
    listSubscriptions: async (appId: string) =>
      (await client.request<Page<Subscription>>('GET', `${appPath(appId)}/subscriptions`)).data,
    createSubscription: (appId: string, body: SubscriptionCreate) =>
      client.request<Subscription>('POST', `${appPath(appId)}/subscriptions`, body),
    changeSubscriptionPlan: (appId: string, product: string, plan: string) =>
      client.request<Subscription>('PATCH', `${appPath(appId)}/subscriptions/${segment(product)}`, { plan }),
    appUsage: (appId: string, query: UsageQuery) =>
      client.request<AppUsage>('GET', `${appPath(appId)}/usage${queryString({ ...query })}`),

    listConsents: async () => (await client.request<{ data: Consent[] }>('GET', '/console/v1/consents')).data,
    withdrawConsent: (consentId: string) =>
      client.request<void>('DELETE', `/console/v1/consents/${segment(consentId)}`),
  };
}

export type ConsoleApi = ReturnType<typeof consoleApi>;
