; Float arithmetic, every fcmp predicate, conversions (saturating where LLVM's
; result would be poison), fneg.

define i32 @fcmps(double %a, double %b) {
  %c1 = fcmp oeq double %a, %b
  %c2 = fcmp ogt double %a, %b
  %c3 = fcmp oge double %a, %b
  %c4 = fcmp olt double %a, %b
  %c5 = fcmp ole double %a, %b
  %c6 = fcmp one double %a, %b
  %c7 = fcmp ord double %a, %b
  %c8 = fcmp uno double %a, %b
  %c9 = fcmp ueq double %a, %b
  %c10 = fcmp ugt double %a, %b
  %c11 = fcmp uge double %a, %b
  %c12 = fcmp ult double %a, %b
  %c13 = fcmp ule double %a, %b
  %c14 = fcmp une double %a, %b
  %c15 = fcmp true double %a, %b
  %c0 = fcmp false double %a, %b
  %r0 = zext i1 %c0 to i32
  %r1 = zext i1 %c1 to i32
  %r2 = zext i1 %c2 to i32
  %r3 = zext i1 %c3 to i32
  %r4 = zext i1 %c4 to i32
  %r5 = zext i1 %c5 to i32
  %r6 = zext i1 %c6 to i32
  %r7 = zext i1 %c7 to i32
  %r8 = zext i1 %c8 to i32
  %r9 = zext i1 %c9 to i32
  %r10 = zext i1 %c10 to i32
  %r11 = zext i1 %c11 to i32
  %r12 = zext i1 %c12 to i32
  %r13 = zext i1 %c13 to i32
  %r14 = zext i1 %c14 to i32
  %r15 = zext i1 %c15 to i32
  %s1 = shl i32 %r1, 1
  %s2 = shl i32 %r2, 2
  %s3 = shl i32 %r3, 3
  %s4 = shl i32 %r4, 4
  %s5 = shl i32 %r5, 5
  %s6 = shl i32 %r6, 6
  %s7 = shl i32 %r7, 7
  %s8 = shl i32 %r8, 8
  %s9 = shl i32 %r9, 9
  %s10 = shl i32 %r10, 10
  %s11 = shl i32 %r11, 11
  %s12 = shl i32 %r12, 12
  %s13 = shl i32 %r13, 13
  %s14 = shl i32 %r14, 14
  %s15 = shl i32 %r15, 15
  %o1 = or i32 %r0, %s1
  %o2 = or i32 %o1, %s2
  %o3 = or i32 %o2, %s3
  %o4 = or i32 %o3, %s4
  %o5 = or i32 %o4, %s5
  %o6 = or i32 %o5, %s6
  %o7 = or i32 %o6, %s7
  %o8 = or i32 %o7, %s8
  %o9 = or i32 %o8, %s9
  %o10 = or i32 %o9, %s10
  %o11 = or i32 %o10, %s11
  %o12 = or i32 %o11, %s12
  %o13 = or i32 %o12, %s13
  %o14 = or i32 %o13, %s14
  %o15 = or i32 %o14, %s15
  ret i32 %o15
}
; run: %fcmps(0x1.0p0, 0x1.0p0) == 0xaaaa
; run: %fcmps(0x1.0p1, 0x1.0p0) == 0xcccc
; run: %fcmps(0x1.0p0, 0x1.0p1) == 0xf0f0
; run: %fcmps(NaN, 0x1.0p0) == 0xff00

define i64 @convert(double %d, float %f, i8 %b) {
  %x = fptosi double %d to i64
  %y = fptoui float %f to i16
  %z = sitofp i8 %b to double
  %w = uitofp i8 %b to float
  %e = fpext float %w to double
  %t = fptrunc double %z to float
  %n = fneg double %e
  %s = fadd double %n, %z
  %q = fmul double %s, 4.0
  %qi = fptosi double %q to i64
  %y64 = zext i16 %y to i64
  %ti = fptosi float %t to i64
  %a1 = add i64 %x, %y64
  %a2 = add i64 %a1, %qi
  %a3 = add i64 %a2, %ti
  ret i64 %a3
}
; run: %convert(-0x1.8p1, 0x1.0p8, -1) == -772
