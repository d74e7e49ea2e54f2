// async/await with a hand-written executor: a no-op waker, block_on that polls
// in a loop, futures that return Pending a few times, join of two futures,
// boxed recursive futures and async closures over borrowed data.
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

static WAKES: AtomicUsize = AtomicUsize::new(0);

fn raw_waker() -> RawWaker {
    fn clone(_: *const ()) -> RawWaker {
        raw_waker()
    }
    fn wake(_: *const ()) {
        WAKES.fetch_add(1, Ordering::Relaxed);
    }
    fn wake_by_ref(_: *const ()) {
        WAKES.fetch_add(1, Ordering::Relaxed);
    }
    fn drop(_: *const ()) {}
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop);
    RawWaker::new(std::ptr::null(), &VTABLE)
}

fn block_on<F: Future>(fut: F) -> (F::Output, usize) {
    let waker = unsafe { Waker::from_raw(raw_waker()) };
    let mut cx = Context::from_waker(&waker);
    let mut fut = std::pin::pin!(fut);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return (v, polls);
        }
    }
}

struct YieldN(u32);
impl Future for YieldN {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.0 == 0 {
            Poll::Ready(7)
        } else {
            self.0 -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

struct Join<A: Future, B: Future> {
    a: Pin<Box<A>>,
    b: Pin<Box<B>>,
    ra: Option<A::Output>,
    rb: Option<B::Output>,
}
impl<A: Future, B: Future> Future for Join<A, B>
where
    A::Output: Unpin,
    B::Output: Unpin,
{
    type Output = (A::Output, B::Output);
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if this.ra.is_none() {
            if let Poll::Ready(v) = this.a.as_mut().poll(cx) {
                this.ra = Some(v);
            }
        }
        if this.rb.is_none() {
            if let Poll::Ready(v) = this.b.as_mut().poll(cx) {
                this.rb = Some(v);
            }
        }
        if this.ra.is_some() && this.rb.is_some() {
            Poll::Ready((this.ra.take().unwrap(), this.rb.take().unwrap()))
        } else {
            Poll::Pending
        }
    }
}

fn join<A: Future, B: Future>(a: A, b: B) -> Join<A, B> {
    Join { a: Box::pin(a), b: Box::pin(b), ra: None, rb: None }
}

async fn step(label: &str, n: u32, log: &std::cell::RefCell<Vec<String>>) -> u32 {
    let mut total = 0;
    for i in 0..n {
        total += YieldN(1).await + i;
        log.borrow_mut().push(format!("{}{}", label, i));
    }
    total
}

fn sum_tree(depth: u32) -> Pin<Box<dyn Future<Output = u64>>> {
    Box::pin(async move {
        if depth == 0 {
            YieldN(1).await as u64
        } else {
            let l = sum_tree(depth - 1).await;
            let r = sum_tree(depth - 1).await;
            l + r + depth as u64
        }
    })
}

struct Droppy(&'static str);
impl Drop for Droppy {
    fn drop(&mut self) {
        println!("dropped {}", self.0);
    }
}

async fn with_drop() -> String {
    let d = Droppy("held across await");
    YieldN(2).await;
    let s = format!("{} done", d.0);
    s
}

fn main() {
    let (v, polls) = block_on(async { YieldN(3).await * 2 });
    println!("simple {} polls={}", v, polls);
    let log = std::cell::RefCell::new(Vec::new());
    let ((a, b), polls) = block_on(join(step("a", 3, &log), step("b", 2, &log)));
    println!("join {} {} polls={} log={:?}", a, b, polls, log.borrow());
    let (t, polls) = block_on(sum_tree(4));
    println!("tree {} polls={}", t, polls);
    let (s, polls) = block_on(with_drop());
    println!("{} polls={}", s, polls);
    let data = vec![3u64, 1, 4, 1, 5, 9, 2, 6];
    let (r, _) = block_on(async {
        let mut acc = 0;
        for (i, x) in data.iter().enumerate() {
            if i % 3 == 0 {
                YieldN(1).await;
            }
            acc = acc * 10 + x;
        }
        acc
    });
    println!("digits {}", r);
    let abandoned = with_drop();
    drop(abandoned);
    let mut started = Box::pin(with_drop());
    let waker = unsafe { Waker::from_raw(raw_waker()) };
    let mut cx = Context::from_waker(&waker);
    println!("first poll pending={}", started.as_mut().poll(&mut cx).is_pending());
    drop(started);
    println!("wakes {}", WAKES.load(Ordering::Relaxed));
}
