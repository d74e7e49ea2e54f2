// Arithmetic and logic through std::hint::black_box so nothing is folded at
// compile time: every binary operator at every width, mixed-width casts
// (sign/zero extension, truncation), bool logic, pointer-sized arithmetic,
// select-style expressions and a mixing function over a range of inputs.
use std::hint::black_box as bb;

macro_rules! ops {
    ($($t:ty),*) => {$({
        let (a, b): ($t, $t) = (bb(<$t>::MAX / 3 + 7), bb(13 as $t));
        let s = bb(3u32);
        println!("{:<5} add={} sub={} mul={} div={} rem={} and={} or={} xor={} shl={} shr={} not={} eq={} lt={} ge={}",
            stringify!($t), a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b), a / b, a % b, a & b, a | b, a ^ b,
            a.wrapping_shl(s), a >> s, !a, a == b, a < b, a >= b);
    })*};
}

#[inline(never)]
fn mix(x: u64) -> u64 { let mut z = x.wrapping_add(0x9E3779B97F4A7C15); z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9); z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB); z ^ (z >> 31) }

fn main() {
    ops!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    let n = bb(-5i8);
    println!("{} {} {} {} {}", n as u8, n as i32, n as u32, n as u64, n as i128);
    let m = bb(0xF1E2_D3C4_B5A6_9788u64);
    println!("{} {} {} {} {}", m as u8, m as i8, m as u16, m as i16, m as i32);
    println!("{} {} {}", bb(200u8) as i8 as i64, bb(40000u16) as i16, bb(-1i32) as u32 as u64);
    let (p, q) = (bb(true), bb(false));
    println!("{} {} {} {} {}", p & q, p | q, p ^ q, !p, (p as u8) + (q as u8) * 2);
    let x = bb(17i32);
    let sel = if x > 10 { x * 2 } else { x - 2 };
    let sel2 = [bb(1), bb(2)][(x & 1) as usize];
    println!("{} {} {}", sel, sel2, x.max(bb(30)).min(bb(25)));
    let arr = [10u16, 20, 30, 40];
    let ptr = arr.as_ptr();
    let idx = bb(2usize);
    println!("{} {}", unsafe { *ptr.add(idx) }, (ptr as usize).wrapping_sub(ptr as usize) + idx);
    let mut h = 0u64;
    for i in 0..10_000u64 { h ^= mix(bb(i)).rotate_left((i % 64) as u32); }
    println!("mix {:016x}", h);
    let mut acc: i32 = 0;
    for i in -500..500i32 { let v = bb(i); acc = acc.wrapping_add(v * v / 7 - v % 5 + (v >> 2) ^ (v << 1)); }
    println!("acc {}", acc);
    let f = bb(2.5f64);
    println!("{} {} {}", f * 2.0 - 1.0, f / 3.0, -f);
    let u = bb(u32::MAX);
    println!("{} {} {}", u as f32, u as f64, (u as u64 + 1) as f64);
}
