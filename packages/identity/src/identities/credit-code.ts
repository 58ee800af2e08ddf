import { creditCodeCheckChar } from '@ixiamen/departments';

// GB 11714 organization code: 8 characters (letters count 10–35), weights below, check by mod 11.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : String(check % 11);
}

/**
 * A GB 32100 code for an enterprise (registered by 市场监管, type 1) in `division`, with both the
 * embedded organization code and the code itself carrying correct check characters.
 */
export function makeCompanyCreditCode(division: string, orgCode8: string): string {
  const first17 = `91${division}${orgCode8}${orgCodeCheckChar(orgCode8)}`;
  return first17 + creditCodeCheckChar(first17);
}
