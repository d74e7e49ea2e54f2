; Vector funnel shifts and rotates (llvm.fshl/fshr on vectors, as rustc --release
; writes them for ChaCha-style code): constant splat amounts, zero and
; out-of-range amounts, per-lane constants, variable amounts, 512-bit vectors.
; The run lines' values come from llc-22 -O0.
declare <4 x i32> @llvm.fshl.v4i32(<4 x i32>, <4 x i32>, <4 x i32>)
declare <4 x i32> @llvm.fshr.v4i32(<4 x i32>, <4 x i32>, <4 x i32>)
declare <16 x i8> @llvm.fshl.v16i8(<16 x i8>, <16 x i8>, <16 x i8>)
declare <16 x i8> @llvm.fshr.v16i8(<16 x i8>, <16 x i8>, <16 x i8>)
declare <8 x i64> @llvm.fshl.v8i64(<8 x i64>, <8 x i64>, <8 x i64>)

define i64 @vfunnel(i64 %a, i64 %b, i32 %s) {
  %va = insertelement <2 x i64> undef, i64 %a, i32 0
  %va2 = insertelement <2 x i64> %va, i64 %b, i32 1
  %vb = insertelement <2 x i64> undef, i64 %b, i32 0
  %vb2 = insertelement <2 x i64> %vb, i64 %a, i32 1
  %x = bitcast <2 x i64> %va2 to <4 x i32>
  %y = bitcast <2 x i64> %vb2 to <4 x i32>
  %r1 = call <4 x i32> @llvm.fshl.v4i32(<4 x i32> %x, <4 x i32> %y, <4 x i32> <i32 7, i32 7, i32 7, i32 7>)
  %r2 = call <4 x i32> @llvm.fshr.v4i32(<4 x i32> %r1, <4 x i32> %x, <4 x i32> <i32 44, i32 44, i32 44, i32 44>)
  %r3 = call <4 x i32> @llvm.fshl.v4i32(<4 x i32> %r2, <4 x i32> %r2, <4 x i32> <i32 16, i32 16, i32 16, i32 16>)
  %r4 = call <4 x i32> @llvm.fshl.v4i32(<4 x i32> %r3, <4 x i32> %y, <4 x i32> zeroinitializer)
  %r5 = call <4 x i32> @llvm.fshr.v4i32(<4 x i32> %r4, <4 x i32> %x, <4 x i32> <i32 1, i32 8, i32 33, i32 0>)
  %s0 = insertelement <4 x i32> undef, i32 %s, i32 0
  %sv = shufflevector <4 x i32> %s0, <4 x i32> undef, <4 x i32> zeroinitializer
  %r6 = call <4 x i32> @llvm.fshl.v4i32(<4 x i32> %r5, <4 x i32> %y, <4 x i32> %sv)
  %b8 = bitcast <4 x i32> %r6 to <16 x i8>
  %x8 = bitcast <4 x i32> %x to <16 x i8>
  %r7 = call <16 x i8> @llvm.fshl.v16i8(<16 x i8> %b8, <16 x i8> %b8, <16 x i8> <i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3, i8 3>)
  %r8 = call <16 x i8> @llvm.fshr.v16i8(<16 x i8> %r7, <16 x i8> %x8, <16 x i8> <i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5, i8 5>)
  %o = bitcast <16 x i8> %r8 to <2 x i64>
  %lo = extractelement <2 x i64> %o, i32 0
  %hi = extractelement <2 x i64> %o, i32 1
  %hi3 = mul i64 %hi, 3
  %res = add i64 %lo, %hi3
  ret i64 %res
}

; run: %vfunnel(0x123456789abcdef, 0xfedcba9876543210, 3) == 0x5ebc2268e624621f
; run: %vfunnel(0xffffffff00000001, 0x8000000000000000, 40) == 0xc00020f00000000
; run: %vfunnel(0x0, 0x5, 0) == 0x180

define i64 @wfunnel(i64 %a, i64 %b, i64 %s) {
  %a0 = insertelement <8 x i64> undef, i64 %a, i32 0
  %av = shufflevector <8 x i64> %a0, <8 x i64> undef, <8 x i32> zeroinitializer
  %b0 = insertelement <8 x i64> undef, i64 %b, i32 0
  %bv = shufflevector <8 x i64> %b0, <8 x i64> undef, <8 x i32> zeroinitializer
  %s0 = insertelement <8 x i64> <i64 0, i64 1, i64 63, i64 64, i64 65, i64 100, i64 7, i64 0>, i64 %s, i32 7
  %r = call <8 x i64> @llvm.fshl.v8i64(<8 x i64> %av, <8 x i64> %bv, <8 x i64> %s0)
  %e0 = extractelement <8 x i64> %r, i32 0
  %e1 = extractelement <8 x i64> %r, i32 1
  %e2 = extractelement <8 x i64> %r, i32 2
  %e3 = extractelement <8 x i64> %r, i32 3
  %e4 = extractelement <8 x i64> %r, i32 4
  %e5 = extractelement <8 x i64> %r, i32 5
  %e6 = extractelement <8 x i64> %r, i32 6
  %e7 = extractelement <8 x i64> %r, i32 7
  %t1 = xor i64 %e0, %e1
  %t2 = mul i64 %t1, 31
  %t3 = xor i64 %t2, %e2
  %t4 = mul i64 %t3, 31
  %t5 = xor i64 %t4, %e3
  %t6 = mul i64 %t5, 31
  %t7 = xor i64 %t6, %e4
  %t8 = mul i64 %t7, 31
  %t9 = xor i64 %t8, %e5
  %t10 = mul i64 %t9, 31
  %t11 = xor i64 %t10, %e6
  %t12 = mul i64 %t11, 31
  %t13 = xor i64 %t12, %e7
  ret i64 %t13
}
; run: %wfunnel(0x123456789abcdef, 0xfedcba9876543210, 5) == 0x1b744a04851a355b
; run: %wfunnel(0xffffffff00000001, 0x8000000000000000, 64) == 0x74f3bb6369db0a23
; run: %wfunnel(0x0, 0x5, 127) == 0x369b13c
