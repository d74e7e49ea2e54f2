// Instruction selection for vector CLIF (128-bit vectors, and lane-wise work
// on 32/64-bit vectors held in the low part of an XMM register) with SSE2 as
// the baseline and SSSE3/SSE4.1/SSE4.2 forms where the function's ISA flags
// allow them; also the bit operations on scalar floats and same-type bitcasts.
// Needs the Emitter; writes x86 code for one instruction, or returns false.
//
// Scratch registers: xmm12-xmm15 (never allocated) and rax/rcx/rdx. A result
// is written to its home only at the end (xdef), so operands can be re-read
// from their homes at any point of a sequence. Constants (masks, vconst) are
// 16-byte aligned in the object's read-only constant section.

import type { Emitter } from './codegen.js';
import { K, hasSse41, hasSse42, hasSsse3 } from './operands.js';
import { Op, opcodeProps, Prop } from '../ir/opcodes.js';
import { I128, F32, F64, isVector, isScalarFloat, isFloat, laneBits, laneCount, laneOf, typeBits } from '../ir/types.js';
import { FloatCC, IntCC, MemFlag } from '../ir/immediates.js';
import * as X from './encode.js';
import * as S from './encode-sse.js';
import * as V from './encode-vec.js';
import { RAX, RCX, RDX, RSP, RIP, NO_REG, CC_E, CC_NE, CC_AE, CC_P } from './regs.js';
import { address, faultSite, mBase, mIndex, mScale, mDisp } from './isel-mem.js';
import { HOME_SPILL } from './regalloc.js';

const T0 = 15, T1 = 14, T2 = 13, T3 = 12;

const PADD = [S.PADDB, S.PADDW, S.PADDD, S.PADDQ];
const PSUB = [S.PSUBB, S.PSUBW, S.PSUBD, S.PSUBQ];
const PCMPEQ = [S.PCMPEQB, S.PCMPEQW, S.PCMPEQD, V.PCMPEQQ];
const PCMPGT = [S.PCMPGTB, S.PCMPGTW, S.PCMPGTD, V.PCMPGTQ];
const PUNPCKL = [S.PUNPCKLBW, S.PUNPCKLWD, S.PUNPCKLDQ, S.PUNPCKLQDQ];
// immediate shifts by lane size (no byte shifts)
const PSLLI = [null, S.PSLLW, S.PSLLD, S.PSLLQ];
const PSRLI = [null, S.PSRLW, S.PSRLD, S.PSRLQ];
const PSRAI = [null, S.PSRAW, S.PSRAD, null];
const PSLLX = [null, V.PSLLW_X, V.PSLLD_X, V.PSLLQ_X];
const PSRLX = [null, V.PSRLW_X, V.PSRLD_X, V.PSRLQ_X];
const PSRAX = [null, V.PSRAW_X, V.PSRAD_X, null];

function ssse3(e: Emitter): boolean {
  return hasSsse3(e.isaFlags);
}
function sse41(e: Emitter): boolean {
  return hasSse41(e.isaFlags);
}
function sse42(e: Emitter): boolean {
  return hasSse42(e.isaFlags);
}

// ---- constants ----

const constCache = new Map<string, Uint8Array>();

/** 16 bytes holding `v` in every lane of 2^lg bytes (v taken modulo the lane width). */
function splatConst(lg: number, v: bigint): Uint8Array {
  const key = `${lg}:${v}`;
  let b = constCache.get(key);
  if (b === undefined) {
    b = new Uint8Array(16);
    const n = 1 << lg;
    const u = BigInt.asUintN(8 * n, v);
    for (let k = 0; k < 16; k++) b[k] = Number((u >> BigInt(8 * (k % n))) & 0xffn);
    constCache.set(key, b);
  }
  return b;
}

/** `form d, [rip + constant]` (with an imm8 when imm >= 0). */
function cop(e: Emitter, form: X.Form, d: number, bytes: Uint8Array, imm = -1): void {
  const at = imm < 0 ? X.opRM(e.buf, form, 0, d, RIP, NO_REG, 1, 0) : X.opRMI(e.buf, form, 0, d, RIP, NO_REG, 1, 0, imm);
  e.roConsts.push({ at, addend: at - e.buf.length, bytes });
}

/** Bits of a float value as a bigint (f32 or f64 lane). */
function floatBits(lane: number, x: number): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  if (lane === F32) {
    dv.setFloat32(0, x, true);
    return BigInt(dv.getUint32(0, true));
  }
  dv.setFloat64(0, x, true);
  return dv.getBigUint64(0, true);
}

// ---- operand access ----

/** The XMM register v lives in, or -1. */
function xhome(e: Emitter, v: number): number {
  const h = e.ra.home[v];
  return h >= 16 && h < 32 ? h - 16 : -1;
}

function mov(e: Emitter, d: number, s: number): void {
  if (d !== s) X.opRR(e.buf, S.MOVAPS, 0, d, s);
}

/** `form d, v`: v from its register, its 16-byte spill slot, or loaded into `scratch`. */
function vop(e: Emitter, form: X.Form, d: number, v: number, scratch: number): void {
  const h = e.ra.home[v];
  if (h >= 16 && h < 32) X.opRR(e.buf, form, 0, d, h - 16);
  else if (h >= HOME_SPILL && typeBits(e.f.valueType[v]) === 128) X.opRM(e.buf, form, 0, d, RSP, NO_REG, 1, e.spillDisp(v));
  else {
    e.toXmm(scratch, v);
    X.opRR(e.buf, form, 0, d, scratch);
  }
}

/** `form d, v, imm8` as vop. */
function vopI(e: Emitter, form: X.Form, d: number, v: number, imm: number, scratch: number): void {
  const h = e.ra.home[v];
  if (h >= 16 && h < 32) X.opRRI(e.buf, form, 0, d, h - 16, imm);
  else if (h >= HOME_SPILL && typeBits(e.f.valueType[v]) === 128) X.opRMI(e.buf, form, 0, d, RSP, NO_REG, 1, e.spillDisp(v), imm);
  else {
    e.toXmm(scratch, v);
    X.opRRI(e.buf, form, 0, d, scratch, imm);
  }
}

function rr(e: Emitter, form: X.Form, d: number, s: number): void {
  X.opRR(e.buf, form, 0, d, s);
}
function rri(e: Emitter, form: X.Form, d: number, s: number, imm: number): void {
  X.opRRI(e.buf, form, 0, d, s, imm);
}
function ri(e: Emitter, form: X.Form | null, d: number, imm: number): void {
  X.opRI(e.buf, form!, 0, d, imm);
}
function allOnes(e: Emitter, d: number): void {
  rr(e, S.PCMPEQD, d, d);
}
function zero(e: Emitter, d: number): void {
  rr(e, S.PXOR, d, d);
}

/** r = a op b, two-address, for instruction i's two operands. */
function binary(e: Emitter, i: number, form: X.Form, commutative: boolean): void {
  const f = e.f;
  let a = f.arg(i, 0), b = f.arg(i, 1);
  const r = f.result(i);
  const x = e.xdst(r, T0);
  if (commutative && xhome(e, b) === x && xhome(e, a) !== x) { const t = a; a = b; b = t; }
  const d = xhome(e, b) === x && xhome(e, a) !== x ? T0 : x;
  e.toXmm(d, a);
  vop(e, form, d, b, T1);
  e.xdef(r, d);
}

/** r = form(a) for a one-operand form that does not read its destination. */
function unary(e: Emitter, i: number, form: X.Form): void {
  const f = e.f;
  const r = f.result(i);
  const x = e.xdst(r, T0);
  vop(e, form, x, f.arg(i, 0), T1);
  e.xdef(r, x);
}

/** log2 of the lane size in bytes (0 for 8-bit lanes .. 3 for 64-bit lanes). */
function lgOf(t: number): number {
  return 31 - Math.clz32(laneBits(t) >> 3);
}

// ---- lane-mask helpers ----

/**
 * d = lanes where x > y (signed or unsigned) as all-ones masks, for values x, y.
 * Uses ta and tb (scratch, distinct from d) and leaves every other register alone.
 */
