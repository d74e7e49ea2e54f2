// One line per corpus module: how far cgts's printed module is from
// llvm-dis-22's after normalizeLL (differing entities, first-difference kinds),
// then the totals. The oracle test gives the details. Usage:
//   npx tsx scripts/bitcode-oracle-summary.ts [--details] [program[:variant] ...]

import { readFileSync } from 'node:fs';
import { VARIANTS, buildModule, loadBitcodeApi, missingTools, oracleText, programNames, variantAvailable, type Variant } from '../test/bitcode/corpus.js';
import { compareLL, comparisonOk, formatComparison } from '../test/bitcode/ll-diff.js';

const argv = process.argv.slice(2);
const details = argv.includes('--details');
const picks = argv.filter((a) => !a.startsWith('--'));
const targets: [string, Variant][] = [];
for (const name of programNames()) {
  for (const v of VARIANTS) {
    if (!variantAvailable(v)) continue;
    if (picks.length && !picks.some((p) => p === name || p === `${name}:${v}`)) continue;
    targets.push([name, v]);
  }
}

const missing = missingTools();
if (missing) throw new Error(missing);
const api = await loadBitcodeApi();
if (typeof api === 'string') throw new Error(api);

const totals = new Map<string, number>();
let clean = 0;
for (const [name, v] of targets) {
  const m = buildModule(name, v);
  const label = `${name} (${v})`.padEnd(26);
  let printed: string;
  try {
    printed = api.printModule(api.readModule(readFileSync(m.bitcode), m.bitcode));
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${'describe' in e && typeof e.describe === 'function' ? e.describe() : e.message}` : String(e);
    console.log(`${label} ERROR ${what.split('\n')[0]}`);
    totals.set(`error: ${e instanceof Error ? e.name : 'throw'}`, (totals.get(`error: ${e instanceof Error ? e.name : 'throw'}`) ?? 0) + 1);
    continue;
  }
  const c = compareLL(api.normalizeLL(oracleText(m)), api.normalizeLL(printed));
  if (comparisonOk(c)) {
    clean++;
    console.log(`${label} ok (${c.entities} entities)`);
    continue;
  }
  const kinds = [...c.kinds].sort((a, b) => b[1] - a[1]);
  for (const [k, n] of kinds) totals.set(k, (totals.get(k) ?? 0) + n);
  if (c.onlyOracle.length) totals.set('only in llvm-dis-22', (totals.get('only in llvm-dis-22') ?? 0) + c.onlyOracle.length);
  if (c.onlyOurs.length) totals.set('only in cgts', (totals.get('only in cgts') ?? 0) + c.onlyOurs.length);
  console.log(
    `${label} ${c.differing.length}/${c.entities} differ, ${c.onlyOracle.length} missing, ${c.onlyOurs.length} extra; ${kinds.slice(0, 6).map(([k, n]) => `${k} ${n}`).join(', ')}`,
  );
  if (details) console.log(formatComparison(`${name} (${v})`, c) + '\n');
}
console.log(`\n${clean} of ${targets.length} modules match; differing entities by first-difference kind:`);
for (const [k, n] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(7)}  ${k}`);
