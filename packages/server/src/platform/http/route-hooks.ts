import type { onRequestHookHandler, RouteOptions } from 'fastify';

/** Adds an onRequest hook to one route as it is added, first or last among the route's own. */
export function addRouteOnRequest(route: RouteOptions, hook: onRequestHookHandler, first = false) {
  const existing = route.onRequest;
  const hooks = existing ? (Array.isArray(existing) ? existing : [existing]) : [];
  route.onRequest = first ? [hook, ...hooks] : [...hooks, hook];
}
