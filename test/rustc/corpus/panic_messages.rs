// The default panic hook's messages on stderr for the checks rustc inserts
// in debug builds: add/sub/mul/neg/shl/shr overflow, division and remainder
// by zero, MIN / -1, index and slice range errors, unwrap/expect on None and
// Err, RefCell double borrow, str char boundaries, explicit assert! and
// assert_eq!, unreachable! and todo!; each caught, the program exits 0.
use std::cell::RefCell;
use std::hint::black_box;
use std::panic::catch_unwind;

fn attempt(name: &str, f: impl FnOnce() -> i64 + std::panic::UnwindSafe) {
    match catch_unwind(f) {
        Ok(v) => println!("{}: ok {}", name, v),
        Err(_) => println!("{}: panicked", name),
    }
}

fn main() {
    attempt("add i8", || (black_box(i8::MAX) + black_box(1)) as i64);
    attempt("sub u32", || (black_box(0u32) - black_box(1)) as i64);
    attempt("mul i64", || black_box(i64::MAX) * black_box(2));
    attempt("mul u16", || (black_box(300u16) * black_box(300)) as i64);
    attempt("neg i32", || -black_box(i32::MIN) as i64);
    attempt("shl u8", || (black_box(1u8) << black_box(9)) as i64);
    attempt("shr i64", || black_box(1i64) >> black_box(64));
    attempt("div zero", || black_box(10i64) / black_box(0));
    attempt("rem zero", || (black_box(10u8) % black_box(0)) as i64);
    attempt("div overflow", || (black_box(i32::MIN) / black_box(-1)) as i64);
    attempt("rem overflow", || (black_box(i16::MIN) % black_box(-1)) as i64);
    attempt("add i128", || (black_box(i128::MAX) + 1) as i64);
    attempt("index", || { let v = vec![1i64, 2, 3]; v[black_box(7)] });
    attempt("array index", || { let a = [5i64; 4]; a[black_box(4)] });
    attempt("slice end", || { let v = [1i64; 3]; v[..black_box(5)].len() as i64 });
    attempt("slice order", || { let v = [1i64; 8]; v[black_box(5)..black_box(2)].len() as i64 });
    attempt("str boundary", || { let s = String::from("héllo"); s[..black_box(2)].len() as i64 });
    attempt("unwrap none", || { let o: Option<i64> = black_box(None); o.unwrap() });
    attempt("unwrap err", || { let r: Result<i64, String> = Err("boom".into()); black_box(r).unwrap() });
    attempt("expect", || { let o: Option<i64> = black_box(None); o.expect("value should be present") });
    attempt("expect_err", || { let r: Result<i64, i64> = Ok(3); black_box(r).expect_err("wanted an error") });
    attempt("refcell", || { let c = RefCell::new(5i64); let _a = c.borrow_mut(); let b = c.borrow_mut(); *b });
    attempt("assert", || { let x = black_box(3); assert!(x > 5, "x was {}", x); x });
    attempt("assert_eq", || { let x = black_box(3i64); assert_eq!(x, 4); x });
    attempt("assert_ne", || { let x = black_box(4i64); assert_ne!(x, 4, "values must differ"); x });
    attempt("unreachable", || { if black_box(true) { unreachable!("state {}", 9) } 0 });
    attempt("todo", || { if black_box(true) { todo!() } 0 });
    attempt("parse", || "12x".parse::<i64>().unwrap());
    attempt("char from", || char::from_digit(black_box(99), 10).unwrap() as i64);
    attempt("vec with_capacity", || { let v: Vec<u64> = Vec::with_capacity(black_box(usize::MAX)); v.len() as i64 });
    attempt("ok", || black_box(40) + 2);
}
