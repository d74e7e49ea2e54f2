// `cgts rustc`: the rewritten rustc command line (cgts emit kinds out of
// --emit, -C linker taken over, the two options appended), its help, and real
// rustc runs with the llc-22 stand-in for the pipeline: programs that run,
// CLIF and listings beside the output, rustc's own diagnostics and exit
// statuses, compile errors shown as the linker's output.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { planRustc, shimPath } from '../../src/driver/cmd-rustc.js';
import { readArchive } from '../../src/object/ar.js';
import { isElf } from '../../src/object/elf-read.js';
import { cgts, have, llcCompiler, projectRoot, withDir } from './helpers.js';

const shim = `-Clinker=${shimPath()}`;

test('the shim path is bin/cgts-link, executable, next to bin/cgts-link.js', () => {
  assert.equal(shimPath(), join(projectRoot, 'bin', 'cgts-link'));
  accessSync(shimPath(), constants.X_OK);
  accessSync(join(projectRoot, 'bin', 'cgts-link.js'), constants.X_OK);
});

test('planRustc: the options cgts adds, and rustc options left alone', () => {
  const p = planRustc(['-g', 'main.rs', '-o', 'out'], '/w');
  assert.deepEqual(p.args, ['-g', 'main.rs', '-o', 'out', '-Clinker-plugin-lto', shim]);
  assert.deepEqual(p.env, { CGTS_EMIT: 'link', CGTS_EMIT_CLIF_PATH: '', CGTS_EMIT_ASM_PATH: '' });
  assert.equal(p.help, false);
  // +toolchain stays first; an explicit -Clinker-plugin-lto is not doubled.
  assert.deepEqual(planRustc(['+nightly', '-C', 'linker-plugin-lto', 'a.rs'], '/w').args, ['+nightly', '-C', 'linker-plugin-lto', 'a.rs', shim]);
});

test('planRustc: cgts emit kinds leave --emit; without link rustc still links but the shim is told not to', () => {
  let p = planRustc(['--emit=link,clif', 'a.rs'], '/w');
  assert.deepEqual(p.args, ['--emit=link', 'a.rs', '-Clinker-plugin-lto', shim]);
  assert.equal(p.env.CGTS_EMIT, 'link,clif');
  p = planRustc(['--emit', 'asm', 'a.rs'], '/w');
  assert.deepEqual(p.args, ['--emit=link', 'a.rs', '-Clinker-plugin-lto', shim]);
  assert.equal(p.env.CGTS_EMIT, 'asm');
  p = planRustc(['--emit=obj,clif=out/x.clif', '--emit=asm=-,dep-info', 'a.rs'], '/w');
  assert.deepEqual(p.args, ['--emit=obj,dep-info,link', 'a.rs', '-Clinker-plugin-lto', shim]);
  assert.equal(p.env.CGTS_EMIT, 'clif,asm');
  assert.equal(p.env.CGTS_EMIT_CLIF_PATH, '/w/out/x.clif');
  assert.equal(p.env.CGTS_EMIT_ASM_PATH, '-');
  p = planRustc(['--emit=llvm-ir,link=out', 'a.rs'], '/w');
  assert.deepEqual(p.args, ['--emit=llvm-ir,link=out', 'a.rs', '-Clinker-plugin-lto', shim]);
  assert.equal(p.env.CGTS_EMIT, 'link');
});

test('planRustc: the crates cargo builds with lints capped at allow (dependencies not the user\'s own), whose libraries skip the object cache', () => {
  assert.equal(planRustc(['--crate-name', 'dep', '--cap-lints', 'allow'], '/w').capsLints, true);
  assert.equal(planRustc(['--cap-lints=allow', 'src/lib.rs'], '/w').capsLints, true);
  assert.equal(planRustc(['--cap-lints', 'warn'], '/w').capsLints, false);
  assert.equal(planRustc(['--crate-name', 'allow', 'src/lib.rs'], '/w').capsLints, false);
});

