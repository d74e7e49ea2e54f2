// A long CLIF fuzz run: generates functions from consecutive seeds, compares the
// interpreter with native execution in batches, and prints every mismatch as a
// reduced reproducer (.clif text with the interpreter's expected results).
//
//   npx tsx scripts/fuzz-clif.ts [--seeds N] [--start S] [--batch B] [--size K] [--no-reduce] [--raw-nan] [--traps] [--vectors] [--isa has_sse41,...] [--no-default-exclusions] [--exclude a,b]

import { generateCase, runCases, reduceCase, caseFile, type CaseResult } from '../src/filetest/fuzz-gen.js';
import { formatDataValue } from '../src/ir/printer.js';
import { FUZZ_EXCLUDE } from '../test/fuzz/exclusions.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

const seeds = Number(arg('--seeds', '500'));
const start = Number(arg('--start', '1'));
const batch = Number(arg('--batch', '50'));
const size = Number(arg('--size', '1'));
const reduce = !process.argv.includes('--no-reduce');
const rawNaN = process.argv.includes('--raw-nan');
const traps = process.argv.includes('--traps');
const vectors = process.argv.includes('--vectors');
const isa = arg('--isa', '').split(',').filter(Boolean);
const only = process.argv.includes('--no-default-exclusions');
const exclude = [...(only ? [] : FUZZ_EXCLUDE), ...arg('--exclude', '').split(',').filter(Boolean)];

function nativeText(r: CaseResult): string {
  const n = r.native[0];
  if (!n) return '(not run)';
  return n.ok ? n.values.map(formatDataValue).join(', ') : n.error;
}

const tally = new Map<string, number>();
let mismatches = 0, cases = 0, inputs = 0, trapping = 0;
const t0 = Date.now();
for (let s = start; s < start + seeds; s += batch) {
  const cs = [];
  for (let k = s; k < Math.min(start + seeds, s + batch); k++) cs.push(generateCase(k, { exclude, size, rawNaN, traps, vectors }));
  const res = await runCases(cs, isa);
  for (const r of res) {
    cases++;
    inputs += r.c.inputs.length;
    if (r.outcome.kind === 'ok') trapping += r.expected.filter((e) => 'trap' in e).length;
    const o = r.outcome;
    const key = o.kind === 'ok' ? 'ok' : o.kind === 'mismatch' ? 'mismatch' : `${o.kind}: ${o.detail.replace(/^function %\S+: /, '').replace(/ \(instruction.*/, '')}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    if (o.kind === 'invalid') console.log(`seed ${r.c.seed}: INVALID ${o.detail}\n${caseFile(r.c, null)}`);
    if (o.kind !== 'mismatch') continue;
    mismatches++;
    console.log(`==== seed ${r.c.seed}: ${o.detail}`);
    const red = reduce ? await reduceCase(r.c, r, { run: (xs) => runCases(xs, isa) }) : r;
    console.log(`---- reduced (native: ${nativeText(red)}):`);
    console.log(caseFile(red.c, red.expected));
  }
  process.stderr.write(`\r${cases} cases, ${inputs} inputs, ${mismatches} mismatches, ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}
process.stderr.write('\n');
console.log(`${cases} cases, ${inputs} inputs (${trapping} of the agreeing ones trap), ${mismatches} mismatches`);
for (const [k, v] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`${String(v).padStart(6)}  ${k}`);
