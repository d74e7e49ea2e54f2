; atomicrmw operations done as compare-exchange loops (float fadd, fsub,
; fmax, fmin, fmaximum, fminimum; uinc_wrap, udec_wrap, usub_cond, usub_sat)
; at every width and ordering, and i128 atomics through cmpxchg16b (every
; atomicrmw operation, cmpxchg, atomic load and store) in functions whose
; target features enable cx16. Each function returns the old value and the
; memory after the operation; the expected values come from llc-22 -O0.

define { i8, i8 } @uinc_wrap_i8(i8 %init, i8 %x) {
  %p = alloca i8, align 16
  store i8 %init, ptr %p, align 16
  %old = atomicrmw uinc_wrap ptr %p, i8 %x monotonic, align 16
  %new = load i8, ptr %p, align 16
  %r0 = insertvalue { i8, i8 } poison, i8 %old, 0
  %r1 = insertvalue { i8, i8 } %r0, i8 %new, 1
  ret { i8, i8 } %r1
}
; run: %uinc_wrap_i8(0x0, 0x0) == [0x0, 0x0]
; run: %uinc_wrap_i8(0x0, 0x5) == [0x0, 0x1]
; run: %uinc_wrap_i8(0x5, 0x5) == [0x5, 0x0]
; run: %uinc_wrap_i8(0x6, 0x5) == [0x6, 0x0]
; run: %uinc_wrap_i8(0xff, 0xff) == [0xff, 0x0]
; run: %uinc_wrap_i8(0xff, 0x0) == [0xff, 0x0]
; run: %uinc_wrap_i8(0x1, 0xff) == [0x1, 0x2]
; run: %uinc_wrap_i8(0xfe, 0xff) == [0xfe, 0xff]
; run: %uinc_wrap_i8(0x80, 0x7f) == [0x80, 0x0]
; run: %uinc_wrap_i8(0x52, 0xf2) == [0x52, 0x53]

define { i16, i16 } @uinc_wrap_i16(i16 %init, i16 %x) {
  %p = alloca i16, align 16
  store i16 %init, ptr %p, align 16
  %old = atomicrmw uinc_wrap ptr %p, i16 %x acquire, align 16
  %new = load i16, ptr %p, align 16
  %r0 = insertvalue { i16, i16 } poison, i16 %old, 0
  %r1 = insertvalue { i16, i16 } %r0, i16 %new, 1
  ret { i16, i16 } %r1
}
; run: %uinc_wrap_i16(0x0, 0x0) == [0x0, 0x0]
; run: %uinc_wrap_i16(0x0, 0x5) == [0x0, 0x1]
; run: %uinc_wrap_i16(0x5, 0x5) == [0x5, 0x0]
; run: %uinc_wrap_i16(0x6, 0x5) == [0x6, 0x0]
; run: %uinc_wrap_i16(0xffff, 0xffff) == [0xffff, 0x0]
; run: %uinc_wrap_i16(0xffff, 0x0) == [0xffff, 0x0]
; run: %uinc_wrap_i16(0x1, 0xffff) == [0x1, 0x2]
; run: %uinc_wrap_i16(0xfffe, 0xffff) == [0xfffe, 0xffff]
; run: %uinc_wrap_i16(0x8000, 0x7fff) == [0x8000, 0x0]
; run: %uinc_wrap_i16(0x269e, 0x6513) == [0x269e, 0x269f]

define { i32, i32 } @uinc_wrap_i32(i32 %init, i32 %x) {
  %p = alloca i32, align 16
  store i32 %init, ptr %p, align 16
  %old = atomicrmw uinc_wrap ptr %p, i32 %x release, align 16
  %new = load i32, ptr %p, align 16
  %r0 = insertvalue { i32, i32 } poison, i32 %old, 0
  %r1 = insertvalue { i32, i32 } %r0, i32 %new, 1
  ret { i32, i32 } %r1
}
; run: %uinc_wrap_i32(0x0, 0x0) == [0x0, 0x0]
; run: %uinc_wrap_i32(0x0, 0x5) == [0x0, 0x1]
; run: %uinc_wrap_i32(0x5, 0x5) == [0x5, 0x0]
; run: %uinc_wrap_i32(0x6, 0x5) == [0x6, 0x0]
; run: %uinc_wrap_i32(0xffffffff, 0xffffffff) == [0xffffffff, 0x0]
; run: %uinc_wrap_i32(0xffffffff, 0x0) == [0xffffffff, 0x0]
; run: %uinc_wrap_i32(0x1, 0xffffffff) == [0x1, 0x2]
; run: %uinc_wrap_i32(0xfffffffe, 0xffffffff) == [0xfffffffe, 0xffffffff]
; run: %uinc_wrap_i32(0x80000000, 0x7fffffff) == [0x80000000, 0x0]
; run: %uinc_wrap_i32(0xa6a3a450, 0xc5c7fd0) == [0xa6a3a450, 0x0]

define { i64, i64 } @uinc_wrap_i64(i64 %init, i64 %x) {
  %p = alloca i64, align 16
  store i64 %init, ptr %p, align 16
  %old = atomicrmw uinc_wrap ptr %p, i64 %x acq_rel, align 16
  %new = load i64, ptr %p, align 16
  %r0 = insertvalue { i64, i64 } poison, i64 %old, 0
  %r1 = insertvalue { i64, i64 } %r0, i64 %new, 1
  ret { i64, i64 } %r1
}
; run: %uinc_wrap_i64(0x0, 0x0) == [0x0, 0x0]
; run: %uinc_wrap_i64(0x0, 0x5) == [0x0, 0x1]
; run: %uinc_wrap_i64(0x5, 0x5) == [0x5, 0x0]
; run: %uinc_wrap_i64(0x6, 0x5) == [0x6, 0x0]
; run: %uinc_wrap_i64(0xffffffffffffffff, 0xffffffffffffffff) == [0xffffffffffffffff, 0x0]
; run: %uinc_wrap_i64(0xffffffffffffffff, 0x0) == [0xffffffffffffffff, 0x0]
; run: %uinc_wrap_i64(0x1, 0xffffffffffffffff) == [0x1, 0x2]
; run: %uinc_wrap_i64(0xfffffffffffffffe, 0xffffffffffffffff) == [0xfffffffffffffffe, 0xffffffffffffffff]
; run: %uinc_wrap_i64(0x8000000000000000, 0x7fffffffffffffff) == [0x8000000000000000, 0x0]
; run: %uinc_wrap_i64(0xd23f0824128b2f33, 0x1818e811892f902b) == [0xd23f0824128b2f33, 0x0]

