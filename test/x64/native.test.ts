// Compiles CLIF snippets with the x86-64 back end, runs them natively through
// runNative and compares with values worked out by hand; also checks that a
// module of 10,000 functions compiles, links with cc and runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseClifFile, parseFunction } from '../../src/ir/parser.js';
import { runNative } from '../../src/filetest/native.js';
import { compileObject } from '../../src/x64/compile.js';
import { checkRuns } from './support.js';

test('integer arithmetic and a counting loop', async () => {
  await checkRuns(`
function %f(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = iadd v0, v1
    v3 = imul v2, v0
    v4 = isub v3, v1
    return v4
}
; run: %f(3, 4) == 17
; run: %f(-2, 5) == -11

function %sum(i32) -> i32 {
block0(v0: i32):
    v1 = iconst.i32 0
    jump block1(v0, v1)
block1(v2: i32, v3: i32):
    brif v2, block2, block3(v3)
block2:
    v4 = iadd v3, v2
    v5 = iconst.i32 1
    v6 = isub v2, v5
    jump block1(v6, v4)
block3(v7: i32):
    return v7
}
; run: %sum(100) == 5050
; run: %sum(0) == 0
`);
});

test('block arguments that swap places (a parallel-move cycle)', async () => {
  await checkRuns(`
function %swap(i32, i64, i64) -> i64 {
block0(v0: i32, v1: i64, v2: i64):
    jump block1(v0, v1, v2)
block1(v3: i32, v4: i64, v5: i64):
    v6 = iconst.i32 0
    v7 = icmp eq v3, v6
    brif v7, block3, block2
block2:
    v8 = iconst.i32 1
    v9 = isub v3, v8
    jump block1(v9, v5, v4)
block3:
    v10 = iconst.i64 10
    v11 = imul v4, v10
    v12 = iadd v11, v5
    return v12
}
; run: %swap(0, 1, 2) == 12
; run: %swap(1, 1, 2) == 21
; run: %swap(3, 1, 2) == 21
; run: %swap(4, 1, 2) == 12
`);
});

test('many values live at once spill and come back', async () => {
  // v(k) = x * (k+1) for k = 0..39, then their sum: x * 820
  const n = 40;
  let body = '';
  for (let k = 0; k < n; k++) body += `    v${k + 10} = iconst.i64 ${k + 1}\n    v${k + 100} = imul v0, v${k + 10}\n`;
  let acc = 'v100';
  for (let k = 1; k < n; k++) {
    body += `    v${k + 200} = iadd ${acc}, v${k + 100}\n`;
    acc = `v${k + 200}`;
  }
  await checkRuns(`
function %pressure(i64) -> i64 {
block0(v0: i64):
${body}    return ${acc}
}
; run: %pressure(1) == 820
; run: %pressure(3) == 2460
`);
});

test('calls with stack arguments and values live across calls', async () => {
  await checkRuns(`
function %ten(i64, i64, i64, i64, i64, i64, i64, i64, i64, i64) -> i64 {
block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64, v7: i64, v8: i64, v9: i64):
    v10 = imul v9, v0
    v11 = isub v10, v8
    v12 = iadd v11, v7
    return v12
}
; run: %ten(2, 0, 0, 0, 0, 0, 0, 5, 7, 11) == 20

function %caller(i64) -> i64 {
    fn0 = %ten(i64, i64, i64, i64, i64, i64, i64, i64, i64, i64) -> i64
block0(v0: i64):
    v1 = iconst.i64 3
    v2 = iadd v0, v1
    v3 = call fn0(v0, v0, v0, v0, v0, v0, v0, v1, v2, v0)
    v4 = iadd v3, v2
    v5 = call fn0(v4, v0, v0, v0, v0, v0, v0, v0, v0, v2)
    v6 = iadd v5, v4
    return v6
}
; run: %caller(4) == 152
`);
});

