// Floating-point math on f32 and f64: the four operations and remainder,
// negation, sqrt, sin/cos/tan, exp/exp2/ln/log2/log10, powi/powf, mul_add
// (fma), hypot, atan2, cbrt, floor/ceil/round/round_ties_even/trunc/fract,
// f32<->f64 conversion, printed as exact bits and shortest decimals.
use std::hint::black_box;

fn p64(name: &str, x: f64) { println!("{:<10} {:?} {:#018x}", name, x, x.to_bits()); }
fn p32(name: &str, x: f32) { println!("{:<10} {:?} {:#010x}", name, x, x.to_bits()); }

fn main() {
    let xs64 = [0.5f64, -2.25, 3.0, 1e-300, 1e300, -0.0, 7.389056098930650];
    for &x in &xs64 {
        let x = black_box(x);
        let y = black_box(1.75f64);
        println!("x={:?}", x);
        p64("add", x + y); p64("sub", x - y); p64("mul", x * y); p64("div", x / y); p64("rem", x % y); p64("neg", -x);
        p64("sqrt", x.abs().sqrt()); p64("sin", x.sin()); p64("cos", x.cos()); p64("tan", x.tan());
        p64("exp", x.exp()); p64("exp2", x.exp2()); p64("ln", x.abs().ln()); p64("log2", x.abs().log2()); p64("log10", x.abs().log10());
        p64("powi3", x.powi(3)); p64("powi-2", x.powi(-2)); p64("powf", x.abs().powf(0.37)); p64("mul_add", x.mul_add(y, 0.125));
        p64("hypot", x.hypot(y)); p64("atan2", x.atan2(y)); p64("cbrt", x.cbrt()); p64("asinh", x.asinh());
        p64("floor", (x * 3.3).floor()); p64("ceil", (x * 3.3).ceil()); p64("round", (x * 3.3).round());
        p64("rte", (x * 3.3).round_ties_even()); p64("trunc", (x * 3.3).trunc()); p64("fract", (x * 3.3).fract());
        p64("to_f32", x as f32 as f64);
    }
    let xs32 = [0.5f32, -2.5, 3.0, 1e-30, 1e30, 16777216.0, -7.25];
    for &x in &xs32 {
        let x = black_box(x);
        let y = black_box(0.3f32);
        println!("x={:?}", x);
        p32("add", x + y); p32("sub", x - y); p32("mul", x * y); p32("div", x / y); p32("rem", x % y); p32("neg", -x);
        p32("sqrt", x.abs().sqrt()); p32("sin", x.sin()); p32("cos", x.cos()); p32("exp", x.exp()); p32("ln", x.abs().ln());
        p32("log2", x.abs().log2()); p32("log10", x.abs().log10()); p32("powi", x.powi(5)); p32("powf", x.abs().powf(1.5));
        p32("mul_add", x.mul_add(y, -1.0)); p32("floor", x.floor()); p32("ceil", (x * 1.1).ceil());
        p32("round", (x + 0.5).round()); p32("rte", (x + 0.5).round_ties_even()); p32("trunc", (x * 1.7).trunc());
        p32("abs", x.abs()); p32("recip", x.recip()); p32("to_deg", x.to_degrees());
    }
    // Accumulation: order of operations must be exactly IEEE.
    let mut s = 0.0f64;
    let mut c = 0.0f64;
    for i in 1..=100_000 {
        let t = 1.0 / (i as f64 * i as f64);
        let yk = t - c;
        let tk = s + yk;
        c = (tk - s) - yk;
        s = tk;
    }
    p64("kahan", s);
    let pi_est: f64 = (0..1000).map(|k| { let k = k as f64; (if (k as i64) % 2 == 0 { 4.0 } else { -4.0 }) / (2.0 * k + 1.0) }).sum();
    p64("leibniz", pi_est);
    let mut x = 1.0f32;
    for _ in 0..30 { x = x * 1.1 - 0.05; }
    p32("iter32", x);
    p64("fma-exact", black_box(0.1f64).mul_add(10.0, -1.0));
    p64("mul-round", black_box(0.1f64) * 10.0 - 1.0);
    p64("sub-norm", black_box(f64::MIN_POSITIVE) / 3.0);
    p32("f32-sub", black_box(f32::MIN_POSITIVE) / 7.0);
    p64("sqrt2", black_box(2.0f64).sqrt());
    p64("powi0", black_box(0.0f64).powi(0));
    p64("exp-big", black_box(800.0f64).exp());
    p64("ln0", black_box(0.0f64).ln());
    p64("sqrt-neg", black_box(-1.0f64).sqrt().abs());
}
