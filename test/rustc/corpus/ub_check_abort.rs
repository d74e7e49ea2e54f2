// Debug builds check the preconditions of unsafe library functions: a
// misaligned pointer given to slice::from_raw_parts makes the runtime print
// "unsafe precondition(s) violated" and abort (SIGABRT) without unwinding,
// after the checks that pass have run.
use std::hint::black_box;

fn main() {
    let data = [1u32, 2, 3, 4];
    let ok = unsafe { std::slice::from_raw_parts(data.as_ptr().add(1), 2) };
    println!("ok slice {:?}", ok);
    let bytes = [0u8; 16];
    let misaligned = unsafe { bytes.as_ptr().add(black_box(1)) } as *const u32;
    println!("making a misaligned slice");
    let bad = unsafe { std::slice::from_raw_parts(misaligned, 2) };
    println!("unreachable {:?}", bad);
}