function gtMask(e: Emitter, d: number, x: number, y: number, lg: number, signed: boolean, ta: number, tb: number): void {
  if (signed && (lg < 3 || sse42(e))) {
    e.toXmm(d, x);
    vop(e, PCMPGT[lg], d, y, ta);
    return;
  }
  // unsigned: flip the sign bits so a signed compare orders them
  e.toXmm(ta, x);
  e.toXmm(tb, y);
  gtRegs(e, d, ta, tb, lg, signed);
}

/** d = ta > tb for registers ta, tb (both clobbered; d distinct from them). */
function gtRegs(e: Emitter, d: number, ta: number, tb: number, lg: number, signed: boolean): void {
  if (lg < 3 || sse42(e)) {
    if (!signed) {
      const bias = splatConst(lg, 1n << BigInt(8 * (1 << lg) - 1));
      cop(e, S.PXOR, ta, bias);
      cop(e, S.PXOR, tb, bias);
    }
    mov(e, d, ta);
    rr(e, PCMPGT[lg], d, tb);
    return;
  }
  // 64-bit lanes on SSE2: the high dwords decide unless equal, then the low
  // dwords compared unsigned. Bias the low dwords (and the high ones when unsigned).
  const bias = splatConst(3, signed ? 0x80000000n : 0x8000000080000000n);
  cop(e, S.PXOR, ta, bias);
  cop(e, S.PXOR, tb, bias);
  mov(e, d, ta);
  rr(e, S.PCMPGTD, d, tb);
  rr(e, S.PCMPEQD, ta, tb);
  rri(e, S.PSHUFD, tb, d, 0xa0);
  rri(e, S.PSHUFD, ta, ta, 0xf5);
  rr(e, S.PAND, ta, tb);
  rri(e, S.PSHUFD, d, d, 0xf5);
  rr(e, S.POR, d, ta);
}

/** d = lanes where d == v, for 64-bit lanes without SSE4.1 through dword compares. */
function eqMask(e: Emitter, d: number, v: number, lg: number, t: number): void {
  if (lg < 3 || sse41(e)) {
    vop(e, PCMPEQ[lg], d, v, t);
    return;
  }
  vop(e, S.PCMPEQD, d, v, t);
  rri(e, S.PSHUFD, t, d, 0xb1);
  rr(e, S.PAND, d, t);
}

/** m = mask ? a : b, leaving the result in `m` (a is clobbered). */
function blend(e: Emitter, m: number, a: number, b: number): void {
  rr(e, S.PAND, a, m);
  rr(e, S.PANDN, m, b);
  rr(e, S.POR, m, a);
}

/** Every lane of register d (64-bit lanes included) becomes all ones if its sign bit is set, else zero. */
function signMask(e: Emitter, d: number, lg: number): void {
  if (lg === 3) {
    rri(e, S.PSHUFD, d, d, 0xf5);
    ri(e, S.PSRAD, d, 31);
  } else if (lg === 0) {
    const t = d === T3 ? T2 : T3;
    zero(e, t);
    rr(e, S.PCMPGTB, t, d);
    mov(e, d, t);
  } else ri(e, PSRAI[lg], d, 8 * (1 << lg) - 1);
}

// ---- the selector ----

/**
 * Selects instruction i if it works on vectors (or is a scalar float bit
 * operation or a same-type bitcast). Every vector instruction except calls
 * is claimed: one it cannot compile is a "cannot compile" error here, so it
 * never reaches a scalar selector.
 */
export function selectVector(e: Emitter, i: number): boolean {
  const f = e.f;
  const op = f.instOp[i];
  const t = f.instType[i];
  const na = f.instArgCount[i];
  const at = na > 0 ? f.valueType[f.arg(i, 0)] : 0;
  if (!isVector(t) && !isVector(at)) {
    if (op === Op.bitcast) return bitcast(e, i);
    if ((t === F32 || t === F64) && isBitwise(op)) return vectorOp(e, i, op, t);
    return false;
  }
  if ((opcodeProps[op] & Prop.Call) !== 0) return false;
  if (op === Op.bitcast ? bitcast(e, i) : vectorOp(e, i, op, isVector(t) ? t : at)) return true;
  return e.unsupported();
}

function isBitwise(op: number): boolean {
  return op === Op.band || op === Op.bor || op === Op.bxor || op === Op.bnot || op === Op.band_not || op === Op.bor_not || op === Op.bxor_not || op === Op.bitselect;
}

