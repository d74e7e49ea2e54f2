// i128 in the x86-64 back end: CLIF snippets run natively through runNative,
// checked against values computed here with BigInt arithmetic (constants,
// spilled pairs, shifts across the 64-bit boundary, fused compares, division
// through the runtime library with its traps, values live across that call).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRuns, runSnippet } from './support.js';

const M = (1n << 128n) - 1n;
const u = (x: bigint): bigint => x & M;
const s = (x: bigint): bigint => (u(x) >= 1n << 127n ? u(x) - (1n << 128n) : u(x));
const hex = (x: bigint): string => '0x' + u(x).toString(16);
const check = (text: string): Promise<void> => checkRuns(text, { llvmAbiExtensions: true });

const EDGES = [0n, 1n, M, 1n << 127n, (1n << 127n) - 1n, (1n << 64n) - 1n, 1n << 64n, 0x0123456789abcdeffedcba9876543210n];

test('constants as operands: built with iconcat and sextend from iconst.i64', async () => {
  const K = 0xfedcba9876543210_0123456789abcdefn;
  const f = (x: bigint): bigint => u(u(u(u(x + K) + 1n) * K) ^ x);
  await check(`
function %k(i128) -> i128 {
block0(v0: i128):
    v1 = iconst.i64 0x0123456789abcdef
    v2 = iconst.i64 0xfedcba9876543210
    v3 = iconcat v1, v2
    v4 = iadd v0, v3
    v9 = iconst.i64 -1
    v5 = sextend.i128 v9
    v6 = isub v4, v5
    v7 = imul v6, v3
    v8 = bxor v7, v0
    return v8
}
${EDGES.map((x) => `; run: %k(${hex(x)}) == ${hex(f(x))}`).join('\n')}
`);
});

test('more i128 values live than register pairs: spilled operands', async () => {
  const f = (a: bigint, b: bigint): bigint => {
    const v2 = u(a + b), v3 = u(a - b), v4 = u(a * b), v5 = a ^ b;
    const v6 = v2 & v3, v7 = v4 | v5;
    const v10 = u(v6 + v7);
    const v12 = u(v10 * u(v2 + v4));
    return u(u(u(u(v12 - v2) ^ v3) + v4) - v5) ^ a ^ b;
  };
  const pairs: [bigint, bigint][] = [[0n, 0n], [1n, M], [1n << 127n, M], [0x0123456789abcdeffedcba9876543210n, 0x800000000000000100000000ffffffffn], [(1n << 64n) - 1n, 3n]];
  await check(`
function %p(i128, i128) -> i128 {
block0(v0: i128, v1: i128):
    v2 = iadd v0, v1
    v3 = isub v0, v1
    v4 = imul v0, v1
    v5 = bxor v0, v1
    v6 = band v2, v3
    v7 = bor v4, v5
    v10 = iadd v6, v7
    v11 = iadd v2, v4
    v12 = imul v10, v11
    v13 = isub v12, v2
    v14 = bxor v13, v3
    v15 = iadd v14, v4
    v16 = isub v15, v5
    v17 = bxor v16, v0
    v18 = bxor v17, v1
    return v18
}
${pairs.map(([a, b]) => `; run: %p(${hex(a)}, ${hex(b)}) == ${hex(f(a, b))}`).join('\n')}
`);
});

