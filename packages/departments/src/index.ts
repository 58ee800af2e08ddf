export { buildDepartmentsApp, type DepartmentsOptions } from './app.js';
export { creditCodeCheckChar, isValidCreditCode } from './identifiers/credit-code.js';
export {
  isValidResidentId,
  makeResidentId,
  residentIdCheckChar,
  sexOfResidentId,
} from './identifiers/resident-id.js';
export { createPopulation, type Person, type Population } from './population/population.js';
