// ABI cases for memory-shaped interfaces: sret returns of a 32-byte struct,
// pointers to C structs, integer-only varargs calls into libc, callee-saved
// registers in both directions, and 16-byte stack alignment at call sites.

import type { AbiCase } from './harness.js';

const N_INT = 20;
const N_FLT = 10;

/** A cgts function keeping N_INT ints and N_FLT doubles live across two calls to a C function that clobbers every caller-saved register. */
function liveAcrossCalls(): string {
  const l: string[] = [];
  l.push('function %cg_live_across(i64, f64) -> i64 {');
  l.push('    sig0 = ()');
  l.push('    fn0 = %c_trash sig0');
  l.push('block0(v0: i64, v1: f64):');
  let n = 2;
  const ints: string[] = [];
  const flts: string[] = [];
  for (let k = 0; k < N_INT; k++) {
    l.push(`    v${n} = iconst.i64 ${k * 7919 + 13}`);
    l.push(`    v${n + 1} = imul v0, v${n}`);
    ints.push(`v${n + 1}`);
    n += 2;
  }
  for (let k = 0; k < N_FLT; k++) {
    l.push(`    v${n} = f64const 0x${(k + 1).toString(16)}.0p0`);
    l.push(`    v${n + 1} = fmul v1, v${n}`);
    flts.push(`v${n + 1}`);
    n += 2;
  }
  l.push('    call fn0()');
  l.push('    call fn0()');
  // sum ints with position weights (so a swapped pair shows), then the floats converted
  let acc = ints[0]!;
  for (let k = 1; k < N_INT; k++) {
    l.push(`    v${n} = iconst.i64 ${k + 1}`);
    l.push(`    v${n + 1} = imul ${ints[k]}, v${n}`);
    l.push(`    v${n + 2} = iadd ${acc}, v${n + 1}`);
    acc = `v${n + 2}`;
    n += 3;
  }
  let facc = flts[0]!;
  for (let k = 1; k < N_FLT; k++) {
    l.push(`    v${n} = f64const 0x${(k + 1).toString(16)}.0p0`);
    l.push(`    v${n + 1} = fmul ${flts[k]}, v${n}`);
    l.push(`    v${n + 2} = fadd ${facc}, v${n + 1}`);
    facc = `v${n + 2}`;
    n += 3;
  }
  l.push(`    v${n} = fcvt_to_sint.i64 ${facc}`);
  l.push(`    v${n + 1} = iadd ${acc}, v${n}`);
  l.push(`    return v${n + 1}`);
  l.push('}');
  return l.join('\n');
}

