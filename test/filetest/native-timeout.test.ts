// A run line that never returns natively is stopped and reported as timed out,
// and the other run lines of the same file still report their results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile } from '../../src/ir/parser.js';
import { runNative } from '../../src/filetest/native.js';

const text = `test run
target x86_64

function %spin(i32) -> i32 {
block0(v0: i32):
    jump block1(v0)
block1(v1: i32):
    v3 = iconst.i32 1
    v2 = iadd v1, v3
    jump block1(v2)
}
; run: %spin(0) == 0

function %one() -> i32 {
block0:
    v0 = iconst.i32 1
    return v0
}
; run: %one() == 1
`;

test('an endless loop is reported as a timeout for its own run line only', async () => {
  const file = parseClifFile(text, 'spin.clif');
  const results = await runNative(file, { timeoutSeconds: 1 });
  assert.equal(results.length, 2);
  assert.deepEqual(results[0], { ok: false, error: 'timed out (no result after 1 s)' });
  assert.equal(results[1].ok, true);
  if (results[1].ok) assert.equal(results[1].values[0].bits, 1n);
});
