// Interpreter semantics on functions built with the Function builder API:
// integer edge values at every width, float rounding and NaN bits, memory,
// control flow, calls, traps, atomics and vector lanes. Expected values are
// worked out by hand (see the comments), not taken from the implementation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Function, Block } from '../../src/ir/function.js';
import { Op } from '../../src/ir/opcodes.js';
import { Type, I8, I16, I32, I64, I128, F32, F64, F16, vectorOf } from '../../src/ir/types.js';
import { IntCC, FloatCC, TrapCode, MemFlag, AtomicRmwOp, CallConv } from '../../src/ir/immediates.js';
import { DataValue } from '../../src/ir/datavalue.js';
import { interpret, Trap } from '../../src/ir/interpreter.js';
import { CgtsError } from '../../src/support/diag.js';

type Body = (f: Function, b: Block, p: number[]) => number[];

function build(name: string, params: Type[], returns: Type[], body: Body): Function {
  const f = new Function();
  f.name = name;
  f.signature = {
    params: params.map((type) => ({ type, flags: 0 })),
    returns: returns.map((type) => ({ type, flags: 0 })),
    callConv: CallConv.SystemV,
  };
  const b = f.createBlock();
  f.appendBlock(b);
  const p = params.map((t) => f.appendBlockParam(b, t));
  const rets = body(f, b, p);
  f.appendInst(b, Op.return, 0, rets);
  return f;
}

function iconst(f: Function, b: Block, t: Type, v: bigint): number {
  const u = BigInt.asUintN(64, v);
  return f.result(f.appendInst(b, Op.iconst, t, [], Number(BigInt.asIntN(32, u)), Number(BigInt.asIntN(32, u >> 32n))));
}
function op1(f: Function, b: Block, op: number, t: Type, args: number[], imm0 = 0, imm1 = 0): number {
  return f.result(f.appendInst(b, op, t, args, imm0, imm1));
}
const val = (type: Type, bits: bigint): DataValue => ({ type, bits });

/** Runs a one-instruction function `op(args)` whose controlling type is `t`. */
function run1(op: number, t: Type, argTypes: Type[], retType: Type, args: bigint[], imm0 = 0): bigint {
  const f = build('%t', argTypes, [retType], (f, b, p) => [op1(f, b, op, t, p, imm0)]);
  return interpret([f], 0, args.map((a, i) => val(argTypes[i], a)))[0].bits;
}
function bin(op: number, t: Type, a: bigint, b: bigint): bigint {
  return run1(op, t, [t, t], t, [a, b]);
}
function un(op: number, t: Type, a: bigint): bigint {
  return run1(op, t, [t], t, [a]);
}
function trapCode(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    if (e instanceof Trap) return e.code;
    throw e;
  }
  assert.fail('expected a trap');
}

test('integer arithmetic wraps at every width', () => {
  assert.equal(bin(Op.iadd, I8, 0xffn, 1n), 0n);
  assert.equal(bin(Op.iadd, I16, 0xffffn, 2n), 1n);
  assert.equal(bin(Op.isub, I32, 0n, 1n), 0xffffffffn);
  assert.equal(bin(Op.imul, I64, 1n << 63n, 2n), 0n);
  assert.equal(bin(Op.iadd, I128, (1n << 128n) - 1n, 1n), 0n);
  assert.equal(un(Op.ineg, I8, 0x80n), 0x80n);
  assert.equal(un(Op.iabs, I32, 0xffffffffn), 1n);
  assert.equal(un(Op.iabs, I16, 0x8000n), 0x8000n);
  // 0xffff_ffff_ffff_ffff * 2 = 0x1_ffff_ffff_ffff_fffe: high half 1
  assert.equal(bin(Op.umulhi, I64, (1n << 64n) - 1n, 2n), 1n);
  // -1 * 1 = -1: the high half of a signed product is all ones
  assert.equal(bin(Op.smulhi, I32, 0xffffffffn, 1n), 0xffffffffn);
  assert.equal(bin(Op.avg_round, I8, 255n, 254n), 255n);
});

