// Float<->int casts: `as` saturation from f32 and f64 to every integer width
// (NaN to 0, +-inf and out-of-range values to MIN/MAX, fractions toward zero),
// i128/u128 in both directions, int->float rounding (ties to even), f64->f32
// narrowing with rounding and overflow, and to_int_unchecked on valid input.
use std::hint::black_box;

macro_rules! to_ints {
    ($x:expr) => {{
        let x = black_box($x);
        println!(
            "{:>14?}: i8={} u8={} i16={} u16={} i32={} u32={} i64={} u64={} i128={} u128={} isize={} usize={}",
            x, x as i8, x as u8, x as i16, x as u16, x as i32, x as u32, x as i64, x as u64, x as i128, x as u128, x as isize, x as usize
        );
    }};
}

fn main() {
    let f64s = [0.0f64, -0.0, 0.99, -0.99, 1.5, -1.5, 127.5, 128.0, -128.9, 255.9, 256.0, -129.0, 32767.5, 65535.99,
        2147483647.9, 2147483648.0, -2147483649.0, 4294967296.0, 9.2233720368547758e18, 1.8446744073709552e19, -9.3e18,
        1.7e38, 3.5e38, -1.8e38, 1e300, f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 5e-324];
    for x in f64s { to_ints!(x); }
    let f32s = [0.5f32, -0.5, 200.7, -200.7, 70000.0, 3e9, -3e9, 1.9e19, 1e38, f32::NAN, f32::INFINITY, -f32::INFINITY, f32::MAX, 16777217.0];
    for x in f32s { to_ints!(x); }
    let ints_u64 = [0u64, 1, 16777217, 9007199254740993, u64::MAX, 1 << 63, (1 << 53) + 1, 0x8000_0080_0000_0000];
    for v in ints_u64 {
        let v = black_box(v);
        println!("u64 {} -> f32 {:?} f64 {:?} i64->f64 {:?}", v, v as f32, v as f64, v as i64 as f64);
    }
    let ints_i = [i64::MIN, -1, -16777217, i64::MAX, -9007199254740993];
    for v in ints_i { let v = black_box(v); println!("i64 {} -> f32 {:?} f64 {:?}", v, v as f32, v as f64); }
    for v in [i8::MIN as i32, u8::MAX as i32, i16::MIN as i32, u16::MAX as i32, i32::MIN, i32::MAX] {
        let v = black_box(v);
        println!("i32 {} -> f32 {:?} f64 {:?} u32 {} -> f32 {:?}", v, v as f32, v as f64, v as u32, v as u32 as f32);
    }
    for v in [1u128 << 127, u128::MAX, 12345678901234567890123456789u128, (1 << 24) + 1] {
        let v = black_box(v);
        println!("u128 {} -> f32 {:?} f64 {:?}", v, v as f32, v as f64);
    }
    for v in [i128::MIN, i128::MAX, -(1i128 << 100) - 1, -3] {
        let v = black_box(v);
        println!("i128 {} -> f32 {:?} f64 {:?}", v, v as f32, v as f64);
    }
    for x in [1.0000000596046448f64, 1.0000001788139343, 3.4028235677973366e38, 3.4028236e38, 1e-46, 1.401298464324817e-45, -0.0, f64::NAN] {
        let x = black_box(x);
        println!("f64 {:?} -> f32 {:?} -> f64 {:?}", x, x as f32, x as f32 as f64);
    }
    for c in [65u8, 200] { println!("u8 {} as char {:?} as f32 {:?}", c, black_box(c) as char, black_box(c) as f32); }
    println!("{:?} {:?}", 'é' as u8, black_box(-1i8) as u8 as char);
    let u = unsafe { black_box(1234.9f64).to_int_unchecked::<i32>() };
    let w = unsafe { black_box(-0.9f32).to_int_unchecked::<u8>() };
    println!("unchecked {} {}", u, w);
    let mut acc = 0i64;
    for i in 0..1000 { let f = (i as f64) * 0.37 - 150.0; acc += f as i8 as i64 + f as u8 as i64 + (f * 1e7) as i32 as i64; }
    println!("acc {}", acc);
}
