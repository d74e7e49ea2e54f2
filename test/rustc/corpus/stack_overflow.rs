// Unbounded recursion with a large frame: the guard page below the stack is
// hit (stack probes must touch every page of a big frame), the runtime's
// handler reports "has overflowed its stack" and the process dies by SIGABRT.
use std::hint::black_box;

#[inline(never)]
fn deep(n: u64, acc: &mut u64) -> u64 {
    let mut frame = [0u8; 9000];
    frame[black_box(n as usize % 9000)] = n as u8;
    *acc = acc.wrapping_add(frame[n as usize % 9000] as u64);
    black_box(&frame);
    if n == u64::MAX { return *acc; }
    deep(n + 1, acc) + frame[0] as u64
}

fn main() {
    println!("recursing");
    let mut acc = 0;
    let r = deep(0, &mut acc);
    println!("unreachable {}", r);
}
