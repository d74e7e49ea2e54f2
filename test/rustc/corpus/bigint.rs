// Arbitrary-precision unsigned integers on Vec<u32> limbs: addition,
// multiplication, division by a small number, decimal conversion and
// comparison, computing 200!, 2^1000, fib(1000) and a modular exponent,
// exercising u64 multiply/divide chains and carry handling.
use std::cmp::Ordering;

#[derive(Clone, PartialEq, Eq, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn from(x: u64) -> Big { let mut b = Big(vec![x as u32, (x >> 32) as u32]); b.trim(); b }
    fn trim(&mut self) { while self.0.len() > 1 && *self.0.last().unwrap() == 0 { self.0.pop(); } }
    fn add(&self, o: &Big) -> Big {
        let n = self.0.len().max(o.0.len());
        let mut r = Vec::with_capacity(n + 1);
        let mut carry = 0u64;
        for i in 0..n {
            let s = *self.0.get(i).unwrap_or(&0) as u64 + *o.0.get(i).unwrap_or(&0) as u64 + carry;
            r.push(s as u32);
            carry = s >> 32;
        }
        if carry > 0 { r.push(carry as u32); }
        Big(r)
    }
    fn mul(&self, o: &Big) -> Big {
        let mut r = vec![0u32; self.0.len() + o.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in o.0.iter().enumerate() {
                let t = a as u64 * b as u64 + r[i + j] as u64 + carry;
                r[i + j] = t as u32;
                carry = t >> 32;
            }
            let mut k = i + o.0.len();
            while carry > 0 { let t = r[k] as u64 + carry; r[k] = t as u32; carry = t >> 32; k += 1; }
        }
        let mut b = Big(r);
        b.trim();
        b
    }
    fn divmod_small(&self, d: u32) -> (Big, u32) {
        let mut q = vec![0u32; self.0.len()];
        let mut rem = 0u64;
        for i in (0..self.0.len()).rev() {
            let cur = (rem << 32) | self.0[i] as u64;
            q[i] = (cur / d as u64) as u32;
            rem = cur % d as u64;
        }
        let mut b = Big(q);
        b.trim();
        (b, rem as u32)
    }
    fn is_zero(&self) -> bool { self.0.len() == 1 && self.0[0] == 0 }
    fn to_dec(&self) -> String {
        let mut parts = Vec::new();
        let mut x = self.clone();
        while !x.is_zero() { let (q, r) = x.divmod_small(1_000_000_000); parts.push(r); x = q; }
        if parts.is_empty() { return "0".into(); }
        let mut s = parts.last().unwrap().to_string();
        for p in parts.iter().rev().skip(1) { s.push_str(&format!("{:09}", p)); }
        s
    }
    fn cmp(&self, o: &Big) -> Ordering { self.0.len().cmp(&o.0.len()).then_with(|| self.0.iter().rev().cmp(o.0.iter().rev())) }
    fn rem_small(&self, m: u32) -> u32 { self.divmod_small(m).1 }
}

fn main() {
    let mut f = Big::from(1);
    for i in 1..=200u64 { f = f.mul(&Big::from(i)); }
    let fs = f.to_dec();
    println!("200! has {} digits: {}...{}", fs.len(), &fs[..30], &fs[fs.len() - 60..]);
    println!("200! digit sum {}", fs.bytes().map(|b| (b - b'0') as u32).sum::<u32>());
    let mut p = Big::from(1);
    let two = Big::from(2);
    for _ in 0..1000 { p = p.mul(&two); }
    println!("2^1000 = {}", p.to_dec());
    let (mut a, mut b) = (Big::from(0), Big::from(1));
    for _ in 0..1000 { let t = a.add(&b); a = b; b = t; }
    println!("fib(1000) = {}", a.to_dec());
    println!("fib(1000) mod 1e9+7 = {} mod 65521 = {}", a.rem_small(1_000_000_007), a.rem_small(65521));
    println!("cmp {:?} {:?} {:?}", a.cmp(&b), p.cmp(&f), Big::from(u64::MAX).cmp(&Big::from(u64::MAX)));
    let big = Big::from(u64::MAX).mul(&Big::from(u64::MAX)).add(&Big::from(12345));
    println!("(2^64-1)^2+12345 = {} limbs {:?}", big.to_dec(), big.0);
    let mut base: u64 = 7;
    let mut e: u64 = 1_000_000_006;
    let m: u64 = 1_000_000_007;
    let mut r: u64 = 1;
    while e > 0 { if e & 1 == 1 { r = (r as u128 * base as u128 % m as u128) as u64; } base = (base as u128 * base as u128 % m as u128) as u64; e >>= 1; }
    println!("7^(p-1) mod p = {}", r);
}
