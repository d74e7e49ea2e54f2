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
  for (const c of ['rustc', 'clif', 'compile', 'dis']) assert.match(r.stdout, new RegExp(`cgts ${c}\\b`));
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
  for (const c of [['clif', '--help'], ['clif', 'test', '--help'], ['clif', 'run', '-h'], ['clif', 'test', 'x.clif', '--help'], ['compile', '--help'], ['dis', '--help'], ['rustc', '--help']]) {
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

test('a CLIF file with several targets compiles its x86_64 view with that target\'s flags and warns about the rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-cli-'));
  try {
    const body = 'function %f(i64) -> i64 {\nblock0(v0: i64):\n    v1 = popcnt v0\n    return v1\n}\n';
    const multi = join(dir, 'multi.clif');
    writeFileSync(multi, `test run\ntarget aarch64 has_lse\ntarget x86_64 has_popcnt\ntarget riscv64\n${body}`);
    const r = cgts(['compile', multi, '--emit=asm']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, `cgts: warning: ${multi}: compiling for target x86_64 (line 3); skipped aarch64 (line 2), riscv64 (line 4): cgts generates x86_64 code only\n`);
    assert.match(r.stdout, /\bpopcnt\b/, 'the x86_64 line\'s has_popcnt is used');
    const plain = join(dir, 'plain.clif');
    writeFileSync(plain, `test run\ntarget x86_64\ntarget aarch64 has_popcnt\n${body}`);
    const p = cgts(['compile', plain, '--emit=asm']);
    assert.equal(p.status, 0, p.stderr);
    assert.doesNotMatch(p.stdout, /\bpopcnt\b/, 'another target\'s flags are not');
    const o = cgts(['compile', multi, '-o', join(dir, 'multi.o')]);
    assert.equal(o.status, 0);
    assert.deepEqual([...readFileSync(join(dir, 'multi.o')).subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46]);
    const clif = cgts(['compile', plain, '--emit=clif']);
    assert.equal(clif.status, 0);
    assert.match(clif.stdout, /^function %f\(i64\) -> i64 system_v \{\nblock0\(v0: i64\):\n {4}v1 = popcnt v0\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cgts compile on bitcode goes through the pipeline; on other input it says what it expected', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-cli-'));
  try {
    const elf = join(dir, 'native.o');
    writeFileSync(elf, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
    assertOneErrorLine(cgts(['compile', elf, '-o', join(dir, 'x.o')]), 1, /native\.o: is already an ELF object \(native code\); cgts compiles LLVM bitcode or CLIF$/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    assertOneErrorLine(cgts(['compile', text]), 1, /notes\.txt: is neither LLVM bitcode .* nor a \.clif file$/);
    const bc = join(dir, 'cgu.o');
    writeFileSync(bc, Buffer.from([0x42, 0x43, 0xc0, 0xde, 0x35, 0x14, 0, 0]));
    assertOneErrorLine(cgts(['compile', bc]), 2, /would overwrite the input .*cgu\.o'; name the output with -o$/);
    // Truncated bitcode: the reader's located error, through the pipeline.
    const r = cgts(['compile', bc, '-o', join(dir, 'out.o')]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^cgts: error: ${bc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.equal(existsSync(join(dir, 'out.o')), false);
    assertOneErrorLine(cgts(['compile', bc, '--emit=pdf']), 2, /--emit=pdf: expected obj, asm or clif/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
