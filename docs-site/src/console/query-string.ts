/** `?a=1&b=2` of the parameters that are set, or nothing when none is. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const set = Object.entries(params).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
  );
  return set.length === 0 ? '' : `?${new URLSearchParams(set.map(([k, v]) => [k, String(v)])).toString()}`;
}
