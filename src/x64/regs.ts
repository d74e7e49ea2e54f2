// x86-64 target facts as data: register numbers in hardware encoding order,
// their names for listings, the System V register sets as 32-bit bitsets
// (bit i = GPR i, bit 16+i = XMM i) and the 4-bit condition codes.

// General-purpose registers; the number is the 4-bit encoding (REX bit + 3 bits).
export const RAX = 0;
export const RCX = 1;
export const RDX = 2;
export const RBX = 3;
export const RSP = 4;
export const RBP = 5;
export const RSI = 6;
export const RDI = 7;
export const R8 = 8;
export const R9 = 9;
export const R10 = 10;
export const R11 = 11;
export const R12 = 12;
export const R13 = 13;
export const R14 = 14;
export const R15 = 15;

// XMM registers are numbered 0-15 separately; the encoding form says which class an operand is.
export const XMM0 = 0;
export const XMM1 = 1;
export const XMM2 = 2;
export const XMM3 = 3;
export const XMM4 = 4;
export const XMM5 = 5;
export const XMM6 = 6;
export const XMM7 = 7;
export const XMM8 = 8;
export const XMM9 = 9;
export const XMM10 = 10;
export const XMM11 = 11;
export const XMM12 = 12;
export const XMM13 = 13;
export const XMM14 = 14;
export const XMM15 = 15;

/** "No register": a memory operand without base or without index. */
export const NO_REG = -1;
/** Memory-operand base meaning RIP-relative addressing (disp32 from the end of the instruction). */
export const RIP = 16;

export const GPR64_NAMES: readonly string[] = [
  'rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi',
  'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15',
];
export const GPR32_NAMES: readonly string[] = [
  'eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi',
  'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d',
];
export const GPR16_NAMES: readonly string[] = [
  'ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di',
  'r8w', 'r9w', 'r10w', 'r11w', 'r12w', 'r13w', 'r14w', 'r15w',
];
/** Byte registers as encoded with a REX prefix (4-7 are spl..dil, never ah..bh). */
export const GPR8_NAMES: readonly string[] = [
  'al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil',
  'r8b', 'r9b', 'r10b', 'r11b', 'r12b', 'r13b', 'r14b', 'r15b',
];
export const XMM_NAMES: readonly string[] = Array.from({ length: 16 }, (_, i) => `xmm${i}`);

/** Name of GPR `r` at operand size `size` (8, 16, 32 or 64 bits). */
export function gprName(r: number, size: number): string {
  switch (size) {
    case 8: return GPR8_NAMES[r]!;
    case 16: return GPR16_NAMES[r]!;
    case 32: return GPR32_NAMES[r]!;
    default: return GPR64_NAMES[r]!;
  }
}

// Register sets. Bit 31 (XMM15) makes a set negative as a JS int32: test bits with `!== 0`.
export function gprBit(r: number): number {
  return 1 << r;
}
export function xmmBit(r: number): number {
  return 1 << (16 + r);
}
export const ALL_GPRS = 0x0000ffff;
export const ALL_XMMS = 0xffff0000 | 0;

/** Integer argument registers in order. */
export const SYSV_INT_ARGS: readonly number[] = [RDI, RSI, RDX, RCX, R8, R9];
/** Float/vector argument registers in order (XMM numbers). */
export const SYSV_FLOAT_ARGS: readonly number[] = [XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7];
/** Integer return registers in order. */
export const SYSV_INT_RETS: readonly number[] = [RAX, RDX];
/** Float return registers in order (XMM numbers). */
export const SYSV_FLOAT_RETS: readonly number[] = [XMM0, XMM1];

export const SYSV_ARG_SET = (1 << RDI) | (1 << RSI) | (1 << RDX) | (1 << RCX) | (1 << R8) | (1 << R9) | 0x00ff0000;
export const SYSV_RET_SET = (1 << RAX) | (1 << RDX) | xmmBit(XMM0) | xmmBit(XMM1);
/** Clobbered by a call: rax rcx rdx rsi rdi r8-r11 and every XMM register. */
export const SYSV_CALLER_SAVED =
  (1 << RAX) | (1 << RCX) | (1 << RDX) | (1 << RSI) | (1 << RDI) |
  (1 << R8) | (1 << R9) | (1 << R10) | (1 << R11) | ALL_XMMS;
/** Preserved across a call: rbx rbp r12-r15 (and rsp). */
export const SYSV_CALLEE_SAVED = (1 << RBX) | (1 << RBP) | (1 << R12) | (1 << R13) | (1 << R14) | (1 << R15);
/** Registers a register allocator may hand out: everything but rsp and rbp (the frame pointer). */
export const ALLOCATABLE = (ALL_GPRS & ~((1 << RSP) | (1 << RBP))) | ALL_XMMS;

// Condition codes: the low 4 bits of Jcc/SETcc/CMOVcc opcodes.
export const CC_O = 0;
export const CC_NO = 1;
export const CC_B = 2; // unsigned <, carry
export const CC_AE = 3; // unsigned >=, no carry
export const CC_E = 4;
export const CC_NE = 5;
export const CC_BE = 6; // unsigned <=
export const CC_A = 7; // unsigned >
export const CC_S = 8;
export const CC_NS = 9;
export const CC_P = 10; // parity: unordered after ucomis*
export const CC_NP = 11;
export const CC_L = 12; // signed <
export const CC_GE = 13;
export const CC_LE = 14;
export const CC_G = 15;

export const CC_NAMES: readonly string[] = [
  'o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g',
];

/** The condition that holds exactly when `cc` does not. */
export function invertCC(cc: number): number {
  return cc ^ 1;
}

/** The condition to test after swapping the operands of the comparison (a < b  <=>  b > a). */
export function swapCC(cc: number): number {
  switch (cc) {
    case CC_B: return CC_A;
    case CC_A: return CC_B;
    case CC_AE: return CC_BE;
    case CC_BE: return CC_AE;
    case CC_L: return CC_G;
    case CC_G: return CC_L;
    case CC_GE: return CC_LE;
    case CC_LE: return CC_GE;
    default: return cc;
  }
}
