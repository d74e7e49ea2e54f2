// Threads and atomics: spawn/join, scoped threads, Arc<Mutex>, RwLock,
// Condvar, mpsc channels, atomics of every width with every ordering, fences.
use std::sync::atomic::{
    fence, AtomicBool, AtomicI16, AtomicI32, AtomicI64, AtomicI8, AtomicIsize, AtomicPtr, AtomicU16, AtomicU32,
    AtomicU64, AtomicU8, AtomicUsize, Ordering,
};
use std::sync::{mpsc, Arc, Barrier, Condvar, Mutex, RwLock};
use std::thread;

static COUNTER: AtomicU64 = AtomicU64::new(0);
static FLAG: AtomicBool = AtomicBool::new(false);

fn widths() {
    let a8 = AtomicU8::new(250);
    let b8 = AtomicI8::new(-5);
    let a16 = AtomicU16::new(1000);
    let b16 = AtomicI16::new(-1000);
    let a32 = AtomicU32::new(7);
    let b32 = AtomicI32::new(-7);
    let a64 = AtomicU64::new(1 << 40);
    let b64 = AtomicI64::new(-(1 << 40));
    let us = AtomicUsize::new(3);
    let is = AtomicIsize::new(-3);
    println!("u8 add {} -> {}", a8.fetch_add(10, Ordering::Relaxed), a8.load(Ordering::Relaxed));
    println!("i8 sub {} -> {}", b8.fetch_sub(125, Ordering::AcqRel), b8.load(Ordering::Acquire));
    println!("u16 and {} or {} xor {} -> {}", a16.fetch_and(0xff0, Ordering::SeqCst), a16.fetch_or(1, Ordering::Release), a16.fetch_xor(0xffff, Ordering::Relaxed), a16.load(Ordering::SeqCst));
    println!("i16 max {} min {} -> {}", b16.fetch_max(5, Ordering::SeqCst), b16.fetch_min(-30000, Ordering::AcqRel), b16.load(Ordering::Relaxed));
    println!("u32 nand {} swap {} -> {}", a32.fetch_nand(3, Ordering::SeqCst), a32.swap(99, Ordering::Acquire), a32.load(Ordering::Relaxed));
    println!("u32 umax {} umin {}", a32.fetch_max(1000, Ordering::Relaxed), a32.fetch_min(50, Ordering::Release));
    let orders = [Ordering::Relaxed, Ordering::Acquire, Ordering::Release, Ordering::AcqRel, Ordering::SeqCst];
    let fails = [Ordering::Relaxed, Ordering::Acquire, Ordering::SeqCst];
    let mut ok = 0;
    for s in orders {
        for f in fails {
            let cur = b32.load(Ordering::SeqCst);
            if b32.compare_exchange(cur, cur + 1, s, f).is_ok() {
                ok += 1;
            }
            let mut w = b64.load(Ordering::Relaxed);
            loop {
                match b64.compare_exchange_weak(w, w - 3, s, f) {
                    Ok(_) => break,
                    Err(x) => w = x,
                }
            }
        }
    }
    println!("cmpxchg ok={} i32={} i64={}", ok, b32.load(Ordering::SeqCst), b64.load(Ordering::SeqCst));
    println!("fetch_update {:?} {:?}", a64.fetch_update(Ordering::SeqCst, Ordering::Relaxed, |x| Some(x / 3)), a64.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |_| None::<u64>));
    println!("usize {} isize {}", us.fetch_add(4, Ordering::SeqCst) + us.load(Ordering::Relaxed), is.fetch_sub(4, Ordering::SeqCst) + is.load(Ordering::Relaxed));
    let mut target = 17i32;
    let mut other = 18i32;
    let p = AtomicPtr::new(&mut target as *mut i32);
    let old = p.swap(&mut other, Ordering::AcqRel);
    println!("ptr swapped {} -> {}", unsafe { *old }, unsafe { *p.load(Ordering::Acquire) });
    fence(Ordering::Acquire);
    fence(Ordering::Release);
    fence(Ordering::AcqRel);
    fence(Ordering::SeqCst);
    std::sync::atomic::compiler_fence(Ordering::SeqCst);
    FLAG.store(true, Ordering::Release);
    println!("flag {}", FLAG.load(Ordering::Acquire));
}

fn main() {
    widths();
    let handles: Vec<_> = (0..4u64)
        .map(|t| {
            thread::spawn(move || {
                let mut local = 0u64;
                for i in 0..1000 {
                    COUNTER.fetch_add(1, Ordering::Relaxed);
                    local += i * (t + 1);
                }
                local
            })
        })
        .collect();
    let sums: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("sums={:?} counter={}", sums, COUNTER.load(Ordering::SeqCst));

    let data = Arc::new(Mutex::new(Vec::new()));
    let mut hs = Vec::new();
    for t in 0..3 {
        let d = Arc::clone(&data);
        hs.push(thread::spawn(move || {
            for i in 0..5 {
                d.lock().unwrap().push(t * 100 + i);
            }
        }));
    }
    for h in hs {
        h.join().unwrap();
    }
    let mut v = data.lock().unwrap().clone();
    v.sort();
    println!("mutex vec {:?} strong={}", v, Arc::strong_count(&data));

    let rw = RwLock::new(String::from("start"));
    thread::scope(|s| {
        s.spawn(|| rw.write().unwrap().push_str("+a"));
    });
    thread::scope(|s| {
        s.spawn(|| rw.write().unwrap().push_str("+b"));
        s.spawn(|| assert!(rw.read().unwrap().starts_with("start")));
    });
    let mut parts: Vec<&str> = Vec::new();
    let final_s = rw.read().unwrap().clone();
    parts.extend(final_s.split('+'));
    parts.sort();
    println!("rwlock parts {:?}", parts);

    let (tx, rx) = mpsc::channel::<(u32, String)>();
    for id in 0..3u32 {
        let tx = tx.clone();
        thread::spawn(move || {
            for j in 0..3 {
                tx.send((id * 10 + j, format!("msg{}-{}", id, j))).unwrap();
            }
        });
    }
    drop(tx);
    let mut got: Vec<(u32, String)> = rx.iter().collect();
    got.sort();
    println!("channel got {} first={:?} last={:?}", got.len(), got.first(), got.last());

    let (stx, srx) = mpsc::sync_channel::<u64>(1);
    let prod = thread::spawn(move || {
        for i in 1..=10 {
            stx.send(i * i).unwrap();
        }
    });
    let total: u64 = srx.iter().sum();
    prod.join().unwrap();
    println!("sync channel total {}", total);

    let pair = Arc::new((Mutex::new(0u32), Condvar::new()));
    let barrier = Arc::new(Barrier::new(2));
    let p2 = Arc::clone(&pair);
    let b2 = Arc::clone(&barrier);
    let waker = thread::spawn(move || {
        b2.wait();
        let (m, c) = &*p2;
        *m.lock().unwrap() = 42;
        c.notify_all();
    });
    barrier.wait();
    let (m, c) = &*pair;
    let mut g = m.lock().unwrap();
    while *g == 0 {
        g = c.wait(g).unwrap();
    }
    println!("condvar value {}", *g);
    drop(g);
    waker.join().unwrap();
}
