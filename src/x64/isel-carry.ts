// Instruction selection for add/subtract with carry or borrow in and out
// (uadd_overflow_cin, sadd_overflow_cin, usub_overflow_bin, ssub_overflow_bin)
// on i8..i128, and iconcat/isplit of any width. Needs the Emitter.

import type { Emitter } from './codegen.js';
import { Op } from '../ir/opcodes.js';
import { I128, typeBits } from '../ir/types.js';
import * as X from './encode.js';
import { RAX, RCX, RDX, CC_B, CC_O } from './regs.js';
import { zeroExtendTo } from './isel-int.js';
import { selectI128, loadPart, aluPart, defPair } from './isel-i128.js';

export function selectCarry(e: Emitter, i: number): boolean {
  const f = e.f;
  const op = f.instOp[i];
  switch (op) {
    case Op.uadd_overflow_cin: case Op.sadd_overflow_cin: case Op.usub_overflow_bin: case Op.ssub_overflow_bin:
      carryOp(e, i);
      return true;
    case Op.iconcat: {
      const r = f.result(i);
      if (f.valueType[r] === I128) return selectI128(e, i);
      const a = f.arg(i, 0), b = f.arg(i, 1);
      const half = typeBits(f.valueType[a]);
      zeroExtendTo(e, RAX, a, half);
      e.toGpr(RCX, b);
      X.opRI(e.buf, X.SHL, 64, RCX, half);
      X.opRR(e.buf, X.OR, 64, RAX, RCX);
      e.def(r, RAX);
      return true;
    }
    case Op.isplit: {
      const a = f.arg(i, 0), r = f.result(i);
      if (f.valueType[a] === I128) return selectI128(e, i);
      const bits = typeBits(f.valueType[a]);
      const half = bits / 2;
      zeroExtendTo(e, RCX, a, bits);
      X.opRI(e.buf, X.SHR, 64, RCX, half);
      zeroExtendTo(e, RAX, a, half);
      e.def(r, RAX);
      e.def(r + 1, RCX);
      return true;
    }
  }
  return false;
}

/** a + b + (c != 0) or a - b - (c != 0), with the carry/borrow (unsigned) or overflow (signed) flag as an i8. */
export function carryOp(e: Emitter, i: number): void {
  const f = e.f;
  const buf = e.buf;
  const op = f.instOp[i];
  const a = f.arg(i, 0), b = f.arg(i, 1), c = f.arg(i, 2), r = f.result(i);
  const add = op === Op.uadd_overflow_cin || op === Op.sadd_overflow_cin;
  const signed = op === Op.sadd_overflow_cin || op === Op.ssub_overflow_bin;
  const form = add ? X.ADC : X.SBB;
  const t = f.valueType[a];
  if (t === I128) {
    loadPart(e, RAX, a, 0);
    loadPart(e, RDX, a, 1);
    e.toGpr(RCX, c);
    // neg sets CF exactly when its operand is nonzero
    X.opR(buf, X.NEG, 8, RCX);
    aluPart(e, form, RAX, b, 0, RCX);
    aluPart(e, form, RDX, b, 1, RCX);
    X.setcc(buf, signed ? CC_O : CC_B, RCX);
    X.opRR(buf, X.MOVZX8, 32, RCX, RCX);
    defPair(e, r);
    e.def(r + 1, RCX);
    return;
  }
  const bits = typeBits(t);
  e.toGpr(RAX, a);
  e.toGpr(RCX, c);
  X.opR(buf, X.NEG, 8, RCX);
  e.aluOperand(form, bits, RAX, b, RDX);
  X.setcc(buf, signed ? CC_O : CC_B, RCX);
  X.opRR(buf, X.MOVZX8, 32, RCX, RCX);
  e.def(r, RAX);
  e.def(r + 1, RCX);
}
