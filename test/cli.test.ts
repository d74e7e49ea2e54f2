import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/** The project root: the nearest folder above this file with bin/cgts.js (from test/ or dist/test/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'cgts.js'))) dir = dirname(dir);
  return dir;
}
const root = findRoot();
const cgts = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'cgts.js'), ...args], { encoding: 'utf8' });

test('--help lists every subcommand and exits 0', () => {
  const r = cgts(['--help']);
  assert.equal(r.status, 0);
  for (const c of ['clif', 'compile', 'dis']) assert.match(r.stdout, new RegExp(`cgts ${c}\\b`));
});

test('an unknown command is one clear error line and exit 2', () => {
  const r = cgts(['frobnicate']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, "cgts: error: unknown command 'frobnicate'; see 'cgts --help'\n");
});
