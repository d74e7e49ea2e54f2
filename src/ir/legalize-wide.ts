// Splits 256-bit vector values into two 128-bit halves (low lanes first), as
// LLVM legalizes them for targets without AVX. Needs a verified Function;
// produces an equivalent Function in which no value is wider than 128 bits,
// or throws a CgtsError naming the instruction it cannot split. Lane-wise
// opcodes act on each half; the rest are rewritten from their definition.
// A 256-bit vector of i128 lanes (i128x2) is held as two i64x2 halves.

import { Function, type Value } from './function.js';
import { Op, opcodeCtrl, opcodeFormat, opcodeNames, Format } from './opcodes.js';
import { MemFlag } from './immediates.js';
import { INVALID, I8, I64, I128, isVector, laneOf, laneCount, typeBits, typeName, vectorOf, type Type } from './types.js';
import { CgtsError } from '../support/diag.js';

/** Whether `f` holds any value wider than 128 bits. */
export function hasWideValues(f: Function): boolean {
  for (let v = 0; v < f.numValues; v++) if (typeBits(f.valueType[v]!) > 128) return true;
  return false;
}

/** The 128-bit half type of a 256-bit vector type. */
function half(t: Type): Type {
  const l = laneOf(t);
  if (l === I128) return vectorOf(I64, 2);
  return vectorOf(l, laneCount(t) / 2);
}

const LANEWISE_BIN = new Set<number>([Op.band, Op.bor, Op.bxor, Op.band_not, Op.bor_not, Op.bxor_not, Op.iadd, Op.isub, Op.imul,
  Op.umin, Op.umax, Op.smin, Op.smax, Op.uadd_sat, Op.sadd_sat, Op.usub_sat, Op.ssub_sat, Op.avg_round, Op.sqmul_round_sat,
  Op.fadd, Op.fsub, Op.fmul, Op.fdiv, Op.fmin, Op.fmax, Op.fcopysign]);
const LANEWISE_UN = new Set<number>([Op.ineg, Op.iabs, Op.bnot, Op.popcnt, Op.fneg, Op.fabs, Op.sqrt, Op.ceil, Op.floor, Op.trunc,
  Op.nearest, Op.fcvt_to_sint_sat, Op.fcvt_to_uint_sat, Op.fcvt_from_sint, Op.fcvt_from_uint]);

