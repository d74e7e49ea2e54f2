// IEEE floating point on raw bit patterns (bigint) for the interpreter: f16,
// f32, f64 and f128 arithmetic, rounding, comparison and conversions, each
// correctly rounded (ties to even) with x86-64's NaN rules.

import { Lane, Type } from './types.js';
import { FloatCC } from './immediates.js';
import { fail } from '../support/diag.js';

interface Fmt { expBits: number; fracBits: number; bits: number; bias: number }
const fmts: Fmt[] = [];
fmts[Lane.F16] = { expBits: 5, fracBits: 10, bits: 16, bias: 15 };
fmts[Lane.F32] = { expBits: 8, fracBits: 23, bits: 32, bias: 127 };
fmts[Lane.F64] = { expBits: 11, fracBits: 52, bits: 64, bias: 1023 };
fmts[Lane.F128] = { expBits: 15, fracBits: 112, bits: 128, bias: 16383 };

function fmtOf(lane: Type): Fmt {
  const f = fmts[lane];
  if (!f) fail(`internal: not a float lane type ${lane}`);
  return f;
}

const signBitOf = (f: Fmt) => 1n << BigInt(f.bits - 1);
const expMaskOf = (f: Fmt) => ((1n << BigInt(f.expBits)) - 1n) << BigInt(f.fracBits);
const fracMaskOf = (f: Fmt) => (1n << BigInt(f.fracBits)) - 1n;

export function isNaNBits(bits: bigint, lane: Type): boolean {
  const f = fmtOf(lane);
  const em = expMaskOf(f);
  return (bits & em) === em && (bits & fracMaskOf(f)) !== 0n;
}
/** The NaN with its quiet bit set. */
export function quiet(bits: bigint, lane: Type): bigint {
  const f = fmtOf(lane);
  return bits | (1n << BigInt(f.fracBits - 1));
}
/** The NaN x86 produces for invalid operations: sign set, quiet, no payload. */
export function defaultNaN(lane: Type): bigint {
  const f = fmtOf(lane);
  return signBitOf(f) | expMaskOf(f) | (1n << BigInt(f.fracBits - 1));
}
export function infBits(lane: Type, neg: boolean): bigint {
  const f = fmtOf(lane);
  return (neg ? signBitOf(f) : 0n) | expMaskOf(f);
}
export function fnegBits(bits: bigint, lane: Type): bigint {
  return bits ^ signBitOf(fmtOf(lane));
}
export function fabsBits(bits: bigint, lane: Type): bigint {
  return bits & ~signBitOf(fmtOf(lane));
}
export function fcopysignBits(a: bigint, b: bigint, lane: Type): bigint {
  const s = signBitOf(fmtOf(lane));
  return (a & ~s) | (b & s);
}

export const enum FClass { Zero, Finite, Inf, NaN }
/** A float taken apart: the value is (neg ? -1 : 1) * mant * 2^exp. */
export interface Decoded { cls: FClass; neg: boolean; mant: bigint; exp: number }

export function decode(bits: bigint, lane: Type): Decoded {
  const f = fmtOf(lane);
  const neg = (bits & signBitOf(f)) !== 0n;
  const e = Number((bits >> BigInt(f.fracBits)) & ((1n << BigInt(f.expBits)) - 1n));
  const frac = bits & fracMaskOf(f);
  if (e === (1 << f.expBits) - 1) return { cls: frac === 0n ? FClass.Inf : FClass.NaN, neg, mant: frac, exp: 0 };
  if (e === 0) {
    if (frac === 0n) return { cls: FClass.Zero, neg, mant: 0n, exp: 0 };
    return { cls: FClass.Finite, neg, mant: frac, exp: 1 - f.bias - f.fracBits };
  }
  return { cls: FClass.Finite, neg, mant: frac | (1n << BigInt(f.fracBits)), exp: e - f.bias - f.fracBits };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Shifts right by `s` rounding to nearest, ties to even; `sticky` says nonzero bits were already lost below. */
function shiftRound(m: bigint, s: number, sticky = false): bigint {
  if (s <= 0) return m << BigInt(-s);
  const S = BigInt(s);
  const q = m >> S;
  const rem = m & ((1n << S) - 1n);
  const half = 1n << (S - 1n);
  if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) return q + 1n;
  return q;
}

/**
 * The float of format `lane` nearest to (neg ? -1 : 1) * mant * 2^exp (ties to
 * even); `sticky` says the true value is slightly above mant * 2^exp.
 */
