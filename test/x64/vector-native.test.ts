// Vector code outside the filetests' reach: faulting vector loads and stores
// report their trap codes (extending loads included), and vector constants
// live once each in the object's `.rodata.cst16` section, relocated
// PC-relatively from every use.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile } from '../../src/ir/parser.js';
import { runNative } from '../../src/filetest/native.js';
import { compileObject } from '../../src/x64/compile.js';
import { readElf, sectionBytes, readSymbols, readRelas } from '../../src/object/elf-read.js';

test('vector loads and stores that fault report their trap codes', async () => {
  const file = parseClifFile(`test run
target x86_64
function %ld(i64) -> i32x4 {
block0(v0: i64):
    v1 = load.i32x4 v0+16
    return v1
}
; run: %ld(0) == [0 0 0 0]
function %ld_user(i64) -> i16x8 {
block0(v0: i64):
    v1 = uload8x8 user9 v0
    return v1
}
; run: %ld_user(0) == [0 0 0 0 0 0 0 0]
function %st(i64, i8x8) -> i64 {
block0(v0: i64, v1: i8x8):
    store v1, v0+8
    return v0
}
; run: %st(0, [1 2 3 4 5 6 7 8]) == 0
`, 'vfaults.clif');
  for (const isaFlags of [[], ['has_sse41']]) {
    const res = await runNative(file, { isaFlags });
    assert.deepEqual(res.map((r) => (r.ok ? 'ok' : r.error)), ['trap heap_oob', 'trap user9', 'trap heap_oob'], `flags ${isaFlags.join(' ')}`);
  }
});

test('each distinct vector constant is stored once in .rodata.cst16', () => {
  const file = parseClifFile(`target x86_64
function %a(i32x4) -> i32x4 system_v {
block0(v0: i32x4):
    v1 = vconst.i32x4 [1 2 3 4]
    v2 = iadd v0, v1
    v3 = vconst.i32x4 [5 6 7 8]
    v4 = iadd v2, v3
    return v4
}
function %b(i32x4) -> i32x4 system_v {
block0(v0: i32x4):
    v1 = vconst.i32x4 [1 2 3 4]
    v2 = isub v0, v1
    return v2
}
`, 'consts.clif');
  const elf = readElf(compileObject(file.functions.map((p) => p.func), {}));
  const sec = elf.sections.find((s) => s.name === '.rodata.cst16');
  assert.ok(sec, 'a .rodata.cst16 section');
  assert.equal(sec.align, 16);
  // [1 2 3 4] and [5 6 7 8], little-endian dwords, each once
  const data = sectionBytes(elf, sec);
  const words = Array.from({ length: data.length / 4 }, (_, k) => data[4 * k] | (data[4 * k + 1] << 8));
  assert.deepEqual(words, [1, 2, 3, 4, 5, 6, 7, 8]);
  const syms = readSymbols(elf);
  const toConst = elf.sections.filter((s) => s.name.startsWith('.rela'))
    .flatMap((s) => readRelas(elf, s))
    .filter((r) => syms[r.sym]?.shndx === sec.index);
  // three uses, PC32 (type 2) against the section, addends at the constants' offsets minus 4
  assert.equal(toConst.length, 3);
  assert.ok(toConst.every((r) => r.type === 2));
  assert.deepEqual(toConst.map((r) => r.addend + 4).sort((x, y) => x - y), [0, 0, 16]);
});
