// core::arch::x86_64 SSE2 intrinsics used without #[target_feature] (SSE2 is
// the x86-64 baseline): integer lane arithmetic at 8/16/32/64 bits,
// saturating adds (uadd.sat/sadd.sat on vectors), madd, packs, compares and
// movemask, shuffles and unpacks, shifts, sad, average, double-precision
// sqrt/min/max/conversions, and a byte search loop like hashbrown's.
use std::arch::x86_64::*;
use std::hint::black_box;

fn i8s(v: __m128i) -> [i8; 16] { unsafe { std::mem::transmute(v) } }
fn u8s(v: __m128i) -> [u8; 16] { unsafe { std::mem::transmute(v) } }
fn i16s(v: __m128i) -> [i16; 8] { unsafe { std::mem::transmute(v) } }
fn i32s(v: __m128i) -> [i32; 4] { unsafe { std::mem::transmute(v) } }
fn i64s(v: __m128i) -> [i64; 2] { unsafe { std::mem::transmute(v) } }
fn f64s(v: __m128d) -> [f64; 2] { unsafe { std::mem::transmute(v) } }
fn f32s(v: __m128) -> [f32; 4] { unsafe { std::mem::transmute(v) } }

fn find_byte(hay: &[u8], needle: u8) -> Option<usize> {
    unsafe {
        let n = _mm_set1_epi8(needle as i8);
        let mut i = 0;
        while i + 16 <= hay.len() {
            let chunk = _mm_loadu_si128(hay.as_ptr().add(i) as *const __m128i);
            let mask = _mm_movemask_epi8(_mm_cmpeq_epi8(chunk, n)) as u32;
            if mask != 0 { return Some(i + mask.trailing_zeros() as usize); }
            i += 16;
        }
        hay[i..].iter().position(|&b| b == needle).map(|p| p + i)
    }
}

