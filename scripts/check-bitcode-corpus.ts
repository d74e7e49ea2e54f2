// Checks the bitcode corpus programs themselves: each builds with stock rustc,
// exits 0, prints something, and prints exactly the same bytes on a second
// run (they are reused as differential tests). Usage:
//   npx tsx scripts/check-bitcode-corpus.ts [program ...]

import { spawnSync } from 'node:child_process';
import { buildExecutable, programNames } from '../test/bitcode/corpus.js';

const names = process.argv.length > 2 ? process.argv.slice(2) : programNames();
let bad = 0;
for (const name of names) {
  const exe = buildExecutable(name);
  const runs = [0, 1].map(() => spawnSync(exe, [], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const [a, b] = runs;
  const problems: string[] = [];
  if (a.status !== 0) problems.push(`exit status ${a.status}${a.signal ? ' signal ' + a.signal : ''}: ${a.stderr.trim().split('\n')[0] ?? ''}`);
  if (a.stdout.length === 0) problems.push('printed nothing');
  if (a.stdout !== b.stdout || a.stderr !== b.stderr || a.status !== b.status) problems.push('output differs between two runs');
  const lines = a.stdout.split('\n').length - 1;
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name.padEnd(18)} ${String(lines).padStart(4)} lines${problems.length ? ': ' + problems.join('; ') : ''}`);
  if (problems.length) bad++;
}
if (bad) {
  console.log(`${bad} of ${names.length} corpus programs failed`);
  process.exitCode = 1;
}
