// The `llvm.x86.*` vendor intrinsics that core::arch::x86_64 declares with
// `link_name` (SSE through AVX2, BMI, PCLMULQDQ, AES, SHA, CRC32), as one table
// from full intrinsic name to a lowering into CLIF with the x86 instruction's
// exact semantics. Needs a Tx; used by intrinsics.ts for names `llvm.x86.*`.

import { Op } from '../ir/opcodes.js';
import { FloatCC, IntCC, MemFlag } from '../ir/immediates.js';
import {
  INVALID, I8, I16, I32, I64, I128, F32, F64, isVector, laneOf, laneCount, laneBits, typeBits, vectorOf, asInt, type Type,
} from '../ir/types.js';
import type { Value } from '../ir/function.js';
import type { Tx } from './context.js';

/** A lowering: defines the call's result (if any) from its arguments (LLVM value ids). */
export type X86Lowering = (tx: Tx, args: number[], resTy: number, dst: number) => void;

const table = new Map<string, X86Lowering>();
const def = (names: string, l: X86Lowering) => { for (const n of names.split(' ')) table.set(`llvm.x86.${n}`, l); };

/** The lowering of `llvm.x86.<name>`, or null when the table has none. */
export function x86Intrinsic(name: string): X86Lowering | null {
  return table.get(name) ?? null;
}

/** Every intrinsic name in the table (for tests and documentation). */
export function x86IntrinsicNames(): string[] {
  return [...table.keys()];
}

// ---- helpers ----

const I8X16 = vectorOf(I8, 16), I16X8 = vectorOf(I16, 8), I32X4 = vectorOf(I32, 4), I64X2 = vectorOf(I64, 2);
const I128X2 = vectorOf(I128, 2);
const F32X4 = vectorOf(F32, 4), F64X2 = vectorOf(F64, 2);

/**
 * The CLIF type of an intrinsic's result. The translator holds vectors wider
 * than 128 bits as 128-bit parts; the lowerings here see them as one 256-bit
 * CLIF value, joined at arg() and split again at out().
 */
function resType(tx: Tx, resTy: number): Type {
  if (tx.L.isVector(resTy) && tx.L.vectorParts(resTy) > 1) return wideType(tx, resTy);
  const t = tx.L.clif(resTy);
  if (t === INVALID) throw tx.err(`x86 intrinsic result of unsupported type ${tx.typeName(resTy)}`);
  return t;
}
function wideType(tx: Tx, ty: number): Type {
  const part = tx.L.vectorPart(ty);
  if (part === INVALID || tx.L.vectorParts(ty) !== 2) throw tx.err(`x86 intrinsic on unsupported type ${tx.typeName(ty)}`);
  return vectorOf(laneOf(part), laneCount(part) * 2);
}
function out(tx: Tx, dst: number, v: Value, t: Type): void {
  if (dst < 0) return;
  const ty = tx.llvmType(dst);
  if (tx.L.isVector(ty) && tx.L.vectorParts(ty) > 1) {
    const [lo, hi] = halves(tx, cast(tx, wideType(tx, ty), v));
    tx.define(dst, [lo, hi]);
    return;
  }
  tx.define1(dst, cast(tx, t, v));
}
/** Reinterprets x as type `to` (same width; vector lanes little-endian). */
function cast(tx: Tx, to: Type, x: Value): Value {
  const from = tx.typeOf(x);
  if (from === to) return x;
  return tx.val(Op.bitcast, to, [x], isVector(from) || isVector(to) ? MemFlag.Little : 0);
}
/** Operand k as one CLIF value of its own type (two 128-bit parts joined). */
function whole(tx: Tx, args: number[], k: number): Value {
  const ty = tx.llvmType(args[k]!);
  if (tx.L.isVector(ty) && tx.L.vectorParts(ty) > 1) return arg(tx, args, k, wideType(tx, ty));
  return tx.value(args[k]!);
}
/** Operand k as a CLIF value of type t (reinterpreted); a value held in two 128-bit parts is joined. */
function arg(tx: Tx, args: number[], k: number, t: Type): Value {
  const v = args[k]!;
  const ty = tx.llvmType(v);
  if (tx.L.isVector(ty) && tx.L.vectorParts(ty) > 1) {
    wideType(tx, ty);
    return cast(tx, t, join(tx, tx.leaf(v, 0), tx.leaf(v, 1)));
  }
  return cast(tx, t, tx.value(v));
}
/** Operand k, which must be a constant (an immediate of the instruction), as its low 8 bits. */
function imm8(tx: Tx, args: number[], k: number): number {
  const c = tx.constBig(args[k]!);
  if (c === null) throw tx.err(`operand ${k + 1} of this x86 intrinsic must be a constant`);
  return Number(c & 0xffn);
}
/** A vector of `t` with every lane `v` (raw lane bits). */
function vsplat(tx: Tx, t: Type, v: bigint): Value {
  return vlanes(tx, t, new Array<bigint>(laneCount(t)).fill(v));
}
/** A vector constant from raw lane bits, lane 0 first. */
function vlanes(tx: Tx, t: Type, ls: bigint[]): Value {
  const lb = laneBits(t) / 8;
  const bytes = new Uint8Array(typeBits(t) / 8);
  ls.forEach((v, i) => { const u = BigInt.asUintN(lb * 8, v); for (let j = 0; j < lb; j++) bytes[i * lb + j] = Number((u >> BigInt(8 * j)) & 0xffn); });
  return tx.vconst(t, bytes);
}
function lane(tx: Tx, v: Value, i: number): Value {
  return tx.val(Op.extractlane, INVALID, [v], i);
}
function setLane(tx: Tx, v: Value, x: Value, i: number): Value {
  return tx.val(Op.insertlane, INVALID, [v, x], i);
}
/** Splits a 256-bit vector into its two 128-bit halves (same lane type). */
function halves(tx: Tx, v: Value): [Value, Value] {
  const t = tx.typeOf(v);
  const h = vectorOf(laneOf(t), laneCount(t) / 2);
  const q = cast(tx, I128X2, v);
  return [cast(tx, h, lane(tx, q, 0)), cast(tx, h, lane(tx, q, 1))];
}
/** Joins two 128-bit vectors into one 256-bit vector, `lo` in the low half. */
function join(tx: Tx, lo: Value, hi: Value): Value {
  const t = tx.typeOf(lo);
  const q = setLane(tx, tx.un(Op.splat, I128X2, cast(tx, I128, lo)), cast(tx, I128, hi), 1);
  return cast(tx, vectorOf(laneOf(t), laneCount(t) * 2), q);
}
/** Applies a 128-bit operation to each 128-bit half of 256-bit operands (or once to 128-bit ones). */
function per128(tx: Tx, vs: Value[], fn: (xs: Value[], half: number) => Value): Value {
  if (typeBits(tx.typeOf(vs[0]!)) === 128) return fn(vs, 0);
  const hs = vs.map((v) => halves(tx, v));
  return join(tx, fn(hs.map((h) => h[0]), 0), fn(hs.map((h) => h[1]), 1));
}
/** A 0 / all-ones lane mask from a scalar i8 condition. */
function maskOf(tx: Tx, c: Value, t: Type): Value {
  return tx.tern(Op.select, t, c, tx.iconst(t, -1), tx.iconst(t, 0));
}
function fconst(tx: Tx, t: Type, x: number): Value {
  const b = new DataView(new ArrayBuffer(8));
  if (t === F32) { b.setFloat32(0, x, true); return tx.fconst(F32, BigInt(b.getUint32(0, true))); }
  b.setFloat64(0, x, true);
  return tx.fconst(F64, b.getBigUint64(0, true));
}
function f32Bits(x: number): bigint {
  const b = new DataView(new ArrayBuffer(4)); b.setFloat32(0, x, true); return BigInt(b.getUint32(0, true));
}

// ---- floating point: min/max, compares, conversions, rounding ----

/** minps/maxps: a < b ? a : b (resp. >): a NaN in either operand or equal zeros give b. */
function minMaxPacked(max: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    const a = arg(tx, args, 0, t), b = arg(tx, args, 1, t);
    const m = tx.val(Op.fcmp, INVALID, [a, b], max ? FloatCC.Gt : FloatCC.Lt);
    out(tx, dst, tx.tern(Op.bitselect, t, cast(tx, t, m), a, b), t);
  };
}
/** minss/maxss: lane 0 as minMaxPacked, the other lanes from a. */
function minMaxScalar(max: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    const a = arg(tx, args, 0, t), b = arg(tx, args, 1, t);
    const x = lane(tx, a, 0), y = lane(tx, b, 0);
    const c = tx.val(Op.fcmp, INVALID, [x, y], max ? FloatCC.Gt : FloatCC.Lt);
    out(tx, dst, setLane(tx, a, tx.tern(Op.select, laneOf(t), c, x, y), 0), t);
  };
}

