// Shared pieces of the vector selectors (isel-vector*.ts): the XMM scratch
// registers, ISA-level tests, 16-byte constants in the read-only constant
// section, operand access that respects spill-slot sizes, two-address
// binary/unary forms and lane-mask sequences (compares, blends, sign masks).
// Needs the Emitter; writes x86 code.
//
// Scratch registers: xmm12-xmm15 (never allocated) and rax/rcx/rdx. A result
// is written to its home only at the end (xdef), so operands can be re-read
// from their homes at any point of a sequence. Constants (masks, vconst) are
// 16-byte aligned, so packed forms may read them as memory operands.

import type { Emitter } from './codegen.js';
import { hasSse41, hasSse42, hasSsse3 } from './operands.js';
import { F32, laneBits, typeBits } from '../ir/types.js';
import * as X from './encode.js';
import * as S from './encode-sse.js';
import * as V from './encode-vec.js';
import { RSP, RIP, NO_REG } from './regs.js';
import { HOME_SPILL } from './regalloc.js';

export const T0 = 15, T1 = 14, T2 = 13, T3 = 12;

export const PADD = [S.PADDB, S.PADDW, S.PADDD, S.PADDQ];
export const PSUB = [S.PSUBB, S.PSUBW, S.PSUBD, S.PSUBQ];
export const PCMPEQ = [S.PCMPEQB, S.PCMPEQW, S.PCMPEQD, V.PCMPEQQ];
export const PCMPGT = [S.PCMPGTB, S.PCMPGTW, S.PCMPGTD, V.PCMPGTQ];
export const PUNPCKL = [S.PUNPCKLBW, S.PUNPCKLWD, S.PUNPCKLDQ, S.PUNPCKLQDQ];
// shifts by lane size (there are no byte shifts): by an immediate, by an XMM count
export const PSLLI = [null, S.PSLLW, S.PSLLD, S.PSLLQ];
export const PSRLI = [null, S.PSRLW, S.PSRLD, S.PSRLQ];
export const PSRAI = [null, S.PSRAW, S.PSRAD, null];
export const PSLLX = [null, V.PSLLW_X, V.PSLLD_X, V.PSLLQ_X];
export const PSRLX = [null, V.PSRLW_X, V.PSRLD_X, V.PSRLQ_X];
export const PSRAX = [null, V.PSRAW_X, V.PSRAD_X, null];

/** cmpps/cmppd predicates: eq lt le unord neq nlt nle ord. */
export const P_EQ = 0, P_LT = 1, P_LE = 2, P_UNORD = 3, P_NEQ = 4, P_NLT = 5, P_NLE = 6, P_ORD = 7;

const constCache = new Map<string, Uint8Array>();

export function ssse3(e: Emitter): boolean {
  return hasSsse3(e.isaFlags);
}

export function sse41(e: Emitter): boolean {
  return hasSse41(e.isaFlags);
}

export function sse42(e: Emitter): boolean {
  return hasSse42(e.isaFlags);
}

/** 16 bytes holding `v` in every lane of 2^lg bytes (v taken modulo the lane width). */
export function splatConst(lg: number, v: bigint): Uint8Array {
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
export function cop(e: Emitter, form: X.Form, d: number, bytes: Uint8Array, imm = -1): void {
  const at = imm < 0 ? X.opRM(e.buf, form, 0, d, RIP, NO_REG, 1, 0) : X.opRMI(e.buf, form, 0, d, RIP, NO_REG, 1, 0, imm);
  e.roConsts.push({ at, addend: at - e.buf.length, bytes });
}

/** Bits of a float value as a bigint (f32 or f64 lane). */
export function floatBits(lane: number, x: number): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  if (lane === F32) {
    dv.setFloat32(0, x, true);
    return BigInt(dv.getUint32(0, true));
  }
  dv.setFloat64(0, x, true);
  return dv.getBigUint64(0, true);
}

/** The XMM register v lives in, or -1. */
export function xhome(e: Emitter, v: number): number {
  const h = e.ra.home[v];
  return h >= 16 && h < 32 ? h - 16 : -1;
}

export function mov(e: Emitter, d: number, s: number): void {
  if (d !== s) X.opRR(e.buf, S.MOVAPS, 0, d, s);
}

