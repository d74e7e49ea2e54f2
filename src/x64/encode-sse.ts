// SSE/SSE2/SSE4.1 encoding forms for the encoder in encode.ts: scalar float
// moves, arithmetic, compares and conversions, and the integer vector basics.
// Written with encode.ts's generic writers (opRR, opRM, opMR, opRRI, opRMI).

import { defineForm, F_REG_ONLY, F_SSE, F_V2, F_VCMP, F_VCOMM, F_VMERGE, F_VNDD, F_W, type Form } from './encode.js';

/** reg <- r/m with optional store form r/m <- reg. */
function sse(name: string, prefix: number, rm: number, mr = -1, flags = 0): Form {
  return defineForm(name, { flags: F_SSE | flags, prefix, rm, mr });
}

// Moves. Register-register uses the load (rm) opcode, as assemblers do.
export const MOVSS = sse('movss', 0xf3, 0x0f10, 0x0f11, F_VMERGE);
export const MOVSD = sse('movsd', 0xf2, 0x0f10, 0x0f11, F_VMERGE);
export const MOVAPS = sse('movaps', 0, 0x0f28, 0x0f29, F_V2);
export const MOVAPD = sse('movapd', 0x66, 0x0f28, 0x0f29, F_V2);
export const MOVUPS = sse('movups', 0, 0x0f10, 0x0f11, F_V2);
export const MOVUPD = sse('movupd', 0x66, 0x0f10, 0x0f11, F_V2);
export const MOVDQA = sse('movdqa', 0x66, 0x0f6f, 0x0f7f, F_V2);
export const MOVDQU = sse('movdqu', 0xf3, 0x0f6f, 0x0f7f, F_V2);
/** movd/movq xmm, r/m32/64 (size 32 or 64 is the GPR side). */
export const MOVD_TO_XMM = sse('movd', 0x66, 0x0f6e, -1, F_W | F_V2);
/** movd/movq r/m32/64, xmm: opRR(buf, MOVD_FROM_XMM, size, gpr, xmm). */
export const MOVD_FROM_XMM = defineForm('movd', { flags: F_SSE | F_W | F_V2, prefix: 0x66, mr: 0x0f7e });
/** movq xmm, xmm/m64 (zeroes the upper lane). */
export const MOVQ = sse('movq', 0xf3, 0x0f7e, -1, F_V2);
/** movq m64, xmm. */
export const MOVQ_STORE = defineForm('movq', { flags: F_SSE | F_V2, prefix: 0x66, mr: 0x0fd6 });
/** movhlps xmm, xmm: the high quadword of the source into the low one of the destination. */
export const MOVHLPS = sse('movhlps', 0, 0x0f12);

// Scalar arithmetic.
export const ADDSS = sse('addss', 0xf3, 0x0f58);
export const ADDSD = sse('addsd', 0xf2, 0x0f58);
export const SUBSS = sse('subss', 0xf3, 0x0f5c);
export const SUBSD = sse('subsd', 0xf2, 0x0f5c);
export const MULSS = sse('mulss', 0xf3, 0x0f59);
export const MULSD = sse('mulsd', 0xf2, 0x0f59);
export const DIVSS = sse('divss', 0xf3, 0x0f5e);
export const DIVSD = sse('divsd', 0xf2, 0x0f5e);
export const SQRTSS = sse('sqrtss', 0xf3, 0x0f51);
export const SQRTSD = sse('sqrtsd', 0xf2, 0x0f51);
export const MINSS = sse('minss', 0xf3, 0x0f5d);
export const MINSD = sse('minsd', 0xf2, 0x0f5d);
export const MAXSS = sse('maxss', 0xf3, 0x0f5f);
export const MAXSD = sse('maxsd', 0xf2, 0x0f5f);

// Compares setting ZF/PF/CF.
export const UCOMISS = sse('ucomiss', 0, 0x0f2e, -1, F_V2);
export const UCOMISD = sse('ucomisd', 0x66, 0x0f2e, -1, F_V2);
export const COMISS = sse('comiss', 0, 0x0f2f, -1, F_V2);
export const COMISD = sse('comisd', 0x66, 0x0f2f, -1, F_V2);

// Conversions; `size` is the GPR operand's size (32 or 64).
export const CVTSI2SS = sse('cvtsi2ss', 0xf3, 0x0f2a, -1, F_W);
export const CVTSI2SD = sse('cvtsi2sd', 0xf2, 0x0f2a, -1, F_W);
export const CVTTSS2SI = sse('cvttss2si', 0xf3, 0x0f2c, -1, F_W | F_V2);
export const CVTTSD2SI = sse('cvttsd2si', 0xf2, 0x0f2c, -1, F_W | F_V2);
export const CVTSS2SD = sse('cvtss2sd', 0xf3, 0x0f5a);
export const CVTSD2SS = sse('cvtsd2ss', 0xf2, 0x0f5a);

// Bitwise on float registers.
export const ANDPS = sse('andps', 0, 0x0f54, -1, F_VCOMM);
export const ANDPD = sse('andpd', 0x66, 0x0f54, -1, F_VCOMM);
export const ANDNPS = sse('andnps', 0, 0x0f55);
export const ANDNPD = sse('andnpd', 0x66, 0x0f55);
export const ORPS = sse('orps', 0, 0x0f56, -1, F_VCOMM);
export const ORPD = sse('orpd', 0x66, 0x0f56, -1, F_VCOMM);
export const XORPS = sse('xorps', 0, 0x0f57, -1, F_VCOMM);
export const XORPD = sse('xorpd', 0x66, 0x0f57, -1, F_VCOMM);