/** The 32 cmpps predicates (imm & 15; bit 4 only changes signalling): a FloatCC, or 'F' / 'T'. */
const CMP_PRED: (FloatCC | 'F' | 'T')[] = [
  FloatCC.Eq, FloatCC.Lt, FloatCC.Le, FloatCC.Uno, FloatCC.Ne, FloatCC.Uge, FloatCC.Ugt, FloatCC.Ord,
  FloatCC.Ueq, FloatCC.Ult, FloatCC.Ule, 'F', FloatCC.One, FloatCC.Ge, FloatCC.Gt, 'T',
];
function cmpPacked(tx: Tx, a: Value, b: Value, pred: number): Value {
  const t = tx.typeOf(a);
  const p = CMP_PRED[pred & 15]!;
  if (p === 'F') return vsplat(tx, t, 0n);
  if (p === 'T') return vsplat(tx, t, -1n);
  return cast(tx, t, tx.val(Op.fcmp, INVALID, [a, b], p));
}
const cmpPs: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  out(tx, dst, cmpPacked(tx, arg(tx, args, 0, t), arg(tx, args, 1, t), imm8(tx, args, 2)), t);
};
const cmpSs: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const a = arg(tx, args, 0, t), b = arg(tx, args, 1, t);
  const p = CMP_PRED[imm8(tx, args, 2) & 15]!;
  const it = laneBits(t) === 32 ? I32 : I64;
  let m: Value;
  if (p === 'F') m = tx.iconst(it, 0);
  else if (p === 'T') m = tx.iconst(it, -1);
  else m = maskOf(tx, tx.val(Op.fcmp, INVALID, [lane(tx, a, 0), lane(tx, b, 0)], p), it);
  out(tx, dst, setLane(tx, a, cast(tx, laneOf(t), m), 0), t);
};

/** comiss/ucomiss as LLVM defines the intrinsics: eq/lt/le/gt/ge are false on unordered, neq is true. */
function comi(cc: FloatCC, lt: Type): X86Lowering {
  return (tx, args, resTy, dst) => {
    const vt = lt === F32 ? F32X4 : F64X2;
    const x = lane(tx, arg(tx, args, 0, vt), 0), y = lane(tx, arg(tx, args, 1, vt), 0);
    out(tx, dst, tx.un(Op.uextend, resType(tx, resTy), tx.val(Op.fcmp, INVALID, [x, y], cc)), I32);
  };
}

/** Float scalar to signed int as cvt(t)ss2si: round to nearest even (or truncate); out of range and NaN give the minimum integer. */
function cvtToInt(tx: Tx, x: Value, it: Type, truncate: boolean): Value {
  const ft = tx.typeOf(x);
  const r = truncate ? x : tx.un(Op.nearest, ft, x);
  const sat = tx.un(Op.fcvt_to_sint_sat, it, r);
  const lim = fconst(tx, ft, 2 ** (typeBits(it) - 1));
  const ok = tx.val(Op.fcmp, INVALID, [r, lim], FloatCC.Lt);
  return tx.tern(Op.select, it, ok, sat, tx.iconst(it, 1n << BigInt(typeBits(it) - 1)));
}
function cvtScalarToInt(lt: Type, truncate: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const it = resType(tx, resTy);
    const x = lane(tx, arg(tx, args, 0, lt === F32 ? F32X4 : F64X2), 0);
    out(tx, dst, cvtToInt(tx, x, it, truncate), it);
  };
}
/** cvt(t)ps2dq: f32 lanes to i32 lanes with cvtToInt's rules. */
function cvtPs2dq(truncate: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    const ft = vectorOf(F32, laneCount(t)), it = vectorOf(I32, laneCount(t));
    const a = arg(tx, args, 0, ft);
    const r = truncate ? a : tx.un(Op.nearest, ft, a);
    const sat = tx.un(Op.fcvt_to_sint_sat, it, r);
    const ok = tx.val(Op.fcmp, INVALID, [r, vsplat(tx, ft, f32Bits(2 ** 31))], FloatCC.Lt);
    out(tx, dst, tx.tern(Op.bitselect, it, ok, sat, vsplat(tx, it, 0x80000000n)), t);
  };
}
/** cvt(t)pd2dq: f64 lanes to the low i32 lanes of an i32x4, the rest zero. */
function cvtPd2dq(truncate: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    const a = whole(tx, args, 0);
    const n = laneCount(tx.typeOf(a));
    let r = tx.zero(I32X4);
    for (let i = 0; i < n; i++) r = setLane(tx, r, cvtToInt(tx, lane(tx, a, i), I32, truncate), i);
    out(tx, dst, r, t);
  };
}

/** roundps rounding control: bit 2 selects MXCSR (round to nearest even), else bits 1:0. */
function roundOp(tx: Tx, mode: number): number {
  if (mode & 4) return Op.nearest;
  return [Op.nearest, Op.floor, Op.ceil, Op.trunc][mode & 3]!;
}
const roundPacked: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  out(tx, dst, tx.un(roundOp(tx, imm8(tx, args, 1)), t, arg(tx, args, 0, t)), t);
};
const roundScalar: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const a = arg(tx, args, 0, t), b = arg(tx, args, 1, t);
  const r = tx.un(roundOp(tx, imm8(tx, args, 2)), laneOf(t), lane(tx, b, 0));
  out(tx, dst, setLane(tx, a, r, 0), t);
};

/**
 * rcpps / rsqrtps. The instructions return an approximation whose exact bits
 * differ between processors (the architecture bounds the relative error by
 * 1.5 * 2^-12); this lowering returns the correctly rounded value, which is
 * within that bound, with the instructions' special cases: denormal inputs
 * count as zero (giving infinity), results below the normal range flush to
 * zero, NaN inputs come back quieted, rsqrt of a negative number is the
 * default NaN.
 */
function rcpLane(tx: Tx, x: Value, sqrt: boolean): Value {
  const bits = cast(tx, I32, x);
  const mag = tx.bin(Op.band, I32, bits, tx.iconst(I32, 0x7fffffff));
  const wide = tx.un(Op.fpromote, F64, x);
  const den = sqrt ? tx.un(Op.sqrt, F64, wide) : wide;
  const sign = tx.bin(Op.band, I32, bits, tx.iconst(I32, 0x80000000));
  let r = cast(tx, I32, tx.un(Op.fdemote, F32, tx.bin(Op.fdiv, F64, fconst(tx, F64, 1), den)));
  if (!sqrt) {
    // inputs from 2^126 up (results at or below the smallest normal) give a zero of the input's sign
    const huge = tx.val(Op.icmp, INVALID, [mag, tx.iconst(I32, 0x7e800000)], IntCC.Uge);
    r = tx.tern(Op.select, I32, huge, sign, r);
  }
  // zero or denormal input: infinity of the input's sign
  const small = tx.val(Op.icmp, INVALID, [mag, tx.iconst(I32, 0x00800000)], IntCC.Ult);
  r = tx.tern(Op.select, I32, small, tx.bin(Op.bor, I32, sign, tx.iconst(I32, 0x7f800000)), r);
  if (sqrt) {
    const neg = tx.val(Op.icmp, INVALID, [bits, tx.iconst(I32, 0x80800000)], IntCC.Uge);
    r = tx.tern(Op.select, I32, neg, tx.iconst(I32, 0xffc00000), r);
  }
  const nan = tx.val(Op.icmp, INVALID, [mag, tx.iconst(I32, 0x7f800000)], IntCC.Ugt);
  r = tx.tern(Op.select, I32, nan, tx.bin(Op.bor, I32, bits, tx.iconst(I32, 0x00400000)), r);
  return cast(tx, F32, r);
}
function rcp(sqrt: boolean, scalar: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    let a = arg(tx, args, 0, t);
    const n = scalar ? 1 : laneCount(t);
    for (let i = 0; i < n; i++) a = setLane(tx, a, rcpLane(tx, lane(tx, a, i), sqrt), i);
    out(tx, dst, a, t);
  };
}

/** dpps on one 128-bit half: products selected by imm[7:4], summed pairwise, stored to the lanes imm[3:0] selects. */
function dpps128(tx: Tx, a: Value, b: Value, imm: number): Value {
  const t = tx.typeOf(a), lt = laneOf(t), n = laneCount(t);
  const z = fconst(tx, lt, 0);
  const p: Value[] = [];
  for (let i = 0; i < n; i++) p.push((imm >> (4 + i)) & 1 ? tx.bin(Op.fmul, lt, lane(tx, a, i), lane(tx, b, i)) : z);
  const sum = n === 4
    ? tx.bin(Op.fadd, lt, tx.bin(Op.fadd, lt, p[0]!, p[1]!), tx.bin(Op.fadd, lt, p[2]!, p[3]!))
    : tx.bin(Op.fadd, lt, p[0]!, p[1]!);
  let r = tx.un(Op.splat, t, z);
  for (let i = 0; i < n; i++) if ((imm >> i) & 1) r = setLane(tx, r, sum, i);
  return r;
}
const dp: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const imm = imm8(tx, args, 2);
  out(tx, dst, per128(tx, [arg(tx, args, 0, t), arg(tx, args, 1, t)], ([a, b]) => dpps128(tx, a!, b!, imm)), t);
};

