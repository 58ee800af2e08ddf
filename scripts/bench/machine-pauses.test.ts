import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { machinePauses } from './machine-pauses.ts';

/**
 * This process's children that are spinners, from Linux's /proc: a test worker may have other
 * children (servers and browsers of earlier files), which must not be stopped.
 */
async function spinners(): Promise<number[]> {
  const list = await readFile(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8');
  const found: number[] = [];
  for (const pid of list.split(' ').filter(Boolean).map(Number)) {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (command.includes('performance.now()')) found.push(pid);
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    return process.kill(pid, name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

describe('machinePauses', () => {
  it('happy: one reading per core, each gap counted over 1 ms and the longest among them', async () => {
    const pauses = await machinePauses(0.5);
    expect(pauses).toHaveLength(availableParallelism());
    for (const { count, totalMs, maxMs } of pauses) {
      expect(Number.isInteger(count) && count >= 0).toBe(true);
      if (count === 0) expect([totalMs, maxMs]).toEqual([0, 0]);
      else {
        expect(maxMs).toBeGreaterThan(1);
        expect(totalMs).toBeGreaterThanOrEqual(maxMs);
        expect(totalMs).toBeGreaterThan(count);
      }
    }
  });

  // A stopped process is one the machine took the CPU from, for at least as long as it was stopped.
  it.skipIf(process.platform !== 'linux')(
    'happy: a spinner stopped from outside reports a gap at least as long as the stop',
    async () => {
      let done = false;
      const reading = machinePauses(2).finally(() => {
        done = true;
      });
      let spinner: number | undefined;
      while (!spinner && !done) {
        spinner = (await spinners())[0];
        await sleep(10);
      }
      expect(spinner).toBeDefined();
      // Stopped again and again until it ends: its start-up is not measured, so one stop must
      // land while it reads the clock, however slowly it started.
      let stops = 0;
      while (!done) {
        // It may have ended and been reaped just before its promise settles.
        if (!signal(spinner!, 'SIGSTOP')) break;
        await sleep(300);
        signal(spinner!, 'SIGCONT');
        stops++;
        await sleep(200);
      }
      const pauses = await reading;
      expect(stops).toBeGreaterThan(1);
      expect(Math.max(...pauses.map((p) => p.maxMs))).toBeGreaterThanOrEqual(300);
    },
  );
});
