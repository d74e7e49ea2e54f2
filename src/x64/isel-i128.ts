// Instruction selection for i128 values held as (low, high) GPR pairs.
// Needs the Emitter; writes x86 code for one instruction. Works in rax, rcx,
// rdx with xmm14/xmm15 as two extra 64-bit temporaries; results go home last.

import type { Emitter } from './codegen.js';
import { K } from './operands.js';
import { Op } from '../ir/opcodes.js';
import { I128, typeBits } from '../ir/types.js';
import { IntCC, TrapCode } from '../ir/immediates.js';
import * as X from './encode.js';
import { assert } from '../support/diag.js';
import * as S from './encode-sse.js';
import { RAX, RCX, RDX, RSI, RDI, RSP, NO_REG, CC_E, CC_NE, CC_B, CC_AE, CC_L, CC_GE, CC_O, CC_NO, CC_NS } from './regs.js';
import { R } from '../object/elf.js';
import { zeroExtendTo, signExtendTo } from './isel-int.js';
import { selectCarry, carryOp } from './isel-carry.js';
import { popcntRax, bitrevRax } from './isel-divbits.js';

const T1 = 15;
const T2 = 14;

export function selectI128(e: Emitter, i: number): boolean {
  const f = e.f;
  const op = f.instOp[i];
  const buf = e.buf;
  switch (op) {
    case Op.iadd: case Op.isub: case Op.band: case Op.bor: case Op.bxor: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const lo = op === Op.iadd ? X.ADD : op === Op.isub ? X.SUB : op === Op.band ? X.AND : op === Op.bor ? X.OR : X.XOR;
      const hi = op === Op.iadd ? X.ADC : op === Op.isub ? X.SBB : lo;
      aluPair(e, lo, hi, RAX, RDX, a, b, RCX);
      defPair(e, r);
      return true;
    }
    case Op.band_not: case Op.bor_not: case Op.bxor_not: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const form = op === Op.band_not ? X.AND : op === Op.bor_not ? X.OR : X.XOR;
      loadPart(e, RCX, b, 0);
      X.opR(buf, X.NOT, 64, RCX);
      loadPart(e, RAX, a, 0);
      X.opRR(buf, form, 64, RAX, RCX);
      loadPart(e, RCX, b, 1);
      X.opR(buf, X.NOT, 64, RCX);
      loadPart(e, RDX, a, 1);
      X.opRR(buf, form, 64, RDX, RCX);
      defPair(e, r);
      return true;
    }
    case Op.bnot: case Op.ineg: case Op.iabs: {
      const a = f.arg(i, 0), r = f.result(i);
      loadPart(e, RAX, a, 0);
      loadPart(e, RDX, a, 1);
      if (op === Op.bnot) {
        X.opR(buf, X.NOT, 64, RAX);
        X.opR(buf, X.NOT, 64, RDX);
      } else {
        let skip = -1;
        if (op === Op.iabs) {
          X.opRR(buf, X.TEST, 64, RDX, RDX);
          skip = X.jcc(buf, CC_NS);
        }
        negPair(e);
        if (skip >= 0) X.patchRel32(buf, skip, buf.length);
      }
      defPair(e, r);
      return true;
    }
    case Op.imul: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      mulLowPair(e, a, b);
      defPair(e, r);
      return true;
    }
    case Op.umulhi: case Op.smulhi: {
      mulHigh(e, i, op === Op.smulhi);
      return true;
    }
    case Op.umul_overflow: case Op.smul_overflow: {
      mulOverflow(e, i, op === Op.smul_overflow);
      return true;
    }
    case Op.avg_round: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      // (a | b) - ((a ^ b) >> 1), with the shifted xor parked in T1:T2
      loadPart(e, RAX, a, 0);
      aluPart(e, X.XOR, RAX, b, 0, RCX);
      loadPart(e, RDX, a, 1);
      aluPart(e, X.XOR, RDX, b, 1, RCX);
      X.opRRI(buf, X.SHRD, 64, RAX, RDX, 1);
      X.opRI(buf, X.SHR, 64, RDX, 1);
      X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RAX);
      X.opRR(buf, S.MOVD_TO_XMM, 64, T2, RDX);
      loadPart(e, RAX, a, 0);
      aluPart(e, X.OR, RAX, b, 0, RCX);
      loadPart(e, RDX, a, 1);
      aluPart(e, X.OR, RDX, b, 1, RCX);
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T1);
      X.opRR(buf, X.SUB, 64, RAX, RCX);
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T2);
      X.opRR(buf, X.SBB, 64, RDX, RCX);
      defPair(e, r);
      return true;
    }
    case Op.ishl: case Op.ushr: case Op.sshr: case Op.rotl: case Op.rotr: {
      shift(e, i);
      return true;
    }
    case Op.icmp: {
      e.defCondition(f.result(i), icmpI128(e, i));
      return true;
    }
    case Op.select: case Op.select_spectre_guard: {
      const c = f.arg(i, 0), x = f.arg(i, 1), y = f.arg(i, 2), r = f.result(i);
      const cc = e.condition(c);
      // flags are live from here: moves and cmov only
      loadPart(e, RAX, y, 0);
      loadPart(e, RDX, y, 1);
      cmovPart(e, cc, RAX, x, 0);
      cmovPart(e, cc, RDX, x, 1);
      defPair(e, r);
      return true;
    }
    case Op.smin: case Op.smax: case Op.umin: case Op.umax: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      // flags of a - b; keep a when it is the wanted one, else take b
      aluPair(e, X.CMP, X.SBB, RAX, RCX, a, b, RDX);
      loadPart(e, RDX, a, 1);
      const signed = op === Op.smin || op === Op.smax;
      const takeB = op === Op.smin || op === Op.umin ? (signed ? CC_GE : CC_AE) : signed ? CC_L : CC_B;
      cmovPart(e, takeB, RAX, b, 0);
      cmovPart(e, takeB, RDX, b, 1);
      defPair(e, r);
      return true;
    }
    case Op.uadd_sat: case Op.usub_sat: case Op.sadd_sat: case Op.ssub_sat: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const add = op === Op.uadd_sat || op === Op.sadd_sat;
      const signed = op === Op.sadd_sat || op === Op.ssub_sat;
      aluPair(e, add ? X.ADD : X.SUB, add ? X.ADC : X.SBB, RAX, RDX, a, b, RCX);
      const ok = X.jcc(buf, signed ? CC_NO : CC_AE);
      if (!signed) {
        X.movRI(buf, 64, RAX, add ? -1 : 0);
        X.movRI(buf, 64, RDX, add ? -1 : 0);
      } else {
        // overflow: the wrapped sum has the wrong sign; saturate toward the other one
        X.opRR(buf, X.MOV, 64, RCX, RDX);
        X.opRI(buf, X.SAR, 64, RCX, 63);
        X.movRI64(buf, RDX, 0, 0x80000000 | 0);
        X.opRR(buf, X.XOR, 64, RDX, RCX);
        X.opRR(buf, X.MOV, 64, RAX, RCX);
      }
      X.patchRel32(buf, ok, buf.length);
      defPair(e, r);
      return true;
    }
    case Op.uextend: case Op.sextend: {
      const a = f.arg(i, 0), r = f.result(i);
      const from = typeBits(f.valueType[a]);
      if (op === Op.uextend) {
        zeroExtendTo(e, RAX, a, from);
        X.movRI(buf, 32, RDX, 0);
      } else {
        signExtendTo(e, RAX, a, from);
        X.opRR(buf, X.MOV, 64, RDX, RAX);
        X.opRI(buf, X.SAR, 64, RDX, 63);
      }
      defPair(e, r);
      return true;
    }
    case Op.ireduce: {
      const a = f.arg(i, 0), r = f.result(i);
      const d = e.dst(r, RAX);
      loadPart(e, d, a, 0);
      e.def(r, d);
      return true;
    }
    case Op.iconcat: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      e.toGpr(RAX, a);
      e.toGpr(RDX, b);
      defPair(e, r);
      return true;
    }
    case Op.isplit: {
      const a = f.arg(i, 0), r = f.result(i);
      loadPart(e, RAX, a, 0);
      loadPart(e, RDX, a, 1);
      e.def(r, RAX);
      e.def(r + 1, RDX);
      return true;
    }
    case Op.clz: case Op.cls: {
      const a = f.arg(i, 0), r = f.result(i);
      loadPart(e, RAX, a, 0);
      loadPart(e, RCX, a, 1);
      if (op === Op.cls) {
        X.opRR(buf, X.MOV, 64, RDX, RCX);
        X.opRI(buf, X.SAR, 64, RDX, 63);
        X.opRR(buf, X.XOR, 64, RAX, RDX);
        X.opRR(buf, X.XOR, 64, RCX, RDX);
      }
      // eax = hi != 0 ? 63 - bsr(hi) : lo != 0 ? 127 - bsr(lo) : 128
      X.opRR(buf, X.BSR, 64, RDX, RCX);
      const lowHalf = X.jcc(buf, CC_E);
      X.movRI(buf, 32, RAX, 63);
      const done1 = X.jmp(buf);
      X.patchRel32(buf, lowHalf, buf.length);
      X.opRR(buf, X.BSR, 64, RDX, RAX);
      X.movRI(buf, 32, RAX, 128);
      const done2 = X.jcc(buf, CC_E);
      X.movRI(buf, 32, RAX, 127);
      X.patchRel32(buf, done1, buf.length);
      X.opRR(buf, X.SUB, 32, RAX, RDX);
      X.patchRel32(buf, done2, buf.length);
      if (op === Op.cls) X.opRI(buf, X.SUB, 32, RAX, 1);
      X.movRI(buf, 32, RDX, 0);
      defPair(e, r);
      return true;
    }
    case Op.ctz: {
      const a = f.arg(i, 0), r = f.result(i);
      loadPart(e, RAX, a, 0);
      loadPart(e, RCX, a, 1);
      // eax = lo != 0 ? bsf(lo) : hi != 0 ? 64 + bsf(hi) : 128
      X.opRR(buf, X.BSF, 64, RDX, RAX);
      const highHalf = X.jcc(buf, CC_E);
      X.opRR(buf, X.MOV, 32, RAX, RDX);
      const done1 = X.jmp(buf);
      X.patchRel32(buf, highHalf, buf.length);
      X.opRR(buf, X.BSF, 64, RDX, RCX);
      X.movRI(buf, 32, RAX, 128);
      const done2 = X.jcc(buf, CC_E);
      X.opRM(buf, X.LEA, 32, RAX, RDX, NO_REG, 1, 64);
      X.patchRel32(buf, done1, buf.length);
      X.patchRel32(buf, done2, buf.length);
      X.movRI(buf, 32, RDX, 0);
      defPair(e, r);
      return true;
    }
    case Op.popcnt: {
      const a = f.arg(i, 0), r = f.result(i);
      loadPart(e, RAX, a, 1);
      popcntRax(e);
      X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RAX);
      loadPart(e, RAX, a, 0);
      popcntRax(e);
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T1);
      X.opRR(buf, X.ADD, 32, RAX, RCX);
      X.movRI(buf, 32, RDX, 0);
      defPair(e, r);
      return true;
    }
    case Op.bswap: {
      const a = f.arg(i, 0), r = f.result(i);
      loadPart(e, RAX, a, 1);
      loadPart(e, RDX, a, 0);
      X.bswap(buf, 64, RAX);
      X.bswap(buf, 64, RDX);
      defPair(e, r);
      return true;
    }
    case Op.bitrev: {
      const a = f.arg(i, 0), r = f.result(i);
      loadPart(e, RAX, a, 0);
      bitrevRax(e);
      X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RAX);
      loadPart(e, RAX, a, 1);
      bitrevRax(e);
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RDX, T1);
      defPair(e, r);
      return true;
    }
    case Op.udiv: case Op.sdiv: case Op.urem: case Op.srem: {
      divCall(e, i);
      return true;
    }
    case Op.uadd_overflow: case Op.sadd_overflow: case Op.usub_overflow: case Op.ssub_overflow: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const add = op === Op.uadd_overflow || op === Op.sadd_overflow;
      const signed = op === Op.sadd_overflow || op === Op.ssub_overflow;
      aluPair(e, add ? X.ADD : X.SUB, add ? X.ADC : X.SBB, RAX, RDX, a, b, RCX);
      X.setcc(buf, signed ? CC_O : CC_B, RCX);
      X.opRR(buf, X.MOVZX8, 32, RCX, RCX);
      defPair(e, r);
      e.def(r + 1, RCX);
      return true;
    }
    case Op.uadd_overflow_cin: case Op.sadd_overflow_cin: case Op.usub_overflow_bin: case Op.ssub_overflow_bin:
      carryOp(e, i);
      return true;
    case Op.uadd_overflow_trap: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      aluPair(e, X.ADD, X.ADC, RAX, RDX, a, b, RCX);
      e.trapUnless(CC_AE, f.instImm0[i]);
      defPair(e, r);
      return true;
    }
    case Op.bmask: {
      const a = f.arg(i, 0), r = f.result(i);
      const cc = e.condition(a);
      X.setcc(buf, cc, RAX);
      X.opRR(buf, X.MOVZX8, 32, RAX, RAX);
      X.opR(buf, X.NEG, 64, RAX);
      if (f.valueType[r] === I128) {
        X.opRR(buf, X.MOV, 64, RDX, RAX);
        defPair(e, r);
      } else e.def(r, RAX);
      return true;
    }
    case Op.bitselect: {
      const c = f.arg(i, 0), x = f.arg(i, 1), y = f.arg(i, 2), r = f.result(i);
      // per half: (x & c) | (y & ~c)
      for (let k = 0; k < 2; k++) {
        loadPart(e, RCX, c, k);
        loadPart(e, RDX, x, k);
        X.opRR(buf, X.AND, 64, RDX, RCX);
        X.opR(buf, X.NOT, 64, RCX);
        aluPart(e, X.AND, RCX, y, k, RAX);
        X.opRR(buf, X.OR, 64, RCX, RDX);
        X.opRR(buf, S.MOVD_TO_XMM, 64, k === 0 ? T1 : T2, RCX);
      }
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RAX, T1);
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RDX, T2);
      defPair(e, r);
      return true;
    }
    case Op.iconst:
      return false;
  }
  if (op === Op.iconcat || op === Op.isplit) return selectCarry(e, i);
  return false;
}

