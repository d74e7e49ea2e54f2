// x86-stdarch-intrinsics.txt against the translation table and against the
// stdarch source the installed rustc ships (rust-docs), so that the list is
// what core::arch::x86_64 declares and the table covers all of it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { x86IntrinsicNames } from '../../src/translate/x86-intrinsics.js';
import { FAMILIES, installedStdarch, readList, scanStdarch } from './x86-stdarch.js';

test('every name on the stdarch list is in the table, or marked n/a with a reason and absent', () => {
  const table = new Set(x86IntrinsicNames());
  const list = readList();
  const names = new Set<string>();
  for (const e of list) {
    assert.ok(FAMILIES.includes(e.family), `${e.name}: unknown family ${e.family}`);
    assert.ok(!names.has(e.name), `${e.name} is listed twice`);
    names.add(e.name);
    if (e.na) assert.ok(!table.has(`llvm.x86.${e.name}`), `${e.name} is marked n/a (${e.na}) but the table has it`);
    else assert.ok(table.has(`llvm.x86.${e.name}`), `${e.name} (${e.family}) is not in the table`);
  }
  for (const n of table) assert.ok(names.has(n.slice('llvm.x86.'.length)), `${n} is in the table but not on the list`);
  // the per-family counts the README gives
  const count = (f: string) => list.filter((e) => e.family === f && !e.na).length;
  assert.deepEqual(
    Object.fromEntries(FAMILIES.map((f) => [f, count(f)])),
    { sse: 29, sse2: 45, sse3: 1, ssse3: 6, sse41: 11, sse42: 18, avx: 31, avx2: 39, fma: 0, bmi1: 2, bmi2: 6, abm: 0,
      pclmulqdq: 1, aes: 6, sha: 7, rdrand: 6, rdtsc: 2, adx: 4, xsave: 1 });
  assert.equal(list.filter((e) => !e.na).length, 215);
});

const src = installedStdarch();
test('the list is what the installed rustc\'s stdarch declares', { skip: src ? false : 'the rust-docs component (stdarch source) is not installed' }, () => {
  const want = scanStdarch(src!).map((e) => `${e.family} ${e.name}`);
  const have = readList().map((e) => `${e.family} ${e.name}`);
  assert.deepEqual(have, want, 'regenerate with npx tsx scripts/x86-stdarch-list.ts and review the diff');
});