fn main() {
    unsafe {
        let a = _mm_setr_epi8(1, -2, 3, -4, 5, -6, 7, -8, 100, -100, 127, -128, 0, 50, -50, 9);
        let b = _mm_set1_epi8(black_box(120));
        println!("add8 {:?}", i8s(_mm_add_epi8(a, b)));
        println!("adds8 {:?}", i8s(_mm_adds_epi8(a, b)));
        println!("addsu8 {:?}", u8s(_mm_adds_epu8(a, b)));
        println!("subsu8 {:?}", u8s(_mm_subs_epu8(a, b)));
        println!("avg {:?}", u8s(_mm_avg_epu8(a, b)));
        println!("sad {:?}", i64s(_mm_sad_epu8(a, b)));
        println!("min/max u8 {:?} {:?}", u8s(_mm_min_epu8(a, b)), u8s(_mm_max_epu8(a, b)));
        let c = _mm_setr_epi16(1000, -1000, 32000, -32000, 7, -7, 300, 0);
        let d = _mm_set1_epi16(black_box(1500));
        println!("adds16 {:?} subs16 {:?}", i16s(_mm_adds_epi16(c, d)), i16s(_mm_subs_epi16(c, d)));
        println!("mullo {:?} mulhi {:?}", i16s(_mm_mullo_epi16(c, d)), i16s(_mm_mulhi_epi16(c, d)));
        println!("madd {:?}", i32s(_mm_madd_epi16(c, d)));
        println!("min/max i16 {:?} {:?}", i16s(_mm_min_epi16(c, d)), i16s(_mm_max_epi16(c, d)));
        let e = _mm_setr_epi32(70000, -70000, i32::MAX, i32::MIN);
        let f = _mm_setr_epi32(1, 2, 3, 4);
        println!("add32 {:?} sub32 {:?}", i32s(_mm_add_epi32(e, f)), i32s(_mm_sub_epi32(e, f)));
        println!("packs32 {:?}", i16s(_mm_packs_epi32(e, f)));
        println!("packs16 {:?} packus {:?}", i8s(_mm_packs_epi16(c, d)), u8s(_mm_packus_epi16(c, d)));
        println!("mul_epu32 {:?}", i64s(_mm_mul_epu32(e, f)));
        println!("cmpgt {:?} cmplt {:?}", i32s(_mm_cmpgt_epi32(e, f)), i32s(_mm_cmplt_epi32(e, f)));
        println!("shuffle {:?}", i32s(_mm_shuffle_epi32::<0b00_01_10_11>(e)));
        println!("shufflelo {:?} hi {:?}", i16s(_mm_shufflelo_epi16::<0b01_00_11_10>(c)), i16s(_mm_shufflehi_epi16::<0b00_00_00_00>(c)));
        println!("unpacklo8 {:?}", i8s(_mm_unpacklo_epi8(a, b)));
        println!("unpackhi16 {:?}", i16s(_mm_unpackhi_epi16(c, d)));
        println!("unpacklo64 {:?}", i64s(_mm_unpacklo_epi64(e, f)));
        println!("slli {:?} srai {:?} srli {:?}", i32s(_mm_slli_epi32::<3>(e)), i32s(_mm_srai_epi32::<4>(e)), i32s(_mm_srli_epi32::<4>(e)));
        println!("sll {:?} srl64 {:?}", i16s(_mm_sll_epi16(c, _mm_set_epi64x(0, 2))), i64s(_mm_srl_epi64(e, _mm_set_epi64x(0, 60))));
        println!("bslli {:?} bsrli {:?}", i8s(_mm_bslli_si128::<3>(a)), i8s(_mm_bsrli_si128::<5>(a)));
        println!("and/or/xor/andnot {:?} {:?} {:?} {:?}", i32s(_mm_and_si128(e, f)), i32s(_mm_or_si128(e, f)), i32s(_mm_xor_si128(e, f)), i32s(_mm_andnot_si128(f, e)));
        println!("movemask {:#x} {:#x}", _mm_movemask_epi8(a), _mm_movemask_pd(_mm_setr_pd(-1.0, 2.0)));
        println!("extract {} insert {:?}", _mm_extract_epi16::<3>(c), i16s(_mm_insert_epi16::<5>(c, 4242)));
        println!("cvtsi128 {} {}", _mm_cvtsi128_si32(e), _mm_cvtsi128_si64(f));
        let x = _mm_setr_pd(black_box(2.0), black_box(-9.5));
        let y = _mm_setr_pd(0.25, f64::NAN);
        println!("pd add {:?} mul {:?} div {:?}", f64s(_mm_add_pd(x, y)), f64s(_mm_mul_pd(x, y)), f64s(_mm_div_pd(x, y)));
        println!("sqrt_pd {:?}", f64s(_mm_sqrt_pd(_mm_setr_pd(2.0, 81.0))));
        println!("min/max pd {:?} {:?}", f64s(_mm_min_pd(x, y)), f64s(_mm_max_pd(x, y)));
        println!("cmplt {:?}", i64s(_mm_castpd_si128(_mm_cmplt_pd(x, y))));
        println!("cvtsd_si32 {} cvttsd {} cvtpd_epi32 {:?}", _mm_cvtsd_si32(_mm_set_sd(black_box(2.5))), _mm_cvttsd_si32(_mm_set_sd(-2.7)), i32s(_mm_cvtpd_epi32(_mm_setr_pd(1.5, -3.5))));
        println!("cvtepi32_pd {:?} cvtepi32_ps {:?}", f64s(_mm_cvtepi32_pd(f)), f32s(_mm_cvtepi32_ps(e)));
        println!("unpackhi_pd {:?} shuffle_pd {:?}", f64s(_mm_unpackhi_pd(x, y)), f64s(_mm_shuffle_pd::<0b01>(x, x)));
        let ps = _mm_setr_ps(1.0, 4.0, 9.0, 16.0);
        println!("ps sqrt {:?} add {:?} min {:?}", f32s(_mm_sqrt_ps(ps)), f32s(_mm_add_ps(ps, ps)), f32s(_mm_min_ps(ps, _mm_set1_ps(5.0))));
        let mut out = [0u8; 16];
        _mm_storeu_si128(out.as_mut_ptr() as *mut __m128i, _mm_sub_epi8(a, _mm_set1_epi8(1)));
        println!("store {:?}", out);
        _mm_pause();
        _mm_lfence(); _mm_mfence(); _mm_sfence();
    }
    let hay: Vec<u8> = (0..1000u32).map(|i| (i * 31 % 251) as u8).collect();
    println!("find {:?} {:?} {:?}", find_byte(&hay, 0), find_byte(&hay, 250), find_byte(&hay, 251));
}
