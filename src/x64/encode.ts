// x86-64 machine-code encoder: a table of encoding forms and the functions that
// write one instruction each into a ByteBuffer. Needs register numbers from
// regs.ts; produces bytes plus the offsets of rel32/disp32 fields to fix up.
//
// API (Intel operand order: destination first):
//   A form (`ADD`, `MOV`, `SHL`, `MOVSD`, ...) is a record in the forms table; it
//   lists the opcode for each operand shape the instruction has. The generic
//   writers pick the opcode for the shape and operand size:
//     opRR(buf, f, size, a, b)                     op a, b
//     opRM(buf, f, size, reg, base, index, scale, disp)   op reg, [mem]
//     opMR(buf, f, size, base, index, scale, disp, reg)   op [mem], reg
//     opRI(buf, f, size, r, imm)                   op r, imm
//     opMI(buf, f, size, base, index, scale, disp, imm)   op [mem], imm
//     opR(buf, f, size, r) / opM(buf, f, size, base, index, scale, disp)   op r/m
//     opRRI / opRMI / opMRI                        three-operand forms with an immediate
//   `size` is the operand size in bits (8, 16, 32, 64). For SSE forms it only
//   matters where a GPR is involved (cvtsi2sd, cvttsd2si, movd/movq: 64 = REX.W);
//   otherwise pass 0. For movzx/movsx forms it is the destination size.
//   Shifts: opR/opM shift by cl, opRI/opMI by an immediate (1 uses the short form).
//   shld/shrd: opRR/opMR shift by cl, opRRI/opMRI by an immediate.
//   Memory operand: base (a GPR, RIP, or NO_REG), index (a GPR other than rsp,
//   or NO_REG), scale 1/2/4/8, disp a signed 32-bit number. disp8 or disp32 and
//   SIB bytes are chosen here.
//   Every memory writer returns the buffer offset of the disp32 field when base
//   is RIP (the caller records a relocation or fix-up there), else -1. The
//   instruction ends at buf.length when the writer returns, so the PC-relative
//   addend for that field is `field - buf.length` (-4 minus trailing immediate bytes).
//   Branches (jcc, jmp, call) write a zero placeholder and return the offset of
//   their rel8/rel32 field; patchRel8/patchRel32 point such a field at a target.
//   Immediates are JS numbers: 64-bit operations take sign-extended imm32
//   (unsigned 32-bit values are accepted for 32-bit operations); full 64-bit
//   constants go through movRI64 (two 32-bit halves), with no bigint.
//   `lock(buf)` writes the LOCK prefix for the instruction that follows.
//   Also: movRI/movRI64/movabs, push/pop/pushImm, bswap, setcc/setccM,
//   cmov/cmovM (condition codes from regs.ts), jcc/jccShort/jmp/jmpShort/call,
//   jccTo/jmpTo for known (backward) targets, cmpxchg16b, nop(n) padding, and
//   the fixed sequences (ret, ud2, int3, fences, pause, rep movsb/stosb, cqo, cdqe).
//   SSE forms live in encode-sse.ts and use the same writers. An operand the
//   hardware cannot encode (rsp as index, register lea, immediate out of range)
//   is an internal error: isel must not ask for it.
// Nothing here allocates per instruction.

import { ByteBuffer } from '../support/bytes.js';
import { assert } from '../support/diag.js';
import { RAX, RIP, RSP } from './regs.js';

// Form flags.
/** An 8-bit variant exists with the opcode's low bit cleared (the x86 "w" bit). */
export const F_BYTE = 1;
/** 64-bit operand size is the default (push, pop, call, jmp): no REX.W. */
export const F_DEF64 = 2;
/** SSE form: no 66 operand-size prefix; REX.W only with F_W and size 64. */
export const F_SSE = 4;
/** With F_SSE: size 64 sets REX.W (the GPR operand is 64-bit). */
export const F_W = 8;
/** The r/m operand is a byte register (movzx/movsx from 8 bits). */
export const F_SRC8 = 16;
/** The two register operands commute, so `op reg, [mem]` may use the mr opcode. */
export const F_COMMUTE = 32;
/** The r/m operand must be memory (lea). */
export const F_MEM_ONLY = 64;
/** The r/m operand must be a register (pmovmskb). */
export const F_REG_ONLY = 128;
// VEX operand shapes (with F_SSE). Without one of the first two the form is
// `op dst, src1, src2` with VEX.vvvv = src1, which the legacy writers set to
// the destination, so a legacy two-address form keeps its meaning.
/** VEX.vvvv unused (1111): moves, one-operand forms, conversions, extracts. */
export const F_V2 = 256;
/** VEX.vvvv is the destination and ModRM.rm the source: shifts by an immediate. */
export const F_VNDD = 512;
/** VEX.W1 whatever the operand size (vpermq, the pd/sd FMA forms ...). */
export const F_VW1 = 1024;
/** The two sources commute exactly: with an extended second source they are swapped for the 2-byte VEX prefix, as LLVM's assembler does. */
export const F_VCOMM = 2048;
/** Packed compares whose predicate (imm8 & 3 = 0 or 3) makes the sources commute. */
export const F_VCMP = 4096;
/** movss/movsd: the register form merges (vvvv = destination), the memory forms take no vvvv. */
export const F_VMERGE = 8192;
/** Exists only as a VEX instruction; the legacy writers refuse it outside VEX mode. */
export const F_VEX = 16384;

