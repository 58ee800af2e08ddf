import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from '../src/identifiers/credit-code.js';
import { isValidResidentId, makeResidentId, sexOfResidentId } from '../src/identifiers/resident-id.js';

describe('resident ID numbers (GB 11643)', () => {
  it('happy: accepts the standard example and numbers it makes', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    const id = makeResidentId('350203', '19900101', 123);
    expect(isValidResidentId(id)).toBe(true);
    expect(sexOfResidentId(id)).toBe('male');
  });

  it('error: rejects a wrong check character, impossible dates, future births and bad shapes', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId(makeResidentId('350203', '19900230', 1))).toBe(false);
    expect(isValidResidentId(makeResidentId('350203', '20991231', 1), new Date('2026-11-27'))).toBe(false);
    expect(isValidResidentId('11010519491231002x')).toBe(false);
    expect(isValidResidentId('1101051949123100')).toBe(false);
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('happy: a code completed with its check character is valid', () => {
    const first17 = '91350200MA2Y0KXJ1';
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(true);
  });

  it('error: rejects a changed character and letters outside the charset', () => {
    const first17 = '91350200MA2Y0KXJ1';
    const check = creditCodeCheckChar(first17);
    const other = check === '0' ? '1' : '0';
    expect(isValidCreditCode(first17 + other)).toBe(false);
    expect(isValidCreditCode('91350200MA2Y0KXJIO')).toBe(false);
  });
});
