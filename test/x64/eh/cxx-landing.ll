; The LLVM equivalent of cxx-landing.clif, compiled by llc-22 as the reference.

target triple = "x86_64-unknown-linux-gnu"
@_ZTIi = external constant ptr
@_ZTIPKc = external constant ptr
declare i64 @thrower(i64)
declare void @note(i64)
declare ptr @__cxa_begin_catch(ptr)
declare void @__cxa_end_catch()
declare void @_Unwind_Resume(ptr)
declare i32 @__gxx_personality_v0(...)

define i64 @t_cleanup(i64 %x) personality ptr @__gxx_personality_v0 {
  %r = invoke i64 @thrower(i64 %x) to label %ok unwind label %lp
ok:
  %r1 = add i64 %r, 1
  ret i64 %r1
lp:
  %l = landingpad { ptr, i32 } cleanup
  %e = extractvalue { ptr, i32 } %l, 0
  call void @note(i64 1)
  call void @_Unwind_Resume(ptr %e)
  unreachable
}

define i64 @t_catchall(i64 %x) personality ptr @__gxx_personality_v0 {
  %r = invoke i64 @thrower(i64 %x) to label %ok unwind label %lp
ok:
  ret i64 %r
lp:
  %l = landingpad { ptr, i32 } catch ptr null
  %e = extractvalue { ptr, i32 } %l, 0
  %s = extractvalue { ptr, i32 } %l, 1
  %c = call ptr @__cxa_begin_catch(ptr %e)
  call void @__cxa_end_catch()
  %s64 = zext i32 %s to i64
  %v = add i64 1000, %s64
  ret i64 %v
}

define i64 @t_types(i64 %x) personality ptr @__gxx_personality_v0 {
  %r = invoke i64 @thrower(i64 %x) to label %ok unwind label %lp
ok:
  ret i64 %r
lp:
  %l = landingpad { ptr, i32 } cleanup catch ptr @_ZTIi catch ptr @_ZTIPKc
  %e = extractvalue { ptr, i32 } %l, 0
  %s = extractvalue { ptr, i32 } %l, 1
  %z = icmp ne i32 %s, 0
  br i1 %z, label %caught, label %clean
caught:
  %c = call ptr @__cxa_begin_catch(ptr %e)
  call void @__cxa_end_catch()
  %s64 = sext i32 %s to i64
  %v = add i64 2000, %s64
  %v2 = add i64 %v, 7
  ret i64 %v2
clean:
  call void @note(i64 7)
  call void @_Unwind_Resume(ptr %e)
  unreachable
}

define i64 @t_filter(i64 %x) personality ptr @__gxx_personality_v0 {
  %r = invoke i64 @thrower(i64 %x) to label %ok unwind label %lp
ok:
  ret i64 %r
lp:
  %l = landingpad { ptr, i32 } filter [1 x ptr] [ptr @_ZTIi]
  %e = extractvalue { ptr, i32 } %l, 0
  %s = extractvalue { ptr, i32 } %l, 1
  %c = call ptr @__cxa_begin_catch(ptr %e)
  call void @__cxa_end_catch()
  %s64 = sext i32 %s to i64
  %v = add i64 3000, %s64
  ret i64 %v
}
