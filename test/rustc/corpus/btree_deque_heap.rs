// BTreeMap/BTreeSet (range queries, entry, split_off, retain, first/last),
// VecDeque (wrap-around, rotate, make_contiguous), BinaryHeap (max-heap,
// Reverse min-heap, into_sorted_vec, peek_mut), LinkedList.
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, LinkedList, VecDeque};

fn main() {
    let mut bm = BTreeMap::new();
    for i in 0..200u32 {
        bm.insert((i * 73) % 211, i);
    }
    println!("len={} first={:?} last={:?}", bm.len(), bm.first_key_value(), bm.last_key_value());
    println!("range 50..60 {:?}", bm.range(50..60).collect::<Vec<_>>());
    println!("range ..=5 {:?}", bm.range(..=5).map(|(k, _)| *k).collect::<Vec<_>>());
    let hi = bm.split_off(&150);
    println!("split lo={} hi={} hi.first={:?}", bm.len(), hi.len(), hi.iter().next());
    bm.retain(|k, v| (k + *v) % 2 == 0);
    println!("retain {} {:?}", bm.len(), bm.iter().take(6).collect::<Vec<_>>());
    *bm.entry(1000).or_insert(0) += 5;
    bm.entry(1000).and_modify(|v| *v *= 3);
    let g = bm.get(&1000).copied();
    let pf = bm.pop_first();
    let pl = bm.pop_last();
    println!("1000 -> {:?} pop_first {:?} pop_last {:?}", g, pf, pl);
    let mut words = BTreeMap::new();
    for w in "it was the best of times it was the worst of times".split_whitespace() {
        *words.entry(w).or_insert(0usize) += 1;
    }
    println!("{:?}", words);
    let s1: BTreeSet<i32> = (0..30).filter(|x| x % 3 == 0).collect();
    let s2: BTreeSet<i32> = (0..30).filter(|x| x % 5 == 0).collect();
    println!("union {:?}", s1.union(&s2).collect::<Vec<_>>());
    println!("inter {:?} diff {:?}", s1.intersection(&s2).collect::<Vec<_>>(), s1.difference(&s2).count());
    println!("subset {} range {:?}", s1.is_subset(&s2), s1.range(4..20).rev().collect::<Vec<_>>());
    let mut dq: VecDeque<i32> = VecDeque::with_capacity(4);
    for i in 0..6 {
        if i % 2 == 0 {
            dq.push_back(i);
        } else {
            dq.push_front(-i);
        }
    }
    println!("dq {:?} front={:?} back={:?}", dq, dq.front(), dq.back());
    dq.rotate_left(2);
    println!("rot_left {:?}", dq);
    dq.rotate_right(3);
    println!("rot_right {:?}", dq);
    let (a, b) = dq.as_slices();
    println!("slices total {}", a.len() + b.len());
    dq.make_contiguous().sort();
    println!("sorted {:?} bs(3)={:?}", dq, dq.binary_search(&3));
    while let Some(x) = dq.pop_front() {
        if x > 0 {
            break;
        }
    }
    dq.extend([100, 200]);
    dq.retain(|x| *x != 4);
    println!("after {:?} get(1)={:?}", dq, dq.get(1));
    let mut heap = BinaryHeap::new();
    for x in [5, 1, 8, 3, 9, 2, 7, 7, 0] {
        heap.push(x);
    }
    println!("peek {:?} len {}", heap.peek(), heap.len());
    if let Some(mut top) = heap.peek_mut() {
        *top = -1;
    }
    let mut popped = Vec::new();
    while let Some(x) = heap.pop() {
        popped.push(x);
    }
    println!("popped {:?}", popped);
    let mut minh: BinaryHeap<Reverse<(u32, &str)>> = BinaryHeap::new();
    for (p, n) in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")] {
        minh.push(Reverse((p, n)));
    }
    println!("min order {:?}", std::iter::from_fn(|| minh.pop().map(|Reverse(x)| x)).collect::<Vec<_>>());
    let h2: BinaryHeap<i64> = (0..50).map(|i| (i * 31) % 17).collect();
    println!("sorted {:?}", h2.into_sorted_vec());
    // Dijkstra on a small grid with BinaryHeap.
    let w = 8usize;
    let cost: Vec<u32> = (0..w * w).map(|i| ((i * 7919) % 9 + 1) as u32).collect();
    let mut dist = vec![u32::MAX; w * w];
    let mut pq = BinaryHeap::new();
    dist[0] = 0;
    pq.push(Reverse((0u32, 0usize)));
    while let Some(Reverse((d, u))) = pq.pop() {
        if d > dist[u] {
            continue;
        }
        let (r, c) = (u / w, u % w);
        let mut nb = Vec::new();
        if r > 0 { nb.push(u - w); }
        if r + 1 < w { nb.push(u + w); }
        if c > 0 { nb.push(u - 1); }
        if c + 1 < w { nb.push(u + 1); }
        for v in nb {
            let nd = d + cost[v];
            if nd < dist[v] {
                dist[v] = nd;
                pq.push(Reverse((nd, v)));
            }
        }
    }
    println!("dijkstra corner={} row0={:?}", dist[w * w - 1], &dist[..w]);
    let mut ll: LinkedList<u8> = LinkedList::new();
    ll.push_back(2);
    ll.push_front(1);
    ll.push_back(3);
    let mut other: LinkedList<u8> = [9, 8].into_iter().collect();
    ll.append(&mut other);
    println!("list {:?} rev {:?}", ll, ll.iter().rev().collect::<Vec<_>>());
}
