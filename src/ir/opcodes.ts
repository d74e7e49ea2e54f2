// The one table of CLIF opcodes. Everything else derives from it: the Opcode
// numbers, text names for the printer and parser, each opcode's operand format,
// how its controlling type is found, its result types and its property bits.

import { Type, I16, I32, I64, vectorOf } from './types.js';

/** Operand layouts. Immediates live in an instruction's imm0/imm1 columns (see function.ts). */
export const enum Format {
  NullAry,        // no operands
  Unary,          // v
  UnaryImm,       // <int>: imm0 = low 32 bits, imm1 = high 32 bits
  UnaryIeee16,    // <float>: imm0 = bits
  UnaryIeee32,    // <float>: imm0 = bits
  UnaryIeee64,    // <float>: imm0 = low bits, imm1 = high bits
  UnaryConst,     // constN | [lanes] | 0x..: imm0 = constant index
  Binary,         // v, v
  BinaryImm8,     // v, <u8>: imm0 = lane
  Ternary,        // v, v, v
  TernaryImm8,    // v, v, <u8>: imm0 = lane
  Shuffle,        // v, v, mask: imm0 = constant index of the 16-byte mask
  IntCompare,     // cc v, v: imm0 = IntCC
  FloatCompare,   // cc v, v: imm0 = FloatCC
  Jump,           // blockN(args): one block call
  Brif,           // v, blockA(args), blockB(args): two block calls
  BranchTable,    // v, blockD(args), [blockX(args), ...]: default first
  MultiAry,       // v, v, ... (any count)
  Call,           // fnN(args): imm0 = func ref
  CallIndirect,   // sigN, v(args): imm0 = sig ref; first arg is the callee
  FuncAddr,       // fnN: imm0 = func ref
  StackAddr,      // ssN[+off]: imm0 = slot, imm1 = offset
  GlobalValue,    // gvN: imm0 = global value
  Load,           // flags v[+off]: imm0 = memflags, imm1 = offset
  Store,          // flags v, v[+off]: imm0 = memflags, imm1 = offset
  LoadNoOffset,   // flags v: imm0 = memflags
  StoreNoOffset,  // flags v, v: imm0 = memflags
  AtomicRmw,      // flags op v, v: imm0 = memflags, imm1 = AtomicRmwOp
  AtomicCas,      // flags v, v, v: imm0 = memflags
  Trap,           // code: imm0 = trap code
  CondTrap,       // v, code: imm0 = trap code
  IntAddTrap,     // v, v, code: imm0 = trap code
  TryCall,        // fnN(args), sigN, block(rets), [items]: imm0/imm1 = block calls (normal return first), table in Function.exnPool
  TryCallIndirect, // v(args), sigN, block(rets), [items]: as TryCall; first arg is the callee
}

/** How an instruction's result types follow from its controlling type `T`. */
export const enum Results {
  None,       // no results
  Ctrl,       // one result of type T
  CtrlFlag,   // T and i8 (overflow flag / carry)
  Cmp,        // i8 for scalars, the integer lane mask of T for vectors
  Split,      // two results of half of T (isplit)
  Concat,     // one result of double T (iconcat)
  Lane,       // the lane type of T (extractlane)
  Narrow,     // half-width lanes, twice as many (snarrow ...)
  Widen,      // double-width lanes, half as many (swiden_low ...)
  I8,         // one i8 (vany_true ...)
  CallSig,    // the returns of the call's signature
  CtrlCtrl,   // two results of type T
  CtrlI32,    // T and an i32 (x86_rdtscp: counter and TSC_AUX)
}

/** Property bits. */
export const enum Prop {
  None = 0,
  Terminator = 1,   // ends a block
  Branch = 2,       // has block calls
  Call = 4,
  Return = 8,
  SideEffect = 16,  // must not be removed even if unused
  CanTrap = 32,
  CanLoad = 64,
  CanStore = 128,
  Commutative = 256,
  IsTrap = 512,     // an unconditional trap
}

