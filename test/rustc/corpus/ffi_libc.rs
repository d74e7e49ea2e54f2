// Calling the C library: qsort and bsearch with Rust callbacks, printf and
// snprintf with more than eight doubles mixed with integers, strings and
// chars (the varargs %al convention), strtol/strtod with end pointers,
// memcmp/memchr/strlen, div/ldiv struct returns, abs/labs, and a
// repr(C) union and repr(u8) enum crossing the boundary.
use std::ffi::{c_char, c_double, c_int, c_long, c_void, CStr, CString};

#[repr(C)] struct DivT { quot: c_int, rem: c_int }
#[repr(C)] struct LDivT { quot: c_long, rem: c_long }

unsafe extern "C" {
    fn qsort(base: *mut c_void, n: usize, size: usize, cmp: extern "C" fn(*const c_void, *const c_void) -> c_int);
    fn bsearch(key: *const c_void, base: *const c_void, n: usize, size: usize, cmp: extern "C" fn(*const c_void, *const c_void) -> c_int) -> *mut c_void;
    fn printf(fmt: *const c_char, ...) -> c_int;
    fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
    fn fflush(f: *mut c_void) -> c_int;
    fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long;
    fn strtod(s: *const c_char, end: *mut *mut c_char) -> c_double;
    fn strlen(s: *const c_char) -> usize;
    fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int;
    fn memchr(s: *const c_void, c: c_int, n: usize) -> *mut c_void;
    fn div(a: c_int, b: c_int) -> DivT;
    fn ldiv(a: c_long, b: c_long) -> LDivT;
    fn abs(x: c_int) -> c_int;
    fn labs(x: c_long) -> c_long;
}

#[repr(C)] #[derive(Debug, Clone, Copy)] struct Rec { key: i32, weight: f64 }

extern "C" fn cmp_i64(a: *const c_void, b: *const c_void) -> c_int {
    let (a, b) = unsafe { (*(a as *const i64), *(b as *const i64)) };
    a.cmp(&b) as c_int
}
extern "C" fn cmp_rec(a: *const c_void, b: *const c_void) -> c_int {
    let (a, b) = unsafe { (&*(a as *const Rec), &*(b as *const Rec)) };
    b.weight.partial_cmp(&a.weight).unwrap().then(a.key.cmp(&b.key)) as c_int
}

fn fmt(f: &str, build: impl FnOnce(*mut c_char, usize, *const c_char) -> c_int) -> String {
    let cf = CString::new(f).unwrap();
    let mut buf = vec![0u8; 512];
    let n = build(buf.as_mut_ptr() as *mut c_char, buf.len(), cf.as_ptr());
    format!("[{}] {}", n, unsafe { CStr::from_ptr(buf.as_ptr() as *const c_char) }.to_string_lossy())
}

fn main() {
    let mut v: Vec<i64> = (0..40).map(|i| (i * 7919 % 101) - 50).collect();
    unsafe { qsort(v.as_mut_ptr() as *mut c_void, v.len(), 8, cmp_i64) };
    println!("{:?}", v);
    for key in [-50i64, 13, 51] {
        let p = unsafe { bsearch(&key as *const i64 as *const c_void, v.as_ptr() as *const c_void, v.len(), 8, cmp_i64) };
        println!("bsearch {} -> {:?}", key, if p.is_null() { None } else { Some(unsafe { (p as *const i64).offset_from(v.as_ptr()) }) });
    }
    let mut recs: Vec<Rec> = (0..8).map(|i| Rec { key: i, weight: ((i * 5) % 4) as f64 * 0.5 }).collect();
    unsafe { qsort(recs.as_mut_ptr() as *mut c_void, recs.len(), std::mem::size_of::<Rec>(), cmp_rec) };
    println!("{:?}", recs);
    let s = fmt("%.1f %.2f %.3f %g %g %g %g %g %g %e %f|%d %ld %s %c %x %5.1f", |b, n, f| unsafe {
        snprintf(b, n, f, 1.0f64, 2.25f64, 3.125f64, 4.5f64, 5e10f64, 6e-5f64, 7.0f64, 8.5f64, 9.75f64, 10.0f64, -11.5f64,
            42 as c_int, -1234567890123 as c_long, c"str".as_ptr(), 'Z' as c_int, 255 as c_int, 0.05f64)
    });
    println!("{}", s);
    let s = fmt("%d %f %d %f %d %f %d %f %d %f %d %f %d %f %d %f %d %f", |b, n, f| unsafe {
        snprintf(b, n, f, 1 as c_int, 0.5f64, 2 as c_int, 1.5f64, 3 as c_int, 2.5f64, 4 as c_int, 3.5f64, 5 as c_int, 4.5f64,
            6 as c_int, 5.5f64, 7 as c_int, 6.5f64, 8 as c_int, 7.5f64, 9 as c_int, 8.5f64)
    });
    println!("{}", s);
    let s = fmt("%lld %llu %hhd %hu %#o %+d %-6s| %08.3f %s", |b, n, f| unsafe {
        snprintf(b, n, f, i64::MIN, u64::MAX, 300 as c_int, 70000 as c_int, 8 as c_int, 5 as c_int, c"ab".as_ptr(), -3.14159f64, c"".as_ptr())
    });
    println!("{}", s);
    unsafe {
        printf(c"printf: %s %d %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %c\n".as_ptr(), c"mixed".as_ptr(), 7 as c_int,
            0.1f64, 0.2f64, 0.3f64, 0.4f64, 0.5f64, 0.6f64, 0.7f64, 0.8f64, 0.9f64, '!' as c_int);
        fflush(std::ptr::null_mut());
    }
    println!("after printf");
    let num = c"  -0x1fZZ";
    let mut end: *mut c_char = std::ptr::null_mut();
    let n = unsafe { strtol(num.as_ptr(), &mut end, 16) };
    println!("strtol {} consumed {}", n, unsafe { end.offset_from(num.as_ptr()) });
    let fnum = c"6.02e23xyz";
    let d = unsafe { strtod(fnum.as_ptr(), &mut end) };
    println!("strtod {:e} rest {:?}", d, unsafe { CStr::from_ptr(end) });
    let a = b"abcdef\0";
    let b = b"abcxef\0";
    unsafe {
        println!("strlen {} memcmp {} {}", strlen(a.as_ptr() as *const c_char), memcmp(a.as_ptr() as *const c_void, b.as_ptr() as *const c_void, 6).signum(), memcmp(a.as_ptr() as *const c_void, b.as_ptr() as *const c_void, 3));
        let p = memchr(a.as_ptr() as *const c_void, 'd' as c_int, 6);
        println!("memchr offset {}", (p as *const u8).offset_from(a.as_ptr()));
        let q = div(-17, 5);
        let l = ldiv(1 << 40, -7);
        println!("div {} {} ldiv {} {} abs {} labs {}", q.quot, q.rem, l.quot, l.rem, abs(-9), labs(-(1 << 35)));
    }
}
