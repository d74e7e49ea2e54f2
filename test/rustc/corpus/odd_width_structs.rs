// Aggregates of 3, 5, 6 and 7 bytes passed and returned by value through the
// Rust ABI (rustc lowers them to i24, i40, i48, i56 integers), arrays of
// them, and functions taking several at once, with results printed field by
// field.
use std::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Rgb { r: u8, g: u8, b: u8 }
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Five { tag: u8, val: [u8; 4] }
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Six { a: u16, b: [u8; 4] }
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Seven([u8; 7]);
#[derive(Debug, Clone, Copy, PartialEq)]
struct Tri3([u8; 3]);

#[inline(never)]
fn blend(a: Rgb, b: Rgb, t: u8) -> Rgb {
    let mix = |x: u8, y: u8| ((x as u16 * (255 - t) as u16 + y as u16 * t as u16) / 255) as u8;
    Rgb { r: mix(a.r, b.r), g: mix(a.g, b.g), b: mix(a.b, b.b) }
}

#[inline(never)]
fn bump5(f: Five, k: u8) -> Five { Five { tag: f.tag ^ k, val: f.val.map(|v| v.wrapping_add(k)) } }

#[inline(never)]
fn six_swap(s: Six) -> Six { Six { a: s.a.rotate_left(4), b: [s.b[3], s.b[2], s.b[1], s.b[0]] } }

#[inline(never)]
fn seven_sum(s: Seven, t: Tri3, f: Five, r: Rgb) -> (u32, Seven) {
    let sum = s.0.iter().map(|&x| x as u32).sum::<u32>() + t.0.iter().map(|&x| x as u32).sum::<u32>()
        + f.val.iter().map(|&x| x as u32).sum::<u32>() + f.tag as u32 + r.r as u32 + r.g as u32 + r.b as u32;
    let mut out = s.0;
    out.rotate_left(2);
    (sum, Seven(out))
}

#[inline(never)]
fn many(a: Rgb, b: Five, c: Rgb, d: Five, e: Rgb, f: Five, g: Rgb, h: Five) -> u64 {
    let mut x = 0u64;
    for r in [a, c, e, g] { x = x * 31 + (r.r as u64) + ((r.g as u64) << 8) + ((r.b as u64) << 16); }
    for f in [b, d, f, h] { x = x.rotate_left(7) ^ (f.tag as u64) ^ u32::from_le_bytes(f.val) as u64; }
    x
}

#[inline(never)]
fn pick(v: &[Rgb], i: usize) -> Rgb { v[i % v.len()] }

#[inline(never)]
fn ret_opt(x: u8) -> Option<Rgb> { if x % 2 == 0 { Some(Rgb { r: x, g: x / 2, b: x / 3 }) } else { None } }

fn main() {
    let a = Rgb { r: 255, g: 0, b: 128 };
    let b = Rgb { r: 0, g: 255, b: 64 };
    for t in [0u8, 64, 128, 255] { println!("{:?}", blend(black_box(a), black_box(b), t)); }
    let mut f = Five { tag: 1, val: [250, 251, 252, 253] };
    for k in 1..4 { f = bump5(black_box(f), k); println!("{:?}", f); }
    let s = Six { a: 0x1234, b: [1, 2, 3, 4] };
    println!("{:?} {:?}", six_swap(s), six_swap(six_swap(s)));
    let (sum, sev) = seven_sum(Seven([1, 2, 3, 4, 5, 6, 7]), Tri3([10, 20, 30]), f, a);
    println!("{} {:?}", sum, sev);
    println!("{:x}", many(a, f, b, bump5(f, 9), blend(a, b, 100), Five::default(), Rgb::default(), Five { tag: 255, val: [9; 4] }));
    let pal: Vec<Rgb> = (0..10u8).map(|i| Rgb { r: i * 25, g: 255 - i * 20, b: i.wrapping_mul(77) }).collect();
    println!("{:?}", (0..15).step_by(4).map(|i| pick(&pal, i)).collect::<Vec<_>>());
    println!("{:?}", (0..5).map(ret_opt).collect::<Vec<_>>());
    let arr3: [Tri3; 4] = [Tri3([1, 2, 3]), Tri3([4, 5, 6]), Tri3([7, 8, 9]), Tri3([255, 254, 253])];
    let folded = arr3.iter().fold(Tri3([0; 3]), |acc, x| Tri3([acc.0[0] ^ x.0[0], acc.0[1].wrapping_add(x.0[1]), acc.0[2].max(x.0[2])]));
    println!("{:?} size={} {} {} {}", folded, std::mem::size_of::<Tri3>(), std::mem::size_of::<Five>(), std::mem::size_of::<Six>(), std::mem::size_of::<Seven>());
    let closure = |x: Rgb| -> Five { Five { tag: x.r, val: [x.g, x.b, x.r, x.g] } };
    println!("{:?}", closure(black_box(b)));
    let fp: fn(Five, u8) -> Five = bump5;
    println!("{:?}", fp(Five { tag: 7, val: [1, 2, 3, 4] }, 200));
}
