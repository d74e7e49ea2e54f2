// What the CLIF fuzzer must not generate yet, each with the reason: opcodes or
// types the x86-64 back end rejects ("cannot compile ... for x86-64"). Shared by
// the fuzz test and scripts/fuzz-clif.ts; shrink it as the back end grows.
// Keys: `op`, `op.T` (controlling type T), `op<-T` (an operand of type T), or a type.

export const FUZZ_EXCLUSIONS: [string, string][] = [
  ['fcvt_to_sint_sat.i128', 'float to i128 conversion is not selected (needs a __fixdfti-style libcall)'],
  ['fcvt_to_uint_sat.i128', 'float to i128 conversion is not selected (needs a __fixunsdfti-style libcall)'],
  ['fcvt_to_sint.i128', 'float to i128 conversion is not selected (trapping form)'],
  ['fcvt_to_uint.i128', 'float to i128 conversion is not selected (trapping form)'],
  ['fcvt_from_sint<-i128', 'i128 to float conversion is not selected (needs a __floattidf-style libcall)'],
  ['fcvt_from_uint<-i128', 'i128 to float conversion is not selected (needs a __floatuntidf-style libcall)'],
  ['bmask<-i128', 'bmask of an i128 operand is not selected'],
  ['bmask.i128', 'bmask producing i128 is not selected'],
  ['avg_round.i128', 'not selected for i128'],
  ['smul_overflow.i128', 'not selected for i128'],
  ['umul_overflow.i128', 'not selected for i128'],
  ['bitselect.i128', 'not selected for i128'],
];

export const FUZZ_EXCLUDE: string[] = FUZZ_EXCLUSIONS.map(([k]) => k);
