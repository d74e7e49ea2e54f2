//@ toolchain: nightly
//@ c-source: c_variadic_c.c
// C-variadic functions defined in Rust (va_start, the va_arg walk,
// VaList::clone as va_copy, va_end), called from Rust and from C: integers,
// doubles and pointers, more arguments than registers, fixed parameters on
// the stack, a VaList handed to C, and C variadic functions called from Rust.
#![feature(c_variadic)]
use std::ffi::{c_double, c_int, c_long, c_longlong, VaList};
use std::hint::black_box;

// kind 0: c_int, 1: c_longlong, 2: c_double, 3: pointer to i64
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rs_mixed(n: c_int, mut args: ...) -> c_double {
    let mut acc = 0.0;
    for _ in 0..n {
        let kind: c_int = unsafe { args.next_arg() };
        let x = match kind {
            0 => (unsafe { args.next_arg::<c_int>() }) as f64,
            1 => (unsafe { args.next_arg::<c_longlong>() }) as f64,
            2 => unsafe { args.next_arg::<c_double>() },
            _ => (unsafe { *args.next_arg::<*const i64>() }) as f64,
        };
        acc = acc * 3.0 + x;
    }
    acc
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rs_ints(n: c_int, mut args: ...) -> c_longlong {
    let mut s: c_longlong = 0;
    for _ in 0..n { s = s * 7 + unsafe { args.next_arg::<c_longlong>() }; }
    s
}

// reads one value, then a clone of the list and the original go on separately
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rs_copy(n: c_int, mut args: ...) -> c_longlong {
    let first: c_longlong = unsafe { args.next_arg() };
    let mut copy = args.clone();
    let mut a = 0;
    let mut b = 0;
    for _ in 1..n { a = a * 100 + unsafe { args.next_arg::<c_longlong>() }; }
    for _ in 1..n { b = b * 1000 + unsafe { copy.next_arg::<c_longlong>() }; }
    first + a + b
}

// seven integer and one float fixed parameter: the variadic integers start on the stack
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rs_fixed_many(a: c_long, b: c_long, c: c_long, d: c_long, e: c_long, f: c_long, g: c_long, x: c_double, mut args: ...) -> c_double {
    let mut s = (a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g) as f64 + x;
    let i1: c_long = unsafe { args.next_arg() };
    let d1: c_double = unsafe { args.next_arg() };
    let i2: c_long = unsafe { args.next_arg() };
    s = s * 2.0 + i1 as f64 + d1 + i2 as f64;
    for _ in 0..8 { s = s * 1.5 + unsafe { args.next_arg::<c_double>() }; }
    s + (unsafe { args.next_arg::<c_long>() }) as f64
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rs_pass_on(n: c_int, args: ...) -> c_longlong {
    unsafe { c_vlist(n, args) }
}

unsafe extern "C" {
    fn c_calls_rust() -> c_longlong;
    fn c_weighted(n: c_int, ...) -> c_double;
    fn c_vlist(n: c_int, ap: VaList) -> c_longlong;
}

fn main() {
    let v: i64 = black_box(-12);
    let r = unsafe { rs_mixed(5, 0 as c_int, black_box(7) as c_int, 2 as c_int, 0.5f64, 1 as c_int, -3 as c_longlong, 3 as c_int, &v as *const i64, 2 as c_int, 1e3f64) };
    println!("rs_mixed {}", r);
    println!("rs_ints {}", unsafe { rs_ints(3, 5 as c_longlong, 6 as c_longlong, 7 as c_longlong) });
    println!("rs_ints many {}", unsafe { rs_ints(10, 1i64, 2i64, 3i64, 4i64, 5i64, 6i64, 7i64, 8i64, 9i64, black_box(10i64)) });
    println!("rs_copy {}", unsafe { rs_copy(4, 1i64, 2i64, 3i64, 4i64) });
    println!("rs_fixed_many {}", unsafe { rs_fixed_many(1, 1, 1, 1, 1, 1, 1, 0.25, 3 as c_long, 0.75f64, 4 as c_long, 1.0f64, 2.0f64, 3.0f64, 4.0f64, 5.0f64, 6.0f64, 7.0f64, black_box(8.0f64), 11 as c_long) });
    println!("rs_pass_on {}", unsafe { rs_pass_on(4, 1 as c_int, 2 as c_int, 3 as c_int, 4 as c_int) });
    println!("c_calls_rust {}", unsafe { c_calls_rust() });
    println!("c_weighted {}", unsafe { c_weighted(10, 1i64, 0.5f64, 2i64, 0.25f64, 3i64, 1.5f64, 4i64, 2.5f64, 5i64, 3.5f64, 6i64, 4.5f64, 7i64, 5.5f64, 8i64, 6.5f64, 9i64, 7.5f64, 10i64, 8.5f64) });
}
