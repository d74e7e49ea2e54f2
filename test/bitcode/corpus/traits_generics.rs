// Trait objects and generics: dyn dispatch, supertraits, default methods,
// generic functions and structs, const generics, operator overloading, Any.
use std::any::Any;
use std::fmt;
use std::ops::{Add, Index, Mul, Neg};

trait Shape: fmt::Debug {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        format!("{:?}", self)
    }
    fn scale(&mut self, k: f64);
}

#[derive(Debug, Clone)]
struct Circle(f64);
#[derive(Debug, Clone)]
struct Rect {
    w: f64,
    h: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.0 * self.0 * self.0
    }
    fn scale(&mut self, k: f64) {
        self.0 *= k;
    }
}
impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn name(&self) -> String {
        format!("Rect {}x{}", self.w, self.h)
    }
    fn scale(&mut self, k: f64) {
        self.w *= k;
        self.h *= k;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct V2 {
    x: i32,
    y: i32,
}
impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2 { x: self.x + o.x, y: self.y + o.y }
    }
}
impl Mul<i32> for V2 {
    type Output = V2;
    fn mul(self, k: i32) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}
impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 {
        V2 { x: -self.x, y: -self.y }
    }
}

struct Matrix<const R: usize, const C: usize>([[i64; C]; R]);
impl<const R: usize, const C: usize> Matrix<R, C> {
    fn transpose(&self) -> Matrix<C, R> {
        let mut out = [[0; R]; C];
        for i in 0..R {
            for j in 0..C {
                out[j][i] = self.0[i][j];
            }
        }
        Matrix(out)
    }
    fn mul<const K: usize>(&self, o: &Matrix<C, K>) -> Matrix<R, K> {
        let mut out = [[0; K]; R];
        for i in 0..R {
            for j in 0..K {
                for k in 0..C {
                    out[i][j] += self.0[i][k] * o.0[k][j];
                }
            }
        }
        Matrix(out)
    }
}
impl<const R: usize, const C: usize> Index<(usize, usize)> for Matrix<R, C> {
    type Output = i64;
    fn index(&self, (i, j): (usize, usize)) -> &i64 {
        &self.0[i][j]
    }
}

fn sum_all<T: Copy + Add<Output = T> + Default>(xs: &[T]) -> T {
    xs.iter().fold(T::default(), |a, &b| a + b)
}

fn largest<T: PartialOrd + Copy>(xs: &[T]) -> Option<T> {
    let mut it = xs.iter();
    let mut best = *it.next()?;
    for &x in it {
        if x > best {
            best = x;
        }
    }
    Some(best)
}

struct Stack<T> {
    items: Vec<T>,
}
impl<T: fmt::Display> Stack<T> {
    fn new() -> Self {
        Stack { items: Vec::new() }
    }
    fn push(&mut self, t: T) -> &mut Self {
        self.items.push(t);
        self
    }
    fn render(&self) -> String {
        self.items.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(" ")
    }
}

fn describe(x: &dyn Any) -> String {
    if let Some(i) = x.downcast_ref::<i32>() {
        format!("i32 {}", i)
    } else if let Some(s) = x.downcast_ref::<String>() {
        format!("String {:?}", s)
    } else if x.is::<V2>() {
        "a V2".to_string()
    } else {
        "unknown".to_string()
    }
}

fn main() {
    let mut shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle(1.5)), Box::new(Rect { w: 2.0, h: 4.5 }), Box::new(Circle(0.25))];
    for s in shapes.iter_mut() {
        s.scale(2.0);
    }
    for s in &shapes {
        println!("{} area={:.3}", s.name(), s.area());
    }
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    println!("total area {:.4}", total);
    let a = V2 { x: 3, y: -4 };
    let b = V2 { x: 10, y: 20 };
    println!("{:?} {:?} {:?} {}", a + b, (a + b) * 3, -a, a == V2 { x: 3, y: -4 });
    println!("sum_all ints={} floats={} v2={:?}", sum_all(&[1, 2, 3, 4]), sum_all(&[0.5f32, 0.25]), sum_all(&[a, b, a]));
    println!("largest {:?} {:?} {:?}", largest(&[3, 9, 2]), largest(&['x', 'b']), largest::<u8>(&[]));
    let m = Matrix([[1, 2, 3], [4, 5, 6]]);
    let p = m.mul(&m.transpose());
    println!("m*mT = {:?} [1,0]={}", p.0, p[(1, 0)]);
    let mut st = Stack::new();
    st.push(1.5).push(2.25).push(-3.0);
    println!("stack: {}", st.render());
    let things: Vec<Box<dyn Any>> = vec![Box::new(42i32), Box::new(String::from("hi")), Box::new(a), Box::new(1u8)];
    for t in &things {
        println!("any: {}", describe(t.as_ref()));
    }
}
