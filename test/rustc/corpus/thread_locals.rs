// thread_local!: const-initialised and lazily initialised keys, Cell and
// RefCell values, with/set/get/take/replace, destructors running at thread
// exit (printed through a channel so the order is fixed), values independent
// per thread, and a key initialised from another key.
use std::cell::{Cell, RefCell};
use std::sync::mpsc::{channel, Sender};
use std::thread;

struct Reporter { name: RefCell<String>, tx: RefCell<Option<Sender<String>>> }
impl Drop for Reporter {
    fn drop(&mut self) {
        if let Some(tx) = self.tx.borrow_mut().take() { tx.send(format!("dtor {}", self.name.borrow())).unwrap(); }
    }
}

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static BYTES: Cell<[u8; 4]> = const { Cell::new([1, 2, 3, 4]) };
    static NAME: RefCell<String> = RefCell::new(String::from("unnamed"));
    static SQUARES: Vec<u64> = (0..10).map(|x| x * x).collect();
    static DERIVED: u64 = SQUARES.with(|s| s.iter().sum());
    static REPORT: Reporter = Reporter { name: RefCell::new(String::new()), tx: RefCell::new(None) };
    static BIG: RefCell<[u64; 512]> = const { RefCell::new([7; 512]) };
}

fn recurse(n: u32) -> u32 {
    DEPTH.with(|d| d.set(d.get() + 1));
    let r = if n == 0 { DEPTH.get() } else { recurse(n - 1) };
    DEPTH.with(|d| d.set(d.get() - 1));
    r
}

fn main() {
    println!("main depth {} max {}", DEPTH.get(), recurse(20));
    BYTES.set([9, 8, 7, 6]);
    println!("bytes {:?} {:?}", BYTES.get(), BYTES.replace([0; 4]));
    NAME.with_borrow_mut(|n| n.push_str("-main"));
    println!("name {} derived {} squares[9] {}", NAME.with_borrow(|n| n.clone()), DERIVED.with(|d| *d), SQUARES.with(|s| s[9]));
    BIG.with_borrow_mut(|b| { for (i, x) in b.iter_mut().enumerate() { *x += i as u64; } });
    println!("big sum {}", BIG.with_borrow(|b| b.iter().sum::<u64>()));
    let (tx, rx) = channel();
    let mut hs = Vec::new();
    for t in 0..3u32 {
        let tx = tx.clone();
        hs.push(thread::spawn(move || {
            REPORT.with(|r| { *r.tx.borrow_mut() = Some(tx.clone()); });
            REPORT.with(|r| r.name.borrow_mut().push_str(&format!("reporter-{}", t)));
            NAME.set(format!("thread-{}", t));
            for _ in 0..t { DEPTH.with(|d| d.set(d.get() + 10)); }
            let taken = NAME.take();
            let out = format!("t{} depth={} name_taken={} name_now={:?} bytes={:?} big0={}", t, DEPTH.get(), taken, NAME.with_borrow(|n| n.clone()), BYTES.get(), BIG.with_borrow(|b| b[1]));
            tx.send(out).unwrap();
        }));
    }
    drop(tx);
    for h in hs { h.join().unwrap(); }
    let mut msgs: Vec<String> = rx.iter().collect();
    msgs.sort();
    for m in msgs { println!("{}", m); }
    println!("main after threads: depth {} name {}", DEPTH.get(), NAME.with_borrow(|n| n.clone()));
    let h = thread::spawn(|| { DEPTH.set(99); recurse(5) + DEPTH.get() });
    println!("child {} main {}", h.join().unwrap(), DEPTH.get());
}
