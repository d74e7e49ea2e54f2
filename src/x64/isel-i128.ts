// Instruction selection for i128 values held as (low, high) GPR pairs.
// Needs the Emitter; writes x86 code for one instruction.

import type { Emitter } from './codegen.js';

export function selectI128(_e: Emitter, _i: number): boolean {
  return false;
}
