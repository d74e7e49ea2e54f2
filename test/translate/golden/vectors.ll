; Vectors: 128-bit vectors as one CLIF value, wider ones as 128-bit parts,
; <N x i1> as lane masks (bitcasts to integers, sext, select), shuffles,
; element access with constant and variable lanes, reductions.

declare i32 @llvm.vector.reduce.add.v8i32(<8 x i32>)
declare i1 @llvm.vector.reduce.or.v32i1(<32 x i1>)
declare <8 x i16> @llvm.uadd.sat.v8i16(<8 x i16>, <8 x i16>)

define i16 @group_match(i8 %h, i64 %lo, i64 %hi) {
  %v0 = insertelement <2 x i64> poison, i64 %lo, i32 0
  %v1 = insertelement <2 x i64> %v0, i64 %hi, i32 1
  %b = bitcast <2 x i64> %v1 to <16 x i8>
  %s0 = insertelement <16 x i8> poison, i8 %h, i32 0
  %s = shufflevector <16 x i8> %s0, <16 x i8> poison, <16 x i32> zeroinitializer
  %eq = icmp eq <16 x i8> %b, %s
  %m = bitcast <16 x i1> %eq to i16
  ret i16 %m
}
; run: %group_match(0x41, 0x0041_0000_0000_0041, 0x4100_0000_0000_0000) == 0x8041
; run: %group_match(0, -1, -1) == 0

define i32 @wide_add(i32 %a, i32 %b) {
  %x0 = insertelement <8 x i32> zeroinitializer, i32 %a, i32 0
  %x1 = insertelement <8 x i32> %x0, i32 %b, i32 7
  %y = shufflevector <8 x i32> %x1, <8 x i32> poison, <8 x i32> <i32 7, i32 6, i32 5, i32 4, i32 3, i32 2, i32 1, i32 0>
  %z = add <8 x i32> %x1, %y
  %w = mul <8 x i32> %z, <i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7, i32 8>
  %r = call i32 @llvm.vector.reduce.add.v8i32(<8 x i32> %w)
  ret i32 %r
}
; run: %wide_add(1, 10) == 99

define i8 @wide_mask(i32 %a) {
  %x = insertelement <8 x i32> <i32 0, i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7>, i32 %a, i32 5
  %c = icmp sgt <8 x i32> %x, <i32 3, i32 3, i32 3, i32 3, i32 3, i32 3, i32 3, i32 3>
  %m = bitcast <8 x i1> %c to i8
  ret i8 %m
}
; run: %wide_mask(0) == 0xd0
; run: %wide_mask(100) == 0xf0

define i32 @bytes32(i8 %h) {
  %s0 = insertelement <32 x i8> zeroinitializer, i8 %h, i32 3
  %s1 = insertelement <32 x i8> %s0, i8 %h, i32 30
  %eq = icmp eq <32 x i8> %s1, zeroinitializer
  %m = bitcast <32 x i1> %eq to i32
  %any = call i1 @llvm.vector.reduce.or.v32i1(<32 x i1> %eq)
  %a32 = zext i1 %any to i32
  %r = xor i32 %m, %a32
  ret i32 %r
}
; run: %bytes32(0) == 0xfffffffe
; run: %bytes32(9) == 0xbffffff6

define i64 @select_wide(i1 %c, i64 %a) {
  %x = insertelement <4 x i64> zeroinitializer, i64 %a, i32 2
  %y = sub <4 x i64> zeroinitializer, %x
  %m = icmp slt <4 x i64> %x, %y
  %s = select <4 x i1> %m, <4 x i64> %x, <4 x i64> %y
  %e = extractelement <4 x i64> %s, i32 2
  %t = sext <4 x i1> %m to <4 x i64>
  %t2 = extractelement <4 x i64> %t, i32 2
  %r = add i64 %e, %t2
  ret i64 %r
}
; run: %select_wide(0, 5) == -5
; run: %select_wide(0, -5) == -6

define i32 @variable_lane(i32 %i, i32 %v) {
  %x = insertelement <8 x i32> <i32 10, i32 11, i32 12, i32 13, i32 14, i32 15, i32 16, i32 17>, i32 %v, i32 %i
  %j = add i32 %i, 1
  %a = extractelement <8 x i32> %x, i32 %i
  %b = extractelement <8 x i32> %x, i32 %j
  %r = mul i32 %a, %b
  ret i32 %r
}
; run: %variable_lane(0, 2) == 22
; run: %variable_lane(6, 3) == 51

define i16 @sat16(i16 %a, i16 %b) {
  %x = insertelement <8 x i16> zeroinitializer, i16 %a, i32 4
  %y = insertelement <8 x i16> zeroinitializer, i16 %b, i32 4
  %z = call <8 x i16> @llvm.uadd.sat.v8i16(<8 x i16> %x, <8 x i16> %y)
  %r = extractelement <8 x i16> %z, i32 4
  ret i16 %r
}
; run: %sat16(0xfff0, 0x20) == 0xffff
; run: %sat16(1, 2) == 3

define float @fwide(float %a) {
  %x = insertelement <8 x float> <float 1.0, float 2.0, float 3.0, float 4.0, float 5.0, float 6.0, float 7.0, float 8.0>, float %a, i32 6
  %y = fmul <8 x float> %x, %x
  %c = fcmp ogt <8 x float> %y, <float 10.0, float 10.0, float 10.0, float 10.0, float 10.0, float 10.0, float 10.0, float 10.0>
  %s = select <8 x i1> %c, <8 x float> %y, <8 x float> zeroinitializer
  %e6 = extractelement <8 x float> %s, i32 6
  %e3 = extractelement <8 x float> %s, i32 3
  %r = fadd float %e6, %e3
  ret float %r
}
; run: %fwide(0x1.0p1) == 0x1.0p4
; run: %fwide(0x1.0p2) == 0x1.0p5
