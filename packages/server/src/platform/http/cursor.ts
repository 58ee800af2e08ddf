import { ApiProblem } from '../errors/api-problem.js';

/**
 * Opaque page cursors: base64url JSON of the last item's sort key. A keyset cursor (not an
 * offset) is why pages neither repeat nor skip items while others are inserted.
 */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, isKey: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isKey(value)) {
    throw ApiProblem.invalidInput('querystring/cursor', 'is not a cursor this list issued');
  }
  return value;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * One page of `sorted` after the cursor's key. `keyOf` gives each item's unique, totally ordered
 * key and `compare` orders two keys the way `sorted` is ordered.
 */
export function pageAfter<T, K>(
  sorted: readonly T[],
  options: {
    limit: number;
    after: K | undefined;
    keyOf: (item: T) => K;
    compare: (a: K, b: K) => number;
  },
): Page<T> {
  const { limit, after, keyOf, compare } = options;
  let start = 0;
  if (after !== undefined) {
    // Binary search for the first item whose key sorts after the cursor's.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(keyOf(sorted[mid]!), after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const data = sorted.slice(start, start + limit);
  const hasMore = start + limit < sorted.length;
  return { data, hasMore, nextCursor: hasMore ? encodeCursor(keyOf(data[data.length - 1]!)) : null };
}
