import { createPopulation, isValidCreditCode, isValidResidentId } from '@ixiamen/departments';
import { describe, expect, it } from 'vitest';
import { findTestIdentity, testIdentities } from '../src/index.js';

describe('test identities', () => {
  it('happy: every identity has a valid ID number, company reps a valid credit code', () => {
    expect(testIdentities.length).toBeGreaterThanOrEqual(12);
    for (const identity of testIdentities) {
      expect(isValidResidentId(identity.idNumber), identity.sub).toBe(true);
      expect(identity.phone, identity.sub).toMatch(/^1\d{10}$/);
      if (identity.kind === 'company') {
        expect(isValidCreditCode(identity.creditCode ?? ''), identity.sub).toBe(true);
        expect(identity.orgName, identity.sub).toMatch(/^厦门.+有限公司$/);
      } else {
        expect(identity.creditCode, identity.sub).toBeUndefined();
      }
    }
  });

  it('happy: everyone is a person of the departments sandbox, citizens both local and migrant', () => {
    // The departments app serves createPopulation() with its defaults.
    const population = createPopulation();
    for (const identity of testIdentities) {
      expect(population.find(identity.idNumber)?.name, identity.sub).toBe(identity.name);
    }
    const citizens = testIdentities
      .filter((identity) => identity.kind === 'citizen')
      .map((identity) => population.find(identity.idNumber)!);
    expect(citizens.length).toBe(5);
    expect(citizens.some((person) => person.residencePermit !== null)).toBe(true);
    expect(citizens.some((person) => person.residencePermit === null)).toBe(true);
  });

  it('happy: subjects are stable, unique and carry the roles of their kind', () => {
    expect(new Set(testIdentities.map((identity) => identity.sub)).size).toBe(testIdentities.length);
    expect(findTestIdentity('citizen-1')?.roles).toEqual(['citizen']);
    expect(findTestIdentity('company-1')?.roles).toEqual(['citizen', 'developer']);
    expect(findTestIdentity('official-1')?.roles).toEqual(['citizen', 'official']);
    expect(findTestIdentity('admin-1')?.roles).toEqual(['citizen', 'admin']);
  });

  it('error: an unknown subject has no identity', () => {
    expect(findTestIdentity('citizen-999')).toBeUndefined();
  });
});
