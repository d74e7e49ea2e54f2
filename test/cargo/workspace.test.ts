// `cargo cgts` on examples/workspace (a library with unit, should_panic and
// doc tests, a proc-macro derive, a binary with a build script, integration
// tests and an example), against stock cargo on the same copy: the same tests
// run with the same outcomes, the programs print the same, and every crate's
// code (build script and proc-macro included) is cgts's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDir } from '../driver/helpers.js';
import { builtByCgts, cargoSkip, cgtsCargo, copyCrate, filesUnder, membersNotByCgts, projectRoot, stockCargo, testReport } from './helpers.js';

const example = join(projectRoot, 'examples', 'workspace');

test('cargo cgts test: the same tests with the same outcomes as stock cargo, doc tests included', { skip: cargoSkip }, async () => {
  await withDir('cgts-cargo-ws-', (dir) => {
    copyCrate(example, dir);
    const stock = stockCargo(dir, ['test']);
    assert.equal(stock.status, 0, stock.stderr);
    const ours = cgtsCargo(dir, ['test']);
    assert.equal(ours.status, 0, ours.stderr);
    const expected = testReport(stock.stdout + stock.stderr);
    // The suites and tests the workspace has: a broken comparison would find none.
    assert.ok(expected.some((l) => l.includes('tests::empty_stack_panics - should panic ... ok')), expected.join('\n'));
    assert.ok(expected.some((l) => l.includes('compile fail ... ok')));
    assert.ok(expected.some((l) => l.includes('test prints_shapes_and_table ... ok')));
    assert.deepEqual(testReport(ours.stdout + ours.stderr), expected);

    // Everything under target/cgts is cgts's: the rlibs' objects, the binaries, the build script, the proc-macro.
    const debug = join(dir, 'target', 'cgts', 'debug');
    const rlibs = filesUnder(join(debug, 'deps'), (n) => n.endsWith('.rlib'));
    assert.ok(rlibs.length >= 1);
    for (const r of rlibs) assert.deepEqual(membersNotByCgts(r), [], r);
    const programs = [
      join(debug, 'app'),
      ...filesUnder(join(debug, 'deps'), (n) => n.endsWith('.so')),
      ...filesUnder(join(debug, 'build'), (n) => n === 'build-script-build'),
    ];
    assert.equal(programs.length, 3, programs.join(' '));
    for (const p of programs) assert.ok(builtByCgts(p), `${p} was linked from cgts objects`);
    // The stock build stayed apart and is LLVM's.
    assert.ok(!builtByCgts(join(dir, 'target', 'stock', 'debug', 'app')));
  });
});

test('cargo cgts run and build --examples: the programs behave as the stock builds', { skip: cargoSkip }, async () => {
  await withDir('cgts-cargo-run-', (dir) => {
    copyCrate(example, dir);
    for (const args of [['run', '-q', '-p', 'app', '--', 'one', 'three'], ['run', '-q', '-p', 'app', '--', 'fail']]) {
      const stock = stockCargo(dir, args);
      const ours = cgtsCargo(dir, args);
      assert.equal(ours.status, stock.status, `${args.join(' ')}: ${ours.stderr}`);
      assert.equal(ours.stdout, stock.stdout);
      assert.equal(ours.stderr, stock.stderr);
    }
    assert.equal(cgtsCargo(dir, ['run', '-q', '-p', 'app', '--', 'fail']).status, 3, 'the program\'s own exit status');

    const stock = stockCargo(dir, ['build', '-q', '--examples']);
    const ours = cgtsCargo(dir, ['build', '-q', '--examples']);
    assert.equal(stock.status, 0, stock.stderr);
    assert.equal(ours.status, 0, ours.stderr);
    assert.equal(ours.stdout + ours.stderr, '', 'quiet means quiet');
    const exe = (which: string) => join(dir, 'target', which, 'debug', 'examples', 'areas');
    assert.ok(builtByCgts(exe('cgts')));
    assert.equal(output(exe('cgts')), output(exe('stock')));
    assert.match(output(exe('cgts')), /^total 78\.0144\n/);
  });
});

