// Packed SSE2/SSSE3/SSE4.1/SSE4.2 encoding forms for vector code generation,
// on top of the SSE forms in encode-sse.ts and written with encode.ts's
// generic writers (opRR/opRM for `op xmm, xmm/m128`, opRRI/opRMI with an
// imm8, opRRI with a GPR operand for the lane moves). The ISA level each form
// needs is in its comment; the selectors check the function's flags.

import { defineForm, F_REG_ONLY, F_SSE, F_V2, F_VCOMM, F_W, type Form } from './encode.js';

/** `op xmm, xmm/m128` with a mandatory prefix (or none) and an opcode with its escape bytes. */
function sse(name: string, prefix: number, rm: number, flags = 0): Form {
  return defineForm(name, { flags: F_SSE | flags, prefix, rm });
}
/** `op xmm, xmm/m128, imm8`. */
function ssei(name: string, prefix: number, rmi8: number, flags = 0): Form {
  return defineForm(name, { flags: F_SSE | flags, prefix, rmi8 });
}

// Packed float arithmetic (SSE/SSE2).
export const ADDPS = sse('addps', 0, 0x0f58);
export const ADDPD = sse('addpd', 0x66, 0x0f58);
export const SUBPS = sse('subps', 0, 0x0f5c);
export const SUBPD = sse('subpd', 0x66, 0x0f5c);
export const MULPS = sse('mulps', 0, 0x0f59);
export const MULPD = sse('mulpd', 0x66, 0x0f59);
export const DIVPS = sse('divps', 0, 0x0f5e);
export const DIVPD = sse('divpd', 0x66, 0x0f5e);
export const SQRTPS = sse('sqrtps', 0, 0x0f51, F_V2);
export const SQRTPD = sse('sqrtpd', 0x66, 0x0f51, F_V2);
export const MINPS = sse('minps', 0, 0x0f5d);
export const MINPD = sse('minpd', 0x66, 0x0f5d);
export const MAXPS = sse('maxps', 0, 0x0f5f);
export const MAXPD = sse('maxpd', 0x66, 0x0f5f);

// Conversions (SSE2).
export const CVTDQ2PS = sse('cvtdq2ps', 0, 0x0f5b, F_V2);
export const CVTTPS2DQ = sse('cvttps2dq', 0xf3, 0x0f5b, F_V2);
export const CVTPS2PD = sse('cvtps2pd', 0, 0x0f5a, F_V2);
export const CVTPD2PS = sse('cvtpd2ps', 0x66, 0x0f5a, F_V2);
export const CVTDQ2PD = sse('cvtdq2pd', 0xf3, 0x0fe6, F_V2);
export const CVTTPD2DQ = sse('cvttpd2dq', 0x66, 0x0fe6, F_V2);

// Float lane shuffles (SSE/SSE2).
export const SHUFPS = ssei('shufps', 0, 0x0fc6);
export const SHUFPD = ssei('shufpd', 0x66, 0x0fc6);
export const UNPCKLPS = sse('unpcklps', 0, 0x0f14);
export const UNPCKHPS = sse('unpckhps', 0, 0x0f15);
export const UNPCKLPD = sse('unpcklpd', 0x66, 0x0f14);
export const UNPCKHPD = sse('unpckhpd', 0x66, 0x0f15);
/** movlhps xmm, xmm: the low quadword of the source into the high one of the destination. */
export const MOVLHPS = defineForm('movlhps', { flags: F_SSE | F_REG_ONLY, prefix: 0, rm: 0x0f16 });

// Integer unpacks and packs (SSE2; packusdw SSE4.1).
export const PUNPCKHBW = sse('punpckhbw', 0x66, 0x0f68);
export const PUNPCKHWD = sse('punpckhwd', 0x66, 0x0f69);
export const PUNPCKHDQ = sse('punpckhdq', 0x66, 0x0f6a);
export const PUNPCKHQDQ = sse('punpckhqdq', 0x66, 0x0f6d);
export const PACKSSWB = sse('packsswb', 0x66, 0x0f63);
export const PACKSSDW = sse('packssdw', 0x66, 0x0f6b);
export const PACKUSWB = sse('packuswb', 0x66, 0x0f67);
export const PACKUSDW = sse('packusdw', 0x66, 0x0f382b);

// Saturating arithmetic, averages, min/max, multiplies (SSE2).
export const PADDSB = sse('paddsb', 0x66, 0x0fec, F_VCOMM);
export const PADDSW = sse('paddsw', 0x66, 0x0fed, F_VCOMM);
export const PADDUSB = sse('paddusb', 0x66, 0x0fdc, F_VCOMM);
export const PADDUSW = sse('paddusw', 0x66, 0x0fdd, F_VCOMM);
export const PSUBSB = sse('psubsb', 0x66, 0x0fe8);
export const PSUBSW = sse('psubsw', 0x66, 0x0fe9);
export const PSUBUSB = sse('psubusb', 0x66, 0x0fd8);
export const PSUBUSW = sse('psubusw', 0x66, 0x0fd9);
export const PAVGB = sse('pavgb', 0x66, 0x0fe0, F_VCOMM);
export const PAVGW = sse('pavgw', 0x66, 0x0fe3, F_VCOMM);
export const PMINUB = sse('pminub', 0x66, 0x0fda, F_VCOMM);
export const PMAXUB = sse('pmaxub', 0x66, 0x0fde, F_VCOMM);
export const PMINSW = sse('pminsw', 0x66, 0x0fea, F_VCOMM);
export const PMAXSW = sse('pmaxsw', 0x66, 0x0fee, F_VCOMM);
export const PMULHW = sse('pmulhw', 0x66, 0x0fe5, F_VCOMM);
export const PMULHUW = sse('pmulhuw', 0x66, 0x0fe4, F_VCOMM);
export const PMULUDQ = sse('pmuludq', 0x66, 0x0ff4, F_VCOMM);
export const PMADDWD = sse('pmaddwd', 0x66, 0x0ff5, F_VCOMM);
export const PSADBW = sse('psadbw', 0x66, 0x0ff6, F_VCOMM);