const insertps: X86Lowering = (tx, args, resTy, dst) => {
  const imm = imm8(tx, args, 2);
  const a = arg(tx, args, 0, F32X4), b = arg(tx, args, 1, F32X4);
  let r = setLane(tx, a, lane(tx, b, imm >> 6), (imm >> 4) & 3);
  const z = fconst(tx, F32, 0);
  for (let i = 0; i < 4; i++) if ((imm >> i) & 1) r = setLane(tx, r, z, i);
  out(tx, dst, r, F32X4);
};

const cvtsd2ss: X86Lowering = (tx, args, resTy, dst) => {
  const a = arg(tx, args, 0, F32X4), b = arg(tx, args, 1, F64X2);
  out(tx, dst, setLane(tx, a, tx.un(Op.fdemote, F32, lane(tx, b, 0)), 0), F32X4);
};

// ---- tests of bits: ptest / vtest ----

/** ZF and CF of ptest/vtestp*: ZF = no bit of a & b, CF = no bit of ~a & b (only sign bits for vtest). */
function testFlags(tx: Tx, args: number[], signOnly: boolean): [Value, Value] {
  const at = tx.typeOf(whole(tx, args, 0));
  const it = asInt(at);
  const a = arg(tx, args, 0, it), b = arg(tx, args, 1, it);
  const and = tx.bin(Op.band, it, a, b), andn = tx.bin(Op.band_not, it, b, a);
  const any = (v: Value) => signOnly
    ? tx.val(Op.icmp, INVALID, [tx.val(Op.vhigh_bits, I32, [v]), tx.iconst(I32, 0)], IntCC.Ne)
    : tx.un(Op.vany_true, I8, v);
  const zf = tx.bin(Op.bxor, I8, any(and), tx.iconst(I8, 1));
  const cf = tx.bin(Op.bxor, I8, any(andn), tx.iconst(I8, 1));
  return [zf, cf];
}
function test(kind: 'z' | 'c' | 'nzc', signOnly: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const [zf, cf] = testFlags(tx, args, signOnly);
    const r = kind === 'z' ? zf : kind === 'c' ? cf : tx.val(Op.icmp, INVALID, [tx.bin(Op.bor, I8, zf, cf), tx.iconst(I8, 0)], IntCC.Eq);
    out(tx, dst, tx.un(Op.uextend, I32, r), resType(tx, resTy));
  };
}

// ---- integer SIMD ----

/** psll/psrl/psra by the low 64 bits of a count vector: counts past the lane width give 0 (or the sign). */
function shiftBy(op: number): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    const a = arg(tx, args, 0, t);
    const cnt = lane(tx, arg(tx, args, 1, I64X2), 0);
    const w = laneBits(t);
    if (op === Op.sshr) return out(tx, dst, tx.bin(Op.sshr, t, a, tx.bin(Op.umin, I64, cnt, tx.iconst(I64, w - 1))), t);
    const big = tx.val(Op.icmp, INVALID, [cnt, tx.iconst(I64, w)], IntCC.Uge);
    out(tx, dst, tx.tern(Op.select, t, big, tx.zero(t), tx.bin(op, t, a, cnt)), t);
  };
}

/** pmaddwd: i16 products, adjacent pairs summed into i32 lanes (wrapping). */
const pmaddwd: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const st = vectorOf(I16, laneCount(t) * 2);
  const a = arg(tx, args, 0, st), b = arg(tx, args, 1, st);
  const lo = tx.bin(Op.imul, t, tx.un(Op.swiden_low, t, a), tx.un(Op.swiden_low, t, b));
  const hi = tx.bin(Op.imul, t, tx.un(Op.swiden_high, t, a), tx.un(Op.swiden_high, t, b));
  out(tx, dst, tx.bin(Op.iadd_pairwise, t, lo, hi), t);
};

/** pmaddubsw: unsigned a times signed b bytes, adjacent pairs summed with signed saturation to i16. */
const pmaddubsw: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const n = laneCount(t);
  const bt = vectorOf(I8, 2 * n), wt = vectorOf(I32, n);
  const a = arg(tx, args, 0, bt), b = arg(tx, args, 1, bt);
  const lo = tx.bin(Op.imul, t, tx.un(Op.uwiden_low, t, a), tx.un(Op.swiden_low, t, b));
  const hi = tx.bin(Op.imul, t, tx.un(Op.uwiden_high, t, a), tx.un(Op.swiden_high, t, b));
  const sLo = tx.bin(Op.iadd_pairwise, wt, tx.un(Op.swiden_low, wt, lo), tx.un(Op.swiden_high, wt, lo));
  const sHi = tx.bin(Op.iadd_pairwise, wt, tx.un(Op.swiden_low, wt, hi), tx.un(Op.swiden_high, wt, hi));
  out(tx, dst, tx.bin(Op.snarrow, wt, sLo, sHi), t);
};

/** pmulhrsw: (a * b + 2^14) >> 15, wrapping: only -32768 * -32768 differs from the saturating form. */
const pmulhrsw: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const a = arg(tx, args, 0, t), b = arg(tx, args, 1, t);
  const r = tx.bin(Op.sqmul_round_sat, t, a, b);
  const min = vsplat(tx, t, 0x8000n);
  const both = tx.bin(Op.band, t, tx.val(Op.icmp, INVALID, [a, min], IntCC.Eq), tx.val(Op.icmp, INVALID, [b, min], IntCC.Eq));
  out(tx, dst, tx.bin(Op.bxor, t, r, both), t);
};

/** psign: a negated where b < 0, zeroed where b == 0. */
const psign: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const a = arg(tx, args, 0, t), b = arg(tx, args, 1, t);
  const z = tx.zero(t);
  const neg = tx.val(Op.icmp, INVALID, [b, z], IntCC.Slt);
  const eq = tx.val(Op.icmp, INVALID, [b, z], IntCC.Eq);
  const s = tx.tern(Op.bitselect, t, neg, tx.un(Op.ineg, t, a), a);
  out(tx, dst, tx.bin(Op.band_not, t, s, eq), t);
};

/** psadbw: per 8-byte group, the sum of absolute byte differences in a u64 lane. */
const psadbw: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const n = laneCount(t);
  const bt = vectorOf(I8, 8 * n), ht = vectorOf(I16, 8 * n), wt = vectorOf(I32, 4 * n);
  const a = arg(tx, args, 0, bt), b = arg(tx, args, 1, bt);
  const d = tx.bin(Op.isub, bt, tx.bin(Op.umax, bt, a, b), tx.bin(Op.umin, bt, a, b));
  const h = tx.bin(Op.iadd_pairwise, ht, tx.un(Op.uwiden_low, ht, d), tx.un(Op.uwiden_high, ht, d));
  const w = tx.bin(Op.iadd_pairwise, wt, tx.un(Op.uwiden_low, wt, h), tx.un(Op.uwiden_high, wt, h));
  const x = tx.un(Op.uwiden_low, t, w), y = tx.un(Op.uwiden_high, t, w);
  if (n !== 2) return out(tx, dst, tx.bin(Op.iadd_pairwise, t, x, y), t);
  // i64x2 pairwise sums lane by lane (the back end has no i64x2 iadd_pairwise)
  const s0 = tx.bin(Op.iadd, I64, lane(tx, x, 0), lane(tx, x, 1));
  const s1 = tx.bin(Op.iadd, I64, lane(tx, y, 0), lane(tx, y, 1));
  out(tx, dst, setLane(tx, tx.un(Op.splat, t, s0), s1, 1), t);
};

/** pshufb: per 128-bit half, byte i = a[b[i] & 15], or 0 when b[i] has its top bit set. */
const pshufb: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const bt = vectorOf(I8, typeBits(t) / 8);
  const a = arg(tx, args, 0, bt), b = arg(tx, args, 1, bt);
  const idx = tx.bin(Op.band, bt, b, vsplat(tx, bt, 0x8fn));
  out(tx, dst, per128(tx, [a, idx], ([x, i]) => tx.bin(Op.swizzle, I8X16, x!, i!)), t);
};

/** packss/packus: saturating narrow of a then b, per 128-bit half. */
function pack(op: number): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    const st = vectorOf(laneBits(t) === 8 ? I16 : I32, laneCount(t) / 2);
    const a = arg(tx, args, 0, st), b = arg(tx, args, 1, st);
    out(tx, dst, per128(tx, [a, b], ([x, y]) => tx.bin(op, tx.typeOf(x!), x!, y!)), t);
  };
}

