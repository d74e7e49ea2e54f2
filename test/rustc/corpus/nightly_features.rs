//@ toolchain: nightly
// Nightly-only code generation: a C-variadic function defined in Rust
// (va_start/va_arg/va_end), f16 and f128 arithmetic, conversions and
// formatting, #[thread_local] statics, prefetch intrinsics and
// core::hint::likely/unlikely.
#![feature(c_variadic, f16, f128, thread_local, core_intrinsics, likely_unlikely)]
#![allow(internal_features)]
use std::cell::Cell;
use std::ffi::{c_double, c_int, c_long};
use std::hint::black_box;

unsafe extern "C" fn sum_mixed(n: c_int, mut args: ...) -> c_double {
    let mut acc = 0.0;
    for k in 0..n {
        let kind: c_int = unsafe { args.next_arg() };
        acc += match kind {
            0 => (unsafe { args.next_arg::<c_int>() }) as f64,
            1 => (unsafe { args.next_arg::<c_long>() }) as f64,
            _ => unsafe { args.next_arg::<c_double>() },
        } * (k + 1) as f64;
    }
    acc
}

#[thread_local]
static COUNT: Cell<u32> = Cell::new(0);

fn main() {
    let r = unsafe { sum_mixed(5, 0 as c_int, 7 as c_int, 2 as c_int, 0.5f64, 1 as c_int, -3 as c_long, 2 as c_int, 1e3f64, 0 as c_int, 1 as c_int) };
    println!("variadic {}", r);
    let h: f16 = black_box(1.5);
    let h2: f16 = black_box(0.333);
    println!("f16 {} {} {} {} {}", h + h2, h * h2, h / h2, (h - h2) as f32, h2.to_bits());
    println!("f16 {} {} {:?}", f16::MAX, f16::MIN_POSITIVE as f64, (black_box(70000.0f32) as f16).is_infinite());
    let q: f128 = black_box(1.0) / black_box(3.0);
    let q2: f128 = q * 3.0 - 1.0;
    println!("f128 bits {:#x} {:#x}", q.to_bits(), q2.to_bits());
    println!("f128 as f64 {} {} {}", q as f64, (q + q) as f64, black_box(12345678901234567890u64) as f128 as f64);
    println!("f128 cmp {} {} {}", q < 0.5, q2 == 0.0, (-q).is_sign_negative());
    for _ in 0..5 { COUNT.set(COUNT.get() + 2); }
    let other = std::thread::spawn(|| { COUNT.set(COUNT.get() + 100); COUNT.get() }).join().unwrap();
    println!("thread_local {} other {}", COUNT.get(), other);
    let data: Vec<u64> = (0..64).collect();
    let mut s = 0;
    for i in 0..data.len() {
        if i + 8 < data.len() { unsafe { std::intrinsics::prefetch_read_data::<_, 3>(data.as_ptr().add(i + 8)) }; }
        if std::hint::likely(data[i] % 3 != 0) { s += data[i]; } else if std::hint::unlikely(data[i] == 63) { s += 1000; }
    }
    println!("prefetch loop {}", s);
}
