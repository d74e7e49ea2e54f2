// The link line as rustc 1.95 writes it under -Clinker-plugin-lto (captured
// with a recording linker: test/driver/fixtures/*.args, one argument a line,
// and captured afresh from the installed rustc): which arguments are inputs,
// the output, -plugin-opt removal, and response files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgKind, dropPluginOpts, expandResponseFiles, joinResponseFile, parseLinkLine, splitResponseFile } from '../../src/driver/link-line.js';
import { projectRoot } from './helpers.js';

const fixture = (name: string) => readFileSync(join(projectRoot, 'test', 'driver', 'fixtures', name), 'utf8').trimEnd().split('\n');

function inputsOf(args: string[]): string[] {
  const l = parseLinkLine(args);
  return args.filter((_, i) => l.kinds[i] === ArgKind.Input);
}

/** What every rustc link line must look like to the shim. */
function checkRustcLine(args: string[], output: string, cgus: number): void {
  const line = parseLinkLine(args);
  assert.equal(line.output, output);
  const inputs = inputsOf(args);
  // symbols.o first, then the CGUs, then the allocator shim, then rlibs; nothing else is an input.
  assert.match(inputs[0], /\/symbols\.o$/);
  const objects = inputs.filter((p) => p.endsWith('.rcgu.o'));
  assert.equal(objects.length, cgus + 1, inputs.join('\n'));
  assert.ok(objects.slice(0, cgus).every((p) => /-cgu\.\d+\.rcgu\.o$/.test(p)));
  assert.doesNotMatch(objects[cgus], /-cgu\./); // the allocator shim
  assert.ok(inputs.slice(1 + objects.length).every((p) => p.endsWith('.rlib')), inputs.join('\n'));
  for (const [i, a] of args.entries()) {
    if (a === '-L' || a === '-o') assert.equal(line.kinds[i + 1], ArgKind.Option, `the value of ${a} is not an input`);
    if (a.startsWith('-')) assert.equal(line.kinds[i], ArgKind.Option);
  }
  // -plugin-opt items go, the rest of every -Wl, list stays, and nothing else changes.
  const dropped = dropPluginOpts(args);
  assert.ok(!dropped.some((a) => a.includes('plugin-opt')));
  const removed = args.filter((a) => !dropped.includes(a));
  assert.deepEqual(removed, ['-Wl,-plugin-opt=O0,-plugin-opt=mcpu=x86-64']);
  assert.deepEqual(dropped, args.filter((a) => a !== removed[0]));
}

test('captured rustc link lines: inputs, output, -plugin-opt removal', () => {
  checkRustcLine(fixture('link-hello.args'), 'hello', 1);
  const rlib = fixture('link-rlib-g-cgu4.args');
  checkRustcLine(rlib, 'user', 4);
  assert.ok(inputsOf(rlib).includes('/home/user/proj/libmylib.rlib'));
  const cdylib = fixture('link-cdylib.args');
  assert.equal(parseLinkLine(cdylib).output, 'liblib2.so');
  assert.ok(cdylib.includes('-shared'));
  assert.deepEqual(inputsOf(cdylib).filter((p) => p.endsWith('.o')).length, 3);
  assert.ok(dropPluginOpts(cdylib).includes('-Wl,--version-script=' + cdylib[0].split('=')[1]));
});

test("the installed rustc's link line today", { skip: spawnSync('rustc', ['--version']).status === 0 ? false : 'rustc is not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-linkline-'));
  try {
    const rec = join(dir, 'record.sh');
    writeFileSync(rec, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${join(dir, 'args')}"\n`);
    chmodSync(rec, 0o755);
    writeFileSync(join(dir, 'm.rs'), 'fn main() { println!("{}", std::env::args().count()); }\n');
    const r = spawnSync('rustc', ['-Clinker-plugin-lto', `-Clinker=${rec}`, '-Ccodegen-units=3', '-o', join(dir, 'm'), join(dir, 'm.rs')], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    checkRustcLine(readFileSync(join(dir, 'args'), 'utf8').trimEnd().split('\n'), join(dir, 'm'), 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('-plugin-opt items inside -Wl, lists and after -Xlinker', () => {
  assert.deepEqual(dropPluginOpts(['-Wl,-z,now,-plugin-opt=O0,--gc-sections', '-Wl,--plugin-opt=x', 'a.o']), ['-Wl,-z,now,--gc-sections', 'a.o']);
  assert.deepEqual(dropPluginOpts(['-Xlinker', '-plugin-opt=O2', '-Xlinker', '--as-needed', 'b.o']), ['-Xlinker', '--as-needed', 'b.o']);
  assert.deepEqual(dropPluginOpts(['-Wl,-plugin-optional-thing', '-o', 'out']), ['-Wl,-plugin-optional-thing', '-o', 'out']);
});

test('option values written apart are not inputs; -o joined or apart', () => {
  const args = ['-o', 'prog', '-L', 'dir', '-l', 'm', '-Xlinker', 'x.o', '-z', 'now', 'in.o', '-', '-lfoo', 'lib.a', '-T', 'script.ld'];
  assert.deepEqual(inputsOf(args), ['in.o', 'lib.a']);
  assert.equal(parseLinkLine(args).output, 'prog');
  assert.equal(parseLinkLine(['-oprog2', 'a.o']).output, 'prog2');
  assert.equal(parseLinkLine(['a.o']).output, '');
});

test('response files: GCC quoting rules, and what we write reads back unchanged', () => {
  assert.deepEqual(splitResponseFile('a b\n"c d" \'e f\'\\ g\n  h\\\\i\n'), ['a', 'b', 'c d', 'e f g', 'h\\i']);
  assert.deepEqual(splitResponseFile('"" x'), ['', 'x']);
  // rustc escapes `\` and space with a backslash, one argument a line.
  assert.deepEqual(splitResponseFile('/tmp/with\\ space/a.o\n-Wl,x\\\\y\n'), ['/tmp/with space/a.o', '-Wl,x\\y']);
  const tricky = ['plain', 'with space', "quote'single", 'quote"double', 'back\\slash', '', 'tab\there', 'new\nline', '@not-a-file'];
  assert.deepEqual(splitResponseFile(joinResponseFile(tricky)), tricky);

  const dir = mkdtempSync(join(tmpdir(), 'cgts-rsp-'));
  try {
    writeFileSync(join(dir, 'inner'), 'x.o -o "out put"');
    writeFileSync(join(dir, 'outer'), `a.o @${join(dir, 'inner')} b.o`);
    assert.deepEqual(expandResponseFiles(['-m64', `@${join(dir, 'outer')}`, '@' + join(dir, 'missing')]), ['-m64', 'a.o', 'x.o', '-o', 'out put', 'b.o', '@' + join(dir, 'missing')]);
    writeFileSync(join(dir, 'loop'), `@${join(dir, 'loop')}`);
    assert.throws(() => expandResponseFiles([`@${join(dir, 'loop')}`]), /nested more than 16 deep/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
