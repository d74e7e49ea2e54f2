// ABI cases for integer arguments and returns: narrow ints with and without
// extension flags in both directions, many integer arguments (stack slots),
// and i128 in registers, split at the last register and on the stack.

import type { AbiCase } from './harness.js';

export const intCases: AbiCase[] = [
  {
    name: 'narrow_args_to_c',
    clif: `
function %cg_narrow_to_c(i64) -> i64 {
    sig0 = (i8 sext, i8 uext, i16 sext, i16 uext, i32 sext, i64) -> i64
    fn0 = %c_narrow_raw sig0
    fn1 = %c_narrow_typed sig0
block0(v0: i64):
    v1 = iconst.i8 -5
    v2 = iconst.i8 0xfa
    v3 = iconst.i16 -300
    v4 = iconst.i16 0xfde8
    v5 = iconst.i32 -70000
    v6 = call fn0(v1, v2, v3, v4, v5, v0)
    v7 = call fn1(v1, v2, v3, v4, v5, v0)
    v8 = iadd v6, v7
    return v8
}`,
    c: `
long cg_narrow_to_c(long);
static long raw[6];
long c_narrow_raw(long a, long b, long c, long d, long e, long f) {
  raw[0] = a; raw[1] = b; raw[2] = c; raw[3] = d; raw[4] = e; raw[5] = f; return 1000;
}
long c_narrow_typed(signed char a, unsigned char b, short c, unsigned short d, int e, long f) {
  return a + b + c + d + e + f;
}`,
    body: `
  long r = cg_narrow_to_c(123456789012L);
  /* LLVM-compatible callers extend narrow sext/uext arguments to at least 32 bits */
  CHECKEQ((int)raw[0], -5);
  CHECKEQ((int)raw[1], 250);
  CHECKEQ((int)raw[2], -300);
  CHECKEQ((int)raw[3], 65000);
  CHECKEQ((int)raw[4], -70000);
  CHECKEQ(raw[5], 123456789012L);
  CHECKEQ(r, 1000 + (-5 + 250 - 300 + 65000 - 70000 + 123456789012L));`,
  },
  {
    name: 'narrow_params_ignore_upper_bits',
    clif: `
function %cg_narrow_params(i64, i8, i16, i32, i8, i16, i32) {
block0(v0: i64, v1: i8, v2: i16, v3: i32, v4: i8, v5: i16, v6: i32):
    v7 = sextend.i64 v1
    store v7, v0
    v8 = sextend.i64 v2
    store v8, v0+8
    v9 = sextend.i64 v3
    store v9, v0+16
    v10 = uextend.i64 v4
    store v10, v0+24
    v11 = uextend.i64 v5
    store v11, v0+32
    v12 = uextend.i64 v6
    store v12, v0+40
    return
}`,
    c: `
void cg_narrow_params(long *out, signed char, short, int, unsigned char, unsigned short, unsigned);`,
    body: `
  long out[6] = {0};
  /* the callee may not assume anything about bits above the declared width */
  void (*f)(long *, long, long, long, long, long, long) = (void (*)(long *, long, long, long, long, long, long))cg_narrow_params;
  f(out, 0x5555555555555580L, 0x5555555555558001L, 0x5555555580000001L, (long)0xaaaaaaaaaaaaaa80UL, (long)0xaaaaaaaaaaaa8001UL, (long)0xaaaaaaaa80000001UL);
  CHECKEQ(out[0], -128);
  CHECKEQ(out[1], -32767);
  CHECKEQ(out[2], -2147483647L);
  CHECKEQ(out[3], 0x80);
  CHECKEQ(out[4], 0x8001);
  CHECKEQ(out[5], 0x80000001L);
  /* and with the C types */
  cg_narrow_params(out, -1, -2, -3, 255, 65535, 4000000000u);
  CHECKEQ(out[0], -1);
  CHECKEQ(out[1], -2);
  CHECKEQ(out[2], -3);
  CHECKEQ(out[3], 255);
  CHECKEQ(out[4], 65535);
  CHECKEQ(out[5], 4000000000L);`,
  },
  {
    name: 'narrow_returns_extended',
    clif: `
function %cg_ret_i8s() -> i8 sext {
block0:
    v0 = iconst.i8 -5
    return v0
}
function %cg_ret_i8u() -> i8 uext {
block0:
    v0 = iconst.i8 0xfb
    return v0
}
function %cg_ret_i16s() -> i16 sext {
block0:
    v0 = iconst.i16 -300
    return v0
}
function %cg_ret_i16u() -> i16 uext {
block0:
    v0 = iconst.i16 0xfed4
    return v0
}
function %cg_ret_i8s_arg(i64) -> i8 sext {
block0(v0: i64):
    v1 = ireduce.i8 v0
    return v1
}
function %cg_ret_i16u_arg(i64) -> i16 uext {
block0(v0: i64):
    v1 = ireduce.i16 v0
    return v1
}`,
    c: `
signed char cg_ret_i8s(void); unsigned char cg_ret_i8u(void);
short cg_ret_i16s(void); unsigned short cg_ret_i16u(void);
signed char cg_ret_i8s_arg(long); unsigned short cg_ret_i16u_arg(long);`,
    body: `
  /* an LLVM caller relies on signext/zeroext returns being extended to 32 bits */
  CHECKEQ(((int (*)(void))cg_ret_i8s)(), -5);
  CHECKEQ(((int (*)(void))cg_ret_i8u)(), 251);
  CHECKEQ(((int (*)(void))cg_ret_i16s)(), -300);
  CHECKEQ(((int (*)(void))cg_ret_i16u)(), 65236);
  CHECKEQ(((int (*)(long))cg_ret_i8s_arg)(0x12345678123456f0L), -16);
  CHECKEQ(((int (*)(long))cg_ret_i16u_arg)(0x123456781234f0f0L), 0xf0f0);
  CHECKEQ(cg_ret_i8s(), -5);
  CHECKEQ(cg_ret_i16u(), 65236);`,
  },
  {
    name: 'narrow_returns_from_c',
    clif: `
function %cg_narrow_rets_from_c(i64) {
    sig0 = () -> i8
    sig1 = () -> i16
    sig2 = () -> i32
    fn0 = %c_ret_garbage8 sig0
    fn1 = %c_ret_garbage16 sig1
    fn2 = %c_ret_garbage32 sig2
block0(v0: i64):
    v1 = call fn0()
    v2 = sextend.i64 v1
    store v2, v0
    v3 = uextend.i64 v1
    store v3, v0+8
    v4 = call fn1()
    v5 = sextend.i64 v4
    store v5, v0+16
    v6 = uextend.i64 v4
    store v6, v0+24
    v7 = call fn2()
    v8 = sextend.i64 v7
    store v8, v0+32
    v9 = uextend.i64 v7
    store v9, v0+40
    return
}`,
    c: `
void cg_narrow_rets_from_c(long *);
/* narrow results with garbage above the declared width */
long c_ret_garbage8(void) { return 0x7777777777777780L; }
long c_ret_garbage16(void) { return 0x7777777777778001L; }
long c_ret_garbage32(void) { return 0x7777777780000001L; }`,
    body: `
  long out[6] = {0};
  cg_narrow_rets_from_c(out);
  CHECKEQ(out[0], -128);
  CHECKEQ(out[1], 0x80);
  CHECKEQ(out[2], -32767);
  CHECKEQ(out[3], 0x8001);
  CHECKEQ(out[4], -2147483647L);
  CHECKEQ(out[5], 0x80000001L);`,
  },
  {
    name: 'many_int_args_to_c',
    clif: `
function %cg_many_ints_to_c(i64) -> i64 {
    sig0 = (i64, i32, i64, i16 sext, i64, i8 uext, i64, i32 sext, i64, i64, i8 sext, i64) -> i64
    fn0 = %c_many_ints sig0
block0(v0: i64):
    v1 = iconst.i64 1
    v2 = iconst.i32 -2
    v3 = iconst.i64 3
    v4 = iconst.i16 -4
    v5 = iconst.i64 5
    v6 = iconst.i8 0xfa
    v7 = iconst.i64 7
    v8 = iconst.i32 -8
    v9 = iconst.i64 0x0123456789abcdef
    v10 = iconst.i64 -10
    v11 = iconst.i8 -11
    v12 = call fn0(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v0)
    return v12
}`,
    c: `
long cg_many_ints_to_c(long);
static long mi[12];
long c_many_ints(long a0, int a1, long a2, short a3, long a4, unsigned char a5, long a6, int a7, long a8, long a9, signed char a10, long a11) {
  mi[0] = a0; mi[1] = a1; mi[2] = a2; mi[3] = a3; mi[4] = a4; mi[5] = a5;
  mi[6] = a6; mi[7] = a7; mi[8] = a8; mi[9] = a9; mi[10] = a10; mi[11] = a11;
  return a0 * 3 + a11;
}`,
    body: `
  CHECKEQ(cg_many_ints_to_c(-99), 3 - 99);
  long want[12] = {1, -2, 3, -4, 5, 250, 7, -8, 0x0123456789abcdefL, -10, -11, -99};
  for (int i = 0; i < 12; i++) CHECKEQ(mi[i], want[i]);`,
  },
  {
    name: 'many_int_params_from_c',
    clif: `
function %cg_many_int_params(i64, i64, i32, i64, i16, i64, i8, i64, i32, i64, i64, i8, i64) {
block0(v0: i64, v1: i64, v2: i32, v3: i64, v4: i16, v5: i64, v6: i8, v7: i64, v8: i32, v9: i64, v10: i64, v11: i8, v12: i64):
    store v1, v0
    v13 = sextend.i64 v2
    store v13, v0+8
    store v3, v0+16
    v14 = sextend.i64 v4
    store v14, v0+24
    store v5, v0+32
    v15 = uextend.i64 v6
    store v15, v0+40
    store v7, v0+48
    v16 = sextend.i64 v8
    store v16, v0+56
    store v9, v0+64
    store v10, v0+72
    v17 = sextend.i64 v11
    store v17, v0+80
    store v12, v0+88
    return
}`,
    c: `
void cg_many_int_params(long *, long, int, long, short, long, unsigned char, long, int, long, long, signed char, long);`,
    body: `
  long out[12] = {0};
  cg_many_int_params(out, 1, -2, 3, -4, 5, 250, 7, -8, 0x0123456789abcdefL, -10, -11, -99);
  long want[12] = {1, -2, 3, -4, 5, 250, 7, -8, 0x0123456789abcdefL, -10, -11, -99};
  for (int i = 0; i < 12; i++) CHECKEQ(out[i], want[i]);
  /* garbage above the width of narrow stack arguments */
  void (*g)(long *, long, long, long, long, long, long, long, long, long, long, long, long) = (void *)cg_many_int_params;
  g(out, 1, 2, 3, 4, 5, 6, 7, 0x55555555fffffff8L, 9, 10, 0x55555555555555f5L, 12);
  CHECKEQ(out[7], -8);
  CHECKEQ(out[10], -11);
  CHECKEQ(out[11], 12);`,
  },
  {
    name: 'i128_regs_to_c',
    clif: `
function %cg_i128_to_c(i64) {
    sig0 = (i128, i128) -> i128
    fn0 = %c_i128_ops sig0
block0(v0: i64):
    v1 = load.i128 v0
    v2 = load.i128 v0+16
    v3 = call fn0(v1, v2)
    store v3, v0+32
    return
}`,
    c: `
void cg_i128_to_c(__int128 *);
static __int128 ia, ib;
__int128 c_i128_ops(__int128 a, __int128 b) { ia = a; ib = b; return a * 3 - b; }`,
    body: `
  __int128 v[3];
  v[0] = ((__int128)0x1234 << 64) | (unsigned long)0x8000000000000001UL;
  v[1] = ((__int128)0x7000000000000000L << 64) | (unsigned long)-3L;
  cg_i128_to_c(v);
  CHECK(ia == v[0]);
  CHECK(ib == v[1]);
  CHECKEQ((long)v[2], (long)(v[0] * 3 - v[1]));
  CHECKEQ((long)(v[2] >> 64), (long)((v[0] * 3 - v[1]) >> 64));`,
  },
  {
    name: 'i128_params_from_c',
    clif: `
function %cg_i128_params(i128, i64, i128, i64) -> i128 {
block0(v0: i128, v1: i64, v2: i128, v3: i64):
    store v0, v3
    store v1, v3+16
    store v2, v3+32
    v4 = load.i128 v3+48
    return v4
}`,
    c: `
__int128 cg_i128_params(__int128, long, __int128, void *);`,
    body: `
  __int128 buf[4];
  __int128 a = ((__int128)0x1234 << 64) | 0x8000000000000001UL;
  __int128 c = -((__int128)77 << 70);
  buf[3] = ((__int128)0x5678 << 64) | 0x9abc;
  __int128 r = cg_i128_params(a, -5, c, buf);
  CHECK(buf[0] == a);
  CHECKEQ((long)buf[1], -5);
  CHECK(buf[2] == c);
  CHECKEQ((long)r, 0x9abc);
  CHECKEQ((long)(r >> 64), 0x5678);`,
  },
  {
    name: 'i128_split_at_last_register_to_c',
    clif: `
function %cg_i128_split_to_c(i64) -> i64 {
    sig0 = (i64, i64, i64, i64, i64, i128, i64) -> i64
    fn0 = %c_i128_split sig0
block0(v0: i64):
    v1 = iconst.i64 1
    v2 = iconst.i64 2
    v3 = iconst.i64 3
    v4 = iconst.i64 4
    v5 = iconst.i64 5
    v6 = load.i128 v0
    v7 = iconst.i64 7
    v8 = call fn0(v1, v2, v3, v4, v5, v6, v7)
    return v8
}`,
    c: `
long cg_i128_split_to_c(__int128 *);
static __int128 sx; static long sf[6];
/* x does not fit in the one register left: it goes to the stack whole, and f takes r9 */
long c_i128_split(long a, long b, long c, long d, long e, __int128 x, long f) {
  sf[0] = a; sf[1] = b; sf[2] = c; sf[3] = d; sf[4] = e; sf[5] = f; sx = x; return 42;
}`,
    body: `
  __int128 x = ((__int128)0x2222 << 64) | 0x1111;
  CHECKEQ(cg_i128_split_to_c(&x), 42);
  for (int i = 0; i < 5; i++) CHECKEQ(sf[i], i + 1);
  CHECKEQ(sf[5], 7);
  CHECKEQ((long)sx, 0x1111);
  CHECKEQ((long)(sx >> 64), 0x2222);`,
  },
  {
    name: 'i128_split_at_last_register_from_c',
    clif: `
function %cg_i128_split_params(i64, i64, i64, i64, i64, i128, i64) {
block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i128, v6: i64):
    store v5, v0
    store v6, v0+16
    store v4, v0+24
    return
}`,
    c: `
void cg_i128_split_params(void *, long, long, long, long, __int128, long);`,
    body: `
  __int128 out[2];
  __int128 x = ((__int128)0x2222 << 64) | 0x1111;
  cg_i128_split_params(out, 2, 3, 4, 5, x, 7);
  CHECKEQ((long)out[0], 0x1111);
  CHECKEQ((long)(out[0] >> 64), 0x2222);
  CHECKEQ((long)out[1], 7);
  CHECKEQ((long)(out[1] >> 64), 5);`,
  },
  {
    name: 'i128_stack_alignment_to_c',
    clif: `
function %cg_i128_stack_to_c(i64) -> i64 {
    sig0 = (i64, i64, i64, i64, i64, i64, i64, i128, i64) -> i64
    fn0 = %c_i128_stack sig0
block0(v0: i64):
    v1 = iconst.i64 1
    v2 = load.i128 v0
    v3 = iconst.i64 9
    v4 = call fn0(v1, v1, v1, v1, v1, v1, v1, v2, v3)
    return v4
}`,
    c: `
long cg_i128_stack_to_c(__int128 *);
static __int128 stx; static long st7, st9;
/* g at 0(%rsp); x 16-byte aligned at 16(%rsp); h at 32(%rsp) */
long c_i128_stack(long a, long b, long c, long d, long e, long f, long g, __int128 x, long h) {
  st7 = g; stx = x; st9 = h; return a + b + c + d + e + f;
}`,
    body: `
  __int128 x = ((__int128)0x4444 << 64) | 0x3333;
  CHECKEQ(cg_i128_stack_to_c(&x), 6);
  CHECKEQ(st7, 1);
  CHECKEQ((long)stx, 0x3333);
  CHECKEQ((long)(stx >> 64), 0x4444);
  CHECKEQ(st9, 9);`,
  },
  {
    name: 'i128_stack_alignment_from_c',
    clif: `
function %cg_i128_stack_params(i64, i64, i64, i64, i64, i64, i64, i128, i64) {
block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64, v7: i128, v8: i64):
    store v7, v0
    store v6, v0+16
    store v8, v0+24
    return
}`,
    c: `
void cg_i128_stack_params(void *, long, long, long, long, long, long, __int128, long);`,
    body: `
  __int128 out[2];
  __int128 x = ((__int128)0x4444 << 64) | 0x3333;
  cg_i128_stack_params(out, 1, 1, 1, 1, 1, 7, x, 9);
  CHECKEQ((long)out[0], 0x3333);
  CHECKEQ((long)(out[0] >> 64), 0x4444);
  CHECKEQ((long)out[1], 7);
  CHECKEQ((long)(out[1] >> 64), 9);`,
  },
];
