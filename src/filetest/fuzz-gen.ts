// Random CLIF functions for differential fuzzing: a seeded generator of valid,
// terminating functions (with edge-biased inputs), the interpreter-vs-native
// comparison over batches of them, and a greedy reducer for mismatching cases.

import { parseClifFile } from '../ir/parser.js';
import { verifyFunction } from '../ir/verifier.js';
import { interpret, Trap } from '../ir/interpreter.js';
import { formatDataValue } from '../ir/printer.js';
import { formatFloatBits } from '../ir/float-text.js';
import { DataValue, dvEqual } from '../ir/datavalue.js';
import { Type, I8, I16, I32, I64, I128, F32, F64, typeName, typeBits, isFloat, parseType, laneOf, laneBits, laneCount, asInt, splitLanesNarrow, mergeLanesWide } from '../ir/types.js';
import { trapCodeName } from '../ir/immediates.js';
import { CgtsError } from '../support/diag.js';
import { runNative, type NativeRunResult } from './native.js';

// ---- the generated program, kept as text parts so it can be reduced ----

/** Instruction text: literal strings and value operands (`{ v }`). */
export type Part = string | { v: number };

export interface GInst {
  defs: number[];
  parts: Part[];
}

export interface GCall {
  block: number;
  args: number[];
}

export interface GTerm {
  kind: 'jump' | 'brif' | 'br_table' | 'return' | 'try_call';
  /** The brif condition or br_table index; -1 otherwise. */
  cond: number;
  /** jump: one call; brif: then, else; br_table: default first; try_call: the normal return, where -1 - k is retK. */
  calls: GCall[];
  /** return: the values; try_call: the call's arguments. */
  rets: number[];
  /** try_call: the callee (fnN). */
  callee?: number;
}

/** In a try_call's block-call arguments: -1 - k is retK, EXN_ARG - k is exnK. */
const EXN_ARG = -100;

export interface GBlock {
  params: number[];
  insts: GInst[];
  term: GTerm;
}

export interface GFunc {
  name: string;
  params: Type[];
  returns: Type[];
  /** Type of each value id. */
  types: Type[];
  /** Blocks in layout order; block ids are indices, the entry is blocks[order[0]]. */
  blocks: GBlock[];
  order: number[];
  /** Stack slot sizes in bytes. */
  slots: number[];
  /** Functions this one calls (fn0, fn1, ...). */
  callees: GFunc[];
  /** Declares `personality = %__gcc_personality_v0` (it has try_call handlers). */
  personality?: boolean;
}

/** One fuzz case: an entry function (with its callees) and its argument lists. */
export interface FuzzCase {
  seed: number;
  /** Whether the functions may trap (then a trap must be the same natively). */
  traps: boolean;
  entry: GFunc;
  inputs: DataValue[][];
}

export interface GenOptions {
  /**
   * What never to generate: `opcode`, `opcode.T` (controlling type T),
   * `opcode<-T` (an operand of type T: conversion sources, select/brif
   * conditions), or a type name (no values of that type at all).
   */
  exclude?: Iterable<string>;
  /** Inputs per case (default 4). */
  inputs?: number;
  /** Scales the number of instructions (default 1). */
  size?: number;
  /**
   * Do not canonicalize NaN results of float arithmetic. Cranelift leaves their
   * bits unspecified; the interpreter models x86, so raw NaNs still compare
   * (except fma's, a C-library call whose NaN choice is the library's).
   */
  rawNaN?: boolean;
  /**
   * Also generate operations that can trap (unguarded divisions, trapping
   * float-to-int conversions, uadd_overflow_trap, trapz/trapnz); the native
   * run must then trap with the same code where the interpreter does.
   */
  traps?: boolean;
  /**
   * Also generate vector operations (128-bit vectors of every lane type, and
   * lane-wise work on 64-bit ones), built from scalars of the pool and
   * reduced back to scalars within one step.
   */
  vectors?: boolean;
}

// ---- PRNG ----

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < 4; i++) this.next();
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)];
  }
  bits(w: number): bigint {
    let v = 0n;
    for (let i = 0; i < w; i += 32) v = (v << 32n) | BigInt((this.next() * 4294967296) >>> 0);
    return BigInt.asUintN(w, v);
  }
}

const INT_TYPES = [I8, I16, I32, I64, I128];
const FLOAT_TYPES = [F32, F64];
const ALL_TYPES = [...INT_TYPES, ...FLOAT_TYPES];

/** An integer of width w biased to edges, as unsigned bits. */
export function edgeInt(r: Rng, w: number): bigint {
  const W = BigInt(w);
  const min = 1n << (W - 1n);
  switch (r.int(12)) {
    case 0: return 0n;
    case 1: return 1n;
    case 2: return BigInt.asUintN(w, -1n);
    case 3: return min;
    case 4: return min - 1n;
    case 5: return BigInt(r.int(17));
    case 6: return BigInt.asUintN(w, -BigInt(r.int(17)));
    case 7: return 1n << BigInt(r.int(w));
    case 8: return BigInt.asUintN(w, min + 1n);
    case 9: return BigInt.asUintN(w, (1n << BigInt(r.int(w))) - 1n);
    default: return r.bits(w);
  }
}

const F32_EDGES = [
  0x00000000n, 0x80000000n, 0x3f800000n, 0xbf800000n, 0x7fc00000n, 0xffc00000n, 0x7fa00001n, 0x7f800000n, 0xff800000n,
  0x00000001n, 0x007fffffn, 0x00800000n, 0x7f7fffffn, 0x4f000000n, 0xcf000000n, 0x5f000000n, 0xdf000000n, 0x4f800000n,
  0x3f000000n, 0x3fc00000n, 0x40200000n, 0xc0200000n, 0x4b000000n, 0x437f0000n, 0xc3000000n, 0x477fff00n,
];
const F64_EDGES = [
  0x0000000000000000n, 0x8000000000000000n, 0x3ff0000000000000n, 0xbff0000000000000n, 0x7ff8000000000000n,
  0xfff8000000000000n, 0x7ff4000000000001n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x0000000000000001n,
  0x000fffffffffffffn, 0x0010000000000000n, 0x7fefffffffffffffn, 0x41e0000000000000n, 0xc1e0000000000000n,
  0x43e0000000000000n, 0xc3e0000000000000n, 0x41f0000000000000n, 0x3fe0000000000000n, 0x3ff8000000000000n,
  0x4004000000000000n, 0xc004000000000000n, 0x4330000000000000n, 0x41dfffffffc00000n, 0xc1e0000000200000n,
  0x406fe00000000000n, 0x43f0000000000000n,
];

/** A float of type t biased to edges (NaNs, ±0, ±Inf, subnormals, conversion limits, ties), as bits. */
export function edgeFloat(r: Rng, t: Type): bigint {
  const w = typeBits(t);
  if (r.chance(0.7)) return r.pick(w === 32 ? F32_EDGES : F64_EDGES);
  if (r.chance(0.5)) {
    // a small integer or half, either sign
    const x = (r.int(41) - 20) / (r.chance(0.5) ? 1 : 2);
    const b = new ArrayBuffer(8);
    const dv = new DataView(b);
    if (w === 32) {
      dv.setFloat32(0, x);
      return BigInt(dv.getUint32(0));
    }
    dv.setFloat64(0, x);
    return dv.getBigUint64(0);
  }
  return r.bits(w);
}

export function edgeValue(r: Rng, t: Type): DataValue {
  return { type: t, bits: isFloat(t) ? edgeFloat(r, t) : edgeInt(r, typeBits(t)) };
}

// ---- generation ----

function tmpl(strs: TemplateStringsArray, ...vals: (number | string)[]): Part[] {
  const out: Part[] = [];
  for (let i = 0; i < strs.length; i++) {
    if (strs[i]) out.push(strs[i]);
    if (i < vals.length) {
      const v = vals[i];
      out.push(typeof v === 'number' ? { v } : v);
    }
  }
  return out;
}

const INT_BIN = ['iadd', 'isub', 'imul', 'band', 'bor', 'bxor', 'band_not', 'bor_not', 'bxor_not', 'smin', 'smax', 'umin', 'umax',
  'umulhi', 'smulhi', 'uadd_sat', 'sadd_sat', 'usub_sat', 'ssub_sat', 'avg_round'];