define { i128, i128 } @uinc_wrap_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw uinc_wrap ptr %p, i128 %x seq_cst, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %uinc_wrap_i128(0x0, 0x0) == [0x0, 0x0]
; run: %uinc_wrap_i128(0x0, 0x5) == [0x0, 0x1]
; run: %uinc_wrap_i128(0x5, 0x5) == [0x5, 0x0]
; run: %uinc_wrap_i128(0x6, 0x5) == [0x6, 0x0]
; run: %uinc_wrap_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %uinc_wrap_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %uinc_wrap_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x2]
; run: %uinc_wrap_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff]
; run: %uinc_wrap_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x0]
; run: %uinc_wrap_i128(0xe8e25d940ed904759531985d5d9dc9f8, 0x1600a35a099950d836f675cc81e74ef5) == [0xe8e25d940ed904759531985d5d9dc9f8, 0x0]

define { i8, i8 } @udec_wrap_i8(i8 %init, i8 %x) {
  %p = alloca i8, align 16
  store i8 %init, ptr %p, align 16
  %old = atomicrmw udec_wrap ptr %p, i8 %x monotonic, align 16
  %new = load i8, ptr %p, align 16
  %r0 = insertvalue { i8, i8 } poison, i8 %old, 0
  %r1 = insertvalue { i8, i8 } %r0, i8 %new, 1
  ret { i8, i8 } %r1
}
; run: %udec_wrap_i8(0x0, 0x0) == [0x0, 0x0]
; run: %udec_wrap_i8(0x0, 0x5) == [0x0, 0x5]
; run: %udec_wrap_i8(0x5, 0x5) == [0x5, 0x4]
; run: %udec_wrap_i8(0x6, 0x5) == [0x6, 0x5]
; run: %udec_wrap_i8(0xff, 0xff) == [0xff, 0xfe]
; run: %udec_wrap_i8(0xff, 0x0) == [0xff, 0x0]
; run: %udec_wrap_i8(0x1, 0xff) == [0x1, 0x0]
; run: %udec_wrap_i8(0xfe, 0xff) == [0xfe, 0xfd]
; run: %udec_wrap_i8(0x80, 0x7f) == [0x80, 0x7f]
; run: %udec_wrap_i8(0x6f, 0x6b) == [0x6f, 0x6b]

define { i16, i16 } @udec_wrap_i16(i16 %init, i16 %x) {
  %p = alloca i16, align 16
  store i16 %init, ptr %p, align 16
  %old = atomicrmw udec_wrap ptr %p, i16 %x acquire, align 16
  %new = load i16, ptr %p, align 16
  %r0 = insertvalue { i16, i16 } poison, i16 %old, 0
  %r1 = insertvalue { i16, i16 } %r0, i16 %new, 1
  ret { i16, i16 } %r1
}
; run: %udec_wrap_i16(0x0, 0x0) == [0x0, 0x0]
; run: %udec_wrap_i16(0x0, 0x5) == [0x0, 0x5]
; run: %udec_wrap_i16(0x5, 0x5) == [0x5, 0x4]
; run: %udec_wrap_i16(0x6, 0x5) == [0x6, 0x5]
; run: %udec_wrap_i16(0xffff, 0xffff) == [0xffff, 0xfffe]
; run: %udec_wrap_i16(0xffff, 0x0) == [0xffff, 0x0]
; run: %udec_wrap_i16(0x1, 0xffff) == [0x1, 0x0]
; run: %udec_wrap_i16(0xfffe, 0xffff) == [0xfffe, 0xfffd]
; run: %udec_wrap_i16(0x8000, 0x7fff) == [0x8000, 0x7fff]
; run: %udec_wrap_i16(0x11e2, 0x3d9c) == [0x11e2, 0x11e1]

define { i32, i32 } @udec_wrap_i32(i32 %init, i32 %x) {
  %p = alloca i32, align 16
  store i32 %init, ptr %p, align 16
  %old = atomicrmw udec_wrap ptr %p, i32 %x release, align 16
  %new = load i32, ptr %p, align 16
  %r0 = insertvalue { i32, i32 } poison, i32 %old, 0
  %r1 = insertvalue { i32, i32 } %r0, i32 %new, 1
  ret { i32, i32 } %r1
}
; run: %udec_wrap_i32(0x0, 0x0) == [0x0, 0x0]
; run: %udec_wrap_i32(0x0, 0x5) == [0x0, 0x5]
; run: %udec_wrap_i32(0x5, 0x5) == [0x5, 0x4]
; run: %udec_wrap_i32(0x6, 0x5) == [0x6, 0x5]
; run: %udec_wrap_i32(0xffffffff, 0xffffffff) == [0xffffffff, 0xfffffffe]
; run: %udec_wrap_i32(0xffffffff, 0x0) == [0xffffffff, 0x0]
; run: %udec_wrap_i32(0x1, 0xffffffff) == [0x1, 0x0]
; run: %udec_wrap_i32(0xfffffffe, 0xffffffff) == [0xfffffffe, 0xfffffffd]
; run: %udec_wrap_i32(0x80000000, 0x7fffffff) == [0x80000000, 0x7fffffff]
; run: %udec_wrap_i32(0x1738f7d9, 0x8d116ece) == [0x1738f7d9, 0x1738f7d8]

define { i64, i64 } @udec_wrap_i64(i64 %init, i64 %x) {
  %p = alloca i64, align 16
  store i64 %init, ptr %p, align 16
  %old = atomicrmw udec_wrap ptr %p, i64 %x acq_rel, align 16
  %new = load i64, ptr %p, align 16
  %r0 = insertvalue { i64, i64 } poison, i64 %old, 0
  %r1 = insertvalue { i64, i64 } %r0, i64 %new, 1
  ret { i64, i64 } %r1
}
; run: %udec_wrap_i64(0x0, 0x0) == [0x0, 0x0]
; run: %udec_wrap_i64(0x0, 0x5) == [0x0, 0x5]
; run: %udec_wrap_i64(0x5, 0x5) == [0x5, 0x4]
; run: %udec_wrap_i64(0x6, 0x5) == [0x6, 0x5]
; run: %udec_wrap_i64(0xffffffffffffffff, 0xffffffffffffffff) == [0xffffffffffffffff, 0xfffffffffffffffe]
; run: %udec_wrap_i64(0xffffffffffffffff, 0x0) == [0xffffffffffffffff, 0x0]
; run: %udec_wrap_i64(0x1, 0xffffffffffffffff) == [0x1, 0x0]
; run: %udec_wrap_i64(0xfffffffffffffffe, 0xffffffffffffffff) == [0xfffffffffffffffe, 0xfffffffffffffffd]
; run: %udec_wrap_i64(0x8000000000000000, 0x7fffffffffffffff) == [0x8000000000000000, 0x7fffffffffffffff]
; run: %udec_wrap_i64(0xf21ddb66cad4a26, 0x90c192cfd3ac94af) == [0xf21ddb66cad4a26, 0xf21ddb66cad4a25]

