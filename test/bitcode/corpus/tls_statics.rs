// thread_local! (const-initialised and lazy), statics, static mut,
// #[no_mangle] and #[used] items, OnceLock; per-thread values are printed in a fixed order.
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::thread;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static NAMES: RefCell<Vec<String>> = RefCell::new(vec![String::from("init")]);
    static BIG: RefCell<[u64; 64]> = RefCell::new([7; 64]);
}

static GREETING: &str = "hello statics";
static TABLE: [u16; 8] = [1, 1, 2, 3, 5, 8, 13, 21];
static mut SCRATCH: [i32; 4] = [0; 4];
static DROPS: AtomicUsize = AtomicUsize::new(0);
static CONFIG: OnceLock<Vec<&'static str>> = OnceLock::new();

#[no_mangle]
pub static CGTS_EXPORTED_VALUE: u32 = 0xC0FFEE;

#[used]
static KEEP_ME: [u8; 3] = *b"abc";

#[no_mangle]
pub extern "C" fn cgts_exported_fn(x: u32) -> u32 {
    x.rotate_left(5) ^ CGTS_EXPORTED_VALUE
}

struct Tracker(u32);
impl Drop for Tracker {
    fn drop(&mut self) {
        DROPS.fetch_add(self.0 as usize, Ordering::SeqCst);
    }
}

thread_local! {
    static TRACK: Tracker = Tracker(5);
}

fn recurse(n: u32) -> u32 {
    DEPTH.with(|d| d.set(d.get() + 1));
    let r = if n == 0 { DEPTH.with(|d| d.get()) } else { recurse(n - 1) };
    r
}

fn worker(id: u32) -> String {
    NAMES.with(|n| n.borrow_mut().push(format!("w{}", id)));
    BIG.with(|b| {
        let mut b = b.borrow_mut();
        for (i, x) in b.iter_mut().enumerate() {
            *x += i as u64 * id as u64;
        }
    });
    TRACK.with(|t| assert_eq!(t.0, 5));
    let depth = recurse(id);
    let names = NAMES.with(|n| n.borrow().join(","));
    let big = BIG.with(|b| b.borrow().iter().sum::<u64>());
    format!("id={} depth={} names={} big={}", id, depth, names, big)
}

fn main() {
    println!("{} {:?} {}", GREETING, TABLE, TABLE.iter().map(|&x| x as u32).sum::<u32>());
    unsafe {
        let p = &raw mut SCRATCH;
        for i in 0..4 {
            (*p)[i] = (i as i32 + 1) * -3;
        }
        println!("scratch {:?}", *p);
    }
    println!("exported {:#x} fn {:#x} keep {:?}", CGTS_EXPORTED_VALUE, cgts_exported_fn(3), KEEP_ME);
    let cfg = CONFIG.get_or_init(|| vec!["alpha", "beta"]);
    println!("config {:?} again {}", cfg, CONFIG.get().unwrap().len());
    println!("main: {}", worker(0));
    let results: Vec<String> = (1..=3).map(|id| thread::spawn(move || worker(id))).map(|h| h.join().unwrap()).collect();
    for r in &results {
        println!("thread: {}", r);
    }
    println!("main again: {}", worker(9));
    println!("tracker drops from threads {}", DROPS.load(Ordering::SeqCst));
}