test('division: results, int_divz and int_ovf', () => {
  assert.equal(bin(Op.sdiv, I32, 0xfffffff9n /* -7 */, 2n), 0xfffffffdn /* -3, truncation */);
  assert.equal(bin(Op.srem, I32, 0xfffffff9n, 2n), 0xffffffffn /* -1 */);
  assert.equal(bin(Op.udiv, I8, 0xf9n, 2n), 0x7cn);
  assert.equal(bin(Op.srem, I64, 1n << 63n, (1n << 64n) - 1n), 0n);
  assert.equal(trapCode(() => bin(Op.udiv, I64, 1n, 0n)), TrapCode.IntegerDivisionByZero);
  assert.equal(trapCode(() => bin(Op.srem, I8, 1n, 0n)), TrapCode.IntegerDivisionByZero);
  assert.equal(trapCode(() => bin(Op.sdiv, I16, 0x8000n, 0xffffn)), TrapCode.IntegerOverflow);
  assert.equal(trapCode(() => bin(Op.sdiv, I128, 1n << 127n, (1n << 128n) - 1n)), TrapCode.IntegerOverflow);
});

test('saturating arithmetic and min/max', () => {
  assert.equal(bin(Op.uadd_sat, I8, 200n, 100n), 255n);
  assert.equal(bin(Op.usub_sat, I16, 5n, 6n), 0n);
  assert.equal(bin(Op.sadd_sat, I8, 100n, 100n), 127n);
  assert.equal(bin(Op.ssub_sat, I8, 0x80n, 1n), 0x80n);
  assert.equal(bin(Op.smin, I32, 0xffffffffn, 1n), 0xffffffffn);
  assert.equal(bin(Op.umin, I32, 0xffffffffn, 1n), 1n);
  assert.equal(bin(Op.smax, I64, 1n << 63n, 0n), 0n);
});

test('bit counting, reversal and byte swaps', () => {
  assert.equal(un(Op.clz, I8, 1n), 7n);
  assert.equal(un(Op.clz, I128, 0n), 128n);
  assert.equal(un(Op.ctz, I64, 0n), 64n);
  assert.equal(un(Op.ctz, I128, 1n << 100n), 100n);
  assert.equal(un(Op.cls, I8, 0xffn), 7n);
  assert.equal(un(Op.cls, I8, 0xc0n), 1n);
  assert.equal(un(Op.cls, I32, 1n), 30n);
  assert.equal(un(Op.popcnt, I128, (1n << 128n) - 1n), 128n);
  assert.equal(un(Op.bitrev, I8, 1n), 0x80n);
  assert.equal(un(Op.bitrev, I16, 0x1234n), 0x2c48n);
  assert.equal(un(Op.bswap, I32, 0x12345678n), 0x78563412n);
  assert.equal(un(Op.bnot, I16, 0n), 0xffffn);
});

test('shifts and rotates mask the amount to the width', () => {
  assert.equal(run1(Op.rotl, I8, [I8, I64], I8, [0x81n, 9n]), 0x03n);
  assert.equal(run1(Op.rotr, I32, [I32, I8], I32, [1n, 1n]), 0x80000000n);
  assert.equal(run1(Op.ishl, I32, [I32, I32], I32, [1n, 33n]), 2n);
  assert.equal(run1(Op.ushr, I8, [I8, I8], I8, [0x80n, 15n]), 1n);
  assert.equal(run1(Op.sshr, I16, [I16, I128], I16, [0x8000n, 15n]), 0xffffn);
  assert.equal(run1(Op.sshr, I128, [I128, I8], I128, [1n << 127n, 127n]), (1n << 128n) - 1n);
});

