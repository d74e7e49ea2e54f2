// Integer and float arithmetic, comparisons, select and casts. Odd-width
// integers (i1, i24, i40 ...) live in the next CLIF integer type with the bits
// above their width kept zero: producers that can set those bits mask them,
// signed operations sign-extend within the container first.

import { Op as L } from '../bitcode/module.js';
import { Op } from '../ir/opcodes.js';
import { IntCC, FloatCC, invertIntCC } from '../ir/immediates.js';
import { INVALID, I8, I16, I32, I64, I128, F16, F32, F64, F128, isVector, laneOf, laneCount, typeBits, type Type } from '../ir/types.js';
import { allLanes, buildParts, constMask, isMaskType, masksForData, masksToParts, partType, parts, splatConst, uniformConst } from './lanes.js';
import type { Value } from '../ir/function.js';
import { isFullWidth } from './layout.js';
import type { Tx } from './context.js';

const INT_BINOP = [Op.iadd, Op.isub, Op.imul, Op.udiv, Op.sdiv, Op.urem, Op.srem, Op.ishl, Op.ushr, Op.sshr, Op.band, Op.bor, Op.bxor];

export function translateBinop(tx: Tx, i: number): void {
  const body = tx.body;
  const op = body.op[i]!;
  const ty = body.ty[i]!;
  if (tx.L.isVector(ty)) return vectorBinop(tx, i, op, ty);
  const ct = tx.L.clif(ty);
  if (ct === INVALID) throw tx.err(`arithmetic on unsupported type ${tx.typeName(ty)}`);
  let a = tx.value(body.operand(i, 0));
  let b = tx.value(body.operand(i, 1));
  if (op >= L.FAdd) {
    tx.define1(body.val[i]!, floatBinop(tx, op, ct, a, b));
    return;
  }
  const bits = tx.L.intBits(ty);
  if (!isFullWidth(bits) && (op === L.SDiv || op === L.SRem || op === L.AShr)) {
    a = tx.signExtendInPlace(a, bits);
    if (op !== L.AShr) b = tx.signExtendInPlace(b, bits);
  }
  let r: Value;
  const k = op === L.And || op === L.Or || op === L.Xor ? tx.constBig(body.operand(i, 1)) : null;
  if (k !== null && (op === L.And ? k === (1n << BigInt(bits)) - 1n : k === 0n) && !tx.isConstant(body.operand(i, 0))) {
    // and with all ones, or/xor with zero: the operand itself
    tx.define1(body.val[i]!, a);
    return;
  }
  if (op === L.Xor && bits === 1 && tx.constBig(body.operand(i, 1)) === 1n && tx.isBool(a) && tx.f.instOp[tx.f.valueDef[a]!] === Op.icmp) {
    // not of a compare: the inverse compare
    tx.define1(body.val[i]!, notBool(tx, a));
    return;
  }
  const d = op === L.UDiv || op === L.URem ? tx.constBig(body.operand(i, 1)) : null;
  if (d !== null && d > 0n && (d & (d - 1n)) === 0n) {
    // unsigned division by a power of two: a shift or a mask
    r = op === L.UDiv ? tx.bin(Op.ushr, ct, a, tx.iconst(I8, d.toString(2).length - 1)) : tx.bin(Op.band, ct, a, tx.iconst(ct, d - 1n));
  } else r = tx.bin(INT_BINOP[op]!, ct, a, b);
  if (op !== L.UDiv && op !== L.URem && op !== L.LShr && op !== L.And && op !== L.Or && op !== L.Xor) r = tx.mask(r, bits);
  tx.define1(body.val[i]!, r);
}

/** The inverse of i1 value `c` (0 or 1): the inverse compare when c is an integer compare. */
function notBool(tx: Tx, c: Value): Value {
  const f = tx.f;
  if (tx.isBool(c) && f.instOp[f.valueDef[c]!] === Op.icmp) {
    const d = f.valueDef[c]!;
    return tx.val(Op.icmp, f.instType[d]!, [f.arg(d, 0), f.arg(d, 1)], invertIntCC(f.instImm0[d] as IntCC));
  }
  return tx.bin(Op.bxor, tx.typeOf(c), c, tx.iconst(tx.typeOf(c), 1));
}