test('planRustc: the user\'s linker becomes the one the shim runs', () => {
  for (const form of [['-Clinker=clang'], ['-C', 'linker=clang'], ['--codegen', 'linker=clang'], ['--codegen=linker=clang']]) {
    const p = planRustc([...form, '-Copt-level=0', 'a.rs'], '/w');
    assert.deepEqual(p.args, ['-Copt-level=0', 'a.rs', '-Clinker-plugin-lto', shim], form.join(' '));
    assert.equal(p.env.CGTS_LINKER, 'clang');
  }
  assert.equal(planRustc(['-C', 'linker-flavor=gcc', 'a.rs'], '/w').args[1], 'linker-flavor=gcc');
});

test('cgts rustc --help: what it does, the emit kinds, the environment; exit 0', () => {
  const r = cgts(['rustc', '--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^usage: cgts rustc \[rustc options\] <file\.rs>\n/);
  for (const s of ['-Clinker-plugin-lto', 'bin/cgts-link', '--emit=clif', '--emit=asm', 'clif=FILE', 'CGTS_RUSTC', 'CGTS_LINKER', 'CGTS_JOBS', 'CGTS_KEEP_TEMPS']) {
    assert.ok(r.stdout.includes(s), `help mentions ${s}`);
  }
  // Every variable the help names is one the code reads.
  const sources = ['cmd-rustc.ts', 'link-shim.ts', 'cache.ts'].map((f) => readFileSync(join(projectRoot, 'src', 'driver', f), 'utf8')).join('\n');
  const cli = readFileSync(join(projectRoot, 'src', 'cli.ts'), 'utf8');
  for (const v of r.stdout.match(/CGTS_[A-Z_]+/g) ?? []) assert.ok(sources.includes(`env.${v}`) || cli.includes(v), `${v} is read somewhere`);
  assert.match(cgts(['--help']).stdout, /cgts rustc/);
});

const rustcSkip = ['rustc', 'cc', 'llc-22'].every((t) => have(t)) ? false : 'rustc, cc or llc-22 is not installed';
const standIn = { CGTS_COMPILE_WITH: llcCompiler, CGTS_PROGRESS: 'none' };

test('rustc options pass through: --version and -vV are rustc\'s answers', { skip: rustcSkip }, () => {
  for (const a of [['--version'], ['-vV']]) {
    const r = cgts(['rustc', ...a]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, spawnSync('rustc', a, { encoding: 'utf8' }).stdout);
  }
});

test('cgts rustc builds a program (several CGUs, an rlib dependency with bitcode members) that runs', { skip: rustcSkip }, async () => {
  await withDir('cgts-rustc-', (dir) => {
    writeFileSync(join(dir, 'dep.rs'), 'pub fn scale(v: &[u32]) -> Vec<u32> { v.iter().map(|x| x * 3).collect() }\n');
    writeFileSync(join(dir, 'main.rs'), 'fn main() { let v = dep::scale(&[1, 2, 3]); println!("{v:?}"); std::process::exit(v.len() as i32); }\n');
    let r = cgts(['rustc', '--crate-type=rlib', '--edition=2021', 'dep.rs'], { cwd: dir, env: standIn });
    assert.equal(r.status, 0, r.stderr);
    // The rlib is native once cgts rustc returns: rmeta kept, code members ELF, an index naming them.
    const ar = readArchive(readFileSync(join(dir, 'libdep.rlib')));
    assert.deepEqual(ar.members.map((m) => m.name === 'lib.rmeta' || isElf(m.data)), ar.members.map(() => true));
    assert.ok(ar.members.length >= 2);
    assert.ok(ar.symbols.some((s) => s.name.includes('3dep5scale')), 'the index lists dep::scale');
    r = cgts(['rustc', '--edition=2021', '-Ccodegen-units=3', '--extern', 'dep=libdep.rlib', 'main.rs'], { cwd: dir, env: standIn });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '');
    const run = spawnSync(join(dir, 'main'), { encoding: 'utf8' });
    assert.equal(run.stdout, '[3, 6, 9]\n');
    assert.equal(run.status, 3);
    assert.deepEqual(readdirSync(dir).sort(), ['dep.rs', 'libdep.rlib', 'main', 'main.rs']);
  });
});

test('--emit=link,clif,asm writes main.clif and main.s beside main; --emit=clif alone writes no program', { skip: rustcSkip }, async () => {
  await withDir('cgts-rustc-', (dir) => {
    writeFileSync(join(dir, 'main.rs'), 'fn main() { println!("{}", 6 * 7); }\n');
    let r = cgts(['rustc', '--emit=link,clif,asm', '-Ccodegen-units=2', 'main.rs'], { cwd: dir, env: standIn });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(spawnSync(join(dir, 'main'), { encoding: 'utf8' }).stdout, '42\n');
    const clif = readFileSync(join(dir, 'main.clif'), 'utf8');
    assert.equal([...clif.matchAll(/^; module .*\.rcgu\.o$/gm)].length, 3, clif); // two CGUs and the allocator shim
    assert.match(readFileSync(join(dir, 'main.s'), 'utf8'), /<main>:/);

    r = cgts(['rustc', '--emit=clif', '-o', 'other', 'main.rs'], { cwd: dir, env: standIn });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(existsSync(join(dir, 'other')), false);
    assert.ok(existsSync(join(dir, 'other.clif')));
    r = cgts(['rustc', '--emit=asm=listing.txt', 'main.rs'], { cwd: dir, env: standIn });
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(join(dir, 'listing.txt'), 'utf8'), /file format elf64-x86-64/);
  });
});