test('shifts and rotates by constants and by i8/i32/i128 amounts across the 64-bit boundary', async () => {
  const x = 0x8123456789abcdeffedcba9876543211n;
  const amounts = [0n, 1n, 63n, 64n, 65n, 127n, 128n, 129n, 191n, 255n];
  const ref: Record<string, (n: bigint) => bigint> = {
    ishl: (n) => u(x << (n & 127n)),
    ushr: (n) => x >> (n & 127n),
    sshr: (n) => u(s(x) >> (n & 127n)),
    rotl: (n) => u((x << (n & 127n)) | (x >> ((128n - (n & 127n)) & 127n))),
    rotr: (n) => u((x >> (n & 127n)) | (x << ((128n - (n & 127n)) & 127n))),
  };
  let text = '';
  for (const op of Object.keys(ref)) {
    for (const at of ['i8', 'i32', 'i128']) {
      text += `function %${op}_${at}(i128, ${at}) -> i128 {\nblock0(v0: i128, v1: ${at}):\n    v2 = ${op} v0, v1\n    return v2\n}\n`;
      for (const n of amounts) {
        const arg = at === 'i8' ? n & 255n : n;
        text += `; run: %${op}_${at}(${hex(x)}, ${arg}) == ${hex(ref[op](n))}\n`;
      }
    }
    for (const n of amounts) {
      text += `function %${op}_c${n}(i128) -> i128 {\nblock0(v0: i128):\n    v1 = iconst.i64 ${n}\n    v2 = ${op} v0, v1\n    return v2\n}\n`;
      text += `; run: %${op}_c${n}(${hex(x)}) == ${hex(ref[op](n))}\n`;
    }
  }
  await check(text);
});

test('icmp on i128: all ten codes fused into brif and as values, select with i128 condition', async () => {
  const codes: [string, (a: bigint, b: bigint) => boolean][] = [
    ['eq', (a, b) => a === b], ['ne', (a, b) => a !== b],
    ['slt', (a, b) => s(a) < s(b)], ['sge', (a, b) => s(a) >= s(b)], ['sgt', (a, b) => s(a) > s(b)], ['sle', (a, b) => s(a) <= s(b)],
    ['ult', (a, b) => a < b], ['uge', (a, b) => a >= b], ['ugt', (a, b) => a > b], ['ule', (a, b) => a <= b],
  ];
  // pairs that differ only in the low half, only in the high half, or in sign
  const pairs: [bigint, bigint][] = [[0n, 0n], [1n, 2n], [1n << 64n, (1n << 64n) - 1n], [M, 1n], [1n << 127n, (1n << 127n) - 1n], [5n | (7n << 64n), 5n | (7n << 64n)], [M, M - 1n]];
  let text = '';
  for (const [cc, fn] of codes) {
    text += `function %br_${cc}(i128, i128) -> i64 {\nblock0(v0: i128, v1: i128):\n    v2 = icmp ${cc} v0, v1\n    brif v2, block1, block2\nblock1:\n    v3 = iconst.i64 11\n    return v3\nblock2:\n    v4 = iconst.i64 22\n    return v4\n}\n`;
    for (const [a, b] of pairs) text += `; run: %br_${cc}(${hex(a)}, ${hex(b)}) == ${fn(a, b) ? 11 : 22}\n`;
    text += `function %val_${cc}(i128, i128) -> i8 {\nblock0(v0: i128, v1: i128):\n    v2 = icmp ${cc} v0, v1\n    return v2\n}\n`;
    for (const [a, b] of pairs) text += `; run: %val_${cc}(${hex(a)}, ${hex(b)}) == ${fn(a, b) ? 1 : 0}\n`;
  }
  text += `
function %sel(i128, i128, i128) -> i128 {
block0(v0: i128, v1: i128, v2: i128):
    v3 = select v0, v1, v2
    return v3
}
; run: %sel(0, 1, 2) == 2
; run: %sel(${hex(1n << 64n)}, 1, ${hex(M)}) == 1
; run: %sel(1, ${hex(1n << 127n)}, 2) == ${hex(1n << 127n)}
function %sel64(i128, i64, i64) -> i64 {
block0(v0: i128, v1: i64, v2: i64):
    v3 = select v0, v1, v2
    return v3
}
; run: %sel64(0, 1, 2) == 2
; run: %sel64(${hex(1n << 100n)}, 1, 2) == 1
function %selcmp(i128, i128) -> i128 {
block0(v0: i128, v1: i128):
    v2 = icmp ult v0, v1
    v3 = select v2, v0, v1
    return v3
}
; run: %selcmp(${hex(1n << 64n)}, ${hex(M)}) == ${hex(1n << 64n)}
; run: %selcmp(${hex(M)}, 3) == 3
function %trapnz(i128) -> i64 {
block0(v0: i128):
    trapnz v0, user1
    v1 = iconst.i64 7
    return v1
}
; run: %trapnz(0) == 7
`;
  await check(text);
  const res = await runSnippet(`function %t(i128) -> i64 {\nblock0(v0: i128):\n    trapnz v0, user1\n    v1 = iconst.i64 7\n    return v1\n}\n; run: %t(${hex(1n << 64n)}) == 0\n`, { llvmAbiExtensions: true });
  assert.equal(res[0].ok ? 'ok' : res[0].error, 'trap user1');
});

