// Robustness of the bitcode reader: valid corpus modules mutated by a seeded
// PRNG (byte flips, truncation, splices, copied and zeroed ranges), plus
// hand-made malformed files. Every outcome must be a successful read and print
// or a CgtsError naming a byte offset; any other exception is a bug.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildModule, loadBitcodeApi, missingTools, type BitcodeApi, type Variant } from './corpus.js';
import { attempt, mutations, prng } from './mutate.js';

const missing = missingTools();
const api = missing ? null : await loadBitcodeApi();

function requireApi(): BitcodeApi {
  if (typeof api === 'string' || api === null) assert.fail(api ?? 'no bitcode API');
  return api;
}

test('malformed files are CgtsErrors that name a byte offset', () => {
  const a = requireApi();
  const valid = missing ? null : readFileSync(buildModule('ffi', 'bc').bitcode);
  const cases: [string, Uint8Array][] = [
    ['empty file', new Uint8Array(0)],
    ['one byte', new Uint8Array([0x42])],
    ['bad magic (ELF)', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['bad magic (text)', new TextEncoder().encode('; ModuleID = "not bitcode"\n')],
    ['magic only', new Uint8Array([0x42, 0x43, 0xc0, 0xde])],
    ['magic and a partial word', new Uint8Array([0x42, 0x43, 0xc0, 0xde, 0x35, 0x14])],
    ['wrapper header pointing past the end', new Uint8Array([0xde, 0xc0, 0x17, 0x0b, 0, 0, 0, 0, 20, 0, 0, 0, 0xff, 0xff, 0, 0, 7, 0, 0, 1])],
    ['truncated wrapper header', new Uint8Array([0xde, 0xc0, 0x17, 0x0b, 0, 0, 0, 0])],
  ];
  if (valid) {
    cases.push(['truncated to 100 bytes', valid.subarray(0, 100)]);
    cases.push(['truncated to half', valid.subarray(0, valid.length >> 1)]);
    cases.push(['last byte missing', valid.subarray(0, valid.length - 1)]);
    cases.push(['last word missing', valid.subarray(0, valid.length - 4)]);
  }
  const problems: string[] = [];
  for (const [label, bytes] of cases) {
    const r = attempt(a, bytes, `${label}.bc`);
    if (r.kind === 'ok') problems.push(`${label}: accepted`);
    else if (r.kind === 'bad') problems.push(`${label}: ${r.text}`);
  }
  assert.deepEqual(problems, [], 'each malformed file must be rejected with a CgtsError naming a byte offset');
});

const FUZZ_INPUTS: [string, Variant, number][] = [
  ['ffi', 'bc', 0x5eed0001],
  ['int128', 'lto', 0x5eed0002],
  ['async_await', 'bc', 0x5eed0003],
  ['floats', 'bc-g', 0x5eed0004],
  ['bits_mem', 'nightly', 0x5eed0005],
];
const MUTATIONS_PER_INPUT = 60;

for (const [name, variant, seed] of FUZZ_INPUTS) {
  test(`mutated ${name} (${variant}): every outcome is a parse or a CgtsError with a byte offset`, (t) => {
    if (missing) return t.skip(missing);
    const a = requireApi();
    // Plain Uint8Array copies: Buffer.prototype.slice would share memory with the base file.
    const base = new Uint8Array(readFileSync(buildModule(name, variant).bitcode));
    const other = new Uint8Array(readFileSync(buildModule('simd', 'bc').bitcode));
    const seen = attempt(a, base, name);
    assert.equal(seen.kind, 'ok', `the unmutated module must read and print: ${seen.kind === 'ok' ? '' : seen.text}`);
    const problems: string[] = [];
    let ok = 0;
    let rejected = 0;
    for (const m of mutations(base, other, seed, MUTATIONS_PER_INPUT)) {
      const r = attempt(a, m.bytes, `${name}.bc`);
      if (r.kind === 'ok') ok++;
      else if (r.kind === 'cgts') rejected++;
      else problems.push(`${m.label}: ${r.text}`);
    }
    t.diagnostic(`${ok} parsed, ${rejected} rejected with CgtsError, ${problems.length} bad`);
    assert.ok(ok > 0, 'some mutations (say, of a constant\'s bits) must still read and print');
    if (problems.length) assert.fail(`${problems.length} of ${MUTATIONS_PER_INPUT} mutations of ${name} (${variant}, seed ${seed.toString(16)}) ended badly; first ones:\n  ${problems.slice(0, 8).join('\n  ')}`);
  });
}

test('mutated metadata blocks of floats (bc-g): every outcome is a parse or a CgtsError with a byte offset', async (t) => {
  if (missing) return t.skip(missing);
  const a = requireApi();
  const { readModule } = await import('../../src/bitcode/reader.js');
  const { decodeFunction } = await import('../../src/bitcode/function.js');
  const base = new Uint8Array(readFileSync(buildModule('floats', 'bc-g').bitcode));
  // Byte ranges of the module's METADATA blocks and of every function's METADATA/METADATA_ATTACHMENT blocks.
  const m = readModule(base, 'floats.bc');
  const ranges: [number, number][] = m.metadataBlocks.map((b) => [b.pos >>> 3, b.end >>> 3]);
  for (let i = 0; i < m.bodies.length; i++) {
    const mb = decodeFunction(m, i).mdBlocks;
    for (let k = 0; k < mb.length; k += 4) ranges.push([mb[k + 1]! >>> 3, mb[k + 2]! >>> 3]);
  }
  const total = ranges.reduce((s, [x, y]) => s + y - x, 0);
  const rand = prng(0x5eed0d06);
  const problems: string[] = [];
  let ok = 0;
  let rejected = 0;
  for (let n = 0; n < 150; n++) {
    const bytes = base.slice();
    const edits = 1 + (rand() % 3);
    let label = '';
    for (let e = 0; e < edits; e++) {
      let at = rand() % total;
      let k = 0;
      while (at >= ranges[k]![1] - ranges[k]![0]) {
        at -= ranges[k]![1] - ranges[k]![0];
        k++;
      }
      const byte = ranges[k]![0] + at;
      const v = rand() & 0xff;
      bytes[byte] = n % 2 ? bytes[byte]! ^ (1 << (v & 7)) : v;
      label += ` byte ${byte}=${bytes[byte]}`;
    }
    const r = attempt(a, bytes, 'floats.bc');
    if (r.kind === 'ok') ok++;
    else if (r.kind === 'cgts') rejected++;
    else problems.push(`${label}: ${r.text}`);
  }
  t.diagnostic(`${ok} parsed, ${rejected} rejected with CgtsError, ${problems.length} bad`);
  assert.ok(ok > 0 && rejected > 0, `${ok} parsed, ${rejected} rejected`);
  if (problems.length) assert.fail(`${problems.length} metadata mutations ended badly; first ones:\n  ${problems.slice(0, 8).join('\n  ')}`);
});
