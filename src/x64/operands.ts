// Small definitions shared by codegen.ts and the isel-*.ts selectors. Needs
// only IR types; produces constants and pure helpers.

import { F128, isScalarFloat, type Type } from '../ir/types.js';

/** Parallel-move widths: a GPR word, an XMM register with an 8-byte memory image (f16..f64), or with a 16-byte one (f128). */
export const MOVE_GPR = 8, MOVE_XMM = 16, MOVE_XMM128 = 32;

/** The parallel-move width of a value of type t (each i128 half moves as a GPR word). */
export function moveWidth(t: Type): number {
  return t === F128 ? MOVE_XMM128 : isScalarFloat(t) ? MOVE_XMM : MOVE_GPR;
}
