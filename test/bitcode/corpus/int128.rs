// i128/u128 arithmetic: add/sub/mul/div/rem, shifts, comparisons, checked,
// wrapping and saturating ops, bit counting, formatting, parsing, float casts.
use std::hint::black_box;

fn fib128(n: u32) -> u128 {
    let (mut a, mut b) = (0u128, 1u128);
    for _ in 0..n {
        let t = a.wrapping_add(b);
        a = b;
        b = t;
    }
    a
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a.abs()
}

fn isqrt(n: u128) -> u128 {
    if n < 2 {
        return n;
    }
    let mut x = n;
    let mut y = x / 2 + (x & 1);
    while y < x {
        x = y;
        y = (x + n / x) / 2;
    }
    x
}

fn main() {
    let a: u128 = black_box(0x0123_4567_89ab_cdef_fedc_ba98_7654_3210);
    let b: u128 = black_box(0xffff_0000_ffff_0000_1234_5678);
    println!("add {:#x}", a.wrapping_add(b));
    println!("sub {:#x}", a.wrapping_sub(b));
    println!("mul {:#x}", a.wrapping_mul(b));
    println!("div {} rem {}", a / b, a % b);
    println!("shl {:#x} shr {:#x}", a << black_box(67u32), a >> black_box(13u32));
    println!("and {:#x} or {:#x} xor {:#x} not {:#x}", a & b, a | b, a ^ b, !a);
    let s: i128 = black_box(-170141183460469231731687303715884105728);
    let t: i128 = black_box(98765432109876543210987654321);
    println!("signed {} {} {}", s, t, s / black_box(-3));
    println!("signed rem {} sar {}", t % black_box(-1_000_000_007), s >> black_box(100u32));
    println!("cmp {} {} {} {}", s < t, a > b, t >= t, (s as u128) > a);
    println!("checked {:?} {:?} {:?}", a.checked_mul(b), t.checked_mul(7), s.checked_neg());
    println!("saturating {} {}", u128::MAX.saturating_add(a), s.saturating_sub(t));
    println!("overflowing {:?}", i128::MAX.overflowing_add(1));
    println!("bits lz={} tz={} ones={} swap={:#x} rev={:#x}", b.leading_zeros(), b.trailing_zeros(), a.count_ones(), a.swap_bytes(), b.reverse_bits());
    println!("rotate {:#x} {:#x}", a.rotate_left(17), a.rotate_right(90));
    println!("pow {} {:?}", 3u128.pow(80), 10i128.checked_pow(39));
    println!("fib 150 = {}", fib128(150));
    println!("fib 186 = {}", fib128(186));
    println!("gcd {}", gcd(t, 1234567890123456789012345678));
    println!("isqrt {} {}", isqrt(u128::MAX), isqrt(10u128.pow(30)));
    let parsed: i128 = "-123456789012345678901234567890".parse().unwrap();
    let up: u128 = u128::from_str_radix("ffffffffffffffffffffffffffffff", 16).unwrap();
    println!("parsed {} {} {:o} {:b}", parsed, up, up >> 90, up >> 100);
    println!("widen {} {} {}", u64::MAX as u128 * u64::MAX as u128, i64::MIN as i128 * 3, (a as u64) as i128);
    println!("floats {} {} {} {}", a as f64, s as f32, 1.5e30f64 as u128, -2.5e20f64 as i128);
    println!("float sat {} {}", f64::MAX as u128, f64::NEG_INFINITY as i128);
    let m = (u64::MAX as u128).wrapping_mul(black_box(u64::MAX as u128));
    println!("hi {} lo {}", (m >> 64) as u64, m as u64);
    let mut acc = 1u128;
    for i in 1..=30u128 {
        acc = acc.wrapping_mul(i) ^ (acc >> 7);
    }
    println!("mix {:#034x} {:>45}", acc, acc as i128);
    println!("abs_diff {} signum {} {}", s.unsigned_abs(), t.signum(), s.rem_euclid(97));
}
