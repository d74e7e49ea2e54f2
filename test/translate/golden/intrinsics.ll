; llvm.* intrinsics lowered inline: overflow arithmetic (also on odd widths),
; saturation, bit counting, funnel shifts, three-way compares, float min/max
; with NaN operands, saturating float to int conversion.

declare { i64, i1 } @llvm.umul.with.overflow.i64(i64, i64)
declare { i32, i1 } @llvm.sadd.with.overflow.i32(i32, i32)
declare { i24, i1 } @llvm.uadd.with.overflow.i24(i24, i24)
declare i64 @llvm.uadd.sat.i64(i64, i64)
declare i8 @llvm.usub.sat.i8(i8, i8)
declare i32 @llvm.sadd.sat.i32(i32, i32)
declare i16 @llvm.ssub.sat.i16(i16, i16)
declare i32 @llvm.ctpop.i32(i32)
declare i64 @llvm.ctlz.i64(i64, i1)
declare i16 @llvm.cttz.i16(i16, i1)
declare i32 @llvm.bswap.i32(i32)
declare i32 @llvm.bitreverse.i32(i32)
declare i64 @llvm.fshl.i64(i64, i64, i64)
declare i16 @llvm.fshr.i16(i16, i16, i16)
declare i8 @llvm.scmp.i8.i64(i64, i64)
declare i8 @llvm.ucmp.i8.i32(i32, i32)
declare double @llvm.minnum.f64(double, double)
declare float @llvm.maxnum.f32(float, float)
declare i8 @llvm.fptoui.sat.i8.f32(float)
declare i32 @llvm.fptosi.sat.i32.f64(double)
declare i1 @llvm.is.constant.i32(i32)

define { i64, i1 } @umulo(i64 %a, i64 %b) {
  %r = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %a, i64 %b)
  ret { i64, i1 } %r
}
; run: %umulo(0x100000000, 0x100000000) == [0, 1]
; run: %umulo(3, 4) == [12, 0]

define { i32, i1 } @saddo(i32 %a, i32 %b) {
  %r = call { i32, i1 } @llvm.sadd.with.overflow.i32(i32 %a, i32 %b)
  ret { i32, i1 } %r
}
; run: %saddo(0x7fffffff, 1) == [0x80000000, 1]
; run: %saddo(-1, 1) == [0, 0]

define { i24, i1 } @uaddo24(i24 %a, i24 %b) {
  %r = call { i24, i1 } @llvm.uadd.with.overflow.i24(i24 %a, i24 %b)
  ret { i24, i1 } %r
}
; run: %uaddo24(0xffffff, 2) == [1, 1]
; run: %uaddo24(0x7fffff, 1) == [0x800000, 0]

define i64 @sat(i64 %a, i64 %b, i8 %c, i8 %d, i32 %e, i32 %f, i16 %g, i16 %h) {
  %1 = call i64 @llvm.uadd.sat.i64(i64 %a, i64 %b)
  %2 = call i8 @llvm.usub.sat.i8(i8 %c, i8 %d)
  %3 = call i32 @llvm.sadd.sat.i32(i32 %e, i32 %f)
  %4 = call i16 @llvm.ssub.sat.i16(i16 %g, i16 %h)
  %x2 = zext i8 %2 to i64
  %x3 = sext i32 %3 to i64
  %x4 = sext i16 %4 to i64
  %s1 = xor i64 %1, %x2
  %s2 = xor i64 %s1, %x3
  %s3 = xor i64 %s2, %x4
  ret i64 %s3
}
; run: %sat(-1, 5, 3, 9, 0x7fffffff, 1, -32768, 1) == 0x7fff8000
; run: %sat(1, 2, 9, 3, -5, -0x7fffffff, 5, -32768) == 0xffffffff80007ffa

