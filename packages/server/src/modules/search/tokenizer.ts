// PostgreSQL's text-search parsers do not segment Chinese, so the platform segments itself with
// Intl.Segmenter (ICU's dictionary, built into Node and browsers: no extra dependency, same on
// PGlite and PostgreSQL). Character bigrams and single characters back the dictionary up for
// words it does not know and for a mistyped character.
const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

export type TermKind = 'word' | 'bigram' | 'char';

export interface Term {
  term: string;
  kind: TermKind;
}

export function normalize(text: string): string {
  // Full-width letters and digits to half-width, then lower case.
  return text.normalize('NFKC').toLowerCase();
}

/** The words of a text, as the segmenter finds them. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normalize(text))) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Every term a text is indexed or queried by: its words plus bigrams and characters of Han runs. */
export function terms(text: string): Term[] {
  const out: Term[] = [];
  const normalized = normalize(text);
  for (const w of words(normalized)) out.push({ term: w, kind: 'word' });
  for (const run of normalized.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.push({ term: `#${chars[i]}`, kind: 'char' });
      if (i + 1 < chars.length) out.push({ term: `~${chars[i]}${chars[i + 1]}`, kind: 'bigram' });
    }
  }
  return out;
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
