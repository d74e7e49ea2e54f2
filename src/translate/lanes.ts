// Vector values as parts and lanes. An LLVM vector is one CLIF vector up to
// 128 bits and several 128-bit parts beyond (layout.ts); <N x i1> is a lane
// mask. These helpers read and build lanes across parts, and convert masks
// between the lane widths of the data they select.

import { Op } from '../ir/opcodes.js';
import { INVALID, laneOf, laneCount, typeBits, asInt, type Type } from '../ir/types.js';
import { ConstKind } from '../bitcode/module.js';
import { dataElement } from './context.js';
import type { Value } from '../ir/function.js';
import type { Tx } from './context.js';

/** Whether LLVM type `ty` is a vector of i1 (a mask). */
export function isMaskType(tx: Tx, ty: number): boolean {
  if (!tx.L.isVector(ty)) return false;
  const e = tx.m.types.a[ty]!;
  return tx.L.isInt(e) && tx.L.intBits(e) === 1;
}

/** The CLIF part type of a vector type, or an error naming it. */
export function partType(tx: Tx, ty: number): Type {
  const p = tx.L.vectorPart(ty);
  if (p === INVALID) throw tx.err(`vector type ${tx.typeName(ty)} is not supported`);
  return p;
}

/** The parts of LLVM vector value v. */
export function parts(tx: Tx, v: number): Value[] {
  const n = tx.L.vectorParts(tx.llvmType(v));
  const out: Value[] = [];
  for (let k = 0; k < n; k++) out.push(tx.leaf(v, k));
  return out;
}

/** Lane k of a vector held as `ps` (parts of type `pt`). */
export function laneOfParts(tx: Tx, ps: Value[], pt: Type, k: number): Value {
  const per = laneCount(pt);
  return tx.val(Op.extractlane, pt, [ps[Math.floor(k / per)]!], k % per);
}

/** Every lane of LLVM vector value v, as scalars of the part's lane type. */
export function allLanes(tx: Tx, v: number): Value[] {
  const ty = tx.llvmType(v);
  const pt = partType(tx, ty);
  const ps = parts(tx, v);
  const n = tx.m.types.count[ty]!;
  const out: Value[] = [];
  for (let k = 0; k < n; k++) out.push(laneOfParts(tx, ps, pt, k));
  return out;
}

/** Parts of type `pt` holding `lanes` in order (each lane of the part's lane type). */
export function buildParts(tx: Tx, pt: Type, lanes: Value[]): Value[] {
  const per = laneCount(pt);
  const out: Value[] = [];
  for (let p = 0; p * per < lanes.length; p++) {
    let r = tx.un(Op.splat, pt, lanes[p * per]!);
    for (let k = 1; k < per && p * per + k < lanes.length; k++) r = tx.val(Op.insertlane, pt, [r, lanes[p * per + k]!], k);
    out.push(r);
  }
  return out;
}

/**
 * Combines the lane masks of compares on each data part (`cmps`, integer lane
 * masks) into the parts of mask type `maskTy`: same parts, or narrowed pairwise
 * (snarrow keeps 0/-1), or rebuilt lane by lane.
 */
export function masksToParts(tx: Tx, cmps: Value[], maskTy: number): Value[] {
  const want = partType(tx, maskTy);
  const nWant = tx.L.vectorParts(maskTy);
  let cur = cmps;
  if (cur.length === nWant && tx.typeOf(cur[0]!) === want) return cur;
  // pairwise narrowing while the lanes are wider than wanted and two parts make one
  while (cur.length >= 2 && cur.length > nWant && typeBits(laneOf(tx.typeOf(cur[0]!))) > typeBits(laneOf(want))) {
    const next: Value[] = [];
    for (let k = 0; k < cur.length; k += 2) next.push(tx.bin(Op.snarrow, tx.typeOf(cur[k]!), cur[k]!, cur[k + 1]!));
    cur = next;
  }
  if (cur.length === nWant && tx.typeOf(cur[0]!) === want) return cur;
  // lane by lane
  const pt = tx.typeOf(cur[0]!);
  const lanes: Value[] = [];
  const total = laneCount(pt) * cur.length;
  for (let k = 0; k < total; k++) lanes.push(tx.resize(laneOfParts(tx, cur, pt, k), laneOf(want), true));
  return buildParts(tx, want, lanes);
}

/** The mask value `m` (LLVM <N x i1>) as one integer lane mask per part of data type `dataTy` (parts of type `dpt`). */
export function masksForData(tx: Tx, m: number, dpt: Type, nData: number): Value[] {
  const ms = parts(tx, m);
  const want = asInt(dpt);
  if (ms.length === nData && tx.typeOf(ms[0]!) === want) return ms;
  const mt = tx.typeOf(ms[0]!);
  // one mask part covering two data parts of doubled lane width: widen its halves
  if (ms.length * 2 === nData && typeBits(laneOf(want)) === 2 * typeBits(laneOf(mt))) {
    const out: Value[] = [];
    for (const x of ms) out.push(tx.un(Op.swiden_low, mt, x), tx.un(Op.swiden_high, mt, x));
    return out;
  }
  const lanes: Value[] = [];
  const n = laneCount(want) * nData;
  for (let k = 0; k < n; k++) lanes.push(tx.resize(laneOfParts(tx, ms, mt, k), laneOf(want), true));
  return buildParts(tx, want, lanes);
}

/** An all-zero or all-ones mask part. */
export function constMask(tx: Tx, pt: Type, ones: boolean): Value {
  const z = tx.zero(pt);
  return ones ? tx.un(Op.bnot, pt, z) : z;
}


/** A vector constant of type `pt` with `bits` (truncated to the lane width) in every lane. */
export function splatConst(tx: Tx, pt: Type, bits: bigint): Value {
  const w = typeBits(laneOf(pt)) / 8;
  const n = laneCount(pt);
  const u = BigInt.asUintN(w * 8, bits);
  const bytes = new Uint8Array(n * w);
  for (let j = 0; j < n; j++) for (let q = 0; q < w; q++) bytes[j * w + q] = Number((u >> BigInt(8 * q)) & 0xffn);
  return tx.vconst(pt, bytes);
}

/** The lane value of a constant integer vector whose lanes are all equal (unsigned), or null. */
export function uniformConst(tx: Tx, v: number): bigint | null {
  if (!tx.isConstant(v)) return null;
  const [tab, ci] = tx.constRef(v);
  const kind = tab.kind.data[ci]!;
  const ty = tab.type.data[ci]!;
  if (!tx.L.isVector(ty)) return null;
  const e = tx.m.types.a[ty]!;
  if (!tx.L.isInt(e)) return null;
  const bits = tx.L.intBits(e);
  const n = tx.m.types.count[ty]!;
  if (kind === ConstKind.Null) return 0n;
  let first: bigint | null = null;
  for (let k = 0; k < n; k++) {
    let x: bigint | null;
    if (kind === ConstKind.Aggregate) x = tx.constBits(tab.op(ci, k));
    else if (kind === ConstKind.Data) x = dataElement(tab, ci, k);
    else return null;
    if (x === null) return null;
    x = BigInt.asUintN(bits, x);
    if (first === null) first = x;
    else if (x !== first) return null;
  }
  return first;
}
