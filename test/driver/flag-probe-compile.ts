// A compile function for the V8 flag test of compile-pool: the CLIF text
// says whether the compiling thread's isolate has the `gc` global that V8's
// --expose-gc flag adds when the isolate starts.

export function compileBitcode(bytes: Uint8Array): { object: Uint8Array; clif: string } {
  return { object: new Uint8Array(bytes), clif: typeof (globalThis as { gc?: unknown }).gc };
}
