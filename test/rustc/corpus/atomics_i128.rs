//@ toolchain: nightly
// 128-bit atomics (cmpxchg16b) from functions with the cmpxchg16b target
// feature, through core::intrinsics on u128/i128 (AtomicU128 does not exist
// for this target): every read-modify-write operation and ordering, cmpxchg
// strong and weak, atomic loads and stores, and four threads updating one
// 128-bit counter whose additions carry across the 64-bit halves.
#![feature(core_intrinsics)]
#![allow(internal_features)]
use std::intrinsics::{self as i, AtomicOrdering as O};
use std::sync::Arc;
use std::thread;

#[repr(C, align(16))]
struct Cell128(std::cell::UnsafeCell<u128>);
unsafe impl Sync for Cell128 {}
impl Cell128 {
    fn p(&self) -> *mut u128 { self.0.get() }
}

#[target_feature(enable = "cmpxchg16b")]
unsafe fn ops(p: *mut u128, x: u128) -> [u128; 14] {
    unsafe {
        let s = p as *mut i128;
        [
            i::atomic_xadd::<u128, u128, { O::SeqCst }>(p, x),
            i::atomic_xsub::<u128, u128, { O::Relaxed }>(p, x >> 3),
            i::atomic_and::<u128, u128, { O::Acquire }>(p, !(x << 1)),
            i::atomic_or::<u128, u128, { O::Release }>(p, x ^ 0x5555),
            i::atomic_xor::<u128, u128, { O::AcqRel }>(p, x.rotate_left(64)),
            i::atomic_nand::<u128, u128, { O::SeqCst }>(p, x | 1),
            i::atomic_max::<i128, { O::SeqCst }>(s, x as i128) as u128,
            i::atomic_min::<i128, { O::Acquire }>(s, (x as i128).wrapping_neg()) as u128,
            i::atomic_umax::<u128, { O::Release }>(p, x.wrapping_mul(3)),
            i::atomic_umin::<u128, { O::Relaxed }>(p, x.wrapping_mul(5)),
            i::atomic_xchg::<u128, { O::AcqRel }>(p, x.wrapping_add(u64::MAX as u128)),
            i::atomic_load::<u128, { O::SeqCst }>(p),
            i::atomic_load::<u128, { O::Acquire }>(p) ^ 1,
            i::atomic_load::<u128, { O::Relaxed }>(p) >> 1,
        ]
    }
}

#[target_feature(enable = "cmpxchg16b")]
unsafe fn cas(p: *mut u128, old: u128, new: u128, weak: bool) -> (u128, bool) {
    unsafe {
        if weak {
            loop {
                let r = i::atomic_cxchgweak::<u128, { O::AcqRel }, { O::Acquire }>(p, old, new);
                if r.1 || r.0 != old { return r; }
            }
        }
        let r = i::atomic_cxchg::<u128, { O::SeqCst }, { O::Relaxed }>(p, old, new);
        i::atomic_store::<u128, { O::Release }>(p, i::atomic_load::<u128, { O::Relaxed }>(p).wrapping_add(1));
        r
    }
}

#[target_feature(enable = "cmpxchg16b")]
unsafe fn bump(p: *mut u128, by: u128) -> u128 {
    unsafe { i::atomic_xadd::<u128, u128, { O::AcqRel }>(p, by) }
}

fn main() {
    let c = Cell128(std::cell::UnsafeCell::new(0));
    for &x in &[1u128, 0xffff_ffff_ffff_ffff, 1 << 64, u128::MAX, 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210, 1 << 127] {
        unsafe { *c.p() = x.wrapping_mul(7) ^ 0xdead_beef };
        let r = unsafe { ops(c.p(), x) };
        println!("ops {:#x}: {:x?} final {:#x}", x, r, unsafe { *c.p() });
    }
    unsafe { *c.p() = 5 << 64 };
    println!("cas {:x?}", unsafe { cas(c.p(), 5 << 64, 77, false) });
    println!("cas {:x?}", unsafe { cas(c.p(), 5 << 64, 78, false) });
    println!("cas weak {:x?}", unsafe { cas(c.p(), 78, u128::MAX, true) });
    println!("cas weak {:x?} now {:#x}", unsafe { cas(c.p(), 78, 1, true) }, unsafe { *c.p() });

    // four threads add odd steps that carry into the high half; the total is exact
    let shared = Arc::new(Cell128(std::cell::UnsafeCell::new(u64::MAX as u128 - 1000)));
    let handles: Vec<_> = (0..4u128)
        .map(|t| {
            let s = Arc::clone(&shared);
            thread::spawn(move || {
                let mut seen_high = 0u32;
                for k in 0..20_000u128 {
                    let before = unsafe { bump(s.p(), (t + 1) * 3 + (k & 1)) };
                    if before >> 64 != 0 { seen_high += 1; }
                }
                seen_high > 0
            })
        })
        .collect();
    let highs: Vec<bool> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let total = unsafe { *shared.p() };
    let expect = u64::MAX as u128 - 1000 + (0..4u128).map(|t| 20_000 * (t + 1) * 3 + 10_000).sum::<u128>();
    println!("threads total {:#x} expected {:#x} equal {} carried {:?}", total, expect, total == expect, highs.iter().filter(|&&h| h).count() > 0);
}
