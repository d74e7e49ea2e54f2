// HashMap and HashSet with a fixed hasher (deterministic iteration order,
// which exercises hashbrown's SSE2 group probing exactly), entry API, removal,
// growth and shrink, set algebra, and RandomState maps printed sorted.
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

type Fixed = BuildHasherDefault<DefaultHasher>;

fn h<T: Hash>(t: &T) -> u64 {
    let mut s = DefaultHasher::new();
    t.hash(&mut s);
    s.finish()
}

#[derive(Hash, PartialEq, Eq, Debug, Clone)]
enum Key {
    Num(i32),
    Name(String),
    Pair(u8, char),
}

fn main() {
    let mut m: HashMap<u32, String, Fixed> = HashMap::default();
    for i in 0..40u32 {
        m.insert(i * 37 % 101, format!("v{}", i));
    }
    let order: Vec<u32> = m.keys().copied().collect();
    println!("order {:?}", order);
    println!("len={} get(37)={:?} get(1)={:?}", m.len(), m.get(&37), m.get(&1));
    for i in (0..101).step_by(3) {
        m.remove(&i);
    }
    let order2: Vec<u32> = m.keys().copied().collect();
    println!("after remove {} {:?}", m.len(), order2);
    *m.entry(200).or_insert_with(|| "new".to_string()) += "!";
    *m.entry(200).or_default() += "?";
    m.entry(37).and_modify(|s| s.push('#'));
    println!("200={:?} 37={:?}", m[&200], m.get(&37));
    let mut counts: HashMap<char, usize, Fixed> = HashMap::default();
    for c in "mississippi river banks".chars() {
        *counts.entry(c).or_insert(0) += 1;
    }
    println!("counts {:?}", counts);
    let mut sorted: Vec<_> = counts.iter().collect();
    sorted.sort();
    println!("sorted {:?}", sorted);
    let mut big: HashMap<u64, u64, Fixed> = HashMap::default();
    for i in 0..5000u64 {
        big.insert(i.wrapping_mul(0x9E3779B97F4A7C15), i);
    }
    let mut acc = 0u64;
    for (k, v) in &big {
        acc = acc.rotate_left(5) ^ k.wrapping_add(*v);
    }
    println!("big len={} acc={:x}", big.len(), acc);
    big.retain(|_, v| *v % 7 == 0);
    big.shrink_to_fit();
    println!("retained {} first={:?}", big.len(), big.iter().next());
    let a: HashSet<i32, Fixed> = (0..20).collect();
    let b: HashSet<i32, Fixed> = (10..30).step_by(2).collect();
    let mut inter: Vec<_> = a.intersection(&b).copied().collect();
    inter.sort();
    let mut diff: Vec<_> = a.difference(&b).copied().collect();
    diff.sort();
    let mut sym: Vec<_> = a.symmetric_difference(&b).copied().collect();
    sym.sort();
    println!("inter {:?}\ndiff {:?}\nsym {:?}", inter, diff, sym);
    println!("set order {:?}", b.iter().collect::<Vec<_>>());
    let mut km: HashMap<Key, Vec<u8>, Fixed> = HashMap::default();
    km.insert(Key::Num(-5), vec![1]);
    km.insert(Key::Name("alpha".into()), vec![2, 3]);
    km.insert(Key::Pair(9, 'x'), vec![]);
    km.insert(Key::Num(-5), vec![4]);
    println!("km {:?}", km);
    println!("hashes {:x} {:x} {:x} {:x}", h(&Key::Num(1)), h(&"abc"), h(&(1u8, 2u16, 3u32)), h(&vec![1u64, 2, 3]));
    let mut rs: HashMap<String, i32> = HashMap::new();
    for (i, w) in "one two three four five six".split(' ').enumerate() {
        rs.insert(w.to_string(), i as i32);
    }
    let mut items: Vec<_> = rs.into_iter().collect();
    items.sort();
    println!("random-state map sorted {:?}", items);
    let words: HashSet<&str> = ["a", "b", "c", "a"].into_iter().collect();
    println!("set len {} contains b {}", words.len(), words.contains("b"));
}