test('overflow flags, carries and borrows', () => {
  const two = (op: number, t: Type, args: bigint[], argTypes: Type[]): [bigint, bigint] => {
    const f = build('%t', argTypes, [t, I8], (f, b, p) => {
      const i = f.appendInst(b, op, t, p);
      return [f.result(i), f.result(i) + 1];
    });
    const r = interpret([f], 0, args.map((a, k) => val(argTypes[k], a)));
    return [r[0].bits, r[1].bits];
  };
  assert.deepEqual(two(Op.sadd_overflow, I8, [127n, 1n], [I8, I8]), [0x80n, 1n]);
  assert.deepEqual(two(Op.uadd_overflow, I8, [127n, 1n], [I8, I8]), [0x80n, 0n]);
  assert.deepEqual(two(Op.usub_overflow, I32, [0n, 1n], [I32, I32]), [0xffffffffn, 1n]);
  assert.deepEqual(two(Op.ssub_overflow, I64, [1n << 63n, 1n], [I64, I64]), [(1n << 63n) - 1n, 1n]);
  assert.deepEqual(two(Op.umul_overflow, I16, [256n, 256n], [I16, I16]), [0n, 1n]);
  assert.deepEqual(two(Op.smul_overflow, I16, [0xffffn, 0xffffn], [I16, I16]), [1n, 0n]);
  assert.deepEqual(two(Op.uadd_overflow_cin, I8, [255n, 0n, 1n], [I8, I8, I8]), [0n, 1n]);
  assert.deepEqual(two(Op.usub_overflow_bin, I128, [0n, 0n, 1n], [I128, I128, I8]), [(1n << 128n) - 1n, 1n]);
  assert.deepEqual(two(Op.sadd_overflow_cin, I8, [126n, 0n, 1n], [I8, I8, I8]), [127n, 0n]);
  assert.equal(trapCode(() => run1(Op.uadd_overflow_trap, I32, [I32, I32], I32, [0xffffffffn, 1n], 256 + 7)), 256 + 7);
});

test('iconcat, isplit, extends and select', () => {
  assert.equal(run1(Op.iconcat, I64, [I64, I64], I128, [5n, 7n]), (7n << 64n) | 5n);
  const f = build('%split', [I128], [I64, I64], (f, b, p) => {
    const i = f.appendInst(b, Op.isplit, I128, p);
    return [f.result(i), f.result(i) + 1];
  });
  const r = interpret([f], 0, [val(I128, (3n << 64n) | 9n)]);
  assert.deepEqual(r.map((x) => x.bits), [9n, 3n]);
  assert.equal(run1(Op.sextend, I64, [I8], I64, [0x80n]), 0xffffffffffffff80n);
  assert.equal(run1(Op.uextend, I128, [I32], I128, [0xffffffffn]), 0xffffffffn);
  assert.equal(run1(Op.ireduce, I8, [I64], I8, [0x1234n]), 0x34n);
  assert.equal(run1(Op.select, I32, [I8, I32, I32], I32, [2n, 10n, 20n]), 10n);
  assert.equal(run1(Op.select, I32, [I8, I32, I32], I32, [0n, 10n, 20n]), 20n);
  assert.equal(run1(Op.bmask, I16, [I64], I16, [1n << 40n]), 0xffffn);
});

test('icmp conditions are signed or unsigned as named', () => {
  const cmp = (cc: IntCC, t: Type, a: bigint, b: bigint) => run1(Op.icmp, t, [t, t], I8, [a, b], cc);
  assert.equal(cmp(IntCC.Slt, I8, 0xffn, 0n), 1n);
  assert.equal(cmp(IntCC.Ult, I8, 0xffn, 0n), 0n);
  assert.equal(cmp(IntCC.Sge, I128, 1n << 127n, 0n), 0n);
  assert.equal(cmp(IntCC.Ugt, I128, 1n << 127n, 0n), 1n);
  assert.equal(cmp(IntCC.Eq, I64, 5n, 5n), 1n);
  assert.equal(cmp(IntCC.Ne, I64, 5n, 5n), 0n);
});

// IEEE bit patterns used below.
const F32_ONE = 0x3f800000n, F32_TWO = 0x40000000n, F32_THREE = 0x40400000n;
const F32_INF = 0x7f800000n, F32_NEG_INF = 0xff800000n, F32_DEFAULT_NAN = 0xffc00000n;
const F64_ONE = 0x3ff0000000000000n;

test('float arithmetic rounds correctly', () => {
  assert.equal(bin(Op.fadd, F32, F32_ONE, F32_TWO), F32_THREE);
  // 1/3 in binary32 is 0x3eaaaaab (round up: the next bit is 1 and more follow)
  assert.equal(bin(Op.fdiv, F32, F32_ONE, F32_THREE), 0x3eaaaaabn);
  // 0.1 + 0.2 in binary64 is 0.30000000000000004
  assert.equal(bin(Op.fadd, F64, 0x3fb999999999999an, 0x3fc999999999999an), 0x3fd3333333333334n);
  // sqrt(2) in binary32
  assert.equal(un(Op.sqrt, F32, F32_TWO), 0x3fb504f3n);
  // binary16: 1 + 2 = 3 (0x4200), and 1/3 = 0x3555
  assert.equal(bin(Op.fadd, F16, 0x3c00n, 0x4000n), 0x4200n);
  assert.equal(bin(Op.fdiv, F16, 0x3c00n, 0x4200n), 0x3555n);
});

