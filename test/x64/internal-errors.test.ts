// Internal errors (bugs) met while compiling a function: they stay plain
// Errors, not CgtsErrors, and their message names the function and the
// instruction being selected. Provokes one by making a selector helper throw.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile } from '../../src/ir/parser.js';
import { compileObject } from '../../src/x64/compile.js';
import { Emitter } from '../../src/x64/codegen.js';
import { opcodeNames } from '../../src/ir/opcodes.js';
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

/** Compiles `body` after setting every `opName` instruction's condition code to `cc`, returning what it throws. */
function compileWithCondition(body: string, opName: string, cc: number): unknown {
  const file = parseClifFile('test compile\ntarget x86_64\n' + body, 'cc.clif');
  const op = opcodeNames.indexOf(opName);
  for (const { func: f } of file.functions) {
    for (let i = 0; i < f.numInsts; i++) if (f.instOp[i] === op) f.instImm0[i] = cc;
  }
  try {
    compileObject(file.functions.map((p) => p.func), {});
  } catch (e) {
    return e;
  }
  return undefined;
}

test('an unknown condition code is an internal error, not a silent "equal"', () => {
  const cases: [string, string][] = [
    ['icmp', 'function %a(i64, i64) -> i8 {\nblock0(v0: i64, v1: i64):\n    v2 = icmp eq v0, v1\n    return v2\n}\n'],
    ['icmp', 'function %b(i64, i64) -> i64 {\nblock0(v0: i64, v1: i64):\n    v2 = icmp eq v0, v1\n    brif v2, block1, block2\nblock1:\n    return v0\nblock2:\n    return v1\n}\n'],
    ['icmp', 'function %c(i64, i64) -> i8 {\nblock0(v0: i64, v1: i64):\n    v2 = iconcat v0, v1\n    v3 = iconcat v1, v0\n    v4 = icmp ult v2, v3\n    return v4\n}\n'],
    ['fcmp', 'function %d(f64, f64) -> i8 {\nblock0(v0: f64, v1: f64):\n    v2 = fcmp eq v0, v1\n    return v2\n}\n'],
  ];
  for (const [op, body] of cases) {
    const err = compileWithCondition(body, op, 77);
    assert.ok(err instanceof Error && !(err instanceof CgtsError), `${body}: expected an internal error, got ${String(err)}`);
    assert.match(err.message, /unknown (integer|float) condition code 77/);
  }
});
