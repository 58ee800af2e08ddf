/**
 * The one definition of each list's order. Snapshots sort by these keys and cursors compare
 * them, so a page boundary always means the same thing as the list's order.
 */
const collator = new Intl.Collator('zh-Hans-u-co-pinyin');

/** Services: category display order, then name by pinyin, then slug. */
export type ServiceKey = [number, string, string];
export const compareServiceKeys = (a: ServiceKey, b: ServiceKey) =>
  a[0] - b[0] || collator.compare(a[1], b[1]) || a[2].localeCompare(b[2]);

/** Organisations: kind, then code. */
export type OrganisationKey = [string, string];
export const organisationKey = (o: { kind: string; code: string }): OrganisationKey => [o.kind, o.code];
export const compareOrganisationKeys = (a: OrganisationKey, b: OrganisationKey) =>
  a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]);

/** Policies: newest publication date first, then slug. */
export type PolicyKey = [string, string];
export const policyKey = (p: { publishedAt: string; slug: string }): PolicyKey => [p.publishedAt, p.slug];
export const comparePolicyKeys = (a: PolicyKey, b: PolicyKey) =>
  b[0].localeCompare(a[0]) || a[1].localeCompare(b[1]);

export const isStringPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');
export const isServiceKey = (v: unknown): v is ServiceKey =>
  Array.isArray(v) &&
  v.length === 3 &&
  typeof v[0] === 'number' &&
  typeof v[1] === 'string' &&
  typeof v[2] === 'string';