test('float NaN results follow the x86 rules', () => {
  // A signalling NaN operand comes back quieted with its payload.
  assert.equal(bin(Op.fadd, F32, 0x7f800001n, F32_ONE), 0x7fc00001n);
  assert.equal(bin(Op.fmul, F32, F32_ONE, 0xff800002n), 0xffc00002n);
  // The first NaN operand wins.
  assert.equal(bin(Op.fsub, F64, 0x7ff8000000000001n, 0x7ff8000000000002n), 0x7ff8000000000001n);
  // Invalid operations give the default NaN (sign set).
  assert.equal(bin(Op.fsub, F32, F32_INF, F32_INF), F32_DEFAULT_NAN);
  assert.equal(un(Op.sqrt, F64, 0xbff0000000000000n), 0xfff8000000000000n);
  assert.equal(bin(Op.fdiv, F32, 0n, 0n), F32_DEFAULT_NAN);
  assert.equal(un(Op.fneg, F32, 0x7fc00000n), 0xffc00000n);
  assert.equal(un(Op.fabs, F64, 0xfff8000000000001n), 0x7ff8000000000001n);
  assert.equal(bin(Op.fcopysign, F16, 0x3c00n, 0x8000n), 0xbc00n);
});

test('fma rounds once', () => {
  // (1 + 2^-30)^2 - 1 = 2^-29 + 2^-60 exactly = 2^-29 * (1 + 2^-31): exponent 994, fraction bit 21.
  const a = 0x3ff0000000000000n | (1n << 22n);
  const f = build('%fma', [F64, F64, F64], [F64], (f, b, p) => [op1(f, b, Op.fma, F64, p)]);
  const r = interpret([f], 0, [val(F64, a), val(F64, a), val(F64, 0xbff0000000000000n)]);
  assert.equal(r[0].bits, 0x3e20000000200000n);
  // binary32: (1 + 2^-12)^2 - 1 = 2^-11 * (1 + 2^-13)
  const g = build('%fma32', [F32, F32, F32], [F32], (f, b, p) => [op1(f, b, Op.fma, F32, p)]);
  const r2 = interpret([g], 0, [val(F32, 0x3f800800n), val(F32, 0x3f800800n), val(F32, 0xbf800000n)]);
  assert.equal(r2[0].bits, 0x3a000400n);
  // Inf * 0 + x is invalid.
  const r3 = interpret([g], 0, [val(F32, F32_INF), val(F32, 0n), val(F32, F32_ONE)]);
  assert.equal(r3[0].bits, F32_DEFAULT_NAN);
});

test('rounding to integral values', () => {
  const F32_2_5 = 0x40200000n, F32_3_5 = 0x40600000n, F32_NEG_HALF = 0xbf000000n;
  assert.equal(un(Op.nearest, F32, F32_2_5), F32_TWO);
  assert.equal(un(Op.nearest, F32, F32_3_5), 0x40800000n);
  assert.equal(un(Op.nearest, F32, F32_NEG_HALF), 0x80000000n);
  assert.equal(un(Op.ceil, F32, F32_NEG_HALF), 0x80000000n);
  assert.equal(un(Op.floor, F32, F32_NEG_HALF), 0xbf800000n);
  assert.equal(un(Op.trunc, F64, 0xc00e000000000000n /* -3.75 */), 0xc008000000000000n /* -3 */);
  assert.equal(un(Op.ceil, F64, 0x7ff0000000000001n), 0x7ff8000000000001n);
});