/** Instruction i on vector type vt (the result's, or the first operand's when the result is scalar). */
function vectorOp(e: Emitter, i: number, op: number, vt: number): boolean {
  const f = e.f;
  const buf = e.buf;
  const bits = typeBits(vt);
  if (bits > 128) e.unsupported('(vectors wider than 128 bits)');
  const lg = lgOf(vt);
  const lane = laneOf(vt);
  const fl = isFloat(vt);
  const full = bits === 128;
  const r = f.instNumResults[i] > 0 ? f.result(i) : -1;
  switch (op) {
    case Op.vconst: {
      const c = f.constants[f.instImm0[i]];
      const x = e.xdst(r, T0);
      let allZero = true, allOne = true;
      for (let k = 0; k < c.length; k++) {
        if (c[k] !== 0) allZero = false;
        if (c[k] !== 0xff) allOne = false;
      }
      if (allZero) zero(e, x);
      else if (allOne) allOnes(e, x);
      else {
        const b = new Uint8Array(16);
        b.set(c.subarray(0, 16));
        cop(e, S.MOVUPS, x, b);
      }
      e.xdef(r, x);
      return true;
    }
    case Op.load: case Op.uload8x8: case Op.sload8x8: case Op.uload16x4: case Op.sload16x4: case Op.uload32x2: case Op.sload32x2: {
      const flags = f.instImm0[i];
      if ((flags & MemFlag.Big) !== 0 && lg > 0) e.unsupported('(big-endian vector loads)');
      address(e, f.arg(i, 0), f.instImm1[i], RCX);
      const x = e.xdst(r, T0);
      if (op === Op.load) {
        faultSite(e, i);
        const form = bits === 128 ? S.MOVUPS : bits === 64 ? S.MOVQ : bits === 32 ? S.MOVD_TO_XMM : null;
        if (!form) e.unsupported(`(${bits}-bit vectors in memory)`);
        X.opRM(buf, form, 32, x, mBase, mIndex, mScale, mDisp);
        e.xdef(r, x);
        return true;
      }
      const signed = op === Op.sload8x8 || op === Op.sload16x4 || op === Op.sload32x2;
      const from = lg - 1;
      if (sse41(e)) {
        const form = [[V.PMOVZXBW, V.PMOVZXWD, V.PMOVZXDQ], [V.PMOVSXBW, V.PMOVSXWD, V.PMOVSXDQ]][signed ? 1 : 0][from];
        faultSite(e, i);
        X.opRM(buf, form, 0, x, mBase, mIndex, mScale, mDisp);
        e.xdef(r, x);
        return true;
      }
      faultSite(e, i);
      X.opRM(buf, S.MOVQ, 0, T0, mBase, mIndex, mScale, mDisp);
      widenLow(e, T0, from, signed);
      e.xdef(r, T0);
      return true;
    }
    case Op.store: {
      const v = f.arg(i, 0);
      const flags = f.instImm0[i];
      if ((flags & MemFlag.Big) !== 0 && lg > 0) e.unsupported('(big-endian vector stores)');
      const form = bits === 128 ? S.MOVUPS : bits === 64 ? S.MOVQ_STORE : bits === 32 ? S.MOVD_FROM_XMM : null;
      if (!form) e.unsupported(`(${bits}-bit vectors in memory)`);
      address(e, f.arg(i, 1), f.instImm1[i], RCX);
      const x = e.xmm(v, T0);
      faultSite(e, i);
      X.opMR(buf, form, 32, mBase, mIndex, mScale, mDisp, x);
      return true;
    }
    case Op.select: case Op.select_spectre_guard: {
      const cc = e.condition(f.arg(i, 0));
      e.toXmm(T0, f.arg(i, 1));
      const skip = X.jccShort(buf, cc);
      e.toXmm(T0, f.arg(i, 2));
      X.patchRel8(buf, skip, buf.length);
      e.xdef(r, T0);
      return true;
    }
    // ---- bitwise (any lane type, and f32/f64 scalars) ----
    case Op.band: binary(e, i, S.PAND, true); return true;
    case Op.bor: binary(e, i, S.POR, true); return true;
    case Op.bxor: binary(e, i, S.PXOR, true); return true;
    case Op.bnot: {
      e.toXmm(T0, f.arg(i, 0));
      allOnes(e, T1);
      rr(e, S.PXOR, T0, T1);
      e.xdef(r, T0);
      return true;
    }
    case Op.band_not: {
      // pandn: d = ~d & src
      e.toXmm(T0, f.arg(i, 1));
      vop(e, S.PANDN, T0, f.arg(i, 0), T1);
      e.xdef(r, T0);
      return true;
    }
    case Op.bor_not: case Op.bxor_not: {
      e.toXmm(T0, f.arg(i, 1));
      allOnes(e, T1);
      rr(e, S.PXOR, T0, T1);
      vop(e, op === Op.bor_not ? S.POR : S.PXOR, T0, f.arg(i, 0), T1);
      e.xdef(r, T0);
      return true;
    }
    case Op.bitselect: {
      // (x & c) | (y & ~c)
      const c = f.arg(i, 0);
      e.toXmm(T0, f.arg(i, 1));
      vop(e, S.PAND, T0, c, T1);
      e.toXmm(T1, c);
      vop(e, S.PANDN, T1, f.arg(i, 2), T2);
      rr(e, S.POR, T0, T1);
      e.xdef(r, T0);
      return true;
    }
  }
  if (!isVector(vt)) return false;
  switch (op) {
    // ---- integer arithmetic ----
    case Op.iadd: if (fl) return false; binary(e, i, PADD[lg], true); return true;
    case Op.isub: if (fl) return false; binary(e, i, PSUB[lg], false); return true;
    case Op.imul: if (fl) return false; imul(e, i, lg); return true;
    case Op.ineg: {
      zero(e, T0);
      vop(e, PSUB[lg], T0, f.arg(i, 0), T1);
      e.xdef(r, T0);
      return true;
    }
    case Op.iabs: iabs(e, i, lg); return true;
    case Op.smin: case Op.smax: case Op.umin: case Op.umax:
      minMax(e, i, lg, op === Op.smin || op === Op.smax, op === Op.smin || op === Op.umin);
      return true;
    case Op.uadd_sat: case Op.usub_sat: case Op.sadd_sat: case Op.ssub_sat:
      saturating(e, i, op, lg);
      return true;
    case Op.avg_round: {
      if (lg < 2) { binary(e, i, lg === 0 ? V.PAVGB : V.PAVGW, true); return true; }
      // (a | b) - ((a ^ b) >> 1)
      const a = f.arg(i, 0), b = f.arg(i, 1);
      e.toXmm(T0, a);
      vop(e, S.POR, T0, b, T1);
      e.toXmm(T1, a);
      vop(e, S.PXOR, T1, b, T2);
      ri(e, PSRLI[lg], T1, 1);
      rr(e, PSUB[lg], T0, T1);
      e.xdef(r, T0);
      return true;
    }
    case Op.ishl: case Op.ushr: case Op.sshr: case Op.rotl: case Op.rotr:
      shift(e, i, op, lg);
      return true;
    case Op.popcnt: popcnt(e, i, lg); return true;
    case Op.icmp: icmp(e, i, lg); return true;
    case Op.fcmp: fcmp(e, i, lane); return true;
    case Op.iadd_pairwise: {
      if (!full) return false;
      const a = f.arg(i, 0), b = f.arg(i, 1);
      if (lg === 0) {
        // byte pairs summed in the low byte of each word, packed back
        const lowBytes = splatConst(1, 0xffn);
        for (const [d, v] of [[T0, a], [T1, b]] as const) {
          e.toXmm(d, v);
          mov(e, T2, d);
          ri(e, S.PSRLW, T2, 8);
          rr(e, S.PADDB, d, T2);
          cop(e, S.PAND, d, lowBytes);
        }
        rr(e, V.PACKUSWB, T0, T1);
        e.xdef(r, T0);
        return true;
      }
      if (lg === 1 || lg === 2) {
        if (ssse3(e)) { binary(e, i, lg === 1 ? V.PHADDW : V.PHADDD, false); return true; }
        if (lg === 2) {
          e.toXmm(T0, a);
          e.toXmm(T1, a);
          vopI(e, V.SHUFPS, T0, b, 0x88, T2);
          vopI(e, V.SHUFPS, T1, b, 0xdd, T2);
          rr(e, S.PADDD, T0, T1);
        } else {
          // pmaddwd by ones sums each pair into a dword; keep the low 16 bits and pack
          const ones = splatConst(1, 1n);
          e.toXmm(T0, a);
          cop(e, V.PMADDWD, T0, ones);
          e.toXmm(T1, b);
          cop(e, V.PMADDWD, T1, ones);
          ri(e, S.PSLLD, T0, 16); ri(e, S.PSRAD, T0, 16);
          ri(e, S.PSLLD, T1, 16); ri(e, S.PSRAD, T1, 16);
          rr(e, V.PACKSSDW, T0, T1);
        }
        e.xdef(r, T0);
        return true;
      }
      return false;
    }
    case Op.sqmul_round_sat: {
      if (lg === 2) { sqmulRoundSat32(e, i); return true; }
      if (lg !== 1) return false;
      const a = f.arg(i, 0), b = f.arg(i, 1);
      if (ssse3(e)) {
        e.toXmm(T0, a);
        vop(e, V.PMULHRSW, T0, b, T1);
        // only -1.0 * -1.0 overflows (to 0x8000): those lanes have a == b
        e.toXmm(T1, a);
        vop(e, S.PCMPEQW, T1, b, T2);
        cop(e, S.MOVUPS, T2, splatConst(1, 0x8000n));
        rr(e, S.PCMPEQW, T2, T0);
        rr(e, S.PAND, T1, T2);
        rr(e, S.PXOR, T0, T1);
      } else {
        // full 32-bit products, rounded and shifted, packed with saturation
        e.toXmm(T0, a);
        vop(e, S.PMULLW, T0, b, T1);
        e.toXmm(T1, a);
        vop(e, V.PMULHW, T1, b, T2);
        mov(e, T2, T0);
        rr(e, S.PUNPCKLWD, T0, T1);
        rr(e, V.PUNPCKHWD, T2, T1);
        const half = splatConst(2, 0x4000n);
        cop(e, S.PADDD, T0, half);
        cop(e, S.PADDD, T2, half);
        ri(e, S.PSRAD, T0, 15);
        ri(e, S.PSRAD, T2, 15);
        rr(e, V.PACKSSDW, T0, T2);
      }
      e.xdef(r, T0);
      return true;
    }
    // ---- float arithmetic ----
    case Op.fadd: case Op.fsub: case Op.fmul: case Op.fdiv: {
      if (!fl) return false;
      const d = lane === F64;
      const form = op === Op.fadd ? (d ? V.ADDPD : V.ADDPS) : op === Op.fsub ? (d ? V.SUBPD : V.SUBPS) : op === Op.fmul ? (d ? V.MULPD : V.MULPS) : d ? V.DIVPD : V.DIVPS;
      // not swapped: which NaN comes out depends on the operand order
      binary(e, i, form, false);
      return true;
    }
    case Op.sqrt: unary(e, i, lane === F64 ? V.SQRTPD : V.SQRTPS); return true;
    case Op.fneg: case Op.fabs: case Op.fcopysign: {
      const d = lane === F64;
      allOnes(e, T1);
      if (op === Op.fabs) ri(e, d ? S.PSRLQ : S.PSRLD, T1, 1);
      else ri(e, d ? S.PSLLQ : S.PSLLD, T1, d ? 63 : 31);
      if (op === Op.fcopysign) {
        e.toXmm(T0, f.arg(i, 1));
        rr(e, S.PAND, T0, T1);
        e.toXmm(T2, f.arg(i, 0));
        rr(e, S.PANDN, T1, T2);
        rr(e, S.POR, T0, T1);
      } else {
        e.toXmm(T0, f.arg(i, 0));
        rr(e, op === Op.fneg ? S.PXOR : S.PAND, T0, T1);
      }
      e.xdef(r, T0);
      return true;
    }
    case Op.fmin: case Op.fmax: fminmax(e, i, lane === F64, op === Op.fmax); return true;
    case Op.ceil: case Op.floor: case Op.trunc: case Op.nearest: fround(e, i, op, lane === F64); return true;
    // ---- lanes ----
    case Op.splat: splat(e, i, vt, lg); return true;
    case Op.scalar_to_vector: {
      const a = f.arg(i, 0);
      const x = e.xdst(r, T0);
      if (lane === F32) {
        zero(e, T0);
        rr(e, S.MOVSS, T0, e.xmm(a, T1));
        e.xdef(r, T0);
        return true;
      }
      if (lane === F64) {
        rr(e, S.MOVQ, x, e.xmm(a, T1));
        e.xdef(r, x);
        return true;
      }
      e.toGpr(RAX, a);
      if (lg === 0) X.opRR(buf, X.MOVZX8, 32, RAX, RAX);
      else if (lg === 1) X.opRR(buf, X.MOVZX16, 32, RAX, RAX);
      X.opRR(buf, S.MOVD_TO_XMM, lg === 3 ? 64 : 32, x, RAX);
      e.xdef(r, x);
      return true;
    }
    case Op.extractlane: extractLane(e, i, lg, lane); return true;
    case Op.insertlane: insertLane(e, i, lg, lane); return true;
    case Op.shuffle: if (!full) return false; shuffle(e, i); return true;
    case Op.swizzle: if (!full) return false; swizzle(e, i); return true;
    case Op.vany_true: case Op.vall_true: case Op.vhigh_bits: reduce(e, i, op, vt, lg); return true;
    // ---- width changes ----
    case Op.snarrow: case Op.unarrow: case Op.uunarrow: if (!full) return false; return narrow(e, i, op, lg);
    case Op.swiden_low: case Op.swiden_high: case Op.uwiden_low: case Op.uwiden_high: {
      if (!full || lg > 2) return false;
      const signed = op === Op.swiden_low || op === Op.swiden_high;
      e.toXmm(T0, f.arg(i, 0));
      if (op === Op.swiden_high || op === Op.uwiden_high) rri(e, S.PSHUFD, T0, T0, 0xee);
      widenLow(e, T0, lg, signed);
      e.xdef(r, T0);
      return true;
    }
    case Op.fvpromote_low: unary(e, i, V.CVTPS2PD); return true;
    case Op.fvdemote: unary(e, i, V.CVTPD2PS); return true;
    case Op.fcvt_from_sint: case Op.fcvt_from_uint: return fcvtFromInt(e, i, op === Op.fcvt_from_sint, f.valueType[r]);
    case Op.fcvt_to_sint_sat: case Op.fcvt_to_uint_sat: return fcvtToIntSat(e, i, op === Op.fcvt_to_sint_sat);
  }
  return false;
}

