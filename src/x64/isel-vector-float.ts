// Vector float selection: lane compares with every FloatCC, fmin/fmax with
// the interpreter's NaN and signed-zero rules, rounding (roundps/roundpd with
// SSE4.1, an exact SSE2 sequence otherwise) and the int/float conversions
// including the saturating ones. Needs the Emitter; writes x86 code.

import type { Emitter } from './codegen.js';
import * as X from './encode.js';
import * as S from './encode-sse.js';
import * as V from './encode-vec.js';
import { F32, F64, laneOf, typeBits } from '../ir/types.js';
import { FloatCC } from '../ir/immediates.js';
import { Op } from '../ir/opcodes.js';
import { RAX, RCX, RDX, CC_AE, CC_P } from './regs.js';
import {
  T0, T1, T2, T3, P_EQ, P_LT, P_LE, P_UNORD, P_NEQ, P_NLT, P_NLE, P_ORD,
  sse41, splatConst, cop, floatBits, mov, vop, vopI, rr, rri, ri, zero, blend, unary,
} from './vec-util.js';

/** d = cmpps/cmppd(x, y) with predicate p (y as an operand; uses T2). */
function cmpInto(e: Emitter, form: X.Form, d: number, x: number, y: number, p: number): void {
  e.toXmm(d, x);
  vopI(e, form, d, y, p, T2);
}

export function fcmp(e: Emitter, i: number, lane: number): void {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  const form = lane === F64 ? S.CMPPD : S.CMPPS;
  const cc = f.instImm0[i] as FloatCC;
  switch (cc) {
    case FloatCC.Eq: cmpInto(e, form, T0, a, b, P_EQ); break;
    case FloatCC.Ne: cmpInto(e, form, T0, a, b, P_NEQ); break;
    case FloatCC.Lt: cmpInto(e, form, T0, a, b, P_LT); break;
    case FloatCC.Le: cmpInto(e, form, T0, a, b, P_LE); break;
    case FloatCC.Gt: cmpInto(e, form, T0, b, a, P_LT); break;
    case FloatCC.Ge: cmpInto(e, form, T0, b, a, P_LE); break;
    case FloatCC.Uno: cmpInto(e, form, T0, a, b, P_UNORD); break;
    case FloatCC.Ord: cmpInto(e, form, T0, a, b, P_ORD); break;
    case FloatCC.Ult: cmpInto(e, form, T0, b, a, P_NLE); break;
    case FloatCC.Ule: cmpInto(e, form, T0, b, a, P_NLT); break;
    case FloatCC.Ugt: cmpInto(e, form, T0, a, b, P_NLE); break;
    case FloatCC.Uge: cmpInto(e, form, T0, a, b, P_NLT); break;
    case FloatCC.One:
      cmpInto(e, form, T0, a, b, P_ORD);
      cmpInto(e, form, T1, a, b, P_NEQ);
      rr(e, S.PAND, T0, T1);
      break;
    case FloatCC.Ueq:
      cmpInto(e, form, T0, a, b, P_UNORD);
      cmpInto(e, form, T1, a, b, P_EQ);
      rr(e, S.POR, T0, T1);
      break;
  }
  e.xdef(r, T0);
}

/**
 * fmin/fmax lane by lane: a NaN operand comes out as it is (a's first), -0
 * is below +0. min/max of both operand orders combined settle the zeros.
 */
export function fminmax(e: Emitter, i: number, d64: boolean, isMax: boolean): void {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  const form = isMax ? (d64 ? V.MAXPD : V.MAXPS) : d64 ? V.MINPD : V.MINPS;
  const cmp = d64 ? S.CMPPD : S.CMPPS;
  e.toXmm(T0, a);
  vop(e, form, T0, b, T1);
  e.toXmm(T1, b);
  vop(e, form, T1, a, T2);
  rr(e, isMax ? S.PAND : S.POR, T0, T1);
  // b where b is NaN
  e.toXmm(T1, b);
  rri(e, cmp, T1, T1, P_UNORD);
  e.toXmm(T2, b);
  blend(e, T1, T2, T0);
  // a where a is NaN
  e.toXmm(T0, a);
  mov(e, T2, T0);
  rri(e, cmp, T2, T2, P_UNORD);
  blend(e, T2, T0, T1);
  e.xdef(r, T2);
}