/** One x86 instruction with all its encodings; opcodes hold their escape bytes (0x0FAF = 0F AF), -1 = absent. */
export class Form {
  constructor(
    /** Mnemonic, as in Intel syntax listings. */
    readonly name: string,
    readonly flags: number,
    /** Mandatory prefix (0x66, 0xF2, 0xF3) or 0; goes before REX. */
    readonly prefix: number,
    /** op r/m, reg */
    readonly mr: number,
    /** op reg, r/m */
    readonly rm: number,
    /** op r/m, imm (16/32-bit immediate; 8-bit variant is mi - 1 with F_BYTE) */
    readonly mi: number,
    /** op r/m, imm8 (sign-extended where the instruction extends) */
    readonly mi8: number,
    /** op al/ax/eax/rax, imm: the accumulator short form */
    readonly acc: number,
    /** op r/m (unary; shifts: by cl) */
    readonly m: number,
    /** op r/m, 1 (shift by one) */
    readonly m1: number,
    /** op reg, r/m, imm8 */
    readonly rmi8: number,
    /** op reg, r/m, imm16/32 */
    readonly rmi: number,
    /** op r/m, reg, imm8 */
    readonly mri8: number,
    /** ModRM.reg opcode extension for mi, mi8, m, m1; -1 if none */
    readonly digit: number,
  ) {}
}

/** Every form, for listings and tests. */
export const FORMS: Form[] = [];

export interface FormSpec {
  flags?: number; prefix?: number; mr?: number; rm?: number; mi?: number; mi8?: number; acc?: number;
  m?: number; m1?: number; rmi8?: number; rmi?: number; mri8?: number; digit?: number;
}

export function defineForm(name: string, s: FormSpec): Form {
  const f = new Form(
    name, s.flags ?? 0, s.prefix ?? 0, s.mr ?? -1, s.rm ?? -1, s.mi ?? -1, s.mi8 ?? -1, s.acc ?? -1,
    s.m ?? -1, s.m1 ?? -1, s.rmi8 ?? -1, s.rmi ?? -1, s.mri8 ?? -1, s.digit ?? -1,
  );
  FORMS.push(f);
  return f;
}

// ---- integer forms ----

function alu(name: string, n: number): Form {
  return defineForm(name, { flags: F_BYTE, mr: n * 8 + 1, rm: n * 8 + 3, mi: 0x81, mi8: 0x83, acc: n * 8 + 5, digit: n });
}
export const ADD = alu('add', 0);
export const OR = alu('or', 1);
export const ADC = alu('adc', 2);
export const SBB = alu('sbb', 3);
export const AND = alu('and', 4);
export const SUB = alu('sub', 5);
export const XOR = alu('xor', 6);
export const CMP = alu('cmp', 7);

export const MOV = defineForm('mov', { flags: F_BYTE, mr: 0x89, rm: 0x8b, mi: 0xc7, digit: 0 });
export const TEST = defineForm('test', { flags: F_BYTE | F_COMMUTE, mr: 0x85, mi: 0xf7, acc: 0xa9, digit: 0 });
export const XCHG = defineForm('xchg', { flags: F_BYTE | F_COMMUTE, mr: 0x87 });
export const LEA = defineForm('lea', { flags: F_MEM_ONLY, rm: 0x8d });
export const MOVZX8 = defineForm('movzx', { flags: F_SRC8, rm: 0x0fb6 });
export const MOVZX16 = defineForm('movzx', { rm: 0x0fb7 });
export const MOVSX8 = defineForm('movsx', { flags: F_SRC8, rm: 0x0fbe });
export const MOVSX16 = defineForm('movsx', { rm: 0x0fbf });
/** movsxd r64, r/m32 (size 64). */
export const MOVSXD = defineForm('movsxd', { rm: 0x63 });
/** Two- and three-operand imul: opRR/opRM, opRRI/opRMI. */
export const IMUL = defineForm('imul', { rm: 0x0faf, rmi8: 0x6b, rmi: 0x69 });

function shift(name: string, n: number): Form {
  return defineForm(name, { flags: F_BYTE, m: 0xd3, m1: 0xd1, mi8: 0xc1, digit: n });
}
export const ROL = shift('rol', 0);
export const ROR = shift('ror', 1);
export const SHL = shift('shl', 4);
export const SHR = shift('shr', 5);
export const SAR = shift('sar', 7);
export const SHLD = defineForm('shld', { mr: 0x0fa5, mri8: 0x0fa4 });
export const SHRD = defineForm('shrd', { mr: 0x0fad, mri8: 0x0fac });

function unary(name: string, op: number, n: number): Form {
  return defineForm(name, { flags: F_BYTE, m: op, digit: n });
}
export const INC = unary('inc', 0xff, 0);
export const DEC = unary('dec', 0xff, 1);
export const NOT = unary('not', 0xf7, 2);
export const NEG = unary('neg', 0xf7, 3);
/** One-operand forms: rdx:rax = rax * r/m etc. */
export const MUL1 = unary('mul', 0xf7, 4);
export const IMUL1 = unary('imul', 0xf7, 5);
export const DIV = unary('div', 0xf7, 6);
export const IDIV = unary('idiv', 0xf7, 7);

export const BSF = defineForm('bsf', { rm: 0x0fbc });
export const BSR = defineForm('bsr', { rm: 0x0fbd });
export const TZCNT = defineForm('tzcnt', { prefix: 0xf3, rm: 0x0fbc });
export const LZCNT = defineForm('lzcnt', { prefix: 0xf3, rm: 0x0fbd });
export const POPCNT = defineForm('popcnt', { prefix: 0xf3, rm: 0x0fb8 });
export const BT = defineForm('bt', { mr: 0x0fa3, mi8: 0x0fba, digit: 4 });
export const XADD = defineForm('xadd', { flags: F_BYTE, mr: 0x0fc1 });
export const CMPXCHG = defineForm('cmpxchg', { flags: F_BYTE, mr: 0x0fb1 });

