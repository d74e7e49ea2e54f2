// Integer and float arithmetic, comparisons, select and casts. Odd-width
// integers (i1, i24, i40 ...) live in the next CLIF integer type with the bits
// above their width kept zero: producers that can set those bits mask them,
// signed operations sign-extend within the container first.

import { Op as L } from '../bitcode/module.js';
import { Op } from '../ir/opcodes.js';
import { IntCC, FloatCC, MemFlag } from '../ir/immediates.js';
import { INVALID, I8, I32, I64, I128, F16, F32, F64, F128, isVector, isFloat, laneOf, laneCount, typeBits, asInt, type Type } from '../ir/types.js';
import type { Value } from '../ir/function.js';
import { isFullWidth } from './layout.js';
import type { Tx } from './context.js';

const INT_BINOP = [Op.iadd, Op.isub, Op.imul, Op.udiv, Op.sdiv, Op.urem, Op.srem, Op.ishl, Op.ushr, Op.sshr, Op.band, Op.bor, Op.bxor];

export function translateBinop(tx: Tx, i: number): void {
  const body = tx.body;
  const op = body.op[i]!;
  const ty = body.ty[i]!;
  const ct = tx.L.clif(ty);
  if (ct === INVALID) throw tx.err(`arithmetic on unsupported type ${tx.typeName(ty)}`);
  let a = tx.value(body.operand(i, 0));
  let b = tx.value(body.operand(i, 1));
  if (op >= L.FAdd) {
    let r: Value;
    switch (op) {
      case L.FAdd: r = tx.bin(Op.fadd, ct, a, b); break;
      case L.FSub: r = tx.bin(Op.fsub, ct, a, b); break;
      case L.FMul: r = tx.bin(Op.fmul, ct, a, b); break;
      case L.FDiv: r = tx.bin(Op.fdiv, ct, a, b); break;
      default: r = floatRem(tx, ct, a, b);
    }
    tx.define1(body.val[i]!, r);
    return;
  }
  const scalar = tx.L.isInt(ty);
  const bits = scalar ? tx.L.intBits(ty) : typeBits(laneOf(ct));
  if (!scalar && (op === L.UDiv || op === L.SDiv || op === L.URem || op === L.SRem)) throw tx.err('vector integer division is not supported');
  if (!scalar && (op === L.Shl || op === L.LShr || op === L.AShr)) {
    tx.define1(body.val[i]!, vectorShift(tx, op, ct, a, body.operand(i, 1)));
    return;
  }
  if (!isFullWidth(bits) && (op === L.SDiv || op === L.SRem || op === L.AShr)) {
    a = tx.signExtendInPlace(a, bits);
    if (op !== L.AShr) b = tx.signExtendInPlace(b, bits);
  }
  let r = tx.bin(INT_BINOP[op]!, ct, a, b);
  if (op !== L.UDiv && op !== L.URem && op !== L.LShr && op !== L.And && op !== L.Or && op !== L.Xor) r = tx.mask(r, bits);
  tx.define1(body.val[i]!, r);
}

/** A vector shift: the amount is a vector; rustc's uniform shifts splat one scalar. */
function vectorShift(tx: Tx, op: number, ct: Type, a: Value, amountV: number): Value {
  const clifOp = op === L.Shl ? Op.ishl : op === L.LShr ? Op.ushr : Op.sshr;
  // a constant splat amount becomes a scalar amount
  const amt = tx.leaf(amountV, 0);
  const lanes = laneCount(ct);
  let out = -1;
  for (let k = 0; k < lanes; k++) {
    const x = tx.val(Op.extractlane, ct, [a], k);
    const s = tx.val(Op.extractlane, ct, [amt], k);
    const y = tx.bin(clifOp, laneOf(ct), x, s);
    out = out < 0 ? tx.un(Op.splat, ct, y) : tx.val(Op.insertlane, ct, [out, y], k);
  }
  return out;
}

function floatRem(tx: Tx, ct: Type, a: Value, b: Value): Value {
  if (ct === F32) return tx.f.result(tx.libcall('fmodf', [F32, F32], [F32], [a, b]));
  if (ct === F64) return tx.f.result(tx.libcall('fmod', [F64, F64], [F64], [a, b]));
  if (ct === F128) return tx.f.result(tx.libcall('fmodf128', [F128, F128], [F128], [a, b]));
  if (ct === F16) {
    const x = tx.f.result(tx.libcall('fmodf', [F32, F32], [F32], [extendHalf(tx, a), extendHalf(tx, b)]));
    return truncToHalf(tx, x);
  }
  throw tx.err('frem on vectors is not supported');
}

