// Small definitions shared by codegen.ts and the isel-*.ts selectors, so that
// the selectors import no values from codegen.ts. Needs only IR types and
// regs.ts; produces operand kinds, condition-code maps and move widths.

import { F128, isScalarFloat, type Type } from '../ir/types.js';
import { IntCC } from '../ir/immediates.js';
import { CC_E, CC_NE } from './regs.js';
import { assert } from '../support/diag.js';

/** Operand kinds of a value as an instruction sees it. */
export const enum K { Reg, Mem, Imm, Addr, Load }

/** DWARF register numbers of the GPRs, by encoding. */
export const DWARF_OF_GPR = [0, 2, 1, 3, 7, 6, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15];

/** Parallel-move widths: a GPR word, an XMM register with an 8-byte memory image (f16..f64), or with a 16-byte one (f128). */
export const MOVE_GPR = 8, MOVE_XMM = 16, MOVE_XMM128 = 32;

/** How an epilogue leaves: `ret`, or a tail call's jump to r11 or to a symbol. */
export const EXIT_RET = 0, EXIT_JMP_R11 = 1, EXIT_JMP_SYMBOL = 2;

/** The parallel-move width of a value of type t (each i128 half moves as a GPR word). */
export function moveWidth(t: Type): number {
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
