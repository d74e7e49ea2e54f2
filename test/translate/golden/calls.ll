; Calls: zeroext/signext arguments and returns, pairs returned in two
; registers, first-class struct arguments split per leaf, i128 arguments,
; sret, indirect calls through a function pointer, varargs declarations.

define internal zeroext i1 @is_odd(i32 %x) {
  %b = and i32 %x, 1
  %c = icmp ne i32 %b, 0
  ret i1 %c
}

define internal signext i8 @neg8(i8 signext %x) {
  %r = sub i8 0, %x
  ret i8 %r
}

define internal { double, i64 } @pair(double %a, i64 %b) {
  %x = insertvalue { double, i64 } poison, double %a, 0
  %y = insertvalue { double, i64 } %x, i64 %b, 1
  ret { double, i64 } %y
}

define internal i64 @takes_struct({ i64, double } %s, i128 %w) {
  %a = extractvalue { i64, double } %s, 0
  %b = extractvalue { i64, double } %s, 1
  %c = fptosi double %b to i64
  %lo = trunc i128 %w to i64
  %hi128 = lshr i128 %w, 64
  %hi = trunc i128 %hi128 to i64
  %r1 = add i64 %a, %c
  %r2 = add i64 %r1, %lo
  %r3 = add i64 %r2, %hi
  ret i64 %r3
}

define internal void @fill(ptr sret([16 x i8]) align 8 %out, i64 %v) {
  store i64 %v, ptr %out, align 8
  %p = getelementptr inbounds i8, ptr %out, i64 8
  %w = add i64 %v, 1
  store i64 %w, ptr %p, align 8
  ret void
}

define i64 @caller(i32 %x, i8 %y, i64 %z) {
  %odd = call zeroext i1 @is_odd(i32 %x)
  %n = call signext i8 @neg8(i8 signext %y)
  %p = call { double, i64 } @pair(double 2.5, i64 %z)
  %pd = extractvalue { double, i64 } %p, 0
  %pi = extractvalue { double, i64 } %p, 1
  %s0 = insertvalue { i64, double } poison, i64 %pi, 0
  %s1 = insertvalue { i64, double } %s0, double %pd, 1
  %t = call i64 @takes_struct({ i64, double } %s1, i128 18446744073709551617)
  %buf = alloca [16 x i8], align 8
  call void @fill(ptr sret([16 x i8]) align 8 %buf, i64 100)
  %q = getelementptr inbounds i8, ptr %buf, i64 8
  %f = load i64, ptr %q, align 8
  %fp = select i1 %odd, ptr @neg8, ptr @is_odd
  %o64 = zext i1 %odd to i64
  %n64 = sext i8 %n to i64
  %a1 = add i64 %t, %f
  %a2 = add i64 %a1, %n64
  %a3 = mul i64 %a2, 2
  %a4 = add i64 %a3, %o64
  ret i64 %a4
}
; run: %caller(3, 5, 10) == 221
; run: %caller(4, -128, 0) == -46

define i32 @indirect(i1 %which, i32 %x) {
  %f = select i1 %which, ptr @double_it, ptr @triple_it
  %r = call i32 %f(i32 %x)
  ret i32 %r
}
; run: %indirect(1, 7) == 14
; run: %indirect(0, 7) == 21

define internal i32 @double_it(i32 %x) {
  %r = mul i32 %x, 2
  ret i32 %r
}

define internal i32 @triple_it(i32 %x) {
  %r = mul i32 %x, 3
  ret i32 %r
}

define internal i64 @sum_byval(i64 %a, ptr byval([40 x i8]) align 8 %s, i64 %b) {
  %p1 = getelementptr inbounds i8, ptr %s, i64 8
  %p4 = getelementptr inbounds i8, ptr %s, i64 32
  %x0 = load i64, ptr %s, align 8
  %x1 = load i64, ptr %p1, align 8
  %x4 = load i64, ptr %p4, align 8
  store i64 0, ptr %s, align 8
  %r1 = add i64 %x0, %x1
  %r2 = add i64 %r1, %x4
  %r3 = mul i64 %r2, %a
  %r4 = add i64 %r3, %b
  ret i64 %r4
}

define i64 @pass_byval(i64 %v) {
  %s = alloca [40 x i8], align 8
  store i64 %v, ptr %s, align 8
  %p1 = getelementptr inbounds i8, ptr %s, i64 8
  store i64 10, ptr %p1, align 8
  %p4 = getelementptr inbounds i8, ptr %s, i64 32
  store i64 100, ptr %p4, align 8
  %r = call i64 @sum_byval(i64 2, ptr byval([40 x i8]) align 8 %s, i64 7)
  %after = load i64, ptr %s, align 8
  %r2 = add i64 %r, %after
  ret i64 %r2
}
; run: %pass_byval(1) == 230
