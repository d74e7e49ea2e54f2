// Comparisons and Ordering: Ord::cmp on every integer width (three-way
// compare intrinsics), Ordering combinators (then, then_with, reverse),
// derived Ord/PartialOrd on structs, enums and tuples, min/max/clamp,
// partial_cmp and total_cmp on floats, sorting with comparators, is_sorted.
use std::cmp::{max, min, Ordering, Reverse};
use std::hint::black_box;

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
enum Suit { Clubs, Diamonds, Hearts, Spades }
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
struct Card { rank: u8, suit: Suit }
#[derive(Debug, PartialEq, PartialOrd)]
struct Score { pts: f64, name: &'static str }

macro_rules! cmps {
    ($($t:ty),*) => {$({
        let v: [$t; 5] = [<$t>::MIN, 0 as $t, 1 as $t, <$t>::MAX, (<$t>::MAX / 2) as $t];
        let mut out = String::new();
        for a in v { for b in v { out.push(match black_box(a).cmp(&black_box(b)) { Ordering::Less => '<', Ordering::Equal => '=', Ordering::Greater => '>' }); } }
        println!("{:<6} {}", stringify!($t), out);
    })*};
}

fn main() {
    cmps!(i8, u8, i16, u16, i32, u32, i64, u64, i128, u128, isize, usize);
    let cs = ['\0', 'a', 'é', '\u{10FFFF}'];
    println!("char {:?}", cs.iter().flat_map(|a| cs.iter().map(move |b| black_box(*a).cmp(b) as i8)).collect::<Vec<_>>());
    println!("{:?} {:?} {:?}", 3.cmp(&5), 5.cmp(&5), 7i32.cmp(&-7));
    let o = Ordering::Less;
    println!("{:?} {:?} {:?} {:?}", o.reverse(), o.then(Ordering::Greater), Ordering::Equal.then_with(|| 2.cmp(&1)), o.is_le());
    println!("{} {} {}", Ordering::Less as i8, Ordering::Equal as i8, Ordering::Greater as i8);
    let mut cards: Vec<Card> = (0..12u8).map(|i| Card { rank: (i * 5) % 13 + 1, suit: [Suit::Spades, Suit::Hearts, Suit::Clubs, Suit::Diamonds][(i % 4) as usize] }).collect();
    cards.sort();
    println!("{:?}", cards.iter().map(|c| format!("{}{:?}", c.rank, c.suit).chars().take(3).collect::<String>()).collect::<Vec<_>>());
    cards.sort_by(|a, b| a.suit.cmp(&b.suit).then_with(|| b.rank.cmp(&a.rank)));
    println!("{:?}", cards.iter().map(|c| (c.suit as u8, c.rank)).collect::<Vec<_>>());
    cards.sort_by_key(|c| Reverse(c.rank));
    println!("{:?}", cards.iter().map(|c| c.rank).collect::<Vec<_>>());
    println!("{:?} {:?}", cards.iter().max(), cards.iter().min_by_key(|c| (c.suit, c.rank)));
    println!("{} {} {} {}", max(3, 9), min("b", "a"), 15.clamp(0, 10), (-3.5f64).clamp(-1.0, 1.0));
    println!("{:?} {:?}", (1, "z", 3.0) < (1, "z", 4.0), [1, 2, 3][..] < [1, 3][..]);
    println!("{:?} {:?}", Some(0) > None, Ok::<i32, i32>(5).cmp(&Err(9)));
    let fs = [1.0f64, f64::NAN, -0.0, 0.0, f64::NEG_INFINITY, -1.0, f64::INFINITY];
    for a in fs { println!("{:>5} partial={:?} total={:?} lt={} eq={} ge={}", a, a.partial_cmp(&0.0), a.total_cmp(&0.0), a < 0.0, a == 0.0, a >= 0.0); }
    let mut sorted = fs.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    println!("{:?}", sorted);
    let s1 = Score { pts: 2.5, name: "a" };
    let s2 = Score { pts: f64::NAN, name: "b" };
    println!("{:?} {:?} {}", s1.partial_cmp(&s2), s1.partial_cmp(&Score { pts: 2.5, name: "b" }), s1 == s1);
    println!("{} {} {}", [3, 1, 2].is_sorted(), [1, 2, 2, 9].is_sorted(), ["a", "B"].is_sorted_by_key(|s| s.to_lowercase()));
    println!("{:?} {:?}", "abc".cmp("abd"), [0u8; 3][..].cmp(&[0, 0][..]));
    println!("{:?}", (0..20).map(|i| black_box(i * 7 % 11)).max_by(|a, b| a.cmp(b)));
    let mut v2 = vec![(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')];
    v2.sort_unstable_by(|x, y| y.cmp(x));
    println!("{:?} {:?}", v2, v2.binary_search_by(|p| (1, 'a').cmp(p)));
}
