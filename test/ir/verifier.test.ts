// Verifier tests: functions built with the Function API, each negative case
// breaking exactly one rule and expecting exactly one error naming it; positive
// cases (loops, br_table, calls, unreachable blocks) expecting none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Function, Signature } from '../../src/ir/function.js';
import { Op } from '../../src/ir/opcodes.js';
import { I8, I16, I32, I64, I128, F32, F64, Type, vectorOf } from '../../src/ir/types.js';
import { IntCC, FloatCC, CallConv, TrapCode } from '../../src/ir/immediates.js';
import { verifyFunction, verifyOrThrow, VerifierError } from '../../src/ir/verifier.js';
import { CgtsError } from '../../src/support/diag.js';

function sig(params: Type[], returns: Type[]): Signature {
  return { params: params.map((type) => ({ type, flags: 0 })), returns: returns.map((type) => ({ type, flags: 0 })), callConv: CallConv.SystemV };
}

/** A function with the given signature and an entry block whose params match it. */
function fn(params: Type[], returns: Type[]): { f: Function; b0: number; p: number[] } {
  const f = new Function();
  f.name = 't';
  f.signature = sig(params, returns);
  const b0 = f.createBlock();
  f.appendBlock(b0);
  const p = params.map((t) => f.appendBlockParam(b0, t));
  return { f, b0, p };
}

function iconst(f: Function, b: number, t: Type, v: number): number {
  return f.result(f.appendInst(b, Op.iconst, t, [], v, 0));
}
function ret(f: Function, b: number, vals: number[]): number {
  return f.appendInst(b, Op.return, 0, vals);
}
function jump(f: Function, b: number, to: number, args: number[] = []): number {
  const i = f.appendInst(b, Op.jump, 0, []);
  f.addBlockCall(i, to, args);
  return i;
}

/** Asserts exactly one error, on instruction `inst`, whose message matches every pattern. */
function oneError(f: Function, inst: number, ...patterns: RegExp[]): VerifierError {
  const errs = verifyFunction(f);
  assert.equal(errs.length, 1, `expected one error, got: ${JSON.stringify(errs.map((e) => e.message))}`);
  assert.equal(errs[0].inst, inst, `error on inst ${errs[0].inst}: ${errs[0].message}`);
  for (const p of patterns) assert.match(errs[0].message, p);
  return errs[0];
}

function clean(f: Function): void {
  assert.deepEqual(verifyFunction(f).map((e) => e.message), []);
}

// ---- positive ----

test('a counting loop with block params, brif and a return verifies', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const loop = f.createBlock(), exit = f.createBlock();
  f.appendBlock(loop);
  f.appendBlock(exit);
  const zero = iconst(f, b0, I32, 0);
  jump(f, b0, loop, [p[0], zero]);
  const n = f.appendBlockParam(loop, I32), acc = f.appendBlockParam(loop, I32);
  const acc2 = f.result(f.appendInst(loop, Op.iadd, I32, [acc, n]));
  const one = iconst(f, loop, I32, 1);
  const n2 = f.result(f.appendInst(loop, Op.isub, I32, [n, one]));
  const c = f.result(f.appendInst(loop, Op.icmp, I32, [n2, zero], IntCC.Ne));
  const br = f.appendInst(loop, Op.brif, 0, [c]);
  f.addBlockCall(br, loop, [n2, acc2]);
  f.addBlockCall(br, exit, [acc2]);
  const r = f.appendBlockParam(exit, I32);
  ret(f, exit, [r]);
  clean(f);
});

