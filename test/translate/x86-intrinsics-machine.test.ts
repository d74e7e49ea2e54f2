// The vendor intrinsics whose results come from machine state (MXCSR, the
// time-stamp counter, XCR0, the random-number generator), which the CLIF
// interpreter cannot run: one .ll module of wrappers is compiled twice, by
// cgts's pipeline and by llc-22 -O0, both linked into one C harness, and the
// harness checks that the two agree where they must (MXCSR read back, rounding
// under each MXCSR rounding mode, XCR0, TSC_AUX) and order where they cannot
// (llc's counter read, then cgts's, then llc's again).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileBitcode } from '../../src/driver/pipeline.js';

const cpu = new Set((readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? '').trim().split(/\s+/));

/** The wrappers, every symbol prefixed with `p`. */
function module(p: string, rand: boolean): string {
  const rnd = rand ? [16, 32, 64].flatMap((n) => ['rdrand', 'rdseed'].map((k) => `
define i64 @${p}_${k}${n}(ptr %ok) {
  %s = call { i${n}, i32 } @llvm.x86.${k}.${n}()
  %v = extractvalue { i${n}, i32 } %s, 0
  %f = extractvalue { i${n}, i32 } %s, 1
  store i32 %f, ptr %ok
  ${n === 64 ? '%r = add i64 %v, 0' : `%r = zext i${n} %v to i64`}
  ret i64 %r
}`)).join('\n') : '';
  return `target triple = "x86_64-unknown-linux-gnu"
declare void @llvm.x86.sse.stmxcsr(ptr)
declare void @llvm.x86.sse.ldmxcsr(ptr)
declare i64 @llvm.x86.rdtsc()
declare { i64, i32 } @llvm.x86.rdtscp()
declare i64 @llvm.x86.xgetbv(i32)
${rand ? [16, 32, 64].flatMap((n) => ['rdrand', 'rdseed'].map((k) => `declare { i${n}, i32 } @llvm.x86.${k}.${n}()`)).join('\n') : ''}

; MXCSR after loading %v into it (the caller's MXCSR restored)
define i32 @${p}_ldst(i32 %v) {
  %old = alloca i32
  %new = alloca i32
  call void @llvm.x86.sse.stmxcsr(ptr %old)
  store i32 %v, ptr %new
  call void @llvm.x86.sse.ldmxcsr(ptr %new)
  call void @llvm.x86.sse.stmxcsr(ptr %new)
  call void @llvm.x86.sse.ldmxcsr(ptr %old)
  %r = load i32, ptr %new
  ret i32 %r
}

; a / b under rounding control %rc (MXCSR bits 13-14)
define double @${p}_div(i32 %rc, double %a, double %b) {
  %old = alloca i32
  %new = alloca i32
  %q = alloca double
  call void @llvm.x86.sse.stmxcsr(ptr %old)
  %o = load i32, ptr %old
  %c = and i32 %o, -24577
  %s = shl i32 %rc, 13
  %n = or i32 %c, %s
  store i32 %n, ptr %new
  call void @llvm.x86.sse.ldmxcsr(ptr %new)
  %d = fdiv double %a, %b
  store volatile double %d, ptr %q
  call void @llvm.x86.sse.ldmxcsr(ptr %old)
  %r = load double, ptr %q
  ret double %r
}

define i64 @${p}_rdtsc() {
  %t = call i64 @llvm.x86.rdtsc()
  ret i64 %t
}

define i64 @${p}_rdtscp(ptr %aux) {
  %s = call { i64, i32 } @llvm.x86.rdtscp()
  %t = extractvalue { i64, i32 } %s, 0
  %a = extractvalue { i64, i32 } %s, 1
  store i32 %a, ptr %aux
  ret i64 %t
}

define i64 @${p}_xgetbv(i32 %c) {
  %r = call i64 @llvm.x86.xgetbv(i32 %c)
  ret i64 %r
}
${rnd}
`;
}

