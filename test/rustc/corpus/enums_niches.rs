// Enums and niches: size_of of Option around references, Box, NonZero, bool,
// char and enums with spare discriminants; matches on nested enums with data,
// explicit discriminants (negative, u8, u64), C-like enum casts, guards and
// bindings, Option<Option<bool>> layouts and transmute-free inspection.
use std::mem::size_of;
use std::num::{NonZeroU32, NonZeroU8, NonZeroI64};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Dir { N, E, S, W }
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[repr(i16)]
enum Level { Low = -100, Mid = 0, High = 100, Max = 32000 }
#[derive(Debug, Clone, Copy)]
#[repr(u64)]
enum Wide { A = 1, B = 1 << 40, C = u64::MAX }

#[derive(Debug, Clone, PartialEq)]
enum Expr { Num(i64), Neg(Box<Expr>), Add(Box<Expr>, Box<Expr>), Mul(Box<Expr>, Box<Expr>), Var(char), Let(char, Box<Expr>, Box<Expr>) }

fn eval(e: &Expr, env: &mut Vec<(char, i64)>) -> Result<i64, String> {
    Ok(match e {
        Expr::Num(n) => *n,
        Expr::Neg(x) => -eval(x, env)?,
        Expr::Add(a, b) => eval(a, env)? + eval(b, env)?,
        Expr::Mul(a, b) => eval(a, env)?.checked_mul(eval(b, env)?).ok_or("overflow")?,
        Expr::Var(c) => env.iter().rev().find(|(n, _)| n == c).map(|(_, v)| *v).ok_or(format!("unbound {}", c))?,
        Expr::Let(c, v, body) => { let x = eval(v, env)?; env.push((*c, x)); let r = eval(body, env); env.pop(); r? }
    })
}

#[derive(Debug)]
enum Msg { Quit, Move { x: i32, y: i32 }, Write(String), Color(u8, u8, u8), Batch(Vec<Msg>) }

fn handle(m: &Msg) -> String {
    match m {
        Msg::Quit => "quit".into(),
        Msg::Move { x: 0, y } => format!("vertical {}", y),
        Msg::Move { x, y: 0 } => format!("horizontal {}", x),
        Msg::Move { x, y } if x == y => format!("diagonal {}", x),
        Msg::Move { x, y } => format!("move {},{}", x, y),
        Msg::Write(s) if s.is_empty() => "empty write".into(),
        Msg::Write(s) => format!("write {} bytes", s.len()),
        Msg::Color(r, _, _) if *r > 200 => "reddish".into(),
        Msg::Color(r, g, b) => format!("#{:02x}{:02x}{:02x}", r, g, b),
        Msg::Batch(v) => format!("batch[{}]", v.iter().map(handle).collect::<Vec<_>>().join("; ")),
    }
}

fn classify(o: Option<Option<bool>>) -> u8 { match o { None => 0, Some(None) => 1, Some(Some(false)) => 2, Some(Some(true)) => 3 } }

fn main() {
    println!("sizes: &u8={} Option<&u8>={} Box={} Option<Box>={} NonZeroU32={} Option<NonZeroU32>={}",
        size_of::<&u8>(), size_of::<Option<&u8>>(), size_of::<Box<u64>>(), size_of::<Option<Box<u64>>>(), size_of::<NonZeroU32>(), size_of::<Option<NonZeroU32>>());
    println!("sizes: Option<bool>={} Option<Option<bool>>={} Option<char>={} Option<Dir>={} Option<Level>={} Wide={} Option<Wide>={}",
        size_of::<Option<bool>>(), size_of::<Option<Option<bool>>>(), size_of::<Option<char>>(), size_of::<Option<Dir>>(), size_of::<Option<Level>>(), size_of::<Wide>(), size_of::<Option<Wide>>());
    println!("sizes: Expr={} Msg={} Option<Msg>={} Result<u32,()>={} Option<Vec<u8>>={} Option<String>={}",
        size_of::<Expr>(), size_of::<Msg>(), size_of::<Option<Msg>>(), size_of::<Result<u32, ()>>(), size_of::<Option<Vec<u8>>>(), size_of::<Option<String>>());
    for o in [None, Some(None), Some(Some(false)), Some(Some(true))] { print!("{} ", classify(o)); }
    println!();
    let nz: Vec<Option<NonZeroU8>> = (0..4u8).map(NonZeroU8::new).collect();
    println!("{:?} {:?}", nz, NonZeroI64::new(-5).map(|x| x.get() * 2));
    let chars: Vec<Option<char>> = [0x41u32, 0xD800, 0x10FFFF, 0x110000].iter().map(|&c| char::from_u32(c)).collect();
    println!("{:?}", chars);
    let dirs = [Dir::N, Dir::E, Dir::S, Dir::W];
    println!("{:?}", dirs.iter().map(|d| (*d as u8, match d { Dir::N | Dir::S => 'v', _ => 'h' })).collect::<Vec<_>>());
    let levels = [Level::Low, Level::Mid, Level::High, Level::Max];
    println!("{:?} {:?}", levels.iter().map(|l| *l as i16).collect::<Vec<_>>(), Level::Low < Level::High);
    println!("{:?} {} {} {}", [Wide::A, Wide::B, Wide::C], Wide::A as u64, Wide::B as u64, Wide::C as u64);
    let prog = Expr::Let('x', Box::new(Expr::Add(Box::new(Expr::Num(3)), Box::new(Expr::Num(4)))),
        Box::new(Expr::Mul(Box::new(Expr::Var('x')), Box::new(Expr::Neg(Box::new(Expr::Var('x')))))));
    let mut env = Vec::new();
    println!("{:?} = {:?}", prog, eval(&prog, &mut env));
    println!("{:?}", eval(&Expr::Var('q'), &mut env));
    println!("{:?}", eval(&Expr::Mul(Box::new(Expr::Num(i64::MAX)), Box::new(Expr::Num(2))), &mut env));
    let msgs = vec![Msg::Quit, Msg::Move { x: 0, y: 5 }, Msg::Move { x: 3, y: 0 }, Msg::Move { x: 2, y: 2 }, Msg::Move { x: 1, y: 9 },
        Msg::Write(String::new()), Msg::Write("hello".into()), Msg::Color(250, 1, 1), Msg::Color(16, 32, 48),
        Msg::Batch(vec![Msg::Quit, Msg::Color(0, 0, 0)])];
    for m in &msgs { println!("{}", handle(m)); }
    let r: Result<Option<u8>, String> = Ok(Some(3));
    let t: Option<Result<u8, String>> = r.clone().transpose();
    println!("{:?} {:?}", r, t);
    let tup = (Some(1), Err::<u8, &str>("bad"), [Some('a'), None]);
    if let (Some(n @ 1..=5), Err(e), [Some(c), None]) = tup { println!("matched n={} e={} c={}", n, e, c); }
    let v = vec![1, 2, 3, 4, 5];
    match v.as_slice() { [a, b, rest @ ..] => println!("a={} b={} rest={:?}", a, b, rest), _ => {} }
    match &v[..] { [.., y, z] => println!("last two {} {}", y, z), _ => {} }
}
