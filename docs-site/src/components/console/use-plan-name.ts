import type { Plan } from '@site/src/console/product-types';
import { useCallback } from 'react';
import { useLocalName } from './use-local-name';

/** A plan's name in the page's language when the catalogue knows it (admins add plans), else its code. */
export function usePlanName(plans: Plan[] | undefined): (code: string) => string {
  const localName = useLocalName();
  return useCallback(
    (code) => {
      const plan = plans?.find((p) => p.code === code);
      return plan ? localName(plan) : code;
    },
    [plans, localName],
  );
}
