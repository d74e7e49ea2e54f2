// Atomics at every width (bool, i8..i64, u8..u64, isize, usize, pointer) with
// every valid ordering on load/store/swap, compare_exchange strong and weak
// with all 15 success/failure pairs, fetch_add/sub/and/or/xor/nand/max/min,
// fetch_update, fences and compiler fences; single-threaded so every result
// is exact.
use std::hint::black_box;
use std::sync::atomic::*;
use std::sync::atomic::Ordering::*;

const PAIRS: [(Ordering, Ordering); 15] = [
    (Relaxed, Relaxed), (Relaxed, Acquire), (Relaxed, SeqCst), (Acquire, Relaxed), (Acquire, Acquire), (Acquire, SeqCst),
    (Release, Relaxed), (Release, Acquire), (Release, SeqCst), (AcqRel, Relaxed), (AcqRel, Acquire), (AcqRel, SeqCst),
    (SeqCst, Relaxed), (SeqCst, Acquire), (SeqCst, SeqCst),
];
const LOADS: [Ordering; 3] = [Relaxed, Acquire, SeqCst];
const STORES: [Ordering; 3] = [Relaxed, Release, SeqCst];
const RMWS: [Ordering; 5] = [Relaxed, Acquire, Release, AcqRel, SeqCst];

macro_rules! int_atomic {
    ($($a:ident $t:ident),*) => {$({
        let a = $a::new(black_box(5 as $t));
        let mut log: Vec<String> = Vec::new();
        for (i, o) in STORES.iter().enumerate() { a.store((i as $t).wrapping_mul(3), *o); log.push(format!("{}", a.load(LOADS[i]))); }
        for (i, o) in RMWS.iter().enumerate() {
            let k = (i + 1) as $t;
            let r = (a.swap(k.wrapping_mul(7), *o), a.fetch_add(k, *o), a.fetch_sub(1, *o), a.fetch_and(!(k as $t), *o),
                a.fetch_or(0x30 as $t, *o), a.fetch_xor(k, *o), a.fetch_nand(0x5a as $t, *o), a.fetch_max(k, *o), a.fetch_min(<$t>::MAX - k, *o));
            log.push(format!("{:?}", r));
        }
        for (i, (s, f)) in PAIRS.iter().enumerate() {
            let cur = a.load(SeqCst);
            let ok = a.compare_exchange(cur, cur.wrapping_add(i as $t), *s, *f);
            let bad = a.compare_exchange(cur.wrapping_sub(100), 0 as $t, *s, *f);
            let mut cur2 = a.load(Relaxed);
            let mut tries = 0;
            loop {
                tries += 1;
                match a.compare_exchange_weak(cur2, cur2 ^ (i as $t), *s, *f) { Ok(_) => break, Err(x) => cur2 = x }
            }
            log.push(format!("{:?}/{:?}/{}", ok.is_ok(), bad, tries > 0));
        }
        let fu = a.fetch_update(SeqCst, Relaxed, |x| if x > (10 as $t) { Some(x / 2) } else { None });
        let fu2 = a.fetch_update(AcqRel, Acquire, |_| None);
        fence(SeqCst); fence(Acquire); fence(Release); fence(AcqRel); compiler_fence(SeqCst);
        println!("{:<11} {} final={} fu={:?} {:?} into={}", stringify!($a), log.join(" "), a.load(SeqCst), fu, fu2, a.into_inner());
        let mut m = $a::new(1 as $t);
        *m.get_mut() = 9 as $t;
        println!("{:<11} get_mut {} min/max {} {}", stringify!($a), m.load(Relaxed), $a::new(<$t>::MIN).fetch_max(0 as $t, SeqCst), $a::new(<$t>::MAX).fetch_min(0 as $t, SeqCst));
    })*};
}

fn main() {
    int_atomic!(AtomicI8 i8, AtomicU8 u8, AtomicI16 i16, AtomicU16 u16, AtomicI32 i32, AtomicU32 u32, AtomicI64 i64, AtomicU64 u64, AtomicIsize isize, AtomicUsize usize);
    let b = AtomicBool::new(false);
    let mut bl = Vec::new();
    for o in RMWS {
        bl.push((b.fetch_or(true, o), b.fetch_and(false, o), b.fetch_xor(true, o), b.fetch_nand(true, o), b.swap(true, o), b.fetch_not(o)));
    }
    for (s, f) in PAIRS { bl.push((b.compare_exchange(false, true, s, f).is_ok(), b.compare_exchange_weak(true, false, s, f).is_ok(), b.load(f), true, false, true)); }
    println!("bool {:?} final={}", bl, b.load(SeqCst));
    let mut data = [10u32, 20, 30, 40];
    let base = data.as_mut_ptr();
    let p = AtomicPtr::new(base);
    let mut idx = Vec::new();
    for o in RMWS {
        let old = p.swap(unsafe { base.add(2) }, o);
        idx.push(unsafe { old.offset_from(base) });
        let _ = p.compare_exchange(unsafe { base.add(2) }, unsafe { base.add(1) }, o, Relaxed);
        idx.push(unsafe { p.load(Acquire).offset_from(base) });
        p.store(base, Release);
    }
    println!("ptr offsets {:?} value {}", idx, unsafe { *p.load(SeqCst).add(3) });
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    for _ in 0..1000 { COUNTER.fetch_add(1, Relaxed); }
    println!("static counter {}", COUNTER.load(SeqCst));
    let x = AtomicU64::new(u64::MAX);
    println!("{} {} {}", x.fetch_add(1, SeqCst), x.fetch_sub(1, SeqCst), x.load(SeqCst));
    std::hint::spin_loop();
}
