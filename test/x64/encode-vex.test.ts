// The VEX encodings against LLVM's assembler: every legacy SSE form written
// through the generic writers in VEX mode (as VEX.128, the way AVX functions
// are compiled), the 256-bit (VEX.L = 1) forms of the packed instructions, and
// the AVX/AVX2/FMA-only forms, compared byte for byte with llvm-mc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteBuffer } from '../../src/support/bytes.js';
import * as E from '../../src/x64/encode.js';
import * as S from '../../src/x64/encode-sse.js';
import * as V from '../../src/x64/encode-vec.js';
import * as A from '../../src/x64/encode-avx.js';
import { gprName, XMM_NAMES } from '../../src/x64/regs.js';
import { MC, haveMC, instance, compareWithMC, REG_PAIRS, REG_TRIPLES, REGS, MEMS, PTR, memText, type Instance } from './mc-oracle.js';

const X = XMM_NAMES;
const Y = XMM_NAMES.map((n) => n.replace('x', 'y'));
type Cls = 'x' | 'g';

/** Operand shapes of the legacy SSE forms: [reg class, r/m class, memory bits (0: the GPR size, -1: none), imm8 or -1]. */
const SHAPES = new Map<E.Form, [Cls, Cls, number, number]>();
const shape = (fs: E.Form[], reg: Cls, rm: Cls, mem: number, imm = -1) => { for (const f of fs) SHAPES.set(f, [reg, rm, mem, imm]); };
shape([S.MOVSS, S.ADDSS, S.SUBSS, S.MULSS, S.DIVSS, S.SQRTSS, S.MINSS, S.MAXSS, S.UCOMISS, S.COMISS, S.CVTSS2SD], 'x', 'x', 32);
shape([S.MOVSD, S.ADDSD, S.SUBSD, S.MULSD, S.DIVSD, S.SQRTSD, S.MINSD, S.MAXSD, S.UCOMISD, S.COMISD, S.CVTSD2SS, S.MOVQ, S.MOVQ_STORE,
  V.CVTPS2PD, V.CVTDQ2PD, V.PMOVSXBW, V.PMOVSXWD, V.PMOVSXDQ, V.PMOVZXBW, V.PMOVZXWD, V.PMOVZXDQ], 'x', 'x', 64);
shape([S.CVTSI2SS, S.CVTSI2SD, S.MOVD_TO_XMM], 'x', 'g', 0);
shape([S.MOVD_FROM_XMM], 'x', 'g', 0);
shape([S.CVTTSS2SI], 'g', 'x', 32);
shape([S.CVTTSD2SI], 'g', 'x', 64);
shape([S.PMOVMSKB, S.MOVMSKPS, S.MOVMSKPD], 'g', 'x', -1);
shape([S.MOVHLPS, V.MOVLHPS], 'x', 'x', -1);
shape([S.ROUNDSS], 'x', 'x', 32, 4);
shape([S.ROUNDSD], 'x', 'x', 64, 11);
shape([S.CMPSS], 'x', 'x', 32, 1);
shape([S.CMPSD], 'x', 'x', 64, 3);
shape([S.CMPPS], 'x', 'x', 128, 0);
shape([S.CMPPD], 'x', 'x', 128, 6);
shape([S.PSHUFD, S.PSHUFLW, S.PSHUFHW, V.SHUFPS, V.SHUFPD], 'x', 'x', 128, 0x1b);
shape([V.ROUNDPS, V.ROUNDPD], 'x', 'x', 128, 9);
shape([V.INSERTPS], 'x', 'x', 32, 0x30);
const LANE_MOVES = new Set<E.Form>([V.PEXTRW, V.PEXTRB, V.PEXTRD, V.PINSRW, V.PINSRB, V.PINSRD]);
const SHIFTS_I = new Set<E.Form>([S.PSRLW, S.PSRAW, S.PSLLW, S.PSRLD, S.PSRAD, S.PSLLD, S.PSRLQ, S.PSRLDQ, S.PSLLQ, S.PSLLDQ]);
// LLVM's assembler swaps these commutative float operations' sources for a 2-byte prefix; cgts keeps the
// order (which NaN comes out depends on it), so they are compared with the 3-byte prefix LLVM would otherwise use.
const ORDERED = new Set<E.Form>([V.ADDPS, V.ADDPD, V.MULPS, V.MULPD]);

