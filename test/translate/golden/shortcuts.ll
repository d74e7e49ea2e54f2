; Cheaper forms chosen for common operations: memcpy/memmove/memset of a
; small constant length as loads and stores (a longer one stays a call),
; unsigned division by a power of two as a shift or mask, vector shifts by one
; constant amount, masks truncated from and extended to whole vectors,
; constant offsets from a stack slot folded into stack_addr, power-of-two GEP
; strides as shifts. The expected results are those of the same functions
; compiled by llc-22 -O0.

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; copies 23 bytes (16 + 4 + 2 + 1 pieces) between two slots and reads them back
define i64 @copy23(i64 %a, i64 %b, i64 %c) {
  %s = alloca [32 x i8], align 8
  %d = alloca [32 x i8], align 8
  store i64 %a, ptr %s, align 8
  %s8 = getelementptr inbounds i8, ptr %s, i64 8
  store i64 %b, ptr %s8, align 8
  %s16 = getelementptr inbounds i8, ptr %s, i64 16
  store i64 %c, ptr %s16, align 8
  %d24 = getelementptr inbounds i8, ptr %d, i64 24
  store i64 -1, ptr %d24, align 8
  %d16 = getelementptr inbounds i8, ptr %d, i64 16
  store i64 -1, ptr %d16, align 8
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 23, i1 false)
  %x = load i64, ptr %d, align 8
  %d8 = getelementptr inbounds i8, ptr %d, i64 8
  %y = load i64, ptr %d8, align 8
  %z = load i64, ptr %d16, align 8
  %w = load i64, ptr %d24, align 8
  %r0 = xor i64 %x, %y
  %r1 = add i64 %r0, %z
  %r2 = mul i64 %r1, %w
  ret i64 %r2
}
; run: %copy23(1, 2, 0x1122334455667788) == 0x00dd_ccbb_aa99_8875
; run: %copy23(-1, 0, 0) == 0x0100_0000_0000_0001

; overlapping memmove forwards and backwards inside one slot
define i64 @move_overlap(i64 %a, i64 %b, i64 %c, i1 %fwd) {
  %p = alloca [32 x i8], align 8
  store i64 %a, ptr %p, align 8
  %p8 = getelementptr inbounds i8, ptr %p, i64 8
  store i64 %b, ptr %p8, align 8
  %p16 = getelementptr inbounds i8, ptr %p, i64 16
  store i64 %c, ptr %p16, align 8
  %p3 = getelementptr inbounds i8, ptr %p, i64 3
  br i1 %fwd, label %f, label %g
f:
  call void @llvm.memmove.p0.p0.i64(ptr %p3, ptr %p, i64 21, i1 false)
  br label %done
g:
  call void @llvm.memmove.p0.p0.i64(ptr %p, ptr %p3, i64 21, i1 false)
  br label %done
done:
  %x = load i64, ptr %p, align 8
  %y = load i64, ptr %p8, align 8
  %z = load i64, ptr %p16, align 8
  %r0 = xor i64 %x, %y
  %r1 = xor i64 %r0, %z
  ret i64 %r1
}
; run: %move_overlap(0x0807060504030201, 0x100f0e0d0c0b0a09, 0x1817161514131211, 1) == 0x1d1c_1b1a_191b_0a09
; run: %move_overlap(0x0807060504030201, 0x100f0e0d0c0b0a09, 0x1817161514131211, 0) == 0x000f_0e00_1f1e_1d1c

; memset of 13 bytes from offset 1, a byte that is not zero
define i64 @set13(i64 %a) {
  %p = alloca [16 x i8], align 8
  store i64 %a, ptr %p, align 8
  %p8 = getelementptr inbounds i8, ptr %p, i64 8
  store i64 %a, ptr %p8, align 8
  %p1 = getelementptr inbounds i8, ptr %p, i64 1
  call void @llvm.memset.p0.i64(ptr %p1, i8 -85, i64 13, i1 false)
  %x = load i64, ptr %p, align 8
  %y = load i64, ptr %p8, align 8
  %r = add i64 %x, %y
  ret i64 %r
}
; run: %set13(0) == 0xabac_5757_5757_56ab
; run: %set13(-1) == 0xabab_5757_5757_57aa

