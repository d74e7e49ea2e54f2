// The x86-64 encoder against LLVM's assembler: every form with a spread of
// registers, addressing modes, sizes and immediates is written as Intel-syntax
// text, assembled by llvm-mc in one run, and compared byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteBuffer } from '../../src/support/bytes.js';
import * as E from '../../src/x64/encode.js';
import * as S from '../../src/x64/encode-sse.js';
import * as V from '../../src/x64/encode-vec.js';
import { gprName, NO_REG, RIP, XMM_NAMES, CC_NAMES } from '../../src/x64/regs.js';
import { compareWithMC, haveMC, instance, MC, memText, PTR, REG_PAIRS, REGS, type Instance } from './mc-oracle.js';

const inst: Instance[] = [];
function add(asm: string, enc: (b: ByteBuffer) => number | void, equivalent = false): void {
  inst.push(instance(asm, enc, equivalent));
}

// ---- operand spreads (register pairs, registers and the pointer names from mc-oracle.ts) ----

// base, index, scale, disp
const MEMS: [number, number, number, number][] = [
  [0, NO_REG, 1, 0],
  [1, NO_REG, 1, 8],
  [4, NO_REG, 1, 0],
  [4, NO_REG, 1, 8],
  [5, NO_REG, 1, 0],
  [5, NO_REG, 1, -8],
  [12, NO_REG, 1, 0],
  [13, NO_REG, 1, 0],
  [13, NO_REG, 1, 0x1000],
  [15, 0, 8, 0x7f],
  [3, 12, 2, -0x80],
  [2, 9, 4, -0x81],
  [6, 5, 1, 0x12345678],
  [11, 14, 8, 0],
  [4, 13, 1, 0],
  [NO_REG, 1, 4, 16],
  [NO_REG, NO_REG, 1, 0x1000],
  [RIP, NO_REG, 1, 0x100],
  [RIP, NO_REG, 1, 0], // written as a symbol: LLVM reports a fix-up
];

const IMMS = [0, 1, -1, 5, 127, 128, -128, -129, 255, 256, 0x7fff, -0x8000, 0xffff, 0x12345, 0x7fffffff, -0x80000000, 0xffffffff];
function immsFor(size: number): number[] {
  return IMMS.filter((v) =>
    size === 8 ? v >= -128 && v <= 255 : size === 16 ? v >= -0x8000 && v <= 0xffff : size === 32 ? true : v === (v | 0));
}
const r = gprName;

// ---- integer forms ----

const ALU = [E.ADD, E.OR, E.ADC, E.SBB, E.AND, E.SUB, E.XOR, E.CMP];
for (const f of [...ALU, E.MOV, E.TEST, E.XCHG, E.XADD, E.CMPXCHG]) {
  for (const size of [8, 16, 32, 64]) {
    for (const [a, b] of REG_PAIRS) add(`${f.name} ${r(a, size)}, ${r(b, size)}`, (x) => E.opRR(x, f, size, a, b));
    MEMS.forEach((m, k) => {
      const reg = REGS[k % REGS.length]!;
      add(`${f.name} ${memText(m, PTR[size]!)}, ${r(reg, size)}`, (x) => E.opMR(x, f, size, m[0], m[1], m[2], m[3], reg));
      if (f.rm >= 0 || f === E.TEST || f === E.XCHG) {
        add(`${f.name} ${r(reg, size)}, ${memText(m, PTR[size]!)}`, (x) => E.opRM(x, f, size, reg, m[0], m[1], m[2], m[3]));
      }
    });
    if (f.mi >= 0) {
      for (const v of immsFor(size)) {
        for (const reg of [0, 1, 4, 8, 15]) add(`${f.name} ${r(reg, size)}, ${v}`, (x) => E.opRI(x, f, size, reg, v));
        const m = MEMS[(v >>> 0) % MEMS.length]!;
        add(`${f.name} ${memText(m, PTR[size]!)}, ${v}`, (x) => E.opMI(x, f, size, m[0], m[1], m[2], m[3], v));
      }
      add(`${f.name} ${memText(MEMS[18]!, PTR[size]!)}, 5`, (x) => E.opMI(x, f, size, RIP, NO_REG, 1, 0, 5));
    }
  }
}

