// Vector element operations: extractelement and insertelement with constant
// lanes (extractlane/insertlane on the part holding the lane) or variable
// lanes (through a stack slot), shufflevector as a CLIF shuffle or lane by
// lane. <N x i1> lanes are masks (0/-1); as scalars they are i1 (0/1).

import { ConstKind } from '../bitcode/module.js';
import { Op } from '../ir/opcodes.js';
import { MemFlag } from '../ir/immediates.js';
import { INVALID, I8, I64, laneOf, laneCount, typeBits, vectorOf, type Type } from '../ir/types.js';
import { ValueKind, type Value } from '../ir/function.js';
import type { Tx } from './context.js';
import { dataElement } from './context.js';
import { allLanes, buildParts, isMaskType, laneOfParts, partType, parts } from './lanes.js';

/** A scalar as a lane: i1 becomes a 0/-1 lane of the mask's width. */
function toLane(tx: Tx, x: Value, lane: Type, mask: boolean): Value {
  if (!mask) return x;
  return tx.un(Op.ineg, lane, tx.resize(x, lane, false));
}

/** Spills parts `ps` to a fresh slot; returns the slot's address and the address of lane `idxV` (masked to the lane count). */
function spillLaneAddress(tx: Tx, ps: Value[], pt: Type, lanes: number, idxV: number): [Value, Value] {
  const slot = tx.f.stackSlots.push({ size: 16 * ps.length, align: 16, key: -1 }) - 1;
  const base = tx.val(Op.stack_addr, I64, [], slot, 0);
  for (let k = 0; k < ps.length; k++) tx.ins(Op.store, INVALID, [ps[k]!, base], MemFlag.Notrap, 16 * k);
  let idx = tx.resize(tx.value(idxV), I64, false);
  const lb = typeBits(laneOf(pt)) / 8;
  idx = tx.bin(Op.band, I64, idx, tx.iconst(I64, lanes - 1));
  if (lb !== 1) idx = tx.bin(Op.imul, I64, idx, tx.iconst(I64, lb));
  return [base, tx.bin(Op.iadd, I64, base, idx)];
}

export function translateExtractElement(tx: Tx, i: number): void {
  const body = tx.body;
  const vv = body.operand(i, 0);
  const ty = tx.llvmType(vv);
  const pt = partType(tx, ty);
  const ps = parts(tx, vv);
  const mask = isMaskType(tx, ty);
  const c = tx.constIntOrNull(body.operand(i, 1));
  let r: Value;
  if (c !== null) r = laneOfParts(tx, ps, pt, c);
  else {
    const [, at] = spillLaneAddress(tx, ps, pt, tx.m.types.count[ty]!, body.operand(i, 1));
    r = tx.val(Op.load, laneOf(pt), [at], MemFlag.Notrap, 0);
  }
  if (mask) r = tx.mask(tx.resize(r, I8, false), 1);
  tx.define1(body.val[i]!, r);
}

export function translateInsertElement(tx: Tx, i: number): void {
  const body = tx.body;
  const vv = body.operand(i, 0);
  const ty = tx.llvmType(vv);
  const pt = partType(tx, ty);
  const ps = parts(tx, vv);
  const x = toLane(tx, tx.value(body.operand(i, 1)), laneOf(pt), isMaskType(tx, ty));
  const c = tx.constIntOrNull(body.operand(i, 2));
  if (c !== null) {
    const per = laneCount(pt);
    const k = Math.floor(c / per);
    if (k < ps.length) ps[k] = tx.val(Op.insertlane, pt, [ps[k]!, x], c % per);
  } else {
    const [base, at] = spillLaneAddress(tx, ps, pt, tx.m.types.count[ty]!, body.operand(i, 2));
    tx.ins(Op.store, INVALID, [x, at], MemFlag.Notrap, 0);
    for (let k = 0; k < ps.length; k++) ps[k] = tx.val(Op.load, pt, [base], MemFlag.Notrap, 16 * k);
  }
  tx.define(body.val[i]!, ps);
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
      const ev = tab.op(ci, k);
      const b = tx.constBits(ev);
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
  const inLlvm = tx.llvmType(av), outLlvm = body.ty[i]!;
  const inPt = partType(tx, inLlvm), outPt = partType(tx, outLlvm);
  const n = tx.m.types.count[outLlvm]!;
  const inN = tx.m.types.count[inLlvm]!;
  const lanes = maskLanes(tx, body.operand(i, 2), n);
  const first = lanes.find((l) => l >= 0) ?? 0;
  if (inPt === outPt && lanes.every((l) => l < 0 || l === first)) {
    // a splat of one input lane (or of the scalar just inserted there)
    const src = first < inN ? av : bv;
    const l = first < inN ? first : first - inN;
    const per = laneCount(inPt);
    const part = tx.leaf(src, Math.floor(l / per));
    const d = tx.f.valueDef[part]!;
    let x: Value;
    if (tx.f.valueKind[part] === ValueKind.Result && tx.f.instOp[d] === Op.insertlane && tx.f.instImm0[d] === l % per) x = tx.f.arg(d, 1);
    else x = tx.val(Op.extractlane, inPt, [part], l % per);
    const r = tx.un(Op.splat, outPt, x);
    const out: Value[] = [];
    for (let k = 0; k < tx.L.vectorParts(outLlvm); k++) out.push(r);
    tx.define(body.val[i]!, out);
    return;
  }
  if (inPt === outPt && typeBits(inPt) === 128 && tx.L.vectorParts(inLlvm) === 1 && tx.L.vectorParts(outLlvm) === 1) {
    // one byte shuffle of i8x16 values
    const lb = typeBits(laneOf(inPt)) / 8;
    const bytes = new Uint8Array(16);
    for (let k = 0; k < n; k++) {
      const l = lanes[k]! < 0 ? 0 : lanes[k]!;
      for (let j = 0; j < lb; j++) bytes[k * lb + j] = l * lb + j;
    }
    const i8x16 = vectorOf(I8, 16);
    const r = tx.val(Op.shuffle, i8x16, [tx.bitcast(i8x16, tx.value(av)), tx.bitcast(i8x16, tx.value(bv))], tx.constant(bytes));
    tx.define1(body.val[i]!, tx.bitcast(inPt, r));
    return;
  }
  // lane by lane; both inputs' lanes are read once
  const xs = allLanes(tx, av);
  const ys = lanes.some((l) => l >= inN) ? allLanes(tx, bv) : xs;
  const picked: Value[] = [];
  for (let k = 0; k < n; k++) {
    const l = lanes[k]! < 0 ? 0 : lanes[k]!;
    picked.push(tx.resize(l < inN ? xs[l]! : ys[l - inN]!, laneOf(outPt), true));
  }
  tx.define(body.val[i]!, buildParts(tx, outPt, picked));
}