const inst: Instance[] = [];
const add = (asm: string, enc: (b: ByteBuffer) => number | void, equivalent = false) => inst.push(instance(asm, enc, equivalent));
/** Encodes in VEX mode (the writers' mode is restored afterwards). */
const inVex = (fn: (b: ByteBuffer) => number | void) => (b: ByteBuffer) => {
  E.setVexMode(true);
  try { return fn(b); } finally { E.setVexMode(false); }
};

const legacy = E.FORMS.filter((f) => (f.flags & E.F_SSE) !== 0 && (f.flags & E.F_VEX) === 0);

test('every legacy SSE form beyond `op xmm, xmm/m128` has a VEX test shape', () => {
  const missing = legacy.filter((f) => f.rm < 0)
    .filter((f) => !SHAPES.has(f) && !LANE_MOVES.has(f) && !SHIFTS_I.has(f));
  assert.deepEqual(missing.map((f) => f.name), []);
});

for (const f of legacy) {
  const v2 = (f.flags & E.F_V2) !== 0, merge = (f.flags & E.F_VMERGE) !== 0;
  const name = 'v' + f.name;
  if (SHIFTS_I.has(f)) {
    for (const reg of REGS) add(`${name} ${X[reg]}, ${X[reg]}, ${reg + 1}`, inVex((b) => E.opRI(b, f, 0, reg, reg + 1)));
    continue;
  }
  if (LANE_MOVES.has(f)) {
    const extract = f === V.PEXTRW || f === V.PEXTRB || f === V.PEXTRD;
    const lanes = f === V.PEXTRW || f === V.PINSRW ? 8 : f === V.PEXTRB || f === V.PINSRB ? 16 : 4;
    for (const size of (f.flags & E.F_W) !== 0 ? [32, 64] : [32]) {
      const nm = size === 64 ? name.replace(/d$/, 'q') : name;
      const n = size === 64 ? 2 : lanes;
      REG_PAIRS.forEach(([a, b], k) => {
        const text = extract ? `${nm} ${gprName(a, size)}, ${X[b]}, ${k % n}` : `${nm} ${X[a]}, ${X[a]}, ${gprName(b, size)}, ${k % n}`;
        add(text, inVex((x) => E.opRRI(x, f, size, a, b, k % n)));
      });
      const msz = nm.endsWith('b') ? 8 : nm.endsWith('w') ? 16 : size;
      MEMS.forEach((m, k) => {
        const reg = REGS[k % REGS.length]!;
        const mt = memText(m, PTR[msz]!);
        if (!extract) add(`${nm} ${X[reg]}, ${X[reg]}, ${mt}, ${k % n}`, inVex((x) => E.opRMI(x, f, size, reg, m[0], m[1], m[2], m[3], k % n)));
        else if (f !== V.PEXTRW) add(`${nm} ${mt}, ${X[reg]}, ${k % n}`, inVex((x) => E.opMRI(x, f, size, m[0], m[1], m[2], m[3], reg, k % n)));
      });
    }
    continue;
  }
  const [regCls, rmCls, mem, imm] = SHAPES.get(f) ?? ['x', 'x', 128, -1];
  const gpr = regCls === 'g' || rmCls === 'g';
  const sizes = gpr ? (mem < 0 ? [32] : [32, 64]) : [0];
  for (const size of sizes) {
    const nm = (f === S.MOVD_TO_XMM || f === S.MOVD_FROM_XMM) && size === 64 ? 'vmovq' : name;
    const on = (cls: Cls, n: number) => (cls === 'x' ? X[n]! : gprName(n, size));
    const withImm = imm >= 0 ? `, ${imm}` : '';
    for (const [a, b] of REG_PAIRS) {
      let text: string;
      if (f.rm < 0 && f.rmi8 < 0) text = `${nm} ${on(rmCls, a)}, ${on(regCls, b)}`;
      else if (v2) text = `${nm} ${on(regCls, a)}, ${on(rmCls, b)}${withImm}`;
      else text = `${nm} ${on(regCls, a)}, ${on(regCls, a)}, ${on(rmCls, b)}${withImm}`;
      if (ORDERED.has(f) && b >= 8 && a < 8) text = `{vex3} ${text}`;
      const enc = imm >= 0 ? (x: ByteBuffer) => E.opRRI(x, f, size, a, b, imm) : (x: ByteBuffer) => E.opRR(x, f, size, a, b);
      // vmovq xmm, xmm: LLVM picks F3 0F 7E or 66 0F D6 by its own rule
      add(text, inVex(enc), f === S.MOVQ || f === S.MOVQ_STORE);
    }
    if (mem < 0 || f === S.MOVHLPS) continue;
    const ptr = PTR[mem === 0 ? size : mem]!;
    MEMS.forEach((m, k) => {
      const reg = REGS[k % REGS.length]!;
      const mt = memText(m, ptr);
      const withImm2 = imm >= 0 ? `, ${imm}` : '';
      if (f.rm >= 0 || f.rmi8 >= 0) {
        const text = v2 || merge ? `${nm} ${on(regCls, reg)}, ${mt}${withImm2}` : `${nm} ${on(regCls, reg)}, ${on(regCls, reg)}, ${mt}${withImm2}`;
        add(text, inVex(imm >= 0 ? (x) => E.opRMI(x, f, size, reg, m[0], m[1], m[2], m[3], imm) : (x) => E.opRM(x, f, size, reg, m[0], m[1], m[2], m[3])), nm === 'vmovq' && f !== S.MOVQ);
      }
      if (f.mr >= 0) add(`${nm} ${mt}, ${on(regCls, reg)}`, inVex((x) => E.opMR(x, f, size, m[0], m[1], m[2], m[3], reg)), nm === 'vmovq');
    });
  }
}

