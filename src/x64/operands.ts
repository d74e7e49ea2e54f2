// Small definitions shared by codegen.ts and the isel-*.ts selectors, so that
// the selectors import no values from codegen.ts. Needs only IR types and
// regs.ts; produces operand kinds, condition-code maps, move widths and the
// ISA-level tests on a target's flags.

import { F128, isScalarFloat, isVector, typeBits, type Type } from '../ir/types.js';
import { IntCC } from '../ir/immediates.js';
import { CC_E, CC_NE } from './regs.js';
import { assert } from '../support/diag.js';

/** Operand kinds of a value as an instruction sees it. */
export const enum K { Reg, Mem, Imm, Addr, Load }

/** DWARF register numbers of the GPRs, by encoding. */
export const DWARF_OF_GPR = [0, 2, 1, 3, 7, 6, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15];

/** Parallel-move widths: a GPR word, an XMM register with an 8-byte memory image (f16..f64, vectors up to 64 bits), or with a 16-byte one (f128, 128-bit vectors). */
export const MOVE_GPR = 8, MOVE_XMM = 16, MOVE_XMM128 = 32;

/** How an epilogue leaves: `ret`, or a tail call's jump to r11 or to a symbol. */
export const EXIT_RET = 0, EXIT_JMP_R11 = 1, EXIT_JMP_SYMBOL = 2;

/** The parallel-move width of a value of type t (each i128 half moves as a GPR word). */
export function moveWidth(t: Type): number {
  if (isVector(t)) return typeBits(t) > 64 ? MOVE_XMM128 : MOVE_XMM;
  return t === F128 ? MOVE_XMM128 : isScalarFloat(t) ? MOVE_XMM : MOVE_GPR;
}

/** The x86 condition code (the low nibble of jcc/setcc/cmov) for an integer compare. */
export function intCCtoX86(cc: IntCC): number {
  switch (cc) {
    case IntCC.Eq: return CC_E;
    case IntCC.Ne: return CC_NE;
    case IntCC.Slt: return 12;
    case IntCC.Sge: return 13;
    case IntCC.Sgt: return 15;
    case IntCC.Sle: return 14;
    case IntCC.Ult: return 2;
    case IntCC.Uge: return 3;
    case IntCC.Ugt: return 7;
    case IntCC.Ule: return 6;
  }
  assert(false, `unknown integer condition code ${cc}`);
}

const SSE41_PRESETS = ['sse41', 'sse42', 'nehalem', 'westmere', 'sandybridge', 'ivybridge', 'haswell', 'broadwell', 'skylake', 'cannonlake', 'icelake', 'icelake-client', 'icelake-server', 'tigerlake', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4', 'znver1', 'znver2', 'znver3'];

/** Whether the target's ISA flags (or a CPU preset among them) include SSE4.1. */
export function hasSse41(flags: Set<string>): boolean {
  if (flags.has('has_sse41') || flags.has('has_sse41=true') || flags.has('has_sse42') || flags.has('has_avx')) return true;
  for (const p of SSE41_PRESETS) if (flags.has(p)) return true;
  return false;
}

/** Whether the target's ISA flags (or a CPU preset among them) include SSE4.2. */
export function hasSse42(flags: Set<string>): boolean {
  if (flags.has('has_sse42') || flags.has('has_avx') || flags.has('has_avx2')) return true;
  for (const p of SSE41_PRESETS) if (p !== 'sse41' && flags.has(p)) return true;
  return false;
}

/** Whether the target's ISA flags include SSSE3 (implied by SSE4.1: every CPU with one has the other). */
export function hasSsse3(flags: Set<string>): boolean {
  return flags.has('has_ssse3') || hasSse41(flags);
}

const AVX2_PRESETS = ['haswell', 'broadwell', 'skylake', 'cannonlake', 'icelake', 'icelake-client', 'icelake-server', 'tigerlake', 'x86-64-v3', 'x86-64-v4', 'znver1', 'znver2', 'znver3'];

/** Whether the target's ISA flags include AVX2. */
export function hasAvx2(flags: Set<string>): boolean {
  if (flags.has('has_avx2')) return true;
  for (const p of AVX2_PRESETS) if (flags.has(p)) return true;
  return false;
}

/** Whether the target's ISA flags include AVX (FMA implies it): the function is then written in VEX encodings throughout. */
export function hasAvx(flags: Set<string>): boolean {
  return flags.has('has_avx') || flags.has('has_fma') || flags.has('sandybridge') || flags.has('ivybridge') || hasAvx2(flags);
}

/** Whether the target's ISA flags include FMA3 (every CPU preset with AVX2 has it). */
export function hasFma(flags: Set<string>): boolean {
  return flags.has('has_fma') || (hasAvx2(flags) && !flags.has('has_avx2'));
}

const NO_FLAGS = new Set<string>();
const flagSets = new Map<string, Set<string>>();

/** The target's ISA flags with a function's own added (one Set per distinct combination). */
export function functionFlags(target: Set<string> | undefined, own: readonly string[]): Set<string> {
  const base = target ?? NO_FLAGS;
  if (own.length === 0) return base;
  const key = `${[...base].join(' ')}|${own.join(' ')}`;
  let s = flagSets.get(key);
  if (s === undefined) {
    s = new Set([...base, ...own]);
    flagSets.set(key, s);
  }
  return s;
}