const INT_UN = ['bnot', 'ineg', 'iabs', 'clz', 'cls', 'ctz', 'popcnt', 'bswap', 'bitrev'];
const SHIFTS = ['ishl', 'ushr', 'sshr', 'rotl', 'rotr'];
const OVF = ['uadd_overflow', 'sadd_overflow', 'usub_overflow', 'ssub_overflow', 'umul_overflow', 'smul_overflow'];
const OVF_CIN = ['uadd_overflow_cin', 'sadd_overflow_cin', 'usub_overflow_bin', 'ssub_overflow_bin'];
const INT_CC = ['eq', 'ne', 'slt', 'sge', 'sgt', 'sle', 'ult', 'uge', 'ugt', 'ule'];
const FLOAT_CC = ['ord', 'uno', 'eq', 'ne', 'one', 'ueq', 'lt', 'le', 'gt', 'ge', 'ult', 'ule', 'ugt', 'uge'];
const F_BIN = ['fadd', 'fsub', 'fmul', 'fdiv', 'fmin', 'fmax'];
const F_UN = ['sqrt', 'floor', 'ceil', 'trunc', 'nearest'];
const F_BITS = ['fneg', 'fabs'];
const VEC_INT = ['i8x16', 'i16x8', 'i32x4', 'i64x2'].map(parseType);
const VEC_FLOAT = ['f32x4', 'f64x2'].map(parseType);
/** 64-bit vectors: lane-wise work only, in the low half of a register. */
const VEC_INT64 = ['i8x8', 'i16x4', 'i32x2'].map(parseType);
const VEC_FLOAT64 = ['f32x2'].map(parseType);
const VEC_INT_BIN = ['iadd', 'isub', 'imul', 'band', 'bor', 'bxor', 'band_not', 'bor_not', 'bxor_not', 'smin', 'smax', 'umin', 'umax',
  'uadd_sat', 'usub_sat', 'sadd_sat', 'ssub_sat', 'avg_round'];
const VEC_INT_UN = ['ineg', 'iabs', 'bnot', 'popcnt'];
const VEC_F_BIN = ['fadd', 'fsub', 'fmul', 'fdiv'];
const VEC_F_UN = ['sqrt', 'ceil', 'floor', 'trunc', 'nearest'];

class Gen {
  r: Rng;
  f: GFunc;
  ex: Set<string>;
  pool: number[] = [];
  cur = 0;
  budget: number;
  addr = -1;
  depth = 0;
  /** Keep NaN payloads as computed (compares the interpreter's x86 NaN model too). */
  rawNaN = false;
  traps = false;
  /** Use count of each value. */
  uses: number[] = [];
  vectors = false;
  /** Vector values made by the current vectorOp (they never outlive it). */
  private local: number[] = [];
  /** The integer types and all types in use (a type name in the exclusions removes that type). */
  ints: Type[];
  all: Type[];

  constructor(r: Rng, name: string, ex: Set<string>, budget: number, callees: GFunc[]) {
    this.r = r;
    this.ex = ex;
    this.ints = INT_TYPES.filter((t) => !ex.has(typeName(t)));
    this.all = ALL_TYPES.filter((t) => !ex.has(typeName(t)));
    const ALL = this.all;
    this.budget = budget;
    // sometimes more parameters than argument registers
    const np = r.chance(0.2) ? 5 + r.int(10) : 1 + r.int(4);
    const params: Type[] = [];
    for (let i = 0; i < np; i++) params.push(r.pick(ALL));
    const returns: Type[] = [];
    const nr = 1 + (r.chance(0.3) ? 1 : 0);
    for (let i = 0; i < nr; i++) returns.push(r.pick(ALL));
    this.f = { name, params, returns, types: [], blocks: [], order: [], slots: [], callees };
  }

  ok(op: string, t?: Type): boolean {
    return !this.ex.has(op) && (t === undefined || !this.ex.has(`${op}.${typeName(t)}`));
  }

  /** Whether `op` may take an operand of type `src` (exclusion key `op<-src`). */
  okFrom(op: string, src: Type): boolean {
    return !this.ex.has(`${op}<-${typeName(src)}`);
  }

  newValue(t: Type): number {
    this.f.types.push(t);
    return this.f.types.length - 1;
  }

  newBlock(): number {
    this.f.blocks.push({ params: [], insts: [], term: { kind: 'return', cond: -1, calls: [], rets: [] } });
    return this.f.blocks.length - 1;
  }

  enter(b: number): void {
    this.cur = b;
    this.f.order.push(b);
  }

  emit(types: Type[], parts: Part[]): number[] {
    for (const p of parts) if (typeof p !== 'string') this.uses[p.v] = (this.uses[p.v] ?? 0) + 1;
    const defs = types.map((t) => this.newValue(t));
    this.f.blocks[this.cur].insts.push({ defs, parts });
    this.budget--;
    return defs;
  }

  /** Emits an instruction with one result and adds it to the pool. */
  emit1(t: Type, parts: Part[]): number {
    const v = this.emit([t], parts)[0];
    this.pool.push(v);
    return v;
  }

  term(t: GTerm): void {
    const use = (v: number) => (this.uses[v] = (this.uses[v] ?? 0) + 1);
    if (t.cond >= 0) use(t.cond);
    t.rets.forEach(use);
    for (const c of t.calls) for (const a of c.args) if (a >= 0) use(a);
    this.f.blocks[this.cur].term = t;
  }

  /** Folds `v` into the i64 digest `acc`. */
  private fold(acc: number, v: number): number {
    const t = this.f.types[v];
    let x = v;
    if (isFloat(t)) x = this.emit([t === F32 ? I32 : I64], tmpl`bitcast.${t === F32 ? 'i32' : 'i64'} ${x}`)[0];
    const xt = this.f.types[x];
    if (xt === I128) {
      const [lo, hi] = this.emit([I64, I64], tmpl`isplit ${x}`);
      x = this.emit([I64], tmpl`bxor ${lo}, ${hi}`)[0];
    } else if (xt !== I64) x = this.emit([I64], tmpl`uextend.i64 ${x}`)[0];
    if (acc < 0) return x;
    const k = this.iconst(I32, BigInt(1 + this.r.int(63)));
    const rot = this.emit([I64], tmpl`rotl ${acc}, ${k}`)[0];
    return this.emit([I64], tmpl`bxor ${rot}, ${x}`)[0];
  }

  /**
   * An i64 combining every value of the pool from index \`from\` on that nothing
   * uses yet (so the back end cannot drop the code computing them), folded into
   * \`acc\` if that is given; an i64 constant if there is nothing to fold.
   */
  digest(from: number, acc = -1): number {
    const dead = this.pool.slice(from).filter((v) => !this.uses[v] && v !== acc);
    for (const v of dead) acc = this.fold(acc, v);
    return acc >= 0 ? acc : this.iconst(I64, 0n);
  }

  /** An integer constant of any type (i128 by extending an i64). Not added to the pool. */
  iconst(t: Type, bits: bigint): number {
    if (t === I128) {
      const lo = this.emit([I64], [`iconst.i64 0x${BigInt.asUintN(64, bits).toString(16)}`])[0];
      const ext = BigInt.asIntN(128, bits) < 0n ? 'sextend' : 'uextend';
      return this.emit([I128], tmpl`${ext}.i128 ${lo}`)[0];
    }
    return this.emit([t], [`iconst.${typeName(t)} 0x${BigInt.asUintN(typeBits(t), bits).toString(16)}`])[0];
  }

  fconst(t: Type, bits: bigint): number {
    return this.emit([t], [`${t === F32 ? 'f32const' : 'f64const'} ${formatFloatBits(bits, typeBits(t) as 32 | 64)}`])[0];
  }

  /** A value of type t: usually one already available, else a new one derived from the pool or a constant. */
  get(t: Type): number {
    const c: number[] = [];
    for (const v of this.pool) if (this.f.types[v] === t) c.push(v);
    if (c.length > 0 && this.r.chance(0.85)) {
      // bias towards recent values
      const k = this.r.chance(0.5) ? c.length - 1 - this.r.int(Math.min(4, c.length)) : this.r.int(c.length);
      return c[k];
    }
    return this.make(t);
  }

  private fromPool(pred: (t: Type) => boolean): number {
    const c = this.pool.filter((v) => pred(this.f.types[v]));
    return c.length ? this.r.pick(c) : -1;
  }

