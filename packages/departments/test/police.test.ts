import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartmentsApp } from '../src/app.js';
import { isValidResidentId } from '../src/identifiers/resident-id.js';
import { createPopulation } from '../src/population/population.js';

const population = createPopulation(2000);
let app: Awaited<ReturnType<typeof buildDepartmentsApp>>;
beforeAll(async () => {
  app = await buildDepartmentsApp({ population });
});
afterAll(() => app.close());

describe('sandbox population', () => {
  it('happy: is deterministic and every ID number is valid', () => {
    const again = createPopulation(2000);
    expect(again.sample(50)).toEqual(population.sample(50));
    expect(population.sample(2000).every((p) => isValidResidentId(p.idNumber))).toBe(true);
    expect(population.size).toBe(2000);
  });

  it('happy: migrants hold residence permits and locals do not', () => {
    for (const p of population.sample(200)) {
      const local = p.householdDivision.startsWith('3502');
      expect(p.residencePermit === null, p.idNumber).toBe(local);
    }
  });
});

describe('GET /police/v1/persons/:idNumber', () => {
  it('happy: returns the resident', async () => {
    const someone = population.sample(1)[0]!;
    const res = await app.inject({ method: 'GET', url: `/police/v1/persons/${someone.idNumber}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(someone);
  });

  it('error: an invalid ID number is a 400 and an unknown one a 404', async () => {
    const bad = await app.inject({ method: 'GET', url: '/police/v1/persons/110105194912310021' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errcode).toBe('INVALID_ID_NUMBER');
    const unknown = await app.inject({ method: 'GET', url: '/police/v1/persons/11010519491231002X' });
    expect(unknown.statusCode).toBe(404);
  });
});
