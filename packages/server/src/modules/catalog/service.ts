import { ApiProblem } from '../../platform/errors/api-problem.js';
import { decodeCursor, type Page, pageAfter } from '../../platform/http/cursor.js';
import type { CatalogSnapshot, ServiceKey } from './snapshot.js';
import { THEMES } from './themes.js';
import type { OrganisationView, PolicySummary, ServiceSummary } from './views.js';

const collator = new Intl.Collator('zh-Hans-u-co-pinyin');

export interface ServiceFilters {
  category?: string;
  theme?: string;
  department?: string;
  target?: string;
  onlineDepth?: string;
  district?: string;
  caseType?: string;
  fee?: 'free' | 'charged';
}

const unknownValue = (param: string, value: string) =>
  new ApiProblem(
    'validation_failed',
    `querystring/${param} '${value}' is not one of the catalogue's values`,
    {
      errors: [
        { location: `querystring/${param}`, message: `'${value}' is not one of the catalogue's values` },
      ],
    },
  );

const isServiceKey = (v: unknown): v is ServiceKey =>
  Array.isArray(v) &&
  v.length === 3 &&
  typeof v[0] === 'number' &&
  typeof v[1] === 'string' &&
  typeof v[2] === 'string';
const compareServiceKeys = (a: ServiceKey, b: ServiceKey) =>
  a[0] - b[0] || collator.compare(a[1], b[1]) || a[2].localeCompare(b[2]);
const isCodeKey = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');

export function notFound(what: string, id: string): ApiProblem {
  return new ApiProblem('not_found', `No ${what} '${id}'.`);
}

export function listServices(
  snap: CatalogSnapshot,
  filters: ServiceFilters,
  limit: number,
  cursor: string | undefined,
): Page<ServiceSummary> {
  if (filters.theme && !(THEMES as readonly string[]).includes(filters.theme))
    throw unknownValue('theme', filters.theme);
  if (filters.department && !snap.organisationByCode.has(filters.department)) {
    throw unknownValue('department', filters.department);
  }
  const matches = snap.services.filter(
    (s) =>
      (!filters.category || s.category === filters.category) &&
      (!filters.theme || s.themes.includes(filters.theme)) &&
      (!filters.department || s.department.code === filters.department) &&
      (!filters.target || s.targets.includes(filters.target as ServiceSummary['targets'][number])) &&
      (!filters.onlineDepth || s.onlineDepth === filters.onlineDepth) &&
      (!filters.district || s.districts.length === 0 || s.districts.includes(filters.district)) &&
      (!filters.caseType || s.caseType === filters.caseType) &&
      (!filters.fee || s.feeCharged === (filters.fee === 'charged')),
  );
  return pageAfter(matches, {
    limit,
    after: cursor === undefined ? undefined : decodeCursor(cursor, isServiceKey),
    keyOf: (s) => snap.serviceKeys.get(s.slug)!,
    compare: compareServiceKeys,
  });
}

export function listOrganisations(
  snap: CatalogSnapshot,
  filters: { kind?: string; district?: string },
  limit: number,
  cursor: string | undefined,
): Page<OrganisationView> {
  const matches = snap.organisations.filter(
    (o) =>
      (!filters.kind || o.kind === filters.kind) && (!filters.district || o.district === filters.district),
  );
  return pageAfter(matches, {
    limit,
    after: cursor === undefined ? undefined : decodeCursor(cursor, isCodeKey),
    keyOf: (o) => [o.kind, o.code] as [string, string],
    compare: (a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]),
  });
}

export function listPolicies(
  snap: CatalogSnapshot,
  filters: { theme?: string; service?: string; level?: string },
  limit: number,
  cursor: string | undefined,
): Page<PolicySummary> {
  if (filters.theme && !(THEMES as readonly string[]).includes(filters.theme))
    throw unknownValue('theme', filters.theme);
  if (filters.service && !snap.serviceDetails.has(filters.service))
    throw unknownValue('service', filters.service);
  const matches = snap.policies.filter(
    (p) =>
      (!filters.theme || p.themes.includes(filters.theme)) &&
      (!filters.service || p.relatedServices.includes(filters.service)) &&
      (!filters.level || p.level === filters.level),
  );
  // Newest first: the key is the publication date (descending), then the slug.
  return pageAfter(matches, {
    limit,
    after: cursor === undefined ? undefined : decodeCursor(cursor, isCodeKey),
    keyOf: (p) => [p.publishedAt, p.slug] as [string, string],
    compare: (a, b) => b[0].localeCompare(a[0]) || a[1].localeCompare(b[1]),
  });
}