define { i128, i128 } @udec_wrap_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw udec_wrap ptr %p, i128 %x seq_cst, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %udec_wrap_i128(0x0, 0x0) == [0x0, 0x0]
; run: %udec_wrap_i128(0x0, 0x5) == [0x0, 0x5]
; run: %udec_wrap_i128(0x5, 0x5) == [0x5, 0x4]
; run: %udec_wrap_i128(0x6, 0x5) == [0x6, 0x5]
; run: %udec_wrap_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xfffffffffffffffffffffffffffffffe]
; run: %udec_wrap_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %udec_wrap_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x0]
; run: %udec_wrap_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xfffffffffffffffffffffffffffffffd]
; run: %udec_wrap_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff]
; run: %udec_wrap_i128(0xa170b33839263059f28c105d1fb17c23, 0xfd630f1f29d0da9953f48f1a09f76b5) == [0xa170b33839263059f28c105d1fb17c23, 0xfd630f1f29d0da9953f48f1a09f76b5]

define { i8, i8 } @usub_cond_i8(i8 %init, i8 %x) {
  %p = alloca i8, align 16
  store i8 %init, ptr %p, align 16
  %old = atomicrmw usub_cond ptr %p, i8 %x monotonic, align 16
  %new = load i8, ptr %p, align 16
  %r0 = insertvalue { i8, i8 } poison, i8 %old, 0
  %r1 = insertvalue { i8, i8 } %r0, i8 %new, 1
  ret { i8, i8 } %r1
}
; run: %usub_cond_i8(0x0, 0x0) == [0x0, 0x0]
; run: %usub_cond_i8(0x0, 0x5) == [0x0, 0x0]
; run: %usub_cond_i8(0x5, 0x5) == [0x5, 0x0]
; run: %usub_cond_i8(0x6, 0x5) == [0x6, 0x1]
; run: %usub_cond_i8(0xff, 0xff) == [0xff, 0x0]
; run: %usub_cond_i8(0xff, 0x0) == [0xff, 0xff]
; run: %usub_cond_i8(0x1, 0xff) == [0x1, 0x1]
; run: %usub_cond_i8(0xfe, 0xff) == [0xfe, 0xfe]
; run: %usub_cond_i8(0x80, 0x7f) == [0x80, 0x1]
; run: %usub_cond_i8(0x93, 0x95) == [0x93, 0x93]

define { i16, i16 } @usub_cond_i16(i16 %init, i16 %x) {
  %p = alloca i16, align 16
  store i16 %init, ptr %p, align 16
  %old = atomicrmw usub_cond ptr %p, i16 %x acquire, align 16
  %new = load i16, ptr %p, align 16
  %r0 = insertvalue { i16, i16 } poison, i16 %old, 0
  %r1 = insertvalue { i16, i16 } %r0, i16 %new, 1
  ret { i16, i16 } %r1
}
; run: %usub_cond_i16(0x0, 0x0) == [0x0, 0x0]
; run: %usub_cond_i16(0x0, 0x5) == [0x0, 0x0]
; run: %usub_cond_i16(0x5, 0x5) == [0x5, 0x0]
; run: %usub_cond_i16(0x6, 0x5) == [0x6, 0x1]
; run: %usub_cond_i16(0xffff, 0xffff) == [0xffff, 0x0]
; run: %usub_cond_i16(0xffff, 0x0) == [0xffff, 0xffff]
; run: %usub_cond_i16(0x1, 0xffff) == [0x1, 0x1]
; run: %usub_cond_i16(0xfffe, 0xffff) == [0xfffe, 0xfffe]
; run: %usub_cond_i16(0x8000, 0x7fff) == [0x8000, 0x1]
; run: %usub_cond_i16(0x658c, 0xcb1) == [0x658c, 0x58db]

define { i32, i32 } @usub_cond_i32(i32 %init, i32 %x) {
  %p = alloca i32, align 16
  store i32 %init, ptr %p, align 16
  %old = atomicrmw usub_cond ptr %p, i32 %x release, align 16
  %new = load i32, ptr %p, align 16
  %r0 = insertvalue { i32, i32 } poison, i32 %old, 0
  %r1 = insertvalue { i32, i32 } %r0, i32 %new, 1
  ret { i32, i32 } %r1
}
; run: %usub_cond_i32(0x0, 0x0) == [0x0, 0x0]
; run: %usub_cond_i32(0x0, 0x5) == [0x0, 0x0]
; run: %usub_cond_i32(0x5, 0x5) == [0x5, 0x0]
; run: %usub_cond_i32(0x6, 0x5) == [0x6, 0x1]
; run: %usub_cond_i32(0xffffffff, 0xffffffff) == [0xffffffff, 0x0]
; run: %usub_cond_i32(0xffffffff, 0x0) == [0xffffffff, 0xffffffff]
; run: %usub_cond_i32(0x1, 0xffffffff) == [0x1, 0x1]
; run: %usub_cond_i32(0xfffffffe, 0xffffffff) == [0xfffffffe, 0xfffffffe]
; run: %usub_cond_i32(0x80000000, 0x7fffffff) == [0x80000000, 0x1]
; run: %usub_cond_i32(0xf9ebdacc, 0x3898d190) == [0xf9ebdacc, 0xc153093c]

define { i64, i64 } @usub_cond_i64(i64 %init, i64 %x) {
  %p = alloca i64, align 16
  store i64 %init, ptr %p, align 16
  %old = atomicrmw usub_cond ptr %p, i64 %x acq_rel, align 16
  %new = load i64, ptr %p, align 16
  %r0 = insertvalue { i64, i64 } poison, i64 %old, 0
  %r1 = insertvalue { i64, i64 } %r0, i64 %new, 1
  ret { i64, i64 } %r1
}
; run: %usub_cond_i64(0x0, 0x0) == [0x0, 0x0]
; run: %usub_cond_i64(0x0, 0x5) == [0x0, 0x0]
; run: %usub_cond_i64(0x5, 0x5) == [0x5, 0x0]
; run: %usub_cond_i64(0x6, 0x5) == [0x6, 0x1]
; run: %usub_cond_i64(0xffffffffffffffff, 0xffffffffffffffff) == [0xffffffffffffffff, 0x0]
; run: %usub_cond_i64(0xffffffffffffffff, 0x0) == [0xffffffffffffffff, 0xffffffffffffffff]
; run: %usub_cond_i64(0x1, 0xffffffffffffffff) == [0x1, 0x1]
; run: %usub_cond_i64(0xfffffffffffffffe, 0xffffffffffffffff) == [0xfffffffffffffffe, 0xfffffffffffffffe]
; run: %usub_cond_i64(0x8000000000000000, 0x7fffffffffffffff) == [0x8000000000000000, 0x1]
; run: %usub_cond_i64(0x8e81973e0becd7b0, 0x2217beaddbc496cb) == [0x8e81973e0becd7b0, 0x6c69d890302840e5]

define { i128, i128 } @usub_cond_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw usub_cond ptr %p, i128 %x seq_cst, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %usub_cond_i128(0x0, 0x0) == [0x0, 0x0]
; run: %usub_cond_i128(0x0, 0x5) == [0x0, 0x0]
; run: %usub_cond_i128(0x5, 0x5) == [0x5, 0x0]
; run: %usub_cond_i128(0x6, 0x5) == [0x6, 0x1]
; run: %usub_cond_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %usub_cond_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %usub_cond_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x1]
; run: %usub_cond_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xfffffffffffffffffffffffffffffffe]
; run: %usub_cond_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x1]
; run: %usub_cond_i128(0x8a6a63ec24ede6a46b4cb2424a23d596, 0x8f6d05584ef8aa38922766581e27a1c0) == [0x8a6a63ec24ede6a46b4cb2424a23d596, 0x8a6a63ec24ede6a46b4cb2424a23d596]

