//@ c-source: ffi_abi.c
// repr(C) structs of every System V size class (1..64 bytes; INTEGER, SSE,
// mixed and MEMORY classes) passed to and returned from C functions by
// value, a C function with more arguments than registers, Rust callbacks
// called from C with structs by value, a C variadic function, i8/i16/bool
// sign and zero extension, and i128 across the C ABI.
use std::ffi::{c_double, c_int, c_longlong};

#[repr(C)] #[derive(Debug, Clone, Copy)] struct S1 { a: u8 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct S3 { a: u8, b: u8, c: u8 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct S4 { a: i16, b: u8 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct S5 { a: [u8; 5] }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct S8 { a: i32, b: i32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct F2 { x: f32, y: f32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct F3 { x: f32, y: f32, z: f32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct D1 { d: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct DI { d: f64, i: i32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct IF { i: i32, f: f32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct CD { c: i8, d: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct D2 { a: f64, b: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct I2 { a: i64, b: i64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct FID { f: f32, i: i32, d: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct B12 { b: [u8; 12] }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct I3 { a: i64, b: i64, c: i64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct D4 { a: f64, b: f64, c: f64, d: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct I6 { v: [i64; 6] }
#[repr(C)] #[derive(Clone, Copy)] struct B64 { b: [u8; 64] }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct F4 { f: [f32; 4] }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct SDF { s: i16, d: f64, f: f32 }

unsafe extern "C" {
    fn c_s1(x: S1) -> S1;
    fn c_s3(x: S3) -> S3;
    fn c_s4(x: S4) -> S4;
    fn c_s5(x: S5) -> S5;
    fn c_s8(x: S8) -> S8;
    fn c_f2(x: F2) -> F2;
    fn c_f3(x: F3) -> F3;
    fn c_d1(x: D1) -> D1;
    fn c_di(x: DI) -> DI;
    fn c_if(x: IF) -> IF;
    fn c_cd(x: CD) -> CD;
    fn c_d2(x: D2) -> D2;
    fn c_i2(x: I2) -> I2;
    fn c_fid(x: FID) -> FID;
    fn c_b12(x: B12) -> B12;
    fn c_i3(x: I3) -> I3;
    fn c_d4(x: D4) -> D4;
    fn c_i6(x: I6) -> I6;
    fn c_b64(x: B64) -> B64;
    fn c_f4(x: F4) -> F4;
    fn c_sdf(x: SDF) -> SDF;
    fn c_many(a: S1, b: F2, c: DI, d: I3, e: D2, f: S3, g: f64, h: f32, i: i8, j: u16, k: i64, l: F3, m: CD, n: I2) -> c_double;
    fn c_call_rust(cb: extern "C" fn(DI, F2, I3) -> DI, n: c_int) -> c_double;
    fn c_call_rust2(cb: extern "C" fn(SDF, B12, F4) -> SDF) -> SDF;
    fn c_call_rust3(cb: extern "C" fn(S1, S3, S5, CD, IF, D2, I6, B64, F3, f64, f32, i8, u16, I2, D4) -> f64) -> c_double;
    fn c_vsum(n: c_int, ...) -> c_double;
    fn c_sext(x: i8, y: u8, z: i16, b: bool) -> i8;
    fn c_i128(a: i128, b: u128) -> i128;
}

extern "C" fn rust_cb(a: DI, b: F2, c: I3) -> DI {
    DI { d: a.d * 2.0 + b.x as f64 - b.y as f64, i: a.i + (c.a + c.b + c.c) as i32 }
}
extern "C" fn rust_cb2(s: SDF, b: B12, f: F4) -> SDF {
    let sum: u32 = b.b.iter().map(|&x| x as u32).sum();
    SDF { s: s.s * 3 + sum as i16, d: s.d + f.f.iter().map(|&x| x as f64).sum::<f64>(), f: s.f * f.f[3] }
}

