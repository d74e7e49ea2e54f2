// Slices: sort (stable and unstable, large inputs that take the merge and
// quicksort paths), sort_by_cached_key, binary_search variants,
// partition_point, select_nth_unstable, chunks/chunks_exact/rchunks/windows,
// split/splitn/split_first/last, rotate, swap, reverse, fill, copy_within,
// contains/starts_with, concat/join, dedup_by_key, and 2-D slicing.
fn lcg(s: &mut u64) -> u64 { *s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); *s >> 33 }

fn checksum<T: std::hash::Hash>(xs: &[T]) -> u64 {
    use std::hash::{Hash, Hasher, DefaultHasher};
    let mut h = DefaultHasher::new();
    xs.hash(&mut h);
    h.finish()
}

fn main() {
    let mut seed = 12345u64;
    let big: Vec<u32> = (0..20_000).map(|_| (lcg(&mut seed) % 5000) as u32).collect();
    let mut a = big.clone();
    a.sort();
    let mut b = big.clone();
    b.sort_unstable();
    println!("sorted eq {} first {:?} last {:?} sum {} hash {:x}", a == b, &a[..5], &a[a.len() - 3..], a.iter().map(|&x| x as u64).sum::<u64>(), checksum(&a));
    let mut pairs: Vec<(u8, u32)> = (0..2000).map(|i| ((lcg(&mut seed) % 10) as u8, i)).collect();
    pairs.sort_by_key(|p| p.0);
    let stable = pairs.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1));
    println!("stable {} hash {:x}", stable, checksum(&pairs));
    let mut strs: Vec<String> = (0..300).map(|i| format!("item{}", (i * 37) % 300)).collect();
    strs.sort_by_cached_key(|s| s.len() * 1000 + s[4..].parse::<usize>().unwrap());
    println!("{:?}", &strs[..8]);
    let mut fl: Vec<f64> = (0..1000).map(|i| ((i * 7919) % 1009) as f64 / 7.0 - 50.0).collect();
    fl.sort_by(|x, y| y.partial_cmp(x).unwrap());
    println!("{:?} {:?}", &fl[..3], fl.last());
    let s = &a[..];
    for key in [0u32, 1, 2500, 4999, 5000] {
        println!("bs {} -> {:?} pp {}", key, s.binary_search(&key).map(|i| s[i] == key), s.partition_point(|&x| x < key));
    }
    println!("{:?}", [1, 3, 5, 7].binary_search_by(|p| p.cmp(&4)));
    println!("{:?}", [(1, 'a'), (3, 'b')].binary_search_by_key(&3, |&(k, _)| k));
    let mut sel: Vec<i32> = (0..101).map(|i| (i * 53) % 101).collect();
    let (_, median, _) = sel.select_nth_unstable(50);
    println!("median {}", median);
    let v: Vec<i32> = (1..=11).collect();
    println!("{:?}", v.chunks(4).collect::<Vec<_>>());
    println!("{:?} rem {:?}", v.chunks_exact(4).map(|c| c.iter().sum::<i32>()).collect::<Vec<_>>(), v.chunks_exact(4).remainder());
    println!("{:?}", v.rchunks(3).collect::<Vec<_>>());
    println!("{:?}", v.windows(4).map(|w| w[0] * w[3]).collect::<Vec<_>>());
    println!("{:?}", v.split(|x| x % 4 == 0).collect::<Vec<_>>());
    println!("{:?}", v.splitn(2, |x| *x == 5).collect::<Vec<_>>());
    println!("{:?} {:?}", v.split_first(), v.split_last().map(|(l, r)| (l, r.len())));
    let (l, r) = v.split_at(3);
    println!("{:?} {:?}", l, r);
    let mut m = v.clone();
    m.rotate_left(3);
    println!("{:?}", m);
    m.rotate_right(5);
    m.swap(0, 10);
    m.reverse();
    println!("{:?}", m);
    m[2..6].fill(0);
    m.copy_within(7..10, 0);
    println!("{:?}", m);
    let mut buf = [0u8; 10];
    buf[3..7].copy_from_slice(b"abcd");
    buf.swap_with_slice(&mut [9u8; 10]);
    println!("{:?}", buf);
    println!("{} {} {}", v.contains(&7), v.starts_with(&[1, 2]), v.ends_with(&[11]));
    println!("{:?} {:?}", [[1, 2], [3, 4]].concat(), [vec![1], vec![2, 3]].join(&0));
    println!("{:?}", ["a", "b", "c"].join(", "));
    let mut d = vec![1, 1, 2, 3, 3, 3, 4, 1, 1];
    d.dedup_by_key(|x| *x / 2);
    println!("{:?}", d);
    let mut grid = vec![0u16; 6 * 5];
    for (r, row) in grid.chunks_mut(6).enumerate() { for (c, x) in row.iter_mut().enumerate() { *x = (r * 10 + c) as u16; } }
    let col3: Vec<u16> = grid.iter().skip(3).step_by(6).copied().collect();
    println!("{:?} {:?}", col3, &grid[12..18]);
    let (left, right) = grid.split_at_mut(15);
    left[0] = right[0];
    println!("{} {}", grid[0], grid.iter().map(|&x| x as u32).sum::<u32>());
    println!("{:?} {:?}", v.iter().rev().take(3).collect::<Vec<_>>(), v.first().zip(v.last()));
    println!("{:?}", v.get(3..5).map(|s| s.to_vec()));
    println!("{:?} {:?}", v.get(10), v.get(11));
    let bytes = b"hello world";
    println!("{:?} {:?}", bytes.iter().rposition(|&b| b == b'o'), bytes.to_ascii_uppercase());
    let mut arr2 = [[0i8; 3]; 3];
    for i in 0..3 { arr2[i][i] = 1; arr2[i][2 - i] -= 1; }
    println!("{:?}", arr2.as_flattened());
}
