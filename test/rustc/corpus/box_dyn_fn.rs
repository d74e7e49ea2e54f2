// Boxed closures: Box<dyn Fn/FnMut/FnOnce> stored in vectors and maps,
// closures returning closures, currying, a recursive closure through
// &dyn Fn, an event system with callbacks capturing Rc state, function
// pointers versus closures, and closures capturing large values.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

type Handler = Box<dyn Fn(&str) -> String>;

fn curry(a: i64) -> Box<dyn Fn(i64) -> Box<dyn Fn(i64) -> i64>> { Box::new(move |b| Box::new(move |c| a * 100 + b * 10 + c)) }
fn make_ops() -> Vec<(String, Box<dyn Fn(f64, f64) -> f64>)> {
    let mut v: Vec<(String, Box<dyn Fn(f64, f64) -> f64>)> = Vec::new();
    v.push(("add".into(), Box::new(|a, b| a + b)));
    v.push(("hyp".into(), Box::new(|a: f64, b: f64| (a * a + b * b).sqrt())));
    let scale = 2.5;
    v.push(("scaled".into(), Box::new(move |a, b| (a - b) * scale)));
    v
}
fn fix(f: &dyn Fn(&dyn Fn(u64) -> u64, u64) -> u64, n: u64) -> u64 { f(&|k| fix(f, k), n) }

struct Bus { subs: BTreeMap<&'static str, Vec<Box<dyn FnMut(i32)>>> }
impl Bus {
    fn on(&mut self, ev: &'static str, f: impl FnMut(i32) + 'static) { self.subs.entry(ev).or_default().push(Box::new(f)); }
    fn emit(&mut self, ev: &str, x: i32) { if let Some(v) = self.subs.get_mut(ev) { for f in v.iter_mut() { f(x); } } }
}

fn main() {
    let mut handlers: BTreeMap<&str, Handler> = BTreeMap::new();
    let greeting = String::from("Hello");
    handlers.insert("greet", Box::new(move |n| format!("{}, {}!", greeting, n)));
    handlers.insert("shout", Box::new(|n| n.to_uppercase()));
    handlers.insert("len", Box::new(|n| n.len().to_string()));
    for (k, h) in &handlers { println!("{} -> {}", k, h("world")); }
    println!("{} {}", curry(1)(2)(3), curry(-4)(0)(9));
    for (name, op) in make_ops() { println!("{} {:.4}", name, op(3.0, 4.0)); }
    println!("fact {} fib {}", fix(&|rec, n| if n == 0 { 1 } else { n * rec(n - 1) }, 20), fix(&|rec, n| if n < 2 { n } else { rec(n - 1) + rec(n - 2) }, 20));
    let log = Rc::new(RefCell::new(Vec::new()));
    let total = Rc::new(RefCell::new(0));
    let mut bus = Bus { subs: BTreeMap::new() };
    { let log = log.clone(); bus.on("click", move |x| log.borrow_mut().push(format!("click {}", x))); }
    { let total = total.clone(); bus.on("click", move |x| *total.borrow_mut() += x); }
    { let mut count = 0; let log = log.clone(); bus.on("key", move |x| { count += 1; log.borrow_mut().push(format!("key#{} {}", count, x)); }); }
    for i in 0..3 { bus.emit("click", i * 10); bus.emit("key", i); }
    bus.emit("none", 1);
    println!("{:?} total {}", log.borrow(), total.borrow());
    let once: Box<dyn FnOnce() -> Vec<u8>> = { let data = vec![1u8, 2, 3]; Box::new(move || { let mut d = data; d.push(4); d }) };
    println!("{:?}", once());
    let big = [7u64; 64];
    let f = move |i: usize| big[i % 64] * i as u64;
    let bf: Box<dyn Fn(usize) -> u64> = Box::new(f);
    println!("{} size_of closure {}", bf(5) + f(70), std::mem::size_of_val(&f));
    let pointers: [fn(i32) -> i32; 3] = [|x| x + 1, |x| x * x, i32::abs];
    let closures: Vec<Box<dyn Fn(i32) -> i32>> = pointers.iter().map(|&p| Box::new(move |x| p(p(x))) as Box<dyn Fn(i32) -> i32>).collect();
    println!("{:?}", closures.iter().map(|c| c(-3)).collect::<Vec<_>>());
    let mut counters: Vec<Box<dyn FnMut() -> u32>> = (1..=3u32).map(|step| { let mut n = 0; Box::new(move || { n += step; n }) as Box<dyn FnMut() -> u32> }).collect();
    for _ in 0..3 { let vals: Vec<u32> = counters.iter_mut().map(|c| c()).collect(); println!("{:?}", vals); }
    let compose_all = |fs: Vec<Box<dyn Fn(i64) -> i64>>| move |x: i64| fs.iter().fold(x, |acc, f| f(acc));
    let pipeline = compose_all(vec![Box::new(|x| x + 3), Box::new(|x| x * 7), Box::new(|x| x - 1)]);
    println!("pipeline {} {}", pipeline(0), pipeline(10));
}