/** Register x (low 64 bits used) widened in place: lanes of 2^lg bytes to twice that, zero- or sign-extended. */
function widenLow(e: Emitter, x: number, lg: number, signed: boolean): void {
  if (!signed) {
    zero(e, T1);
    rr(e, PUNPCKL[lg], x, T1);
  } else if (lg < 2) {
    rr(e, PUNPCKL[lg], x, x);
    ri(e, PSRAI[lg + 1], x, 8 << lg);
  } else {
    mov(e, T1, x);
    ri(e, S.PSRAD, T1, 31);
    rr(e, S.PUNPCKLDQ, x, T1);
  }
}

function imul(e: Emitter, i: number, lg: number): void {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  if (lg === 1) { binary(e, i, S.PMULLW, true); return; }
  if (lg === 2 && sse41(e)) { binary(e, i, S.PMULLD, true); return; }
  if (lg === 2) {
    // even and odd lanes with pmuludq, low dwords interleaved back
    const xa = e.xmm(a, T1), xb = e.xmm(b, T2);
    mov(e, T3, xa);
    rr(e, V.PMULUDQ, T3, xb);
    mov(e, T0, xa);
    ri(e, S.PSRLQ, T0, 32);
    mov(e, T2, xb);
    ri(e, S.PSRLQ, T2, 32);
    rr(e, V.PMULUDQ, T0, T2);
    rri(e, S.PSHUFD, T3, T3, 0x08);
    rri(e, S.PSHUFD, T0, T0, 0x08);
    rr(e, S.PUNPCKLDQ, T3, T0);
    e.xdef(r, T3);
    return;
  }
  if (lg === 3) {
    // lo*lo + ((hi_a*lo_b + lo_a*hi_b) << 32)
    const xa = e.xmm(a, T1), xb = e.xmm(b, T2);
    mov(e, T0, xa);
    ri(e, S.PSRLQ, T0, 32);
    rr(e, V.PMULUDQ, T0, xb);
    mov(e, T3, xb);
    ri(e, S.PSRLQ, T3, 32);
    rr(e, V.PMULUDQ, T3, xa);
    rr(e, S.PADDQ, T0, T3);
    ri(e, S.PSLLQ, T0, 32);
    mov(e, T3, xa);
    rr(e, V.PMULUDQ, T3, xb);
    rr(e, S.PADDQ, T3, T0);
    e.xdef(r, T3);
    return;
  }
  // bytes: word products of the unpacked halves, low bytes packed back
  e.toXmm(T1, a);
  e.toXmm(T2, b);
  mov(e, T0, T1);
  rr(e, S.PUNPCKLBW, T0, T0);
  mov(e, T3, T2);
  rr(e, S.PUNPCKLBW, T3, T3);
  rr(e, S.PMULLW, T0, T3);
  rr(e, V.PUNPCKHBW, T1, T1);
  rr(e, V.PUNPCKHBW, T2, T2);
  rr(e, S.PMULLW, T1, T2);
  allOnes(e, T3);
  ri(e, S.PSRLW, T3, 8);
  rr(e, S.PAND, T0, T3);
  rr(e, S.PAND, T1, T3);
  rr(e, V.PACKUSWB, T0, T1);
  e.xdef(r, T0);
}

function iabs(e: Emitter, i: number, lg: number): void {
  const f = e.f;
  const a = f.arg(i, 0), r = f.result(i);
  if (lg < 3 && ssse3(e)) { unary(e, i, [V.PABSB, V.PABSW, V.PABSD][lg]); return; }
  if (lg < 2) {
    // min(a, -a) unsigned for bytes, max(a, -a) signed for words
    e.toXmm(T1, a);
    zero(e, T0);
    rr(e, PSUB[lg], T0, T1);
    rr(e, lg === 0 ? V.PMINUB : V.PMAXSW, T0, T1);
  } else {
    e.toXmm(T0, a);
    mov(e, T1, T0);
    signMask(e, T1, lg);
    rr(e, S.PXOR, T0, T1);
    rr(e, PSUB[lg], T0, T1);
  }
  e.xdef(r, T0);
}

function minMax(e: Emitter, i: number, lg: number, signed: boolean, isMin: boolean): void {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  let form: X.Form | null = null;
  if (lg === 0 && !signed) form = isMin ? V.PMINUB : V.PMAXUB;
  else if (lg === 1 && signed) form = isMin ? V.PMINSW : V.PMAXSW;
  else if (lg < 3 && sse41(e)) {
    form = lg === 0 ? (isMin ? V.PMINSB : V.PMAXSB) : lg === 1 ? (isMin ? V.PMINUW : V.PMAXUW) : signed ? (isMin ? V.PMINSD : V.PMAXSD) : isMin ? V.PMINUD : V.PMAXUD;
  }
  if (form) { binary(e, i, form, true); return; }
  if (lg < 2) {
    // the other signedness through flipped sign bits
    const bias = splatConst(lg, lg === 0 ? 0x80n : 0x8000n);
    e.toXmm(T0, a);
    e.toXmm(T1, b);
    cop(e, S.PXOR, T0, bias);
    cop(e, S.PXOR, T1, bias);
    rr(e, lg === 0 ? (isMin ? V.PMINUB : V.PMAXUB) : isMin ? V.PMINSW : V.PMAXSW, T0, T1);
    cop(e, S.PXOR, T0, bias);
    e.xdef(r, T0);
    return;
  }
  // mask = a > b; min takes b there, max takes a
  gtMask(e, T0, a, b, lg, signed, T2, T3);
  e.toXmm(T1, isMin ? b : a);
  e.toXmm(T2, isMin ? a : b);
  blend(e, T0, T1, T2);
  e.xdef(r, T0);
}