/** The x86 condition for an icmp of two i128 values; flags are set on return. */
export function icmpI128(e: Emitter, i: number): number {
  const f = e.f;
  const buf = e.buf;
  let a = f.arg(i, 0), b = f.arg(i, 1);
  const cc = f.instImm0[i] as IntCC;
  if (cc === IntCC.Eq || cc === IntCC.Ne) {
    loadPart(e, RAX, a, 0);
    aluPart(e, X.XOR, RAX, b, 0, RDX);
    loadPart(e, RCX, a, 1);
    aluPart(e, X.XOR, RCX, b, 1, RDX);
    X.opRR(buf, X.OR, 64, RAX, RCX);
    return cc === IntCC.Eq ? CC_E : CC_NE;
  }
  // a > b is b < a: only the "less" and "greater or equal" flags of a - b exist
  if (cc === IntCC.Sgt || cc === IntCC.Sle || cc === IntCC.Ugt || cc === IntCC.Ule) {
    const x = a; a = b; b = x;
  }
  aluPair(e, X.CMP, X.SBB, RAX, RCX, a, b, RDX);
  switch (cc) {
    case IntCC.Slt: case IntCC.Sgt: return CC_L;
    case IntCC.Sge: case IntCC.Sle: return CC_GE;
    case IntCC.Ult: case IntCC.Ugt: return CC_B;
    case IntCC.Uge: case IntCC.Ule: return CC_AE;
  }
  assert(false, `unknown integer condition code ${cc}`);
}

