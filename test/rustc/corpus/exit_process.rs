// std::process::exit(n) from a nested call while locals with destructors are
// live: the destructors never run, output already written to stdout (line
// buffered) appears, a partial line without a newline is still flushed by
// exit, and the exit status is 7.
struct Never(&'static str);
impl Drop for Never {
    fn drop(&mut self) { println!("BUG: drop {} ran", self.0); }
}

fn deep(n: u32, v: &mut Vec<Never>) -> u32 {
    v.push(Never("in vec"));
    let _g = Never("deep frame");
    if n == 0 {
        println!("exiting from depth with {} live values", v.len());
        eprintln!("stderr before exit");
        print!("partial line without newline");
        std::process::exit(7);
    }
    deep(n - 1, v) + 1
}

fn main() {
    let _m = Never("main");
    let boxed = Box::new(Never("boxed"));
    let mut v = Vec::new();
    println!("start");
    let r = deep(3, &mut v);
    println!("unreachable {}", r);
    drop(boxed);
}
