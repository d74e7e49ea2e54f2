// Compile functions with chosen failures, for driver tests, loaded through
// CGTS_COMPILE_WITH (so they also run in worker threads). CGTS_TEST_FAKE
// picks the behaviour: `fail` (a CgtsError naming the module), `internal`
// (a plain Error, i.e. a bug), `slow` (sleeps 20 s, then compiles with llc-22),
// `fail-second` (fails only for module names containing "second").

import { CgtsError } from '../../src/support/diag.js';
import { compileBitcode as llc } from './llc-compile.js';

export function compileBitcode(bytes: Uint8Array, fileName: string, opts: { emitClif?: boolean } = {}): { object: Uint8Array; clif?: string } {
  switch (process.env.CGTS_TEST_FAKE) {
    case 'fail':
      throw new CgtsError('cannot compile function f: instruction %3 = frobnicate i32 %1', fileName);
    case 'fail-second':
      if (fileName.includes('second')) throw new CgtsError('cannot compile function g: instruction %7 = frobnicate i64 %2', fileName);
      break;
    case 'internal':
      throw new Error('internal error: an invariant broke');
    case 'slow':
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20_000);
      break;
  }
  return llc(bytes, fileName, opts);
}
