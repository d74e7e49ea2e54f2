// What the CLIF fuzzer must not generate yet, each with the reason: opcodes or
// types the x86-64 back end rejects ("cannot compile ... for x86-64"). Shared by
// the fuzz test and scripts/fuzz-clif.ts; shrink it as the back end grows.

export const FUZZ_EXCLUSIONS: [string, string][] = [
  ['i128', 'i128 instruction selection is not implemented (src/x64/isel-i128.ts is a stub)'],
  ['fma', 'no x86-64 lowering (needs the FMA extension or a libcall)'],
  ['ceil', 'no x86-64 lowering (needs SSE4.1 roundss/roundsd or a libcall)'],
  ['floor', 'no x86-64 lowering (needs SSE4.1 roundss/roundsd or a libcall)'],
  ['trunc', 'no x86-64 lowering (needs SSE4.1 roundss/roundsd or a libcall)'],
  ['nearest', 'no x86-64 lowering (needs SSE4.1 roundss/roundsd or a libcall)'],
  ['uadd_overflow_cin', 'carry-in forms are not selected by the x86-64 back end'],
  ['sadd_overflow_cin', 'carry-in forms are not selected by the x86-64 back end'],
  ['usub_overflow_bin', 'borrow-in forms are not selected by the x86-64 back end'],
  ['ssub_overflow_bin', 'borrow-in forms are not selected by the x86-64 back end'],
];

export const FUZZ_EXCLUDE: string[] = FUZZ_EXCLUSIONS.map(([k]) => k);
