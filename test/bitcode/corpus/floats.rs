// Floating point: f32/f64 arithmetic and libm functions, casts in every
// direction (saturating), classification, parsing and formatting.
use std::hint::black_box;

fn newton_sqrt(x: f64) -> f64 {
    let mut g = x / 2.0;
    for _ in 0..30 {
        g = 0.5 * (g + x / g);
    }
    g
}

fn integrate(f: fn(f64) -> f64, a: f64, b: f64, n: u32) -> f64 {
    let h = (b - a) / n as f64;
    let mut s = 0.5 * (f(a) + f(b));
    for i in 1..n {
        s += f(a + i as f64 * h);
    }
    s * h
}

fn main() {
    let x: f64 = black_box(2.75);
    let y: f32 = black_box(-1.125);
    println!("arith {} {} {} {} {}", x + 1.0, x - 10.5, x * x, x / 3.0, x % 1.0);
    println!("arith32 {} {} {} {}", y + 0.5, y * 3.0, y / 7.0, -y);
    println!("sqrt {} {:.6} {}", x.sqrt(), newton_sqrt(2.0), (y as f32).abs().sqrt());
    println!("trig {:.12} {:.12} {:.12} {:.12}", x.sin(), x.cos(), x.tan(), x.atan2(-1.0));
    println!("exp {:.10} {:.10} {:.10} {:.10}", x.exp(), x.ln(), x.log10(), x.log2());
    println!("pow {} {:.10} {} {:.10}", x.powi(5), x.powf(0.3), y.powi(-2), 2f32.powf(y));
    println!("round {} {} {} {} {}", x.floor(), x.ceil(), x.round(), (-x).trunc(), 2.5f64.round_ties_even());
    println!("fma {} {} min {} max {}", x.mul_add(2.0, 1.0), y.mul_add(y, y), x.min(f64::NAN), y.max(-3.0));
    println!("misc {} {} {} {}", x.copysign(-0.0), y.signum(), x.fract(), x.hypot(4.0));
    println!("integrate sin 0..pi = {:.9}", integrate(f64::sin, 0.0, std::f64::consts::PI, 1000));
    let vals = [0.0f64, -0.0, 1.0 / 3.0, 1e300, 1e-310, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -7.99, 255.5, 3e9];
    for v in vals {
        println!(
            "{:e} {:?} cls={:?} i8={} u8={} i32={} u32={} i64={} u64={} f32={}",
            v, v, v.classify(), v as i8, v as u8, v as i32, v as u32, v as i64, v as u64, v as f32
        );
    }
    let ints = [0i64, 1, -1, i64::MAX, i64::MIN, 1 << 53, (1 << 53) + 1, 123456789];
    for i in ints {
        println!("{} -> f64 {} f32 {} u64->f64 {}", i, i as f64, i as f32, i as u64 as f64);
    }
    println!("u8 {} i16 {} u32 {}", 200u8 as f32, -300i16 as f64, u32::MAX as f32);
    println!("bits {:#x} {:#x} from {} {}", x.to_bits(), y.to_bits(), f64::from_bits(0x4009_21fb_5444_2d18), f32::from_bits(0x7f7f_ffff));
    let parsed: Vec<f64> = ["3.14", "-0", "1e-5", "inf", "nan", "2.5E10"].iter().map(|s| s.parse().unwrap()).collect();
    println!("parsed {:?}", parsed);
    println!("fmt {:.0} {:10.3} {:<10.2}| {:+} {:e} {:E}", 0.5f64, -3.14159, 2.0f32, 1.0f64, 1234.5f32, 0.00012f64);
    println!("cmp {} {} {} {} {}", f64::NAN == f64::NAN, 0.0 == -0.0, x < f64::INFINITY, f64::NAN < 1.0, 1.0f32.total_cmp(&-0.0) as i8);
    println!("consts {} {} {} {}", f32::EPSILON, f64::MIN_POSITIVE, f32::MAX, std::f32::consts::E);
    let mut acc = 0.0f32;
    for i in 1..=100 {
        acc += 1.0 / (i as f32 * i as f32);
    }
    println!("basel {} {}", acc, (acc * 6.0).sqrt());
    println!("clamp {} {}", 7.5f64.clamp(0.0, 5.0), (-1.5f32).clamp(-1.0, 1.0));
}