// ---- parts ----

/** constPart's result: the low and high 32-bit halves. */
let cLo = 0, cHi = 0;

/** Sets cLo, cHi to the 32-bit halves of part k of constant v (an i128 iconst holds 64 bits sign-extended). */
function constPart(e: Emitter, v: number, k: number): void {
  const d = e.f.valueDef[v];
  const lo = e.f.instImm0[d] | 0, hi = e.f.instImm1[d] | 0;
  if (k === 0) { cLo = lo; cHi = hi; }
  else if (e.f.valueType[v] !== I128) { cLo = 0; cHi = 0; }
  else { cLo = hi >> 31; cHi = hi >> 31; }
}

/** r = part k of v, with mov only (flags preserved). */
export function loadPart(e: Emitter, r: number, v: number, k: number): void {
  const s = e.gprPart(v, k, r);
  if (s !== r) X.opRR(e.buf, X.MOV, 64, r, s);
}

/** `form r, part k of v` (register, memory or imm32; wider constants through `scratch`). */
export function aluPart(e: Emitter, form: X.Form, r: number, v: number, k: number, scratch: number): void {
  const buf = e.buf;
  switch (e.kind(v)) {
    case K.Reg: X.opRR(buf, form, 64, r, k === 0 ? e.ra.home[v] : e.ra.home2[v]); return;
    case K.Mem: X.opRM(buf, form, 64, r, RSP, NO_REG, 1, e.spillDisp(v) + 8 * k); return;
    default: {
      constPart(e, v, k);
      const lo = cLo, hi = cHi;
      if (hi === lo >> 31) X.opRI(buf, form, 64, r, lo);
      else {
        X.movRI64(buf, scratch, lo, hi);
        X.opRR(buf, form, 64, r, scratch);
      }
    }
  }
}

