; Integer arithmetic at every width rustc uses, odd widths (i1, i24, i40)
; kept zero-extended in their CLIF container.

define i8 @add_i8(i8 %a, i8 %b) {
  %r = add i8 %a, %b
  ret i8 %r
}
; run: %add_i8(200, 100) == 44

define i24 @mul_i24(i24 %a, i24 %b) {
  %r = mul i24 %a, %b
  ret i24 %r
}
; run: %mul_i24(0x1000, 0x1001) == 0x1000
; run: %mul_i24(3, 5) == 15

define i40 @sub_i40(i40 %a, i40 %b) {
  %r = sub i40 %a, %b
  ret i40 %r
}
; run: %sub_i40(0, 1) == 0xffffffffff

define i1 @xor_i1(i1 %a, i1 %b) {
  %r = add i1 %a, %b
  ret i1 %r
}
; run: %xor_i1(1, 1) == 0
; run: %xor_i1(1, 0) == 1

define i24 @sdiv_i24(i24 %a, i24 %b) {
  %r = sdiv i24 %a, %b
  ret i24 %r
}
; run: %sdiv_i24(0xfffff6, 3) == 0xfffffd
; run: %sdiv_i24(100, 7) == 14

define i40 @ashr_i40(i40 %a, i40 %b) {
  %r = ashr i40 %a, %b
  ret i40 %r
}
; run: %ashr_i40(0x8000000000, 4) == 0xf800000000
; run: %ashr_i40(0x4000000000, 4) == 0x0400000000

define i8 @slt_i24(i24 %a, i24 %b) {
  %c = icmp slt i24 %a, %b
  %r = zext i1 %c to i8
  ret i8 %r
}
; run: %slt_i24(0xffffff, 0) == 1
; run: %slt_i24(1, 0) == 0

define i64 @sext_i24(i24 %a) {
  %r = sext i24 %a to i64
  ret i64 %r
}
; run: %sext_i24(0x800000) == -8388608
; run: %sext_i24(0x7fffff) == 8388607

define i24 @trunc_i24(i64 %a) {
  %r = trunc i64 %a to i24
  ret i24 %r
}
; run: %trunc_i24(0x123456789) == 0x456789

define i128 @mul_i128(i128 %a, i128 %b) {
  %r = mul i128 %a, %b
  ret i128 %r
}
; run: %mul_i128(0x10000000000000000, 0x10000000000000000) == 0
; run: %mul_i128(0xffffffffffffffff, 0xffffffffffffffff) == 0xfffffffffffffffe0000000000000001

define i128 @udiv_i128(i128 %a, i128 %b) {
  %r = udiv i128 %a, %b
  ret i128 %r
}
; run: %udiv_i128(0xfffffffffffffffe0000000000000001, 0xffffffffffffffff) == 0xffffffffffffffff

define i32 @shifts(i32 %a, i32 %s) {
  %x = shl i32 %a, %s
  %y = lshr i32 %x, 1
  %z = ashr i32 %x, 2
  %r = xor i32 %y, %z
  ret i32 %r
}
; run: %shifts(0x80000001, 0) == 0xa0000000
; run: %shifts(3, 30) == 0x90000000
