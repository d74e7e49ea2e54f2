// The x86-specific CLIF opcodes (x86_rdtsc ... x86_pause): text round trip,
// verifier rules, what the interpreter runs and what it refuses, and native
// runs checking what holds on any machine (a counter that advances, random
// values that differ, MXCSR's rounding control taking effect, XCR0 agreeing
// with the kernel's CPU flags). Encodings are checked in encode.test.ts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseClifFile, parseFunction } from '../../src/ir/parser.js';
import { printFunction } from '../../src/ir/printer.js';
import { verifyFunction } from '../../src/ir/verifier.js';
import { interpret } from '../../src/ir/interpreter.js';
import { CgtsError } from '../../src/support/diag.js';
import { checkRuns, objdump } from './support.js';

const cpu = new Set((readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? '').trim().split(/\s+/));

const ALL = `function %all(i64, i32) -> i64 {
    ss0 = explicit_slot 8
block0(v0: i64, v1: i32):
    v2 = x86_rdtsc
    v3, v4 = x86_rdtscp
    v5, v6 = x86_rdrand.i16
    v7, v8 = x86_rdseed.i64
    v9 = x86_xgetbv v1
    x86_ldmxcsr v0
    x86_stmxcsr v0
    x86_clflush v0
    x86_lfence
    x86_sfence
    x86_pause
    return v2
}
`;

test('x86 opcodes print as they parse and pass the verifier', () => {
  const f = parseFunction(ALL);
  assert.deepEqual(verifyFunction(f), []);
  const text = printFunction(f);
  for (const line of ALL.split('\n').slice(2, -3)) assert.ok(text.includes(`${line}\n`), line);
  assert.equal(printFunction(parseFunction(text)), text);
});

test('the verifier checks the x86 opcodes\' types', () => {
  const bad: [string, RegExp][] = [
    ['v1, v2 = x86_rdrand.i8', /not i16, i32 or i64/],
    ['v1 = x86_rdtsc.i32', /not i64/],
    ['v1 = x86_xgetbv.i64 v0', /expected i32/],
    ['x86_ldmxcsr v3', /expected an i64 address/],
  ];
  for (const [line, re] of bad) {
    const f = parseFunction(`function %f(i64) {\nblock0(v0: i64):\n    v3 = iconst.i32 0\n    ${line}\n    return\n}\n`);
    const errs = verifyFunction(f).map((e) => e.message).join('\n');
    assert.match(errs, re, line);
  }
});

function interp(body: string, sig = '() -> i64'): bigint {
  const file = parseClifFile(`test interpret\nfunction %f${sig} {\n    ss0 = explicit_slot 8\nblock0:\n${body}\n}\n`, 't.clif');
  const f = file.functions[0]!.func;
  assert.deepEqual(verifyFunction(f), []);
  return interpret([f], 0, [])[0]!.bits;
}

test('the interpreter runs fences, pause, clflush and a default ldmxcsr, and refuses what it cannot know', () => {
  const pre = '    v0 = stack_addr.i64 ss0\n    v1 = iconst.i32 0x1f80\n    store v1, v0\n';
  assert.equal(interp(`${pre}    x86_lfence\n    x86_sfence\n    x86_pause\n    x86_clflush v0\n    x86_ldmxcsr v0\n    v2 = load.i64 v0\n    return v2`), 0x1f80n);
  const refused: [string, RegExp][] = [
    ['v2 = x86_rdtsc', /x86_rdtsc is not supported by the interpreter: the time-stamp counter/],
    ['v2, v3 = x86_rdtscp', /x86_rdtscp is not supported by the interpreter/],
    ['v2, v3 = x86_rdrand.i64', /x86_rdrand is not supported by the interpreter: its result is random/],
    ['v2, v3 = x86_rdseed.i64', /x86_rdseed is not supported by the interpreter/],
    ['v4 = iconst.i32 0\n    v2 = x86_xgetbv v4', /x86_xgetbv is not supported by the interpreter/],
    ['x86_stmxcsr v0\n    v2 = load.i64 v0', /x86_stmxcsr is not supported by the interpreter/],
    ['v5 = iconst.i32 0x7f80\n    store v5, v0\n    x86_ldmxcsr v0\n    v2 = load.i64 v0', /x86_ldmxcsr of 0x7f80 is not supported by the interpreter/],
  ];
  for (const [body, re] of refused) {
    assert.throws(() => interp(`${pre}    ${body}\n    return v2`), (e: unknown) => e instanceof CgtsError && re.test(e.message), body);
  }
});

test('x86_rdtsc and x86_rdtscp: the counter advances over a loop', async () => {
  await checkRuns(`
function %advances() -> i8 {
block0:
    v0 = x86_rdtsc
    v1 = iconst.i64 100000
    jump block1(v1)
block1(v2: i64):
    v3 = iconst.i64 1
    v4 = isub v2, v3
    brif v4, block1(v4), block2
block2:
    v5, v6 = x86_rdtscp
    v7 = x86_rdtsc
    v8 = icmp ugt v5, v0
    v9 = icmp uge v7, v5
    v10 = band v8, v9
    return v10
}
; run: %advances() == 1
`);
  // the result is the whole edx:eax pair: rdx shifted in, not just eax
  const d = objdump('function %f() -> i64 {\nblock0:\n    v0 = x86_rdtsc\n    return v0\n}\n', ['-d', '-M', 'intel']);
  assert.match(d, /rdtsc[\s\S]*shl\s+rdx,0x20[\s\S]*or\s+rax,rdx/);
});