const HARNESS = (rand: boolean) => `#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#define BOTH(ret, name, params) ret l_##name params; ret c_##name params;
BOTH(unsigned, ldst, (unsigned))
BOTH(double, div, (unsigned, double, double))
BOTH(uint64_t, rdtsc, (void))
BOTH(uint64_t, rdtscp, (unsigned *))
BOTH(uint64_t, xgetbv, (unsigned))
${rand ? [16, 32, 64].flatMap((n) => ['rdrand', 'rdseed'].map((k) => `BOTH(uint64_t, ${k}${n}, (unsigned *))`)).join('\n') : ''}
static int fails;
#define CHECK(c, ...) do { if (!(c)) { fails++; printf("FAIL " __VA_ARGS__); printf("\\n"); } } while (0)
static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
int main(void) {
  cpu_set_t one; CPU_ZERO(&one); CPU_SET(sched_getcpu(), &one); sched_setaffinity(0, sizeof one, &one);
  static const unsigned mx[] = {0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9f80, 0x1f40, 0xff80, 0x1f00, 0x1e80};
  for (unsigned k = 0; k < sizeof mx / sizeof mx[0]; k++) {
    unsigned l = l_ldst(mx[k]), c = c_ldst(mx[k]);
    CHECK(l == c && (c & ~0x3fu) == mx[k], "ldmxcsr/stmxcsr 0x%x: llc 0x%x cgts 0x%x", mx[k], l, c);
  }
  static const double ab[][2] = {{1, 10}, {-1, 10}, {2, 3}, {-2, 3}, {1e308, 1e-10}, {-1e308, 1e-10}, {1, 3}, {5, 4}};
  for (unsigned rc = 0; rc < 4; rc++) for (unsigned k = 0; k < sizeof ab / sizeof ab[0]; k++) {
    double l = l_div(rc, ab[k][0], ab[k][1]), c = c_div(rc, ab[k][0], ab[k][1]);
    CHECK(bits(l) == bits(c), "div rc=%u %g/%g: llc %016llx cgts %016llx", rc, ab[k][0], ab[k][1], (unsigned long long)bits(l), (unsigned long long)bits(c));
  }
  CHECK(bits(c_div(0, 1, 10)) != bits(c_div(3, 1, 10)), "rounding control had no effect");
  for (int k = 0; k < 100; k++) {
    uint64_t a = l_rdtsc(), b = c_rdtsc(), d = l_rdtsc();
    CHECK(a <= b && b <= d, "rdtsc out of order: llc %llu, cgts %llu, llc %llu", (unsigned long long)a, (unsigned long long)b, (unsigned long long)d);
    unsigned la, ca;
    a = l_rdtscp(&la); b = c_rdtscp(&ca); d = l_rdtscp(&la);
    CHECK(a <= b && b <= d && la == ca, "rdtscp: llc %llu, cgts %llu, llc %llu; aux llc %u cgts %u", (unsigned long long)a, (unsigned long long)b, (unsigned long long)d, la, ca);
  }
  CHECK(c_rdtsc() > 0, "rdtsc gave 0");
  CHECK(l_xgetbv(0) == c_xgetbv(0), "xgetbv(0): llc %llx cgts %llx", (unsigned long long)l_xgetbv(0), (unsigned long long)c_xgetbv(0));
${rand ? [16, 32, 64].flatMap((n) => ['rdrand', 'rdseed'].map((k) => `  {
    uint64_t prev = 0; int got = 0, differ = 0;
    for (int k = 0; k < 64; k++) {
      unsigned ok = 7; uint64_t v = c_${k}${n}(&ok);
      CHECK(ok <= 1 && (ok || v == 0) && (${n} == 64 || v >> ${n} == 0), "${k}${n}: value %llx flag %u", (unsigned long long)v, ok);
      if (ok) { if (got && v != prev) differ = 1; prev = v; got++; }
    }
    CHECK(got > 0 && (${n} == 16 || differ), "${k}${n}: %d values delivered, differing %d", got, differ);
  }`)).join('\n') : ''}
  printf("%d failures\\n", fails);
  return fails != 0;
}
`;

test('machine-state intrinsics (MXCSR, rdtsc/rdtscp, xgetbv, rdrand/rdseed): cgts native code against llc-22 -O0', { skip: !cpu.has('xsave') ? 'CPU lacks xsave' : false }, () => {
  const rand = cpu.has('rdrand') && cpu.has('rdseed');
  const dir = mkdtempSync(join(tmpdir(), 'cgts-x86-machine-'));
  try {
    writeFileSync(join(dir, 'l.ll'), module('l', rand));
    writeFileSync(join(dir, 'c.ll'), module('c', rand));
    execFileSync('llc-22', ['-O0', '-filetype=obj', '-mattr=+sse2,+rdrnd,+rdseed,+xsave', join(dir, 'l.ll'), '-o', join(dir, 'l.o')]);
    execFileSync('llvm-as-22', [join(dir, 'c.ll'), '-o', join(dir, 'c.bc')]);
    const { object, clif } = compileBitcode(readFileSync(join(dir, 'c.bc')), 'c.bc', { emitClif: true });
    for (const op of ['x86_ldmxcsr', 'x86_stmxcsr', 'x86_rdtsc', 'x86_rdtscp', 'x86_xgetbv', ...(rand ? ['x86_rdrand.i16', 'x86_rdseed.i64'] : [])]) {
      assert.ok(clif!.includes(op), `the translation has no ${op}`);
    }
    writeFileSync(join(dir, 'c.o'), object);
    writeFileSync(join(dir, 'h.c'), HARNESS(rand));
    execFileSync('cc', ['-O1', '-o', join(dir, 'h'), join(dir, 'h.c'), join(dir, 'l.o'), join(dir, 'c.o')]);
    let out: string;
    try {
      out = execFileSync(join(dir, 'h'), { encoding: 'utf8' });
    } catch (e) {
      assert.fail(String((e as { stdout?: string }).stdout ?? e));
    }
    assert.match(out, /^0 failures$/m);
    if (!rand) console.log('x86 machine-state intrinsics: rdrand/rdseed skipped (CPU lacks them)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