// Locked read-modify-write; with a 16-bit operand LLVM writes 66 before F0, cgts F0 before 66.
for (const f of [E.ADD, E.SUB, E.AND, E.OR, E.XOR, E.XADD, E.CMPXCHG]) {
  for (const size of [8, 16, 32, 64]) {
    add(`lock ${f.name} ${memText(MEMS[9]!, PTR[size]!)}, ${r(9, size)}`, (x) => {
      E.lock(x);
      return E.opMR(x, f, size, 15, 0, 8, 0x7f, 9);
    }, size === 16);
  }
}
add('lock cmpxchg16b xmmword ptr [r13 + 16]', (x) => { E.lock(x); return E.cmpxchg16b(x, 13, NO_REG, 1, 16); });
MEMS.forEach((m) => add(`cmpxchg16b ${memText(m, 'xmmword')}`, (x) => E.cmpxchg16b(x, m[0], m[1], m[2], m[3])));

// Register-from-r/m forms, with the source size where it differs from the destination.
const RM_FORMS: [E.Form, number[], number][] = [
  [E.LEA, [16, 32, 64], 0],
  [E.MOVZX8, [16, 32, 64], 8],
  [E.MOVZX16, [32, 64], 16],
  [E.MOVSX8, [16, 32, 64], 8],
  [E.MOVSX16, [32, 64], 16],
  [E.MOVSXD, [64], 32],
  [E.IMUL, [16, 32, 64], 0],
  [E.BSF, [16, 32, 64], 0],
  [E.BSR, [16, 32, 64], 0],
  [E.TZCNT, [16, 32, 64], 0],
  [E.LZCNT, [16, 32, 64], 0],
  [E.POPCNT, [16, 32, 64], 0],
];
for (const [f, sizes, src] of RM_FORMS) {
  for (const size of sizes) {
    const ss = src === 0 ? size : src;
    if (f !== E.LEA) for (const [a, b] of REG_PAIRS) add(`${f.name} ${r(a, size)}, ${r(b, ss)}`, (x) => E.opRR(x, f, size, a, b));
    MEMS.forEach((m, k) => {
      const reg = REGS[k % REGS.length]!;
      add(`${f.name} ${r(reg, size)}, ${memText(m, f === E.LEA ? '' : PTR[ss]!)}`, (x) => E.opRM(x, f, size, reg, m[0], m[1], m[2], m[3]));
    });
  }
}

// imul r, r/m, imm
for (const size of [16, 32, 64]) {
  for (const v of immsFor(size)) {
    if (size === 16 && v > 0x7fff) continue;
    const [a, b] = REG_PAIRS[(v >>> 0) % REG_PAIRS.length]!;
    add(`imul ${r(a, size)}, ${r(b, size)}, ${v}`, (x) => E.opRRI(x, E.IMUL, size, a, b, v));
    const m = MEMS[(v >>> 0) % MEMS.length]!;
    add(`imul ${r(a, size)}, ${memText(m, PTR[size]!)}, ${v}`, (x) => E.opRMI(x, E.IMUL, size, a, m[0], m[1], m[2], m[3], v));
  }
  add(`imul ${r(3, size)}, ${memText(MEMS[18]!, PTR[size]!)}, 1000`, (x) => E.opRMI(x, E.IMUL, size, 3, RIP, NO_REG, 1, 0, 1000));
}