/** mpsadbw on one 128-bit half: 8 sums of |a[o+i+j] - b[q+j]| over j < 4, o = imm[2]*4, q = imm[1:0]*4. */
function mpsadbw128(tx: Tx, a: Value, b: Value, imm: number): Value {
  const o = ((imm >> 2) & 1) * 4, q = (imm & 3) * 4;
  let acc = tx.zero(I16X8);
  for (let j = 0; j < 4; j++) {
    const mask = new Uint8Array(16);
    for (let i = 0; i < 16; i++) mask[i] = i < 8 ? o + i + j : 0;
    const aj = tx.un(Op.uwiden_low, I16X8, tx.val(Op.shuffle, I8X16, [a, a], tx.constant(mask)));
    const bj = tx.un(Op.splat, I16X8, tx.un(Op.uextend, I16, lane(tx, b, q + j)));
    acc = tx.bin(Op.iadd, I16X8, acc, tx.un(Op.iabs, I16X8, tx.bin(Op.isub, I16X8, aj, bj)));
  }
  return acc;
}
const mpsadbw: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const bt = vectorOf(I8, typeBits(t) / 8);
  const imm = imm8(tx, args, 2);
  out(tx, dst, per128(tx, [arg(tx, args, 0, bt), arg(tx, args, 1, bt)], ([a, b], h) => mpsadbw128(tx, a!, b!, imm >> (3 * h))), t);
};

/** phminposuw: [min of the u16 lanes, index of its first occurrence, 0 ...]. */
const phminposuw: X86Lowering = (tx, args, resTy, dst) => {
  const a = arg(tx, args, 0, I16X8);
  let m = lane(tx, a, 0), idx = tx.iconst(I16, 0);
  for (let i = 1; i < 8; i++) {
    const x = lane(tx, a, i);
    const lt = tx.val(Op.icmp, INVALID, [x, m], IntCC.Ult);
    m = tx.tern(Op.select, I16, lt, x, m);
    idx = tx.tern(Op.select, I16, lt, tx.iconst(I16, i), idx);
  }
  out(tx, dst, setLane(tx, setLane(tx, tx.zero(I16X8), m, 0), idx, 1), resType(tx, resTy));
};

/** vpermilps/pd with a variable control: per 128-bit half, lane i = a[c[i] & 3] (ps) or a[(c[i] >> 1) & 1] (pd). */
const vpermilvar: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const it = asInt(t);
  const a = arg(tx, args, 0, t), c = arg(tx, args, 1, it);
  const ps = laneBits(t) === 32;
  const sel = ps ? tx.bin(Op.band, it, c, vsplat(tx, it, 3n)) : tx.bin(Op.band, it, tx.bin(Op.ushr, it, c, tx.iconst(I8, 1)), vsplat(tx, it, 1n));
  // byte indices: lane index * lane bytes + byte number within the lane
  const bytes = tx.bin(Op.iadd, it, tx.bin(Op.imul, it, sel, vsplat(tx, it, ps ? 0x04040404n : 0x0808080808080808n)),
    vsplat(tx, it, ps ? 0x03020100n : 0x0706050403020100n));
  const bt = vectorOf(I8, typeBits(t) / 8);
  out(tx, dst, per128(tx, [cast(tx, bt, a), cast(tx, bt, bytes)], ([x, i]) => tx.bin(Op.swizzle, I8X16, x!, i!)), t);
};

/** Lane i = table[idx[i] & (n - 1)] for any lane count, through a stack slot holding the table. */
function permuteVar(tx: Tx, tab: Value, idx: Value): Value {
  const t = tx.typeOf(tab), n = laneCount(t), lb = laneBits(t) / 8;
  const slot = tx.f.stackSlots.push({ size: typeBits(t) / 8, align: 16, key: -1 }) - 1;
  const base = tx.val(Op.stack_addr, I64, [], slot, 0);
  tx.ins(Op.store, INVALID, [tab, base], MemFlag.Notrap, 0);
  let r = tx.zero(t);
  for (let i = 0; i < n; i++) {
    let k = tx.un(Op.uextend, I64, lane(tx, idx, i));
    k = tx.bin(Op.band, I64, k, tx.iconst(I64, n - 1));
    const at = tx.bin(Op.iadd, I64, base, tx.bin(Op.imul, I64, k, tx.iconst(I64, lb)));
    r = setLane(tx, r, tx.val(Op.load, laneOf(t), [at], MemFlag.Notrap, 0), i);
  }
  return r;
}
const permd: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  out(tx, dst, permuteVar(tx, arg(tx, args, 0, t), arg(tx, args, 1, asInt(t))), t);
};

// ---- memory ----

const lddqu: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  out(tx, dst, tx.val(Op.load, t, [tx.value(args[0]!)], 0, 0), t);
};

/** Runs `body` in a block entered only when the i8 condition `c` is non-zero; code continues after it. */
function when(tx: Tx, c: Value, body: () => void): void {
  const f = tx.f;
  const then = tx.newBlock(), next = tx.newBlock();
  const br = tx.ins(Op.brif, INVALID, [c]);
  f.addBlockCall(br, then, []);
  f.addBlockCall(br, next, []);
  tx.cur = then;
  body();
  const j = tx.ins(Op.jump, INVALID, []);
  f.addBlockCall(j, next, []);
  tx.cur = next;
}

/** maskmovdqu: stores the bytes of a whose mask byte has its top bit set; other bytes are not touched. */
const maskmov: X86Lowering = (tx, args) => {
  const a = arg(tx, args, 0, I8X16), m = arg(tx, args, 1, I8X16);
  const p = tx.value(args[2]!);
  for (let i = 0; i < 16; i++) {
    const c = tx.val(Op.icmp, INVALID, [lane(tx, m, i), tx.iconst(I8, 0)], IntCC.Slt);
    when(tx, c, () => {
      tx.ins(Op.store, INVALID, [lane(tx, a, i), p], 0, i);
    });
  }
};

/**
 * vpgather: lane i = mask[i] < 0 ? load(base + sext(index[i]) * scale) : src[i],
 * for as many lanes as the smaller of data and index vectors; lanes past
 * that are zero. Masked-off lanes are never read.
 */
const gather: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const src = arg(tx, args, 0, t);
  const base = tx.value(args[1]!);
  const idx = whole(tx, args, 2);
  const mask = arg(tx, args, 3, asInt(t));
  const scale = imm8(tx, args, 4);
  const n = Math.min(laneCount(t), laneCount(tx.typeOf(idx)));
  const lt = laneOf(t), lb = laneBits(t) / 8;
  const slot = tx.f.stackSlots.push({ size: typeBits(t) / 8, align: 16, key: -1 }) - 1;
  const buf = tx.val(Op.stack_addr, I64, [], slot, 0);
  let init = src;
  for (let i = n; i < laneCount(t); i++) init = setLane(tx, init, tx.zero(lt), i);
  tx.ins(Op.store, INVALID, [init, buf], MemFlag.Notrap, 0);
  for (let i = 0; i < n; i++) {
    const c = tx.val(Op.icmp, INVALID, [lane(tx, mask, i), tx.iconst(laneOf(asInt(t)), 0)], IntCC.Slt);
    when(tx, c, () => {
      let k = lane(tx, idx, i);
      if (tx.typeOf(k) !== I64) k = tx.un(Op.sextend, I64, k);
      const at = tx.bin(Op.iadd, I64, base, tx.bin(Op.imul, I64, k, tx.iconst(I64, scale)));
      const v = tx.val(Op.load, lt, [at], 0, 0);
      tx.ins(Op.store, INVALID, [v, buf], MemFlag.Notrap, i * lb);
    });
  }
  out(tx, dst, tx.val(Op.load, t, [buf], MemFlag.Notrap, 0), t);
};

// ---- scalar bit manipulation: BMI1/2, CRC32 ----

const bextr: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy), w = typeBits(t);
  const x = tx.value(args[0]!), c = tx.value(args[1]!);
  const start = tx.bin(Op.band, t, c, tx.iconst(t, 0xff));
  const len = tx.bin(Op.band, t, tx.bin(Op.ushr, t, c, tx.iconst(I8, 8)), tx.iconst(t, 0xff));
  const startBig = tx.val(Op.icmp, INVALID, [start, tx.iconst(t, w)], IntCC.Uge);
  const s = tx.tern(Op.select, t, startBig, tx.iconst(t, 0), tx.bin(Op.ushr, t, x, start));
  const lenBig = tx.val(Op.icmp, INVALID, [len, tx.iconst(t, w)], IntCC.Uge);
  const m = tx.tern(Op.select, t, lenBig, tx.iconst(t, -1), tx.bin(Op.isub, t, tx.bin(Op.ishl, t, tx.iconst(t, 1), len), tx.iconst(t, 1)));
  out(tx, dst, tx.bin(Op.band, t, s, m), t);
};
const bzhi: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy), w = typeBits(t);
  const x = tx.value(args[0]!);
  const n = tx.bin(Op.band, t, tx.value(args[1]!), tx.iconst(t, 0xff));
  const big = tx.val(Op.icmp, INVALID, [n, tx.iconst(t, w)], IntCC.Uge);
  const m = tx.bin(Op.isub, t, tx.bin(Op.ishl, t, tx.iconst(t, 1), n), tx.iconst(t, 1));
  out(tx, dst, tx.tern(Op.select, t, big, x, tx.bin(Op.band, t, x, m)), t);
};
/**
 * Emits `for i in 0..n: state = body(i, state)` as a CLIF loop (i an i32) and
 * continues after it; returns the final state.
 */
