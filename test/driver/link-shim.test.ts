// The link shim: bitcode inputs (objects and archive members, by content)
// compiled and replaced in place, native inputs passed through unchanged,
// -plugin-opt items dropped, the program linked by cc and run; rewritten
// archives (including a rustc rlib) read back and accepted by cc and lld;
// temporary files gone after success, failure and SIGTERM; error lines and
// exit statuses; worker threads; progress lines; response files.
// Bitcode is compiled by an llc-22 stand-in for the pipeline (llc-compile.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ObjectCache } from '../../src/driver/cache.js';
import { prepareLink, runLinkShim, shimOptionsFromEnv, type ShimOptions } from '../../src/driver/link-shim.js';
import { readArchive } from '../../src/object/ar.js';
import { isElf } from '../../src/object/elf-read.js';
import { CgtsError, CgtsErrorList } from '../../src/support/diag.js';
import { compileBitcode as llc } from './llc-compile.js';
import { have, llcCompiler, projectRoot, withDir } from './helpers.js';

const tools = ['cc', 'llvm-as-22', 'llc-22', 'ar'].filter((t) => !have(t));
const skip = tools.length ? `not installed: ${tools.join(', ')}` : false;
const shimJs = join(projectRoot, 'bin', 'cgts-link.js');
const fakeCompiler = join(projectRoot, 'dist', 'test', 'driver', 'fake-compile.js');

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function options(over: Partial<ShimOptions>): ShimOptions {
  return { ...shimOptionsFromEnv({}), threads: 1, compile: llc, progress: () => assert.fail('no progress line expected'), ...over };
}

/** A linker that records its arguments (one a line) in `<dir>/linker-args`, then runs cc with them. */
function recorder(dir: string): string {
  const path = join(dir, 'record-cc');
  writeFileSync(path, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${join(dir, 'linker-args')}"\nexec cc "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}
const recorded = (dir: string) => readFileSync(join(dir, 'linker-args'), 'utf8').trimEnd().split('\n');

/** Bitcode defining `name(x) = x * k + 1` (i32, C ABI), from LLVM assembly. */
function bitcodeFn(dir: string, file: string, name: string, k: number): string {
  writeFileSync(join(dir, file + '.ll'), `define i32 @${name}(i32 %x) {\n  %a = mul i32 %x, ${k}\n  %b = add i32 %a, 1\n  ret i32 %b\n}\n`);
  sh('llvm-as-22', [file + '.ll', '-o', file], dir);
  return join(dir, file);
}

function cObject(dir: string, name: string, source: string): string {
  writeFileSync(join(dir, name + '.c'), source);
  sh('cc', ['-c', '-fPIC', '-O1', name + '.c', '-o', name + '.o'], dir);
  return join(dir, name + '.o');
}

const mainSource = (calls: string[]) =>
  `#include <stdio.h>\n${calls.map((c) => `int ${c}(int);`).join('\n')}\nint main(void) { printf("${calls.map(() => '%d').join(' ')}\\n"${calls.map((c) => `, ${c}(10)`).join('')}); return 0; }\n`;

test('native objects and archives pass through unchanged; the C program links and runs', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['helper']));
    cObject(dir, 'helper', 'int helper(int x) { return x + 32; }\n');
    sh('ar', ['rcs', 'libhelper.a', 'helper.o'], dir);
    let tempDir = '';
    const args = ['-m64', main, '-Wl,--as-needed', join(dir, 'libhelper.a'), '-Wl,-plugin-opt=O0,-plugin-opt=mcpu=x86-64', '-o', join(dir, 'prog'), '-Wl,-z,relro,-z,now'];
    const status = await runLinkShim(args, options({ linker: recorder(dir), onTempDir: (d) => { tempDir = d; } }));
    assert.equal(status, 0);
    assert.equal(tempDir, '', 'nothing to compile, no temporary directory');
    assert.deepEqual(recorded(dir), args.filter((a) => !a.includes('plugin-opt')));
    assert.equal(sh(join(dir, 'prog'), [], dir), '42\n');
  });
});