test('br_table, calls, memory, conversions and an unreachable block verify', () => {
  const { f, b0, p } = fn([I32, I64, F64], [I64, F32]);
  f.sigs.push(sig([I64, I128], [I64]));
  f.funcRefs.push({ name: 'callee', sig: 0, colocated: false, patchable: false });
  f.stackSlots.push({ size: 16, align: 8, key: -1 });
  const a = f.createBlock(), b = f.createBlock(), dead = f.createBlock();
  f.appendBlock(a);
  f.appendBlock(b);
  f.appendBlock(dead);
  const wide = f.result(f.appendInst(b0, Op.uextend, I128, [p[1]]));
  const call = f.appendInst(b0, Op.call, 0, [p[1], wide], 0);
  const cr = f.result(call);
  const addr = f.result(f.appendInst(b0, Op.stack_addr, I64, [], 0, 8));
  f.appendInst(b0, Op.store, I64, [cr, addr], 0, 0);
  const ld = f.result(f.appendInst(b0, Op.sload8, I64, [addr], 0, 0));
  const fa = f.result(f.appendInst(b0, Op.func_addr, I64, [], 0));
  const ci = f.appendInst(b0, Op.call_indirect, 0, [fa, ld, wide], 0);
  const x = f.result(f.appendInst(b0, Op.fdemote, F32, [p[2]]));
  const sh = f.result(f.appendInst(b0, Op.ishl, I64, [f.result(ci), p[0]]));
  const br = f.appendInst(b0, Op.br_table, 0, [p[0]]);
  f.addBlockCall(br, b, [sh, x]);
  f.addBlockCall(br, a, []);
  f.addBlockCall(br, b, [ld, x]);
  jump(f, a, b, [cr, x]);
  const bp = f.appendBlockParam(b, I64), bf = f.appendBlockParam(b, F32);
  ret(f, b, [bp, bf]);
  f.appendInst(dead, Op.trap, 0, [], TrapCode.IntegerOverflow);
  clean(f);
});

test('a diamond: a value from the entry is usable in both arms and the join', () => {
  const { f, b0, p } = fn([I8, I64], [I64]);
  const t = f.createBlock(), e = f.createBlock(), j = f.createBlock();
  for (const b of [t, e, j]) f.appendBlock(b);
  const k = iconst(f, b0, I64, 3);
  const br = f.appendInst(b0, Op.brif, 0, [p[0]]);
  f.addBlockCall(br, t, []);
  f.addBlockCall(br, e, []);
  const x = f.result(f.appendInst(t, Op.imul, I64, [p[1], k]));
  jump(f, t, j, [x]);
  jump(f, e, j, [k]);
  const m = f.appendBlockParam(j, I64);
  ret(f, j, [f.result(f.appendInst(j, Op.iadd, I64, [m, p[1]]))]);
  clean(f);
});

// ---- SSA dominance ----

test('use of a value defined in a non-dominating block', () => {
  const { f, b0, p } = fn([I8, I64], [I64]);
  const t = f.createBlock(), e = f.createBlock(), j = f.createBlock();
  for (const b of [t, e, j]) f.appendBlock(b);
  const br = f.appendInst(b0, Op.brif, 0, [p[0]]);
  f.addBlockCall(br, t, []);
  f.addBlockCall(br, e, []);
  const x = f.result(f.appendInst(t, Op.ineg, I64, [p[1]]));
  jump(f, t, j);
  jump(f, e, j);
  const r = ret(f, j, [x]);
  oneError(f, r, /^return: /, /does not dominate/);
});

test('a loop header does not dominate through its back edge', () => {
  const { f, b0, p } = fn([I64], [I64]);
  const h = f.createBlock(), body = f.createBlock(), exit = f.createBlock();
  for (const b of [h, body, exit]) f.appendBlock(b);
  jump(f, b0, h);
  const br = f.appendInst(h, Op.brif, 0, [p[0]]);
  f.addBlockCall(br, body, []);
  f.addBlockCall(br, exit, []);
  const y = f.result(f.appendInst(body, Op.iadd, I64, [p[0], p[0]]));
  jump(f, body, h);
  const r = ret(f, exit, [y]);
  oneError(f, r, /does not dominate/);
});

test('use before definition in the same block', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const a = f.appendInst(b0, Op.iadd, I32, [p[0], p[0]]);
  const b = f.appendInst(b0, Op.imul, I32, [p[0], p[0]]);
  f.setArg(a, 1, f.result(b));
  ret(f, b0, [f.result(a)]);
  oneError(f, a, /^iadd: operand 1/, /before it is defined/);
});

