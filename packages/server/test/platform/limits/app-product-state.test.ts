import { describe, expect, it } from 'vitest';
import type { SubscriptionState } from '../../../src/platform/auth/subscription-state.js';
import { AppProductStates } from '../../../src/platform/limits/app-product-state.js';

describe('AppProductStates', () => {
  it('happy: one state per app × product, the same on every call', () => {
    const states = new AppProductStates();
    const a = states.of('app-1:catalog', 1000);
    a.burstCount = 4;
    expect(states.of('app-1:catalog', 2000)).toBe(a);
    expect(states.of('app-1:catalog', 2000).burstCount).toBe(4);
    expect(states.of('app-1:prices', 2000)).not.toBe(a);
  });

  it('security: states idle for two minutes are forgotten, so memory follows the active apps', () => {
    const states = new AppProductStates();
    const idle = states.of('idle:catalog', 0);
    const busy = states.of('busy:catalog', 0);
    states.of('busy:catalog', 100_000);
    states.sweep(130_000);
    expect(states.of('busy:catalog', 130_000)).toBe(busy);
    expect(states.of('idle:catalog', 130_000)).not.toBe(idle);
  });

  it('happy: a subscription keeps its state, and subscriptions reloaded for the same pair share it', () => {
    const states = new AppProductStates();
    const subscription = { key: 'app-1:catalog', state: undefined } as unknown as SubscriptionState;
    const state = states.for(subscription, 1000);
    expect(subscription.state).toBe(state);
    expect(states.for(subscription, 2000)).toBe(state);
    expect(state.lastCall).toBe(2000);
    const reloaded = { key: 'app-1:catalog', state: undefined } as unknown as SubscriptionState;
    expect(states.for(reloaded, 3000)).toBe(state);
  });

  it('happy: a state the sweep forgot is not used through a subscription that kept it', () => {
    const states = new AppProductStates();
    const subscription = { key: 'app-2:catalog', state: undefined } as unknown as SubscriptionState;
    const old = states.for(subscription, 0);
    states.sweep(130_000);
    const fresh = states.for(subscription, 130_000);
    expect(fresh).not.toBe(old);
    // Only one state per pair: a lookup by key finds the one the subscription now keeps.
    expect(states.of('app-2:catalog', 130_001)).toBe(fresh);
  });
});