test('rustc\'s diagnostics and exit status come through unchanged', { skip: rustcSkip }, async () => {
  await withDir('cgts-rustc-', (dir) => {
    writeFileSync(join(dir, 'bad.rs'), 'fn main() { let x: u32 = "no"; }\n');
    const ours = cgts(['rustc', 'bad.rs'], { cwd: dir, env: standIn });
    const theirs = spawnSync('rustc', ['bad.rs'], { cwd: dir, encoding: 'utf8' });
    assert.equal(ours.status, 1);
    assert.equal(ours.status, theirs.status);
    assert.equal(ours.stderr, theirs.stderr);
    assert.match(ours.stderr, /error\[E0308\]: mismatched types/);
    const missing = cgts(['rustc', 'nonexistent.rs'], { cwd: dir });
    assert.equal(missing.status, spawnSync('rustc', ['nonexistent.rs'], { cwd: dir }).status);
    const noRustc = cgts(['rustc', 'bad.rs'], { cwd: dir, env: { CGTS_RUSTC: join(dir, 'no-rustc') } });
    assert.equal(noRustc.status, 1);
    assert.equal(noRustc.stderr, `cgts: error: cannot run '${join(dir, 'no-rustc')}': not found (install Rust, or set CGTS_RUSTC)\n`);
  });
});

