// Iterators and closures: adaptor chains, impl Fn, Box<dyn Fn/FnMut/FnOnce>,
// closures capturing by move and by reference, a custom Iterator.
struct Collatz {
    n: u64,
    done: bool,
}

impl Iterator for Collatz {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        if self.done {
            return None;
        }
        let cur = self.n;
        if cur == 1 {
            self.done = true;
        } else if cur % 2 == 0 {
            self.n = cur / 2;
        } else {
            self.n = 3 * cur + 1;
        }
        Some(cur)
    }
}

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

fn make_adders() -> Vec<Box<dyn Fn(i32) -> i32>> {
    (1..=4).map(|k| Box::new(move |x| x * 10 + k) as Box<dyn Fn(i32) -> i32>).collect()
}

fn apply_mut(f: &mut dyn FnMut(u32), n: u32) {
    for i in 0..n {
        f(i);
    }
}

fn main() {
    let sq_sum: u64 = (1..=100u64).filter(|x| x % 3 == 0).map(|x| x * x).sum();
    println!("sum of squares of multiples of 3: {}", sq_sum);
    let c: Vec<u64> = Collatz { n: 27, done: false }.collect();
    println!("collatz(27): len={} max={:?} last5={:?}", c.len(), c.iter().max(), &c[c.len() - 5..]);
    let zipped: Vec<(char, i32)> = "abcdef".chars().zip((0..).step_by(7)).skip(1).take(4).collect();
    println!("zipped: {:?}", zipped);
    let words = ["apple", "banana", "cherry", "date", "elderberry", "fig"];
    let lens: Vec<usize> = words.iter().map(|w| w.len()).collect();
    let longest = words.iter().copied().max_by_key(|w| w.len()).unwrap();
    let pos = words.iter().position(|w| w.starts_with('d'));
    println!("lens={:?} longest={} pos={:?}", lens, longest, pos);
    let flat: String = words.iter().flat_map(|w| w.chars().take(2)).collect();
    println!("flat: {}", flat);
    let windows: Vec<i32> = [3, 1, 4, 1, 5, 9, 2, 6].windows(3).map(|w| w.iter().sum()).collect();
    println!("windows: {:?}", windows);
    let chunks: Vec<Vec<i32>> = (1..=10).collect::<Vec<_>>().chunks(3).map(|c| c.to_vec()).collect();
    println!("chunks: {:?}", chunks);
    let folded = (1..=10).fold(String::new(), |acc, x| if acc.is_empty() { x.to_string() } else { acc + "," + &x.to_string() });
    println!("folded: {}", folded);
    let scanned: Vec<i64> = (1..=8).scan(1i64, |st, x| { *st *= x; Some(*st) }).collect();
    println!("factorials: {:?}", scanned);
    let any_all = ((1..10).any(|x| x == 7), (1..10).all(|x| x < 10), (1..10).rev().find(|x| x % 4 == 0));
    println!("any/all/find: {:?}", any_all);
    let mut peek = [1, 1, 2, 2, 2, 3, 1].iter().peekable();
    let mut runs = Vec::new();
    while let Some(&x) = peek.next() {
        let mut n = 1;
        while peek.peek() == Some(&&x) {
            peek.next();
            n += 1;
        }
        runs.push((x, n));
    }
    println!("runs: {:?}", runs);

    let f = compose(|x: i32| x + 1, |y: i32| y * 3);
    let g = compose(&f, |z: i32| format!("<{}>", z));
    println!("compose: {} {}", f(4), g(10));
    let adders = make_adders();
    let results: Vec<i32> = adders.iter().map(|a| a(7)).collect();
    println!("adders: {:?}", results);
    let mut total = 0u32;
    let mut hist = vec![0u32; 4];
    apply_mut(&mut |i| { total += i; hist[(i % 4) as usize] += 1; }, 13);
    println!("total={} hist={:?}", total, hist);
    let owned = String::from("consumed");
    let once: Box<dyn FnOnce() -> usize> = Box::new(move || owned.len());
    println!("once: {}", once());
    let mut counter = 0;
    let mut inc = || { counter += 2; counter };
    let a = inc();
    let b = inc();
    println!("counter: {} {} {}", a, b, counter);
    let mut sorted = vec![("b", 2), ("a", 2), ("c", 1), ("d", 3)];
    sorted.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    println!("sorted: {:?}", sorted);
    let table: Vec<fn(f64) -> f64> = vec![f64::sqrt, f64::abs, |x| x * 2.0];
    println!("fn ptrs: {:?}", table.iter().map(|f| f(16.0)).collect::<Vec<_>>());
}
