// The meaning of the `llvm.*` intrinsics rustc emits at -C opt-level=0, as
// one table from base name (overload suffixes removed) to a lowering. An
// intrinsic missing here is a translation error naming it.

import { Op } from '../ir/opcodes.js';
import { FloatCC, IntCC, TrapCode } from '../ir/immediates.js';
import { INVALID, I8, I32, I64, I128, F16, F32, F64, F128, isVector, laneOf, typeBits, type Type } from '../ir/types.js';
import type { Value } from '../ir/function.js';
import { isFullWidth } from './layout.js';
import { extendHalf, truncToHalf } from './arith.js';
import type { Tx } from './context.js';
import { x86Intrinsic } from './x86-intrinsics.js';

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
    const t = clifOf(tx, resTy);
    const vals = args.slice(0, arity).map((a) => tx.value(a));
    if (isVector(t)) throw tx.err(`vector ${fn} is not supported`);
    if (t === F16) {
      const r = call(tx, `${fn}f`, vals.map(() => F32), [F32], vals.map((v) => extendHalf(tx, v)));
      return res(tx, dst, truncToHalf(tx, r));
    }
    const name = t === F32 ? `${fn}f` : t === F128 ? `${fn}f128` : fn;
    res(tx, dst, call(tx, name, vals.map(() => t), [t], vals));
  };
}

function unaryOp(op: number): Lowering {
  return (tx, args, resTy, dst) => res(tx, dst, tx.un(op, clifOf(tx, resTy), tx.value(args[0]!)));
}