test('division through __udivti3/__divti3/__umodti3/__modti3 with values live across the call', async () => {
  const sdiv = (a: bigint, b: bigint): bigint => { const q = s(a) / s(b); return u(q); };
  const srem = (a: bigint, b: bigint): bigint => u(s(a) % s(b));
  const f = (a: bigint, b: bigint, c: bigint): bigint => {
    const v8 = u(a / b + c);
    const v9 = (a % b) ^ sdiv(a, b);
    return u(u(u(v8 + v9) + srem(a, b)) + a);
  };
  const cases: [bigint, bigint, bigint][] = [
    [100n, 7n, 5n], [u(-100n), 7n, 1n], [M, u(-3n), 0n], [0x0123456789abcdeffedcba9876543210n, 0x100000001n, 0xffffffffffffffffn], [1n << 127n, 3n, 9n], [5n, 1n << 100n, 2n],
  ];
  await check(`
function %d(i128, i128, i64) -> i128 {
block0(v0: i128, v1: i128, v2: i64):
    v3 = uextend.i128 v2
    v4 = udiv v0, v1
    v5 = urem v0, v1
    v6 = sdiv v0, v1
    v7 = srem v0, v1
    v8 = iadd v4, v3
    v9 = bxor v5, v6
    v10 = iadd v8, v9
    v11 = iadd v10, v7
    v12 = iadd v11, v0
    return v12
}
${cases.map(([a, b, c]) => `; run: %d(${hex(a)}, ${hex(b)}, ${c}) == ${hex(f(a, b, c))}`).join('\n')}
function %srem_min(i128, i128) -> i128 {
block0(v0: i128, v1: i128):
    v2 = srem v0, v1
    return v2
}
; run: %srem_min(${hex(1n << 127n)}, -1) == 0
; run: %srem_min(-7, 2) == -1
`);
  const res = await runSnippet(`function %udiv(i128, i128) -> i128 {
block0(v0: i128, v1: i128):
    v2 = udiv v0, v1
    return v2
}
; run: %udiv(1, 0) == 0
; run: %udiv(1, ${hex(1n << 64n)}) == 0
function %sdiv(i128, i128) -> i128 {
block0(v0: i128, v1: i128):
    v2 = sdiv v0, v1
    return v2
}
; run: %sdiv(${hex(1n << 127n)}, -1) == 0
; run: %sdiv(${hex((1n << 127n) + 1n)}, -1) == ${hex((1n << 127n) - 1n)}
; run: %sdiv(${hex(1n << 127n)}, 0) == 0
`, { llvmAbiExtensions: true });
  const out = res.map((r) => (r.ok ? r.values.map((v) => v.bits) : r.error));
  assert.deepEqual(out, ['trap int_divz', [0n], 'trap int_ovf', [(1n << 127n) - 1n], 'trap int_divz']);
});