test('fmin, fmax and fcmp', () => {
  assert.equal(bin(Op.fmin, F32, 0n, 0x80000000n), 0x80000000n);
  assert.equal(bin(Op.fmax, F32, 0x80000000n, 0n), 0n);
  assert.equal(bin(Op.fmin, F32, F32_ONE, F32_NEG_INF), F32_NEG_INF);
  assert.equal(bin(Op.fmax, F64, F64_ONE, 0x7ff8000000000000n), 0x7ff8000000000000n);
  const c = (cc: FloatCC, a: bigint, b: bigint) => run1(Op.fcmp, F32, [F32, F32], I8, [a, b], cc);
  const nan = 0x7fc00000n;
  // [cc, (1,2), (2,2), (NaN,1), (-0,+0)]
  const table: [FloatCC, number, number, number, number][] = [
    [FloatCC.Ord, 1, 1, 0, 1], [FloatCC.Uno, 0, 0, 1, 0], [FloatCC.Eq, 0, 1, 0, 1], [FloatCC.Ne, 1, 0, 1, 0],
    [FloatCC.One, 1, 0, 0, 0], [FloatCC.Ueq, 0, 1, 1, 1], [FloatCC.Lt, 1, 0, 0, 0], [FloatCC.Le, 1, 1, 0, 1],
    [FloatCC.Gt, 0, 0, 0, 0], [FloatCC.Ge, 0, 1, 0, 1], [FloatCC.Ult, 1, 0, 1, 0], [FloatCC.Ule, 1, 1, 1, 1],
    [FloatCC.Ugt, 0, 0, 1, 0], [FloatCC.Uge, 0, 1, 1, 1],
  ];
  for (const [cc, lt, eq, uno, zeros] of table) {
    assert.equal(c(cc, F32_ONE, F32_TWO), BigInt(lt), `cc ${cc} on (1, 2)`);
    assert.equal(c(cc, F32_TWO, F32_TWO), BigInt(eq), `cc ${cc} on (2, 2)`);
    assert.equal(c(cc, nan, F32_ONE), BigInt(uno), `cc ${cc} on (NaN, 1)`);
    assert.equal(c(cc, 0x80000000n, 0n), BigInt(zeros), `cc ${cc} on (-0, +0)`);
  }
});

test('float to integer conversions trap or saturate', () => {
  const cv = (op: number, to: Type, from: Type, x: bigint) => run1(op, to, [from], to, [x]);
  assert.equal(trapCode(() => cv(Op.fcvt_to_sint, I32, F32, 0x7fc00000n)), TrapCode.BadConversionToInteger);
  assert.equal(trapCode(() => cv(Op.fcvt_to_sint, I32, F64, 0x41e0000000000000n /* 2^31 */)), TrapCode.IntegerOverflow);
  assert.equal(cv(Op.fcvt_to_sint, I32, F64, 0xc1e0000000000000n /* -2^31 */), 0x80000000n);
  assert.equal(cv(Op.fcvt_to_sint, I32, F64, 0xbffe666666666666n /* -1.9 */), 0xffffffffn);
  assert.equal(trapCode(() => cv(Op.fcvt_to_uint, I8, F32, 0xbf800000n /* -1 */)), TrapCode.IntegerOverflow);
  assert.equal(cv(Op.fcvt_to_uint, I8, F32, 0xbf000000n /* -0.5 truncates to 0 */), 0n);
  assert.equal(cv(Op.fcvt_to_uint_sat, I32, F32, 0xbf800000n), 0n);
  assert.equal(cv(Op.fcvt_to_uint_sat, I32, F32, 0x501502f9n /* 1e10 */), 0xffffffffn);
  assert.equal(cv(Op.fcvt_to_sint_sat, I64, F64, 0x7ff8000000000000n), 0n);
  assert.equal(cv(Op.fcvt_to_sint_sat, I16, F32, F32_NEG_INF), 0x8000n);
  assert.equal(cv(Op.fcvt_to_uint, I128, F64, 0x47e0000000000000n /* 2^127 */), 1n << 127n);
});

test('integer to float conversions round to nearest even', () => {
  const cv = (op: number, to: Type, from: Type, x: bigint) => run1(op, to, [from], to, [x]);
  assert.equal(cv(Op.fcvt_from_uint, F32, I64, (1n << 64n) - 1n), 0x5f800000n);
  assert.equal(cv(Op.fcvt_from_uint, F64, I64, (1n << 64n) - 1n), 0x43f0000000000000n);
  assert.equal(cv(Op.fcvt_from_sint, F64, I128, (1n << 128n) - 1n), 0xbff0000000000000n);
  assert.equal(cv(Op.fcvt_from_sint, F64, I64, (1n << 53n) + 1n), 0x4340000000000000n);
  assert.equal(cv(Op.fcvt_from_sint, F64, I64, (1n << 53n) + 3n), 0x4340000000000002n);
  // 2^60 + 2^36 + 1 lies just above the midpoint between two binary32 neighbours;
  // rounding through binary64 first would land on the midpoint and round down.
  assert.equal(cv(Op.fcvt_from_uint, F32, I64, (1n << 60n) + (1n << 36n) + 1n), 0x5d800001n);
  assert.equal(cv(Op.fcvt_from_uint, F16, I32, 65520n), 0x7c00n /* rounds to infinity */);
});

