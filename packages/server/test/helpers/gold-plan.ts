/** A production plan that needs approval, for tests that create one through the admin API. */
export const GOLD_PLAN = {
  code: 'gold',
  name: '金牌版',
  nameEn: 'Gold',
  environment: 'production',
  ratePerSecond: 200,
  ratePerMinute: 6000,
  monthlyQuota: 5_000_000,
  requiresApproval: true,
} as const;
