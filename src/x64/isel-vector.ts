// Instruction selection for vector CLIF (128-bit vectors, and lane-wise work
// on 32/64-bit vectors held in the low part of an XMM register) with SSE2 as
// the baseline and SSSE3/SSE4.1/SSE4.2 forms where the function's ISA flags
// allow them; also the bit operations on scalar floats and same-type
// bitcasts. This file dispatches and selects memory, bitwise and integer
// lane arithmetic; float and lane/shape work are in isel-vector-float.ts and
// isel-vector-lanes.ts, shared pieces in vec-util.ts. Needs the Emitter;
// writes x86 code for one instruction, or returns false.

import type { Emitter } from './codegen.js';
import { K, hasFma } from './operands.js';
import { selectFma } from './isel-fma.js';
import { selectWide } from './isel-vector-wide.js';
import { Op, opcodeProps, Prop } from '../ir/opcodes.js';
import { F32, F64, isVector, isFloat, laneOf, typeBits } from '../ir/types.js';
import { IntCC, MemFlag } from '../ir/immediates.js';
import * as X from './encode.js';
import * as S from './encode-sse.js';
import * as V from './encode-vec.js';
import { RAX, RCX, NO_REG } from './regs.js';
import { address, faultSite, mBase, mIndex, mScale, mDisp } from './isel-mem.js';
import {
  T0, T1, T2, T3, PADD, PSUB, PSLLI, PSRLI, PSRAI, PSLLX, PSRLX, PSRAX,
  ssse3, sse41, sse42, splatConst, cop, mov, vop, vopI, rr, rri, ri, allOnes, zero, binary, binaryOf, unary, lgOf,
  PCMPEQ, PCMPGT,
  gtMask, gtRegs, eqMask, blend, signMask,
} from './vec-util.js';
import { fcmp, fminmax, fround, fcvtFromInt, fcvtToIntSat } from './isel-vector-float.js';
import { widenLow, splat, extractLane, insertLane, shuffle, swizzle, reduce, narrow, bitcast } from './isel-vector-lanes.js';

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
  if (typeBits(t) > 128 || typeBits(at) > 128) return selectWide(e, i) || e.unsupported('(256-bit vectors: this instruction has no YMM selection)');
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
  // f16 lanes: moves and bit operations only (above)
  if (fl && lane !== F32 && lane !== F64) return false;
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
    case Op.bswap: case Op.bitrev: {
      if (fl) return false;
      e.toXmm(T0, f.arg(i, 0));
      byteSwapLanes(e, T0, lg);
      if (op === Op.bitrev) reverseBitsInBytes(e, T0);
      e.xdef(r, T0);
      return true;
    }
    case Op.icmp: icmp(e, i, lg); return true;
    case Op.fcmp: fcmp(e, i, lane); return true;
    case Op.iadd_pairwise: {
      if (!full) return false;
      const a = f.arg(i, 0), b = f.arg(i, 1);
      if (lg === 0) {
        // byte pairs summed in the low byte of each word, packed back
        bytePairs(e, T0, a);
        bytePairs(e, T1, b);
        rr(e, V.PACKUSWB, T0, T1);
        e.xdef(r, T0);
        return true;
      }
      if (lg === 3) {
        // [a0 + a1, b0 + b1]: the low and the high quadwords of each paired up
        e.toXmm(T0, a);
        e.toXmm(T1, a);
        vop(e, S.PUNPCKLQDQ, T0, b, T2);
        vop(e, V.PUNPCKHQDQ, T1, b, T2);
        rr(e, S.PADDQ, T0, T1);
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
    case Op.fma: if (!fl || !hasFma(e.isaFlags)) return false; selectFma(e, i); return true;
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

/** d = each word of v's byte pair sums (modulo 256, in the low byte). Uses T2. */
function bytePairs(e: Emitter, d: number, v: number): void {
  e.toXmm(d, v);
  mov(e, T2, d);
  ri(e, S.PSRLW, T2, 8);
  rr(e, S.PADDB, d, T2);
  cop(e, S.PAND, d, splatConst(1, 0xffn));
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
  if (lg > 0 && !(op === Op.sshr && lg === 3)) {
    const imm = op === Op.ishl ? PSLLI[lg] : op === Op.ushr ? PSRLI[lg] : PSRAI[lg];
    const xf = op === Op.ishl ? PSLLX[lg] : op === Op.ushr ? PSRLX[lg] : PSRAX[lg];
    if (n > 0) ri(e, imm, d, n);
    else { X.opRR(buf, S.MOVD_TO_XMM, 32, T1, RCX); rr(e, xf!, d, T1); }
    return;
  }
  if (lg === 3) {
    // arithmetic: ((a >>u n) ^ m) - m with m = sign bit >>u n
    cop(e, S.MOVUPS, T2, splatConst(3, 1n << 63n));
    if (n > 0) { ri(e, S.PSRLQ, d, n); ri(e, S.PSRLQ, T2, n); }
    else { X.opRR(buf, S.MOVD_TO_XMM, 32, T1, RCX); rr(e, V.PSRLQ_X, d, T1); rr(e, V.PSRLQ_X, T2, T1); }
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
  X.opRR(buf, S.MOVD_TO_XMM, 32, T1, RCX);
  rr(e, left ? V.PSLLW_X : V.PSRLW_X, d, T1);
  X.movRI(buf, 32, RAX, 0xff);
  X.opR(buf, left ? X.SHL : X.SHR, 32, RAX);
  X.opRR(buf, X.MOVZX8, 32, RAX, RAX);
  X.opRRI(buf, X.IMUL, 32, RAX, RAX, 0x01010101);
  X.opRR(buf, S.MOVD_TO_XMM, 32, T2, RAX);
  rri(e, S.PSHUFD, T2, T2, 0);
  rr(e, S.PAND, d, T2);
}

/** The bytes of each 2^lg-byte lane of register d reversed (uses T1). */
function byteSwapLanes(e: Emitter, d: number, lg: number): void {
  if (lg === 0) return;
  if (ssse3(e)) {
    // a byte permutation reversing each lane
    const m = new Uint8Array(16);
    const n = 1 << lg;
    for (let k = 0; k < 16; k++) m[k] = (k & ~(n - 1)) + n - 1 - (k & (n - 1));
    cop(e, S.PSHUFB, d, m);
    return;
  }
  // words reversed within the lane, then the two bytes of every word swapped
  if (lg === 3) rri(e, S.PSHUFD, d, d, 0xb1);
  if (lg >= 2) {
    rri(e, S.PSHUFLW, d, d, 0xb1);
    rri(e, S.PSHUFHW, d, d, 0xb1);
  }
  mov(e, T1, d);
  ri(e, S.PSLLW, d, 8);
  ri(e, S.PSRLW, T1, 8);
  rr(e, S.POR, d, T1);
}

/** The bits of every byte of register d reversed: adjacent bits, pairs, then nibbles swapped (uses T1). */
function reverseBitsInBytes(e: Emitter, d: number): void {
  const masks = [0x55n, 0x33n, 0x0fn];
  for (let k = 0; k < 3; k++) {
    const sh = 1 << k;
    const m = splatConst(0, masks[k]);
    mov(e, T1, d);
    ri(e, S.PSRLW, T1, sh);
    cop(e, S.PAND, T1, m);
    cop(e, S.PAND, d, m);
    ri(e, S.PSLLW, d, sh);
    rr(e, S.POR, d, T1);
  }
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
  // one compare instruction, straight into the result's register
  if (cc === IntCC.Eq && (lg < 3 || sse41(e))) { binaryOf(e, r, a, b, PCMPEQ[lg], true); return; }
  if ((cc === IntCC.Sgt || cc === IntCC.Slt) && (lg < 3 || sse42(e))) {
    if (cc === IntCC.Sgt) binaryOf(e, r, a, b, PCMPGT[lg], false);
    else binaryOf(e, r, b, a, PCMPGT[lg], false);
    return;
  }
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
