; <N x i1> masks stored to and loaded from memory as LLVM lays them out:
; N bits, lane 0 in the lowest bit (optimized code stores hashbrown's group
; masks this way). The run lines' values come from llc-22 -O0.
define i64 @mask_mem(i64 %lo, i64 %hi, i32 %n) {
  %p = alloca [32 x i8], align 8
  call void @llvm.memset.p0.i64(ptr %p, i8 85, i64 32, i1 false)
  %a = insertelement <2 x i64> undef, i64 %lo, i32 0
  %b = insertelement <2 x i64> %a, i64 %hi, i32 1
  %v = bitcast <2 x i64> %b to <16 x i8>
  %m = icmp slt <16 x i8> %v, zeroinitializer
  %q = getelementptr i8, ptr %p, i64 4
  store <16 x i1> %m, ptr %q, align 2
  %n4 = insertelement <4 x i32> undef, i32 %n, i32 0
  %n4s = shufflevector <4 x i32> %n4, <4 x i32> undef, <4 x i32> zeroinitializer
  %m4 = icmp ult <4 x i32> <i32 1, i32 5, i32 9, i32 13>, %n4s
  %q4 = getelementptr i8, ptr %p, i64 9
  store <4 x i1> %m4, ptr %q4, align 1
  %w = load i64, ptr %p, align 8
  %back = load <16 x i1>, ptr %q, align 2
  %bx = select <16 x i1> %back, <16 x i8> %v, <16 x i8> splat (i8 7)
  %bc = bitcast <16 x i8> %bx to <2 x i64>
  %e = extractelement <2 x i64> %bc, i32 1
  %b4 = load <4 x i1>, ptr %q4, align 1
  %b4i = bitcast <4 x i1> %b4 to i4
  %b4z = zext i4 %b4i to i64
  %t = xor i64 %w, %e
  %t2 = shl i64 %b4z, 60
  %r = xor i64 %t, %t2
  ret i64 %r
}
; run: %mask_mem(0x8000ff0001807f80, 0x102030481828384, 6) == 0x625208a2d4d7d6d1
; run: %mask_mem(0x0, 0x80, 0) == 0x52520607525252d5
; run: %mask_mem(0xffffffffffffffff, 0x0, 100) == 0xa25207f852525252

declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