; 80 bytes are copied by a call
define i64 @copy80(ptr %d, ptr %s) {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 80, i1 false)
  ret i64 0
}

define i64 @udiv_pow2(i64 %x, i32 %y, i24 %z) {
  %a = udiv i64 %x, 16
  %b = urem i32 %y, 64
  %c = udiv i24 %z, 256
  %d = urem i24 %z, 8
  %b64 = zext i32 %b to i64
  %c64 = zext i24 %c to i64
  %d64 = zext i24 %d to i64
  %r0 = add i64 %a, %b64
  %r1 = mul i64 %c64, 1000
  %r2 = add i64 %r0, %r1
  %r3 = mul i64 %d64, 1000000
  %r = add i64 %r2, %r3
  ret i64 %r
}
; run: %udiv_pow2(-1, -1, -1) == 0x1000_0000_0452_cc16
; run: %udiv_pow2(100, 100, 0x123456) == 10660042

define <16 x i8> @shifts_i8(<16 x i8> %x) {
  %a = lshr <16 x i8> %x, splat (i8 7)
  %b = shl <16 x i8> %x, splat (i8 3)
  %c = ashr <16 x i8> %x, splat (i8 1)
  %d = xor <16 x i8> %a, %b
  %e = add <16 x i8> %d, %c
  ret <16 x i8> %e
}
; run: %shifts_i8([0 1 2 3 127 128 129 200 255 64 32 16 8 4 2 1]) == [0 8 17 25 55 -63 -55 37 -8 32 16 -120 68 34 17 8]

define <4 x i32> @shifts_i32(<4 x i32> %x, <4 x i32> %y) {
  %a = ashr <4 x i32> %x, splat (i32 31)
  %b = shl <4 x i32> %x, <i32 4, i32 4, i32 4, i32 4>
  %c = lshr <4 x i32> %x, %y
  %d = xor <4 x i32> %a, %b
  %e = add <4 x i32> %d, %c
  ret <4 x i32> %e
}
; run: %shifts_i32([1 -1 0x40000000 -2147483648], [0 31 30 1]) == [17 16 1 1073741823]

; the movemask idiom of core::arch (_mm_movemask_epi8) and a mask widened by zext
define i32 @movemask(<16 x i8> %x) {
  %lt = icmp slt <16 x i8> %x, zeroinitializer
  %s = sext <16 x i1> %lt to <16 x i8>
  %h = lshr <16 x i8> %s, splat (i8 7)
  %m = trunc <16 x i8> %h to <16 x i1>
  %bits = bitcast <16 x i1> %m to i16
  %r = zext i16 %bits to i32
  ret i32 %r
}
; run: %movemask([0 -1 2 -3 4 -5 6 -7 8 -9 10 -11 12 -13 14 -128]) == 0xaaaa
; run: %movemask([1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 127]) == 0

define <8 x i16> @mask_trunc_zext(<8 x i16> %x) {
  %m = trunc <8 x i16> %x to <8 x i1>
  %z = zext <8 x i1> %m to <8 x i16>
  %s = sext <8 x i1> %m to <8 x i16>
  %r = add <8 x i16> %z, %s
  %w = mul <8 x i16> %r, splat (i16 3)
  %q = add <8 x i16> %w, %z
  ret <8 x i16> %q
}
; run: %mask_trunc_zext([0 1 2 3 -1 -2 0x7fff 0x100]) == [0 1 0 1 1 0 1 0]

%pair = type { i32, i64 }

