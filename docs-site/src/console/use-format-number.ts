import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useMemo } from 'react';

/** Counts with the locale's grouping (12,345) and rates as percentages with up to two decimals. */
export function useFormatNumber(): { count: (n: number) => string; percent: (ratio: number) => string } {
  const { i18n } = useDocusaurusContext();
  return useMemo(() => {
    const count = new Intl.NumberFormat(i18n.currentLocale);
    const percent = new Intl.NumberFormat(i18n.currentLocale, { style: 'percent', maximumFractionDigits: 2 });
    return { count: (n) => count.format(n), percent: (ratio) => percent.format(ratio) };
  }, [i18n.currentLocale]);
}
