// Instruction selection for scalar f32/f64 on SSE2 with Cranelift's semantics.
// Needs the Emitter; writes x86 code for one instruction.

import type { Emitter } from './codegen.js';

export function selectFloat(_e: Emitter, _i: number): boolean {
  return false;
}