/** rLo:rHi = a, then `lo rLo, low part of b` and `hi rHi, high part of b` (wide constants through `scratch`). */
function aluPair(e: Emitter, lo: X.Form, hi: X.Form, rLo: number, rHi: number, a: number, b: number, scratch: number): void {
  loadPart(e, rLo, a, 0);
  loadPart(e, rHi, a, 1);
  aluPart(e, lo, rLo, b, 0, scratch);
  aluPart(e, hi, rHi, b, 1, scratch);
}

/** cmovcc r, part k of v (constants through rcx). */
function cmovPart(e: Emitter, cc: number, r: number, v: number, k: number): void {
  const buf = e.buf;
  switch (e.kind(v)) {
    case K.Reg: X.cmov(buf, cc, 64, r, k === 0 ? e.ra.home[v] : e.ra.home2[v]); return;
    case K.Mem: X.cmovM(buf, cc, 64, r, RSP, NO_REG, 1, e.spillDisp(v) + 8 * k); return;
    default:
      loadPart(e, RCX, v, k);
      X.cmov(buf, cc, 64, r, RCX);
  }
}

/** Defines i128 result r from rax (low) and rdx (high). */
export function defPair(e: Emitter, r: number): void {
  e.defPart(r, 0, RAX);
  e.defPart(r, 1, RDX);
}

