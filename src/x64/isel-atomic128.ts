// i128 atomics with `lock cmpxchg16b` (needs the has_cmpxchg16b flag, as in
// Cranelift): atomic_cas, atomic_load (a compare-exchange of 0 with 0),
// atomic_store and every atomic_rmw operation (compare-exchange loops).
// cmpxchg16b takes rdx:rax (expected, then old) and rcx:rbx (new); the
// address goes to rsi. rbx and rsi may hold values, so they are kept in the
// red zone below rsp (no call happens in between) along with the rmw operand,
// and any operand living in them is read from there.

import type { Emitter } from './codegen.js';
import { Op } from '../ir/opcodes.js';
import { AtomicRmwOp } from '../ir/immediates.js';
import * as X from './encode.js';
import { RAX, RBX, RCX, RDX, RSI, RSP, NO_REG, CC_NE, CC_B, CC_L } from './regs.js';

const SAVE_RBX = -8, SAVE_RSI = -16, X_HI = -24, X_LO = -32;

export function hasCmpxchg16b(e: Emitter): boolean {
  return e.isaFlags.has('has_cmpxchg16b') || e.isaFlags.has('has_cmpxchg16b=true');
}

/** d = part k of i128 value v (k < 0: the i64 value v), reading rbx/rsi homes from their saved copies. */
function load(e: Emitter, d: number, v: number, k: number): void {
  const r = k < 0 ? e.gpr(v, d) : e.gprPart(v, k, d);
  if (r === d) return;
  if (r === RBX || r === RSI) X.opRM(e.buf, X.MOV, 64, d, RSP, NO_REG, 1, r === RBX ? SAVE_RBX : SAVE_RSI);
  else X.opRR(e.buf, X.MOV, 64, d, r);
}

/** Selects an i128 atomic instruction; false for anything else. */
export function selectAtomic128(e: Emitter, i: number): boolean {
  const f = e.f;
  const buf = e.buf;
  const op = f.instOp[i];
  if (!hasCmpxchg16b(e)) e.unsupported('(i128 atomics need cmpxchg16b: set has_cmpxchg16b on the target line)');
  X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, SAVE_RBX, RBX);
  X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, SAVE_RSI, RSI);
  let result = true;
  switch (op) {
    case Op.atomic_cas:
      load(e, RAX, f.arg(i, 1), 0);
      load(e, RDX, f.arg(i, 1), 1);
      load(e, RBX, f.arg(i, 2), 0);
      load(e, RCX, f.arg(i, 2), 1);
      load(e, RSI, f.arg(i, 0), -1);
      X.lock(buf);
      X.cmpxchg16b(buf, RSI, NO_REG, 1, 0);
      break;
    case Op.atomic_load:
      // compare with 0 and store 0 back if equal: the old value either way
      load(e, RSI, f.arg(i, 0), -1);
      for (const r of [RAX, RDX, RBX, RCX]) X.opRR(buf, X.XOR, 32, r, r);
      X.lock(buf);
      X.cmpxchg16b(buf, RSI, NO_REG, 1, 0);
      break;
    case Op.atomic_store: {
      load(e, RBX, f.arg(i, 0), 0);
      load(e, RCX, f.arg(i, 0), 1);
      load(e, RSI, f.arg(i, 1), -1);
      X.opRM(buf, X.MOV, 64, RAX, RSI, NO_REG, 1, 0);
      X.opRM(buf, X.MOV, 64, RDX, RSI, NO_REG, 1, 8);
      const loop = buf.length;
      X.lock(buf);
      X.cmpxchg16b(buf, RSI, NO_REG, 1, 0);
      X.jccTo(buf, CC_NE, loop);
      result = false;
      break;
    }
    case Op.atomic_rmw: {
      const x = f.arg(i, 1);
      load(e, RCX, x, 0);
      X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, X_LO, RCX);
      load(e, RCX, x, 1);
      X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, X_HI, RCX);
      load(e, RSI, f.arg(i, 0), -1);
      X.opRM(buf, X.MOV, 64, RAX, RSI, NO_REG, 1, 0);
      X.opRM(buf, X.MOV, 64, RDX, RSI, NO_REG, 1, 8);
      const loop = buf.length;
      newValue(e, f.instImm1[i] as AtomicRmwOp);
      X.lock(buf);
      X.cmpxchg16b(buf, RSI, NO_REG, 1, 0);
      X.jccTo(buf, CC_NE, loop);
      break;
    }
    default:
      return false;
  }
  X.opRM(buf, X.MOV, 64, RSI, RSP, NO_REG, 1, SAVE_RSI);
  X.opRM(buf, X.MOV, 64, RBX, RSP, NO_REG, 1, SAVE_RBX);
  if (result) {
    const r = f.result(i);
    e.defPart(r, 0, RAX);
    e.defPart(r, 1, RDX);
  }
  return true;
}

/** rcx:rbx = op(rdx:rax, x), x at [rsp + X_HI]:[rsp + X_LO]. */
function newValue(e: Emitter, rop: AtomicRmwOp): void {
  const buf = e.buf;
  const xlo = (form: X.Form, r: number) => X.opRM(buf, form, 64, r, RSP, NO_REG, 1, X_LO);
  const xhi = (form: X.Form, r: number) => X.opRM(buf, form, 64, r, RSP, NO_REG, 1, X_HI);
  const old = () => { X.opRR(buf, X.MOV, 64, RBX, RAX); X.opRR(buf, X.MOV, 64, RCX, RDX); };
  switch (rop) {
    case AtomicRmwOp.Xchg: xlo(X.MOV, RBX); xhi(X.MOV, RCX); return;
    case AtomicRmwOp.Add: old(); xlo(X.ADD, RBX); xhi(X.ADC, RCX); return;
    case AtomicRmwOp.Sub: old(); xlo(X.SUB, RBX); xhi(X.SBB, RCX); return;
    case AtomicRmwOp.And: old(); xlo(X.AND, RBX); xhi(X.AND, RCX); return;
    case AtomicRmwOp.Or: old(); xlo(X.OR, RBX); xhi(X.OR, RCX); return;
    case AtomicRmwOp.Xor: old(); xlo(X.XOR, RBX); xhi(X.XOR, RCX); return;
    case AtomicRmwOp.Nand:
      old(); xlo(X.AND, RBX); xhi(X.AND, RCX);
      X.opR(buf, X.NOT, 64, RBX);
      X.opR(buf, X.NOT, 64, RCX);
      return;
    case AtomicRmwOp.Umax: case AtomicRmwOp.Smax: case AtomicRmwOp.Umin: case AtomicRmwOp.Smin: {
      // max: old - x borrows (old < x) -> x; min: x - old borrows (x < old) -> x
      const max = rop === AtomicRmwOp.Umax || rop === AtomicRmwOp.Smax;
      if (max) { old(); xlo(X.SUB, RBX); xhi(X.SBB, RCX); }
      else { xlo(X.MOV, RBX); xhi(X.MOV, RCX); X.opRR(buf, X.SUB, 64, RBX, RAX); X.opRR(buf, X.SBB, 64, RCX, RDX); }
      const cc = rop === AtomicRmwOp.Umax || rop === AtomicRmwOp.Umin ? CC_B : CC_L;
      old();
      X.cmovM(buf, cc, 64, RBX, RSP, NO_REG, 1, X_LO);
      X.cmovM(buf, cc, 64, RCX, RSP, NO_REG, 1, X_HI);
      return;
    }
  }
  e.unsupported(`(atomic_rmw operation ${rop})`);
}
