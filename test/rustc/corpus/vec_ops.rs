// Vec: growth, insert/remove, retain, dedup, drain, splice, extend_from_slice,
// split_off, truncate, sort_by_key, swap_remove, Vec<Vec<T>>, Vec<String>,
// zero-sized elements, with a checksum of the contents after each step.
fn sum_hash(v: &[i64]) -> u64 {
    let mut h = 1469598103934665603u64;
    for &x in v {
        h ^= x as u64;
        h = h.wrapping_mul(1099511628211);
    }
    h
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rec {
    key: u8,
    val: i32,
}

fn main() {
    let mut v: Vec<i64> = Vec::new();
    let mut caps = Vec::new();
    for i in 0..100 {
        v.push(i * 7 % 13 - 6);
        if !caps.contains(&v.capacity()) {
            caps.push(v.capacity());
        }
    }
    println!("len={} caps={:?} hash={:x}", v.len(), caps, sum_hash(&v));
    v.insert(0, 1000);
    v.insert(50, -1000);
    let r = v.remove(10);
    let s = v.swap_remove(3);
    println!("removed {} {} len={} hash={:x}", r, s, v.len(), sum_hash(&v));
    v.retain(|&x| x % 3 != 0);
    println!("retain len={} first={:?}", v.len(), &v[..10]);
    v.sort();
    v.dedup();
    println!("sorted dedup {:?}", v);
    let drained: Vec<i64> = v.drain(2..5).collect();
    println!("drained {:?} rest {:?}", drained, v);
    let removed: Vec<i64> = v.splice(1..3, [70, 71, 72, 73]).collect();
    println!("splice removed {:?} now {:?}", removed, v);
    v.extend_from_slice(&[1, 2, 3]);
    v.extend((10..13).map(|x| x * x));
    let tail = v.split_off(5);
    println!("head {:?} tail {:?}", v, tail);
    v.truncate(2);
    v.resize(6, -9);
    println!("resized {:?} contains(-9)={} pos={:?}", v, v.contains(&-9), v.iter().position(|&x| x == -9));
    let mut recs: Vec<Rec> = (0..20).map(|i| Rec { key: (i * 5 % 7) as u8, val: 100 - i * 3 }).collect();
    recs.sort_by_key(|r| r.key);
    println!("stable by key: {:?}", recs.iter().map(|r| (r.key, r.val)).collect::<Vec<_>>());
    recs.sort_by(|a, b| b.cmp(a));
    println!("desc: {:?}", &recs[..4]);
    let mut grid: Vec<Vec<u32>> = vec![vec![0; 5]; 4];
    for (i, row) in grid.iter_mut().enumerate() {
        for (j, c) in row.iter_mut().enumerate() {
            *c = (i * 10 + j) as u32;
        }
    }
    grid.swap(0, 3);
    grid[1].reverse();
    println!("grid {:?}", grid);
    let words: Vec<String> = "the quick brown fox jumps over the lazy dog".split(' ').map(String::from).collect();
    let mut w2 = words.clone();
    w2.sort();
    w2.dedup();
    println!("{:?} joined={}", w2, words.join("+"));
    let units: Vec<()> = vec![(); 1000];
    println!("units len={} cap>=len {}", units.len(), units.capacity() >= units.len());
    let big: Vec<u64> = (0..100_000u64).collect();
    let s: u64 = big.iter().sum();
    println!("big sum={} last={:?} chunks={}", s, big.last(), big.chunks(4096).count());
    let mut bools = vec![false; 17];
    bools[3] = true;
    bools[16] = true;
    println!("{:?}", bools.iter().enumerate().filter(|(_, b)| **b).map(|(i, _)| i).collect::<Vec<_>>());
    let boxed: Box<[i16]> = vec![1, -2, 3].into_boxed_slice();
    println!("boxed {:?} len {}", boxed, boxed.len());
    let mut opt: Vec<Option<Box<i32>>> = vec![None, Some(Box::new(5)), None];
    opt[0] = Some(Box::new(-1));
    println!("{:?}", opt);
}
