/** A one-per-line textarea's values: trimmed, blank lines and repeats dropped (the API wants them unique). */
export function lines(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}
