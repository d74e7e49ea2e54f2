// Optimized bitcode (rustc -C opt-level=3, as a crate's `[profile.test]
// opt-level = 3` asks): a program built by `cgts rustc` behaves as stock
// rustc's build, and call operands that are metadata read as metadata.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readModule } from '../../src/bitcode/reader.js';
import { printModule } from '../../src/bitcode/printer.js';
import { cgts, have, projectRoot, withDir } from './helpers.js';

const src = join(projectRoot, 'test', 'driver', 'fixtures', 'opt3.rs');
const O3 = ['--edition=2021', '-C', 'opt-level=3'];

for (const g of [[], ['-g']]) {
  test(`cgts rustc -C opt-level=3${g.length ? ' ' + g.join(' ') : ''}: the program behaves as stock rustc's build`, { skip: have('rustc') ? false : 'rustc is not installed' }, async () => {
    await withDir('cgts-opt3-', (dir) => {
      const built = cgts(['rustc', ...O3, ...g, '-o', join(dir, 'cgts'), src], { cwd: dir, env: { CGTS_COMPILE_WITH: '' } });
      assert.equal(built.status, 0, built.stderr);
      const ref = spawnSync('rustc', [...O3, ...g, '-o', join(dir, 'stock'), src], { cwd: dir, encoding: 'utf8' });
      assert.equal(ref.status, 0, ref.stderr);
      const a = spawnSync(join(dir, 'cgts'), [], { encoding: 'utf8' });
      const b = spawnSync(join(dir, 'stock'), [], { encoding: 'utf8' });
      assert.equal(b.status, 0, b.stderr);
      assert.match(b.stdout, /"a" in "ba": Some\(1\)/);
      assert.equal(a.stdout, b.stdout);
      assert.equal(a.stderr, b.stderr);
      assert.equal(a.status, b.status);
    });
  });
}

test('bitcode: a call operand of metadata type (noalias.scope.decl) is read as metadata, not as a value', { skip: have('rustc') && have('llvm-dis-22') ? false : 'rustc or llvm-dis-22 is not installed' }, async () => {
  await withDir('cgts-opt3-bc-', (dir) => {
    const bc = join(dir, 'opt3.bc');
    const r = spawnSync('rustc', [...O3, '-g', '-Clinker-plugin-lto', '--emit=llvm-bc', '-o', bc, src], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const dis = spawnSync('llvm-dis-22', [bc, '-o', '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(dis.status, 0, dis.stderr);
    const calls = (text: string, re: RegExp) => text.split('\n').filter((l) => re.test(l)).length;
    const expected = calls(dis.stdout, /call void @llvm\.experimental\.noalias\.scope\.decl\(metadata !\d+\)/);
    assert.ok(expected > 0, 'rustc -C opt-level=3 left no llvm.experimental.noalias.scope.decl call to read');
    const printed = printModule(readModule(readFileSync(bc), bc));
    assert.equal(calls(printed, /call void @llvm\.experimental\.noalias\.scope\.decl\(metadata !\?\)/), expected);
    assert.equal(calls(printed, /@llvm\.experimental\.noalias\.scope\.decl\(/), expected + 1, 'every call, and the declaration');
  });
});
