// A #[global_allocator] wrapping the system allocator with counters: the
// allocator shim then calls __rg_* instead of __rdl_*. Counts of
// allocations, reallocations and live bytes are printed around ordinary
// collection work.
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static DEALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        let live = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        DEALLOCS.fetch_add(1, Relaxed);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        let live = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc_zeroed(l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        LIVE.fetch_add(new, Relaxed);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn snapshot() -> (usize, usize, usize) { (ALLOCS.load(Relaxed), DEALLOCS.load(Relaxed), REALLOCS.load(Relaxed)) }

fn main() {
    let live0 = LIVE.load(Relaxed);
    let s0 = snapshot();
    let mut v: Vec<u64> = Vec::new();
    for i in 0..1000 { v.push(i); }
    let s1 = snapshot();
    println!("vec of 1000: allocs {} reallocs {}", s1.0 - s0.0, s1.2 - s0.2);
    let mut m = BTreeMap::new();
    for i in 0..500u32 { m.insert(i, i.to_string()); }
    let s2 = snapshot();
    println!("btree + strings: allocs {}", s2.0 - s1.0);
    drop(m);
    let s3 = snapshot();
    println!("dropped: deallocs {}", s3.1 - s2.1);
    let z = vec![0u8; 1 << 20];
    println!("zeroed {} live delta {}", z.iter().all(|&b| b == 0), LIVE.load(Relaxed) - live0 - v.capacity() * 8);
    drop(z);
    drop(v);
    let boxed: Vec<Box<[u8; 64]>> = (0..10).map(|i| Box::new([i as u8; 64])).collect();
    println!("boxes {} live delta {} (10 boxes + vec {})", boxed.iter().map(|b| b[63] as u32).sum::<u32>(), LIVE.load(Relaxed) as isize - live0 as isize, 10 * 64 + boxed.capacity() * 8);
    println!("peak at least 1 MiB {}", PEAK.load(Relaxed) >= 1 << 20);
}
