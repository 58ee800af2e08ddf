// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
const OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;

export interface Month {
  /** `YYYY-MM` in Asia/Shanghai. */
  period: string;
  start: number;
  /** When the next month begins, i.e. when the quota resets. */
  end: number;
}

/** The calendar month (Asia/Shanghai) that holds the instant `at` (ms since the epoch). */
export function monthOf(at: number): Month {
  const local = new Date(at + OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  return {
    period: `${year}-${String(month + 1).padStart(2, '0')}`,
    start: Date.UTC(year, month, 1) - OFFSET_MS,
    end: Date.UTC(year, month + 1, 1) - OFFSET_MS,
  };
}

/** The start of the hour holding `at`; hours align alike in UTC and UTC+8. */
export const hourOf = (at: number) => at - (at % HOUR_MS);

/** The start of the Asia/Shanghai day holding `at`. */
export const dayOf = (at: number) => at - ((at + OFFSET_MS) % (24 * HOUR_MS));

/** The current month, recomputed only when it ends: the hot path asks on every call. */
export class MonthClock {
  private current: Month = monthOf(Date.now());

  now(at = Date.now()): Month {
    if (at >= this.current.end || at < this.current.start) this.current = monthOf(at);
    return this.current;
  }
}
