// Bitstream layer: hand-built streams (written with ./writer.ts) check
// fixed, VBR, char6, array and blob operands, BLOCKINFO abbreviations, skipping
// unknown blocks by length, exact wide VBR values and the errors for truncated
// or inconsistent streams (abbreviations included).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BitCursor, Entry } from '../../src/bitcode/bitstream.js';
import { CgtsError } from '../../src/support/diag.js';
import { BitWriter } from './writer.js';

const LIT = true;
const FIXED = 1, VBR = 2, ARRAY = 3, CHAR6 = 4, BLOB = 5;

function records(c: BitCursor): { code: number; ops: number[]; blob?: string }[] {
  const out: { code: number; ops: number[]; blob?: string }[] = [];
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) return out;
    if (e === Entry.SubBlock) {
      c.skipBlock();
      continue;
    }
    c.readRecord(e);
    const r: { code: number; ops: number[]; blob?: string } = { code: c.code, ops: Array.from(c.ops.subarray(0, c.n)) };
    if (c.blobLen) r.blob = Buffer.from(c.blob()).toString('latin1');
    out.push(r);
  }
}

test('abbreviated records: literal, fixed, VBR, char6 array and blob operands', () => {
  const w = new BitWriter();
  w.enter(8, 4);
  w.defineAbbrev([[LIT, 0, 7], [false, FIXED, 5], [false, VBR, 3], [false, ARRAY, 0], [false, CHAR6, 0]]);
  w.defineAbbrev([[LIT, 0, 9], [false, VBR, 6], [false, BLOB, 0]]);
  // abbrev id 4: code 7, fixed5 = 21, vbr3 = 1000, array of char6 "ab.Z_9"
  w.emit(4, 4);
  w.emit(21, 5);
  w.vbr(1000, 3);
  w.vbr(6, 6);
  for (const ch of 'ab.Z_9') w.emit('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._'.indexOf(ch), 6);
  // abbrev id 5: code 9, vbr 77, blob "hello"
  w.emit(5, 4);
  w.vbr(77, 6);
  w.vbr(5, 6);
  w.align();
  for (const ch of 'hello') w.emit(ch.charCodeAt(0), 8);
  w.align();
  w.unabbrev(3, [1, 2, 3]);
  w.end();
  const c = new BitCursor(w.bytes(), 't.bc');
  assert.equal(c.advance(), Entry.SubBlock);
  assert.equal(c.subBlockId, 8);
  c.enterBlock();
  const rs = records(c);
  assert.deepEqual(rs[0], { code: 7, ops: [21, 1000, ...[...'ab.Z_9'].map((ch) => ch.charCodeAt(0))] });
  assert.deepEqual(rs[1], { code: 9, ops: [77], blob: 'hello' });
  assert.deepEqual(rs[2], { code: 3, ops: [1, 2, 3] });
  assert.equal(rs.length, 3);
});

test('BLOCKINFO abbreviations apply to every later block with that id; unknown blocks are skipped by length', () => {
  const w = new BitWriter();
  w.enter(0, 2);
  w.unabbrev(1, [11]); // SETBID 11
  w.defineAbbrev([[LIT, 0, 4], [false, FIXED, 3]]);
  w.end();
  w.enter(11, 3);
  w.enter(99, 5); // unknown nested block with content
  w.unabbrev(1, [1, 2, 3, 4, 5, 6, 7, 8]);
  w.end();
  w.emit(4, 3); // the BLOCKINFO abbreviation: code 4, fixed3
  w.emit(6, 3);
  w.end();
  const c = new BitCursor(w.bytes(), 't.bc');
  assert.equal(c.advance(), Entry.SubBlock);
  c.readBlockInfo();
  assert.equal(c.advance(), Entry.SubBlock);
  assert.equal(c.subBlockId, 11);
  c.enterBlock();
  assert.deepEqual(records(c), [{ code: 4, ops: [6] }]);
  assert.equal(c.advance(), Entry.EndBlock);
});