// Shifts by the count in the low quadword of an XMM operand (SSE2).
export const PSLLW_X = sse('psllw', 0x66, 0x0ff1);
export const PSLLD_X = sse('pslld', 0x66, 0x0ff2);
export const PSLLQ_X = sse('psllq', 0x66, 0x0ff3);
export const PSRLW_X = sse('psrlw', 0x66, 0x0fd1);
export const PSRLD_X = sse('psrld', 0x66, 0x0fd2);
export const PSRLQ_X = sse('psrlq', 0x66, 0x0fd3);
export const PSRAW_X = sse('psraw', 0x66, 0x0fe1);
export const PSRAD_X = sse('psrad', 0x66, 0x0fe2);

// Word lane moves (SSE2). pextrw r32, xmm, imm8: opRRI(buf, PEXTRW, 32, gpr, xmm, lane).
export const PEXTRW = defineForm('pextrw', { flags: F_SSE | F_REG_ONLY | F_V2, prefix: 0x66, rmi8: 0x0fc5 });
/** pinsrw xmm, r32, imm8: opRRI(buf, PINSRW, 32, xmm, gpr, lane). */
export const PINSRW = ssei('pinsrw', 0x66, 0x0fc4);

// SSSE3.
export const PABSB = sse('pabsb', 0x66, 0x0f381c, F_V2);
export const PABSW = sse('pabsw', 0x66, 0x0f381d, F_V2);
export const PABSD = sse('pabsd', 0x66, 0x0f381e, F_V2);
export const PHADDW = sse('phaddw', 0x66, 0x0f3801);
export const PHADDD = sse('phaddd', 0x66, 0x0f3802);
export const PMULHRSW = sse('pmulhrsw', 0x66, 0x0f380b);

// SSE4.1 (pcmpgtq: SSE4.2).
export const PMINSB = sse('pminsb', 0x66, 0x0f3838);
export const PMINSD = sse('pminsd', 0x66, 0x0f3839);
export const PMINUW = sse('pminuw', 0x66, 0x0f383a);
export const PMINUD = sse('pminud', 0x66, 0x0f383b);
export const PMAXSB = sse('pmaxsb', 0x66, 0x0f383c);
export const PMAXSD = sse('pmaxsd', 0x66, 0x0f383d);
export const PMAXUW = sse('pmaxuw', 0x66, 0x0f383e);
export const PMAXUD = sse('pmaxud', 0x66, 0x0f383f);
export const PCMPEQQ = sse('pcmpeqq', 0x66, 0x0f3829);
export const PCMPGTQ = sse('pcmpgtq', 0x66, 0x0f3837);
export const PTEST = sse('ptest', 0x66, 0x0f3817, F_V2);
export const PMOVSXBW = sse('pmovsxbw', 0x66, 0x0f3820, F_V2);
export const PMOVSXWD = sse('pmovsxwd', 0x66, 0x0f3823, F_V2);
export const PMOVSXDQ = sse('pmovsxdq', 0x66, 0x0f3825, F_V2);
export const PMOVZXBW = sse('pmovzxbw', 0x66, 0x0f3830, F_V2);
export const PMOVZXWD = sse('pmovzxwd', 0x66, 0x0f3833, F_V2);
export const PMOVZXDQ = sse('pmovzxdq', 0x66, 0x0f3835, F_V2);
export const ROUNDPS = ssei('roundps', 0x66, 0x0f3a08, F_V2);
export const ROUNDPD = ssei('roundpd', 0x66, 0x0f3a09, F_V2);
/** pextrb/pextrd/pextrq r32/r64, xmm, imm8: opRRI(buf, F, size, gpr, xmm, lane). */
export const PEXTRB = defineForm('pextrb', { flags: F_SSE, prefix: 0x66, mri8: 0x0f3a14 });
export const PEXTRD = defineForm('pextrd', { flags: F_SSE | F_W, prefix: 0x66, mri8: 0x0f3a16 });
/** pinsrb/pinsrd/pinsrq xmm, r32/r64, imm8: opRRI(buf, F, size, xmm, gpr, lane). */
export const PINSRB = ssei('pinsrb', 0x66, 0x0f3a20);
export const PINSRD = ssei('pinsrd', 0x66, 0x0f3a22, F_W);
/** insertps xmm, xmm, imm8. */
export const INSERTPS = ssei('insertps', 0x66, 0x0f3a21);