const TRASH_ASM = ['rax', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11'].map((r) => `"movq $-1, %%${r}\\n"`).join(' ')
  + ' ' + Array.from({ length: 16 }, (_, k) => `"pcmpeqd %%xmm${k}, %%xmm${k}\\n"`).join(' ');
const TRASH_CLOBBERS = ['rax', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', ...Array.from({ length: 16 }, (_, k) => `xmm${k}`)].map((r) => `"${r}"`).join(', ');

export const memCases: AbiCase[] = [
  {
    name: 'sret_from_c',
    clif: `
function %cg_call_sret(i64, i64) {
    ss0 = explicit_slot 32
    ss1 = explicit_slot 32
    sig0 = (i64 sret, i64)
    sig1 = (i64 sret, i64, i64, i64, i64, i64, i64)
    fn0 = %c_make_big sig0
    fn1 = %c_make_big6 sig1
block0(v0: i64, v1: i64):
    v2 = stack_addr.i64 ss0
    call fn0(v2, v1)
    v3 = load.i64 v2
    store v3, v0
    v4 = load.i64 v2+8
    store v4, v0+8
    v5 = load.i64 v2+16
    store v5, v0+16
    v6 = load.i64 v2+24
    store v6, v0+24
    v7 = stack_addr.i64 ss1
    v8 = iconst.i64 1
    v9 = iconst.i64 2
    v10 = iconst.i64 3
    v11 = iconst.i64 4
    v12 = iconst.i64 5
    call fn1(v7, v8, v9, v10, v11, v12, v1)
    v13 = load.i64 v7
    store v13, v0+32
    v14 = load.i64 v7+24
    store v14, v0+40
    return
}`,
    c: `
struct big { long a, b, c, d; };
void cg_call_sret(long *out, long x);
struct big c_make_big(long x) { struct big r = { x, x * 2, x * 3, x * 4 }; return r; }
/* the hidden pointer takes rdi, so f is the first stack argument */
struct big c_make_big6(long a, long b, long c, long d, long e, long f) { struct big r = { a + b + c + d + e, 0, 0, f }; return r; }`,
    body: `
  long out[6] = {0};
  cg_call_sret(out, 11);
  CHECKEQ(out[0], 11); CHECKEQ(out[1], 22); CHECKEQ(out[2], 33); CHECKEQ(out[3], 44);
  CHECKEQ(out[4], 15); CHECKEQ(out[5], 11);`,
  },
  {
    name: 'sret_from_cgts',
    clif: `
function %cg_make_big(i64 sret, i64, i64) {
block0(v0: i64, v1: i64, v2: i64):
    store v1, v0
    store v2, v0+8
    v3 = iadd v1, v2
    store v3, v0+16
    v4 = isub v1, v2
    store v4, v0+24
    return
}`,
    c: `
struct big2 { long a, b, c, d; };
struct big2 cg_make_big(long, long);`,
    body: `
  struct big2 r = cg_make_big(100, 7);
  CHECKEQ(r.a, 100); CHECKEQ(r.b, 7); CHECKEQ(r.c, 107); CHECKEQ(r.d, 93);`,
  },
  {
    name: 'sret_pointer_returned_in_rax',
    clif: `
function %cg_make_big_rax(i64 sret, i64) {
block0(v0: i64, v1: i64):
    store v1, v0
    store v1, v0+8
    store v1, v0+16
    store v1, v0+24
    return
}`,
    c: `
struct big3 { long a, b, c, d; };
struct big3 *cg_make_big_rax(struct big3 *, long);`,
    body: `
  /* System V: a function returning in memory leaves the hidden pointer in rax */
  struct big3 r;
  struct big3 *p = cg_make_big_rax(&r, 5);
  CHECK(p == &r);
  CHECKEQ(r.d, 5);`,
  },
  {
    name: 'struct_pointers',
    clif: `
function %cg_rec_update(i64, i64) -> f64 {
block0(v0: i64, v1: i64):
    v2 = sload8.i32 v0
    v3 = load.i32 v0+4
    v4 = iadd v2, v3
    store v4, v1+4
    v5 = load.f64 v0+8
    v6 = fadd v5, v5
    store v6, v1+8
    v7 = load.i64 v0+16
    v8 = sload16.i64 v0+26
    v9 = iadd v7, v8
    store v9, v1+16
    istore8 v3, v1
    v10 = load.i16 v0+28
    store v10, v1+28
    return v5
}
function %cg_rec_from_c(i64) -> i64 {
    ss0 = explicit_slot 32, align = 8
    sig0 = (i64, i32)
    fn0 = %c_rec_fill sig0
block0(v0: i64):
    v1 = stack_addr.i64 ss0
    v2 = iconst.i32 77
    call fn0(v1, v2)
    v3 = sload8.i64 v1
    v4 = sload32.i64 v1+4
    v5 = load.i64 v1+16
    v6 = uload16.i64 v1+28
    v7 = iadd v3, v4
    v8 = iadd v7, v5
    v9 = iadd v8, v6
    v10 = iadd v9, v0
    return v10
}`,
    c: `
struct rec { signed char c; int i; double d; long l; short s[3]; };
double cg_rec_update(const struct rec *in, struct rec *out);
long cg_rec_from_c(long);
void c_rec_fill(struct rec *r, int k) { r->c = -k; r->i = k * 1000; r->d = 0.5; r->l = 1L << 40; r->s[0] = 1; r->s[1] = -2; r->s[2] = (short)0xfffe; }`,
    body: `
  struct rec in = { -3, 1000, 2.25, 1L << 40, { 5, -6, 7 } }, out;
  memset(&out, 0, sizeof out);
  CHECKF(cg_rec_update(&in, &out), 2.25);
  CHECKEQ(out.c, (signed char)1000); CHECKEQ(out.i, 997); CHECKF(out.d, 4.5); CHECKEQ(out.l, (1L << 40) - 6); CHECKEQ(out.s[0], 0);
  CHECKEQ(out.s[2], 7);
  CHECKEQ(cg_rec_from_c(1), -77 + 77000 + (1L << 40) + 0xfffe + 1);`,
  },
  {
    name: 'calls_through_pointers',
    clif: `
function %cg_call_ptr(i64, i64, f64) -> f64 {
    sig0 = (i64, f64, i32) -> f64
block0(v0: i64, v1: i64, v2: f64):
    v3 = iconst.i32 -3
    v4 = call_indirect sig0, v0(v1, v2, v3)
    v5 = call_indirect sig0, v0(v1, v4, v3)
    return v5
}
function %cg_give_ptr() -> i64 {
    fn0 = %cg_callee_by_ptr(i64, i64) -> i64
block0:
    v0 = func_addr.i64 fn0
    return v0
}
function %cg_callee_by_ptr(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = imul v0, v1
    return v2
}`,
    c: `
double cg_call_ptr(double (*)(long, double, int), long, double);
long (*cg_give_ptr(void))(long, long);
long cg_callee_by_ptr(long, long);
static double c_by_ptr(long a, double b, int c) { return a * b + c; }`,
    body: `
  CHECKF(cg_call_ptr(c_by_ptr, 2, 1.5), 2 * (2 * 1.5 - 3) - 3);
  long (*f)(long, long) = cg_give_ptr();
  CHECK(f == cg_callee_by_ptr);
  CHECKEQ(f(6, 7), 42);`,
  },
  {
    name: 'varargs_int_only_into_libc',
    clif: `
function %cg_snprintf(i64, i64, i32) -> i32 {
    sig0 = (i64, i64, i64, i32, i64, i64, i32) -> i32
    fn0 = %snprintf sig0
    sig1 = (i64, i32, i64) -> i32
    fn1 = %printf sig1
block0(v0: i64, v1: i64, v2: i32):
    v3 = iconst.i64 64
    v4 = iconst.i64 -1234567890123
    v5 = iconst.i32 0x41
    v6 = call fn0(v0, v3, v1, v2, v4, v1, v5)
    v7 = iconst.i32 42
    v8 = load.i64 v0+56
    v9 = call fn1(v8, v7, v1)
    v10 = iadd v6, v9
    return v10
}`,
    c: `
int cg_snprintf(char *buf, const char *fmt, int x);`,
    body: `
  /* rax (%al) is not set by the caller: glibc only tests it for zero, so integer-only calls work */
  char buf[64];
  memset(buf, 0, sizeof buf);
  *(const char **)(buf + 56) = "vararg-line %d %s\\n";
  int n = cg_snprintf(buf, "%d|%ld|%.3s|%c", -7);
  CHECK(strcmp(buf, "-7|-1234567890123|%d||A") == 0);
  CHECKEQ(n, 23 + (int)strlen("vararg-line 42 %d|%ld|%.3s|%c\\n"));`,
  },
  {
    name: 'caller_saved_clobbered_by_c',
    clif: liveAcrossCalls(),
    c: `
long cg_live_across(long, double);
void c_trash(void) { __asm__ volatile(${TRASH_ASM} ::: ${TRASH_CLOBBERS}); }`,
    body: `
  long x = 3; double y = 0.5;
  long want = 0; double fw = 0;
  for (int k = 0; k < ${N_INT}; k++) want += x * (k * 7919L + 13) * (k + 1);
  for (int k = 0; k < ${N_FLT}; k++) fw += y * (k + 1) * (k + 1);
  CHECKEQ(cg_live_across(x, y), want + (long)fw);`,
  },
  {
    name: 'callee_saved_preserved_for_c',
    clif: `
function %cg_busy(i64) -> i64 {
    sig0 = (i64) -> i64
    fn0 = %c_identity sig0
block0(v0: i64):
    v1 = iadd v0, v0
    v2 = iadd v1, v0
    v3 = iadd v2, v1
    v4 = iadd v3, v2
    v5 = iadd v4, v3
    v6 = iadd v5, v4
    v7 = iadd v6, v5
    v8 = iadd v7, v6
    v9 = iadd v8, v7
    v10 = iadd v9, v8
    v11 = iadd v10, v9
    v12 = iadd v11, v10
    v13 = iadd v12, v11
    v14 = iadd v13, v12
    v15 = call fn0(v14)
    v16 = iadd v15, v1
    v17 = iadd v16, v2
    v18 = iadd v17, v3
    v19 = iadd v18, v4
    v20 = iadd v19, v5
    v21 = iadd v20, v6
    v22 = iadd v21, v7
    v23 = iadd v22, v8
    v24 = iadd v23, v9
    v25 = iadd v24, v10
    v26 = iadd v25, v11
    v27 = iadd v26, v12
    v28 = iadd v27, v13
    v29 = iadd v28, v0
    return v29
}`,
    c: `
long cg_busy(long);
long c_identity(long x) { return x; }
static long busy_ref(long x) { long v[15]; v[0] = x; v[1] = x + x; v[2] = v[1] + x; for (int i = 3; i < 15; i++) v[i] = v[i - 1] + v[i - 2];
  long r = v[14]; for (int i = 1; i < 14; i++) r += v[i]; return r + x; }
long sentinel_call(long (*fn)(long), long arg, long *out);
__asm__(".text\\n.globl sentinel_call\\n.type sentinel_call,@function\\nsentinel_call:\\n"
  "push %rbx\\npush %rbp\\npush %r12\\npush %r13\\npush %r14\\npush %r15\\npush %rdx\\n"
  "mov %rsp, 56(%rdx)\\nmov %rdi, %rax\\nmov %rsi, %rdi\\n"
  "movabs $0x1111111111111111, %rbx\\nmovabs $0x2222222222222222, %rbp\\nmovabs $0x3333333333333333, %r12\\n"
  "movabs $0x4444444444444444, %r13\\nmovabs $0x5555555555555555, %r14\\nmovabs $0x6666666666666666, %r15\\n"
  "call *%rax\\nmov (%rsp), %rcx\\n"
  "mov %rbx, 0(%rcx)\\nmov %rbp, 8(%rcx)\\nmov %r12, 16(%rcx)\\nmov %r13, 24(%rcx)\\nmov %r14, 32(%rcx)\\nmov %r15, 40(%rcx)\\nmov %rsp, 48(%rcx)\\n"
  "pop %rdx\\npop %r15\\npop %r14\\npop %r13\\npop %r12\\npop %rbp\\npop %rbx\\nret\\n");`,
    body: `
  long o[8] = {0};
  CHECKEQ(sentinel_call(cg_busy, 5, o), busy_ref(5));
  CHECKEQ(o[0], 0x1111111111111111L); CHECKEQ(o[1], 0x2222222222222222L); CHECKEQ(o[2], 0x3333333333333333L);
  CHECKEQ(o[3], 0x4444444444444444L); CHECKEQ(o[4], 0x5555555555555555L); CHECKEQ(o[5], 0x6666666666666666L);
  CHECKEQ(o[6], o[7]);
  /* a loop in C with its own live values across the calls */
  long a = 0, b = 1, c = 2, d = 3, e = 4, f = 5, g = 0;
  for (long i = 0; i < 50; i++) { g += cg_busy(i) ^ (a + b * c - d + e * f); a += i; b ^= i; c += 3; d -= i; e = e * 3 + 1; f += a; }
  long a2 = 0, b2 = 1, c2 = 2, d2 = 3, e2 = 4, f2 = 5, g2 = 0;
  for (long i = 0; i < 50; i++) { g2 += busy_ref(i) ^ (a2 + b2 * c2 - d2 + e2 * f2); a2 += i; b2 ^= i; c2 += 3; d2 -= i; e2 = e2 * 3 + 1; f2 += a2; }
  CHECKEQ(g, g2);`,
  },
  {
    name: 'stack_aligned_at_call_sites',
    clif: `
function %cg_align_leaf() -> i64 {
    sig0 = () -> i64
    fn0 = %c_align_probe sig0
block0:
    v0 = call fn0()
    return v0
}
function %cg_align_slot(i64) -> i64 {
    ss0 = explicit_slot 24
    sig0 = () -> i64
    fn0 = %c_align_probe sig0
block0(v0: i64):
    v4 = stack_addr.i64 ss0
    store v0, v4
    v1 = call fn0()
    v2 = load.i64 v4
    v3 = iadd v1, v2
    return v3
}
function %cg_align_stack_args(i64) -> i64 {
    ss0 = explicit_slot 8
    sig0 = (i64, i64, i64, i64, i64, i64, i64) -> i64
    sig1 = (i64, i64, i64, i64, i64, i64, i64, i64, i64) -> i64
    fn0 = %c_align_probe7 sig0
    fn1 = %c_align_probe9 sig1
block0(v0: i64):
    v1 = call fn0(v0, v0, v0, v0, v0, v0, v0)
    v2 = call fn1(v0, v0, v0, v0, v0, v0, v0, v0, v1)
    return v2
}
function %cg_align_nested(i64) -> i64 {
    sig0 = (i64) -> i64
    fn0 = %c_align_back sig0
block0(v0: i64):
    v1 = call fn0(v0)
    return v1
}`,
    c: `
long cg_align_leaf(void); long cg_align_slot(long); long cg_align_stack_args(long); long cg_align_nested(long);
static int misaligned;
typedef float v4f __attribute__((vector_size(16)));
__attribute__((noinline)) long c_align_probe(void) {
  /* the frame address is 16-byte aligned exactly when the call site was */
  if (((uintptr_t)__builtin_frame_address(0) & 15) != 0) misaligned++;
  volatile v4f t = { 1, 2, 3, 4 };
  v4f u = t + t;
  char buf[64];
  snprintf(buf, sizeof buf, "%.2f %.1f", 1.25, (double)u[3]);
  return strcmp(buf, "1.25 8.0") == 0 ? 1 : 100;
}
long c_align_probe7(long a, long b, long c, long d, long e, long f, long g) { return c_align_probe() + g; }
long c_align_probe9(long a, long b, long c, long d, long e, long f, long g, long h, long i) { return c_align_probe() + h + i; }
long c_align_back(long x) { return cg_align_slot(x) + cg_align_leaf(); }`,
    body: `
  CHECKEQ(cg_align_leaf(), 1);
  CHECKEQ(cg_align_slot(10), 11);
  CHECKEQ(cg_align_stack_args(10), 1 + 10 + (1 + 10));
  CHECKEQ(cg_align_nested(20), 22);
  CHECKEQ(misaligned, 0);`,
  },
];
