// Printer details checked against LLVM's documented text forms: float
// constants (APFloat's 6-digit form or hex bits), name quoting, string
// escapes, attribute spellings, and the normalization rules used by the
// oracle comparison.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFloat, quoteName } from '../../src/bitcode/printer.js';
import { attrString, escapeString } from '../../src/bitcode/attributes.js';
import { AttrKindTag, TypeKind, type Attr } from '../../src/bitcode/module.js';
import { normalizeLL } from '../../src/bitcode/normalize.js';

function doubleBits(v: number): bigint {
  const d = new DataView(new ArrayBuffer(8));
  d.setFloat64(0, v);
  return d.getBigUint64(0);
}
function floatBits(v: number): bigint {
  const d = new DataView(new ArrayBuffer(4));
  d.setFloat32(0, v);
  return BigInt(d.getUint32(0));
}

test('double constants: short decimals when they read back exactly, hex otherwise', () => {
  const D = (v: number) => formatFloat(TypeKind.Double, doubleBits(v));
  assert.equal(D(1.5), '1.500000e+00');
  assert.equal(D(0), '0.000000e+00');
  assert.equal(D(-0), '-0.000000e+00');
  assert.equal(D(0.3), '3.000000e-01');
  assert.equal(D(-1e100), '-1.000000e+100');
  assert.equal(D(3.14159), '3.141590e+00');
  // 9.857 has 4 digits, but APFloat's truncating conversion gives 9.85699: hex (as llvm-dis prints it).
  assert.equal(D(9.857), '0x4023B6C8B4395810');
  assert.equal(D(Math.PI), '0x400921FB54442D18');
  assert.equal(D(Infinity), '0x7FF0000000000000');
  assert.equal(D(-Infinity), '0xFFF0000000000000');
  assert.equal(D(NaN), '0x7FF8000000000000');
  // Hex is written without leading zeros (format_hex with width 0).
  assert.equal(formatFloat(TypeKind.Double, 0x0010000000000000n), '0x10000000000000');
  assert.equal(formatFloat(TypeKind.Double, 0x000fffffffffffffn), '0xFFFFFFFFFFFFF');
});

test('float constants print as the equivalent double', () => {
  const F = (v: number) => formatFloat(TypeKind.Float, floatBits(v));
  assert.equal(F(1.5), '1.500000e+00');
  assert.equal(F(0.1), '0x3FB99999A0000000');
  assert.equal(F(-2), '-2.000000e+00');
  assert.equal(F(Infinity), '0x7FF0000000000000');
  assert.equal(formatFloat(TypeKind.Float, 0x7fc00000n), '0x7FF8000000000000');
});

test('half, bfloat and fp128 use their letter prefixes', () => {
  assert.equal(formatFloat(TypeKind.Half, 0x3c00n), '0xH3C00');
  assert.equal(formatFloat(TypeKind.BFloat, 0x3f80n), '0xR3F80');
  // fp128 1.0: high word 0x3FFF000000000000, low word 0; LLVM prints low word first.
  assert.equal(formatFloat(TypeKind.Fp128, 0x3fffn << 112n), '0xL00000000000000003FFF000000000000');
});

test('names are quoted unless they are plain identifiers', () => {
  assert.equal(quoteName('main'), 'main');
  assert.equal(quoteName('_ZN4core3fmt5write17h0E'), '_ZN4core3fmt5write17h0E');
  assert.equal(quoteName('a.b-c_d'), 'a.b-c_d');
  assert.equal(quoteName('_ZN$LT$T$GT$'), '"_ZN$LT$T$GT$"');
  assert.equal(quoteName('0abc'), '"0abc"');
  assert.equal(quoteName('core::fmt'), '"core::fmt"');
  assert.equal(quoteName('a"b'), '"a\\22b"');
});

test('string escapes: printable ASCII kept, backslash doubled, the rest as \\XX', () => {
  assert.equal(escapeString('hello, world'), 'hello, world');
  assert.equal(escapeString('a\\b'), 'a\\\\b');
  assert.equal(escapeString('q"\n\x00\xff'), 'q\\22\\0A\\00\\FF');
});

function attr(tag: AttrKindTag, kind: number, int = 0n, extra: Partial<Attr> = {}): Attr {
  return { tag, kind, key: '', value: '', int, type: -1, width: 0, ranges: [], ...extra };
}