// Random numbers (r16/32/64; CF = 1 when a value was delivered) and the MXCSR / cache-line forms (memory only).
export const RDRAND = defineForm('rdrand', { m: 0x0fc7, digit: 6 });
export const RDSEED = defineForm('rdseed', { m: 0x0fc7, digit: 7 });
export const LDMXCSR = defineForm('ldmxcsr', { flags: F_MEM_ONLY, m: 0x0fae, digit: 2 });
export const STMXCSR = defineForm('stmxcsr', { flags: F_MEM_ONLY, m: 0x0fae, digit: 3 });
export const CLFLUSH = defineForm('clflush', { flags: F_MEM_ONLY, m: 0x0fae, digit: 7 });

// Indirect control flow and stack operands (size 64).
export const CALL_IND = defineForm('call', { flags: F_DEF64, m: 0xff, digit: 2 });
export const JMP_IND = defineForm('jmp', { flags: F_DEF64, m: 0xff, digit: 4 });
export const PUSH_M = defineForm('push', { flags: F_DEF64, m: 0xff, digit: 6 });
export const POP_M = defineForm('pop', { flags: F_DEF64, m: 0x8f, digit: 0 });

// ---- VEX mode ----

let vexMode = false;

/**
 * In VEX mode every F_SSE form written through the generic writers is
 * encoded as its VEX.128 counterpart (`op x, y` as `vop x, x, y`), so a
 * function never mixes legacy SSE and VEX code. The code generator sets it
 * per function (on for functions whose ISA flags include AVX).
 */
export function setVexMode(on: boolean): void {
  vexMode = on;
}

export function inVexMode(): boolean {
  return vexMode;
}

// ---- the core writers ----

// Prefix word: mandatory prefix byte in bits 8-15 and these bits.
const P_66 = 1;
const P_W = 2;
const P_REX = 4; // a REX prefix even if all its bits are zero (byte registers spl..dil)

function prefixWord(f: Form, size: number): number {
  if ((f.flags & F_VEX) !== 0) assert(false, `${f.name} has only a VEX encoding`);
  let p = f.prefix << 8;
  if ((f.flags & F_SSE) !== 0) {
    if ((f.flags & F_W) !== 0 && size === 64) p |= P_W;
  } else if (size === 16) {
    p |= P_66;
  } else if (size === 64 && (f.flags & F_DEF64) === 0) {
    p |= P_W;
  } else {
    if (!(size === 32 || size === 64 || (size === 8 && (f.flags & F_BYTE) !== 0))) assert(false, `${f.name}: bad operand size ${size}`);
  }
  return p;
}

/** spl, bpl, sil, dil: byte registers that exist only with a REX prefix. */
function needsRex8(r: number): boolean {
  return r >= 4 && r <= 7;
}

function opcode(buf: ByteBuffer, op: number): void {
  if (op > 0xffff) buf.u8(op >>> 16);
  if (op > 0xff) buf.u8((op >>> 8) & 0xff);
  buf.u8(op & 0xff);
}

function prefixes(buf: ByteBuffer, p: number, rexBits: number): void {
  if ((p & P_66) !== 0) buf.u8(0x66);
  if (p > 0xff) buf.u8(p >>> 8);
  const rex = rexBits | ((p & P_W) !== 0 ? 8 : 0);
  if (rex !== 0 || (p & P_REX) !== 0) buf.u8(0x40 | rex);
}

/** Register-direct ModRM: `reg` is a register or an opcode extension, `rm` a register. */
function encRR(buf: ByteBuffer, p: number, op: number, reg: number, rm: number): void {
  prefixes(buf, p, ((reg >> 1) & 4) | ((rm >> 3) & 1));
  opcode(buf, op);
  buf.u8(0xc0 | ((reg & 7) << 3) | (rm & 7));
}

/** Memory ModRM (+SIB, displacement). Returns the disp32 offset for RIP-relative, else -1. */
function encRM(buf: ByteBuffer, p: number, op: number, reg: number, base: number, index: number, scale: number, disp: number): number {
  prefixes(buf, p, ((reg >> 1) & 4) | memRex(base, index));
  opcode(buf, op);
  return modrmMem(buf, reg, base, index, scale, disp);
}

/** The REX.X and REX.B bits (2 and 1) of a memory operand. */
function memRex(base: number, index: number): number {
  assert(index !== RSP, 'rsp cannot be an index register');
  const b = base >= 0 && base !== RIP ? (base >> 3) & 1 : 0;
  const x = index >= 0 ? (index >> 2) & 2 : 0;
  return x | b;
}