define i64 @bits(i32 %a, i64 %b, i16 %c) {
  %p = call i32 @llvm.ctpop.i32(i32 %a)
  %l = call i64 @llvm.ctlz.i64(i64 %b, i1 false)
  %t = call i16 @llvm.cttz.i16(i16 %c, i1 false)
  %w = call i32 @llvm.bswap.i32(i32 %a)
  %v = call i32 @llvm.bitreverse.i32(i32 %a)
  %p64 = zext i32 %p to i64
  %t64 = zext i16 %t to i64
  %w64 = zext i32 %w to i64
  %v64 = zext i32 %v to i64
  %x1 = shl i64 %p64, 56
  %x2 = shl i64 %l, 48
  %x3 = shl i64 %t64, 40
  %y = or i64 %x1, %x2
  %z = or i64 %y, %x3
  %z2 = xor i64 %z, %w64
  %z3 = xor i64 %z2, %v64
  ret i64 %z3
}
; run: %bits(0x00000001, 0, 0) == 0x0140100081000000
; run: %bits(0xf0f0f0f0, 1, 0x8000) == 0x103f0f00ffffffff

define i64 @funnel(i64 %a, i64 %b, i64 %s, i16 %c, i16 %d, i16 %t) {
  %x = call i64 @llvm.fshl.i64(i64 %a, i64 %b, i64 %s)
  %y = call i16 @llvm.fshr.i16(i16 %c, i16 %d, i16 %t)
  %r = call i64 @llvm.fshl.i64(i64 %a, i64 %a, i64 %s)
  %y64 = zext i16 %y to i64
  %z = xor i64 %x, %y64
  %q = xor i64 %z, %r
  ret i64 %q
}
; run: %funnel(0x8000000000000001, 0x4000000000000000, 1, 0x1234, 0x5678, 4) == 0x4566
; run: %funnel(5, 6, 64, 1, 2, 16) == 2

define i32 @cmp3(i64 %a, i64 %b, i32 %c, i32 %d) {
  %s = call i8 @llvm.scmp.i8.i64(i64 %a, i64 %b)
  %u = call i8 @llvm.ucmp.i8.i32(i32 %c, i32 %d)
  %s32 = sext i8 %s to i32
  %u32 = sext i8 %u to i32
  %m = mul i32 %s32, 3
  %r = add i32 %m, %u32
  ret i32 %r
}
; run: %cmp3(-1, 1, 0xffffffff, 1) == -2
; run: %cmp3(1, 1, 0, 1) == -1
; run: %cmp3(2, 1, 1, 1) == 3

define double @minnum(double %a, double %b) {
  %r = call double @llvm.minnum.f64(double %a, double %b)
  ret double %r
}
; run: %minnum(NaN, 0x1.0p0) == 0x1.0p0
; run: %minnum(0x1.0p0, NaN) == 0x1.0p0
; run: %minnum(-0x1.0p0, 0x1.0p0) == -0x1.0p0

define float @maxnum(float %a, float %b) {
  %r = call float @llvm.maxnum.f32(float %a, float %b)
  ret float %r
}
; run: %maxnum(NaN, 0x1.0p1) == 0x1.0p1
; run: %maxnum(-Inf, -0x1.0p1) == -0x1.0p1

define i8 @f2u8(float %x) {
  %r = call i8 @llvm.fptoui.sat.i8.f32(float %x)
  ret i8 %r
}
; run: %f2u8(0x1.0p9) == 255
; run: %f2u8(-0x1.0p0) == 0
; run: %f2u8(NaN) == 0
; run: %f2u8(0x1.8p1) == 3

define i32 @f2i32(double %x) {
  %r = call i32 @llvm.fptosi.sat.i32.f64(double %x)
  %c = call i1 @llvm.is.constant.i32(i32 %r)
  %z = zext i1 %c to i32
  %r2 = add i32 %r, %z
  ret i32 %r2
}
; run: %f2i32(0x1.0p40) == 0x7fffffff
; run: %f2i32(-0x1.0p40) == 0x80000000
; run: %f2i32(-0x1.8p1) == -3

define double @minnum_zeros(double %a, double %b) {
  %r = call double @llvm.minnum.f64(double %a, double %b)
  ret double %r
}
; run: %minnum_zeros(0.0, -0.0) == 0.0
; run: %minnum_zeros(-0.0, 0.0) == -0.0
