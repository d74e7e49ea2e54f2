// ceil/floor/trunc/nearest and fma on the x86-64 back end: libm calls without
// SSE4.1 (values live across them survive), roundss/roundsd with it; checks the
// emitted instructions with objdump and the results natively.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRuns, objdump } from './support.js';

/** objdump -d -r of the object compiled from `text` with the given ISA flags. */
const disasm = (text: string, flags: string[]): string => objdump(text, ['-d', '-r'], flags);

const ROUNDING = `
function %mix(f64, i64, f32) -> f64, i64, f32 {
block0(v0: f64, v1: i64, v2: f32):
    v3 = floor v0
    v13 = iconst.i64 1
    v4 = iadd v1, v13
    v5 = ceil v2
    v6 = trunc v3
    v7 = nearest v0
    v8 = fadd v6, v7
    v9 = nearest v5
    v10 = trunc v2
    v11 = fadd v9, v10
    v12 = imul v4, v1
    return v8, v12, v11
}
; run: %mix(0x1.4p1, 6, 0x1.8p0) == [0x1.0p2, 42, 0x1.8p1]
; run: %mix(-0x1.4p1, -3, -0x1.8p0) == [-0x1.4p2, 6, -0x1.0p1]
; run: %mix(0x1.8p1, 0, 0x1.0p-1) == [0x1.8p2, 0, 0x1.0p0]

function %rne(f32, f64) -> f32, f64 {
block0(v0: f32, v1: f64):
    v2 = nearest v0
    v3 = nearest v1
    return v2, v3
}
; run: %rne(0x1.4p1, 0x1.cp1) == [0x1.0p1, 0x1.0p2]
; run: %rne(-0x1.0p-1, 0x1.8p0) == [-0.0, 0x1.0p1]
; run: %rne(0x1.fffffep22, -0x1.0000000000001p52) == [0x1.0p23, -0x1.0000000000001p52]
`;

test('rounding through libm calls keeps values live across the calls', async () => {
  await checkRuns(ROUNDING, { isaFlags: [] });
  const d = disasm(ROUNDING, []);
  for (const s of ['floor', 'ceilf', 'trunc', 'rint', 'rintf', 'truncf']) assert.match(d, new RegExp(`R_X86_64_PLT32\\s+${s}-0x4`), s);
  assert.doesNotMatch(d, /rounds[sd]/);
});

test('rounding with SSE4.1 is inline roundss/roundsd', async () => {
  for (const flags of [['has_sse41'], ['skylake']]) {
    await checkRuns(ROUNDING, { isaFlags: flags });
    const d = disasm(ROUNDING, flags);
    assert.match(d, /roundsd\s+\$0xb,/);
    assert.match(d, /roundss\s+\$0xa,/);
    assert.match(d, /roundsd\s+\$0x9,/);
    assert.match(d, /roundsd\s+\$0x8,/);
    assert.doesNotMatch(d, /call/);
  }
});

test('fma is a single rounding (fmaf/fma)', async () => {
  const text = `
function %fma32(f32, f32, f32, i32) -> f32, i32 {
block0(v0: f32, v1: f32, v2: f32, v3: i32):
    v4 = fma v0, v1, v2
    v5 = iadd v3, v3
    return v4, v5
}
; run: %fma32(0x1.001p0, 0x1.001p0, -0x1.0p0, 4) == [0x1.0008p-11, 8]
; run: %fma32(0x1.0p1, 0x1.8p1, 0x1.0p0, 0) == [0x1.cp2, 0]

function %fma64(f64, f64, f64) -> f64, f64 {
block0(v0: f64, v1: f64, v2: f64):
    v3 = fma v0, v1, v2
    v4 = fadd v0, v2
    return v3, v4
}
; run: %fma64(0x1.0000002p0, 0x1.0000002p0, -0x1.0p0) == [0x1.0000001p-26, 0x1.0p-27]
`;
  for (const flags of [[], ['has_sse41']]) await checkRuns(text, { isaFlags: flags });
  assert.match(disasm(text, []), /R_X86_64_PLT32\s+fmaf-0x4/);
});
