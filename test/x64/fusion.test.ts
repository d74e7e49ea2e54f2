// Memory-operand fusion on x86-64: single-use loads read by their consumer
// (add/cmp/addsd with a memory operand), address arithmetic folded into
// [base+disp] and [base+idx*scale]; checked in objdump's disassembly and by
// native runs. Also faulting loads/stores reported as their trap code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile } from '../../src/ir/parser.js';
import { runNative } from '../../src/filetest/native.js';
import { interpret } from '../../src/ir/interpreter.js';
import { dv } from '../../src/ir/datavalue.js';
import { I64 } from '../../src/ir/types.js';
import { checkRuns, disasmByFunction } from './support.js';

// v0 is 0 at run time: the base pointer is not a known stack address
const PROGRAMS = `
function %sum_scaled(i64, i64) -> i64 {
    ss0 = explicit_slot 64
block0(v0: i64, v1: i64):
    v2 = stack_addr.i64 ss0
    v3 = iadd v2, v0
    store v1, v3
    v4 = iconst.i64 7
    store v4, v3+8
    v5 = iconst.i64 100
    store v5, v3+16
    v6 = iconst.i64 0
    jump block1(v6, v6)
block1(v7: i64, v8: i64):
    v9 = iconst.i64 3
    v10 = ishl v7, v9
    v11 = iadd v3, v10
    v12 = load.i64 v11
    v13 = iadd v8, v12
    v14 = iconst.i64 1
    v15 = iadd v7, v14
    v16 = iconst.i64 3
    v17 = icmp ult v15, v16
    brif v17, block1(v15, v13), block2
block2:
    return v13
}
; run: %sum_scaled(0, 5) == 112
; run: %sum_scaled(0, -107) == 0

function %disp_cmp(i64, i32, i32) -> i32, i32 {
    ss0 = explicit_slot 32
block0(v0: i64, v1: i32, v2: i32):
    v3 = stack_addr.i64 ss0
    v4 = iadd v3, v0
    v5 = iconst.i64 12
    v6 = iadd v4, v5
    store v2, v6
    v7 = iconst.i64 12
    v8 = iadd v4, v7
    v9 = load.i32 v8
    v10 = isub v1, v9
    v11 = load.i32 v4+12
    v12 = icmp slt v1, v11
    brif v12, block1, block2
block1:
    v13 = iconst.i32 1
    return v10, v13
block2:
    v14 = iconst.i32 0
    return v10, v14
}
; run: %disp_cmp(0, 10, 3) == [7, 0]
; run: %disp_cmp(0, -5, 3) == [-8, 1]
; run: %disp_cmp(0, 3, 3) == [0, 0]

function %first(i64, i64) -> i64 {
    ss0 = explicit_slot 16
block0(v0: i64, v1: i64):
    v2 = stack_addr.i64 ss0
    v3 = iadd v2, v0
    store v1, v3
    v4 = load.i64 v3
    v5 = bxor v4, v1
    v6 = iconst.i64 5
    v7 = load.i64 v3
    v8 = icmp sgt v7, v6
    brif v8, block1, block2
block1:
    v9 = load.i64 v3
    v10 = imul v9, v1
    v11 = iadd v10, v5
    return v11
block2:
    return v5
}
; run: %first(0, 3) == 0
; run: %first(0, 6) == 36
; run: %first(0, -7) == 0

function %fsum(i64, f64, f32) -> f64, f32 {
    ss0 = explicit_slot 32
block0(v0: i64, v1: f64, v2: f32):
    v3 = stack_addr.i64 ss0
    v4 = iadd v3, v0
    store v1, v4+8
    store v2, v4+16
    v5 = load.f64 v4+8
    v6 = fmul v1, v5
    v7 = load.f32 v4+16
    v8 = fsub v2, v7
    v9 = load.f64 v4+8
    v10 = fadd v6, v9
    return v10, v8
}
; run: %fsum(0, 0x1.8p1, 0x1.0p2) == [0x1.8p3, 0.0]
; run: %fsum(0, -0x1.0p-1, -0x1.0p0) == [-0x1.0p-2, 0.0]
`;

test('fused loads and addresses compute the same results natively', async () => {
  await checkRuns(PROGRAMS);
});

