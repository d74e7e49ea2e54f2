; Control flow: phis as block parameters (loops, swaps), switch as a jump
; table and as a compare chain, select, unreachable blocks.

define i64 @sum_to(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %acc = phi i64 [ 0, %entry ], [ %acc1, %loop ]
  %acc1 = add i64 %acc, %i
  %i1 = add i64 %i, 1
  %done = icmp ugt i64 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %acc1
}
; run: %sum_to(10) == 55
; run: %sum_to(0) == 0

define i32 @fib_swap(i32 %n) {
entry:
  br label %loop
loop:
  %a = phi i32 [ 0, %entry ], [ %b, %loop ]
  %b = phi i32 [ 1, %entry ], [ %c, %loop ]
  %k = phi i32 [ %n, %entry ], [ %k1, %loop ]
  %c = add i32 %a, %b
  %k1 = sub i32 %k, 1
  %z = icmp eq i32 %k1, 0
  br i1 %z, label %exit, label %loop
exit:
  ret i32 %a
}
; run: %fib_swap(1) == 0
; run: %fib_swap(10) == 34

define i32 @table(i8 %x) {
entry:
  switch i8 %x, label %def [
    i8 3, label %a
    i8 4, label %b
    i8 5, label %c
    i8 6, label %a
    i8 8, label %b
  ]
a:
  ret i32 10
b:
  ret i32 20
c:
  ret i32 30
def:
  ret i32 -1
}
; run: %table(3) == 10
; run: %table(4) == 20
; run: %table(5) == 30
; run: %table(6) == 10
; run: %table(7) == -1
; run: %table(8) == 20
; run: %table(2) == -1
; run: %table(255) == -1

define i64 @chain(i64 %x) {
entry:
  switch i64 %x, label %def [
    i64 -5, label %a
    i64 1000000, label %b
  ]
a:
  br label %def
b:
  br label %def
def:
  %r = phi i64 [ 1, %a ], [ 2, %b ], [ 0, %entry ]
  ret i64 %r
}
; run: %chain(-5) == 1
; run: %chain(1000000) == 2
; run: %chain(7) == 0

define i16 @sel(i1 %c, i16 %a, i16 %b) {
  %r = select i1 %c, i16 %a, i16 %b
  ret i16 %r
}
; run: %sel(1, 7, 9) == 7
; run: %sel(0, 7, 9) == 9

define i32 @dead_blocks(i32 %x) {
entry:
  ret i32 %x
dead:
  %y = add i32 %z, 1
  br label %dead2
dead2:
  %z = add i32 %y, 1
  br label %dead
}
; run: %dead_blocks(4) == 4
