// Instruction selection for scalar f32/f64 on SSE2 with Cranelift's semantics:
// arithmetic, sign operations through masks, compares with parity handling,
// fmin/fmax NaN and signed-zero rules, conversions and bit casts.
// Needs the Emitter; writes x86 code for one instruction.

import { hasFma } from './operands.js';
import { selectFma } from './isel-fma.js';
import type { Emitter } from './codegen.js';
import { K } from './operands.js';
import { Op } from '../ir/opcodes.js';
import { F16, F32, F64, F128, I128, isScalarFloat, typeBits } from '../ir/types.js';
import { FloatCC, TrapCode } from '../ir/immediates.js';
import * as X from './encode.js';
import { assert } from '../support/diag.js';
import * as S from './encode-sse.js';
import { RAX, RCX, RDX, RSI, RDI, RIP, RSP, NO_REG, CC_E, CC_NE, CC_P, CC_NP, CC_A, CC_AE, CC_B, CC_BE } from './regs.js';
import { extendTo } from './isel-int.js';
import { XMM_LOC } from './abi.js';
import { HOME_SPILL } from './regalloc.js';
import { R } from '../object/elf.js';

const T0 = 15, T1 = 14;

export function selectFloat(e: Emitter, i: number): boolean {
  const f = e.f;
  const op = f.instOp[i];
  const buf = e.buf;
  const t = f.instType[i];
  const d64 = t === F64;
  switch (op) {
    case Op.f32const: case Op.f64const: {
      const r = f.result(i);
      if (op === Op.f32const) X.movRI(buf, 32, RAX, f.instImm0[i] >>> 0);
      else X.movRI64(buf, RAX, f.instImm0[i], f.instImm1[i]);
      toFloatResult(e, r, op === Op.f64const);
      return true;
    }
    case Op.f16const: {
      X.movRI(buf, 32, RAX, f.instImm0[i] & 0xffff);
      toFloatResult(e, f.result(i), false);
      return true;
    }
    case Op.f128const: {
      const r = f.result(i);
      const x = e.xdst(r, T0);
      const at = X.opRM(buf, S.MOVUPS, 0, x, RIP, NO_REG, 1, 0);
      e.pendingConsts.push({ at, bytes: f.constants[f.instImm0[i]] });
      xdef128(e, r, x);
      return true;
    }
    case Op.fadd: case Op.fsub: case Op.fmul: case Op.fdiv: {
      if (t !== F32 && t !== F64) return false;
      const form = op === Op.fadd ? (d64 ? S.ADDSD : S.ADDSS) : op === Op.fsub ? (d64 ? S.SUBSD : S.SUBSS) : op === Op.fmul ? (d64 ? S.MULSD : S.MULSS) : d64 ? S.DIVSD : S.DIVSS;
      const a = f.arg(i, 0), b = f.arg(i, 1);
      const r = f.result(i);
      const x = e.xdst(r, T0);
      // two-address: x = a, then x op= b; b as a memory operand when it is a
      // fused load, a spill slot or a constant. Never commuted: with two NaN
      // operands x86 returns the first (quieted), and CLIF's a must be that one.
      // b already in the destination register: work in the scratch register
      const d = xmmHome(e, b) === x && xmmHome(e, a) !== x ? T0 : x;
      // a fused load (the analysis fuses loads into either operand of fadd/fmul) is loaded here
      if (e.kind(a) === K.Load) e.xmmOperand(d64 ? S.MOVSD : S.MOVSS, d, a, T1);
      else e.toXmm(d, a);
      e.xmmOperand(form, d, b, T1);
      e.xdef(r, d);
      return true;
    }
    case Op.sqrt: {
      if (t !== F32 && t !== F64) return false;
      const a = f.arg(i, 0), r = f.result(i);
      const x = e.xdst(r, T0);
      e.xmmOperand(d64 ? S.SQRTSD : S.SQRTSS, x, a, T1);
      e.xdef(r, x);
      return true;
    }
    case Op.fneg: case Op.fabs: {
      if (t !== F32 && t !== F64) return false;
      const a = f.arg(i, 0), r = f.result(i);
      // on the integer side: flip or clear the sign bit
      e.toGpr(RAX, a);
      if (d64) X.movRI64(buf, RCX, 0, 0x80000000 | 0);
      else X.movRI(buf, 32, RCX, 0x80000000);
      if (op === Op.fneg) X.opRR(buf, X.XOR, 64, RAX, RCX);
      else {
        X.opR(buf, X.NOT, 64, RCX);
        X.opRR(buf, X.AND, 64, RAX, RCX);
      }
      toFloatResult(e, r, d64);
      return true;
    }
    case Op.fcopysign: {
      if (t !== F32 && t !== F64) return false;
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      e.toGpr(RAX, a);
      e.toGpr(RDX, b);
      if (d64) X.movRI64(buf, RCX, 0, 0x80000000 | 0);
      else X.movRI(buf, 32, RCX, 0x80000000);
      X.opRR(buf, X.AND, 64, RDX, RCX);
      X.opR(buf, X.NOT, 64, RCX);
      X.opRR(buf, X.AND, 64, RAX, RCX);
      X.opRR(buf, X.OR, 64, RAX, RDX);
      toFloatResult(e, r, d64);
      return true;
    }
    case Op.fcmp: {
      e.defCondition(f.result(i), fcmpFlags(e, i));
      return true;
    }
    case Op.select: case Op.select_spectre_guard: {
      const r = f.result(i);
      if (!isScalarFloat(f.valueType[r])) return false;
      const cc = e.condition(f.arg(i, 0));
      e.toXmm(T0, f.arg(i, 1));
      const skip = X.jccShort(buf, cc);
      e.toXmm(T0, f.arg(i, 2));
      X.patchRel8(buf, skip, buf.length);
      e.xdef(r, T0);
      return true;
    }
    case Op.fmin: case Op.fmax: {
      if (t !== F32 && t !== F64) return false;
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      e.toXmm(T0, a);
      e.toXmm(T1, b);
      X.opRR(buf, d64 ? S.UCOMISD : S.UCOMISS, 0, T0, T1);
      const notEqual = X.jccShort(buf, CC_NE);
      const unordered = X.jccShort(buf, CC_P);
      // equal: combine the bits so -0 wins for min and +0 for max
      X.opRR(buf, op === Op.fmin ? S.ORPS : S.ANDPS, 0, T0, T1);
      const done1 = X.jmpShort(buf);
      // unordered: the NaN operand as it is (a if both are), not quieted
      X.patchRel8(buf, unordered, buf.length);
      X.opRR(buf, d64 ? S.UCOMISD : S.UCOMISS, 0, T0, T0);
      const aNaN = X.jccShort(buf, CC_P);
      X.opRR(buf, S.MOVAPS, 0, T0, T1);
      const done2 = X.jmpShort(buf);
      X.patchRel8(buf, notEqual, buf.length);
      X.opRR(buf, op === Op.fmin ? (d64 ? S.MINSD : S.MINSS) : d64 ? S.MAXSD : S.MAXSS, 0, T0, T1);
      X.patchRel8(buf, done1, buf.length);
      X.patchRel8(buf, aNaN, buf.length);
      X.patchRel8(buf, done2, buf.length);
      e.xdef(r, T0);
      return true;
    }
    case Op.ceil: case Op.floor: case Op.trunc: case Op.nearest: {
      if (t !== F32 && t !== F64) return false;
      const a = f.arg(i, 0), r = f.result(i);
      if (e.an.inlineRound) {
        const xa = e.xmm(a, T1);
        const x = e.xdst(r, T0);
        X.opRRI(buf, d64 ? S.ROUNDSD : S.ROUNDSS, 0, x, xa, ROUND_IMM[op === Op.nearest ? 0 : op === Op.floor ? 1 : op === Op.ceil ? 2 : 3]);
        e.xdef(r, x);
        return true;
      }
      const name = op === Op.ceil ? 'ceil' : op === Op.floor ? 'floor' : op === Op.trunc ? 'trunc' : 'rint';
      floatLibcall(e, i, d64 ? name : name + 'f');
      return true;
    }
    case Op.fma: {
      if (t !== F32 && t !== F64) return false;
      if (hasFma(e.isaFlags)) selectFma(e, i);
      else floatLibcall(e, i, d64 ? 'fma' : 'fmaf');
      return true;
    }
    case Op.fpromote: case Op.fdemote: {
      const a = f.arg(i, 0), r = f.result(i);
      const x = e.xdst(r, T0);
      e.xmmOperand(op === Op.fpromote ? S.CVTSS2SD : S.CVTSD2SS, x, a, T1);
      e.xdef(r, x);
      return true;
    }
    case Op.bitcast: {
      const a = f.arg(i, 0), r = f.result(i);
      const from = f.valueType[a];
      if (t === F128 && from === I128) {
        X.opRR(buf, S.MOVD_TO_XMM, 64, T0, e.gprPart(a, 0, RAX));
        X.opRR(buf, S.MOVD_TO_XMM, 64, T1, e.gprPart(a, 1, RDX));
        X.opRR(buf, S.PUNPCKLQDQ, 0, T0, T1);
        xdef128(e, r, T0);
        return true;
      }
      if (t === I128 && from === F128) {
        const xa = xmm128(e, a, T0);
        X.opRR(buf, S.MOVD_FROM_XMM, 64, RAX, xa);
        X.opRR(buf, S.MOVHLPS, 0, T1, xa);
        X.opRR(buf, S.MOVD_FROM_XMM, 64, RDX, T1);
        e.defPart(r, 0, RAX);
        e.defPart(r, 1, RDX);
        return true;
      }
      if (t === F128 || from === F128) return false;
      if (isScalarFloat(t) && !isScalarFloat(from)) {
        if (typeBits(t) !== typeBits(from)) return false;
        e.toGpr(RAX, a);
        toFloatResult(e, r, t === F64);
        return true;
      }
      if (!isScalarFloat(t) && isScalarFloat(from)) {
        const xa = e.xmm(a, T0);
        X.opRR(buf, S.MOVD_FROM_XMM, from === F64 ? 64 : 32, RAX, xa);
        if (from === F16) X.opRR(buf, X.MOVZX16, 32, RAX, RAX);
        e.def(r, RAX);
        return true;
      }
      return false;
    }
    case Op.fcvt_from_sint: case Op.fcvt_from_uint: {
      const a = f.arg(i, 0), r = f.result(i);
      const bits = typeBits(f.valueType[a]);
      if (bits === 128 && (t === F32 || t === F64)) {
        e.pmBegin();
        e.pmAddValue(RDI, a, 0);
        e.pmAddValue(RSI, a, 1);
        e.pmEmit();
        const signed = op === Op.fcvt_from_sint;
        libcall(e, d64 ? (signed ? '__floattidf' : '__floatuntidf') : signed ? '__floattisf' : '__floatuntisf');
        e.xdef(r, 0);
        return true;
      }
      if (bits > 64) return false;
      const cvt = d64 ? S.CVTSI2SD : S.CVTSI2SS;
      // the xorps breaks the dependency on the destination's old contents
      const x = e.xdst(r, T0);
      X.opRR(buf, S.XORPS, 0, x, x);
      if (op === Op.fcvt_from_sint && (bits === 64 || bits === 32) && e.kind(a) === K.Reg) {
        X.opRR(buf, cvt, bits, x, e.ra.home[a]);
      } else if (op === Op.fcvt_from_sint && (bits === 64 || bits === 32) && e.kind(a) === K.Mem) {
        X.opRM(buf, cvt, bits, x, RSP, NO_REG, 1, e.spillDisp(a));
      } else if (op === Op.fcvt_from_sint || bits < 64) {
        extendTo(e, RAX, a, bits, op === Op.fcvt_from_sint);
        X.opRR(buf, cvt, 64, x, RAX);
      } else {
        // u64: halve values with the top bit set (keeping the low bit), convert, double
        e.toGpr(RAX, a);
        X.opRR(buf, X.TEST, 64, RAX, RAX);
        const big = X.jccShort(buf, 8 /* s */);
        X.opRR(buf, cvt, 64, x, RAX);
        const done = X.jmpShort(buf);
        X.patchRel8(buf, big, buf.length);
        X.opRR(buf, X.MOV, 64, RCX, RAX);
        X.opRI(buf, X.SHR, 64, RCX, 1);
        X.opRI(buf, X.AND, 32, RAX, 1);
        X.opRR(buf, X.OR, 64, RCX, RAX);
        X.opRR(buf, cvt, 64, x, RCX);
        X.opRR(buf, d64 ? S.ADDSD : S.ADDSS, 0, x, x);
        X.patchRel8(buf, done, buf.length);
      }
      e.xdef(r, x);
      return true;
    }
    case Op.fcvt_to_sint: case Op.fcvt_to_sint_sat: case Op.fcvt_to_uint: case Op.fcvt_to_uint_sat: {
      const a = f.arg(i, 0), r = f.result(i);
      const from = f.valueType[a];
      if (from !== F32 && from !== F64) return false;
      const bits = typeBits(t);
      if (bits === 128) {
        fcvtToI128(e, a, r, from === F64, op === Op.fcvt_to_sint || op === Op.fcvt_to_sint_sat, op === Op.fcvt_to_sint_sat || op === Op.fcvt_to_uint_sat);
        return true;
      }
      if (bits > 64) return false;
      fcvtToInt(e, a, r, from === F64, bits, op === Op.fcvt_to_sint || op === Op.fcvt_to_sint_sat, op === Op.fcvt_to_sint_sat || op === Op.fcvt_to_uint_sat);
      return true;
    }
  }
  return false;
}

