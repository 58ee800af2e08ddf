import { normalize, type Term, type TermKind, terms } from './tokenizer.js';

export const DOCUMENT_TYPES = ['service', 'policy', 'faq', 'organisation'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** One searchable thing. Fields are weighted: a hit in the title counts most. */
export interface SearchDocument<P = unknown> {
  type: DocumentType;
  id: string;
  title: string;
  aliases: string;
  keywords: string;
  body: string;
  payload: P;
}

type Field = 'title' | 'aliases' | 'keywords' | 'body';
const FIELDS: Field[] = ['title', 'aliases', 'keywords', 'body'];
const FIELD_WEIGHT: Record<Field, number> = { title: 4, aliases: 3, keywords: 1.5, body: 1 };
const KIND_WEIGHT: Record<TermKind, number> = { word: 1, bigram: 0.8, char: 0.15 };
const COMMON_CHAR_SHARE = 0.1;
const K1 = 1.2;
const B = 0.6;

export interface WeightedTerm extends Term {
  weight: number;
}

export interface Hit<P> {
  document: SearchDocument<P>;
  score: number;
}

/**
 * An in-memory inverted index with BM25F scoring. Public catalogue data is small (thousands of
 * documents), so searching it needs no database round trip; everything that does not depend on
 * the query is computed when the index is built.
 */
export class SearchIndex<P = unknown> {
  // The postings of every term in three flat arrays: term t's documents are docs[starts[t]] up
  // to docs[starts[t + 1]], each with its saturated BM25F term weight in weights, computed once
  // at build. Two typed arrays per term made ~70,000 small objects that every major GC of the
  // gateway had to visit; these are three.
  private readonly termIds = new Map<string, number>();
  private readonly starts: Int32Array;
  private readonly docs: Int32Array;
  private readonly weights: Float32Array;
  private readonly titles: string[];
  private readonly scores: Float64Array;

  constructor(readonly documents: SearchDocument<P>[]) {
    const counted = documents.map((doc) => {
      const tf = new Map<string, Record<Field, number>>();
      const lengths: Record<Field, number> = { title: 0, aliases: 0, keywords: 0, body: 0 };
      for (const field of FIELDS) {
        for (const { term } of terms(doc[field])) {
          let counts = tf.get(term);
          if (!counts) {
            counts = { title: 0, aliases: 0, keywords: 0, body: 0 };
            tf.set(term, counts);
          }
          counts[field]++;
          lengths[field]++;
        }
      }
      return { tf, lengths };
    });
    const n = Math.max(documents.length, 1);
    const avg = Object.fromEntries(
      FIELDS.map((f) => [f, Math.max(counted.reduce((s, c) => s + c.lengths[f], 0) / n, 1)]),
    ) as Record<Field, number>;

    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    counted.forEach(({ tf, lengths }, doc) => {
      for (const [term, counts] of tf) {
        let weighted = 0;
        for (const f of FIELDS) {
          if (counts[f] > 0) weighted += (FIELD_WEIGHT[f] * counts[f]) / (1 - B + (B * lengths[f]) / avg[f]);
        }
        let list = lists.get(term);
        if (!list) {
          list = { docs: [], weights: [] };
          lists.set(term, list);
        }
        list.docs.push(doc);
        list.weights.push((weighted * (K1 + 1)) / (weighted + K1));
      }
    });
    let total = 0;
    for (const list of lists.values()) total += list.docs.length;
    this.starts = new Int32Array(lists.size + 1);
    this.docs = new Int32Array(total);
    this.weights = new Float32Array(total);
    let at = 0;
    for (const [term, list] of lists) {
      const id = this.termIds.size;
      this.termIds.set(term, id);
      this.starts[id] = at;
      this.docs.set(list.docs, at);
      this.weights.set(list.weights, at);
      at += list.docs.length;
    }
    this.starts[lists.size] = at;
    this.titles = documents.map((d) => normalize(`${d.title} ${d.aliases}`));
    this.scores = new Float64Array(documents.length);
  }

  /**
   * Every document matching the weighted query terms, with its score, in no order. Documents
   * scoring under `cutoff` times the best of their type matched only scattered characters;
   * they are left out.
   */
  match(query: WeightedTerm[], phrase: string, cutoff: number): Hit<P>[] {
    const n = this.documents.length;
    const merged = new Map<string, number>();
    for (const t of query)
      merged.set(t.term, Math.max(merged.get(t.term) ?? 0, t.weight * KIND_WEIGHT[t.kind]));
    const scores = this.scores;
    const touched: number[] = [];
    for (const [term, weight] of merged) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const start = this.starts[id]!;
      const end = this.starts[id + 1]!;
      const df = end - start;
      // A character found in most documents tells them apart hardly at all, and its postings
      // would dominate the cost of a query on a large catalogue.
      if (term.startsWith('#') && df > n * COMMON_CHAR_SHARE) continue;
      const factor = weight * Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = start; i < end; i++) {
        const doc = this.docs[i]!;
        const before = scores[doc]!;
        if (before === 0) touched.push(doc);
        scores[doc] = before + factor * this.weights[i]!;
      }
    }
    const normalizedPhrase = normalize(phrase).replace(/\s+/g, '');
    const best = new Map<DocumentType, number>();
    for (const doc of touched) {
      // The whole query inside the title or an alias is what the user most likely meant.
      if (normalizedPhrase.length > 1 && this.titles[doc]!.includes(normalizedPhrase)) scores[doc]! *= 1.6;
      const type = this.documents[doc]!.type;
      best.set(type, Math.max(best.get(type) ?? 0, scores[doc]!));
    }
    const hits: Hit<P>[] = [];
    for (const doc of touched) {
      const document = this.documents[doc]!;
      if (scores[doc]! >= (best.get(document.type) ?? 0) * cutoff)
        hits.push({ document, score: scores[doc]! });
      scores[doc] = 0;
    }
    return hits;
  }
}
