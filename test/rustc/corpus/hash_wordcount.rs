// Hashing: word counting over generated text with HashMap<String, usize>
// (fixed hasher so iteration order is reproducible), SipHash/DefaultHasher
// values of many types, a custom Hasher (FNV) via BuildHasherDefault,
// derive(Hash) on structs and enums, and HashMap<(u32,u32),_> with tuples.
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

#[derive(Default)]
struct Fnv(u64);
impl Hasher for Fnv {
    fn finish(&self) -> u64 { self.0 }
    fn write(&mut self, bytes: &[u8]) {
        if self.0 == 0 { self.0 = 0xcbf29ce484222325; }
        for b in bytes { self.0 ^= *b as u64; self.0 = self.0.wrapping_mul(0x100000001b3); }
    }
}
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type SipMap<K, V> = HashMap<K, V, BuildHasherDefault<DefaultHasher>>;

#[derive(Hash, PartialEq, Eq, Debug, Clone, Copy)]
enum Kind { Short, Long(u8), Weird { id: u16 } }
#[derive(Hash)]
struct Doc<'a> { title: &'a str, words: Vec<&'a str>, kind: Kind, score: i64 }

fn sip<T: Hash + ?Sized>(t: &T) -> u64 { let mut h = DefaultHasher::new(); t.hash(&mut h); h.finish() }

fn main() {
    let vocab = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod", "tempor"];
    let mut state = 7u64;
    let mut text = String::new();
    for _ in 0..5000 {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        text.push_str(vocab[((state >> 33) % vocab.len() as u64) as usize]);
        text.push(' ');
    }
    let mut counts: SipMap<String, usize> = SipMap::default();
    for w in text.split_whitespace() { *counts.entry(w.to_string()).or_insert(0) += 1; }
    println!("sip order {:?}", counts.iter().map(|(k, v)| format!("{}={}", k, v)).collect::<Vec<_>>());
    let mut fnv: FnvMap<&str, usize> = FnvMap::default();
    for w in text.split_whitespace() { *fnv.entry(w).or_default() += 1; }
    println!("fnv order {:?}", fnv.iter().collect::<Vec<_>>());
    let mut pairs: FnvMap<(u32, u32), u64> = FnvMap::default();
    let words: Vec<&str> = text.split_whitespace().collect();
    for w in words.windows(2) {
        let a = vocab.iter().position(|v| *v == w[0]).unwrap() as u32;
        let b = vocab.iter().position(|v| *v == w[1]).unwrap() as u32;
        *pairs.entry((a, b)).or_default() += 1;
    }
    let mut top: Vec<_> = pairs.iter().collect();
    top.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
    println!("bigrams {} top {:?}", pairs.len(), &top[..5]);
    println!("sip u8 {:x} u64 {:x} u128 {:x} i32 {:x} str {:x} string {:x}", sip(&7u8), sip(&7u64), sip(&7u128), sip(&-7i32), sip("seven"), sip(&String::from("seven")));
    println!("sip tuple {:x} slice {:x} array {:x} char {:x} bool {:x} unit {:x}", sip(&(1u8, 'x', "y")), sip(&[1u16, 2, 3][..]), sip(&[1u16, 2, 3]), sip(&'é'), sip(&true), sip(&()));
    println!("sip option {:x} {:x} kind {:x} {:x} {:x}", sip(&Some(3u32)), sip(&None::<u32>), sip(&Kind::Short), sip(&Kind::Long(4)), sip(&Kind::Weird { id: 9 }));
    let doc = Doc { title: "t", words: vec!["a", "b"], kind: Kind::Long(1), score: -5 };
    println!("doc {:x}", sip(&doc));
    let mut h = Fnv::default();
    doc.hash(&mut h);
    println!("doc fnv {:x}", h.finish());
    let mut km: SipMap<Kind, Vec<usize>> = SipMap::default();
    for i in 0..20usize { let k = match i % 3 { 0 => Kind::Short, 1 => Kind::Long((i % 4) as u8), _ => Kind::Weird { id: (i % 2) as u16 } }; km.entry(k).or_default().push(i); }
    println!("{:?}", km);
    let total: usize = counts.values().sum();
    println!("total {} distinct {} max {:?}", total, counts.len(), counts.iter().max_by_key(|(k, v)| (**v, (*k).clone())));
}