test('attribute spellings', () => {
  const ty = (t: number) => `[${t} x i8]`;
  assert.equal(attrString(attr(AttrKindTag.Int, 1, 8n), ty), 'align 8');
  assert.equal(attrString(attr(AttrKindTag.Int, 33, 2n), ty), 'uwtable');
  assert.equal(attrString(attr(AttrKindTag.Int, 33, 1n), ty), 'uwtable(sync)');
  assert.equal(attrString(attr(AttrKindTag.Int, 51, (0n << 32n) | 0xffffffffn), ty), 'allocsize(0)');
  assert.equal(attrString(attr(AttrKindTag.Int, 82, 1n | 16n | 32n), ty), 'allockind("alloc,zeroed,aligned")');
  // memory: 2 bits per location (argmem, inaccessiblemem, errnomem, other, ...), bit 56 marks the layout.
  const mem = (v: bigint) => attrString(attr(AttrKindTag.Int, 86, (1n << 56n) | v), ty);
  assert.equal(mem(0n), 'memory(none)');
  assert.equal(mem(3n), 'memory(argmem: readwrite)');
  assert.equal(mem(2n | (2n << 2n)), 'memory(argmem: write, inaccessiblemem: write)');
  assert.equal(mem(0xfffn), 'memory(readwrite)');
  assert.equal(attrString(attr(AttrKindTag.Int, 102, 0n), ty), 'captures(none)');
  assert.equal(attrString(attr(AttrKindTag.Int, 102, 0x33n), ty), 'captures(address)');
  assert.equal(attrString(attr(AttrKindTag.Int, 102, 0x30n), ty), 'captures(address, ret: none)');
  assert.equal(attrString(attr(AttrKindTag.Type, 29, 0n, { type: 24 }), ty), 'sret([24 x i8])');
  assert.equal(attrString(attr(AttrKindTag.ConstantRange, 92, 0n, { width: 8, ranges: [-1n, 2n] }), ty), 'range(i8 -1, 2)');
  assert.equal(attrString(attr(AttrKindTag.Enum, 15), ty), 'nonlazybind');
  assert.equal(attrString(attr(AttrKindTag.StringValue, 0, 0n, { key: 'target-cpu', value: 'x86-64' }), ty), '"target-cpu"="x86-64"');
});

test('normalizeLL: comments and summaries dropped; metadata kept; types sorted; attribute groups renumbered', () => {
  const a = [
    '; ModuleID = \'a.bc\'',
    '%B = type { i8 }',
    '%A = type { i32 }',
    '',
    'define void @f() #3 !dbg !7 {',
    'start:',
    '  call void @g(), !dbg !9',
    '    #dbg_declare(ptr %x, !10, !DIExpression(), !11)',
    '  br label %bb1',
    '',
    'bb1:                                              ; preds = %start',
    '  ret void',
    '}',
    'declare void @g() #1',
    'attributes #1 = { nounwind }',
    'attributes #3 = { uwtable }',
    '',
    '!llvm.module.flags = !{!0}',
    '',
    '!0 = !{i32 8, !"PIC Level", i32 2}',
    '!1 = !DINamespace(name: "{closure_env#3}", scope: null)',
    '^0 = module: (path: "a.bc", hash: (0, 0, 0, 0, 0))',
  ].join('\n');
  const b = [
    '%A = type { i32 }',
    '%B = type { i8 }',
    'define void @f() #0 !dbg !7 {',
    'start:',
    '  call void @g(), !dbg !9',
    '    #dbg_declare(ptr %x, !10, !DIExpression(), !11)',
    '  br label %bb1',
    'bb1:',
    '  ret void',
    '}',
    'declare void @g() #5',
    'attributes #0 = { uwtable }',
    'attributes #5 = { nounwind }',
    '!llvm.module.flags = !{!0}',
    '!0 = !{i32 8, !"PIC Level", i32 2}',
    '!1 = !DINamespace(name: "{closure_env#3}", scope: null)',
  ].join('\n');
  assert.equal(normalizeLL(a), normalizeLL(b));
  assert.equal(
    normalizeLL(a),
    [
      '%A = type { i32 }', '%B = type { i8 }', 'define void @f() #0 !dbg !7 {', 'start:', '  call void @g(), !dbg !9',
      '    #dbg_declare(ptr %x, !10, !DIExpression(), !11)', '  br label %bb1',
      'bb1:', '  ret void', '}', 'declare void @g() #1', '!llvm.module.flags = !{!0}', '!0 = !{i32 8, !"PIC Level", i32 2}',
      '!1 = !DINamespace(name: "{closure_env#3}", scope: null)',
      'attributes #0 = { uwtable }', 'attributes #1 = { nounwind }', '',
    ].join('\n'),
  );
  // A real difference survives normalization, in code and in metadata.
  assert.notEqual(normalizeLL(a), normalizeLL(b.replace('ret void', 'unreachable')));
  assert.notEqual(normalizeLL(a), normalizeLL(b.replace('{ uwtable }', '{ nounwind }')));
  assert.notEqual(normalizeLL(a), normalizeLL(b.replace(', !dbg !9', ', !dbg !8')));
  assert.notEqual(normalizeLL(a), normalizeLL(b.replace('!DIExpression()', '!DIExpression(DW_OP_deref)')));
  assert.notEqual(normalizeLL(a), normalizeLL(b.replace('PIC Level', 'PIE Level')));
});