function loop(tx: Tx, n: number, init: Value[], body: (i: Value, s: Value[]) => Value[]): Value[] {
  const f = tx.f;
  const head = tx.newBlock(), inner = tx.newBlock(), exit = tx.newBlock();
  const i = f.appendBlockParam(head, I32);
  const state = init.map((v) => f.appendBlockParam(head, tx.typeOf(v)));
  const done = init.map((v) => f.appendBlockParam(exit, tx.typeOf(v)));
  const zero = tx.iconst(I32, 0);
  f.addBlockCall(tx.ins(Op.jump, INVALID, []), head, [zero, ...init]);
  tx.cur = head;
  const more = tx.val(Op.icmp, INVALID, [i, tx.iconst(I32, n)], IntCC.Ult);
  const br = tx.ins(Op.brif, INVALID, [more]);
  f.addBlockCall(br, inner, []);
  f.addBlockCall(br, exit, state);
  tx.cur = inner;
  const next = body(i, state);
  const i1 = tx.bin(Op.iadd, I32, i, tx.iconst(I32, 1));
  f.addBlockCall(tx.ins(Op.jump, INVALID, []), head, [i1, ...next]);
  tx.cur = exit;
  return done;
}

/** pdep / pext, one mask bit per loop step. */
function bitDeposit(extract: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy), w = typeBits(t);
    const x = tx.value(args[0]!), m = tx.value(args[1]!);
    const one = tx.iconst(t, 1);
    const [r] = loop(tx, w, [tx.iconst(t, 0), tx.iconst(t, 0)], (i, [r, k]) => {
      const bit = tx.bin(Op.band, t, tx.bin(Op.ushr, t, m, i), one);
      const v = extract
        ? tx.bin(Op.ishl, t, tx.bin(Op.band, t, tx.bin(Op.ushr, t, x, i), bit), k!)
        : tx.bin(Op.ishl, t, tx.bin(Op.band, t, tx.bin(Op.ushr, t, x, k!), bit), i);
      return [tx.bin(Op.bor, t, r!, v), tx.bin(Op.iadd, t, k!, bit)];
    });
    out(tx, dst, r!, t);
  };
}

/** crc32: CRC-32C (reflected polynomial 0x82F63B78) of `bits` data bits, one bit per loop step. */
function crc32(bits: number): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    const wt = bits === 64 ? I64 : I32, top = tx.iconst(I8, typeBits(wt) - 1);
    let c = tx.value(args[0]!);
    let v = tx.value(args[1]!);
    if (wt === I64) c = tx.bin(Op.band, I64, c, tx.iconst(I64, 0xffffffff));
    if (tx.typeOf(v) !== wt) v = tx.un(Op.uextend, wt, v);
    const poly = tx.iconst(wt, 0x82f63b78), one = tx.iconst(I8, 1);
    const [r] = loop(tx, bits, [tx.bin(Op.bxor, wt, c, v)], (_i, [c]) => {
      const low = tx.bin(Op.sshr, wt, tx.bin(Op.ishl, wt, c!, top), top);
      return [tx.bin(Op.bxor, wt, tx.bin(Op.ushr, wt, c!, one), tx.bin(Op.band, wt, low, poly))];
    });
    out(tx, dst, r!, t);
  };
}

/** pclmulqdq: carry-less product of qword imm[0] of a and qword imm[4] of b, one bit of b per loop step. */
const pclmul: X86Lowering = (tx, args, resTy, dst) => {
  const t = resType(tx, resTy);
  const imm = imm8(tx, args, 2);
  const x = lane(tx, arg(tx, args, 0, I64X2), imm & 1), y = lane(tx, arg(tx, args, 1, I64X2), (imm >> 4) & 1);
  const wx = tx.un(Op.uextend, I128, x), one = tx.iconst(I64, 1);
  const [r] = loop(tx, 64, [tx.iconst(I128, 0)], (i, [r]) => {
    const m = tx.un(Op.sextend, I128, tx.un(Op.ineg, I64, tx.bin(Op.band, I64, tx.bin(Op.ushr, I64, y, i), one)));
    return [tx.bin(Op.bxor, I128, r!, tx.bin(Op.band, I128, tx.bin(Op.ishl, I128, wx, i), m))];
  });
  out(tx, dst, cast(tx, I64X2, r!), t);
};

/** addcarry / subborrow: {carry out, a + b + carry in} (resp. a - b - borrow in); any non-zero carry in counts as 1. */
function carryChain(sub: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, tx.m.types.elem(resTy, 1));
    const c = tx.value(args[0]!), a = tx.value(args[1]!), b = tx.value(args[2]!);
    const r = tx.f.result(tx.ins(sub ? Op.usub_overflow_bin : Op.uadd_overflow_cin, t, [a, b, c]));
    if (dst >= 0) tx.define(dst, [r + 1, r]);
  };
}

// ---- AES ----

const SBOX = new Uint8Array(256), INV_SBOX = new Uint8Array(256);
{
  // inverses in GF(2^8) through powers of the generator 3, then the affine map
  const exp = new Uint8Array(256), log = new Uint8Array(256);
  for (let i = 0, x = 1; i < 255; i++) {
    exp[i] = x;
    log[x] = i;
    x ^= (x << 1) ^ (x & 0x80 ? 0x11b : 0);
  }
  const rotl8 = (x: number, s: number) => ((x << s) | (x >> (8 - s))) & 0xff;
  for (let x = 0; x < 256; x++) {
    const inv = x === 0 ? 0 : exp[(255 - log[x]!) % 255]!;
    const s = inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63;
    SBOX[x] = s;
    INV_SBOX[s] = x;
  }
}
/** Each byte of v through a 256-byte table, as sixteen 16-byte swizzles. */
function lookupBytes(tx: Tx, v: Value, tab: Uint8Array): Value {
  let r = -1;
  for (let k = 0; k < 16; k++) {
    const part = tx.vconst(I8X16, tab.subarray(16 * k, 16 * k + 16));
    const idx = k === 0 ? v : tx.bin(Op.isub, I8X16, v, vsplat(tx, I8X16, BigInt(16 * k)));
    const s = tx.bin(Op.swizzle, I8X16, part, idx);
    r = r < 0 ? s : tx.bin(Op.bor, I8X16, r, s);
  }
  return r;
}
/** Byte permutation: result byte i = v byte map(i). */
function permBytes(tx: Tx, v: Value, map: (i: number) => number): Value {
  const m = new Uint8Array(16);
  for (let i = 0; i < 16; i++) m[i] = map(i);
  return tx.val(Op.shuffle, I8X16, [v, v], tx.constant(m));
}
/** AES state bytes: byte 4c + r is row r, column c. ShiftRows moves row r left by r columns. */
const shiftRows = (tx: Tx, v: Value, inv: boolean) => permBytes(tx, v, (i) => {
  const r = i & 3, c = i >> 2;
  return 4 * ((c + (inv ? 4 - r : r)) & 3) + r;
});
/** Multiplication by x in GF(2^8) for every byte. */
function xtime(tx: Tx, v: Value): Value {
  const hi = tx.bin(Op.sshr, I8X16, v, tx.iconst(I8, 7));
  return tx.bin(Op.bxor, I8X16, tx.bin(Op.ishl, I8X16, v, tx.iconst(I8, 1)), tx.bin(Op.band, I8X16, hi, vsplat(tx, I8X16, 0x1bn)));
}
/** Rotates each column's bytes: result row r = row (r + k) mod 4. */
const rotCol = (tx: Tx, v: Value, k: number) => permBytes(tx, v, (i) => (i & ~3) | ((i + k) & 3));
function mixColumns(tx: Tx, s: Value): Value {
  const x = tx.bin(Op.bxor, I8X16, s, rotCol(tx, s, 1));           // s0 ^ s1 per row
  const t2 = xtime(tx, x);                                          // 2 s0 ^ 2 s1
  const r = tx.bin(Op.bxor, I8X16, t2, rotCol(tx, s, 1));           // 2 s0 ^ 3 s1
  return tx.bin(Op.bxor, I8X16, r, tx.bin(Op.bxor, I8X16, rotCol(tx, s, 2), rotCol(tx, s, 3)));
}
function invMixColumns(tx: Tx, s: Value): Value {
  const x2 = xtime(tx, s), x4 = xtime(tx, x2), x8 = xtime(tx, x4);
  const x = (a: Value, b: Value) => tx.bin(Op.bxor, I8X16, a, b);
  const m9 = x(x8, s), m11 = x(m9, x2), m13 = x(m9, x4), m14 = x(x(x8, x4), x2);
  return x(x(m14, rotCol(tx, m11, 1)), x(rotCol(tx, m13, 2), rotCol(tx, m9, 3)));
}
function aes(kind: 'enc' | 'enclast' | 'dec' | 'declast'): X86Lowering {
  return (tx, args, resTy, dst) => {
    const t = resType(tx, resTy);
    const inv = kind === 'dec' || kind === 'declast';
    let s = shiftRows(tx, arg(tx, args, 0, I8X16), inv);
    s = lookupBytes(tx, s, inv ? INV_SBOX : SBOX);
    if (kind === 'enc') s = mixColumns(tx, s);
    if (kind === 'dec') s = invMixColumns(tx, s);
    out(tx, dst, tx.bin(Op.bxor, I8X16, s, arg(tx, args, 1, I8X16)), t);
  };
}
const aesimc: X86Lowering = (tx, args, resTy, dst) => {
  out(tx, dst, invMixColumns(tx, arg(tx, args, 0, I8X16)), resType(tx, resTy));
};
/** aeskeygenassist: [SubWord(X1), RotWord(SubWord(X1)) ^ rcon, SubWord(X3), RotWord(SubWord(X3)) ^ rcon]. */
const aeskeygen: X86Lowering = (tx, args, resTy, dst) => {
  const rcon = BigInt(imm8(tx, args, 1));
  const s = lookupBytes(tx, arg(tx, args, 0, I8X16), SBOX);
  const map = [4, 5, 6, 7, 5, 6, 7, 4, 12, 13, 14, 15, 13, 14, 15, 12];
  const p = permBytes(tx, s, (i) => map[i]!);
  out(tx, dst, tx.bin(Op.bxor, I32X4, cast(tx, I32X4, p), vlanes(tx, I32X4, [0n, rcon, 0n, rcon])), resType(tx, resTy));
};

