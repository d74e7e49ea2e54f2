// Atomics as LLVM lowers them on x86-64: every atomicrmw operation and width,
// cmpxchg (strong and weak alike, returning {old, success}), and fences (only
// seq_cst needs an instruction; acquire/release order is free on x86-64).
// The integer operations CLIF has are one atomic_rmw; the others (float
// fadd/fsub/fmax/fmin/fmaximum/fminimum, uinc_wrap, udec_wrap, usub_cond,
// usub_sat) are a compare-exchange loop, as LLVM's AtomicExpand writes them.
// i128 atomics need cmpxchg16b: the function's "target-features" must hold
// +cx16 (or its target-cpu imply it) and the access be 16-byte aligned;
// otherwise LLVM calls libatomic's __atomic_*_16, which cgts refuses.

import { Op } from '../ir/opcodes.js';
import { AtomicRmwOp, FloatCC, IntCC, MemFlag } from '../ir/immediates.js';
import { INVALID, I32, I64, I128, F32, F64, isVector, type Type } from '../ir/types.js';
import type { Value } from '../ir/function.js';
import { attrsAt } from '../bitcode/attributes.js';
import { ATTR_FUNCTION_INDEX } from '../bitcode/module.js';
import type { Tx } from './context.js';

// LLVM AtomicRMWInst::BinOp codes 0..10 -> CLIF atomic_rmw ops
const RMW: number[] = [AtomicRmwOp.Xchg, AtomicRmwOp.Add, AtomicRmwOp.Sub, AtomicRmwOp.And, AtomicRmwOp.Nand, AtomicRmwOp.Or,
  AtomicRmwOp.Xor, AtomicRmwOp.Smax, AtomicRmwOp.Smin, AtomicRmwOp.Umax, AtomicRmwOp.Umin];
const FADD = 11, FSUB = 12, FMAX = 13, FMIN = 14, UINC_WRAP = 15, UDEC_WRAP = 16, USUB_COND = 17, USUB_SAT = 18, FMAXIMUM = 19, FMINIMUM = 20;
const RMW_NAMES = ['xchg', 'add', 'sub', 'and', 'nand', 'or', 'xor', 'max', 'min', 'umax', 'umin', 'fadd', 'fsub', 'fmax', 'fmin',
  'uinc_wrap', 'udec_wrap', 'usub_cond', 'usub_sat', 'fmaximum', 'fminimum'];

/** CPUs (LLVM target-cpu names) whose feature set includes cx16, among those rustc users name. */
const CX16_CPUS = new Set(['x86-64-v2', 'x86-64-v3', 'x86-64-v4', 'nehalem', 'westmere', 'sandybridge', 'ivybridge', 'haswell',
  'broadwell', 'skylake', 'skylake-avx512', 'cascadelake', 'icelake-client', 'icelake-server', 'tigerlake', 'alderlake',
  'sapphirerapids', 'znver1', 'znver2', 'znver3', 'znver4', 'znver5', 'core2', 'penryn', 'btver2', 'bdver1', 'bdver2']);

/** Whether the function being translated may use cmpxchg16b: the last +cx16/-cx16 of its features, else its CPU. */
function hasCx16(tx: Tx): boolean {
  const a = attrsAt(tx.m, tx.g.attrs - 1, ATTR_FUNCTION_INDEX);
  let cpu = '', feat = 0;
  for (const x of a ?? []) {
    if (x.key === 'target-cpu') cpu = x.value;
    else if (x.key === 'target-features') {
      for (const s of x.value.split(',')) if (s === '+cx16') feat = 1; else if (s === '-cx16') feat = -1;
    }
  }
  return feat !== 0 ? feat > 0 : CX16_CPUS.has(cpu);
}

/** Refuses an i128 atomic access the function cannot do inline (see the file comment); `align` is LLVM's encoded log2 + 1. */
export function checkAtomic128(tx: Tx, what: string, align: number): void {
  if (!hasCx16(tx)) {
    throw tx.err(`${what} on i128 needs cmpxchg16b: enable the target feature (#[target_feature(enable = "cmpxchg16b")], -C target-feature=+cmpxchg16b); without it LLVM calls libatomic's __atomic_*_16, which cgts does not do`);
  }
  if (align < 5) throw tx.err(`${what} on i128 aligned to less than 16 bytes (cmpxchg16b needs 16; LLVM would call libatomic)`);
}

export function translateAtomicRmw(tx: Tx, i: number): void {
  const body = tx.body;
  const flags = body.flags[i]!;
  const rop = (flags >> 4) & 31;
  const addr = tx.value(body.operand(i, 0));
  let x = tx.value(body.operand(i, 1));
  const ct = tx.typeOf(x);
  if (rop >= RMW_NAMES.length) throw tx.err(`atomicrmw operation ${rop} is not supported`);
  if (isVector(ct) || ct === INVALID) throw tx.err(`atomicrmw ${RMW_NAMES[rop]} on this type is not supported`);
  const asInt = ct === F32 ? I32 : ct === F64 ? I64 : ct;
  if (asInt !== ct && rop !== 0 && !(rop === FADD || rop === FSUB || rop === FMAX || rop === FMIN || rop === FMAXIMUM || rop === FMINIMUM)) {
    throw tx.err(`atomicrmw ${RMW_NAMES[rop]} on a float`);
  }
  if (asInt === ct && (rop >= FADD && rop <= FMIN || rop >= FMAXIMUM)) {
    throw tx.err(`atomicrmw ${RMW_NAMES[rop]} on type ${tx.typeName(body.ty[i]!)} is not supported (f32 and f64 are)`);
  }
  if (ct === I128) checkAtomic128(tx, `atomicrmw ${RMW_NAMES[rop]}`, body.operand(i, 2));
  let r: Value;
  if (rop < RMW.length) {
    if (asInt !== ct) x = tx.bitcast(asInt, x);
    r = tx.val(Op.atomic_rmw, asInt, [addr, x], MemFlag.Notrap, RMW[rop]);
    if (asInt !== ct) r = tx.bitcast(ct, r);
  } else {
    r = casLoop(tx, addr, asInt, (old) => rmwValue(tx, rop, ct, old, x));
    if (asInt !== ct) r = tx.bitcast(ct, r);
  }
  tx.define1(body.val[i]!, r);
}

