// The DWARF of one corpus program as LLVM and as cgts write it: the program's
// -g bitcode (one code unit) compiled by `llc-22 -O0` (trapping on
// `unreachable`, as rustc's LLVM does) and by `cgts compile`, each object
// dumped with `llvm-dwarfdump-22 --debug-info` and parsed (dwarf-tree.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgtsCommand, pool, repoRoot, runProcess, rustcVersion } from '../rustc/corpus.js';
import { parseDump, type Die } from './dwarf-tree.js';

const haveTools = ['llvm-dwarfdump-22', 'llc-22'].every((t) => spawnSync(t, ['--version']).status === 0);
/** Why tests comparing with llc-22 cannot run here, or false. */
export const llcSkip = rustcVersion() === null ? 'rustc is not installed' : !haveTools ? 'llvm-dwarfdump-22 or llc-22 is not installed' : false;

/** The compile-unit DIEs of corpus program `program` compiled by llc-22 and by cgts. */
export async function llcAndCgtsUnits(program: string): Promise<{ llvm: Die; cgts: Die }> {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-llc-vs-cgts-'));
  try {
    const bc = join(dir, `${program}.bc`);
    const src = join(repoRoot, 'test', 'rustc', 'corpus', `${program}.rs`);
    const built = await pool.run(() => runProcess('rustc', ['--edition', '2021', '-g', '-C', 'opt-level=0', '-C', 'codegen-units=1', '--emit=llvm-bc', '-o', bc, src], { cwd: dir, timeoutMs: 120_000 }));
    assert.equal(built.status, 0, built.stderr);
    const [node, cli] = cgtsCommand();
    const [a, b] = await Promise.all([
      pool.run(() => runProcess('llc-22', ['-O0', '--trap-unreachable', '-filetype=obj', bc, '-o', join(dir, 'llc.o')], { timeoutMs: 120_000 })),
      pool.run(() => runProcess(node!, [cli!, 'compile', bc, '-o', join(dir, 'cgts.o')], { timeoutMs: 120_000 })),
    ]);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    const dump = async (o: string) => {
      const r = await runProcess('llvm-dwarfdump-22', ['--debug-info', join(dir, o)], { timeoutMs: 120_000 });
      assert.equal(r.status, 0, r.stderr);
      return parseDump(r.stdout);
    };
    return { llvm: await dump('llc.o'), cgts: await dump('cgts.o') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