define { i8, i8 } @usub_sat_i8(i8 %init, i8 %x) {
  %p = alloca i8, align 16
  store i8 %init, ptr %p, align 16
  %old = atomicrmw usub_sat ptr %p, i8 %x monotonic, align 16
  %new = load i8, ptr %p, align 16
  %r0 = insertvalue { i8, i8 } poison, i8 %old, 0
  %r1 = insertvalue { i8, i8 } %r0, i8 %new, 1
  ret { i8, i8 } %r1
}
; run: %usub_sat_i8(0x0, 0x0) == [0x0, 0x0]
; run: %usub_sat_i8(0x0, 0x5) == [0x0, 0x0]
; run: %usub_sat_i8(0x5, 0x5) == [0x5, 0x0]
; run: %usub_sat_i8(0x6, 0x5) == [0x6, 0x1]
; run: %usub_sat_i8(0xff, 0xff) == [0xff, 0x0]
; run: %usub_sat_i8(0xff, 0x0) == [0xff, 0xff]
; run: %usub_sat_i8(0x1, 0xff) == [0x1, 0x0]
; run: %usub_sat_i8(0xfe, 0xff) == [0xfe, 0x0]
; run: %usub_sat_i8(0x80, 0x7f) == [0x80, 0x1]
; run: %usub_sat_i8(0xd0, 0xae) == [0xd0, 0x22]

define { i16, i16 } @usub_sat_i16(i16 %init, i16 %x) {
  %p = alloca i16, align 16
  store i16 %init, ptr %p, align 16
  %old = atomicrmw usub_sat ptr %p, i16 %x acquire, align 16
  %new = load i16, ptr %p, align 16
  %r0 = insertvalue { i16, i16 } poison, i16 %old, 0
  %r1 = insertvalue { i16, i16 } %r0, i16 %new, 1
  ret { i16, i16 } %r1
}
; run: %usub_sat_i16(0x0, 0x0) == [0x0, 0x0]
; run: %usub_sat_i16(0x0, 0x5) == [0x0, 0x0]
; run: %usub_sat_i16(0x5, 0x5) == [0x5, 0x0]
; run: %usub_sat_i16(0x6, 0x5) == [0x6, 0x1]
; run: %usub_sat_i16(0xffff, 0xffff) == [0xffff, 0x0]
; run: %usub_sat_i16(0xffff, 0x0) == [0xffff, 0xffff]
; run: %usub_sat_i16(0x1, 0xffff) == [0x1, 0x0]
; run: %usub_sat_i16(0xfffe, 0xffff) == [0xfffe, 0x0]
; run: %usub_sat_i16(0x8000, 0x7fff) == [0x8000, 0x1]
; run: %usub_sat_i16(0x2e44, 0x1a61) == [0x2e44, 0x13e3]

define { i32, i32 } @usub_sat_i32(i32 %init, i32 %x) {
  %p = alloca i32, align 16
  store i32 %init, ptr %p, align 16
  %old = atomicrmw usub_sat ptr %p, i32 %x release, align 16
  %new = load i32, ptr %p, align 16
  %r0 = insertvalue { i32, i32 } poison, i32 %old, 0
  %r1 = insertvalue { i32, i32 } %r0, i32 %new, 1
  ret { i32, i32 } %r1
}
; run: %usub_sat_i32(0x0, 0x0) == [0x0, 0x0]
; run: %usub_sat_i32(0x0, 0x5) == [0x0, 0x0]
; run: %usub_sat_i32(0x5, 0x5) == [0x5, 0x0]
; run: %usub_sat_i32(0x6, 0x5) == [0x6, 0x1]
; run: %usub_sat_i32(0xffffffff, 0xffffffff) == [0xffffffff, 0x0]
; run: %usub_sat_i32(0xffffffff, 0x0) == [0xffffffff, 0xffffffff]
; run: %usub_sat_i32(0x1, 0xffffffff) == [0x1, 0x0]
; run: %usub_sat_i32(0xfffffffe, 0xffffffff) == [0xfffffffe, 0x0]
; run: %usub_sat_i32(0x80000000, 0x7fffffff) == [0x80000000, 0x1]
; run: %usub_sat_i32(0x94e3bf91, 0x923a7369) == [0x94e3bf91, 0x2a94c28]

define { i64, i64 } @usub_sat_i64(i64 %init, i64 %x) {
  %p = alloca i64, align 16
  store i64 %init, ptr %p, align 16
  %old = atomicrmw usub_sat ptr %p, i64 %x acq_rel, align 16
  %new = load i64, ptr %p, align 16
  %r0 = insertvalue { i64, i64 } poison, i64 %old, 0
  %r1 = insertvalue { i64, i64 } %r0, i64 %new, 1
  ret { i64, i64 } %r1
}
; run: %usub_sat_i64(0x0, 0x0) == [0x0, 0x0]
; run: %usub_sat_i64(0x0, 0x5) == [0x0, 0x0]
; run: %usub_sat_i64(0x5, 0x5) == [0x5, 0x0]
; run: %usub_sat_i64(0x6, 0x5) == [0x6, 0x1]
; run: %usub_sat_i64(0xffffffffffffffff, 0xffffffffffffffff) == [0xffffffffffffffff, 0x0]
; run: %usub_sat_i64(0xffffffffffffffff, 0x0) == [0xffffffffffffffff, 0xffffffffffffffff]
; run: %usub_sat_i64(0x1, 0xffffffffffffffff) == [0x1, 0x0]
; run: %usub_sat_i64(0xfffffffffffffffe, 0xffffffffffffffff) == [0xfffffffffffffffe, 0x0]
; run: %usub_sat_i64(0x8000000000000000, 0x7fffffffffffffff) == [0x8000000000000000, 0x1]
; run: %usub_sat_i64(0x301850c5a38fd547, 0x18f135d25f557203) == [0x301850c5a38fd547, 0x17271af3443a6344]

define { i128, i128 } @usub_sat_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw usub_sat ptr %p, i128 %x seq_cst, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %usub_sat_i128(0x0, 0x0) == [0x0, 0x0]
; run: %usub_sat_i128(0x0, 0x5) == [0x0, 0x0]
; run: %usub_sat_i128(0x5, 0x5) == [0x5, 0x0]
; run: %usub_sat_i128(0x6, 0x5) == [0x6, 0x1]
; run: %usub_sat_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %usub_sat_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %usub_sat_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x0]
; run: %usub_sat_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0x0]
; run: %usub_sat_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x1]
; run: %usub_sat_i128(0x907a70c31012f037b64ce4228c38fb29, 0x7f15052434b9b5df9e7769b10f4205b4) == [0x907a70c31012f037b64ce4228c38fb29, 0x11656b9edb593a5817d57a717cf6f575]

