// Instruction selection for scalar integer operations on i8..i64 (i128 lives
// in isel-i128.ts): arithmetic, bitwise, shifts, compares, selects, extensions.
// Needs the Emitter's operand helpers; writes x86 code for one instruction.

import type { Emitter } from './codegen.js';
import { K } from './operands.js';
import { Op } from '../ir/opcodes.js';
import { I128, typeBits, isScalarFloat } from '../ir/types.js';
import * as X from './encode.js';
import { RAX, RCX, RDX, RSP, NO_REG, CC_NE, invertCC, CC_B, CC_L, CC_A, CC_G, CC_O, CC_AE, CC_S } from './regs.js';
import { selectI128 } from './isel-i128.js';
import { selectDivBits } from './isel-divbits.js';
import { selectCarry } from './isel-carry.js';

/** Selects `i` if it is an integer operation; false if not this group's. */
export function selectInt(e: Emitter, i: number): boolean {
  const f = e.f;
  const op = f.instOp[i];
  const t = f.instType[i];
  if (t === I128 || (f.instArgCount[i] > 0 && f.valueType[f.arg(i, 0)] === I128 && op !== Op.select && op !== Op.select_spectre_guard)) return selectI128(e, i);
  if (isScalarFloat(t) && op !== Op.select && op !== Op.select_spectre_guard) return false;
  const size = typeBits(t) < 32 ? 32 : typeBits(t);
  switch (op) {
    case Op.iadd: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const d = e.dst(r, RAX);
      // three-address add through lea when neither operand is the destination
      if (e.kind(a) === K.Reg && !e.inReg(a, d) && !e.inReg(b, d) && (e.kind(b) === K.Reg || e.immFits(b, 64))) {
        const ra = e.ra.home[a];
        if (e.kind(b) === K.Reg) X.opRM(e.buf, X.LEA, size, d, ra, e.ra.home[b], 1, 0);
        else X.opRM(e.buf, X.LEA, size, d, ra, NO_REG, 1, e.immLo(b));
        e.def(r, d);
        return true;
      }
      // a stack slot's address plus a register: one lea off rsp
      if (size === 64 && (e.kind(a) === K.Addr || e.kind(b) === K.Addr)) {
        const s = e.kind(a) === K.Addr ? a : b, o = s === a ? b : a;
        if (e.kind(o) === K.Reg) {
          X.opRM(e.buf, X.LEA, 64, d, RSP, e.ra.home[o], 1, e.stackAddrDisp(s));
          e.def(r, d);
          return true;
        }
      }
      binary(e, i, X.ADD, size, true);
      return true;
    }
    case Op.isub: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const d = e.dst(r, RAX);
      // a - imm as lea when a is not the destination
      if (e.kind(a) === K.Reg && !e.inReg(a, d) && e.immFits(b, 64) && e.immLo(b) !== (0x80000000 | 0)) {
        X.opRM(e.buf, X.LEA, size, d, e.ra.home[a], NO_REG, 1, -e.immLo(b));
        e.def(r, d);
        return true;
      }
      binary(e, i, X.SUB, size, false);
      return true;
    }
    case Op.band: binary(e, i, X.AND, size, true); return true;
    case Op.bor: binary(e, i, X.OR, size, true); return true;
    case Op.bxor: binary(e, i, X.XOR, size, true); return true;
    case Op.imul: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const d = e.dst(r, RAX);
      if (e.immFits(b, size)) {
        const ra = e.gpr(a, RCX);
        X.opRRI(e.buf, X.IMUL, size, d, ra, e.immLo(b));
        e.def(r, d);
        return true;
      }
      binary(e, i, X.IMUL, size, true);
      return true;
    }
    case Op.band_not: case Op.bor_not: case Op.bxor_not: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      e.toGpr(RCX, b);
      X.opR(e.buf, X.NOT, size, RCX);
      const d = e.dst(r, RAX);
      e.toGpr(d, a);
      X.opRR(e.buf, op === Op.band_not ? X.AND : op === Op.bor_not ? X.OR : X.XOR, size, d, RCX);
      e.def(r, d);
      return true;
    }
    case Op.ineg: case Op.bnot: {
      const a = f.arg(i, 0), r = f.result(i);
      const d = e.dst(r, RAX);
      e.toGpr(d, a);
      X.opR(e.buf, op === Op.ineg ? X.NEG : X.NOT, size, d);
      e.def(r, d);
      return true;
    }
    case Op.iabs: {
      const a = f.arg(i, 0), r = f.result(i);
      const bits = typeBits(t);
      signExtendTo(e, RAX, a, bits);
      X.opRR(e.buf, X.MOV, 64, RCX, RAX);
      X.opR(e.buf, X.NEG, 64, RCX);
      X.cmov(e.buf, CC_S, 64, RCX, RAX);
      e.def(r, RCX);
      return true;
    }
    case Op.ishl: case Op.ushr: case Op.sshr: case Op.rotl: case Op.rotr: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const bits = typeBits(t);
      const form = op === Op.ishl ? X.SHL : op === Op.ushr ? X.SHR : op === Op.sshr ? X.SAR : op === Op.rotl ? X.ROL : X.ROR;
      if (e.kind(b) === K.Imm) {
        const n = e.immLo(b) & (bits - 1);
        const d = e.dst(r, RAX);
        e.toGpr(d, a);
        if (n !== 0) X.opRI(e.buf, form, bits, d, n);
        e.def(r, d);
        return true;
      }
      e.toGpr(RCX, b); // an i128 count: its low half
      if (bits < 32 && op !== Op.rotl && op !== Op.rotr) X.opRI(e.buf, X.AND, 32, RCX, bits - 1);
      const d0 = e.dst(r, RAX);
      const d = d0 === RCX ? RAX : d0;
      e.toGpr(d, a);
      X.opR(e.buf, form, bits, d);
      e.def(r, d);
      return true;
    }
    case Op.icmp: {
      e.defCondition(f.result(i), e.emitIcmp(i));
      return true;
    }
    case Op.select: case Op.select_spectre_guard: {
      const c = f.arg(i, 0), x = f.arg(i, 1), y = f.arg(i, 2), r = f.result(i);
      const rt = f.valueType[r];
      if (isScalarFloat(rt)) return false;
      if (rt === I128) return selectI128(e, i);
      let cc = e.condition(c);
      // flags are live from here: only moves and cmov
      const d = e.dst(r, RAX);
      let taken = x, other = y;
      if (e.inReg(x, d)) {
        taken = y; other = x; cc = invertCC(cc);
      }
      if (!e.inReg(other, d)) movNoFlags(e, d, other);
      cmovOperand(e, cc, d, taken);
      e.def(r, d);
      return true;
    }
    case Op.smin: case Op.smax: case Op.umin: case Op.umax: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const bits = typeBits(t);
      const ra = e.gpr(a, RAX);
      X.opRR(e.buf, X.MOV, 64, RDX, ra);
      const rb = e.gpr(b, RCX);
      X.opRR(e.buf, X.CMP, bits, RDX, rb);
      // keep a when it is the wanted one, else take b
      const cc = op === Op.smin ? CC_L : op === Op.smax ? CC_G : op === Op.umin ? CC_B : CC_A;
      X.cmov(e.buf, invertCC(cc), 64, RDX, rb);
      e.def(r, RDX);
      return true;
    }
    case Op.uextend: case Op.sextend: {
      const a = f.arg(i, 0), r = f.result(i);
      const from = typeBits(f.valueType[a]);
      const d = e.dst(r, RAX);
      if (op === Op.uextend) zeroExtendTo(e, d, a, from);
      else signExtendTo(e, d, a, from);
      e.def(r, d);
      return true;
    }
    case Op.ireduce: {
      const a = f.arg(i, 0), r = f.result(i);
      const d = e.dst(r, RAX);
      e.toGpr(d, a);
      e.def(r, d);
      return true;
    }
    case Op.bmask: {
      const a = f.arg(i, 0), r = f.result(i);
      const c = e.condition(a);
      const d = e.dst(r, RAX);
      // d = c ? -1 : 0, without touching flags before the setcc
      X.setcc(e.buf, c, RCX);
      X.opRR(e.buf, X.MOVZX8, 32, RCX, RCX);
      X.opR(e.buf, X.NEG, 64, RCX);
      X.opRR(e.buf, X.MOV, 64, d, RCX);
      e.def(r, d);
      return true;
    }
    case Op.bitselect: {
      const c = f.arg(i, 0), x = f.arg(i, 1), y = f.arg(i, 2), r = f.result(i);
      e.toGpr(RAX, x);
      e.toGpr(RCX, c);
      X.opRR(e.buf, X.AND, 64, RAX, RCX);
      X.opR(e.buf, X.NOT, 64, RCX);
      e.toGpr(RDX, y);
      X.opRR(e.buf, X.AND, 64, RCX, RDX);
      X.opRR(e.buf, X.OR, 64, RAX, RCX);
      e.def(r, RAX);
      return true;
    }
    case Op.iconst:
      // constants with a home (none today) would be materialised here
      e.toGpr(RAX, f.result(i));
      e.def(f.result(i), RAX);
      return true;
    case Op.uadd_overflow: case Op.sadd_overflow: case Op.usub_overflow: case Op.ssub_overflow:
    case Op.umul_overflow: case Op.smul_overflow: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i), of = r + 1;
      const bits = typeBits(t);
      const isAdd = op === Op.uadd_overflow || op === Op.sadd_overflow;
      const isSub = op === Op.usub_overflow || op === Op.ssub_overflow;
      const signed = op === Op.sadd_overflow || op === Op.ssub_overflow || op === Op.smul_overflow;
      e.toGpr(RAX, a);
      if (isAdd || isSub) {
        e.aluOperand(isAdd ? X.ADD : X.SUB, bits, RAX, b, RCX);
      } else if (signed) {
        if (bits === 8) {
          // imul has no two-operand byte form: widen and compare
          X.opRR(e.buf, X.MOVSX8, 32, RAX, RAX);
          e.toGpr(RCX, b);
          X.opRR(e.buf, X.MOVSX8, 32, RCX, RCX);
          X.opRR(e.buf, X.IMUL, 32, RAX, RCX);
          X.opRR(e.buf, X.MOVSX8, 32, RCX, RAX);
          X.opRR(e.buf, X.CMP, 32, RCX, RAX);
          X.setcc(e.buf, CC_NE, RCX);
          e.def(r, RAX);
          e.def(of, RCX);
          return true;
        }
        const rb = e.gpr(b, RCX);
        X.opRR(e.buf, X.IMUL, bits, RAX, rb);
      } else {
        const rb = e.gpr(b, RCX);
        X.opR(e.buf, X.MUL1, bits, rb);
      }
      const cc = signed || (!isAdd && !isSub) ? CC_O : CC_B;
      X.setcc(e.buf, cc, RCX);
      e.def(r, RAX);
      e.def(of, RCX);
      return true;
    }
    case Op.uadd_overflow_trap: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const bits = typeBits(t);
      e.toGpr(RAX, a);
      e.aluOperand(X.ADD, bits, RAX, b, RCX);
      e.trapUnless(CC_AE, f.instImm0[i]);
      e.def(r, RAX);
      return true;
    }
    case Op.uadd_sat: case Op.usub_sat: case Op.sadd_sat: case Op.ssub_sat: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const bits = typeBits(t);
      const add = op === Op.uadd_sat || op === Op.sadd_sat;
      if (op === Op.uadd_sat || op === Op.usub_sat) {
        e.toGpr(RAX, a);
        e.aluOperand(add ? X.ADD : X.SUB, bits, RAX, b, RCX);
        X.movRI(e.buf, 32, RCX, 0);
        if (add) X.opR(e.buf, X.NOT, 64, RCX);
        X.cmov(e.buf, CC_B, 64, RAX, RCX);
        e.def(r, RAX);
        return true;
      }
      // signed: saturate toward the sign of a when overflow
      e.toGpr(RAX, a);
      X.opRR(e.buf, X.MOV, 64, RDX, RAX);
      X.opRI(e.buf, X.SHL, 64, RDX, 64 - bits);
      X.opRI(e.buf, X.SAR, 64, RDX, 63);
      // rdx = a < 0 ? -1 : 0 -> saturation value = rdx ^ MAX
      movMax(e, bits);
      X.opRR(e.buf, X.XOR, 64, RDX, RCX);
      e.aluOperand(add ? X.ADD : X.SUB, bits, RAX, b, RCX);
      X.cmov(e.buf, CC_O, 64, RAX, RDX);
      e.def(r, RAX);
      return true;
    }
    case Op.avg_round: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const bits = typeBits(t);
      zeroExtendTo(e, RAX, a, bits);
      zeroExtendTo(e, RCX, b, bits);
      if (bits === 64) {
        // (a | b) - ((a ^ b) >> 1)
        X.opRR(e.buf, X.MOV, 64, RDX, RAX);
        X.opRR(e.buf, X.OR, 64, RDX, RCX);
        X.opRR(e.buf, X.XOR, 64, RAX, RCX);
        X.opRI(e.buf, X.SHR, 64, RAX, 1);
        X.opRR(e.buf, X.SUB, 64, RDX, RAX);
        e.def(r, RDX);
        return true;
      }
      X.opRR(e.buf, X.ADD, 64, RAX, RCX);
      X.opRI(e.buf, X.ADD, 64, RAX, 1);
      X.opRI(e.buf, X.SHR, 64, RAX, 1);
      e.def(r, RAX);
      return true;
    }
  }
  return selectDivBits(e, i) || selectCarry(e, i);
}