export function roundToFloat(neg: boolean, mant: bigint, exp: number, lane: Type, sticky = false): bigint {
  const f = fmtOf(lane);
  const sign = neg ? signBitOf(f) : 0n;
  if (mant === 0n) return sign;
  const n = bitLength(mant);
  const e = exp + n - 1;
  const emin = 1 - f.bias;
  let q = e < emin ? emin - f.fracBits : e - f.fracBits;
  let m = shiftRound(mant, q - exp, sticky);
  if (m === 1n << BigInt(f.fracBits + 1)) {
    m >>= 1n;
    q++;
  }
  if (m === 0n) return sign;
  const hidden = 1n << BigInt(f.fracBits);
  if (m < hidden) return sign | m;
  const biased = q + f.fracBits + f.bias;
  if (biased >= (1 << f.expBits) - 1) return sign | expMaskOf(f);
  return sign | (BigInt(biased) << BigInt(f.fracBits)) | (m - hidden);
}

// ---- JS number bridge (f32 and f64 values are exact doubles) ----

const dview = new DataView(new ArrayBuffer(8));

function toNum(bits: bigint, lane: Type): number {
  if (lane === Lane.F64) {
    dview.setBigUint64(0, bits, true);
    return dview.getFloat64(0, true);
  }
  if (lane === Lane.F32) {
    dview.setUint32(0, Number(bits), true);
    return dview.getFloat32(0, true);
  }
  const d = decode(bits, lane);
  if (d.cls === FClass.Zero) return d.neg ? -0 : 0;
  if (d.cls === FClass.Inf) return d.neg ? -Infinity : Infinity;
  const v = Number(d.mant) * 2 ** d.exp;
  return d.neg ? -v : v;
}

/** A non-NaN double rounded to `lane` (exact for f64). */
function fromNum(x: number, lane: Type): bigint {
  dview.setFloat64(0, x, true);
  const b = dview.getBigUint64(0, true);
  if (lane === Lane.F64) return b;
  if (lane === Lane.F32) {
    dview.setFloat32(0, x, true);
    return BigInt(dview.getUint32(0, true));
  }
  const d = decode(b, Lane.F64);
  if (d.cls === FClass.Inf) return infBits(lane, d.neg);
  return roundToFloat(d.neg, d.mant, d.exp, lane);
}

// ---- exact arithmetic on decoded values, for f128 and fma ----

/** The exact sum of two finite-or-zero decoded values, rounded to `lane`. */
function addExact(an: boolean, am: bigint, ae: number, bn: boolean, bm: bigint, be: number, lane: Type): bigint {
  if (am === 0n && bm === 0n) return roundToFloat(an && bn, 0n, 0, lane);
  const e = Math.min(am === 0n ? be : ae, bm === 0n ? ae : be);
  const a = am << BigInt(am === 0n ? 0 : ae - e);
  const b = bm << BigInt(bm === 0n ? 0 : be - e);
  const s = (an ? -a : a) + (bn ? -b : b);
  if (s === 0n) return 0n;
  return roundToFloat(s < 0n, s < 0n ? -s : s, e, lane);
}

