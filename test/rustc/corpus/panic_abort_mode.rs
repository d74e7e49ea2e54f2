//@ panic: abort
// Built with -C panic=abort: a panic prints its message and aborts at once
// (SIGABRT) without unwinding, so no Drop runs; output before it is flushed
// line by line.
struct Tracked(u8);
impl Drop for Tracked {
    fn drop(&mut self) { println!("drop {}", self.0); }
}

fn checked_step(x: u8) -> u8 {
    let _t = Tracked(x);
    x.checked_mul(3).expect("step overflowed")
}

fn main() {
    let _outer = Tracked(100);
    let mut x = 1u8;
    for i in 0..10 {
        x = checked_step(x);
        println!("step {} -> {}", i, x);
    }
    println!("unreachable {}", x);
}