/** ModRM, SIB and displacement of a memory operand; returns the disp32 offset for RIP-relative, else -1. */
function modrmMem(buf: ByteBuffer, reg: number, base: number, index: number, scale: number, disp: number): number {
  if (disp !== (disp | 0)) assert(false, `displacement out of range: ${disp}`);
  const r = (reg & 7) << 3;
  if (base === RIP) {
    assert(index < 0, 'RIP-relative addressing takes no index');
    buf.u8(0x05 | r);
    const at = buf.length;
    buf.i32(disp);
    return at;
  }
  const ss = scale === 1 ? 0 : scale === 2 ? 0x40 : scale === 4 ? 0x80 : scale === 8 ? 0xc0 : -1;
  if (ss < 0) assert(false, `bad scale ${scale}`);
  const idx = index >= 0 ? (index & 7) << 3 : 0x20;
  if (base < 0) {
    buf.u8(0x04 | r);
    buf.u8(ss | idx | 5);
    buf.i32(disp);
    return -1;
  }
  const mod = disp === 0 && (base & 7) !== 5 ? 0 : disp >= -128 && disp <= 127 ? 0x40 : 0x80;
  if (index < 0 && (base & 7) !== 4) {
    buf.u8(mod | r | (base & 7));
  } else {
    buf.u8(mod | r | 4);
    buf.u8(ss | idx | (base & 7));
  }
  if (mod === 0x40) buf.u8(disp & 0xff);
  else if (mod === 0x80) buf.i32(disp);
  return -1;
}

function imm(buf: ByteBuffer, size: number, v: number): void {
  if (size === 8) {
    if (!(v >= -128 && v <= 255)) assert(false, `imm8 out of range: ${v}`);
    buf.u8(v & 0xff);
  } else if (size === 16) {
    if (!(v >= -32768 && v <= 65535)) assert(false, `imm16 out of range: ${v}`);
    buf.u16(v & 0xffff);
  } else {
    if (!(size === 64 ? v === (v | 0) : v >= -0x80000000 && v <= 0xffffffff)) assert(false, `imm32 out of range for size ${size}: ${v}`);
    buf.i32(v | 0);
  }
}

function fits8(v: number): boolean {
  return v >= -128 && v <= 127;
}

/** `v` as the signed value of a `size`-bit immediate (0xffff as a 16-bit immediate is -1). */
function signedImm(size: number, v: number): number {
  return size === 16 ? (v << 16) >> 16 : size === 32 ? v | 0 : v;
}

/** The opcode for operand size `size`, clearing the w bit for 8-bit forms. */
function sized(f: Form, size: number, op: number): number {
  return size === 8 && (f.flags & F_BYTE) !== 0 ? op - 1 : op;
}

// ---- generic writers ----

/** op a, b with two registers. */
export function opRR(buf: ByteBuffer, f: Form, size: number, a: number, b: number): void {
  if (vexMode && (f.flags & F_SSE) !== 0) { vexRR2(buf, f, size, a, b); return; }
  let p = prefixWord(f, size);
  if (f === XCHG && size !== 8 && (a === RAX || b === RAX) && !(size === 32 && a === b)) {
    const other = a === RAX ? b : a;
    prefixes(buf, p, (other >> 3) & 1);
    buf.u8(0x90 | (other & 7));
    return;
  }
  if ((f.flags & F_MEM_ONLY) !== 0) assert(false, `${f.name} has no register form`);
  let op: number, reg: number, rm: number;
  if (f === XCHG) {
    op = f.mr; reg = a; rm = b;
  } else if (f.mr >= 0 && (f.rm < 0 || (f.flags & F_SSE) === 0)) {
    op = f.mr; reg = b; rm = a;
  } else {
    if (f.rm < 0) assert(false, `${f.name} has no register form`);
    op = f.rm; reg = a; rm = b;
  }
  if (size === 8 && (f.flags & F_SSE) === 0 && (needsRex8(reg) || needsRex8(rm))) p |= P_REX;
  if ((f.flags & F_SRC8) !== 0 && needsRex8(rm)) p |= P_REX;
  encRR(buf, p, sized(f, size, op), reg, rm);
}

/** op reg, [mem]. */
export function opRM(buf: ByteBuffer, f: Form, size: number, reg: number, base: number, index: number, scale: number, disp: number): number {
  if (vexMode && (f.flags & F_SSE) !== 0) return vexRM(buf, f, f.rm, 0, size, reg, (f.flags & (F_V2 | F_VMERGE)) !== 0 ? -1 : reg, base, index, scale, disp);
  let p = prefixWord(f, size);
  let op = f.rm;
  if (op < 0 && (f.flags & F_COMMUTE) !== 0) op = f.mr;
  if (op < 0 || (f.flags & F_REG_ONLY) !== 0) assert(false, `${f.name} has no reg, mem form`);
  if (size === 8 && (f.flags & F_SSE) === 0 && needsRex8(reg)) p |= P_REX;
  return encRM(buf, p, sized(f, size, op), reg, base, index, scale, disp);
}

/** op [mem], reg. */
export function opMR(buf: ByteBuffer, f: Form, size: number, base: number, index: number, scale: number, disp: number, reg: number): number {
  if (vexMode && (f.flags & F_SSE) !== 0) return vexRM(buf, f, f.mr, 0, size, reg, -1, base, index, scale, disp);
  let p = prefixWord(f, size);
  if (f.mr < 0 || (f.flags & F_REG_ONLY) !== 0) assert(false, `${f.name} has no mem, reg form`);
  if (size === 8 && (f.flags & F_SSE) === 0 && needsRex8(reg)) p |= P_REX;
  return encRM(buf, p, sized(f, size, f.mr), reg, base, index, scale, disp);
}

