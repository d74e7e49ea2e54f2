// Vector element operations: extractelement and insertelement with constant
// lanes (extractlane/insertlane) or variable lanes (through a stack slot),
// shufflevector as a CLIF shuffle or lane by lane. <N x i1> lanes are masks.

import { ConstKind } from '../bitcode/module.js';
import { Op } from '../ir/opcodes.js';
import { INVALID, I8, I64, laneOf, laneCount, typeBits, isVector, vectorOf, type Type } from '../ir/types.js';
import { MemFlag } from '../ir/immediates.js';
import type { Value } from '../ir/function.js';
import type { Tx } from './context.js';
import { dataElement } from './context.js';

function isMaskVector(tx: Tx, ty: number): boolean {
  const e = tx.m.types.a[ty]!;
  return tx.L.isInt(e) && tx.L.intBits(e) === 1;
}

/** A lane value as the vector stores it: i1 becomes a 0/-1 lane of the mask's width. */
function toLane(tx: Tx, x: Value, lane: Type, mask: boolean): Value {
  if (!mask) return x;
  const wide = tx.resize(x, lane, false);
  return tx.un(Op.ineg, lane, wide);
}

/** Address of lane `idx` of vector `v` spilled to a fresh stack slot. */
function spillLaneAddress(tx: Tx, v: Value, idxV: number): [Value, Value] {
  const ct = tx.typeOf(v);
  const bytes = typeBits(ct) / 8;
  const slot = tx.f.stackSlots.push({ size: bytes, align: 16, key: -1 }) - 1;
  const base = tx.val(Op.stack_addr, I64, [], slot, 0);
  tx.ins(Op.store, INVALID, [v, base], 1, 0);
  let idx = tx.resize(tx.value(idxV), I64, false);
  const lb = typeBits(laneOf(ct)) / 8;
  idx = tx.bin(Op.band, I64, idx, tx.iconst(I64, laneCount(ct) - 1));
  if (lb !== 1) idx = tx.bin(Op.imul, I64, idx, tx.iconst(I64, lb));
  return [base, tx.bin(Op.iadd, I64, base, idx)];
}

export function translateExtractElement(tx: Tx, i: number): void {
  const body = tx.body;
  const vv = body.operand(i, 0);
  const v = tx.value(vv);
  const ct = tx.typeOf(v);
  const mask = isMaskVector(tx, tx.llvmType(vv));
  const c = tx.constIntOrNull(body.operand(i, 1));
  let r: Value;
  if (c !== null) r = tx.val(Op.extractlane, ct, [v], c);
  else {
    const [, at] = spillLaneAddress(tx, v, body.operand(i, 1));
    r = tx.val(Op.load, laneOf(ct), [at], 1, 0);
  }
  if (mask) r = tx.mask(tx.resize(r, I8, false), 1);
  tx.define1(body.val[i]!, r);
}

export function translateInsertElement(tx: Tx, i: number): void {
  const body = tx.body;
  const vv = body.operand(i, 0);
  const v = tx.value(vv);
  const ct = tx.typeOf(v);
  const x = toLane(tx, tx.value(body.operand(i, 1)), laneOf(ct), isMaskVector(tx, tx.llvmType(vv)));
  const c = tx.constIntOrNull(body.operand(i, 2));
  let r: Value;
  if (c !== null) r = tx.val(Op.insertlane, ct, [v, x], c);
  else {
    const [base, at] = spillLaneAddress(tx, v, body.operand(i, 2));
    tx.ins(Op.store, INVALID, [x, at], 1, 0);
    r = tx.val(Op.load, ct, [base], 1, 0);
  }
  tx.define1(body.val[i]!, r);
}

/** Lane indices of a shufflevector mask constant; -1 for undef lanes. */
function maskLanes(tx: Tx, maskV: number, n: number): number[] {
  const out: number[] = new Array(n).fill(-1);
  if (!tx.isConstant(maskV)) throw tx.err('shufflevector mask is not a constant');
  const [tab, ci] = tx.constRef(maskV);
  const kind = tab.kind.data[ci]!;
  if (kind === ConstKind.Null) return out.fill(0);
  if (kind === ConstKind.Undef || kind === ConstKind.Poison) return out;
  for (let k = 0; k < n; k++) {
    if (kind === ConstKind.Aggregate) {
      const b = tx.constBits(tab.op(ci, k));
      const ev = tab.op(ci, k);
      const [et, ei] = tx.isConstant(ev) ? tx.constRef(ev) : [tab, -1];
      const undef = ei >= 0 && (et.kind.data[ei] === ConstKind.Undef || et.kind.data[ei] === ConstKind.Poison);
      out[k] = undef || b === null ? -1 : Number(b);
    } else out[k] = Number(dataElement(tab, ci, k));
  }
  return out;
}

export function translateShuffle(tx: Tx, i: number): void {
  const body = tx.body;
  const av = body.operand(i, 0), bv = body.operand(i, 1);
  const a = tx.value(av), b = tx.value(bv);
  const inTy = tx.typeOf(a);
  const outTy = tx.L.clif(body.ty[i]!);
  if (outTy === INVALID || !isVector(inTy)) throw tx.err(`shufflevector of ${tx.typeName(tx.llvmType(av))}`);
  const n = laneCount(outTy);
  const lanes = maskLanes(tx, body.operand(i, 2), n);
  const inN = laneCount(inTy);
  const lb = typeBits(laneOf(inTy)) / 8;
  let r: Value;
  if (inTy === outTy && typeBits(inTy) === 128 && laneOf(inTy) === laneOf(outTy)) {
    const bytes = new Uint8Array(16);
    for (let k = 0; k < n; k++) {
      const l = lanes[k]! < 0 ? 0 : lanes[k]!;
      for (let j = 0; j < lb; j++) bytes[k * lb + j] = l * lb + j;
    }
    // CLIF shuffles bytes of i8x16 values
    const i8x16 = vectorOf(I8, 16);
    const sa = tx.bitcast(i8x16, a), sb = tx.bitcast(i8x16, b);
    r = bitcastVector(tx, inTy, tx.val(Op.shuffle, i8x16, [sa, sb], tx.constant(bytes)));
  } else {
    if (laneOf(inTy) !== laneOf(outTy)) throw tx.err('shufflevector between different lane types');
    r = -1;
    for (let k = 0; k < n; k++) {
      const l = lanes[k]! < 0 ? 0 : lanes[k]!;
      const x = tx.val(Op.extractlane, inTy, [l < inN ? a : b], l % inN);
      r = r < 0 ? tx.un(Op.splat, outTy, x) : tx.val(Op.insertlane, outTy, [r, x], k);
    }
  }
  tx.define1(body.val[i]!, r);
}

/** bitcast between vector types (lane order little-endian), identity when equal. */
export function bitcastVector(tx: Tx, to: Type, x: Value): Value {
  if (tx.typeOf(x) === to) return x;
  return tx.val(Op.bitcast, to, [x], MemFlag.Little);
}
