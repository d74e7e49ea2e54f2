// Unwinding: a panic deep inside nested calls runs every live Drop in
// reverse order (printed), catch_unwind returns the payload (&str, String,
// custom types), resume_unwind rethrows without the hook, panics inside
// closures and iterator adaptors, a custom panic hook, Drop of partially
// built structures and of Vec elements during unwinding.
use std::panic::{self, AssertUnwindSafe};

struct Noisy(String);
impl Drop for Noisy {
    fn drop(&mut self) { println!("  drop {} (panicking={})", self.0, std::thread::panicking()); }
}

#[derive(Debug)]
struct CustomPayload { code: i32, why: &'static str }

#[inline(never)]
fn level(n: u32, fail_at: u32) -> u32 {
    let _g = Noisy(format!("level{}", n));
    if n == fail_at { panic!("failure at level {}", n); }
    let v = vec![Noisy(format!("vec{}a", n)), Noisy(format!("vec{}b", n))];
    let r = level(n + 1, fail_at) + v.len() as u32;
    println!("  returning from level {}", n);
    r
}

struct Pair { _a: Noisy, _b: Noisy }
fn build_pair(fail: bool) -> Pair {
    let a = Noisy("pair.a".into());
    if fail { panic!("while building pair"); }
    Pair { _a: a, _b: Noisy("pair.b".into()) }
}

fn describe(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() { format!("&str {:?}", s) }
    else if let Some(s) = p.downcast_ref::<String>() { format!("String {:?}", s) }
    else if let Some(c) = p.downcast_ref::<CustomPayload>() { format!("custom {:?}", c) }
    else if let Some(n) = p.downcast_ref::<u64>() { format!("u64 {}", n) }
    else { "unknown payload".into() }
}

fn main() {
    panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_else(|| "<non-string>".into());
        let loc = info.location().map(|l| format!("line {}", l.line())).unwrap_or_default();
        println!("[hook] {} at {}", msg, loc);
    }));
    for fail_at in [3u32, 0, 99] {
        println!("run fail_at={}", fail_at);
        let r = panic::catch_unwind(|| level(0, fail_at.min(5)));
        match &r { Ok(v) => println!("ok {}", v), Err(p) => println!("caught {}", describe(p)) }
    }
    let r = panic::catch_unwind(|| build_pair(true));
    println!("pair: {}", r.map(|_| "built".to_string()).unwrap_or_else(|p| describe(&p)));
    let r = panic::catch_unwind(|| { let _p = build_pair(false); println!("  pair built"); });
    println!("pair ok {:?}", r.is_ok());
    let r = panic::catch_unwind(|| { let _n = Noisy("custom".into()); panic::panic_any(CustomPayload { code: 7, why: "typed" }) });
    println!("{}", describe(&r.unwrap_err()));
    let r = panic::catch_unwind(|| panic::panic_any(42u64));
    println!("{}", describe(&r.unwrap_err()));
    let r = panic::catch_unwind(|| {
        let _outer = Noisy("outer".into());
        let inner = panic::catch_unwind(|| { let _i = Noisy("inner".into()); panic!("inner panic") });
        println!("  inner caught: {}", describe(inner.as_ref().unwrap_err()));
        panic::resume_unwind(inner.unwrap_err());
    });
    println!("resumed: {}", describe(&r.unwrap_err()));
    let r = panic::catch_unwind(|| panic::resume_unwind(Box::new(String::from("no hook for resume"))));
    println!("{}", describe(&r.unwrap_err()));
    let mut state = vec![1, 2, 3];
    let r = panic::catch_unwind(AssertUnwindSafe(|| {
        let total: i32 = state.iter().map(|&x| if x == 3 { panic!("bad element {}", x) } else { x * 10 }).sum();
        state.push(total);
    }));
    println!("iter panic: {} state={:?}", describe(&r.unwrap_err()), state);
    let r = panic::catch_unwind(|| {
        let v: Vec<Noisy> = (0..4).map(|i| if i == 2 { panic!("making element {}", i) } else { Noisy(format!("elem{}", i)) }).collect();
        v.len()
    });
    println!("collect panic: {}", describe(&r.unwrap_err()));
    let r: Result<Result<u8, String>, _> = panic::catch_unwind(|| Err("plain error".to_string()));
    println!("no panic: {:?}", r.map_err(|_| ()));
    let _ = panic::take_hook();
    println!("done");
}
