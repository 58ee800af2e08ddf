import type { Organisation, Policy, Service } from '@ixiamen/db';
import type { components } from '../../generated/api-types.js';

export type ServiceSummary = components['schemas']['ServiceSummary'];
export type ServiceDetail = components['schemas']['ServiceDetail'];
export type OrganisationView = components['schemas']['Organisation'];
export type PolicySummary = components['schemas']['PolicySummary'];
export type PolicyDetail = components['schemas']['PolicyDetail'];
export type FaqView = components['schemas']['Faq'];
export type Action = components['schemas']['Action'];

type DepartmentRef = components['schemas']['DepartmentRef'];

export function serviceSummary(s: Service, department: DepartmentRef): ServiceSummary {
  return {
    slug: s.slug,
    name: s.name,
    nameEn: s.nameEn,
    category: s.categoryCode,
    themes: s.themes,
    targets: s.targets as ServiceSummary['targets'],
    itemType: s.itemType,
    department,
    onlineDepth: s.onlineDepth as ServiceSummary['onlineDepth'],
    caseType: s.caseType as ServiceSummary['caseType'],
    promisedDays: s.promisedDays,
    visits: s.visits,
    feeCharged: s.fee.charged,
    districts: s.districts,
  };
}

/** What an app can do with a service right from a search hit (即搜即办). */
export function serviceActions(slug: string, policyCount: number): Action[] {
  const actions: Action[] = [
    {
      kind: 'guide',
      title: '查看办事指南',
      operationId: 'getService',
      method: 'GET',
      href: `/v1/services/${slug}`,
    },
    {
      kind: 'faqs',
      title: '常见问题',
      operationId: 'listServiceFaqs',
      method: 'GET',
      href: `/v1/services/${slug}/faqs`,
    },
  ];
  if (policyCount > 0) {
    actions.push({
      kind: 'related_policies',
      title: '相关政策',
      operationId: 'listPolicies',
      method: 'GET',
      href: `/v1/policies?service=${slug}`,
    });
  }
  return actions;
}

export function organisationView(o: Organisation, serviceCount: number): OrganisationView {
  return {
    code: o.code,
    kind: o.kind as OrganisationView['kind'],
    name: o.name,
    nameEn: o.nameEn,
    parent: o.parentCode,
    creditCode: o.creditCode,
    district: o.district,
    address: o.address,
    hours: o.hours,
    phone: o.phone,
    website: o.website,
    responsibilities: o.responsibilities,
    halls: o.halls,
    serviceCount,
  };
}

export function policySummary(p: Policy): PolicySummary {
  return {
    slug: p.slug,
    title: p.title,
    issuer: p.issuer,
    docNumber: p.docNumber,
    level: p.level as PolicySummary['level'],
    kind: p.kind as PolicySummary['kind'],
    publishedAt: p.publishedAt,
    effectiveAt: p.effectiveAt,
    expiresAt: p.expiresAt,
    summary: p.summary,
    themes: p.themes,
    relatedServices: p.relatedServices,
  };
}
