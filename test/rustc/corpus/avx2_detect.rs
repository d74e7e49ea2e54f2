// #[target_feature(enable = ...)] functions (AVX2, FMA, SSE4.1, SSE4.2,
// POPCNT) called only when is_x86_feature_detected! says so, with a scalar
// fallback that computes the same result: the output is identical on every
// CPU, and only the results are printed, never which path ran.
use std::arch::x86_64::*;
use std::hint::black_box;

#[target_feature(enable = "avx2")]
unsafe fn sum_avx2(xs: &[i32]) -> i64 {
    let mut acc = _mm256_setzero_si256();
    let mut i = 0;
    while i + 8 <= xs.len() {
        let v = unsafe { _mm256_loadu_si256(xs.as_ptr().add(i) as *const __m256i) };
        let lo = _mm256_cvtepi32_epi64(_mm256_castsi256_si128(v));
        let hi = _mm256_cvtepi32_epi64(_mm256_extracti128_si256::<1>(v));
        acc = _mm256_add_epi64(acc, _mm256_add_epi64(lo, hi));
        i += 8;
    }
    let lanes: [i64; 4] = unsafe { std::mem::transmute(acc) };
    lanes.iter().sum::<i64>() + xs[i..].iter().map(|&x| x as i64).sum::<i64>()
}
fn sum_scalar(xs: &[i32]) -> i64 { xs.iter().map(|&x| x as i64).sum() }

#[target_feature(enable = "avx2")]
unsafe fn permute_avx2(x: [i32; 8], idx: [i32; 8]) -> [i32; 8] {
    let v = unsafe { std::mem::transmute::<[i32; 8], __m256i>(x) };
    let p = unsafe { std::mem::transmute::<[i32; 8], __m256i>(idx) };
    unsafe { std::mem::transmute(_mm256_permutevar8x32_epi32(v, p)) }
}
fn permute_scalar(x: [i32; 8], idx: [i32; 8]) -> [i32; 8] { idx.map(|i| x[(i & 7) as usize]) }

#[target_feature(enable = "avx2")]
unsafe fn count_eq_avx2(hay: &[u8], b: u8) -> u32 {
    let n = _mm256_set1_epi8(b as i8);
    let mut c = 0;
    let mut i = 0;
    while i + 32 <= hay.len() {
        let v = unsafe { _mm256_loadu_si256(hay.as_ptr().add(i) as *const __m256i) };
        c += (_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, n)) as u32).count_ones();
        i += 32;
    }
    c + hay[i..].iter().filter(|&&x| x == b).count() as u32
}

#[target_feature(enable = "avx2,fma")]
unsafe fn fma_avx(a: [f64; 4], b: [f64; 4], c: [f64; 4]) -> [f64; 4] {
    unsafe {
        let r = _mm256_fmadd_pd(std::mem::transmute(a), std::mem::transmute(b), std::mem::transmute(c));
        let s = _mm256_sqrt_pd(_mm256_mul_pd(r, r));
        std::mem::transmute(s)
    }
}
fn fma_scalar(a: [f64; 4], b: [f64; 4], c: [f64; 4]) -> [f64; 4] { std::array::from_fn(|i| { let r = a[i].mul_add(b[i], c[i]); (r * r).sqrt() }) }

#[target_feature(enable = "sse4.1")]
unsafe fn max_i32_sse41(a: [i32; 4], b: [i32; 4]) -> [i32; 4] {
    unsafe { std::mem::transmute(_mm_max_epi32(std::mem::transmute(a), std::mem::transmute(b))) }
}

#[target_feature(enable = "sse4.2")]
unsafe fn crc32_hw(data: &[u8]) -> u32 {
    let mut c = !0u32;
    let mut words = data.chunks_exact(4);
    for w in &mut words { c = _mm_crc32_u32(c, u32::from_le_bytes([w[0], w[1], w[2], w[3]])); }
    for &b in words.remainder() { c = _mm_crc32_u8(c, b); }
    !c
}
fn crc32c_soft(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data { c ^= b as u32; for _ in 0..8 { c = if c & 1 != 0 { (c >> 1) ^ 0x82F6_3B78 } else { c >> 1 }; } }
    !c
}

#[target_feature(enable = "popcnt")]
unsafe fn popcnt_hw(xs: &[u64]) -> u32 { xs.iter().map(|x| x.count_ones()).sum() }

fn main() {
    let xs: Vec<i32> = (0..1003).map(|i| (i * 7919 % 2001) - 1000).collect();
    let s = if is_x86_feature_detected!("avx2") { unsafe { sum_avx2(&xs) } } else { sum_scalar(&xs) };
    println!("sum {} agrees {}", s, s == sum_scalar(&xs));
    let x = [10, 11, 12, 13, 14, 15, 16, 17];
    let idx = [7, 0, 6, 1, 5, 2, 4, 3];
    let p = if is_x86_feature_detected!("avx2") { unsafe { permute_avx2(x, idx) } } else { permute_scalar(x, idx) };
    println!("permute {:?}", p);
    let hay: Vec<u8> = (0..999u32).map(|i| (i % 13) as u8).collect();
    let c = if is_x86_feature_detected!("avx2") { unsafe { count_eq_avx2(&hay, 5) } } else { hay.iter().filter(|&&x| x == 5).count() as u32 };
    println!("count {}", c);
    let (a, b, cc) = ([1.5, -2.0, 3.0, 1e10], [2.0, 0.5, -1.0, 1e10], [0.25, 1.0, 3.0, -1e20]);
    let r = if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") { unsafe { fma_avx(a, b, cc) } } else { fma_scalar(a, b, cc) };
    println!("fma {:?}", r);
    let m = if is_x86_feature_detected!("sse4.1") { unsafe { max_i32_sse41([1, -5, 9, i32::MIN], [0, -4, 10, 3]) } } else { [1, -4, 10, 3] };
    println!("max {:?}", m);
    let data = b"The quick brown fox jumps over the lazy dog";
    let crc = if is_x86_feature_detected!("sse4.2") { unsafe { crc32_hw(data) } } else { crc32c_soft(data) };
    println!("crc32c {:#010x} agrees {}", crc, crc == crc32c_soft(data));
    let ws: Vec<u64> = (0..100u64).map(|i| i.wrapping_mul(0x9E3779B97F4A7C15)).collect();
    let pc = if is_x86_feature_detected!("popcnt") { unsafe { popcnt_hw(&ws) } } else { ws.iter().map(|x| x.count_ones()).sum() };
    println!("popcnt {}", pc);
    let t1 = unsafe { _rdtsc() };
    let t2 = unsafe { _rdtsc() };
    println!("rdtsc advances {}", black_box(t2) >= black_box(t1));
    println!("detect is stable {}", is_x86_feature_detected!("sse2"));
}
