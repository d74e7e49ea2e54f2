// A compile function for compile-pool tests: the "object" is the input's
// bytes reversed; the CLIF text reports what the compiling thread received
// (view length, length of the buffer behind it, thread id). A module whose
// name contains "bad" is a CgtsError, "bug" a plain Error.

import { threadId } from 'node:worker_threads';
import { CgtsError } from '../../src/support/diag.js';

export function compileBitcode(bytes: Uint8Array, fileName: string, opts: { emitClif?: boolean } = {}): { object: Uint8Array; clif?: string } {
  if (fileName.includes('bad')) throw new CgtsError('cannot compile this', fileName);
  if (fileName.includes('bug')) throw new Error('internal error: broken invariant');
  const object = new Uint8Array(bytes).reverse();
  return { object, clif: opts.emitClif ? `${bytes.length} ${bytes.buffer.byteLength} ${threadId}` : undefined };
}
