// The Rust ABI as rustc lowers it: scalar pairs passed as two arguments and
// returned as {T, U} (ints, floats, pointers, bool), aggregates returned
// through sret, large aggregates passed by reference, i1/i8/i16 arguments
// and returns with zero/sign extension, more integer and float arguments
// than registers, and the same functions called through fn pointers.
use std::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq)] struct PairI { a: i64, b: i64 }
#[derive(Debug, Clone, Copy, PartialEq)] struct PairF { a: f64, b: f32 }
#[derive(Debug, Clone, Copy, PartialEq)] struct Mixed { f: f32, n: u32 }
#[derive(Debug, Clone, Copy, PartialEq)] struct Small { a: u8, b: bool, c: i16 }
#[derive(Debug, Clone, PartialEq)] struct Big { v: [u64; 9], name: &'static str }

#[inline(never)] fn pair_i(x: i64) -> PairI { PairI { a: x * 3, b: -x } }
#[inline(never)] fn pair_f(p: PairF) -> PairF { PairF { a: p.a * 2.0 + p.b as f64, b: (p.a as f32) * 0.5 } }
#[inline(never)] fn mixed(m: Mixed, k: u32) -> Mixed { Mixed { f: m.f * k as f32, n: m.n.wrapping_mul(k) ^ (m.f as u32) } }
#[inline(never)] fn small(s: Small) -> Small { Small { a: s.a.wrapping_add(200), b: !s.b, c: s.c.wrapping_mul(-3) } }
#[inline(never)] fn tuple3(t: (u8, u64, f32)) -> (f32, u8, u64) { (t.2 * 2.0, t.0 ^ 0x55, t.1.rotate_left(8)) }
#[inline(never)] fn make_big(seed: u64) -> Big { Big { v: std::array::from_fn(|i| seed.wrapping_mul(i as u64 + 1)), name: "big" } }
#[inline(never)] fn sum_big(b: &Big, c: Big) -> u64 { b.v.iter().zip(c.v.iter()).map(|(x, y)| x ^ y).sum::<u64>() + c.name.len() as u64 }
#[inline(never)] fn flags(a: bool, b: bool, c: u8, d: i8, e: u16, f: i16) -> (bool, i16) { (a ^ b, (c as i16 + d as i16) * (e as i16).wrapping_add(f)) }
#[inline(never)] fn ret_bool(x: i32) -> bool { x % 3 == 0 }
#[inline(never)] fn ret_i8(x: i32) -> i8 { (x % 128) as i8 - 64 }
#[inline(never)] fn ret_u16(x: i32) -> u16 { (x as u16).wrapping_mul(771) }
#[inline(never)]
fn many_ints(a: u8, b: u16, c: u32, d: u64, e: i8, f: i16, g: i32, h: i64, i: usize, j: isize, k: u128, l: i128) -> i128 {
    a as i128 + b as i128 - c as i128 + d as i128 * 2 + e as i128 + f as i128 * 3 + g as i128 + h as i128 + i as i128 - j as i128 + k as i128 + l as i128
}
#[inline(never)]
fn many_floats(a: f64, b: f32, c: f64, d: f32, e: f64, f: f32, g: f64, h: f32, i: f64, j: f32, k: f64) -> f64 {
    a + b as f64 * 2.0 + c * 3.0 + d as f64 * 4.0 + e * 5.0 + f as f64 * 6.0 + g * 7.0 + h as f64 * 8.0 + i * 9.0 + j as f64 * 10.0 + k * 11.0
}
#[inline(never)]
fn interleaved(a: f32, b: u8, c: PairI, d: f64, e: Small, f: Mixed, g: &str, h: PairF, i: (u16, u16), j: [u8; 3], k: Option<u32>) -> String {
    format!("{} {} {:?} {} {:?} {:?} {} {:?} {:?} {:?} {:?}", a, b, c, d, e, f, g, h, i, j, k)
}
#[inline(never)] fn slice_pair(s: &[u16]) -> (&[u16], usize) { (&s[1..], s.len()) }
#[inline(never)] fn str_pair(s: &str) -> (&str, &str) { s.split_at(s.len() / 2) }
#[inline(never)] fn opt_pair(x: u32) -> Option<(u8, u16)> { if x > 5 { Some((x as u8, (x * 1000) as u16)) } else { None } }
#[inline(never)] fn result_f(x: f64) -> Result<f64, i16> { if x >= 0.0 { Ok(x.sqrt()) } else { Err(x as i16) } }
#[inline(never)] fn arr(a: [u8; 5], b: [u32; 2], c: [f32; 3], d: [u64; 4]) -> ([u8; 5], [f32; 3], u64) { (a.map(|x| x + 1), c.map(|x| -x), b[0] as u64 + b[1] as u64 + d.iter().sum::<u64>()) }
#[inline(never)] fn unit_and_never(u: (), z: [u8; 0]) -> ((), usize) { (u, z.len()) }

fn main() {
    println!("{:?} {:?}", pair_i(black_box(7)), pair_f(black_box(PairF { a: 1.5, b: -0.25 })));
    println!("{:?} {:?}", mixed(black_box(Mixed { f: 2.5, n: 0xdead }), 3), small(black_box(Small { a: 100, b: true, c: -1234 })));
    println!("{:?}", tuple3(black_box((7, u64::MAX - 5, 1.25))));
    let b1 = make_big(black_box(3));
    println!("{:?} {}", b1, sum_big(&b1, make_big(11)));
    println!("{:?} {:?}", flags(black_box(true), false, 250, -7, 65535, -2), flags(false, false, 1, 1, 1, 1));
    println!("{:?}", (0..7).map(|x| (ret_bool(x), ret_i8(x * 40), ret_u16(x * 1000))).collect::<Vec<_>>());
    println!("{}", many_ints(black_box(255), 65535, 4_000_000_000, u64::MAX / 3, -128, -32768, i32::MIN, i64::MIN / 5, usize::MAX / 7, -5, 1 << 100, -(1 << 90)));
    println!("{}", many_floats(black_box(0.5), 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5));
    println!("{}", interleaved(black_box(0.1), 2, PairI { a: 3, b: 4 }, 5.5, Small { a: 6, b: false, c: 7 }, Mixed { f: 8.5, n: 9 }, "ten", PairF { a: 11.0, b: 12.0 }, (13, 14), [15, 16, 17], Some(18)));
    let data = [1u16, 2, 3, 4];
    println!("{:?} {:?} {:?} {:?}", slice_pair(&data), str_pair(black_box("abcdefg")), opt_pair(black_box(9)), opt_pair(2));
    println!("{:?} {:?}", result_f(black_box(2.25)), result_f(-7.9));
    println!("{:?}", arr(black_box([1, 2, 3, 4, 5]), [10, 20], [0.5, -1.0, 2.0], [100, 200, 300, 400]));
    println!("{:?}", unit_and_never((), []));
    let fp1: fn(i64) -> PairI = pair_i;
    let fp2: fn(Small) -> Small = small;
    let fp3: fn(f64, f32, f64, f32, f64, f32, f64, f32, f64, f32, f64) -> f64 = many_floats;
    println!("{:?} {:?} {}", fp1(black_box(-2)), fp2(Small { a: 1, b: false, c: 2 }), fp3(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    let cl = |p: PairI, m: Mixed| -> PairF { PairF { a: (p.a + p.b) as f64, b: m.f + m.n as f32 } };
    println!("{:?}", cl(black_box(PairI { a: 40, b: 2 }), Mixed { f: 0.5, n: 3 }));
}