test('bit counts, byte and bit reversal, extensions, min/max, saturation and overflow flags', async () => {
  const clz = (x: bigint): bigint => BigInt(128 - (x === 0n ? 0 : x.toString(2).length));
  const ctz = (x: bigint): bigint => (x === 0n ? 128n : BigInt(x.toString(2).length - x.toString(2).lastIndexOf('1') - 1));
  const pop = (x: bigint): bigint => BigInt([...x.toString(2)].filter((c) => c === '1').length);
  const cls = (x: bigint): bigint => clz(s(x) < 0n ? u(~x) : x) - 1n;
  const rev = (x: bigint, w: number, step: number): bigint => {
    let r = 0n;
    for (let k = 0; k < w; k += step) r |= ((x >> BigInt(k)) & ((1n << BigInt(step)) - 1n)) << BigInt(w - step - k);
    return r;
  };
  const vals = [...EDGES, 0x00f0000000000000_0000000000000000n, 0x100n];
  const unary: [string, (x: bigint) => bigint][] = [
    ['clz', clz], ['ctz', ctz], ['popcnt', pop], ['cls', cls],
    ['bswap', (x) => rev(x, 128, 8)], ['bitrev', (x) => rev(x, 128, 1)],
    ['ineg', (x) => u(-x)], ['bnot', (x) => u(~x)], ['iabs', (x) => u(s(x) < 0n ? -s(x) : s(x))],
  ];
  let text = '';
  for (const [op, fn] of unary) {
    text += `function %${op}(i128) -> i128 {\nblock0(v0: i128):\n    v1 = ${op} v0\n    return v1\n}\n`;
    for (const x of vals) text += `; run: %${op}(${hex(x)}) == ${hex(fn(x))}\n`;
  }
  const pairs: [bigint, bigint][] = [[1n, M], [1n << 127n, 1n], [(1n << 127n) - 1n, 1n], [1n << 64n, (1n << 64n) - 1n], [M, M], [0n, 1n]];
  const binary: [string, (a: bigint, b: bigint) => bigint][] = [
    ['smin', (a, b) => (s(a) < s(b) ? a : b)], ['smax', (a, b) => (s(a) > s(b) ? a : b)],
    ['umin', (a, b) => (a < b ? a : b)], ['umax', (a, b) => (a > b ? a : b)],
    ['uadd_sat', (a, b) => (a + b > M ? M : a + b)], ['usub_sat', (a, b) => (a < b ? 0n : a - b)],
    ['sadd_sat', (a, b) => { const r = s(a) + s(b); return u(r > (1n << 127n) - 1n ? (1n << 127n) - 1n : r < -(1n << 127n) ? -(1n << 127n) : r); }],
    ['ssub_sat', (a, b) => { const r = s(a) - s(b); return u(r > (1n << 127n) - 1n ? (1n << 127n) - 1n : r < -(1n << 127n) ? -(1n << 127n) : r); }],
    ['umulhi', (a, b) => (a * b) >> 128n], ['smulhi', (a, b) => u((s(a) * s(b)) >> 128n)],
    ['band_not', (a, b) => a & u(~b)], ['bor_not', (a, b) => a | u(~b)], ['bxor_not', (a, b) => a ^ u(~b)],
  ];
  for (const [op, fn] of binary) {
    text += `function %${op}(i128, i128) -> i128 {\nblock0(v0: i128, v1: i128):\n    v2 = ${op} v0, v1\n    return v2\n}\n`;
    for (const [a, b] of pairs) text += `; run: %${op}(${hex(a)}, ${hex(b)}) == ${hex(fn(a, b))}\n`;
  }
  const flags: [string, (a: bigint, b: bigint) => bigint][] = [
    ['uadd_overflow', (a, b) => (a + b > M ? 1n : 0n)], ['usub_overflow', (a, b) => (a < b ? 1n : 0n)],
    ['sadd_overflow', (a, b) => (s(a) + s(b) !== s(a + b) ? 1n : 0n)], ['ssub_overflow', (a, b) => (s(a) - s(b) !== s(a - b) ? 1n : 0n)],
  ];
  for (const [op, fn] of flags) {
    text += `function %${op}(i128, i128) -> i8 {\nblock0(v0: i128, v1: i128):\n    v2, v3 = ${op} v0, v1\n    return v3\n}\n`;
    for (const [a, b] of pairs) text += `; run: %${op}(${hex(a)}, ${hex(b)}) == ${fn(a, b)}\n`;
  }
  text += `
function %ext(i8, i32) -> i128 {
block0(v0: i8, v1: i32):
    v2 = sextend.i128 v0
    v3 = uextend.i128 v1
    v4 = iadd v2, v3
    v5 = ireduce.i64 v4
    v6 = uextend.i128 v5
    v7 = bxor v4, v6
    return v7
}
; run: %ext(-1, 0) == ${hex(u(-1n) ^ ((1n << 64n) - 1n))}
; run: %ext(-128, 0xffffffff) == ${hex(((u(-128n) + 0xffffffffn) & M) ^ ((u(-128n) + 0xffffffffn) & ((1n << 64n) - 1n)))}
; run: %ext(5, 7) == 0
function %split(i128) -> i64, i64 {
block0(v0: i128):
    v1, v2 = isplit v0
    return v2, v1
}
; run: %split(${hex(0x0123456789abcdeffedcba9876543210n)}) == [0x0123456789abcdef, 0xfedcba9876543210]
`;
  await check(text);
});