/** Picks the immediate opcode; returns it with the immediate's size (bits) in bits 24-31. */
function immOpcode(f: Form, size: number, v: number): number {
  if (f.m1 >= 0 && v === 1) return sized(f, size, f.m1);
  if (size === 8) {
    if (f.mi >= 0) return (f.mi - 1) | (8 << 24);
    if (f.mi8 < 0) assert(false, `${f.name} has no immediate form`);
    return sized(f, size, f.mi8) | (8 << 24);
  }
  if (f.mi8 >= 0 && (f.mi < 0 || fits8(signedImm(size, v)))) {
    if (!(f.mi >= 0 || (v >= -128 && v <= 255))) assert(false, `${f.name}: imm8 out of range: ${v}`);
    return f.mi8 | (8 << 24);
  }
  if (f.mi < 0) assert(false, `${f.name} has no immediate form`);
  return f.mi | ((size === 16 ? 16 : 32) << 24);
}

/** op r, imm (shifts: by imm; imm 1 uses the shift-by-one form). */
export function opRI(buf: ByteBuffer, f: Form, size: number, r: number, v: number): void {
  if (vexMode && (f.flags & F_SSE) !== 0) { vRI(buf, f, 0, r, r, v); return; }
  if (f === MOV) {
    movRI(buf, size, r, v);
    return;
  }
  v = signedImm(size, v);
  let p = prefixWord(f, size);
  if (size === 8 && needsRex8(r)) p |= P_REX;
  if (r === RAX && f.acc >= 0 && (size === 8 || !fits8(signedImm(size, v)) || f.mi8 < 0)) {
    prefixes(buf, p, 0);
    buf.u8(sized(f, size, f.acc));
    imm(buf, size, v);
    return;
  }
  const oi = immOpcode(f, size, v);
  encRR(buf, p, oi & 0xffffff, f.digit, r);
  const isz = oi >>> 24;
  if (isz !== 0) imm(buf, isz === 32 ? size : isz, v);
}

/** op [mem], imm. */
export function opMI(buf: ByteBuffer, f: Form, size: number, base: number, index: number, scale: number, disp: number, v: number): number {
  v = signedImm(size, v);
  const oi = immOpcode(f, size, v);
  const at = encRM(buf, prefixWord(f, size), oi & 0xffffff, f.digit, base, index, scale, disp);
  const isz = oi >>> 24;
  if (isz !== 0) imm(buf, isz === 32 ? size : isz, v);
  return at;
}

/** op r (unary forms; shifts by cl; call/jmp/push/pop through a register). */
export function opR(buf: ByteBuffer, f: Form, size: number, r: number): void {
  let p = prefixWord(f, size);
  if (f.m < 0) assert(false, `${f.name} has no unary form`);
  if (size === 8 && needsRex8(r)) p |= P_REX;
  encRR(buf, p, sized(f, size, f.m), f.digit, r);
}

/** op [mem]. */
export function opM(buf: ByteBuffer, f: Form, size: number, base: number, index: number, scale: number, disp: number): number {
  if (f.m < 0) assert(false, `${f.name} has no unary form`);
  return encRM(buf, prefixWord(f, size), sized(f, size, f.m), f.digit, base, index, scale, disp);
}

function imm3(buf: ByteBuffer, f: Form, size: number, v: number, use8: boolean): void {
  if (use8) imm(buf, 8, v);
  else imm(buf, size === 16 ? 16 : size === 0 ? 32 : size, v);
}

/** op a, b, imm: imul r, r, imm; shld/shrd r, r, imm8; pshufd/round* x, x, imm8. */
export function opRRI(buf: ByteBuffer, f: Form, size: number, a: number, b: number, v: number): void {
  if (vexMode && (f.flags & F_SSE) !== 0) { vexRRI2(buf, f, size, a, b, v); return; }
  v = signedImm(size, v);
  const p = prefixWord(f, size);
  if (f.mri8 >= 0) {
    encRR(buf, p, f.mri8, b, a);
    imm(buf, 8, v);
    return;
  }
  const use8 = f.rmi < 0 || fits8(signedImm(size, v));
  encRR(buf, p, use8 ? f.rmi8 : f.rmi, a, b);
  imm3(buf, f, size, v, use8);
}

/** op reg, [mem], imm. */
export function opRMI(buf: ByteBuffer, f: Form, size: number, reg: number, base: number, index: number, scale: number, disp: number, v: number): number {
  if (vexMode && (f.flags & F_SSE) !== 0) return vRRMI(buf, f, 0, reg, (f.flags & F_V2) !== 0 ? -1 : reg, base, index, scale, disp, v, size);
  v = signedImm(size, v);
  const use8 = f.rmi < 0 || fits8(signedImm(size, v));
  const op = use8 ? f.rmi8 : f.rmi;
  if (op < 0) assert(false, `${f.name} has no reg, mem, imm form`);
  const at = encRM(buf, prefixWord(f, size), op, reg, base, index, scale, disp);
  imm3(buf, f, size, v, use8);
  return at;
}

/** op [mem], reg, imm8 (shld/shrd). */
export function opMRI(buf: ByteBuffer, f: Form, size: number, base: number, index: number, scale: number, disp: number, reg: number, v: number): number {
  if (vexMode && (f.flags & F_SSE) !== 0) return vMRI(buf, f, 0, base, index, scale, disp, reg, v, size);
  if (f.mri8 < 0) assert(false, `${f.name} has no mem, reg, imm form`);
  const at = encRM(buf, prefixWord(f, size), f.mri8, reg, base, index, scale, disp);
  imm(buf, 8, v);
  return at;
}

// ---- VEX writers ----
//
// `L` is VEX.L: 0 for 128-bit (and scalar) operation, 1 for 256-bit. Operands
// in Intel order: destination, then vvvv (the first source; -1 when the form
// takes none), then ModRM.rm; `size` is the GPR operand's size where one is
// involved (64 sets VEX.W with F_W). XMM and YMM registers are numbered 0-15.