/** rcx = the largest signed value of `bits` bits. */
function movMax(e: Emitter, bits: number): void {
  if (bits === 64) X.movRI64(e.buf, RCX, -1, 0x7fffffff);
  else X.movRI(e.buf, 32, RCX, 2 ** (bits - 1) - 1);
}

/** d = a op b for a two-address ALU form. */
function binary(e: Emitter, i: number, form: X.Form, size: number, commutative: boolean): void {
  const f = e.f;
  let a = f.arg(i, 0), b = f.arg(i, 1);
  const r = f.result(i);
  // a fused load is read as the memory operand
  if (commutative && e.kind(a) === K.Load) { const x = a; a = b; b = x; }
  let d = e.dst(r, RAX);
  if (e.inReg(b, d) && !e.inReg(a, d)) {
    if (commutative) {
      const x = a; a = b; b = x;
    } else d = d === RAX ? RDX : RAX;
  }
  if (form === X.IMUL && e.kind(b) === K.Imm) {
    e.toGpr(RCX, b);
    e.toGpr(d, a);
    X.opRR(e.buf, form, size, d, RCX);
    e.def(r, d);
    return;
  }
  e.toGpr(d, a);
  e.aluOperand(form, size, d, b, RCX);
  e.def(r, d);
}

/** Moves `v` into GPR d with mov only (flags preserved). */
export function movNoFlags(e: Emitter, d: number, v: number): void {
  e.toGpr(d, v);
}