/** A program's standard output; it must exit with 0. */
function output(path: string): string {
  const r = spawnSync(path, [], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('--timings writes cgts\'s report; an edit rebuilds from the object cache: only changed code units are compiled again', { skip: cargoSkip }, async () => {
  await withDir('cgts-cargo-cache-', (dir) => {
    copyCrate(example, dir);
    assert.equal(cgtsCargo(dir, ['build', '-q', '--timings']).status, 0);
    // --timings: cgts's report beside cargo's, a row per crate with compile and link times.
    const report = readFileSync(join(dir, 'target', 'cgts', 'cargo-timings', 'cgts-timing.html'), 'utf8');
    for (const crate of ['shapes', 'shapes_derive', 'app', 'build_script_build']) assert.match(report, new RegExp(`<tr><td>${crate}</td><td>[1-9]\\d*</td><td>0</td>`), crate);
    assert.ok(existsSync(join(dir, 'target', 'cgts', 'cargo-timings', 'cargo-timing.html')), "cargo's own report is there too");
    const cache = join(dir, 'target', 'cgts', 'cgts-cache');
    const count = () => readdirSync(cache).reduce((n, b) => n + readdirSync(join(cache, b)).filter((f) => f.endsWith('.o')).length, 0);
    const before = count();
    assert.ok(before > 5, `the cache holds the build's objects (${before})`);
    // One changed line in the binary crate: rustc writes new bitcode for few of its units.
    const main = join(dir, 'app', 'src', 'main.rs');
    writeFileSync(main, readFileSync(main, 'utf8').replace('has area', 'has the area'));
    const r = cgtsCargo(dir, ['build', '-q']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(output(join(dir, 'target', 'cgts', 'debug', 'app')), /^Circle \{ r: 1\.5 \} has the area 7\.069\n/);
    const added = count() - before;
    assert.ok(added >= 1 && added < before / 10, `an edit adds a few objects, not a build's worth (${added} of ${before})`);
    // A rebuild without changes compiles nothing and adds nothing.
    assert.equal(cgtsCargo(dir, ['build', '-q']).status, 0);
    assert.equal(count() - before, added);
    // A different cgts (its code hash) rebuilds every crate, as a different rustc would; the same one none.
    // A wrapper of the user's logs how cargo runs rustc: `rustc -vV` only
    // where cargo's cache of rustc's answers has none for this cgts.
    const log = join(dir, 'rustc-runs.log');
    const logger = join(dir, 'log-rustc.sh');
    writeFileSync(logger, `#!/bin/sh\necho "$*" >> '${log}'\nexec "$@"\n`, { mode: 0o755 });
    const compiled = (hash: string) => {
      writeFileSync(log, '');
      const b = cgtsCargo(dir, ['build'], { CGTS_CODE_HASH: hash, RUSTC_WRAPPER: logger });
      assert.equal(b.status, 0, b.stderr);
      const versionRuns = readFileSync(log, 'utf8').split('\n').filter((l) => / -vV$/.test(l)).length;
      return [(b.stderr.match(/^\s+Compiling /gm) ?? []).length, Math.min(versionRuns, 1)];
    };
    assert.deepEqual(compiled('cgts-test-a'), [3, 1], 'every package of the workspace (app, shapes, shapes-derive) is compiled again');
    assert.deepEqual(compiled('cgts-test-a'), [0, 0], 'nothing compiled, and rustc -vV answered from cargo\'s cache');
    assert.deepEqual(compiled('cgts-test-b'), [3, 1]);
  });
});

test('a crate cgts cannot compile: a located error by default, rustc\'s code generator with --fallback', { skip: cargoSkip }, async () => {
  await withDir('cgts-cargo-fallback-', (dir) => {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "uses-asm"\nversion = "0.1.0"\nedition = "2021"\n');
    writeFileSync(join(dir, 'src', 'main.rs'), [
      'fn spin(x: u64) -> u64 { let y; unsafe { core::arch::asm!("lea {0}, [{1} + 1]", out(reg) y, in(reg) x) }; y }',
      'fn main() { println!("{}", spin(41)); }',
      '',
    ].join('\n'));
    const plain = cgtsCargo(dir, ['build', '-q']);
    assert.notEqual(plain.status, 0);
    assert.match(plain.stderr, /cgts: error: .*uses_asm.*spin.*inline assembly/);
    assert.ok(!existsSync(join(dir, 'target', 'cgts', 'debug', 'uses-asm')));

    const fb = cgtsCargo(dir, ['run', '-q', '--fallback']);
    assert.equal(fb.status, 0, fb.stderr);
    assert.equal(fb.stdout, '42\n');
    assert.match(fb.stderr, /cgts: warning: crate `uses_asm` is built by rustc's own code generator \(CGTS_FALLBACK\): .*inline assembly/);
  });
});

test('cargo cgts --help tells what it does; every variable it names is read by the code', { skip: cargoSkip }, () => {
  const r = cgtsCargo(projectRoot, ['--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^usage: cargo cgts <cargo command>/);
  for (const s of ['--fallback', 'target/cgts', 'cgts-cache', 'doc tests', 'proc-macros']) assert.ok(r.stdout.includes(s), s);
  const sources = ['driver/cmd-cargo.ts', 'driver/cmd-rustc.ts', 'driver/link-shim.ts', 'driver/rustc-wrapper.ts', 'driver/cache.ts', 'driver/compile-daemon.ts', 'cli.ts'].map((f) => readFileSync(join(projectRoot, 'src', f), 'utf8')).join('\n');
  for (const v of new Set(r.stdout.match(/CGTS_[A-Z_]+/g) ?? [])) assert.ok(sources.includes(`env.${v}`), `${v} is read somewhere`);
});