test('fpromote and fdemote keep NaN payloads and quiet them', () => {
  const cv = (op: number, to: Type, from: Type, x: bigint) => run1(op, to, [from], to, [x]);
  assert.equal(cv(Op.fpromote, F64, F32, 0x7f800001n), 0x7ff8000020000000n);
  assert.equal(cv(Op.fdemote, F32, F64, 0x7ff0000000000001n), 0x7fc00000n);
  assert.equal(cv(Op.fdemote, F32, F64, 0x3ff0000010000000n /* exactly half an f32 ulp above 1 */), F32_ONE);
  assert.equal(cv(Op.fpromote, F64, F32, F32_ONE), F64_ONE);
  assert.equal(cv(Op.fdemote, F16, F32, 0x477ff000n /* 65520 */), 0x7c00n);
});

test('bitcast between ints and floats keeps bits', () => {
  assert.equal(run1(Op.bitcast, I32, [F32], I32, [0x7fc00001n]), 0x7fc00001n);
  assert.equal(run1(Op.bitcast, F64, [I64], F64, [0xfff0000000000001n]), 0xfff0000000000001n);
});

function slotFunc(body: (f: Function, b: Block, addr: number) => number[], ret: Type[], size = 16): Function {
  return build('%mem', [], ret, (f, b) => {
    f.stackSlots.push({ size, align: 8, key: -1 });
    const addr = op1(f, b, Op.stack_addr, I64, [], 0, 0);
    return body(f, b, addr);
  });
}

test('stack slots: stores, loads, offsets, widths and byte order', () => {
  const f = slotFunc((f, b, p) => {
    const v = iconst(f, b, I32, 0x11223344n);
    f.appendInst(b, Op.store, I32, [v, p], 0, 4);
    f.appendInst(b, Op.store, I32, [v, p], MemFlag.Big, 8);
    const lo = op1(f, b, Op.uload8, I64, [p], 0, 4);
    const be = op1(f, b, Op.uload8, I64, [p], 0, 8);
    const s16 = op1(f, b, Op.sload16, I32, [p], 0, 8 + 2);
    const w = op1(f, b, Op.load, I64, [p], 0, 4);
    return [lo, be, s16, w];
  }, [I64, I64, I32, I64]);
  const r = interpret([f], 0, []).map((x) => x.bits);
  // little-endian: byte 0 is 0x44; big-endian: byte 0 is 0x11; bytes 2..3 of the
  // big-endian store are 33 44, read little-endian as 0x4433 (positive).
  // The 8-byte load at +4 sees 44 33 22 11 then 11 22 33 44.
  assert.deepEqual(r, [0x44n, 0x11n, 0x4433n, 0x4433221111223344n]);
});

test('out-of-bounds accesses trap heap_oob, or the flags trap code', () => {
  const oob = slotFunc((f, b, p) => [op1(f, b, Op.load, I64, [p], 0, 12)], [I64]);
  assert.equal(trapCode(() => interpret([oob], 0, [])), TrapCode.HeapOutOfBounds);
  const neg = slotFunc((f, b, p) => [op1(f, b, Op.load, I8, [p], 0, -1)], [I8]);
  assert.equal(trapCode(() => interpret([neg], 0, [])), TrapCode.HeapOutOfBounds);
  const nul = build('%nul', [I64], [I32], (f, b, p) => [op1(f, b, Op.load, I32, [p[0]], (256 + 3) << MemFlag.TrapShift, 0)]);
  assert.equal(trapCode(() => interpret([nul], 0, [val(I64, 0n)])), 256 + 3);
});