/** rdx:rax = -(rdx:rax). */
function negPair(e: Emitter): void {
  const buf = e.buf;
  X.opR(buf, X.NEG, 64, RAX);
  X.opRI(buf, X.ADC, 64, RDX, 0);
  X.opR(buf, X.NEG, 64, RDX);
}

// ---- shifts ----

function shift(e: Emitter, i: number): void {
  const f = e.f;
  const buf = e.buf;
  const op = f.instOp[i];
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  if (e.kind(b) === K.Imm) {
    constPart(e, b, 0);
    let n = cLo & 127;
    loadPart(e, RAX, a, 0);
    loadPart(e, RDX, a, 1);
    if (op === Op.rotl || op === Op.rotr) {
      if (op === Op.rotr) n = (128 - n) & 127;
      if (n >= 64) {
        X.opRR(buf, X.XCHG, 64, RAX, RDX);
        n -= 64;
      }
      if (n > 0) {
        X.opRR(buf, X.MOV, 64, RCX, RDX);
        X.opRRI(buf, X.SHLD, 64, RDX, RAX, n);
        X.opRRI(buf, X.SHLD, 64, RAX, RCX, n);
      }
    } else if (n > 0) constShift(e, op, n);
    defPair(e, r);
    return;
  }
  if (op === Op.rotl || op === Op.rotr) {
    // rotl(a, n) = (a << n) | (a >> (-n & 127)); shifts by 0 and 128 agree
    loadAmount(e, b);
    if (op === Op.rotr) X.opR(buf, X.NEG, 32, RCX);
    loadPart(e, RAX, a, 0);
    loadPart(e, RDX, a, 1);
    varShift(e, Op.ishl);
    X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RAX);
    X.opRR(buf, S.MOVD_TO_XMM, 64, T2, RDX);
    loadAmount(e, b);
    if (op === Op.rotl) X.opR(buf, X.NEG, 32, RCX);
    loadPart(e, RAX, a, 0);
    loadPart(e, RDX, a, 1);
    varShift(e, Op.ushr);
    X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T1);
    X.opRR(buf, X.OR, 64, RAX, RCX);
    X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T2);
    X.opRR(buf, X.OR, 64, RDX, RCX);
    defPair(e, r);
    return;
  }
  loadAmount(e, b);
  loadPart(e, RAX, a, 0);
  loadPart(e, RDX, a, 1);
  varShift(e, op);
  defPair(e, r);
}

