import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../src/core/retry.js';

describe('retryDelayMs', () => {
  it('happy: uses Retry-After seconds and HTTP dates', () => {
    expect(retryDelayMs(0, '3')).toBe(3000);
    const now = Date.parse('2026-11-27T00:00:00Z');
    expect(retryDelayMs(0, 'Fri, 27 Nov 2026 00:00:05 GMT', now)).toBe(5000);
  });

  it('happy: backs off exponentially with jitter when the server says nothing', () => {
    for (const [attempt, max] of [
      [0, 500],
      [1, 1000],
      [2, 2000],
      [6, 8000],
    ] as const) {
      const d = retryDelayMs(attempt, null);
      expect(d).toBeGreaterThanOrEqual(max * 0.75);
      expect(d).toBeLessThanOrEqual(max);
    }
  });

  it('error: ignores absurd or malformed Retry-After values', () => {
    expect(retryDelayMs(0, '86400')).toBeLessThanOrEqual(500);
    expect(retryDelayMs(0, 'soon')).toBeLessThanOrEqual(500);
    expect(retryDelayMs(0, '-1')).toBeLessThanOrEqual(500);
  });
});