// Shifts and rotates: by cl, by 1, by imm8.
for (const f of [E.ROL, E.ROR, E.SHL, E.SHR, E.SAR]) {
  for (const size of [8, 16, 32, 64]) {
    for (const reg of REGS) {
      add(`${f.name} ${r(reg, size)}, cl`, (x) => E.opR(x, f, size, reg));
      for (const v of [1, 3, 7]) add(`${f.name} ${r(reg, size)}, ${v}`, (x) => E.opRI(x, f, size, reg, v));
    }
    MEMS.forEach((m, k) => {
      add(`${f.name} ${memText(m, PTR[size]!)}, cl`, (x) => E.opM(x, f, size, m[0], m[1], m[2], m[3]));
      const v = k % 2 === 0 ? 1 : 6;
      add(`${f.name} ${memText(m, PTR[size]!)}, ${v}`, (x) => E.opMI(x, f, size, m[0], m[1], m[2], m[3], v));
    });
  }
}
for (const f of [E.SHLD, E.SHRD]) {
  for (const size of [16, 32, 64]) {
    for (const [a, b] of REG_PAIRS) {
      add(`${f.name} ${r(a, size)}, ${r(b, size)}, cl`, (x) => E.opRR(x, f, size, a, b));
      add(`${f.name} ${r(a, size)}, ${r(b, size)}, 9`, (x) => E.opRRI(x, f, size, a, b, 9));
    }
    MEMS.forEach((m, k) => {
      const reg = REGS[k % REGS.length]!;
      add(`${f.name} ${memText(m, PTR[size]!)}, ${r(reg, size)}, cl`, (x) => E.opMR(x, f, size, m[0], m[1], m[2], m[3], reg));
      add(`${f.name} ${memText(m, PTR[size]!)}, ${r(reg, size)}, 3`, (x) => E.opMRI(x, f, size, m[0], m[1], m[2], m[3], reg, 3));
    });
  }
}

// Unary forms.
for (const f of [E.INC, E.DEC, E.NOT, E.NEG, E.MUL1, E.IMUL1, E.DIV, E.IDIV]) {
  for (const size of [8, 16, 32, 64]) {
    for (const reg of REGS) add(`${f.name} ${r(reg, size)}`, (x) => E.opR(x, f, size, reg));
    MEMS.forEach((m) => add(`${f.name} ${memText(m, PTR[size]!)}`, (x) => E.opM(x, f, size, m[0], m[1], m[2], m[3])));
  }
}
for (const f of [E.CALL_IND, E.JMP_IND, E.PUSH_M, E.POP_M]) {
  for (const reg of REGS) if (f === E.CALL_IND || f === E.JMP_IND) add(`${f.name} ${r(reg, 64)}`, (x) => E.opR(x, f, 64, reg));
  MEMS.forEach((m) => add(`${f.name} ${memText(m, 'qword')}`, (x) => E.opM(x, f, 64, m[0], m[1], m[2], m[3])));
}

// bt
for (const size of [16, 32, 64]) {
  for (const [a, b] of REG_PAIRS) add(`bt ${r(a, size)}, ${r(b, size)}`, (x) => E.opRR(x, E.BT, size, a, b));
  for (const reg of REGS) add(`bt ${r(reg, size)}, 13`, (x) => E.opRI(x, E.BT, size, reg, 13));
  MEMS.forEach((m, k) => {
    const reg = REGS[k % REGS.length]!;
    add(`bt ${memText(m, PTR[size]!)}, ${r(reg, size)}`, (x) => E.opMR(x, E.BT, size, m[0], m[1], m[2], m[3], reg));
    add(`bt ${memText(m, PTR[size]!)}, 7`, (x) => E.opMI(x, E.BT, size, m[0], m[1], m[2], m[3], 7));
  });
}

