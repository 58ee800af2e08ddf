import { useCallback, useState } from 'react';
import { type UsageRange, usageQuery } from './usage-range';
import type { UsageQuery } from './usage-types';
import { useResource } from './use-resource';

/**
 * Usage over the range chosen, read again when the range changes and on `refresh`, each time up
 * to the moment asked; `load` must be memoised.
 */
export function useUsage<T>(load: (query: UsageQuery) => Promise<T>) {
  // A new object on every choice and refresh, so that the range ends at the time of the click.
  const [asked, setAsked] = useState<{ range: UsageRange }>({ range: '7d' });
  const resource = useResource(useCallback(() => load(usageQuery(asked.range)), [load, asked]));
  const choose = useCallback((range: UsageRange) => setAsked({ range }), []);
  const refresh = useCallback(() => setAsked((current) => ({ ...current })), []);
  return { ...resource, range: asked.range, choose, refresh };
}