define { float, float } @fadd_float(float %init, float %x) {
  %p = alloca float, align 16
  store float %init, ptr %p, align 16
  %old = atomicrmw fadd ptr %p, float %x monotonic, align 16
  %new = load float, ptr %p, align 16
  %r0 = insertvalue { float, float } poison, float %old, 0
  %r1 = insertvalue { float, float } %r0, float %new, 1
  ret { float, float } %r1
}
; run: %fadd_float(0x1.800000p0, 0x1.200000p1) == [0x1.800000p0, 0x1.e00000p1]
; run: %fadd_float(-0.0, 0.0) == [-0.0, 0.0]
; run: %fadd_float(0.0, -0.0) == [0.0, 0.0]
; run: %fadd_float(+NaN, 0x1.000000p0) == [+NaN, +NaN]
; run: %fadd_float(0x1.000000p0, +NaN:0x1) == [0x1.000000p0, +NaN:0x1]
; run: %fadd_float(+Inf, -Inf) == [+Inf, -NaN]
; run: %fadd_float(0x1.fffffep127, 0x1.fffffep127) == [0x1.fffffep127, +Inf]
; run: %fadd_float(-0x1.000000p0, 0x1.000000p0) == [-0x1.000000p0, 0.0]

define { double, double } @fadd_double(double %init, double %x) {
  %p = alloca double, align 16
  store double %init, ptr %p, align 16
  %old = atomicrmw fadd ptr %p, double %x acquire, align 16
  %new = load double, ptr %p, align 16
  %r0 = insertvalue { double, double } poison, double %old, 0
  %r1 = insertvalue { double, double } %r0, double %new, 1
  ret { double, double } %r1
}
; run: %fadd_double(0x1.8000000000000p0, 0x1.2000000000000p1) == [0x1.8000000000000p0, 0x1.e000000000000p1]
; run: %fadd_double(-0.0, 0.0) == [-0.0, 0.0]
; run: %fadd_double(0.0, -0.0) == [0.0, 0.0]
; run: %fadd_double(+NaN, 0x1.0000000000000p0) == [+NaN, +NaN]
; run: %fadd_double(0x1.0000000000000p0, +NaN:0x1) == [0x1.0000000000000p0, +NaN:0x1]
; run: %fadd_double(+Inf, -Inf) == [+Inf, -NaN]
; run: %fadd_double(0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023) == [0x1.fffffffffffffp1023, +Inf]
; run: %fadd_double(-0x1.0000000000000p0, 0x1.0000000000000p0) == [-0x1.0000000000000p0, 0.0]

define { float, float } @fsub_float(float %init, float %x) {
  %p = alloca float, align 16
  store float %init, ptr %p, align 16
  %old = atomicrmw fsub ptr %p, float %x release, align 16
  %new = load float, ptr %p, align 16
  %r0 = insertvalue { float, float } poison, float %old, 0
  %r1 = insertvalue { float, float } %r0, float %new, 1
  ret { float, float } %r1
}
; run: %fsub_float(0x1.800000p0, 0x1.200000p1) == [0x1.800000p0, -0x1.800000p-1]
; run: %fsub_float(-0.0, 0.0) == [-0.0, -0.0]
; run: %fsub_float(0.0, -0.0) == [0.0, 0.0]
; run: %fsub_float(+NaN, 0x1.000000p0) == [+NaN, +NaN]
; run: %fsub_float(0x1.000000p0, +NaN:0x1) == [0x1.000000p0, +NaN:0x1]
; run: %fsub_float(+Inf, -Inf) == [+Inf, +Inf]
; run: %fsub_float(0x1.fffffep127, 0x1.fffffep127) == [0x1.fffffep127, 0.0]
; run: %fsub_float(-0x1.000000p0, 0x1.000000p0) == [-0x1.000000p0, -0x1.000000p1]

define { double, double } @fsub_double(double %init, double %x) {
  %p = alloca double, align 16
  store double %init, ptr %p, align 16
  %old = atomicrmw fsub ptr %p, double %x acq_rel, align 16
  %new = load double, ptr %p, align 16
  %r0 = insertvalue { double, double } poison, double %old, 0
  %r1 = insertvalue { double, double } %r0, double %new, 1
  ret { double, double } %r1
}
; run: %fsub_double(0x1.8000000000000p0, 0x1.2000000000000p1) == [0x1.8000000000000p0, -0x1.8000000000000p-1]
; run: %fsub_double(-0.0, 0.0) == [-0.0, -0.0]
; run: %fsub_double(0.0, -0.0) == [0.0, 0.0]
; run: %fsub_double(+NaN, 0x1.0000000000000p0) == [+NaN, +NaN]
; run: %fsub_double(0x1.0000000000000p0, +NaN:0x1) == [0x1.0000000000000p0, +NaN:0x1]
; run: %fsub_double(+Inf, -Inf) == [+Inf, +Inf]
; run: %fsub_double(0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023) == [0x1.fffffffffffffp1023, 0.0]
; run: %fsub_double(-0x1.0000000000000p0, 0x1.0000000000000p0) == [-0x1.0000000000000p0, -0x1.0000000000000p1]

define { float, float } @fmax_float(float %init, float %x) {
  %p = alloca float, align 16
  store float %init, ptr %p, align 16
  %old = atomicrmw fmax ptr %p, float %x seq_cst, align 16
  %new = load float, ptr %p, align 16
  %r0 = insertvalue { float, float } poison, float %old, 0
  %r1 = insertvalue { float, float } %r0, float %new, 1
  ret { float, float } %r1
}
; run: %fmax_float(0x1.800000p0, 0x1.200000p1) == [0x1.800000p0, 0x1.200000p1]
; run: %fmax_float(-0.0, 0.0) == [-0.0, -0.0]
; run: %fmax_float(0.0, -0.0) == [0.0, 0.0]
; run: %fmax_float(+NaN, 0x1.000000p0) == [+NaN, 0x1.000000p0]
; run: %fmax_float(0x1.000000p0, +NaN:0x1) == [0x1.000000p0, 0x1.000000p0]
; run: %fmax_float(+Inf, -Inf) == [+Inf, +Inf]
; run: %fmax_float(0x1.fffffep127, 0x1.fffffep127) == [0x1.fffffep127, 0x1.fffffep127]
; run: %fmax_float(-0x1.000000p0, 0x1.000000p0) == [-0x1.000000p0, 0x1.000000p0]

