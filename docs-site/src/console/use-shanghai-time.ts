import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useMemo } from 'react';
import type { Granularity } from './usage-types';

export interface ShanghaiTime {
  /** A moment, e.g. when a quota resets; a dash when absent. */
  dateTime: (iso: string | null) => string;
  /** A point of a usage series: its day, or its hour. */
  point: (iso: string, granularity: Granularity) => string;
}

/**
 * Times in Asia/Shanghai, whatever the browser's zone: the platform's days and months (usage
 * series, quota periods) are Asia/Shanghai ones, so their edges read as midnight there.
 */
export function useShanghaiTime(): ShanghaiTime {
  const { i18n } = useDocusaurusContext();
  return useMemo(() => {
    const locale = i18n.currentLocale;
    const timeZone = 'Asia/Shanghai';
    const full = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    const day = new Intl.DateTimeFormat(locale, { timeZone, month: 'numeric', day: 'numeric' });
    const hour = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return {
      dateTime: (iso) => (iso ? full.format(new Date(iso)) : '—'),
      point: (iso, granularity) => (granularity === 'day' ? day : hour).format(new Date(iso)),
    };
  }, [i18n.currentLocale]);
}