/** roundss/roundsd immediates: nearest-even, down, up, toward zero; bit 3 keeps the inexact flag quiet. */
const ROUND_IMM = [8, 9, 10, 11];

function libcall(e: Emitter, symbol: string): void {
  e.zeroUpper();
  const at = X.call(e.buf);
  e.relocs.push({ offset: at, symbol, type: R.R_X86_64_PLT32, addend: -4 });
}

const fcvtDone: number[] = [];

/** rax:rdx = the i128 whose 32-bit words are w0..w3 (low first), then a jump to the end recorded in `done`. */
function giveI128(e: Emitter, done: number[], w0: number, w1: number, w2: number, w3: number): void {
  X.movRI64(e.buf, RAX, w0, w1);
  X.movRI64(e.buf, RDX, w2, w3);
  done.push(X.jmp(e.buf));
}

/**
 * f32/f64 to i128 through libgcc's __fix[uns]{s,d}fti, which leave out-of-range
 * inputs undefined: NaN and values outside the range trap (bad_toint, int_ovf)
 * or, saturating, give 0 / the nearest bound before the call is reached.
 */
function fcvtToI128(e: Emitter, a: number, r: number, d64: boolean, signed: boolean, sat: boolean): void {
  const buf = e.buf;
  const ucomi = d64 ? S.UCOMISD : S.UCOMISS;
  e.toXmm(0, a);
  const done = fcvtDone;
  done.length = 0;
  X.opRR(buf, ucomi, 0, 0, 0);
  const ordered = X.jcc(buf, CC_NP);
  if (sat) giveI128(e, done, 0, 0, 0, 0);
  else e.trapHere(TrapCode.BadConversionToInteger);
  X.patchRel32(buf, ordered, buf.length);
  // low bound: -2^127 is the smallest valid value (signed); unsigned needs x > -1
  floatConst(e, T1, d64, signed ? -(2 ** 127) : sat ? 0 : -1);
  X.opRR(buf, ucomi, 0, 0, T1);
  const loOk = X.jcc(buf, signed ? CC_AE : CC_A);
  if (sat) giveI128(e, done, 0, 0, 0, signed ? 0x80000000 | 0 : 0);
  else e.trapHere(TrapCode.IntegerOverflow);
  X.patchRel32(buf, loOk, buf.length);
  floatConst(e, T1, d64, signed ? 2 ** 127 : 2 ** 128);
  X.opRR(buf, ucomi, 0, T1, 0);
  const hiOk = X.jcc(buf, CC_A);
  if (sat) giveI128(e, done, -1, -1, -1, signed ? 0x7fffffff : -1);
  else e.trapHere(TrapCode.IntegerOverflow);
  X.patchRel32(buf, hiOk, buf.length);
  libcall(e, d64 ? (signed ? '__fixdfti' : '__fixunsdfti') : signed ? '__fixsfti' : '__fixunssfti');
  for (const j of done) X.patchRel32(buf, j, buf.length);
  e.defPart(r, 0, RAX);
  e.defPart(r, 1, RDX);
}

