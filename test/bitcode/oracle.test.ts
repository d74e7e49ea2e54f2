// Tier-3 oracle test: every corpus module (test/bitcode/corpus.ts) is read by
// cgts and printed; after normalizeLL on both sides the text must equal
// llvm-dis-22's, entity by entity, with the same numbers of functions,
// declarations and globals, metadata included (with -g, -C debuginfo=1,
// line-tables-only, and without debug info).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  GENERATED_NAME,
  SMALL_ONLY_VARIANTS,
  VARIANTS,
  buildModule,
  loadBitcodeApi,
  missingTools,
  oracleText,
  programNames,
  variantAvailable,
} from './corpus.js';
import { compareLL, comparisonOk, formatComparison, splitEntities } from './ll-diff.js';

const missing = missingTools();
const api = missing ? null : await loadBitcodeApi();

/** Instruction lines inside define bodies (debug records start with '#' and are not counted). */
function instructionCount(text: string): number {
  let n = 0;
  for (const e of splitEntities(text)) {
    if (e.kind !== 'define') continue;
    for (const l of e.lines) if (/^ {2}(?:%[^ ]+ = )?[a-z]/.test(l)) n++;
  }
  return n;
}

test('corpus: the generated program has 100,000+ LLVM instructions and every LTO object is raw bitcode', (t) => {
  if (missing) return t.skip(missing);
  const instructions = instructionCount(oracleText(buildModule(GENERATED_NAME, 'bc')));
  assert.ok(instructions >= 100_000, `${GENERATED_NAME} has only ${instructions} instructions`);
  for (const name of programNames()) {
    const bytes = readFileSync(buildModule(name, 'lto').bitcode);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x42, 0x43, 0xc0, 0xde], `${name} LTO object is not raw bitcode`);
  }
});

for (const name of programNames()) {
  for (const variant of VARIANTS) {
    if (name === GENERATED_NAME && SMALL_ONLY_VARIANTS.includes(variant)) continue;
    test(`oracle: ${name} (${variant})`, (t) => {
      if (missing) return t.skip(missing);
      if (!variantAvailable(variant)) return t.skip('rustc +nightly is not installed');
      const m = buildModule(name, variant);
      const oracle = oracleText(m);
      if (typeof api === 'string' || api === null) return assert.fail(api ?? 'no bitcode API');
      const bytes = readFileSync(m.bitcode);
      let printed: string;
      try {
        printed = api.printModule(api.readModule(bytes, m.bitcode));
      } catch (e) {
        const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        return assert.fail(`cgts could not read or print ${name} (${variant}), ${m.bitcode}: ${what}`);
      }
      const expected = api.normalizeLL(oracle);
      const c = compareLL(expected, api.normalizeLL(printed));
      assert.ok(c.oracleCounts.define > 0, `normalizeLL left no function definitions in llvm-dis-22's text for ${name} (${variant})`);
      assert.equal(instructionCount(expected), instructionCount(oracle), `normalizeLL must keep every instruction of llvm-dis-22's text (${name}, ${variant})`);
      assert.match(expected, /^!llvm\.module\.flags = /m, 'normalizeLL must keep metadata');
      if (variant.startsWith('bc-g')) assert.match(expected, /^!\d+ = distinct !DICompileUnit\(/m, `the ${variant} build must have debug info`);
      if (!comparisonOk(c)) assert.fail(formatComparison(`${name} (${variant}) ${m.bitcode}`, c));
    });
  }
}
