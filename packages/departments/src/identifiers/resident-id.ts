// GB 11643-1999: 6-digit division, YYYYMMDD birth date, 3-digit sequence (odd male), check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Shape, real birth date not in the future, and check character. */
export function isValidResidentId(id: string, today = new Date()): boolean {
  if (!SHAPE.test(id)) return false;
  const birth = id.slice(6, 14);
  if (!isRealDate(birth)) return false;
  if (birth > today.toISOString().slice(0, 10).replaceAll('-', '')) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

export function makeResidentId(division: string, birth: string, sequence: number): string {
  const first17 = `${division}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export function sexOfResidentId(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}