// ---- 256-bit forms ----

const Y3 = [V.ADDPS, V.ADDPD, V.SUBPS, V.SUBPD, V.MULPS, V.MULPD, V.DIVPS, V.DIVPD, V.MINPS, V.MINPD, V.MAXPS, V.MAXPD,
  S.ANDPS, S.ANDPD, S.ANDNPS, S.ANDNPD, S.ORPS, S.ORPD, S.XORPS, S.XORPD, V.UNPCKLPS, V.UNPCKHPS, V.UNPCKLPD, V.UNPCKHPD,
  S.PADDB, S.PADDW, S.PADDD, S.PADDQ, S.PSUBB, S.PSUBW, S.PSUBD, S.PSUBQ, S.PAND, S.PANDN, S.POR, S.PXOR,
  S.PCMPEQB, S.PCMPEQW, S.PCMPEQD, V.PCMPEQQ, S.PCMPGTB, S.PCMPGTW, S.PCMPGTD, V.PCMPGTQ, S.PMULLW, S.PMULLD,
  V.PMULHW, V.PMULHUW, V.PMULUDQ, V.PMADDWD, V.PADDSB, V.PADDSW, V.PADDUSB, V.PADDUSW, V.PSUBSB, V.PSUBSW, V.PSUBUSB, V.PSUBUSW,
  V.PAVGB, V.PAVGW, V.PMINUB, V.PMAXUB, V.PMINSW, V.PMAXSW, V.PMINSB, V.PMINSD, V.PMINUW, V.PMINUD, V.PMAXSB, V.PMAXSD, V.PMAXUW, V.PMAXUD,
  S.PSHUFB, S.PUNPCKLBW, S.PUNPCKLWD, S.PUNPCKLDQ, S.PUNPCKLQDQ, V.PUNPCKHBW, V.PUNPCKHWD, V.PUNPCKHDQ, V.PUNPCKHQDQ,
  V.PACKSSWB, V.PACKSSDW, V.PACKUSWB, V.PACKUSDW, V.PSADBW, V.PHADDW, V.PHADDD, V.PMULHRSW,
  A.VPERMD, A.VPERMPS, A.VPSLLVD, A.VPSLLVQ, A.VPSRLVD, A.VPSRLVQ, A.VPSRAVD];