/** The VEX prefix and opcode byte; r, x, b are the ModRM.reg / SIB.index / ModRM.rm-or-base extension bits. */
function vexPrefix(buf: ByteBuffer, f: Form, op: number, L: number, size: number, r: number, x: number, b: number, v: number): void {
  const esc = (op >>> 8) & 0xff;
  const map = op > 0xffff ? (esc === 0x38 ? 2 : 3) : 1;
  if (op > 0xffff ? esc !== 0x38 && esc !== 0x3a : (op >>> 8) !== 0x0f) assert(false, `${f.name}: opcode has no VEX map`);
  const pp = f.prefix === 0x66 ? 1 : f.prefix === 0xf3 ? 2 : f.prefix === 0xf2 ? 3 : 0;
  const w = (f.flags & F_VW1) !== 0 || ((f.flags & F_W) !== 0 && size === 64) ? 0x80 : 0;
  const vv = (~(v < 0 ? 0 : v) & 15) << 3;
  if (map === 1 && w === 0 && x === 0 && b === 0) {
    buf.u8(0xc5);
    buf.u8(((r ^ 1) << 7) | vv | (L << 2) | pp);
  } else {
    buf.u8(0xc4);
    buf.u8(((r ^ 1) << 7) | ((x ^ 1) << 6) | ((b ^ 1) << 5) | map);
    buf.u8(w | vv | (L << 2) | pp);
  }
  buf.u8(op & 0xff);
}

function vexEncRR(buf: ByteBuffer, f: Form, op: number, L: number, size: number, reg: number, v: number, rm: number): void {
  if (op < 0) assert(false, `${f.name} has no such register form`);
  vexPrefix(buf, f, op, L, size, (reg >> 3) & 1, 0, (rm >> 3) & 1, v);
  buf.u8(0xc0 | ((reg & 7) << 3) | (rm & 7));
}

function vexRM(buf: ByteBuffer, f: Form, op: number, L: number, size: number, reg: number, v: number, base: number, index: number, scale: number, disp: number): number {
  if (op < 0 || (f.flags & F_REG_ONLY) !== 0) assert(false, `${f.name} has no such memory form`);
  const xb = memRex(base, index);
  vexPrefix(buf, f, op, L, size, (reg >> 3) & 1, xb >> 1, xb & 1, v);
  return modrmMem(buf, reg, base, index, scale, disp);
}

/** A legacy two-operand register form in VEX mode (see setVexMode). */
function vexRR2(buf: ByteBuffer, f: Form, size: number, a: number, b: number): void {
  if (f.rm < 0) vexEncRR(buf, f, f.mr, 0, size, b, -1, a);
  else vRRR(buf, f, 0, a, (f.flags & F_V2) !== 0 ? -1 : a, b, size);
}

/** A legacy `op a, b, imm8` register form in VEX mode. */
function vexRRI2(buf: ByteBuffer, f: Form, size: number, a: number, b: number, v: number): void {
  if (f.mri8 >= 0) { vexEncRR(buf, f, f.mri8, 0, size, b, -1, a); buf.u8(v & 0xff); return; }
  vRRRI(buf, f, 0, a, (f.flags & F_V2) !== 0 ? -1 : a, b, v, size);
}

/** vop d, v, s: three registers (v = -1 for a form without vvvv). */
export function vRRR(buf: ByteBuffer, f: Form, L: number, d: number, v: number, s: number, size = 0): void {
  if ((f.flags & (F_V2 | F_VMERGE)) !== 0 && f.mr >= 0 && s >= 8 && d < 8) {
    // a move: the store opcode with the operands exchanged avoids the 3-byte prefix
    vexEncRR(buf, f, f.mr, L, size, s, v, d);
    return;
  }
  if ((f.flags & F_VCOMM) !== 0 && s >= 8 && v >= 0 && v < 8) { const t = v; v = s; s = t; }
  vexEncRR(buf, f, f.rm, L, size, d, v, s);
}

/** vop d, v, [mem]. */
export function vRRM(buf: ByteBuffer, f: Form, L: number, d: number, v: number, base: number, index: number, scale: number, disp: number, size = 0): number {
  return vexRM(buf, f, f.rm, L, size, d, v, base, index, scale, disp);
}

/** vop [mem], s (stores and extracts to memory without an immediate). */
export function vMR(buf: ByteBuffer, f: Form, L: number, base: number, index: number, scale: number, disp: number, s: number, size = 0): number {
  return vexRM(buf, f, f.mr, L, size, s, -1, base, index, scale, disp);
}

/** vop d, v, s, imm8 (for the 4-operand blends, imm = the fourth register << 4). */
export function vRRRI(buf: ByteBuffer, f: Form, L: number, d: number, v: number, s: number, imm: number, size = 0): void {
  if ((f.flags & F_VCMP) !== 0 && ((imm & 3) === 0 || (imm & 3) === 3) && s >= 8 && v >= 0 && v < 8) { const t = v; v = s; s = t; }
  if (f.mri8 >= 0) vexEncRR(buf, f, f.mri8, L, size, s, v, d);
  else vexEncRR(buf, f, f.rmi8, L, size, d, v, s);
  imm8(buf, imm);
}

/** vop d, v, [mem], imm8. */
export function vRRMI(buf: ByteBuffer, f: Form, L: number, d: number, v: number, base: number, index: number, scale: number, disp: number, imm: number, size = 0): number {
  const at = vexRM(buf, f, f.rmi8, L, size, d, v, base, index, scale, disp);
  imm8(buf, imm);
  return at;
}