test('an instruction using its own result', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const a = f.appendInst(b0, Op.iadd, I32, [p[0], p[0]]);
  f.setArg(a, 0, f.result(a));
  ret(f, b0, [f.result(a)]);
  oneError(f, a, /itself/);
});

test('an operand that is no value at all', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const a = f.appendInst(b0, Op.iadd, I32, [p[0], 999]);
  ret(f, b0, [p[0]]);
  oneError(f, a, /^iadd: operand 1 is value 999, which does not exist/);
});

test('uses inside an unreachable block are not checked for dominance, but must exist', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const dead = f.createBlock(), other = f.createBlock();
  f.appendBlock(dead);
  f.appendBlock(other);
  ret(f, b0, [p[0]]);
  const x = f.result(f.appendInst(other, Op.ineg, I32, [p[0]]));
  ret(f, other, [x]);
  // dead uses x from another unreachable block: allowed.
  ret(f, dead, [x]);
  clean(f);
  // ... but a use in an unreachable block of a value that does not exist is still an error.
  const bad = f.appendInst(other, Op.iadd, I32, [p[0], 12345]);
  f.instNext[f.instPrev[bad]] = -1; // keep `return` last: unlink and re-insert before it
  const r = f.blockLastInst[other] = f.instPrev[bad];
  f.instPrev[bad] = f.instPrev[r];
  f.instNext[f.instPrev[r]] = bad;
  f.instNext[bad] = r;
  f.instPrev[r] = bad;
  oneError(f, bad, /value 12345, which does not exist/);
});

test('a value defined by an instruction outside the layout', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const loose = f.createBlock(); // never appended to the layout
  const x = f.result(f.appendInst(loose, Op.ineg, I32, [p[0]]));
  const r = ret(f, b0, [x]);
  oneError(f, r, /not in the layout/);
});

// ---- operand counts and types ----

test('wrong operand count', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const a = f.appendInst(b0, Op.iadd, I32, [p[0]]);
  ret(f, b0, [p[0]]);
  oneError(f, a, /^iadd: has 1 operands, expected 2$/);
});

test('binary operand type mismatch names the opcode, operand and both types', () => {
  const { f, b0, p } = fn([I32, I64], [I32]);
  const a = f.appendInst(b0, Op.iadd, I32, [p[0], p[1]]);
  ret(f, b0, [f.result(a)]);
  oneError(f, a, /^iadd: operand 1 has type i64, expected i32$/);
});

test('controlling type must match the controlling operand', () => {
  const { f, b0, p } = fn([I32], [I64]);
  const a = f.appendInst(b0, Op.iadd, I64, [p[0], p[0]]);
  ret(f, b0, [f.result(a)]);
  oneError(f, a, /^iadd: controlling type i64 differs/);
});

test('integer opcode on floats and float opcode on integers', () => {
  {
    const { f, b0, p } = fn([F32], [F32]);
    const a = f.appendInst(b0, Op.iadd, F32, [p[0], p[0]]);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^iadd: type f32 is not an integer type/);
  }
  {
    const { f, b0, p } = fn([I32], [I32]);
    const a = f.appendInst(b0, Op.fadd, I32, [p[0], p[0]]);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^fadd: type i32 is not a float type/);
  }
});

test('icmp operands must have equal types; fcmp needs floats', () => {
  {
    const { f, b0, p } = fn([I16, I32], [I8]);
    const a = f.appendInst(b0, Op.icmp, I16, [p[0], p[1]], IntCC.Slt);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^icmp: operand 1 has type i32, expected i16/);
  }
  {
    const { f, b0, p } = fn([I32], [I8]);
    const a = f.appendInst(b0, Op.fcmp, I32, [p[0], p[0]], FloatCC.Lt);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^fcmp: type i32 is not a float type/);
  }
});