/** A libm call taking instruction i's float arguments in xmm0.. and returning its result in xmm0. */
function floatLibcall(e: Emitter, i: number, symbol: string): void {
  const f = e.f;
  e.pmBegin();
  for (let k = 0; k < f.instArgCount[i]; k++) e.pmAddValue(XMM_LOC + k, f.arg(i, k), 0);
  e.pmEmit();
  e.zeroUpper();
  const at = X.call(e.buf);
  e.relocs.push({ offset: at, symbol, type: R.R_X86_64_PLT32, addend: -4 });
  const r = f.result(i);
  e.xdef(r, 0);
}

/** Finishes an f128 result computed in xmm `x` (an XMM home or a 16-byte spill slot). */
export function xdef128(e: Emitter, r: number, x: number): void {
  e.xdef(r, x);
}

/** An XMM register holding f128 value `v` (loaded into `scratch` when spilled). */
export function xmm128(e: Emitter, v: number, scratch: number): number {
  const h = e.ra.home[v];
  if (h >= 16 && h < 32) return h - 16;
  if (h < HOME_SPILL) e.unsupported('(f128 value outside an XMM register)');
  X.opRM(e.buf, S.MOVUPS, 0, scratch, RSP, NO_REG, 1, e.spillDisp(v));
  return scratch;
}