extern "C" fn rust_cb3(a: S1, b: S3, c: S5, d: CD, e: IF, f: D2, g: I6, h: B64, k: F3, x: f64, y: f32, z: i8, w: u16, n: I2, o: D4) -> f64 {
    println!("cb3 {:?} {:?} {:?} {:?} {:?} {:?} {:?} b64[63]={} {:?} {} {} {} {} {:?} {:?}", a, b, c, d, e, f, g, h.b[63], k, x, y, z, w, n, o);
    a.a as f64 + b.c as f64 + c.a[4] as f64 + d.d + e.f as f64 + f.b + g.v[5] as f64 + h.b.iter().map(|&v| v as f64).sum::<f64>()
        + k.z as f64 + x + y as f64 + z as f64 + w as f64 + (n.a + n.b) as f64 + o.d
}

fn main() {
    unsafe {
        println!("{:?}", c_s1(S1 { a: 40 }));
        println!("{:?}", c_s3(S3 { a: 1, b: 2, c: 3 }));
        println!("{:?}", c_s4(S4 { a: 1234, b: 0x0f }));
        println!("{:?}", c_s5(S5 { a: [10, 20, 30, 40, 250] }));
        println!("{:?}", c_s8(S8 { a: -7, b: 1 << 30 }));
        println!("{:?}", c_f2(F2 { x: 1.25, y: -3.5 }));
        println!("{:?}", c_f3(F3 { x: 1.0, y: 2.0, z: 3.0 }));
        println!("{:?}", c_d1(D1 { d: 1.5 }));
        println!("{:?}", c_di(DI { d: 0.5, i: 9 }));
        println!("{:?}", c_if(IF { i: 3, f: 2.75 }));
        println!("{:?}", c_cd(CD { c: 5, d: 100.0 }));
        println!("{:?}", c_d2(D2 { a: 10.0, b: 0.25 }));
        println!("{:?}", c_i2(I2 { a: i64::MIN, b: 0x0123_4567_89ab_cdef }));
        println!("{:?}", c_fid(FID { f: 0.5, i: 0, d: 6.0 }));
        println!("{:?}", c_b12(B12 { b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 200] }));
        println!("{:?}", c_i3(I3 { a: 1, b: 2, c: 3 }));
        println!("{:?}", c_d4(D4 { a: 1.0, b: 2.0, c: 3.0, d: 4.0 }));
        println!("{:?}", c_i6(I6 { v: [1, -2, 3, -4, 5, -6] }));
        let b = c_b64(B64 { b: std::array::from_fn(|i| i as u8) });
        println!("b64 {:?}", &b.b[..16]);
        println!("b64 sum {}", b.b.iter().map(|&x| x as u32).sum::<u32>());
        println!("{:?}", c_f4(F4 { f: [0.5, 1.5, 2.5, 3.5] }));
        println!("{:?}", c_sdf(SDF { s: -2, d: 1.0, f: 0.5 }));
        let m = c_many(S1 { a: 1 }, F2 { x: 2.0, y: 3.0 }, DI { d: 4.0, i: 5 }, I3 { a: 6, b: 7, c: 8 }, D2 { a: 9.0, b: 10.0 },
            S3 { a: 11, b: 12, c: 13 }, 14.0, 15.0, -16, 17, 18, F3 { x: 19.0, y: 20.0, z: 21.0 }, CD { c: 22, d: 23.0 }, I2 { a: 24, b: 25 });
        println!("many {}", m);
        println!("callback {}", c_call_rust(rust_cb, 5));
        println!("callback2 {:?}", c_call_rust2(rust_cb2));
        println!("callback3 {}", c_call_rust3(rust_cb3));
        let v = c_vsum(6, 0 as c_int, 5 as c_int, 1 as c_int, 1i64 << 40 as c_longlong, 2 as c_int, 0.5f64, 2 as c_int, -1.25f64, 0 as c_int, -9 as c_int, 1 as c_int, -3i64);
        println!("vsum {}", v);
        println!("sext {} {} {}", c_sext(-5, 250, -300, true), c_sext(127, 1, 0, false), c_sext(-128, 255, 200, true));
        println!("i128 {}", c_i128(-(1i128 << 100) + 7, (5u128 << 64) | 3));
    }
}