test('VBR operands above 2^53 keep their exact value', () => {
  const big = (1n << 63n) + 12345n;
  const w = new BitWriter();
  w.enter(8, 3);
  w.unabbrev(5, [big, 3]);
  w.end();
  const c = new BitCursor(w.bytes(), 't.bc');
  c.advance();
  c.enterBlock();
  c.readRecord(c.advance());
  assert.equal(c.big(0), big);
  assert.equal(c.big(1), 3n);
});

function expectError(fn: () => unknown, re: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof CgtsError, `expected a CgtsError, got ${String(e)}`);
    assert.match(e.describe(), /byte \d+/);
    assert.match(e.describe(), re);
    return true;
  });
}

test('truncated blocks, undefined abbreviations and oversized lengths are CgtsErrors naming the byte', () => {
  const w = new BitWriter();
  w.enter(8, 3);
  w.unabbrev(1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  w.end();
  const full = w.bytes();
  const cut = full.subarray(0, 12);
  expectError(() => {
    const c = new BitCursor(cut, 't.bc');
    c.advance();
    c.enterBlock();
  }, /past the end/);

  const w2 = new BitWriter();
  w2.enter(8, 3);
  w2.emit(6, 3); // abbreviation id 6 was never defined
  w2.end();
  expectError(() => {
    const c = new BitCursor(w2.bytes(), 't.bc');
    c.advance();
    c.enterBlock();
    c.readRecord(c.advance());
  }, /undefined abbreviation id 6.*MODULE/);

  // A record that claims more operands than the block can hold.
  const w3 = new BitWriter();
  w3.enter(8, 3);
  w3.emit(3, 3);
  w3.vbr(1, 6);
  w3.vbr(1_000_000, 6);
  w3.end();
  expectError(() => {
    const c = new BitCursor(w3.bytes(), 't.bc');
    c.advance();
    c.enterBlock();
    c.readRecord(c.advance());
  }, /exceeds the block size/);
});

/** A MODULE block holding one abbreviation definition and, if given, one record using it. */
function abbrevStream(ops: [boolean, number, number][], record?: (w: BitWriter) => void): BitCursor {
  const w = new BitWriter();
  w.enter(8, 3);
  w.defineAbbrev(ops);
  if (record) {
    w.emit(4, 3);
    record(w);
  }
  w.end();
  const c = new BitCursor(w.bytes(), 't.bc');
  c.advance();
  c.enterBlock();
  return c;
}

test('array elements that take no bits (literal, fixed(0), VBR(0)) are rejected when the abbreviation is defined', () => {
  for (const elt of [[LIT, 0, 7], [false, FIXED, 0], [false, VBR, 0]] as [boolean, number, number][]) {
    expectError(() => {
      const c = abbrevStream([[LIT, 0, 99], [false, ARRAY, 0], elt], (w) => w.vbr(1_000_000, 6));
      c.readRecord(c.advance());
    }, /abbreviation.*MODULE/);
  }
  for (const elt of [[false, ARRAY, 0], [false, BLOB, 0]] as [boolean, number, number][]) {
    expectError(() => abbrevStream([[LIT, 0, 99], [false, ARRAY, 0], elt]).advance(), /abbreviation/);
  }
});

test('fixed and VBR fields of 32 bits read exactly; wider ones are rejected', () => {
  const big = 2n ** 35n + 5n;
  const c = abbrevStream([[LIT, 0, 5], [false, VBR, 32], [false, FIXED, 32], [false, ARRAY, 0], [false, VBR, 32]], (w) => {
    w.vbr(big, 32);
    w.emit(0xfedcba98, 32);
    w.vbr(2, 6);
    w.vbr(0x80000001, 32);
    w.vbr(2n ** 40n, 32);
  });
  c.readRecord(c.advance());
  assert.equal(c.code, 5);
  assert.deepEqual([c.big(0), c.big(1), c.big(2), c.big(3)], [big, 0xfedcba98n, 0x80000001n, 2n ** 40n]);
  for (const ops of [[[LIT, 0, 5], [false, VBR, 33]], [[LIT, 0, 5], [false, FIXED, 40]], [[LIT, 0, 5], [false, ARRAY, 0], [false, FIXED, 64]]] as [boolean, number, number][][]) {
    expectError(() => abbrevStream(ops).advance(), /bad abbreviation operand width/);
  }
});