/** The XMM register number float v lives in, or -1. */
function xmmHome(e: Emitter, v: number): number {
  const h = e.ra.home[v];
  return h >= 16 && h < 32 ? h - 16 : -1;
}

/** Moves the bit pattern in rax into float result r. */
function toFloatResult(e: Emitter, r: number, d64: boolean): void {
  const x = e.xdst(r, T0);
  X.opRR(e.buf, S.MOVD_TO_XMM, d64 ? 64 : 32, x, RAX);
  e.xdef(r, x);
}

/** Loads float constant bits into xmm `x` through rax. */
function floatConst(e: Emitter, x: number, d64: boolean, value: number): void {
  const dv = new DataView(new ArrayBuffer(8));
  if (d64) {
    dv.setFloat64(0, value, true);
    X.movRI64(e.buf, RAX, dv.getInt32(0, true), dv.getInt32(4, true));
    X.opRR(e.buf, S.MOVD_TO_XMM, 64, x, RAX);
  } else {
    dv.setFloat32(0, value, true);
    X.movRI(e.buf, 32, RAX, dv.getUint32(0, true));
    X.opRR(e.buf, S.MOVD_TO_XMM, 32, x, RAX);
  }
}

/**
 * Float to integer: out-of-range values trap (int_ovf) and NaN traps (bad_toint),
 * or with `sat` clamp to the range and give 0 for NaN.
 */
