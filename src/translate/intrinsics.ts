// The meaning of the `llvm.*` intrinsics rustc emits at -C opt-level=0, as
// one table from base name (overload suffixes removed) to a lowering. An
// intrinsic missing here is a translation error naming it.

import { Op } from '../ir/opcodes.js';
import { FloatCC, IntCC, MemFlag, TrapCode } from '../ir/immediates.js';
import { INVALID, I8, I16, I32, I64, I128, F16, F32, F64, F128, isVector, laneOf, typeBits, vectorOf, type Type } from '../ir/types.js';
import type { Value } from '../ir/function.js';
import { isFullWidth } from './layout.js';
import { extendHalf, truncToHalf } from './arith.js';
import type { Tx } from './context.js';
import { allLanes, buildParts, isMaskType, partType, parts, uniformConst } from './lanes.js';
import { x86Intrinsic } from './x86-intrinsics.js';
import { vaStart, vaCopy } from './varargs.js';

/** A lowering: defines the call's result (if any) from its arguments (LLVM value ids). */
type Lowering = (tx: Tx, args: number[], resTy: number, dst: number) => void;

const table = new Map<string, Lowering>();
const def = (names: string, l: Lowering) => { for (const n of names.split(' ')) table.set(`llvm.${n}`, l); };

const cache = new Map<string, Lowering | null>();

function lookup(name: string): Lowering | null {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  let n = name;
  let found: Lowering | null = null;
  for (;;) {
    const l = table.get(n);
    if (l) { found = l; break; }
    const dot = n.lastIndexOf('.');
    if (dot <= 5) break;
    n = n.slice(0, dot);
  }
  cache.set(name, found);
  return found;
}

/** Translates call `i` to intrinsic `name` (arguments from operand `argStart`); false if unknown. */
export function translateIntrinsic(tx: Tx, name: string, i: number, argStart: number): boolean {
  const l = name.startsWith('llvm.x86.') ? x86Intrinsic(name) : lookup(name);
  if (!l) return false;
  const body = tx.body;
  const args: number[] = [];
  for (let k = argStart; k < body.opCount[i]!; k++) args.push(body.operand(i, k));
  l(tx, args, body.ty[i]!, body.val[i]!);
  return true;
}

// ---- helpers ----

function clifOf(tx: Tx, ty: number): Type {
  const t = tx.L.clif(ty);
  if (t === INVALID) throw tx.err(`intrinsic on unsupported type ${tx.typeName(ty)}`);
  return t;
}
function res(tx: Tx, dst: number, v: Value): void {
  if (dst >= 0) tx.define1(dst, v);
}
function call(tx: Tx, name: string, params: Type[], returns: Type[], args: Value[]): Value {
  return tx.f.result(tx.libcall(name, params, returns, args));
}

/** Unary or binary libm function by LLVM name: f32 gets the `f` suffix, f16 goes through f32. */
function libm(fn: string, arity: number): Lowering {
  return (tx, args, resTy, dst) => {
    if (tx.L.isVector(resTy)) {
      // lane by lane, each lane a libm call
      const pt = partType(tx, resTy);
      const lt = laneOf(pt);
      const cols = args.slice(0, arity).map((a) => allLanes(tx, a));
      const name = lt === F32 ? `${fn}f` : fn;
      const lanes = cols[0]!.map((_, k) => call(tx, name, cols.map(() => lt), [lt], cols.map((c) => c[k]!)));
      if (dst >= 0) tx.define(dst, buildParts(tx, pt, lanes));
      return;
    }
    const t = clifOf(tx, resTy);
    const vals = args.slice(0, arity).map((a) => tx.value(a));
    if (t === F16) {
      const r = call(tx, `${fn}f`, vals.map(() => F32), [F32], vals.map((v) => extendHalf(tx, v)));
      return res(tx, dst, truncToHalf(tx, r));
    }
    const name = t === F32 ? `${fn}f` : t === F128 ? `${fn}f128` : fn;
    res(tx, dst, call(tx, name, vals.map(() => t), [t], vals));
  };
}