; GEP strides 16 and 4 as shifts, constant offsets into a slot
define i64 @strides(i64 %i, i64 %j) {
  %a = alloca [8 x %pair], align 8
  %b = alloca [8 x i32], align 4
  %e = getelementptr inbounds [8 x %pair], ptr %a, i64 0, i64 %i, i32 1
  store i64 %j, ptr %e, align 8
  %f = getelementptr inbounds i32, ptr %b, i64 %i
  store i32 7, ptr %f, align 4
  %g = getelementptr inbounds %pair, ptr %a, i64 %i
  %h = getelementptr inbounds i8, ptr %g, i64 8
  %x = load i64, ptr %h, align 8
  %y = load i32, ptr %f, align 4
  %y64 = zext i32 %y to i64
  %r = add i64 %x, %y64
  ret i64 %r
}
; run: %strides(0, 5) == 12
; run: %strides(7, -7) == 0

; splat shuffles: of the scalar just inserted, of another lane, from the second operand, into two parts
define <16 x i8> @splat_inserted(i8 %h) {
  %s0 = insertelement <16 x i8> poison, i8 %h, i32 0
  %s = shufflevector <16 x i8> %s0, <16 x i8> poison, <16 x i32> zeroinitializer
  ret <16 x i8> %s
}
; run: %splat_inserted(-7) == [-7 -7 -7 -7 -7 -7 -7 -7 -7 -7 -7 -7 -7 -7 -7 -7]

define <4 x i32> @splat_lanes(<4 x i32> %x, <4 x i32> %y) {
  %a = shufflevector <4 x i32> %x, <4 x i32> %y, <4 x i32> <i32 2, i32 2, i32 poison, i32 2>
  %b = shufflevector <4 x i32> %x, <4 x i32> %y, <4 x i32> <i32 5, i32 5, i32 5, i32 5>
  %c = insertelement <4 x i32> %x, i32 100, i32 1
  %d = shufflevector <4 x i32> %c, <4 x i32> poison, <4 x i32> <i32 1, i32 1, i32 1, i32 1>
  %e = add <4 x i32> %a, %b
  %f = mul <4 x i32> %e, %d
  ret <4 x i32> %f
}
; run: %splat_lanes([1 2 3 4], [10 20 30 40]) == [2300 2300 2300 2300]

define i32 @splat_wide(i32 %v) {
  %s0 = insertelement <8 x i32> poison, i32 %v, i32 0
  %s = shufflevector <8 x i32> %s0, <8 x i32> poison, <8 x i32> zeroinitializer
  %w = add <8 x i32> %s, <i32 0, i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7>
  %r = extractelement <8 x i32> %w, i32 6
  ret i32 %r
}
; run: %splat_wide(10) == 16

; booleans: a compare's result needs no masking, `and x, true` is x,
; `xor (icmp), true` is the inverse compare, `select c, 1, 0` is c widened
define i64 @bools(i64 %a, i64 %b) {
  %c = icmp ult i64 %a, %b
  %c1 = and i1 %c, true
  %n = xor i1 %c1, true
  %s = select i1 %n, i64 1, i64 0
  %t = select i1 %c, i32 1, i32 0
  %u = select i1 %c, i64 0, i64 1
  %t64 = zext i32 %t to i64
  %r0 = mul i64 %s, 100
  %r1 = mul i64 %t64, 10
  %r2 = add i64 %r0, %r1
  %r3 = add i64 %r2, %u
  %r = or i64 %r3, 0
  br i1 %n, label %yes, label %no
yes:
  %y = add i64 %r, 1000
  ret i64 %y
no:
  ret i64 %r
}
; run: %bools(1, 2) == 10
; run: %bools(2, 1) == 1101
; run: %bools(3, 3) == 1101

; the Option discriminant idiom: `select (icmp), 0, 1` widened, then truncated back to i1 for the branch
define i32 @discr(ptr %p, i32 %d) {
  %null = icmp eq ptr %p, null
  %tag = select i1 %null, i64 0, i64 1
  %some = trunc i64 %tag to i1
  br i1 %some, label %yes, label %no
yes:
  %v = load i32, ptr %p, align 4
  ret i32 %v
no:
  ret i32 %d
}
; run: %discr(0, 77) == 77
