// Long fuzzing runs of the bitcode reader, beyond the bounded fuzz test:
// mutates corpus modules with many seeds and lists every outcome that is
// neither a successful read+print nor a CgtsError naming a byte offset. Usage:
//   npx tsx scripts/fuzz-bitcode.ts [--count N] [--seed S] [program[:variant] ...]

import { readFileSync } from 'node:fs';
import { buildModule, loadBitcodeApi, type Variant } from '../test/bitcode/corpus.js';
import { attempt, mutations } from '../test/bitcode/mutate.js';

const argv = process.argv.slice(2);
let count = 1000;
let seed = 1;
const inputs: [string, Variant][] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--count') count = Number(argv[++i]);
  else if (argv[i] === '--seed') seed = Number(argv[++i]);
  else {
    const [name, v] = argv[i].split(':');
    inputs.push([name, (v || 'bc') as Variant]);
  }
}
if (inputs.length === 0) inputs.push(['ffi', 'bc'], ['int128', 'lto'], ['bits_mem', 'nightly'], ['floats', 'bc-g']);

const api = await loadBitcodeApi();
if (typeof api === 'string') throw new Error(api);
const other = new Uint8Array(readFileSync(buildModule('simd', 'bc').bitcode));
let bad = 0;
for (const [name, v] of inputs) {
  const base = new Uint8Array(readFileSync(buildModule(name, v).bitcode));
  let ok = 0;
  let rejected = 0;
  const t0 = performance.now();
  for (const m of mutations(base, other, seed, count)) {
    const r = attempt(api, m.bytes, `${name}.bc`);
    if (r.kind === 'ok') ok++;
    else if (r.kind === 'cgts') rejected++;
    else {
      bad++;
      console.log(`BAD ${name} (${v}) seed ${seed} ${m.label}: ${r.text}`);
    }
  }
  console.log(`${name} (${v}): ${count} mutations, ${ok} parsed, ${rejected} rejected, ${count - ok - rejected} bad, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
process.exitCode = bad ? 1 : 0;