// mov r, imm in every size, including the zero-extending and movabs choices for 64 bits.
for (const size of [8, 16, 32]) {
  for (const v of immsFor(size)) for (const reg of [0, 4, 7, 9, 15]) add(`mov ${r(reg, size)}, ${v}`, (x) => E.movRI(x, size, reg, v));
}
for (const reg of [0, 5, 12, 15]) {
  for (const v of immsFor(64)) add(`mov ${r(reg, 64)}, ${v}`, (x) => E.movRI(x, 64, reg, v));
  add(`mov ${r(reg, 32)}, 4294967295`, (x) => E.movRI(x, 64, reg, 0xffffffff));
  add(`mov ${r(reg, 32)}, 2147483648`, (x) => E.movRI(x, 64, reg, 0x80000000));
  add(`movabs ${r(reg, 64)}, 4294967296`, (x) => E.movRI(x, 64, reg, 0x100000000));
  add(`movabs ${r(reg, 64)}, -4294967297`, (x) => E.movRI(x, 64, reg, -0x100000001));
  add(`movabs ${r(reg, 64)}, 5`, (x) => E.movabs(x, reg, 5, 0));
  add(`movabs ${r(reg, 64)}, 0x123456789abcdef0`, (x) => E.movRI64(x, reg, 0x9abcdef0, 0x12345678));
  add(`movabs ${r(reg, 64)}, -0x123456789abcdef0`, (x) => E.movRI64(x, reg, 0x65432110, -0x12345679));
  add(`mov ${r(reg, 64)}, -2`, (x) => E.movRI64(x, reg, -2, -1));
  add(`mov ${r(reg, 32)}, 0xfffffffe`, (x) => E.movRI64(x, reg, -2, 0));
}

// Opcode-register forms, condition-code forms, fixed sequences.
for (const reg of [0, 3, 4, 5, 8, 12, 15]) {
  add(`push ${r(reg, 64)}`, (x) => E.push(x, reg));
  add(`pop ${r(reg, 64)}`, (x) => E.pop(x, reg));
  add(`bswap ${r(reg, 32)}`, (x) => E.bswap(x, 32, reg));
  add(`bswap ${r(reg, 64)}`, (x) => E.bswap(x, 64, reg));
}
for (const v of [0, 1, -1, 127, 128, -128, -129, 0x12345678]) add(`push ${v}`, (x) => E.pushImm(x, v));
for (let cc = 0; cc < 16; cc++) {
  const reg = REGS[cc % REGS.length]!;
  const [a, b] = REG_PAIRS[cc % REG_PAIRS.length]!;
  const m = MEMS[cc % MEMS.length]!;
  add(`set${CC_NAMES[cc]} ${r(reg, 8)}`, (x) => E.setcc(x, cc, reg));
  add(`set${CC_NAMES[cc]} ${memText(m, 'byte')}`, (x) => E.setccM(x, cc, m[0], m[1], m[2], m[3]));
  for (const size of [16, 32, 64]) {
    add(`cmov${CC_NAMES[cc]} ${r(a, size)}, ${r(b, size)}`, (x) => E.cmov(x, cc, size, a, b));
    add(`cmov${CC_NAMES[cc]} ${r(b, size)}, ${memText(m, PTR[size]!)}`, (x) => E.cmovM(x, cc, size, b, m[0], m[1], m[2], m[3]));
  }
  add(`j${CC_NAMES[cc]} sym`, (x) => E.jccShort(x, cc));
  add(`{disp32} j${CC_NAMES[cc]} sym`, (x) => E.jcc(x, cc));
}
add('jmp sym', (x) => E.jmpShort(x));
add('{disp32} jmp sym', (x) => E.jmp(x));
add('call sym', (x) => E.call(x));
add('ret', (x) => E.ret(x));
add('ud2', (x) => E.ud2(x));
add('int3', (x) => E.int3(x));
add('pause', (x) => E.pause(x));
add('mfence', (x) => E.mfence(x));
add('lfence', (x) => E.lfence(x));
add('sfence', (x) => E.sfence(x));
add('rdtsc', (x) => E.rdtsc(x));
add('rdtscp', (x) => E.rdtscp(x));
add('xgetbv', (x) => E.xgetbv(x));
for (const f of [E.RDRAND, E.RDSEED]) {
  for (const size of [16, 32, 64]) for (const reg of REGS) add(`${f.name} ${r(reg, size)}`, (x) => E.opR(x, f, size, reg));
}
for (const f of [E.LDMXCSR, E.STMXCSR, E.CLFLUSH]) {
  MEMS.forEach((m) => add(`${f.name} ${memText(m, f === E.CLFLUSH ? 'byte' : 'dword')}`, (x) => E.opM(x, f, 32, m[0], m[1], m[2], m[3])));
}
add('rep movsb', (x) => E.repMovsb(x));
add('rep stosb', (x) => E.repStosb(x));
add('cwd', (x) => E.cqo(x, 16));
add('cdq', (x) => E.cqo(x, 32));
add('cqo', (x) => E.cqo(x, 64));
add('cbw', (x) => E.cdqe(x, 16));
add('cwde', (x) => E.cdqe(x, 32));
add('cdqe', (x) => E.cdqe(x, 64));

