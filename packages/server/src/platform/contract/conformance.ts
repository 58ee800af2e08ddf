import type { ContractOperation } from './operations.js';
import type { RegisteredRoute } from './route-table.js';

export interface ConformanceReport {
  /** Operations in the spec that the server does not serve. */
  missingRoutes: string[];
  /** Routes the server serves that the spec does not describe. */
  undocumentedRoutes: string[];
}

const key = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

/** Compares the routes a server registered with the operations of a contract, both ways. */
export function compareRoutes(
  operations: ReadonlyMap<string, ContractOperation>,
  routes: readonly RegisteredRoute[],
): ConformanceReport {
  const served = new Set(routes.map((r) => key(r.method, r.url)));
  const specified = new Set([...operations.values()].map((op) => key(op.method, op.url)));
  return {
    missingRoutes: [...operations.values()]
      .filter((op) => !served.has(key(op.method, op.url)))
      .map((op) => `${op.operationId} (${key(op.method, op.path)})`),
    undocumentedRoutes: [...served].filter((k) => !specified.has(k)),
  };
}
