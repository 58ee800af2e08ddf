// Usage figures, as in api-spec/components/schemas (app-usage.yaml, platform-usage.yaml…).
import type { ProductCode } from './product-types';

export type Granularity = 'hour' | 'day';

/** Calls by outcome: `calls` counts 2xx, 3xx and 4xx other than 429; 429 and 5xx are not counted. */
export interface Tally {
  calls: number;
  success: number;
  clientErrors: number;
  rejected: number;
  serverErrors: number;
}

/** The calls of one hour or one Asia/Shanghai day, from `start`. */
export interface UsagePoint extends Tally {
  start: string;
}

export interface UsageBreakdown extends Omit<Tally, 'success'> {
  product: ProductCode;
  /** Null in the per-product rows. */
  operationId: string | null;
}

export interface QuotaStatus {
  product: ProductCode;
  /** The calendar month in Asia/Shanghai, e.g. 2026-11. */
  period: string;
  limit: number;
  used: number;
  remaining: number;
  resetsAt: string;
}

interface UsageRange {
  from: string;
  to: string;
  granularity: Granularity;
  series: UsagePoint[];
  byProduct: UsageBreakdown[];
}

export interface AppUsage extends UsageRange {
  appId: string;
  byOperation: UsageBreakdown[];
  quotas: QuotaStatus[];
}

export interface TopApp extends Omit<Tally, 'success'> {
  appId: string;
  appName: string;
  orgName: string;
  /** (clientErrors + serverErrors) / (calls + serverErrors). */
  errorRate: number;
}

export interface PlatformUsage extends UsageRange {
  totals: Tally & { errorRate: number };
  topApps: TopApp[];
}

export interface UsageQuery {
  from: string;
  to: string;
  granularity: Granularity;
}
