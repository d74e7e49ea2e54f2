// Atomics as LLVM lowers them on x86-64: every atomicrmw operation and width,
// cmpxchg (strong and weak alike, returning {old, success}), and fences (only
// seq_cst needs an instruction; acquire/release order is free on x86-64).

import { Op } from '../ir/opcodes.js';
import { AtomicRmwOp, IntCC, MemFlag } from '../ir/immediates.js';
import { INVALID, I32, I64, F32, F64, isVector } from '../ir/types.js';
import type { Tx } from './context.js';

// LLVM AtomicRMWInst::BinOp codes -> CLIF atomic_rmw ops (-1: float ops, done with a CAS loop)
const RMW: number[] = [AtomicRmwOp.Xchg, AtomicRmwOp.Add, AtomicRmwOp.Sub, AtomicRmwOp.And, AtomicRmwOp.Nand, AtomicRmwOp.Or,
  AtomicRmwOp.Xor, AtomicRmwOp.Smax, AtomicRmwOp.Smin, AtomicRmwOp.Umax, AtomicRmwOp.Umin];

export function translateAtomicRmw(tx: Tx, i: number): void {
  const body = tx.body;
  const flags = body.flags[i]!;
  const rop = (flags >> 4) & 31;
  const addr = tx.value(body.operand(i, 0));
  let x = tx.value(body.operand(i, 1));
  const ct = tx.typeOf(x);
  const op = RMW[rop];
  if (op === undefined) throw tx.err(`atomicrmw operation ${rop} is not supported`);
  if (isVector(ct) || ct === INVALID) throw tx.err('atomicrmw on this type is not supported');
  const asInt = ct === F32 ? I32 : ct === F64 ? I64 : ct;
  if (asInt !== ct) {
    if (op !== AtomicRmwOp.Xchg) throw tx.err('floating-point atomicrmw operations are not supported');
    x = tx.bitcast(asInt, x);
  }
  let r = tx.val(Op.atomic_rmw, asInt, [addr, x], MemFlag.Notrap, op);
  if (asInt !== ct) r = tx.bitcast(ct, r);
  tx.define1(body.val[i]!, r);
}

export function translateCmpXchg(tx: Tx, i: number): void {
  const body = tx.body;
  const addr = tx.value(body.operand(i, 0));
  const expected = tx.value(body.operand(i, 1));
  const replacement = tx.value(body.operand(i, 2));
  const ct = tx.typeOf(expected);
  if (isVector(ct) || ct === F32 || ct === F64) throw tx.err('cmpxchg on this type is not supported');
  const old = tx.val(Op.atomic_cas, ct, [addr, expected, replacement], MemFlag.Notrap);
  const ok = tx.val(Op.icmp, ct, [old, expected], IntCC.Eq);
  tx.define(body.val[i]!, [old, ok]);
}

export function translateFence(tx: Tx, i: number): void {
  const ord = (tx.body.flags[i]! >> 1) & 7;
  if (ord === 6 /* seq_cst */) tx.ins(Op.fence, INVALID, []);
}