/** vop [mem], s, imm8 (vextracti128, vpextrd ... to memory). */
export function vMRI(buf: ByteBuffer, f: Form, L: number, base: number, index: number, scale: number, disp: number, s: number, imm: number, size = 0): number {
  const at = vexRM(buf, f, f.mri8, L, size, s, -1, base, index, scale, disp);
  imm8(buf, imm);
  return at;
}

/** vop d, s, imm8 for the shifts by an immediate (vvvv = d, ModRM.rm = s, ModRM.reg = the digit). */
export function vRI(buf: ByteBuffer, f: Form, L: number, d: number, s: number, imm: number): void {
  if (f.mi8 < 0 || f.digit < 0 || (f.flags & F_VNDD) === 0) assert(false, `${f.name} has no VEX immediate-shift form`);
  vexEncRR(buf, f, f.mi8, L, 0, f.digit, d, s);
  imm8(buf, imm);
}

function imm8(buf: ByteBuffer, v: number): void {
  if (!(v >= -128 && v <= 255)) assert(false, `imm8 out of range: ${v}`);
  buf.u8(v & 0xff);
}

/** vzeroupper: zeroes bits 255:128 of every YMM register. */
export function vzeroupper(buf: ByteBuffer): void { buf.u8(0xc5); buf.u8(0xf8); buf.u8(0x77); }

// ---- instructions with the register or condition in the opcode ----

/** mov r, imm: 8/16/32-bit move, or for size 64 the shortest of imm32 sign-extended, imm32 zero-extended (mov r32) and movabs. */
export function movRI(buf: ByteBuffer, size: number, r: number, v: number): void {
  if (size === 64) {
    if (v === (v | 0)) {
      encRR(buf, P_W, 0xc7, 0, r);
      buf.i32(v);
      return;
    }
    if (v >= 0 && v <= 0xffffffff) {
      movRI(buf, 32, r, v);
      return;
    }
    if (!Number.isSafeInteger(v)) assert(false, `mov imm64 must be a safe integer (use movRI64): ${v}`);
    const lo = v % 0x100000000;
    movabs(buf, r, lo | 0, Math.floor(v / 0x100000000) | 0);
    return;
  }
  let p = size === 16 ? P_66 : 0;
  if (size === 8 && needsRex8(r)) p |= P_REX;
  prefixes(buf, p, (r >> 3) & 1);
  buf.u8((size === 8 ? 0xb0 : 0xb8) | (r & 7));
  imm(buf, size, v);
}

/** mov r64, imm64 given as low and high 32-bit halves; picks the shortest encoding. */
export function movRI64(buf: ByteBuffer, r: number, lo: number, hi: number): void {
  lo |= 0;
  hi |= 0;
  if (hi === (lo >> 31)) movRI(buf, 64, r, lo);
  else if (hi === 0) movRI(buf, 32, r, lo >>> 0);
  else movabs(buf, r, lo, hi);
}

/** movabs r64, imm64 (always the 10-byte form). */
export function movabs(buf: ByteBuffer, r: number, lo: number, hi: number): void {
  prefixes(buf, P_W, (r >> 3) & 1);
  buf.u8(0xb8 | (r & 7));
  buf.i32(lo);
  buf.i32(hi);
}

export function push(buf: ByteBuffer, r: number): void {
  prefixes(buf, 0, (r >> 3) & 1);
  buf.u8(0x50 | (r & 7));
}

export function pop(buf: ByteBuffer, r: number): void {
  prefixes(buf, 0, (r >> 3) & 1);
  buf.u8(0x58 | (r & 7));
}

/** push imm (sign-extended to 64 bits). */
export function pushImm(buf: ByteBuffer, v: number): void {
  if (fits8(v)) {
    buf.u8(0x6a);
    buf.u8(v & 0xff);
  } else {
    buf.u8(0x68);
    imm(buf, 64, v);
  }
}

/** bswap r (size 32 or 64). */
export function bswap(buf: ByteBuffer, size: number, r: number): void {
  prefixes(buf, size === 64 ? P_W : 0, (r >> 3) & 1);
  buf.u8(0x0f);
  buf.u8(0xc8 | (r & 7));
}

/** setcc r8. */
export function setcc(buf: ByteBuffer, cc: number, r: number): void {
  encRR(buf, needsRex8(r) ? P_REX : 0, 0x0f90 | cc, 0, r);
}

/** setcc byte [mem]. */
export function setccM(buf: ByteBuffer, cc: number, base: number, index: number, scale: number, disp: number): number {
  return encRM(buf, 0, 0x0f90 | cc, 0, base, index, scale, disp);
}

/** cmovcc a, b (size 16/32/64). */
export function cmov(buf: ByteBuffer, cc: number, size: number, a: number, b: number): void {
  encRR(buf, size === 64 ? P_W : size === 16 ? P_66 : 0, 0x0f40 | cc, a, b);
}

/** cmovcc reg, [mem]. */
export function cmovM(buf: ByteBuffer, cc: number, size: number, reg: number, base: number, index: number, scale: number, disp: number): number {
  return encRM(buf, size === 64 ? P_W : size === 16 ? P_66 : 0, 0x0f40 | cc, reg, base, index, scale, disp);
}

// ---- branches ----

