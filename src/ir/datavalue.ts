// Runtime values of the interpreter and of `; run:` lines: a type and its raw
// bit pattern as a non-negative bigint below 2^bits. Vector lanes are packed
// little-endian, lane 0 in the lowest bits. Comparison is bit for bit.

import { Type, typeBits, laneBits, laneCount, laneOf, isFloat, typeName } from './types.js';

export interface DataValue {
  type: Type;
  bits: bigint;
}

/** A value of `type` from any bigint, wrapped to the type's width. */
export function dv(type: Type, v: bigint): DataValue {
  return { type, bits: BigInt.asUintN(typeBits(type), v) };
}

/** The value read as a signed integer of its width. */
export function signed(v: DataValue): bigint {
  return BigInt.asIntN(typeBits(v.type), v.bits);
}

/** Bit-for-bit equality (types must match too). */
export function dvEqual(a: DataValue, b: DataValue): boolean {
  return a.type === b.type && a.bits === b.bits;
}

/** Lane `i` of a vector value as raw bits. */
export function laneBitsOf(v: DataValue, i: number): bigint {
  const w = laneBits(v.type);
  return BigInt.asUintN(w, v.bits >> BigInt(i * w));
}

/** Builds a vector value from raw lane bits, lane 0 first. */
export function fromLanes(type: Type, lanes: bigint[]): DataValue {
  const w = laneBits(type);
  let bits = 0n;
  for (let i = laneCount(type) - 1; i >= 0; i--) bits = (bits << BigInt(w)) | BigInt.asUintN(w, lanes[i] ?? 0n);
  return { type, bits };
}

/** Little-endian bytes of a value (typeBits/8 of them). */
export function toBytes(v: DataValue): Uint8Array {
  const n = typeBits(v.type) >> 3;
  const out = new Uint8Array(n);
  let b = v.bits;
  for (let i = 0; i < n; i++) {
    out[i] = Number(b & 0xffn);
    b >>= 8n;
  }
  return out;
}

export function fromBytes(type: Type, bytes: Uint8Array): DataValue {
  let b = 0n;
  for (let i = (typeBits(type) >> 3) - 1; i >= 0; i--) b = (b << 8n) | BigInt(bytes[i]);
  return { type, bits: b };
}

/** A short debugging form: `i32:0x0000002a`. The CLIF text form is in the printer. */
export function dvDebug(v: DataValue): string {
  const hex = v.bits.toString(16).padStart(typeBits(v.type) >> 2, '0');
  return `${typeName(v.type)}:0x${hex}${isFloat(laneOf(v.type)) ? '' : ''}`;
}
