// ABI cross-calls: cgts-compiled CLIF calling C compiled by cc and C calling
// cgts code, for every System V argument and return shape CLIF can express,
// and windows_fastcall against the C compiler's ms_abi.
// Each group of cases is one linked program; the C side checks every value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCases, haveCc, type AbiCase } from './abi/harness.js';
import { intCases } from './abi/cases-int.js';
import { floatCases } from './abi/cases-float.js';
import { memCases } from './abi/cases-mem.js';
import { fastcallCases } from './abi/cases-fastcall.js';

const groups: [string, AbiCase[]][] = [
  ['integer and i128 arguments and returns', intCases],
  ['float arguments, stack arguments and pair returns', floatCases],
  ['sret, struct pointers, varargs, saved registers and stack alignment', memCases],
  ['windows_fastcall against ms_abi C: positions, stack, vectors by reference, preserved registers', fastcallCases],
];

for (const [title, cases] of groups) {
  test(title, { skip: !haveCc && 'cc not installed' }, async (t) => {
    const verdicts = runCases(cases);
    for (const c of cases) {
      await t.test(c.name, { todo: c.todo }, () => {
        const v = verdicts.get(c.name)!;
        assert.ok(v.ok, v.ok ? '' : v.detail);
      });
    }
  });
}