define { double, double } @fmax_double(double %init, double %x) {
  %p = alloca double, align 16
  store double %init, ptr %p, align 16
  %old = atomicrmw fmax ptr %p, double %x monotonic, align 16
  %new = load double, ptr %p, align 16
  %r0 = insertvalue { double, double } poison, double %old, 0
  %r1 = insertvalue { double, double } %r0, double %new, 1
  ret { double, double } %r1
}
; run: %fmax_double(0x1.8000000000000p0, 0x1.2000000000000p1) == [0x1.8000000000000p0, 0x1.2000000000000p1]
; run: %fmax_double(-0.0, 0.0) == [-0.0, -0.0]
; run: %fmax_double(0.0, -0.0) == [0.0, 0.0]
; run: %fmax_double(+NaN, 0x1.0000000000000p0) == [+NaN, 0x1.0000000000000p0]
; run: %fmax_double(0x1.0000000000000p0, +NaN:0x1) == [0x1.0000000000000p0, 0x1.0000000000000p0]
; run: %fmax_double(+Inf, -Inf) == [+Inf, +Inf]
; run: %fmax_double(0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023) == [0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023]
; run: %fmax_double(-0x1.0000000000000p0, 0x1.0000000000000p0) == [-0x1.0000000000000p0, 0x1.0000000000000p0]

define { float, float } @fmin_float(float %init, float %x) {
  %p = alloca float, align 16
  store float %init, ptr %p, align 16
  %old = atomicrmw fmin ptr %p, float %x acquire, align 16
  %new = load float, ptr %p, align 16
  %r0 = insertvalue { float, float } poison, float %old, 0
  %r1 = insertvalue { float, float } %r0, float %new, 1
  ret { float, float } %r1
}
; run: %fmin_float(0x1.800000p0, 0x1.200000p1) == [0x1.800000p0, 0x1.800000p0]
; run: %fmin_float(-0.0, 0.0) == [-0.0, -0.0]
; run: %fmin_float(0.0, -0.0) == [0.0, 0.0]
; run: %fmin_float(+NaN, 0x1.000000p0) == [+NaN, 0x1.000000p0]
; run: %fmin_float(0x1.000000p0, +NaN:0x1) == [0x1.000000p0, 0x1.000000p0]
; run: %fmin_float(+Inf, -Inf) == [+Inf, -Inf]
; run: %fmin_float(0x1.fffffep127, 0x1.fffffep127) == [0x1.fffffep127, 0x1.fffffep127]
; run: %fmin_float(-0x1.000000p0, 0x1.000000p0) == [-0x1.000000p0, -0x1.000000p0]

define { double, double } @fmin_double(double %init, double %x) {
  %p = alloca double, align 16
  store double %init, ptr %p, align 16
  %old = atomicrmw fmin ptr %p, double %x release, align 16
  %new = load double, ptr %p, align 16
  %r0 = insertvalue { double, double } poison, double %old, 0
  %r1 = insertvalue { double, double } %r0, double %new, 1
  ret { double, double } %r1
}
; run: %fmin_double(0x1.8000000000000p0, 0x1.2000000000000p1) == [0x1.8000000000000p0, 0x1.8000000000000p0]
; run: %fmin_double(-0.0, 0.0) == [-0.0, -0.0]
; run: %fmin_double(0.0, -0.0) == [0.0, 0.0]
; run: %fmin_double(+NaN, 0x1.0000000000000p0) == [+NaN, 0x1.0000000000000p0]
; run: %fmin_double(0x1.0000000000000p0, +NaN:0x1) == [0x1.0000000000000p0, 0x1.0000000000000p0]
; run: %fmin_double(+Inf, -Inf) == [+Inf, -Inf]
; run: %fmin_double(0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023) == [0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023]
; run: %fmin_double(-0x1.0000000000000p0, 0x1.0000000000000p0) == [-0x1.0000000000000p0, -0x1.0000000000000p0]

define { float, float } @fmaximum_float(float %init, float %x) {
  %p = alloca float, align 16
  store float %init, ptr %p, align 16
  %old = atomicrmw fmaximum ptr %p, float %x acq_rel, align 16
  %new = load float, ptr %p, align 16
  %r0 = insertvalue { float, float } poison, float %old, 0
  %r1 = insertvalue { float, float } %r0, float %new, 1
  ret { float, float } %r1
}
; run: %fmaximum_float(0x1.800000p0, 0x1.200000p1) == [0x1.800000p0, 0x1.200000p1]
; run: %fmaximum_float(-0.0, 0.0) == [-0.0, 0.0]
; run: %fmaximum_float(0.0, -0.0) == [0.0, 0.0]
; run: %fmaximum_float(+NaN, 0x1.000000p0) == [+NaN, +NaN]
; run: %fmaximum_float(0x1.000000p0, +NaN:0x1) == [0x1.000000p0, +NaN:0x1]
; run: %fmaximum_float(+Inf, -Inf) == [+Inf, +Inf]
; run: %fmaximum_float(0x1.fffffep127, 0x1.fffffep127) == [0x1.fffffep127, 0x1.fffffep127]
; run: %fmaximum_float(-0x1.000000p0, 0x1.000000p0) == [-0x1.000000p0, 0x1.000000p0]

define { double, double } @fmaximum_double(double %init, double %x) {
  %p = alloca double, align 16
  store double %init, ptr %p, align 16
  %old = atomicrmw fmaximum ptr %p, double %x seq_cst, align 16
  %new = load double, ptr %p, align 16
  %r0 = insertvalue { double, double } poison, double %old, 0
  %r1 = insertvalue { double, double } %r0, double %new, 1
  ret { double, double } %r1
}
; run: %fmaximum_double(0x1.8000000000000p0, 0x1.2000000000000p1) == [0x1.8000000000000p0, 0x1.2000000000000p1]
; run: %fmaximum_double(-0.0, 0.0) == [-0.0, 0.0]
; run: %fmaximum_double(0.0, -0.0) == [0.0, 0.0]
; run: %fmaximum_double(+NaN, 0x1.0000000000000p0) == [+NaN, +NaN]
; run: %fmaximum_double(0x1.0000000000000p0, +NaN:0x1) == [0x1.0000000000000p0, +NaN:0x1]
; run: %fmaximum_double(+Inf, -Inf) == [+Inf, +Inf]
; run: %fmaximum_double(0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023) == [0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023]
; run: %fmaximum_double(-0x1.0000000000000p0, 0x1.0000000000000p0) == [-0x1.0000000000000p0, 0x1.0000000000000p0]

define { float, float } @fminimum_float(float %init, float %x) {
  %p = alloca float, align 16
  store float %init, ptr %p, align 16
  %old = atomicrmw fminimum ptr %p, float %x monotonic, align 16
  %new = load float, ptr %p, align 16
  %r0 = insertvalue { float, float } poison, float %old, 0
  %r1 = insertvalue { float, float } %r0, float %new, 1
  ret { float, float } %r1
}
; run: %fminimum_float(0x1.800000p0, 0x1.200000p1) == [0x1.800000p0, 0x1.800000p0]
; run: %fminimum_float(-0.0, 0.0) == [-0.0, -0.0]
; run: %fminimum_float(0.0, -0.0) == [0.0, -0.0]
; run: %fminimum_float(+NaN, 0x1.000000p0) == [+NaN, +NaN]
; run: %fminimum_float(0x1.000000p0, +NaN:0x1) == [0x1.000000p0, +NaN:0x1]
; run: %fminimum_float(+Inf, -Inf) == [+Inf, -Inf]
; run: %fminimum_float(0x1.fffffep127, 0x1.fffffep127) == [0x1.fffffep127, 0x1.fffffep127]
; run: %fminimum_float(-0x1.000000p0, 0x1.000000p0) == [-0x1.000000p0, -0x1.000000p0]

