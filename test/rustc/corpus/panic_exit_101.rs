// A panic that escapes main: stdout written before it, Drop values of main
// and of nested frames printing during unwinding, the message on stderr, and
// exit status 101.
struct Loud(&'static str);
impl Drop for Loud {
    fn drop(&mut self) { println!("drop {}", self.0); }
}

fn inner(v: &[u32]) -> u32 {
    let _x = Loud("inner");
    let idx = v.iter().sum::<u32>() as usize;
    v[idx]
}

fn middle() -> u32 {
    let _y = Loud("middle");
    let data = vec![1, 2, 3];
    inner(&data) + 1
}

fn main() {
    let _a = Loud("main.a");
    println!("start");
    let boxed = Box::new(Loud("main.boxed"));
    let total: u32 = (1..=10).sum();
    println!("total {}", total);
    let r = middle();
    println!("unreachable {}", r);
    drop(boxed);
}
