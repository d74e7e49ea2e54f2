// Control flow: phis as block parameters, br, switch (jump table or compare
// chain), ret, unreachable, resume. Needs the block map of the Tx; produces
// terminators whose block calls pass each successor's phi values.

import { Op as L } from '../bitcode/module.js';
import { Op } from '../ir/opcodes.js';
import { IntCC, TrapCode } from '../ir/immediates.js';
import { INVALID, I32, I64, typeBits } from '../ir/types.js';
import type { Tx } from './context.js';

const EMPTY: number[] = [];

/** Gives LLVM block `b`'s CLIF block one parameter per leaf of each leading phi, and defines the phis. */
export function blockParamsForPhis(tx: Tx, b: number): void {
  const body = tx.body;
  const end = b + 1 < body.numBlocks ? body.blockStart[b + 1]! : body.numInsts;
  const cb = tx.blockOf[b]!;
  const buf = tx.buf;
  for (let i = body.blockStart[b]!; i < end && body.op[i] === L.Phi; i++) {
    const ty = body.ty[i]!;
    const n = tx.L.leaves(ty);
    const base = tx.L.leafBase(ty);
    for (let k = 0; k < n; k++) {
      const ct = tx.L.leafType[base + k]!;
      if (ct === INVALID) { tx.inst = i; throw tx.err(`phi of unsupported type ${tx.typeName(ty)}`); }
      buf[k] = tx.f.appendBlockParam(cb, ct);
    }
    tx.define(body.val[i]!, buf, n);
  }
  // a landing pad receives the exception pointer and selector as two i64 parameters
  let first = body.blockStart[b]!;
  while (first < end && body.op[first] === L.Phi) first++;
  if (first < end && body.op[first] === L.LandingPad) {
    const p = tx.f.appendBlockParam(cb, I64);
    tx.f.appendBlockParam(cb, I64);
    tx.lpadParam.set(b, p);
  }
}

/** The LLVM block containing instruction i. */
export function blockOfInst(tx: Tx, i: number): number {
  const bs = tx.body.blockStart;
  let lo = 0, hi = tx.body.numBlocks - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bs[mid]! <= i) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Collects into `out` (from index `at`) the values of `to`'s phis on the edge from `from`; returns the new length. */
export function edgeArgs(tx: Tx, from: number, to: number, out: number[], at = 0): number {
  const body = tx.body;
  const end = to + 1 < body.numBlocks ? body.blockStart[to + 1]! : body.numInsts;
  let n = at;
  for (let i = body.blockStart[to]!; i < end && body.op[i] === L.Phi; i++) {
    const st = body.opStart[i]!, cnt = body.opCount[i]!;
    let v = -1;
    for (let k = 0; k < cnt; k += 2) if (body.ops.data[st + k + 1] === from) { v = body.ops.data[st + k]!; break; }
    if (v < 0) throw tx.err(`phi in block ${to} has no value for the edge from block ${from}`);
    const leaves = tx.L.leaves(body.ty[i]!);
    for (let k = 0; k < leaves; k++) out[n++] = tx.leaf(v, k);
  }
  return n;
}

/** Emits `jump` to LLVM block `to` from LLVM block `from`. */
export function jumpTo(tx: Tx, from: number, to: number): void {
  const a = tx.buf;
  const n = edgeArgs(tx, from, to, a);
  const j = tx.ins(Op.jump, INVALID, EMPTY);
  tx.f.addBlockCallFrom(j, tx.blockOf[to]!, a, 0, n);
}

export function translateBr(tx: Tx, i: number): void {
  const body = tx.body;
  const from = blockOfInst(tx, i);
  if (body.opCount[i] === 1) return jumpTo(tx, from, body.operand(i, 0));
  const cond = tx.value(body.operand(i, 0));
  const t = body.operand(i, 1), e = body.operand(i, 2);
  const a = tx.buf;
  const nt = edgeArgs(tx, from, t, a);
  const ne = edgeArgs(tx, from, e, a, nt);
  tx.args.length = 1; tx.args[0] = cond;
  const br = tx.ins(Op.brif, INVALID, tx.args);
  tx.f.addBlockCallFrom(br, tx.blockOf[t]!, a, 0, nt);
  tx.f.addBlockCallFrom(br, tx.blockOf[e]!, a, nt, ne - nt);
}

