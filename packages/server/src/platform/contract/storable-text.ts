/**
 * Strings PostgreSQL can store: its text has no U+0000, and its JSON no surrogate without its pair.
 * A pattern, so the request validator checks it too (Ajv compiles patterns with the u flag, where
 * [\uD800-\uDFFF] matches only a surrogate without its pair).
 */
export const STORABLE_TEXT = '^[^\\u0000\\uD800-\\uDFFF]*$';

const storable = new RegExp(STORABLE_TEXT, 'u');

export const isStorable = (text: string) => storable.test(text);

export const NOT_STORABLE = 'must not contain U+0000 or an unpaired surrogate';