/** The value the operation stores, from the old value (as the integer type) and the operand x (of type ct). */
function rmwValue(tx: Tx, rop: number, ct: Type, old: Value, x: Value): Value {
  if (ct === F32 || ct === F64) {
    const o = tx.bitcast(ct, old);
    let n: Value;
    switch (rop) {
      case FADD: n = tx.bin(Op.fadd, ct, o, x); break;
      case FSUB: n = tx.bin(Op.fsub, ct, o, x); break;
      case FMAXIMUM: n = tx.bin(Op.fmax, ct, o, x); break;
      case FMINIMUM: n = tx.bin(Op.fmin, ct, o, x); break;
      default: {
        // maxnum/minnum(old, x) as LLVM lowers them: a NaN old gives x, else x when strictly better
        const oNaN = tx.val(Op.fcmp, ct, [o, o], FloatCC.Uno);
        const better = tx.val(Op.fcmp, ct, [x, o], rop === FMAX ? FloatCC.Gt : FloatCC.Lt);
        n = tx.tern(Op.select, ct, oNaN, x, tx.tern(Op.select, ct, better, x, o));
      }
    }
    return tx.bitcast(tx.typeOf(old), n);
  }
  const t = ct;
  const one = tx.iconst(t, 1);
  switch (rop) {
    case UINC_WRAP: {
      // old >= x ? 0 : old + 1
      const wrap = tx.val(Op.icmp, t, [old, x], IntCC.Uge);
      return tx.tern(Op.select, t, wrap, tx.iconst(t, 0), tx.bin(Op.iadd, t, old, one));
    }
    case UDEC_WRAP: {
      // (old == 0 || old > x) ? x : old - 1
      const zero = tx.val(Op.icmp, t, [old, tx.iconst(t, 0)], IntCC.Eq);
      const above = tx.val(Op.icmp, t, [old, x], IntCC.Ugt);
      const wrap = tx.bin(Op.bor, tx.typeOf(zero), zero, above);
      return tx.tern(Op.select, t, wrap, x, tx.bin(Op.isub, t, old, one));
    }
    case USUB_COND: {
      // old >= x ? old - x : old
      const ge = tx.val(Op.icmp, t, [old, x], IntCC.Uge);
      return tx.tern(Op.select, t, ge, tx.bin(Op.isub, t, old, x), old);
    }
    case USUB_SAT:
      return tx.bin(Op.usub_sat, t, old, x);
  }
  throw tx.err(`atomicrmw operation ${rop} is not supported`);
}

/**
 * `loop(old): new = next(old); cur = atomic_cas addr, old, new; cur == old ?
 * done : loop(cur)`, starting from a plain load; returns the old value of the
 * exchange that succeeded. Continues in the block after the loop.
 */
function casLoop(tx: Tx, addr: Value, t: Type, next: (old: Value) => Value): Value {
  const f = tx.f;
  const loop = tx.newBlock(), done = tx.newBlock();
  const old = f.appendBlockParam(loop, t);
  const res = f.appendBlockParam(done, t);
  const init = tx.val(Op.load, t, [addr], MemFlag.Notrap, 0);
  f.addBlockCall(tx.ins(Op.jump, INVALID, []), loop, [init]);
  tx.cur = loop;
  const n = next(old);
  const cur = tx.val(Op.atomic_cas, t, [addr, old, n], MemFlag.Notrap);
  const ok = tx.val(Op.icmp, t, [cur, old], IntCC.Eq);
  const br = tx.ins(Op.brif, INVALID, [ok]);
  f.addBlockCall(br, done, [cur]);
  f.addBlockCall(br, loop, [cur]);
  tx.cur = done;
  return res;
}

export function translateCmpXchg(tx: Tx, i: number): void {
  const body = tx.body;
  const addr = tx.value(body.operand(i, 0));
  const expected = tx.value(body.operand(i, 1));
  const replacement = tx.value(body.operand(i, 2));
  const ct = tx.typeOf(expected);
  if (isVector(ct) || ct === F32 || ct === F64) throw tx.err('cmpxchg on this type is not supported');
  if (ct === I128) checkAtomic128(tx, 'cmpxchg', body.operand(i, 3));
  const old = tx.val(Op.atomic_cas, ct, [addr, expected, replacement], MemFlag.Notrap);
  const ok = tx.val(Op.icmp, ct, [old, expected], IntCC.Eq);
  tx.define(body.val[i]!, [old, ok]);
}

export function translateFence(tx: Tx, i: number): void {
  const ord = (tx.body.flags[i]! >> 1) & 7;
  if (ord === 6 /* seq_cst */) tx.ins(Op.fence, INVALID, []);
}
