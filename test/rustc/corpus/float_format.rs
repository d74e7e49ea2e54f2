// Float formatting and parsing: Display, Debug (shortest round-trip), {:e},
// {:E}, precision, rounding of halfway cases, special values, subnormals, f32
// against f64, and parse() of the printed text back to the same bits.
fn show64(x: f64) {
    println!(
        "{:?} | {} | {:e} | {:E} | {:.3} | {:.0} | {:+.2e} | {:12.4} | bits={:#018x}",
        x, x, x, x, x, x, x, x, x.to_bits()
    );
}

fn show32(x: f32) {
    println!("{:?} | {} | {:e} | {:.3} | {:.10} | bits={:#010x}", x, x, x, x, x, x.to_bits());
}

fn main() {
    let v64 = [
        0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 100.0, 1e15, 1e16, 1e17, 1e21, 1e22,
        1e-5, 1e-7, 123456789.125, 0.5, 1.5, 2.5, -2.5, 0.125, 0.000123, 6.02214076e23, 1.7976931348623157e308,
        f64::MIN_POSITIVE, 5e-324, 2.2250738585072009e-308, f64::EPSILON, f64::INFINITY, f64::NEG_INFINITY,
        f64::NAN, std::f64::consts::PI, std::f64::consts::E, 9007199254740993.0, 0.3, 299792458.0,
    ];
    for &x in &v64 {
        show64(x);
    }
    let v32 = [
        0.0f32, -0.0, 1.0, 0.1, 1.0 / 3.0, 16777217.0, 3.4028235e38, 1e-45, f32::MIN_POSITIVE, f32::EPSILON,
        f32::NAN, -f32::INFINITY, 2.5, 1234.5678, 7e-10,
    ];
    for &x in &v32 {
        show32(x);
    }
    // Halfway rounding at a given precision (round-half-to-even on the exact decimal value).
    for x in [0.125f64, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, 3.5, -0.5, 1e-10] {
        println!("{:.2} {:.1} {:.0} {:.20}", x, x, x, x);
    }
    // Parsing: every printed Debug string parses back to the same bits.
    let mut ok = 0;
    for &x in &v64 {
        let s = format!("{:?}", x);
        let y: f64 = s.parse().unwrap();
        if y.to_bits() == x.to_bits() || (x.is_nan() && y.is_nan()) {
            ok += 1;
        } else {
            println!("mismatch {} -> {:?}", s, y);
        }
    }
    println!("round trips: {}/{}", ok, v64.len());
    for s in ["1e10", "-0", "inf", "-infinity", "NaN", "1.", ".5", "0x10", "1e400", "1e-400", "  3", "2.5E-3", "+7"] {
        println!("{:?} -> {:?} / {:?}", s, s.parse::<f64>(), s.parse::<f32>());
    }
    let mut acc = 0.0f64;
    for i in 1..=20 {
        acc += 1.0 / (i as f64);
        print!("{:.6} ", acc);
    }
    println!();
    let sum32: f32 = (1..=100).map(|i| 1.0f32 / i as f32).sum();
    println!("harmonic32={} harmonic32e={:e}", sum32, sum32);
}
