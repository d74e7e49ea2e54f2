import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArchive, writeArchive, type ArMember } from '../../src/object/ar.js';
import { DataKind, ElfObject, R, STB, STT } from '../../src/object/elf.js';
import { CgtsError } from '../../src/support/diag.js';
import { addFunction, hex, linkWithC, must, run, tempDir, writeFile } from './tools.js';

function ret(obj: ElfObject, name: string, value: number, bind: number = STB.GLOBAL) {
  return addFunction(obj, name, hex(`b8 ${value.toString(16).padStart(2, '0')} 00 00 00 c3`), bind);
}

function members(): ArMember[] {
  const a = new ElfObject();
  ret(a, 'fn_a', 1);
  const long = new ElfObject();
  ret(long, 'fn_long', 20);
  ret(long, 'weak_sym', 0, STB.WEAK);
  ret(long, 'private_fn', 0, STB.LOCAL);
  // tail call to an undefined function: not an index entry
  const t = addFunction(long, 'calls_out', hex('e9 00000000'));
  long.reloc(t.sec, t.at + 1, R.R_X86_64_PLT32, long.symbol('somewhere_else'), -4);
  const data = long.symbol('long_data');
  long.setSymbolKind(data, STB.GLOBAL, STT.OBJECT);
  const ds = long.dataSection(DataKind.ReadOnly, 'long_data', 4);
  long.data(ds).u32(3);
  long.define(data, ds, 0, 4);
  const c = new ElfObject();
  ret(c, 'fn_c', 3);
  return [
    { name: 'a.o', data: a.finish() },
    { name: 'a_member_with_a_long_name.o', data: long.finish() },
    { name: 'c.o', data: c.finish() },
  ];
}

/** `symbol in member` lines of `nm -s`'s archive index. */
function nmIndex(path: string): string[] {
  const out = must('nm', ['-s', path]);
  const start = out.indexOf('Archive index:\n');
  assert.ok(start >= 0, out);
  const lines: string[] = [];
  for (const l of out.slice(start + 15).split('\n')) {
    if (l === '') break;
    lines.push(l);
  }
  return lines;
}

test('an archive of three objects reads back and satisfies ar, nm and the linker', () => {
  const dir = tempDir();
  const ms = members();
  const bytes = writeArchive(ms);
  const path = writeFile(dir, 'libthree.a', bytes);

  assert.deepEqual(must('ar', ['t', path]).split('\n').filter(Boolean), ms.map((m) => m.name));
  assert.deepEqual(nmIndex(path).sort(), [
    'calls_out in a_member_with_a_long_name.o',
    'fn_a in a.o',
    'fn_c in c.o',
    'fn_long in a_member_with_a_long_name.o',
    'long_data in a_member_with_a_long_name.o',
    'weak_sym in a_member_with_a_long_name.o',
  ]);

  const back = readArchive(bytes);
  assert.deepEqual(back.members.map((m) => m.name), ms.map((m) => m.name));
  for (let i = 0; i < ms.length; i++) assert.deepEqual(back.members[i].data, ms[i].data);
  const owner = new Map(back.members.map((m) => [m.headerOffset, m.name]));
  const index = back.symbols.map((s) => `${s.name} in ${owner.get(s.memberOffset)}`);
  assert.deepEqual(index, nmIndex(path));

  const exe = linkWithC(dir, 'int somewhere_else(void) { return 0; } int fn_a(void), fn_long(void); int main(void) { return fn_a() + fn_long(); }', [path]);
  assert.equal(run(exe, []).status, 21);
  // fn_c's member was not needed, so it was not pulled in.
  assert.doesNotMatch(must('nm', [exe]), /fn_c/);
});

test('non-ELF members (rlib metadata, odd sizes) are kept but not indexed', () => {
  const dir = tempDir();
  const rmeta = new TextEncoder().encode('rust!');
  const ms: ArMember[] = [{ name: 'lib.rmeta', data: rmeta }, ...members().slice(0, 1)];
  const bytes = writeArchive(ms);
  const path = writeFile(dir, 'libmeta.rlib', bytes);
  assert.deepEqual(must('ar', ['t', path]).split('\n').filter(Boolean), ['lib.rmeta', 'a.o']);
  assert.deepEqual(nmIndex(path), ['fn_a in a.o']);
  assert.equal(must('ar', ['p', path, 'lib.rmeta']), 'rust!');
  const back = readArchive(bytes);
  assert.deepEqual(back.members[0].data, rmeta);
  assert.deepEqual(back.members[1].data, ms[1].data);
});

test('a system archive reads like ar sees it, and rewriting it with a replaced member regenerates the index', () => {
  const sys = '/usr/lib/x86_64-linux-gnu/libc_nonshared.a';
  const bytes = new Uint8Array(readFileSync(sys));
  const ar = readArchive(bytes, sys);
  assert.deepEqual(ar.members.map((m) => m.name), must('ar', ['t', sys]).split('\n').filter(Boolean));
  const owner = new Map(ar.members.map((m) => [m.headerOffset, m.name]));
  assert.deepEqual(ar.symbols.map((s) => `${s.name} in ${owner.get(s.memberOffset)}`), nmIndex(sys));

  const dir = tempDir();
  const same = writeFile(dir, 'same.a', writeArchive(ar.members));
  assert.deepEqual(nmIndex(same), nmIndex(sys));

  const replacement = new ElfObject();
  ret(replacement, 'replaced_fn', 9);
  const replacedName = ar.members[0].name;
  const changed = ar.members.map((m, i) => (i === 0 ? { name: m.name, data: replacement.finish() } : m));
  const path = writeFile(dir, 'changed.a', writeArchive(changed));
  const expected = nmIndex(sys).filter((l) => !l.endsWith(` in ${replacedName}`));
  expected.unshift(`replaced_fn in ${replacedName}`);
  assert.deepEqual(nmIndex(path), expected);
});

test('reading something that is not an archive is a user error', () => {
  assert.throws(() => readArchive(new TextEncoder().encode('hello world'), 'x.rlib'), CgtsError);
  const truncated = writeArchive(members()).subarray(0, 100);
  assert.throws(() => readArchive(truncated, 'cut.a'), CgtsError);
});

test('an archive member name written by cgts is read back by ar x', () => {
  const dir = tempDir();
  const ms = members();
  const path = writeFile(dir, 'libx.a', writeArchive(ms));
  must('ar', ['x', path, 'a_member_with_a_long_name.o'], dir);
  assert.deepEqual(new Uint8Array(readFileSync(join(dir, 'a_member_with_a_long_name.o'))), ms[1].data);
});
