// FFI: repr(C) structs passed and returned by value through extern "C"
// functions (8, 12, 16, 24 and 48 bytes, mixed float/int), unions, repr(u8)
// enums, and libc varargs calls (printf, snprintf), qsort with a callback.
use std::ffi::{c_char, c_double, c_int, c_long, c_void, CStr};

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct P8 {
    a: i32,
    b: i32,
}
#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct P12 {
    x: f32,
    y: f32,
    z: i32,
}
#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Mixed16 {
    d: f64,
    n: i64,
}
#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Pair64 {
    a: f64,
    b: f32,
}
#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Big48 {
    v: [i64; 5],
    tag: u8,
}
#[repr(C)]
#[derive(Clone, Copy)]
union Bits {
    f: f64,
    u: u64,
    b: [u8; 8],
}
#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Color {
    Red = 1,
    Green = 2,
    Blue = 40,
}

#[repr(C)]
struct DivT {
    quot: c_int,
    rem: c_int,
}
#[repr(C)]
struct LDivT {
    quot: c_long,
    rem: c_long,
}

extern "C" {
    fn printf(fmt: *const c_char, ...) -> c_int;
    fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
    fn qsort(base: *mut c_void, n: usize, size: usize, cmp: extern "C" fn(*const c_void, *const c_void) -> c_int);
    fn div(a: c_int, b: c_int) -> DivT;
    fn ldiv(a: c_long, b: c_long) -> LDivT;
    fn strlen(s: *const c_char) -> usize;
    fn fflush(f: *mut c_void) -> c_int;
}

#[inline(never)]
extern "C" fn swap_p8(p: P8) -> P8 {
    P8 { a: p.b, b: p.a }
}
#[inline(never)]
extern "C" fn scale_p12(p: P12, k: f32) -> P12 {
    P12 { x: p.x * k, y: p.y * k, z: p.z + 1 }
}
#[inline(never)]
extern "C" fn mix16(m: Mixed16, extra: i8) -> Mixed16 {
    Mixed16 { d: m.d * 2.0 + extra as f64, n: m.n - extra as i64 }
}
#[inline(never)]
extern "C" fn pair64(p: Pair64, q: Pair64) -> Pair64 {
    Pair64 { a: p.a + q.a, b: p.b * q.b }
}
#[inline(never)]
extern "C" fn big48(mut b: Big48, add: i64) -> Big48 {
    for x in b.v.iter_mut() {
        *x += add;
    }
    b.tag = b.tag.wrapping_mul(3);
    b
}
#[inline(never)]
extern "C" fn many_args(a: i8, b: u16, c: i32, d: i64, e: f32, f: f64, g: u8, h: i64, i: f64, j: i32, k: f32, l: i64) -> f64 {
    a as f64 + b as f64 + c as f64 + d as f64 + e as f64 + f + g as f64 + h as f64 + i + j as f64 + k as f64 + l as f64
}
#[inline(never)]
extern "C" fn color_next(c: Color) -> Color {
    match c {
        Color::Red => Color::Green,
        Color::Green => Color::Blue,
        Color::Blue => Color::Red,
    }
}

extern "C" fn cmp_i32_desc(a: *const c_void, b: *const c_void) -> c_int {
    let (x, y) = unsafe { (*(a as *const i32), *(b as *const i32)) };
    (y > x) as c_int - (y < x) as c_int
}

fn main() {
    // Rust's stdout is line-buffered separately from C's; flush around C output.
    println!("p8 {:?}", swap_p8(P8 { a: 1, b: -2 }));
    println!("p12 {:?}", scale_p12(P12 { x: 1.5, y: -2.0, z: 7 }, 3.0));
    println!("mix16 {:?}", mix16(Mixed16 { d: 0.75, n: 1 << 40 }, -3));
    println!("pair64 {:?}", pair64(Pair64 { a: 1.25, b: 2.0 }, Pair64 { a: 10.0, b: 0.5 }));
    println!("big48 {:?}", big48(Big48 { v: [1, 2, 3, 4, 5], tag: 100 }, 1000));
    println!("many {}", many_args(-1, 2, -3, 4, 5.5, 6.25, 7, -8, 9.0, -10, 11.5, 12));
    println!("color {:?} {:?} {}", color_next(Color::Red), color_next(Color::Blue), Color::Blue as u8);
    let u = Bits { f: 1.0 };
    println!("union {:#x} {:?}", unsafe { u.u }, unsafe { u.b });
    let d = unsafe { div(-17, 5) };
    let l = unsafe { ldiv(1 << 40, 7) };
    println!("div {} {} ldiv {} {}", d.quot, d.rem, l.quot, l.rem);
    let mut arr = [5i32, -3, 99, 0, 42, 7, -100, 8];
    unsafe { qsort(arr.as_mut_ptr() as *mut c_void, arr.len(), 4, cmp_i32_desc) };
    println!("qsort {:?}", arr);
    let mut buf = [0 as c_char; 128];
    let n = unsafe {
        snprintf(buf.as_mut_ptr(), buf.len(), c"%d|%5.2f|%s|%c|%lld|%x|%e".as_ptr(), -42 as c_int, 3.14159 as c_double, c"str".as_ptr(), b'Z' as c_int, i64::MIN, 255u32, 1e-3f64)
    };
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) };
    println!("snprintf {} {:?} strlen {}", n, s, unsafe { strlen(buf.as_ptr()) });
    use std::io::Write;
    std::io::stdout().flush().unwrap();
    unsafe {
        printf(c"printf %d %s %.3f %u %ld\n".as_ptr(), 7 as c_int, c"args".as_ptr(), 2.5f64, 4000000000u32, -5 as c_long);
        printf(c"printf floats %g %g %g %g %g %g %g %g %g\n".as_ptr(), 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.5);
        fflush(std::ptr::null_mut());
    }
    println!("done");
}
