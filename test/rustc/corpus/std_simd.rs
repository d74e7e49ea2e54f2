//@ toolchain: nightly
// std::simd (portable_simd, nightly only): lane arithmetic on i32x4, f32x8,
// u8x16, i64x4, masks and select, comparisons, reductions (sum, max, and
// all/any of masks, which lower to vector.reduce.*), swizzles, casts
// between lane types, and a SIMD dot product checked against scalar code.
#![feature(portable_simd)]
use std::hint::black_box;
use std::simd::prelude::*;
use std::simd::{simd_swizzle, StdFloat};

fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = f32x8::splat(0.0);
    let chunks = a.len() / 8;
    for i in 0..chunks { acc += f32x8::from_slice(&a[i * 8..]) * f32x8::from_slice(&b[i * 8..]); }
    acc.reduce_sum() + a[chunks * 8..].iter().zip(&b[chunks * 8..]).map(|(x, y)| x * y).sum::<f32>()
}

fn main() {
    let a = i32x4::from_array(black_box([1, -2, 3, i32::MAX]));
    let b = i32x4::splat(black_box(5));
    println!("{:?} {:?} {:?}", a + b, a * b, a - b);
    println!("{:?} {:?} {:?}", a.simd_max(b), a.simd_min(b), a.abs());
    println!("{} {} {}", a.reduce_sum(), a.reduce_max(), a.reduce_min());
    println!("{} {} {}", a.reduce_and(), a.reduce_or(), a.reduce_xor());
    let m = a.simd_gt(b);
    println!("{:?} any={} all={} bits={:#b}", m, m.any(), m.all(), m.to_bitmask());
    println!("{:?}", m.select(a, b));
    let lt = a.simd_lt(i32x4::splat(100));
    println!("all lt {} any eq {}", lt.all(), a.simd_eq(b).any());
    let f = f32x8::from_array([1.0, 4.0, 9.0, 16.0, -1.0, 0.5, 2.0, 100.0]);
    println!("{:?} {:?}", f.sqrt(), f.abs());
    println!("{} {} {}", f.reduce_sum(), f.reduce_max(), f.reduce_min());
    println!("{:?}", f.mul_add(f32x8::splat(2.0), f32x8::splat(-1.0)));
    let u = u8x16::from_array(std::array::from_fn(|i| (i * 20) as u8));
    println!("{:?}", u.saturating_add(u8x16::splat(100)));
    println!("{:?}", u.saturating_sub(u8x16::splat(100)));
    let w = i64x4::from_array([i64::MIN, -1, 0, 1 << 40]);
    println!("{:?} {:?}", w >> i64x4::splat(4), w.cast::<f64>());
    let s = simd_swizzle!(a, [3, 2, 1, 0]);
    let il = simd_swizzle!(a, b, [0, 4, 1, 5]);
    println!("{:?} {:?}", s, il);
    println!("{:?} {:?}", a.cast::<f32>(), f.cast::<i32>());
    println!("{:?}", a.rotate_elements_left::<1>());
    let xs: Vec<f32> = (0..37).map(|i| i as f32 * 0.5).collect();
    let ys: Vec<f32> = (0..37).map(|i| 1.0 - i as f32 * 0.25).collect();
    println!("dot {} scalar {}", dot(&xs, &ys), xs.iter().zip(&ys).map(|(x, y)| x * y).sum::<f32>());
    let mask = mask32x4::from_array([true, false, true, true]);
    println!("{} {}", mask.all(), (mask & a.simd_ne(b)).any());
}