  make(t: Type): number {
    const r = this.r;
    const types = this.f.types;
    if (!isFloat(t)) {
      const w = typeBits(t);
      if (r.chance(0.35)) {
        const v = this.iconst(t, edgeInt(r, w));
        this.pool.push(v);
        return v;
      }
      const tn = typeName(t);
      switch (r.int(4)) {
        case 0: {
          const s = this.fromPool((u) => !isFloat(u) && typeBits(u) < w);
          const op = r.chance(0.5) ? 'uextend' : 'sextend';
          if (s >= 0 && this.ok(op, t) && this.okFrom(op, types[s])) return this.emit1(t, tmpl`${op}.${tn} ${s}`);
          break;
        }
        case 1: {
          const s = this.fromPool((u) => !isFloat(u) && typeBits(u) > w);
          if (s >= 0 && this.ok('ireduce', t) && this.okFrom('ireduce', types[s])) return this.emit1(t, tmpl`ireduce.${tn} ${s}`);
          break;
        }
        case 2: {
          const s = this.fromPool((u) => isFloat(u) && typeBits(u) === w);
          if (s >= 0 && this.ok('bitcast', t)) return this.emit1(t, tmpl`bitcast.${tn} ${s}`);
          const s2 = this.fromPool((u) => isFloat(u));
          const op = r.chance(0.5) ? 'fcvt_to_sint_sat' : 'fcvt_to_uint_sat';
          if (s2 >= 0 && this.ok(op, t) && this.okFrom(op, types[s2])) return this.emit1(t, tmpl`${op}.${tn} ${s2}`);
          break;
        }
        default:
          if (t === I128 && r.chance(0.5) && this.ok('iconcat', I64)) {
            const lo = this.get(I64), hi = this.get(I64);
            return this.emit1(t, tmpl`iconcat ${lo}, ${hi}`);
          }
      }
      const v = this.iconst(t, edgeInt(r, w));
      this.pool.push(v);
      return v;
    }
    const w = typeBits(t);
    const tn = typeName(t);
    switch (r.int(4)) {
      case 0: {
        const s = this.fromPool((u) => !isFloat(u) && typeBits(u) === w);
        if (s >= 0 && this.ok('bitcast', t)) return this.emit1(t, tmpl`bitcast.${tn} ${s}`);
        break;
      }
      case 1: {
        const s = this.fromPool((u) => isFloat(u) && u !== t);
        const op = w === 64 ? 'fpromote' : 'fdemote';
        if (s >= 0 && this.ok(op, t)) return this.canon(t, this.emit([t], tmpl`${op}.${tn} ${s}`)[0]);
        break;
      }
      case 2: {
        const s = this.fromPool((u) => !isFloat(u));
        const op = r.chance(0.5) ? 'fcvt_from_sint' : 'fcvt_from_uint';
        if (s >= 0 && this.okFrom(op, types[s]) && this.ok(op, t)) return this.emit1(t, tmpl`${op}.${tn} ${s}`);
        break;
      }
    }
    const v = this.fconst(t, edgeFloat(r, t));
    this.pool.push(v);
    return v;
  }

  /**
   * NaN results of float arithmetic have unspecified payloads and signs
   * (Cranelift's documented semantics); replace any NaN by the canonical one.
   */
  canon(t: Type, v: number, always = false): number {
    if (this.rawNaN && !always) {
      this.pool.push(v);
      return v;
    }
    const c = this.emit([I8], tmpl`fcmp uno ${v}, ${v}`)[0];
    const n = this.fconst(t, t === F32 ? 0x7fc00000n : 0x7ff8000000000000n);
    return this.emit1(t, tmpl`select ${c}, ${n}, ${v}`);
  }

  pickInt(): Type {
    return this.r.pick(this.ints);
  }

  intOp(): void {
    const r = this.r;
    for (let attempt = 0; attempt < 20; attempt++) {
      const t = this.pickInt();
      const tn = typeName(t);
      const w = typeBits(t);
      const k = r.int(16);
      if (k < 5) {
        const op = r.pick(INT_BIN);
        if (!this.ok(op, t)) continue;
        const a = this.get(t), b = this.get(t);
        this.emit1(t, tmpl`${op} ${a}, ${b}`);
      } else if (k < 7) {
        const op = r.pick(INT_UN);
        if (!this.ok(op, t) || (op === 'bswap' && w < 16)) continue;
        const a = this.get(t);
        this.emit1(t, tmpl`${op} ${a}`);
      } else if (k < 9) {
        const op = r.pick(SHIFTS);
        if (!this.ok(op, t)) continue;
        const a = this.get(t), b = this.get(this.pickInt());
        this.emit1(t, tmpl`${op} ${a}, ${b}`);
      } else if (k < 10) {
        if (!this.ok('icmp', t)) continue;
        const a = this.get(t), b = this.get(t);
        this.emit1(I8, tmpl`icmp ${r.pick(INT_CC)} ${a}, ${b}`);
      } else if (k < 11) {
        const op = r.chance(0.8) ? 'select' : r.chance(0.5) ? 'select_spectre_guard' : 'bitselect';
        const ct = op === 'bitselect' ? t : this.pickInt();
        if (!this.ok(op, t) || !this.okFrom(op, ct)) continue;
        const c = this.get(ct), a = this.get(t), b = this.get(t);
        this.emit1(t, tmpl`${op} ${c}, ${a}, ${b}`);
      } else if (k < 12) {
        const cin = r.chance(0.3);
        const op = r.pick(cin ? OVF_CIN : OVF);
        if (!this.ok(op, t)) continue;
        const a = this.get(t), b = this.get(t);
        let defs: number[];
        if (cin) {
          const one = this.iconst(I8, 1n);
          const c = this.emit([I8], tmpl`band ${this.get(I8)}, ${one}`)[0];
          defs = this.emit([t, I8], tmpl`${op} ${a}, ${b}, ${c}`);
        } else defs = this.emit([t, I8], tmpl`${op} ${a}, ${b}`);
        this.pool.push(...defs);
      } else if (k < 13) {
        const op = r.pick(['udiv', 'urem', 'sdiv', 'srem']);
        if (!this.ok(op, t)) continue;
        this.division(op, t);
      } else if (k < 14) {
        // width changes
        const s = this.pickInt();
        if (s === t) continue;
        const op = s < t ? (r.chance(0.5) ? 'uextend' : 'sextend') : 'ireduce';
        if (!this.ok(op, t) || !this.okFrom(op, s)) continue;
        const a = this.get(s);
        this.emit1(t, tmpl`${op}.${tn} ${a}`);
      } else if (k < 15) {
        if (t === I128 && r.chance(0.5) && this.ok('isplit', t)) {
          this.pool.push(...this.emit([I64, I64], tmpl`isplit ${this.get(t)}`));
        } else {
          const s = this.pickInt();
          if (!this.ok('bmask', t) || !this.okFrom('bmask', s)) continue;
          this.emit1(t, tmpl`bmask.${tn} ${this.get(s)}`);
        }
      } else if (this.traps && r.chance(0.4)) {
        this.trapOp();
      } else {
        const v = this.iconst(t, edgeInt(r, w));
        this.pool.push(v);
      }
      return;
    }
  }

  /** An operation that may trap: uadd_overflow_trap, trapz/trapnz, or a trapping float-to-int conversion. */
  trapOp(): void {
    const r = this.r;
    const k = r.int(3);
    if (k === 0) {
      const t = r.chance(0.5) ? I32 : I64;
      if (!this.ok('uadd_overflow_trap', t)) return;
      const a = this.get(t), b = this.get(t);
      this.emit1(t, tmpl`uadd_overflow_trap ${a}, ${b}, user${String(1 + r.int(9))}`);
    } else if (k === 1) {
      const op = r.chance(0.5) ? 'trapz' : 'trapnz';
      const ct = this.pickInt();
      if (!this.ok(op) || !this.okFrom(op, ct)) return;
      this.emit([], tmpl`${op} ${this.get(ct)}, user${String(1 + r.int(9))}`);
    } else {
      const it = this.pickInt();
      const ft = r.pick(FLOAT_TYPES);
      const op = r.chance(0.5) ? 'fcvt_to_sint' : 'fcvt_to_uint';
      if (!this.ok(op, it) || !this.okFrom(op, ft)) return;
      this.emit1(it, tmpl`${op}.${typeName(it)} ${this.get(ft)}`);
    }
  }

  /** A division whose divisor is odd (never 0) and, for signed ops, never -1 (so MIN / -1 cannot trap). */
  division(op: string, t: Type): void {
    const a = this.get(t), d = this.get(t);
    if (this.traps && this.r.chance(0.3)) {
      this.emit1(t, tmpl`${op} ${a}, ${d}`);
      return;
    }
    const one = this.iconst(t, 1n);
    let dv = this.emit([t], tmpl`bor ${d}, ${one}`)[0];
    if (op[0] === 's') {
      const m1 = this.iconst(t, -1n);
      const c = this.emit([I8], tmpl`icmp eq ${dv}, ${m1}`)[0];
      const m3 = this.iconst(t, -3n);
      dv = this.emit([t], tmpl`select ${c}, ${m3}, ${dv}`)[0];
    }
    this.emit1(t, tmpl`${op} ${a}, ${dv}`);
  }

