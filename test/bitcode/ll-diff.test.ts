// The entity splitter and comparison behind the oracle test, on small
// hand-written modules: it must find each kind of entity and each difference.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareLL, comparisonOk, formatComparison, splitEntities } from './ll-diff.js';

const MODULE = `; ModuleID = 'm.bc'
source_filename = "m.rs"
target triple = "x86_64-unknown-linux-gnu"

%"Wrap<u8>" = type { i8 }

@alloc_1 = private unnamed_addr constant [3 x i8] c"abc", align 1
@"quoted name" = internal global i32 7
@al = alias i32, ptr @"quoted name"

; Function Attrs: nounwind
define internal i32 @f(i32 %x) #0 {
start:
  %y = add i32 %x, 1
  br label %"bb1.i"

"bb1.i":                                          ; preds = %start
  ret i32 %y
}

define void @"g$LT$T$GT$"() {
  ret void
}

declare i32 @printf(ptr, ...)

attributes #0 = { nounwind }

!llvm.ident = !{!0}
!0 = !{!"rustc"}
`;

test('splitEntities finds every top-level entity with a unique key', () => {
  const es = splitEntities(MODULE);
  assert.deepEqual(
    es.map((e) => e.key),
    [
      'header source_filename',
      'header target triple',
      'type %"Wrap<u8>"',
      'global @alloc_1',
      'global @"quoted name"',
      'alias @al',
      'define @f',
      'define @"g$LT$T$GT$"',
      'declare @printf',
      'attributes #0',
      'metadata !llvm.ident',
      'metadata !0',
    ],
  );
  const f = es.find((e) => e.key === 'define @f')!;
  assert.equal(f.lines.length, 8);
  assert.equal(f.lines[f.lines.length - 1], '}');
  assert.equal(f.line, 12);
});

test('identical modules compare equal', () => {
  const c = compareLL(MODULE, MODULE);
  assert.ok(comparisonOk(c));
  assert.deepEqual(c.oracleCounts, { define: 2, declare: 1, global: 2 });
});

test('a changed instruction is reported with its opcode and line', () => {
  const c = compareLL(MODULE, MODULE.replace('add i32 %x, 1', 'add nsw i32 %x, 1'));
  assert.ok(!comparisonOk(c));
  assert.equal(c.differing.length, 1);
  assert.equal(c.differing[0].key, 'define @f');
  assert.equal(c.differing[0].oracleLine, 14);
  assert.deepEqual([...c.kinds], [['add', 1]]);
  const report = formatComparison('m', c);
  assert.match(report, /1 of 12 entities differ/);
  assert.match(report, /llvm +%y = add i32 %x, 1/);
  assert.match(report, /cgts +%y = add nsw i32 %x, 1/);
});

test('missing and extra entities and count mismatches are reported', () => {
  const ours = MODULE.replace('declare i32 @printf(ptr, ...)\n', '').replace('@alloc_1 =', '@alloc_2 =');
  const c = compareLL(MODULE, ours);
  assert.ok(!comparisonOk(c));
  assert.deepEqual(c.onlyOracle, ['global @alloc_1', 'declare @printf']);
  assert.deepEqual(c.onlyOurs, ['global @alloc_2']);
  assert.equal(c.ourCounts.declare, 0);
  assert.match(formatComparison('m', c), /declare 1\/0/);
});

test('a body cut short is a difference at its first missing line', () => {
  const c = compareLL(MODULE, MODULE.replace('  ret i32 %y\n', ''));
  assert.equal(c.differing.length, 1);
  assert.equal(c.differing[0].index, 6);
  assert.deepEqual([...c.kinds], [['ret', 1]]);
});
