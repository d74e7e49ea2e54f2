// Debugging a `cargo cgts build` (dev profile: debug info, many code units
// per crate) of examples/workspace under gdb: breakpoints in the library
// crate (by function and by file:line) and in the binary; at each stop the
// backtrace with files and lines, arguments, locals and `self`. The
// transcript must equal the one of the stock cargo build once addresses,
// process ids and the target directories are made equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { withDir } from '../driver/helpers.js';
import { builtByCgts, cargoSkip, cgtsCargo, copyCrate, projectRoot, stockCargo } from './helpers.js';

const haveGdb = spawnSync('sh', ['-c', 'command -v gdb']).status === 0;
const skip = cargoSkip || (!haveGdb ? 'gdb is not installed' : false);

const STOPS = 5;
const SCRIPT = [
  'set pagination off',
  'set print address off',
  'break shapes::{impl#1}::area', // <Rect as Shape>::area, in the dependency
  'break lib.rs:28', // Circle's area, by place
  'break main.rs:16', // the binary's loop over the shapes
  'run > /dev/null',
  ...Array.from({ length: STOPS }, () => ['bt 3', 'info args', 'info locals', 'print *self', 'continue']).flat(),
];

function transcript(exe: string, dir: string): string {
  // commands as -ex: an error (no `self` in main) does not end the session
  const r = spawnSync('gdb', ['-nx', '-batch', ...SCRIPT.flatMap((c) => ['-ex', c]), exe], { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.equal(r.error, undefined, String(r.error));
  return (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => !/LWP|auto-load|^of file |libthread_db/.test(l))
    .map((l) => l.replace(/0x[0-9a-f]+/g, 'ADDR').replace(/process \d+/g, 'process N').replaceAll(exe, 'EXE'))
    .join('\n')
    .trimEnd();
}

test('gdb on a cargo cgts dev build: breakpoints in a dependency and the binary, backtraces, arguments and locals as with stock cargo', { skip }, async () => {
  await withDir('cgts-cargo-gdb-', (dir) => {
    copyCrate(join(projectRoot, 'examples', 'workspace'), dir);
    const stock = stockCargo(dir, ['build', '-q', '-p', 'app']);
    assert.equal(stock.status, 0, stock.stderr);
    const ours = cgtsCargo(dir, ['build', '-q', '-p', 'app']);
    assert.equal(ours.status, 0, ours.stderr);
    const exe = (which: string) => join(dir, 'target', which, 'debug', 'app');
    assert.ok(builtByCgts(exe('cgts')));
    const expected = transcript(exe('stock'), dir);
    // the session reaches every stop in the library and the binary, with locals and self
    assert.match(expected, /Breakpoint 1, shapes::\{impl#1\}::area \(self=\) at shapes\/src\/lib\.rs:33/);
    assert.match(expected, /Breakpoint 2, shapes::\{impl#0\}::area \(self=\) at shapes\/src\/lib\.rs:28/);
    assert.match(expected, /#1  [^\n]*app::main \(\) at app\/src\/main\.rs:16/);
    assert.match(expected, /\nshapes = alloc::vec::Vec<alloc::boxed::Box<dyn shapes::Shape/);
    assert.match(expected, /\$\d+ = shapes::Rect \{w: 2, h: 4\.5\}/);
    assert.equal(transcript(exe('cgts'), dir), expected);
  });
});
