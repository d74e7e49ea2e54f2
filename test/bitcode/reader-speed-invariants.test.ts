// The function decoder reuses scratch state and packs bodies' columns into
// shared buffers: bodies kept while others are decoded (of the same module or
// of another one, interleaved) must stay exactly as they were decoded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readModule } from '../../src/bitcode/reader.js';
import { decodeFunction } from '../../src/bitcode/function.js';
import type { FunctionBody } from '../../src/bitcode/module.js';
import { buildModule, haveTool } from './corpus.js';

const noRustc = haveTool('rustc') ? null : 'rustc is not installed';

function snapshot(b: FunctionBody): unknown[] {
  const c = b.consts;
  return [
    Array.from(b.op), Array.from(b.ty), Array.from(b.flags), Array.from(b.opStart), Array.from(b.opCount),
    Array.from(b.val), Array.from(b.loc), Array.from(b.ops.view()), Array.from(b.valueInst.view()), Array.from(b.blockStart),
    c.base, Array.from(c.kind.view()), Array.from(c.type.view()), Array.from(c.a.view()), Array.from(c.b.view()),
    Array.from(c.start.view()), Array.from(c.n.view()), Array.from(c.pool.view()), [...c.nums], [...c.strings],
    [...b.valueNames], [...b.bundles],
  ];
}

test('decoded bodies are unchanged by later decodes, across interleaved modules', (t) => {
  if (noRustc) return t.skip(noRustc);
  const a = readModule(readFileSync(buildModule('collections', 'bc').bitcode), 'collections.bc');
  const b = readModule(readFileSync(buildModule('threads_atomics', 'bc-g').bitcode), 'threads_atomics.bc');
  const kept: [FunctionBody, unknown[]][] = [];
  const n = Math.max(a.bodies.length, b.bodies.length);
  for (let i = 0; i < n; i++) {
    for (const m of [a, b]) {
      if (i >= m.bodies.length) continue;
      const body = decodeFunction(m, i);
      assert.equal(body.op.length, body.numInsts, 'columns are exactly sized');
      assert.equal(body.consts.kind.data.length, body.consts.length, 'constant columns are exactly sized');
      kept.push([body, snapshot(body)]);
    }
  }
  for (const [body, snap] of kept) assert.deepEqual(snapshot(body), snap, `body of function ${body.fn} changed`);
});
