// File reads and writes for the subcommands: failures become CgtsErrors that
// name the file and the system's reason, never an internal error.

import { readFileSync, writeFileSync } from 'node:fs';
import { fail } from '../support/diag.js';

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a component of the path is not a directory';
    case 'ENOSPC': return 'no space left on the device';
  }
  return err.code ?? (err instanceof Error ? err.message : String(e));
}

/** Reads a file (`-` is standard input). */
export function readInput(path: string): Buffer {
  try {
    return path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (e) {
    fail(`cannot read '${path}': ${reason(e)}`);
  }
}

/** Writes a file in one write. */
export function writeOutput(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    fail(`cannot write '${path}': ${reason(e)}`);
  }
}
