// What the CLIF fuzzer must not generate yet, each with the reason: opcodes or
// types the x86-64 back end rejects ("cannot compile ... for x86-64"). Shared by
// the fuzz test and scripts/fuzz-clif.ts; shrink it as the back end grows.
// Keys: `op`, `op.T` (controlling type T), `op<-T` (an operand of type T), or a type.

export const FUZZ_EXCLUSIONS: [string, string][] = [
];

export const FUZZ_EXCLUDE: string[] = FUZZ_EXCLUSIONS.map(([k]) => k);
