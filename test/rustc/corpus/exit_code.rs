// main returning std::process::ExitCode computed at run time (18), with
// Drop values of main running before the process exits.
use std::process::ExitCode;

struct Bye(u8);
impl Drop for Bye { fn drop(&mut self) { println!("bye {}", self.0); } }

fn compute(xs: &[u8]) -> u8 { xs.iter().fold(0u8, |a, &x| a.wrapping_add(x)) }

fn main() -> ExitCode {
    let _a = Bye(1);
    let xs: Vec<u8> = (1..=20).collect();
    let code = compute(&xs) % 64;
    let _b = Bye(code);
    println!("exit code will be {}", code);
    if code == 0 { ExitCode::SUCCESS } else { ExitCode::from(code) }
}