  floatOp(): void {
    const r = this.r;
    for (let attempt = 0; attempt < 20; attempt++) {
      const t = r.pick(FLOAT_TYPES);
      const tn = typeName(t);
      const k = r.int(12);
      if (k < 4) {
        const op = r.pick(F_BIN);
        if (!this.ok(op, t)) continue;
        const a = this.get(t), b = this.get(t);
        this.canon(t, this.emit([t], tmpl`${op} ${a}, ${b}`)[0]);
      } else if (k < 5) {
        const op = r.pick(F_UN);
        if (!this.ok(op, t)) continue;
        this.canon(t, this.emit([t], tmpl`${op} ${this.get(t)}`)[0]);
      } else if (k < 6) {
        if (r.chance(0.5)) {
          const op = r.pick(F_BITS);
          if (!this.ok(op, t)) continue;
          this.emit1(t, tmpl`${op} ${this.get(t)}`);
        } else {
          if (!this.ok('fcopysign', t)) continue;
          const a = this.get(t), b = this.get(t);
          this.emit1(t, tmpl`fcopysign ${a}, ${b}`);
        }
      } else if (k < 7) {
        if (!this.ok('fma', t)) continue;
        const a = this.get(t), b = this.get(t), c = this.get(t);
        // fma is a call of the C library's fma/fmaf, whose choice among NaN operands
        // differs between its implementations: canonical even in raw-NaN mode
        this.canon(t, this.emit([t], tmpl`fma ${a}, ${b}, ${c}`)[0], true);
      } else if (k < 8) {
        if (!this.ok('fcmp', t)) continue;
        const a = this.get(t), b = this.get(t);
        this.emit1(I8, tmpl`fcmp ${r.pick(FLOAT_CC)} ${a}, ${b}`);
      } else if (k < 9) {
        const it = this.pickInt();
        const op = r.chance(0.5) ? 'fcvt_to_sint_sat' : 'fcvt_to_uint_sat';
        if (!this.ok(op, it) || !this.okFrom(op, t)) continue;
        this.emit1(it, tmpl`${op}.${typeName(it)} ${this.get(t)}`);
      } else if (k < 10) {
        const it = this.pickInt();
        const op = r.chance(0.5) ? 'fcvt_from_sint' : 'fcvt_from_uint';
        if (!this.okFrom(op, it) || !this.ok(op, t)) continue;
        this.emit1(t, tmpl`${op}.${tn} ${this.get(it)}`);
      } else if (k < 11) {
        const it = t === F32 ? I32 : I64;
        if (r.chance(0.5)) {
          if (!this.ok('bitcast', it)) continue;
          this.emit1(it, tmpl`bitcast.${typeName(it)} ${this.get(t)}`);
        } else {
          if (!this.ok('bitcast', t)) continue;
          this.emit1(t, tmpl`bitcast.${tn} ${this.get(it)}`);
        }
      } else {
        const ct = this.pickInt();
        if (!this.ok('select', t) || !this.okFrom('select', ct)) continue;
        const c = this.get(ct), a = this.get(t), b = this.get(t);
        this.emit1(t, tmpl`select ${c}, ${a}, ${b}`);
      }
      return;
    }
  }

  memOp(): void {
    const r = this.r;
    const size = this.f.slots[0];
    const t = r.pick(this.all);
    const n = typeBits(t) >> 3;
    const flags = r.chance(0.5) ? ' notrap' : '';
    if (r.chance(0.5)) {
      // store, possibly narrow
      let op = 'store';
      let bytes = n;
      if (!isFloat(t) && t !== I128 && t !== I8 && r.chance(0.4)) {
        const choices = ['istore8', 'istore16', 'istore32'].filter((_, i) => 8 << i < typeBits(t));
        op = r.pick(choices);
        bytes = op === 'istore8' ? 1 : op === 'istore16' ? 2 : 4;
      }
      if (!this.ok(op, t)) return;
      const off = r.int(size - bytes + 1);
      const v = this.get(t);
      this.emit([], tmpl`${op}${flags} ${v}, ${this.addr}${off ? '+' + off : ''}`);
    } else {
      let op = 'load';
      let bytes = n;
      if (!isFloat(t) && t !== I128 && t !== I8 && r.chance(0.4)) {
        const k = r.int(3);
        if (8 << k < typeBits(t)) {
          op = (r.chance(0.5) ? 'u' : 's') + 'load' + (8 << k);
          bytes = 1 << k;
        }
      }
      if (!this.ok(op, t)) return;
      const off = r.int(size - bytes + 1);
      this.emit1(t, tmpl`${op}.${typeName(t)}${flags} ${this.addr}${off ? '+' + off : ''}`);
    }
  }

  callOp(): void {
    const ci = this.r.int(this.f.callees.length);
    const g = this.f.callees[ci];
    const args = g.params.map((t) => this.get(t));
    if (this.ok('try_call') && this.r.chance(0.4)) {
      // a try_call ending the block: its results, in a shuffled order among
      // values from the pool, become the next block's parameters
      const bx = this.newBlock();
      const normal: number[] = [];
      const extra = this.r.int(3);
      const order = g.returns.map((_, k) => -1 - k);
      for (let k = 0; k < extra; k++) order.splice(this.r.int(order.length + 1), 0, this.get(this.r.pick(this.all)));
      for (const a of order) {
        this.f.blocks[bx].params.push(this.newValue(a < 0 ? g.returns[-1 - a] : this.f.types[a]));
        normal.push(a);
      }
      const calls: GCall[] = [{ block: bx, args: normal }];
      if (this.r.chance(0.5)) {
        // a landing pad the run never takes: exn0 and a pool value in, a return out
        const bh = this.newBlock();
        const hargs = [EXN_ARG, this.get(this.r.pick(this.all))];
        for (const a of hargs) this.f.blocks[bh].params.push(this.newValue(a === EXN_ARG ? I64 : this.f.types[a]));
        calls.push({ block: bh, args: hargs });
        this.f.personality = true;
        this.term({ kind: 'try_call', cond: -1, calls, rets: args, callee: ci });
        const saved = this.pool.length;
        this.enter(bh);
        this.pool.push(...this.f.blocks[bh].params);
        this.term({ kind: 'return', cond: -1, calls: [], rets: this.f.returns.map((t) => this.get(t)) });
        this.pool.length = saved;
      } else this.term({ kind: 'try_call', cond: -1, calls, rets: args, callee: ci });
      this.enter(bx);
      this.pool.push(...this.f.blocks[bx].params);
      return;
    }
    const parts: Part[] = [`call fn${ci}(`];
    args.forEach((a, i) => {
      if (i) parts.push(', ');
      parts.push({ v: a });
    });
    parts.push(')');
    this.pool.push(...this.emit(g.returns, parts));
  }

  /** Values for the parameters of `b` taken from the pool. */
  argsFor(b: number): number[] {
    return this.f.blocks[b].params.map((p) => this.get(this.f.types[p]));
  }

  addParams(b: number, n: number): void {
    for (let i = 0; i < n; i++) this.f.blocks[b].params.push(this.newValue(this.r.pick(this.all)));
  }

  condValue(): number {
    const t = this.pickInt();
    if (!this.okFrom('brif', t)) return this.get(I8);
    return this.get(t);
  }

  /** Fills each arm with a region of min + int(spread) steps, then jumps to `bj` passing a digest of the arm's values; continues in `bj`. */
  joinArms(arms: number[], bj: number, min: number, spread: number): void {
    const saved = this.pool.length;
    const dj = this.newValue(I64);
    for (const b of arms) {
      this.enter(b);
      this.pool.push(...this.f.blocks[b].params);
      this.region(min + this.r.int(spread));
      const args = this.argsFor(bj);
      this.term({ kind: 'jump', cond: -1, calls: [{ block: bj, args: [...args, this.digest(saved)] }], rets: [] });
      this.pool.length = saved;
    }
    this.f.blocks[bj].params.push(dj);
    this.enter(bj);
    this.pool.push(...this.f.blocks[bj].params);
  }

  diamond(): void {
    const r = this.r;
    const c = this.condValue();
    const bt = this.newBlock(), be = this.newBlock(), bj = this.newBlock();
    this.addParams(bt, r.int(2));
    this.addParams(be, r.int(2));
    this.addParams(bj, r.int(2));
    this.term({ kind: 'brif', cond: c, calls: [{ block: bt, args: this.argsFor(bt) }, { block: be, args: this.argsFor(be) }], rets: [] });
    this.joinArms([bt, be], bj, 2, 6);
  }

  switchTable(): void {
    const r = this.r;
    let idx = this.get(I32);
    if (r.chance(0.6)) {
      const m = this.iconst(I32, BigInt(r.int(4) + 1));
      idx = this.emit([I32], tmpl`band ${idx}, ${m}`)[0];
    }
    const ncase = 2 + r.int(3);
    const cases: number[] = [];
    for (let i = 0; i < ncase; i++) cases.push(this.newBlock());
    const bj = this.newBlock();
    for (const b of cases) this.addParams(b, r.int(2));
    this.addParams(bj, r.int(2));
    const calls: GCall[] = [];
    const n = 2 + r.int(4);
    for (let i = 0; i <= n; i++) {
      const b = i <= ncase ? cases[i % ncase] : r.pick(cases);
      calls.push({ block: b, args: this.argsFor(b) });
    }
    this.term({ kind: 'br_table', cond: idx, calls, rets: [] });
    this.joinArms(cases, bj, 1, 4);
  }

