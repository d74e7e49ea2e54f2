// Async state machines driven by a hand-written block_on: a RawWaker vtable
// counting wakes, futures that return Pending a set number of times, nested
// awaits with values live across suspension points, a join of several
// futures polled round-robin, boxed recursive async functions, async closures,
// Drop of locals held across .await, and a simple single-threaded executor.
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

static WAKES: AtomicUsize = AtomicUsize::new(0);
static CLONES: AtomicUsize = AtomicUsize::new(0);

unsafe fn vt_clone(p: *const ()) -> RawWaker { CLONES.fetch_add(1, Ordering::SeqCst); RawWaker::new(p, &VTABLE) }
unsafe fn vt_wake(_: *const ()) { WAKES.fetch_add(1, Ordering::SeqCst); }
unsafe fn vt_wake_by_ref(_: *const ()) { WAKES.fetch_add(1, Ordering::SeqCst); }
unsafe fn vt_drop(_: *const ()) {}
static VTABLE: RawWakerVTable = RawWakerVTable::new(vt_clone, vt_wake, vt_wake_by_ref, vt_drop);

fn block_on<F: Future>(fut: F) -> (F::Output, usize) {
    let waker = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) };
    let mut cx = Context::from_waker(&waker);
    let mut fut = std::pin::pin!(fut);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) { return (v, polls); }
    }
}

struct YieldN { left: u32 }
impl Future for YieldN {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.left == 0 { Poll::Ready(7) } else { self.left -= 1; cx.waker().wake_by_ref(); Poll::Pending }
    }
}
fn yield_n(n: u32) -> YieldN { YieldN { left: n } }

struct Loud(&'static str);
impl Drop for Loud { fn drop(&mut self) { println!("drop {}", self.0); } }

async fn add_slowly(a: u64, b: u64) -> u64 {
    let _l = Loud("add_slowly local");
    let x = a * 2;
    yield_n(2).await;
    let y = b * 3;
    yield_n(1).await;
    x + y
}

async fn pipeline(input: Vec<u64>) -> Vec<u64> {
    let mut out = Vec::new();
    for (i, v) in input.iter().enumerate() {
        let r = add_slowly(*v, i as u64).await;
        out.push(r);
    }
    out
}

fn fib_async(n: u32) -> Pin<Box<dyn Future<Output = u64>>> {
    Box::pin(async move {
        if n < 2 { n as u64 } else { yield_n(1).await; fib_async(n - 1).await + fib_async(n - 2).await }
    })
}

struct Join2<A: Future, B: Future> { a: Pin<Box<A>>, b: Pin<Box<B>>, ra: Option<A::Output>, rb: Option<B::Output> }
impl<A: Future, B: Future> Future for Join2<A, B> where A::Output: Unpin, B::Output: Unpin {
    type Output = (A::Output, B::Output);
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if this.ra.is_none() { if let Poll::Ready(v) = this.a.as_mut().poll(cx) { this.ra = Some(v); } }
        if this.rb.is_none() { if let Poll::Ready(v) = this.b.as_mut().poll(cx) { this.rb = Some(v); } }
        if this.ra.is_some() && this.rb.is_some() { Poll::Ready((this.ra.take().unwrap(), this.rb.take().unwrap())) } else { Poll::Pending }
    }
}

type Task = Pin<Box<dyn Future<Output = ()>>>;

fn main() {
    let (r, polls) = block_on(add_slowly(5, 6));
    println!("add_slowly {} after {} polls", r, polls);
    let (v, polls) = block_on(pipeline(vec![1, 2, 3, 4]));
    println!("pipeline {:?} polls {}", v, polls);
    let (f, polls) = block_on(fib_async(12));
    println!("fib {} polls {}", f, polls);
    let j = Join2 { a: Box::pin(async { yield_n(5).await; "a done" }), b: Box::pin(async { yield_n(2).await + 1 }), ra: None, rb: None };
    let ((a, b), polls) = block_on(j);
    println!("join {} {} polls {}", a, b, polls);
    let mult = 3u64;
    let closure = async move |x: u64| { yield_n(1).await; x * mult };
    let (c, _) = block_on(async { closure(4).await + closure(5).await });
    println!("async closure {}", c);
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut queue: VecDeque<Task> = VecDeque::new();
    for id in 0..3u32 {
        let log = log.clone();
        queue.push_back(Box::pin(async move {
            for step in 0..=id { log.borrow_mut().push(format!("task{} step{}", id, step)); yield_n(1).await; }
            log.borrow_mut().push(format!("task{} done", id));
        }));
    }
    let waker = unsafe { Waker::from_raw(RawWaker::new(std::ptr::null(), &VTABLE)) };
    let mut cx = Context::from_waker(&waker);
    let mut rounds = 0;
    while let Some(mut t) = queue.pop_front() {
        rounds += 1;
        if t.as_mut().poll(&mut cx).is_pending() { queue.push_back(t); }
    }
    println!("executor rounds {}", rounds);
    for l in log.borrow().iter() { println!("  {}", l); }
    let dropped_early = async { let _l = Loud("never polled"); yield_n(1).await; };
    drop(dropped_early);
    let started = async { let _l = Loud("held across await"); yield_n(3).await; 1 };
    let mut boxed = Box::pin(started);
    let _ = boxed.as_mut().poll(&mut cx);
    println!("dropping a suspended future");
    drop(boxed);
    println!("wakes {} clones {}", WAKES.load(Ordering::SeqCst), CLONES.load(Ordering::SeqCst));
    println!("size of add_slowly future {}", std::mem::size_of_val(&add_slowly(1, 2)));
}