export function extendHalf(tx: Tx, x: Value): Value {
  return tx.f.result(tx.libcall('__extendhfsf2', [F16], [F32], [x]));
}
export function truncToHalf(tx: Tx, x: Value): Value {
  return tx.f.result(tx.libcall('__truncsfhf2', [F32], [F16], [x]));
}

export function translateFNeg(tx: Tx, i: number): void {
  const body = tx.body;
  const ct = tx.L.clif(body.ty[i]!);
  tx.define1(body.val[i]!, tx.un(Op.fneg, ct, tx.value(body.operand(i, 0))));
}

// LLVM icmp predicates 32..41 -> IntCC
const ICMP: number[] = [IntCC.Eq, IntCC.Ne, IntCC.Ugt, IntCC.Uge, IntCC.Ult, IntCC.Ule, IntCC.Sgt, IntCC.Sge, IntCC.Slt, IntCC.Sle];
// LLVM fcmp predicates 0..15 -> FloatCC (-1: constant false, -2: constant true)
const FCMP: number[] = [-1, FloatCC.Eq, FloatCC.Gt, FloatCC.Ge, FloatCC.Lt, FloatCC.Le, FloatCC.One, FloatCC.Ord,
  FloatCC.Uno, FloatCC.Ueq, FloatCC.Ugt, FloatCC.Uge, FloatCC.Ult, FloatCC.Ule, FloatCC.Ne, -2];

export function translateCmp(tx: Tx, i: number): void {
  const body = tx.body;
  const av = body.operand(i, 0);
  const aty = tx.llvmType(av);
  let a = tx.value(av);
  let b = tx.value(body.operand(i, 1));
  const pred = body.flags[i]! & 0xff;
  const ct = tx.typeOf(a);
  if (body.op[i] === L.ICmp) {
    const cc = ICMP[pred - 32];
    if (cc === undefined) throw tx.err(`icmp predicate ${pred}`);
    if (tx.L.isInt(aty) && !isFullWidth(tx.L.intBits(aty)) && (cc === IntCC.Sgt || cc === IntCC.Sge || cc === IntCC.Slt || cc === IntCC.Sle)) {
      a = tx.signExtendInPlace(a, tx.L.intBits(aty));
      b = tx.signExtendInPlace(b, tx.L.intBits(aty));
    }
    let r = tx.val(Op.icmp, ct, [a, b], cc);
    if (isVector(ct)) r = maskToResult(tx, r, body.ty[i]!);
    tx.define1(body.val[i]!, r);
    return;
  }
  const cc = FCMP[pred];
  if (cc === undefined) throw tx.err(`fcmp predicate ${pred}`);
  let r: Value;
  if (cc < 0) {
    const rt = tx.L.clif(body.ty[i]!);
    r = isVector(rt) ? (cc === -2 ? tx.un(Op.bnot, rt, tx.zero(rt)) : tx.zero(rt)) : tx.iconst(I8, cc === -2 ? 1 : 0);
  } else if (ct === F16 || ct === F128) {
    r = softFloatCompare(tx, ct, cc, a, b);
  } else {
    r = tx.val(Op.fcmp, ct, [a, b], cc);
    if (isVector(ct)) r = maskToResult(tx, r, body.ty[i]!);
  }
  tx.define1(body.val[i]!, r);
}

/** A compare's lane mask as the CLIF type of its LLVM <N x i1> result. */
function maskToResult(tx: Tx, mask: Value, resultTy: number): Value {
  const want = tx.L.clif(resultTy);
  if (want === INVALID) throw tx.err(`vector compare result ${tx.typeName(resultTy)}`);
  const have = tx.typeOf(mask);
  if (have === want) return mask;
  return convertMask(tx, mask, want);
}

