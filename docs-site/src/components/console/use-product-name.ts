import type { Product } from '@site/src/console/product-types';
import type { ProductCode } from '@site/src/console/types';
import { useCallback } from 'react';
import { productLabel } from './app-labels';
import { useLocalName } from './use-local-name';

/**
 * A product's name in the page's language: the catalogue's when it is known (admins add products),
 * else the built-in label of the original products, else the code itself.
 */
export function useProductName(products: Product[] | undefined): (code: string) => string {
  const localName = useLocalName();
  return useCallback(
    (code) => {
      const product = products?.find((p) => p.code === code);
      if (product) return localName(product);
      return productLabel(code as ProductCode);
    },
    [products, localName],
  );
}