// ---- SSE ----

// [form, reg-field class, r/m class, memory operand size]; 'g' is a GPR of the instance's size.
type Cls = 'x' | 'g';
const SSE_FORMS: [E.Form, Cls, Cls, number][] = [
  [S.MOVSS, 'x', 'x', 32], [S.MOVSD, 'x', 'x', 64],
  [S.MOVAPS, 'x', 'x', 128], [S.MOVAPD, 'x', 'x', 128], [S.MOVUPS, 'x', 'x', 128], [S.MOVUPD, 'x', 'x', 128],
  [S.MOVDQA, 'x', 'x', 128], [S.MOVDQU, 'x', 'x', 128], [S.MOVQ, 'x', 'x', 64], [S.MOVQ_STORE, 'x', 'x', 64],
  [S.ADDSS, 'x', 'x', 32], [S.ADDSD, 'x', 'x', 64], [S.SUBSS, 'x', 'x', 32], [S.SUBSD, 'x', 'x', 64],
  [S.MULSS, 'x', 'x', 32], [S.MULSD, 'x', 'x', 64], [S.DIVSS, 'x', 'x', 32], [S.DIVSD, 'x', 'x', 64],
  [S.SQRTSS, 'x', 'x', 32], [S.SQRTSD, 'x', 'x', 64], [S.MINSS, 'x', 'x', 32], [S.MINSD, 'x', 'x', 64],
  [S.MAXSS, 'x', 'x', 32], [S.MAXSD, 'x', 'x', 64],
  [S.UCOMISS, 'x', 'x', 32], [S.UCOMISD, 'x', 'x', 64], [S.COMISS, 'x', 'x', 32], [S.COMISD, 'x', 'x', 64],
  [S.CVTSS2SD, 'x', 'x', 32], [S.CVTSD2SS, 'x', 'x', 64],
  [S.CVTSI2SS, 'x', 'g', 0], [S.CVTSI2SD, 'x', 'g', 0], [S.CVTTSS2SI, 'g', 'x', 32], [S.CVTTSD2SI, 'g', 'x', 64],
  [S.MOVD_TO_XMM, 'x', 'g', 0], [S.MOVD_FROM_XMM, 'x', 'g', 0],
  [S.ANDPS, 'x', 'x', 128], [S.ANDPD, 'x', 'x', 128], [S.ANDNPS, 'x', 'x', 128], [S.ANDNPD, 'x', 'x', 128],
  [S.ORPS, 'x', 'x', 128], [S.ORPD, 'x', 'x', 128], [S.XORPS, 'x', 'x', 128], [S.XORPD, 'x', 'x', 128],
  [S.PXOR, 'x', 'x', 128], [S.PAND, 'x', 'x', 128], [S.PANDN, 'x', 'x', 128], [S.POR, 'x', 'x', 128],
  [S.PCMPEQB, 'x', 'x', 128], [S.PCMPEQW, 'x', 'x', 128], [S.PCMPEQD, 'x', 'x', 128],
  [S.PADDB, 'x', 'x', 128], [S.PADDW, 'x', 'x', 128], [S.PADDD, 'x', 'x', 128], [S.PADDQ, 'x', 'x', 128],
  [S.PSUBB, 'x', 'x', 128], [S.PSUBW, 'x', 'x', 128], [S.PSUBD, 'x', 'x', 128], [S.PSUBQ, 'x', 'x', 128],
  [S.PMOVMSKB, 'g', 'x', 0], [S.MOVMSKPS, 'g', 'x', 0], [S.MOVMSKPD, 'g', 'x', 0],
  [S.PSHUFB, 'x', 'x', 128], [S.PUNPCKLBW, 'x', 'x', 128], [S.PUNPCKLWD, 'x', 'x', 128],
  [S.PUNPCKLDQ, 'x', 'x', 128], [S.PUNPCKLQDQ, 'x', 'x', 128], [S.PMULLW, 'x', 'x', 128], [S.PMULLD, 'x', 'x', 128],
  [S.PCMPGTB, 'x', 'x', 128], [S.PCMPGTW, 'x', 'x', 128], [S.PCMPGTD, 'x', 'x', 128],
];
for (const [f, regCls, rmCls, msz] of SSE_FORMS) {
  const regOnly = f === S.PMOVMSKB || f === S.MOVMSKPS || f === S.MOVMSKPD;
  const gprSizes = regCls === 'g' || rmCls === 'g' ? (regOnly ? [32] : [32, 64]) : [0];
  for (const size of gprSizes) {
    const name = (f === S.MOVD_TO_XMM || f === S.MOVD_FROM_XMM) && size === 64 ? 'movq' : f.name;
    const nm = (cls: Cls, n: number) => (cls === 'x' ? XMM_NAMES[n]! : r(n, size));
    const ptr = PTR[msz === 0 ? size : msz]!;
    const store = f.rm < 0; // only the r/m <- reg direction
    for (const [a, b] of REG_PAIRS) {
      // opRR(a, b): for load forms a is the reg field; for store-only forms a is the r/m field.
      const text = store ? `${name} ${nm(rmCls, a)}, ${nm(regCls, b)}` : `${name} ${nm(regCls, a)}, ${nm(rmCls, b)}`;
      // movq xmm, xmm through the store opcode (66 0F D6) is valid; LLVM picks F3 0F 7E.
      add(text, (x) => E.opRR(x, f, size, a, b), f === S.MOVQ_STORE);
    }
    if (regOnly) continue;
    // LLVM picks the F3 0F 7E / 66 0F D6 encodings for movq between xmm and memory.
    const movqMem = name === 'movq' && (f === S.MOVD_TO_XMM || f === S.MOVD_FROM_XMM);
    MEMS.forEach((m, k) => {
      const reg = REGS[k % REGS.length]! ;
      if (f.rm >= 0) add(`${name} ${nm(regCls, reg)}, ${memText(m, ptr)}`, (x) => E.opRM(x, f, size, reg, m[0], m[1], m[2], m[3]), movqMem);
      if (f.mr >= 0) add(`${name} ${memText(m, ptr)}, ${nm(regCls, reg)}`, (x) => E.opMR(x, f, size, m[0], m[1], m[2], m[3], reg), movqMem);
    });
  }
}
const WITH_IMM8: [E.Form, number, number][] = [
  [S.PSHUFD, 0x1b, 128], [S.PSHUFD, 0xff, 128], [S.ROUNDSS, 4, 32], [S.ROUNDSD, 11, 64], [S.ROUNDSD, 0, 64],
  [S.CMPSS, 1, 32], [S.CMPSD, 3, 64], [S.CMPPS, 4, 128], [S.CMPPD, 7, 128], [S.PSHUFLW, 0xe4, 128], [S.PSHUFHW, 0x1b, 128],
];
for (const [f, v, msz] of WITH_IMM8) {
  for (const [a, b] of REG_PAIRS) add(`${f.name} ${XMM_NAMES[a]}, ${XMM_NAMES[b]}, ${v}`, (x) => E.opRRI(x, f, 0, a, b, v));
  MEMS.forEach((m, k) => {
    const reg = REGS[k % REGS.length]!;
    add(`${f.name} ${XMM_NAMES[reg]}, ${memText(m, PTR[msz]!)}, ${v}`, (x) => E.opRMI(x, f, 0, reg, m[0], m[1], m[2], m[3], v));
  });
}

