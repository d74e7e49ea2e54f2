// A panic that reaches an `extern "C"` function boundary cannot unwind out
// of it: the runtime prints the message and "panic in a function that cannot
// unwind", then aborts (SIGABRT). Drops inside the extern fn still run.
struct Trace(&'static str);
impl Drop for Trace {
    fn drop(&mut self) { println!("drop {}", self.0); }
}

extern "C" fn callback(x: i32) -> i32 {
    let _t = Trace("callback");
    if x > 2 { panic!("callback got {}", x); }
    x * 10
}

fn drive(f: extern "C" fn(i32) -> i32) -> i32 {
    let _t = Trace("drive");
    let mut s = 0;
    for i in 0..5 { s += f(i); println!("step {} sum {}", i, s); }
    s
}

fn main() {
    let _m = Trace("main");
    println!("result {}", drive(callback));
}
