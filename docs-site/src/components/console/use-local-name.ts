import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { useCallback } from 'react';

/** A product's or plan's name in the page's language. */
export function useLocalName(): (named: { name: string; nameEn: string }) => string {
  const { i18n } = useDocusaurusContext();
  const english = i18n.currentLocale === 'en';
  return useCallback((named) => (english ? named.nameEn : named.name), [english]);
}