test('shift amounts may be any integer type but not a float', () => {
  const { f, b0, p } = fn([I8, I128, I64, F32], [I8]);
  const a = f.appendInst(b0, Op.ishl, I8, [p[0], p[1]]);
  const b = f.appendInst(b0, Op.rotr, I128, [p[1], p[0]]);
  const c = f.appendInst(b0, Op.sshr, I64, [p[2], p[3]]);
  assert.ok(f.result(b) >= 0);
  ret(f, b0, [f.result(a)]);
  oneError(f, c, /^sshr: shift amount \(operand 1\) has type f32/);
});

test('select takes any integer condition; a float condition is an error', () => {
  const { f, b0, p } = fn([I64, F64, F32], [F64]);
  const a = f.appendInst(b0, Op.select, F64, [p[0], p[1], p[1]]);
  const b = f.appendInst(b0, Op.select, F64, [p[2], p[1], f.result(a)]);
  ret(f, b0, [f.result(b)]);
  oneError(f, b, /^select: condition \(operand 0\) has type f32/);
});

test('load and store addresses must be i32 or i64', () => {
  const { f, b0, p } = fn([I16, I64], [I64]);
  const a = f.appendInst(b0, Op.load, I64, [p[1]], 0, 8);
  const s = f.appendInst(b0, Op.store, I64, [f.result(a), p[0]], 0, 0);
  ret(f, b0, [f.result(a)]);
  oneError(f, s, /^store: operand 1 has type i16, expected an address/);
});

test('extending loads need a result wider than the memory width', () => {
  const { f, b0, p } = fn([I64], [I16]);
  const a = f.appendInst(b0, Op.uload16, I16, [p[0]], 0, 0);
  ret(f, b0, [f.result(a)]);
  oneError(f, a, /^uload16: type i16 is not a scalar integer type wider than 16 bits/);
});

test('iconcat and isplit widths', () => {
  {
    const { f, b0, p } = fn([I128], [I128]);
    const a = f.appendInst(b0, Op.iconcat, I128, [p[0], p[0]]);
    ret(f, b0, [p[0]]);
    oneError(f, a, /^iconcat: type i128 is not/);
  }
  {
    const { f, b0, p } = fn([I8], [I8]);
    const a = f.appendInst(b0, Op.isplit, I8, [p[0]]);
    ret(f, b0, [p[0]]);
    oneError(f, a, /^isplit: type i8 is not/);
  }
  {
    const { f, b0, p } = fn([I64, I64], [I64, I64]);
    const c = f.result(f.appendInst(b0, Op.iconcat, I64, [p[0], p[1]]));
    const s = f.appendInst(b0, Op.isplit, I128, [c]);
    const r0 = f.result(s);
    ret(f, b0, [r0, r0 + 1]);
    clean(f);
  }
});

test('extend and reduce directions', () => {
  {
    const { f, b0, p } = fn([I32], [I32]);
    const a = f.appendInst(b0, Op.uextend, I32, [p[0]]);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^uextend: result type i32 must be wider than operand type i32/);
  }
  {
    const { f, b0, p } = fn([I16], [I32]);
    const a = f.appendInst(b0, Op.ireduce, I32, [p[0]]);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^ireduce: result type i32 must be narrower/);
  }
  {
    const { f, b0, p } = fn([F64], [F64]);
    const a = f.appendInst(b0, Op.fpromote, F64, [p[0]]);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^fpromote: result type f64 must be wider/);
  }
});

test('bitcast keeps the total width', () => {
  const { f, b0, p } = fn([I32, F64], [F32]);
  const ok = f.appendInst(b0, Op.bitcast, I64, [p[1]]);
  assert.ok(f.result(ok) >= 0);
  const a = f.appendInst(b0, Op.bitcast, F32, [p[1]]);
  ret(f, b0, [f.result(a)]);
  oneError(f, a, /^bitcast: cannot change 64 bits of f64 into 32 bits of f32/);
});

