/* C side of ffi_structs.rs: functions taking and returning repr(C) structs of
 * every System V size class by value, calling Rust callbacks with them, and a
 * C-variadic function. Built by the test harness with `cc -O1 -c`. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct { uint8_t a; } S1;
typedef struct { uint8_t a, b, c; } S3;
typedef struct { int16_t a; uint8_t b; } S4;
typedef struct { uint8_t a[5]; } S5;
typedef struct { int32_t a, b; } S8;
typedef struct { float x, y; } F2;
typedef struct { float x, y, z; } F3;
typedef struct { double d; } D1;
typedef struct { double d; int32_t i; } DI;
typedef struct { int32_t i; float f; } IF;
typedef struct { int8_t c; double d; } CD;
typedef struct { double a, b; } D2;
typedef struct { int64_t a, b; } I2;
typedef struct { float f; int32_t i; double d; } FID;
typedef struct { uint8_t b[12]; } B12;
typedef struct { int64_t a, b, c; } I3;
typedef struct { double a, b, c, d; } D4;
typedef struct { int64_t v[6]; } I6;
typedef struct { uint8_t b[64]; } B64;
typedef struct { float f[4]; } F4;
typedef struct { int16_t s; double d; float f; } SDF;

S1 c_s1(S1 x) { x.a = (uint8_t)(x.a * 3 + 1); return x; }
S3 c_s3(S3 x) { S3 r = { x.c, x.b, (uint8_t)(x.a + 1) }; return r; }
S4 c_s4(S4 x) { x.a = (int16_t)(-x.a); x.b ^= 0xff; return x; }
S5 c_s5(S5 x) { for (int i = 0; i < 5; i++) x.a[i] = (uint8_t)(x.a[i] + i); return x; }
S8 c_s8(S8 x) { S8 r = { x.b, x.a * 2 }; return r; }
F2 c_f2(F2 x) { F2 r = { x.y * 2.0f, x.x + 0.5f }; return r; }
F3 c_f3(F3 x) { F3 r = { x.z, x.x, x.y * x.y }; return r; }
D1 c_d1(D1 x) { x.d = x.d * x.d; return x; }
DI c_di(DI x) { x.d += x.i; x.i *= -3; return x; }
IF c_if(IF x) { x.i += (int32_t)x.f; x.f *= 4.0f; return x; }
CD c_cd(CD x) { x.c = (int8_t)(x.c - 100); x.d /= 8.0; return x; }
D2 c_d2(D2 x) { D2 r = { x.a + x.b, x.a - x.b }; return r; }
I2 c_i2(I2 x) { I2 r = { x.b, x.a ^ x.b }; return r; }
FID c_fid(FID x) { x.f += 1.0f; x.i -= 1; x.d *= -1.0; return x; }
B12 c_b12(B12 x) { for (int i = 0; i < 12; i++) x.b[i] = (uint8_t)(x.b[i] * 2); return x; }
I3 c_i3(I3 x) { I3 r = { x.c, x.b, x.a }; return r; }
D4 c_d4(D4 x) { D4 r = { x.d, x.c * 2, x.b * 3, x.a * 4 }; return r; }
I6 c_i6(I6 x) { for (int i = 0; i < 6; i++) x.v[i] = x.v[i] * (i + 1); return x; }
B64 c_b64(B64 x) { for (int i = 0; i < 64; i++) x.b[i] = (uint8_t)(x.b[i] ^ (i * 7)); return x; }
F4 c_f4(F4 x) { F4 r = { { x.f[3], x.f[2], x.f[1], x.f[0] } }; return r; }
SDF c_sdf(SDF x) { x.s = (int16_t)(x.s + 1); x.d = x.d + x.f; x.f = -x.f; return x; }

/* Many arguments: integer and float registers run out, the rest go on the stack. */
double c_many(S1 a, F2 b, DI c, I3 d, D2 e, S3 f, double g, float h, int8_t i, uint16_t j, int64_t k, F3 l, CD m, I2 n) {
    return a.a + b.x + b.y + c.d + c.i + (double)(d.a + d.b + d.c) + e.a + e.b + f.a + f.b + f.c + g + h + i + j + (double)k
        + l.x + l.y + l.z + m.c + m.d + (double)(n.a + n.b);
}

/* Callbacks into Rust with structs by value. */
typedef DI (*di_cb)(DI, F2, I3);
double c_call_rust(di_cb cb, int n) {
    double acc = 0;
    for (int k = 0; k < n; k++) {
        DI a = { k * 1.5, k };
        F2 b = { (float)k, (float)-k };
        I3 c = { k, k * 10, k * 100 };
        DI r = cb(a, b, c);
        acc += r.d + r.i;
    }
    return acc;
}
typedef SDF (*sdf_cb)(SDF, B12, F4);
SDF c_call_rust2(sdf_cb cb) {
    SDF s = { 7, 2.5, 0.25f };
    B12 b; for (int i = 0; i < 12; i++) b.b[i] = (uint8_t)i;
    F4 f = { { 1.0f, 2.0f, 3.0f, 4.0f } };
    return cb(s, b, f);
}

/* A C-variadic function called from Rust with mixed argument types. */
double c_vsum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double acc = 0;
    for (int k = 0; k < n; k++) {
        int kind = va_arg(ap, int);
        if (kind == 0) acc += va_arg(ap, int);
        else if (kind == 1) acc += (double)va_arg(ap, long long);
        else acc += va_arg(ap, double);
    }
    va_end(ap);
    return acc;
}

int8_t c_sext(int8_t x, uint8_t y, int16_t z, _Bool b) { return (int8_t)(x + (int8_t)y + z + (b ? 100 : 0)); }
__int128 c_i128(__int128 a, unsigned __int128 b) { return a * 3 - (__int128)(b >> 64); }

/* A Rust callback with one argument of each class, more than fit in registers. */
typedef double (*mix_cb)(S1, S3, S5, CD, IF, D2, I6, B64, F3, double, float, int8_t, uint16_t, I2, D4);
double c_call_rust3(mix_cb cb) {
    S1 a = { 7 };
    S3 b = { 1, 2, 3 };
    S5 c = { { 10, 20, 30, 40, 50 } };
    CD d = { -3, 0.5 };
    IF e = { 11, 2.25f };
    D2 f = { 1.5, -2.5 };
    I6 g = { { 1, 2, 3, 4, 5, 6 } };
    B64 h; for (int i = 0; i < 64; i++) h.b[i] = (uint8_t)(i * 3);
    F3 k = { 0.25f, 0.5f, 0.75f };
    I2 n = { -100, 200 };
    D4 o = { 1.0, 10.0, 100.0, 1000.0 };
    return cb(a, b, c, d, e, f, g, h, k, 3.125, -1.5f, -9, 60000, n, o);
}