function saturating(e: Emitter, i: number, op: number, lg: number): void {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  if (lg < 2) {
    const forms = op === Op.uadd_sat ? [V.PADDUSB, V.PADDUSW] : op === Op.usub_sat ? [V.PSUBUSB, V.PSUBUSW] : op === Op.sadd_sat ? [V.PADDSB, V.PADDSW] : [V.PSUBSB, V.PSUBSW];
    binary(e, i, forms[lg], op === Op.uadd_sat || op === Op.sadd_sat);
    return;
  }
  const add = op === Op.uadd_sat || op === Op.sadd_sat;
  e.toXmm(T0, a);
  vop(e, add ? PADD[lg] : PSUB[lg], T0, b, T1);
  if (op === Op.uadd_sat) {
    // wrapped when a > sum: then all ones
    e.toXmm(T2, a);
    mov(e, T3, T0);
    gtRegs(e, T1, T2, T3, lg, false);
    rr(e, S.POR, T0, T1);
  } else if (op === Op.usub_sat) {
    // kept where a > b, else zero
    gtMask(e, T1, a, b, lg, false, T2, T3);
    rr(e, S.PAND, T0, T1);
  } else {
    // overflow: the sign of (a ^ s) & (b ^ s) for add, (a ^ b) & (a ^ s) for sub
    e.toXmm(T1, a);
    rr(e, S.PXOR, T1, T0);
    if (add) {
      e.toXmm(T2, b);
      rr(e, S.PXOR, T2, T0);
    } else {
      e.toXmm(T2, a);
      vop(e, S.PXOR, T2, b, T3);
    }
    rr(e, S.PAND, T1, T2);
    signMask(e, T1, lg);
    // saturated value: MAX for a >= 0, MIN for a < 0
    e.toXmm(T2, a);
    signMask(e, T2, lg);
    cop(e, S.PXOR, T2, splatConst(lg, (1n << BigInt(8 * (1 << lg) - 1)) - 1n));
    blend(e, T1, T2, T0);
    mov(e, T0, T1);
  }
  e.xdef(r, T0);
}

/** Shifts and rotates of every lane by a scalar amount taken modulo the lane width. */
function shift(e: Emitter, i: number, op: number, lg: number): void {
  const f = e.f;
  const a = f.arg(i, 0), amt = f.arg(i, 1), r = f.result(i);
  const w = 8 << lg;
  const buf = e.buf;
  const konst = e.kind(amt) === K.Imm;
  const n = konst ? e.immLo(amt) & (w - 1) : -1;
  if (!konst) {
    e.toGpr(RCX, amt);
    X.opRI(buf, X.AND, 32, RCX, w - 1);
  }
  if (op === Op.rotl || op === Op.rotr) {
    // (a << n) | (a >> (w - n)), both amounts modulo w
    e.toXmm(T0, a);
    shiftReg(e, op === Op.rotl ? Op.ishl : Op.ushr, lg, T0, n);
    e.toXmm(T3, a);
    if (!konst) {
      X.opR(buf, X.NEG, 32, RCX);
      X.opRI(buf, X.AND, 32, RCX, w - 1);
    }
    shiftReg(e, op === Op.rotl ? Op.ushr : Op.ishl, lg, T3, konst ? (w - n) & (w - 1) : -1);
    rr(e, S.POR, T0, T3);
    e.xdef(r, T0);
    return;
  }
  e.toXmm(T0, a);
  shiftReg(e, op, lg, T0, n);
  e.xdef(r, T0);
}

/**
 * Shifts register d (not T1 or T2) by constant n, or by ecx (already reduced
 * modulo the lane width) when n < 0. Uses T1, T2 and rax.
 */
function shiftReg(e: Emitter, op: number, lg: number, d: number, n: number): void {
  const buf = e.buf;
  if (n === 0) return;
  const count = (): void => { X.opRR(buf, S.MOVD_TO_XMM, 32, T1, RCX); };
  if (lg > 0 && !(op === Op.sshr && lg === 3)) {
    const imm = op === Op.ishl ? PSLLI[lg] : op === Op.ushr ? PSRLI[lg] : PSRAI[lg];
    const xf = op === Op.ishl ? PSLLX[lg] : op === Op.ushr ? PSRLX[lg] : PSRAX[lg];
    if (n > 0) ri(e, imm, d, n);
    else { count(); rr(e, xf!, d, T1); }
    return;
  }
  if (lg === 3) {
    // arithmetic: ((a >>u n) ^ m) - m with m = sign bit >>u n
    cop(e, S.MOVUPS, T2, splatConst(3, 1n << 63n));
    if (n > 0) { ri(e, S.PSRLQ, d, n); ri(e, S.PSRLQ, T2, n); }
    else { count(); rr(e, V.PSRLQ_X, d, T1); rr(e, V.PSRLQ_X, T2, T1); }
    rr(e, S.PXOR, d, T2);
    rr(e, S.PSUBQ, d, T2);
    return;
  }
  // bytes
  if (op === Op.sshr) {
    // each byte into the high half of a word, arithmetic word shift by n + 8, packed back
    mov(e, T2, d);
    rr(e, S.PUNPCKLBW, d, d);
    rr(e, V.PUNPCKHBW, T2, T2);
    if (n > 0) { ri(e, S.PSRAW, d, n + 8); ri(e, S.PSRAW, T2, n + 8); }
    else {
      X.opRM(buf, X.LEA, 32, RAX, RCX, NO_REG, 1, 8);
      X.opRR(buf, S.MOVD_TO_XMM, 32, T1, RAX);
      rr(e, V.PSRAW_X, d, T1);
      rr(e, V.PSRAW_X, T2, T1);
    }
    rr(e, V.PACKSSWB, d, T2);
    return;
  }
  // word shifts, then the bits that crossed from the neighbouring byte cleared
  const left = op === Op.ishl;
  if (n > 0) {
    ri(e, left ? S.PSLLW : S.PSRLW, d, n);
    cop(e, S.PAND, d, splatConst(0, BigInt(left ? (0xff << n) & 0xff : 0xff >> n)));
    return;
  }
  count();
  rr(e, left ? V.PSLLW_X : V.PSRLW_X, d, T1);
  X.movRI(buf, 32, RAX, 0xff);
  X.opR(buf, left ? X.SHL : X.SHR, 32, RAX);
  X.opRR(buf, X.MOVZX8, 32, RAX, RAX);
  X.opRRI(buf, X.IMUL, 32, RAX, RAX, 0x01010101);
  X.opRR(buf, S.MOVD_TO_XMM, 32, T2, RAX);
  rri(e, S.PSHUFD, T2, T2, 0);
  rr(e, S.PAND, d, T2);
}

function popcnt(e: Emitter, i: number, lg: number): void {
  const f = e.f;
  e.toXmm(T0, f.arg(i, 0));
  // per byte: the classic bit-slice sums
  mov(e, T1, T0);
  ri(e, S.PSRLW, T1, 1);
  cop(e, S.PAND, T1, splatConst(0, 0x55n));
  rr(e, S.PSUBB, T0, T1);
  mov(e, T1, T0);
  ri(e, S.PSRLW, T1, 2);
  const m33 = splatConst(0, 0x33n);
  cop(e, S.PAND, T1, m33);
  cop(e, S.PAND, T0, m33);
  rr(e, S.PADDB, T0, T1);
  mov(e, T1, T0);
  ri(e, S.PSRLW, T1, 4);
  rr(e, S.PADDB, T0, T1);
  cop(e, S.PAND, T0, splatConst(0, 0x0fn));
  if (lg === 3) {
    zero(e, T1);
    rr(e, V.PSADBW, T0, T1);
  } else if (lg > 0) {
    mov(e, T1, T0);
    ri(e, S.PSRLW, T1, 8);
    rr(e, S.PADDB, T0, T1);
    cop(e, S.PAND, T0, splatConst(1, 0xffn));
    if (lg === 2) {
      mov(e, T1, T0);
      ri(e, S.PSRLD, T1, 16);
      rr(e, S.PADDW, T0, T1);
      cop(e, S.PAND, T0, splatConst(2, 0xffffn));
    }
  }
  e.xdef(f.result(i), T0);
}