test('a module cgts cannot compile: rustc reports the link failure with the cgts error line; no output, no temporary files', { skip: rustcSkip }, async () => {
  await withDir('cgts-rustc-', (dir) => {
    writeFileSync(join(dir, 'main.rs'), 'fn main() {}\n');
    const r = cgts(['rustc', 'main.rs'], { cwd: dir, env: { CGTS_COMPILE_WITH: join(projectRoot, 'dist', 'test', 'driver', 'fake-compile.js'), CGTS_TEST_FAKE: 'fail', TMPDIR: dir } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /error: linking with `[^`]*bin\/cgts-link` failed: exit status: 1/);
    assert.match(r.stderr, /cgts: error: main\.main\.[0-9a-f]+-cgu\.0\.rcgu\.o: cannot compile function f: instruction %3 = frobnicate i32 %1/);
    assert.equal(existsSync(join(dir, 'main')), false);
    // A library: cgts rustc itself reports the member it could not compile.
    writeFileSync(join(dir, 'dep.rs'), 'pub fn one() -> u8 { 1 }\n');
    const lib = cgts(['rustc', '--crate-type=rlib', 'dep.rs'], { cwd: dir, env: { CGTS_COMPILE_WITH: join(projectRoot, 'dist', 'test', 'driver', 'fake-compile.js'), CGTS_TEST_FAKE: 'fail', TMPDIR: dir } });
    assert.equal(lib.status, 1);
    assert.match(lib.stderr, /^cgts: error: .*\/libdep\.rlib\(dep\.dep\.[0-9a-f]+-cgu\.0\.rcgu\.o\): cannot compile function f: instruction %3 = frobnicate i32 %1\n$/);
    // rustc itself leaves its .rcgu.o files behind when the link fails, as with any failing linker.
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cgts-link-')), []);
  });
});

test('the user\'s -C linker is the one the shim runs; shim messages reach cgts rustc\'s stderr while rustc holds the linker\'s', { skip: rustcSkip }, async () => {
  await withDir('cgts-rustc-', (dir) => {
    writeFileSync(join(dir, 'main.rs'), 'fn main() { println!("linked"); }\n');
    const rec = join(dir, 'my-cc');
    writeFileSync(rec, `#!/bin/sh\necho "$@" > "${join(dir, 'my-cc.args')}"\nexec cc "$@"\n`);
    spawnSync('chmod', ['+x', rec]);
    const r = cgts(['rustc', `-Clinker=${rec}`, 'main.rs'], { cwd: dir, env: { ...standIn, CGTS_KEEP_TEMPS: '1', TMPDIR: dir } });
    assert.equal(r.status, 0, r.stderr);
    const kept = r.stderr.match(/^cgts: keeping temporary files in (.*)$/m);
    assert.ok(kept, r.stderr);
    const args = readFileSync(join(dir, 'my-cc.args'), 'utf8');
    assert.ok(args.includes(kept[1] + '/'), 'the linker got the compiled objects');
    assert.doesNotMatch(args, /plugin-opt/);
    assert.equal(spawnSync(join(dir, 'main'), { encoding: 'utf8' }).stdout, 'linked\n');
  });
});

test('plain rustc with -Clinker=bin/cgts-link (no cgts rustc, node found on the PATH)', { skip: rustcSkip }, async () => {
  await withDir('cgts-rustc-', (dir) => {
    writeFileSync(join(dir, 'main.rs'), 'fn main() { println!("{}", (1..=10).sum::<u32>()); }\n');
    const env: NodeJS.ProcessEnv = { ...process.env, ...standIn, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
    delete env.CGTS_NODE;
    delete env.CGTS_EMIT;
    const r = spawnSync('rustc', ['-Clinker-plugin-lto', `-Clinker=${shimPath()}`, '-Ccodegen-units=2', 'main.rs'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(spawnSync(join(dir, 'main'), { encoding: 'utf8' }).stdout, '55\n');
  });
});

test('library outputs: a staticlib for C, cargo-style --out-dir and extra-filename, and --emit=clif alone on an rlib', { skip: rustcSkip }, async () => {
  await withDir('cgts-rustc-', (dir) => {
    writeFileSync(join(dir, 'clib.rs'), '#[no_mangle]\npub extern "C" fn triple(x: i32) -> i32 { x.wrapping_mul(3) }\n');
    let r = cgts(['rustc', '--crate-type=staticlib', '-Cpanic=abort', 'clib.rs'], { cwd: dir, env: standIn });
    assert.equal(r.status, 0, r.stderr);
    const lib = readArchive(readFileSync(join(dir, 'libclib.a')));
    assert.ok(lib.members.every((m) => !(m.data[0] === 0x42 && m.data[1] === 0x43)), 'no bitcode member is left');
    writeFileSync(join(dir, 'main.c'), '#include <stdio.h>\nint triple(int);\nint main(void) { printf("%d\\n", triple(14)); return 0; }\n');
    const cc = spawnSync('cc', ['main.c', 'libclib.a', '-o', 'cmain', '-lpthread', '-ldl', '-lm'], { cwd: dir, encoding: 'utf8' });
    assert.equal(cc.status, 0, cc.stderr);
    assert.equal(spawnSync(join(dir, 'cmain'), { encoding: 'utf8' }).stdout, '42\n');

    writeFileSync(join(dir, 'dep.rs'), 'pub fn two() -> u8 { 2 }\n');
    mkdirSync(join(dir, 'deps'));
    r = cgts(['rustc', '--crate-name', 'dep', '--crate-type', 'lib', '--emit=dep-info,metadata,link', '--out-dir', join(dir, 'deps'), '-C', 'extra-filename=-0123abcd', '--error-format=json', 'dep.rs'], { cwd: dir, env: standIn });
    assert.equal(r.status, 0, r.stderr);
    const rlib = readArchive(readFileSync(join(dir, 'deps', 'libdep-0123abcd.rlib')));
    assert.ok(rlib.members.some((m) => isElf(m.data)) && rlib.members.every((m) => m.name === 'lib.rmeta' || isElf(m.data)));

    r = cgts(['rustc', '--crate-type=rlib', '--emit=clif', 'dep.rs'], { cwd: dir, env: standIn });
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(join(dir, 'libdep.clif'), 'utf8'), /^; module .*libdep\.rlib\(dep\.dep\.[0-9a-f]+-cgu\.0\.rcgu\.o\)$/m);
    assert.equal(existsSync(join(dir, 'libdep.rlib')), false, 'without link in --emit there is no rlib');
  });
});

test('--emit=obj gives a native object under rustc\'s names: -o, obj=PATH, crate name and extra-filename, -o with several kinds', { skip: rustcSkip }, async () => {
  await withDir('cgts-rustc-', (dir) => {
    writeFileSync(join(dir, 'k-lib.rs'), '#![no_std]\n#[no_mangle]\npub extern "C" fn k(x: i32) -> i32 { x.wrapping_add(100) }\n');
    writeFileSync(join(dir, 'main.c'), '#include <stdio.h>\nint k(int);\nint main(void) { printf("%d\\n", k(23)); return 0; }\n');
    mkdirSync(join(dir, 'out'));
    const base = ['--crate-type=lib', '-Cpanic=abort'];
    const cases: [string[], string][] = [
      [['--emit=obj'], 'k-lib.o'],
      [['--emit=obj', '-o', 'named.o'], 'named.o'],
      [['--emit=obj=out/explicit.o,metadata'], 'out/explicit.o'],
      [['--emit', 'obj', '--crate-name', 'kk', '-C', 'extra-filename=-5a5a', '--out-dir', 'out'], 'out/kk-5a5a.o'],
      [['--emit=obj,metadata', '-o', 'out/multi.bin'], 'out/multi.o'],
    ];
    for (const [flags, obj] of cases) {
      const r = cgts(['rustc', ...base, ...flags, 'k-lib.rs'], { cwd: dir, env: standIn });
      assert.equal(r.status, 0, `${flags.join(' ')}: ${r.stderr}`);
      assert.ok(isElf(readFileSync(join(dir, obj))), `${obj} is an ELF object (${flags.join(' ')})`);
      const cc = spawnSync('cc', ['main.c', obj, '-o', 'prog'], { cwd: dir, encoding: 'utf8' });
      assert.equal(cc.status, 0, cc.stderr);
      assert.equal(spawnSync(join(dir, 'prog'), { encoding: 'utf8' }).stdout, '123\n');
    }
  });
});

test('the progress descriptor reaches cgts rustc\'s stderr; the jobserver descriptors named in CARGO_MAKEFLAGS reach rustc', async () => {
  await withDir('cgts-rustc-', (dir) => {
    const fake = join(dir, 'fake-rustc');
    writeFileSync(fake, '#!/bin/sh\necho "jobserver fd intact" >&3\neval "echo progress line >&$CGTS_PROGRESS_FD"\nexit 7\n');
    spawnSync('chmod', ['+x', fake]);
    // Descriptors 3 and 4 stand for the jobserver pipe cargo passes.
    const r = spawnSync('sh', ['-c', `exec "$0" "$1" rustc x.rs 3>"$2" 4>/dev/null`, process.execPath, join(projectRoot, 'bin', 'cgts.js'), join(dir, 'fd3')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CGTS_RUSTC: fake, CARGO_MAKEFLAGS: '-j --jobserver-fds=3,4 --jobserver-auth=3,4' },
    });
    assert.equal(r.status, 7, 'rustc\'s exit status');
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'progress line\n');
    assert.equal(readFileSync(join(dir, 'fd3'), 'utf8'), 'jobserver fd intact\n');
  });
});
