// Add with carry-in and subtract with borrow-in (uadd_overflow_cin,
// sadd_overflow_cin, usub_overflow_bin, ssub_overflow_bin) on i8..i128 run
// natively, checked against BigInt arithmetic; a 256-bit add chained from them.

import { test } from 'node:test';
import { checkRuns } from './support.js';

const check = (text: string): Promise<void> => checkRuns(text, { llvmAbiExtensions: true });

const hex = (x: bigint): string => '0x' + x.toString(16);

test('carry and borrow forms on every width, carry-in 0, 1 and other nonzero bytes', async () => {
  let text = '';
  for (const w of [8, 16, 32, 64, 128]) {
    const W = BigInt(w);
    const mask = (1n << W) - 1n;
    const sgn = (x: bigint): bigint => (x >= 1n << (W - 1n) ? x - (1n << W) : x);
    const max = mask, smin = 1n << (W - 1n), smax = smin - 1n;
    const pairs: [bigint, bigint][] = [[0n, 0n], [max, 0n], [max, max], [smax, 0n], [smin, 0n], [smin, max], [smax, max], [1n, 2n], [0n, max]];
    const ops: [string, (a: bigint, b: bigint, c: bigint) => [bigint, bigint]][] = [
      ['uadd_overflow_cin', (a, b, c) => { const r = a + b + c; return [r & mask, r > mask ? 1n : 0n]; }],
      ['sadd_overflow_cin', (a, b, c) => { const r = sgn(a) + sgn(b) + c; return [r & mask, r !== sgn(r & mask) ? 1n : 0n]; }],
      ['usub_overflow_bin', (a, b, c) => { const r = a - b - c; return [r & mask, r < 0n ? 1n : 0n]; }],
      ['ssub_overflow_bin', (a, b, c) => { const r = sgn(a) - sgn(b) - c; return [r & mask, r !== sgn(r & mask) ? 1n : 0n]; }],
    ];
    const t = `i${w}`;
    for (const [op, fn] of ops) {
      // an i128 value and a flag need three return registers: return them from separate functions
      const fun = (name: string, ret: string, res: string): string =>
        `function %${name}(${t}, ${t}, i8) -> ${ret} {\nblock0(v0: ${t}, v1: ${t}, v2: i8):\n    v3, v4 = ${op} v0, v1, v2\n    return ${res}\n}\n`;
      // an i128 value and a flag need three return registers: return them from separate functions
      let values = fun(`${op}_${t}`, t, 'v3');
      let flags = fun(`${op}_${t}_f`, 'i8', 'v4');
      for (const [a, b] of pairs) {
        for (const [cin, c] of [[0n, 0n], [1n, 1n], [0x80n, 1n]]) {
          const [v, f] = fn(a, b, c);
          values += `; run: %${op}_${t}(${hex(a)}, ${hex(b)}, ${cin}) == ${hex(v)}\n`;
          flags += `; run: %${op}_${t}_f(${hex(a)}, ${hex(b)}, ${cin}) == ${f}\n`;
        }
      }
      text += values + flags;
    }
  }
  await check(text);
});

test('narrow values from the carry forms compare correctly at their width', async () => {
  // i8/i16 results checked through an icmp at their own width
  await check(`
function %u8(i8, i8, i8, i8) -> i8 {
block0(v0: i8, v1: i8, v2: i8, v3: i8):
    v4, v5 = uadd_overflow_cin v0, v1, v2
    v6 = icmp eq v4, v3
    return v6
}
; run: %u8(0xff, 0xff, 1, 0xff) == 1
; run: %u8(0xff, 0, 1, 0) == 1
; run: %u8(0x7f, 0, 1, 0x80) == 1
function %s16(i16, i16, i8, i16) -> i8 {
block0(v0: i16, v1: i16, v2: i8, v3: i16):
    v4, v5 = ssub_overflow_bin v0, v1, v2
    v6 = icmp eq v4, v3
    return v6
}
; run: %s16(0, 0, 1, 0xffff) == 1
; run: %s16(0x8000, 0, 1, 0x7fff) == 1
`);
});

test('a 256-bit add chained through the carry', async () => {
  const M = (1n << 64n) - 1n;
  const add = (a: bigint[], b: bigint[]): bigint => {
    const x = a.reduce((s, w, k) => s | (w << BigInt(64 * k)), 0n);
    const y = b.reduce((s, w, k) => s | (w << BigInt(64 * k)), 0n);
    return ((x + y) >> 192n) & M;
  };
  const cases: [bigint[], bigint[]][] = [
    [[M, M, M, 0n], [1n, 0n, 0n, 0n]],
    [[M, 0n, M, 5n], [1n, M, 0n, 7n]],
    [[0n, 0n, 0n, M], [0n, 0n, 0n, 1n]],
  ];
  await check(`
function %top(i64, i64, i64, i64, i64, i64, i64, i64) -> i64 {
block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64, v7: i64):
    v8, v9 = uadd_overflow v0, v4
    v10, v11 = uadd_overflow_cin v1, v5, v9
    v12, v13 = uadd_overflow_cin v2, v6, v11
    v14, v15 = uadd_overflow_cin v3, v7, v13
    return v14
}
${cases.map(([a, b]) => `; run: %top(${[...a, ...b].map(hex).join(', ')}) == ${hex(add(a, b))}`).join('\n')}
`);
});
