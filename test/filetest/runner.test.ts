// The filetest runner on small .clif texts: passing lines, a failing line with
// file:line and expected/actual, parse errors as file:line:col, traps by code,
// verifier annotations, the cat round trip, and native results compared too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { runText, runFiles, NativeRunner, NativeOptions } from '../../src/filetest/runner.js';
import { I32 } from '../../src/ir/types.js';

async function runSrc(text: string, opts: { mode?: 'test' | 'run'; native?: NativeRunner | null } = {}) {
  const lines: string[] = [];
  const res = await runText(text, 't.clif', {
    mode: opts.mode ?? 'test', interpOnly: opts.native === undefined || opts.native === null,
    out: (l) => lines.push(l), native: opts.native ?? null,
  });
  return { res, lines };
}

const ADD = `test interpret
test run
target x86_64

function %add(i32, i32) -> i32 {
block0(v0: i32, v1: i32):
    v2 = iadd v0, v1
    return v2
}
; run: %add(1, 2) == 3
; run: %add(-1, 1) == 0
`;

test('a passing file counts its run lines', async () => {
  const { res, lines } = await runSrc(ADD);
  assert.equal(res.passed, 2);
  assert.equal(res.failed, 0);
  assert.match(lines.at(-1)!, /^t\.clif: 2 passed, 0 failed/);
});

test('a failing line is reported with file:line, expected and actual', async () => {
  const { res, lines } = await runSrc(ADD + '; run: %add(2, 2) == 5\n');
  assert.equal(res.failed, 1);
  assert.equal(res.passed, 2);
  assert.ok(lines.includes('t.clif:12: run %add(2, 2): expected 5, got 4 (interpreter)'), lines.join('\n'));
});

test('a parse error is reported as file:line:col', async () => {
  const { res, lines } = await runSrc('test interpret\nfunction %f() -> i32 {\nblock0:\n    v0 = bogus_op.i32 1\n    return v0\n}\n');
  assert.equal(res.failed, 1);
  assert.match(lines[0], /^t\.clif:4:\d+: .*bogus_op/);
});

test('a trap fails only its own line and names the trap code', async () => {
  const src = `test interpret
function %d(i32, i32) -> i32 {
block0(v0: i32, v1: i32):
    v2 = udiv v0, v1
    return v2
}
; run: %d(7, 0) == 0
; run: %d(7, 2) == 3
function %t() {
block0:
    trap user9
}
; run: %t() == []
`;
  const { res, lines } = await runSrc(src);
  assert.equal(res.passed, 1);
  assert.equal(res.failed, 2);
  assert.ok(lines.some((l) => l.startsWith('t.clif:7:') && l.includes('int_divz')), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('t.clif:13:') && l.includes('user9')), lines.join('\n'));
});

test('verifier annotations must match the errors', async () => {
  const bad = `test verifier
function %f(i32) -> i64 {
block0(v0: i32):
    return v0 ; error: %ANNOT%
}
`;
  // Find the verifier's message first, then check a matching annotation passes.
  const probe = await runSrc(bad.replace(' ; error: %ANNOT%', ''));
  assert.equal(probe.res.failed, 1);
  assert.match(probe.lines[0], /^t\.clif:4: unexpected verifier error/);
  const msg = /unexpected verifier error in %f: (.*)$/.exec(probe.lines[0])![1];
  const word = msg.split(/\s+/).find((w) => w.length > 3)!;
  const ok = await runSrc(bad.replace('%ANNOT%', word));
  assert.equal(ok.res.failed, 0, ok.lines.join('\n'));
  assert.equal(ok.res.passed, 1);
  const wrong = await runSrc(bad.replace('%ANNOT%', 'no such message text'));
  assert.equal(wrong.res.failed, 2);
  const missing = await runSrc(`test verifier
function %g(i32) -> i32 {
block0(v0: i32):
    return v0 ; error: expected something
}
`);
  assert.equal(missing.res.failed, 1);
  assert.match(missing.lines[0], /^t\.clif:4: expected a verifier error containing 'expected something', got none/);
});

test('test cat checks the print/parse fixed point; unknown tests are skipped', async () => {
  const { res, lines } = await runSrc(`test cat
test compile
function %f(i64) -> i64 {
    ss0 = explicit_slot 8
block0(v0: i64):
    v1 = stack_addr.i64 ss0
    store v0, v1
    v2 = load.i64 v1
    return v2
}
`);
  assert.equal(res.passed, 1);
  assert.equal(res.failed, 0);
  assert.match(lines.at(-1)!, /test compile skipped/);
});

