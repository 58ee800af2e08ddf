import { describe, expect, it } from 'vitest';
import { dayOf, hourOf, MonthClock, monthOf } from '../../../src/platform/limits/period.js';

describe('Asia/Shanghai periods', () => {
  it('happy: the month turns at 00:00 Beijing time, i.e. 16:00 UTC the day before', () => {
    const before = Date.parse('2026-11-30T15:59:59.999Z');
    const after = Date.parse('2026-11-30T16:00:00.000Z');
    expect(monthOf(before).period).toBe('2026-11');
    expect(monthOf(after).period).toBe('2026-12');
    expect(new Date(monthOf(before).end).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(new Date(monthOf(after).start).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('happy: December rolls into January of the next year', () => {
    const m = monthOf(Date.parse('2026-12-31T17:00:00Z'));
    expect(m.period).toBe('2027-01');
  });

  it('happy: days start at 00:00 Beijing time and hours on the hour', () => {
    expect(new Date(dayOf(Date.parse('2026-11-27T03:00:00Z'))).toISOString()).toBe(
      '2026-11-26T16:00:00.000Z',
    );
    expect(new Date(hourOf(Date.parse('2026-11-27T03:42:10Z'))).toISOString()).toBe(
      '2026-11-27T03:00:00.000Z',
    );
  });

  it('happy: the clock moves on when the month ends', () => {
    const clock = new MonthClock();
    expect(clock.now(Date.parse('2026-11-30T15:00:00Z')).period).toBe('2026-11');
    expect(clock.now(Date.parse('2026-11-30T16:00:00Z')).period).toBe('2026-12');
  });
});
