// Poisoning and one-time initialisation: a Mutex and an RwLock poisoned by a
// panicking thread (into_inner of the PoisonError, clear_poison), Once with a
// panicking first call, OnceLock::get_or_init retried after a panicking
// initialiser, and a LazyLock whose initialiser panics (poisoned afterwards).
use std::panic;
use std::sync::{Arc, LazyLock, Mutex, Once, OnceLock, RwLock};
use std::thread;

static INIT: Once = Once::new();
static CELL: OnceLock<String> = OnceLock::new();
static LAZY: LazyLock<u32> = LazyLock::new(|| { if std::hint::black_box(true) { panic!("lazy init failed") } 1 });

fn main() {
    panic::set_hook(Box::new(|info| {
        let msg = info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
        println!("[panic] {}", msg);
    }));
    let m = Arc::new(Mutex::new(vec![1, 2, 3]));
    let m2 = Arc::clone(&m);
    let r = thread::spawn(move || { let mut g = m2.lock().unwrap(); g.push(4); panic!("holding the lock"); }).join();
    println!("thread failed {}", r.is_err());
    println!("poisoned {}", m.is_poisoned());
    match m.lock() {
        Ok(_) => println!("unexpectedly fine"),
        Err(e) => { let g = e.into_inner(); println!("recovered data {:?}", *g); }
    }
    m.clear_poison();
    println!("after clear {} {:?}", m.is_poisoned(), m.lock().map(|g| g.len()));
    let rw = Arc::new(RwLock::new(10));
    let rw2 = rw.clone();
    let _ = thread::spawn(move || { let _w = rw2.write().unwrap(); panic!("writer died"); }).join();
    println!("rwlock poisoned {} read err {} value {}", rw.is_poisoned(), rw.read().is_err(), *rw.read().unwrap_or_else(|e| e.into_inner()));
    let first = panic::catch_unwind(|| INIT.call_once(|| panic!("once failed")));
    println!("once first {} completed {}", first.is_err(), INIT.is_completed());
    let second = panic::catch_unwind(|| INIT.call_once(|| println!("never")));
    println!("once second panics {}", second.is_err());
    let mut ran = 0;
    INIT.call_once_force(|st| { ran += 1; println!("force: was poisoned {}", st.is_poisoned()); });
    println!("force ran {} completed {}", ran, INIT.is_completed());
    let a = panic::catch_unwind(|| CELL.get_or_init(|| panic!("first init panics")).len());
    println!("oncelock first {} set {}", a.is_err(), CELL.get().is_some());
    println!("oncelock retry {:?}", CELL.get_or_init(|| "second init".to_string()));
    println!("oncelock set again {:?}", CELL.set("third".into()));
    let l1 = panic::catch_unwind(|| *LAZY);
    let l2 = panic::catch_unwind(|| *LAZY);
    println!("lazy first {} second {}", l1.is_err(), l2.is_err());
    let _ = panic::take_hook();
}