  loop(): void {
    const r = this.r;
    const trips = 1 + r.int(4);
    const bh = this.newBlock(), bx = this.newBlock();
    const counter = this.newValue(I32);
    this.f.blocks[bh].params.push(counter);
    this.addParams(bh, r.int(2));
    const dh = this.newValue(I64);
    this.f.blocks[bh].params.push(dh);
    const accTypes = this.f.blocks[bh].params.slice(1).map((p) => this.f.types[p]);
    for (const t of accTypes) this.f.blocks[bx].params.push(this.newValue(t));
    const zero = this.iconst(I32, 0n);
    const init = accTypes.slice(0, -1).map((t) => this.get(t));
    this.term({ kind: 'jump', cond: -1, calls: [{ block: bh, args: [zero, ...init, this.get(I64)] }], rets: [] });
    const saved = this.pool.length;
    this.enter(bh);
    this.pool.push(...this.f.blocks[bh].params.filter((p) => p !== dh));
    this.region(2 + r.int(8));
    const accs = accTypes.slice(0, -1).map((t) => this.get(t));
    accs.push(this.digest(saved, dh));
    const one = this.iconst(I32, 1n);
    const next = this.emit([I32], tmpl`iadd ${counter}, ${one}`)[0];
    const lim = this.iconst(I32, BigInt(trips));
    const c = this.emit([I8], tmpl`icmp ult ${next}, ${lim}`)[0];
    this.term({ kind: 'brif', cond: c, calls: [{ block: bh, args: [next, ...accs] }, { block: bx, args: accs }], rets: [] });
    this.pool.length = saved;
    this.enter(bx);
    this.pool.push(...this.f.blocks[bx].params);
  }

  region(n: number): void {
    const r = this.r;
    this.depth++;
    for (let i = 0; i < n && this.budget > 0; i++) {
      const k = r.int(100);
      if (this.depth <= 2 && k < 6) this.diamond();
      else if (this.depth <= 2 && k < 9 && this.ok('br_table')) this.switchTable();
      else if (this.depth <= 2 && k < 12) this.loop();
      else if (k < 22 && this.addr >= 0) this.memOp();
      else if (k < 27 && this.f.callees.length > 0) this.callOp();
      else if (this.vectors && k < 40) this.vectorOp();
      else if (k < 65) this.intOp();
      else this.floatOp();
    }
    this.depth--;
  }

  // ---- vectors ----

  /** A vector of type t: one made earlier in this step, or a new one from scalars or a constant. */
  vget(t: Type): number {
    const c = this.local.filter((v) => this.f.types[v] === t);
    if (c.length > 0 && this.r.chance(0.7)) return this.r.pick(c);
    return this.vmake(t);
  }

  private vnew(t: Type, parts: Part[]): number {
    const v = this.emit([t], parts)[0];
    this.local.push(v);
    return v;
  }

  vmake(t: Type): number {
    const r = this.r;
    const lane = laneOf(t);
    const tn = typeName(t);
    const k = r.int(5);
    if (k < 2 && this.ok('splat', t)) return this.vnew(t, tmpl`splat.${tn} ${this.get(lane)}`);
    if (k < 3 && this.ok('insertlane', t)) {
      const base = this.vget(t);
      return this.vnew(t, tmpl`insertlane ${base}, ${this.get(lane)}, ${String(r.int(laneCount(t)))}`);
    }
    if (k < 4 && this.ok('bitcast', t)) {
      const others = this.local.filter((v) => this.f.types[v] !== t && typeBits(this.f.types[v]) === typeBits(t));
      if (others.length > 0) return this.vnew(t, tmpl`bitcast.${tn} little ${r.pick(others)}`);
    }
    const lanes: string[] = [];
    for (let i = 0; i < laneCount(t); i++) {
      if (isFloat(lane)) lanes.push(formatFloatBits(edgeFloat(r, lane), laneBits(lane) as 32 | 64));
      else lanes.push(BigInt.asIntN(laneBits(lane), edgeInt(r, laneBits(lane))).toString());
    }
    return this.vnew(t, [`vconst.${tn} [${lanes.join(' ')}]`]);
  }

  /** NaN lanes of float vector v replaced by the canonical NaN (unless raw NaNs are kept). */
  vcanon(t: Type, v: number): number {
    if (this.rawNaN) return v;
    const it = asInt(t);
    const m = this.emit([it], tmpl`fcmp uno ${v}, ${v}`)[0];
    const mf = this.emit([t], tmpl`bitcast.${typeName(t)} ${m}`)[0];
    const n = this.emit([t], [`vconst.${typeName(t)} [${new Array(laneCount(t)).fill('+NaN').join(' ')}]`])[0];
    return this.vnew(t, tmpl`bitselect ${mf}, ${n}, ${v}`);
  }

  /** One to four vector operations, their unused results folded into scalars of the pool. */
  vectorOp(): void {
    const r = this.r;
    this.local = [];
    const n = 1 + r.int(4);
    for (let i = 0; i < n; i++) this.vectorStep();
    for (const v of this.local) {
      if (this.uses[v]) continue;
      const t = this.f.types[v];
      const k = r.int(8);
      if (k === 0 && this.ok('vhigh_bits', I32)) this.emit1(I32, tmpl`vhigh_bits.i32 ${v}`);
      else if (k === 1 && this.ok('vany_true', t)) this.emit1(I8, tmpl`vany_true ${v}`);
      else if (k === 2 && this.ok('vall_true', t)) this.emit1(I8, tmpl`vall_true ${v}`);
      else if (k === 3 && this.ok('extractlane', t)) this.emit1(laneOf(t), tmpl`extractlane ${v}, ${String(r.int(laneCount(t)))}`);
      else if (typeBits(t) === 64) this.emit1(I64, tmpl`bitcast.i64 little ${v}`);
      else {
        // every bit: both quadwords xored
        const q = this.emit([parseType('i64x2')], tmpl`bitcast.i64x2 little ${v}`)[0];
        const lo = this.emit([I64], tmpl`extractlane ${q}, 0`)[0];
        const hi = this.emit([I64], tmpl`extractlane ${q}, 1`)[0];
        this.emit1(I64, tmpl`bxor ${lo}, ${hi}`);
      }
    }
    this.local = [];
  }

  private vectorStep(): void {
    const r = this.r;
    for (let attempt = 0; attempt < 20; attempt++) {
      const float = r.chance(0.3);
      const short = r.chance(0.25);
      const t = float ? r.pick(short ? VEC_FLOAT64 : VEC_FLOAT) : r.pick(short ? VEC_INT64 : VEC_INT);
      const tn = typeName(t);
      const lane = laneOf(t);
      const k = r.int(float ? 9 : 12);
      // conversions and shape changes only on 128-bit vectors
      if (short && (float ? k >= 6 : k === 7 || k === 8)) continue;
      if (float) {
        if (k < 3) {
          const op = r.chance(0.7) ? r.pick(VEC_F_BIN) : r.chance(0.5) ? 'fmin' : 'fmax';
          if (!this.ok(op, t)) continue;
          const a = this.vget(t), b = this.vget(t);
          const v = this.vnew(t, tmpl`${op} ${a}, ${b}`);
          if (op !== 'fmin' && op !== 'fmax') this.vcanon(t, v);
        } else if (k < 4) {
          const op = r.pick(VEC_F_UN);
          if (!this.ok(op, t)) continue;
          this.vcanon(t, this.vnew(t, tmpl`${op} ${this.vget(t)}`));
        } else if (k < 5) {
          const op = r.pick(['fneg', 'fabs', 'fcopysign']);
          if (!this.ok(op, t)) continue;
          if (op === 'fcopysign') this.vnew(t, tmpl`fcopysign ${this.vget(t)}, ${this.vget(t)}`);
          else this.vnew(t, tmpl`${op} ${this.vget(t)}`);
        } else if (k < 6) {
          if (!this.ok('fcmp', t)) continue;
          const a = this.vget(t), b = this.vget(t);
          this.vnew(asInt(t), tmpl`fcmp ${r.pick(FLOAT_CC)} ${a}, ${b}`);
        } else if (k < 7) {
          const op = r.chance(0.5) ? 'fcvt_to_sint_sat' : 'fcvt_to_uint_sat';
          const it = asInt(t);
          if (!this.ok(op, it)) continue;
          this.vnew(it, tmpl`${op}.${typeName(it)} ${this.vget(t)}`);
        } else if (k < 8) {
          if (lane === F32) {
            if (!this.ok('fvpromote_low', t)) continue;
            const d = parseType('f64x2');
            this.vcanon(d, this.vnew(d, tmpl`fvpromote_low ${this.vget(t)}`));
          } else {
            if (!this.ok('fvdemote', t)) continue;
            const d = parseType('f32x4');
            this.vcanon(d, this.vnew(d, tmpl`fvdemote ${this.vget(t)}`));
          }
        } else {
          const op = r.chance(0.5) ? 'fcvt_from_sint' : 'fcvt_from_uint';
          if (!this.ok(op, t)) continue;
          this.vnew(t, tmpl`${op}.${tn} ${this.vget(asInt(t))}`);
        }
        return;
      }
      const lg = Math.log2(laneBits(lane) / 8);
      if (k < 3) {
        const op = r.pick(VEC_INT_BIN);
        if (!this.ok(op, t)) continue;
        this.vnew(t, tmpl`${op} ${this.vget(t)}, ${this.vget(t)}`);
      } else if (k < 4) {
        const op = r.pick(VEC_INT_UN);
        if (!this.ok(op, t)) continue;
        this.vnew(t, tmpl`${op} ${this.vget(t)}`);
      } else if (k < 5) {
        const op = r.pick(SHIFTS);
        const at = r.pick(this.ints.filter((u) => u !== I128));
        if (!this.ok(op, t) || at === undefined) continue;
        this.vnew(t, tmpl`${op} ${this.vget(t)}, ${this.get(at)}`);
      } else if (k < 6) {
        if (!this.ok('icmp', t)) continue;
        this.vnew(t, tmpl`icmp ${r.pick(INT_CC)} ${this.vget(t)}, ${this.vget(t)}`);
      } else if (k < 7) {
        if (!this.ok('bitselect', t)) continue;
        this.vnew(t, tmpl`bitselect ${this.vget(t)}, ${this.vget(t)}, ${this.vget(t)}`);
      } else if (k < 8) {
        // narrowing pairs (16..64-bit lanes) or widening halves (8..32-bit lanes)
        if (lg > 0 && r.chance(0.5)) {
          const op = r.pick(['snarrow', 'unarrow', 'uunarrow']);
          if (!this.ok(op, t)) continue;
          this.vnew(splitLanesNarrow(t), tmpl`${op} ${this.vget(t)}, ${this.vget(t)}`);
        } else if (lg < 3) {
          const op = r.pick(['swiden_low', 'swiden_high', 'uwiden_low', 'uwiden_high']);
          if (!this.ok(op, t)) continue;
          this.vnew(mergeLanesWide(t), tmpl`${op} ${this.vget(t)}`);
        } else continue;
      } else if (k < 9) {
        if (lg === 3 || !this.ok('iadd_pairwise', t)) continue;
        this.vnew(t, tmpl`iadd_pairwise ${this.vget(t)}, ${this.vget(t)}`);
      } else if (k < 10) {
        const b8 = parseType('i8x16');
        if (r.chance(0.5)) {
          if (!this.ok('shuffle', b8)) continue;
          const m: number[] = [];
          for (let i = 0; i < 16; i++) m.push(r.int(32));
          this.vnew(b8, [...tmpl`shuffle ${this.vget(b8)}, ${this.vget(b8)}, `, `[${m.join(' ')}]`]);
        } else {
          if (!this.ok('swizzle', b8)) continue;
          this.vnew(b8, tmpl`swizzle ${this.vget(b8)}, ${this.vget(b8)}`);
        }
      } else if (k < 11) {
        if ((lg !== 1 && lg !== 2) || !this.ok('sqmul_round_sat', t)) continue;
        this.vnew(t, tmpl`sqmul_round_sat ${this.vget(t)}, ${this.vget(t)}`);
      } else {
        const ct = this.pickInt();
        if (!this.ok('select', t) || !this.okFrom('select', ct)) continue;
        const c = this.get(ct), a = this.vget(t), b = this.vget(t);
        this.vnew(t, tmpl`select ${c}, ${a}, ${b}`);
      }
      return;
    }
  }

