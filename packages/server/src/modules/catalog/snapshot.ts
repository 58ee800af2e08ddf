import { createHash } from 'node:crypto';
import type { Faq, Service } from '@ixiamen/db';
import { type SearchDocument, SearchIndex } from '../search/search-index.js';
import {
  compareOrganisationKeys,
  comparePolicyKeys,
  compareServiceKeys,
  organisationKey,
  policyKey,
  type ServiceKey,
} from './order.js';
import type { CatalogRows } from './repository.js';
import { THEMES } from './themes.js';
import {
  type FaqView,
  type OrganisationView,
  organisationView,
  type PolicyDetail,
  type PolicySummary,
  policySummary,
  type ServiceDetail,
  type ServiceSummary,
  serviceActions,
  serviceSummary,
} from './views.js';

export type SearchPayload = { service?: ServiceSummary };

/**
 * The public catalogue as one immutable, in-memory view built from the database. Reads are
 * served from it, so public-data calls make no database round trip; it is rebuilt when the
 * database's catalogue changes.
 */
export class CatalogSnapshot {
  readonly version: string;
  readonly categories: {
    code: string;
    name: string;
    nameEn: string;
    description: string;
    serviceCount: number;
  }[];
  readonly themes: { name: string; serviceCount: number }[];
  /** Services in list order: category, then name by pinyin, then slug. */
  /** The weak ETag of every answer built from this snapshot. */
  readonly etag: string;
  readonly services: ServiceSummary[];
  readonly serviceKeys = new Map<string, ServiceKey>();
  readonly serviceDetails = new Map<string, ServiceDetail>();
  readonly faqsBySlug = new Map<string, FaqView[]>();
  readonly organisations: OrganisationView[];
  readonly organisationByCode = new Map<string, OrganisationView>();
  /** Policies newest first. */
  readonly policies: PolicySummary[];
  readonly policyBySlug = new Map<string, PolicyDetail>();
  readonly search: SearchIndex<SearchPayload>;

  constructor(rows: CatalogRows, fingerprint: string) {
    this.version = createHash('sha256').update(fingerprint).digest('base64url').slice(0, 16);
    this.etag = `W/"${this.version}"`;
    const orgs = new Map(rows.organisations.map((o) => [o.code, o]));
    const ref = (code: string) => ({ code, name: orgs.get(code)?.name ?? code });
    const categoryOrder = new Map(rows.categories.map((c) => [c.code, c.sortOrder]));
    const categoryName = new Map(rows.categories.map((c) => [c.code, c.name]));

    const keyOf = (s: Service): ServiceKey => [categoryOrder.get(s.categoryCode) ?? 99, s.name, s.slug];
    const sorted = [...rows.services].sort((a, b) => compareServiceKeys(keyOf(a), keyOf(b)));
    const faqsByService = new Map<string, Faq[]>();
    for (const f of rows.faqs) {
      const list = faqsByService.get(f.serviceId);
      if (list) list.push(f);
      else faqsByService.set(f.serviceId, [f]);
    }
    const policyCount = new Map<string, number>();
    for (const p of rows.policies)
      for (const s of p.relatedServices) policyCount.set(s, (policyCount.get(s) ?? 0) + 1);

    this.services = sorted.map((s) => serviceSummary(s, ref(s.departmentCode)));
    sorted.forEach((s, i) => {
      this.serviceKeys.set(s.slug, keyOf(s));
      const faqs = (faqsByService.get(s.id) ?? []).map((f) => ({
        id: f.id,
        question: f.question,
        answer: f.answer,
        service: { slug: s.slug, name: s.name },
      }));
      this.faqsBySlug.set(s.slug, faqs);
      this.serviceDetails.set(
        s.slug,
        this.detail(s, this.services[i]!, faqs, orgs, policyCount.get(s.slug) ?? 0),
      );
    });

    this.categories = rows.categories.map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      description: c.description,
      serviceCount: rows.services.filter((s) => s.categoryCode === c.code).length,
    }));
    this.themes = THEMES.map((name) => ({
      name,
      serviceCount: rows.services.filter((s) => s.themes.includes(name)).length,
    }));

    const servicesOf = new Map<string, number>();
    for (const s of rows.services)
      servicesOf.set(s.departmentCode, (servicesOf.get(s.departmentCode) ?? 0) + 1);
    this.organisations = [...rows.organisations]
      .sort((a, b) => compareOrganisationKeys(organisationKey(a), organisationKey(b)))
      .map((o) => organisationView(o, servicesOf.get(o.code) ?? 0));
    for (const o of this.organisations) this.organisationByCode.set(o.code, o);

    const policies = [...rows.policies].sort((a, b) => comparePolicyKeys(policyKey(a), policyKey(b)));
    this.policies = policies.map(policySummary);
    for (const p of policies) this.policyBySlug.set(p.slug, { ...policySummary(p), excerpt: p.excerpt });

    this.search = new SearchIndex<SearchPayload>([
      ...sorted.map(
        (s, i): SearchDocument<SearchPayload> => ({
          type: 'service',
          id: s.slug,
          title: s.name,
          aliases: [...s.aliases, s.nameEn].join(' '),
          keywords: [
            ...s.themes,
            orgs.get(s.departmentCode)?.name ?? '',
            categoryName.get(s.categoryCode) ?? '',
          ].join(' '),
          body: [s.summary, ...s.conditions, ...s.materials.map((m) => m.name)].join(' '),
          payload: { service: this.services[i]! },
        }),
      ),
      ...policies.map(
        (p): SearchDocument<SearchPayload> => ({
          type: 'policy',
          id: p.slug,
          title: p.title,
          aliases: p.docNumber,
          keywords: [...p.themes, p.issuer].join(' '),
          body: `${p.summary} ${p.excerpt}`,
          payload: {},
        }),
      ),
      ...[...this.faqsBySlug.values()].flat().map(
        (f): SearchDocument<SearchPayload> => ({
          type: 'faq',
          id: f.id,
          title: f.question,
          aliases: '',
          keywords: f.service.name,
          body: f.answer,
          payload: {},
        }),
      ),
      ...this.organisations.map(
        (o): SearchDocument<SearchPayload> => ({
          type: 'organisation',
          id: o.code,
          title: o.name,
          aliases: o.nameEn,
          keywords: o.address,
          body: o.responsibilities.join(' '),
          payload: {},
        }),
      ),
    ]);
  }

  private detail(
    s: Service,
    summary: ServiceSummary,
    faqs: FaqView[],
    orgs: Map<string, CatalogRows['organisations'][number]>,
    policyCount: number,
  ): ServiceDetail {
    const halls = orgs.get(s.departmentCode)?.halls ?? [];
    return {
      ...summary,
      basicCode: s.basicCode,
      implementationCode: s.implementationCode,
      aliases: s.aliases,
      level: s.level as ServiceDetail['level'],
      jointDepartments: s.jointDepartments.map((code) => ({ code, name: orgs.get(code)?.name ?? code })),
      summary: s.summary,
      legalBasis: s.legalBasis,
      conditions: s.conditions,
      legalDays: s.legalDays,
      materials: s.materials,
      fee: s.fee,
      steps: s.steps,
      handlingForms: s.handlingForms as ServiceDetail['handlingForms'],
      result: s.result as ServiceDetail['result'],
      consultPhone: s.consultPhone,
      locations: halls.flatMap((code) => {
        const h = orgs.get(code);
        return h
          ? [{ code, name: h.name, address: h.address, hours: h.hours, phone: h.phone, district: h.district }]
          : [];
      }),
      faqs,
      actions: serviceActions(s.slug, policyCount),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}