const Y2 = [S.MOVAPS, S.MOVUPS, S.MOVAPD, S.MOVUPD, S.MOVDQA, S.MOVDQU, V.SQRTPS, V.SQRTPD, V.CVTDQ2PS, V.CVTTPS2DQ,
  V.PABSB, V.PABSW, V.PABSD, V.PTEST];
for (const f of Y3) {
  for (const [d, a, b] of REG_TRIPLES) {
    const pre = ORDERED.has(f) && b >= 8 && a < 8 ? '{vex3} ' : '';
    add(`${pre}v${f.name.replace(/^v/, '')} ${Y[d]}, ${Y[a]}, ${Y[b]}`, (x) => E.vRRR(x, f, 1, d, a, b));
  }
  MEMS.forEach((m, k) => {
    const d = REGS[k % REGS.length]!, a = REGS[(k + 3) % REGS.length]!;
    add(`v${f.name.replace(/^v/, '')} ${Y[d]}, ${Y[a]}, ${memText(m, 'ymmword')}`, (x) => E.vRRM(x, f, 1, d, a, m[0], m[1], m[2], m[3]));
  });
}
for (const f of Y2) {
  for (const [d, s] of REG_PAIRS) add(`v${f.name} ${Y[d]}, ${Y[s]}`, (x) => E.vRRR(x, f, 1, d, -1, s));
  MEMS.forEach((m, k) => {
    const d = REGS[k % REGS.length]!;
    add(`v${f.name} ${Y[d]}, ${memText(m, 'ymmword')}`, (x) => E.vRRM(x, f, 1, d, -1, m[0], m[1], m[2], m[3]));
    if (f.mr >= 0) add(`v${f.name} ${memText(m, 'ymmword')}, ${Y[d]}`, (x) => E.vMR(x, f, 1, m[0], m[1], m[2], m[3], d));
  });
}
// with an immediate: [form, imm, vvvv used]
const YI: [E.Form, number, boolean][] = [[V.SHUFPS, 0x1b, true], [V.SHUFPD, 5, true], [S.CMPPS, 0, true], [S.CMPPS, 1, true], [S.CMPPD, 3, true],
  [S.CMPPD, 6, true], [A.VPERM2I128, 0x31, true], [A.VPERM2F128, 0x20, true], [A.VPBLENDD, 0xa5, true],
  [S.PSHUFD, 0x4e, false], [S.PSHUFLW, 0x1b, false], [S.PSHUFHW, 0xb1, false], [V.ROUNDPS, 9, false], [V.ROUNDPD, 10, false],
  [A.VPERMQ, 0xd8, false], [A.VPERMPD, 0x4e, false]];