export function translateSwitch(tx: Tx, i: number): void {
  const body = tx.body;
  const f = tx.f;
  const from = blockOfInst(tx, i);
  const condV = body.operand(i, 0);
  const cond = tx.value(condV);
  const ty = tx.typeOf(cond);
  const def = body.operand(i, 1);
  const ncases = (body.opCount[i]! - 2) >> 1;
  const caseVals: bigint[] = [];
  const caseBlocks: number[] = [];
  for (let k = 0; k < ncases; k++) {
    const c = tx.constBig(body.operand(i, 2 + 2 * k));
    if (c === null) throw tx.err('switch case value is not a constant integer');
    caseVals.push(c);
    caseBlocks.push(body.operand(i, 3 + 2 * k));
  }
  let min = 0n, max = 0n;
  for (let k = 0; k < ncases; k++) {
    if (k === 0 || caseVals[k]! < min) min = caseVals[k]!;
    if (k === 0 || caseVals[k]! > max) max = caseVals[k]!;
  }
  const span = max - min + 1n;
  const a = tx.buf;
  if (ncases >= 4 && typeBits(ty) <= 64 && span <= BigInt(ncases * 3 + 8) && span < 0x10000n) {
    // jump table over cond - min; values outside the table go to the default
    let idx = cond;
    if (min !== 0n) idx = tx.bin(Op.isub, ty, cond, tx.iconst(ty, min));
    const inRange = tx.val(Op.icmp, ty, [idx, tx.iconst(ty, span)], IntCC.Ult);
    const tableBlock = tx.newBlock();
    const nd = edgeArgs(tx, from, def, a);
    const br = tx.ins(Op.brif, INVALID, [inRange]);
    f.addBlockCall(br, tableBlock, EMPTY);
    f.addBlockCallFrom(br, tx.blockOf[def]!, a, 0, nd);
    tx.cur = tableBlock;
    const idx32 = typeBits(ty) === 32 ? idx : typeBits(ty) > 32 ? tx.un(Op.ireduce, I32, idx) : tx.un(Op.uextend, I32, idx);
    const targets = new Array<number>(Number(span)).fill(def);
    for (let k = ncases - 1; k >= 0; k--) targets[Number(caseVals[k]! - min)] = caseBlocks[k]!;
    let n = edgeArgs(tx, from, def, a);
    const offsets: number[] = [0, n];
    for (const t of targets) {
      const s = n;
      n = edgeArgs(tx, from, t, a, n);
      offsets.push(s, n);
    }
    const bt = tx.ins(Op.br_table, INVALID, [idx32]);
    f.addBlockCallFrom(bt, tx.blockOf[def]!, a, offsets[0]!, offsets[1]! - offsets[0]!);
    for (let k = 0; k < targets.length; k++) {
      const s = offsets[2 + 2 * k]!, e = offsets[3 + 2 * k]!;
      f.addBlockCallFrom(bt, tx.blockOf[targets[k]!]!, a, s, e - s);
    }
    return;
  }
  // compare chain
  for (let k = 0; k < ncases; k++) {
    const eq = tx.val(Op.icmp, ty, [cond, tx.iconst(ty, caseVals[k]!)], IntCC.Eq);
    const next = tx.newBlock();
    const n = edgeArgs(tx, from, caseBlocks[k]!, a);
    const br = tx.ins(Op.brif, INVALID, [eq]);
    f.addBlockCallFrom(br, tx.blockOf[caseBlocks[k]!]!, a, 0, n);
    f.addBlockCall(br, next, EMPTY);
    tx.cur = next;
  }
  jumpTo(tx, from, def);
}

export function translateRet(tx: Tx, i: number): void {
  const body = tx.body;
  const a = tx.buf;
  let n = 0;
  if (body.opCount[i] === 1) {
    const v = body.operand(i, 0);
    const leaves = tx.L.leaves(tx.llvmType(v));
    for (let k = 0; k < leaves; k++) a[n++] = tx.leaf(v, k);
  }
  tx.ins(Op.return, INVALID, a.slice(0, n));
}

export function translateUnreachable(tx: Tx, _i: number): void {
  tx.ins(Op.trap, INVALID, EMPTY, TrapCode.UserBase + 1);
}

/** `resume` continues unwinding: `_Unwind_Resume(exception)` never returns. */
export function translateResume(tx: Tx, i: number): void {
  const exn = tx.leaf(tx.body.operand(i, 0), 0);
  tx.libcall('_Unwind_Resume', [I64], [], [exn]);
  tx.ins(Op.trap, INVALID, EMPTY, TrapCode.UserBase + 1);
}