// ---- SHA ----

/** The four dwords of an i32x4, highest first (the SDM's naming: [127:96] first). */
function dwords(tx: Tx, v: Value): Value[] {
  return [3, 2, 1, 0].map((i) => lane(tx, v, i));
}
function fromDwords(tx: Tx, hiFirst: Value[]): Value {
  let r = tx.zero(I32X4);
  hiFirst.forEach((x, k) => { r = setLane(tx, r, x, 3 - k); });
  return r;
}
const add = (tx: Tx, ...xs: Value[]) => xs.reduce((a, b) => tx.bin(Op.iadd, I32, a, b));
const xor = (tx: Tx, ...xs: Value[]) => xs.reduce((a, b) => tx.bin(Op.bxor, I32, a, b));
const rotl = (tx: Tx, x: Value, s: number) => tx.bin(Op.rotl, I32, x, tx.iconst(I8, s));
const rotr = (tx: Tx, x: Value, s: number) => tx.bin(Op.rotr, I32, x, tx.iconst(I8, s));
const shr = (tx: Tx, x: Value, s: number) => tx.bin(Op.ushr, I32, x, tx.iconst(I8, s));

const sha1msg1: X86Lowering = (tx, args, resTy, dst) => {
  const [w0, w1, w2, w3] = dwords(tx, arg(tx, args, 0, I32X4));
  const [w4, w5] = dwords(tx, arg(tx, args, 1, I32X4));
  out(tx, dst, fromDwords(tx, [xor(tx, w2!, w0!), xor(tx, w3!, w1!), xor(tx, w4!, w2!), xor(tx, w5!, w3!)]), resType(tx, resTy));
};
const sha1msg2: X86Lowering = (tx, args, resTy, dst) => {
  const a = dwords(tx, arg(tx, args, 0, I32X4));
  const [, w13, w14, w15] = dwords(tx, arg(tx, args, 1, I32X4));
  const w16 = rotl(tx, xor(tx, a[0]!, w13!), 1), w17 = rotl(tx, xor(tx, a[1]!, w14!), 1);
  const w18 = rotl(tx, xor(tx, a[2]!, w15!), 1), w19 = rotl(tx, xor(tx, a[3]!, w16), 1);
  out(tx, dst, fromDwords(tx, [w16, w17, w18, w19]), resType(tx, resTy));
};
const sha1nexte: X86Lowering = (tx, args, resTy, dst) => {
  const a = arg(tx, args, 0, I32X4), b = arg(tx, args, 1, I32X4);
  const e = rotl(tx, lane(tx, a, 3), 30);
  out(tx, dst, setLane(tx, b, add(tx, lane(tx, b, 3), e), 3), resType(tx, resTy));
};
const sha1rnds4: X86Lowering = (tx, args, resTy, dst) => {
  const fn = imm8(tx, args, 2) & 3;
  let [a, b, c, d] = dwords(tx, arg(tx, args, 0, I32X4)) as [Value, Value, Value, Value];
  const w = dwords(tx, arg(tx, args, 1, I32X4));
  const K = tx.iconst(I32, [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6][fn]!);
  let e = -1;
  for (let i = 0; i < 4; i++) {
    let f: Value;
    if (fn === 0) f = xor(tx, tx.bin(Op.band, I32, b, c), tx.bin(Op.band_not, I32, d, b));
    else if (fn === 2) f = xor(tx, tx.bin(Op.band, I32, b, c), tx.bin(Op.band, I32, b, d), tx.bin(Op.band, I32, c, d));
    else f = xor(tx, b, c, d);
    const na = e < 0 ? add(tx, f, rotl(tx, a, 5), w[i]!, K) : add(tx, f, rotl(tx, a, 5), w[i]!, e, K);
    e = d; d = c; c = rotl(tx, b, 30); b = a; a = na;
  }
  out(tx, dst, fromDwords(tx, [a, b, c, d]), resType(tx, resTy));
};
const sigma0 = (tx: Tx, x: Value) => xor(tx, rotr(tx, x, 7), rotr(tx, x, 18), shr(tx, x, 3));
const sigma1 = (tx: Tx, x: Value) => xor(tx, rotr(tx, x, 17), rotr(tx, x, 19), shr(tx, x, 10));
const sha256msg1: X86Lowering = (tx, args, resTy, dst) => {
  const [w3, w2, w1, w0] = dwords(tx, arg(tx, args, 0, I32X4)) as Value[];
  const w4 = lane(tx, arg(tx, args, 1, I32X4), 0);
  out(tx, dst, fromDwords(tx, [add(tx, w3!, sigma0(tx, w4)), add(tx, w2!, sigma0(tx, w3!)), add(tx, w1!, sigma0(tx, w2!)), add(tx, w0!, sigma0(tx, w1!))]), resType(tx, resTy));
};
const sha256msg2: X86Lowering = (tx, args, resTy, dst) => {
  const a = arg(tx, args, 0, I32X4), b = arg(tx, args, 1, I32X4);
  const w14 = lane(tx, b, 2), w15 = lane(tx, b, 3);
  const w16 = add(tx, lane(tx, a, 0), sigma1(tx, w14)), w17 = add(tx, lane(tx, a, 1), sigma1(tx, w15));
  const w18 = add(tx, lane(tx, a, 2), sigma1(tx, w16)), w19 = add(tx, lane(tx, a, 3), sigma1(tx, w17));
  out(tx, dst, fromDwords(tx, [w19, w18, w17, w16]), resType(tx, resTy));
};
/** sha256rnds2(cdgh, abef, wk): two rounds; result [A, B, E, F] (A highest). */
const sha256rnds2: X86Lowering = (tx, args, resTy, dst) => {
  const [c0, d0, g0, h0] = dwords(tx, arg(tx, args, 0, I32X4)) as Value[];
  const [a0, b0, e0, f0] = dwords(tx, arg(tx, args, 1, I32X4)) as Value[];
  const k = arg(tx, args, 2, I32X4);
  let a = a0!, b = b0!, c = c0!, d = d0!, e = e0!, f = f0!, g = g0!, h = h0!;
  for (let i = 0; i < 2; i++) {
    const ch = xor(tx, tx.bin(Op.band, I32, e, f), tx.bin(Op.band_not, I32, g, e));
    const maj = xor(tx, tx.bin(Op.band, I32, a, b), tx.bin(Op.band, I32, a, c), tx.bin(Op.band, I32, b, c));
    const s0 = xor(tx, rotr(tx, a, 2), rotr(tx, a, 13), rotr(tx, a, 22));
    const s1 = xor(tx, rotr(tx, e, 6), rotr(tx, e, 11), rotr(tx, e, 25));
    const t1 = add(tx, ch, s1, lane(tx, k, i), h);
    const na = add(tx, t1, maj, s0), ne = add(tx, t1, d);
    h = g; g = f; f = e; e = ne; d = c; c = b; b = a; a = na;
  }
  out(tx, dst, fromDwords(tx, [a, b, e, f]), resType(tx, resTy));
};