/** rcx = the shift amount (only its low 7 bits matter). */
function loadAmount(e: Emitter, b: number): void {
  if (e.f.valueType[b] === I128) loadPart(e, RCX, b, 0);
  else e.toGpr(RCX, b);
}

/** rdx:rax shifted by constant n in 1..127. */
function constShift(e: Emitter, op: number, n: number): void {
  const buf = e.buf;
  if (op === Op.ishl) {
    if (n >= 64) {
      X.opRR(buf, X.MOV, 64, RDX, RAX);
      if (n > 64) X.opRI(buf, X.SHL, 64, RDX, n - 64);
      X.movRI(buf, 32, RAX, 0);
    } else {
      X.opRRI(buf, X.SHLD, 64, RDX, RAX, n);
      X.opRI(buf, X.SHL, 64, RAX, n);
    }
    return;
  }
  const sr = op === Op.sshr ? X.SAR : X.SHR;
  if (n >= 64) {
    X.opRR(buf, X.MOV, 64, RAX, RDX);
    if (n > 64) X.opRI(buf, sr, 64, RAX, n - 64);
    if (op === Op.sshr) X.opRI(buf, X.SAR, 64, RDX, 63);
    else X.movRI(buf, 32, RDX, 0);
  } else {
    X.opRRI(buf, X.SHRD, 64, RAX, RDX, n);
    X.opRI(buf, sr, 64, RDX, n);
  }
}

/** rdx:rax shifted by cl & 127. */
function varShift(e: Emitter, op: number): void {
  const buf = e.buf;
  if (op === Op.ishl) {
    X.opRR(buf, X.SHLD, 64, RDX, RAX);
    X.opR(buf, X.SHL, 64, RAX);
  } else {
    X.opRR(buf, X.SHRD, 64, RAX, RDX);
    X.opR(buf, op === Op.sshr ? X.SAR : X.SHR, 64, RDX);
  }
  X.opRI(buf, X.TEST, 8, RCX, 64);
  const done = X.jccShort(buf, CC_E);
  if (op === Op.ishl) {
    X.opRR(buf, X.MOV, 64, RDX, RAX);
    X.movRI(buf, 32, RAX, 0);
  } else {
    X.opRR(buf, X.MOV, 64, RAX, RDX);
    if (op === Op.sshr) X.opRI(buf, X.SAR, 64, RDX, 63);
    else X.movRI(buf, 32, RDX, 0);
  }
  X.patchRel8(buf, done, buf.length);
}

// ---- multiply ----

