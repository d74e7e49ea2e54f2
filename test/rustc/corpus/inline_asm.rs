//@ cgts-unsupported: module-level assembly
// Inline and module assembly: asm! with register classes (reg, xmm_reg),
// explicit registers (cl, rax/rdx), inout and late outputs, operand
// modifiers (:e, :x), local labels and loops, flags clobbers, pure/nomem
// options, global_asm! functions and a #[unsafe(naked)] function.
use std::arch::{asm, global_asm, naked_asm};
use std::hint::black_box;

global_asm!(
    ".globl cgts_asm_triple",
    ".type cgts_asm_triple,@function",
    "cgts_asm_triple:",
    "    lea rax, [rdi + rdi*2]",
    "    ret",
    ".size cgts_asm_triple, .-cgts_asm_triple",
);
unsafe extern "C" { fn cgts_asm_triple(x: u64) -> u64; }

#[unsafe(naked)]
extern "C" fn naked_add(a: u64, b: u64) -> u64 {
    naked_asm!("lea rax, [rdi + rsi]", "ret")
}

fn rotl_cl(x: u64, n: u8) -> u64 {
    let out: u64;
    unsafe { asm!("rol {0}, cl", inout(reg) x => out, in("cl") n, options(pure, nomem, nostack)); }
    out
}

fn mul_wide(a: u64, b: u64) -> (u64, u64) {
    let (lo, hi): (u64, u64);
    unsafe { asm!("mul {b}", b = in(reg) b, inout("rax") a => lo, out("rdx") hi, options(pure, nomem, nostack)); }
    (lo, hi)
}

fn add32(a: u32, b: u32) -> u32 {
    let mut x = a;
    unsafe { asm!("add {x:e}, {y:e}", x = inout(reg) x, y = in(reg) b, options(pure, nomem, nostack)); }
    x
}

fn sum_loop(n: u64) -> u64 {
    let mut acc: u64 = 0;
    unsafe {
        asm!(
            "2:",
            "add {acc}, {i}",
            "dec {i}",
            "jnz 2b",
            acc = inout(reg) acc,
            i = inout(reg) n => _,
        );
    }
    acc
}

fn sqrt_sd(x: f64) -> f64 {
    let r: f64;
    unsafe { asm!("sqrtsd {0}, {1}", lateout(xmm_reg) r, in(xmm_reg) x, options(pure, nomem, nostack)); }
    r
}

fn popcnt_soft(x: u64) -> u64 {
    let mut v = x;
    let mut c: u64 = 0;
    unsafe {
        asm!(
            "test {v}, {v}",
            "jz 3f",
            "2:",
            "inc {c}",
            "lea {t}, [{v} - 1]",
            "and {v}, {t}",
            "jnz 2b",
            "3:",
            v = inout(reg) v, c = inout(reg) c, t = out(reg) _,
        );
    }
    let _ = v;
    c
}

fn main() {
    println!("triple {}", unsafe { cgts_asm_triple(black_box(14)) });
    println!("naked {}", naked_add(black_box(40), 2));
    println!("rotl {:#x} {:#x}", rotl_cl(black_box(0x8000_0000_0000_0001), 1), rotl_cl(0x1234, 60));
    println!("mul_wide {:?} {:?}", mul_wide(black_box(u64::MAX), 3), mul_wide(1 << 40, 1 << 40));
    println!("add32 {}", add32(black_box(u32::MAX), 2));
    println!("sum_loop {}", sum_loop(black_box(1000)));
    println!("sqrt {:?}", sqrt_sd(black_box(2.0)));
    println!("popcnt {} {} {}", popcnt_soft(0), popcnt_soft(black_box(0xFF00_FF00)), popcnt_soft(u64::MAX));
    unsafe { asm!("nop", options(nomem, nostack, preserves_flags)); }
}
