// core::arch x86-64 SIMD: SSE2 intrinsics (always available), and AVX2/FMA/
// SSE4.1 paths behind is_x86_feature_detected! and #[target_feature]. Every
// path computes the same numbers as the scalar fallback, so output does not
// depend on the CPU.
use std::arch::x86_64::*;

fn sum_scalar(xs: &[i32]) -> i32 {
    xs.iter().fold(0i32, |a, &b| a.wrapping_add(b))
}

fn sum_sse2(xs: &[i32]) -> i32 {
    unsafe {
        let mut acc = _mm_setzero_si128();
        let chunks = xs.chunks_exact(4);
        let rest = chunks.remainder();
        for c in chunks {
            let v = _mm_loadu_si128(c.as_ptr() as *const __m128i);
            acc = _mm_add_epi32(acc, v);
        }
        let mut lanes = [0i32; 4];
        _mm_storeu_si128(lanes.as_mut_ptr() as *mut __m128i, acc);
        sum_scalar(&lanes).wrapping_add(sum_scalar(rest))
    }
}

#[target_feature(enable = "avx2")]
unsafe fn sum_avx2(xs: &[i32]) -> i32 {
    let mut acc = _mm256_setzero_si256();
    let chunks = xs.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        let v = _mm256_loadu_si256(c.as_ptr() as *const __m256i);
        acc = _mm256_add_epi32(acc, v);
    }
    let lo = _mm256_castsi256_si128(acc);
    let hi = _mm256_extracti128_si256::<1>(acc);
    let s = _mm_add_epi32(lo, hi);
    let s = _mm_hadd_epi32(s, s);
    let s = _mm_hadd_epi32(s, s);
    _mm_cvtsi128_si32(s).wrapping_add(sum_scalar(rest))
}

fn dot_scalar(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    for i in 0..a.len() / 8 * 8 {
        lanes[i % 8] += a[i] * b[i];
    }
    let mut s = ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
    for i in a.len() / 8 * 8..a.len() {
        s += a[i] * b[i];
    }
    s
}

#[target_feature(enable = "avx2,fma")]
unsafe fn dot_fma(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len() / 8 * 8;
    let mut acc = _mm256_setzero_ps();
    let mut i = 0;
    while i < n {
        let x = _mm256_loadu_ps(a.as_ptr().add(i));
        let y = _mm256_loadu_ps(b.as_ptr().add(i));
        acc = _mm256_add_ps(acc, _mm256_mul_ps(x, y));
        i += 8;
    }
    let mut lanes = [0f32; 8];
    _mm256_storeu_ps(lanes.as_mut_ptr(), acc);
    let _ = _mm256_fmadd_ps(acc, acc, acc);
    let mut s = ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
    for j in n..a.len() {
        s += a[j] * b[j];
    }
    s
}

#[target_feature(enable = "sse4.1")]
unsafe fn max_sse41(xs: &[i32]) -> i32 {
    let mut m = _mm_set1_epi32(i32::MIN);
    for c in xs.chunks_exact(4) {
        m = _mm_max_epi32(m, _mm_loadu_si128(c.as_ptr() as *const __m128i));
    }
    let mut lanes = [0i32; 4];
    _mm_storeu_si128(lanes.as_mut_ptr() as *mut __m128i, m);
    let mut best = *lanes.iter().max().unwrap();
    for &x in xs.chunks_exact(4).remainder() {
        best = best.max(x);
    }
    best
}

fn bytes_eq_mask(a: &[u8; 16], b: &[u8; 16]) -> u16 {
    unsafe {
        let x = _mm_loadu_si128(a.as_ptr() as *const __m128i);
        let y = _mm_loadu_si128(b.as_ptr() as *const __m128i);
        _mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) as u16
    }
}

fn sse2_misc() -> [i16; 8] {
    unsafe {
        let a = _mm_set_epi16(1, -2, 3, -4, 5, -6, 7, -8);
        let b = _mm_set1_epi16(1000);
        let m = _mm_mullo_epi16(a, b);
        let s = _mm_adds_epi16(m, _mm_set1_epi16(30000));
        let sh = _mm_srai_epi16::<2>(s);
        let mut out = [0i16; 8];
        _mm_storeu_si128(out.as_mut_ptr() as *mut __m128i, _mm_unpacklo_epi16(sh, _mm_shuffle_epi32::<0b00011011>(sh)));
        out
    }
}

fn f64_sse2(a: f64, b: f64) -> (f64, f64, i32) {
    unsafe {
        let v = _mm_set_pd(a, b);
        let w = _mm_sqrt_pd(_mm_mul_pd(v, v));
        let mn = _mm_min_sd(v, w);
        (_mm_cvtsd_f64(w), _mm_cvtsd_f64(_mm_unpackhi_pd(mn, mn)), _mm_cvtsd_si32(_mm_set_sd(a * 2.5)))
    }
}

fn main() {
    let xs: Vec<i32> = (0..1003).map(|i| (i * 7919) % 1000 - 500).collect();
    let expect = sum_scalar(&xs);
    let sse = sum_sse2(&xs);
    let avx = if is_x86_feature_detected!("avx2") { unsafe { sum_avx2(&xs) } } else { expect };
    println!("sum scalar={} sse2_same={} avx2_same={}", expect, sse == expect, avx == expect);
    let a: Vec<f32> = (0..101).map(|i| i as f32 * 0.5).collect();
    let b: Vec<f32> = (0..101).map(|i| 1.0 / (1.0 + i as f32)).collect();
    let d = dot_scalar(&a, &b);
    let df = if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") { unsafe { dot_fma(&a, &b) } } else { d };
    println!("dot {} same={}", d, d == df);
    let mx = if is_x86_feature_detected!("sse4.1") { unsafe { max_sse41(&xs) } } else { *xs.iter().max().unwrap() };
    println!("max {} same={}", mx, mx == *xs.iter().max().unwrap());
    let p = *b"hello, simd!!!!!";
    let q = *b"hellO, SIMD!!!?!";
    println!("eq mask {:016b}", bytes_eq_mask(&p, &q));
    println!("misc {:?}", sse2_misc());
    println!("f64 {:?}", f64_sse2(-3.5, 2.25));
}