function floatBinop(tx: Tx, op: number, ct: Type, a: Value, b: Value): Value {
  if (ct === F16 && op !== L.FRem) {
    // as LLVM promotes half: compute in f32, round once to f16
    return truncToHalf(tx, floatBinop(tx, op, F32, extendHalf(tx, a), extendHalf(tx, b)));
  }
  if (ct === F128 && op !== L.FRem) {
    const name = op === L.FAdd ? '__addtf3' : op === L.FSub ? '__subtf3' : op === L.FMul ? '__multf3' : '__divtf3';
    return tx.f.result(tx.libcall(name, [F128, F128], [F128], [a, b]));
  }
  switch (op) {
    case L.FAdd: return tx.bin(Op.fadd, ct, a, b);
    case L.FSub: return tx.bin(Op.fsub, ct, a, b);
    case L.FMul: return tx.bin(Op.fmul, ct, a, b);
    case L.FDiv: return tx.bin(Op.fdiv, ct, a, b);
  }
  return floatRem(tx, ct, a, b);
}

/**
 * Vector arithmetic part by part; division, remainder and shifts (whose
 * amounts are per lane) lane by lane.
 */
function vectorBinop(tx: Tx, i: number, op: number, ty: number): void {
  const body = tx.body;
  const pt = partType(tx, ty);
  const av = body.operand(i, 0), bv = body.operand(i, 1);
  const out: Value[] = [];
  const isShift = op === L.Shl || op === L.LShr || op === L.AShr;
  const laneWise = op === L.UDiv || op === L.SDiv || op === L.URem || op === L.SRem || isShift || op === L.FRem;
  const amount = isShift ? uniformConst(tx, bv) : null;
  if (amount !== null && amount < BigInt(typeBits(laneOf(pt)))) {
    // the same amount in every lane: one vector shift per part
    const n = tx.L.vectorParts(ty);
    for (let k = 0; k < n; k++) out.push(tx.bin(INT_BINOP[op]!, pt, tx.leaf(av, k), tx.iconst(I32, amount)));
  } else if (laneWise) {
    const xs = allLanes(tx, av), ys = allLanes(tx, bv);
    const lt = laneOf(pt);
    const lanes = xs.map((x, k) => (op === L.FRem ? floatRem(tx, lt, x, ys[k]!) : tx.bin(INT_BINOP[op]!, lt, x, ys[k]!)));
    out.push(...buildParts(tx, pt, lanes));
  } else {
    const n = tx.L.vectorParts(ty);
    for (let k = 0; k < n; k++) {
      const a = tx.leaf(av, k), b = tx.leaf(bv, k);
      out.push(op >= L.FAdd ? floatBinop(tx, op, pt, a, b) : tx.bin(INT_BINOP[op]!, pt, a, b));
    }
  }
  tx.define(body.val[i]!, out);
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
  const ty = body.ty[i]!;
  const v = body.operand(i, 0);
  const n = tx.L.leaves(ty);
  const out: Value[] = [];
  for (let k = 0; k < n; k++) {
    const t = tx.L.leafType[tx.L.leafBase(ty) + k]!;
    const x = tx.leaf(v, k);
    if (t === F16 || t === F128) {
      // flip the sign bit
      const it = t === F16 ? I16 : I128;
      const sign = tx.iconst(it, 1n << BigInt(typeBits(it) - 1));
      out.push(tx.bitcast(t, tx.bin(Op.bxor, it, tx.bitcast(it, x), sign)));
    } else out.push(tx.un(Op.fneg, t, x));
  }
  tx.define(body.val[i]!, out);
}

// LLVM icmp predicates 32..41 -> IntCC
const ICMP: number[] = [IntCC.Eq, IntCC.Ne, IntCC.Ugt, IntCC.Uge, IntCC.Ult, IntCC.Ule, IntCC.Sgt, IntCC.Sge, IntCC.Slt, IntCC.Sle];
// LLVM fcmp predicates 0..15 -> FloatCC (-1: constant false, -2: constant true)
const FCMP: number[] = [-1, FloatCC.Eq, FloatCC.Gt, FloatCC.Ge, FloatCC.Lt, FloatCC.Le, FloatCC.One, FloatCC.Ord,
  FloatCC.Uno, FloatCC.Ueq, FloatCC.Ugt, FloatCC.Uge, FloatCC.Ult, FloatCC.Ule, FloatCC.Ne, -2];

