// Recursion: Ackermann, mutual recursion, deep (10^5 frames) linear
// recursion, tree recursion over Box trees, permutations and N-queens by
// backtracking, memoised recursion through a HashMap, Towers of Hanoi, and a
// recursive-descent expression parser.
use std::collections::HashMap;

fn ack(m: u64, n: u64) -> u64 { if m == 0 { n + 1 } else if n == 0 { ack(m - 1, 1) } else { ack(m - 1, ack(m, n - 1)) } }
fn is_even(n: u32) -> bool { if n == 0 { true } else { is_odd(n - 1) } }
fn is_odd(n: u32) -> bool { if n == 0 { false } else { is_even(n - 1) } }
fn depth_sum(n: u64) -> u64 { if n == 0 { 0 } else { n + depth_sum(n - 1) } }

enum Tree { Leaf, Node(Box<Tree>, i64, Box<Tree>) }
fn insert(t: Tree, v: i64) -> Tree {
    match t {
        Tree::Leaf => Tree::Node(Box::new(Tree::Leaf), v, Box::new(Tree::Leaf)),
        Tree::Node(l, x, r) => if v < x { Tree::Node(Box::new(insert(*l, v)), x, r) } else { Tree::Node(l, x, Box::new(insert(*r, v))) },
    }
}
fn height(t: &Tree) -> usize { match t { Tree::Leaf => 0, Tree::Node(l, _, r) => 1 + height(l).max(height(r)) } }
fn inorder(t: &Tree, out: &mut Vec<i64>) { if let Tree::Node(l, x, r) = t { inorder(l, out); out.push(*x); inorder(r, out); } }

fn permutations(items: &mut Vec<u8>, k: usize, out: &mut Vec<String>) {
    if k == items.len() { out.push(items.iter().map(|&c| c as char).collect()); return; }
    for i in k..items.len() { items.swap(k, i); permutations(items, k + 1, out); items.swap(k, i); }
}
fn queens(n: usize, row: usize, cols: &mut Vec<usize>) -> usize {
    if row == n { return 1; }
    let mut count = 0;
    for c in 0..n {
        if cols.iter().enumerate().all(|(r, &cc)| cc != c && (row - r) != c.abs_diff(cc)) { cols.push(c); count += queens(n, row + 1, cols); cols.pop(); }
    }
    count
}
fn partitions(n: u64, max: u64, memo: &mut HashMap<(u64, u64), u64>) -> u64 {
    if n == 0 { return 1; }
    if max == 0 { return 0; }
    if let Some(&v) = memo.get(&(n, max)) { return v; }
    let r = partitions(n, max - 1, memo) + if max <= n { partitions(n - max, max, memo) } else { 0 };
    memo.insert((n, max), r);
    r
}
fn hanoi(n: u32, from: u8, to: u8, via: u8, moves: &mut Vec<(u8, u8)>) { if n > 0 { hanoi(n - 1, from, via, to, moves); moves.push((from, to)); hanoi(n - 1, via, to, from, moves); } }

struct Parser<'a> { s: &'a [u8], i: usize }
impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> { self.s.get(self.i).copied() }
    fn expr(&mut self) -> i64 { let mut v = self.term(); while let Some(c @ (b'+' | b'-')) = self.peek() { self.i += 1; let t = self.term(); v = if c == b'+' { v + t } else { v - t }; } v }
    fn term(&mut self) -> i64 { let mut v = self.factor(); while let Some(c @ (b'*' | b'/')) = self.peek() { self.i += 1; let f = self.factor(); v = if c == b'*' { v * f } else { v / f }; } v }
    fn factor(&mut self) -> i64 {
        match self.peek() {
            Some(b'(') => { self.i += 1; let v = self.expr(); self.i += 1; v }
            Some(b'-') => { self.i += 1; -self.factor() }
            _ => { let st = self.i; while matches!(self.peek(), Some(b'0'..=b'9')) { self.i += 1; } std::str::from_utf8(&self.s[st..self.i]).unwrap().parse().unwrap() }
        }
    }
}

fn main() {
    println!("ack(2,3)={} ack(3,3)={}", ack(2, 3), ack(3, 3));
    println!("even(1001)={} odd(777)={}", is_even(1001), is_odd(777));
    let h = std::thread::Builder::new().stack_size(64 << 20).spawn(|| depth_sum(100_000)).unwrap();
    println!("depth_sum {}", h.join().unwrap());
    let mut t = Tree::Leaf;
    for i in 0..200 { t = insert(t, (i * 7919) % 211 - 100); }
    let mut v = Vec::new();
    inorder(&t, &mut v);
    println!("tree height {} len {} first {:?} sorted {}", height(&t), v.len(), &v[..5], v.windows(2).all(|w| w[0] <= w[1]));
    let mut out = Vec::new();
    permutations(&mut b"abcd".to_vec(), 0, &mut out);
    println!("{} perms: {:?}", out.len(), &out[..8]);
    println!("queens {:?}", (4..=8).map(|n| queens(n, 0, &mut Vec::new())).collect::<Vec<_>>());
    let mut memo = HashMap::new();
    println!("partitions(100)={}", partitions(100, 100, &mut memo));
    let mut moves = Vec::new();
    hanoi(10, 0, 2, 1, &mut moves);
    println!("hanoi {} moves, first {:?}, last {:?}", moves.len(), &moves[..4], moves.last());
    for e in ["1+2*3", "(1+2)*3", "-(4-10)*(2+3)/3", "100/7/2", "2*(3*(4*(5+1)))"] {
        println!("{} = {}", e, Parser { s: e.as_bytes(), i: 0 }.expr());
    }
}
