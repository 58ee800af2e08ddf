import type { StatusClass } from '@ixiamen/db';

/**
 * Which answers count against the quota and as calls in usage: 2xx, 3xx, and 4xx caused by the
 * caller. 429 (a limit said no) and 5xx (the platform failed) do not.
 */
export const isCounted = (status: number) => status < 500 && status !== 429;

export function statusClassOf(status: number): StatusClass {
  if (status === 429) return '429';
  if (status >= 500) return '5xx';
  if (status >= 400) return '4xx';
  if (status >= 300) return '3xx';
  return '2xx';
}