/**
 * Applies `f` to the scalar, or to each 128-bit part of a vector (lane-wise
 * operations), with the arguments' values (or parts) in order.
 */
function perPart(tx: Tx, args: number[], resTy: number, dst: number, f: (t: Type, xs: Value[]) => Value): void {
  if (tx.L.isVector(resTy)) {
    const pt = partType(tx, resTy);
    const out: Value[] = [];
    for (let k = 0; k < tx.L.vectorParts(resTy); k++) out.push(f(pt, args.map((a) => tx.leaf(a, k))));
    if (dst >= 0) tx.define(dst, out);
    return;
  }
  res(tx, dst, f(clifOf(tx, resTy), args.map((a) => tx.value(a))));
}

/** A lane-wise CLIF opcode on the intrinsic's arguments. */
function lanewise(op: number, arity: number): Lowering {
  return (tx, args, resTy, dst) => perPart(tx, args.slice(0, arity), resTy, dst, (t, xs) => {
    tx.args.length = arity;
    for (let k = 0; k < arity; k++) tx.args[k] = xs[k]!;
    return tx.val(op, t, tx.args);
  });
}

function unaryOp(op: number): Lowering {
  return lanewise(op, 1);
}

/** Bit-counting ops on the container; odd widths are adjusted to the LLVM width. */
function bitCount(op: number): Lowering {
  return (tx, args, resTy, dst) => {
    if (tx.L.isVector(resTy)) return lanewise(op, 1)(tx, args, resTy, dst);
    const t = clifOf(tx, resTy);
    const bits = tx.L.isInt(resTy) ? tx.L.intBits(resTy) : typeBits(laneOf(t));
    let x = tx.value(args[0]!);
    const extra = typeBits(laneOf(t)) - bits;
    if (extra > 0 && op === Op.clz) {
      const r = tx.un(Op.clz, t, x);
      return res(tx, dst, tx.bin(Op.isub, t, r, tx.iconst(t, extra)));
    }
    if (extra > 0 && op === Op.ctz) x = tx.bin(Op.bor, t, x, tx.iconst(t, 1n << BigInt(bits)));
    if (extra > 0 && (op === Op.bswap || op === Op.bitrev)) {
      const r = tx.un(op, t, x);
      return res(tx, dst, tx.bin(Op.ushr, t, r, tx.iconst(I8, extra)));
    }
    res(tx, dst, tx.un(op, t, x));
  };
}

/** {iN, i1} = op.with.overflow(a, b). */
function withOverflow(op: number, signed: boolean): Lowering {
  return (tx, args, resTy, dst) => {
    const ity = tx.m.types.elem(resTy, 0);
    const t = clifOf(tx, ity);
    const bits = tx.L.intBits(ity);
    let a = tx.value(args[0]!), b = tx.value(args[1]!);
    if (!isFullWidth(bits)) {
      // compute in the container and check the result fits
      if (signed) { a = tx.signExtendInPlace(a, bits); b = tx.signExtendInPlace(b, bits); }
      const plain = op === Op.uadd_overflow || op === Op.sadd_overflow ? Op.iadd : op === Op.usub_overflow || op === Op.ssub_overflow ? Op.isub : Op.imul;
      const r = tx.bin(plain, t, a, b);
      const back = signed ? tx.signExtendInPlace(r, bits) : tx.mask(r, bits);
      const ovf = tx.val(Op.icmp, t, [back, r], IntCC.Ne);
      const m = tx.mask(r, bits);
      if (dst >= 0) tx.define(dst, [m, ovf]);
      return;
    }
    const inst = tx.ins(op, t, [a, b]);
    const r = tx.f.result(inst);
    if (dst >= 0) tx.define(dst, [r, r + 1]);
  };
}

