// ByteBuffer's little-endian writes against DataView's on edge and random
// values (negative, above 2^31, past 2^32 where only the low bits count),
// across growth of the buffer, with patches over written bytes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteBuffer } from '../../src/support/bytes.js';

test('ByteBuffer writes what DataView writes', () => {
  const edge = [0, 1, -1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, -0x8000, 0xffff, 0x10000, 0x7fffffff, -0x80000000, 0x80000000, 0xffffffff, 2 ** 32, 2 ** 32 + 5, -(2 ** 32) - 3, 2 ** 53 - 1];
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const values = [...edge];
  for (let k = 0; k < 500; k++) values.push(rnd() - (k % 2 ? 0 : 2 ** 31), rnd() * 2 ** 20 + rnd());
  const b = new ByteBuffer(4);
  const ref = new Uint8Array(values.length * 22 + 16);
  const dv = new DataView(ref.buffer);
  let at = 0;
  const patches: [number, number][] = [];
  for (const v of values) {
    b.u8(v & 0xff); dv.setUint8(at, v & 0xff); at += 1;
    b.u16(v); dv.setUint16(at, Number(BigInt.asUintN(16, BigInt(v))), true); at += 2;
    patches.push([at, v ^ 0x5a5a]);
    b.u32(v); dv.setUint32(at, Number(BigInt.asUintN(32, BigInt(v))), true); at += 4;
    b.i32(v); dv.setUint32(at, Number(BigInt.asUintN(32, BigInt(v))), true); at += 4;
    b.u64(BigInt(v) * 3n); dv.setBigUint64(at, BigInt.asUintN(64, BigInt(v) * 3n), true); at += 8;
  }
  for (const [p, v] of patches) {
    b.patchU32(p, v); dv.setUint32(p, Number(BigInt.asUintN(32, BigInt(v))), true);
  }
  b.patchI32(1, -2); dv.setInt32(1, -2, true);
  b.patchU64(3, -7n); dv.setBigUint64(3, BigInt.asUintN(64, -7n), true);
  assert.equal(b.length, at);
  assert.deepEqual(b.view8(), ref.subarray(0, at));
});
