import type { WeightedTerm } from './search-index.js';
import { terms } from './tokenizer.js';

/** Groups of phrases people use for the same thing (上学/入学, 看病/挂号 …), kept as data. */
export type SynonymGroups = string[][];

const SYNONYM_WEIGHT = 0.7;

/**
 * The query's own terms, plus the terms of every other phrase in a synonym group one of whose
 * phrases the query contains, at a lower weight.
 */
export function expandQuery(query: string, groups: SynonymGroups): WeightedTerm[] {
  const out: WeightedTerm[] = terms(query).map((t) => ({ ...t, weight: 1 }));
  const lowered = query.toLowerCase();
  for (const group of groups) {
    if (!group.some((phrase) => lowered.includes(phrase.toLowerCase()))) continue;
    for (const phrase of group) {
      if (lowered.includes(phrase.toLowerCase())) continue;
      for (const t of terms(phrase)) if (t.kind !== 'char') out.push({ ...t, weight: SYNONYM_WEIGHT });
    }
  }
  return out;
}
