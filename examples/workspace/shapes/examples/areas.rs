//! Prints the areas of a few shapes, largest first.
use shapes::{Circle, Rect, Stack};

fn main() {
    let mut s = Stack::new();
    for k in 1..=4 {
        s.push(Box::new(Circle { r: k as f64 * 0.75 }));
        s.push(Box::new(Rect { w: k as f64, h: 2.5 }));
    }
    println!("total {:.4}", s.total_area());
    while !s.is_empty() {
        let x = s.take_largest();
        println!("{:>28} {:9.4}", x.name(), x.area());
    }
}
