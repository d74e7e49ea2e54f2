// Floating-point edge semantics: min/max with NaN (minnum/maxnum), copysign,
// abs and neg of -0.0 and NaN payloads, signum, classify, is_finite and
// friends, NaN comparisons with every predicate, clamp, total_cmp, from_bits
// round trips, and infinity arithmetic.
use std::hint::black_box;
use std::num::FpCategory;

fn main() {
    let nan = black_box(f64::NAN);
    let vals = [1.0f64, -1.0, 0.0, -0.0, f64::INFINITY, f64::NEG_INFINITY, nan, 5e-324, 2.0];
    for &a in &vals {
        for &b in &[nan, -0.0, 1.5] {
            let (a, b) = (black_box(a), black_box(b));
            println!(
                "{:?} {:?}: min={:?} max={:?} copysign={:?} eq={} ne={} lt={} le={} gt={} ge={} ord={:?}",
                a, b, a.min(b), a.max(b), a.copysign(b), a == b, a != b, a < b, a <= b, a > b, a >= b, a.partial_cmp(&b)
            );
        }
        let c = match a.classify() { FpCategory::Nan => "nan", FpCategory::Infinite => "inf", FpCategory::Zero => "zero", FpCategory::Subnormal => "sub", FpCategory::Normal => "norm" };
        println!(
            "  {:?} abs={:?} neg={:?} signum={:?} cls={} finite={} inf={} nan={} normal={} sign+={} sign-={} bits={:#x}",
            a, a.abs(), -a, a.signum(), c, a.is_finite(), a.is_infinite(), a.is_nan(), a.is_normal(), a.is_sign_positive(), a.is_sign_negative(), a.to_bits()
        );
    }
    let f32s = [1.0f32, -0.0, f32::NAN, f32::INFINITY, -3.5, 1e-45];
    for &a in &f32s {
        let a = black_box(a);
        let b = black_box(-2.0f32);
        println!("f32 {:?}: min={:?} max={:?} cs={:?} abs={:?} neg_bits={:#x} signum={:?} clamp={:?}", a, a.min(b), a.max(b), a.copysign(b), a.abs(), (-a).to_bits(), a.signum(), if a.is_nan() { a } else { a.clamp(-1.0, 1.0) });
    }
    // NaN payloads survive moves, abs, neg and copysign (pure bit operations).
    let payload = f64::from_bits(0x7ff8_0000_dead_beef);
    let p = black_box(payload);
    println!("{:#x} {:#x} {:#x} {:#x}", p.to_bits(), (-p).to_bits(), (-p).abs().to_bits(), p.copysign(-1.0).to_bits());
    let p32 = black_box(f32::from_bits(0x7fc0_1234));
    println!("{:#x} {:#x} {:#x}", p32.to_bits(), (-p32).to_bits(), p32.abs().to_bits());
    let inf = black_box(f64::INFINITY);
    println!("{:?} {:?} {:?} {:?} {:?}", inf - inf, inf * 0.0, 1.0 / black_box(0.0f64), -1.0 / black_box(0.0f64), 1.0 / black_box(-0.0f64));
    println!("{:?} {:?} {:?}", (inf - inf).is_sign_negative(), black_box(0.0f64) / black_box(0.0f64) == f64::NAN, 0.0f64 == -0.0);
    println!("{:?} {:?}", f64::MAX + f64::MAX, f64::MAX * -2.0);
    println!("{:?} {:?}", f64::from_bits(1), f32::from_bits(0x7f7f_ffff));
    let mut v = vec![3.0, nan, -0.0, 0.0, -inf, 1.0, -nan, inf];
    v.sort_by(f64::total_cmp);
    println!("{:?}", v.iter().map(|x| format!("{:?}{}", x, if x.is_sign_negative() { "-" } else { "" })).collect::<Vec<_>>());
    println!("{:?} {:?}", v.iter().cloned().fold(f64::NAN, f64::max), v.iter().cloned().fold(f64::NAN, f64::min));
    println!("{:?} {:?}", 2.5f64.max(nan), nan.min(-7.0));
    println!("{:?} {:?} {:?}", 1.0f64.next_up(), (-0.0f64).next_down(), f64::MAX.next_up());
    println!("{:?} {:?}", 3.7f64.rem_euclid(-1.5), (-3.7f64).div_euclid(1.5));
    println!("{:?} {:?}", (0.1f32 + 0.2f32) == 0.3f32, (0.1f64 + 0.2f64) == 0.3f64);
}
