// CLIF value types packed into one small integer: the low 4 bits name the lane
// type, bits 4..7 hold log2 of the lane count (0 for scalars). Every scalar
// (i8..i128, f16..f128) and every fixed vector shape up to 256 lanes fits.

export type Type = number;

/** Lane kinds, stored in the low 4 bits. 0 means "no type". */
export const enum Lane {
  None = 0,
  I8 = 1,
  I16 = 2,
  I32 = 3,
  I64 = 4,
  I128 = 5,
  F16 = 6,
  F32 = 7,
  F64 = 8,
  F128 = 9,
}

export const INVALID: Type = 0;
export const I8: Type = Lane.I8;
export const I16: Type = Lane.I16;
export const I32: Type = Lane.I32;
export const I64: Type = Lane.I64;
export const I128: Type = Lane.I128;
export const F16: Type = Lane.F16;
export const F32: Type = Lane.F32;
export const F64: Type = Lane.F64;
export const F128: Type = Lane.F128;

const laneNames = ['', 'i8', 'i16', 'i32', 'i64', 'i128', 'f16', 'f32', 'f64', 'f128'];
const laneBitsTable = [0, 8, 16, 32, 64, 128, 16, 32, 64, 128];

export function laneOf(t: Type): Type {
  return t & 15;
}
export function log2Lanes(t: Type): number {
  return (t >> 4) & 15;
}
export function laneCount(t: Type): number {
  return 1 << log2Lanes(t);
}
export function laneBits(t: Type): number {
  return laneBitsTable[t & 15];
}
/** Total width in bits. */
export function typeBits(t: Type): number {
  return laneBitsTable[t & 15] << log2Lanes(t);
}
export function typeBytes(t: Type): number {
  return typeBits(t) >> 3;
}
export function isVector(t: Type): boolean {
  return t >= 16;
}
export function isInt(t: Type): boolean {
  const l = t & 15;
  return l >= Lane.I8 && l <= Lane.I128;
}
export function isFloat(t: Type): boolean {
  const l = t & 15;
  return l >= Lane.F16 && l <= Lane.F128;
}
export function isScalarInt(t: Type): boolean {
  return t >= Lane.I8 && t <= Lane.I128;
}
export function isScalarFloat(t: Type): boolean {
  return t >= Lane.F16 && t <= Lane.F128;
}
/** A vector type of `lanes` lanes (a power of two, 1 gives the scalar). */
export function vectorOf(lane: Type, lanes: number): Type {
  return (lane & 15) | (Math.log2(lanes) << 4);
}
/** The same shape with another lane type. */
export function withLane(t: Type, lane: Type): Type {
  return (t & ~15) | (lane & 15);
}
/** Integer lane type of the given width in bits (8..128), or INVALID. */
export function intLaneOfBits(bits: number): Type {
  switch (bits) {
    case 8: return I8;
    case 16: return I16;
    case 32: return I32;
    case 64: return I64;
    case 128: return I128;
  }
  return INVALID;
}
export function floatLaneOfBits(bits: number): Type {
  switch (bits) {
    case 16: return F16;
    case 32: return F32;
    case 64: return F64;
    case 128: return F128;
  }
  return INVALID;
}
/** The integer type of the same shape and lane width (f32x4 -> i32x4, f64 -> i64). */
export function asInt(t: Type): Type {
  return withLane(t, intLaneOfBits(laneBits(t)));
}
/** Lanes half as wide, same count (i64 -> i32); INVALID if there is none. */
export function halfWidth(t: Type): Type {
  const b = laneBits(t) >> 1;
  const l = isFloat(t) ? floatLaneOfBits(b) : intLaneOfBits(b);
  return l === INVALID ? INVALID : withLane(t, l);
}
/** Lanes twice as wide, same count (i32 -> i64); INVALID if there is none. */
export function doubleWidth(t: Type): Type {
  const b = laneBits(t) << 1;
  const l = isFloat(t) ? floatLaneOfBits(b) : intLaneOfBits(b);
  return l === INVALID ? INVALID : withLane(t, l);
}
/** Half-width lanes, twice as many (i32x4 -> i16x8): the result of narrowing ops. */
export function splitLanesNarrow(t: Type): Type {
  const h = halfWidth(t);
  return h === INVALID ? INVALID : h + 16;
}
/** Double-width lanes, half as many (i16x8 -> i32x4): the result of widening ops. */
export function mergeLanesWide(t: Type): Type {
  const d = doubleWidth(t);
  return d === INVALID || log2Lanes(t) === 0 ? INVALID : d - 16;
}

export function typeName(t: Type): string {
  if (t === INVALID) return 'INVALID';
  const n = laneNames[t & 15];
  return isVector(t) ? `${n}x${laneCount(t)}` : n;
}

/** Parses `i32`, `f64`, `i8x16`, `f32x4` ...; returns INVALID if the word is not a type. */
export function parseType(word: string): Type {
  const x = word.indexOf('x');
  const laneWord = x < 0 ? word : word.slice(0, x);
  const lane = laneNames.indexOf(laneWord);
  if (lane <= 0) return INVALID;
  if (x < 0) return lane;
  const countWord = word.slice(x + 1);
  if (!/^[1-9][0-9]*$/.test(countWord)) return INVALID;
  const count = Number(countWord);
  const log2 = Math.log2(count);
  if (!Number.isInteger(log2) || log2 < 1 || log2 > 8 || laneBitsTable[lane] * count > 2048) return INVALID;
  return lane | (log2 << 4);
}
