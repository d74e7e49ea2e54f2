// A read through a null pointer: the runtime's SIGSEGV handler finds no
// guard-page hit, restores the default action, and the process dies by
// SIGSEGV after its earlier output.
use std::hint::black_box;

fn main() {
    let v: Vec<u64> = (1..=4).collect();
    println!("before {:?}", v);
    let p = black_box(0usize) as *const u64;
    let x = unsafe { std::ptr::read_volatile(p) };
    println!("unreachable {}", x);
}
