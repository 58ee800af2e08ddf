import { createRequire } from 'node:module';
import type { Plugin } from '@docusaurus/types';

const require = createRequire(import.meta.url);

/**
 * The OpenAPI theme imports Node's `path` in browser code. Bundlers do not polyfill Node
 * built-ins, so point `path` at path-browserify for the client bundle (Rspack and webpack alike).
 */
export default function pathFallback(): Plugin {
  return {
    name: 'ixiamen-path-fallback',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        resolve: {
          fallback: {
            path: require.resolve('path-browserify'),
          },
        },
      };
    },
  };
}
