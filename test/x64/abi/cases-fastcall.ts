// ABI cases for windows_fastcall against cc's `__attribute__((ms_abi))`:
// positional integer/float registers, stack arguments above the shadow area,
// __m128i by reference and returned in xmm0, in both directions, and the
// registers the Microsoft convention preserves (rsi, rdi, xmm6-xmm15)
// checked by an assembly caller around a cgts function that calls System V code.

import type { AbiCase } from './harness.js';

const TRASH = ['rax', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11'].map((r) => `"movq $-1, %%${r}\\n"`).join(' ')
  + ' ' + Array.from({ length: 16 }, (_, k) => `"pcmpeqd %%xmm${k}, %%xmm${k}\\n"`).join(' ');
const TRASH_CLOBBERS = ['rax', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', ...Array.from({ length: 16 }, (_, k) => `xmm${k}`)].map((r) => `"${r}"`).join(', ');

/** xmm6..xmm15 get 0x0606..., 0x0707..., ... in both halves; rsi/rdi 0x1111.../0x2222... */
const SENTINEL_SET = Array.from({ length: 10 }, (_, k) => {
  const x = k + 6;
  const byte = x.toString(16).padStart(2, '0');
  return `"movabs $0x${byte.repeat(8)}, %rax\\nmovq %rax, %xmm${x}\\npunpcklqdq %xmm${x}, %xmm${x}\\n"`;
}).join('\n  ');
const SENTINEL_STORE = Array.from({ length: 10 }, (_, k) => `"movdqu %xmm${k + 6}, ${16 + 16 * k}(%rcx)\\n"`).join('\n  ');

export const fastcallCases: AbiCase[] = [
  {
    name: 'ms_abi_c_calls_cgts',
    clif: `
function %cg_w_mix(i64, f64, i32, f32, i64, f64, i8) -> f64 windows_fastcall {
block0(v0: i64, v1: f64, v2: i32, v3: f32, v4: i64, v5: f64, v6: i8):
    v7 = fcvt_from_sint.f64 v0
    v8 = fadd v7, v1
    v9 = fcvt_from_sint.f64 v2
    v10 = fmul v8, v9
    v11 = fpromote.f64 v3
    v12 = fsub v10, v11
    v13 = fcvt_from_sint.f64 v4
    v14 = fdiv v12, v13
    v15 = fadd v14, v5
    v16 = sextend.i64 v6
    v17 = fcvt_from_sint.f64 v16
    v18 = fadd v15, v17
    return v18
}
function %cg_w_vec(i64, i32x4, f64, i32x4, i64, i32x4) -> i32x4 windows_fastcall {
block0(v0: i64, v1: i32x4, v2: f64, v3: i32x4, v4: i64, v5: i32x4):
    v6 = isub v1, v3
    v7 = iadd v6, v5
    v8 = isub v0, v4
    v9 = ireduce.i32 v8
    v10 = splat.i32x4 v9
    v11 = iadd v7, v10
    return v11
}`,
    c: `
#include <emmintrin.h>
__attribute__((ms_abi)) double cg_w_mix(long, double, int, float, long, double, signed char);
__attribute__((ms_abi)) __m128i cg_w_vec(long, __m128i, double, __m128i, long, __m128i);`,
    body: `
  CHECKF(cg_w_mix(3, 0.5, -4, 1.25f, 2, 100.0, -3), ((3 + 0.5) * -4 - 1.25) / 2 + 100.0 - 3);
  __m128i a = _mm_setr_epi32(10, 20, 30, 40), b = _mm_setr_epi32(1, 2, 3, 4), c = _mm_setr_epi32(100, 200, 300, 400);
  int out[4];
  _mm_storeu_si128((__m128i *)out, cg_w_vec(50, a, 2.0, b, 8, c));
  CHECKEQ(out[0], 10 - 1 + 100 + 42); CHECKEQ(out[1], 20 - 2 + 200 + 42);
  CHECKEQ(out[2], 30 - 3 + 300 + 42); CHECKEQ(out[3], 40 - 4 + 400 + 42);`,
  },
  {
    name: 'cgts_calls_ms_abi_c',
    clif: `
function %cg_w_call(i64) -> i64 {
    sig0 = (i32, f64, i64, f32, i64, f64, i16) -> i64 windows_fastcall
    sig1 = (i32x4, i64, i32x4, f64, i32x4) -> i32x4 windows_fastcall
    fn0 = %c_w_mix sig0
    fn1 = %c_w_vec sig1
block0(v0: i64):
    v1 = iconst.i32 -7
    v2 = f64const 0x1.8p1
    v3 = f32const 0x1.0p-1
    v4 = iconst.i64 1000
    v5 = f64const -0x1.0p2
    v6 = iconst.i16 -300
    v7 = call fn0(v1, v2, v0, v3, v4, v5, v6)
    v8 = vconst.i32x4 [1 2 3 4]
    v9 = vconst.i32x4 [10 20 30 40]
    v10 = vconst.i32x4 [100 200 300 400]
    v11 = call fn1(v8, v0, v9, v2, v10)
    v12 = extractlane v11, 3
    v13 = uextend.i64 v12
    v14 = iadd v7, v13
    return v14
}`,
    c: `
#include <emmintrin.h>
long cg_w_call(long);
__attribute__((ms_abi)) long c_w_mix(int a, double b, long c, float d, long e, double f, short g) {
  return a * 1000000L + (long)(b * 10) + c * 7 + (long)(d * 4) + e + (long)f + g;
}
__attribute__((ms_abi)) __m128i c_w_vec(__m128i a, long b, __m128i c, double d, __m128i e) {
  return _mm_add_epi32(_mm_add_epi32(a, c), _mm_add_epi32(e, _mm_set1_epi32((int)b + (int)d)));
}`,
    body: `
  long x = 5;
  long mix = -7 * 1000000L + 30 + x * 7 + 2 + 1000 - 4 - 300;
  CHECKEQ(cg_w_call(x), mix + (4 + 40 + 400 + x + 3));`,
  },
  {
    name: 'ms_abi_registers_preserved',
    clif: `
function %cg_w_busy(i64) -> i64 windows_fastcall {
    sig0 = () system_v
    fn0 = %c_w_trash sig0
block0(v0: i64):
    v1 = fcvt_from_sint.f64 v0
    v2 = splat.i64x2 v0
    v3 = iadd v2, v2
    call fn0()
    v4 = fadd v1, v1
    v5 = fcvt_to_sint.i64 v4
    v6 = extractlane v3, 1
    v7 = iadd v5, v6
    return v7
}`,
    c: `
long cg_w_busy(long);
void c_w_trash(void) { __asm__ volatile(${TRASH} ::: ${TRASH_CLOBBERS}); }
/* calls fn(arg) the Microsoft way with rsi, rdi and xmm6-xmm15 set; stores them afterwards into out[0..21] */
long ms_sentinel(long (*fn)(long), long arg, unsigned long long *out);
__asm__(".text\\n.globl ms_sentinel\\n.type ms_sentinel,@function\\nms_sentinel:\\n"
  "push %rbx\\npush %rbp\\npush %r12\\npush %r13\\npush %r14\\npush %r15\\npush %rdx\\n"
  "sub $32, %rsp\\nmov %rdi, %r12\\nmov %rsi, %rcx\\n"
  "movabs $0x1111111111111111, %rsi\\nmovabs $0x2222222222222222, %rdi\\n"
  ${SENTINEL_SET}
  "call *%r12\\nadd $32, %rsp\\nmov (%rsp), %rcx\\n"
  "mov %rsi, 0(%rcx)\\nmov %rdi, 8(%rcx)\\n"
  ${SENTINEL_STORE}
  "pop %rdx\\npop %r15\\npop %r14\\npop %r13\\npop %r12\\npop %rbp\\npop %rbx\\nret\\n");`,
    body: `
  unsigned long long out[22];
  memset(out, 0, sizeof out);
  CHECKEQ(ms_sentinel(cg_w_busy, 21, out), 42 + 42);
  CHECKEQ(out[0], 0x1111111111111111LL);
  CHECKEQ(out[1], 0x2222222222222222LL);
  for (int k = 0; k < 10; k++) {
    unsigned long long want = 0x0101010101010101ULL * (unsigned long long)(k + 6);
    CHECKEQ(out[2 + 2 * k], want);
    CHECKEQ(out[3 + 2 * k], want);
  }`,
  },
];
