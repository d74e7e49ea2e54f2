// Vector lane selection: splat, extractlane/insertlane, shuffle and swizzle
// (pshufb with SSSE3, pshufd patterns, else byte by byte through a scratch
// area below rsp), vany_true/vall_true/vhigh_bits, narrowing and widening,
// and bitcasts between vectors, scalars and i128. Needs the Emitter; writes
// x86 code.

import type { Emitter } from './codegen.js';
import * as X from './encode.js';
import * as S from './encode-sse.js';
import * as V from './encode-vec.js';
import { I128, F32, F64, isVector, isScalarFloat, laneBits, laneCount, laneOf, typeBits } from '../ir/types.js';
import { Op } from '../ir/opcodes.js';
import { MemFlag } from '../ir/immediates.js';
import { VEXTRACTI128 } from './encode-avx.js';
import { HOME_NONE } from './regalloc.js';
import { RAX, RCX, RDX, RSP, NO_REG, CC_E, CC_NE, CC_AE } from './regs.js';
import {
  T0, T1, T2, T3, PUNPCKL, PSRAI, ssse3, sse41, splatConst, cop, mov, vopI, rr, rri, ri, zero,
  binary, eqMask, gtRegs, blend,
} from './vec-util.js';

/** Register x (low 64 bits used) widened in place: lanes of 2^lg bytes to twice that, zero- or sign-extended. */
export function widenLow(e: Emitter, x: number, lg: number, signed: boolean): void {
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

export function splat(e: Emitter, i: number, vt: number, lg: number): void {
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
  X.opRR(buf, S.MOVD_TO_XMM, lg === 3 ? 64 : 32, x, e.gpr(a, RAX));
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

export function extractLane(e: Emitter, i: number, lg: number, lane: number): void {
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

export function insertLane(e: Emitter, i: number, lg: number, lane: number): void {
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

export function shuffle(e: Emitter, i: number): void {
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

export function swizzle(e: Emitter, i: number): void {
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
export function reduce(e: Emitter, i: number, op: number, vt: number, lg: number): void {
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

export function narrow(e: Emitter, i: number, op: number, lg: number): boolean {
  const f = e.f;
  const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
  if (lg === 1) {
    if (op === Op.uunarrow) {
      // min(x, 255) unsigned: x - (x -sat 255)
      minU16(e, T0, a);
      minU16(e, T1, b);
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
  clampU16(e, T0, a, op === Op.unarrow);
  clampU16(e, T1, b, op === Op.unarrow);
  rr(e, V.PACKSSDW, T0, T1);
  e.xdef(r, T0);
  return true;
}

/** d = min(v, 255) in each unsigned 16-bit lane: v - (v -sat 255). Uses T2. */
function minU16(e: Emitter, d: number, v: number): void {
  e.toXmm(d, v);
  mov(e, T2, d);
  cop(e, V.PSUBUSW, T2, splatConst(1, 255n));
  rr(e, S.PSUBW, d, T2);
}

/**
 * d = v's dwords clamped to 0..65535 (v read as signed, or as unsigned with
 * no lower clamp), kept as their low 16 bits sign-extended, ready for a
 * packssdw that cannot saturate. Uses T2 and T3.
 */
function clampU16(e: Emitter, d: number, v: number, signedIn: boolean): void {
  e.toXmm(d, v);
  if (signedIn) {
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

/** T0's 64-bit lanes clamped to [lo, hi] by signed or unsigned compares (unsigned with lo = 0: only the upper bound). Uses T1-T3. */
function clamp64(e: Emitter, lo: bigint, hi: bigint, signed: boolean): void {
  clampSide(e, splatConst(3, hi), true, signed);
  if (lo >= -(1n << 63n) && !(lo === 0n && !signed)) clampSide(e, splatConst(3, lo), false, signed);
}

/** T0's 64-bit lanes beyond bound k (above it when `upper`, else below) replaced by k. Uses T1-T3. */
function clampSide(e: Emitter, k: Uint8Array, upper: boolean, signed: boolean): void {
  cop(e, S.MOVUPS, upper ? T3 : T2, k);
  mov(e, upper ? T2 : T3, T0);
  gtRegs(e, T1, T2, T3, 3, signed);
  cop(e, S.MOVUPS, T2, k);
  blend(e, T1, T2, T0);
  mov(e, T0, T1);
}

/**
 * bitcast where either side is a vector, or to the same type: a register
 * move within one class, movq/movd between XMM and GPR, two GPR halves for i128.
 */
export function bitcast(e: Emitter, i: number): boolean {
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
  if (from === I128 && e.ra.home[a] === HOME_NONE && f.instOp[f.valueDef[a]] === Op.extractlane) {
    // a half of a 256-bit value, extracted straight into XMM (the extractlane was fused here)
    const d = f.valueDef[a];
    const x = e.xdst(r, T0);
    X.vRRRI(buf, VEXTRACTI128, 1, x, -1, e.xmm(f.arg(d, 0), T1), f.instImm0[d] & 1);
    e.xdef(r, x);
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