test('division traps and remainders follow Cranelift', async () => {
  const file = parseClifFile(`test run
target x86_64
function %sdiv(i32, i32) -> i32 {
block0(v0: i32, v1: i32):
    v2 = sdiv v0, v1
    return v2
}
; run: %sdiv(7, -2) == -3
; run: %sdiv(1, 0) == 0
; run: %sdiv(0x80000000, -1) == 0
function %srem(i8, i8) -> i8 {
block0(v0: i8, v1: i8):
    v2 = srem v0, v1
    return v2
}
; run: %srem(-128, -1) == 0
; run: %srem(-7, 2) == -1
`, 't.clif');
  const res = await runNative(file, {});
  assert.deepEqual(res[0], { ok: true, values: [{ type: res[0].ok ? res[0].values[0].type : 0, bits: 0xfffffffdn }] });
  assert.equal(res[1].ok ? 'ok' : res[1].error, 'trap int_divz');
  assert.equal(res[2].ok ? 'ok' : res[2].error, 'trap int_ovf');
  assert.ok(res[3].ok && res[3].values[0].bits === 0n);
  assert.ok(res[4].ok && res[4].values[0].bits === 0xffn);
});

test('stack slots, a 32-byte aligned slot, a frame larger than a page, br_table', async () => {
  await checkRuns(`
function %slots(i64) -> i64, i64 {
    ss0 = explicit_slot 8
    ss1 = explicit_slot 64, align = 32
    ss2 = explicit_slot 20000
block0(v0: i64):
    v1 = stack_addr.i64 ss0
    store v0, v1
    v2 = stack_addr.i64 ss1
    v3 = iconst.i64 31
    v4 = band v2, v3
    v5 = stack_addr.i64 ss2+19992
    store v0, v5
    v6 = load.i64 v5
    v7 = load.i64 v1
    v8 = iadd v6, v7
    return v8, v4
}
; run: %slots(21) == [42, 0]

function %table(i32) -> i32 {
block0(v0: i32):
    br_table v0, block9, [block1, block2, block3]
block1:
    v1 = iconst.i32 10
    return v1
block2:
    v2 = iconst.i32 20
    return v2
block3:
    v3 = iconst.i32 30
    return v3
block9:
    v9 = iconst.i32 -1
    return v9
}
; run: %table(0) == 10
; run: %table(2) == 30
; run: %table(3) == -1
; run: %table(-1) == -1
`);
});

test('floats: arithmetic, compares into branches, min/max signed zeros', async () => {
  await checkRuns(`
function %poly(f64) -> f64 {
block0(v0: f64):
    v1 = f64const 0x1.8p1
    v2 = fmul v0, v1
    v3 = fadd v2, v0
    v4 = fcmp gt v3, v1
    brif v4, block1(v3), block1(v1)
block1(v5: f64):
    return v5
}
; run: %poly(0x1.0p1) == 0x1.0p3
; run: %poly(0x1.0p-1) == 0x1.8p1
; run: %poly(NaN) == 0x1.8p1

function %mins(f32, f32) -> f32, f32 {
block0(v0: f32, v1: f32):
    v2 = fmin v0, v1
    v3 = fmax v0, v1
    return v2, v3
}
; run: %mins(0.0, -0.0) == [-0.0, 0.0]
; run: %mins(0x1.0p0, -0x1.0p1) == [-0x1.0p1, 0x1.0p0]
`);
});

test('a module of 10,000 functions compiles, links with cc and runs', () => {
  const funcs = [];
  for (let k = 0; k < 10000; k++) {
    const f = parseFunction(`function %g${k}(i32) -> i32 {
block0(v0: i32):
    v1 = iconst.i32 ${k}
    v2 = iadd v0, v1
    return v2
}`);
    funcs.push(f);
  }
  const obj = compileObject(funcs, {});
  const dir = mkdtempSync(join(tmpdir(), 'cgts-many-'));
  try {
    writeFileSync(join(dir, 'm.o'), obj);
    writeFileSync(join(dir, 'main.c'), 'int g9999(int); int g0(int); int main(void) { return g9999(1) - 10000 + g0(0); }\n');
    execFileSync('cc', ['-o', join(dir, 'm'), join(dir, 'main.c'), join(dir, 'm.o')]);
    execFileSync(join(dir, 'm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a run line naming another function runs the function it follows', async () => {
  await checkRuns(`
function %twice(i32) -> i32 {
block0(v0: i32):
    v1 = iadd v0, v0
    return v1
}
; run: %twice(7) == 14

function %plus_one(i8) -> i8 {
block0(v0: i8):
    v1 = iconst.i8 1
    v2 = iadd v0, v1
    return v2
}
; run: %twice(7) == 8
`);
});