test('fcvt operand and result kinds', () => {
  {
    const { f, b0, p } = fn([I64], [I32]);
    const a = f.appendInst(b0, Op.fcvt_to_sint, I32, [p[0]]);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^fcvt_to_sint: operand 0 has type i64, expected a float type/);
  }
  {
    const { f, b0, p } = fn([I64], [I32]);
    const a = f.appendInst(b0, Op.fcvt_from_uint, I32, [p[0]]);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^fcvt_from_uint: type i32 is not a float type/);
  }
});

test('result types follow the result rule', () => {
  const { f, b0, p } = fn([I32], [I8]);
  const a = f.appendInst(b0, Op.icmp, I32, [p[0], p[0]], IntCC.Eq);
  f.valueType[f.result(a)] = I32;
  ret(f, b0, [f.appendBlockParam(f.createBlock(), I8)]);
  // Both the bad result and the return of a param from a block outside the layout are wrong;
  // verify only the icmp error is about the result rule.
  const errs = verifyFunction(f);
  const mine = errs.filter((e) => e.inst === a);
  assert.equal(mine.length, 1);
  assert.match(mine[0].message, /^icmp: result 0 has type i32, expected i8$/);
});

// ---- immediates and preamble references ----

test('iconst immediates must fit the type, and iconst.i128 is not allowed', () => {
  {
    const { f, b0 } = fn([], [I8]);
    const a = f.appendInst(b0, Op.iconst, I8, [], 256, 0);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^iconst: immediate does not fit in i8/);
  }
  {
    const { f, b0 } = fn([], [I128]);
    const a = f.appendInst(b0, Op.iconst, I128, [], 1, 0);
    ret(f, b0, [f.result(a)]);
    oneError(f, a, /^iconst: type i128 is not/);
  }
});

test('lane index must be below the lane count', () => {
  const v4 = vectorOf(I32, 4);
  const { f, b0, p } = fn([v4], [I32]);
  const a = f.appendInst(b0, Op.extractlane, v4, [p[0]], 4);
  ret(f, b0, [f.result(a)]);
  oneError(f, a, /^extractlane: lane 4 is out of range for i32x4/);
});

test('stack slot, function, global value, signature and constant references must exist', () => {
  const cases: [number, (f: Function, b: number) => number, RegExp][] = [
    [Op.stack_addr, (f, b) => f.appendInst(b, Op.stack_addr, I64, [], 2, 0), /^stack_addr: stack slot ss2 does not exist/],
    [Op.func_addr, (f, b) => f.appendInst(b, Op.func_addr, I64, [], 1), /^func_addr: function fn1 does not exist/],
    [Op.global_value, (f, b) => f.appendInst(b, Op.global_value, I64, [], 0), /^global_value: global value gv0 does not exist/],
    [Op.vconst, (f, b) => f.appendInst(b, Op.vconst, vectorOf(I8, 16), [], 3), /^vconst: constant const3 does not exist/],
  ];
  for (const [, make, re] of cases) {
    const { f, b0 } = fn([], []);
    f.stackSlots.push({ size: 8, align: 8, key: -1 });
    f.sigs.push(sig([], []));
    f.funcRefs.push({ name: 'x', sig: 0, colocated: false, patchable: false });
    const i = make(f, b0);
    ret(f, b0, []);
    oneError(f, i, re);
  }
  {
    const { f, b0, p } = fn([I64], []);
    // A call_indirect naming a missing signature cannot be built (results come from
    // the signature), so point it at sig 0 and then remove the signature.
    f.sigs.push(sig([], []));
    const ci = f.appendInst(b0, Op.call_indirect, 0, [p[0]], 0);
    f.sigs.length = 0;
    ret(f, b0, []);
    oneError(f, ci, /^call_indirect: signature sig0 does not exist/);
  }
});

test('vconst constant must have the vector size', () => {
  const t = vectorOf(I32, 4);
  const { f, b0 } = fn([], [t]);
  f.constants.push(new Uint8Array(8));
  const a = f.appendInst(b0, Op.vconst, t, [], 0);
  ret(f, b0, [f.result(a)]);
  oneError(f, a, /^vconst: constant const0 has 8 bytes, expected 16/);
});