function divExact(neg: boolean, am: bigint, ae: number, bm: bigint, be: number, lane: Type): bigint {
  const p = fmtOf(lane).fracBits + 1;
  const k = Math.max(0, p + 3 - bitLength(am) + bitLength(bm));
  const num = am << BigInt(k);
  const q = num / bm;
  const r = num % bm;
  // One extra low bit carries "inexact" so ties are decided correctly.
  return roundToFloat(neg, (q << 1n) | (r !== 0n ? 1n : 0n), ae - be - k - 1, lane);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function sqrtExact(m: bigint, e: number, lane: Type): bigint {
  const p = fmtOf(lane).fracBits + 1;
  let k = Math.max(0, 2 * (p + 3) - bitLength(m));
  if ((e - k) % 2 !== 0) k++;
  const n = m << BigInt(k);
  const s = isqrt(n);
  const inexact = s * s !== n;
  return roundToFloat(false, (s << 1n) | (inexact ? 1n : 0n), (e - k) / 2 - 1, lane);
}

export const enum FBin { Add, Sub, Mul, Div }

/** a op b with x86 NaN rules: the first NaN operand, quieted; invalid operations give the default NaN. */
export function fbinary(op: FBin, a: bigint, b: bigint, lane: Type): bigint {
  if (isNaNBits(a, lane)) return quiet(a, lane);
  if (isNaNBits(b, lane)) return quiet(b, lane);
  if (lane !== Lane.F128) {
    const x = toNum(a, lane), y = toNum(b, lane);
    let r: number;
    switch (op) {
      case FBin.Add: r = x + y; break;
      case FBin.Sub: r = x - y; break;
      case FBin.Mul: r = x * y; break;
      default: r = x / y; break;
    }
    if (Number.isNaN(r)) return defaultNaN(lane);
    return fromNum(r, lane);
  }
  const da = decode(a, lane);
  const db = decode(b, lane);
  if (op === FBin.Sub) db.neg = !db.neg;
  switch (op) {
    case FBin.Add:
    case FBin.Sub:
      if (da.cls === FClass.Inf || db.cls === FClass.Inf) {
        if (da.cls === FClass.Inf && db.cls === FClass.Inf && da.neg !== db.neg) return defaultNaN(lane);
        return infBits(lane, da.cls === FClass.Inf ? da.neg : db.neg);
      }
      return addExact(da.neg, da.mant, da.exp, db.neg, db.mant, db.exp, lane);
    case FBin.Mul: {
      const neg = da.neg !== db.neg;
      if (da.cls === FClass.Inf || db.cls === FClass.Inf) {
        if (da.cls === FClass.Zero || db.cls === FClass.Zero) return defaultNaN(lane);
        return infBits(lane, neg);
      }
      return roundToFloat(neg, da.mant * db.mant, da.exp + db.exp, lane);
    }
    default: {
      const neg = da.neg !== db.neg;
      if (da.cls === FClass.Inf) return db.cls === FClass.Inf ? defaultNaN(lane) : infBits(lane, neg);
      if (db.cls === FClass.Inf) return roundToFloat(neg, 0n, 0, lane);
      if (db.cls === FClass.Zero) return da.cls === FClass.Zero ? defaultNaN(lane) : infBits(lane, neg);
      if (da.cls === FClass.Zero) return roundToFloat(neg, 0n, 0, lane);
      return divExact(neg, da.mant, da.exp, db.mant, db.exp, lane);
    }
  }
}

export function fsqrt(a: bigint, lane: Type): bigint {
  if (isNaNBits(a, lane)) return quiet(a, lane);
  const d = decode(a, lane);
  if (d.cls === FClass.Zero) return a;
  if (d.neg) return defaultNaN(lane);
  if (d.cls === FClass.Inf) return a;
  if (lane !== Lane.F128) return fromNum(Math.sqrt(toNum(a, lane)), lane);
  return sqrtExact(d.mant, d.exp, lane);
}

/** a * b + c with a single rounding. */
export function ffma(a: bigint, b: bigint, c: bigint, lane: Type): bigint {
  for (const x of [a, b, c]) if (isNaNBits(x, lane)) return quiet(x, lane);
  const da = decode(a, lane), db = decode(b, lane), dc = decode(c, lane);
  const pn = da.neg !== db.neg;
  const pInf = da.cls === FClass.Inf || db.cls === FClass.Inf;
  if (pInf && (da.cls === FClass.Zero || db.cls === FClass.Zero)) return defaultNaN(lane);
  if (pInf) {
    if (dc.cls === FClass.Inf && dc.neg !== pn) return defaultNaN(lane);
    return infBits(lane, pn);
  }
  if (dc.cls === FClass.Inf) return c;
  return addExact(pn, da.mant * db.mant, da.exp + db.exp, dc.neg, dc.mant, dc.exp, lane);
}

export const enum RoundMode { Ceil, Floor, Trunc, Nearest }

export function fround(mode: RoundMode, a: bigint, lane: Type): bigint {
  if (isNaNBits(a, lane)) return quiet(a, lane);
  const d = decode(a, lane);
  if (d.cls !== FClass.Finite || d.exp >= 0) return a;
  const s = BigInt(-d.exp);
  let q = d.mant >> s;
  const rem = d.mant & ((1n << s) - 1n);
  if (rem !== 0n) {
    const half = 1n << (s - 1n);
    switch (mode) {
      case RoundMode.Ceil: if (!d.neg) q++; break;
      case RoundMode.Floor: if (d.neg) q++; break;
      case RoundMode.Trunc: break;
      case RoundMode.Nearest: if (rem > half || (rem === half && (q & 1n) === 1n)) q++; break;
    }
  }
  return roundToFloat(d.neg, q, 0, lane);
}

/** Ordering key of a non-NaN float: compares like the value, with -0 == +0. */
function orderKey(bits: bigint, lane: Type): bigint {
  const f = fmtOf(lane);
  const mag = bits & ~signBitOf(f);
  return (bits & signBitOf(f)) !== 0n ? -mag : mag;
}

export function fcmp(cc: FloatCC, a: bigint, b: bigint, lane: Type): boolean {
  const uno = isNaNBits(a, lane) || isNaNBits(b, lane);
  let lt = false, eq = false, gt = false;
  if (!uno) {
    const x = orderKey(a, lane), y = orderKey(b, lane);
    lt = x < y;
    eq = x === y;
    gt = x > y;
  }
  switch (cc) {
    case FloatCC.Ord: return !uno;
    case FloatCC.Uno: return uno;
    case FloatCC.Eq: return eq;
    case FloatCC.Ne: return !eq;
    case FloatCC.One: return lt || gt;
    case FloatCC.Ueq: return uno || eq;
    case FloatCC.Lt: return lt;
    case FloatCC.Le: return lt || eq;
    case FloatCC.Gt: return gt;
    case FloatCC.Ge: return gt || eq;
    case FloatCC.Ult: return uno || lt;
    case FloatCC.Ule: return uno || lt || eq;
    case FloatCC.Ugt: return uno || gt;
    case FloatCC.Uge: return uno || gt || eq;
  }
  return false;
}

/** fmin/fmax: a NaN operand is returned as it is; -0 is below +0. */
export function fminmax(isMax: boolean, a: bigint, b: bigint, lane: Type): bigint {
  if (isNaNBits(a, lane)) return a;
  if (isNaNBits(b, lane)) return b;
  const f = fmtOf(lane);
  const x = orderKey(a, lane), y = orderKey(b, lane);
  if (x === y && x === 0n) {
    const aNeg = (a & signBitOf(f)) !== 0n;
    return isMax ? (aNeg ? b : a) : (aNeg ? a : b);
  }
  return isMax ? (x >= y ? a : b) : (x <= y ? a : b);
}

/** fpromote / fdemote: NaNs keep sign and the top of their payload and become quiet. */
export function fconvert(a: bigint, from: Type, to: Type): bigint {
  const fa = fmtOf(from), ft = fmtOf(to);
  const d = decode(a, from);
  switch (d.cls) {
    case FClass.NaN: {
      const diff = ft.fracBits - fa.fracBits;
      const frac = diff >= 0 ? d.mant << BigInt(diff) : d.mant >> BigInt(-diff);
      return quiet((d.neg ? signBitOf(ft) : 0n) | expMaskOf(ft) | frac, to);
    }
    case FClass.Inf: return infBits(to, d.neg);
    default: return roundToFloat(d.neg, d.mant, d.exp, to);
  }
}

export const enum ToIntResult { Ok, NaN, Overflow }

/**
 * Float to integer, rounding toward zero. Returns the value (wrapped to `bits`
 * unsigned form) and whether it was NaN or out of range; saturating callers
 * use `sat` to get the clamped value instead.
 */
export function fcvtToInt(a: bigint, lane: Type, bits: number, signedResult: boolean, sat: boolean): [ToIntResult, bigint] {
  const d = decode(a, lane);
  const min = signedResult ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signedResult ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const wrap = (x: bigint) => BigInt.asUintN(bits, x);
  if (d.cls === FClass.NaN) return [ToIntResult.NaN, 0n];
  let v: bigint;
  if (d.cls === FClass.Inf) v = d.neg ? min - 1n : max + 1n;
  else if (d.cls === FClass.Zero) v = 0n;
  else {
    v = d.exp >= 0 ? d.mant << BigInt(d.exp) : d.mant >> BigInt(-d.exp);
    if (d.neg) v = -v;
  }
  if (v < min) return [sat ? ToIntResult.Ok : ToIntResult.Overflow, wrap(min)];
  if (v > max) return [sat ? ToIntResult.Ok : ToIntResult.Overflow, wrap(max)];
  return [ToIntResult.Ok, wrap(v)];
}

/** An integer (already sign-interpreted) to the nearest float. */
export function fcvtFromInt(v: bigint, lane: Type): bigint {
  return v < 0n ? roundToFloat(true, -v, 0, lane) : roundToFloat(false, v, 0, lane);
}

export function isFloatLane(lane: Type): boolean {
  return fmts[lane] !== undefined;
}
