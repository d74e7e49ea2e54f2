// i128/u128: arithmetic, multiplication and division across the 64-bit
// boundary (compiler-builtins libcalls), shifts by variable amounts,
// comparisons, radix formatting and parsing, overflow-checked operations,
// conversions to and from every width, and passing/returning by value.
use std::hint::black_box;

#[inline(never)]
fn mix(a: u128, b: u128, s: u32) -> (u128, u128, u128, u128) {
    (a.wrapping_mul(b), a / (b | 1), a % (b | 1), (a << (s % 128)) ^ (b >> ((s * 7) % 128)))
}

#[inline(never)]
fn smix(a: i128, b: i128) -> [i128; 5] {
    let d = if b == 0 { 1 } else { b };
    [a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b), a.wrapping_div(d), a.wrapping_rem(d)]
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Pair128 { lo: u128, hi: i128 }

#[inline(never)]
fn swap_pair(p: Pair128) -> Pair128 { Pair128 { lo: p.hi as u128, hi: p.lo as i128 } }

fn fib128(n: u32) -> u128 { let (mut a, mut b) = (0u128, 1u128); for _ in 0..n { let t = a + b; a = b; b = t; } a }

fn isqrt128(n: u128) -> u128 {
    if n < 2 { return n; }
    let mut x = n;
    let mut y = x / 2 + (x & 1);
    while y < x { x = y; y = (x + n / x) / 2; }
    x
}

fn main() {
    let vals: [u128; 8] = [0, 1, u64::MAX as u128, 1u128 << 64, (1u128 << 64) + 12345, u128::MAX, 0xDEAD_BEEF_CAFE_BABE_0123_4567_89AB_CDEF, 10u128.pow(38)];
    for (i, &a) in vals.iter().enumerate() {
        let b = vals[(i * 3 + 1) % vals.len()];
        let (m, d, r, s) = mix(black_box(a), black_box(b), i as u32 * 37);
        println!("{:x} {:x} -> mul={:x} div={} rem={} sh={:x}", a, b, m, d, r, s);
    }
    let svals: [i128; 6] = [i128::MIN, -1, 0, 7, -(10i128.pow(30)), i128::MAX];
    for &a in &svals {
        for &b in &[-3i128, 1 << 70, i128::MIN] {
            println!("{} {} {:?}", a, b, smix(black_box(a), black_box(b)));
        }
    }
    println!("fib(185)={} fib(100)={:#x}", fib128(185), fib128(100));
    println!("isqrt(max)={} isqrt(10^38)={}", isqrt128(u128::MAX), isqrt128(10u128.pow(38)));
    println!("{:?} {:?} {:?}", u128::MAX.checked_add(1), i128::MIN.checked_neg(), 5u128.checked_sub(6));
    println!("{:?} {:?} {:?}", i128::MAX.overflowing_mul(3), u128::MAX.overflowing_add(2), i128::MIN.overflowing_sub(1));
    println!("{} {} {}", i128::MIN.saturating_sub(1), u128::MAX.saturating_mul(2), i128::MAX.saturating_add(i128::MAX));
    println!("{:?} {:?}", (1u128 << 100).checked_mul(1 << 27), (1u128 << 100).checked_mul(1 << 28));
    println!("{:?} {:?}", (-7i128).checked_rem_euclid(3), (-7i128).div_euclid(-2));
    println!("{} {} {} {}", (-1i128) as u128, u128::MAX as i128, (1u128 << 127) as i128, (-5i128) >> 1);
    for s in ["340282366920938463463374607431768211455", "-170141183460469231731687303715884105728", "ff", "123abc", ""] {
        println!("{:?} {:?} {:?}", s.parse::<u128>(), s.parse::<i128>(), u128::from_str_radix(s, 16));
    }
    let p = Pair128 { lo: 1 << 100, hi: -99 };
    println!("{:?} {:?}", swap_pair(p), swap_pair(swap_pair(p)) == p);
    let x: u128 = black_box(0x0123_4567_89AB_CDEF_FEDC_BA98_7654_3210);
    println!("{} {} {} {}", x as u8, x as i16, x as u32, x as i64);
    println!("{} {} {}", x as f64, x as f32, (x as f64) as u128);
    println!("{} {} {}", (-1.5e30f64) as i128, 1e39f64 as u128, f64::NAN as i128);
    println!("{} {}", i128::MIN as f64, u128::MAX as f32);
    println!("{:?} {:?}", u64::try_from(x), i8::try_from(-128i128));
    println!("{} {} {}", x.leading_zeros(), x.trailing_zeros(), x.count_ones());
    println!("{:x} {:x}", x.swap_bytes(), x.reverse_bits());
    println!("{} {}", u128::MAX / 3 * 3 + u128::MAX % 3 == u128::MAX, (x * 3) / 3 == x);
    let mut h: u128 = 0x6c62272e07bb014262b821756295c58d;
    for b in b"fnv hash of this string" { h ^= *b as u128; h = h.wrapping_mul(0x0000000001000000000000000000013B); }
    println!("fnv128 {:032x}", h);
    println!("pow {} {:?} {}", 3u128.pow(80), 2i128.checked_pow(127), (-2i128).pow(127));
    println!("cmp {:?} {:?} {}", (1u128 << 64).cmp(&u64::MAX.into()), (-1i128).cmp(&1), i128::MIN < 0);
}
