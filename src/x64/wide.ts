// Which functions keep their 256-bit vectors whole: those whose ISA flags
// include AVX2 and whose every instruction on a 256-bit value has a native
// YMM selection (isel-vector-wide.ts). Any other function with 256-bit values
// is split into 128-bit halves first (ir/legalize-wide.ts), as a whole.
// Needs a verified Function; produces a yes/no answer.

import type { Function } from '../ir/function.js';
import { Op, opcodeProps, Prop } from '../ir/opcodes.js';
import { IntCC, MemFlag } from '../ir/immediates.js';
import { F32, F64, I8, I16, I32, I64, I128, isFloat, isVector, laneOf, typeBits } from '../ir/types.js';
import { hasAvx2, hasFma } from './operands.js';

/** Whether f (which has 256-bit values) is compiled with them whole in YMM registers under `flags`. */
export function wideIsNative(f: Function, flags: Set<string>): boolean {
  if (!hasAvx2(flags)) return false;
  for (let b = f.firstBlock; b >= 0; b = f.blockNext[b]!) {
    for (let k = 0; k < f.blockParamCount[b]!; k++) if (typeBits(f.valueType[f.blockParam(b, k)]!) > 128) return false;
    for (let i = f.blockFirstInst[b]!; i >= 0; i = f.instNext[i]!) {
      const n = f.instArgCount[i]!;
      const nres = f.instNumResults[i]!;
      let wide = -1;
      for (let k = 0; k < n && wide < 0; k++) if (typeBits(f.valueType[f.arg(i, k)]!) > 128) wide = f.valueType[f.arg(i, k)]!;
      for (let k = 0; k < nres && wide < 0; k++) if (typeBits(f.valueType[f.result(i) + k]!) > 128) wide = f.valueType[f.result(i) + k]!;
      if (wide < 0) continue;
      if (typeBits(wide) !== 256 || !nativeOp(f, i, flags)) return false;
    }
  }
  return true;
}

/** Instruction i, which touches a 256-bit value, has a native YMM selection. */
function nativeOp(f: Function, i: number, flags: Set<string>): boolean {
  const op = f.instOp[i]!;
  if ((opcodeProps[op]! & Prop.Call) !== 0) return false;
  const r = f.instNumResults[i]! > 0 ? f.result(i) : -1;
  const t = r >= 0 ? f.valueType[r]! : f.valueType[f.arg(i, 0)]!;
  const lane = laneOf(t);
  const intLanes = isVector(t) && !isFloat(t) && lane !== I128;
  const floatLanes = lane === F32 || lane === F64;
  switch (op) {
    case Op.load: return r >= 0 && isVector(t) && (f.instImm0[i]! & MemFlag.Big) === 0;
    case Op.store: return isVector(f.valueType[f.arg(i, 0)]!) && (f.instImm0[i]! & MemFlag.Big) === 0;
    case Op.vconst: case Op.band: case Op.bor: case Op.bxor: case Op.band_not: case Op.bnot:
      return isVector(t);
    case Op.select: return isVector(t) && typeBits(f.valueType[f.arg(i, 0)]!) <= 64;
    case Op.bitcast: return isVector(t) && typeBits(t) === 256 && typeBits(f.valueType[f.arg(i, 0)]!) === 256;
    case Op.iadd: case Op.isub: return intLanes;
    case Op.imul: return lane === I16 || lane === I32;
    case Op.smin: case Op.smax: case Op.umin: case Op.umax: return lane === I8 || lane === I16 || lane === I32;
    case Op.uadd_sat: case Op.sadd_sat: case Op.usub_sat: case Op.ssub_sat: case Op.avg_round: return lane === I8 || lane === I16;
    case Op.icmp: {
      const cc = f.instImm0[i] as IntCC;
      return intLanes && (cc === IntCC.Eq || cc === IntCC.Ne || cc === IntCC.Sgt || cc === IntCC.Slt || cc === IntCC.Sge || cc === IntCC.Sle);
    }
    case Op.fadd: case Op.fsub: case Op.fmul: case Op.fdiv: case Op.sqrt: case Op.fneg: case Op.fabs: return floatLanes;
    case Op.fma: return floatLanes && hasFma(flags);
    case Op.ishl: case Op.ushr: return lane === I16 || lane === I32 || lane === I64;
    case Op.sshr: return lane === I16 || lane === I32;
    case Op.splat: return lane === I8 || lane === I16 || lane === I32 || lane === I64 || floatLanes || lane === I128;
    case Op.vhigh_bits: {
      const al = laneOf(f.valueType[f.arg(i, 0)]!);
      return al === I8 || al === I32 || al === I64 || al === F32 || al === F64;
    }
    case Op.insertlane: case Op.extractlane: return lane === I128 || laneOf(f.valueType[f.arg(i, 0)]!) === I128;
  }
  return false;
}