test('bitcode objects and archive members are compiled in place; the archive keeps its other members and a valid index', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['first', 'second', 'native']));
    const first = bitcodeFn(dir, 'first.rcgu.o', 'first', 3); // bitcode under an object's name
    bitcodeFn(dir, 'second.bc', 'second', 5);
    cObject(dir, 'native', 'int native(int x) { return -x; }\n');
    writeFileSync(join(dir, 'lib.rmeta'), 'rust metadata stand-in\n');
    sh('ar', ['rc', 'libmix.rlib', 'lib.rmeta', 'second.bc', 'native.o'], dir);
    const originalAr = readArchive(readFileSync(join(dir, 'libmix.rlib')));
    let tempDir = '';
    const args = ['-m64', main, first, '-Wl,-Bstatic', join(dir, 'libmix.rlib'), '-Wl,-Bdynamic', '-Wl,--gc-sections,-plugin-opt=O0', '-o', join(dir, 'prog'), '-pie', join(dir, 'libmix.rlib')];
    let compiled = 0;
    const counting = (b: Uint8Array, n: string, o: object) => {
      compiled++;
      return llc(b, n, o);
    };
    try {
      const status = await runLinkShim(args, options({ compile: counting, linker: recorder(dir), keepTemps: true, onTempDir: (d) => { tempDir = d; }, progress: () => {} }));
      assert.equal(status, 0);
      assert.equal(sh(join(dir, 'prog'), [], dir), '31 51 -10\n');
      assert.equal(compiled, 2, 'the archive named twice is compiled once');

      const got = recorded(dir);
      assert.equal(got.length, args.length);
      assert.equal(got[10], got[4]);
      got.forEach((a, i) => {
        if (i === 2 || i === 4 || i === 10) assert.ok(a.startsWith(tempDir + '/'), `argument ${i} (${a}) is in the temporary directory`);
        else if (i === 6) assert.equal(a, '-Wl,--gc-sections');
        else assert.equal(a, args[i]);
      });
      assert.ok(isElf(readFileSync(got[2])), 'the bitcode object became ELF');

      const ar = readArchive(readFileSync(got[4]), got[4]);
      assert.deepEqual(ar.members.map((m) => m.name), ['lib.rmeta', 'second.bc', 'native.o']);
      assert.deepEqual(ar.members[0].data, originalAr.members[0].data);
      assert.deepEqual(ar.members[2].data, originalAr.members[2].data);
      assert.ok(isElf(ar.members[1].data));
      const owner = (sym: string) => ar.members.find((m) => m.headerOffset === ar.symbols.find((s) => s.name === sym)?.memberOffset)?.name;
      assert.equal(owner('second'), 'second.bc');
      assert.equal(owner('native'), 'native.o');
      assert.match(sh('nm', ['-s', got[4]], dir), /second in second\.bc/);

      // lld takes the rewritten archive too (rustc's default linker, through its gcc-ld directory).
      const sysroot = spawnSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).stdout?.trim();
      const gccLd = sysroot ? join(sysroot, 'lib', 'rustlib', 'x86_64-unknown-linux-gnu', 'bin', 'gcc-ld') : '';
      if (gccLd && existsSync(gccLd)) {
        sh('cc', [`-B${gccLd}`, '-fuse-ld=lld', got[0], got[1], got[2], got[4], '-o', join(dir, 'prog-lld')], dir);
        assert.equal(sh(join(dir, 'prog-lld'), [], dir), '31 51 -10\n');
      }
    } finally {
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    }
  });
});