function icmp(e: Emitter, i: number, lg: number): void {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  const cc = f.instImm0[i] as IntCC;
  switch (cc) {
    case IntCC.Eq: case IntCC.Ne:
      e.toXmm(T0, a);
      eqMask(e, T0, b, lg, T1);
      break;
    case IntCC.Sgt: case IntCC.Sle: gtMask(e, T0, a, b, lg, true, T1, T2); break;
    case IntCC.Slt: case IntCC.Sge: gtMask(e, T0, b, a, lg, true, T1, T2); break;
    case IntCC.Ugt: case IntCC.Ule: gtMask(e, T0, a, b, lg, false, T1, T2); break;
    case IntCC.Ult: case IntCC.Uge: gtMask(e, T0, b, a, lg, false, T1, T2); break;
  }
  if (cc === IntCC.Ne || cc === IntCC.Sle || cc === IntCC.Sge || cc === IntCC.Ule || cc === IntCC.Uge) {
    allOnes(e, T1);
    rr(e, S.PXOR, T0, T1);
  }
  e.xdef(r, T0);
}

/** cmpps/cmppd predicates: eq lt le unord neq nlt nle ord. */
const P_EQ = 0, P_LT = 1, P_LE = 2, P_UNORD = 3, P_NEQ = 4, P_NLT = 5, P_NLE = 6, P_ORD = 7;

function fcmp(e: Emitter, i: number, lane: number): void {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  const form = lane === F64 ? S.CMPPD : S.CMPPS;
  const cmp = (d: number, x: number, y: number, p: number): void => {
    e.toXmm(d, x);
    vopI(e, form, d, y, p, T2);
  };
  const cc = f.instImm0[i] as FloatCC;
  switch (cc) {
    case FloatCC.Eq: cmp(T0, a, b, P_EQ); break;
    case FloatCC.Ne: cmp(T0, a, b, P_NEQ); break;
    case FloatCC.Lt: cmp(T0, a, b, P_LT); break;
    case FloatCC.Le: cmp(T0, a, b, P_LE); break;
    case FloatCC.Gt: cmp(T0, b, a, P_LT); break;
    case FloatCC.Ge: cmp(T0, b, a, P_LE); break;
    case FloatCC.Uno: cmp(T0, a, b, P_UNORD); break;
    case FloatCC.Ord: cmp(T0, a, b, P_ORD); break;
    case FloatCC.Ult: cmp(T0, b, a, P_NLE); break;
    case FloatCC.Ule: cmp(T0, b, a, P_NLT); break;
    case FloatCC.Ugt: cmp(T0, a, b, P_NLE); break;
    case FloatCC.Uge: cmp(T0, a, b, P_NLT); break;
    case FloatCC.One:
      cmp(T0, a, b, P_ORD);
      cmp(T1, a, b, P_NEQ);
      rr(e, S.PAND, T0, T1);
      break;
    case FloatCC.Ueq:
      cmp(T0, a, b, P_UNORD);
      cmp(T1, a, b, P_EQ);
      rr(e, S.POR, T0, T1);
      break;
  }
  e.xdef(r, T0);
}

/**
 * fmin/fmax lane by lane: a NaN operand comes out as it is (a's first), -0
 * is below +0. min/max of both operand orders combined settle the zeros.
 */
function fminmax(e: Emitter, i: number, d64: boolean, isMax: boolean): void {
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
function fround(e: Emitter, i: number, op: number, d64: boolean): void {
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
  const copySign = (): void => {
    e.toXmm(T2, a);
    cop(e, S.PAND, T2, sign);
    cop(e, S.PAND, T3, abs);
    rr(e, S.POR, T3, T2);
  };
  copySign();
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
    copySign();
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

function splat(e: Emitter, i: number, vt: number, lg: number): void {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), r = f.result(i);
  const x = e.xdst(r, T0);
  const lane = laneOf(vt);
  if (lane === F32 || lane === F64) {
    rri(e, S.PSHUFD, x, e.xmm(a, T1), lane === F32 ? 0 : 0x44);
    e.xdef(r, x);
    return;
  }
  e.toGpr(RAX, a);
  X.opRR(buf, S.MOVD_TO_XMM, lg === 3 ? 64 : 32, x, RAX);
  if (lg === 0) {
    if (ssse3(e)) {
      zero(e, T1);
      rr(e, S.PSHUFB, x, T1);
      e.xdef(r, x);
      return;
    }
    rr(e, S.PUNPCKLBW, x, x);
  }
  if (lg <= 1) rri(e, S.PSHUFLW, x, x, 0);
  rri(e, S.PSHUFD, x, x, lg === 3 ? 0x44 : 0);
  e.xdef(r, x);
}

function extractLane(e: Emitter, i: number, lg: number, lane: number): void {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), r = f.result(i);
  const k = f.instImm0[i];
  if (lane === F32 || lane === F64) {
    const x = e.xdst(r, T0);
    if (k === 0) e.toXmm(x, a);
    else rri(e, S.PSHUFD, x, e.xmm(a, T1), lane === F32 ? k : 0xee);
    e.xdef(r, x);
    return;
  }
  const xa = e.xmm(a, T1);
  const d = e.dst(r, RAX);
  if (lg === 0) {
    if (sse41(e)) X.opRRI(buf, V.PEXTRB, 32, d, xa, k);
    else {
      X.opRRI(buf, V.PEXTRW, 32, d, xa, k >> 1);
      if (k & 1) X.opRI(buf, X.SHR, 32, d, 8);
      else X.opRR(buf, X.MOVZX8, 32, d, d);
    }
  } else if (lg === 1) X.opRRI(buf, V.PEXTRW, 32, d, xa, k);
  else if (k === 0) X.opRR(buf, S.MOVD_FROM_XMM, lg === 3 ? 64 : 32, d, xa);
  else if (sse41(e)) X.opRRI(buf, V.PEXTRD, lg === 3 ? 64 : 32, d, xa, k);
  else {
    rri(e, S.PSHUFD, T0, xa, lg === 3 ? 0xee : k);
    X.opRR(buf, S.MOVD_FROM_XMM, lg === 3 ? 64 : 32, d, T0);
  }
  e.def(r, d);
}

function insertLane(e: Emitter, i: number, lg: number, lane: number): void {
  const f = e.f;
  const buf = e.buf;
  const v = f.arg(i, 0), s = f.arg(i, 1), r = f.result(i);
  const k = f.instImm0[i];
  if (lane === F32 || lane === F64) {
    const xs = e.xmm(s, T1);
    e.toXmm(T0, v);
    if (k === 0) rr(e, lane === F32 ? S.MOVSS : S.MOVSD, T0, xs);
    else if (lane === F64) rr(e, V.UNPCKLPD, T0, xs);
    else if (sse41(e)) rri(e, V.INSERTPS, T0, xs, k << 4);
    else {
      X.opRR(buf, S.MOVD_FROM_XMM, 32, RAX, xs);
      X.opRRI(buf, V.PINSRW, 32, T0, RAX, 2 * k);
      X.opRI(buf, X.SHR, 32, RAX, 16);
      X.opRRI(buf, V.PINSRW, 32, T0, RAX, 2 * k + 1);
    }
    e.xdef(r, T0);
    return;
  }
  e.toXmm(T0, v);
  const g = e.gpr(s, RCX);
  if (lg === 0) {
    if (sse41(e)) X.opRRI(buf, V.PINSRB, 32, T0, g, k);
    else {
      // merge the byte into its word
      X.opRRI(buf, V.PEXTRW, 32, RAX, T0, k >> 1);
      X.opRR(buf, X.MOVZX8, 32, RDX, g);
      if (k & 1) {
        X.opRI(buf, X.AND, 32, RAX, 0xff);
        X.opRI(buf, X.SHL, 32, RDX, 8);
      } else X.opRI(buf, X.AND, 32, RAX, 0xff00);
      X.opRR(buf, X.OR, 32, RAX, RDX);
      X.opRRI(buf, V.PINSRW, 32, T0, RAX, k >> 1);
    }
  } else if (lg === 1) X.opRRI(buf, V.PINSRW, 32, T0, g, k);
  else if (sse41(e)) X.opRRI(buf, V.PINSRD, lg === 3 ? 64 : 32, T0, g, k);
  else if (lg === 2) {
    X.opRRI(buf, V.PINSRW, 32, T0, g, 2 * k);
    X.opRR(buf, X.MOV, 32, RAX, g);
    X.opRI(buf, X.SHR, 32, RAX, 16);
    X.opRRI(buf, V.PINSRW, 32, T0, RAX, 2 * k + 1);
  } else {
    X.opRR(buf, S.MOVD_TO_XMM, 64, T1, g);
    rr(e, k === 0 ? S.MOVSD : S.PUNPCKLQDQ, T0, T1);
  }
  e.xdef(r, T0);
}

