// ABI cases for f32/f64 in XMM registers, mixed int/float arguments beyond
// the register count (stack order and slots), and two-value returns that C
// sees as small structs (RAX:RDX, XMM0:XMM1, RAX:XMM0, XMM0:RAX).

import type { AbiCase } from './harness.js';

export const floatCases: AbiCase[] = [
  {
    name: 'float_args_and_returns_to_c',
    clif: `
function %cg_floats_to_c(f64, f32) -> f64 {
    sig0 = (f32, f64, f32) -> f32
    sig1 = (f64, f32) -> f64
    fn0 = %c_fmix sig0
    fn1 = %c_dmix sig1
block0(v0: f64, v1: f32):
    v2 = f32const 0x1.8p1
    v3 = call fn0(v1, v0, v2)
    v4 = call fn1(v0, v3)
    return v4
}`,
    c: `
double cg_floats_to_c(double, float);
float c_fmix(float a, double b, float c) { return a * 2.0f + (float)b - c; }
double c_dmix(double a, float b) { return a * 0.5 + b; }`,
    body: `
  double a = 10.25; float b = -1.5f;
  float m = b * 2.0f + (float)a - 3.0f;
  CHECKF(cg_floats_to_c(a, b), a * 0.5 + m);`,
  },
  {
    name: 'float_returns_from_cgts',
    clif: `
function %cg_ret_f32(f32, f32) -> f32 {
block0(v0: f32, v1: f32):
    v2 = fsub v0, v1
    return v2
}
function %cg_ret_f64(i64, f64, i32, f64) -> f64 {
block0(v0: i64, v1: f64, v2: i32, v3: f64):
    v4 = fcvt_from_sint.f64 v0
    v5 = fmul v1, v4
    v6 = fcvt_from_sint.f64 v2
    v7 = fadd v5, v6
    v8 = fsub v7, v3
    return v8
}`,
    c: `
float cg_ret_f32(float, float);
double cg_ret_f64(long, double, int, double);`,
    body: `
  CHECKF(cg_ret_f32(1.25f, 0.5f), 0.75f);
  CHECKF(cg_ret_f64(3, 1.5, -7, 0.25), 3 * 1.5 + -7 - 0.25);`,
  },
  {
    name: 'mixed_stack_args_to_c',
    clif: `
function %cg_mixed_to_c(i64) -> f64 {
    sig0 = (i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, f64, f32, i32, f64) -> f64
    fn0 = %c_mixed sig0
block0(v0: i64):
    v1 = iconst.i64 1
    v2 = f64const 0x1.0p-1
    v3 = iconst.i64 2
    v4 = f64const 0x1.0p-2
    v5 = iconst.i64 3
    v6 = f64const 0x1.0p-3
    v7 = iconst.i64 4
    v8 = f64const 0x1.0p-4
    v9 = iconst.i64 5
    v10 = f64const 0x1.0p-5
    v11 = iconst.i64 6
    v12 = f64const 0x1.0p-6
    v13 = iconst.i64 7
    v14 = f64const 0x1.0p-7
    v15 = iconst.i64 8
    v16 = f64const 0x1.0p-8
    v17 = iconst.i64 9
    v18 = f64const 0x1.0p-9
    v19 = f64const 0x1.0p-10
    v20 = f32const -0x1.8p0
    v21 = iconst.i32 -11
    v22 = fcvt_from_sint.f64 v0
    v23 = call fn0(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22)
    return v23
}`,
    c: `
double cg_mixed_to_c(long);
static long mi2[10]; static double md[11]; static float mf;
/* ints 1-6 in registers, 7-9 on the stack; doubles 1-8 in xmm0-7, the rest on the stack, interleaved in argument order */
double c_mixed(long i1, double d1, long i2, double d2, long i3, double d3, long i4, double d4, long i5, double d5,
               long i6, double d6, long i7, double d7, long i8, double d8, long i9, double d9, double d10, float f, int i10, double d11) {
  mi2[1] = i1; mi2[2] = i2; mi2[3] = i3; mi2[4] = i4; mi2[5] = i5; mi2[6] = i6; mi2[7] = i7; mi2[8] = i8; mi2[9] = i9; mi2[0] = i10;
  md[1] = d1; md[2] = d2; md[3] = d3; md[4] = d4; md[5] = d5; md[6] = d6; md[7] = d7; md[8] = d8; md[9] = d9; md[10] = d10; md[0] = d11;
  mf = f;
  return d11 * 2;
}`,
    body: `
  CHECKF(cg_mixed_to_c(-21), -42.0);
  for (int i = 1; i <= 9; i++) CHECKEQ(mi2[i], i);
  CHECKEQ(mi2[0], -11);
  for (int i = 1; i <= 10; i++) CHECKF(md[i], 1.0 / (1 << i));
  CHECKF(md[0], -21.0);
  CHECKF(mf, -1.5f);`,
  },
  {
    name: 'mixed_stack_params_from_c',
    clif: `
function %cg_mixed_params(i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, i64, f64, f64, f32, i32, f64) -> f64 {
block0(v1: i64, v2: f64, v3: i64, v4: f64, v5: i64, v6: f64, v7: i64, v8: f64, v9: i64, v10: f64, v11: i64, v12: f64, v13: i64, v14: f64, v15: i64, v16: f64, v17: i64, v18: f64, v19: f64, v20: f32, v21: i32, v22: f64):
    store v1, v9
    store v3, v9+8
    store v5, v9+16
    store v7, v9+24
    store v11, v9+32
    store v13, v9+40
    store v15, v9+48
    store v17, v9+56
    v30 = sextend.i64 v21
    store v30, v9+64
    store v2, v9+72
    store v4, v9+80
    store v6, v9+88
    store v8, v9+96
    store v10, v9+104
    store v12, v9+112
    store v14, v9+120
    store v16, v9+128
    store v18, v9+136
    store v19, v9+144
    v31 = fpromote.f64 v20
    store v31, v9+152
    store v22, v9+160
    v32 = fadd v19, v22
    return v32
}`,
    c: `
double cg_mixed_params(long, double, long, double, long, double, long, double, long, double, long, double, long, double, long, double, long, double, double, float, int, double);`,
    body: `
  union { long l[21]; double d[21]; } o;
  memset(&o, 0, sizeof o);
  double r = cg_mixed_params(1, 0.5, 2, 0.25, 3, 0.125, 4, 0.0625, (long)&o, 1.0 / 32, 6, 1.0 / 64, 7, 1.0 / 128, 8, 1.0 / 256,
                             9, 1.0 / 512, 1.0 / 1024, -1.5f, -11, 100.0);
  CHECKF(r, 100.0 + 1.0 / 1024);
  long wi[9] = {1, 2, 3, 4, 6, 7, 8, 9, -11};
  for (int i = 0; i < 9; i++) CHECKEQ(o.l[i], wi[i]);
  for (int i = 0; i < 10; i++) CHECKF(o.d[9 + i], 1.0 / (2 << i));
  CHECKF(o.d[19], -1.5);
  CHECKF(o.d[20], 100.0);`,
  },
  {
    name: 'pair_returns_from_cgts',
    clif: `
function %cg_pair_ii(i64, i64) -> i64, i64 {
block0(v0: i64, v1: i64):
    v2 = iadd v0, v1
    v3 = isub v0, v1
    return v2, v3
}
function %cg_pair_dd(f64, f64) -> f64, f64 {
block0(v0: f64, v1: f64):
    v2 = fadd v0, v1
    v3 = fsub v0, v1
    return v2, v3
}
function %cg_pair_id(i64, f64) -> i64, f64 {
block0(v0: i64, v1: f64):
    v2 = ineg v0
    v3 = fneg v1
    return v2, v3
}
function %cg_pair_di(i64, f64) -> f64, i64 {
block0(v0: i64, v1: f64):
    v2 = iadd v0, v0
    v3 = fadd v1, v1
    return v3, v2
}`,
    c: `
struct ii { long a, b; }; struct dd { double a, b; }; struct id { long a; double b; }; struct di { double a; long b; };
struct ii cg_pair_ii(long, long); struct dd cg_pair_dd(double, double);
struct id cg_pair_id(long, double); struct di cg_pair_di(long, double);`,
    body: `
  struct ii x = cg_pair_ii(100, 42);
  CHECKEQ(x.a, 142); CHECKEQ(x.b, 58);
  struct dd y = cg_pair_dd(1.5, 0.25);
  CHECKF(y.a, 1.75); CHECKF(y.b, 1.25);
  struct id z = cg_pair_id(9, 2.5);
  CHECKEQ(z.a, -9); CHECKF(z.b, -2.5);
  struct di w = cg_pair_di(9, 2.5);
  CHECKF(w.a, 5.0); CHECKEQ(w.b, 18);`,
  },
  {
    name: 'pair_returns_from_c',
    clif: `
function %cg_call_pairs(i64) {
    sig0 = (i64, i64) -> i64, i64
    sig1 = (f64, f64) -> f64, f64
    sig2 = (i64, f64) -> i64, f64
    sig3 = (i64, f64) -> f64, i64
    fn0 = %c_pair_ii sig0
    fn1 = %c_pair_dd sig1
    fn2 = %c_pair_id sig2
    fn3 = %c_pair_di sig3
block0(v0: i64):
    v1 = iconst.i64 100
    v2 = iconst.i64 42
    v3, v4 = call fn0(v1, v2)
    store v3, v0
    store v4, v0+8
    v5 = f64const 0x1.8p0
    v6 = f64const 0x1.0p-2
    v7, v8 = call fn1(v5, v6)
    store v7, v0+16
    store v8, v0+24
    v9, v10 = call fn2(v1, v5)
    store v9, v0+32
    store v10, v0+40
    v11, v12 = call fn3(v2, v6)
    store v11, v0+48
    store v12, v0+56
    return
}`,
    c: `
struct ii2 { long a, b; }; struct dd2 { double a, b; }; struct id2 { long a; double b; }; struct di2 { double a; long b; };
void cg_call_pairs(void *);
struct ii2 c_pair_ii(long a, long b) { struct ii2 r = { a * 2, b - 1 }; return r; }
struct dd2 c_pair_dd(double a, double b) { struct dd2 r = { a * 2, b - 1 }; return r; }
struct id2 c_pair_id(long a, double b) { struct id2 r = { a + 5, b * 4 }; return r; }
struct di2 c_pair_di(long a, double b) { struct di2 r = { b * 8, a + 7 }; return r; }`,
    body: `
  union { long l[8]; double d[8]; } o;
  memset(&o, 0, sizeof o);
  cg_call_pairs(&o);
  CHECKEQ(o.l[0], 200); CHECKEQ(o.l[1], 41);
  CHECKF(o.d[2], 3.0); CHECKF(o.d[3], -0.75);
  CHECKEQ(o.l[4], 105); CHECKF(o.d[5], 6.0);
  CHECKF(o.d[6], 2.0); CHECKEQ(o.l[7], 49);`,
  },
  {
    name: 'f128_stack_args_both_ways',
    // __float128 is SSE+SSEUP: the ninth goes to a 16-byte aligned stack slot
    // after the 8-byte integer one, and the result comes back in xmm0
    clif: `
function %cg_f128_last(i64, i64, i64, i64, i64, i64, f128, f128, f128, f128, f128, f128, f128, f128, i64, f128) -> f128 {
block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: f128, v7: f128, v8: f128, v9: f128, v10: f128, v11: f128, v12: f128, v13: f128, v14: i64, v15: f128):
    return v15
}
function %cg_f128_to_c(i64, i64) -> i64, i64 {
    sig0 = (i64, i64, i64, i64, i64, i64, f128, f128, f128, f128, f128, f128, f128, f128, i64, f128) -> f128
    fn0 = %c_f128_first sig0
block0(v0: i64, v1: i64):
    v2 = iconcat v0, v1
    v3 = bitcast.f128 v2
    v4 = iconst.i64 7
    v5 = iconcat v1, v0
    v6 = bitcast.f128 v5
    v7 = call fn0(v4, v4, v4, v4, v4, v4, v6, v6, v6, v6, v6, v6, v6, v6, v4, v3)
    v8 = bitcast.i128 v7
    v9, v10 = isplit v8
    return v9, v10
}`,
    c: `
typedef struct { uint64_t lo, hi; } u128pair;
__float128 cg_f128_last(long, long, long, long, long, long, __float128, __float128, __float128, __float128, __float128, __float128, __float128, __float128, long, __float128);
u128pair cg_f128_to_c(uint64_t, uint64_t);
static __float128 mkq(uint64_t lo, uint64_t hi) { __float128 q; uint64_t w[2] = {lo, hi}; memcpy(&q, w, 16); return q; }
static uint64_t qword(__float128 q, int k) { uint64_t w[2]; memcpy(w, &q, 16); return w[k]; }
__float128 c_f128_first(long a, long b, long c, long d, long e, long f, __float128 x0, __float128 x1, __float128 x2, __float128 x3,
                        __float128 x4, __float128 x5, __float128 x6, __float128 x7, long g, __float128 last) {
  return (g == 7 && qword(x7, 0) == qword(x0, 0)) ? last : mkq(0, 0);
}`,
    body: `
  __float128 o = mkq(1, 2), q = mkq(0x0123456789abcdefULL, 0xfedcba9876543210ULL);
  __float128 r = cg_f128_last(1, 2, 3, 4, 5, 6, o, o, o, o, o, o, o, o, 9, q);
  CHECKEQ(qword(r, 0), 0x0123456789abcdefULL);
  CHECKEQ(qword(r, 1), 0xfedcba9876543210ULL);
  u128pair p = cg_f128_to_c(0x1111222233334444ULL, 0x5555666677778888ULL);
  CHECKEQ(p.lo, 0x1111222233334444ULL);
  CHECKEQ(p.hi, 0x5555666677778888ULL);`,
  },
];
