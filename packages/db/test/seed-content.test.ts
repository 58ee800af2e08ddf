import { describe, expect, it } from 'vitest';
import { loadCatalogSeed, loadSynonyms } from '../src/index.js';

const SAMPLE_SLUGS = [
  'jifen-ruxue',
  'student-scores',
  'hospital-appointment',
  'maternity-benefit',
  'birth-service-certificate',
  'pension-withdrawal',
  'sscard-pin',
  'exit-entry-endorsement',
  'traffic-violation',
  'library-loan',
  'food-price-lookup',
  'community-services',
  'residence-permit',
  'id-card-renewal',
  'household-transfer',
  'no-criminal-record',
  'insurance-contribution-certificate',
  'tax-payment-certificate',
  'property-registration-lookup',
  'housing-fund-withdrawal',
  'marriage-registration-booking',
  'birth-medical-certificate',
  'newborn-household-registration',
  'diploma-verification',
  'professional-title-lookup',
  'qualification-certificate-lookup',
  'unemployment-benefit',
  'sole-trader-registration',
  'driving-licence-renewal',
];
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function validCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(code[i]!) * (3 ** i % 31);
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31] === code[17];
}

describe('committed catalogue content', async () => {
  const seed = await loadCatalogSeed();
  const orgCodes = new Set(seed.organisations.map((o) => o.code));
  const slugs = new Set(seed.services.map((s) => s.slug));

  it('happy: is as large and as varied as the catalogue must be', () => {
    expect(seed.services.length).toBeGreaterThanOrEqual(220);
    expect(seed.policies.length).toBeGreaterThanOrEqual(60);
    expect(seed.services.reduce((n, s) => n + s.faqs.length, 0)).toBeGreaterThanOrEqual(300);
    expect(new Set(seed.services.map((s) => s.department)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(seed.services.map((s) => s.category))).toEqual(
      new Set(seed.categories.map((c) => c.code)),
    );
    expect(new Set(seed.services.map((s) => s.onlineDepth))).toEqual(new Set(['I', 'II', 'III', 'IV']));
    const targets = new Set(seed.services.flatMap((s) => s.target));
    expect(targets).toContain('natural_person');
    expect(targets).toContain('legal_person');
  });

  it('happy: holds every sample service of DOMAIN.md', () => {
    for (const slug of SAMPLE_SLUGS) expect(slugs, slug).toContain(slug);
  });

  it('error: no duplicate keys or names', () => {
    expect(slugs.size).toBe(seed.services.length);
    expect(new Set(seed.services.map((s) => s.name)).size).toBe(seed.services.length);
    expect(new Set(seed.policies.map((p) => p.slug)).size).toBe(seed.policies.length);
    expect(orgCodes.size).toBe(seed.organisations.length);
  });

  it('error: every reference resolves', () => {
    for (const s of seed.services) {
      expect(orgCodes, `${s.slug} department`).toContain(s.department);
      for (const d of s.jointDepartments) expect(orgCodes, `${s.slug} joint ${d}`).toContain(d);
    }
    for (const o of seed.organisations) {
      if (o.parent) expect(orgCodes, `${o.code} parent`).toContain(o.parent);
      for (const h of o.halls ?? []) expect(orgCodes, `${o.code} hall`).toContain(h);
    }
    for (const p of seed.policies)
      for (const s of p.relatedServices) expect(slugs, `${p.slug} → ${s}`).toContain(s);
  });

  it('error: guides obey the rules of a service item', () => {
    for (const s of seed.services) {
      if (s.onlineDepth === 'IV') expect(s.visits, s.slug).toBe(0);
      if (s.fee.charged) expect(s.fee.standard, s.slug).not.toBe('');
      expect(s.materials.length, s.slug).toBeGreaterThan(0);
      expect(s.steps.length, s.slug).toBeGreaterThan(0);
      expect(s.faqs.length, s.slug).toBeGreaterThan(0);
      expect(s.promisedDays, s.slug).toBeLessThanOrEqual(Math.max(s.legalDays, s.promisedDays));
    }
  });

  it('error: organisation credit codes pass the GB 32100 check', () => {
    for (const o of seed.organisations)
      if (o.creditCode) expect(validCreditCode(o.creditCode), o.code).toBe(true);
  });

  it('happy: synonym groups are phrases, each group at least two', async () => {
    for (const group of await loadSynonyms()) expect(group.length).toBeGreaterThanOrEqual(2);
  });
});