/** Converts a lane mask (0/-1 lanes) to another lane width with the same lane count, lane by lane. */
export function convertMask(tx: Tx, mask: Value, want: Type): Value {
  const have = tx.typeOf(mask);
  if (have === want) return mask;
  const n = laneCount(have);
  if (n !== laneCount(want)) throw tx.err('vector mask lane counts differ');
  const lane = laneOf(want);
  let out = -1;
  for (let k = 0; k < n; k++) {
    const x = tx.resize(tx.val(Op.extractlane, have, [mask], k), lane, true);
    out = out < 0 ? tx.un(Op.splat, want, x) : tx.val(Op.insertlane, want, [out, x], k);
  }
  return out;
}

/** f16/f128 comparisons through compiler-builtins (`__eqtf2` family) as LLVM lowers them. */
function softFloatCompare(tx: Tx, ct: Type, cc: number, a: Value, b: Value): Value {
  if (ct === F16) return tx.val(Op.fcmp, F32, [extendHalf(tx, a), extendHalf(tx, b)], cc);
  const call = (name: string) => tx.f.result(tx.libcall(name, [F128, F128], [I32], [a, b]));
  const zero = () => tx.iconst(I32, 0);
  const unord = () => tx.val(Op.icmp, I32, [call('__unordtf2'), zero()], IntCC.Ne);
  switch (cc) {
    case FloatCC.Eq: return tx.val(Op.icmp, I32, [call('__eqtf2'), zero()], IntCC.Eq);
    case FloatCC.Ne: return tx.val(Op.icmp, I32, [call('__netf2'), zero()], IntCC.Ne);
    case FloatCC.Lt: return tx.val(Op.icmp, I32, [call('__lttf2'), zero()], IntCC.Slt);
    case FloatCC.Le: return tx.val(Op.icmp, I32, [call('__letf2'), zero()], IntCC.Sle);
    case FloatCC.Gt: return tx.val(Op.icmp, I32, [call('__gttf2'), zero()], IntCC.Sgt);
    case FloatCC.Ge: return tx.val(Op.icmp, I32, [call('__getf2'), zero()], IntCC.Sge);
    case FloatCC.Uno: return unord();
    case FloatCC.Ord: return tx.bin(Op.bxor, I8, unord(), tx.iconst(I8, 1));
  }
  // unordered-or-X and one: combine
  const u = unord();
  const x = (() => {
    switch (cc) {
      case FloatCC.Ueq: return tx.val(Op.icmp, I32, [call('__eqtf2'), zero()], IntCC.Eq);
      case FloatCC.Ult: return tx.val(Op.icmp, I32, [call('__lttf2'), zero()], IntCC.Slt);
      case FloatCC.Ule: return tx.val(Op.icmp, I32, [call('__letf2'), zero()], IntCC.Sle);
      case FloatCC.Ugt: return tx.val(Op.icmp, I32, [call('__gttf2'), zero()], IntCC.Sgt);
      case FloatCC.Uge: return tx.val(Op.icmp, I32, [call('__getf2'), zero()], IntCC.Sge);
      case FloatCC.One: return tx.val(Op.icmp, I32, [call('__netf2'), zero()], IntCC.Ne);
    }
    throw tx.err(`fp128 compare ${cc}`);
  })();
  if (cc === FloatCC.One) return tx.bin(Op.band, I8, x, tx.bin(Op.bxor, I8, u, tx.iconst(I8, 1)));
  return tx.bin(Op.bor, I8, x, u);
}

export function translateSelect(tx: Tx, i: number): void {
  const body = tx.body;
  const cv = body.operand(i, 0), av = body.operand(i, 1), bv = body.operand(i, 2);
  const c = tx.value(cv);
  const ty = body.ty[i]!;
  const n = tx.L.leaves(ty);
  const buf = tx.buf;
  const vectorCond = isVector(tx.typeOf(c));
  for (let k = 0; k < n; k++) {
    const a = tx.leaf(av, k), b = tx.leaf(bv, k);
    const t = tx.typeOf(a);
    if (vectorCond) {
      let m = c;
      if (typeBits(laneOf(tx.typeOf(c))) !== typeBits(laneOf(t))) m = convertMask(tx, c, asInt(t));
      buf[k] = tx.tern(Op.bitselect, t, tx.bitcast(t, m), a, b);
    } else buf[k] = tx.tern(Op.select, t, c, a, b);
  }
  tx.define(body.val[i]!, buf, n);
}