export function translateCmp(tx: Tx, i: number): void {
  const body = tx.body;
  const av = body.operand(i, 0), bv = body.operand(i, 1);
  const aty = tx.llvmType(av);
  const pred = body.flags[i]! & 0xff;
  const isInt = body.op[i] === L.ICmp;
  const cc = isInt ? ICMP[pred - 32] : FCMP[pred];
  if (cc === undefined) throw tx.err(`${isInt ? 'icmp' : 'fcmp'} predicate ${pred}`);
  if (tx.L.isVector(aty)) {
    const rty = body.ty[i]!;
    const n = tx.L.vectorParts(aty);
    const cmps: Value[] = [];
    if (cc < 0) {
      const rp = partType(tx, rty);
      for (let k = 0; k < tx.L.vectorParts(rty); k++) cmps.push(constMask(tx, rp, cc === -2));
      tx.define(body.val[i]!, cmps);
      return;
    }
    for (let k = 0; k < n; k++) {
      const a = tx.leaf(av, k), b = tx.leaf(bv, k);
      cmps.push(tx.val(isInt ? Op.icmp : Op.fcmp, tx.typeOf(a), [a, b], cc));
    }
    tx.define(body.val[i]!, masksToParts(tx, cmps, rty));
    return;
  }
  let a = tx.value(av);
  let b = tx.value(bv);
  const ct = tx.typeOf(a);
  let r: Value;
  if (isInt) {
    if (tx.L.isInt(aty) && !isFullWidth(tx.L.intBits(aty)) && (cc === IntCC.Sgt || cc === IntCC.Sge || cc === IntCC.Slt || cc === IntCC.Sle)) {
      a = tx.signExtendInPlace(a, tx.L.intBits(aty));
      b = tx.signExtendInPlace(b, tx.L.intBits(aty));
    }
    r = tx.val(Op.icmp, ct, [a, b], cc);
  } else if (cc < 0) r = tx.iconst(I8, cc === -2 ? 1 : 0);
  else if (ct === F16 || ct === F128) r = softFloatCompare(tx, ct, cc, a, b);
  else r = tx.val(Op.fcmp, ct, [a, b], cc);
  tx.define1(body.val[i]!, r);
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
  const ty = body.ty[i]!;
  const n = tx.L.leaves(ty);
  const out: Value[] = [];
  if (tx.L.isVector(tx.llvmType(cv))) {
    const pt = partType(tx, ty);
    const masks = masksForData(tx, cv, pt, n);
    for (let k = 0; k < n; k++) out.push(tx.tern(Op.bitselect, pt, tx.bitcast(pt, masks[k]!), tx.leaf(av, k), tx.leaf(bv, k)));
  } else {
    const c = tx.value(cv);
    const ka = n === 1 && tx.L.isInt(ty) ? tx.constBig(av) : null, kb = ka !== null ? tx.constBig(bv) : null;
    if ((ka === 1n && kb === 0n) || (ka === 0n && kb === 1n)) {
      // select c, 1, 0 is c itself (0 or 1), widened; select c, 0, 1 its inverse
      out.push(tx.resize(ka === 1n ? c : notBool(tx, c), tx.L.clif(ty), false));
    } else {
      for (let k = 0; k < n; k++) {
        const a = tx.leaf(av, k);
        out.push(tx.tern(Op.select, tx.typeOf(a), c, a, tx.leaf(bv, k)));
      }
    }
  }
  tx.define(body.val[i]!, out);
}

export function translateCast(tx: Tx, i: number): void {
  const body = tx.body;
  const op = body.op[i]!;
  const src = body.operand(i, 0);
  const sty = tx.llvmType(src);
  const dty = body.ty[i]!;
  if (op === L.BitCast) {
    tx.define(body.val[i]!, bitcastValue(tx, src, sty, dty));
    return;
  }
  if (tx.L.isVector(sty)) {
    tx.define(body.val[i]!, vectorCast(tx, op, src, sty, dty));
    return;
  }
  const to = tx.L.clif(dty);
  if (to === INVALID) throw tx.err(`cast to unsupported type ${tx.typeName(dty)}`);
  tx.define1(body.val[i]!, castScalar(tx, op, tx.value(src), sty, dty));
}

/** A cast of one scalar value of LLVM type `sty` to LLVM type `dty` (odd widths kept zero-extended). */
function castScalar(tx: Tx, op: number, x: Value, sty: number, dty: number): Value {
  const L2 = tx.L;
  const from = tx.typeOf(x);
  const to = L2.clif(dty);
  switch (op) {
    case L.Trunc: {
      const r = typeBits(from) > typeBits(to) ? tx.reduce(x, to) : x;
      return tx.mask(r, L2.intBits(dty));
    }
    case L.ZExt:
      return tx.resize(x, to, false);
    case L.SExt: {
      const r = tx.resize(tx.signExtendInPlace(x, L2.intBits(sty)), to, true);
      return tx.mask(r, L2.intBits(dty));
    }
    case L.PtrToInt: case L.IntToPtr: case L.PtrToAddr:
      return tx.mask(tx.resize(x, to, false), L2.isInt(dty) ? L2.intBits(dty) : 64);
    case L.FPToSI: case L.FPToUI:
      return floatToInt(tx, x, from, to, op === L.FPToSI, L2.intBits(dty));
    case L.SIToFP: case L.UIToFP:
      return intToFloat(tx, x, L2.intBits(sty), to, op === L.SIToFP);
    case L.FPExt: case L.FPTrunc:
      return floatResize(tx, x, from, to);
  }
  throw tx.err('this cast is not supported');
}

