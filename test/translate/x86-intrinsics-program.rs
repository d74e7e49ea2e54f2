// Calls core::arch::x86_64 functions whose bodies use llvm.x86.* intrinsics; drive(seed)
// folds their results into one number. Built by x86-intrinsics-rustc.test.ts with rustc
// (native) and through cgts (CLIF interpreter); both must print the same numbers.

#![allow(unused)]
use core::arch::x86_64::*;
#[target_feature(enable = "sse4.2,avx2,bmi2,pclmulqdq,aes,sha,bmi1")]
pub unsafe fn all(a: __m128i, b: __m128i, c: __m256i, d: __m256i, f: __m128, g: __m256d, p: *const i32) -> i64 {
    let mut acc = 0i64;
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_packs_epi32(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_packus_epi16(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_shuffle_epi8(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_sad_epu8(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_madd_epi16(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_sll_epi32(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_sra_epi16(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_maddubs_epi16(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_mulhrs_epi16(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_sign_epi8(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_mpsadbw_epu8::<5>(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_minpos_epu16(a)));
    acc = acc.wrapping_add(_mm_testnzc_si128(a, b) as i64);
    acc = acc.wrapping_add(_mm_cmpistri::<{ _SIDD_CMP_EQUAL_ORDERED }>(a, b) as i64);
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_cmpestrm::<{ _SIDD_CMP_RANGES | _SIDD_UNIT_MASK }>(a, 3, b, 9)));
    acc = acc.wrapping_add(_mm_crc32_u64(acc as u64, 77) as i64);
    acc = acc.wrapping_add(_mm_crc32_u8(acc as u32, 7) as i64);
    acc = acc.wrapping_add(_mm_cvtss_si32(f) as i64 ^ _mm_cvttss_si64(f));
    acc = acc.wrapping_add(_mm_comilt_ss(f, _mm_max_ss(f, f)) as i64);
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_castps_si128(_mm_min_ps(f, _mm_cmp_ps::<_CMP_LT_OQ>(f, f)))));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_castps_si128(_mm_cmp_ps::<_CMP_NGT_UQ>(f, f))));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_castps_si128(_mm_dp_ps::<0x71>(f, f))));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_castps_si128(_mm_round_ps::<_MM_FROUND_TO_NEAREST_INT>(f))));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_castps_si128(_mm_insert_ps::<0x4c>(f, f))));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_cvtps_epi32(f)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_cvttpd_epi32(_mm256_castpd256_pd128(g))));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm256_cvtpd_epi32(g)));
    acc = acc.wrapping_add(_mm256_testz_pd(g, g) as i64 ^ _mm256_testnzc_si256(c, d) as i64);
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_permutevar8x32_epi32(c, d)));
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_shuffle_epi8(c, d)));
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_packs_epi16(c, d)));
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_mpsadbw_epu8::<0x2d>(c, d)));
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_sll_epi64(c, a)));
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_castpd_si256(_mm256_permutevar_pd(g, c))));
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_castpd_si256(_mm256_max_pd(g, g))));
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_i32gather_epi32::<4>(p, _mm256_setzero_si256())));
    acc = acc.wrapping_add(_mm256_extract_epi64::<1>(_mm256_mask_i64gather_epi64::<8>(c, p as *const i64, _mm256_setzero_si256(), d)));
    acc = acc.wrapping_add(_pdep_u64(acc as u64, 0xff00ff) as i64 ^ _pext_u32(acc as u32, 0xf0f0) as i64 ^ _bzhi_u64(acc as u64, 9) as i64);
    acc = acc.wrapping_add(_bextr_u64(acc as u64, 3, 9) as i64 ^ _bextr2_u32(acc as u32, 0x0403) as i64);
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_clmulepi64_si128::<0x11>(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_aesenc_si128(a, b)) ^ _mm_cvtsi128_si64(_mm_aeskeygenassist_si128::<0x36>(a)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_sha256rnds2_epu32(a, b, a)) ^ _mm_cvtsi128_si64(_mm_sha1rnds4_epu32::<2>(a, b)));
    _mm_lfence(); _mm_mfence(); _mm_sfence(); _mm_pause(); _mm256_zeroupper();
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_lddqu_si128(p as *const __m128i)));
    acc
}