define { double, double } @fminimum_double(double %init, double %x) {
  %p = alloca double, align 16
  store double %init, ptr %p, align 16
  %old = atomicrmw fminimum ptr %p, double %x acquire, align 16
  %new = load double, ptr %p, align 16
  %r0 = insertvalue { double, double } poison, double %old, 0
  %r1 = insertvalue { double, double } %r0, double %new, 1
  ret { double, double } %r1
}
; run: %fminimum_double(0x1.8000000000000p0, 0x1.2000000000000p1) == [0x1.8000000000000p0, 0x1.8000000000000p0]
; run: %fminimum_double(-0.0, 0.0) == [-0.0, -0.0]
; run: %fminimum_double(0.0, -0.0) == [0.0, -0.0]
; run: %fminimum_double(+NaN, 0x1.0000000000000p0) == [+NaN, +NaN]
; run: %fminimum_double(0x1.0000000000000p0, +NaN:0x1) == [0x1.0000000000000p0, +NaN:0x1]
; run: %fminimum_double(+Inf, -Inf) == [+Inf, -Inf]
; run: %fminimum_double(0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023) == [0x1.fffffffffffffp1023, 0x1.fffffffffffffp1023]
; run: %fminimum_double(-0x1.0000000000000p0, 0x1.0000000000000p0) == [-0x1.0000000000000p0, -0x1.0000000000000p0]

define { i128, i128 } @xchg_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw xchg ptr %p, i128 %x release, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %xchg_i128(0x0, 0x0) == [0x0, 0x0]
; run: %xchg_i128(0x0, 0x5) == [0x0, 0x5]
; run: %xchg_i128(0x5, 0x5) == [0x5, 0x5]
; run: %xchg_i128(0x6, 0x5) == [0x6, 0x5]
; run: %xchg_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %xchg_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %xchg_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0xffffffffffffffffffffffffffffffff]
; run: %xchg_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff]
; run: %xchg_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff]
; run: %xchg_i128(0xc6f877186d76b07e881ed162ae2eb154, 0xec66a78795e761d17731af10506bf2ef) == [0xc6f877186d76b07e881ed162ae2eb154, 0xec66a78795e761d17731af10506bf2ef]

define { i128, i128 } @add_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw add ptr %p, i128 %x acq_rel, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %add_i128(0x0, 0x0) == [0x0, 0x0]
; run: %add_i128(0x0, 0x5) == [0x0, 0x5]
; run: %add_i128(0x5, 0x5) == [0x5, 0xa]
; run: %add_i128(0x6, 0x5) == [0x6, 0xb]
; run: %add_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xfffffffffffffffffffffffffffffffe]
; run: %add_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %add_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x0]
; run: %add_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xfffffffffffffffffffffffffffffffd]
; run: %add_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0xffffffffffffffffffffffffffffffff]
; run: %add_i128(0x3f98e2774cbd87ad5c90a9587403e430, 0xc7a2ea20b2f14c942e05319acb5c7427) == [0x3f98e2774cbd87ad5c90a9587403e430, 0x73bcc97ffaed4418a95daf33f605857]

define { i128, i128 } @sub_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw sub ptr %p, i128 %x seq_cst, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %sub_i128(0x0, 0x0) == [0x0, 0x0]
; run: %sub_i128(0x0, 0x5) == [0x0, 0xfffffffffffffffffffffffffffffffb]
; run: %sub_i128(0x5, 0x5) == [0x5, 0x0]
; run: %sub_i128(0x6, 0x5) == [0x6, 0x1]
; run: %sub_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %sub_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %sub_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x2]
; run: %sub_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff]
; run: %sub_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x1]
; run: %sub_i128(0x4cdd2055930d6eaf14f4733f3e7d1bfb, 0x57ee05cde00902c77ebff20686734721) == [0x4cdd2055930d6eaf14f4733f3e7d1bfb, 0xf4ef1a87b3046be796348138b809d4da]

define { i128, i128 } @and_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw and ptr %p, i128 %x monotonic, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %and_i128(0x0, 0x0) == [0x0, 0x0]
; run: %and_i128(0x0, 0x5) == [0x0, 0x0]
; run: %and_i128(0x5, 0x5) == [0x5, 0x5]
; run: %and_i128(0x6, 0x5) == [0x6, 0x4]
; run: %and_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %and_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %and_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x1]
; run: %and_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xfffffffffffffffffffffffffffffffe]
; run: %and_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x0]
; run: %and_i128(0x9be4bcfc49b64a0872e6cc3ababced20, 0x830e07bc1e398f1012bd4acefaecbd38) == [0x9be4bcfc49b64a0872e6cc3ababced20, 0x830404bc08300a0012a4480abaacad20]

define { i128, i128 } @nand_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw nand ptr %p, i128 %x acquire, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %nand_i128(0x0, 0x0) == [0x0, 0xffffffffffffffffffffffffffffffff]
; run: %nand_i128(0x0, 0x5) == [0x0, 0xffffffffffffffffffffffffffffffff]
; run: %nand_i128(0x5, 0x5) == [0x5, 0xfffffffffffffffffffffffffffffffa]
; run: %nand_i128(0x6, 0x5) == [0x6, 0xfffffffffffffffffffffffffffffffb]
; run: %nand_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %nand_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %nand_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0xfffffffffffffffffffffffffffffffe]
; run: %nand_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0x1]
; run: %nand_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0xffffffffffffffffffffffffffffffff]
; run: %nand_i128(0x5790f82ec1d3fcff2a3af4d46b0a18e8, 0x6bf46c697d2caf82eeeacbe226e87555) == [0x5790f82ec1d3fcff2a3af4d46b0a18e8, 0xbc6f97d7beff537dd5d53f3fddf7efbf]

define { i128, i128 } @or_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw or ptr %p, i128 %x release, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %or_i128(0x0, 0x0) == [0x0, 0x0]
; run: %or_i128(0x0, 0x5) == [0x0, 0x5]
; run: %or_i128(0x5, 0x5) == [0x5, 0x5]
; run: %or_i128(0x6, 0x5) == [0x6, 0x7]
; run: %or_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %or_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %or_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0xffffffffffffffffffffffffffffffff]
; run: %or_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff]
; run: %or_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0xffffffffffffffffffffffffffffffff]
; run: %or_i128(0x13deef86ab1031d0f646e1f40a097c97, 0xca02135e92b1d3f28ede0d7ac3baea9e) == [0x13deef86ab1031d0f646e1f40a097c97, 0xdbdeffdebbb1f3f2fedeedfecbbbfe9f]