for (const [f, imm, nds] of YI) {
  const nm = 'v' + f.name.replace(/^v/, '');
  for (const [d, a, b] of REG_TRIPLES) {
    add(nds ? `${nm} ${Y[d]}, ${Y[a]}, ${Y[b]}, ${imm}` : `${nm} ${Y[d]}, ${Y[b]}, ${imm}`, (x) => E.vRRRI(x, f, 1, d, nds ? a : -1, b, imm));
  }
  MEMS.forEach((m, k) => {
    const d = REGS[k % REGS.length]!, a = REGS[(k + 5) % REGS.length]!;
    const mt = memText(m, 'ymmword');
    add(nds ? `${nm} ${Y[d]}, ${Y[a]}, ${mt}, ${imm}` : `${nm} ${Y[d]}, ${mt}, ${imm}`, (x) => E.vRRMI(x, f, 1, d, nds ? a : -1, m[0], m[1], m[2], m[3], imm));
  });
}
for (const f of SHIFTS_I) {
  if (f === S.PSRLDQ || f === S.PSLLDQ || true) for (const [d, s] of REG_PAIRS) add(`v${f.name} ${Y[d]}, ${Y[s]}, ${d + 2}`, (x) => E.vRI(x, f, 1, d, s, d + 2));
}
for (const f of [V.PSLLW_X, V.PSLLD_X, V.PSLLQ_X, V.PSRLW_X, V.PSRLD_X, V.PSRLQ_X, V.PSRAW_X, V.PSRAD_X]) {
  for (const [d, a, b] of REG_TRIPLES) add(`v${f.name} ${Y[d]}, ${Y[a]}, ${X[b]}`, (x) => E.vRRR(x, f, 1, d, a, b));
  MEMS.forEach((m, k) => add(`v${f.name} ${Y[k % 16]}, ${Y[(k * 7) % 16]}, ${memText(m, 'xmmword')}`, (x) => E.vRRM(x, f, 1, k % 16, (k * 7) % 16, m[0], m[1], m[2], m[3])));
}
// widening (ymm <- xmm/m128) and narrowing (xmm <- ymm/m256)
for (const [f, wide] of [[V.PMOVSXBW, true], [V.PMOVSXWD, true], [V.PMOVSXDQ, true], [V.PMOVZXBW, true], [V.PMOVZXWD, true],
  [V.PMOVZXDQ, true], [V.CVTPS2PD, true], [V.CVTDQ2PD, true], [V.CVTPD2PS, false], [V.CVTTPD2DQ, false]] as [E.Form, boolean][]) {
  for (const [d, s] of REG_PAIRS) add(`v${f.name} ${wide ? Y[d] : X[d]}, ${wide ? X[s] : Y[s]}`, (x) => E.vRRR(x, f, 1, d, -1, s));
  MEMS.forEach((m, k) => {
    const d = REGS[k % REGS.length]!;
    add(`v${f.name} ${wide ? Y[d] : X[d]}, ${memText(m, wide ? 'xmmword' : 'ymmword')}`, (x) => E.vRRM(x, f, 1, d, -1, m[0], m[1], m[2], m[3]));
  });
}
for (const f of [S.PMOVMSKB, S.MOVMSKPS, S.MOVMSKPD]) for (const [d, s] of REG_PAIRS) add(`v${f.name} ${gprName(d, 32)}, ${Y[s]}`, (x) => E.vRRR(x, f, 1, d, -1, s));

// ---- AVX/AVX2/FMA-only forms ----

