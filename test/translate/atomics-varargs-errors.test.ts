// Input the translator refuses with a clear error: i128 atomics without the
// cx16 target feature or 16-byte alignment (LLVM would call libatomic),
// atomicrmw float operations on types other than f32/f64, and va_arg of an
// aggregate.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModule } from '../../src/bitcode/reader.js';
import { translateModule } from '../../src/translate/module.js';
import { CgtsError } from '../../src/support/diag.js';

const haveLlvmAs = spawnSync('llvm-as-22', ['--version']).status === 0;

function translate(ll: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'cgts-errors-'));
  try {
    writeFileSync(join(tmp, 'in.ll'), ll);
    execFileSync('llvm-as-22', [join(tmp, 'in.ll'), '-o', join(tmp, 'in.bc')]);
    translateModule(readModule(readFileSync(join(tmp, 'in.bc')), 'in.bc'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function refuses(ll: string, message: RegExp): void {
  assert.throws(() => translate(ll), (e: unknown) => e instanceof CgtsError && message.test(e.message) && /function f\b/.test(e.where ?? ''));
}

const rmw = (attrs: string, align: number) => `define i128 @f(ptr %p, i128 %x) ${attrs} {
  %o = atomicrmw add ptr %p, i128 %x seq_cst, align ${align}
  ret i128 %o
}
attributes #0 = { "target-cpu"="x86-64" }
attributes #1 = { "target-cpu"="x86-64" "target-features"="+cx16" }
attributes #2 = { "target-cpu"="x86-64-v2" }
attributes #3 = { "target-cpu"="x86-64-v2" "target-features"="+sse4.2,-cx16" }
`;

test('i128 atomics need cx16 and 16-byte alignment', { skip: haveLlvmAs ? false : 'llvm-as-22 is not installed' }, () => {
  refuses(rmw('#0', 16), /atomicrmw add on i128 needs cmpxchg16b/);
  refuses(rmw('#3', 16), /needs cmpxchg16b/);
  refuses(rmw('#1', 8), /aligned to less than 16 bytes/);
  translate(rmw('#1', 16));
  translate(rmw('#2', 16));
  refuses(`define i128 @f(ptr %p) {
  %v = load atomic i128, ptr %p acquire, align 16
  ret i128 %v
}`, /atomic load on i128 needs cmpxchg16b/);
  refuses(`define void @f(ptr %p, i128 %v) {
  store atomic i128 %v, ptr %p release, align 16
  ret void
}`, /atomic store on i128 needs cmpxchg16b/);
  refuses(`define { i128, i1 } @f(ptr %p, i128 %a, i128 %b) {
  %r = cmpxchg ptr %p, i128 %a, i128 %b seq_cst seq_cst, align 16
  ret { i128, i1 } %r
}`, /cmpxchg on i128 needs cmpxchg16b/);
});

test('float atomicrmw only on f32 and f64', { skip: haveLlvmAs ? false : 'llvm-as-22 is not installed' }, () => {
  refuses(`define half @f(ptr %p, half %x) {
  %o = atomicrmw fadd ptr %p, half %x seq_cst, align 2
  ret half %o
}`, /atomicrmw fadd on type half is not supported/);
});

test('va_arg of an aggregate', { skip: haveLlvmAs ? false : 'llvm-as-22 is not installed' }, () => {
  refuses(`define { i64, i64 } @f(ptr %ap) {
  %v = va_arg ptr %ap, { i64, i64 }
  ret { i64, i64 } %v
}`, /va_arg of type \{ i64, i64 \} is not supported/);
});