test('the fused forms appear in the code', () => {
  const d = disasmByFunction(PROGRAMS);
  const scaled = d.get('sum_scaled')!;
  // load (iadd base, ishl idx, 3) folded into the add: add r, [base+idx*8]
  assert.match(scaled, /\badd\s+\(%r\w+,%r\w+,8\),%r\w+/);
  assert.doesNotMatch(scaled, /\bshl\b/);
  const cmp = d.get('disp_cmp')!;
  // store and load through (iadd base, 12): [base+0xc]; the second load folded into sub and cmp
  assert.match(cmp, /\bmov\s+%\w+,0xc\(%r\w+\)/);
  assert.match(cmp, /\bsub\s+0xc\(%r\w+\),%r?\w+/);
  assert.match(cmp, /\bcmp\s+0xc\(%r\w+\),%r?\w+/);
  const first = d.get('first')!;
  // loads as first operands: xor/imul swapped, compare as cmp [mem], imm
  assert.match(first, /\bxor\s+\(%r\w+\),%r\w+/);
  assert.match(first, /\bimul\s+\(%r\w+\),%r\w+/);
  assert.match(first, /\bcmpq\s+\$0x5,\(%r\w+\)/);
  const fs = d.get('fsum')!;
  assert.match(fs, /\bmulsd\s+0x8\(%r\w+\),%xmm\d+/);
  assert.match(fs, /\bsubss\s+0x10\(%r\w+\),%xmm\d+/);
  // (a load as fadd's first operand is not folded by commuting: the first NaN operand is the result's)
  assert.match(fs, /\baddsd\s+0x8\(%r\w+\),%xmm\d+/);
  assert.doesNotMatch(fs, /\bmovs[sd]\s+0x[18]0?\(%r(?!sp)\w+\),%xmm/);
});

test('a load is not folded across a store', () => {
  const text = `
function %st(i64, i64) -> i64 {
    ss0 = explicit_slot 16
block0(v0: i64, v1: i64):
    v2 = stack_addr.i64 ss0
    v3 = iadd v2, v0
    store v1, v3
    v4 = load.i64 v3
    v5 = iconst.i64 9
    store v5, v3
    v6 = iadd v1, v4
    return v6
}
; run: %st(0, 20) == 40
`;
  const d = disasmByFunction(text).get('st')!;
  assert.doesNotMatch(d, /\badd\s+\(%r\w+\),%r\w+/);
  return checkRuns(text);
});

test('a stack slot indexed by a shifted register is one [rsp + idx*8 + disp] operand', () => {
  const text = `
function %slot_index(i64, i64) -> i64 {
    ss0 = explicit_slot 8
    ss1 = explicit_slot 64
block0(v0: i64, v1: i64):
    v2 = stack_addr.i64 ss1
    v3 = iconst.i64 3
    v4 = ishl v0, v3
    v5 = iadd v2, v4
    store v1, v5
    v6 = ishl v0, v3
    v7 = iadd v6, v2
    v8 = load.i64 v7
    v9 = stack_addr.i64 ss1
    v13 = ishl v0, v3
    v10 = iadd v9, v13
    v11 = load.i64 v10
    v14 = iadd v9, v13
    store v11, v14
    v15 = load.i64 v14
    v16 = iadd v11, v15
    v12 = iadd v8, v16
    return v12
}
; run: %slot_index(2, 21) == 63
; run: %slot_index(6, -5) == -15
; run: %slot_index(7, 1) == 3
`;
  const d = disasmByFunction(text).get('slot_index')!;
  assert.match(d, /mov\s+%r\w+,-?0x\w+\(%rsp,%r\w+,8\)/);
  assert.match(d, /mov\s+-?0x\w+\(%rsp,%r\w+,8\),%r\w+/);
  // the address used twice: one lea off rsp, not lea + add (the slots are in the red zone: negative displacements)
  assert.match(d, /lea\s+-?0x\w+\(%rsp,%r\w+,1\),%r\w+/);
  assert.doesNotMatch(d, /lea\s+-?0x\w+\(%rsp\),/);
  return checkRuns(text);
});

test('faulting loads and stores report their trap code; notrap ones a signal', async () => {
  const file = parseClifFile(`test run
target x86_64
function %ld(i64) -> i64 {
block0(v0: i64):
    v1 = load.i64 v0+8
    return v1
}
; run: %ld(0) == 0

function %ld_fused(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = load.i64 v0
    v3 = iadd v1, v2
    return v3
}
; run: %ld_fused(16, 1) == 0

function %st32(i64, i32) -> i32 {
block0(v0: i64, v1: i32):
    v2 = iconst.i64 3
    v3 = ishl v0, v2
    v4 = iconst.i64 64
    v5 = iadd v4, v3
    v6 = load.i32 v5
    v7 = iadd v6, v1
    store.i32 v7, v5
    return v7
}
; run: %st32(1, 2) == 0

function %st_user(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    store user7 v1, v0+8
    return v1
}
; run: %st_user(0, 5) == 5

function %ld_notrap(i64) -> i64 {
block0(v0: i64):
    v1 = load.i64 notrap v0
    return v1
}
; run: %ld_notrap(0) == 0
`, 'faults.clif');
  const res = await runNative(file, {});
  assert.deepEqual(res.map((r) => (r.ok ? 'ok' : r.error)), ['trap heap_oob', 'trap heap_oob', 'trap heap_oob', 'trap user7', 'signal 11']);
});