test('an i128 argument after five integer arguments goes whole to the stack', async () => {
  await check(`
function %callee(i64, i64, i64, i64, i64, i128, i64) -> i128 {
block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i128, v6: i64):
    v7 = uextend.i128 v6
    v8 = iadd v5, v7
    v9 = uextend.i128 v4
    v10 = iadd v8, v9
    return v10
}
function %caller(i128) -> i128 {
    fn0 = colocated %callee(i64, i64, i64, i64, i64, i128, i64) -> i128
block0(v0: i128):
    v1 = iconst.i64 1
    v2 = iconst.i64 100
    v3 = call fn0(v1, v1, v1, v1, v2, v0, v2)
    return v3
}
; run: %caller(${hex(M)}) == 199
; run: %caller(${hex((1n << 64n) - 1n)}) == ${hex((1n << 64n) + 199n)}
`);
});

test('popcnt on i128 with the popcnt instruction enabled', async () => {
  const res = await runSnippet(`function %pop(i128) -> i128 {
block0(v0: i128):
    v1 = popcnt v0
    return v1
}
; run: %pop(0) == 0
; run: %pop(-1) == 128
; run: %pop(${hex((1n << 127n) | (1n << 64n) | 1n)}) == 3
`, { llvmAbiExtensions: true, isaFlags: ['has_popcnt'] });
  assert.deepEqual(res.map((r) => (r.ok ? r.values[0].bits : r.error)), [0n, 128n, 3n]);
});

test('bmask, bitselect and uadd_overflow_trap on i128', async () => {
  const c = 0xffff0000ffff0000_00000000ffffffffn, x = 0x0123456789abcdef_fedcba9876543210n, y = M;
  await check(`
function %bm(i128) -> i128 {
block0(v0: i128):
    v1 = bmask.i128 v0
    return v1
}
; run: %bm(0) == 0
; run: %bm(${hex(1n << 64n)}) == -1
function %bm64(i128) -> i64 {
block0(v0: i128):
    v1 = bmask.i64 v0
    return v1
}
; run: %bm64(0) == 0
; run: %bm64(1) == -1
function %bs(i128, i128, i128) -> i128 {
block0(v0: i128, v1: i128, v2: i128):
    v3 = bitselect v0, v1, v2
    return v3
}
; run: %bs(${hex(c)}, ${hex(x)}, ${hex(y)}) == ${hex((x & c) | (y & u(~c)))}
; run: %bs(0, ${hex(x)}, 5) == 5
function %ot(i128, i128) -> i128 {
block0(v0: i128, v1: i128):
    v2 = uadd_overflow_trap v0, v1, user3
    return v2
}
; run: %ot(${hex((1n << 64n) - 1n)}, 1) == ${hex(1n << 64n)}
`);
  const res = await runSnippet(`function %ot(i128, i128) -> i128 {\nblock0(v0: i128, v1: i128):\n    v2 = uadd_overflow_trap v0, v1, user3\n    return v2\n}\n; run: %ot(${hex(M)}, 1) == 0\n`, { llvmAbiExtensions: true });
  assert.equal(res[0].ok ? 'ok' : res[0].error, 'trap user3');
});
