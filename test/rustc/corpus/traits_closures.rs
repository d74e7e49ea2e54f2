// Traits and closures: generic functions with bounds, associated types and
// consts, default methods, blanket impls, operator overloading, closures
// capturing by reference, by mutable reference and by move, FnMut state,
// returning impl Fn, higher-order composition, closures stored in structs.
use std::ops::{Add, Mul, Neg, Index, IndexMut, AddAssign};

trait Shape {
    const SIDES: u32;
    fn area(&self) -> f64;
    fn describe(&self) -> String {
        format!("{} sides, area {:.3}", Self::SIDES, self.area())
    }
}
struct Sq(f64);
struct Tri(f64, f64);
impl Shape for Sq {
    const SIDES: u32 = 4;
    fn area(&self) -> f64 { self.0 * self.0 }
}
impl Shape for Tri {
    const SIDES: u32 = 3;
    fn area(&self) -> f64 { 0.5 * self.0 * self.1 }
    fn describe(&self) -> String { format!("triangle {:.1}", self.area()) }
}

trait Double { fn double(&self) -> Self; }
impl<T: Add<Output = T> + Copy> Double for T {
    fn double(&self) -> T { *self + *self }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct V2 { x: i64, y: i64 }
impl Add for V2 { type Output = V2; fn add(self, o: V2) -> V2 { V2 { x: self.x + o.x, y: self.y + o.y } } }
impl Mul<i64> for V2 { type Output = V2; fn mul(self, k: i64) -> V2 { V2 { x: self.x * k, y: self.y * k } } }
impl Neg for V2 { type Output = V2; fn neg(self) -> V2 { V2 { x: -self.x, y: -self.y } } }
impl AddAssign for V2 { fn add_assign(&mut self, o: V2) { self.x += o.x; self.y += o.y; } }

struct Grid { w: usize, cells: Vec<u8> }
impl Index<(usize, usize)> for Grid { type Output = u8; fn index(&self, (r, c): (usize, usize)) -> &u8 { &self.cells[r * self.w + c] } }
impl IndexMut<(usize, usize)> for Grid { fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut u8 { &mut self.cells[r * self.w + c] } }

trait Container {
    type Item;
    fn items(&self) -> Vec<Self::Item>;
    fn first(&self) -> Option<Self::Item> { self.items().into_iter().next() }
}
struct Evens(u32);
impl Container for Evens {
    type Item = u32;
    fn items(&self) -> Vec<u32> { (0..self.0).map(|x| x * 2).collect() }
}

fn total_area<S: Shape>(shapes: &[S]) -> f64 { shapes.iter().map(|s| s.area()).sum() }
fn apply_n<F: FnMut() -> i32>(n: usize, mut f: F) -> Vec<i32> { (0..n).map(|_| f()).collect() }
fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C { move |x| g(f(x)) }
fn make_adder(k: i32) -> impl Fn(i32) -> i32 { move |x| x + k }
fn make_counter() -> impl FnMut() -> u32 { let mut c = 0; move || { c += 1; c * c } }
fn call_once<F: FnOnce() -> String>(f: F) -> String { f() }

struct Button<'a> { label: &'a str, on_click: Box<dyn Fn(&str) -> String + 'a> }

fn main() {
    println!("{}", Sq(1.5).describe());
    println!("{}", Tri(3.0, 4.0).describe());
    println!("total {:.2}", total_area(&[Sq(1.0), Sq(2.0), Sq(3.0)]));
    println!("{} {} {:?}", 21.double(), 1.25f32.double(), V2 { x: 1, y: 2 }.double());
    let mut v = V2 { x: 3, y: -4 };
    v += V2 { x: 1, y: 1 } * 10;
    println!("{:?} {:?} {:?}", v, -v, V2::default() + v);
    let mut g = Grid { w: 3, cells: vec![0; 9] };
    g[(1, 2)] = 7;
    g[(2, 0)] += 5;
    println!("{:?} {}", g.cells, g[(1, 2)]);
    let e = Evens(5);
    println!("{:?} {:?}", e.items(), e.first());
    let mut state = 10;
    let seq = apply_n(5, || { state -= 3; state * 2 });
    println!("{:?} state={}", seq, state);
    let f = compose(|x: i32| x * 3, |y: i32| format!("<{}>", y));
    let h = compose(make_adder(100), |y| y as f64 / 8.0);
    println!("{} {} {}", f(7), h(4), make_adder(-1)(1));
    let mut ctr = make_counter();
    println!("{} {} {}", ctr(), ctr(), ctr());
    let owned = String::from("moved string");
    let s = call_once(move || owned + "!");
    println!("{}", s);
    let prefix = String::from("clicked");
    let b = Button { label: "ok", on_click: Box::new(|who| format!("{} by {}", prefix, who)) };
    println!("{}: {}", b.label, (b.on_click)("alice"));
    let mut log = Vec::new();
    let mut push = |x: i32| log.push(x * x);
    push(3);
    push(4);
    println!("{:?}", log);
    let fns: [fn(f64) -> f64; 4] = [f64::sqrt, f64::abs, |x| x * 2.0, f64::recip];
    println!("{:?}", fns.iter().map(|f| f(16.0)).collect::<Vec<_>>());
    let mut sorters: Vec<(&str, Box<dyn Fn(&i32, &i32) -> std::cmp::Ordering>)> = Vec::new();
    sorters.push(("asc", Box::new(|a, b| a.cmp(b))));
    sorters.push(("desc", Box::new(|a, b| b.cmp(a))));
    sorters.push(("abs", Box::new(|a: &i32, b: &i32| a.abs().cmp(&b.abs()).then(a.cmp(b)))));
    for (name, f) in &sorters {
        let mut d = vec![3, -1, 4, -1, 5, -9, 2, 6];
        d.sort_by(|a, b| f(a, b));
        println!("{} {:?}", name, d);
    }
    let memo = {
        let mut cache = std::collections::BTreeMap::new();
        move |n: u64| -> u64 { *cache.entry(n).or_insert_with(|| (1..=n).product()) }
    };
    let mut memo = memo;
    println!("{} {} {}", memo(10), memo(5), memo(20));
}
