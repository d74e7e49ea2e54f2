// The driver on every program of the bitcode corpus: built by `cgts rustc`
// (rustc's real link lines: many codegen units on worker threads, the
// allocator shim, the standard library's rlibs, TLS, unwinding, module asm)
// with the llc-22 stand-in for the pipeline, and by stock rustc; the two
// programs must print the same and exit the same. This checks the shim and
// the wrapper, not code generation; with the real pipeline the same harness
// becomes the differential test of cgts against LLVM.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cgts, have, llcCompiler, projectRoot, withDir } from './helpers.js';

const skip = ['rustc', 'cc', 'llc-22'].every((t) => have(t)) ? false : 'rustc, cc or llc-22 is not installed';
const corpus = join(projectRoot, 'test', 'bitcode', 'corpus');
const programs = readdirSync(corpus).filter((f) => f.endsWith('.rs')).sort();
const common = ['--edition', '2021', '--cap-lints', 'allow'];

for (const file of programs) {
  const name = file.replace(/\.rs$/, '');
  // A few programs also with full debug info and a single codegen unit.
  const variants: string[][] = [[], ...(['panics', 'tls_statics', 'ffi'].includes(name) ? [['-g', '-Ccodegen-units=1']] : [])];
  for (const flags of variants) {
    test(`${name}${flags.length ? ' ' + flags.join(' ') : ''}: cgts rustc (llc-22 stand-in) and rustc build programs that behave the same`, { skip }, async () => {
      await withDir('cgts-corpus-link-', (dir) => {
        const src = join(corpus, file);
        const built = cgts(['rustc', ...common, ...flags, '-o', join(dir, 'cgts'), src], { cwd: dir, env: { CGTS_COMPILE_WITH: llcCompiler, TMPDIR: dir, CGTS_PROGRESS: 'none' } });
        assert.equal(built.status, 0, built.stderr);
        assert.equal(built.stderr, '');
        const ref = spawnSync('rustc', [...common, ...flags, '-o', join(dir, 'ref'), src], { cwd: dir, encoding: 'utf8' });
        assert.equal(ref.status, 0, ref.stderr);
        const a = spawnSync(join(dir, 'cgts'), [], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        const b = spawnSync(join(dir, 'ref'), [], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        assert.equal(a.status, b.status);
        assert.equal(a.stdout, b.stdout);
        assert.equal(a.stderr, b.stderr);
        assert.ok(a.stdout.length > 0, 'the program printed something');
        assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cgts-link-') || f.endsWith('.o')), [], 'nothing left behind');
      });
    });
  }
}
