import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK = 'ixiamen.pid';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: a second process opening the same directory (say the admin
 * CLI beside a running platform) would corrupt it. The directory holds the owner's pid; a pid
 * left by a process that died is taken over.
 */
export async function lockDirectory(dir: string): Promise<void> {
  const file = join(dir, LOCK);
  try {
    await writeFile(file, String(process.pid), { flag: 'wx' });
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  if (owner && owner !== process.pid && alive(owner)) {
    throw new Error(
      `The embedded database in ${dir} is open in process ${owner}; stop that process first (PGlite serves one process at a time).`,
    );
  }
  await writeFile(file, String(process.pid));
}

export async function unlockDirectory(dir: string): Promise<void> {
  const file = join(dir, LOCK);
  const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  if (owner === process.pid) await unlink(file).catch(() => {});
}
