//@ panic: abort
// Built with -C panic=abort but never panicking: ordinary code whose IR
// still carries dead resume paths; Drop, Box<dyn Fn>, collections,
// formatting and an ExitCode of 3 from main.
use std::collections::BTreeMap;
use std::process::ExitCode;

struct Res(String);
impl Drop for Res {
    fn drop(&mut self) { println!("release {}", self.0); }
}

fn main() -> ExitCode {
    let _r = Res("outer".into());
    let ops: Vec<(&str, Box<dyn Fn(i64) -> i64>)> = vec![("inc", Box::new(|x| x + 1)), ("dbl", Box::new(|x| x * 2)), ("sq", Box::new(|x| x * x))];
    let mut m = BTreeMap::new();
    let mut x = 3i64;
    for (name, f) in &ops { x = f(x); m.insert(*name, x); }
    println!("{:?}", m);
    {
        let _inner = Res(format!("inner-{}", x));
        let v: Vec<Res> = (0..3).map(|i| Res(format!("v{}", i))).collect();
        println!("made {}", v.len());
    }
    let caught = std::panic::catch_unwind(|| 7);
    println!("catch_unwind without panic: {:?}", caught);
    ExitCode::from(3)
}