/** A new function equal to `f` with every 256-bit value split in halves. */
export function legalizeWide(f: Function): Function {
  const g = new Function();
  g.name = f.name;
  g.signature = f.signature;
  g.stackSlots = f.stackSlots;
  g.sigs = f.sigs;
  g.funcRefs = f.funcRefs;
  g.globalValues = f.globalValues;
  g.constants = f.constants.slice();
  g.personality = f.personality;
  g.isaFlags = f.isaFlags;
  for (const p of f.signature.params) if (typeBits(p.type) > 128) throw err(f, -1, `a 256-bit parameter (${typeName(p.type)})`);
  for (const p of f.signature.returns) if (typeBits(p.type) > 128) throw err(f, -1, `a 256-bit return value (${typeName(p.type)})`);
  const lo = new Int32Array(f.numValues).fill(-1);
  const hi = new Int32Array(f.numValues).fill(-1);
  const blockMap = new Int32Array(f.numBlocks).fill(-1);
  for (let b = f.firstBlock; b >= 0; b = f.blockNext[b]!) {
    const nb = g.createBlock();
    g.appendBlock(nb);
    blockMap[b] = nb;
    g.blockCold[nb] = f.blockCold[b]!;
    for (let k = 0; k < f.blockParamCount[b]!; k++) {
      const v = f.blockParam(b, k);
      const t = f.valueType[v]!;
      if (typeBits(t) > 128) {
        lo[v] = g.appendBlockParam(nb, half(t));
        hi[v] = g.appendBlockParam(nb, half(t));
      } else lo[v] = g.appendBlockParam(nb, t);
    }
  }
  const args: number[] = [];
  for (let b = f.firstBlock; b >= 0; b = f.blockNext[b]!) {
    const nb = blockMap[b]!;
    for (let i = f.blockFirstInst[b]!; i >= 0; i = f.instNext[i]!) {
      const op = f.instOp[i]!;
      if (op === Op.try_call || op === Op.try_call_indirect) throw err(f, i, 'a try_call in a function with 256-bit values');
      const n = f.instArgCount[i]!;
      const r = f.result(i);
      const nres = f.instNumResults[i]!;
      let wide = false;
      for (let k = 0; k < n; k++) if (typeBits(f.valueType[f.arg(i, k)]!) > 128) wide = true;
      for (let k = 0; k < nres; k++) if (typeBits(f.valueType[r + k]!) > 128) wide = true;
      const emit = (o: number, t: Type, as: number[], imm0 = f.instImm0[i]!, imm1 = f.instImm1[i]!): number => {
        const ctrl = opcodeCtrl[o]!;
        if (ctrl >= 0) t = g.valueType[as[ctrl]!]!;
        const ni = g.appendInst(nb, o, t, as, imm0, imm1);
        g.instSrcLoc[ni] = f.instSrcLoc[i]!;
        return ni;
      };
      const val = (o: number, t: Type, as: number[], imm0 = f.instImm0[i]!, imm1 = f.instImm1[i]!): Value => g.result(emit(o, t, as, imm0, imm1));
      const L = (k: number) => lo[f.arg(i, k)]!;
      const H = (k: number) => hi[f.arg(i, k)]!;
      const def2 = (a: Value, c: Value) => { lo[r] = a; hi[r] = c; };
      const fmt = opcodeFormat[op]!;
      if (!wide) {
        args.length = 0;
        for (let k = 0; k < n; k++) args.push(lo[f.arg(i, k)]!);
        const ni = emit(op, f.instType[i]!, args);
        if (fmt === Format.Jump || fmt === Format.Brif || fmt === Format.BranchTable) {
          for (let c = 0; c < f.instImm1[i]!; c++) {
            const p = f.blockCallAt(i, c);
            const target = f.callPool[p]!, cnt = f.callPool[p + 1]!;
            const bargs: number[] = [];
            for (let q = 0; q < cnt; q++) {
              const a = f.callPool[p + 2 + q]!;
              bargs.push(lo[a]!);
              if (hi[a]! >= 0) bargs.push(hi[a]!);
            }
            g.addBlockCall(ni, blockMap[target]!, bargs);
          }
        }
        const nr = g.result(ni);
        for (let k = 0; k < nres; k++) lo[r + k] = nr + k;
        continue;
      }
      const t = f.instType[i]!;
      const rt = nres > 0 ? f.valueType[r]! : INVALID;
      if (LANEWISE_BIN.has(op)) { def2(val(op, half(t), [L(0), L(1)]), val(op, half(t), [H(0), H(1)])); continue; }
      if (LANEWISE_UN.has(op)) { def2(val(op, half(rt), [L(0)]), val(op, half(rt), [H(0)])); continue; }
      switch (op) {
        case Op.ishl: case Op.ushr: case Op.sshr: case Op.rotl: case Op.rotr:
          def2(val(op, half(t), [L(0), lo[f.arg(i, 1)]!]), val(op, half(t), [H(0), lo[f.arg(i, 1)]!])); continue;
        case Op.icmp: case Op.fcmp:
          def2(val(op, half(t), [L(0), L(1)]), val(op, half(t), [H(0), H(1)])); continue;
        case Op.bitselect: case Op.fma:
          def2(val(op, half(rt), [L(0), L(1), L(2)]), val(op, half(rt), [H(0), H(1), H(2)])); continue;
        case Op.select: {
          const c = lo[f.arg(i, 0)]!;
          if (typeBits(f.valueType[f.arg(i, 0)]!) > 128) throw err(f, i, 'a select with a 256-bit condition');
          def2(val(op, half(rt), [c, L(1), L(2)]), val(op, half(rt), [c, H(1), H(2)])); continue;
        }
        case Op.bitcast: {
          const from = f.valueType[f.arg(i, 0)]!;
          if (typeBits(from) > 128 && typeBits(rt) > 128) {
            def2(cast(g, val, half(rt), L(0)), cast(g, val, half(rt), H(0))); continue;
          }
          break;
        }
        case Op.splat: {
          const x = lo[f.arg(i, 0)]!;
          const h = half(rt);
          const s = laneOf(rt) === I128 ? cast(g, val, h, x) : val(Op.splat, h, [x]);
          def2(s, s); continue;
        }
        case Op.vconst: {
          const bytes = f.constants[f.instImm0[i]!]!;
          const a = g.constants.push(bytes.slice(0, 16)) - 1, c = g.constants.push(bytes.slice(16, 32)) - 1;
          def2(val(Op.vconst, half(rt), [], a, 0), val(Op.vconst, half(rt), [], c, 0)); continue;
        }
        case Op.extractlane: {
          const src = f.valueType[f.arg(i, 0)]!;
          const per = laneCount(src) / 2, k = f.instImm0[i]!;
          const part = k < per ? L(0) : H(0);
          lo[r] = laneOf(src) === I128 ? cast(g, val, I128, part) : val(Op.extractlane, half(src), [part], k % per);
          continue;
        }
        case Op.insertlane: {
          const per = laneCount(t) / 2, k = f.instImm0[i]!;
          const x = lo[f.arg(i, 1)]!;
          const put = (part: Value) => laneOf(t) === I128 ? cast(g, val, half(t), x) : val(Op.insertlane, half(t), [part, x], k % per);
          def2(k < per ? put(L(0)) : L(0), k < per ? H(0) : put(H(0))); continue;
        }
        case Op.vhigh_bits: {
          const src = f.valueType[f.arg(i, 0)]!;
          const a = val(Op.vhigh_bits, rt, [L(0)]);
          // a result too narrow for the high half's lanes holds the low half's bits only
          if (typeBits(rt) <= laneCount(src) / 2) { lo[r] = a; continue; }
          const c = val(Op.vhigh_bits, rt, [H(0)]);
          const sh = val(Op.iconst, I8, [], laneCount(src) / 2, 0);
          lo[r] = val(Op.bor, rt, [a, val(Op.ishl, rt, [c, sh])]); continue;
        }
        case Op.vany_true: case Op.vall_true: {
          const a = val(op, half(t), [L(0)]), c = val(op, half(t), [H(0)]);
          lo[r] = val(op === Op.vany_true ? Op.bor : Op.band, I8, [a, c]); continue;
        }
        case Op.swiden_low: case Op.uwiden_low: case Op.swiden_high: case Op.uwiden_high: {
          const src = op === Op.swiden_low || op === Op.uwiden_low ? L(0) : H(0);
          const signed = op === Op.swiden_low || op === Op.swiden_high;
          const st = half(t);
          def2(val(signed ? Op.swiden_low : Op.uwiden_low, st, [src]), val(signed ? Op.swiden_high : Op.uwiden_high, st, [src])); continue;
        }
        case Op.snarrow: case Op.unarrow: case Op.uunarrow: case Op.iadd_pairwise:
          def2(val(op, half(t), [L(0), H(0)]), val(op, half(t), [L(1), H(1)])); continue;
        case Op.load: {
          const a = lo[f.arg(i, 0)]!;
          def2(val(Op.load, half(rt), [a], f.instImm0[i]!, f.instImm1[i]!), val(Op.load, half(rt), [a], f.instImm0[i]!, f.instImm1[i]! + 16)); continue;
        }
        case Op.store: {
          const a = lo[f.arg(i, 1)]!;
          emit(Op.store, INVALID, [L(0), a], f.instImm0[i]!, f.instImm1[i]!);
          emit(Op.store, INVALID, [H(0), a], f.instImm0[i]!, f.instImm1[i]! + 16);
          continue;
        }
      }
      throw err(f, i, `${opcodeNames[op]} on 256-bit values`);
    }
  }
  return g;
}

/** bitcast between 128-bit types (vector lanes little-endian), identity when equal. */
function cast(g: Function, val: (o: number, t: Type, as: number[], imm0?: number, imm1?: number) => Value, to: Type, x: Value): Value {
  const from = g.valueType[x]!;
  if (from === to) return x;
  return val(Op.bitcast, to, [x], isVector(from) || isVector(to) ? MemFlag.Little : 0, 0);
}

function err(f: Function, i: number, what: string): CgtsError {
  const at = i >= 0 ? `, instruction ${opcodeNames[f.instOp[i]!]}` : '';
  return new CgtsError(`cannot split ${what} into 128-bit halves`, `function %${f.name}${at}`);
}
