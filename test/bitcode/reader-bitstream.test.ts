// Bitstream layer: hand-built streams (written by a small writer below) check
// fixed, VBR, char6, array and blob operands, BLOCKINFO abbreviations, skipping
// unknown blocks by length, exact wide VBR values and the errors for truncated
// or inconsistent streams.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BitCursor, Entry } from '../../src/bitcode/bitstream.js';
import { CgtsError } from '../../src/support/diag.js';

/** A minimal bitstream writer, independent of the reader. */
class BitWriter {
  words: number[] = [];
  cur = 0;
  bits = 0;
  width = 2;
  private sizeSlots: number[] = [];
  private widths: number[] = [];
  emit(v: number, w: number): void {
    for (let i = 0; i < w; i++) {
      const bit = Math.floor(v / 2 ** i) % 2;
      this.cur |= bit << this.bits;
      this.bits++;
      if (this.bits === 32) {
        this.words.push(this.cur >>> 0);
        this.cur = 0;
        this.bits = 0;
      }
    }
  }
  vbr(v: bigint | number, w: number): void {
    let x = BigInt(v);
    const hi = 1n << BigInt(w - 1);
    while (x >= hi) {
      this.emit(Number((x & (hi - 1n)) | hi), w);
      x >>= BigInt(w - 1);
    }
    this.emit(Number(x), w);
  }
  align(): void {
    if (this.bits) this.emit(0, 32 - this.bits);
  }
  enter(id: number, width: number): void {
    this.emit(1, this.width);
    this.vbr(id, 8);
    this.vbr(width, 4);
    this.align();
    this.sizeSlots.push(this.words.length);
    this.words.push(0);
    this.widths.push(this.width);
    this.width = width;
  }
  end(): void {
    this.emit(0, this.width);
    this.align();
    const slot = this.sizeSlots.pop()!;
    this.words[slot] = this.words.length - slot - 1;
    this.width = this.widths.pop()!;
  }
  unabbrev(code: number, ops: (number | bigint)[]): void {
    this.emit(3, this.width);
    this.vbr(code, 6);
    this.vbr(ops.length, 6);
    for (const o of ops) this.vbr(o, 6);
  }
  /** DEFINE_ABBREV with ops given as [literal?, enc, value]. */
  defineAbbrev(ops: [boolean, number, number][]): void {
    this.emit(2, this.width);
    this.vbr(ops.length, 5);
    for (const [lit, enc, val] of ops) {
      this.emit(lit ? 1 : 0, 1);
      if (lit) this.vbr(val, 8);
      else {
        this.emit(enc, 3);
        if (enc === 1 || enc === 2) this.vbr(val, 5);
      }
    }
  }
  bytes(): Uint8Array {
    const words = this.words.slice();
    if (this.bits) words.push(this.cur >>> 0);
    return new Uint8Array(Uint32Array.from(words).buffer);
  }
}

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
