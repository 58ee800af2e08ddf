import { normalize, words } from './tokenizer.js';

const MAX_SNIPPET = 80;

/**
 * A short piece of `text` around the first query word it contains, with every query word
 * wrapped in <em>…</em>. Text is escaped, so the snippet is safe to render as HTML.
 */
export function highlight(text: string, query: string): string {
  const needles = [...new Set(words(query).filter((w) => w.length > 1 || /\p{Script=Han}/u.test(w)))].sort(
    (a, b) => b.length - a.length,
  );
  const lowered = normalize(text);
  const first =
    needles
      .map((w) => lowered.indexOf(w))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, first - 20);
  const slice = text.slice(start, start + MAX_SNIPPET);
  const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  if (needles.length === 0) return escapeHtml(slice);
  const pattern = new RegExp(needles.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  let out = '';
  let last = 0;
  for (const m of normalize(slice).matchAll(pattern)) {
    out += `${escapeHtml(slice.slice(last, m.index))}<em>${escapeHtml(slice.slice(m.index, m.index + m[0].length))}</em>`;
    last = m.index + m[0].length;
  }
  out += escapeHtml(slice.slice(last));
  return (start > 0 ? '…' : '') + out + (start + MAX_SNIPPET < text.length ? '…' : '');
}