test('an rlib from rustc -Clinker-plugin-lto: bitcode members rewritten, program linked and run', { skip: skip || (have('rustc') ? false : 'rustc is not installed') }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    writeFileSync(join(dir, 'mix.rs'), '#![no_std]\n#[no_mangle]\npub extern "C" fn mix(x: i32) -> i32 { x.wrapping_mul(7) ^ 3 }\n');
    sh('rustc', ['--crate-type=rlib', '-Clinker-plugin-lto', '-Cpanic=abort', '--edition=2021', 'mix.rs'], dir);
    const rlib = join(dir, 'libmix.rlib');
    const before = readArchive(readFileSync(rlib));
    const bitcodeMembers = before.members.filter((m) => m.data[0] === 0x42 && m.data[1] === 0x43);
    assert.ok(bitcodeMembers.length >= 1, 'rustc wrote bitcode members');
    const main = cObject(dir, 'main', mainSource(['mix']));
    let tempDir = '';
    try {
      const status = await runLinkShim([main, rlib, '-o', join(dir, 'prog')], options({ linker: recorder(dir), keepTemps: true, onTempDir: (d) => { tempDir = d; }, progress: () => {} }));
      assert.equal(status, 0);
      assert.equal(sh(join(dir, 'prog'), [], dir), `${(10 * 7) ^ 3}\n`);
      const after = readArchive(readFileSync(recorded(dir)[1]));
      assert.deepEqual(after.members.map((m) => m.name), before.members.map((m) => m.name));
      for (const [k, m] of after.members.entries()) {
        if (m.name === 'lib.rmeta') assert.deepEqual(m.data, before.members[k].data);
        else assert.ok(isElf(m.data), `${m.name} is native`);
      }
      assert.ok(after.symbols.some((s) => s.name === 'mix'));
    } finally {
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    }
  });
});

test('temporary files are removed after success and after a failed compile; the linker does not run after a failure', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['first']));
    const first = bitcodeFn(dir, 'first.bc', 'first', 2);
    const dirs: string[] = [];
    const base = options({ linker: recorder(dir), tempRoot: dir, onTempDir: (d) => dirs.push(d) });
    assert.equal(await runLinkShim([main, first, '-o', join(dir, 'prog')], base), 0);
    assert.equal(sh(join(dir, 'prog'), [], dir), '21\n');
    rmSync(join(dir, 'linker-args'));

    const failing = (bytes: Uint8Array, name: string) => {
      throw new CgtsError('cannot compile function first: instruction %a = mul i32 %x, 2', name);
    };
    await assert.rejects(runLinkShim([main, first, '-o', join(dir, 'prog2')], { ...base, compile: failing }), (e: unknown) => e instanceof CgtsError && e.describe() === `${first}: cannot compile function first: instruction %a = mul i32 %x, 2`);
    assert.equal(existsSync(join(dir, 'linker-args')), false, 'the linker did not run');
    assert.equal(existsSync(join(dir, 'prog2')), false);
    // The first link made and removed its directory; the failed compile never made one.
    assert.equal(dirs.length, 1);
    assert.equal(existsSync(dirs[0]), false, `${dirs[0]} was removed`);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cgts-link-')), []);
  });
});

/** Runs bin/cgts-link.js as rustc would, with the given environment additions. */
function shimProcess(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  return spawnSync(process.execPath, [shimJs, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

test('errors: one `cgts: error:` line per module, exit 1; a bug is an internal error, exit 101; no stack traces', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['first', 'second']));
    const first = bitcodeFn(dir, 'first.bc', 'first', 2);
    const second = bitcodeFn(dir, 'second.bc', 'second', 3);
    const env = { CGTS_COMPILE_WITH: fakeCompiler, CGTS_LINKER: recorder(dir), TMPDIR: dir };
    let r = shimProcess([main, first, second, '-o', 'prog'], { ...env, CGTS_TEST_FAKE: 'fail' }, dir);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `cgts: error: ${first}: cannot compile function f: instruction %3 = frobnicate i32 %1\n` +
        `cgts: error: ${second}: cannot compile function f: instruction %3 = frobnicate i32 %1\n`,
    );
    r = shimProcess([main, first, second, '-o', 'prog'], { ...env, CGTS_TEST_FAKE: 'fail-second', CGTS_JOBS: '2' }, dir);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `cgts: error: ${second}: cannot compile function g: instruction %7 = frobnicate i64 %2\n`);
    r = shimProcess([main, first, '-o', 'prog'], { ...env, CGTS_TEST_FAKE: 'internal' }, dir);
    assert.equal(r.status, 101);
    assert.match(r.stderr, /^cgts: internal error: internal error: an invariant broke\n/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    // cgts's own pipeline on bitcode it cannot handle (module-level assembly) names the module.
    writeFileSync(join(dir, 'asm.ll'), 'module asm ".globl second"\nmodule asm "second: ret"\n');
    sh('llvm-as-22', ['asm.ll', '-o', 'asm.bc'], dir);
    const asmBc = join(dir, 'asm.bc');
    r = shimProcess([main, first, asmBc, '-o', 'prog'], { CGTS_LINKER: recorder(dir), TMPDIR: dir }, dir);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `cgts: error: ${asmBc}: module-level assembly (global_asm! or a naked function) is not supported yet\n`);
    assert.equal(existsSync(join(dir, 'linker-args')), false, 'the linker never ran');
    r = shimProcess([main, '-o', 'prog'], { CGTS_LINKER: join(dir, 'no-such-linker'), TMPDIR: dir }, dir);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `cgts: error: cannot run the linker '${join(dir, 'no-such-linker')}': not found (set CGTS_LINKER to the linker driver to use)\n`);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cgts-link-')), [], 'no temporary directory left behind');
  });
});

