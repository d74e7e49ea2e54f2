; Memory: allocas as stack slots, loads and stores of odd widths in pieces,
; aggregates leaf by leaf, GEPs over structs and arrays with variable indices.

%pair = type { i8, i64 }

define i64 @odd_widths(i64 %x) {
  %p = alloca [16 x i8], align 8
  store i64 -1, ptr %p, align 8
  %t = trunc i64 %x to i40
  store i40 %t, ptr %p, align 8
  %q = getelementptr inbounds i8, ptr %p, i64 5
  %t24 = trunc i64 %x to i24
  store i24 %t24, ptr %q, align 1
  %r = load i64, ptr %p, align 8
  ret i64 %r
}
; run: %odd_widths(0x1122334455667788) == 0x6677884455667788
; run: %odd_widths(0) == 0

define i40 @load_i40(i64 %x) {
  %p = alloca [8 x i8], align 8
  store i64 %x, ptr %p, align 8
  %q = getelementptr inbounds i8, ptr %p, i64 1
  %r = load i40, ptr %q, align 1
  ret i40 %r
}
; run: %load_i40(0x1122334455667788) == 0x3344556677

define i64 @struct_gep(i64 %i, i64 %v) {
  %a = alloca [64 x i8], align 8
  %e = getelementptr inbounds [4 x %pair], ptr %a, i64 0, i64 %i, i32 1
  store i64 %v, ptr %e, align 8
  %f = getelementptr inbounds %pair, ptr %a, i64 %i, i32 0
  store i8 7, ptr %f, align 1
  %g = getelementptr inbounds i8, ptr %a, i64 8
  %h = getelementptr inbounds i64, ptr %g, i64 %i
  %h2 = getelementptr inbounds i64, ptr %h, i64 %i
  %r = load i64, ptr %h2, align 8
  ret i64 %r
}
; run: %struct_gep(0, 99) == 99
; run: %struct_gep(2, 42) == 42

define { i64, i8 } @aggregate_roundtrip(i64 %a, i8 %b) {
  %s = alloca [16 x i8], align 8
  %x = insertvalue { i64, i8 } poison, i64 %a, 0
  %y = insertvalue { i64, i8 } %x, i8 %b, 1
  store { i64, i8 } %y, ptr %s, align 8
  %z = load { i64, i8 }, ptr %s, align 8
  %b2 = extractvalue { i64, i8 } %z, 1
  %b3 = add i8 %b2, 1
  %w = insertvalue { i64, i8 } %z, i8 %b3, 1
  ret { i64, i8 } %w
}
; run: %aggregate_roundtrip(5, 9) == [5, 10]

define i1 @bool_mem(i8 %x) {
  %p = alloca [1 x i8], align 1
  store i8 %x, ptr %p, align 1
  %v = load i8, ptr %p, align 1
  %b = trunc nuw i8 %v to i1
  %n = xor i1 %b, true
  ret i1 %n
}
; run: %bool_mem(1) == 0
; run: %bool_mem(0) == 1