test('files for other targets skip native runs and say so', async () => {
  let called = false;
  const native: NativeRunner = async () => {
    called = true;
    return [];
  };
  const { res, lines } = await runSrc(ADD.replace('target x86_64', 'target aarch64'), { native });
  assert.equal(called, false);
  assert.equal(res.failed, 0);
  assert.match(lines.at(-1)!, /no x86_64 target/);
});

test('native results are compared too, and settings are passed on', async () => {
  let seen: NativeOptions | undefined;
  const native: NativeRunner = async (file, opts) => {
    seen = opts;
    assert.equal(file.functions.length, 1);
    return [{ ok: true, values: [{ type: I32, bits: 3n }] }, { ok: false, error: 'segmentation fault' }];
  };
  const src = ADD.replace('target x86_64', 'set enable_llvm_abi_extensions\ntarget x86_64 has_avx');
  const { res, lines } = await runSrc(src, { native });
  assert.equal(seen?.llvmAbiExtensions, true);
  assert.equal(seen?.multiRetImplicitSret, false);
  assert.deepEqual(seen?.isaFlags, ['has_avx']);
  assert.equal(res.passed, 1);
  assert.equal(res.failed, 1);
  assert.ok(lines.some((l) => /^t\.clif:12: run %add\(-1, 1\): segmentation fault \(native\)$/.test(l)), lines.join('\n'));

  const wrong: NativeRunner = async () => [{ ok: true, values: [{ type: I32, bits: 4n }] }, { ok: true, values: [{ type: I32, bits: 0n }] }];
  const r2 = await runSrc(ADD, { native: wrong });
  assert.ok(r2.lines.includes('t.clif:10: run %add(1, 2): expected 3, got 4 (native)'), r2.lines.join('\n'));
});

test('`run` mode runs files whatever their test lines say', async () => {
  const src = ADD.replace('test interpret\ntest run\n', 'test verifier\n') + '; run: %add(0, 0) == 1\n';
  const t = await runSrc(src);
  assert.equal(t.res.failed, 0);
  const r = await runSrc(src, { mode: 'run' });
  assert.equal(r.res.failed, 1);
  assert.equal(r.res.passed, 2);
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', ...(import.meta.url.includes('/dist/') ? ['..'] : []));

test('runFiles expands directories and totals the counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-ft-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.clif'), ADD);
  writeFileSync(join(dir, 'b.clif'), ADD + '; run: %add(1, 1) == 3\n');
  writeFileSync(join(dir, 'ignored.txt'), 'not clif');
  const lines: string[] = [];
  const s = await runFiles([dir], { mode: 'test', interpOnly: true, out: (l) => lines.push(l) });
  assert.equal(s.files.length, 2);
  assert.equal(s.passed, 4);
  assert.equal(s.failed, 1);
  assert.equal(lines.at(-1), '4 passed, 1 failed');
});

test('the CLI exits 1 on a failure and 0 when all pass', { skip: !existsSync(join(root, 'dist/src/cli.js')) && 'not built' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-cli-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'ok.clif'), ADD);
  writeFileSync(join(dir, 'bad.clif'), ADD + '; run: %add(1, 1) == 3\n');
  const cli = join(root, 'bin/cgts.js');
  const ok = spawnSync(process.execPath, [cli, 'clif', 'test', '--interp-only', join(dir, 'ok.clif')], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /2 passed, 0 failed/);
  const bad = spawnSync(process.execPath, [cli, 'clif', 'run', '--interp-only', dir], { encoding: 'utf8' });
  assert.equal(bad.status, 1, bad.stdout + bad.stderr);
  assert.match(bad.stdout, /bad\.clif:12: run %add\(1, 1\): expected 3, got 2 \(interpreter\)/);
});

test('float libcalls run in the interpreter', async () => {
  const { res, lines } = await runSrc(`test interpret
function %ceil(f32) -> f32 {
    fn0 = %CeilF32(f32) -> f32
block0(v0: f32):
    v1 = call fn0(v0)
    return v1
}
; run: %ceil(0x1.4p0) == 0x1.0p1
; run: %ceil(-0x1.4p0) == -0x1.0p0
function %fma(f64, f64, f64) -> f64 {
    fn0 = %FmaF64(f64, f64, f64) -> f64
block0(v0: f64, v1: f64, v2: f64):
    v3 = call fn0(v0, v1, v2)
    return v3
}
; run: %fma(0x1.0p1, 0x1.8p1, 0x1.0p0) == 0x1.cp2
`);
  assert.equal(res.failed, 0, lines.join('\n'));
  assert.equal(res.passed, 3);
});
