//@ c-source: unwind_c.c
// Unwinding through C frames: a Rust `extern "C-unwind"` callback called from
// C panics, the unwind crosses the C frame (its .eh_frame) and is caught by
// catch_unwind in Rust; Drop values on both sides of the C frame run in
// order, and a panic-free call returns normally.
use std::panic;

struct Guard(&'static str);
impl Drop for Guard { fn drop(&mut self) { println!("drop {}", self.0); } }

unsafe extern "C-unwind" {
    fn c_apply_all(cb: extern "C-unwind" fn(i64) -> i64, xs: *const i64, n: i32) -> i64;
}

extern "C-unwind" fn checked_square(x: i64) -> i64 {
    let _g = Guard("callback frame");
    if x < 0 { panic!("negative input {}", x); }
    x * x
}

fn run(xs: &[i64]) -> i64 {
    let _g = Guard("caller frame");
    unsafe { c_apply_all(checked_square, xs.as_ptr(), xs.len() as i32) }
}

fn main() {
    panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<String>().cloned().unwrap_or_default();
        println!("hook: {}", msg);
    }));
    println!("ok: {:?}", panic::catch_unwind(|| run(&[1, 2, 3, 4])));
    let r = panic::catch_unwind(|| run(&[5, 6, -7, 8]));
    println!("caught: {:?}", r.map_err(|e| e.downcast::<String>().map(|s| *s).unwrap_or_default()));
    let mut total = 0;
    for round in 0..3 {
        let xs: Vec<i64> = (0..5).map(|i| if i == round + 2 { -1 } else { i }).collect();
        match panic::catch_unwind(|| run(&xs)) { Ok(v) => total += v, Err(_) => total += 1000 }
    }
    println!("total {}", total);
}
