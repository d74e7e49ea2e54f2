// `cgts rustc examples/hello.rs` with cgts's own pipeline, end to end: the
// program it builds must behave exactly as stock rustc's build (stdout,
// stderr, exit status). Skipped, saying so, while the pipeline reports that
// translation from LLVM IR (or object writing after it) is not implemented.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cgts, have, projectRoot, withDir } from './helpers.js';

const NOT_YET = /translation from LLVM IR is not implemented yet|object writing for translated modules is not implemented yet/;

test('cgts rustc examples/hello.rs builds a program that behaves as rustc\'s build', { skip: have('rustc') ? false : 'rustc is not installed' }, async (t) => {
  await withDir('cgts-hello-', (dir) => {
    const src = join(projectRoot, 'examples', 'hello.rs');
    const built = cgts(['rustc', '--edition=2021', '-o', join(dir, 'hello-cgts'), src], { cwd: dir, env: { CGTS_COMPILE_WITH: '' } });
    if (built.status !== 0 && NOT_YET.test(built.stderr)) {
      t.skip(`cgts's pipeline cannot compile yet: ${built.stderr.match(/cgts: (internal )?error: [^\n]*/)?.[0] ?? 'not implemented'}`);
      return;
    }
    assert.equal(built.status, 0, built.stderr);
    const ref = spawnSync('rustc', ['--edition=2021', '-o', join(dir, 'hello-llvm'), src], { cwd: dir, encoding: 'utf8' });
    assert.equal(ref.status, 0, ref.stderr);
    const a = spawnSync(join(dir, 'hello-cgts'), [], { encoding: 'utf8' });
    const b = spawnSync(join(dir, 'hello-llvm'), [], { encoding: 'utf8' });
    assert.equal(a.stdout, b.stdout);
    assert.equal(a.stderr, b.stderr);
    assert.equal(a.status, b.status);
    assert.equal(a.status, 21);
    assert.match(a.stdout, /^Hello, world!\n/);
  });
});
