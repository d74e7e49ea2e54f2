// A first program for `cgts rustc examples/hello.rs`: formatting, a heap
// allocation, an iterator and the exit status.
use std::process::ExitCode;

fn main() -> ExitCode {
    let names = vec!["cgts", "rustc", "LLVM bitcode"];
    println!("Hello, world!");
    for (i, n) in names.iter().enumerate() {
        println!("{i}: hello from {n} ({} bytes)", n.len());
    }
    let total: usize = names.iter().map(|n| n.len()).sum();
    eprintln!("total {total}");
    ExitCode::from((total % 256) as u8)
}