test('atomics on a stack slot', () => {
  const f = slotFunc((f, b, p) => {
    f.appendInst(b, Op.atomic_store, I32, [iconst(f, b, I32, 10n), p], 0);
    const old = op1(f, b, Op.atomic_rmw, I32, [p, iconst(f, b, I32, 5n)], 0, AtomicRmwOp.Add);
    const old2 = op1(f, b, Op.atomic_rmw, I32, [p, iconst(f, b, I32, 0xffffffffn)], 0, AtomicRmwOp.Smin);
    const cas = op1(f, b, Op.atomic_cas, I32, [p, iconst(f, b, I32, 0xffffffffn), iconst(f, b, I32, 7n)], 0);
    const nand = op1(f, b, Op.atomic_rmw, I32, [p, iconst(f, b, I32, 3n)], 0, AtomicRmwOp.Nand);
    const fin = op1(f, b, Op.atomic_load, I32, [p], 0);
    return [old, old2, cas, nand, fin];
  }, [I32, I32, I32, I32, I32]);
  // 10 -> +5 = 15 -> smin(15, -1) = -1 -> cas(-1 == -1) stores 7 -> nand(7, 3) = ~3
  assert.deepEqual(interpret([f], 0, []).map((x) => x.bits), [10n, 15n, 0xffffffffn, 7n, 0xfffffffcn]);
});

/** sum(n) = n + (n-1) + ... + 1 with a loop over block parameters. */
function sumLoop(): Function {
  const f = new Function();
  f.name = '%sum';
  f.signature = { params: [{ type: I32, flags: 0 }], returns: [{ type: I32, flags: 0 }], callConv: CallConv.SystemV };
  const b0 = f.createBlock(), b1 = f.createBlock(), b2 = f.createBlock();
  [b0, b1, b2].forEach((b) => f.appendBlock(b));
  const n = f.appendBlockParam(b0, I32);
  const zero = iconst(f, b0, I32, 0n);
  const j = f.appendInst(b0, Op.jump, 0, []);
  f.addBlockCall(j, b1, [n, zero]);
  const i = f.appendBlockParam(b1, I32), acc = f.appendBlockParam(b1, I32);
  const acc2 = op1(f, b1, Op.iadd, I32, [acc, i]);
  const i2 = op1(f, b1, Op.isub, I32, [i, iconst(f, b1, I32, 1n)]);
  const br = f.appendInst(b1, Op.brif, 0, [i2]);
  f.addBlockCall(br, b1, [i2, acc2]);
  f.addBlockCall(br, b2, [acc2]);
  const r = f.appendBlockParam(b2, I32);
  f.appendInst(b2, Op.return, 0, [r]);
  return f;
}

test('loops with block parameters, and the step budget', () => {
  assert.equal(interpret([sumLoop()], 0, [val(I32, 10n)])[0].bits, 55n);
  // Counting down from 0 wraps and runs ~2^32 iterations: the budget stops it.
  assert.throws(() => interpret([sumLoop()], 0, [val(I32, 0n)], { maxSteps: 10000 }), CgtsError);
});

test('br_table picks the indexed target or the default', () => {
  const f = new Function();
  f.name = '%tbl';
  f.signature = { params: [{ type: I32, flags: 0 }], returns: [{ type: I32, flags: 0 }], callConv: CallConv.SystemV };
  const b0 = f.createBlock(), bd = f.createBlock(), ba = f.createBlock(), bb = f.createBlock();
  [b0, bd, ba, bb].forEach((b) => f.appendBlock(b));
  const x = f.appendBlockParam(b0, I32);
  const t = f.appendInst(b0, Op.br_table, 0, [x]);
  f.addBlockCall(t, bd, []);
  f.addBlockCall(t, ba, []);
  f.addBlockCall(t, bb, [x]);
  f.appendInst(bd, Op.return, 0, [iconst(f, bd, I32, 100n)]);
  f.appendInst(ba, Op.return, 0, [iconst(f, ba, I32, 200n)]);
  const p = f.appendBlockParam(bb, I32);
  f.appendInst(bb, Op.return, 0, [op1(f, bb, Op.iadd, I32, [p, p])]);
  const run = (n: bigint) => interpret([f], 0, [val(I32, n)])[0].bits;
  assert.deepEqual([run(0n), run(1n), run(2n), run(0xffffffffn)], [200n, 2n, 100n, 100n]);
});

