// Collections: Vec, HashMap (fixed hasher for a stable order), BTreeMap,
// VecDeque, BinaryHeap, String building and format!; prints every result.
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::hash::BuildHasherDefault;
use std::hash::Hasher;

#[derive(Default)]
struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        if self.0 == 0 {
            self.0 = 0xcbf29ce484222325;
        }
        for b in bytes {
            self.0 ^= *b as u64;
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
}
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Person {
    name: String,
    age: u32,
}

fn word_counts(text: &str) -> FnvMap<String, usize> {
    let mut m = FnvMap::default();
    for w in text.split_whitespace() {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

fn main() {
    let mut v: Vec<i64> = (1..=20).map(|x| x * x - 7 * x).collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    v.dedup();
    println!("vec: {:?}", v);
    v.retain(|x| x % 3 != 0);
    v.insert(2, 999);
    v.swap(0, 1);
    println!("retained: {:?} len={} cap>=len: {}", v, v.len(), v.capacity() >= v.len());
    let (evens, odds): (Vec<i64>, Vec<i64>) = v.iter().partition(|x| *x % 2 == 0);
    println!("evens={:?} odds={:?}", evens, odds);
    println!("binary_search 999 in sorted: {:?}", {
        let mut s = v.clone();
        s.sort();
        s.binary_search(&999)
    });

    let counts = word_counts("the quick brown fox jumps over the lazy dog The DOG barks");
    let mut keys: Vec<_> = counts.iter().collect();
    keys.sort();
    println!("counts: {:?}", keys);
    let mut std_map: HashMap<String, Vec<u32>> = HashMap::new();
    for i in 0..40u32 {
        std_map.entry(format!("k{}", i % 9)).or_default().push(i);
    }
    std_map.retain(|_, v| v.len() > 4);
    let mut std_keys: Vec<(&String, u32)> = std_map.iter().map(|(k, v)| (k, v.iter().sum())).collect();
    std_keys.sort();
    println!("std hashmap: {:?} contains k3={} get k0={:?}", std_keys, std_map.contains_key("k3"), std_map.get("k0").map(|v| v.len()));
    let hs: HashSet<u32, BuildHasherDefault<Fnv>> = (0..50u32).filter(|x| x % 7 == 0).collect();
    let mut hv: Vec<_> = hs.into_iter().collect();
    hv.sort();
    println!("hashset: {:?}", hv);

    let mut bt = BTreeMap::new();
    for (i, name) in ["zoe", "adam", "mia", "bob", "eve", "kim"].iter().enumerate() {
        bt.insert(*name, Person { name: name.to_string(), age: 20 + i as u32 * 3 });
    }
    for (k, p) in bt.range("b".."m") {
        println!("btree {} -> {:?}", k, p);
    }
    bt.remove("mia");
    println!("first={:?} last={:?}", bt.first_key_value().map(|x| x.0), bt.last_key_value().map(|x| x.1.age));
    let set: BTreeSet<char> = "hello world".chars().filter(|c| c.is_alphabetic()).collect();
    println!("chars: {}", set.iter().collect::<String>());

    let mut dq: VecDeque<u16> = VecDeque::with_capacity(4);
    for i in 0..10u16 {
        if i % 3 == 0 {
            dq.push_front(i);
        } else {
            dq.push_back(i * 10);
        }
    }
    dq.rotate_left(3);
    println!("deque: {:?} front={:?}", dq, dq.front());

    let mut heap = BinaryHeap::new();
    for x in [5u8, 1, 8, 3, 9, 2, 7] {
        heap.push(x);
    }
    let mut out = Vec::new();
    while let Some(x) = heap.pop() {
        out.push(x);
    }
    println!("heap order: {:?}", out);

    let mut s = String::new();
    for i in 0..8 {
        write!(s, "[{:>3}|{:<4}|{:^5}|{:08.3}|{:#x}]", i, i * 2, "ab", i as f64 / 3.0, i * 255).unwrap();
    }
    println!("{}", s);
    let upper = s.to_uppercase().replace("|", "/");
    println!("{} bytes, {} chars, starts={}", upper.len(), upper.chars().count(), &upper[..10]);
    let joined = vec!["alpha", "beta", "gamma"].join("-");
    println!("{} {:?} {:?}", joined, joined.find("beta"), joined.split('-').rev().collect::<Vec<_>>());
    let people = vec![
        Person { name: "Ann".into(), age: 31 },
        Person { name: "Bo".into(), age: 25 },
        Person { name: "Cy".into(), age: 31 },
    ];
    let mut by_age: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for p in &people {
        by_age.entry(p.age).or_default().push(&p.name);
    }
    println!("{:?}", by_age);
    println!("{:#?}", people[1]);
    let nested: Vec<Vec<u8>> = (0..4).map(|i| vec![i; i as usize]).collect();
    println!("{:?} total={}", nested, nested.iter().map(|x| x.len()).sum::<usize>());
}
