// Iterator adaptors: map/filter/filter_map/flat_map/flatten/zip/unzip/chain/
// enumerate/skip/take/step_by/rev/peekable/scan/take_while/skip_while/
// map_while/inspect/cycle/fuse/windows, folds and reductions (sum, product,
// min/max_by_key, position, any/all, count, last, nth), a custom iterator
// with DoubleEndedIterator and ExactSizeIterator, from_fn and successors.
use std::collections::{BTreeMap, HashSet};
use std::iter;

struct Countdown { hi: u32, lo: u32 }
impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> { if self.hi > self.lo { self.hi -= 1; Some(self.hi + 1) } else { None } }
    fn size_hint(&self) -> (usize, Option<usize>) { let n = (self.hi - self.lo) as usize; (n, Some(n)) }
}
impl DoubleEndedIterator for Countdown {
    fn next_back(&mut self) -> Option<u32> { if self.hi > self.lo { self.lo += 1; Some(self.lo) } else { None } }
}
impl ExactSizeIterator for Countdown {}

fn collatz(n: u64) -> impl Iterator<Item = u64> {
    iter::successors(Some(n), |&x| if x == 1 { None } else if x % 2 == 0 { Some(x / 2) } else { Some(3 * x + 1) })
}

fn main() {
    let v: Vec<i32> = (1..=20).collect();
    println!("{:?}", v.iter().map(|x| x * x).filter(|x| x % 3 == 1).collect::<Vec<_>>());
    println!("{:?}", v.iter().filter_map(|&x| if x % 4 == 0 { Some(x / 4) } else { None }).collect::<Vec<_>>());
    println!("{:?}", (1..4).flat_map(|i| (0..i).map(move |j| (i, j))).collect::<Vec<_>>());
    println!("{:?}", vec![vec![1, 2], vec![], vec![3]].into_iter().flatten().collect::<Vec<_>>());
    let (evens, odds): (Vec<i32>, Vec<i32>) = v.iter().partition(|&&x| x % 2 == 0);
    println!("{:?} {:?}", evens, odds);
    let (a, b): (Vec<i32>, Vec<char>) = v.iter().take(5).zip("abcdefg".chars()).map(|(x, c)| (*x, c)).unzip();
    println!("{:?} {:?}", a, b);
    println!("{:?}", v.iter().rev().skip(2).step_by(3).take(4).chain([100, 200].iter()).collect::<Vec<_>>());
    let mut pk = v.iter().peekable();
    let mut groups = Vec::new();
    while let Some(&x) = pk.next() {
        let mut g = vec![x];
        while let Some(&&y) = pk.peek() { if y / 5 == x / 5 { g.push(y); pk.next(); } else { break; } }
        groups.push(g);
    }
    println!("{:?}", groups);
    println!("{:?}", v.iter().scan(0, |acc, &x| { *acc += x; Some(*acc) }).take_while(|&s| s < 100).collect::<Vec<_>>());
    println!("{:?}", v.iter().skip_while(|&&x| x < 15).map_while(|&x| if x < 18 { Some(x * 10) } else { None }).collect::<Vec<_>>());
    let mut seen = Vec::new();
    let s: i32 = v.iter().inspect(|&&x| if x > 18 { seen.push(x) }).sum();
    println!("sum {} seen {:?} product {}", s, seen, (1..=15u64).product::<u64>());
    println!("{:?}", [1, 2, 3].iter().cycle().skip(2).take(7).collect::<Vec<_>>());
    let words = ["apple", "fig", "banana", "kiwi", "cherry", "date"];
    println!("{:?} {:?}", words.iter().max_by_key(|w| w.len()), words.iter().min_by(|a, b| a.len().cmp(&b.len()).then(b.cmp(a))));
    println!("{:?} {:?} {} {}", words.iter().position(|w| w.starts_with('k')), words.iter().rposition(|w| w.len() == 4), words.iter().any(|w| w.contains("an")), words.iter().all(|w| w.len() > 2));
    println!("{} {:?} {:?} {:?}", words.iter().count(), words.iter().last(), words.iter().nth(2), words.iter().find(|w| w.ends_with('y')));
    println!("{:?}", words.iter().enumerate().map(|(i, w)| format!("{}{}", i, &w[..1])).collect::<String>());
    let mut by_len: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for w in words { by_len.entry(w.len()).or_default().push(w); }
    println!("{:?}", by_len);
    let cd = Countdown { hi: 10, lo: 3 };
    println!("len {} {:?}", cd.len(), cd.collect::<Vec<_>>());
    println!("{:?}", Countdown { hi: 10, lo: 3 }.rev().collect::<Vec<_>>());
    let mut c2 = Countdown { hi: 8, lo: 0 };
    println!("{:?} {:?} {:?}", c2.next(), c2.next_back(), c2.by_ref().map(|x| x * 2).collect::<Vec<_>>());
    println!("{:?}", collatz(27).count());
    println!("{:?}", collatz(6).collect::<Vec<_>>());
    let mut fibs = (0u64, 1u64);
    println!("{:?}", iter::from_fn(|| { let r = fibs.0; fibs = (fibs.1, fibs.0 + fibs.1); Some(r) }).take(15).collect::<Vec<_>>());
    println!("{:?}", iter::repeat("ab").take(3).collect::<String>());
    println!("{:?}", iter::once(1).chain(iter::empty()).chain(iter::repeat_n(9, 2)).collect::<Vec<_>>());
    let uniq: HashSet<i32> = v.iter().map(|x| x % 7).collect();
    let mut u: Vec<_> = uniq.into_iter().collect();
    u.sort_unstable();
    println!("{:?}", u);
    println!("{:?}", v.windows(3).map(|w| w.iter().sum::<i32>()).filter(|s| s % 2 == 0).collect::<Vec<_>>());
    println!("{:?}", v.iter().fold(String::new(), |acc, x| if acc.len() < 20 { acc + &x.to_string() } else { acc }));
    println!("{:?}", v.iter().copied().reduce(|a, b| a.max(b) - 1));
    println!("{:?}", (0..5).map(|x| if x != 3 { Ok(x) } else { Err(format!("bad {}", x)) }).collect::<Result<Vec<_>, _>>());
    println!("{:?}", (0..5).map(|x| if x < 10 { Some(x * 2) } else { None }).collect::<Option<Vec<_>>>());
    println!("{:?}", v.iter().try_fold(0i8, |acc, &x| acc.checked_add(x as i8)));
    let mut it = (1..=3).fuse();
    println!("{:?} {:?} {:?} {:?} {:?}", it.next(), it.next(), it.next(), it.next(), it.next());
    println!("{:?}", "a-b_c d".split(['-', '_', ' ']).map(str::to_uppercase).collect::<Vec<_>>().join("/"));
    println!("{:?}", (1..=4).map(|i| i as f64).map(f64::sqrt).map(|x| (x * 1000.0).round() / 1000.0).collect::<Vec<_>>());
    println!("{}", (1..=100).filter(|n| n % 3 == 0 || n % 5 == 0).sum::<u32>());
    println!("{:?}", v.chunks(6).map(|c| c.iter().product::<i32>() % 1000).collect::<Vec<_>>());
    println!("{} {:?}", v.iter().is_sorted(), v.iter().rev().cmp(v.iter()));
}
