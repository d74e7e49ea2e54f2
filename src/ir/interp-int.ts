// Integer operations of the interpreter on raw bit patterns: every value is an
// unsigned bigint below 2^w for its lane width w. Results are wrapped the same
// way. Shared by scalar and lane-wise vector execution.

import { IntCC } from './immediates.js';

export const mask = (w: number): bigint => (1n << BigInt(w)) - 1n;
export const toS = (x: bigint, w: number): bigint => BigInt.asIntN(w, x);
export const toU = (x: bigint, w: number): bigint => BigInt.asUintN(w, x);

export function icmp(cc: IntCC, a: bigint, b: bigint, w: number): boolean {
  switch (cc) {
    case IntCC.Eq: return a === b;
    case IntCC.Ne: return a !== b;
    case IntCC.Slt: return toS(a, w) < toS(b, w);
    case IntCC.Sge: return toS(a, w) >= toS(b, w);
    case IntCC.Sgt: return toS(a, w) > toS(b, w);
    case IntCC.Sle: return toS(a, w) <= toS(b, w);
    case IntCC.Ult: return a < b;
    case IntCC.Uge: return a >= b;
    case IntCC.Ugt: return a > b;
    case IntCC.Ule: return a <= b;
  }
  return false;
}

export function clz(a: bigint, w: number): bigint {
  if (a === 0n) return BigInt(w);
  return BigInt(w - a.toString(2).length);
}

export function ctz(a: bigint, w: number): bigint {
  if (a === 0n) return BigInt(w);
  let n = 0;
  while (((a >> BigInt(n)) & 1n) === 0n) n++;
  return BigInt(n);
}

/** Leading bits equal to the sign bit, not counting the sign bit itself. */
export function cls(a: bigint, w: number): bigint {
  const top = (a >> BigInt(w - 1)) & 1n;
  const x = top === 1n ? toU(~a, w) : a;
  return clz(x, w) - 1n;
}

export function popcnt(a: bigint): bigint {
  let n = 0n;
  for (let x = a; x !== 0n; x &= x - 1n) n++;
  return n;
}

export function bitrev(a: bigint, w: number): bigint {
  const s = a.toString(2).padStart(w, '0');
  return BigInt('0b' + s.split('').reverse().join(''));
}

export function bswap(a: bigint, w: number): bigint {
  let r = 0n;
  for (let i = 0; i < w; i += 8) r = (r << 8n) | ((a >> BigInt(i)) & 0xffn);
  return r;
}

export function rotl(a: bigint, amt: bigint, w: number): bigint {
  const k = BigInt(Number(amt & BigInt(w - 1)));
  if (k === 0n) return a;
  return toU((a << k) | (a >> (BigInt(w) - k)), w);
}

export function rotr(a: bigint, amt: bigint, w: number): bigint {
  const k = Number(amt & BigInt(w - 1));
  return rotl(a, BigInt((w - k) % w), w);
}
