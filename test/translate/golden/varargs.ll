; C-variadic definitions: llvm.va_start / va_copy / va_end, the va_arg
; instruction for i32, i64, ptr and double (register save area, then
; the stack area), and the explicit walk rustc writes for VaList::next_arg.

%VaList = type { i32, i32, ptr, ptr }

; kinds (0 i32, 1 i64, 2 double, other: ptr to i64) each followed by its
; value; acc = acc * 3 + value, in order
define double @walk(i32 %n, ...) {
start:
  %ap = alloca %VaList, align 8
  call void @llvm.va_start.p0(ptr %ap)
  br label %head

head:
  %k = phi i32 [ 0, %start ], [ %k1, %next ]
  %acc = phi double [ 0.0, %start ], [ %acc2, %next ]
  %more = icmp slt i32 %k, %n
  br i1 %more, label %body, label %exit

body:
  %kind = va_arg ptr %ap, i32
  switch i32 %kind, label %as_ptr [
    i32 0, label %as_i32
    i32 1, label %as_i64
    i32 2, label %as_f64
  ]

as_i32:
  %a = va_arg ptr %ap, i32
  %af = sitofp i32 %a to double
  br label %next

as_i64:
  %b = va_arg ptr %ap, i64
  %bf = sitofp i64 %b to double
  br label %next

as_f64:
  %c = va_arg ptr %ap, double
  br label %next

as_ptr:
  %e = va_arg ptr %ap, ptr
  %ev = load i64, ptr %e, align 8
  %ef = sitofp i64 %ev to double
  br label %next

next:
  %x = phi double [ %af, %as_i32 ], [ %bf, %as_i64 ], [ %c, %as_f64 ], [ %ef, %as_ptr ]
  %acc1 = fmul double %acc, 3.0
  %acc2 = fadd double %acc1, %x
  %k1 = add i32 %k, 1
  br label %head

exit:
  call void @llvm.va_end.p0(ptr %ap)
  ret double %acc
}

define double @call_walk(i64 %s) {
  %cell = alloca i64, align 8
  store i64 %s, ptr %cell, align 8
  %r = call double (i32, ...) @walk(i32 9, i32 0, i32 -5, i32 2, double 2.5, i32 1, i64 %s, i32 0, i32 -3, i32 3, ptr %cell, i32 2, double 0.25, i32 1, i64 -36893, i32 0, i32 7, i32 2, double -1.0)
  ret double %r
}
; run: %call_walk(10) == -0x1.57ba3p18
; run: %call_walk(-1000) == -0x1.1da9ccp20

; more arguments than registers: ten doubles and ten integers; and a
; va_copy taken half way that is read again
define i64 @copies(i32 %n, ...) {
  %ap = alloca %VaList, align 8
  %cp = alloca %VaList, align 8
  call void @llvm.va_start.p0(ptr %ap)
  %a = va_arg ptr %ap, i64
  call void @llvm.va_copy.p0(ptr %cp, ptr %ap)
  %b = va_arg ptr %ap, i64
  %c = va_arg ptr %cp, i64
  %d = va_arg ptr %cp, i64
  call void @llvm.va_end.p0(ptr %cp)
  call void @llvm.va_end.p0(ptr %ap)
  %s1 = mul i64 %a, 1000
  %s2 = mul i64 %b, 100
  %s3 = mul i64 %c, 10
  %t1 = add i64 %s1, %s2
  %t2 = add i64 %t1, %s3
  %t3 = add i64 %t2, %d
  ret i64 %t3
}

define i64 @sum_many(i32 %n, ...) {
start:
  %ap = alloca %VaList, align 8
  call void @llvm.va_start.p0(ptr %ap)
  br label %head

head:
  %k = phi i32 [ 0, %start ], [ %k1, %body ]
  %acc = phi i64 [ 0, %start ], [ %acc3, %body ]
  %more = icmp slt i32 %k, %n
  br i1 %more, label %body, label %exit

body:
  %i = va_arg ptr %ap, i64
  %f = va_arg ptr %ap, double
  %fi = fptosi double %f to i64
  %acc1 = mul i64 %acc, 7
  %acc2 = add i64 %acc1, %i
  %acc3 = add i64 %acc2, %fi
  %k1 = add i32 %k, 1
  br label %head

exit:
  call void @llvm.va_end.p0(ptr %ap)
  ret i64 %acc
}

define i64 @call_many(i64 %x) {
  %a = call i64 (i32, ...) @sum_many(i32 10, i64 %x, double 1.0, i64 2, double 3.0, i64 4, double 5.0, i64 6, double 7.0, i64 8, double 9.0, i64 10, double 11.0, i64 12, double 13.0, i64 14, double 15.0, i64 16, double 17.0, i64 18, double 19.0)
  %b = call i64 (i32, ...) @copies(i32 0, i64 1, i64 2, i64 3, i64 4, i64 5, i64 6, i64 7)
  %r = add i64 %a, %b
  ret i64 %r
}
; run: %call_many(0) == 78466563
; run: %call_many(1) == 118820170

; rustc's VaList::next_arg::<f64>, as written at opt-level 0
define internal double @next_f64(ptr align 8 %self) {
start:
  %0 = alloca [8 x i8], align 8
  %1 = getelementptr inbounds i8, ptr %self, i64 4
  %2 = load i32, ptr %self, align 8
  %3 = load i32, ptr %1, align 4
  %4 = icmp ule i32 %3, 160
  br i1 %4, label %va_arg.in_reg, label %va_arg.in_mem

va_arg.in_reg:
  %5 = getelementptr inbounds i8, ptr %self, i64 16
  %6 = load ptr, ptr %5, align 8
  %7 = getelementptr inbounds i8, ptr %6, i32 %3
  %8 = add i32 %3, 16
  store i32 %8, ptr %1, align 4
  br label %va_arg.end

va_arg.in_mem:
  %9 = getelementptr inbounds i8, ptr %self, i64 8
  %10 = load ptr, ptr %9, align 8
  %11 = getelementptr inbounds i8, ptr %10, i32 8
  store ptr %11, ptr %9, align 8
  br label %va_arg.end

va_arg.end:
  %12 = phi ptr [ %7, %va_arg.in_reg ], [ %10, %va_arg.in_mem ]
  %13 = load double, ptr %12, align 8
  store double %13, ptr %0, align 8
  %_0 = load double, ptr %0, align 8
  ret double %_0
}

define double @rust_style(i32 %n, ...) {
  %args = alloca [24 x i8], align 8
  call void @llvm.va_start.p0(ptr %args)
  %a = call double @next_f64(ptr align 8 %args)
  %b = call double @next_f64(ptr align 8 %args)
  %c = fsub double %a, %b
  call void @llvm.va_end.p0(ptr %args)
  ret double %c
}

define double @call_rust_style(double %x) {
  %r = call double (i32, ...) @rust_style(i32 2, double %x, double 0.5)
  ret double %r
}
; run: %call_rust_style(0x1.0p1) == 0x1.8p0

declare void @llvm.va_start.p0(ptr)
declare void @llvm.va_end.p0(ptr)
declare void @llvm.va_copy.p0(ptr, ptr)
