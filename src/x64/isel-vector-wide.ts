// Instruction selection for 256-bit vectors kept whole in YMM registers (in
// functions wide.ts accepts: AVX2, and only the instructions listed there),
// with VEX.256 forms: three-operand, so operands are read from their homes
// and the result written once (xdef). The join and split of 128-bit halves
// (splat / insertlane / extractlane on i128x2) use vinserti128 /
// vextracti128, straight from and to XMM registers when the analysis fused
// the i128 bitcasts between (else through the i128's GPR pair). Needs the Emitter; writes x86 code.

import type { Emitter } from './codegen.js';
import { K } from './operands.js';
import { Op } from '../ir/opcodes.js';
import { IntCC } from '../ir/immediates.js';
import { F32, F64, I8, I32, I64, I128, laneCount, laneOf, typeBits } from '../ir/types.js';
import * as X from './encode.js';
import * as S from './encode-sse.js';
import * as V from './encode-vec.js';
import * as A from './encode-avx.js';
import { RAX, RCX, RDX, RIP, RSP, NO_REG } from './regs.js';
import { HOME_NONE, HOME_SPILL } from './regalloc.js';
import { address, faultSite, mBase, mIndex, mScale, mDisp } from './isel-mem.js';
import { T0, T1, T2, PADD, PSUB, PCMPEQ, PCMPGT, PSLLI, PSRLI, PSRAI, PSLLX, PSRLX, PSRAX, lgOf } from './vec-util.js';

const L = 1;

/** The YMM register holding v: its home, or `scratch` loaded from its spill slot. */
function yreg(e: Emitter, v: number, scratch: number): number {
  const h = e.ra.home[v];
  if (h >= 16 && h < 32) return h - 16;
  e.toXmm(scratch, v);
  return scratch;
}

/** r = form(v = a, r/m = b) with b read from its spill slot when it has one. */
function bin(e: Emitter, r: number, a: number, b: number, form: X.Form): void {
  const d = e.xdst(r, T0);
  const xa = yreg(e, a, T1);
  const h = e.ra.home[b];
  if (h >= HOME_SPILL) X.vRRM(e.buf, form, L, d, xa, RSP, NO_REG, 1, e.spillDisp(b));
  else X.vRRR(e.buf, form, L, d, xa, yreg(e, b, T2));
  e.xdef(r, d);
}

function ones(e: Emitter, x: number): void {
  X.vRRR(e.buf, S.PCMPEQD, L, x, x, x);
}

/** `form x, x, [rip + 16-byte constant], imm` (vinserti128 of a constant half). */
function insertConst(e: Emitter, x: number, bytes: Uint8Array): void {
  const at = X.vRRMI(e.buf, A.VINSERTI128, L, x, x, RIP, NO_REG, 1, 0, 1);
  e.roConsts.push({ at, addend: at - e.buf.length, bytes });
}

/** An XMM register holding the i128 value v: the 128-bit vector a fused bitcast reads, or `x` built from v's GPR pair. */
function i128Xmm(e: Emitter, x: number, v: number): number {
  if (e.ra.home[v] === HOME_NONE) return e.xmm(e.f.arg(e.f.valueDef[v], 0), x);
  X.opRR(e.buf, S.MOVD_TO_XMM, 64, x, e.gprPart(v, 0, RAX));
  X.opRRI(e.buf, V.PINSRD, 64, x, e.gprPart(v, 1, RDX), 1);
  return x;
}

const MINMAX: Record<number, (X.Form | null)[]> = {
  [Op.smin]: [V.PMINSB, V.PMINSW, V.PMINSD], [Op.smax]: [V.PMAXSB, V.PMAXSW, V.PMAXSD],
  [Op.umin]: [V.PMINUB, V.PMINUW, V.PMINUD], [Op.umax]: [V.PMAXUB, V.PMAXUW, V.PMAXUD],
  [Op.uadd_sat]: [V.PADDUSB, V.PADDUSW], [Op.sadd_sat]: [V.PADDSB, V.PADDSW],
  [Op.usub_sat]: [V.PSUBUSB, V.PSUBUSW], [Op.ssub_sat]: [V.PSUBSB, V.PSUBSW], [Op.avg_round]: [V.PAVGB, V.PAVGW],
};