/** Where the controlling type comes from: an operand index, or one of these. */
export const CTRL_EXPLICIT = -1;   // must be written as `op.T`
export const CTRL_NONE = -2;       // not polymorphic (jump, trap ...)

const T = Prop.Terminator, BR = Prop.Branch, CALL = Prop.Call, RET = Prop.Return, SE = Prop.SideEffect,
  TRAP = Prop.CanTrap, LD = Prop.CanLoad, ST = Prop.CanStore, COMM = Prop.Commutative, ISTRAP = Prop.IsTrap;
const X = CTRL_EXPLICIT, N = CTRL_NONE;

// name, format, controlling type source, results, properties
const table: [string, Format, number, Results, number][] = [
  // constants
  ['iconst', Format.UnaryImm, X, Results.Ctrl, 0],
  ['f16const', Format.UnaryIeee16, N, Results.Ctrl, 0],
  ['f32const', Format.UnaryIeee32, N, Results.Ctrl, 0],
  ['f64const', Format.UnaryIeee64, N, Results.Ctrl, 0],
  ['f128const', Format.UnaryConst, N, Results.Ctrl, 0],
  ['vconst', Format.UnaryConst, X, Results.Ctrl, 0],
  ['nop', Format.NullAry, N, Results.None, 0],
  // integer arithmetic
  ['iadd', Format.Binary, 0, Results.Ctrl, COMM],
  ['isub', Format.Binary, 0, Results.Ctrl, 0],
  ['ineg', Format.Unary, 0, Results.Ctrl, 0],
  ['iabs', Format.Unary, 0, Results.Ctrl, 0],
  ['imul', Format.Binary, 0, Results.Ctrl, COMM],
  ['umulhi', Format.Binary, 0, Results.Ctrl, COMM],
  ['smulhi', Format.Binary, 0, Results.Ctrl, COMM],
  ['udiv', Format.Binary, 0, Results.Ctrl, TRAP],
  ['sdiv', Format.Binary, 0, Results.Ctrl, TRAP],
  ['urem', Format.Binary, 0, Results.Ctrl, TRAP],
  ['srem', Format.Binary, 0, Results.Ctrl, TRAP],
  ['uadd_sat', Format.Binary, 0, Results.Ctrl, COMM],
  ['sadd_sat', Format.Binary, 0, Results.Ctrl, COMM],
  ['usub_sat', Format.Binary, 0, Results.Ctrl, 0],
  ['ssub_sat', Format.Binary, 0, Results.Ctrl, 0],
  ['avg_round', Format.Binary, 0, Results.Ctrl, COMM],
  ['uadd_overflow', Format.Binary, 0, Results.CtrlFlag, COMM],
  ['sadd_overflow', Format.Binary, 0, Results.CtrlFlag, COMM],
  ['usub_overflow', Format.Binary, 0, Results.CtrlFlag, 0],
  ['ssub_overflow', Format.Binary, 0, Results.CtrlFlag, 0],
  ['umul_overflow', Format.Binary, 0, Results.CtrlFlag, COMM],
  ['smul_overflow', Format.Binary, 0, Results.CtrlFlag, COMM],
  ['uadd_overflow_cin', Format.Ternary, 0, Results.CtrlFlag, 0],
  ['sadd_overflow_cin', Format.Ternary, 0, Results.CtrlFlag, 0],
  ['usub_overflow_bin', Format.Ternary, 0, Results.CtrlFlag, 0],
  ['ssub_overflow_bin', Format.Ternary, 0, Results.CtrlFlag, 0],
  ['uadd_overflow_trap', Format.IntAddTrap, 0, Results.Ctrl, TRAP],
  ['smin', Format.Binary, 0, Results.Ctrl, COMM],
  ['smax', Format.Binary, 0, Results.Ctrl, COMM],
  ['umin', Format.Binary, 0, Results.Ctrl, COMM],
  ['umax', Format.Binary, 0, Results.Ctrl, COMM],
  // bitwise
  ['band', Format.Binary, 0, Results.Ctrl, COMM],
  ['bor', Format.Binary, 0, Results.Ctrl, COMM],
  ['bxor', Format.Binary, 0, Results.Ctrl, COMM],
  ['bnot', Format.Unary, 0, Results.Ctrl, 0],
  ['band_not', Format.Binary, 0, Results.Ctrl, 0],
  ['bor_not', Format.Binary, 0, Results.Ctrl, 0],
  ['bxor_not', Format.Binary, 0, Results.Ctrl, 0],
  ['bitselect', Format.Ternary, 1, Results.Ctrl, 0],
  ['bmask', Format.Unary, X, Results.Ctrl, 0],
  ['rotl', Format.Binary, 0, Results.Ctrl, 0],
  ['rotr', Format.Binary, 0, Results.Ctrl, 0],
  ['ishl', Format.Binary, 0, Results.Ctrl, 0],
  ['ushr', Format.Binary, 0, Results.Ctrl, 0],
  ['sshr', Format.Binary, 0, Results.Ctrl, 0],
  ['bitrev', Format.Unary, 0, Results.Ctrl, 0],
  ['clz', Format.Unary, 0, Results.Ctrl, 0],
  ['cls', Format.Unary, 0, Results.Ctrl, 0],
  ['ctz', Format.Unary, 0, Results.Ctrl, 0],
  ['popcnt', Format.Unary, 0, Results.Ctrl, 0],
  ['bswap', Format.Unary, 0, Results.Ctrl, 0],
  // comparison and selection
  ['icmp', Format.IntCompare, 0, Results.Cmp, 0],
  ['fcmp', Format.FloatCompare, 0, Results.Cmp, 0],
  ['select', Format.Ternary, 1, Results.Ctrl, 0],
  ['select_spectre_guard', Format.Ternary, 1, Results.Ctrl, 0],
  // width changes
  ['uextend', Format.Unary, X, Results.Ctrl, 0],
  ['sextend', Format.Unary, X, Results.Ctrl, 0],
  ['ireduce', Format.Unary, X, Results.Ctrl, 0],
  ['iconcat', Format.Binary, 0, Results.Concat, 0],
  ['isplit', Format.Unary, 0, Results.Split, 0],
  // floating point
  ['fadd', Format.Binary, 0, Results.Ctrl, COMM],
  ['fsub', Format.Binary, 0, Results.Ctrl, 0],
  ['fmul', Format.Binary, 0, Results.Ctrl, COMM],
  ['fdiv', Format.Binary, 0, Results.Ctrl, 0],
  ['sqrt', Format.Unary, 0, Results.Ctrl, 0],
  ['fma', Format.Ternary, 0, Results.Ctrl, 0],
  ['fneg', Format.Unary, 0, Results.Ctrl, 0],
  ['fabs', Format.Unary, 0, Results.Ctrl, 0],
  ['fcopysign', Format.Binary, 0, Results.Ctrl, 0],
  ['ceil', Format.Unary, 0, Results.Ctrl, 0],
  ['floor', Format.Unary, 0, Results.Ctrl, 0],
  ['trunc', Format.Unary, 0, Results.Ctrl, 0],
  ['nearest', Format.Unary, 0, Results.Ctrl, 0],
  ['fmin', Format.Binary, 0, Results.Ctrl, COMM],
  ['fmax', Format.Binary, 0, Results.Ctrl, COMM],
  ['fpromote', Format.Unary, X, Results.Ctrl, 0],
  ['fdemote', Format.Unary, X, Results.Ctrl, 0],
  ['fvpromote_low', Format.Unary, 0, Results.Widen, 0],
  ['fvdemote', Format.Unary, 0, Results.Narrow, 0],
  ['fcvt_to_uint', Format.Unary, X, Results.Ctrl, TRAP],
  ['fcvt_to_sint', Format.Unary, X, Results.Ctrl, TRAP],
  ['fcvt_to_uint_sat', Format.Unary, X, Results.Ctrl, 0],
  ['fcvt_to_sint_sat', Format.Unary, X, Results.Ctrl, 0],
  ['fcvt_from_uint', Format.Unary, X, Results.Ctrl, 0],
  ['fcvt_from_sint', Format.Unary, X, Results.Ctrl, 0],
  ['bitcast', Format.LoadNoOffset, X, Results.Ctrl, 0],
  // vectors
  ['splat', Format.Unary, X, Results.Ctrl, 0],
  ['scalar_to_vector', Format.Unary, X, Results.Ctrl, 0],
  ['extractlane', Format.BinaryImm8, 0, Results.Lane, 0],
  ['insertlane', Format.TernaryImm8, 0, Results.Ctrl, 0],
  ['shuffle', Format.Shuffle, N, Results.Ctrl, 0],
  ['swizzle', Format.Binary, N, Results.Ctrl, 0],
  ['vany_true', Format.Unary, 0, Results.I8, 0],
  ['vall_true', Format.Unary, 0, Results.I8, 0],
  ['vhigh_bits', Format.Unary, X, Results.Ctrl, 0],
  ['snarrow', Format.Binary, 0, Results.Narrow, 0],
  ['unarrow', Format.Binary, 0, Results.Narrow, 0],
  ['uunarrow', Format.Binary, 0, Results.Narrow, 0],
  ['swiden_low', Format.Unary, 0, Results.Widen, 0],
  ['swiden_high', Format.Unary, 0, Results.Widen, 0],
  ['uwiden_low', Format.Unary, 0, Results.Widen, 0],
  ['uwiden_high', Format.Unary, 0, Results.Widen, 0],
  ['iadd_pairwise', Format.Binary, 0, Results.Ctrl, 0],
  ['sqmul_round_sat', Format.Binary, 0, Results.Ctrl, COMM],
  // memory
  ['load', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['uload8', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['sload8', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['uload16', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['sload16', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['uload32', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['sload32', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['store', Format.Store, 0, Results.None, ST | TRAP | SE],
  ['istore8', Format.Store, 0, Results.None, ST | TRAP | SE],
  ['istore16', Format.Store, 0, Results.None, ST | TRAP | SE],
  ['istore32', Format.Store, 0, Results.None, ST | TRAP | SE],
  ['stack_addr', Format.StackAddr, X, Results.Ctrl, 0],
  ['global_value', Format.GlobalValue, X, Results.Ctrl, 0],
  ['symbol_value', Format.GlobalValue, X, Results.Ctrl, 0],
  ['tls_value', Format.GlobalValue, X, Results.Ctrl, 0],
  ['func_addr', Format.FuncAddr, X, Results.Ctrl, 0],
  ['get_frame_pointer', Format.NullAry, X, Results.Ctrl, 0],
  ['get_stack_pointer', Format.NullAry, X, Results.Ctrl, 0],
  ['get_return_address', Format.NullAry, X, Results.Ctrl, 0],
  // atomics
  ['atomic_load', Format.LoadNoOffset, X, Results.Ctrl, LD | ST | TRAP | SE],
  ['atomic_store', Format.StoreNoOffset, 0, Results.None, LD | ST | TRAP | SE],
  ['atomic_rmw', Format.AtomicRmw, X, Results.Ctrl, LD | ST | TRAP | SE],
  ['atomic_cas', Format.AtomicCas, 1, Results.Ctrl, LD | ST | TRAP | SE],
  ['fence', Format.NullAry, N, Results.None, LD | ST | SE],
  // control flow
  ['jump', Format.Jump, N, Results.None, T | BR],
  ['brif', Format.Brif, N, Results.None, T | BR],
  ['br_table', Format.BranchTable, N, Results.None, T | BR],
  ['return', Format.MultiAry, N, Results.None, T | RET],
  ['call', Format.Call, N, Results.CallSig, CALL | SE | TRAP | LD | ST],
  ['call_indirect', Format.CallIndirect, N, Results.CallSig, CALL | SE | TRAP | LD | ST],
  ['return_call', Format.Call, N, Results.None, T | RET | CALL | SE],
  ['return_call_indirect', Format.CallIndirect, N, Results.None, T | RET | CALL | SE],
  ['trap', Format.Trap, N, Results.None, T | TRAP | SE | ISTRAP],
  ['trapz', Format.CondTrap, N, Results.None, TRAP | SE],
  ['trapnz', Format.CondTrap, N, Results.None, TRAP | SE],
  ['debugtrap', Format.NullAry, N, Results.None, SE],
  // extending vector loads: 8 bytes widened to a 128-bit vector. The controlling
  // type is the result type, written without a suffix (see opcodeImpliedType).
  ['uload8x8', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['sload8x8', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['uload16x4', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['sload16x4', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['uload32x2', Format.Load, X, Results.Ctrl, LD | TRAP],
  ['sload32x2', Format.Load, X, Results.Ctrl, LD | TRAP],
  // calls that end their block: a normal-return edge and exception edges
  ['try_call', Format.TryCall, N, Results.None, T | BR | CALL | SE | TRAP | LD | ST],
  ['try_call_indirect', Format.TryCallIndirect, N, Results.None, T | BR | CALL | SE | TRAP | LD | ST],
  // x86 instructions with no portable CLIF form (the x86 vendor intrinsics need them);
  // x86_rdtsc, x86_rdtscp and x86_xgetbv are written without a type suffix (i64 implied)
  ['x86_rdtsc', Format.NullAry, X, Results.Ctrl, SE],
  ['x86_rdtscp', Format.NullAry, X, Results.CtrlI32, SE],
  ['x86_rdrand', Format.NullAry, X, Results.CtrlFlag, SE],
  ['x86_rdseed', Format.NullAry, X, Results.CtrlFlag, SE],
  ['x86_xgetbv', Format.Unary, X, Results.Ctrl, SE | TRAP],
  ['x86_ldmxcsr', Format.Unary, N, Results.None, LD | SE | TRAP],
  ['x86_stmxcsr', Format.Unary, N, Results.None, ST | SE | TRAP],
  ['x86_clflush', Format.Unary, N, Results.None, LD | ST | SE | TRAP],
  ['x86_lfence', Format.NullAry, N, Results.None, LD | ST | SE],
  ['x86_sfence', Format.NullAry, N, Results.None, LD | ST | SE],
  ['x86_pause', Format.NullAry, N, Results.None, SE],
  // cgts extension: in a C-variadic function, writes the System V va_list for its variadic arguments at the address
  ['va_start', Format.Unary, N, Results.None, ST | TRAP | SE],
];

export type Opcode = number;

export const opcodeCount = table.length;
export const opcodeNames: string[] = table.map((r) => r[0]);
export const opcodeFormat = Uint8Array.from(table, (r) => r[1]);
export const opcodeCtrl = Int8Array.from(table, (r) => r[2]);
export const opcodeResults = Uint8Array.from(table, (r) => r[3]);
export const opcodeProps = Uint16Array.from(table, (r) => r[4]);

const byName = new Map<string, Opcode>(opcodeNames.map((n, i) => [n, i]));

/** The opcode with this text name, or -1. */
export function opcodeByName(name: string): Opcode {
  return byName.get(name) ?? -1;
}

/** Opcode numbers by name, for `switch` statements: `Op.iadd`. Keep in sync with the table (checked at load). */
export const Op = {
  iconst: 0, f16const: 1, f32const: 2, f64const: 3, f128const: 4, vconst: 5, nop: 6,
  iadd: 7, isub: 8, ineg: 9, iabs: 10, imul: 11, umulhi: 12, smulhi: 13, udiv: 14, sdiv: 15, urem: 16, srem: 17,
  uadd_sat: 18, sadd_sat: 19, usub_sat: 20, ssub_sat: 21, avg_round: 22,
  uadd_overflow: 23, sadd_overflow: 24, usub_overflow: 25, ssub_overflow: 26, umul_overflow: 27, smul_overflow: 28,
  uadd_overflow_cin: 29, sadd_overflow_cin: 30, usub_overflow_bin: 31, ssub_overflow_bin: 32, uadd_overflow_trap: 33,
  smin: 34, smax: 35, umin: 36, umax: 37,
  band: 38, bor: 39, bxor: 40, bnot: 41, band_not: 42, bor_not: 43, bxor_not: 44, bitselect: 45, bmask: 46,
  rotl: 47, rotr: 48, ishl: 49, ushr: 50, sshr: 51, bitrev: 52, clz: 53, cls: 54, ctz: 55, popcnt: 56, bswap: 57,
  icmp: 58, fcmp: 59, select: 60, select_spectre_guard: 61,
  uextend: 62, sextend: 63, ireduce: 64, iconcat: 65, isplit: 66,
  fadd: 67, fsub: 68, fmul: 69, fdiv: 70, sqrt: 71, fma: 72, fneg: 73, fabs: 74, fcopysign: 75,
  ceil: 76, floor: 77, trunc: 78, nearest: 79, fmin: 80, fmax: 81, fpromote: 82, fdemote: 83,
  fvpromote_low: 84, fvdemote: 85, fcvt_to_uint: 86, fcvt_to_sint: 87, fcvt_to_uint_sat: 88, fcvt_to_sint_sat: 89,
  fcvt_from_uint: 90, fcvt_from_sint: 91, bitcast: 92,
  splat: 93, scalar_to_vector: 94, extractlane: 95, insertlane: 96, shuffle: 97, swizzle: 98, vany_true: 99,
  vall_true: 100, vhigh_bits: 101, snarrow: 102, unarrow: 103, uunarrow: 104, swiden_low: 105, swiden_high: 106,
  uwiden_low: 107, uwiden_high: 108, iadd_pairwise: 109, sqmul_round_sat: 110,
  load: 111, uload8: 112, sload8: 113, uload16: 114, sload16: 115, uload32: 116, sload32: 117,
  store: 118, istore8: 119, istore16: 120, istore32: 121,
  stack_addr: 122, global_value: 123, symbol_value: 124, tls_value: 125, func_addr: 126,
  get_frame_pointer: 127, get_stack_pointer: 128, get_return_address: 129,
  atomic_load: 130, atomic_store: 131, atomic_rmw: 132, atomic_cas: 133, fence: 134,
  jump: 135, brif: 136, br_table: 137, return: 138, call: 139, call_indirect: 140, return_call: 141,
  return_call_indirect: 142, trap: 143, trapz: 144, trapnz: 145, debugtrap: 146,
  uload8x8: 147, sload8x8: 148, uload16x4: 149, sload16x4: 150, uload32x2: 151, sload32x2: 152,
  try_call: 153, try_call_indirect: 154,
  x86_rdtsc: 155, x86_rdtscp: 156, x86_rdrand: 157, x86_rdseed: 158, x86_xgetbv: 159, x86_ldmxcsr: 160,
  x86_stmxcsr: 161, x86_clflush: 162, x86_lfence: 163, x86_sfence: 164, x86_pause: 165,
  va_start: 166,
} as const;

for (const [name, code] of Object.entries(Op)) {
  if (opcodeNames[code] !== name) throw new Error(`internal error: Op.${name} = ${code} but the table says ${opcodeNames[code]}`);
}
if (Object.keys(Op).length !== opcodeCount) throw new Error('internal error: Op and the opcode table differ in length');

export function isTerminator(op: Opcode): boolean {
  return (opcodeProps[op] & Prop.Terminator) !== 0;
}

/**
 * For opcodes whose controlling type is fixed by the opcode although the
 * table marks it explicit (the text omits the suffix), that type as a packed
 * Type; INVALID (0) otherwise.
 */
export function opcodeImpliedType(op: Opcode): Type {
  switch (op) {
    case Op.uload8x8: case Op.sload8x8: return vectorOf(I16, 8);
    case Op.uload16x4: case Op.sload16x4: return vectorOf(I32, 4);
    case Op.uload32x2: case Op.sload32x2: return vectorOf(I64, 2);
    case Op.x86_rdtsc: case Op.x86_rdtscp: case Op.x86_xgetbv: return I64;
  }
  return 0;
}
