// Frames near and past the 2 GiB that x86-64's 32-bit displacements and
// `sub rsp, imm32` allow: compiles CLIF snippets and checks the machine code
// (objdump) or the CgtsError that names the function.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile } from '../../src/ir/parser.js';
import { compileObject } from '../../src/x64/compile.js';
import { CgtsError } from '../../src/support/diag.js';
import { disasmByFunction, checkRuns } from './support.js';

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

const bigAligned = `
function %aligned64k(i64) -> i64, i64 system_v {
    ss0 = explicit_slot 20000
    ss1 = explicit_slot 16, align = 65536
block0(v0: i64):
    v1 = stack_addr.i64 ss1
    store v0, v1
    v2 = load.i64 v1
    v3 = iconst.i64 0xffff
    v4 = band v1, v3
    return v2, v4
}
; run: %aligned64k(42) == [42, 0]
`;

/**
 * Steps through the prologue's rsp arithmetic up to the realigning `and`
 * (taken at its worst, align - 16 bytes down) and returns the largest
 * distance rsp moved below the last touched byte, which the guard page bounds.
 */
function largestUnprobedGap(dis: string): number {
  const lines = dis.split('\n').map((l) => l.replace(/^\s*[0-9a-f]+:\s*/, '').trim());
  let rsp = 0, touched = 0, gap = 0, count = 0, k = 0;
  const lower = (by: number) => { rsp -= by; gap = Math.max(gap, touched - rsp); };
  while (k < lines.length) {
    const l = lines[k];
    let m: RegExpExecArray | null;
    if ((m = /^sub\s+\$0x([0-9a-f]+),%rsp/.exec(l))) lower(parseInt(m[1], 16));
    else if ((m = /^add\s+\$0x([0-9a-f]+),%rsp/.exec(l))) rsp += parseInt(m[1], 16);
    else if (/^orl\s+\$0x0,\(%rsp\)/.test(l)) touched = rsp;
    else if ((m = /^mov\s+\$0x([0-9a-f]+),%eax/.exec(l))) count = parseInt(m[1], 16);
    else if (/^jne/.test(l)) {
      // the probe loop: sub 4096; or; sub eax 1; jne, run `count` times in all
      for (let n = 1; n < count; n++) { lower(4096); touched = rsp; }
    } else if ((m = /^and\s+\$0xf+([0-9a-f]{4,}),%rsp/.exec(l))) {
      lower(0x10000 - 16);
      break;
    }
    k++;
  }
  return gap;
}

test('a 64 KiB slot alignment is probed over the whole distance the realignment can move rsp', async () => {
  const dis = disasmByFunction(bigAligned).get('aligned64k')!;
  assert.match(dis, /and\s+\$0xffffffffffff0000,%rsp/);
  assert.ok(largestUnprobedGap(dis) <= 4096, dis);
  await checkRuns(bigAligned);
});