/** jcc rel32 with a zero placeholder; returns the rel32 field's offset. */
export function jcc(buf: ByteBuffer, cc: number): number {
  buf.u8(0x0f);
  buf.u8(0x80 | cc);
  const at = buf.length;
  buf.i32(0);
  return at;
}

/** jcc rel8 with a zero placeholder; returns the rel8 field's offset. */
export function jccShort(buf: ByteBuffer, cc: number): number {
  buf.u8(0x70 | cc);
  buf.u8(0);
  return buf.length - 1;
}

/** jmp rel32; returns the rel32 field's offset. */
export function jmp(buf: ByteBuffer): number {
  buf.u8(0xe9);
  const at = buf.length;
  buf.i32(0);
  return at;
}

/** jmp rel8; returns the rel8 field's offset. */
export function jmpShort(buf: ByteBuffer): number {
  buf.u8(0xeb);
  buf.u8(0);
  return buf.length - 1;
}

/** call rel32; returns the rel32 field's offset (R_X86_64_PLT32 with addend -4 for a symbol). */
export function call(buf: ByteBuffer): number {
  buf.u8(0xe8);
  const at = buf.length;
  buf.i32(0);
  return at;
}

/** jcc to an already known offset (a backward branch): rel8 when it reaches, else rel32. */
export function jccTo(buf: ByteBuffer, cc: number, target: number): void {
  const d = target - (buf.length + 2);
  if (fits8(d)) {
    buf.u8(0x70 | cc);
    buf.u8(d & 0xff);
  } else {
    patchRel32(buf, jcc(buf, cc), target);
  }
}

/** jmp to an already known offset: rel8 when it reaches, else rel32. */
export function jmpTo(buf: ByteBuffer, target: number): void {
  const d = target - (buf.length + 2);
  if (fits8(d)) {
    buf.u8(0xeb);
    buf.u8(d & 0xff);
  } else {
    patchRel32(buf, jmp(buf), target);
  }
}

/** Points the rel32 field at `field` (which ends its instruction) to `target`. */
export function patchRel32(buf: ByteBuffer, field: number, target: number): void {
  buf.patchI32(field, target - (field + 4));
}

/** Points the rel8 field at `field` to `target`; false if the distance does not fit in 8 bits. */
export function patchRel8(buf: ByteBuffer, field: number, target: number): boolean {
  const d = target - (field + 1);
  if (!fits8(d)) return false;
  buf.patchU8(field, d & 0xff);
  return true;
}

// ---- fixed sequences ----

export function ret(buf: ByteBuffer): void { buf.u8(0xc3); }
export function ud2(buf: ByteBuffer): void { buf.u8(0x0f); buf.u8(0x0b); }
export function int3(buf: ByteBuffer): void { buf.u8(0xcc); }
export function lock(buf: ByteBuffer): void { buf.u8(0xf0); }
export function pause(buf: ByteBuffer): void { buf.u8(0xf3); buf.u8(0x90); }
export function mfence(buf: ByteBuffer): void { buf.u8(0x0f); buf.u8(0xae); buf.u8(0xf0); }
export function lfence(buf: ByteBuffer): void { buf.u8(0x0f); buf.u8(0xae); buf.u8(0xe8); }
export function sfence(buf: ByteBuffer): void { buf.u8(0x0f); buf.u8(0xae); buf.u8(0xf8); }
/** edx:eax = time-stamp counter (rdtscp: also ecx = IA32_TSC_AUX); edx:eax = XCR[ecx] (xgetbv). */
export function rdtsc(buf: ByteBuffer): void { buf.u8(0x0f); buf.u8(0x31); }
export function rdtscp(buf: ByteBuffer): void { buf.u8(0x0f); buf.u8(0x01); buf.u8(0xf9); }
export function xgetbv(buf: ByteBuffer): void { buf.u8(0x0f); buf.u8(0x01); buf.u8(0xd0); }
export function repMovsb(buf: ByteBuffer): void { buf.u8(0xf3); buf.u8(0xa4); }
export function repStosb(buf: ByteBuffer): void { buf.u8(0xf3); buf.u8(0xaa); }

/** cwd / cdq / cqo (size 16/32/64): sign-extend the accumulator into rdx. */
export function cqo(buf: ByteBuffer, size: number): void {
  if (size === 16) buf.u8(0x66);
  else if (size === 64) buf.u8(0x48);
  buf.u8(0x99);
}

/** cbw / cwde / cdqe (size 16/32/64): sign-extend the accumulator's lower half in place. */
export function cdqe(buf: ByteBuffer, size: number): void {
  if (size === 16) buf.u8(0x66);
  else if (size === 64) buf.u8(0x48);
  buf.u8(0x98);
}

/** cmpxchg16b [mem] (use lock() before it for atomicity). */
export function cmpxchg16b(buf: ByteBuffer, base: number, index: number, scale: number, disp: number): number {
  return encRM(buf, P_W, 0x0fc7, 1, base, index, scale, disp);
}

// Recommended multi-byte NOPs, 1 to 9 bytes long.
const NOPS: readonly (readonly number[])[] = [
  [],
  [0x90],
  [0x66, 0x90],
  [0x0f, 0x1f, 0x00],
  [0x0f, 0x1f, 0x40, 0x00],
  [0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
  [0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
];

/** `n` bytes of padding as the fewest NOP instructions. */
export function nop(buf: ByteBuffer, n: number): void {
  while (n > 0) {
    const k = n > 9 ? 9 : n;
    const seq = NOPS[k]!;
    for (let i = 0; i < k; i++) buf.u8(seq[i]!);
    n -= k;
  }
}
