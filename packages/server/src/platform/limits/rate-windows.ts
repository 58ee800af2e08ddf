/** The limits one app × product is held to. */
export interface RateLimits {
  ratePerSecond: number;
  ratePerMinute: number;
}

/** One fixed window of a rate limit: its name, length and the calls it allows. */
export interface WindowSpec {
  name: 'burst' | 'sustained';
  ms: number;
  max: number;
}

/** A window after a call was counted; `exceeded` on any window means the call is refused. */
export interface WindowState {
  name: WindowSpec['name'];
  remaining: number;
  resetSeconds: number;
  exceeded: boolean;
}

/** Both windows of a call: the burst, then sustained. */
export type Windows = [WindowState, WindowState];

/** The burst (per second) and sustained (per minute) windows, each at `share` of its limit. */
export function windowsOf(limits: RateLimits, share: number): [WindowSpec, WindowSpec] {
  return [
    { name: 'burst', ms: 1000, max: Math.max(1, Math.floor(limits.ratePerSecond * share)) },
    { name: 'sustained', ms: 60_000, max: Math.max(1, Math.floor(limits.ratePerMinute * share)) },
  ];
}