  generate(): GFunc {
    const r = this.r;
    const b0 = this.newBlock();
    this.enter(b0);
    for (const t of this.f.params) {
      const v = this.newValue(t);
      this.f.blocks[b0].params.push(v);
      this.pool.push(v);
    }
    if (r.chance(0.4)) {
      const size = 8 * (2 + r.int(6));
      this.f.slots.push(size);
      this.addr = this.emit([I64], ['stack_addr.i64 ss0'])[0];
      const z = this.iconst(I64, 0n);
      for (let off = 0; off < size; off += 8) this.emit([], tmpl`store notrap ${z}, ${this.addr}${off ? '+' + off : ''}`);
    }
    for (let i = 0; i < 10 && this.budget > 0; i++) this.region(1000);
    const rets = this.f.returns.map((t) => this.get(t));
    // make every computed value reach the first return value
    const d = this.digest(0);
    const t0 = this.f.returns[0];
    let x = rets[0];
    if (isFloat(t0)) x = this.emit([t0 === F32 ? I32 : I64], tmpl`bitcast.${t0 === F32 ? 'i32' : 'i64'} ${x}`)[0];
    const xt = this.f.types[x];
    const dd = xt === I64 ? d : this.emit([xt], tmpl`${xt === I128 ? 'uextend' : 'ireduce'}.${typeName(xt)} ${d}`)[0];
    x = this.emit([xt], tmpl`bxor ${x}, ${dd}`)[0];
    if (isFloat(t0)) x = this.emit([t0], tmpl`bitcast.${typeName(t0)} ${x}`)[0];
    rets[0] = x;
    this.term({ kind: 'return', cond: -1, calls: [], rets });
    return this.f;
  }
}

/** The case for `seed`: an entry function, possibly calling a second generated function. */
export function generateCase(seed: number, opts: GenOptions = {}): FuzzCase {
  const r = new Rng(seed);
  const ex = new Set(opts.exclude ?? []);
  const callees: GFunc[] = [];
  const k = opts.size ?? 1;
  const gen = (name: string, budget: number, cs: GFunc[]) => {
    const g = new Gen(r, name, ex, budget, cs);
    g.rawNaN = opts.rawNaN ?? false;
    g.traps = opts.traps ?? false;
    g.vectors = opts.vectors ?? false;
    return g.generate();
  };
  if (r.chance(0.35) && !ex.has('call')) callees.push(gen(`fz${seed}_callee`, Math.round(k * (5 + r.int(20))), []));
  const entry = gen(`fz${seed}`, Math.round(k * (10 + r.int(50))), callees);
  const inputs: DataValue[][] = [];
  for (let i = 0; i < (opts.inputs ?? 4); i++) inputs.push(entry.params.map((t) => edgeValue(r, t)));
  return { seed, traps: opts.traps ?? false, entry, inputs };
}

// ---- text ----

function partsText(parts: Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `v${p.v}`)).join('');
}

function sigText(params: Type[], returns: Type[]): string {
  return `(${params.map(typeName).join(', ')})${returns.length ? ' -> ' + returns.map(typeName).join(', ') : ''}`;
}

function callText(c: GCall): string {
  const arg = (a: number) => (a >= 0 ? 'v' + a : a <= EXN_ARG ? 'exn' + (EXN_ARG - a) : 'ret' + (-1 - a));
  return c.args.length ? `block${c.block}(${c.args.map(arg).join(', ')})` : `block${c.block}`;
}

/** One function's text; function names get `suffix` appended (for batching variants of a case). */
export function funcText(f: GFunc, suffix = ''): string {
  const out: string[] = [`function %${f.name}${suffix}${sigText(f.params, f.returns)} {`];
  if (f.personality) out.push('    personality = %__gcc_personality_v0');
  f.slots.forEach((s, i) => out.push(`    ss${i} = explicit_slot ${s}`));
  f.callees.forEach((g, i) => out.push(`    fn${i} = colocated %${g.name}${suffix}${sigText(g.params, g.returns)}`));
  for (const b of f.order) {
    const blk = f.blocks[b];
    const ps = blk.params.map((p) => `v${p}: ${typeName(f.types[p])}`);
    out.push(`block${b}${ps.length ? '(' + ps.join(', ') + ')' : ''}:`);
    for (const ins of blk.insts) {
      const lhs = ins.defs.length ? ins.defs.map((d) => 'v' + d).join(', ') + ' = ' : '';
      out.push('    ' + lhs + partsText(ins.parts));
    }
    const t = blk.term;
    switch (t.kind) {
      case 'return': out.push(`    return ${t.rets.map((v) => 'v' + v).join(', ')}`.trimEnd()); break;
      case 'jump': out.push(`    jump ${callText(t.calls[0])}`); break;
      case 'brif': out.push(`    brif v${t.cond}, ${callText(t.calls[0])}, ${callText(t.calls[1])}`); break;
      case 'br_table': out.push(`    br_table v${t.cond}, ${callText(t.calls[0])}, [${t.calls.slice(1).map(callText).join(', ')}]`); break;
      case 'try_call': {
        // the clause kind does not change the code, only the LSDA: vary it by the handler's block number
        const clause = ['default', 'cleanup', 'filter []'];
        const h = t.calls.slice(1).map((c) => `${clause[c.block % 3]}: ${callText(c)}`).join(', ');
        out.push(`    try_call fn${t.callee}(${t.rets.map((v) => 'v' + v).join(', ')}), sig${t.callee}, ${callText(t.calls[0])}, [${h ? ' ' + h + ' ' : ''}]`);
        break;
      }
    }
  }
  out.push('}');
  return out.join('\n') + '\n';
}

function usesI128Abi(c: FuzzCase): boolean {
  const fs = [c.entry, ...c.entry.callees];
  return fs.some((f) => f.params.includes(I128) || f.returns.includes(I128));
}

function fmtValues(vs: DataValue[]): string {
  return vs.length === 1 ? formatDataValue(vs[0]) : `[${vs.map(formatDataValue).join(', ')}]`;
}

