// #[track_caller] (an implicit Location argument added to the ABI): caller
// locations through nested tracked functions, methods, trait methods and fn
// pointers to tracked functions, panics reporting the caller's line from
// unwrap/expect/index, and #[cold]/#[inline(never)] functions.
use std::panic::{self, Location};

#[track_caller]
fn here() -> &'static Location<'static> { Location::caller() }

#[track_caller]
fn outer(tag: &str) -> String { let l = here(); format!("{} at {}:{}:{}", tag, l.file(), l.line(), l.column()) }

fn untracked() -> String { outer("via untracked") }

struct S(u32);
impl S {
    #[track_caller]
    fn check(&self, limit: u32) -> u32 { if self.0 > limit { panic!("{} exceeds {}", self.0, limit) } self.0 }
}

trait Tracked { #[track_caller] fn loc(&self) -> u32; }
impl Tracked for S { #[track_caller] fn loc(&self) -> u32 { Location::caller().line() + self.0 } }

#[cold]
#[inline(never)]
fn rarely(x: u64) -> u64 { x.rotate_left(17) ^ 0xdead }

#[track_caller]
fn get_or_panic(v: &[i32], i: usize) -> i32 { *v.get(i).expect("index out of range") }

fn main() {
    panic::set_hook(Box::new(|info| {
        let l = info.location().unwrap();
        let msg = info.payload().downcast_ref::<String>().cloned().or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
        println!("panic '{}' reported at line {} col {}", msg, l.line(), l.column());
    }));
    println!("{}", outer("direct"));
    println!("{}", untracked());
    let l = here();
    println!("here {}:{}", l.line(), l.column());
    let f: fn() -> &'static Location<'static> = here;
    println!("through fn pointer line {}", f().line());
    let c = || here().line();
    println!("closure line {}", c());
    let s = S(5);
    println!("trait loc {} check {}", s.loc(), s.check(10));
    let dynt: &dyn Tracked = &s;
    println!("dyn trait loc {}", dynt.loc());
    let _ = panic::catch_unwind(|| S(50).check(10));
    let _ = panic::catch_unwind(|| get_or_panic(&[1, 2, 3], 7));
    let _ = panic::catch_unwind(|| { let o: Option<u8> = None; o.unwrap() });
    let _ = panic::catch_unwind(|| { let r: Result<u8, &str> = Err("e"); r.expect("expected ok") });
    println!("rarely {:x}", rarely(std::hint::black_box(12345)));
    let _ = panic::take_hook();
}