function saturating(kind: 'uadd' | 'usub' | 'sadd' | 'ssub'): Lowering {
  return (tx, args, resTy, dst) => {
    if (tx.L.isVector(resTy)) {
      const op = kind === 'uadd' ? Op.uadd_sat : kind === 'usub' ? Op.usub_sat : kind === 'sadd' ? Op.sadd_sat : Op.ssub_sat;
      return lanewise(op, 2)(tx, args, resTy, dst);
    }
    const t = clifOf(tx, resTy);
    const a = tx.value(args[0]!), b = tx.value(args[1]!);
    const bits = tx.L.intBits(resTy);
    if (!isFullWidth(bits)) throw tx.err(`saturating arithmetic on i${bits}`);
    const op = kind === 'uadd' ? Op.uadd_overflow : kind === 'usub' ? Op.usub_overflow : kind === 'sadd' ? Op.sadd_overflow : Op.ssub_overflow;
    const inst = tx.ins(op, t, [a, b]);
    const r = tx.f.result(inst), ovf = r + 1;
    let bound: Value;
    if (kind === 'uadd') bound = tx.iconst(t, (1n << BigInt(bits)) - 1n);
    else if (kind === 'usub') bound = tx.iconst(t, 0);
    else {
      // signed overflow saturates toward the sign of the true result: a's sign (add) / a's sign (sub)
      const max = tx.iconst(t, (1n << BigInt(bits - 1)) - 1n);
      const min = tx.iconst(t, 1n << BigInt(bits - 1));
      const neg = tx.val(Op.icmp, t, [a, tx.iconst(t, 0)], IntCC.Slt);
      bound = tx.tern(Op.select, t, neg, min, max);
    }
    res(tx, dst, tx.tern(Op.select, t, ovf, bound, r));
  };
}

/**
 * fshl/fshr: a rotate when both inputs are the same value, else through a
 * double-width shift. Vectors: with one constant amount in every lane, two
 * vector shifts and an or per 128-bit part; else lane by lane.
 */
function funnel(left: boolean): Lowering {
  return (tx, args, resTy, dst) => {
    if (tx.L.isVector(resTy) && tx.L.isInt(tx.m.types.a[resTy]!)) return vectorFunnel(tx, args, resTy, dst, left);
    const t = clifOf(tx, resTy);
    if (!tx.L.isInt(resTy)) throw tx.err(`funnel shift on ${tx.typeName(resTy)}`);
    const bits = tx.L.intBits(resTy);
    if (!isFullWidth(bits)) throw tx.err(`funnel shift on i${bits}`);
    const a = tx.value(args[0]!), b = tx.value(args[1]!);
    res(tx, dst, scalarFunnel(tx, t, a, b, tx.value(args[2]!), left, args[0] === args[1]));
  };
}

function scalarFunnel(tx: Tx, t: Type, a: Value, b: Value, c: Value, left: boolean, rotate: boolean): Value {
  if (rotate) return tx.bin(left ? Op.rotl : Op.rotr, t, a, c);
  const bits = typeBits(t);
  if (bits === 128) throw tx.err('funnel shift of two different i128 values is not supported');
  const wide = bits === 64 ? I128 : bits === 32 ? I64 : I32;
  c = tx.bin(Op.band, t, c, tx.iconst(t, bits - 1));
  const hi = tx.bin(Op.ishl, wide, tx.un(Op.uextend, wide, a), tx.iconst(I8, bits));
  const joined = tx.bin(Op.bor, wide, hi, tx.un(Op.uextend, wide, b));
  if (left) {
    const s = tx.bin(Op.ishl, wide, joined, c);
    return tx.un(Op.ireduce, t, tx.bin(Op.ushr, wide, s, tx.iconst(I8, bits)));
  }
  return tx.un(Op.ireduce, t, tx.bin(Op.ushr, wide, joined, c));
}

