// Calls through `variadic` signatures: %al holds the number of vector
// registers the arguments use (System V), so glibc's printf family reads
// doubles from registers and the stack; output compared with the same calls
// made by C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClifFile } from '../../src/ir/parser.js';
import { printFunction } from '../../src/ir/printer.js';
import { verifyFunction } from '../../src/ir/verifier.js';
import { compileObject } from '../../src/x64/compile.js';
import { repoRoot } from '../bitcode/corpus.js';
import { must, run, tempDir, writeFile } from '../object/tools.js';

const haveCc = spawnSync('cc', ['--version']).status === 0;
const ehDir = join(repoRoot, 'test', 'x64', 'eh');
const CLIF = readFileSync(join(ehDir, 'variadic.clif'), 'utf8');

test('variadic signatures print, parse back and verify', () => {
  const file = parseClifFile(CLIF, 'variadic.clif');
  for (const pf of file.functions) {
    assert.deepEqual(verifyFunction(pf.func, pf), []);
    const text = printFunction(pf.func);
    assert.match(text, /sig0 = \(.*\) -> i32 system_v variadic\n/);
    assert.equal(printFunction(parseClifFile(text, 'again').functions[0].func), text);
    assert.equal(pf.func.sigs[0].variadic, true);
  }
  // the word may follow the parameters directly; a signature without it is not variadic
  const f = parseClifFile('function %g() {\n  sig0 = (i64) variadic\n  sig1 = (i64) system_v\nblock0:\n  return\n}', 'x').functions[0].func;
  assert.equal(f.sigs[0].variadic, true);
  assert.ok(!f.sigs[1].variadic);
});

test('snprintf/printf called from CLIF with many doubles and integers print what C prints', { skip: !haveCc && 'cc not installed' }, () => {
  const dir = tempDir();
  const obj = writeFile(dir, 'v.o', compileObject(parseClifFile(CLIF, 'variadic.clif').functions.map((p) => p.func)));
  const exe = join(dir, 'v');
  must('cc', ['-o', exe, join(ehDir, 'variadic-main.c'), obj]);
  const r = run(exe, []);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.ok(!r.stdout.includes('MISMATCH'), r.stdout);
  assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('1.5 -7 -10 3.1415926535897931')).length, 3, r.stdout);
  // %al is the count of vector-register arguments, right before each call
  const dis = must('objdump', ['-d', obj]);
  const als = [...dis.matchAll(/mov +\$0x([0-9a-f]+),%al\n[^\n]*call/g)].map((m) => parseInt(m[1], 16));
  assert.deepEqual(als, [8, 0, 2]);
});
