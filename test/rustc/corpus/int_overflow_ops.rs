// Checked, wrapping, saturating and overflowing add/sub/mul/div/rem/neg/shl/
// shr/pow/abs at every integer width (i8..i128, u8..u128, isize, usize) on
// edge values, printed per width with a running checksum.
use std::hint::black_box;

macro_rules! probe_signed {
    ($($t:ident),*) => {$(
        fn $t() {
            let vals: [$t; 7] = [$t::MIN, $t::MIN + 1, -2, -1, 0, 1, $t::MAX];
            let mut sum: u64 = 0;
            for &a in &vals {
                for &b in &vals {
                    let (a, b) = (black_box(a), black_box(b));
                    let r = (
                        (a.checked_add(b), a.checked_sub(b), a.checked_mul(b), a.checked_div(b), a.checked_rem(b)),
                        (a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b)),
                        (a.saturating_add(b), a.saturating_sub(b), a.saturating_mul(b)),
                        (a.overflowing_add(b), a.overflowing_sub(b), a.overflowing_mul(b)),
                    );
                    let s = format!("{:?}", r);
                    for by in s.bytes() { sum = sum.wrapping_mul(31).wrapping_add(by as u64); }
                }
                let sh = (a as u32) & 255;
                let u = (
                    (a.checked_neg(), a.wrapping_neg(), a.overflowing_neg(), a.checked_abs(), a.wrapping_abs(), a.saturating_abs()),
                    (a.unsigned_abs(), a.checked_shl(sh), a.wrapping_shl(sh), a.checked_shr(sh), a.wrapping_shr(sh)),
                    (a.checked_pow(3), a.wrapping_pow(5), a.saturating_pow(7), a.overflowing_pow(2), a.signum()),
                    (a.saturating_neg(), a.checked_div_euclid(-1), a.wrapping_rem_euclid(3)),
                );
                println!("{} {:?}", stringify!($t), u);
            }
            println!("{} pair checksum {:016x}", stringify!($t), sum);
        }
    )*};
}
macro_rules! probe_unsigned {
    ($($t:ident),*) => {$(
        fn $t() {
            let vals: [$t; 6] = [0, 1, 2, $t::MAX / 2, $t::MAX - 1, $t::MAX];
            let mut sum: u64 = 0;
            for &a in &vals {
                for &b in &vals {
                    let (a, b) = (black_box(a), black_box(b));
                    let r = (
                        (a.checked_add(b), a.checked_sub(b), a.checked_mul(b), a.checked_div(b), a.checked_rem(b)),
                        (a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b)),
                        (a.saturating_add(b), a.saturating_sub(b), a.saturating_mul(b)),
                        (a.overflowing_add(b), a.overflowing_sub(b), a.overflowing_mul(b), a.abs_diff(b)),
                    );
                    let s = format!("{:?}", r);
                    for by in s.bytes() { sum = sum.wrapping_mul(31).wrapping_add(by as u64); }
                }
                let sh = (a as u32) & 255;
                let u = (
                    (a.checked_neg(), a.wrapping_neg(), a.overflowing_neg(), a.checked_shl(sh), a.wrapping_shl(sh)),
                    (a.checked_shr(sh), a.overflowing_shr(sh), a.checked_pow(3), a.wrapping_pow(5), a.saturating_pow(7)),
                    (a.overflowing_pow(2), a.checked_next_power_of_two(), a.is_power_of_two()),
                );
                println!("{} {:?}", stringify!($t), u);
            }
            println!("{} pair checksum {:016x}", stringify!($t), sum);
        }
    )*};
}
probe_signed!(i8, i16, i32, i64, i128, isize);
probe_unsigned!(u8, u16, u32, u64, u128, usize);

fn main() {
    i8(); i16(); i32(); i64(); i128(); isize();
    u8(); u16(); u32(); u64(); u128(); usize();
    // Plain operators in debug mode wrap only where asked: these stay in range.
    let mut acc: u32 = 1;
    for i in 1..=12u32 { acc = acc * i % 1_000_003 + i; }
    let mut s: i16 = 0;
    for i in -100..100i16 { s = s.wrapping_add(i * 3); }
    println!("acc={} s={}", acc, s);
}