test('the linker failing: its exit status and output come through', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['missing_fn']));
    const first = bitcodeFn(dir, 'first.bc', 'first', 2);
    const r = shimProcess([main, first, '-o', 'prog'], { CGTS_COMPILE_WITH: llcCompiler, TMPDIR: dir }, dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /undefined reference to `missing_fn'/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cgts-link-')), []);
  });
});

test('SIGTERM while compiling: no temporary files exist yet, and the shim dies of the signal at once', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['first']));
    const first = bitcodeFn(dir, 'first.bc', 'first', 2);
    for (const jobs of ['1', '2']) {
      const child = spawn(process.execPath, [shimJs, main, first, first, '-o', 'prog'], {
        cwd: dir,
        env: { ...process.env, CGTS_COMPILE_WITH: fakeCompiler, CGTS_TEST_FAKE: 'slow', CGTS_JOBS: jobs, TMPDIR: dir },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, sig) => res(sig)));
      await new Promise((r) => setTimeout(r, 400));
      const t0 = Date.now();
      child.kill('SIGTERM');
      assert.equal(await exited, 'SIGTERM');
      assert.ok(Date.now() - t0 < 5_000, 'it did not wait for the slow compile');
      assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cgts-link-')), []);
    }
  });
});

test('SIGTERM while the linker runs: the temporary directory goes, the linker is stopped, the shim dies of the signal', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['first']));
    const first = bitcodeFn(dir, 'first.bc', 'first', 2);
    const slowLinker = join(dir, 'slow-cc');
    writeFileSync(slowLinker, `#!/bin/sh
echo $$ > "${join(dir, 'linker-pid')}"
sleep 30
`);
    chmodSync(slowLinker, 0o755);
    const child = spawn(process.execPath, [shimJs, main, first, '-o', 'prog'], {
      cwd: dir,
      env: { ...process.env, CGTS_COMPILE_WITH: llcCompiler, CGTS_LINKER: slowLinker, TMPDIR: dir },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, sig) => res(sig)));
    const temps = () => readdirSync(dir).filter((f) => f.startsWith('cgts-link-'));
    const t0 = Date.now();
    while (!existsSync(join(dir, 'linker-pid')) && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
    assert.equal(temps().length, 1, 'the shim made its temporary directory and started the linker');
    const linkerPid = Number(readFileSync(join(dir, 'linker-pid'), 'utf8'));
    child.kill('SIGTERM');
    assert.equal(await exited, 'SIGTERM');
    assert.deepEqual(temps(), []);
    // Gone, or a zombie waiting for whoever adopted it to reap it.
    const running = () => existsSync(`/proc/${linkerPid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${linkerPid}/stat`, 'utf8'));
    const t1 = Date.now();
    while (running() && Date.now() - t1 < 2000) await new Promise((r) => setTimeout(r, 20));
    assert.equal(running(), false, 'the linker was stopped');
  });
});

test('worker threads: several modules compile on two threads; CLIF and listing written beside the output', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['m0', 'm1', 'm2', 'm3']));
    const mods = [0, 1, 2, 3].map((k) => bitcodeFn(dir, `m${k}.bc`, `m${k}`, k + 2));
    const r = shimProcess([main, ...mods, '-o', 'prog'], { CGTS_COMPILE_WITH: llcCompiler, CGTS_JOBS: '2', CGTS_EMIT: 'link,clif,asm', TMPDIR: dir }, dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(sh(join(dir, 'prog'), [], dir), '21 31 41 51\n');
    const clif = readFileSync(join(dir, 'prog.clif'), 'utf8');
    assert.deepEqual([...clif.matchAll(/^; module (.*)$/gm)].map((m) => m[1]), mods, 'one section per module, in link-line order');
    const threads = new Set([...clif.matchAll(/on thread (\d+)/g)].map((m) => m[1]));
    assert.equal(threads.size, 2, clif);
    assert.ok(!threads.has('0'), 'not on the main thread');
    const listing = readFileSync(join(dir, 'prog.s'), 'utf8');
    for (const [k, m] of mods.entries()) {
      assert.ok(listing.includes(`${m}:     file format elf64-x86-64`), `listing names ${m}`);
      assert.match(listing, new RegExp(`<m${k}>:\\n(.*\\n)*?.*imul`));
    }
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cgts-link-')), []);

    // CLIF only: no link, nothing but the CLIF.
    const r2 = shimProcess([main, ...mods, '-o', 'prog2'], { CGTS_COMPILE_WITH: llcCompiler, CGTS_EMIT: 'clif', TMPDIR: dir }, dir);
    assert.equal(r2.status, 0, r2.stderr);
    assert.equal(existsSync(join(dir, 'prog2')), false);
    assert.ok(existsSync(join(dir, 'prog2.clif')));
    assert.equal(shimProcess([main, '-o', 'p'], { CGTS_EMIT: 'link,pdf' }, dir).stderr, "cgts: error: CGTS_EMIT: unknown kind 'pdf' (expected link, clif, asm)\n");
  });
});

test('a progress line only when compiling takes longer than the threshold', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['a', 'b']));
    const mods = [bitcodeFn(dir, 'a.bc', 'a', 2), bitcodeFn(dir, 'b.bc', 'b', 3)];
    const lines: string[] = [];
    const slowLlc = (bytes: Uint8Array, name: string, o: object) => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60);
      return llc(bytes, name, o);
    };
    assert.equal(await runLinkShim([main, ...mods, '-o', join(dir, 'p1')], options({ compile: slowLlc, progressAfterMs: 30, progress: (l) => lines.push(l) })), 0);
    assert.ok(lines.length >= 1 && lines.length <= 2, lines.join('\n'));
    assert.match(lines[0], /^cgts: compiling 2 bitcode modules for .*p1 \([01] done\)$/);
    if (lines.length === 2) assert.match(lines[1], /^cgts: compiled 2 bitcode modules in \d+\.\d s$/);
    // Fast: nothing (options() fails the test on any progress line).
    assert.equal(await runLinkShim([main, ...mods, '-o', join(dir, 'p2')], options({ progressAfterMs: 60_000 })), 0);
  });
});

test('response files in, and a response file out when the line is very long', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource(['first']));
    const first = bitcodeFn(dir, 'first.bc', 'first', 4);
    writeFileSync(join(dir, 'args.rsp'), `${main.replace(/ /g, '\\ ')}\n${first}\n-Wl,-plugin-opt=O0\n-o\n${join(dir, 'prog')}\n`);
    assert.equal(await runLinkShim(['-m64', '@' + join(dir, 'args.rsp')], options({ linker: recorder(dir) })), 0);
    const got = recorded(dir);
    assert.equal(got.length, 5);
    assert.deepEqual([got[0], got[1], got[3], got[4]], ['-m64', main, '-o', join(dir, 'prog')]);
    assert.notEqual(got[2], first);
    assert.equal(sh(join(dir, 'prog'), [], dir), '41\n');

    // Long because of its inputs (cc itself refuses more than 128 KiB of options, whatever the form).
    const deep = join(dir, 'd'.repeat(200));
    mkdirSync(deep);
    cObject(dir, 'helper', 'int helper(int x) { return x; }\n');
    sh('ar', ['rcs', join(deep, 'libhelper.a'), 'helper.o'], dir);
    const many = Array.from({ length: 600 }, () => join(deep, 'libhelper.a'));
    assert.equal(await runLinkShim([main, first, ...many, '-o', join(dir, 'prog3')], options({ linker: recorder(dir) })), 0);
    const rec = recorded(dir);
    assert.equal(rec.length, 1);
    assert.match(rec[0], /^@.*\/cgts-link-[^/]+\/link-args$/);
    assert.equal(sh(join(dir, 'prog3'), [], dir), '41\n');
  });
});

test('several failures are one CgtsErrorList with a line each', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const a = bitcodeFn(dir, 'a.bc', 'a', 2);
    const b = bitcodeFn(dir, 'b.bc', 'b', 3);
    const failing = (_: Uint8Array, name: string) => {
      throw new CgtsError('unsupported', name);
    };
    await assert.rejects(runLinkShim([a, b, '-o', join(dir, 'p')], options({ compile: failing })), (e: unknown) => e instanceof CgtsErrorList && e.errors.map((x) => x.describe()).join('|') === `${a}: unsupported|${b}: unsupported`);
  });
});

test('malformed inputs: a broken archive goes to the linker untouched; broken bitcode is a located error from the reader', { skip }, async () => {
  await withDir('cgts-shim-', async (dir) => {
    const main = cObject(dir, 'main', mainSource([]));
    writeFileSync(join(dir, 'broken.a'), '!<arch>\nthis is not a member header at all, not even close....\n');
    const r = shimProcess([main, join(dir, 'broken.a'), '-o', 'prog'], { TMPDIR: dir, CGTS_LINKER: recorder(dir) }, dir);
    assert.doesNotMatch(r.stderr, /^cgts:/m, 'whatever is said about the broken archive, the linker says it');
    assert.deepEqual(recorded(dir), [main, join(dir, 'broken.a'), '-o', 'prog']);

    const bc = readFileSync(bitcodeFn(dir, 'ok.bc', 'ok', 2));
    writeFileSync(join(dir, 'cut.o'), bc.subarray(0, 40));
    // cgts's own pipeline, in this thread: the reader names the file and the byte.
    await assert.rejects(runLinkShim([main, join(dir, 'cut.o'), '-o', join(dir, 'p')], { ...options({}), compile: undefined, threads: 1 }), (e: unknown) => e instanceof CgtsError && e.describe().startsWith(`${join(dir, 'cut.o')}: byte `));
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cgts-link-')), []);
  });
});

test('prepareLink with an object cache: compiled objects are hard links to its entries (no copy), in a folder beside them; an entry replaced afterwards leaves the link intact', { skip }, async () => {
  await withDir('cgts-link-cache-', async (dir) => {
    bitcodeFn(dir, 'f.o', 'f', 3);
    const cache = new ObjectCache(join(dir, 'cache'), 1 << 30);
    // cgts's own pipeline (a test compile function would turn the cache off)
    const opts = { ...shimOptionsFromEnv({}), threads: 1, cache, tempRoot: join(dir, 'no-such-folder') };
    // a link folder whose process died an hour ago: the first trim after a write removes it (taking `links/` for no bucket)
    const links = join(dir, 'cache', 'links');
    mkdirSync(join(links, 'left'), { recursive: true });
    utimesSync(join(links, 'left'), new Date(Date.now() - 7200_000), new Date(Date.now() - 7200_000));
    const first = await prepareLink(['-o', 'prog', 'f.o'], dir, opts);
    assert.deepEqual(readdirSync(links), [basename(first.dir)]);
    const obj = first.args.find((a) => a.endsWith('-f.o'))!;
    assert.equal(dirname(dirname(first.dir)), join(dir, 'cache'), 'the folder is in the cache');
    assert.equal(statSync(obj).nlink, 2, 'the object is the cache entry, linked');
    assert.equal(cache.stats.misses, 1);
    const bytes = readFileSync(obj);
    assert.ok(isElf(bytes));

    const second = await prepareLink(['-o', 'prog', 'f.o'], dir, opts);
    assert.equal(cache.stats.hits, 1, 'the second link takes the object from the cache');
    const again = second.args.find((a) => a.endsWith('-f.o'))!;
    assert.equal(statSync(again).ino, statSync(obj).ino, 'both links share the entry');
    // replacing the entry (a rename over it) leaves what a link holds as it was
    cache.put(cache.key(readFileSync(join(dir, 'f.o')), 'obj'), new Uint8Array([1, 2, 3]));
    assert.deepEqual(readFileSync(again), bytes);
    for (const d of [first.dir, second.dir]) rmSync(d, { recursive: true });
    assert.deepEqual(readdirSync(links), []);
  });
});
