// The differential harness itself: header directives, stderr normalisation,
// and buildCgts's three outcomes, driven by stand-in `cgts` commands (one
// failing with the not-implemented message, one failing otherwise, one that
// is stock rustc, whose programs must then compare equal to the stock build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildCgts, buildStock, corpusPrograms, goldenText, normalizeStderr, NOT_IMPLEMENTED, observed, parseProgram,
  rustcFlags, rustcVersion, runProgram, VARIANTS,
} from './corpus.js';

test('header directives set panic mode, toolchain, C sources and edition; unknown ones are rejected', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-harness-'));
  try {
    const f = join(dir, 'p.rs');
    writeFileSync(f, '//@ panic: abort\n//@ toolchain: nightly\n//@ c-source: a.c\n//@ c-source: b.c\n//@ edition: 2021\n// text\n//@ panic: unwind-ignored-after-the-header\nfn main() {}\n');
    const p = parseProgram(f, 'p', dir, '2024');
    assert.deepEqual([p.panicAbort, p.nightly, p.cSources, p.edition], [true, true, [join(dir, 'a.c'), join(dir, 'b.c')], '2021']);
    assert.deepEqual(rustcFlags(p, VARIANTS[1], '/lib'), ['--edition', '2021', '-C', 'opt-level=0', '-g', '--cap-lints', 'allow', '-C', 'panic=abort', '-L', 'native=/lib', '-l', 'static=corpus_p']);
    writeFileSync(f, '//@ opt: 3\nfn main() {}\n');
    assert.throws(() => parseProgram(f, 'p', dir, '2024'), /unknown directive/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('stderr normalisation hides only the executable path, thread ids and forced backtraces', () => {
  const raw = [
    "thread 'main' (4242) panicked at x.rs:1:2:",
    'boom in /tmp/a/b/prog',
    'stack backtrace:',
    '   0:     0x55f33480190a - std::backtrace',
    '                               at /rustc/abc/library/std/src/backtrace.rs:1:2',
    '  12: main',
    'thread caused non-unwinding panic. aborting.',
    "thread 'w' (17) has a (99) elsewhere",
  ].join('\n');
  assert.equal(normalizeStderr(raw, '/tmp/a/b/prog'), [
    "thread 'main' (<tid>) panicked at x.rs:1:2:",
    'boom in <exe>',
    'stack backtrace: <elided>',
    'thread caused non-unwinding panic. aborting.',
    "thread 'w' (<tid>) has a (99) elsewhere",
  ].join('\n'));
  const r = { stdout: 'a\nb', stderr: '', status: null, signal: 'SIGABRT', timedOut: false, ms: 1 };
  assert.equal(goldenText(r, '/x'), 'status: signal SIGABRT\n--- stdout\na\nb\n\\ no newline at end\n--- stderr\n');
});

function fakeCgts(dir: string, body: string): string[] {
  const f = join(dir, 'fake-cgts.sh');
  writeFileSync(f, `#!/bin/sh\n${body}\n`);
  chmodSync(f, 0o755);
  return ['/bin/sh', f];
}

test('buildCgts: the not-implemented message is "unavailable", other failures are "failed"', async () => {
  const p = corpusPrograms().find((q) => q.id === 'exit_code')!;
  const dir = mkdtempSync(join(tmpdir(), 'cgts-harness-'));
  try {
    const ni = await buildCgts(p, VARIANTS[0], fakeCgts(dir, `echo "error: linking failed" >&2; echo "cgts: error: x.rcgu.o: ${NOT_IMPLEMENTED} yet" >&2; exit 1`));
    assert.equal(ni.kind, 'unavailable');
    const other = await buildCgts(p, VARIANTS[0], fakeCgts(dir, 'echo "cgts: error: f: cannot compile instruction 7" >&2; exit 1'));
    assert.equal(other.kind, 'failed');
    assert.match(other.kind === 'failed' ? other.message : '', /cannot compile instruction 7/);
    const silent = await buildCgts(p, VARIANTS[0], fakeCgts(dir, 'exit 0'));
    assert.equal(silent.kind, 'failed', 'success without an executable is a failure');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with stock rustc standing in for cgts, programs compare equal (panics, signals, C sources, exit codes)', { skip: rustcVersion() === null ? 'rustc is not installed' : false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-harness-'));
  try {
    const cmd = fakeCgts(dir, 'shift; exec rustc "$@"');
    const ids = ['panic_nounwind_abort', 'ffi_structs', 'exit_err_main', 'threads_sync'];
    for (const p of corpusPrograms().filter((q) => ids.includes(q.id))) {
      const v = VARIANTS[0];
      const stock = await buildStock(p, v);
      const sr = await runProgram(stock.exe);
      const cg = await buildCgts(p, v, cmd);
      assert.equal(cg.kind, 'built', cg.kind === 'failed' ? cg.message : '');
      if (cg.kind !== 'built') continue;
      try {
        assert.notEqual(cg.exe, stock.exe);
        assert.deepEqual(observed(await runProgram(cg.exe), cg.exe), observed(sr, stock.exe), p.id);
      } finally {
        rmSync(cg.dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
