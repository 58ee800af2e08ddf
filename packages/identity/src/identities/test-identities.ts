import { createPopulation, type Person } from '@ixiamen/departments';
import { makeCompanyCreditCode } from './credit-code.js';

export type IdentityKind = 'citizen' | 'company' | 'official' | 'admin';

export interface TestIdentity {
  sub: string;
  kind: IdentityKind;
  name: string;
  roles: string[];
  idNumber: string;
  creditCode?: string;
  orgName?: string;
  phone: string;
}

const ROLES: Record<IdentityKind, string[]> = {
  citizen: ['citizen'],
  company: ['citizen', 'developer'],
  official: ['citizen', 'official'],
  admin: ['citizen', 'admin'],
};

const COUNTS: [IdentityKind, number][] = [
  ['citizen', 5],
  ['company', 3],
  ['official', 2],
  ['admin', 2],
];

const COMPANIES = [
  { orgName: '厦门鹭岛科技有限公司', division: '350206', orgCode8: 'MA31LD01' },
  { orgName: '厦门海沧港湾物流有限公司', division: '350205', orgCode8: 'MA32HC02' },
  { orgName: '厦门筼筜数据服务有限公司', division: '350203', orgCode8: 'MA33YD03' },
];

// The head of the departments sandbox population (same default seed): a person's record depends only
// on its index, so these people are also the first ones in the full population 公安 serves.
const POOL_SIZE = 64;
// Everyone signs in as an adult; a fixed cut-off keeps the list the same whatever the date.
const BORN_BEFORE = '2006-01-01';

function adultsWithDistinctNames(): Person[] {
  const seen = new Set<string>();
  return createPopulation(POOL_SIZE)
    .sample(POOL_SIZE)
    .filter((p) => {
      if (p.birthDate >= BORN_BEFORE || seen.has(p.name)) return false;
      seen.add(p.name);
      return true;
    });
}

function buildIdentities(): TestIdentity[] {
  const people = adultsWithDistinctNames();
  const identities: TestIdentity[] = [];
  for (const [kind, count] of COUNTS) {
    for (let n = 1; n <= count; n++) {
      const person = people[identities.length];
      if (!person) throw new Error('the population head has too few adults for the test identities');
      const company = kind === 'company' ? COMPANIES[n - 1] : undefined;
      identities.push({
        sub: `${kind}-${n}`,
        kind,
        name: person.name,
        roles: [...ROLES[kind]],
        idNumber: person.idNumber,
        ...(company && {
          creditCode: makeCompanyCreditCode(company.division, company.orgCode8),
          orgName: company.orgName,
        }),
        phone: `138${String(identities.length + 1).padStart(8, '0')}`,
      });
    }
  }
  return identities;
}

/** The development provider's accounts: deterministic, the same on every start. */
export const testIdentities: readonly TestIdentity[] = buildIdentities();

const bySub = new Map(testIdentities.map((identity) => [identity.sub, identity]));

export function findTestIdentity(sub: string): TestIdentity | undefined {
  return bySub.get(sub);
}