for (const [f, elem, ymmOnly, memOnly] of [[A.VBROADCASTSS, 32, false, false], [A.VBROADCASTSD, 64, true, false], [A.VPBROADCASTB, 8, false, false],
  [A.VPBROADCASTW, 16, false, false], [A.VPBROADCASTD, 32, false, false], [A.VPBROADCASTQ, 64, false, false], [A.VBROADCASTI128, 128, true, true]] as [E.Form, number, boolean, boolean][]) {
  for (const L of ymmOnly ? [1] : [0, 1]) {
    const D = L ? Y : X;
    if (!memOnly) for (const [d, s] of REG_PAIRS) add(`${f.name} ${D[d]}, ${X[s]}`, (x) => E.vRRR(x, f, L, d, -1, s));
    MEMS.forEach((m, k) => add(`${f.name} ${D[k % 16]}, ${memText(m, PTR[elem]!)}`, (x) => E.vRRM(x, f, L, k % 16, -1, m[0], m[1], m[2], m[3])));
  }
}
for (const f of [A.VEXTRACTI128, A.VEXTRACTF128]) {
  REG_PAIRS.forEach(([d, s], k) => add(`${f.name} ${X[d]}, ${Y[s]}, ${k & 1}`, (x) => E.vRRRI(x, f, 1, d, -1, s, k & 1)));
  MEMS.forEach((m, k) => add(`${f.name} ${memText(m, 'xmmword')}, ${Y[k % 16]}, ${k & 1}`, (x) => E.vMRI(x, f, 1, m[0], m[1], m[2], m[3], k % 16, k & 1)));
}
for (const f of [A.VINSERTI128, A.VINSERTF128]) {
  REG_TRIPLES.forEach(([d, a, b], k) => add(`${f.name} ${Y[d]}, ${Y[a]}, ${X[b]}, ${k & 1}`, (x) => E.vRRRI(x, f, 1, d, a, b, k & 1)));
  MEMS.forEach((m, k) => add(`${f.name} ${Y[k % 16]}, ${Y[(k + 9) % 16]}, ${memText(m, 'xmmword')}, ${k & 1}`, (x) => E.vRRMI(x, f, 1, k % 16, (k + 9) % 16, m[0], m[1], m[2], m[3], k & 1)));
}
for (const f of [A.VPBLENDVB, A.VBLENDVPS, A.VBLENDVPD]) {
  for (const L of [0, 1]) {
    const R = L ? Y : X;
    REG_TRIPLES.forEach(([d, a, b], k) => {
      const c = (d + a + b + k) & 15;
      add(`${f.name} ${R[d]}, ${R[a]}, ${R[b]}, ${R[c]}`, (x) => E.vRRRI(x, f, L, d, a, b, c << 4));
    });
    MEMS.forEach((m, k) => add(`${f.name} ${R[k % 16]}, ${R[(k + 4) % 16]}, ${memText(m, L ? 'ymmword' : 'xmmword')}, ${R[(k * 3) % 16]}`,
      (x) => E.vRRMI(x, f, L, k % 16, (k + 4) % 16, m[0], m[1], m[2], m[3], ((k * 3) % 16) << 4)));
  }
}
for (const byOrder of A.FMA) for (const byType of byOrder) byType.forEach((f, t) => {
  for (const L of t < 2 ? [0, 1] : [0]) {
    const R = L ? Y : X;
    for (const [d, a, b] of REG_TRIPLES) add(`${f.name} ${R[d]}, ${R[a]}, ${R[b]}`, (x) => E.vRRR(x, f, L, d, a, b));
    const ptr = t === 2 ? 'dword' : t === 3 ? 'qword' : L ? 'ymmword' : 'xmmword';
    MEMS.forEach((m, k) => add(`${f.name} ${R[k % 16]}, ${R[(k + 6) % 16]}, ${memText(m, ptr)}`, (x) => E.vRRM(x, f, L, k % 16, (k + 6) % 16, m[0], m[1], m[2], m[3])));
  }
});
add('vzeroupper', (x) => E.vzeroupper(x));

test('every VEX form matches llvm-mc', { skip: !haveMC && `${MC} not installed` }, () => {
  const failures = compareWithMC(inst);
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${inst.length} instances differ`);
});

test('VEX-only forms are refused outside VEX mode, and legacy forms stay legacy', () => {
  const b = new ByteBuffer();
  assert.throws(() => E.opRR(b, A.VPERMD, 0, 0, 1), /only a VEX encoding/);
  E.opRR(b, S.PADDD, 0, 0, 1);
  assert.deepEqual(Array.from(b.view8()), [0x66, 0x0f, 0xfe, 0xc1]);
  assert.equal(E.inVexMode(), false);
});
