// A function's LLVM "target-features" become its own ISA flags on the CLIF
// function (the last +x / -x of a feature wins; features the back end has no
// flag for are ignored), and functions without the attribute get none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModule } from '../../src/bitcode/reader.js';
import { translateModule } from '../../src/translate/module.js';

test('per-function target features become the function\'s ISA flags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-tf-'));
  try {
    const ll = `
define i32 @plain(i32 %a) #0 { ret i32 %a }
define i32 @avx2fma(i32 %a) #1 { ret i32 %a }
define i32 @undone(i32 %a) #2 { ret i32 %a }
define i32 @bare(i32 %a) { ret i32 %a }
attributes #0 = { "target-cpu"="x86-64" }
attributes #1 = { "target-cpu"="x86-64" "target-features"="+avx,+avx2,+sse,+sse2,+sse3,+sse4.1,+sse4.2,+crc32,+ssse3,+fma" }
attributes #2 = { "target-features"="+avx,+popcnt,-avx,+bmi2" }
`;
    writeFileSync(join(dir, 't.ll'), ll);
    execFileSync('llvm-as-22', [join(dir, 't.ll'), '-o', join(dir, 't.bc')]);
    const cm = translateModule(readModule(readFileSync(join(dir, 't.bc')), 't.bc'));
    const flags = new Map(cm.funcs.map((f) => [f.name, [...f.isaFlags]]));
    assert.deepEqual(flags.get('plain'), []);
    assert.deepEqual(flags.get('bare'), []);
    assert.deepEqual(flags.get('avx2fma'), ['has_avx', 'has_avx2', 'has_fma', 'has_sse41', 'has_sse42', 'has_ssse3']);
    assert.deepEqual(flags.get('undone'), ['has_popcnt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
