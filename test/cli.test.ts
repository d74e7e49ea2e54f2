import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
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