function fcvtToInt(e: Emitter, a: number, r: number, d64: boolean, bits: number, signed: boolean, sat: boolean): void {
  const buf = e.buf;
  const ucomi = d64 ? S.UCOMISD : S.UCOMISS;
  const cvt = d64 ? S.CVTTSD2SI : S.CVTTSS2SI;
  e.toXmm(T0, a);
  // NaN
  X.opRR(buf, ucomi, 0, T0, T0);
  let nanJump = -1;
  if (sat) {
    X.movRI(buf, 32, RDX, 0);
    nanJump = X.jcc(buf, CC_P);
  } else {
    e.trapUnless(CC_NP, TrapCode.BadConversionToInteger);
  }
  // range: lo < x < hi must hold (as exact float comparisons)
  const lo = signed ? -(2 ** (bits - 1)) - 1 : -1;
  const hi = signed ? 2 ** (bits - 1) : 2 ** bits;
  // x > lo, or x >= lo + 1 when lo has no exact float form
  const loExact = !signed || bits - 1 < (d64 ? 53 : 24);
  floatConst(e, T1, d64, loExact ? lo : lo + 1);
  const loCC = loExact ? CC_A : CC_AE;
  X.opRR(buf, ucomi, 0, T0, T1);
  if (sat) {
    const loOk = X.jccShort(buf, loCC);
    if (!signed) X.movRI(buf, 32, RDX, 0);
    else if (bits === 64) X.movRI64(buf, RDX, 0, 0x80000000 | 0);
    else X.movRI(buf, 64, RDX, -(2 ** (bits - 1)));
    const end1 = X.jmp(buf);
    X.patchRel8(buf, loOk, buf.length);
    floatConst(e, T1, d64, hi);
    X.opRR(buf, ucomi, 0, T1, T0);
    const hiOk = X.jccShort(buf, CC_A);
    if (bits === 64) X.movRI64(buf, RDX, -1, signed ? 0x7fffffff : -1);
    else X.movRI(buf, 64, RDX, signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1);
    const end2 = X.jmp(buf);
    X.patchRel8(buf, hiOk, buf.length);
    convertInRange(e, d64, bits, signed, cvt);
    X.patchRel32(buf, end1, buf.length);
    X.patchRel32(buf, end2, buf.length);
    X.patchRel32(buf, nanJump, buf.length);
    e.def(r, RDX);
    return;
  }
  e.trapUnless(loCC, TrapCode.IntegerOverflow);
  floatConst(e, T1, d64, hi);
  X.opRR(buf, ucomi, 0, T1, T0);
  e.trapUnless(CC_A, TrapCode.IntegerOverflow);
  convertInRange(e, d64, bits, signed, cvt);
  e.def(r, RDX);
}

