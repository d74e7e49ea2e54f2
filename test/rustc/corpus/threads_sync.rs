// Threads with deterministic output: spawn/join with results, scoped threads
// borrowing the stack, Arc<Mutex>, RwLock readers and writers, Condvar
// hand-off, Barrier phases, mpsc and sync_channel pipelines, atomic counters
// under contention, OnceLock/LazyLock, thread names and panics joined as Err.
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Condvar, LazyLock, Mutex, OnceLock, RwLock};
use std::thread;

static TABLE: LazyLock<Vec<u64>> = LazyLock::new(|| (0..64).map(|i| i * i).collect());
static CONFIG: OnceLock<String> = OnceLock::new();

fn is_prime(n: u64) -> bool { n >= 2 && (2..).take_while(|d| d * d <= n).all(|d| n % d != 0) }

fn main() {
    let handles: Vec<_> = (0..4u64).map(|t| thread::spawn(move || (t * 10_000..(t + 1) * 10_000).filter(|&n| is_prime(n)).count())).collect();
    let counts: Vec<usize> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    println!("primes per block {:?}", counts);

    let mut data: Vec<u32> = (1..=1000).collect();
    let total = AtomicU64::new(0);
    thread::scope(|s| {
        for chunk in data.chunks_mut(250) {
            let total = &total;
            s.spawn(move || {
                for x in chunk.iter_mut() { *x = *x * 2 + 1; }
                total.fetch_add(chunk.iter().map(|&x| x as u64).sum(), Ordering::Relaxed);
            });
        }
    });
    println!("scoped total {} first {:?} last {:?}", total.load(Ordering::SeqCst), &data[..3], data.last());

    let m = Arc::new(Mutex::new(Vec::new()));
    let hs: Vec<_> = (0..3).map(|t| { let m = Arc::clone(&m); thread::spawn(move || for i in 0..50 { m.lock().unwrap().push(t * 1000 + i); }) }).collect();
    for h in hs { h.join().unwrap(); }
    let mut v = m.lock().unwrap().clone();
    v.sort();
    println!("mutex len {} sum {} strong {}", v.len(), v.iter().sum::<i32>(), Arc::strong_count(&m));

    let rw = Arc::new(RwLock::new(0u64));
    let writers: Vec<_> = (0..4).map(|_| { let rw = rw.clone(); thread::spawn(move || for _ in 0..500 { *rw.write().unwrap() += 1; }) }).collect();
    let readers: Vec<_> = (0..2).map(|_| { let rw = rw.clone(); thread::spawn(move || { let mut ok = true; for _ in 0..200 { let v = *rw.read().unwrap(); ok &= v <= 2000; } ok }) }).collect();
    for w in writers { w.join().unwrap(); }
    println!("rwlock {} readers ok {:?}", *rw.read().unwrap(), readers.into_iter().map(|r| r.join().unwrap()).collect::<Vec<_>>());

    let pair = Arc::new((Mutex::new(0u32), Condvar::new()));
    let p2 = Arc::clone(&pair);
    let consumer = thread::spawn(move || {
        let (lock, cv) = &*p2;
        let mut seen = Vec::new();
        let mut g = lock.lock().unwrap();
        while *g < 5 {
            let last = *g;
            g = cv.wait_while(g, |v| *v == last).unwrap();
            seen.push(*g);
        }
        seen
    });
    for _ in 0..5 {
        let (lock, cv) = &*pair;
        loop {
            let mut g = lock.lock().unwrap();
            *g += 1;
            cv.notify_all();
            drop(g);
            break;
        }
        thread::sleep(std::time::Duration::from_millis(2));
    }
    let seen = consumer.join().unwrap();
    println!("condvar final {} seen increasing {}", *pair.0.lock().unwrap(), seen.windows(2).all(|w| w[0] < w[1]) && seen.iter().all(|&x| x <= 5));

    let n = 4;
    let barrier = Arc::new(Barrier::new(n));
    let phase = Arc::new(AtomicUsize::new(0));
    let hs: Vec<_> = (0..n).map(|i| {
        let (b, p) = (barrier.clone(), phase.clone());
        thread::spawn(move || {
            let mut obs = Vec::new();
            for round in 0..3 {
                p.fetch_add(1, Ordering::SeqCst);
                let leader = b.wait().is_leader();
                obs.push(p.load(Ordering::SeqCst) >= (round + 1) * n);
                b.wait();
                let _ = (leader, i);
            }
            obs
        })
    }).collect();
    println!("barrier {:?}", hs.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>());

    let (tx, rx) = mpsc::channel::<(usize, u64)>();
    for w in 0..3 {
        let tx = tx.clone();
        thread::spawn(move || for i in 0..10u64 { tx.send((w, i * i + w as u64)).unwrap(); });
    }
    drop(tx);
    let mut got: Vec<(usize, u64)> = rx.iter().collect();
    got.sort();
    println!("mpsc {} items, sum {}", got.len(), got.iter().map(|x| x.1).sum::<u64>());
    let (stx, srx) = mpsc::sync_channel::<String>(0);
    let prod = thread::spawn(move || { for w in ["alpha", "beta", "gamma"] { stx.send(w.to_uppercase()).unwrap(); } });
    let words: Vec<String> = srx.iter().collect();
    prod.join().unwrap();
    println!("rendezvous {:?} {:?}", words, srx.try_recv().is_err());

    CONFIG.get_or_init(|| "configured".into());
    let hs: Vec<_> = (0..3).map(|_| thread::spawn(|| (CONFIG.get().cloned(), TABLE[7] + TABLE.len() as u64))).collect();
    println!("{:?}", hs.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>());
    let named = thread::Builder::new().name("worker-7".into()).stack_size(256 * 1024).spawn(|| thread::current().name().map(String::from)).unwrap();
    println!("name {:?}", named.join().unwrap());
    let r = thread::spawn(|| -> u32 { std::panic::set_hook(Box::new(|_| {})); if TABLE.len() > 1 { panic!("worker failed") } 0 }).join();
    let _ = std::panic::take_hook();
    println!("panicked thread: is_err={} msg={:?}", r.is_err(), r.err().and_then(|e| e.downcast_ref::<&str>().map(|s| s.to_string())));
}
