// Runs every `.clif` file under filetests/ through the runner (interpreter,
// and natively when the native runner exists) and requires zero failures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFiles } from '../../src/filetest/runner.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', ...(import.meta.url.includes('/dist/') ? ['..'] : []));

test('the project filetests all pass', async () => {
  const lines: string[] = [];
  const s = await runFiles([join(root, 'filetests')], { mode: 'test', interpOnly: false, out: (l) => lines.push(l) });
  const failures = lines.filter((l) => !/: \d+ passed, \d+ failed/.test(l) && !l.startsWith('note:'));
  assert.equal(s.failed, 0, failures.slice(0, 40).join('\n'));
  assert.ok(s.files.length > 0, 'no .clif files found');
  assert.ok(s.passed > 0, 'no run lines executed');
});
