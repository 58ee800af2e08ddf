import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface Pauses {
  /** Gaps of over 1 ms between two readings of the clock. */
  count: number;
  totalMs: number;
  maxMs: number;
}

// A loop that only reads the clock, allocates nothing after its start and prints its gaps.
const SPIN = `
const end = performance.now() + Number(process.argv[1]);
let last = performance.now(), count = 0, total = 0, max = 0;
for (let now = last; now < end; last = now) {
  now = performance.now();
  const gap = now - last;
  if (gap > 1) { count++; total += gap; if (gap > max) max = gap; }
}
console.log(JSON.stringify({ count, totalMs: total, maxMs: max }));
`;

/**
 * How long this machine takes the CPU away from a process that wants it: one process per core
 * spins on the clock for `seconds`, all at once, while nothing else of the bench runs. A gap is
 * time that process did not run (the hypervisor, the kernel, other services); a p99 measured
 * here cannot be told apart from pauses of that size.
 */
export async function machinePauses(seconds: number): Promise<Pauses[]> {
  return Promise.all(
    Array.from(
      { length: availableParallelism() },
      () =>
        new Promise<Pauses>((resolve, reject) => {
          const child = spawn(process.execPath, ['-e', SPIN, String(seconds * 1000)], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk;
          });
          child.once('error', reject);
          // 'close', not 'exit': only then has all of its output been read.
          child.once('close', (code) =>
            code === 0
              ? resolve(JSON.parse(out) as Pauses)
              : reject(new Error(`spinner exited with ${code}`)),
          );
        }),
    ),
  );
}
