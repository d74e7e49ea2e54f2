// Generics and const generics: fixed-size matrices [[T; C]; R] with
// const-generic multiplication, const-generic buffers and bit sets, generic
// structs with trait bounds, associated consts in generic code, PhantomData
// units, monomorphization at several integer and float types.
use std::fmt::Debug;
use std::marker::PhantomData;
use std::ops::{Add, Mul};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix<T, const R: usize, const C: usize>([[T; C]; R]);

impl<T: Copy + Default + Add<Output = T> + Mul<Output = T>, const R: usize, const C: usize> Matrix<T, R, C> {
    fn mul<const K: usize>(&self, o: &Matrix<T, C, K>) -> Matrix<T, R, K> {
        let mut out = [[T::default(); K]; R];
        for i in 0..R {
            for j in 0..K {
                let mut acc = T::default();
                for k in 0..C {
                    acc = acc + self.0[i][k] * o.0[k][j];
                }
                out[i][j] = acc;
            }
        }
        Matrix(out)
    }
    fn transpose(&self) -> Matrix<T, C, R> {
        let mut out = [[T::default(); R]; C];
        for i in 0..R { for j in 0..C { out[j][i] = self.0[i][j]; } }
        Matrix(out)
    }
}

struct BitSet<const WORDS: usize> { w: [u64; WORDS] }
impl<const WORDS: usize> BitSet<WORDS> {
    const CAP: usize = WORDS * 64;
    fn new() -> Self { BitSet { w: [0; WORDS] } }
    fn set(&mut self, i: usize) { self.w[i / 64] |= 1 << (i % 64); }
    fn get(&self, i: usize) -> bool { self.w[i / 64] >> (i % 64) & 1 == 1 }
    fn count(&self) -> u32 { self.w.iter().map(|x| x.count_ones()).sum() }
}

struct RingBuf<T, const N: usize> { buf: [Option<T>; N], head: usize, len: usize }
impl<T: Debug + Clone, const N: usize> RingBuf<T, N> {
    fn new() -> Self { RingBuf { buf: std::array::from_fn(|_| None), head: 0, len: 0 } }
    fn push(&mut self, x: T) -> Option<T> {
        let idx = (self.head + self.len) % N;
        if self.len == N {
            let old = self.buf[self.head].replace(x);
            self.head = (self.head + 1) % N;
            old
        } else { self.buf[idx] = Some(x); self.len += 1; None }
    }
    fn items(&self) -> Vec<T> { (0..self.len).map(|i| self.buf[(self.head + i) % N].clone().unwrap()).collect() }
}

#[derive(Debug, Clone, Copy)]
struct Meters;
#[derive(Debug, Clone, Copy)]
struct Feet;
#[derive(Debug, Clone, Copy)]
struct Length<U> { v: f64, _u: PhantomData<U> }
impl<U> Add for Length<U> { type Output = Self; fn add(self, o: Self) -> Self { Length { v: self.v + o.v, _u: PhantomData } } }
impl Length<Feet> { fn to_m(self) -> Length<Meters> { Length { v: self.v * 0.3048, _u: PhantomData } } }

trait Bounded { const MIN: Self; const MAX: Self; const NAME: &'static str; }
macro_rules! bounded { ($($t:ty),*) => { $(impl Bounded for $t { const MIN: Self = <$t>::MIN; const MAX: Self = <$t>::MAX; const NAME: &'static str = stringify!($t); })* } }
bounded!(i8, u8, i16, u16, i32, u32, i64, u64, i128, u128);
fn range_of<T: Bounded + Debug>() -> String { format!("{}: {:?}..={:?}", T::NAME, T::MIN, T::MAX) }

fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T { let mut m = xs[0]; for &x in xs { if x > m { m = x; } } m }
fn sum_arr<const N: usize>(a: [u32; N]) -> u32 { a.iter().sum::<u32>() + N as u32 }
fn pairs<A: Clone, B: Clone>(a: &[A], b: &[B]) -> Vec<(A, B)> { a.iter().flat_map(|x| b.iter().map(move |y| (x.clone(), y.clone()))).collect() }

fn main() {
    let a = Matrix([[1i64, 2, 3], [4, 5, 6]]);
    let b = Matrix([[7i64, 8], [9, 10], [11, 12]]);
    println!("{:?}", a.mul(&b));
    println!("{:?}", a.transpose());
    let f = Matrix([[0.5f32, -1.0], [2.0, 0.25]]);
    println!("{:?}", f.mul(&f).mul(&f));
    let w = Matrix([[1u8, 1], [1, 0]]);
    let mut p = w;
    for _ in 0..10 { p = Matrix(p.0.map(|r| r.map(|x| x % 97))).mul(&w); }
    println!("fib-ish {:?}", p);
    let mut bs: BitSet<3> = BitSet::new();
    for i in (0..BitSet::<3>::CAP).filter(|i| i % 7 == 3) { bs.set(i); }
    println!("cap={} count={} get(10)={} get(11)={} words={:x?}", BitSet::<3>::CAP, bs.count(), bs.get(10), bs.get(11), bs.w);
    let mut rb: RingBuf<String, 4> = RingBuf::new();
    for i in 0..7 { if let Some(old) = rb.push(format!("s{}", i)) { print!("evict {} ", old); } }
    println!("\nring {:?}", rb.items());
    let l = Length::<Feet> { v: 10.0, _u: PhantomData } + Length { v: 2.5, _u: PhantomData };
    println!("{:.4} m, size={}", l.to_m().v, std::mem::size_of::<Length<Meters>>());
    for s in [range_of::<i8>(), range_of::<u16>(), range_of::<i32>(), range_of::<u64>(), range_of::<i128>(), range_of::<u128>()] { println!("{}", s); }
    println!("{} {} {} {:?}", largest(&[3, 9, 2]), largest(&[1.5, -2.0]), largest(&['q', 'z', 'a']), largest(&["b", "abc"]));
    println!("{} {} {}", sum_arr([1, 2, 3]), sum_arr([0; 10]), sum_arr([]));
    println!("{:?}", pairs(&[1, 2], &["a", "b", "c"]));
    let arr: [u16; 8] = std::array::from_fn(|i| (i * i) as u16);
    let [first, .., last] = arr;
    println!("{:?} first={} last={} zip={:?}", arr, first, last, arr.map(|x| x as i32 - 10));
}