export function translateCast(tx: Tx, i: number): void {
  const body = tx.body;
  const L2 = tx.L;
  const op = body.op[i]!;
  const src = body.operand(i, 0);
  const sty = tx.llvmType(src);
  const dty = body.ty[i]!;
  const x = tx.value(src);
  const from = tx.typeOf(x);
  const to = L2.clif(dty);
  if (to === INVALID) throw tx.err(`cast to unsupported type ${tx.typeName(dty)}`);
  let r: Value;
  switch (op) {
    case L.Trunc: {
      if (isVector(from)) { r = vectorTrunc(tx, x, sty, dty); break; }
      r = typeBits(from) > typeBits(to) ? tx.un(Op.ireduce, to, x) : x;
      r = tx.mask(r, L2.intBits(dty));
      break;
    }
    case L.ZExt:
      if (isVector(from)) { r = vectorExtend(tx, x, sty, dty, false); break; }
      r = tx.resize(x, to, false);
      break;
    case L.SExt: {
      if (isVector(from)) { r = vectorExtend(tx, x, sty, dty, true); break; }
      const sb = L2.intBits(sty);
      r = tx.resize(tx.signExtendInPlace(x, sb), to, true);
      r = tx.mask(r, L2.intBits(dty));
      break;
    }
    case L.PtrToInt: case L.IntToPtr: case L.PtrToAddr:
      r = tx.mask(tx.resize(x, to, false), L2.isInt(dty) ? L2.intBits(dty) : 64);
      break;
    case L.FPToSI: case L.FPToUI:
      r = floatToInt(tx, x, from, to, op === L.FPToSI, L2.intBits(dty));
      break;
    case L.SIToFP: case L.UIToFP:
      r = intToFloat(tx, x, L2.intBits(sty), to, op === L.SIToFP);
      break;
    case L.FPExt: case L.FPTrunc:
      r = floatResize(tx, x, from, to);
      break;
    case L.BitCast:
      r = bitcastValue(tx, x, sty, dty);
      break;
    default:
      throw tx.err('this cast is not supported');
  }
  tx.define1(body.val[i]!, r);
}

function vectorTrunc(tx: Tx, x: Value, _sty: number, dty: number): Value {
  const to = tx.L.clif(dty);
  const from = tx.typeOf(x);
  const e = tx.m.types.a[dty]!;
  if (tx.L.isInt(e) && tx.L.intBits(e) === 1) {
    // lane i1 = low bit: a mask of lanes whose low bit is set
    const one = tx.un(Op.splat, from, tx.iconst(laneOf(from), 1));
    const m = tx.val(Op.icmp, from, [tx.bin(Op.band, from, x, one), one], IntCC.Eq);
    return tx.typeOf(m) === to ? m : convertMask(tx, m, to);
  }
  throw tx.err(`vector trunc to ${tx.typeName(dty)}`);
}

function vectorExtend(tx: Tx, x: Value, sty: number, dty: number, signed: boolean): Value {
  const to = tx.L.clif(dty);
  const e = tx.m.types.a[sty]!;
  if (tx.L.isInt(e) && tx.L.intBits(e) === 1) {
    // a mask (0/-1 lanes) becomes -1/0 (sext) or 1/0 (zext) lanes of the target width
    let m = tx.typeOf(x) === asInt(to) ? x : convertMask(tx, x, asInt(to));
    if (!signed) m = tx.bin(Op.band, to, m, tx.un(Op.splat, to, tx.iconst(laneOf(to), 1)));
    return m;
  }
  // one widening step at a time: low halves only when the lane count is kept
  const from = tx.typeOf(x);
  if (laneCount(from) === laneCount(to) && typeBits(laneOf(to)) === 2 * typeBits(laneOf(from)) && typeBits(from) === 64) {
    const wide = tx.bitcast(tx.typeOf(x), x);
    return tx.un(signed ? Op.swiden_low : Op.uwiden_low, widenSource(from), tx.un(Op.scalar_to_vector, widenSource(from), tx.bitcast(I64, wide)));
  }
  throw tx.err(`vector extension from ${tx.typeName(sty)} to ${tx.typeName(dty)}`);
}

/** The 128-bit vector with the lanes of a 64-bit vector type. */
function widenSource(t: Type): Type {
  return (t & 0xf) | ((((t >> 4) & 0xf) + 1) << 4);
}

