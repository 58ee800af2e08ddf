import type { SubscriptionState } from '../auth/subscription-state.js';
import type { Operations, Slot } from './meter.js';
import type { Lease } from './quota-ledger.js';

/**
 * What the hot path keeps per app × product, found by one lookup per call instead of one per
 * concern: with 10,000 active apps each lookup in a table of its own missed the CPU's caches.
 * The rate windows live here; the quota lease and the metering counters stay with the ledger and
 * the meter, which own them, and are only pointed to from here.
 */
export interface AppProductState {
  /** The memory store's fixed windows: when each began and the calls counted in it. */
  burstStart: number;
  burstCount: number;
  sustainedStart: number;
  sustainedCount: number;
  /** `RateLimit-Policy` for `policyOf` (its limits) until the month ends at `policyEnd`. */
  policy: string;
  policyOf: SubscriptionState | undefined;
  policyEnd: number;
  /** The quota ledger's lease for the month being spent. */
  lease: Lease | undefined;
  /** The meter's counters of this app × product, valid while its batch is `batch`. */
  operations: Operations | undefined;
  /** Of those, the operation counted last: an app calling one operation skips a table lookup. */
  slot: Slot | undefined;
  batch: number;
  lastCall: number;
  /** Set when the sweep forgets it: a subscription still pointing here must look it up again. */
  swept: boolean;
}

// Longer than the longest window, so a state forgotten has no window running.
const IDLE_MS = 120_000;

/** Every app × product's state, by `appId:product`; those idle for two minutes are forgotten. */
export class AppProductStates {
  private readonly states = new Map<string, AppProductState>();

  of(key: string, now: number): AppProductState {
    let state = this.states.get(key);
    if (!state) {
      state = {
        burstStart: 0,
        burstCount: 0,
        sustainedStart: 0,
        sustainedCount: 0,
        policy: '',
        policyOf: undefined,
        policyEnd: 0,
        lease: undefined,
        operations: undefined,
        slot: undefined,
        batch: -1,
        lastCall: now,
        swept: false,
      };
      this.states.set(key, state);
    }
    state.lastCall = now;
    return state;
  }

  /**
   * `of` for a subscription, which keeps the state it was given: with 10,000 apps the lookup in
   * this table is a cache miss on every call, the pointer is not. Only one state per key exists
   * at a time, so subscriptions reloaded for the same app × product share it.
   */
  for(subscription: SubscriptionState, now: number): AppProductState {
    const kept = subscription.state;
    if (kept && !kept.swept) {
      kept.lastCall = now;
      return kept;
    }
    subscription.state = this.of(subscription.key, now);
    return subscription.state;
  }

  sweep(now: number): void {
    for (const [key, state] of this.states) {
      if (now - state.lastCall <= IDLE_MS) continue;
      state.swept = true;
      this.states.delete(key);
    }
  }
}