function withCallee(kind: 'direct' | 'indirect' | 'tail'): Function[] {
  const callee = build('%double', [I64], [I64], (f, b, p) => [op1(f, b, Op.iadd, I64, [p[0], p[0]])]);
  const caller = build('%caller', [I64], [I64], (f, b, p) => {
    f.sigs.push({ params: [{ type: I64, flags: 0 }], returns: [{ type: I64, flags: 0 }], callConv: CallConv.SystemV });
    f.funcRefs.push({ name: '%double', sig: 0, colocated: false, patchable: false });
    if (kind === 'indirect') {
      const fp = op1(f, b, Op.func_addr, I64, [], 0);
      return [op1(f, b, Op.call_indirect, 0, [fp, p[0]], 0)];
    }
    if (kind === 'tail') {
      f.appendInst(b, Op.return_call, 0, [p[0]], 0);
      return [];
    }
    const r = op1(f, b, Op.call, 0, [p[0]], 0);
    return [op1(f, b, Op.iadd, I64, [r, iconst(f, b, I64, 1n)])];
  });
  if (kind === 'tail') {
    // The return appended after return_call is never reached; drop it from the layout.
    const last = caller.blockLastInst[caller.firstBlock];
    caller.blockLastInst[caller.firstBlock] = caller.instPrev[last];
    caller.instNext[caller.instPrev[last]] = -1;
  }
  return [caller, callee];
}

test('calls: direct, indirect through func_addr, and tail calls', () => {
  assert.equal(interpret(withCallee('direct'), 0, [val(I64, 20n)])[0].bits, 41n);
  assert.equal(interpret(withCallee('indirect'), 0, [val(I64, 20n)])[0].bits, 40n);
  assert.equal(interpret(withCallee('tail'), 0, [val(I64, 21n)])[0].bits, 42n);
});

test('traps name their codes', () => {
  const t = build('%t', [], [], (f, b) => {
    f.appendInst(b, Op.trap, 0, [], 256 + 42);
    return [];
  });
  assert.equal(trapCode(() => interpret([t], 0, [])), 256 + 42);
  const tz = build('%tz', [I32], [], (f, b, p) => {
    f.appendInst(b, Op.trapz, 0, p, TrapCode.IntegerOverflow);
    f.appendInst(b, Op.trapnz, 0, [op1(f, b, Op.isub, I32, [p[0], iconst(f, b, I32, 5n)])], 256 + 1);
    return [];
  });
  assert.equal(trapCode(() => interpret([tz], 0, [val(I32, 0n)])), TrapCode.IntegerOverflow);
  assert.equal(trapCode(() => interpret([tz], 0, [val(I32, 4n)])), 256 + 1);
  assert.deepEqual(interpret([tz], 0, [val(I32, 5n)]), []);
});

test('vector lanes: splat, insert, extract, lane-wise add and compare', () => {
  const V = vectorOf(I32, 4);
  const f = build('%v', [I32], [V, I32, V], (f, b, p) => {
    const s = op1(f, b, Op.splat, V, [p[0]]);
    const ins = op1(f, b, Op.insertlane, V, [s, iconst(f, b, I32, 1n)], 2);
    const sum = op1(f, b, Op.iadd, V, [s, ins]);
    const ex = op1(f, b, Op.extractlane, V, [sum], 2);
    const cmp = op1(f, b, Op.icmp, V, [ins, s], IntCC.Ult);
    return [sum, ex, cmp];
  });
  const r = interpret([f], 0, [val(I32, 0xffffffffn)]).map((x) => x.bits);
  // lanes: splat = [-1 -1 -1 -1]; ins = [-1 -1 1 -1]; sum = [-2 -2 0 -2]; lane 2 of sum = 0;
  // ins < s unsigned only in lane 2.
  const lanes = (ls: bigint[]) => ls.reduce((acc, l, i) => acc | (l << BigInt(32 * i)), 0n);
  assert.deepEqual(r, [lanes([0xfffffffen, 0xfffffffen, 0n, 0xfffffffen]), 0n, lanes([0n, 0n, 0xffffffffn, 0n])]);
});

test('unsupported opcodes are a clear error', () => {
  const f = build('%x', [], [I64], (f, b) => [op1(f, b, Op.get_return_address, I64, [])]);
  assert.throws(() => interpret([f], 0, []), /not supported by the interpreter/);
});
