// Bit operations at every width: leading/trailing zeros and ones, count_ones,
// rotate_left/right (funnel shifts, u128 included), swap_bytes, reverse_bits,
// to/from big- and little-endian bytes, shifts by variable amounts, ilog2,
// isqrt, and a popcount-based checksum over a pseudo-random sequence.
use std::hint::black_box;

macro_rules! bits {
    ($($t:ident),*) => {$(
        {
            let vals: [$t; 6] = [0 as $t, 1 as $t, <$t>::MAX, <$t>::MIN, 0x5A as $t, (0xA5C3_u16 as $t).wrapping_mul(0x0101 as $t)];
            for &v in &vals {
                let v = black_box(v);
                let r = black_box(13u32) % <$t>::BITS;
                println!(
                    "{:<5} {:>40} lz={:<3} tz={:<3} lo={:<3} to={:<3} pop={:<3} rotl={:x} rotr={:x} swap={:x} rev={:x} be={:?}",
                    stringify!($t), v, v.leading_zeros(), v.trailing_zeros(), v.leading_ones(), v.trailing_ones(),
                    v.count_ones(), v.rotate_left(r), v.rotate_right(r + 1), v.swap_bytes(), v.reverse_bits(),
                    &v.to_be_bytes()[..]
                );
            }
        }
    )*};
}

#[inline(never)]
fn funnel128(hi: u64, lo: u64, s: u32) -> (u64, u64) {
    let x = ((hi as u128) << 64) | lo as u128;
    let l = x.rotate_left(s);
    let r = x.rotate_right(s);
    ((l >> 64) as u64 ^ r as u64, l as u64 ^ (r >> 64) as u64)
}

fn xorshift(s: &mut u64) -> u64 { *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17; *s }

fn main() {
    bits!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    for s in [0u32, 1, 63, 64, 65, 127, 128, 200] {
        println!("funnel {} {:x?}", s, funnel128(black_box(0x0123_4567_89AB_CDEF), black_box(0xFEDC_BA98_7654_3210), s));
    }
    let x: u32 = black_box(0xDEADBEEF);
    println!("{:x} {:x} {:x} {:x}", x.to_be(), x.to_le(), u32::from_be_bytes(x.to_le_bytes()), u32::from_ne_bytes([1, 2, 3, 4]));
    println!("{:x?} {:x?}", 0x1122334455667788u64.to_le_bytes(), i16::from_le_bytes([0xff, 0x7f]));
    let mut st = 0x9E3779B97F4A7C15u64;
    let (mut pop, mut lz, mut tz, mut rot) = (0u64, 0u64, 0u64, 0u64);
    for i in 0..10_000u32 {
        let v = xorshift(&mut st);
        pop += v.count_ones() as u64;
        lz += (v >> (i % 64)).leading_zeros() as u64;
        tz += (v << (i % 64)).trailing_zeros() as u64;
        rot ^= v.rotate_left(i) ^ (v as u16).rotate_right(i) as u64 ^ ((v as u8).reverse_bits() as u64) << 8;
    }
    println!("pop={} lz={} tz={} rot={:x}", pop, lz, tz, rot);
    let y: u64 = black_box(1 << 40 | 12345);
    for s in [0u32, 1, 31, 32, 63] {
        println!("shl {:x} shr {:x} sar {:x} sar32 {:x}", y << s, y >> s, (-(y as i64)) >> s, (-(y as i32)) >> (s % 32));
    }
    println!("{} {} {} {:?} {:?}", 1000u32.ilog2(), 1000u64.ilog10(), 255u8.ilog2(), 0u32.checked_ilog2(), 81u32.checked_ilog(3));
    println!("{} {} {}", 99u64.isqrt(), u64::MAX.isqrt(), 1u128.isqrt());
    println!("{} {} {}", 5u32.next_power_of_two(), 1u8.next_power_of_two(), (1u64 << 40).is_power_of_two());
    let b = black_box(0b1011_0000u8);
    println!("{} {} {} {}", b & 0x0F, b | 0x0F, b ^ 0xFF, !b);
    println!("{} {} {}", (b as i8) >> 2, b >> 2, (b as i8 as i32) << 3);
}