define { i128, i128 } @xor_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw xor ptr %p, i128 %x acq_rel, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %xor_i128(0x0, 0x0) == [0x0, 0x0]
; run: %xor_i128(0x0, 0x5) == [0x0, 0x5]
; run: %xor_i128(0x5, 0x5) == [0x5, 0x0]
; run: %xor_i128(0x6, 0x5) == [0x6, 0x3]
; run: %xor_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %xor_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %xor_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0xfffffffffffffffffffffffffffffffe]
; run: %xor_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0x1]
; run: %xor_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0xffffffffffffffffffffffffffffffff]
; run: %xor_i128(0x571242425051c1ccd17f9acae01f5057, 0x7f26144b98289fcd59a54a7bb1fee08f) == [0x571242425051c1ccd17f9acae01f5057, 0x28345609c8795e0188dad0b151e1b0d8]

define { i128, i128 } @max_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw max ptr %p, i128 %x seq_cst, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %max_i128(0x0, 0x0) == [0x0, 0x0]
; run: %max_i128(0x0, 0x5) == [0x0, 0x5]
; run: %max_i128(0x5, 0x5) == [0x5, 0x5]
; run: %max_i128(0x6, 0x5) == [0x6, 0x6]
; run: %max_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %max_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %max_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x1]
; run: %max_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff]
; run: %max_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff]
; run: %max_i128(0x119a72d174c9df6acc011cdd9474031b, 0x451abd81f1d69ed617f5e837d70820fe) == [0x119a72d174c9df6acc011cdd9474031b, 0x451abd81f1d69ed617f5e837d70820fe]

define { i128, i128 } @min_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw min ptr %p, i128 %x monotonic, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %min_i128(0x0, 0x0) == [0x0, 0x0]
; run: %min_i128(0x0, 0x5) == [0x0, 0x0]
; run: %min_i128(0x5, 0x5) == [0x5, 0x5]
; run: %min_i128(0x6, 0x5) == [0x6, 0x5]
; run: %min_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %min_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %min_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0xffffffffffffffffffffffffffffffff]
; run: %min_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xfffffffffffffffffffffffffffffffe]
; run: %min_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x80000000000000000000000000000000]
; run: %min_i128(0x10a3d6b2aa05e11ab2715945795e8229, 0x4f426dcbb394fb36bb2d420f0f88080b) == [0x10a3d6b2aa05e11ab2715945795e8229, 0x10a3d6b2aa05e11ab2715945795e8229]

define { i128, i128 } @umax_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw umax ptr %p, i128 %x acquire, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %umax_i128(0x0, 0x0) == [0x0, 0x0]
; run: %umax_i128(0x0, 0x5) == [0x0, 0x5]
; run: %umax_i128(0x5, 0x5) == [0x5, 0x5]
; run: %umax_i128(0x6, 0x5) == [0x6, 0x6]
; run: %umax_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %umax_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %umax_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0xffffffffffffffffffffffffffffffff]
; run: %umax_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff]
; run: %umax_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x80000000000000000000000000000000]
; run: %umax_i128(0xae658f33fe3b890b93f448b3a5aa3c81, 0xb774eb5248db40af72158370d269a9a5) == [0xae658f33fe3b890b93f448b3a5aa3c81, 0xb774eb5248db40af72158370d269a9a5]

define { i128, i128 } @umin_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %old = atomicrmw umin ptr %p, i128 %x release, align 16
  %new = load i128, ptr %p, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %umin_i128(0x0, 0x0) == [0x0, 0x0]
; run: %umin_i128(0x0, 0x5) == [0x0, 0x0]
; run: %umin_i128(0x5, 0x5) == [0x5, 0x5]
; run: %umin_i128(0x6, 0x5) == [0x6, 0x5]
; run: %umin_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %umin_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %umin_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0x1]
; run: %umin_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xfffffffffffffffffffffffffffffffe]
; run: %umin_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff]
; run: %umin_i128(0x58d5563dab2cd31ee315128862c33a4f, 0x5affb2297631a992f0ce583505c6af07) == [0x58d5563dab2cd31ee315128862c33a4f, 0x58d5563dab2cd31ee315128862c33a4f]

define { i128, i128 } @cmpxchg_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store i128 %init, ptr %p, align 16
  %r = cmpxchg ptr %p, i128 5, i128 %x acq_rel monotonic, align 16
  %old = extractvalue { i128, i1 } %r, 0
  %ok = extractvalue { i128, i1 } %r, 1
  %okw = zext i1 %ok to i128
  %new = load i128, ptr %p, align 16
  %sum = add i128 %new, %okw
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %sum, 1
  ret { i128, i128 } %r1
}
; run: %cmpxchg_i128(0x5, 0x7) == [0x5, 0x8]
; run: %cmpxchg_i128(0x6, 0x7) == [0x6, 0x6]
; run: %cmpxchg_i128(0x5, 0xffffffffffffffffffffffffffffffff) == [0x5, 0x0]
; run: %cmpxchg_i128(0x10000000000000005, 0x3) == [0x10000000000000005, 0x10000000000000005]

define { i128, i128 } @load_store_i128(i128 %init, i128 %x) #0 {
  %p = alloca i128, align 16
  store atomic i128 %init, ptr %p seq_cst, align 16
  %old = load atomic i128, ptr %p acquire, align 16
  store atomic i128 %x, ptr %p release, align 16
  %new = load atomic i128, ptr %p monotonic, align 16
  %r0 = insertvalue { i128, i128 } poison, i128 %old, 0
  %r1 = insertvalue { i128, i128 } %r0, i128 %new, 1
  ret { i128, i128 } %r1
}
; run: %load_store_i128(0x0, 0x0) == [0x0, 0x0]
; run: %load_store_i128(0x0, 0x5) == [0x0, 0x5]
; run: %load_store_i128(0x5, 0x5) == [0x5, 0x5]
; run: %load_store_i128(0x6, 0x5) == [0x6, 0x5]
; run: %load_store_i128(0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff) == [0xffffffffffffffffffffffffffffffff, 0xffffffffffffffffffffffffffffffff]
; run: %load_store_i128(0xffffffffffffffffffffffffffffffff, 0x0) == [0xffffffffffffffffffffffffffffffff, 0x0]
; run: %load_store_i128(0x1, 0xffffffffffffffffffffffffffffffff) == [0x1, 0xffffffffffffffffffffffffffffffff]
; run: %load_store_i128(0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff) == [0xfffffffffffffffffffffffffffffffe, 0xffffffffffffffffffffffffffffffff]
; run: %load_store_i128(0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff) == [0x80000000000000000000000000000000, 0x7fffffffffffffffffffffffffffffff]
; run: %load_store_i128(0x65dc9f503f63af83bd0561e6211c70cf, 0x7f1b103cdf1582b0eab477d26415479c) == [0x65dc9f503f63af83bd0561e6211c70cf, 0x7f1b103cdf1582b0eab477d26415479c]

attributes #0 = { "target-features"="+cx16" }