/**
 * A lane-wise cast of vector value `src`. Mask lanes (0/-1) are read as i1
 * and written back as 0/-1; the common hashbrown form (sext of a mask to its
 * own lane width) is free.
 */
function vectorCast(tx: Tx, op: number, src: number, sty: number, dty: number): Value[] {
  const t = tx.m.types;
  const se = t.a[sty]!, de = t.a[dty]!;
  const sMask = isMaskType(tx, sty), dMask = isMaskType(tx, dty);
  const dpt = partType(tx, dty);
  const samePartsAs = tx.L.vectorParts(sty) === tx.L.vectorParts(dty) && partType(tx, sty) === dpt;
  if (sMask && op === L.SExt && samePartsAs) return parts(tx, src);
  // whole parts: a mask's zext is its lowest bit; a trunc to a mask spreads each lane's lowest bit over the lane
  if (samePartsAs && ((sMask && op === L.ZExt) || (dMask && op === L.Trunc))) {
    const one = splatConst(tx, dpt, 1n);
    return parts(tx, src).map((x) => {
      const bit = tx.bin(Op.band, dpt, x, one);
      return dMask ? tx.un(Op.ineg, dpt, bit) : bit;
    });
  }
  const lanes = allLanes(tx, src);
  const out: Value[] = [];
  for (let x of lanes) {
    if (sMask) x = tx.bin(Op.band, tx.typeOf(x), x, tx.iconst(tx.typeOf(x), 1));
    const xs = sMask ? tx.resize(x, I8, false) : x;
    let y = castScalar(tx, op, xs, se, de);
    if (dMask) y = tx.un(Op.ineg, laneOf(dpt), tx.resize(y, laneOf(dpt), false));
    out.push(y);
  }
  return buildParts(tx, dpt, out);
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

/** The lanes of mask `src` (an <N x i1> value) as an integer of CLIF type `to`, one bit per lane, lane 0 lowest. */
export function maskBits(tx: Tx, src: number, to: Type): Value {
  const ps = parts(tx, src);
  let r = -1;
  for (let k = 0; k < ps.length; k++) {
    const pt = tx.typeOf(ps[k]!);
    const per = laneCount(pt);
    let b = tx.val(Op.vhigh_bits, per <= 8 ? I8 : per <= 16 ? I16 : I32, [ps[k]!]);
    b = tx.resize(b, to, false);
    if (k > 0) b = tx.bin(Op.ishl, to, b, tx.iconst(I8, k * per));
    r = r < 0 ? b : tx.bin(Op.bor, to, r, b);
  }
  return r;
}

/** The parts of the mask of LLVM type `maskTy` whose lane k is bit k of integer `x`. */
export function maskFromBits(tx: Tx, x: Value, maskTy: number): Value[] {
  const xt = tx.typeOf(x);
  const pt = partType(tx, maskTy);
  const lanes: Value[] = [];
  for (let k = 0; k < tx.m.types.count[maskTy]!; k++) {
    const bit = tx.bin(Op.band, xt, tx.bin(Op.ushr, xt, x, tx.iconst(I8, k)), tx.iconst(xt, 1));
    lanes.push(tx.un(Op.ineg, laneOf(pt), tx.resize(bit, laneOf(pt), false)));
  }
  return buildParts(tx, pt, lanes);
}

/** A bitcast between LLVM types of equal size, including <N x i1> masks to and from integers; returns the result's leaves. */
export function bitcastValue(tx: Tx, src: number, sty: number, dty: number): Value[] {
  const sMask = isMaskType(tx, sty), dMask = isMaskType(tx, dty);
  if (sMask && !dMask) return [maskBits(tx, src, tx.L.clif(dty))];
  if (dMask && !sMask) return maskFromBits(tx, tx.value(src), dty);
  const n = tx.L.leaves(dty);
  if (tx.L.leaves(sty) !== n) throw tx.err(`bitcast from ${tx.typeName(sty)} to ${tx.typeName(dty)}`);
  const out: Value[] = [];
  for (let k = 0; k < n; k++) {
    const x = tx.leaf(src, k);
    const to = tx.L.leafType[tx.L.leafBase(dty) + k]!;
    if (to === INVALID) throw tx.err(`bitcast to ${tx.typeName(dty)}`);
    out.push(tx.bitcast(to, x));
  }
  return out;
}