// ---- SSE4.2 string compares ----

/**
 * pcmpestr* / pcmpistr*, specialized for the constant control byte. Returns
 * IntRes2 as a lane mask over b's elements, its bits as an i32, and the
 * lengths' "shorter than a full vector" flags (ZF for b, SF for a).
 */
function strCompare(tx: Tx, args: number[], explicit: boolean): { res: Value; bits: Value; zf: Value; sf: Value; n: number; imm: number } {
  const imm = imm8(tx, args, explicit ? 4 : 2);
  const words = (imm & 1) !== 0, signed = (imm & 2) !== 0;
  const t = words ? I16X8 : I8X16, lt = laneOf(t), n = laneCount(t);
  const a = arg(tx, args, 0, t), b = arg(tx, args, explicit ? 2 : 1, t);
  const length = (v: Value, k: number): Value => {
    if (explicit) {
      const x = tx.un(Op.iabs, I32, tx.value(args[k]!));
      return tx.bin(Op.umin, I32, x, tx.iconst(I32, n));
    }
    const z = tx.val(Op.vhigh_bits, I32, [tx.val(Op.icmp, INVALID, [v, tx.zero(t)], IntCC.Eq)]);
    return tx.un(Op.ctz, I32, tx.bin(Op.bor, I32, z, tx.iconst(I32, 1 << n)));
  };
  const la = length(a, 1), lb = length(b, 3);
  const idx = vlanes(tx, t, Array.from({ length: n }, (_, i) => BigInt(i)));
  const validUpTo = (len: Value, from: Value) => tx.val(Op.icmp, INVALID, [from, tx.un(Op.splat, t, tx.un(Op.ireduce, lt, len))], IntCC.Slt);
  const bValid = validUpTo(lb, idx);
  const ones = vsplat(tx, t, -1n), zero = tx.zero(t);
  const aValid = (j: number) => tx.val(Op.icmp, INVALID, [tx.iconst(I32, j), la], IntCC.Slt);
  const splatA = (j: number) => tx.un(Op.splat, t, lane(tx, a, j));
  let r1: Value;
  switch ((imm >> 2) & 3) {
    case 0: { // equal any
      r1 = zero;
      for (let j = 0; j < n; j++) {
        const eq = tx.val(Op.icmp, INVALID, [b, splatA(j)], IntCC.Eq);
        r1 = tx.bin(Op.bor, t, r1, tx.tern(Op.select, t, aValid(j), eq, zero));
      }
      r1 = tx.bin(Op.band, t, r1, bValid);
      break;
    }
    case 1: { // ranges: a holds [lo, hi] pairs
      r1 = zero;
      for (let j = 0; j + 1 < n; j += 2) {
        const ge = tx.val(Op.icmp, INVALID, [b, splatA(j)], signed ? IntCC.Sge : IntCC.Uge);
        const le = tx.val(Op.icmp, INVALID, [b, splatA(j + 1)], signed ? IntCC.Sle : IntCC.Ule);
        r1 = tx.bin(Op.bor, t, r1, tx.tern(Op.select, t, aValid(j + 1), tx.bin(Op.band, t, ge, le), zero));
      }
      r1 = tx.bin(Op.band, t, r1, bValid);
      break;
    }
    case 2: { // equal each: both invalid counts as equal
      const av = validUpTo(la, idx);
      const eq = tx.val(Op.icmp, INVALID, [a, b], IntCC.Eq);
      r1 = tx.bin(Op.bor, t, tx.bin(Op.band, t, eq, tx.bin(Op.band, t, av, bValid)), bnotBoth(tx, av, bValid, t));
      break;
    }
    default: { // equal ordered: a occurs in b starting at element i
      r1 = ones;
      for (let j = 0; j < n; j++) {
        // element i compares b[i + j] with a[j]; b past its end is invalid, past the vector it is ignored
        const m = new Uint8Array(16);
        const eb = 16 / n;
        for (let q = 0; q < 16; q++) m[q] = q + j * eb < 16 ? q + j * eb : 16 + (q & (eb - 1));
        const bs = cast(tx, t, tx.val(Op.shuffle, I8X16, [cast(tx, I8X16, b), cast(tx, I8X16, zero)], tx.constant(m)));
        const eq = tx.val(Op.icmp, INVALID, [bs, splatA(j)], IntCC.Eq);
        const idxJ = vlanes(tx, t, Array.from({ length: n }, (_, i) => BigInt(i + j)));
        const bIn = validUpTo(lb, idxJ);
        const beyond = vlanes(tx, t, Array.from({ length: n }, (_, i) => (i + j >= n ? -1n : 0n)));
        const e = tx.bin(Op.bor, t, beyond, tx.bin(Op.band, t, eq, bIn));
        r1 = tx.bin(Op.band, t, r1, tx.tern(Op.select, t, aValid(j), e, ones));
      }
    }
  }
  let r2 = r1;
  switch ((imm >> 4) & 3) {
    case 1: r2 = tx.un(Op.bnot, t, r1); break;
    case 3: r2 = tx.bin(Op.bxor, t, r1, bValid); break;
  }
  const bits = tx.val(Op.vhigh_bits, I32, [r2]);
  const zf = tx.val(Op.icmp, INVALID, [lb, tx.iconst(I32, n)], IntCC.Ult);
  const sf = tx.val(Op.icmp, INVALID, [la, tx.iconst(I32, n)], IntCC.Ult);
  return { res: r2, bits, zf, sf, n, imm };
}
/** (~a & ~b) of lane masks of type t. */
function bnotBoth(tx: Tx, a: Value, b: Value, t: Type): Value {
  return tx.un(Op.bnot, t, tx.bin(Op.bor, t, a, b));
}
function strIndex(explicit: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const s = strCompare(tx, args, explicit);
    let r: Value;
    if (s.imm & 0x40) {
      const top = tx.bin(Op.isub, I32, tx.iconst(I32, 31), tx.un(Op.clz, I32, s.bits));
      r = tx.tern(Op.select, I32, tx.val(Op.icmp, INVALID, [s.bits, tx.iconst(I32, 0)], IntCC.Eq), tx.iconst(I32, s.n), top);
    } else r = tx.un(Op.ctz, I32, tx.bin(Op.bor, I32, s.bits, tx.iconst(I32, 1 << s.n)));
    out(tx, dst, r, resType(tx, resTy));
  };
}
function strMask(explicit: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const s = strCompare(tx, args, explicit);
    const r = s.imm & 0x40 ? cast(tx, I8X16, s.res) : cast(tx, I8X16, tx.un(Op.scalar_to_vector, I32X4, s.bits));
    out(tx, dst, r, resType(tx, resTy));
  };
}
function strFlag(flag: 'a' | 'c' | 'o' | 's' | 'z', explicit: boolean): X86Lowering {
  return (tx, args, resTy, dst) => {
    const s = strCompare(tx, args, explicit);
    const cf = tx.val(Op.icmp, INVALID, [s.bits, tx.iconst(I32, 0)], IntCC.Ne);
    let r: Value;
    switch (flag) {
      case 'c': r = cf; break;
      case 'z': r = s.zf; break;
      case 's': r = s.sf; break;
      case 'o': r = tx.un(Op.ireduce, I8, tx.bin(Op.band, I32, s.bits, tx.iconst(I32, 1))); break;
      default: r = tx.val(Op.icmp, INVALID, [tx.bin(Op.bor, I8, cf, s.zf), tx.iconst(I8, 0)], IntCC.Eq);
    }
    out(tx, dst, tx.un(Op.uextend, I32, r), resType(tx, resTy));
  };
}

// ---- machine state: x86-specific CLIF instructions ----

const fence: X86Lowering = (tx) => { tx.ins(Op.fence, INVALID, []); };
/** An x86 instruction without operands or results (lfence, sfence, pause). */
const plain = (op: number): X86Lowering => (tx) => { tx.ins(op, INVALID, []); };
/** An x86 instruction on the memory its pointer operand addresses (ldmxcsr, stmxcsr, clflush). */
const onMemory = (op: number): X86Lowering => (tx, args) => { tx.ins(op, INVALID, [tx.value(args[0]!)]); };
/** rdrand / rdseed: { value, i32 1 when one was delivered (else 0, and the value 0) }. */
const randomWord = (op: number): X86Lowering => (tx, args, resTy, dst) => {
  const t = resType(tx, tx.m.types.elem(resTy, 0));
  const r = tx.f.result(tx.ins(op, t, []));
  if (dst >= 0) tx.define(dst, [r, tx.un(Op.uextend, I32, r + 1)]);
};
const rdtsc: X86Lowering = (tx, _args, _resTy, dst) => {
  const r = tx.f.result(tx.ins(Op.x86_rdtsc, I64, []));
  if (dst >= 0) tx.define1(dst, r);
};
/** rdtscp: { counter, IA32_TSC_AUX }. */
const rdtscp: X86Lowering = (tx, _args, _resTy, dst) => {
  const r = tx.f.result(tx.ins(Op.x86_rdtscp, I64, []));
  if (dst >= 0) tx.define(dst, [r, r + 1]);
};
const xgetbv: X86Lowering = (tx, args, _resTy, dst) => {
  const r = tx.f.result(tx.ins(Op.x86_xgetbv, I64, [tx.value(args[0]!)]));
  if (dst >= 0) tx.define1(dst, r);
};