/** rdx:rax = the low 128 bits of a*b; clobbers rcx. */
function mulLowPair(e: Emitter, a: number, b: number): void {
  const buf = e.buf;
  // high = lo(a.hi*b.lo) + lo(a.lo*b.hi) + hi(a.lo*b.lo)
  loadPart(e, RCX, a, 1);
  loadPart(e, RAX, b, 0);
  X.opRR(buf, X.IMUL, 64, RCX, RAX);
  loadPart(e, RAX, a, 0);
  loadPart(e, RDX, b, 1);
  X.opRR(buf, X.IMUL, 64, RDX, RAX);
  X.opRR(buf, X.ADD, 64, RCX, RDX);
  loadPart(e, RDX, b, 0);
  X.opR(buf, X.MUL1, 64, RDX);
  X.opRR(buf, X.ADD, 64, RDX, RCX);
}

/**
 * umul_overflow / smul_overflow: the high product half decides overflow (nonzero
 * unsigned; signed, anything but the sign extension of the low half's top bit).
 * The high half is reduced to a code kept in T1 while the low half is computed.
 */
function mulOverflow(e: Emitter, i: number, signed: boolean): void {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  mulHighPair(e, a, b, signed);
  if (signed) {
    // rcx = 0 if high == 0, 1 if high == -1, else 2
    X.opRR(buf, X.MOV, 64, RCX, RAX);
    X.opRR(buf, X.OR, 64, RCX, RDX);
    const zero = X.jccShort(buf, CC_E);
    X.opRR(buf, X.AND, 64, RAX, RDX);
    X.opRI(buf, X.CMP, 64, RAX, -1);
    X.movRI(buf, 32, RCX, 1);
    const ones = X.jccShort(buf, CC_E);
    X.movRI(buf, 32, RCX, 2);
    X.patchRel8(buf, zero, buf.length);
    X.patchRel8(buf, ones, buf.length);
  } else {
    X.opRR(buf, X.OR, 64, RAX, RDX);
    X.setcc(buf, CC_NE, RCX);
    X.opRR(buf, X.MOVZX8, 32, RCX, RCX);
  }
  X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RCX);
  // low half, as imul
  mulLowPair(e, a, b);
  if (signed) {
    // overflow = code != top bit of the low half
    X.opRR(buf, S.MOVD_TO_XMM, 64, T2, RAX);
    X.opRR(buf, X.MOV, 64, RCX, RDX);
    X.opRI(buf, X.SHR, 64, RCX, 63);
    X.opRR(buf, S.MOVD_FROM_XMM, 64, RAX, T1);
    X.opRR(buf, X.CMP, 64, RAX, RCX);
    X.setcc(buf, CC_NE, RCX);
    X.opRR(buf, X.MOVZX8, 32, RCX, RCX);
    X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RCX);
    X.opRR(buf, S.MOVD_FROM_XMM, 64, RAX, T2);
  }
  defPair(e, r);
  X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T1);
  e.def(r + 1, RCX);
}

/**
 * The high 128 bits of the 256-bit product. With a = a1:a0, b = b1:b0:
 * high = a1*b1 + hi(a0*b1) + hi(a1*b0) + carries of hi(a0*b0) + lo(a0*b1) + lo(a1*b0).
 * The signed form subtracts b when a < 0 and a when b < 0.
 */
function mulHigh(e: Emitter, i: number, signed: boolean): void {
  const f = e.f;
  mulHighPair(e, f.arg(i, 0), f.arg(i, 1), signed);
  defPair(e, f.result(i));
}