function vectorFunnel(tx: Tx, args: number[], resTy: number, dst: number, left: boolean): void {
  const pt = partType(tx, resTy);
  const lt = laneOf(pt);
  const w = typeBits(lt);
  if (!isFullWidth(w) || w > 64) throw tx.err(`funnel shift on ${tx.typeName(resTy)}`);
  const amount = uniformConst(tx, args[2]!);
  if (amount !== null) {
    const k = Number(amount % BigInt(w));
    const out: Value[] = [];
    for (let p = 0; p < tx.L.vectorParts(resTy); p++) {
      const a = tx.leaf(args[0]!, p), b = tx.leaf(args[1]!, p);
      if (k === 0) {
        out.push(left ? a : b);
        continue;
      }
      const aShift = left ? k : w - k; // a moves up by this much, b down by the rest
      const hi = tx.bin(Op.ishl, pt, a, tx.iconst(I32, aShift));
      out.push(tx.bin(Op.bor, pt, hi, tx.bin(Op.ushr, pt, b, tx.iconst(I32, w - aShift))));
    }
    if (dst >= 0) tx.define(dst, out);
    return;
  }
  const as = allLanes(tx, args[0]!), bs = allLanes(tx, args[1]!), cs = allLanes(tx, args[2]!);
  const lanes = as.map((a, k) => scalarFunnel(tx, lt, a, bs[k]!, cs[k]!, left, args[0] === args[1]));
  if (dst >= 0) tx.define(dst, buildParts(tx, pt, lanes));
}

/** scmp/ucmp: -1, 0 or 1 in the result type. */
function threeWay(signed: boolean): Lowering {
  return (tx, args, resTy, dst) => {
    const rt = clifOf(tx, resTy);
    const aty = tx.llvmType(args[0]!);
    let a = tx.value(args[0]!), b = tx.value(args[1]!);
    const t = tx.typeOf(a);
    if (signed && tx.L.isInt(aty) && !isFullWidth(tx.L.intBits(aty))) {
      a = tx.signExtendInPlace(a, tx.L.intBits(aty));
      b = tx.signExtendInPlace(b, tx.L.intBits(aty));
    }
    const gt = tx.val(Op.icmp, t, [a, b], signed ? IntCC.Sgt : IntCC.Ugt);
    const lt = tx.val(Op.icmp, t, [a, b], signed ? IntCC.Slt : IntCC.Ult);
    const d = tx.bin(Op.isub, I8, gt, lt);
    res(tx, dst, tx.mask(tx.resize(d, rt, true), tx.L.intBits(resTy)));
  };
}

/**
 * minnum/maxnum as LLVM lowers them on x86-64: isnan(x) ? y : (y < x ? y : x)
 * (minsd with swapped operands), so a NaN operand yields the other one and
 * min(+0.0, -0.0) is the first operand.
 */
function minMaxNum(max: boolean): Lowering {
  return (tx, args, resTy, dst) => perPart(tx, args.slice(0, 2), resTy, dst, (t, [x, y]) => {
    const xNaN = tx.val(Op.fcmp, t, [x!, x!], FloatCC.Uno);
    const better = tx.val(Op.fcmp, t, [y!, x!], max ? FloatCC.Gt : FloatCC.Lt);
    if (isVector(t)) {
      const m = tx.tern(Op.bitselect, t, tx.bitcast(t, better), y!, x!);
      return tx.tern(Op.bitselect, t, tx.bitcast(t, xNaN), y!, m);
    }
    return tx.tern(Op.select, t, xNaN, y!, tx.tern(Op.select, t, better, y!, x!));
  });
}