/** roundps/roundpd immediates (nearest, floor, ceil, trunc) with the inexact exception suppressed. */
export function fround(e: Emitter, i: number, op: number, d64: boolean): void {
  const f = e.f;
  const a = f.arg(i, 0), r = f.result(i);
  const mode = op === Op.nearest ? 0 : op === Op.floor ? 1 : op === Op.ceil ? 2 : 3;
  if (sse41(e)) {
    const x = e.xdst(r, T0);
    vopI(e, d64 ? V.ROUNDPD : V.ROUNDPS, x, a, 8 | mode, T1);
    e.xdef(r, x);
    return;
  }
  // SSE2: lanes below 2^23 (2^52) round through adding and subtracting that
  // power of two on the magnitude; the sign goes back on afterwards. Other
  // lanes (large, infinite, NaN) are x + 0, which quiets a NaN.
  const lg = d64 ? 3 : 2;
  const lane = d64 ? F64 : F32;
  const abs = splatConst(lg, d64 ? (1n << 63n) - 1n : 0x7fffffffn);
  const sign = splatConst(lg, d64 ? 1n << 63n : 0x80000000n);
  const magic = splatConst(lg, floatBits(lane, d64 ? 2 ** 52 : 2 ** 23));
  const one = splatConst(lg, floatBits(lane, 1));
  const add = d64 ? V.ADDPD : V.ADDPS, sub = d64 ? V.SUBPD : V.SUBPS;
  const cmp = d64 ? S.CMPPD : S.CMPPS;
  e.toXmm(T1, a);
  cop(e, S.PAND, T1, abs);
  mov(e, T3, T1);
  cop(e, add, T3, magic);
  cop(e, sub, T3, magic);
  if (mode === 3) {
    // the magnitude rounded up: one less
    mov(e, T2, T1);
    rri(e, cmp, T2, T3, P_LT);
    cop(e, S.PAND, T2, one);
    rr(e, sub, T3, T2);
  }
  copySign(e, T3, a, abs, sign);
  if (mode === 1 || mode === 2) {
    // floor: one less where above x; ceil: one more where below x
    if (mode === 1) {
      e.toXmm(T2, a);
      rri(e, cmp, T2, T3, P_LT);
      cop(e, S.PAND, T2, one);
      rr(e, sub, T3, T2);
    } else {
      mov(e, T2, T3);
      vopI(e, cmp, T2, a, P_LT, T1);
      cop(e, S.PAND, T2, one);
      rr(e, add, T3, T2);
    }
    copySign(e, T3, a, abs, sign);
  }
  e.toXmm(T1, a);
  cop(e, S.PAND, T1, abs);
  cop(e, cmp, T1, magic, P_LT);
  e.toXmm(T0, a);
  zero(e, T2);
  rr(e, add, T0, T2);
  blend(e, T1, T3, T0);
  e.xdef(r, T1);
}

/** d = |d| with the sign of value a (uses T2). */
function copySign(e: Emitter, d: number, a: number, abs: Uint8Array, sign: Uint8Array): void {
  e.toXmm(T2, a);
  cop(e, S.PAND, T2, sign);
  cop(e, S.PAND, d, abs);
  rr(e, S.POR, d, T2);
}

export function fcvtFromInt(e: Emitter, i: number, signed: boolean, rt: number): boolean {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), r = f.result(i);
  if (typeBits(rt) !== 128) return false;
  if (laneOf(rt) === F32) {
    if (signed) { unary(e, i, V.CVTDQ2PS); return true; }
    // high and low 16 bits converted exactly, combined with one rounding
    e.toXmm(T0, a);
    mov(e, T1, T0);
    ri(e, S.PSRLD, T1, 16);
    ri(e, S.PSLLD, T0, 16);
    ri(e, S.PSRLD, T0, 16);
    rr(e, V.CVTDQ2PS, T1, T1);
    cop(e, V.MULPS, T1, splatConst(2, floatBits(F32, 65536)));
    rr(e, V.CVTDQ2PS, T0, T0);
    rr(e, V.ADDPS, T0, T1);
    e.xdef(r, T0);
    return true;
  }
  // f64x2 from i64x2: lane by lane through the GPRs
  const xa = e.xmm(a, T1);
  X.opRR(buf, S.MOVD_FROM_XMM, 64, RAX, xa);
  rri(e, S.PSHUFD, T2, xa, 0xee);
  X.opRR(buf, S.MOVD_FROM_XMM, 64, RDX, T2);
  u64OrI64ToF64(e, T0, RAX, signed);
  u64OrI64ToF64(e, T3, RDX, signed);
  rr(e, V.UNPCKLPD, T0, T3);
  e.xdef(r, T0);
  return true;
}

/** x = (f64) g, g signed or unsigned 64-bit (g is clobbered when unsigned; uses rcx). */
function u64OrI64ToF64(e: Emitter, x: number, g: number, signed: boolean): void {
  const buf = e.buf;
  zero(e, x);
  if (signed) { X.opRR(buf, S.CVTSI2SD, 64, x, g); return; }
  X.opRR(buf, X.TEST, 64, g, g);
  const big = X.jccShort(buf, 8 /* s */);
  X.opRR(buf, S.CVTSI2SD, 64, x, g);
  const done = X.jmpShort(buf);
  X.patchRel8(buf, big, buf.length);
  // halve keeping the low bit (round to odd), convert, double
  X.opRR(buf, X.MOV, 64, RCX, g);
  X.opRI(buf, X.SHR, 64, RCX, 1);
  X.opRI(buf, X.AND, 32, g, 1);
  X.opRR(buf, X.OR, 64, RCX, g);
  X.opRR(buf, S.CVTSI2SD, 64, x, RCX);
  X.opRR(buf, S.ADDSD, 0, x, x);
  X.patchRel8(buf, done, buf.length);
}

