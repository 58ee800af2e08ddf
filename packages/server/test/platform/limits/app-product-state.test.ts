import { describe, expect, it } from 'vitest';
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
});