test('stack slot alignment must be a power of two', () => {
  const { f, b0 } = fn([], []);
  f.stackSlots.push({ size: 8, align: 3, key: -1 });
  ret(f, b0, []);
  const errs = verifyFunction(f);
  assert.equal(errs.length, 1);
  assert.match(errs[0].message, /ss0: alignment 3 is not a power of two/);
});

test('trap codes must exist', () => {
  const { f, b0, p } = fn([I32], []);
  const t = f.appendInst(b0, Op.trapnz, 0, [p[0]], 77);
  ret(f, b0, []);
  oneError(f, t, /^trapnz: trap code 77 does not exist/);
});

// ---- blocks and terminators ----

test('a block must end with a terminator', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const a = f.appendInst(b0, Op.iadd, I32, [p[0], p[0]]);
  const errs = verifyFunction(f);
  assert.equal(errs.length, 1);
  assert.equal(errs[0].inst, a);
  assert.match(errs[0].message, /^iadd: block0 does not end with a terminator/);
});

test('no terminator in the middle of a block', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const r = ret(f, b0, [p[0]]);
  ret(f, b0, [p[0]]);
  oneError(f, r, /^return: terminator in the middle of block0/);
});

test('an empty block is an error', () => {
  const { f, b0 } = fn([], []);
  ret(f, b0, []);
  const e = f.createBlock();
  f.appendBlock(e);
  const errs = verifyFunction(f);
  assert.equal(errs.length, 1);
  assert.equal(errs[0].block, e);
  assert.match(errs[0].message, /empty/);
});

test('block call argument count and types must match the target params', () => {
  {
    const { f, b0, p } = fn([I32], [I32]);
    const t = f.createBlock();
    f.appendBlock(t);
    const x = f.appendBlockParam(t, I32);
    f.appendBlockParam(t, I32);
    const j = jump(f, b0, t, [p[0]]);
    ret(f, t, [x]);
    oneError(f, j, /^jump: passes 1 arguments to block1, which has 2 parameters/);
  }
  {
    const { f, b0, p } = fn([I32, I64], [I32]);
    const t = f.createBlock();
    f.appendBlock(t);
    const x = f.appendBlockParam(t, I32);
    const br = f.appendInst(b0, Op.brif, 0, [p[0]]);
    f.addBlockCall(br, t, [p[0]]);
    f.addBlockCall(br, t, [p[1]]);
    ret(f, t, [x]);
    oneError(f, br, /^brif: argument 0 to block1 has type i64, expected i32/);
  }
});

test('branch targets must exist and be in the layout', () => {
  {
    const { f, b0 } = fn([], []);
    const t = f.createBlock(); // not in the layout
    f.appendInst(t, Op.return, 0, []);
    const j = jump(f, b0, t);
    oneError(f, j, /^jump: target block1 is not in the layout/);
  }
  {
    const { f, b0 } = fn([], []);
    const j = jump(f, b0, 42);
    oneError(f, j, /^jump: target 0 is block 42, which does not exist/);
  }
});

test('br_table index must be i32', () => {
  const { f, b0, p } = fn([I64], []);
  const t = f.createBlock();
  f.appendBlock(t);
  const br = f.appendInst(b0, Op.br_table, 0, [p[0]]);
  f.addBlockCall(br, t, []);
  f.addBlockCall(br, t, []);
  ret(f, t, []);
  oneError(f, br, /^br_table: operand 0 has type i64, expected i32/);
});

test('brif needs two block calls', () => {
  const { f, b0, p } = fn([I32], []);
  const t = f.createBlock();
  f.appendBlock(t);
  const br = f.appendInst(b0, Op.brif, 0, [p[0]]);
  f.addBlockCall(br, t, []);
  ret(f, t, []);
  oneError(f, br, /^brif: has 1 block calls, expected 2/);
});