// Integer vectors.
export const PXOR = sse('pxor', 0x66, 0x0fef, -1, F_VCOMM);
export const PAND = sse('pand', 0x66, 0x0fdb, -1, F_VCOMM);
export const PANDN = sse('pandn', 0x66, 0x0fdf);
export const POR = sse('por', 0x66, 0x0feb, -1, F_VCOMM);
export const PCMPEQB = sse('pcmpeqb', 0x66, 0x0f74, -1, F_VCOMM);
export const PCMPEQW = sse('pcmpeqw', 0x66, 0x0f75, -1, F_VCOMM);
export const PCMPEQD = sse('pcmpeqd', 0x66, 0x0f76, -1, F_VCOMM);
export const PADDB = sse('paddb', 0x66, 0x0ffc, -1, F_VCOMM);
export const PADDW = sse('paddw', 0x66, 0x0ffd, -1, F_VCOMM);
export const PADDD = sse('paddd', 0x66, 0x0ffe, -1, F_VCOMM);
export const PADDQ = sse('paddq', 0x66, 0x0fd4, -1, F_VCOMM);
export const PSUBB = sse('psubb', 0x66, 0x0ff8);
export const PSUBW = sse('psubw', 0x66, 0x0ff9);
export const PSUBD = sse('psubd', 0x66, 0x0ffa);
export const PSUBQ = sse('psubq', 0x66, 0x0ffb);
/** pmovmskb r32, xmm: opRR(buf, PMOVMSKB, 32, gpr, xmm); register source only. */
export const PMOVMSKB = sse('pmovmskb', 0x66, 0x0fd7, -1, F_REG_ONLY | F_V2);
/** pshufd xmm, xmm/m128, imm8: opRRI / opRMI. */
export const PSHUFD = defineForm('pshufd', { flags: F_SSE | F_V2, prefix: 0x66, rmi8: 0x0f70 });
/** roundss/roundsd xmm, xmm/m, imm8 (SSE4.1; imm8 = rounding mode). */
export const ROUNDSS = defineForm('roundss', { flags: F_SSE, prefix: 0x66, rmi8: 0x0f3a0a });
export const ROUNDSD = defineForm('roundsd', { flags: F_SSE, prefix: 0x66, rmi8: 0x0f3a0b });

// Sign masks, packed compares and lane shuffles for vector lowering.
/** movmskps/movmskpd r32, xmm (register source only). */
export const MOVMSKPS = sse('movmskps', 0, 0x0f50, -1, F_REG_ONLY | F_V2);
export const MOVMSKPD = sse('movmskpd', 0x66, 0x0f50, -1, F_REG_ONLY | F_V2);
/** cmpss/cmpsd/cmpps/cmppd xmm, xmm/m, imm8 predicate (0 eq, 1 lt, 2 le, 3 unord, 4 neq, 5 nlt, 6 nle, 7 ord). */
export const CMPSS = defineForm('cmpss', { flags: F_SSE, prefix: 0xf3, rmi8: 0x0fc2 });
export const CMPSD = defineForm('cmpsd', { flags: F_SSE, prefix: 0xf2, rmi8: 0x0fc2 });
export const CMPPS = defineForm('cmpps', { flags: F_SSE | F_VCMP, prefix: 0, rmi8: 0x0fc2 });
export const CMPPD = defineForm('cmppd', { flags: F_SSE | F_VCMP, prefix: 0x66, rmi8: 0x0fc2 });
export const PSHUFLW = defineForm('pshuflw', { flags: F_SSE | F_V2, prefix: 0xf2, rmi8: 0x0f70 });
export const PSHUFHW = defineForm('pshufhw', { flags: F_SSE | F_V2, prefix: 0xf3, rmi8: 0x0f70 });
/** pshufb (SSSE3). */
export const PSHUFB = sse('pshufb', 0x66, 0x0f3800);
export const PUNPCKLBW = sse('punpcklbw', 0x66, 0x0f60);
export const PUNPCKLWD = sse('punpcklwd', 0x66, 0x0f61);
export const PUNPCKLDQ = sse('punpckldq', 0x66, 0x0f62);
export const PUNPCKLQDQ = sse('punpcklqdq', 0x66, 0x0f6c);
export const PMULLW = sse('pmullw', 0x66, 0x0fd5, -1, F_VCOMM);
/** pmulld (SSE4.1). */
export const PMULLD = sse('pmulld', 0x66, 0x0f3840);
export const PCMPGTB = sse('pcmpgtb', 0x66, 0x0f64);
export const PCMPGTW = sse('pcmpgtw', 0x66, 0x0f65);
export const PCMPGTD = sse('pcmpgtd', 0x66, 0x0f66);

/** Vector shifts by an immediate: opRI(buf, PSLLD, 0, xmm, imm8). */
function vshift(name: string, op: number, digit: number): Form {
  return defineForm(name, { flags: F_SSE | F_VNDD, prefix: 0x66, mi8: op, digit });
}
export const PSRLW = vshift('psrlw', 0x0f71, 2);
export const PSRAW = vshift('psraw', 0x0f71, 4);
export const PSLLW = vshift('psllw', 0x0f71, 6);
export const PSRLD = vshift('psrld', 0x0f72, 2);
export const PSRAD = vshift('psrad', 0x0f72, 4);
export const PSLLD = vshift('pslld', 0x0f72, 6);
export const PSRLQ = vshift('psrlq', 0x0f73, 2);
export const PSRLDQ = vshift('psrldq', 0x0f73, 3);
export const PSLLQ = vshift('psllq', 0x0f73, 6);
export const PSLLDQ = vshift('pslldq', 0x0f73, 7);
