//! Shapes behind a trait object, a generic container, and a derived
//! description.
use shapes_derive::Describe;
use std::fmt;

/// Something with an area.
pub trait Shape: fmt::Debug {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        format!("{:?}", self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Describe)]
pub struct Circle {
    pub r: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Describe)]
pub struct Rect {
    pub w: f64,
    pub h: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.r * self.r
    }
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn name(&self) -> String {
        format!("Rect {}x{}", self.w, self.h)
    }
}

/// A stack of shapes kept sorted by area.
///
/// ```
/// use shapes::{Circle, Rect, Stack};
/// let mut s = Stack::new();
/// s.push(Box::new(Rect { w: 2.0, h: 3.0 }));
/// s.push(Box::new(Circle { r: 1.0 }));
/// assert_eq!(s.largest().unwrap().name(), "Rect 2x3");
/// ```
///
/// Taking from an empty stack panics:
///
/// ```should_panic
/// shapes::Stack::new().take_largest();
/// ```
///
/// Only shapes go in:
///
/// ```compile_fail
/// shapes::Stack::new().push(Box::new(3u8));
/// ```
#[derive(Debug, Default)]
pub struct Stack {
    items: Vec<Box<dyn Shape>>,
}

impl Stack {
    pub fn new() -> Self {
        Stack { items: Vec::new() }
    }
    pub fn push(&mut self, s: Box<dyn Shape>) {
        let at = self.items.partition_point(|x| x.area() <= s.area());
        self.items.insert(at, s);
    }
    pub fn largest(&self) -> Option<&dyn Shape> {
        self.items.last().map(|b| b.as_ref())
    }
    pub fn take_largest(&mut self) -> Box<dyn Shape> {
        self.items.pop().expect("the stack is empty")
    }
    pub fn total_area(&self) -> f64 {
        self.items.iter().map(|s| s.area()).sum()
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// The largest of any comparable values, generic over the item type.
pub fn largest<T: PartialOrd + Copy>(xs: &[T]) -> Option<T> {
    let mut it = xs.iter().copied();
    let first = it.next()?;
    Some(it.fold(first, |a, b| if b > a { b } else { a }))
}

/// Pairs each item with its running total.
pub fn running<T>(xs: &[T]) -> Vec<(T, T)>
where
    T: Copy + std::ops::Add<Output = T> + Default,
{
    let mut acc = T::default();
    xs.iter()
        .map(|&x| {
            acc = acc + x;
            (x, acc)
        })
        .collect()
}

pub fn describe_all() -> Vec<String> {
    vec![Circle::describe(), Rect::describe()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_orders_by_area() {
        let mut s = Stack::new();
        s.push(Box::new(Circle { r: 2.0 }));
        s.push(Box::new(Rect { w: 1.0, h: 1.0 }));
        s.push(Box::new(Rect { w: 10.0, h: 10.0 }));
        assert_eq!(s.take_largest().name(), "Rect 10x10");
        assert_eq!(s.largest().unwrap().name(), "Circle { r: 2.0 }");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn generics() {
        assert_eq!(largest(&[3, 9, 2]), Some(9));
        assert_eq!(largest(&[1.5f32, -2.0]), Some(1.5));
        assert_eq!(largest::<u8>(&[]), None);
        assert_eq!(running(&[1u64, 2, 3]), vec![(1, 1), (2, 3), (3, 6)]);
    }

    #[test]
    fn derived_descriptions() {
        assert_eq!(describe_all(), vec!["Circle [\"r\"]", "Rect [\"w\", \"h\"]"]);
    }

    #[test]
    #[should_panic(expected = "the stack is empty")]
    fn empty_stack_panics() {
        Stack::new().take_largest();
    }

    #[test]
    #[ignore]
    fn ignored_test() {
        unreachable!();
    }
}
