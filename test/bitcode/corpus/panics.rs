// Panics and unwinding: catch_unwind, resume_unwind, Drop during unwinding,
// overflow, division by zero, out-of-bounds, unwrap on None, the ? operator.
use std::cell::RefCell;
use std::panic;

thread_local! {
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

fn log(s: String) {
    LOG.with(|l| l.borrow_mut().push(s));
}

struct Guard(&'static str);
impl Drop for Guard {
    fn drop(&mut self) {
        log(format!("drop {} (panicking={})", self.0, std::thread::panicking()));
    }
}

#[inline(never)]
fn add_checked(a: i32, b: i32) -> i32 {
    a + b
}

#[inline(never)]
fn divide(a: u64, b: u64) -> u64 {
    a / b
}

#[inline(never)]
fn index(v: &[u8], i: usize) -> u8 {
    v[i]
}

fn nested(depth: u32) -> u32 {
    let _g = Guard(if depth % 2 == 0 { "even" } else { "odd" });
    if depth == 0 {
        panic!("bottom reached");
    }
    nested(depth - 1) + 1
}

#[derive(Debug)]
enum MyErr {
    Parse(String),
    Neg(i64),
}

fn parse_pos(s: &str) -> Result<i64, MyErr> {
    let v: i64 = s.trim().parse().map_err(|_| MyErr::Parse(s.to_string()))?;
    if v < 0 {
        return Err(MyErr::Neg(v));
    }
    Ok(v)
}

fn sum_strs(xs: &[&str]) -> Result<i64, MyErr> {
    let mut t = 0;
    for x in xs {
        t += parse_pos(x)?;
    }
    Ok(t)
}

fn payload_text(e: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = e.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = e.downcast_ref::<String>() {
        s.clone()
    } else {
        "<other payload>".to_string()
    }
}

fn main() {
    panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "?".to_string()
        };
        log(format!("hook: {}", msg));
    }));
    let cases: Vec<(&str, Box<dyn Fn() -> String + panic::RefUnwindSafe>)> = vec![
        ("overflow", Box::new(|| add_checked(i32::MAX, std::hint::black_box(1)).to_string())),
        ("div0", Box::new(|| divide(10, std::hint::black_box(0)).to_string())),
        ("oob", Box::new(|| index(&[1, 2, 3], std::hint::black_box(7)).to_string())),
        ("none", Box::new(|| std::hint::black_box(None::<u8>).unwrap().to_string())),
        ("nested", Box::new(|| nested(3).to_string())),
        ("ok", Box::new(|| divide(100, 7).to_string())),
        ("custom", Box::new(|| std::panic::panic_any(12345u32))),
    ];
    for (name, f) in &cases {
        let r = panic::catch_unwind(|| f());
        match r {
            Ok(v) => println!("{}: ok {}", name, v),
            Err(e) => println!("{}: panicked with {}", name, payload_text(&e)),
        }
        LOG.with(|l| {
            for line in l.borrow_mut().drain(..) {
                println!("  {}", line);
            }
        });
    }
    let r = panic::catch_unwind(|| {
        let _a = Guard("outer");
        let inner = panic::catch_unwind(|| {
            let _b = Guard("inner");
            panic!("first");
        });
        log(format!("inner caught: {}", inner.is_err()));
        panic::resume_unwind(Box::new(String::from("rethrown")));
    });
    println!("resume: {}", payload_text(&r.unwrap_err()));
    LOG.with(|l| {
        for line in l.borrow().iter() {
            println!("  {}", line);
        }
    });
    println!("{:?}", sum_strs(&["1", " 2", "3 "]));
    println!("{:?}", sum_strs(&["1", "x"]));
    println!("{:?}", sum_strs(&["5", "-9"]));
    println!("{:?} {:?}", 200u8.checked_add(100), 5i8.overflowing_sub(-128));
}
