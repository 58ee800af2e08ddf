import { ApiProblem } from '../../platform/errors/api-problem.js';
import { decodeCursor, type Page, pageAfter } from '../../platform/http/cursor.js';
import {
  compareOrganisationKeys,
  comparePolicyKeys,
  compareServiceKeys,
  isServiceKey,
  isStringPair,
  organisationKey,
  policyKey,
} from './order.js';
import type { CatalogSnapshot } from './snapshot.js';
import { THEMES } from './themes.js';
import type { OrganisationView, PolicySummary, ServiceSummary } from './views.js';

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
  ApiProblem.invalidInput(`querystring/${param}`, `'${value}' is not one of the catalogue's values`);

function assertKnownTheme(theme: string | undefined) {
  if (theme && !(THEMES as readonly string[]).includes(theme)) throw unknownValue('theme', theme);
}

export function notFound(what: string, id: string): ApiProblem {
  return new ApiProblem('not_found', `No ${what} '${id}'.`);
}

export function listServices(
  snap: CatalogSnapshot,
  filters: ServiceFilters,
  limit: number,
  cursor: string | undefined,
): Page<ServiceSummary> {
  assertKnownTheme(filters.theme);
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
    after: cursor === undefined ? undefined : decodeCursor(cursor, isStringPair),
    keyOf: organisationKey,
    compare: compareOrganisationKeys,
  });
}

export function listPolicies(
  snap: CatalogSnapshot,
  filters: { theme?: string; service?: string; level?: string },
  limit: number,
  cursor: string | undefined,
): Page<PolicySummary> {
  assertKnownTheme(filters.theme);
  if (filters.service && !snap.serviceDetails.has(filters.service))
    throw unknownValue('service', filters.service);
  const matches = snap.policies.filter(
    (p) =>
      (!filters.theme || p.themes.includes(filters.theme)) &&
      (!filters.service || p.relatedServices.includes(filters.service)) &&
      (!filters.level || p.level === filters.level),
  );
  return pageAfter(matches, {
    limit,
    after: cursor === undefined ? undefined : decodeCursor(cursor, isStringPair),
    keyOf: policyKey,
    compare: comparePolicyKeys,
  });
}