export function fcvtToIntSat(e: Emitter, i: number, signed: boolean): boolean {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), r = f.result(i);
  const from = f.valueType[a];
  if (typeBits(from) !== 128) return false;
  if (laneOf(from) === F32) {
    const two31 = splatConst(2, floatBits(F32, 2 ** 31));
    e.toXmm(T0, a);
    if (signed) {
      // NaN lanes to 0; lanes at or above 2^31 come out 0x80000000 and are flipped to 0x7fffffff
      mov(e, T1, T0);
      rri(e, S.CMPPS, T1, T1, P_EQ);
      rr(e, S.PAND, T0, T1);
      cop(e, S.MOVUPS, T1, two31);
      rri(e, S.CMPPS, T1, T0, P_LE);
      rr(e, V.CVTTPS2DQ, T0, T0);
      rr(e, S.PXOR, T0, T1);
      e.xdef(r, T0);
      return true;
    }
    // max(x, 0) drops NaN and negative lanes; lanes from 2^31 convert after subtracting 2^31
    zero(e, T1);
    rr(e, V.MAXPS, T0, T1);
    cop(e, S.MOVUPS, T1, two31);
    mov(e, T2, T1);
    rri(e, S.CMPPS, T2, T0, P_LE);
    rr(e, S.PAND, T1, T2);
    mov(e, T3, T0);
    rr(e, V.SUBPS, T3, T1);
    rr(e, V.CVTTPS2DQ, T3, T3);
    ri(e, S.PSLLD, T2, 31);
    rr(e, S.PXOR, T3, T2);
    cop(e, S.MOVUPS, T1, splatConst(2, floatBits(F32, 2 ** 32)));
    rri(e, S.CMPPS, T1, T0, P_LE);
    rr(e, S.POR, T3, T1);
    e.xdef(r, T3);
    return true;
  }
  // f64x2 to i64x2 / u64x2, lane by lane
  const xa = e.xmm(a, T1);
  mov(e, T0, xa);
  rri(e, S.PSHUFD, T1, xa, 0xee);
  f64ToI64Sat(e, T0, RDX, signed);
  X.opRR(buf, S.MOVD_TO_XMM, 64, T2, RDX);
  f64ToI64Sat(e, T1, RDX, signed);
  X.opRR(buf, S.MOVD_TO_XMM, 64, T3, RDX);
  rr(e, S.PUNPCKLQDQ, T2, T3);
  e.xdef(r, T2);
  return true;
}

/** g = saturating (u)i64 conversion of the f64 in the low lane of x (x clobbered; uses rax, rcx, xmm12). */
function f64ToI64Sat(e: Emitter, x: number, g: number, signed: boolean): void {
  const buf = e.buf;
  const two63 = floatBits(F64, 2 ** 63);
  const lo = Number(two63 & 0xffffffffn) | 0, hi = Number(two63 >> 32n) | 0;
  if (signed) {
    X.opRR(buf, S.CVTTSD2SI, 64, g, x);
    // 0x8000... for NaN and out of range: 0 for NaN, MAX at or above 2^63
    e.constOperand(S.UCOMISD, x, lo, hi);
    X.movRI64(buf, RCX, -1, 0x7fffffff);
    X.cmov(buf, CC_AE, 64, g, RCX);
    X.opRR(buf, X.XOR, 32, RCX, RCX);
    X.opRR(buf, S.UCOMISD, 0, x, x);
    X.cmov(buf, CC_P, 64, g, RCX);
    return;
  }
  zero(e, T3);
  rr(e, S.MAXSD, x, T3);
  // x >= 2^63: convert x - 2^63 and set the top bit
  e.constOperand(S.UCOMISD, x, lo, hi);
  const small = X.jccShort(buf, 2 /* b */);
  e.constOperand(S.SUBSD, x, lo, hi);
  X.opRR(buf, S.CVTTSD2SI, 64, g, x);
  X.movRI64(buf, RCX, 0, 0x80000000 | 0);
  X.opRR(buf, X.XOR, 64, g, RCX);
  // beyond 2^64 (x - 2^63 >= 2^63): all ones
  X.movRI64(buf, RCX, -1, -1);
  e.constOperand(S.UCOMISD, x, lo, hi);
  X.cmov(buf, CC_AE, 64, g, RCX);
  const done = X.jmpShort(buf);
  X.patchRel8(buf, small, buf.length);
  X.opRR(buf, S.CVTTSD2SI, 64, g, x);
  X.patchRel8(buf, done, buf.length);
}
