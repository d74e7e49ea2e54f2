// Module reader on rustc output (the corpus of test/bitcode/corpus.ts): lazy
// function decoding in any order, block structure, VST offsets, debug
// locations and records in -g modules, and CgtsErrors for damaged files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readModule } from '../../src/bitcode/reader.js';
import { decodeFunction, isTerminator } from '../../src/bitcode/function.js';
import { GlobalKind, OP_NAMES, Op, type FunctionBody } from '../../src/bitcode/module.js';
import { CgtsError } from '../../src/support/diag.js';
import { buildModule, haveTool } from './corpus.js';

const noRustc = haveTool('rustc') ? null : 'rustc is not installed';

function expectCgtsError(fn: () => unknown, re?: RegExp): CgtsError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof CgtsError, `expected a CgtsError, got ${caught instanceof Error ? caught.stack : String(caught)}`);
  assert.match(caught.describe(), /byte \d+/);
  if (re) assert.match(caught.describe(), re);
  return caught;
}

test('files that are not bitcode are rejected at byte 0', () => {
  expectCgtsError(() => readModule(new Uint8Array(0), 'empty.bc'), /not an LLVM bitcode file/);
  expectCgtsError(() => readModule(new TextEncoder().encode('\x7fELF....'), 'x.o'), /bad magic/);
  const wrapper = new Uint8Array(20);
  new DataView(wrapper.buffer).setUint32(0, 0x0b17c0de, true);
  new DataView(wrapper.buffer).setUint32(8, 20, true);
  new DataView(wrapper.buffer).setUint32(12, 1000, true);
  expectCgtsError(() => readModule(wrapper, 'w.bc'), /wrapper/);
});

function columns(b: FunctionBody): unknown[] {
  const n = b.numInsts;
  return [
    Array.from(b.op.subarray(0, n)), Array.from(b.ty.subarray(0, n)), Array.from(b.flags.subarray(0, n)),
    Array.from(b.opStart.subarray(0, n)), Array.from(b.opCount.subarray(0, n)), Array.from(b.val.subarray(0, n)),
    Array.from(b.ops.view()), Array.from(b.blockStart),
  ];
}

test('function bodies decode lazily and identically in any order', (t) => {
  if (noRustc) return t.skip(noRustc);
  const bytes = readFileSync(buildModule('threads_atomics', 'bc').bitcode);
  const m = readModule(bytes, 'threads_atomics.bc');
  assert.match(m.identification, /^LLVM/);
  assert.equal(m.version, 2);
  assert.ok(m.bodies.length > 50);
  const forward = m.bodies.map((_, i) => columns(decodeFunction(m, i)));
  const m2 = readModule(bytes, 'threads_atomics.bc');
  for (let i = m2.bodies.length - 1; i >= 0; i--) {
    assert.deepEqual(columns(decodeFunction(m2, i)), forward[i], `body ${i} differs when decoded in reverse order`);
  }
  const counts = new Map<number, number>();
  for (let i = 0; i < m.bodies.length; i++) {
    const g = m.globals[m.bodies[i]!.fn]!;
    assert.equal(g.kind, GlobalKind.Function);
    assert.equal(g.body, i);
    assert.equal(g.vstOffset * 32, m.bodies[i]!.blockPos, `VST offset of @${g.name}`);
    const b = decodeFunction(m, i);
    assert.ok(b.numBlocks >= 1);
    for (let k = 0; k < b.numBlocks; k++) {
      const end = k + 1 < b.numBlocks ? b.blockStart[k + 1]! : b.numInsts;
      assert.ok(end > b.blockStart[k]!, `@${g.name}: block ${k} is empty`);
      for (let j = b.blockStart[k]!; j < end; j++) {
        assert.equal(isTerminator(b.op[j]!), j === end - 1, `@${g.name}: terminator placement in block ${k}`);
        counts.set(b.op[j]!, (counts.get(b.op[j]!) ?? 0) + 1);
      }
    }
  }
  // The program uses atomics, fences, unwinding and calls.
  for (const op of [Op.AtomicRMW, Op.CmpXchg, Op.Fence, Op.Load, Op.Store, Op.Call, Op.Invoke, Op.LandingPad, Op.Resume]) {
    assert.ok((counts.get(op) ?? 0) > 0, `no ${OP_NAMES[op]} instruction`);
  }
});

test('-g modules: debug locations and debug records are kept per instruction', (t) => {
  if (noRustc) return t.skip(noRustc);
  const m = readModule(readFileSync(buildModule('floats', 'bc-g').bitcode), 'floats.bc');
  assert.ok(m.metadataBlocks.length > 0, 'module metadata block located');
  assert.ok(m.metadataKinds.includes('dbg'), 'metadata kind dbg');
  let withLoc = 0;
  let insts = 0;
  let records = 0;
  for (let i = 0; i < m.bodies.length; i++) {
    const b = decodeFunction(m, i);
    insts += b.numInsts;
    for (let k = 0; k < b.numInsts; k++) {
      const l = b.loc[k]!;
      if (l < 0) continue;
      withLoc++;
      assert.ok(b.locs.at(l * 5 + 2) > 0, 'every location has a scope');
    }
    for (let r = 0; r < b.dbgRecords.length; r += 4) {
      assert.ok(b.dbgRecords.at(r) < b.numInsts, 'debug record position');
      assert.ok([61, 62, 63, 64, 65, 66].includes(b.dbgRecords.at(r + 1)), `debug record code ${b.dbgRecords.at(r + 1)}`);
      records++;
    }
  }
  assert.ok(withLoc > insts / 2, `${withLoc} of ${insts} instructions have a debug location`);
  assert.ok(records > 0, 'debug records found');
});

test('LTO objects have no local names; values and blocks are numbered', (t) => {
  if (noRustc) return t.skip(noRustc);
  const m = readModule(readFileSync(buildModule('panics', 'lto').bitcode), 'panics.o');
  let named = 0;
  for (let i = 0; i < m.bodies.length; i++) named += decodeFunction(m, i).valueNames.size;
  assert.equal(named, 0);
});

test('truncated and bit-flipped modules give CgtsErrors naming a byte offset', (t) => {
  if (noRustc) return t.skip(noRustc);
  const bytes = readFileSync(buildModule('int128', 'bc').bitcode);
  for (let k = 1; k < 40; k++) {
    const len = Math.floor((bytes.length * k) / 40) & ~3;
    expectCgtsError(() => {
      const m = readModule(bytes.subarray(0, len), 'cut.bc');
      for (let i = 0; i < m.bodies.length; i++) decodeFunction(m, i);
    });
  }
});
