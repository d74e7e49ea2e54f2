// Formatting: every flag of the format-spec grammar (fill, align, sign, '#',
// '0', width, precision, '*', positional and named arguments, every radix),
// Debug and pretty Debug of nested structures, and custom Display impls that
// honour the formatter's options.
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Debug)]
enum Shape {
    Circle { center: Point, r: u16 },
    Poly(Vec<Point>),
    Empty,
}

#[derive(Debug)]
struct Unit;

#[derive(Debug)]
struct Tuple(u8, &'static str, Option<char>);

struct Money(i64);
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let s = format!("{}.{:02}", self.0 / 100, (self.0 % 100).abs());
        if f.alternate() {
            write!(f, "EUR ")?;
        }
        f.pad_integral(self.0 >= 0, "$", s.trim_start_matches('-'))
    }
}

struct Name(&'static str);
impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.pad(self.0)
    }
}

struct Opts;
impl fmt::Display for Opts {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "w={:?} p={:?} fill={:?} plus={} minus={} alt={} zero={}",
            f.width(),
            f.precision(),
            f.fill(),
            f.sign_plus(),
            f.sign_minus(),
            f.alternate(),
            f.sign_aware_zero_pad()
        )
    }
}

fn main() {
    let n = 255i32;
    let neg = -42i64;
    println!("[{}] [{:5}] [{:<5}] [{:>5}] [{:^5}] [{:*^7}] [{:->6}]", n, n, n, n, n, n, n);
    println!("[{:+}] [{:+}] [{:05}] [{:+06}] [{:<05}] [{:^+8}]", n, neg, neg, n, n, neg);
    println!("[{:x}] [{:X}] [{:#x}] [{:#X}] [{:o}] [{:#o}] [{:b}] [{:#b}]", n, n, n, n, n, n, n, n);
    println!("[{:#010x}] [{:#010b}] [{:08X}] [{:x}] [{:b}]", n, 5u8, 0xbeefu16, -1i8, -2i16);
    println!("[{:x}] [{:#X}] [{:o}]", u128::MAX, i128::MIN, u64::MAX);
    println!("[{:e}] [{:E}] [{:e}] [{:e}] [{:E}]", 1234567u32, 1200u64, 0u8, -1500i32, 10u128.pow(30));
    let w = 9;
    let p = 3;
    println!("[{:w$}] [{:>w$.p$}] [{:.*}]", 7, 12.0, 2, 1.0f64 / 3.0);
    println!("[{:>1$.2$}]", 2.0f64 / 3.0, 10, 4);
    println!("[{:1$}] [{:>1$}]", 5, 6);
    println!("[{0}-{1}-{0}] [{a}{b}{a}] [{a:>4}] [{0:?}]", "x", "y", a = 1, b = "two");
    println!("[{:.3}] [{:10.3}] [{:<10.1}] [{:+.0}] [{:08.2}] [{:+08.2}]", 2.0f64.sqrt(), -1.5f32, 9.99, 2.5, -3.14159, 3.14159);
    println!("[{:5}] [{:<5}] [{:^5}] [{:>5}] [{:.2}] [{:>6.2}]", "ab", "ab", "ab", "ab", "abcdef", "abcdef");
    println!("[{:5}] [{:^5}] [{:?}] [{:?}] [{:5?}]", 'c', 'c', 'c', '\n', 'q');
    println!("[{}] [{:>6}] [{:<6}] [{:?}]", true, false, true, "quote\"tab\t\u{7f}é");
    let pt = Point { x: 1, y: -2 };
    let shapes = vec![
        Shape::Circle { center: pt.clone(), r: 3 },
        Shape::Poly(vec![pt.clone(), Point { x: 3, y: 4 }]),
        Shape::Empty,
    ];
    println!("{:?}", shapes);
    println!("{:#?}", shapes);
    println!("{:?} {:?} {:#?}", Unit, Tuple(7, "s", Some('z')), Tuple(0, "", None));
    println!("{:?} {:?} {:?}", (1, 2.5, "t"), [Some(1), None], ((), ((),)));
    println!("{:5?}|{:<8?}|{:+?}|{:#x?}|{:#?}", 42, Some(1), 3, [10, 255], (1u8,));
    println!("[{}] [{:>12}] [{:<12}] [{:+}] [{:#}] [{:^14}] [{:012}]", Money(1234), Money(-5), Money(7), Money(1), Money(250), Money(-99), Money(-31415));
    println!("[{}] [{:>8}] [{:-<8}] [{:^8.3}]", Name("bob"), Name("bob"), Name("bob"), Name("roberta"));
    println!("{}", Opts);
    println!("{:>+#012.5}", Opts);
    println!("{:_<3}", Opts);
    let s = format!("{:>width$}|{:<width$}|", "r", "l", width = 4);
    println!("{} len={}", s, s.len());
    let mut buf = String::new();
    use std::fmt::Write;
    for i in 0..5 {
        write!(buf, "{i:>3}:{sq:<4}", sq = i * i).unwrap();
    }
    writeln!(buf, "end").unwrap();
    print!("{}", buf);
    println!("{{literal}} {{{}}}", 5);
    println!("{:?}", format_args!("{} {}", 1, 2).to_string());
    eprintln!("stderr line {:>4}", 12);
}