for (const f of [S.PSRLW, S.PSRAW, S.PSLLW, S.PSRLD, S.PSRAD, S.PSLLD, S.PSRLQ, S.PSRLDQ, S.PSLLQ, S.PSLLDQ]) {
  for (const reg of REGS) add(`${f.name} ${XMM_NAMES[reg]}, ${reg + 1}`, (x) => E.opRI(x, f, 0, reg, reg + 1));
}

// ---- packed vector forms (encode-vec.ts) ----

// [form, memory operand size]: `op xmm, xmm` and `op xmm, mem`
const VEC_FORMS: [E.Form, number][] = [
  [V.ADDPS, 128], [V.ADDPD, 128], [V.SUBPS, 128], [V.SUBPD, 128], [V.MULPS, 128], [V.MULPD, 128],
  [V.DIVPS, 128], [V.DIVPD, 128], [V.SQRTPS, 128], [V.SQRTPD, 128], [V.MINPS, 128], [V.MINPD, 128],
  [V.MAXPS, 128], [V.MAXPD, 128], [V.CVTDQ2PS, 128], [V.CVTTPS2DQ, 128], [V.CVTPS2PD, 64], [V.CVTPD2PS, 128],
  [V.CVTDQ2PD, 64], [V.CVTTPD2DQ, 128], [V.UNPCKLPS, 128], [V.UNPCKHPS, 128], [V.UNPCKLPD, 128], [V.UNPCKHPD, 128],
  [V.PUNPCKHBW, 128], [V.PUNPCKHWD, 128], [V.PUNPCKHDQ, 128], [V.PUNPCKHQDQ, 128],
  [V.PACKSSWB, 128], [V.PACKSSDW, 128], [V.PACKUSWB, 128], [V.PACKUSDW, 128],
  [V.PADDSB, 128], [V.PADDSW, 128], [V.PADDUSB, 128], [V.PADDUSW, 128], [V.PSUBSB, 128], [V.PSUBSW, 128],
  [V.PSUBUSB, 128], [V.PSUBUSW, 128], [V.PAVGB, 128], [V.PAVGW, 128], [V.PMINUB, 128], [V.PMAXUB, 128],
  [V.PMINSW, 128], [V.PMAXSW, 128], [V.PMULHW, 128], [V.PMULHUW, 128], [V.PMULUDQ, 128], [V.PMADDWD, 128],
  [V.PSADBW, 128], [V.PSLLW_X, 128], [V.PSLLD_X, 128], [V.PSLLQ_X, 128], [V.PSRLW_X, 128], [V.PSRLD_X, 128],
  [V.PSRLQ_X, 128], [V.PSRAW_X, 128], [V.PSRAD_X, 128],
  [V.PABSB, 128], [V.PABSW, 128], [V.PABSD, 128], [V.PHADDW, 128], [V.PHADDD, 128], [V.PMULHRSW, 128],
  [V.PMINSB, 128], [V.PMINSD, 128], [V.PMINUW, 128], [V.PMINUD, 128], [V.PMAXSB, 128], [V.PMAXSD, 128],
  [V.PMAXUW, 128], [V.PMAXUD, 128], [V.PCMPEQQ, 128], [V.PCMPGTQ, 128], [V.PTEST, 128],
  [V.PMOVSXBW, 64], [V.PMOVSXWD, 64], [V.PMOVSXDQ, 64], [V.PMOVZXBW, 64], [V.PMOVZXWD, 64], [V.PMOVZXDQ, 64],
];
for (const [f, msz] of VEC_FORMS) {
  for (const [a, b] of REG_PAIRS) add(`${f.name} ${XMM_NAMES[a]}, ${XMM_NAMES[b]}`, (x) => E.opRR(x, f, 0, a, b));
  MEMS.forEach((m, k) => {
    const reg = REGS[k % REGS.length]!;
    add(`${f.name} ${XMM_NAMES[reg]}, ${memText(m, PTR[msz]!)}`, (x) => E.opRM(x, f, 0, reg, m[0], m[1], m[2], m[3]));
  });
}
for (const [a, b] of REG_PAIRS) add(`movlhps ${XMM_NAMES[a]}, ${XMM_NAMES[b]}`, (x) => E.opRR(x, V.MOVLHPS, 0, a, b));
const VEC_IMM8: [E.Form, number, number][] = [
  [V.SHUFPS, 0x88, 128], [V.SHUFPS, 0xdd, 128], [V.SHUFPD, 1, 128], [V.ROUNDPS, 9, 128], [V.ROUNDPD, 11, 128],
  [V.INSERTPS, 0x30, 32],
];
for (const [f, v, msz] of VEC_IMM8) {
  for (const [a, b] of REG_PAIRS) add(`${f.name} ${XMM_NAMES[a]}, ${XMM_NAMES[b]}, ${v}`, (x) => E.opRRI(x, f, 0, a, b, v));
  MEMS.forEach((m, k) => {
    const reg = REGS[k % REGS.length]!;
    add(`${f.name} ${XMM_NAMES[reg]}, ${memText(m, PTR[msz]!)}, ${v}`, (x) => E.opRMI(x, f, 0, reg, m[0], m[1], m[2], m[3], v));
  });
}
// lane moves between XMM and GPR: [form, mnemonic by GPR size, lanes]
const LANE_MOVES: [E.Form, Record<number, string>, number, boolean][] = [
  [V.PEXTRW, { 32: 'pextrw' }, 8, true], [V.PEXTRB, { 32: 'pextrb' }, 16, true], [V.PEXTRD, { 32: 'pextrd', 64: 'pextrq' }, 4, true],
  [V.PINSRW, { 32: 'pinsrw' }, 8, false], [V.PINSRB, { 32: 'pinsrb' }, 16, false], [V.PINSRD, { 32: 'pinsrd', 64: 'pinsrq' }, 4, false],
];
for (const [f, names, lanes, extract] of LANE_MOVES) {
  for (const size of [32, 64]) {
    const name = names[size];
    if (!name) continue;
    const n = size === 64 ? 2 : lanes;
    REG_PAIRS.forEach(([a, b], k) => {
      const lane = k % n;
      // extract: opRRI(gpr, xmm); insert: opRRI(xmm, gpr)
      const text = extract ? `${name} ${r(a, size)}, ${XMM_NAMES[b]}, ${lane}` : `${name} ${XMM_NAMES[a]}, ${r(b, size)}, ${lane}`;
      add(text, (x) => E.opRRI(x, f, size, a, b, lane));
    });
    const msz = name.endsWith('b') ? 8 : name.endsWith('w') ? 16 : size;
    MEMS.forEach((m, k) => {
      const reg = REGS[k % REGS.length]!;
      const lane = k % n;
      if (!extract) add(`${name} ${XMM_NAMES[reg]}, ${memText(m, PTR[msz]!)}, ${lane}`, (x) => E.opRMI(x, f, size, reg, m[0], m[1], m[2], m[3], lane));
      else if (f !== V.PEXTRW) add(`${name} ${memText(m, PTR[msz]!)}, ${XMM_NAMES[reg]}, ${lane}`, (x) => E.opMRI(x, f, size, m[0], m[1], m[2], m[3], reg, lane));
    });
  }
}

test('every encoding form matches llvm-mc', { skip: !haveMC && `${MC} not installed` }, () => {
  const failures = compareWithMC(inst);
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${inst.length} instances differ`);
});