/** The functions of a case, callees first, with `; run:` lines when expected results are given. */
export function caseBody(c: FuzzCase, expected: (Expect | null)[] | null, suffix = ''): string {
  let s = '';
  // a print line per callee makes its compile errors visible
  for (const g of c.entry.callees) s += funcText(g, suffix) + `; print: %${g.name}${suffix}(${g.params.map((t) => formatDataValue({ type: t, bits: 0n })).join(', ')})\n\n`;
  s += funcText(c.entry, suffix);
  c.inputs.forEach((args, i) => {
    const e = expected ? expected[i] : null;
    const call = `%${c.entry.name}${suffix}(${args.map(formatDataValue).join(', ')})`;
    if (e && 'trap' in e) s += `; print: ${call}\n; (the interpreter traps: ${e.trap})\n`;
    else s += e ? `; run: ${call} == ${fmtValues(e)}\n` : `; print: ${call}\n`;
  });
  return s + '\n';
}

function header(i128: boolean): string {
  // two i128 results take four registers: they go through a return area
  return `test interpret\ntest run\n${i128 ? 'set enable_llvm_abi_extensions\nset enable_multi_ret_implicit_sret\n' : ''}target x86_64\n\n`;
}

/** A complete `.clif` file for one case (expected values from the interpreter where it ran). */
export function caseFile(c: FuzzCase, expected: (Expect | null)[] | null): string {
  return header(usesI128Abi(c)) + caseBody(c, expected);
}

// ---- interpreter vs native ----

export type Outcome =
  | { kind: 'ok' }
  /** The generator produced something invalid (verifier error, parse error, interpreter trap). */
  | { kind: 'invalid'; detail: string }
  /** The back end cannot compile it ("cannot compile ..."). */
  | { kind: 'unsupported'; detail: string }
  | { kind: 'mismatch'; detail: string; input: number };

export interface CaseResult {
  c: FuzzCase;
  outcome: Outcome;
  expected: Expect[];
  native: NativeRunResult[];
}

/** Interprets a case on its inputs; null when it is invalid (the reason is returned instead). */
/** A run's results, or the trap it ends with (`int_divz` ...). */
export type Expect = DataValue[] | { trap: string };