/** Saturating f128 -> iN through compiler-builtins: NaN is 0, out-of-range values clamp. */
function f128ToIntSat(tx: Tx, x: Value, t: Type, bits: number, signed: boolean): Value {
  const pow2 = (k: number, neg = false) => tx.fconst(F128, (neg ? 1n << 127n : 0n) | (BigInt(16383 + k) << 112n));
  const cmp = (name: string, y: Value, cc: IntCC) => tx.val(Op.icmp, I32, [call(tx, name, [F128, F128], [I32], [x, y]), tx.iconst(I32, 0)], cc);
  const hiB = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const loB = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const conv = call(tx, signed ? '__fixtfti' : '__fixunstfti', [F128], [I128], [x]);
  let r = tx.resize(conv, t, signed);
  // x >= 2^(bits-1) (signed) or 2^bits (unsigned): the maximum
  const tooBig = cmp('__getf2', pow2(signed ? bits - 1 : bits), IntCC.Sge);
  r = tx.tern(Op.select, t, tooBig, tx.iconst(t, hiB), r);
  // x < -2^(bits-1) (signed) or x <= -1 (unsigned): the minimum
  const negLimit = signed ? pow2(bits - 1, true) : pow2(0, true);
  const tooSmall = cmp(signed ? '__lttf2' : '__letf2', negLimit, signed ? IntCC.Slt : IntCC.Sle);
  r = tx.tern(Op.select, t, tooSmall, tx.iconst(t, loB), r);
  const nan = tx.val(Op.icmp, I32, [call(tx, '__unordtf2', [F128, F128], [I32], [x, x]), tx.iconst(I32, 0)], IntCC.Ne);
  return tx.mask(tx.tern(Op.select, t, nan, tx.iconst(t, 0), r), bits);
}

/**
 * Largest constant length copied inline rather than by a call of memcpy:
 * LLVM's -O0 instruction selector (x86 FastISel) copies up to 32 bytes
 * inline and calls memcpy beyond, and a debugger's `step` enters that call
 * (the C library has line tables for it), so cgts does the same.
 */
const INLINE_COPY_BYTES = 32;
/** Largest constant length moved (memmove) or set (memset) inline rather than by a call. */
const INLINE_MEM_BYTES = 64;

/** The pieces (in bytes) of an inline copy of n bytes: 16-byte vectors, then 8, 4, 2, 1. */
function memPieces(n: number): number[] {
  const out: number[] = [];
  let left = n;
  for (const w of [16, 8, 4, 2, 1]) while (left >= w) { out.push(w); left -= w; }
  return out;
}

const PIECE_TYPE: Record<number, Type> = { 16: vectorOf(I8, 16), 8: I64, 4: I32, 2: I16, 1: I8 };

function memCall(fn: 'memcpy' | 'memmove' | 'memset'): Lowering {
  return (tx, args) => {
    const len = tx.constIntOrNull(args[2]!);
    if (len !== null && len >= 0 && len <= (fn === 'memcpy' ? INLINE_COPY_BYTES : INLINE_MEM_BYTES) && (fn !== 'memset' || tx.constBig(args[1]!) !== null)) {
      memInline(tx, fn, args, len);
      return;
    }
    const d = tx.value(args[0]!);
    let s = tx.value(args[1]!);
    const n = tx.resize(tx.value(args[2]!), I64, false);
    if (fn === 'memset') s = tx.un(Op.uextend, I32, s);
    tx.libcall(fn, [I64, fn === 'memset' ? I32 : I64, I64], [I64], [d, s, n]);
  };
}

/**
 * A copy of constant length as loads then stores (all loads first, so
 * overlapping memmove operands are right too), or a set with a constant byte
 * as stores of constants.
 */
function memInline(tx: Tx, fn: 'memcpy' | 'memmove' | 'memset', args: number[], len: number): void {
  const pieces = memPieces(len);
  if (pieces.length === 0) return;
  const d = tx.value(args[0]!);
  if (fn === 'memset') {
    const byte = Number(tx.constBig(args[1]!)! & 0xffn);
    let at = 0;
    for (const w of pieces) {
      const t = PIECE_TYPE[w]!;
      const x = w === 16 ? tx.vconst(t, new Uint8Array(16).fill(byte)) : tx.iconst(t, BigInt(byte) * (((1n << BigInt(8 * w)) - 1n) / 255n));
      tx.ins(Op.store, INVALID, [x, d], MemFlag.Notrap, at);
      at += w;
    }
    return;
  }
  const s = tx.value(args[1]!);
  const xs: Value[] = [];
  let at = 0;
  for (const w of pieces) {
    xs.push(tx.val(Op.load, PIECE_TYPE[w]!, [s], MemFlag.Notrap, at));
    at += w;
  }
  at = 0;
  for (let k = 0; k < pieces.length; k++) {
    tx.ins(Op.store, INVALID, [xs[k]!, d], MemFlag.Notrap, at);
    at += pieces[k]!;
  }
}