#[target_feature(enable = "sse4.2,avx2,aes,sha")]
pub unsafe fn more(a: __m128i, b: __m128i, c: __m256i, h: __m128d, g: __m256, p: *mut i8) -> i64 {
    let mut acc = 0i64;
    acc = acc.wrapping_add(_mm_cmpestra::<{ _SIDD_CMP_EQUAL_ANY | _SIDD_NEGATIVE_POLARITY }>(a, 5, b, 12) as i64);
    acc = acc.wrapping_add(_mm_cmpistrz::<{ _SIDD_UWORD_OPS | _SIDD_CMP_EQUAL_EACH }>(a, b) as i64);
    acc = acc.wrapping_add(_mm_cmpestri::<{ _SIDD_SBYTE_OPS | _SIDD_CMP_RANGES | _SIDD_MOST_SIGNIFICANT }>(a, -7, b, 16) as i64);
    acc = acc.wrapping_add(_mm_cvtsd_si64(h) ^ _mm_cvttsd_si32(h) as i64 ^ _mm_ucomige_sd(h, h) as i64);
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_srl_epi64(a, b)) ^ _mm_cvtsi128_si64(_mm_castpd_si128(_mm_max_sd(h, h))));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_castps_si128(_mm_cvtsd_ss(_mm_castsi128_ps(a), h))));
    acc = acc.wrapping_add(_mm256_extract_epi64::<2>(_mm256_castps_si256(_mm256_permutevar_ps(g, c))));
    acc = acc.wrapping_add(_mm256_extract_epi64::<3>(_mm256_cvtps_epi32(g)) ^ _mm256_testc_ps(g, g) as i64);
    acc = acc.wrapping_add(_mm256_extract_epi64::<3>(_mm256_castps_si256(_mm256_cmp_ps::<_CMP_NLE_UQ>(g, _mm256_permutevar8x32_ps(g, c)))));
    acc = acc.wrapping_add(_mm256_extract_epi64::<0>(_mm256_madd_epi16(c, c)) ^ _mm256_extract_epi64::<1>(_mm256_sad_epu8(c, c)));
    acc = acc.wrapping_add(_mm256_extract_epi64::<2>(_mm256_sra_epi32(c, b)) ^ _mm256_extract_epi64::<3>(_mm256_mulhrs_epi16(c, c)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_aesdec_si128(a, b)) ^ _mm_cvtsi128_si64(_mm_aesdeclast_si128(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_aesenclast_si128(a, b)) ^ _mm_cvtsi128_si64(_mm_aesimc_si128(a)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_sha1msg1_epu32(a, b)) ^ _mm_cvtsi128_si64(_mm_sha1msg2_epu32(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_sha1nexte_epu32(a, b)) ^ _mm_cvtsi128_si64(_mm_sha256msg1_epu32(a, b)));
    acc = acc.wrapping_add(_mm_cvtsi128_si64(_mm_sha256msg2_epu32(a, b)));
    acc = acc.wrapping_add(_mm_crc32_u16(acc as u32, 0xbeef) as i64 ^ _mm_crc32_u32(acc as u32, 0xdeadbeef) as i64);
    let (mut s, mut d) = (0u64, 0u32);
    let c1 = _addcarry_u64((acc & 1) as u8, acc as u64, u64::MAX - 3, &mut s);
    let c2 = _subborrow_u32(c1, acc as u32, 0x8000_0000, &mut d);
    acc = acc.wrapping_add(s as i64 ^ d as i64 ^ ((c1 as i64) << 40) ^ ((c2 as i64) << 50));
    _mm_maskmoveu_si128(a, b, p);
    acc = acc.wrapping_add(*p.add(3) as i64);
    acc
}

#[no_mangle]
pub fn drive(seed: u64) -> i64 {
    let mut s = seed.wrapping_mul(0x9e3779b97f4a7c15) | 1;
    let mut next = move || { s ^= s << 13; s ^= s >> 7; s ^= s << 17; s as i64 };
    let mut arr = [0i32; 64];
    for x in arr.iter_mut() { *x = next() as i32; }
    unsafe {
        let a = _mm_set_epi64x(next(), next());
        let b = _mm_set_epi64x(next() & 0x0f0f0f0f0f0f0f0f, next());
        let c = _mm256_set_epi64x(next(), next(), next(), next());
        let d = _mm256_set_epi64x(next() & 0x0707070707070707, next(), next(), next());
        let f = _mm_set_ps(next() as f32, (next() % 1000) as f32 / 8.0, f32::from_bits(next() as u32), -2.5);
        let g = _mm256_set_pd(next() as f64, 1e300, (next() % 1000) as f64 / 4.0, f64::from_bits(next() as u64));
        let h = _mm_set_pd(f64::from_bits(next() as u64), (next() % 100000) as f64 / 16.0);
        let gf = _mm256_set_ps(next() as f32, 1.5, -0.0, f32::from_bits(next() as u32), 2.5, (next() % 99) as f32, 3e9, -7.5);
        let x = all(a, b, c, d, f, g, arr.as_ptr());
        x ^ more(a, b, c, h, gf, arr.as_mut_ptr() as *mut i8)
    }
}
fn main() {
    for seed in 1..13u64 {
        println!("{}", drive(seed));
    }
}
