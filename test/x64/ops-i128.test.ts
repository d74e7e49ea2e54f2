// i128 operations the filetests cannot express: conversion traps (a run line
// cannot expect one) and umul/smul_overflow and avg_round over edge operands,
// run natively and checked against BigInt arithmetic.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSnippet } from './support.js';

const M = (1n << 128n) - 1n;
const u = (x: bigint): bigint => x & M;
const s = (x: bigint): bigint => (u(x) >= 1n << 127n ? u(x) - (1n << 128n) : u(x));
const hex = (x: bigint): string => '0x' + u(x).toString(16);

async function outcomes(text: string): Promise<(string | bigint[])[]> {
  const res = await runSnippet(text, { llvmAbiExtensions: true });
  return res.map((r) => (r.ok ? r.values.map((v) => v.bits) : r.error));
}

test('float to i128 conversions trap on NaN (bad_toint) and outside the range (int_ovf)', async () => {
  const out = await outcomes(`
function %s64(f64) -> i128 {
block0(v0: f64):
    v1 = fcvt_to_sint.i128 v0
    return v1
}
; run: %s64(+NaN) == 0
; run: %s64(0x1.0p127) == 0
; run: %s64(-0x1.0000000000001p127) == 0
; run: %s64(-Inf) == 0
; run: %s64(-0x1.0p127) == 0
function %u64(f64) -> i128 {
block0(v0: f64):
    v1 = fcvt_to_uint.i128 v0
    return v1
}
; run: %u64(-NaN) == 0
; run: %u64(-0x1.0p0) == 0
; run: %u64(0x1.0p128) == 0
; run: %u64(-0x1.fffffffffffffp-1) == 0
function %u32(f32) -> i128 {
block0(v0: f32):
    v1 = fcvt_to_uint.i128 v0
    return v1
}
; run: %u32(+Inf) == 0
; run: %u32(0x1.fffffep127) == 0
function %s32(f32) -> i128 {
block0(v0: f32):
    v1 = fcvt_to_sint.i128 v0
    return v1
}
; run: %s32(0x1.0p127) == 0
; run: %s32(-0x1.0p127) == 0
`);
  assert.deepEqual(out, [
    'trap bad_toint', 'trap int_ovf', 'trap int_ovf', 'trap int_ovf', [1n << 127n],
    'trap bad_toint', 'trap int_ovf', 'trap int_ovf', [0n],
    'trap int_ovf', [M - ((1n << 104n) - 1n)],
    'trap int_ovf', [1n << 127n],
  ]);
});

const EDGES = [0n, 1n, 2n, M, 1n << 127n, (1n << 127n) - 1n, (1n << 64n) - 1n, 1n << 64n, 1n << 63n, 0xfedcba9876543210_0123456789abcdefn, 3n << 100n];

test('umul_overflow, smul_overflow and avg_round on i128', async () => {
  const pairs: [bigint, bigint][] = [];
  for (const a of EDGES) for (const b of EDGES) pairs.push([a, b]);
  const runs = (name: string, results = '0') => pairs.map(([a, b]) => `; run: %${name}(${hex(a)}, ${hex(b)}) == ${results}`).join('\n');
  const out = await outcomes(`
function %um(i128, i128) -> i128, i8 {
block0(v0: i128, v1: i128):
    v2, v3 = umul_overflow v0, v1
    return v2, v3
}
${runs('um', '[0, 0]')}
function %sm(i128, i128) -> i128, i8 {
block0(v0: i128, v1: i128):
    v2, v3 = smul_overflow v0, v1
    return v2, v3
}
${runs('sm', '[0, 0]')}
function %avg(i128, i128) -> i128 {
block0(v0: i128, v1: i128):
    v2 = avg_round v0, v1
    return v2
}
${runs('avg')}
`);
  const want: bigint[][] = [];
  for (const [a, b] of pairs) want.push([u(a * b), a * b > M ? 1n : 0n]);
  for (const [a, b] of pairs) {
    const p = s(a) * s(b);
    want.push([u(p), p !== s(p) ? 1n : 0n]);
  }
  for (const [a, b] of pairs) want.push([(a + b + 1n) >> 1n]);
  assert.deepEqual(out, want);
});
