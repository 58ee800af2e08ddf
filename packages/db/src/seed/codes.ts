/**
 * Item codes in the shape of the national catalogue (assumed layout): the basic code is the item
 * type, a five-digit sequence and three zeros; the implementation code prefixes the implementing
 * body's credit code. Derived from the content so they are stable across seeds.
 */
export function itemCodes(itemType: string, sequence: number, creditCode: string | null) {
  const basicCode = `${itemType.padStart(2, '0')}${String(sequence).padStart(5, '0')}000`;
  return { basicCode, implementationCode: `${creditCode ?? '000000000000000000'}${basicCode}` };
}