function floatToIntSat(signed: boolean): Lowering {
  return (tx, args, resTy, dst) => {
    if (tx.L.isVector(resTy)) {
      // lane-wise, each lane as the scalar conversion
      const e = tx.m.types.a[resTy]!;
      const lanes = allLanes(tx, args[0]!).map((x) => scalarFloatToIntSat(tx, x, tx.L.clif(e), tx.L.intBits(e), signed));
      if (dst >= 0) tx.define(dst, buildParts(tx, partType(tx, resTy), lanes));
      return;
    }
    const t = clifOf(tx, resTy);
    res(tx, dst, scalarFloatToIntSat(tx, tx.value(args[0]!), t, tx.L.intBits(resTy), signed));
  };
}

function scalarFloatToIntSat(tx: Tx, x0: Value, t: Type, bits: number, signed: boolean): Value {
  let x = x0;
  const from = tx.typeOf(x);
  if (from === F16) x = extendHalf(tx, x);
  if (from === F128) return f128ToIntSat(tx, x, t, bits, signed);
  if (isFullWidth(bits) && bits >= 32) return tx.un(signed ? Op.fcvt_to_sint_sat : Op.fcvt_to_uint_sat, t, x);
  // narrow targets: saturate at 64 bits, then clamp to the target range
  const w = tx.un(signed ? Op.fcvt_to_sint_sat : Op.fcvt_to_uint_sat, I64, x);
  const hiB = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const loB = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const hi = tx.iconst(I64, hiB), lo = tx.iconst(I64, loB);
  let c = tx.tern(Op.select, I64, tx.val(Op.icmp, I64, [w, hi], signed ? IntCC.Sgt : IntCC.Ugt), hi, w);
  c = tx.tern(Op.select, I64, tx.val(Op.icmp, I64, [c, lo], IntCC.Slt), lo, c);
  return tx.mask(tx.un(Op.ireduce, t, c), bits);
}

// ---- the table ----

def('vector.reduce.and', reduce(Op.band, 'and'));
def('vector.reduce.or', reduce(Op.bor, 'or'));
def('vector.reduce.xor', reduce(Op.bxor, 'other'));
def('vector.reduce.add', reduce(Op.iadd, 'other'));
def('vector.reduce.mul', reduce(Op.imul, 'other'));
def('vector.reduce.smax', reduce(Op.smax, 'other'));
def('vector.reduce.smin', reduce(Op.smin, 'other'));
def('vector.reduce.umax', reduce(Op.umax, 'other'));
def('vector.reduce.umin', reduce(Op.umin, 'other'));
def('vector.reduce.fadd', reduce(Op.fadd, 'other'));
def('vector.reduce.fmul', reduce(Op.fmul, 'other'));
def('vector.reduce.fmax vector.reduce.fmaximum', reduce(Op.fmax, 'other'));
def('vector.reduce.fmin vector.reduce.fminimum', reduce(Op.fmin, 'other'));