function shuffle(e: Emitter, i: number): void {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  const m = f.constants[f.instImm0[i]];
  let fromA = false, fromB = false;
  for (let k = 0; k < 16; k++) {
    if (m[k] < 16) fromA = true;
    else if (m[k] < 32) fromB = true;
  }
  // a dword permutation of one operand is a pshufd
  let dw = -1;
  if (!(fromA && fromB)) {
    dw = 0;
    for (let k = 0; k < 4 && dw >= 0; k++) {
      const s = m[4 * k] & 15;
      if (m[4 * k] >= 32 || (s & 3) !== 0) { dw = -1; break; }
      for (let j = 1; j < 4; j++) if (m[4 * k + j] !== m[4 * k] + j) { dw = -1; break; }
      if (dw >= 0) dw |= (s >> 2) << (2 * k);
    }
  }
  if (dw >= 0) {
    const x = e.xdst(r, T0);
    vopI(e, S.PSHUFD, x, fromB ? b : a, dw, T1);
    e.xdef(r, x);
    return;
  }
  if (ssse3(e)) {
    const ma = new Uint8Array(16), mb = new Uint8Array(16);
    for (let k = 0; k < 16; k++) {
      ma[k] = m[k] < 16 ? m[k] : 0x80;
      mb[k] = m[k] >= 16 && m[k] < 32 ? m[k] - 16 : 0x80;
    }
    if (fromA) { e.toXmm(T0, a); cop(e, S.PSHUFB, T0, ma); } else zero(e, T0);
    if (fromB) { e.toXmm(T1, b); cop(e, S.PSHUFB, T1, mb); rr(e, S.POR, T0, T1); }
    e.xdef(r, T0);
    return;
  }
  // SSE2: both operands in a scratch area below the stack pointer, bytes picked one by one
  const xa = e.xmm(a, T1), xb = e.xmm(b, T2);
  X.opRI(buf, X.SUB, 64, RSP, 48);
  X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, 0, xa);
  X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, 16, xb);
  for (let k = 0; k < 16; k++) {
    if (m[k] < 32) {
      X.opRM(buf, X.MOVZX8, 32, RAX, RSP, NO_REG, 1, m[k]);
      X.opMR(buf, X.MOV, 8, RSP, NO_REG, 1, 32 + k, RAX);
    } else X.opMI(buf, X.MOV, 8, RSP, NO_REG, 1, 32 + k, 0);
  }
  X.opRM(buf, S.MOVUPS, 0, T0, RSP, NO_REG, 1, 32);
  X.opRI(buf, X.ADD, 64, RSP, 48);
  e.xdef(r, T0);
}

function swizzle(e: Emitter, i: number): void {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), idx = f.arg(i, 1), r = f.result(i);
  if (ssse3(e)) {
    // indices of 16 and above get their top bit set, which pshufb turns into zero
    e.toXmm(T0, a);
    e.toXmm(T1, idx);
    cop(e, V.PADDUSB, T1, splatConst(0, 0x70n));
    rr(e, S.PSHUFB, T0, T1);
    e.xdef(r, T0);
    return;
  }
  const xa = e.xmm(a, T1), xi = e.xmm(idx, T2);
  X.opRI(buf, X.SUB, 64, RSP, 32);
  X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, 0, xa);
  X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, 16, xi);
  X.opRR(buf, X.XOR, 32, RDX, RDX);
  for (let k = 0; k < 16; k++) {
    X.opRM(buf, X.MOVZX8, 32, RCX, RSP, NO_REG, 1, 16 + k);
    X.opRR(buf, X.MOV, 32, RAX, RCX);
    X.opRI(buf, X.AND, 32, RAX, 15);
    X.opRM(buf, X.MOVZX8, 32, RAX, RSP, RAX, 1, 0);
    X.opRI(buf, X.CMP, 32, RCX, 16);
    X.cmov(buf, CC_AE, 32, RAX, RDX);
    X.opMR(buf, X.MOV, 8, RSP, NO_REG, 1, 16 + k, RAX);
  }
  X.opRM(buf, S.MOVUPS, 0, T0, RSP, NO_REG, 1, 16);
  X.opRI(buf, X.ADD, 64, RSP, 32);
  e.xdef(r, T0);
}

/** vany_true, vall_true, vhigh_bits: a lane mask in eax, reduced. Lanes beyond a short vector's are ignored. */
function reduce(e: Emitter, i: number, op: number, vt: number, lg: number): void {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), r = f.result(i);
  const bytes = typeBits(vt) >> 3;
  const byteMask = bytes === 16 ? 0xffff : (1 << bytes) - 1;
  if (op === Op.vhigh_bits) {
    const xa = e.xmm(a, T1);
    if (lg === 0) X.opRR(buf, S.PMOVMSKB, 32, RAX, xa);
    else if (lg === 1) {
      mov(e, T0, xa);
      rr(e, V.PACKSSWB, T0, T0);
      X.opRR(buf, S.PMOVMSKB, 32, RAX, T0);
      X.opRR(buf, X.MOVZX8, 32, RAX, RAX);
    } else X.opRR(buf, lg === 2 ? S.MOVMSKPS : S.MOVMSKPD, 32, RAX, xa);
    const lanes = laneCount(vt);
    const rbits = typeBits(f.valueType[r]);
    const keep = Math.min(lanes, rbits);
    if (keep < 32 && (keep < lanes || typeBits(vt) < 128)) X.opRI(buf, X.AND, 32, RAX, (1 << keep) - 1);
    e.def(r, RAX);
    return;
  }
  if (op === Op.vany_true && bytes === 16 && sse41(e)) {
    const xa = e.xmm(a, T1);
    X.opRR(buf, V.PTEST, 0, xa, xa);
    e.defCondition(r, CC_NE);
    return;
  }
  zero(e, T0);
  eqMask(e, T0, a, op === Op.vany_true ? 0 : lg, T1);
  X.opRR(buf, S.PMOVMSKB, 32, RAX, T0);
  if (op === Op.vany_true) {
    // some byte is nonzero: not every byte compared equal to zero
    if (bytes !== 16) X.opRI(buf, X.AND, 32, RAX, byteMask);
    X.opRI(buf, X.CMP, 32, RAX, byteMask);
    e.defCondition(r, CC_NE);
  } else {
    if (bytes !== 16) X.opRI(buf, X.AND, 32, RAX, byteMask);
    X.opRR(buf, X.TEST, 32, RAX, RAX);
    e.defCondition(r, CC_E);
  }
}

