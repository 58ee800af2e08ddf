import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useMemo } from 'react';

/** Dates in the page's locale; absent ones (never expires, never used) as a dash. */
export function useFormatDate(): (iso: string | null) => string {
  const { i18n } = useDocusaurusContext();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.currentLocale, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso) => (iso ? format.format(new Date(iso)) : '—');
  }, [i18n.currentLocale]);
}
