// Fused multiply-add with FMA3 (functions whose ISA flags include FMA): CLIF
// `fma a, b, c` = a * b + c with one rounding, on f32/f64 scalars and on
// f32/f64 lanes of vectors up to 128 bits, as `vfmadd213 b, a, c` (b = a * b
// + c): the hardware gives a NaN in the order vvvv, destination, r/m, so NaN
// operands come out in the order a, b, c, as CLIF's interpreter has them.
// Needs the Emitter; writes x86 code.

import type { Emitter } from './codegen.js';
import { F64, laneOf, isVector } from '../ir/types.js';
import * as X from './encode.js';
import { FMA } from './encode-avx.js';
import { T0, T1, T2, xhome } from './vec-util.js';

/** Instruction i (an fma on f32/f64 scalars or lanes) as vfmadd213ss/sd/ps/pd. */
export function selectFma(e: Emitter, i: number): void {
  const f = e.f;
  const t = f.instType[i];
  const a = f.arg(i, 0), b = f.arg(i, 1), c = f.arg(i, 2), r = f.result(i);
  const d64 = laneOf(t) === F64;
  const form = FMA[0]![1]![(isVector(t) ? 0 : 2) + (d64 ? 1 : 0)]!;
  const x = e.xdst(r, T0);
  // b goes into the destination first: a and c must not live there
  const d = (xhome(e, a) === x || xhome(e, c) === x) && xhome(e, b) !== x ? T0 : x;
  e.toXmm(d, b);
  const xa = e.xmm(a, T1), xc = e.xmm(c, T2);
  X.vRRR(e.buf, form, 0, d, xa, xc);
  e.xdef(r, d);
}