// ---- the table ----

// SSE
def('sse.min.ps avx.min.ps.256 sse2.min.pd avx.min.pd.256', minMaxPacked(false));
def('sse.max.ps avx.max.ps.256 sse2.max.pd avx.max.pd.256', minMaxPacked(true));
def('sse.min.ss sse2.min.sd', minMaxScalar(false));
def('sse.max.ss sse2.max.sd', minMaxScalar(true));
def('sse.cmp.ps sse2.cmp.pd avx.cmp.ps.256 avx.cmp.pd.256', cmpPs);
def('sse.cmp.ss sse2.cmp.sd', cmpSs);
for (const [lt, sfx, pre] of [[F32, 'ss', 'sse'], [F64, 'sd', 'sse2']] as const) {
  for (const u of ['', 'u']) {
    def(`${pre}.${u}comieq.${sfx}`, comi(FloatCC.Eq, lt));
    def(`${pre}.${u}comilt.${sfx}`, comi(FloatCC.Lt, lt));
    def(`${pre}.${u}comile.${sfx}`, comi(FloatCC.Le, lt));
    def(`${pre}.${u}comigt.${sfx}`, comi(FloatCC.Gt, lt));
    def(`${pre}.${u}comige.${sfx}`, comi(FloatCC.Ge, lt));
    def(`${pre}.${u}comineq.${sfx}`, comi(FloatCC.Ne, lt));
  }
}
def('sse.cvtss2si sse.cvtss2si64', cvtScalarToInt(F32, false));
def('sse.cvttss2si sse.cvttss2si64', cvtScalarToInt(F32, true));
def('sse.rcp.ps avx.rcp.ps.256', rcp(false, false));
def('sse.rsqrt.ps avx.rsqrt.ps.256', rcp(true, false));
def('sse.rcp.ss', rcp(false, true));
def('sse.rsqrt.ss', rcp(true, true));
def('sse.sfence', plain(Op.x86_sfence));
def('sse.ldmxcsr', onMemory(Op.x86_ldmxcsr));
def('sse.stmxcsr', onMemory(Op.x86_stmxcsr));
// SSE2
def('sse2.lfence', plain(Op.x86_lfence));
def('sse2.mfence', fence);
def('sse2.clflush', onMemory(Op.x86_clflush));
def('sse2.pause', plain(Op.x86_pause));
def('sse2.pmadd.wd avx2.pmadd.wd', pmaddwd);
def('sse2.psad.bw avx2.psad.bw', psadbw);
def('sse2.psll.w sse2.psll.d sse2.psll.q avx2.psll.w avx2.psll.d avx2.psll.q', shiftBy(Op.ishl));
def('sse2.psrl.w sse2.psrl.d sse2.psrl.q avx2.psrl.w avx2.psrl.d avx2.psrl.q', shiftBy(Op.ushr));
def('sse2.psra.w sse2.psra.d avx2.psra.w avx2.psra.d', shiftBy(Op.sshr));
def('sse2.cvtps2dq avx.cvt.ps2dq.256', cvtPs2dq(false));
def('sse2.cvttps2dq avx.cvtt.ps2dq.256', cvtPs2dq(true));
def('sse2.cvtpd2dq avx.cvt.pd2dq.256', cvtPd2dq(false));
def('sse2.cvttpd2dq avx.cvtt.pd2dq.256', cvtPd2dq(true));
def('sse2.cvtsd2si sse2.cvtsd2si64', cvtScalarToInt(F64, false));
def('sse2.cvttsd2si sse2.cvttsd2si64', cvtScalarToInt(F64, true));
def('sse2.cvtsd2ss', cvtsd2ss);
def('sse2.maskmov.dqu', maskmov);
def('sse2.packsswb.128 sse2.packssdw.128 avx2.packsswb avx2.packssdw', pack(Op.snarrow));
def('sse2.packuswb.128 sse41.packusdw avx2.packuswb avx2.packusdw', pack(Op.unarrow));
// SSE3, SSSE3
def('sse3.ldu.dq avx.ldu.dq.256', lddqu);
def('ssse3.pshuf.b.128 avx2.pshuf.b', pshufb);
def('ssse3.pmadd.ub.sw.128 avx2.pmadd.ub.sw', pmaddubsw);
def('ssse3.pmul.hr.sw.128 avx2.pmul.hr.sw', pmulhrsw);
def('ssse3.psign.b.128 ssse3.psign.w.128 ssse3.psign.d.128 avx2.psign.b avx2.psign.w avx2.psign.d', psign);
// SSE4.1
def('sse41.insertps', insertps);
def('sse41.dppd sse41.dpps avx.dp.ps.256', dp);
def('sse41.round.pd sse41.round.ps avx.round.pd.256 avx.round.ps.256', roundPacked);
def('sse41.round.sd sse41.round.ss', roundScalar);
def('sse41.phminposuw', phminposuw);
def('sse41.mpsadbw avx2.mpsadbw', mpsadbw);
def('sse41.ptestnzc avx.ptestnzc.256', test('nzc', false));
// SSE4.2
for (const e of [true, false]) {
  const p = e ? 'sse42.pcmpestr' : 'sse42.pcmpistr';
  def(`${p}i128`, strIndex(e));
  def(`${p}m128`, strMask(e));
  for (const fl of ['a', 'c', 'o', 's', 'z'] as const) def(`${p}i${fl}128`, strFlag(fl, e));
}
def('sse42.crc32.32.8', crc32(8));
def('sse42.crc32.32.16', crc32(16));
def('sse42.crc32.32.32', crc32(32));
def('sse42.crc32.64.64', crc32(64));
// AVX
// the upper halves of ymm registers hold nothing cgts code keeps (256-bit values live in two xmm halves)
def('avx.vzeroall avx.vzeroupper', () => {});
def('avx.vpermilvar.ps avx.vpermilvar.ps.256 avx.vpermilvar.pd avx.vpermilvar.pd.256', vpermilvar);
def('avx.vtestz.ps.256 avx.vtestz.pd.256', test('z', true));
def('avx.vtestc.ps.256 avx.vtestc.pd.256', test('c', true));
def('avx.vtestnzc.ps avx.vtestnzc.ps.256 avx.vtestnzc.pd avx.vtestnzc.pd.256', test('nzc', true));
// AVX2
def('avx2.permd avx2.permps', permd);
for (const ix of ['d', 'q']) for (const el of ['d', 'q', 'ps', 'pd']) def(`avx2.gather.${ix}.${el} avx2.gather.${ix}.${el}.256`, gather);
// BMI1, BMI2
def('bmi.bextr.32 bmi.bextr.64', bextr);
def('bmi.bzhi.32 bmi.bzhi.64', bzhi);
def('bmi.pdep.32 bmi.pdep.64', bitDeposit(false));
def('bmi.pext.32 bmi.pext.64', bitDeposit(true));
// ADX (the plain add-with-carry forms need no CPU feature)
def('addcarry.32 addcarry.64', carryChain(false));
def('subborrow.32 subborrow.64', carryChain(true));
// PCLMULQDQ, AES, SHA
def('pclmulqdq', pclmul);
def('aesni.aesenc', aes('enc'));
def('aesni.aesenclast', aes('enclast'));
def('aesni.aesdec', aes('dec'));
def('aesni.aesdeclast', aes('declast'));
def('aesni.aesimc', aesimc);
def('aesni.aeskeygenassist', aeskeygen);
def('sha1msg1', sha1msg1);
def('sha1msg2', sha1msg2);
def('sha1nexte', sha1nexte);
def('sha1rnds4', sha1rnds4);
def('sha256msg1', sha256msg1);
def('sha256msg2', sha256msg2);
def('sha256rnds2', sha256rnds2);
// RDRAND, RDSEED, RDTSC, XSAVE's xgetbv
def('rdrand.16 rdrand.32 rdrand.64', randomWord(Op.x86_rdrand));
def('rdseed.16 rdseed.32 rdseed.64', randomWord(Op.x86_rdseed));
def('rdtsc', rdtsc);
def('rdtscp', rdtscp);
def('xgetbv', xgetbv);

