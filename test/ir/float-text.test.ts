import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFloatBits, formatFloatBits } from '../../src/ir/float-text.js';

const f64Bits = (x: number): bigint => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x, true);
  return dv.getBigUint64(0, true);
};
const f32Bits = (x: number): bigint => {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, x, true);
  return BigInt(dv.getUint32(0, true));
};
const f64Of = (b: bigint): number => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, b, true);
  return dv.getFloat64(0, true);
};

test('hex floats parse to the value the host computes for the same number', () => {
  const cases: [string, number][] = [
    ['0x1.0p0', 1], ['0x1.8p1', 3], ['-0x1.8p1', -3], ['0x10.0', 16], ['0x1.p-2', 0.25], ['0x3', 3],
    ['0xa.bp4', 0xab], ['0x1.921fb54442d18p1', Math.PI], ['0x1p-1074', 5e-324], ['0x1.fffffffffffffp1023', Number.MAX_VALUE],
    ['0x0.8p-1022', 2 ** -1023], ['+0x1p0', 1],
  ];
  for (const [text, value] of cases) {
    assert.equal(parseFloatBits(text, 64), f64Bits(value), text);
    if (Math.fround(value) === value && Math.abs(value) < 3.4e38 && (value === 0 || Math.abs(value) >= 2 ** -149)) {
      assert.equal(parseFloatBits(text, 32), f32Bits(value), `${text} as f32`);
    }
  }
});

test('special forms: zeros, infinities and NaNs with payloads', () => {
  assert.equal(parseFloatBits('0.0', 32), 0n);
  assert.equal(parseFloatBits('-0.0', 32), 0x80000000n);
  assert.equal(parseFloatBits('-0x0.0', 64), 1n << 63n);
  assert.equal(parseFloatBits('Inf', 32), 0x7f800000n);
  assert.equal(parseFloatBits('-Inf', 16), 0xfc00n);
  assert.equal(parseFloatBits('+NaN', 32), 0x7fc00000n);
  assert.equal(parseFloatBits('-NaN', 64), 0xfff8000000000000n);
  assert.equal(parseFloatBits('NaN:0x1', 32), 0x7fc00001n);
  assert.equal(parseFloatBits('sNaN:0x1', 32), 0x7f800001n);
  assert.equal(parseFloatBits('-sNaN:0x1', 16), 0xfc01n);
  assert.equal(parseFloatBits('+NaN', 128), (0x7fffn << 112n) | (1n << 111n));
});

test('text that is not an exact CLIF float is rejected', () => {
  for (const bad of ['1.5', '1', '-2.0', '0x', '0x1.0p', '0x1.0.0', 'sNaN:0x0', 'NaN:0x400000', 'NaN:', 'inf', '0x1g']) {
    assert.equal(parseFloatBits(bad, 32), null, bad);
  }
  assert.equal(parseFloatBits('0x1.000001p0', 32), null, 'needs 24 fraction bits');
  assert.notEqual(parseFloatBits('0x1.000001p0', 64), null);
  assert.equal(parseFloatBits('0x1p128', 32), null, 'too large');
  assert.equal(parseFloatBits('0x1p-150', 32), null, 'too small');
  assert.equal(parseFloatBits('0x1p-149', 32), 1n, 'smallest denormal');
  assert.equal(parseFloatBits('0x1.8p-149', 32), null, 'denormal losing a bit');
});

test('formatting follows the fixed-width hex layout', () => {
  assert.equal(formatFloatBits(0x3f800000n, 32), '0x1.000000p0');
  assert.equal(formatFloatBits(0x40400000n, 32), '0x1.800000p1');
  assert.equal(formatFloatBits(f64Bits(1), 64), '0x1.0000000000000p0');
  assert.equal(formatFloatBits(0x3c00n, 16), '0x1.000p0');
  assert.equal(formatFloatBits(0x0001n, 16), '0x0.004p-14');
  assert.equal(formatFloatBits(1n, 32), '0x0.000002p-126');
  assert.equal(formatFloatBits(0x80000000n, 32), '-0.0');
  assert.equal(formatFloatBits(0x7f800000n, 32), '+Inf');
  assert.equal(formatFloatBits(0xff800000n, 32), '-Inf');
  assert.equal(formatFloatBits(0x7fc00000n, 32), '+NaN');
  assert.equal(formatFloatBits(0xffc00003n, 32), '-NaN:0x3');
  assert.equal(formatFloatBits(0x7f800001n, 32), '+sNaN:0x1');
  assert.equal(formatFloatBits(0x3fff0000000000000000000000000000n, 128), '0x1.0000000000000000000000000000p0');
});

test('format then parse returns the same bits for every width', () => {
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return BigInt(seed);
  };
  for (const width of [16, 32, 64, 128] as const) {
    for (let i = 0; i < 400; i++) {
      let b = 0n;
      for (let k = 0; k < width / 16; k++) b = (b << 16n) | (rnd() & 0xffffn);
      const text = formatFloatBits(b, width);
      assert.equal(parseFloatBits(text, width), b, `${width}: ${text}`);
    }
  }
});

test('printed f64 text reads back as the same number', () => {
  for (const x of [0.1, -123.456, 1e300, 2 ** -1060, 6.02214076e23]) {
    const text = formatFloatBits(f64Bits(x), 64);
    assert.equal(f64Of(parseFloatBits(text, 64)!), x);
  }
});
