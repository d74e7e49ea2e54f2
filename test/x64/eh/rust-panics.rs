// Panicking code and a catch_unwind for the landing-pad tests: the LLVM-built
// std's rust_eh_personality reads the LSDA of the cgts frames in between.
use std::panic;

#[no_mangle]
pub extern "C-unwind" fn rs_may_panic(x: i64) -> i64 {
    if x == 7 {
        panic!("boom {}", x)
    }
    x * 2
}

#[no_mangle]
pub extern "C" fn rs_catch(f: extern "C-unwind" fn(i64) -> i64, x: i64) -> i64 {
    panic::set_hook(Box::new(|_| {}));
    match panic::catch_unwind(|| f(x)) {
        Ok(v) => v,
        Err(e) => {
            if let Some(s) = e.downcast_ref::<String>() {
                println!("caught panic: {}", s);
            }
            -1
        }
    }
}
