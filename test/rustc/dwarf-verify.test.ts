// The DWARF cgts writes for every program of the differential corpus built
// with -g (DWARF 4, and DWARF 5 for a sample) passes `llvm-dwarfdump-22
// --verify`. Objects are checked rather than the linked programs: the
// standard library's own DWARF does not verify cleanly, with LLVM's builds too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEnv, cgtsCommand, corpusPrograms, pool, runProcess, rustcFlags, rustcVersion, VARIANTS } from './corpus.js';

const haveDwarfdump = spawnSync('llvm-dwarfdump-22', ['--version']).status === 0;
const skip = rustcVersion() === null ? 'rustc is not installed' : !haveDwarfdump ? 'llvm-dwarfdump-22 is not installed' : false;
const withG = VARIANTS.find((v) => v.flags.includes('-g'))!;

test('llvm-dwarfdump --verify finds no error in the DWARF of any corpus program', { skip }, async () => {
  const programs = corpusPrograms().filter((p) => !p.unsupported && !p.id.startsWith('bitcode/') && (!p.nightly || rustcVersion(true) !== null));
  assert.ok(programs.length >= 60, `the corpus has its programs (${programs.length})`);
  const dir = mkdtempSync(join(tmpdir(), 'cgts-dwarf-verify-'));
  try {
    const failures: string[] = [];
    await Promise.all(programs.map((p, k) => pool.run(async () => {
      const src = join(dir, `${p.name}.rs`);
      writeFileSync(src, p.source);
      const obj = join(dir, `${p.name}.o`);
      // every fifth program also as DWARF 5
      const flags = [...rustcFlags(p, withG, null), '-C', 'codegen-units=1', ...(k % 5 === 0 ? ['-C', 'dwarf-version=5'] : [])];
      const [node, cli] = cgtsCommand();
      const built = await runProcess(node, [cli, 'rustc', ...flags, '--emit=obj', '-o', obj, src], { cwd: dir, env: buildEnv(p), timeoutMs: 120_000 });
      if (built.status !== 0) {
        failures.push(`${p.name}: cgts rustc --emit=obj failed:\n${(built.stdout + built.stderr).slice(-2000)}`);
        return;
      }
      const v = await runProcess('llvm-dwarfdump-22', ['--verify', obj], { timeoutMs: 120_000 });
      if (!/No errors\./.test(v.stdout)) {
        const errors = (v.stdout + v.stderr).split('\n').filter((l) => l.startsWith('error:')).slice(0, 5);
        failures.push(`${p.name}${k % 5 === 0 ? ' (DWARF 5)' : ''}: ${errors.join('\n  ')}`);
      }
    })));
    assert.deepEqual(failures, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
