// A stand-in for cgts's pipeline in driver tests: compiles a bitcode module
// with llc-22 (PIC, -O0) so that the driver can be tested end to end before
// translation exists. Loaded by the shim through CGTS_COMPILE_WITH.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { CgtsError } from '../../src/support/diag.js';

export function compileBitcode(bytes: Uint8Array, fileName: string, opts: { emitClif?: boolean } = {}): { object: Uint8Array; clif?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-llc-'));
  try {
    writeFileSync(join(dir, 'in.bc'), bytes);
    const r = spawnSync('llc-22', ['-O0', '-filetype=obj', '-relocation-model=pic', join(dir, 'in.bc'), '-o', join(dir, 'out.o')], { encoding: 'utf8' });
    if (r.status !== 0) throw new CgtsError(`llc-22 failed: ${r.stderr.trim()}`, fileName);
    const object = new Uint8Array(readFileSync(join(dir, 'out.o')));
    return { object, clif: opts.emitClif ? `; ${bytes.length} bytes of bitcode compiled by llc-22 on thread ${threadId}\n` : undefined };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