/** rax:rdx = the high 128 bits of a*b; clobbers rcx, T1, T2. */
function mulHighPair(e: Emitter, a: number, b: number, signed: boolean): void {
  const buf = e.buf;
  // mid = hi(a0*b0) + lo(a0*b1): T1 = its low 64 bits, T2 = high word accumulated so far
  loadPart(e, RAX, a, 0);
  loadPart(e, RCX, b, 0);
  X.opR(buf, X.MUL1, 64, RCX);
  X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RDX);
  loadPart(e, RAX, a, 0);
  loadPart(e, RCX, b, 1);
  X.opR(buf, X.MUL1, 64, RCX);
  X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T1);
  X.opRR(buf, X.ADD, 64, RCX, RAX);
  X.opRI(buf, X.ADC, 64, RDX, 0);
  X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RCX);
  X.opRR(buf, S.MOVD_TO_XMM, 64, T2, RDX);
  // + a1*b0: its low word into mid (carry up), its high word up
  loadPart(e, RAX, a, 1);
  loadPart(e, RCX, b, 0);
  X.opR(buf, X.MUL1, 64, RCX);
  X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T1);
  X.opRR(buf, X.ADD, 64, RCX, RAX);
  X.opRI(buf, X.ADC, 64, RDX, 0);
  // rdx = hi(a1*b0) + carry; high word so far: T2 + rdx, with its carry into the top word
  X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T2);
  X.opRR(buf, X.ADD, 64, RCX, RDX);
  X.movRI(buf, 32, RDX, 0);
  X.setcc(buf, CC_B, RDX);
  X.opRR(buf, S.MOVD_TO_XMM, 64, T1, RCX);
  X.opRR(buf, S.MOVD_TO_XMM, 64, T2, RDX);
  // + a1*b1
  loadPart(e, RAX, a, 1);
  loadPart(e, RCX, b, 1);
  X.opR(buf, X.MUL1, 64, RCX);
  X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T1);
  X.opRR(buf, X.ADD, 64, RAX, RCX);
  X.opRR(buf, S.MOVD_FROM_XMM, 64, RCX, T2);
  X.opRR(buf, X.ADC, 64, RDX, RCX);
  if (signed) {
    // subtract b if a < 0, a if b < 0
    for (const [x, y] of [[a, b], [b, a]]) {
      loadPart(e, RCX, x, 1);
      X.opRR(buf, X.TEST, 64, RCX, RCX);
      const skip = X.jcc(buf, CC_NS);
      aluPart(e, X.SUB, RAX, y, 0, RCX);
      aluPart(e, X.SBB, RDX, y, 1, RCX);
      X.patchRel32(buf, skip, buf.length);
    }
  }
}

// ---- division through the runtime library ----

function divCall(e: Emitter, i: number): void {
  const f = e.f;
  const buf = e.buf;
  const op = f.instOp[i];
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  e.pmBegin();
  e.pmAddValue(RDI, a, 0);
  e.pmAddValue(RSI, a, 1);
  e.pmAddValue(RDX, b, 0);
  e.pmAddValue(RCX, b, 1);
  e.pmEmit();
  X.opRR(buf, X.MOV, 64, RAX, RDX);
  X.opRR(buf, X.OR, 64, RAX, RCX);
  e.trapUnless(CC_NE, TrapCode.IntegerDivisionByZero);
  let done = -1;
  if (op === Op.sdiv || op === Op.srem) {
    // MIN / -1 overflows; MIN % -1 is 0
    X.opRR(buf, X.MOV, 64, RAX, RDX);
    X.opRR(buf, X.AND, 64, RAX, RCX);
    X.opRI(buf, X.CMP, 64, RAX, -1);
    const j1 = X.jcc(buf, CC_NE);
    X.opRR(buf, X.TEST, 64, RDI, RDI);
    const j2 = X.jcc(buf, CC_NE);
    X.movRI64(buf, RAX, 0, 0x80000000 | 0);
    X.opRR(buf, X.CMP, 64, RSI, RAX);
    const j3 = X.jcc(buf, CC_NE);
    if (op === Op.sdiv) e.trapHere(TrapCode.IntegerOverflow);
    else {
      X.movRI(buf, 32, RAX, 0);
      X.movRI(buf, 32, RDX, 0);
      done = X.jmp(buf);
    }
    for (const j of [j1, j2, j3]) X.patchRel32(buf, j, buf.length);
  }
  const name = op === Op.udiv ? '__udivti3' : op === Op.sdiv ? '__divti3' : op === Op.urem ? '__umodti3' : '__modti3';
  e.zeroUpper();
  const at = X.call(buf);
  e.relocs.push({ offset: at, symbol: name, type: R.R_X86_64_PLT32, addend: -4 });
  if (done >= 0) X.patchRel32(buf, done, buf.length);
  defPair(e, r);
}

