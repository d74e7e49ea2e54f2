// CLIF's text form of IEEE floats (f16, f32, f64, f128) as raw bit patterns:
// hex floats `[±]0xH[.H][p±E]` that must be exact, `0.0`, `±Inf`, `±NaN`,
// `±NaN:0xP`, `±sNaN:0xP`. Parsing rejects decimal fractions; printing matches Cranelift.

export type FloatWidth = 16 | 32 | 64 | 128;

/** Exponent field width for each float width. */
function expBits(width: FloatWidth): number {
  switch (width) {
    case 16: return 5;
    case 32: return 8;
    case 64: return 11;
    case 128: return 15;
  }
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Parses a whole string of hex digits (no prefix, no separators) or returns -1n. */
function parseHexDigits(s: string, from: number): bigint {
  if (from >= s.length) return -1n;
  let v = 0n;
  for (let i = from; i < s.length; i++) {
    const d = hexDigit(s.charCodeAt(i));
    if (d < 0) return -1n;
    v = (v << 4n) | BigInt(d);
  }
  return v;
}

/**
 * The bit pattern of `text` as a float of `width` bits, or null if the text is
 * not a CLIF float or the value is not exactly representable.
 */
export function parseFloatBits(text: string, width: FloatWidth): bigint | null {
  const w = expBits(width);
  const t = width - 1 - w;
  const bt = BigInt(t);
  let pos = 0;
  let sign = 0n;
  const c0 = text.charCodeAt(0);
  if (c0 === 45 /* - */) {
    sign = 1n << BigInt(width - 1);
    pos = 1;
  } else if (c0 === 43 /* + */) {
    pos = 1;
  }
  const maxE = ((1n << BigInt(w)) - 1n) << bt;
  const quiet = 1n << (bt - 1n);
  if (!text.startsWith('0x', pos)) {
    const rest = pos === 0 ? text : text.slice(pos);
    if (rest === '0.0') return sign;
    if (rest === 'Inf') return sign | maxE;
    if (rest === 'NaN') return sign | maxE | quiet;
    if (rest.startsWith('NaN:0x')) {
      const p = parseHexDigits(rest, 6);
      return p >= 0n && p < quiet ? sign | maxE | quiet | p : null;
    }
    if (rest.startsWith('sNaN:0x')) {
      const p = parseHexDigits(rest, 7);
      return p > 0n && p < quiet ? sign | maxE | p : null;
    }
    return null;
  }
  pos += 2;
  let digits = 0;
  let digitsBeforePoint = -1;
  let sig = 0n;
  let exp = 0;
  for (; pos < text.length; pos++) {
    const c = text.charCodeAt(pos);
    if (c === 46 /* . */) {
      if (digitsBeforePoint >= 0) return null;
      digitsBeforePoint = digits;
      continue;
    }
    if (c === 112 /* p */) {
      const es = text.slice(pos + 1);
      if (!isDecimalExponent(es)) return null;
      exp = Number(es);
      if (exp < -32768 || exp > 32767) return null;
      break;
    }
    const d = hexDigit(c);
    if (d < 0) return null;
    if (++digits > 32) return null;
    sig = (sig << 4n) | BigInt(d);
  }
  if (digits === 0) return null;
  if (sig === 0n) return sign;
  if (digitsBeforePoint >= 0) exp -= 4 * (digits - digitsBeforePoint);
  const sigBits = sig.toString(2).length;
  if (sigBits > t + 1) {
    const adjust = sigBits - (t + 1);
    if ((sig & ((1n << BigInt(adjust)) - 1n)) !== 0n) return null;
    sig >>= BigInt(adjust);
    exp += adjust;
  } else {
    const adjust = t + 1 - sigBits;
    sig <<= BigInt(adjust);
    exp -= adjust;
  }
  const tBits = sig & ((1n << bt) - 1n);
  const maxExp = (1 << w) - 2;
  const bias = (1 << (w - 1)) - 1;
  exp += bias + t;
  if (exp > maxExp) return null;
  if (exp > 0) return sign | (BigInt(exp) << bt) | tBits;
  if (1 - exp <= t) {
    const adjust = BigInt(1 - exp);
    if ((sig & ((1n << adjust) - 1n)) !== 0n) return null;
    return sign | (sig >> adjust);
  }
  return null;
}

function isDecimalExponent(s: string): boolean {
  let i = 0;
  if (s.charCodeAt(0) === 45 || s.charCodeAt(0) === 43) i = 1;
  if (i >= s.length) return false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Cranelift's text for the float of `width` bits with bit pattern `bits`. */
export function formatFloatBits(bits: bigint, width: FloatWidth): string {
  const w = expBits(width);
  const t = width - 1 - w;
  const bt = BigInt(t);
  const maxEBits = (1n << BigInt(w)) - 1n;
  const tBits = bits & ((1n << bt) - 1n);
  const eBits = (bits >> bt) & maxEBits;
  const signBit = (bits >> BigInt(width - 1)) & 1n;
  const bias = (1 << (w - 1)) - 1;
  const digits = (t + 3) >> 2;
  const leftT = tBits << BigInt(4 * digits - t);
  const frac = leftT.toString(16).padStart(digits, '0');
  let s = signBit !== 0n ? '-' : '';
  if (eBits === 0n) {
    if (tBits === 0n) return s + '0.0';
    return `${s}0x0.${frac}p${1 - bias}`;
  }
  if (eBits === maxEBits) {
    if (signBit === 0n) s = '+';
    if (tBits === 0n) return s + 'Inf';
    const quietBit = 1n << (bt - 1n);
    const payload = tBits & (quietBit - 1n);
    if ((tBits & quietBit) !== 0n) return payload !== 0n ? `${s}NaN:0x${payload.toString(16)}` : s + 'NaN';
    return `${s}sNaN:0x${payload.toString(16)}`;
  }
  return `${s}0x1.${frac}p${Number(eBits) - bias}`;
}
