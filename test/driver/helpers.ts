// Shared by the driver tests: the project root, running bin/ scripts, tool
// checks, and scratch directories that are always removed.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this file with bin/cgts.js (from test/ or dist/test/). */
export const projectRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'cgts.js'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bin/cgts.js not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

/** The compiled llc-22 stand-in for cgts's pipeline (dist/test/driver/llc-compile.js). */
export const llcCompiler = join(projectRoot, 'dist', 'test', 'driver', 'llc-compile.js');

export function have(tool: string, arg = '--version'): boolean {
  return spawnSync(tool, [arg]).status === 0;
}

export function cgts(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(projectRoot, 'bin', 'cgts.js'), ...args], { encoding: 'utf8', cwd: opts.cwd, env: { ...process.env, ...opts.env } });
}

/** Runs `f` with a fresh directory that is removed afterwards. */
export async function withDir<T>(prefix: string, f: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
