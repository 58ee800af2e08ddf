import { makeResidentId } from '../identifiers/resident-id.js';
import {
  COMMUNITIES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  ORIGIN_DIVISIONS,
  SURNAMES,
  XIAMEN_DISTRICTS,
  XIAMEN_DIVISIONS,
} from './names.js';
import { seededRandom } from './random.js';

export interface ResidencePermit {
  number: string;
  district: string;
  address: string;
  community: string;
  firstRegistered: string;
  validTo: string;
}

/** A synthetic resident as 公安 would hold them. No real person is behind any record. */
export interface Person {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  ethnicity: string;
  birthDate: string;
  householdDivision: string;
  householdAddress: string;
  /** Migrants (household registered outside Xiamen) living in Xiamen hold a residence permit. */
  residencePermit: ResidencePermit | null;
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function person(index: number, seed: number): Person {
  const rnd = seededRandom(seed * 1_000_003 + index);
  const migrant = rnd.next() < 0.45;
  const division = migrant ? rnd.pick(ORIGIN_DIVISIONS) : rnd.pick(XIAMEN_DIVISIONS);
  const y = rnd.int(1955, 2016);
  const m = rnd.int(1, 12);
  const d = rnd.int(1, 28);
  const sex = rnd.next() < 0.5 ? 'male' : 'female';
  // The sequence's last digit carries the sex; the index keeps ID numbers unique.
  const sequence = ((index % 500) * 2 + (sex === 'male' ? 1 : 0)) % 1000;
  const idNumber = makeResidentId(division, iso(y, m, d).replaceAll('-', ''), sequence);
  const district = rnd.pick(Object.keys(XIAMEN_DISTRICTS));
  const since = rnd.int(2012, 2025);
  return {
    idNumber,
    name: rnd.pick(SURNAMES) + rnd.pick(sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE),
    sex,
    ethnicity: rnd.next() < 0.97 ? '汉族' : rnd.pick(['畲族', '回族', '壮族', '土家族']),
    birthDate: iso(y, m, d),
    householdDivision: division,
    householdAddress: migrant
      ? `原籍行政区划 ${division}`
      : `厦门市${XIAMEN_DISTRICTS[division] ?? '思明区'}某路${rnd.int(1, 300)}号`,
    residencePermit: migrant
      ? {
          number: `3502${String(index).padStart(8, '0')}`,
          district,
          address: `厦门市${XIAMEN_DISTRICTS[district]}${rnd.pick(['仙岳路', '嘉禾路', '杏林湾路', '马青路', '翔安南路'])}${rnd.int(1, 999)}号`,
          community: rnd.pick(COMMUNITIES),
          firstRegistered: iso(since, rnd.int(1, 12), rnd.int(1, 28)),
          validTo: iso(2027 + rnd.int(0, 2), rnd.int(1, 12), rnd.int(1, 28)),
        }
      : null,
  };
}

/** A deterministic population: the same seed and size give the same people everywhere. */
export function createPopulation(size = 10_000, seed = 2026) {
  const byId = new Map<string, Person>();
  for (let i = 0; i < size; i++) {
    const p = person(i, seed);
    if (!byId.has(p.idNumber)) byId.set(p.idNumber, p);
  }
  return {
    size: byId.size,
    find: (idNumber: string) => byId.get(idNumber),
    sample: (count: number) => [...byId.values()].slice(0, count),
  };
}

export type Population = ReturnType<typeof createPopulation>;