def('memcpy memcpy.inline', memCall('memcpy'));
def('memmove', memCall('memmove'));
def('memset memset.inline', memCall('memset'));
def('uadd.with.overflow', withOverflow(Op.uadd_overflow, false));
def('sadd.with.overflow', withOverflow(Op.sadd_overflow, true));
def('usub.with.overflow', withOverflow(Op.usub_overflow, false));
def('ssub.with.overflow', withOverflow(Op.ssub_overflow, true));
def('umul.with.overflow', withOverflow(Op.umul_overflow, false));
def('smul.with.overflow', withOverflow(Op.smul_overflow, true));
def('uadd.sat', saturating('uadd'));
def('usub.sat', saturating('usub'));
def('sadd.sat', saturating('sadd'));
def('ssub.sat', saturating('ssub'));
def('trap', (tx) => { tx.ins(Op.trap, INVALID, [], TrapCode.UserBase + 1); startDeadBlock(tx); });
def('debugtrap', (tx) => { tx.ins(Op.debugtrap, INVALID, []); });
def('ctpop', bitCount(Op.popcnt));
def('ctlz', bitCount(Op.clz));
def('cttz', bitCount(Op.ctz));
def('bswap', bitCount(Op.bswap));
def('bitreverse', bitCount(Op.bitrev));
def('fshl', funnel(true));
def('fshr', funnel(false));
def('scmp', threeWay(true));
def('ucmp', threeWay(false));
def('is.constant', (tx, _a, _t, dst) => res(tx, dst, tx.iconst(I8, 0)));
def('expect', (tx, a, _t, dst) => res(tx, dst, tx.value(a[0]!)));
def('assume lifetime.start lifetime.end experimental.noalias.scope.decl prefetch sideeffect donothing', () => {});
def('va_start', (tx, a) => vaStart(tx, tx.value(a[0]!)));
def('va_end', () => {});
def('va_copy', (tx, a) => vaCopy(tx, tx.value(a[0]!), tx.value(a[1]!)));
def('threadlocal.address', (tx, a, _t, dst) => {
  const g = a[0]!;
  if (g >= tx.numGlobals) throw tx.err('llvm.threadlocal.address of something other than a global');
  res(tx, dst, tx.threadLocalAddress(g));
});
def('fptosi.sat', floatToIntSat(true));
def('fptoui.sat', floatToIntSat(false));
// fma: one rounding. Vectors: per 128-bit part in functions with FMA3 (vfmadd), else lane by lane (each lane calls libm)
def('fma fmuladd', (tx, a, t, dst) => {
  if (!tx.L.isVector(t)) return lanewise(Op.fma, 3)(tx, a, t, dst);
  const pl = laneOf(partType(tx, t));
  if ((pl === F32 || pl === F64) && tx.f.isaFlags.includes('has_fma')) return lanewise(Op.fma, 3)(tx, a, t, dst);
  const xs = allLanes(tx, a[0]!), ys = allLanes(tx, a[1]!), zs = allLanes(tx, a[2]!);
  const lt = laneOf(partType(tx, t));
  const lanes = xs.map((x, k) => tx.tern(Op.fma, lt, x, ys[k]!, zs[k]!));
  if (dst >= 0) tx.define(dst, buildParts(tx, partType(tx, t), lanes));
});
def('minnum minimumnum', minMaxNum(false));
def('maxnum maximumnum', minMaxNum(true));
def('minimum', lanewise(Op.fmin, 2));
def('maximum', lanewise(Op.fmax, 2));
def('copysign', (tx, a, t, dst) => {
  const ct = tx.L.isVector(t) ? INVALID : clifOf(tx, t);
  if (ct === F16 || ct === F128) return res(tx, dst, signBits(tx, ct, tx.value(a[0]!), tx.value(a[1]!)));
  lanewise(Op.fcopysign, 2)(tx, a, t, dst);
});
def('fabs', (tx, a, t, dst) => {
  const ct = tx.L.isVector(t) ? INVALID : clifOf(tx, t);
  if (ct === F16 || ct === F128) return res(tx, dst, signBits(tx, ct, tx.value(a[0]!), null));
  unaryOp(Op.fabs)(tx, a, t, dst);
});
def('sqrt', (tx, a, t, dst) => {
  if (tx.L.isVector(t)) return lanewise(Op.sqrt, 1)(tx, a, t, dst);
  const ct = clifOf(tx, t);
  if (ct === F16 || ct === F128) return libm('sqrt', 1)(tx, a, t, dst);
  res(tx, dst, tx.un(Op.sqrt, ct, tx.value(a[0]!)));
});
/** A rounding op: CLIF's for f32/f64 (and vectors), libm's for f16 (through f32) and f128. */
function rounding(op: number, fn: string): Lowering {
  return (tx, args, resTy, dst) => {
    const t = tx.L.isVector(resTy) ? INVALID : clifOf(tx, resTy);
    if (t === F16 || t === F128) return libm(fn, 1)(tx, args, resTy, dst);
    unaryOp(op)(tx, args, resTy, dst);
  };
}