/** Random programs full of fusable loads, folded addresses and stores; the interpreter's results are the reference. */
function randomProgram(seed: number, name: string): string {
  let s = seed >>> 0;
  const rnd = (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  const L: string[] = [`function %${name}(i64, i64, i64, i64) -> i64, i32 {`, '    ss0 = explicit_slot 136', 'block0(v0: i64, v1: i64, v2: i64, v3: i64):'];
  L.push('    v4 = stack_addr.i64 ss0', '    v5 = iadd v4, v0');
  let v = 6;
  const vals = ['v1', 'v2', 'v3'];
  // mostly recent values, so that some programs keep everything in registers and others spill
  const spread = 4 + rnd(2) * 40;
  const pick = () => vals[Math.max(0, vals.length - 1 - rnd(Math.min(spread, vals.length)))];
  for (let k = 0; k < 17; k++) L.push(`    store ${pick()}, v5+${8 * k}`);
  let acc32 = '';
  const ops = ['iadd', 'isub', 'band', 'bor', 'bxor', 'imul'];
  for (let n = 0; n < 40; n++) {
    const op = ops[rnd(ops.length)];
    switch (rnd(6)) {
      case 0: case 1: {
        // load [base + (idx & 15) * 8] into an operation, either side
        const idx = `v${v++}`, m = `v${v++}`, k = `v${v++}`, sh = `v${v++}`, a = `v${v++}`, ld = `v${v++}`, r = `v${v++}`;
        L.push(`    ${m} = iconst.i64 15`, `    ${idx} = band ${pick()}, ${m}`, `    ${k} = iconst.i64 3`, `    ${sh} = ishl ${idx}, ${k}`, `    ${a} = iadd v5, ${sh}`, `    ${ld} = load.i64 ${a}`);
        L.push(rnd(2) ? `    ${r} = ${op} ${pick()}, ${ld}` : `    ${r} = ${op} ${ld}, ${pick()}`);
        vals.push(r);
        break;
      }
      case 2: {
        // load [base + const] as i32, with an icmp against it
        const a = `v${v++}`, c = `v${v++}`, ld = `v${v++}`, x = `v${v++}`, cmp = `v${v++}`, r = `v${v++}`;
        L.push(`    ${c} = iconst.i64 ${4 * rnd(33)}`, `    ${a} = iadd v5, ${c}`, `    ${x} = ireduce.i32 ${pick()}`, `    ${ld} = load.i32 ${a}`);
        L.push(rnd(2) ? `    ${cmp} = icmp slt ${ld}, ${x}` : `    ${cmp} = icmp ugt ${x}, ${ld}`);
        L.push(`    ${r} = select ${cmp}, ${pick()}, ${pick()}`);
        vals.push(r);
        break;
      }
      case 3: {
        // store through a folded scaled address
        const idx = `v${v++}`, m = `v${v++}`, k = `v${v++}`, sh = `v${v++}`, a = `v${v++}`;
        L.push(`    ${m} = iconst.i64 15`, `    ${idx} = band ${pick()}, ${m}`, `    ${k} = iconst.i64 ${rnd(4)}`, `    ${sh} = ishl ${idx}, ${k}`, `    ${a} = iadd ${sh}, v5`, `    store ${pick()}, ${a}`);
        break;
      }
      case 4: {
        // i32 arithmetic on a loaded word
        const ld = `v${v++}`, x = `v${v++}`, r = `v${v++}`;
        L.push(`    ${x} = ireduce.i32 ${pick()}`, `    ${ld} = load.i32 v5+${4 * rnd(33)}`, `    ${r} = ${op} ${x}, ${ld}`);
        acc32 = acc32 ? (L.push(`    v${v} = bxor ${acc32}, ${r}`), `v${v++}`) : r;
        break;
      }
      default: {
        const r = `v${v++}`;
        L.push(`    ${r} = ${op} ${pick()}, ${pick()}`);
        vals.push(r);
      }
    }
  }
  if (!acc32) { L.push(`    v${v} = iconst.i32 0`); acc32 = `v${v++}`; }
  let sum = vals[vals.length - 1];
  for (let k = Math.max(3, vals.length - 8); k < vals.length - 1; k++) { L.push(`    v${v} = bxor ${sum}, ${vals[k]}`); sum = `v${v++}`; }
  L.push(`    return ${sum}, ${acc32}`, '}');
  return L.join('\n');
}

test('random programs with fused loads and addresses agree with the interpreter', async () => {
  const inputs = [[0n, 5n, -3n, 0x123456789n], [0n, -1n, 1n << 40n, 77n], [0n, 0x7fffffffn, -0x80000000n, 12n]];
  let text = 'test run\ntarget x86_64\n';
  const N = 40;
  for (let k = 0; k < N; k++) {
    text += randomProgram(k * 7919 + 1, `r${k}`) + '\n';
    for (const a of inputs) text += `; run: %r${k}(${a.join(', ')}) == [0, 0]\n`;
  }
  const file = parseClifFile(text, 'random.clif');
  const funcs = file.functions.map((p) => p.func);
  const res = await runNative(file, {});
  let c = 0;
  for (let k = 0; k < N; k++) {
    for (const a of inputs) {
      const want = interpret(funcs, k, a.map((x) => dv(I64, BigInt.asUintN(64, x))));
      const got = res[c++];
      assert.ok(got.ok, `%r${k}: ${got.ok ? '' : got.error}`);
      assert.deepEqual(got.values.map((x) => x.bits), want.map((x) => x.bits), `%r${k}(${a.join(', ')})\n${randomProgram(k * 7919 + 1, `r${k}`)}`);
    }
  }
});

test('a compare is fused into its select or branch across constants and dropped instructions; a slot address plus a constant is [rsp + disp]', () => {
  const text = `
function %cmp_consts(i64, i64) -> i64 {
    ss0 = explicit_slot 24
block0(v0: i64, v1: i64):
    v2 = icmp ult v0, v1
    v3 = iconst.i64 10
    v4 = iconst.i64 20
    v5 = select v2, v3, v4
    v6 = stack_addr.i64 ss0
    v7 = iconst.i64 16
    v8 = iadd v6, v7
    store v5, v8
    v9 = icmp eq v0, v1
    v10 = iconst.i64 3
    brif v9, block1, block2
block1:
    v11 = load.i64 v8
    v12 = iadd v11, v10
    return v12
block2:
    v13 = iadd v7, v6
    v14 = load.i64 v13
    return v14
}
; run: %cmp_consts(1, 2) == 10
; run: %cmp_consts(2, 1) == 20
; run: %cmp_consts(5, 5) == 23

function %cmp_dead_use(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = icmp sgt v0, v1
    v3 = uextend.i64 v2
    v4 = ireduce.i32 v3
    v5 = iconst.i64 7
    brif v2, block1, block2
block1:
    return v5
block2:
    return v1
}
; run: %cmp_dead_use(2, 1) == 7
; run: %cmp_dead_use(1, 2) == 2
`;
  const dead = disasmByFunction(text).get('cmp_dead_use')!;
  // the compare's other reader is dropped (and so is what reads only that): it is fused into the branch
  assert.doesNotMatch(dead, /\bset\w+\b|\bmovz|\btest\b/);
  assert.match(dead, /\bj(le|g)\b/);
  const d = disasmByFunction(text).get('cmp_consts')!;
  assert.doesNotMatch(d, /\bset\w+\b/);
  assert.doesNotMatch(d, /\btest\b/);
  assert.match(d, /\bcmov\w+\b/);
  assert.match(d, /mov\s+%r\w+,-?0x\w+\(%rsp\)/);
  assert.doesNotMatch(d, /\blea\b/);
  return checkRuns(text);
});

test('narrow call arguments are extended once: not again after a constant or a compare result', async () => {
  // %raw reads the full registers the caller passed as i8 uext / i8 sext
  const text = `
function %raw(i64, i64, i64) -> i64 {
block0(v0: i64, v1: i64, v2: i64):
    v3 = iconst.i64 1000
    v4 = imul v0, v3
    v5 = iadd v4, v1
    v6 = imul v5, v3
    v7 = iadd v6, v2
    return v7
}

function %ext_args(i64, i64) -> i64 {
    sig0 = (i8 uext, i8 sext, i8 sext) -> i64
    fn0 = colocated %raw sig0
block0(v0: i64, v1: i64):
    v2 = icmp ult v0, v1
    v3 = iconst.i8 100
    v4 = iconst.i8 -3
    v5 = call fn0(v2, v3, v4)
    return v5
}
; run: %ext_args(1, 2) == 1099997
; run: %ext_args(2, 1) == 99997
`;
  const d = disasmByFunction(text).get('ext_args')!;
  // one movsx for the negative constant; no movzx after the setcc's own, none for 100
  assert.equal((d.match(/\bmovz/g) ?? []).length, 1);
  assert.equal((d.match(/\bmovsb/g) ?? []).length, 1);
  return checkRuns(text);
});
