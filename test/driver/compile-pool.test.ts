// The compile pool: outcomes in input order whatever thread finished first,
// errors kept per module (CgtsError stays a CgtsError across threads), both
// threads used, and a worker receives only its module's bytes, not the whole
// archive buffer a member is a view of; the V8 flags set for compile threads
// reach the workers' isolates, and V8 knows every one of the default flags.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { compileAll, loadCompiler } from '../../src/driver/compile-pool.js';
import { CgtsError } from '../../src/support/diag.js';
import { projectRoot } from './helpers.js';

const echo = join(projectRoot, 'dist', 'test', 'driver', 'echo-compile.js');

test('worker threads: input order, per-module errors, only the view crosses', async () => {
  const archive = new Uint8Array(100_000);
  for (let i = 0; i < archive.length; i++) archive[i] = i * 7;
  const views = [[10, 5000], [6000, 100], [20_000, 80_000], [90, 9]] as const;
  const jobs = views.map(([at, n], k) => ({ bytes: archive.subarray(at, at + n), name: k === 1 ? 'm1-bad' : `m${k}` }));
  jobs.push({ bytes: new Uint8Array([1, 2, 3]), name: 'whole' });
  const seen: number[] = [];
  const out = await compileAll(jobs, { threads: 2, emitClif: true, compilerModule: echo, onDone: (d) => seen.push(d) });
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);
  assert.equal(out.length, jobs.length);
  const threads = new Set<string>();
  out.forEach((o, k) => {
    if (k === 1) {
      assert.ok(o.error instanceof CgtsError);
      assert.equal((o.error as CgtsError).describe(), 'm1-bad: cannot compile this');
      assert.equal(o.object, null);
      return;
    }
    assert.equal(o.error, null);
    assert.deepEqual([...o.object!], [...jobs[k].bytes].reverse());
    const [len, bufLen, tid] = o.clif!.split(' ');
    assert.equal(Number(len), jobs[k].bytes.length);
    assert.equal(Number(bufLen), jobs[k].bytes.length, 'the worker got a buffer of the module alone');
    threads.add(tid);
  });
  assert.equal(threads.size, 2);
  assert.ok(!threads.has('0'));
  assert.equal(archive[10], 70, 'the caller\'s buffer is untouched (not detached)');
  assert.equal(archive.length, 100_000);
});

test('a bug in a worker is an internal error, not a CgtsError; in-thread compile gives the same outcomes', async () => {
  const jobs = [{ bytes: new Uint8Array([5, 6]), name: 'ok' }, { bytes: new Uint8Array([7]), name: 'bug' }];
  for (const threads of [1, 2]) {
    const out = await compileAll(jobs, { threads, emitClif: false, compilerModule: echo });
    assert.deepEqual([...out[0].object!], [6, 5]);
    assert.equal(out[0].clif, null);
    assert.ok(out[1].error instanceof Error && !(out[1].error instanceof CgtsError), `threads=${threads}`);
    assert.match(out[1].error!.message, /broken invariant/);
  }
  const inThread = await compileAll(jobs, { threads: 4, emitClif: false, compile: await loadCompiler(echo) });
  assert.deepEqual([...inThread[0].object!], [6, 5]);
});

test('loadCompiler: a module without compileBitcode is one clear error', async () => {
  await assert.rejects(loadCompiler(join(projectRoot, 'dist', 'test', 'driver', 'helpers.js')), (e: unknown) => e instanceof CgtsError && /does not export compileBitcode\(\)/.test(e.message));
  await assert.rejects(compileAll([{ bytes: new Uint8Array(1), name: 'a' }, { bytes: new Uint8Array(1), name: 'b' }], { threads: 2, emitClif: false, compilerModule: join(projectRoot, 'dist', 'test', 'driver', 'helpers.js') }), CgtsError);
});

test('V8 flags: CGTS_V8_FLAGS reaches the worker isolates (set before they start); the default flags are all known to this V8', () => {
  const pool = join(projectRoot, 'dist', 'src', 'driver', 'compile-pool.js');
  const probe = join(projectRoot, 'dist', 'test', 'driver', 'flag-probe-compile.js');
  const script = `
    const { compileAll } = await import(${JSON.stringify(pool)});
    const jobs = [{ bytes: new Uint8Array([1]), name: 'a' }, { bytes: new Uint8Array([2]), name: 'b' }];
    const out = await compileAll(jobs, { threads: 2, emitClif: true, compilerModule: ${JSON.stringify(probe)} });
    console.log(out.map((o) => o.clif).join(','));`;
  const dir = mkdtempSync(join(tmpdir(), 'cgts-v8-flags-'));
  const file = join(dir, 'probe.mjs');
  writeFileSync(file, script);
  const run = (flags: string | undefined) => {
    const env = { ...process.env };
    if (flags === undefined) delete env.CGTS_V8_FLAGS;
    else env.CGTS_V8_FLAGS = flags;
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    return r;
  };
  assert.equal(run('--expose-gc').stdout.trim(), 'function,function');
  assert.equal(run('').stdout.trim(), 'undefined,undefined');
  const byDefault = run(undefined);
  assert.equal(byDefault.stdout.trim(), 'undefined,undefined');
  assert.equal(byDefault.stderr, '', 'V8 reports no unknown or ill-formed flag');
  rmSync(dir, { recursive: true, force: true });
});
