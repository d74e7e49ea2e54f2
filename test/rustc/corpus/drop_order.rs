// Drop order: struct fields in declaration order, tuple and array elements,
// locals in reverse, temporaries at the end of statements, moved-out values
// (partial moves), mem::forget, Option::take, ManuallyDrop, values dropped
// when overwritten, match and if-let scrutinee temporaries (edition 2024),
// let-else, break with values, and loop-carried drops.
use std::cell::RefCell;
use std::mem::ManuallyDrop;

thread_local! { static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) }; }
fn log(s: String) { LOG.with_borrow_mut(|l| l.push(s)); }
fn flush(title: &str) { let l = LOG.with_borrow_mut(std::mem::take); println!("{}: {}", title, l.join(" ")); }

struct D(&'static str);
impl Drop for D { fn drop(&mut self) { log(format!("~{}", self.0)); } }
impl D { fn get(&self) -> Option<u32> { Some(self.0.len() as u32) } }

struct Fields { _a: D, _b: D, _c: (D, D) }
fn make(name: &'static str) -> D { log(format!("+{}", name)); D(name) }

fn main() {
    { let _f = Fields { _a: make("a"), _b: make("b"), _c: (make("c0"), make("c1")) }; }
    flush("fields");
    { let _x = make("x"); let _y = make("y"); let _arr = [make("e0"), make("e1")]; }
    flush("locals");
    { let n = make("temp").get().unwrap() + make("temp2").get().unwrap(); log(format!("n={}", n)); }
    flush("temporaries");
    {
        let pair = (make("p0"), make("p1"));
        let (keep, _) = pair;
        log("after partial move".into());
        drop(keep);
        log("after drop".into());
    }
    flush("partial move");
    { let f = make("forgotten"); std::mem::forget(f); let _m = ManuallyDrop::new(make("manual")); }
    flush("forget");
    { let mut o = Some(make("opt")); let t = o.take(); log(format!("took {}", t.is_some())); drop(t); log(format!("now {}", o.is_none())); }
    flush("take");
    { let mut v = make("v1"); v = make("v2"); log("assigned".into()); let _ = &v; }
    flush("overwrite");
    {
        match make("scrutinee").get() { Some(n) => log(format!("arm {}", n)), None => {} }
        if let Some(n) = make("iflet").get() { log(format!("then {}", n)); } else { log("else".into()); }
        log("after if-let".into());
    }
    flush("scrutinee");
    {
        let v = vec![make("w0"), make("w1")];
        let Some(first) = v.into_iter().next() else { return };
        log(format!("first {}", first.0));
    }
    flush("let-else");
    {
        let r = loop { let _g = make("loop-guard"); break make("result"); };
        log(format!("broke with {}", r.0));
    }
    flush("break");
    { for i in 0..3 { let _d = D(["i0", "i1", "i2"][i]); if i == 1 { continue; } log(format!("body {}", i)); } }
    flush("loop");
    { let b: Box<dyn Fn() -> usize> = { let d = make("captured"); Box::new(move || d.0.len()) }; log(format!("call {}", b())); }
    flush("closure");
    { let v: Vec<D> = vec![make("t0"), make("t1"), make("t2")]; let mut it = v.into_iter(); it.next(); log("partially consumed".into()); }
    flush("into_iter");
}