/** Bit-counting ops on the container; odd widths are adjusted to the LLVM width. */
function bitCount(op: number): Lowering {
  return (tx, args, resTy, dst) => {
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
    const t = clifOf(tx, resTy);
    const a = tx.value(args[0]!), b = tx.value(args[1]!);
    if (isVector(t)) {
      const op = kind === 'uadd' ? Op.uadd_sat : kind === 'usub' ? Op.usub_sat : kind === 'sadd' ? Op.sadd_sat : Op.ssub_sat;
      return res(tx, dst, tx.bin(op, t, a, b));
    }
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

/** fshl/fshr: a rotate when both inputs are the same value, else through a double-width shift. */
function funnel(left: boolean): Lowering {
  return (tx, args, resTy, dst) => {
    const t = clifOf(tx, resTy);
    const bits = tx.L.intBits(resTy);
    if (!isFullWidth(bits)) throw tx.err(`funnel shift on i${bits}`);
    const a = tx.value(args[0]!), b = tx.value(args[1]!);
    let c = tx.value(args[2]!);
    if (args[0] === args[1]) return res(tx, dst, tx.bin(left ? Op.rotl : Op.rotr, t, a, c));
    if (bits === 128) throw tx.err('funnel shift of two different i128 values is not supported');
    const wide = bits === 64 ? I128 : bits === 32 ? I64 : I32;
    c = tx.bin(Op.band, t, c, tx.iconst(t, bits - 1));
    const hi = tx.bin(Op.ishl, wide, tx.un(Op.uextend, wide, a), tx.iconst(I8, bits));
    const joined = tx.bin(Op.bor, wide, hi, tx.un(Op.uextend, wide, b));
    if (left) {
      const s = tx.bin(Op.ishl, wide, joined, c);
      return res(tx, dst, tx.un(Op.ireduce, t, tx.bin(Op.ushr, wide, s, tx.iconst(I8, bits))));
    }
    return res(tx, dst, tx.un(Op.ireduce, t, tx.bin(Op.ushr, wide, joined, c)));
  };
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

/** minnum/maxnum: a NaN operand yields the other operand. */
function minMaxNum(max: boolean): Lowering {
  return (tx, args, resTy, dst) => {
    const t = clifOf(tx, resTy);
    const a = tx.value(args[0]!), b = tx.value(args[1]!);
    if (isVector(t)) throw tx.err('vector minnum/maxnum is not supported');
    const m = tx.bin(max ? Op.fmax : Op.fmin, t, a, b);
    const aNaN = tx.val(Op.fcmp, t, [a, a], FloatCC.Uno);
    const bNaN = tx.val(Op.fcmp, t, [b, b], FloatCC.Uno);
    const r = tx.tern(Op.select, t, bNaN, a, m);
    res(tx, dst, tx.tern(Op.select, t, aNaN, b, r));
  };
}

function memCall(fn: 'memcpy' | 'memmove' | 'memset'): Lowering {
  return (tx, args) => {
    const d = tx.value(args[0]!);
    let s = tx.value(args[1]!);
    const n = tx.resize(tx.value(args[2]!), I64, false);
    if (fn === 'memset') s = tx.un(Op.uextend, I32, s);
    tx.libcall(fn, [I64, fn === 'memset' ? I32 : I64, I64], [I64], [d, s, n]);
  };
}

function floatToIntSat(signed: boolean): Lowering {
  return (tx, args, resTy, dst) => {
    const t = clifOf(tx, resTy);
    const bits = tx.L.isInt(resTy) ? tx.L.intBits(resTy) : typeBits(laneOf(t));
    let x = tx.value(args[0]!);
    const from = tx.typeOf(x);
    if (from === F16) x = extendHalf(tx, x);
    if (from === F128) throw tx.err('saturating conversion from f128 is not supported');
    if (isVector(t) || isFullWidth(bits) && bits >= 32) return res(tx, dst, tx.un(signed ? Op.fcvt_to_sint_sat : Op.fcvt_to_uint_sat, t, x));
    // narrow targets: saturate at 64 bits, then clamp to the target range
    const w = tx.un(signed ? Op.fcvt_to_sint_sat : Op.fcvt_to_uint_sat, I64, x);
    const hiB = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
    const loB = signed ? -(1n << BigInt(bits - 1)) : 0n;
    const hi = tx.iconst(I64, hiB), lo = tx.iconst(I64, loB);
    let c = tx.tern(Op.select, I64, tx.val(Op.icmp, I64, [w, hi], signed ? IntCC.Sgt : IntCC.Ugt), hi, w);
    c = tx.tern(Op.select, I64, tx.val(Op.icmp, I64, [c, lo], IntCC.Slt), lo, c);
    res(tx, dst, tx.mask(tx.un(Op.ireduce, t, c), bits));
  };
}

// ---- the table ----

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
def('assume lifetime.start lifetime.end experimental.noalias.scope.decl prefetch sideeffect donothing x86.sse2.pause', () => {});
def('threadlocal.address', (tx, a, _t, dst) => {
  const g = a[0]!;
  if (g >= tx.numGlobals) throw tx.err('llvm.threadlocal.address of something other than a global');
  res(tx, dst, tx.threadLocalAddress(g));
});
def('fptosi.sat', floatToIntSat(true));
def('fptoui.sat', floatToIntSat(false));
def('fma fmuladd', (tx, a, t, dst) => res(tx, dst, tx.tern(Op.fma, clifOf(tx, t), tx.value(a[0]!), tx.value(a[1]!), tx.value(a[2]!))));
def('minnum', minMaxNum(false));
def('maxnum', minMaxNum(true));
def('minimum', (tx, a, t, dst) => res(tx, dst, tx.bin(Op.fmin, clifOf(tx, t), tx.value(a[0]!), tx.value(a[1]!))));
def('maximum', (tx, a, t, dst) => res(tx, dst, tx.bin(Op.fmax, clifOf(tx, t), tx.value(a[0]!), tx.value(a[1]!))));
def('copysign', (tx, a, t, dst) => res(tx, dst, tx.bin(Op.fcopysign, clifOf(tx, t), tx.value(a[0]!), tx.value(a[1]!))));
def('fabs', unaryOp(Op.fabs));
def('sqrt', (tx, a, t, dst) => {
  const ct = clifOf(tx, t);
  if (ct === F16 || ct === F128) return libm('sqrt', 1)(tx, a, t, dst);
  res(tx, dst, tx.un(Op.sqrt, ct, tx.value(a[0]!)));
});
def('floor', unaryOp(Op.floor));
def('ceil', unaryOp(Op.ceil));
def('trunc', unaryOp(Op.trunc));
def('rint nearbyint roundeven', unaryOp(Op.nearest));
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
def('abs', (tx, a, t, dst) => res(tx, dst, tx.un(Op.iabs, clifOf(tx, t), tx.value(a[0]!))));
def('smin', (tx, a, t, dst) => res(tx, dst, tx.bin(Op.smin, clifOf(tx, t), tx.value(a[0]!), tx.value(a[1]!))));
def('smax', (tx, a, t, dst) => res(tx, dst, tx.bin(Op.smax, clifOf(tx, t), tx.value(a[0]!), tx.value(a[1]!))));
def('umin', (tx, a, t, dst) => res(tx, dst, tx.bin(Op.umin, clifOf(tx, t), tx.value(a[0]!), tx.value(a[1]!))));
def('umax', (tx, a, t, dst) => res(tx, dst, tx.bin(Op.umax, clifOf(tx, t), tx.value(a[0]!), tx.value(a[1]!))));

/** After a trap mid-block, later instructions go to a fresh unreachable block. */
function startDeadBlock(tx: Tx): void {
  const b = tx.f.createBlock();
  tx.f.appendBlock(b);
  tx.cur = b;
}
