// Enums and match: a recursive expression interpreter (Box), a many-armed
// match (switch), range and guard patterns, enums with data, niche-optimised
// Option layouts, Rc/Weak/RefCell trees and mutual recursion.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

#[derive(Debug, Clone)]
enum Expr {
    Num(i64),
    Var(&'static str),
    Neg(Box<Expr>),
    Bin(Op, Box<Expr>, Box<Expr>),
    Let(&'static str, Box<Expr>, Box<Expr>),
    If(Box<Expr>, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Lt,
    Eq,
}

fn eval(e: &Expr, env: &mut Vec<(&'static str, i64)>) -> Result<i64, String> {
    Ok(match e {
        Expr::Num(n) => *n,
        Expr::Var(v) => env.iter().rev().find(|(k, _)| k == v).map(|(_, x)| *x).ok_or(format!("unbound {}", v))?,
        Expr::Neg(a) => -eval(a, env)?,
        Expr::Bin(op, a, b) => {
            let (x, y) = (eval(a, env)?, eval(b, env)?);
            match op {
                Op::Add => x.wrapping_add(y),
                Op::Sub => x.wrapping_sub(y),
                Op::Mul => x.wrapping_mul(y),
                Op::Div if y == 0 => return Err("division by zero".into()),
                Op::Div => x / y,
                Op::Lt => (x < y) as i64,
                Op::Eq => (x == y) as i64,
            }
        }
        Expr::Let(name, v, body) => {
            let x = eval(v, env)?;
            env.push((name, x));
            let r = eval(body, env);
            env.pop();
            r?
        }
        Expr::If(c, t, f) => {
            if eval(c, env)? != 0 {
                eval(t, env)?
            } else {
                eval(f, env)?
            }
        }
    })
}

fn num(n: i64) -> Box<Expr> {
    Box::new(Expr::Num(n))
}
fn var(v: &'static str) -> Box<Expr> {
    Box::new(Expr::Var(v))
}
fn bin(op: Op, a: Box<Expr>, b: Box<Expr>) -> Box<Expr> {
    Box::new(Expr::Bin(op, a, b))
}

fn classify(c: char) -> &'static str {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' => "vowel",
        'a'..='z' => "consonant",
        'A'..='Z' => "upper",
        '0'..='9' => "digit",
        ' ' | '\t' | '\n' => "space",
        '\u{80}'..='\u{10ffff}' => "non-ascii",
        _ => "punct",
    }
}

fn month_days(m: u8, leap: bool) -> Option<u8> {
    match m {
        1 => Some(31),
        2 if leap => Some(29),
        2 => Some(28),
        3 => Some(31),
        4 => Some(30),
        5 => Some(31),
        6 => Some(30),
        7 => Some(31),
        8 => Some(31),
        9 => Some(30),
        10 => Some(31),
        11 => Some(30),
        12 => Some(31),
        _ => None,
    }
}

fn is_even(n: u32) -> bool {
    if n == 0 { true } else { is_odd(n - 1) }
}
fn is_odd(n: u32) -> bool {
    if n == 0 { false } else { is_even(n - 1) }
}

fn ackermann(m: u64, n: u64) -> u64 {
    match (m, n) {
        (0, n) => n + 1,
        (m, 0) => ackermann(m - 1, 1),
        (m, n) => ackermann(m - 1, ackermann(m, n - 1)),
    }
}

#[derive(Debug)]
struct Node {
    name: String,
    parent: RefCell<Weak<Node>>,
    children: RefCell<Vec<Rc<Node>>>,
}

fn node(name: &str) -> Rc<Node> {
    Rc::new(Node { name: name.to_string(), parent: RefCell::new(Weak::new()), children: RefCell::new(Vec::new()) })
}

fn adopt(parent: &Rc<Node>, child: Rc<Node>) {
    *child.parent.borrow_mut() = Rc::downgrade(parent);
    parent.children.borrow_mut().push(child);
}

fn path(n: &Rc<Node>) -> String {
    match n.parent.borrow().upgrade() {
        Some(p) => format!("{}/{}", path(&p), n.name),
        None => n.name.clone(),
    }
}

fn main() {
    let prog = Expr::Let(
        "x",
        bin(Op::Mul, num(6), num(7)),
        Box::new(Expr::If(
            bin(Op::Lt, var("x"), num(50)),
            Box::new(Expr::Let("y", bin(Op::Sub, var("x"), num(2)), bin(Op::Div, var("y"), Box::new(Expr::Neg(num(4)))))),
            num(0),
        )),
    );
    let mut env = Vec::new();
    println!("eval = {:?}", eval(&prog, &mut env));
    println!("unbound = {:?}", eval(&bin(Op::Add, var("zz"), num(1)), &mut env));
    println!("div0 = {:?}", eval(&bin(Op::Div, num(1), bin(Op::Sub, num(3), num(3))), &mut env));
    println!("eq = {:?}", eval(&bin(Op::Eq, num(3), num(3)), &mut env));
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in "Hello, Wörld! 42 times\tover".chars() {
        *counts.entry(classify(c)).or_default() += 1;
    }
    println!("classes {:?}", counts);
    let year: Vec<u8> = (0..=13).map(|m| month_days(m, false).unwrap_or(0)).collect();
    println!("days {:?} leap feb {:?}", year, month_days(2, true));
    println!("even/odd {} {} {}", is_even(10), is_odd(7), is_even(33));
    println!("ackermann(2,3)={} (3,3)={}", ackermann(2, 3), ackermann(3, 3));
    println!("sizes: Option<Box<i32>>={} Option<u32>={} Option<char>={} Expr={}", std::mem::size_of::<Option<Box<i32>>>(), std::mem::size_of::<Option<u32>>(), std::mem::size_of::<Option<char>>(), std::mem::size_of::<Expr>());
    let root = node("root");
    let usr = node("usr");
    let bin_ = node("bin");
    adopt(&root, usr.clone());
    adopt(&usr, bin_.clone());
    adopt(&usr, node("lib"));
    println!("path {} children {} strong {} weak {}", path(&bin_), usr.children.borrow().len(), Rc::strong_count(&usr), Rc::weak_count(&usr));
    drop(root);
    println!("after drop: parent alive = {}", usr.parent.borrow().upgrade().is_some());
    let opts = [Some(3u8), None, Some(250)];
    for o in opts {
        let s = match o {
            Some(x @ 0..=9) => format!("small {}", x),
            Some(x) if x > 200 => format!("big {}", x),
            Some(x) => format!("mid {}", x),
            None => "none".to_string(),
        };
        println!("{}", s);
    }
}
