// Frames near and past the 2 GiB that x86-64's 32-bit displacements and
// `sub rsp, imm32` allow: compiles CLIF snippets and checks the machine code
// (objdump) or the CgtsError that names the function.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile } from '../../src/ir/parser.js';
import { compileObject } from '../../src/x64/compile.js';
import { CgtsError } from '../../src/support/diag.js';
import { disasmByFunction } from './support.js';

function compileError(text: string): CgtsError {
  const file = parseClifFile('test compile\ntarget x86_64\n' + text, 'snippet.clif');
  try {
    compileObject(file.functions.map((p) => p.func), {});
  } catch (e) {
    assert.ok(e instanceof CgtsError, `expected a CgtsError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the compilation to fail');
}

const twoSlots = (size: string) => `
function %big() -> i64 system_v {
    ss0 = explicit_slot ${size}
    ss1 = explicit_slot 16
block0:
    v0 = stack_addr.i64 ss1
    v1 = load.i64 v0
    return v1
}
`;

test('a frame of 2 GiB or more is refused with the function named', () => {
  for (const size of ['2147483648', '4294967295', '2147483632']) {
    const e = compileError(twoSlots(size));
    assert.equal(e.where, 'function %big');
    assert.match(e.message, /^stack frame of \d+ bytes is larger than 2 GiB/);
  }
});

test('a frame just under 2 GiB is probed, allocated and addressed with its full offsets', () => {
  const dis = disasmByFunction(twoSlots('2147418112')).get('big')!;
  // 0x7fff0000 bytes of slot, then the 16-byte slot at that offset
  assert.match(dis, /sub\s+\$0x1000,%rsp/);
  assert.match(dis, /mov\s+0x7fff0000\(%rsp\),%rax/);
  assert.doesNotMatch(dis, /-0x/);
});

test('a stack-slot access whose offset leaves the 32-bit range is an error, not a wrapped displacement', () => {
  const e = compileError(`
function %far() -> i64 system_v {
    ss0 = explicit_slot 2147418112
    ss1 = explicit_slot 16
block0:
    v0 = stack_addr.i64 ss1
    v1 = load.i64 v0+0x10000
    return v1
}
`);
  assert.equal(e.where, 'function %far');
  assert.match(e.message, /outside the 32-bit range/);
});
