import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/index.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('one process per embedded database directory', () => {
  it('error: a directory open in another live process is refused', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ixm-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, 'ixiamen.pid'), String(other.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`open in process ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it('happy: a pid left by a dead process is taken over, and closing releases the directory', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ixm-lock-'));
    await writeFile(join(dir, 'ixiamen.pid'), '999999');
    const handle = await openDatabase({ dataDir: dir });
    expect(await readFile(join(dir, 'ixiamen.pid'), 'utf8')).toBe(String(process.pid));
    await handle.close();
    await expect(readFile(join(dir, 'ixiamen.pid'))).rejects.toThrow(/ENOENT/);
  });
});
