import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;
/**
 * The timeout of a test that starts servers with `spawnServer`: room for the starts it may wait
 * `START_TIMEOUT_MS` on each (tsx compiling the sources, PGlite opening a directory). With the
 * suite's other files beside it on a slow 2-core machine, such tests ran past the suite's 30 s.
 */
export const SPAWNED_SERVER_TEST_TIMEOUT_MS = 4 * START_TIMEOUT_MS;

export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs src/main.ts as its own process, the way `pnpm start` does, and waits until it listens. */
export async function spawnServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', main], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), START_TIMEOUT_MS);
    const check = () => {
      const match = out.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${out}`));
    });
  });
  return {
    child,
    baseUrl,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}
