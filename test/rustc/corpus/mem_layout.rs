// Memory and layout: size/align of structs, repr(C)/packed/align(N) types
// (stack slots aligned to 32..128 bytes), large stack frames that need stack
// probes, ptr::copy/copy_nonoverlapping/write_bytes/swap/replace/
// read_unaligned, MaybeUninit arrays, transmute between layouts, volatile
// accesses, mem::take/swap, and field offsets via addr_of.
use std::hint::black_box;
use std::mem::{self, align_of, size_of, MaybeUninit};
use std::ptr;

#[repr(C)] struct CStruct { a: u8, b: u32, c: u16, d: u64 }
#[repr(C, packed)] #[derive(Clone, Copy)] struct Packed { a: u8, b: u32, c: u16, d: u64 }
#[repr(align(64))] #[derive(Clone, Copy)] struct Aligned64 { v: [u8; 3] }
#[repr(C, align(128))] struct Aligned128 { x: u64 }
#[derive(Default)] struct Rust { a: u8, b: u32, c: u16, d: u64 }
#[repr(align(32))] #[derive(Clone, Copy, Debug, PartialEq)] struct Vec8([f32; 8]);

#[inline(never)]
fn big_frame(seed: u8) -> u64 {
    let mut buf = [0u8; 200_000];
    for i in (0..buf.len()).step_by(4096) { buf[i] = seed.wrapping_add(i as u8); }
    buf[buf.len() - 1] = 1;
    buf.iter().step_by(512).map(|&b| b as u64).sum::<u64>() + buf[buf.len() - 1] as u64
}

#[inline(never)]
fn aligned_locals(k: f32) -> (usize, usize, f32) {
    let a = Aligned64 { v: [1, 2, 3] };
    let b = Aligned128 { x: 5 };
    let c = Vec8([k; 8]);
    let pa = &a as *const _ as usize;
    let pb = &b as *const _ as usize;
    let pc = &c as *const _ as usize;
    (pa % 64 + pc % 32, pb % 128, c.0.iter().sum::<f32>() + a.v[2] as f32 + b.x as f32)
}

fn main() {
    println!("CStruct {} {} Packed {} {} Aligned64 {} {} Aligned128 {} Rust {} {} Vec8 {}",
        size_of::<CStruct>(), align_of::<CStruct>(), size_of::<Packed>(), align_of::<Packed>(), size_of::<Aligned64>(), align_of::<Aligned64>(),
        size_of::<Aligned128>(), size_of::<Rust>(), align_of::<Rust>(), align_of::<Vec8>());
    println!("u128 align {} i128 align {} f64 {} (u8,u64) {} Option<u128> {}", align_of::<u128>(), align_of::<i128>(), align_of::<f64>(), size_of::<(u8, u64)>(), size_of::<Option<u128>>());
    let c = CStruct { a: 1, b: 2, c: 3, d: 4 };
    let base = &c as *const _ as usize;
    println!("offsets {} {} {} {}", ptr::addr_of!(c.a) as usize - base, ptr::addr_of!(c.b) as usize - base, ptr::addr_of!(c.c) as usize - base, ptr::addr_of!(c.d) as usize - base);
    let p = Packed { a: 9, b: 0xDEADBEEF, c: 0x1234, d: u64::MAX - 1 };
    let (pb, pd) = (p.b, p.d);
    let bytes: [u8; 15] = unsafe { mem::transmute(p) };
    println!("packed {:#x} {} bytes {:?}", pb, pd, bytes);
    println!("read_unaligned {:#x}", unsafe { ptr::read_unaligned(bytes.as_ptr().add(1) as *const u32) });
    println!("big frame {} {}", big_frame(black_box(3)), big_frame(black_box(250)));
    println!("aligned {:?}", aligned_locals(black_box(0.5)));
    let v8s: Vec<Vec8> = (0..5).map(|i| Vec8([i as f32; 8])).collect();
    println!("vec of aligned: all aligned {} {:?}", v8s.iter().all(|v| (v as *const _ as usize) % 32 == 0), v8s[3].0[7]);
    let mut arr = [1u32, 2, 3, 4, 5, 6, 7, 8];
    unsafe {
        ptr::copy(arr.as_ptr(), arr.as_mut_ptr().add(2), 5);
        println!("copy overlap {:?}", arr);
        let mut dst = [0u32; 4];
        ptr::copy_nonoverlapping(arr.as_ptr().add(4), dst.as_mut_ptr(), 4);
        println!("copy_nonoverlapping {:?}", dst);
        ptr::write_bytes(arr.as_mut_ptr().add(1), 0xAB, 2);
        println!("write_bytes {:x?}", arr);
        ptr::swap(arr.as_mut_ptr(), arr.as_mut_ptr().add(7));
        let old = ptr::replace(arr.as_mut_ptr().add(3), 99);
        println!("swap/replace {:?} old {}", arr, old);
        ptr::write_volatile(arr.as_mut_ptr(), 1234);
        println!("volatile {}", ptr::read_volatile(arr.as_ptr()));
    }
    arr.copy_within(0..3, 5);
    println!("copy_within {:?}", arr);
    let mut un: [MaybeUninit<String>; 4] = [const { MaybeUninit::uninit() }; 4];
    for (i, slot) in un.iter_mut().enumerate() { slot.write(format!("s{}", i * i)); }
    let init: [String; 4] = unsafe { mem::transmute(un) };
    println!("maybeuninit {:?}", init);
    let mut s1 = String::from("first");
    let mut s2 = String::from("second");
    mem::swap(&mut s1, &mut s2);
    let taken = mem::take(&mut s1);
    let replaced = mem::replace(&mut s2, "new".into());
    println!("{:?} {:?} {:?} {:?}", s1, s2, taken, replaced);
    let f: f32 = black_box(1.0);
    let as_u: u32 = unsafe { mem::transmute(f) };
    let arr2: [u16; 4] = unsafe { mem::transmute(0x0001_0002_0003_0004u64) };
    println!("transmute {:#x} {:?}", as_u, arr2);
    let zeroed: Rust = unsafe { mem::zeroed() };
    let d = Rust::default();
    println!("zeroed {} {} {} {} default {}", zeroed.a, zeroed.b, zeroed.c, zeroed.d, d.d);
    let boxed: Box<[u64]> = vec![0u64; 1 << 16].into_boxed_slice();
    println!("boxed zero {} {}", boxed.len(), boxed.iter().all(|&x| x == 0));
    let layout = std::alloc::Layout::from_size_align(4096, 256).unwrap();
    unsafe {
        let p = std::alloc::alloc_zeroed(layout);
        println!("alloc aligned {} zero {}", p as usize % 256, *p.add(4095));
        let q = std::alloc::realloc(p, layout, 8192);
        *q.add(8191) = 7;
        println!("realloc keeps {} new {}", *q.add(100), *q.add(8191));
        std::alloc::dealloc(q, std::alloc::Layout::from_size_align(8192, 256).unwrap());
    }
    let x = 5u64;
    let r = &x as *const u64;
    println!("ptr null {} {} align_offset {}", r.is_null(), ptr::null::<u8>().is_null(), (r as *const u8).align_offset(8));
}
