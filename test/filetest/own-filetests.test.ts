// Runs every `.clif` file under filetests/ through the runner and requires zero
// failures, in the interpreter alone and in the interpreter plus native runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFiles } from '../../src/filetest/runner.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', ...(import.meta.url.includes('/dist/') ? ['..'] : []));

async function runAll(interpOnly: boolean) {
  const lines: string[] = [];
  const s = await runFiles([join(root, 'filetests')], { mode: 'test', interpOnly, out: (l) => lines.push(l) });
  const failures = lines.filter((l) => !/: \d+ passed, \d+ failed/.test(l) && !l.startsWith('note:'));
  assert.ok(s.files.length > 0, 'no .clif files found');
  assert.ok(s.passed + s.failed > 0, 'no run lines executed');
  assert.equal(s.failed, 0, `${s.failed} failures, the first ones:\n` + failures.slice(0, 40).join('\n'));
  assert.ok(s.passed > 0);
}

test('the project filetests all pass in the interpreter', async () => {
  await runAll(true);
});

test('the project filetests all pass in the interpreter and natively', async () => {
  await runAll(false);
});