function narrow(e: Emitter, i: number, op: number, lg: number): boolean {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  if (lg === 1) {
    if (op === Op.uunarrow) {
      // min(x, 255) unsigned: x - (x -sat 255)
      const c = splatConst(1, 255n);
      for (const [d, v] of [[T0, a], [T1, b]] as const) {
        e.toXmm(d, v);
        mov(e, T2, d);
        cop(e, V.PSUBUSW, T2, c);
        rr(e, S.PSUBW, d, T2);
      }
      rr(e, V.PACKUSWB, T0, T1);
      e.xdef(r, T0);
      return true;
    }
    binary(e, i, op === Op.snarrow ? V.PACKSSWB : V.PACKUSWB, false);
    return true;
  }
  if (lg === 3) {
    // clamp each quadword, keep its low dword; the first operand's half waits in rdx
    const lo = op === Op.snarrow ? -(1n << 31n) : 0n;
    const hi = op === Op.snarrow ? (1n << 31n) - 1n : (1n << 32n) - 1n;
    e.toXmm(T0, a);
    clamp64(e, lo, hi, op !== Op.uunarrow);
    rri(e, S.PSHUFD, T0, T0, 0x08);
    X.opRR(e.buf, S.MOVD_FROM_XMM, 64, RDX, T0);
    e.toXmm(T0, b);
    clamp64(e, lo, hi, op !== Op.uunarrow);
    rri(e, S.PSHUFD, T0, T0, 0x08);
    X.opRR(e.buf, S.MOVD_TO_XMM, 64, T1, RDX);
    rr(e, S.PUNPCKLQDQ, T1, T0);
    e.xdef(r, T1);
    return true;
  }
  if (lg !== 2) return false;
  if (op === Op.snarrow) { binary(e, i, V.PACKSSDW, false); return true; }
  if (op === Op.unarrow && sse41(e)) { binary(e, i, V.PACKUSDW, false); return true; }
  // clamp each dword to 0..65535 (as its low 16 bits), sign-extend those bits, pack without saturating
  for (const [d, v] of [[T0, a], [T1, b]] as const) {
    e.toXmm(d, v);
    if (op === Op.unarrow) {
      zero(e, T2);
      mov(e, T3, d);
      rr(e, S.PCMPGTD, T3, T2);
      rr(e, S.PAND, d, T3);
      mov(e, T3, d);
      cop(e, S.PCMPGTD, T3, splatConst(2, 0xffffn));
    } else {
      mov(e, T3, d);
      cop(e, S.PXOR, T3, splatConst(2, 0x80000000n));
      cop(e, S.PCMPGTD, T3, splatConst(2, 0x8000ffffn));
    }
    rr(e, S.POR, d, T3);
    ri(e, S.PSLLD, d, 16);
    ri(e, S.PSRAD, d, 16);
  }
  rr(e, V.PACKSSDW, T0, T1);
  e.xdef(r, T0);
  return true;
}

/**
 * i32x4 sqmul_round_sat: (a * b + 2^30) >> 31 from 64-bit products made
 * signed out of pmuludq's unsigned ones (minus (a<0 ? b : 0) + (b<0 ? a : 0)
 * in the high dword); only MIN * MIN overflows, to 0x80000000, and becomes MAX.
 */
function sqmulRoundSat32(e: Emitter, i: number): void {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  const half = splatConst(3, 1n << 30n);
  e.toXmm(T2, a);
  ri(e, S.PSRAD, T2, 31);
  vop(e, S.PAND, T2, b, T3);
  e.toXmm(T3, b);
  ri(e, S.PSRAD, T3, 31);
  vop(e, S.PAND, T3, a, T1);
  rr(e, S.PADDD, T2, T3);
  // even lanes
  e.toXmm(T0, a);
  vop(e, V.PMULUDQ, T0, b, T1);
  mov(e, T3, T2);
  ri(e, S.PSLLQ, T3, 32);
  rr(e, S.PSUBQ, T0, T3);
  cop(e, S.PADDQ, T0, half);
  ri(e, S.PSRLQ, T0, 31);
  // odd lanes
  e.toXmm(T1, a);
  ri(e, S.PSRLQ, T1, 32);
  e.toXmm(T3, b);
  ri(e, S.PSRLQ, T3, 32);
  rr(e, V.PMULUDQ, T1, T3);
  cop(e, S.PAND, T2, splatConst(3, 0xffffffff00000000n));
  rr(e, S.PSUBQ, T1, T2);
  cop(e, S.PADDQ, T1, half);
  ri(e, S.PSRLQ, T1, 31);
  ri(e, S.PSLLQ, T1, 32);
  cop(e, S.PAND, T0, splatConst(3, 0xffffffffn));
  rr(e, S.POR, T0, T1);
  // a == b and a result of 0x80000000: the one overflow
  e.toXmm(T1, a);
  vop(e, S.PCMPEQD, T1, b, T2);
  cop(e, S.MOVUPS, T2, splatConst(2, 0x80000000n));
  rr(e, S.PCMPEQD, T2, T0);
  rr(e, S.PAND, T1, T2);
  rr(e, S.PXOR, T0, T1);
  e.xdef(r, T0);
}

/** T0's 64-bit lanes clamped to [lo, hi] (signed or unsigned compares; lo < 0 means no lower bound). Uses T1-T3. */
function clamp64(e: Emitter, lo: bigint, hi: bigint, signed: boolean): void {
  const bounds: [bigint, boolean][] = [[hi, true]];
  if (lo >= -(1n << 63n) && !(lo === 0n && !signed)) bounds.push([lo, false]);
  for (const [c, upper] of bounds) {
    const k = splatConst(3, c);
    // mask where the value is beyond the bound, then the bound there
    cop(e, S.MOVUPS, upper ? T3 : T2, k);
    mov(e, upper ? T2 : T3, T0);
    gtRegs(e, T1, T2, T3, 3, signed);
    cop(e, S.MOVUPS, T2, k);
    blend(e, T1, T2, T0);
    mov(e, T0, T1);
  }
}

function fcvtFromInt(e: Emitter, i: number, signed: boolean, rt: number): boolean {
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

function fcvtToIntSat(e: Emitter, i: number, signed: boolean): boolean {
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

/**
 * bitcast where either side is a vector, or to the same type: a register
 * move within one class, movq/movd between XMM and GPR, two GPR halves for i128.
 */
function bitcast(e: Emitter, i: number): boolean {
  const f = e.f;
  const buf = e.buf;
  const a = f.arg(i, 0), r = f.result(i);
  const from = f.valueType[a], to = f.instType[i];
  if (typeBits(from) !== typeBits(to)) return false;
  if ((f.instImm0[i] & MemFlag.Big) !== 0 && laneBits(from) !== laneBits(to)) e.unsupported('(big-endian lane reinterpretation)');
  const xmmSide = (t: number) => isVector(t) || isScalarFloat(t);
  if (from === to && from === I128) {
    e.defPart(r, 0, e.gprPart(a, 0, RAX));
    e.defPart(r, 1, e.gprPart(a, 1, RDX));
    return true;
  }
  if (to === I128 || from === I128) {
    if (!xmmSide(to === I128 ? from : to)) return false;
    if (to === I128) {
      const xa = e.xmm(a, T0);
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RAX, xa);
      X.opRR(buf, S.MOVHLPS, 0, T1, xa);
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RDX, T1);
      e.defPart(r, 0, RAX);
      e.defPart(r, 1, RDX);
    } else {
      X.opRR(buf, S.MOVD_TO_XMM, 64, T0, e.gprPart(a, 0, RAX));
      X.opRR(buf, S.MOVD_TO_XMM, 64, T1, e.gprPart(a, 1, RDX));
      rr(e, S.PUNPCKLQDQ, T0, T1);
      e.xdef(r, T0);
    }
    return true;
  }
  if (xmmSide(from) && xmmSide(to)) {
    if (from !== to && !isVector(from) && !isVector(to)) return false;
    const x = e.xdst(r, T0);
    e.toXmm(x, a);
    e.xdef(r, x);
    return true;
  }
  if (!xmmSide(from) && !xmmSide(to)) {
    if (from !== to) return false;
    const d = e.dst(r, RAX);
    e.toGpr(d, a);
    e.def(r, d);
    return true;
  }
  const bits = typeBits(to);
  if (bits > 64 || bits < 32) return false;
  if (xmmSide(to)) {
    e.toGpr(RAX, a);
    const x = e.xdst(r, T0);
    X.opRR(buf, S.MOVD_TO_XMM, bits, x, RAX);
    e.xdef(r, x);
  } else {
    const d = e.dst(r, RAX);
    X.opRR(buf, S.MOVD_FROM_XMM, bits, d, e.xmm(a, T0));
    e.def(r, d);
  }
  return true;
}