function floatToInt(tx: Tx, x: Value, from: Type, to: Type, signed: boolean, bits: number): Value {
  let f = x;
  if (from === F16) f = extendHalf(tx, x);
  if (from === F128) {
    const name = (signed ? '__fixtf' : '__fixunstf') + (to === I128 ? 'ti' : to === I64 ? 'di' : 'si');
    const rt = to === I128 ? I128 : to === I64 ? I64 : I32;
    const r = tx.f.result(tx.libcall(name, [F128], [rt], [x]));
    return tx.mask(tx.resize(r, to, signed), bits);
  }
  if (isVector(from)) return tx.un(signed ? Op.fcvt_to_sint_sat : Op.fcvt_to_uint_sat, to, f);
  const wide = typeBits(to) < 32 ? I32 : to;
  let r = tx.un(signed ? Op.fcvt_to_sint_sat : Op.fcvt_to_uint_sat, wide, f);
  if (wide !== to) r = tx.un(Op.ireduce, to, r);
  return tx.mask(r, bits);
}

function intToFloat(tx: Tx, x: Value, bits: number, to: Type, signed: boolean): Value {
  if (isVector(to)) return tx.un(signed ? Op.fcvt_from_sint : Op.fcvt_from_uint, to, x);
  let v = x;
  if (!isFullWidth(bits) && signed) v = tx.signExtendInPlace(v, bits);
  if (typeBits(tx.typeOf(v)) < 32) v = tx.un(signed ? Op.sextend : Op.uextend, I32, v);
  if (to === F16) return truncToHalf(tx, tx.un(signed ? Op.fcvt_from_sint : Op.fcvt_from_uint, F32, v));
  if (to === F128) {
    const it = tx.typeOf(v);
    const suffix = it === I128 ? 'ti' : it === I64 ? 'di' : 'si';
    return tx.f.result(tx.libcall(`${signed ? '__float' : '__floatun'}${suffix}tf`, [it], [F128], [v]));
  }
  return tx.un(signed ? Op.fcvt_from_sint : Op.fcvt_from_uint, to, v);
}

function floatResize(tx: Tx, x: Value, from: Type, to: Type): Value {
  if (isVector(from)) return tx.un(typeBits(laneOf(to)) > typeBits(laneOf(from)) ? Op.fvpromote_low : Op.fvdemote, from, x);
  if (from === F32 && to === F64) return tx.un(Op.fpromote, F64, x);
  if (from === F64 && to === F32) return tx.un(Op.fdemote, F32, x);
  const names: Record<string, string> = {
    [`${F16}>${F32}`]: '__extendhfsf2', [`${F16}>${F64}`]: '__extendhfdf2', [`${F16}>${F128}`]: '__extendhftf2',
    [`${F32}>${F16}`]: '__truncsfhf2', [`${F64}>${F16}`]: '__truncdfhf2', [`${F128}>${F16}`]: '__trunctfhf2',
    [`${F32}>${F128}`]: '__extendsftf2', [`${F64}>${F128}`]: '__extenddftf2',
    [`${F128}>${F32}`]: '__trunctfsf2', [`${F128}>${F64}`]: '__trunctfdf2',
  };
  const name = names[`${from}>${to}`];
  if (!name) throw tx.err(`float conversion from ${from} to ${to}`);
  return tx.f.result(tx.libcall(name, [from], [to], [x]));
}

/** A bitcast between LLVM types of equal size, including <N x i1> masks to and from integers. */
export function bitcastValue(tx: Tx, x: Value, sty: number, dty: number): Value {
  const from = tx.typeOf(x);
  const to = tx.L.clif(dty);
  if (from === to) return x;
  const se = tx.L.isVector(sty) ? tx.m.types.a[sty]! : -1;
  if (se >= 0 && tx.L.isInt(se) && tx.L.intBits(se) === 1 && !isVector(to)) {
    // mask -> integer: one bit per lane
    return tx.val(Op.vhigh_bits, to, [x]);
  }
  const de = tx.L.isVector(dty) ? tx.m.types.a[dty]! : -1;
  if (de >= 0 && tx.L.isInt(de) && tx.L.intBits(de) === 1) throw tx.err('bitcast from an integer to an <N x i1> mask is not supported');
  if (isVector(from) || isVector(to)) return tx.val(Op.bitcast, to, [x], MemFlag.Little);
  if (isFloat(from) || isFloat(to)) return tx.val(Op.bitcast, to, [x], 0);
  return x;
}

export { I64, I8 };
