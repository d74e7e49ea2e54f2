// Vector instructions the back end has no lowering for are a CgtsError naming
// the function and the instruction, never code: each one below would
// otherwise reach a scalar selector.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile } from '../../src/ir/parser.js';
import { verifyFunction } from '../../src/ir/verifier.js';
import { compileObject } from '../../src/x64/compile.js';
import { CgtsError } from '../../src/support/diag.js';

const cases: [string, string, string][] = [
  ['udiv', 'i32x4', 'v2 = udiv v0, v1'],
  ['srem', 'i8x16', 'v2 = srem v0, v1'],
  ['umulhi', 'i16x8', 'v2 = umulhi v0, v1'],
  ['clz', 'i32x4', 'v2 = clz v0'],
  ['ctz', 'i64x2', 'v2 = ctz v0'],
  ['cls', 'i16x8', 'v2 = cls v0'],
  ['fma', 'f32x4', 'v2 = fma v0, v1, v0'],
];

for (const [op, ty, inst] of cases) {
  test(`${op}.${ty} is a located "cannot compile" error`, () => {
    const text = `function %vec_${op}(${ty}, ${ty}) -> ${ty} system_v {
block0(v0: ${ty}, v1: ${ty}):
    ${inst}
    return v2
}
`;
    const file = parseClifFile(text, `${op}.clif`);
    const f = file.functions[0]!;
    assert.deepEqual(verifyFunction(f.func, f).map((x) => x.message), []);
    let err: unknown;
    try {
      compileObject([f.func], {});
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof CgtsError, `expected a CgtsError, got ${String(err)}`);
    assert.equal(err.where, `function %vec_${op}`);
    assert.match(err.message, new RegExp(`^cannot compile ${op}\\.${ty} for x86-64 \\(instruction ${op} in block0\\)$`));
  });
}

test('vectors wider than 128 bits are refused by name', () => {
  const text = `function %wide(i32x8) -> i32x8 system_v {
block0(v0: i32x8):
    return v0
}
`;
  const f = parseClifFile(text, 'wide.clif').functions[0]!;
  assert.throws(() => compileObject([f.func], {}), (e: unknown) => e instanceof CgtsError && /i32x8/.test(e.message) && e.where === 'function %wide');
});

test('f16 vectors move and take bit operations, and refuse arithmetic by name', () => {
  const ok = parseClifFile(`function %f16_bits(f16x8, f16x8) -> f16x8 system_v {
block0(v0: f16x8, v1: f16x8):
    v2 = bxor v0, v1
    return v2
}
`, 'f16.clif').functions[0]!;
  compileObject([ok.func], {});
  const bad = parseClifFile(`function %f16_add(f16x8, f16x8) -> f16x8 system_v {
block0(v0: f16x8, v1: f16x8):
    v2 = fadd v0, v1
    return v2
}
`, 'f16.clif').functions[0]!;
  assert.throws(() => compileObject([bad.func], {}), (e: unknown) => e instanceof CgtsError && /^cannot compile fadd\.f16x8 for x86-64/.test(e.message));
});
