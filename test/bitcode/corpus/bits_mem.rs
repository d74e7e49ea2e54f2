//@ cgts-unsupported: module-level assembly
// Bits and memory: bit counting/rotation/byte swaps on every width, ptr::copy,
// transmute, MaybeUninit, volatile access, packed and over-aligned structs,
// inline asm! (registers, xmm, labels, pure/nomem) and global_asm!.
use std::arch::{asm, global_asm};
use std::hint::black_box;
use std::mem::{self, MaybeUninit};
use std::ptr;

global_asm!(
    ".globl cgts_corpus_triple",
    "cgts_corpus_triple:",
    "    lea rax, [rdi + rdi*2]",
    "    ret",
);

extern "C" {
    fn cgts_corpus_triple(x: u64) -> u64;
}

#[repr(C, packed)]
#[derive(Clone, Copy)]
struct Packed {
    tag: u8,
    value: u32,
    wide: u64,
}

#[repr(C, align(64))]
struct Aligned {
    data: [u8; 24],
}

fn asm_add(a: u64, b: u64) -> u64 {
    let out: u64;
    unsafe { asm!("lea {o}, [{a} + {b}]", a = in(reg) a, b = in(reg) b, o = out(reg) out, options(pure, nomem, nostack)) };
    out
}

fn asm_loop(n: u32) -> u32 {
    let mut acc: u32 = 0;
    unsafe {
        asm!(
            "2:",
            "add {acc:e}, {i:e}",
            "dec {i:e}",
            "jnz 2b",
            acc = inout(reg) acc,
            i = inout(reg) n => _,
            options(nomem, nostack),
        );
    }
    acc
}

fn asm_xmm(x: f64) -> f64 {
    let out: f64;
    unsafe { asm!("sqrtsd {o}, {i}", i = in(xmm_reg) x, o = lateout(xmm_reg) out, options(pure, nomem, nostack)) };
    out
}

fn asm_explicit(x: u64) -> (u64, u64) {
    let hi: u64;
    let lo: u64;
    unsafe { asm!("mul rdx", inout("rax") x => lo, inout("rdx") x => hi, options(pure, nomem, nostack)) };
    (hi, lo)
}

fn main() {
    let w8: u8 = black_box(0b1011_0000);
    let w16: u16 = black_box(0x1234);
    let w32: u32 = black_box(0xdead_beef);
    let w64: u64 = black_box(0x0123_4567_89ab_cdef);
    let s32: i32 = black_box(-12345);
    println!("u8 ones={} lz={} tz={} rot={:#x} rev={:#x}", w8.count_ones(), w8.leading_zeros(), w8.trailing_zeros(), w8.rotate_left(3), w8.reverse_bits());
    println!("u16 swap={:#x} rot={:#x} lz={}", w16.swap_bytes(), w16.rotate_right(4), w16.leading_zeros());
    println!("u32 swap={:#x} ones={} rev={:#x} pow2={}", w32.swap_bytes(), w32.count_ones(), w32.reverse_bits(), (w32 >> 8).next_power_of_two());
    println!("u64 swap={:#x} tz={} rotl={:#x} be={:?}", w64.swap_bytes(), w64.trailing_zeros(), w64.rotate_left(12), &w64.to_be_bytes()[..3]);
    println!("i32 abs={} shr={} ushr={} lz={}", s32.abs(), s32 >> 3, (s32 as u32) >> 3, s32.leading_zeros());
    println!("le bytes {:?} from {:#x}", 0x0102_0304u32.to_le_bytes(), u32::from_be_bytes([1, 2, 3, 4]));
    let f: f32 = 1.5;
    let bits: u32 = unsafe { mem::transmute(f) };
    let arr: [u16; 2] = unsafe { mem::transmute(0xaaaa_5555u32) };
    println!("transmute {:#x} {:?}", bits, arr);
    let mut buf = [0u8; 16];
    let src = *b"abcdefgh";
    unsafe {
        ptr::copy_nonoverlapping(src.as_ptr(), buf.as_mut_ptr().add(4), 8);
        ptr::copy(buf.as_ptr().add(4), buf.as_mut_ptr().add(6), 8);
        ptr::write_bytes(buf.as_mut_ptr(), b'.', 4);
    }
    println!("copy {:?}", std::str::from_utf8(&buf[..14]).unwrap());
    let mut mu: MaybeUninit<[u64; 4]> = MaybeUninit::uninit();
    let init = unsafe {
        let p = mu.as_mut_ptr() as *mut u64;
        for i in 0..4 {
            p.add(i).write((i as u64 + 1) * 11);
        }
        mu.assume_init()
    };
    println!("maybeuninit {:?}", init);
    let mut v = 5u32;
    unsafe {
        ptr::write_volatile(&mut v, ptr::read_volatile(&v) * 9);
    }
    println!("volatile {}", v);
    let p = Packed { tag: 7, value: 0x11223344, wide: u64::MAX - 1 };
    let (t, val, wide) = (p.tag, p.value, p.wide);
    println!("packed size={} align={} {} {:#x} {}", mem::size_of::<Packed>(), mem::align_of::<Packed>(), t, val, wide);
    let a = Aligned { data: [3; 24] };
    let addr = &a as *const Aligned as usize;
    println!("aligned size={} align={} addr%64={} sum={}", mem::size_of::<Aligned>(), mem::align_of::<Aligned>(), addr % 64, a.data.iter().map(|&x| x as u32).sum::<u32>());
    let boxed = Box::new(Aligned { data: [1; 24] });
    println!("boxed aligned addr%64={}", (&*boxed as *const Aligned as usize) % 64);
    println!("asm add={} loop={} xmm={} mul={:?} global={}", asm_add(40, 2), asm_loop(10), asm_xmm(2.25), asm_explicit(1 << 40), unsafe { cgts_corpus_triple(14) });
    println!("swap {:?} replace {}", { let mut x = (1, 2); mem::swap(&mut x.0, &mut x.1); x }, { let mut s = String::from("old"); let o = mem::replace(&mut s, "new".into()); o + "->" + &s });
}