/** fabs/copysign on f16 and f128 as sign-bit operations on the bits. */
function signBits(tx: Tx, t: Type, x: Value, signFrom: Value | null): Value {
  const it = t === F16 ? I16 : I128;
  const sign = (1n << BigInt(typeBits(it) - 1));
  const mag = tx.bin(Op.band, it, tx.bitcast(it, x), tx.iconst(it, sign - 1n));
  if (signFrom === null) return tx.bitcast(t, mag);
  const s = tx.bin(Op.band, it, tx.bitcast(it, signFrom), tx.iconst(it, sign));
  return tx.bitcast(t, tx.bin(Op.bor, it, mag, s));
}

def('floor', rounding(Op.floor, 'floor'));
def('ceil', rounding(Op.ceil, 'ceil'));
def('trunc', rounding(Op.trunc, 'trunc'));
def('rint nearbyint roundeven', rounding(Op.nearest, 'rint'));
def('round', libm('round', 1));
for (const fn of ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'exp2', 'exp10', 'log', 'log2', 'log10']) def(fn, libm(fn, 1));
def('pow', libm('pow', 2));
def('atan2', libm('atan2', 2));
def('powi', (tx, a, t, dst) => {
  const ct = clifOf(tx, t);
  const x = tx.value(a[0]!), n = tx.value(a[1]!);
  if (ct === F32) return res(tx, dst, call(tx, '__powisf2', [F32, I32], [F32], [x, n]));
  if (ct === F64) return res(tx, dst, call(tx, '__powidf2', [F64, I32], [F64], [x, n]));
  throw tx.err('powi on this type is not supported');
});
def('abs', lanewise(Op.iabs, 1));
def('smin', lanewise(Op.smin, 2));
def('smax', lanewise(Op.smax, 2));
def('umin', lanewise(Op.umin, 2));
def('umax', lanewise(Op.umax, 2));

/**
 * vector.reduce.*: masks use vall_true/vany_true; otherwise lane by lane in
 * order (the order LLVM's sequential fadd/fmul reductions require).
 */
function reduce(op: number, kind: 'and' | 'or' | 'other'): Lowering {
  return (tx, args, resTy, dst) => {
    const ordered = args.length === 2; // fadd/fmul take a start value first
    const vv = args[ordered ? 1 : 0]!;
    const isMask = isMaskType(tx, tx.llvmType(vv));
    if (isMask && kind !== 'other') {
      // all/any lane set, over every part
      const ps = parts(tx, vv);
      let r = -1;
      for (const p of ps) {
        const b = tx.un(kind === 'and' ? Op.vall_true : Op.vany_true, tx.typeOf(p), p);
        r = r < 0 ? b : tx.bin(kind === 'and' ? Op.band : Op.bor, I8, r, b);
      }
      return res(tx, dst, r);
    }
    const rt = clifOf(tx, resTy);
    let acc = ordered ? tx.value(args[0]!) : -1;
    for (let x of allLanes(tx, vv)) {
      if (isMask) x = tx.mask(tx.resize(x, rt, false), 1);
      else if (tx.typeOf(x) !== rt) x = tx.resize(x, rt, false);
      acc = acc < 0 ? x : tx.bin(op, rt, acc, x);
    }
    res(tx, dst, isMask ? tx.mask(acc, 1) : acc);
  };
}

/** After a trap mid-block, later instructions go to a fresh unreachable block. */
function startDeadBlock(tx: Tx): void {
  const b = tx.newBlock();
  tx.cur = b;
}
