// Runs the compiled form (dist/test/...js) of every test/**/*.test.ts with
// node's test runner, so a stale output of a deleted test never runs.
// Arguments, if any, filter the files by substring.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = walk('test', [])
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort()
  .map((f) => join('dist', f.replace(/\.ts$/, '.js')));
if (files.length === 0) {
  console.error('no test files found under test/');
  process.exit(1);
}
const missing = files.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`not built (run tsc -p . first): ${missing.join(', ')}`);
  process.exit(1);
}
// Every build a test makes runs the CLIF verifier on the translator's output.
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env: { ...process.env, CGTS_VERIFY: '1' } });
process.exit(r.status ?? 1);