/** Selects instruction i, which has a 256-bit operand or result; false if it has no YMM form here. */
export function selectWide(e: Emitter, i: number): boolean {
  const f = e.f;
  const buf = e.buf;
  const op = f.instOp[i];
  const r = f.instNumResults[i] > 0 ? f.result(i) : -1;
  const vt = r >= 0 && typeBits(f.valueType[r]) === 256 ? f.valueType[r] : f.valueType[f.arg(i, 0)];
  if (typeBits(vt) !== 256) return false;
  const lane = laneOf(vt);
  const lg = lane === F32 ? 2 : lane === F64 ? 3 : lane === I128 ? 4 : lgOf(vt);
  const a = f.instArgCount[i] > 0 ? f.arg(i, 0) : -1;
  const b = f.instArgCount[i] > 1 ? f.arg(i, 1) : -1;
  switch (op) {
    case Op.vconst: {
      const c = f.constants[f.instImm0[i]];
      const x = e.xdst(r, T0);
      let zero = true, allOnes = true;
      for (let k = 0; k < 32; k++) { if (c[k] !== 0) zero = false; if (c[k] !== 0xff) allOnes = false; }
      if (zero) X.vRRR(buf, S.PXOR, 0, x, x, x);
      else if (allOnes) ones(e, x);
      else {
        const lo = c.slice(0, 16), hi = c.slice(16, 32);
        const at = X.vRRM(buf, S.MOVUPS, 0, x, -1, RIP, NO_REG, 1, 0);
        e.roConsts.push({ at, addend: at - buf.length, bytes: lo });
        insertConst(e, x, hi);
      }
      e.xdef(r, x);
      return true;
    }
    case Op.load: {
      address(e, a, f.instImm1[i], RCX);
      const x = e.xdst(r, T0);
      faultSite(e, i);
      X.vRRM(buf, S.MOVUPS, L, x, -1, mBase, mIndex, mScale, mDisp);
      e.xdef(r, x);
      return true;
    }
    case Op.store: {
      const x = yreg(e, a, T0);
      address(e, b, f.instImm1[i], RCX);
      faultSite(e, i);
      X.vMR(buf, S.MOVUPS, L, mBase, mIndex, mScale, mDisp, x);
      return true;
    }
    case Op.select: {
      const cc = e.condition(a);
      e.toXmm(T0, b);
      const skip = X.jccShort(buf, cc);
      e.toXmm(T0, f.arg(i, 2));
      X.patchRel8(buf, skip, buf.length);
      e.xdef(r, T0);
      return true;
    }
    case Op.bitcast: {
      const x = e.xdst(r, T0);
      e.toXmm(x, a);
      e.xdef(r, x);
      return true;
    }
    case Op.band: bin(e, r, a, b, S.PAND); return true;
    case Op.bor: bin(e, r, a, b, S.POR); return true;
    case Op.bxor: bin(e, r, a, b, S.PXOR); return true;
    case Op.band_not: bin(e, r, b, a, S.PANDN); return true; // ~b & a
    case Op.bnot: {
      const d = e.xdst(r, T0);
      const xa = yreg(e, a, T1);
      ones(e, T2);
      X.vRRR(buf, S.PXOR, L, d, xa, T2);
      e.xdef(r, d);
      return true;
    }
    case Op.iadd: bin(e, r, a, b, PADD[lg]!); return true;
    case Op.isub: bin(e, r, a, b, PSUB[lg]!); return true;
    case Op.imul: bin(e, r, a, b, lg === 1 ? S.PMULLW : S.PMULLD); return true;
    case Op.smin: case Op.smax: case Op.umin: case Op.umax:
    case Op.uadd_sat: case Op.sadd_sat: case Op.usub_sat: case Op.ssub_sat: case Op.avg_round: {
      const form = MINMAX[op]![lg];
      if (!form) return false;
      bin(e, r, a, b, form);
      return true;
    }
    case Op.icmp: {
      const cc = f.instImm0[i] as IntCC;
      const d = e.xdst(r, T0);
      const xa = yreg(e, a, T1), xb = yreg(e, b, T2);
      const eq = cc === IntCC.Eq || cc === IntCC.Ne;
      // a > b for sgt and sle, b > a for slt and sge
      const swap = cc === IntCC.Slt || cc === IntCC.Sge;
      X.vRRR(buf, eq ? PCMPEQ[lg]! : PCMPGT[lg]!, L, d, swap ? xb : xa, swap ? xa : xb);
      if (cc === IntCC.Ne || cc === IntCC.Sge || cc === IntCC.Sle) {
        ones(e, T1);
        X.vRRR(buf, S.PXOR, L, d, d, T1);
      }
      e.xdef(r, d);
      return true;
    }
    case Op.fadd: case Op.fsub: case Op.fmul: case Op.fdiv: {
      const d64 = lane === F64;
      const form = op === Op.fadd ? (d64 ? V.ADDPD : V.ADDPS) : op === Op.fsub ? (d64 ? V.SUBPD : V.SUBPS)
        : op === Op.fmul ? (d64 ? V.MULPD : V.MULPS) : d64 ? V.DIVPD : V.DIVPS;
      bin(e, r, a, b, form);
      return true;
    }
    case Op.sqrt: {
      const d = e.xdst(r, T0);
      X.vRRR(buf, lane === F64 ? V.SQRTPD : V.SQRTPS, L, d, -1, yreg(e, a, T1));
      e.xdef(r, d);
      return true;
    }
    case Op.fneg: case Op.fabs: {
      // a sign-bit mask (fneg) or its complement (fabs) from all ones
      const d64 = lane === F64;
      ones(e, T2);
      if (op === Op.fabs) X.vRI(buf, d64 ? S.PSRLQ : S.PSRLD, L, T2, T2, 1);
      else X.vRI(buf, d64 ? S.PSLLQ : S.PSLLD, L, T2, T2, d64 ? 63 : 31);
      const d = e.xdst(r, T0);
      X.vRRR(buf, op === Op.fneg ? S.PXOR : S.PAND, L, d, yreg(e, a, T1), T2);
      e.xdef(r, d);
      return true;
    }
    case Op.fma: {
      // vfmadd213 b, a, c: NaNs in the order a, b, c (see isel-fma.ts)
      const c = f.arg(i, 2);
      const x = e.xdst(r, T0);
      const xa = yreg(e, a, T1), xc = yreg(e, c, T2);
      const d = x === xa || x === xc ? T0 : x;
      e.toXmm(d, b);
      X.vRRR(buf, A.FMA[0]![1]![lane === F64 ? 1 : 0]!, L, d, xa, xc);
      e.xdef(r, d);
      return true;
    }
    case Op.ishl: case Op.ushr: case Op.sshr: {
      const w = 8 << lg;
      const d = e.xdst(r, T0);
      const xa = yreg(e, a, T1);
      if (e.kind(b) === K.Imm) {
        const n = e.immLo(b) & (w - 1);
        const form = op === Op.ishl ? PSLLI[lg] : op === Op.ushr ? PSRLI[lg] : PSRAI[lg];
        if (!form) return false;
        X.vRI(buf, form, L, d, xa, n);
      } else {
        const form = op === Op.ishl ? PSLLX[lg] : op === Op.ushr ? PSRLX[lg] : PSRAX[lg];
        if (!form) return false;
        e.toGpr(RCX, b);
        X.opRI(buf, X.AND, 32, RCX, w - 1);
        X.opRR(buf, S.MOVD_TO_XMM, 32, T2, RCX);
        X.vRRR(buf, form, L, d, xa, T2);
      }
      e.xdef(r, d);
      return true;
    }
    case Op.splat: {
      const d = e.xdst(r, T0);
      if (lane === I128) {
        const x = i128Xmm(e, T1, a);
        X.vRRRI(buf, A.VINSERTI128, L, d, x, x, 1);
      } else if (lane === F32 || lane === F64) {
        X.vRRR(buf, lane === F64 ? A.VBROADCASTSD : A.VBROADCASTSS, L, d, -1, e.xmm(a, T1));
      } else {
        e.toGpr(RAX, a);
        X.opRR(buf, S.MOVD_TO_XMM, lane === I64 ? 64 : 32, T1, RAX);
        X.vRRR(buf, [A.VPBROADCASTB, A.VPBROADCASTW, A.VPBROADCASTD, A.VPBROADCASTQ][lg]!, L, d, -1, T1);
      }
      e.xdef(r, d);
      return true;
    }
    case Op.vhigh_bits: {
      const form = lane === I8 ? S.PMOVMSKB : lane === I32 || lane === F32 ? S.MOVMSKPS : lane === I64 || lane === F64 ? S.MOVMSKPD : null;
      if (!form) return false;
      X.vRRR(buf, form, L, RAX, -1, yreg(e, a, T1));
      const keep = Math.min(laneCount(vt), typeBits(f.valueType[r]));
      if (keep < 32 && keep < laneCount(vt)) X.opRI(buf, X.AND, 32, RAX, (1 << keep) - 1);
      e.def(r, RAX);
      return true;
    }
    case Op.insertlane: {
      if (lane !== I128) return false;
      const d = e.xdst(r, T0);
      const xq = yreg(e, a, T2);
      X.vRRRI(buf, A.VINSERTI128, L, d, xq, i128Xmm(e, T1, b), f.instImm0[i] & 1);
      e.xdef(r, d);
      return true;
    }
    case Op.extractlane: {
      if (lane !== I128) return false;
      X.vRRRI(buf, A.VEXTRACTI128, L, T1, -1, yreg(e, a, T2), f.instImm0[i] & 1);
      X.opRR(buf, S.MOVD_FROM_XMM, 64, RAX, T1);
      X.opRRI(buf, V.PEXTRD, 64, RDX, T1, 1);
      e.defPart(r, 0, RAX);
      e.defPart(r, 1, RDX);
      return true;
    }
  }
  return false;
}