/** cmovcc d, v (v as register or memory; immediates through rcx). */
function cmovOperand(e: Emitter, cc: number, d: number, v: number): void {
  switch (e.kind(v)) {
    case K.Reg: X.cmov(e.buf, cc, 64, d, e.ra.home[v]); return;
    case K.Mem: X.cmovM(e.buf, cc, 64, d, RSP, NO_REG, 1, e.spillDisp(v)); return;
    default:
      e.toGpr(RCX, v);
      X.cmov(e.buf, cc, 64, d, RCX);
  }
}

/** d = v zero-extended from `bits` to 64. */
export function zeroExtendTo(e: Emitter, d: number, v: number, bits: number): void {
  extendTo(e, d, v, bits, false);
}

/** d = v sign-extended from `bits` to 64. */
export function signExtendTo(e: Emitter, d: number, v: number, bits: number): void {
  extendTo(e, d, v, bits, true);
}

/** d = v sign- or zero-extended from `bits` to 64 (movsx to 64 bits or movzx/mov to 32). */
export function extendTo(e: Emitter, d: number, v: number, bits: number, signed: boolean): void {
  if (bits === 64) { e.toGpr(d, v); return; }
  if (e.kind(v) === K.Imm) {
    if (!signed) X.movRI(e.buf, 32, d, e.constLo(v) >>> 0);
    else {
      const lo = e.immLo(v);
      X.movRI(e.buf, 64, d, bits === 32 ? lo | 0 : (lo << (32 - bits)) >> (32 - bits));
    }
    return;
  }
  const form = bits === 8 ? (signed ? X.MOVSX8 : X.MOVZX8) : bits === 16 ? (signed ? X.MOVSX16 : X.MOVZX16) : signed ? X.MOVSXD : X.MOV;
  const size = signed ? 64 : 32;
  if (e.kind(v) === K.Mem) X.opRM(e.buf, form, size, d, RSP, NO_REG, 1, e.spillDisp(v));
  else X.opRR(e.buf, form, size, d, e.gpr(v, d));
}