/** rdx = trunc(xmm15) for a value known to be in range. */
function convertInRange(e: Emitter, d64: boolean, bits: number, signed: boolean, cvt: X.Form): void {
  const buf = e.buf;
  if (signed || bits < 64) {
    X.opRR(buf, cvt, 64, RDX, T0);
    return;
  }
  // u64 at or above 2^63: subtract 2^63 first, then set the top bit
  floatConst(e, T1, d64, 2 ** 63);
  X.opRR(buf, d64 ? S.UCOMISD : S.UCOMISS, 0, T0, T1);
  const small = X.jccShort(buf, CC_B);
  X.opRR(buf, d64 ? S.SUBSD : S.SUBSS, 0, T0, T1);
  X.opRR(buf, cvt, 64, RDX, T0);
  X.movRI64(buf, RCX, 0, 0x80000000 | 0);
  X.opRR(buf, X.XOR, 64, RDX, RCX);
  const done = X.jmpShort(buf);
  X.patchRel8(buf, small, buf.length);
  X.opRR(buf, cvt, 64, RDX, T0);
  X.patchRel8(buf, done, buf.length);
}

/** ucomis[sd] of float values x and y (x in T0). */
function ucomiXY(e: Emitter, ucomi: X.Form, x: number, y: number): void {
  e.toXmm(T0, x);
  const xy = e.xmm(y, T1);
  X.opRR(e.buf, ucomi, 0, T0, xy);
}

/** Flags for fcmp instruction i; returns the x86 condition that means true. */
export function fcmpFlags(e: Emitter, i: number): number {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1);
  const t = f.valueType[a];
  if (t !== F32 && t !== F64) e.unsupported();
  const ucomi = t === F64 ? S.UCOMISD : S.UCOMISS;
  const cc = f.instImm0[i] as FloatCC;
  const buf = e.buf;
  switch (cc) {
    case FloatCC.Ord: ucomiXY(e, ucomi, a, b); return CC_NP;
    case FloatCC.Uno: ucomiXY(e, ucomi, a, b); return CC_P;
    case FloatCC.One: ucomiXY(e, ucomi, a, b); return CC_NE;
    case FloatCC.Ueq: ucomiXY(e, ucomi, a, b); return CC_E;
    case FloatCC.Gt: ucomiXY(e, ucomi, a, b); return CC_A;
    case FloatCC.Ge: ucomiXY(e, ucomi, a, b); return CC_AE;
    case FloatCC.Lt: ucomiXY(e, ucomi, b, a); return CC_A;
    case FloatCC.Le: ucomiXY(e, ucomi, b, a); return CC_AE;
    case FloatCC.Ult: ucomiXY(e, ucomi, a, b); return CC_B;
    case FloatCC.Ule: ucomiXY(e, ucomi, a, b); return CC_BE;
    case FloatCC.Ugt: ucomiXY(e, ucomi, b, a); return CC_B;
    case FloatCC.Uge: ucomiXY(e, ucomi, b, a); return CC_BE;
    case FloatCC.Eq: case FloatCC.Ne: {
      ucomiXY(e, ucomi, a, b);
      const eq = cc === FloatCC.Eq;
      X.setcc(buf, eq ? CC_E : CC_NE, RAX);
      X.setcc(buf, eq ? CC_NP : CC_P, RCX);
      X.opRR(buf, eq ? X.AND : X.OR, 8, RAX, RCX);
      return CC_NE; // from the and/or
    }
  }
  assert(false, `unknown float condition code ${cc}`);
}