/** `form d, v`: v from its register, its 16-byte spill slot, or loaded into `scratch`. */
export function vop(e: Emitter, form: X.Form, d: number, v: number, scratch: number): void {
  const h = e.ra.home[v];
  if (h >= 16 && h < 32) X.opRR(e.buf, form, 0, d, h - 16);
  else if (h >= HOME_SPILL && typeBits(e.f.valueType[v]) === 128) X.opRM(e.buf, form, 0, d, RSP, NO_REG, 1, e.spillDisp(v));
  else {
    e.toXmm(scratch, v);
    X.opRR(e.buf, form, 0, d, scratch);
  }
}

/** `form d, v, imm8` as vop. */
export function vopI(e: Emitter, form: X.Form, d: number, v: number, imm: number, scratch: number): void {
  const h = e.ra.home[v];
  if (h >= 16 && h < 32) X.opRRI(e.buf, form, 0, d, h - 16, imm);
  else if (h >= HOME_SPILL && typeBits(e.f.valueType[v]) === 128) X.opRMI(e.buf, form, 0, d, RSP, NO_REG, 1, e.spillDisp(v), imm);
  else {
    e.toXmm(scratch, v);
    X.opRRI(e.buf, form, 0, d, scratch, imm);
  }
}

export function rr(e: Emitter, form: X.Form, d: number, s: number): void {
  X.opRR(e.buf, form, 0, d, s);
}

export function rri(e: Emitter, form: X.Form, d: number, s: number, imm: number): void {
  X.opRRI(e.buf, form, 0, d, s, imm);
}

export function ri(e: Emitter, form: X.Form | null, d: number, imm: number): void {
  X.opRI(e.buf, form!, 0, d, imm);
}

export function allOnes(e: Emitter, d: number): void {
  rr(e, S.PCMPEQD, d, d);
}

export function zero(e: Emitter, d: number): void {
  rr(e, S.PXOR, d, d);
}

/** r = a op b, two-address, for instruction i's two operands. */
export function binary(e: Emitter, i: number, form: X.Form, commutative: boolean): void {
  const f = e.f;
  binaryOf(e, f.result(i), f.arg(i, 0), f.arg(i, 1), form, commutative);
}

/** r = a op b, two-address, computed in r's register unless b lives there. */
export function binaryOf(e: Emitter, r: number, a: number, b: number, form: X.Form, commutative: boolean): void {
  const x = e.xdst(r, T0);
  if (commutative && xhome(e, b) === x && xhome(e, a) !== x) { const t = a; a = b; b = t; }
  const d = xhome(e, b) === x && xhome(e, a) !== x ? T0 : x;
  e.toXmm(d, a);
  vop(e, form, d, b, T1);
  e.xdef(r, d);
}

/** r = form(a) for a one-operand form that does not read its destination. */
export function unary(e: Emitter, i: number, form: X.Form): void {
  const f = e.f;
  const r = f.result(i);
  const x = e.xdst(r, T0);
  vop(e, form, x, f.arg(i, 0), T1);
  e.xdef(r, x);
}

/** log2 of the lane size in bytes (0 for 8-bit lanes .. 3 for 64-bit lanes). */
export function lgOf(t: number): number {
  return 31 - Math.clz32(laneBits(t) >> 3);
}

/**
 * d = lanes where x > y (signed or unsigned) as all-ones masks, for values x, y.
 * Uses ta and tb (scratch, distinct from d) and leaves every other register alone.
 */
export function gtMask(e: Emitter, d: number, x: number, y: number, lg: number, signed: boolean, ta: number, tb: number): void {
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
export function gtRegs(e: Emitter, d: number, ta: number, tb: number, lg: number, signed: boolean): void {
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
export function eqMask(e: Emitter, d: number, v: number, lg: number, t: number): void {
  if (lg < 3 || sse41(e)) {
    vop(e, PCMPEQ[lg], d, v, t);
    return;
  }
  vop(e, S.PCMPEQD, d, v, t);
  rri(e, S.PSHUFD, t, d, 0xb1);
  rr(e, S.PAND, d, t);
}

/** m = mask ? a : b, leaving the result in `m` (a is clobbered). */
export function blend(e: Emitter, m: number, a: number, b: number): void {
  rr(e, S.PAND, a, m);
  rr(e, S.PANDN, m, b);
  rr(e, S.POR, m, a);
}

/** Every lane of register d (64-bit lanes included) becomes all ones if its sign bit is set, else zero. */
export function signMask(e: Emitter, d: number, lg: number): void {
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