function interpretCase(c: FuzzCase): { expected: Expect[] } | { invalid: string } {
  let file;
  try {
    file = parseClifFile(caseFile(c, null), `seed${c.seed}.clif`);
  } catch (e) {
    return { invalid: `parse: ${e instanceof CgtsError ? e.describe() : String(e)}` };
  }
  for (const pf of file.functions) {
    const errs = verifyFunction(pf.func, pf);
    if (errs.length) return { invalid: `verifier: %${pf.func.name}: ${errs[0].message} (line ${pf.instLines[errs[0].inst] ?? pf.line})` };
  }
  const funcs = file.functions.map((pf) => pf.func);
  const entry = funcs.length - 1;
  const expected: Expect[] = [];
  for (const args of c.inputs) {
    try {
      expected.push(interpret(funcs, entry, args, { maxSteps: 1_000_000 }));
    } catch (e) {
      if (e instanceof Trap) {
        if (!c.traps) return { invalid: `interpreter trap ${trapCodeName(e.code)} in %${e.funcName}` };
        expected.push({ trap: trapCodeName(e.code) });
        continue;
      }
      return { invalid: `interpreter: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { expected };
}

function describeNative(r: NativeRunResult): string {
  return r.ok ? fmtValues(r.values) : r.error;
}

/**
 * Runs cases in the interpreter and natively (all cases of one call linked into
 * one executable, for the target ISA flags given) and classifies each.
 * Variant names get the suffix `_<index>`.
 */
export async function runCases(cases: FuzzCase[], isaFlags: string[] = []): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const live: { idx: number; expected: Expect[]; suffix: string }[] = [];
  let body = '';
  let i128 = false;
  cases.forEach((c, idx) => {
    const suffix = `_${idx}`;
    const ir = interpretCase(c);
    if ('invalid' in ir) {
      results[idx] = { c, outcome: { kind: 'invalid', detail: ir.invalid }, expected: [], native: [] };
      return;
    }
    live.push({ idx, expected: ir.expected, suffix });
    body += caseBody(c, ir.expected, suffix);
    i128 ||= usesI128Abi(c);
  });
  if (live.length === 0) return results;
  const file = parseClifFile(header(i128) + body, 'fuzz-batch.clif');
  const native = await runNative(file, { llvmAbiExtensions: i128, multiRetImplicitSret: i128, isaFlags });
  let k = 0;
  for (const l of live) {
    const c = cases[l.idx];
    const pre = native.slice(k, k + c.entry.callees.length);
    k += c.entry.callees.length;
    const nat = native.slice(k, k + c.inputs.length);
    k += c.inputs.length;
    let outcome: Outcome = { kind: 'ok' };
    const unsupported = (n: NativeRunResult): boolean => !n.ok && /compile error: .*cannot compile|is not supported/.test(n.error);
    const bad = pre.find(unsupported);
    if (bad && !bad.ok) {
      results[l.idx] = { c, outcome: { kind: 'unsupported', detail: bad.error.replace(/^compile error: /, '').replaceAll(l.suffix, '') }, expected: l.expected, native: nat };
      continue;
    }
    for (let i = 0; i < nat.length; i++) {
      const n = nat[i];
      if (!n.ok && unsupported(n)) {
        outcome = { kind: 'unsupported', detail: n.error.replace(/^compile error: /, '').replaceAll(l.suffix, '') };
        break;
      }
      const e = l.expected[i];
      let same: boolean;
      if ('trap' in e) same = !n.ok && n.error === `trap ${e.trap}`;
      else same = n.ok && n.values.length === e.length && n.values.every((v, j) => dvEqual(v, e[j]));
      if (!same) {
        const args = c.inputs[i].map(formatDataValue).join(', ');
        outcome = {
          kind: 'mismatch',
          input: i,
          detail: `%${c.entry.name}(${args}): interpreter ${'trap' in e ? `trap ${e.trap}` : fmtValues(e)}, native ${describeNative(n).replaceAll(l.suffix, '')}`,
        };
        break;
      }
    }
    results[l.idx] = { c, outcome, expected: l.expected, native: nat };
  }
  return results;
}

// ---- reduction ----

function cloneFunc(f: GFunc, callees: GFunc[]): GFunc {
  return {
    ...f,
    types: f.types.slice(),
    order: f.order.slice(),
    slots: f.slots.slice(),
    callees,
    blocks: f.blocks.map((b) => ({
      params: b.params.slice(),
      insts: b.insts.map((i) => ({ defs: i.defs.slice(), parts: i.parts.slice() })),
      term: { ...b.term, calls: b.term.calls.map((c) => ({ block: c.block, args: c.args.slice() })), rets: b.term.rets.slice() },
    })),
  };
}

function cloneCase(c: FuzzCase): FuzzCase {
  const callees = c.entry.callees.map((g) => cloneFunc(g, []));
  return { seed: c.seed, traps: c.traps, entry: cloneFunc(c.entry, callees), inputs: c.inputs.map((a) => a.slice()) };
}

/** Where each (function, block, instruction) sits, for the candidate edits below. */
interface Site { fn: number; block: number; inst: number }

function funcsOf(c: FuzzCase): GFunc[] {
  return [...c.entry.callees, c.entry];
}

function constParts(t: Type): Part[] {
  if (isFloat(t)) return [t === F32 ? 'f32const 0.0' : 'f64const 0.0'];
  return [`iconst.${typeName(t)} 0`];
}

function replaceUses(f: GFunc, from: number, to: number): void {
  const sub = (v: number) => (v === from ? to : v);
  for (const b of f.blocks) {
    for (const ins of b.insts) ins.parts = ins.parts.map((p) => (typeof p === 'string' || p.v !== from ? p : { v: to }));
    b.term.cond = sub(b.term.cond);
    b.term.rets = b.term.rets.map(sub);
    for (const c of b.term.calls) c.args = c.args.map(sub);
  }
}

/** Removes instructions with unused results and no side effects, and blocks no longer reachable. */
function cleanup(c: FuzzCase): void {
  for (const f of funcsOf(c)) {
    // reachability
    const seen = new Set<number>([f.order[0]]);
    const work = [f.order[0]];
    while (work.length) {
      const b = work.pop()!;
      for (const cl of f.blocks[b].term.calls) if (!seen.has(cl.block)) { seen.add(cl.block); work.push(cl.block); }
    }
    f.order = f.order.filter((b) => seen.has(b));
    mergeBlocks(f);
    for (;;) {
      const used = new Set<number>();
      for (const b of f.order) {
        const blk = f.blocks[b];
        for (const ins of blk.insts) for (const p of ins.parts) if (typeof p !== 'string') used.add(p.v);
        if (blk.term.cond >= 0) used.add(blk.term.cond);
        for (const v of blk.term.rets) used.add(v);
        for (const cl of blk.term.calls) for (const v of cl.args) used.add(v);
      }
      let changed = false;
      for (const b of f.order) {
        const blk = f.blocks[b];
        const keep = blk.insts.filter((ins) => {
          return ins.defs.length === 0 || ins.defs.some((d) => used.has(d));
        });
        if (keep.length !== blk.insts.length) { blk.insts = keep; changed = true; }
      }
      // unused parameters of non-entry blocks, with their arguments
      for (const b of f.order.slice(1)) {
        const blk = f.blocks[b];
        const keepIdx = blk.params.map((p, k) => (used.has(p) ? k : -1)).filter((k) => k >= 0);
        if (keepIdx.length === blk.params.length) continue;
        blk.params = keepIdx.map((k) => blk.params[k]);
        for (const a of f.order) for (const cl of f.blocks[a].term.calls) if (cl.block === b) cl.args = keepIdx.map((k) => cl.args[k]);
        changed = true;
      }
      if (!changed) break;
    }
  }
  // drop callees no longer called
  const e = c.entry;
  const called = new Set<number>();
  for (const b of e.order) {
    for (const ins of e.blocks[b].insts) {
      const m = /^call fn(\d+)\(/.exec(typeof ins.parts[0] === 'string' ? ins.parts[0] : '');
      if (m) called.add(Number(m[1]));
    }
    if (e.blocks[b].term.kind === 'try_call') called.add(e.blocks[b].term.callee!);
  }
  if (called.size === 0) e.callees = [];
  if (e.slots.length) {
    const usesSlot = e.order.some((b) => e.blocks[b].insts.some((ins) => partsText(ins.parts).includes('ss0')));
    if (!usesSlot) e.slots = [];
  }
}

/** Appends each block that has one predecessor, reached by a jump, to that predecessor. */
function mergeBlocks(f: GFunc): void {
  for (;;) {
    const preds = new Map<number, number>();
    for (const a of f.order) for (const cl of f.blocks[a].term.calls) preds.set(cl.block, (preds.get(cl.block) ?? 0) + 1);
    const a = f.order.find((x) => {
      const t = f.blocks[x].term;
      return t.kind === 'jump' && t.calls[0].block !== f.order[0] && t.calls[0].block !== x && preds.get(t.calls[0].block) === 1;
    });
    if (a === undefined) return;
    const A = f.blocks[a];
    const b = A.term.calls[0].block;
    const B = f.blocks[b];
    const args = A.term.calls[0].args;
    A.insts.push(...B.insts);
    A.term = B.term;
    f.order = f.order.filter((x) => x !== b);
    B.params.forEach((p, k) => replaceUses(f, p, args[k]));
  }
}

/** Single-step simplifications of a case, most aggressive first. */
function candidates(c: FuzzCase): FuzzCase[] {
  const out: FuzzCase[] = [];
  const fs = funcsOf(c);
  // control flow: brif / br_table -> jump
  fs.forEach((f, fi) => {
    for (const b of f.order) {
      const t = f.blocks[b].term;
      if (t.kind !== 'brif' && t.kind !== 'br_table') continue;
      const seen = new Set<number>();
      t.calls.forEach((cl, k) => {
        if (seen.has(cl.block)) return;
        seen.add(cl.block);
        const n = cloneCase(c);
        const nt = funcsOf(n)[fi].blocks[b].term;
        nt.kind = 'jump';
        nt.calls = [nt.calls[k]];
        nt.cond = -1;
        out.push(n);
      });
    }
  });
  // try_call -> call and jump (then the call can go like any instruction)
  fs.forEach((f, fi) => {
    for (const b of f.order) {
      if (f.blocks[b].term.kind !== 'try_call') continue;
      const n = cloneCase(c);
      const nf = funcsOf(n)[fi];
      const t = nf.blocks[b].term;
      const g = nf.callees[t.callee!];
      const defs = g.returns.map((ty) => {
        nf.types.push(ty);
        return nf.types.length - 1;
      });
      const parts: Part[] = [`call fn${t.callee}(`];
      t.rets.forEach((v, k) => {
        if (k) parts.push(', ');
        parts.push({ v });
      });
      parts.push(')');
      nf.blocks[b].insts.push({ defs, parts });
      nf.blocks[b].term = { kind: 'jump', cond: -1, calls: [{ block: t.calls[0].block, args: t.calls[0].args.map((a) => (a < 0 ? defs[-1 - a] : a)) }], rets: [] };
      // the handler may have become unreachable: cleanup drops it
      out.push(n);
    }
  });
  // instructions: delete (stores) or replace the results by a parameter of the same type or a constant
  const sites: Site[] = [];
  fs.forEach((f, fi) => {
    for (const b of f.order) f.blocks[b].insts.forEach((_, ii) => sites.push({ fn: fi, block: b, inst: ii }));
  });
  for (const s of sites.reverse()) {
    const f = fs[s.fn];
    const ins = f.blocks[s.block].insts[s.inst];
    const text = partsText(ins.parts);
    if (text.startsWith('iconst') || text.startsWith('f32const') || text.startsWith('f64const') || text.startsWith('stack_addr')) {
      if (/ (0|0x0|0\.0)$/.test(text)) continue;
    }
    if (ins.defs.length === 0) {
      const n = cloneCase(c);
      funcsOf(n)[s.fn].blocks[s.block].insts.splice(s.inst, 1);
      out.push(n);
      continue;
    }
    if (text.startsWith('stack_addr')) continue;
    // by one of its operands of the same type
    if (ins.defs.length === 1) {
      const ops = [...new Set(ins.parts.filter((p): p is { v: number } => typeof p !== 'string').map((p) => p.v))];
      for (const o of ops) {
        if (f.types[o] !== f.types[ins.defs[0]]) continue;
        const n = cloneCase(c);
        const nf = funcsOf(n)[s.fn];
        nf.blocks[s.block].insts.splice(s.inst, 1);
        replaceUses(nf, ins.defs[0], o);
        out.push(n);
      }
    }
    // by a function parameter
    const params = f.blocks[f.order[0]].params;
    const alt = ins.defs.map((d) => params.find((p) => f.types[p] === f.types[d]) ?? -1);
    if (alt.every((a) => a >= 0) && !ins.defs.some((d) => params.includes(d))) {
      const n = cloneCase(c);
      const nf = funcsOf(n)[s.fn];
      nf.blocks[s.block].insts.splice(s.inst, 1);
      ins.defs.forEach((d, k) => replaceUses(nf, d, alt[k]));
      out.push(n);
    }
    // by constants, each defined in place
    if (ins.defs.every((d) => f.types[d] !== I128)) {
      const n = cloneCase(c);
      const nf = funcsOf(n)[s.fn];
      const repl = ins.defs.map((d) => ({ defs: [d], parts: constParts(f.types[d]) }));
      nf.blocks[s.block].insts.splice(s.inst, 1, ...repl);
      out.push(n);
    }
  }
  // arguments of the run line: zero
  c.inputs[0].forEach((a, k) => {
    if (a.bits === 0n) return;
    const n = cloneCase(c);
    n.inputs[0][k] = { type: a.type, bits: 0n };
    out.push(n);
  });
  return out;
}

function sameKind(a: Outcome, b: Outcome): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'mismatch' || b.kind !== 'mismatch') return true;
  // a crash stays a crash, a wrong value stays a wrong value
  return /native (compile|trap|crash|signal|no result|link)/.test(a.detail) === /native (compile|trap|crash|signal|no result|link)/.test(b.detail);
}

/**
 * Shrinks a mismatching case: keeps only the failing input, then greedily
 * applies simplifications (tried in batches of `batch`) while the mismatch
 * stays of the same kind. Stops after `maxRounds` accepted steps.
 */
export interface ReduceOptions {
  /** Candidates per native run (default 24). */
  batch?: number;
  /** Accepted steps before stopping (default 200). */
  maxRounds?: number;
  /** How cases are judged (default runCases). */
  run?: (cases: FuzzCase[]) => Promise<CaseResult[]>;
}

export async function reduceCase(c0: FuzzCase, failing: CaseResult, opts: ReduceOptions = {}): Promise<CaseResult> {
  const batch = opts.batch ?? 24, maxRounds = opts.maxRounds ?? 200, runCases_ = opts.run ?? runCases;
  if (failing.outcome.kind !== 'mismatch') return failing;
  let cur = cloneCase(c0);
  cur.inputs = [cur.inputs[failing.outcome.input]];
  let best = (await runCases_([cur]))[0];
  if (!sameKind(best.outcome, failing.outcome)) return failing;
  cleanup(cur);
  for (let round = 0; round < maxRounds; round++) {
    const cands = candidates(cur);
    let accepted = false;
    for (let i = 0; i < cands.length && !accepted; i += batch) {
      const chunk = cands.slice(i, i + batch);
      chunk.forEach(cleanup);
      const res = await runCases_(chunk);
      for (let k = 0; k < chunk.length; k++) {
        if (res[k] && sameKind(res[k].outcome, failing.outcome)) {
          cur = chunk[k];
          best = res[k];
          accepted = true;
          break;
        }
      }
    }
    if (!accepted) break;
  }
  return best;
}
