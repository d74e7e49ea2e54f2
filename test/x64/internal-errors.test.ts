// Internal errors (bugs) met while compiling a function: they stay plain
// Errors, not CgtsErrors, and their message names the function and the
// instruction being selected. Provokes one by making a selector helper throw.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile } from '../../src/ir/parser.js';
import { compileObject } from '../../src/x64/compile.js';
import { Emitter } from '../../src/x64/codegen.js';
import { CgtsError } from '../../src/support/diag.js';

const text = `test compile
target x86_64
function %boom(i64) -> i64 {
block0(v0: i64):
    v1 = iconst.i64 1
    v2 = iadd v0, v1
    brif v2, block1, block2
block1:
    trap user1
block2:
    return v2
}
`;

function compileWith(trapHere: (this: Emitter, code: number) => void): unknown {
  const file = parseClifFile(text, 'boom.clif');
  const saved = Emitter.prototype.trapHere;
  Emitter.prototype.trapHere = trapHere;
  try {
    compileObject(file.functions.map((p) => p.func), {});
  } catch (e) {
    return e;
  } finally {
    Emitter.prototype.trapHere = saved;
  }
  return undefined;
}

test('an internal error names the function and the instruction, and stays internal', () => {
  const err = compileWith(function () { throw new TypeError('cannot read x of undefined'); });
  assert.ok(err instanceof Error && !(err instanceof CgtsError));
  assert.match(err.message, /^function %boom, instruction \d+ \(trap in block1\): cannot read x of undefined$/);
  assert.ok(err.cause instanceof TypeError);
  assert.match(err.stack ?? '', /\n {4}at /);
});

test('a failed assertion keeps its "internal error" prefix in front of the place', () => {
  const err = compileWith(function () { throw new Error('internal error: no free temporary'); });
  assert.ok(err instanceof Error && !(err instanceof CgtsError));
  assert.match(err.message, /^internal error: function %boom, instruction \d+ \(trap in block1\): no free temporary$/);
});
