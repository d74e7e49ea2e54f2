// std::process::exit called from a spawned thread while main waits on a
// channel: the whole process exits with the thread's status (3) and main's
// destructors do not run.
use std::sync::mpsc;
use std::thread;

struct Never(&'static str);
impl Drop for Never { fn drop(&mut self) { println!("BUG: drop {}", self.0); } }

fn main() {
    let _m = Never("main");
    let (tx, rx) = mpsc::channel::<u32>();
    let (ready_tx, ready_rx) = mpsc::channel::<()>();
    thread::spawn(move || {
        let _t = Never("thread");
        ready_rx.recv().unwrap();
        let total: u32 = (1..=10).sum();
        println!("worker computed {}", total);
        if total == 55 { std::process::exit(3); }
        tx.send(total).unwrap();
    });
    println!("main waiting");
    ready_tx.send(()).unwrap();
    let v = rx.recv();
    println!("unreachable {:?}", v);
}