// ---- signatures ----

test('entry block params must match the signature', () => {
  const { f, b0 } = fn([I32], []);
  f.signature = sig([I64], []);
  ret(f, b0, []);
  const errs = verifyFunction(f);
  assert.equal(errs.length, 1);
  assert.equal(errs[0].block, b0);
  assert.match(errs[0].message, /entry block parameter 0 has type i32, the signature says i64/);
});

test('return operands must match the signature returns', () => {
  {
    const { f, b0, p } = fn([I32], [I32, I32]);
    const r = ret(f, b0, [p[0]]);
    oneError(f, r, /^return: returns 1 values, the signature has 2/);
  }
  {
    const { f, b0, p } = fn([F32], [F64]);
    const r = ret(f, b0, [p[0]]);
    oneError(f, r, /^return: return value 0 has type f32, the signature says f64/);
  }
});

test('call arguments must match the callee signature', () => {
  {
    const { f, b0, p } = fn([I32], []);
    f.sigs.push(sig([I32, I32], []));
    f.funcRefs.push({ name: 'g', sig: 0, colocated: true, patchable: false });
    const c = f.appendInst(b0, Op.call, 0, [p[0]], 0);
    ret(f, b0, []);
    oneError(f, c, /^call: has 1 arguments, the signature has 2 parameters/);
  }
  {
    const { f, b0, p } = fn([I64, F32], []);
    f.sigs.push(sig([F64], [I8]));
    const c = f.appendInst(b0, Op.call_indirect, 0, [p[0], p[1]], 0);
    assert.equal(f.instNumResults[c], 1);
    ret(f, b0, []);
    oneError(f, c, /^call_indirect: argument 0 has type f32, the signature says f64/);
  }
});

test('verifyOrThrow lists errors with text lines', () => {
  const { f, b0, p } = fn([I32, I64], [I32]);
  const a = f.appendInst(b0, Op.iadd, I32, [p[0], p[1]]);
  ret(f, b0, [f.result(a)]);
  const lines = new Int32Array([7, 8]);
  assert.throws(() => verifyOrThrow(f, 'x.clif', lines), (e: unknown) => {
    assert.ok(e instanceof CgtsError);
    assert.equal(e.where, 'x.clif');
    assert.match(e.message, /line 7: iadd: operand 1 has type i64, expected i32/);
    return true;
  });
  const g = fn([I32], [I32]);
  ret(g.f, g.b0, [g.p[0]]);
  verifyOrThrow(g.f, 'y.clif');
});

test('a function reused after reset() verifies from fresh scratch state', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const a = f.appendInst(b0, Op.iadd, I32, [p[0], 999]);
  ret(f, b0, [p[0]]);
  assert.equal(verifyFunction(f).length, 1);
  assert.ok(a >= 0);
  f.reset();
  f.signature = sig([I64], [I64]);
  const b = f.createBlock();
  f.appendBlock(b);
  const x = f.appendBlockParam(b, I64);
  ret(f, b, [f.result(f.appendInst(b, Op.bnot, I64, [x]))]);
  clean(f);
});

test('dominance on a long chain of blocks and a many-way br_table', () => {
  const { f, b0, p } = fn([I32], [I32]);
  const blocks: number[] = [];
  for (let k = 0; k < 300; k++) {
    const b = f.createBlock();
    f.appendBlock(b);
    blocks.push(b);
  }
  const br = f.appendInst(b0, Op.br_table, 0, [p[0]]);
  for (let k = 0; k < 300; k++) f.addBlockCall(br, blocks[k], []);
  let last = p[0];
  for (let k = 0; k < 299; k++) {
    last = f.result(f.appendInst(blocks[k], Op.iadd, I32, [p[0], p[0]]));
    jump(f, blocks[k], blocks[k + 1]);
  }
  // blocks[299] is reached from b0 directly, so a value from blocks[298] does not dominate it.
  const r = ret(f, blocks[299], [last]);
  oneError(f, r, /does not dominate/);
});