test('x86_rdrand / x86_rdseed: a success flag and values that differ between reads', { skip: !cpu.has('rdrand') || !cpu.has('rdseed') }, async () => {
  const retry = (op: string, t: string) => `
function %${op}_${t}() -> i8 {
block0:
    jump block1
block1:
    v0, v1 = ${op}.${t}
    brif v1, block2, block1
block2:
    jump block3
block3:
    v2, v3 = ${op}.${t}
    brif v3, block4, block3
block4:
    v4 = icmp ne v0, v2
    return v4
}
; run: %${op}_${t}() == 1
`;
  await checkRuns(retry('x86_rdrand', 'i64') + retry('x86_rdrand', 'i32') + retry('x86_rdseed', 'i64') + retry('x86_rdseed', 'i32'));
  // the 16-bit form defines a 16-bit value and a flag that is 0 or 1
  await checkRuns(`
function %r16() -> i8 {
block0:
    v0, v1 = x86_rdrand.i16
    v2 = iconst.i8 1
    v3 = icmp ule v1, v2
    return v3
}
; run: %r16() == 1
`);
});

test('x86_rdrand / x86_rdseed select the instruction at the value\'s width and take CF as the flag', () => {
  for (const [op, t, reg] of [['x86_rdrand', 'i16', 'ax'], ['x86_rdrand', 'i64', 'rax'], ['x86_rdseed', 'i32', 'eax']]) {
    const d = objdump(`function %f() -> ${t}, i8 {\nblock0:\n    v0, v1 = ${op}.${t}\n    return v0, v1\n}\n`, ['-d', '-M', 'intel']);
    assert.match(d, new RegExp(`${op.slice(4)}\\s+${reg}\\n[\\s\\S]*setb\\s+cl`), `${op}.${t}:\n${d}`);
  }
});

test('x86_xgetbv: XCR0 enables x87 state, and SSE+AVX state exactly when the kernel reports avx', { skip: !cpu.has('xsave') }, async () => {
  await checkRuns(`
function %xcr0() -> i64 {
block0:
    v0 = iconst.i32 0
    v1 = x86_xgetbv v0
    v2 = iconst.i64 7
    v3 = band v1, v2
    return v3
}
; run: %xcr0() == ${cpu.has('avx') ? 7 : 3}
`);
});

test('x86_ldmxcsr / x86_stmxcsr: the rounding control takes effect and reads back; x86_clflush keeps memory', async () => {
  // 1/10 rounded toward zero ends in ...9999 instead of ...999a; MXCSR is restored afterwards
  await checkRuns(`
function %round_toward_zero() -> i64 {
    ss0 = explicit_slot 8
    ss1 = explicit_slot 8
block0:
    v0 = stack_addr.i64 ss0
    v1 = stack_addr.i64 ss1
    x86_stmxcsr v0
    v2 = load.i32 v0
    v3 = iconst.i32 0x6000
    v4 = bor v2, v3
    store v4, v1
    x86_ldmxcsr v1
    v5 = f64const 0x1.0p0
    v6 = f64const 0x1.4p3
    v7 = fdiv v5, v6
    store v7, v1
    v9 = load.i64 v1
    x86_stmxcsr v1
    v8 = load.i32 v1
    x86_ldmxcsr v0
    v10 = fdiv v5, v6
    v11 = bitcast.i64 v10
    v12 = isub v11, v9
    v13 = iconst.i32 0xffc0
    v14 = band v8, v13
    v15 = band v4, v13
    v16 = icmp eq v14, v15
    v17 = uextend.i64 v16
    v20 = iconst.i64 8
    v18 = ishl v17, v20
    v19 = bor v12, v18
    return v19
}
; run: %round_toward_zero() == 0x101

function %flush(i64) -> i64 {
    ss0 = explicit_slot 8
block0(v0: i64):
    v1 = stack_addr.i64 ss0
    store v0, v1
    x86_clflush v1
    x86_lfence
    x86_sfence
    x86_pause
    v2 = load.i64 v1
    return v2
}
; run: %flush(0x123456789) == 0x123456789
`);
});

test('results of the x86 opcodes survive register pressure (values live across them stay intact)', async () => {
  await checkRuns(`
function %keep(i64, i64, i64) -> i64 {
block0(v0: i64, v1: i64, v2: i64):
    v3 = x86_rdtsc
    v4, v5 = x86_rdtscp
    v6 = iconst.i32 0
    v7 = x86_xgetbv v6
    v8 = iadd v0, v1
    v9 = iadd v8, v2
    v10 = icmp uge v4, v3
    v11 = uextend.i64 v10
    v12 = iadd v9, v11
    return v12
}
; run: %keep(1, 2, 3) == 7
`);
});
