/** Every scope the platform grants, with what the consent screen tells the citizen. */
export const SCOPES = {
  'catalog:read': { zh: '读取公开的办事指南和搜索结果', personal: false },
  'profile:read': { zh: '读取你的基本身份信息（姓名、脱敏身份证号）', personal: true },
  'residence:read': { zh: '读取你在公安部门的居住证记录', personal: true },
  'social-insurance:read': { zh: '读取你在人社部门的社会保险缴费记录', personal: true },
  'applications:write': { zh: '以你的名义发起和提交网上办事申请', personal: true },
} as const;

export type Scope = keyof typeof SCOPES;

export const isScope = (value: string): value is Scope => Object.hasOwn(SCOPES, value);

/** Scopes an app may hold without a citizen: client credentials and API keys get exactly these. */
export const PUBLIC_SCOPES: Scope[] = (Object.keys(SCOPES) as Scope[]).filter((s) => !SCOPES[s].personal);

export function parseScope(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(' ').filter(Boolean))];
}
