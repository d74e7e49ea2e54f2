// Float and double constants printed by cgts's .ll printer against llvm-dis-22:
// a module of constants across the whole exponent range (subnormals, the
// smallest normals whose hex form has leading zero nibbles, NaN payloads,
// infinities, random bit patterns) is assembled with llvm-as-22, and every
// constant must print exactly as llvm-dis-22 prints it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModule } from '../../src/bitcode/reader.js';
import { printModule } from '../../src/bitcode/printer.js';

const haveTools = ['llvm-as-22', 'llvm-dis-22'].every((t) => spawnSync(t, ['--version']).status === 0);

/** A deterministic xorshift generator of 64-bit patterns. */
function* patterns(seed: bigint, n: number): Generator<bigint> {
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= (x << 13n) & 0xffffffffffffffffn;
    x ^= x >> 7n;
    x ^= (x << 17n) & 0xffffffffffffffffn;
    yield x;
  }
}

function doubleOfFloatBits(b: number): bigint {
  const d = new DataView(new ArrayBuffer(8));
  d.setUint32(0, b);
  d.setFloat64(0, d.getFloat32(0));
  return d.getBigUint64(0);
}

test('double and float constants print as llvm-dis-22 prints them', { skip: haveTools ? false : 'llvm-as-22 or llvm-dis-22 is not installed' }, () => {
  const doubles: bigint[] = [
    0x0010000000000000n, // smallest normal: 0x10000000000000 in LLVM's text
    0x0000000000000001n, // smallest subnormal
    0x000fffffffffffffn, // largest subnormal
    0x0000000100000000n,
    0x0001234567890abcn,
    0x8010000000000000n,
    0x800fffffffffffffn,
    0x0100000000000000n,
    0x00f0000000000001n,
    0x7ff0000000000000n,
    0xfff0000000000000n,
    0x7ff8000000000000n,
    0x7ff4000000000001n, // signalling NaN with payload
    0xfff8000000000123n,
    0x3ff0000000000000n,
    0x400921fb54442d18n,
  ];
  for (const p of patterns(0x9e3779b97f4a7c15n, 200)) {
    doubles.push(p);
    doubles.push(p & 0x000fffffffffffffn); // subnormals of every width
    doubles.push(p >> BigInt(Number(p & 63n))); // small exponents, leading zeros
  }
  const floats: bigint[] = [0x00800000, 0x00000001, 0x007fffff, 0x7f800000, 0xff800000, 0x3f800000, 0x3dcccccd].map(doubleOfFloatBits);
  for (const p of patterns(0x2545f4914f6cdd1dn, 100)) {
    const b = Number(p & 0xffffffffn);
    const e = (b >>> 23) & 0xff;
    if (e !== 0xff) floats.push(doubleOfFloatBits(b)); // NaN floats have no exact double spelling here
    floats.push(doubleOfFloatBits(b & 0x807fffff)); // float subnormals
  }
  const hex = (v: bigint) => '0x' + v.toString(16).toUpperCase().padStart(16, '0');
  const lines: string[] = [];
  doubles.forEach((d, i) => lines.push(`@d${i} = global double ${hex(d)}`));
  floats.forEach((f, i) => lines.push(`@f${i} = global float ${hex(f)}`));
  lines.push('define double @use(double %x) {', `  %a = fadd double %x, ${hex(doubles[0])}`, `  %b = fmul double %a, ${hex(doubles[1])}`, '  ret double %b', '}');

  const dir = mkdtempSync(join(tmpdir(), 'cgts-float-text-'));
  try {
    writeFileSync(join(dir, 'f.ll'), lines.join('\n') + '\n');
    const as = spawnSync('llvm-as-22', [join(dir, 'f.ll'), '-o', join(dir, 'f.bc')], { encoding: 'utf8' });
    assert.equal(as.status, 0, as.stderr);
    const dis = spawnSync('llvm-dis-22', [join(dir, 'f.bc'), '-o', '-'], { encoding: 'utf8' });
    assert.equal(dis.status, 0, dis.stderr);
    const pick = (text: string) => text.split('\n').filter((l) => /^@[df]\d+ = |^ {2}%/.test(l));
    const expected = pick(dis.stdout);
    assert.equal(expected.length, doubles.length + floats.length + 2);
    const ours = pick(printModule(readModule(readFileSync(join(dir, 'f.bc')), 'f.bc')));
    // At least some of LLVM's lines are hex without leading zeros, or the test would not cover the case.
    assert.ok(expected.some((l) => / 0x[1-9A-F][0-9A-F]{0,13}$/.test(l)), 'the module has short hex constants');
    for (let i = 0; i < expected.length; i++) assert.equal(ours[i], expected[i]);
    assert.equal(ours.length, expected.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
