// The `cgts` command's contract: help text, exit statuses (0, 1 bad input,
// 2 bad command line) and one-line error messages without stack traces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** The project root: the nearest folder above this file with bin/cgts.js (from test/ or dist/test/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'cgts.js'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bin/cgts.js not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}
const root = findRoot();
const cgts = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'cgts.js'), ...args], { encoding: 'utf8' });

/** One `cgts: error: ...` line on stderr, nothing on stdout, no stack trace. */
function assertOneErrorLine(r: ReturnType<typeof cgts>, status: number, pattern: RegExp): void {
  assert.equal(r.status, status, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /^cgts: error: /);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

test('--help lists every subcommand and exits 0', () => {
  const r = cgts(['--help']);
  assert.equal(r.status, 0);
  for (const c of ['clif', 'compile', 'dis']) assert.match(r.stdout, new RegExp(`cgts ${c}\\b`));
});

test('no arguments: the help on stderr and exit 2', () => {
  const r = cgts([]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /usage: cgts <command>/);
});

test('an unknown command is one clear error line and exit 2', () => {
  const r = cgts(['frobnicate']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, "cgts: error: unknown command 'frobnicate'; see 'cgts --help'\n");
});

test('every subcommand answers --help on stdout with exit 0', () => {
  for (const c of [['clif', '--help'], ['compile', '--help'], ['dis', '--help']]) {
    const r = cgts(c);
    assert.equal(r.status, 0, c.join(' '));
    assert.match(r.stdout, /^usage: cgts /);
  }
});

test('command-line mistakes exit 2 with one line', () => {
  assertOneErrorLine(cgts(['compile']), 2, /no input file/);
  assertOneErrorLine(cgts(['compile', 'a.clif', 'b.clif']), 2, /more than one input file/);
  assertOneErrorLine(cgts(['compile', '--frob', 'a.clif']), 2, /unknown option '--frob'/);
  assertOneErrorLine(cgts(['dis']), 2, /no input file/);
  assertOneErrorLine(cgts(['clif', 'test']), 2, /no files given/);
});

test('input errors exit 1 and name the place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-cli-'));
  try {
    const bad = join(dir, 'bad.clif');
    writeFileSync(bad, 'function %f(i32) -> i32 {\nblock0(v0: i32):\n    v1 = iadd v0, v7\n    return v1\n}\n');
    assertOneErrorLine(cgts(['compile', bad, '-o', join(dir, 'bad.o')]), 1, /bad\.clif:3:19: undefined value v7$/);
    assert.equal(existsSync(join(dir, 'bad.o')), false);

    const arm = join(dir, 'arm.clif');
    writeFileSync(arm, 'test run\ntarget aarch64\nfunction %f() {\nblock0:\n    return\n}\n');
    assertOneErrorLine(cgts(['compile', arm]), 1, /arm\.clif:2: target aarch64 is not supported/);

    const good = join(dir, 'good.clif');
    writeFileSync(good, 'function %f(i32) -> i32 {\nblock0(v0: i32):\n    return v0\n}\n');
    assertOneErrorLine(cgts(['compile', good, '-o', join(dir, 'no', 'such', 'dir', 'x.o')]), 1, /cannot write '.*x\.o': no such file or directory/);
    assertOneErrorLine(cgts(['dis', join(dir, 'missing.bc')]), 1, /cannot read '.*missing\.bc': no such file or directory/);

    const r = cgts(['compile', good, '-o', join(dir, 'good.o')]);
    assert.equal(r.status, 0, r.stderr);
    const obj = readFileSync(join(dir, 'good.o'));
    assert.deepEqual([...obj.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CGTS_BACKTRACE=1 adds a stack trace', () => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'cgts.js'), 'compile', 'a.clif', 'b.clif'], {
    encoding: 'utf8',
    env: { ...process.env, CGTS_BACKTRACE: '1' },
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^cgts: error: more than one input file/);
  assert.match(r.stderr, /\n\s+at /);
});
