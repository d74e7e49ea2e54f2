import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile, parseFunction, parseDataValue } from '../../src/ir/parser.js';
import { Op, opcodeNames } from '../../src/ir/opcodes.js';
import { I8, I16, I32, I64, I128, F32, F64, parseType, typeName } from '../../src/ir/types.js';
import { CallConv, IntCC, FloatCC, MemFlag, AtomicRmwOp, TrapCode, ParamFlag } from '../../src/ir/immediates.js';
import { GlobalValueKind, Function } from '../../src/ir/function.js';
import { CgtsError } from '../../src/support/diag.js';

/** The first instruction in layout order whose opcode is `op`. */
function find(f: Function, op: number, nth = 0): number {
  for (let b = f.firstBlock; b >= 0; b = f.blockNext[b]) {
    for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) if (f.instOp[i] === op && nth-- === 0) return i;
  }
  throw new Error(`no ${opcodeNames[op]}`);
}

function imm64(f: Function, i: number): bigint {
  return (BigInt(f.instImm1[i] >>> 0) << 32n) | BigInt(f.instImm0[i] >>> 0);
}

function errorOf(text: string, file = 't.clif'): string {
  try {
    parseClifFile(text, file);
  } catch (e) {
    assert.ok(e instanceof CgtsError, `expected a CgtsError, got ${e}`);
    return e.describe();
  }
  assert.fail('expected a parse error');
}

test('header lines, signatures and the default calling convention', () => {
  const file = parseClifFile(
    `test interpret
test run
set opt_level=speed
set enable_llvm_abi_extensions ; trailing comment
target x86_64 has_avx has_sse41=false
set preserve_frame_pointers
target aarch64

function %a(i32 uext, i64 sext, i64 vmctx, i64 sret, i64 sarg(24)) -> i8 sext, f64 {
block0(v0: i32, v1: i64, v2: i64, v3: i64, v4: i64):
    v5 = iconst.i8 1
    v6 = f64const 0x1.0p0
    return v5, v6
}

function u1:7() tail {
block0:
    return
}
`,
    'h.clif',
  );
  assert.deepEqual(file.tests.map((t) => t.name), ['interpret', 'run']);
  assert.deepEqual(file.settings, [['opt_level', 'speed'], ['enable_llvm_abi_extensions', 'true']]);
  assert.equal(file.targets.length, 2);
  assert.equal(file.targets[0].isa, 'x86_64');
  assert.deepEqual(file.targets[0].flags, ['has_avx', 'has_sse41=false']);
  assert.equal(file.targets[1].settings.length, 3, 'the second target also gets the later set line');
  const [a, u] = file.functions;
  assert.equal(a.func.name, 'a');
  assert.equal(a.line, 9);
  const sig = a.func.signature;
  assert.equal(sig.callConv, CallConv.SystemV, 'test run makes system_v the default');
  assert.deepEqual(sig.params.map((p) => p.type), [I32, I64, I64, I64, I64]);
  assert.equal(sig.params[0].flags, ParamFlag.Uext);
  assert.equal(sig.params[1].flags, ParamFlag.Sext);
  assert.equal(sig.params[2].flags, ParamFlag.Vmctx);
  assert.equal(sig.params[3].flags, ParamFlag.Sret);
  assert.equal(sig.params[4].flags >>> ParamFlag.SargShift, 24);
  assert.deepEqual(sig.returns.map((p) => p.type), [I8, F64]);
  assert.equal(u.func.name, 'u1:7');
  assert.equal(u.func.signature.callConv, CallConv.Tail);

  const plain = parseFunction('function %f() {\nblock0:\n  return\n}');
  assert.equal(plain.signature.callConv, CallConv.Fast, 'without test run the default is fast');
});

test('values and blocks are renumbered densely; written names and lines are kept', () => {
  const pf = parseClifFile(
    `function %f(i32) -> i32 {
block7(v10: i32):
    v20 = iconst.i32 2
    brif v10, block3(v20), block9

block9:
    jump block3(v10)

block3(v30: i32):
    v40 = iadd v30, v10
    return v40
}`,
    'r.clif',
  ).functions[0];
  const f = pf.func;
  assert.equal(f.numValues, 4);
  assert.deepEqual(pf.valueNames, ['v10', 'v20', 'v30', 'v40']);
  assert.deepEqual(pf.blockNames, ['block7', 'block3', 'block9']);
  assert.equal(f.entryBlock(), 0);
  assert.deepEqual(Array.from(pf.instLines), [3, 4, 7, 10, 11]);
  const add = find(f, Op.iadd);
  assert.deepEqual([f.arg(add, 0), f.arg(add, 1)], [2, 0]);
  assert.equal(f.valueType[f.result(add)], I32);
  const br = find(f, Op.brif);
  const p = f.blockCallAt(br, 0);
  assert.deepEqual(Array.from(f.callPool.subarray(p, p + 3)), [1, 1, 1]);
  assert.equal(f.callPool[f.blockCallAt(br, 1)], 2);
  // layout order is the text order
  assert.deepEqual([f.firstBlock, f.blockNext[0], f.blockNext[2]], [0, 2, 1]);
});

test('forward references inside a function and aliases resolve', () => {
  const f = parseFunction(`function %g(i64) -> i64 {
block0(v0: i64):
    jump block2

block1:
    v5 = iadd.i64 v3, v4
    return v5

block2:
    v3 = iconst.i64 7
    v4 -> v6
    v6 -> v0
    jump block1
}`);
  const add = find(f, Op.iadd);
  assert.equal(f.valueType[f.arg(add, 0)], I64);
  assert.equal(f.arg(add, 0), f.result(find(f, Op.iconst)));
  assert.equal(f.arg(add, 1), f.blockParam(0, 0), 'v4 -> v6 -> v0');
});

test('integer immediates: unsigned and negative spellings of the same bits, ranges per type', () => {
  const f = parseFunction(`function %k() {
block0:
    v0 = iconst.i8 255
    v1 = iconst.i8 0xff
    v2 = iconst.i8 -1
    v3 = iconst.i64 0xffff_ffff
    v4 = iconst.i64 -1
    v5 = iconst.i16 -32768
    v6 = iconst.i32 100_000
    v7 = iconst.i64 18446744073709551615
    return
}`);
  for (let k = 0; k < 3; k++) assert.equal(imm64(f, find(f, Op.iconst, k)), 0xffn);
  assert.equal(imm64(f, find(f, Op.iconst, 3)), 0xffffffffn);
  assert.equal(imm64(f, find(f, Op.iconst, 4)), 0xffffffffffffffffn);
  assert.equal(imm64(f, find(f, Op.iconst, 5)), 0x8000n);
  assert.equal(imm64(f, find(f, Op.iconst, 6)), 100000n);
  assert.equal(imm64(f, find(f, Op.iconst, 7)), 0xffffffffffffffffn);
  assert.equal(f.instType[find(f, Op.iconst)], I8);
});

test('every operand format reads its Cranelift syntax', () => {
  const f = parseFunction(`function %all(i64, i32, f32, i8x16) -> i32 system_v {
    ss0 = explicit_slot 16, align = 8
    ss1 = explicit_slot 4, key = 3
    gv0 = vmctx
    gv1 = load.i64 notrap aligned readonly gv0+8
    gv2 = iadd_imm.i64 gv1, -16
    gv3 = symbol colocated tls %tlsvar+4
    sig0 = (i32) -> i32 fast
    fn0 = colocated %callee sig0
    fn1 = %other(i64, i64) -> i64, i8
    const0 = 0x000000ff000000fe
    const1 = i32x4 [1 2 3 4]

block0(v0: i64, v1: i32, v2: f32, v3: i8x16):
    @00a4 v4 = iadd v1, v1
    v5 = icmp slt v4, v1
    v6 = fcmp uno v2, v2
    v7 = f32const -0x1.8p1
    v8 = f64const +NaN:0x5
    v9 = vconst.i32x4 [1 -1 0x10 4294967295]
    v10 = vconst.i64x2 0x01
    v11 = vconst.i16x8 const0
    v12 = shuffle v3, v3, [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15]
    v13 = shuffle v3, v3, 0x0f0e
    v14 = extractlane v9, 3
    v15 = insertlane v9, v1, 1
    v16 = load.i32 notrap aligned v0+8
    store little v1, v0-4
    istore8 v1, v0
    v17 = bitcast.i32 v2
    v18 = bitcast.i64 little v0
    v19 = atomic_rmw.i32 little xchg v0, v1
    v20 = atomic_cas v0, v1, v4
    v21 = atomic_load.i64 v0
    atomic_store v1, v0
    v22 = stack_addr.i64 ss0+8
    v23 = global_value.i64 gv1
    v24 = func_addr.i64 fn1
    v25 = call fn0(v4)
    v26, v27 = call fn1(v0, v0)
    v28 = call_indirect sig0, v24(v1)
    v29, v30 = sadd_overflow_cin v1, v1, v5
    v31 = uadd_overflow_trap v1, v1, user7
    trapnz v5, int_ovf
    v32 = select v5, v1, v4
    v33 = uextend.i64 v1
    v34 = fma v2, v2, v2
    v35 = vconst.i8x16 const1
    br_table v1, block1(v4), [block1(v25), block2]

block1(v40: i32) cold:
    return v40

block2:
    trap heap_oob
}`);
  assert.equal(f.signature.callConv, CallConv.SystemV);
  assert.deepEqual(f.stackSlots, [{ size: 16, align: 8, key: -1 }, { size: 4, align: 1, key: 3 }]);
  assert.equal(f.globalValues[1].kind, GlobalValueKind.Load);
  assert.equal(f.globalValues[1].flags, MemFlag.Notrap | MemFlag.Aligned | MemFlag.Readonly);
  assert.equal(f.globalValues[1].offset, 8n);
  assert.equal(f.globalValues[2].offset, -16n);
  assert.equal(f.globalValues[3].name, 'tlsvar');
  assert.ok(f.globalValues[3].tls && f.globalValues[3].colocated);
  assert.equal(f.funcRefs[0].sig, 0);
  assert.equal(f.funcRefs[1].sig, 1, 'an inline signature becomes a new sig');
  assert.equal(f.sigs[1].returns.length, 2);

  const add = find(f, Op.iadd);
  assert.equal(f.instSrcLoc[add], 0xa4);
  assert.equal(f.instImm0[find(f, Op.icmp)], IntCC.Slt);
  assert.equal(f.valueType[f.result(find(f, Op.icmp))], I8);
  assert.equal(f.instImm0[find(f, Op.fcmp)], FloatCC.Uno);
  assert.equal(f.instImm0[find(f, Op.f32const)] >>> 0, 0xc0400000);
  assert.equal(f.instType[find(f, Op.f32const)], F32);
  assert.equal(imm64(f, find(f, Op.f64const)), 0x7ff8000000000005n);

  const c9 = f.constants[f.instImm0[find(f, Op.vconst, 0)]];
  assert.deepEqual(Array.from(c9), [1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
  const c10 = f.constants[f.instImm0[find(f, Op.vconst, 1)]];
  assert.deepEqual(Array.from(c10), [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 'hex is zero-extended, low byte first');
  const c11 = f.constants[f.instImm0[find(f, Op.vconst, 2)]];
  assert.deepEqual(Array.from(c11), [0xfe, 0, 0, 0, 0xff, 0, 0, 0]);
  assert.deepEqual(Array.from(f.constants[f.instImm0[find(f, Op.shuffle, 0)]]), Array.from({ length: 16 }, (_, i) => i));
  assert.deepEqual(Array.from(f.constants[f.instImm0[find(f, Op.shuffle, 1)]]).slice(0, 3), [0x0e, 0x0f, 0]);
  assert.equal(f.instType[find(f, Op.shuffle)], parseType('i8x16'));

  const el = find(f, Op.extractlane);
  assert.equal(f.instImm0[el], 3);
  assert.equal(f.valueType[f.result(el)], I32);
  const ld = find(f, Op.load);
  assert.deepEqual([f.instImm0[ld], f.instImm1[ld], f.instType[ld]], [MemFlag.Notrap | MemFlag.Aligned, 8, I32]);
  const st = find(f, Op.store);
  assert.deepEqual([f.instImm0[st], f.instImm1[st], f.instType[st]], [MemFlag.Little, -4, I32]);
  assert.equal(f.instType[find(f, Op.bitcast, 1)], I64);
  assert.equal(f.instImm0[find(f, Op.bitcast, 1)], MemFlag.Little);
  const rmw = find(f, Op.atomic_rmw);
  assert.deepEqual([f.instImm0[rmw], f.instImm1[rmw]], [MemFlag.Little, AtomicRmwOp.Xchg]);
  assert.equal(f.instType[find(f, Op.atomic_cas)], I32, 'typed from the expected value');
  const sa = find(f, Op.stack_addr);
  assert.deepEqual([f.instImm0[sa], f.instImm1[sa]], [0, 8]);
  assert.equal(f.instImm0[find(f, Op.global_value)], 1);
  const c2 = find(f, Op.call, 1);
  assert.equal(f.instNumResults[c2], 2);
  assert.deepEqual([f.valueType[f.result(c2)], f.valueType[f.result(c2) + 1]], [I64, I8]);
  const ci = find(f, Op.call_indirect);
  assert.equal(f.instArgCount[ci], 2);
  assert.equal(f.arg(ci, 0), f.result(find(f, Op.func_addr)));
  const ov = find(f, Op.sadd_overflow_cin);
  assert.equal(f.instNumResults[ov], 2);
  assert.equal(f.instImm0[find(f, Op.uadd_overflow_trap)], TrapCode.UserBase + 7);
  assert.equal(f.instImm0[find(f, Op.trapnz)], TrapCode.IntegerOverflow);
  assert.equal(f.instType[find(f, Op.select)], I32);
  assert.equal(f.valueType[f.result(find(f, Op.uextend))], I64);
  const bt = find(f, Op.br_table);
  assert.equal(f.instImm1[bt], 3, 'default plus two table entries');
  assert.equal(f.blockCold[1], 1);
  assert.equal(f.instImm0[find(f, Op.trap)], TrapCode.HeapOutOfBounds);
});

test('controlling types: explicit where required, inferred from the typevar operand otherwise', () => {
  const f = parseFunction(`function %t(i16, f64) {
block0(v0: i16, v1: f64):
    v2 = iadd.i16 v0, v0
    v3 = bmask.i64 v0
    v4 = fneg v1
    v5 = splat.i16x8 v0
    v6 = vany_true v5
    return
}`);
  assert.equal(typeName(f.instType[find(f, Op.iadd)]), 'i16');
  assert.equal(f.valueType[f.result(find(f, Op.bmask))], I64);
  assert.equal(f.instType[find(f, Op.fneg)], F64);
  assert.equal(typeName(f.valueType[f.result(find(f, Op.splat))]), 'i16x8');
  assert.equal(f.valueType[f.result(find(f, Op.vany_true))], I8);
  const g = parseFunction(`function %s(i128) {
block0(v0: i128):
    v1, v2 = isplit v0
    v3 = iconcat v1, v2
    return
}`);
  assert.equal(g.valueType[g.result(find(g, Op.isplit))], I64);
  assert.equal(g.valueType[g.result(find(g, Op.iconcat))], I128);
});

test('extending vector loads take their result type from the opcode', () => {
  const f = parseFunction(`function %x(i64) -> i32x4 {
block0(v0: i64):
    v1 = uload8x8 v0
    v2 = sload16x4 notrap v0+8
    v3 = uload32x2.i64x2 v0
    return v2
}`);
  assert.equal(typeName(f.valueType[f.result(find(f, Op.uload8x8))]), 'i16x8');
  assert.equal(typeName(f.valueType[f.result(find(f, Op.sload16x4))]), 'i32x4');
  assert.equal(f.instImm1[find(f, Op.sload16x4)], 8);
  assert.equal(typeName(f.valueType[f.result(find(f, Op.uload32x2))]), 'i64x2');
});

test('run and print directives belong to the function they follow and are typed by its signature', () => {
  const file = parseClifFile(
    `test run
; run: %ignored() == 1
function %f(i8, i16) -> i32 {
block0(v0: i8, v1: i16):
    ; run: %f(1, 1) == 2
    v2 = iconst.i32 0
    return v2
}
; run: %f(255, -1) == -1
; run: %f(0x7f, 0x8000) != 0 ; a trailing comment
;   print: %f(0, 0)
; runs are not directives when the word continues: running
; this is just a comment

function %g() -> i8, f32, i32x4 {
block0:
    v0 = iconst.i8 0
    v1 = f32const 0.0
    v2 = vconst.i32x4 [0 0 0 0]
    return v0, v1, v2
}
; run: %g() == [1, -0x1.8p1, [1 2 3 4]]

function %h() -> i8 {
block0:
    v0 = iconst.i8 1
    return v0
}
; run
; print

function %v() -> i16x8 {
block0:
    v0 = vconst.i16x8 0x01
    return v0
}
; run: %v() == [1 0 0 0 0 0 0 -1]
; run: %v() == 0x0001
`,
    'run.clif',
  );
  const [f, g, h, v] = file.functions;
  assert.equal(f.runs.length, 4);
  assert.deepEqual(f.runs.map((r) => r.line), [5, 9, 10, 11]);
  const r1 = f.runs[1];
  assert.equal(r1.kind, 'run');
  assert.equal(r1.compare, '==');
  assert.equal(r1.funcName, 'f');
  assert.deepEqual(r1.args, [{ type: I8, bits: 255n }, { type: I16, bits: 0xffffn }]);
  assert.deepEqual(r1.expected, [{ type: I32, bits: 0xffffffffn }]);
  assert.equal(f.runs[2].compare, '!=');
  assert.equal(f.runs[3].kind, 'print');
  assert.equal(f.runs[3].column, 1);
  assert.ok(f.comments.some((c) => c.text.includes('just a comment')));

  assert.deepEqual(g.runs[0].expected, [
    { type: I8, bits: 1n },
    { type: F32, bits: 0xc0400000n },
    { type: parseType('i32x4'), bits: (4n << 96n) | (3n << 64n) | (2n << 32n) | 1n },
  ]);
  assert.deepEqual(h.runs.map((r) => [r.kind, r.compare, r.args.length]), [['run', 'bare', 0], ['print', 'bare', 0]]);
  assert.equal(v.runs[0].expected[0].bits, (0xffffn << 112n) | 1n);
  assert.equal(v.runs[1].expected[0].bits, 1n);
});

test('parseDataValue reads run-line values of a given type', () => {
  assert.deepEqual(parseDataValue('-1', I32), { type: I32, bits: 0xffffffffn });
  assert.deepEqual(parseDataValue('0x1.8p1', F64), { type: F64, bits: 0x4008000000000000n });
  assert.deepEqual(parseDataValue('[1 2]', parseType('i64x2')), { type: parseType('i64x2'), bits: (2n << 64n) | 1n });
  assert.deepEqual(parseDataValue('0xffffffff_ffffffff_00000000_00000000', I128), { type: I128, bits: 0xffffffffffffffffn << 64n });
});

test('errors name file:line:column and the problem', () => {
  const fn = (body: string, sig = '(i32) -> i32') => `function %e${sig} {\nblock0(v0: i32):\n${body}\n}\n`;
  assert.equal(errorOf(fn('    v1 = frobnicate v0\n    return v1')), "t.clif:3:10: unknown opcode 'frobnicate'");
  assert.equal(errorOf(fn('    v1 = iadd v0\n    return v1')), "t.clif:4:5: expected ',' between operands, found 'return'");
  assert.equal(errorOf(fn('    v1 = iadd v0, v7\n    return v1')), 't.clif:3:19: undefined value v7');
  assert.equal(errorOf(fn('    jump block4')), 't.clif:3:10: undefined block block4');
  assert.equal(errorOf(fn('    v1 = iconst.i33 1\n    return v1')), "t.clif:3:17: expected a type, found 'i33'");
  assert.equal(errorOf(fn('    v1 = iconst.i8 256\n    return v1')), "t.clif:3:20: integer '256' is out of range for i8");
  assert.equal(errorOf(fn('    v1 = iconst.i8 -129\n    return v1')), "t.clif:3:20: integer '-129' is out of range for i8");
  assert.equal(
    errorOf(fn('    v1 = f32const 1.5\n    return v1')),
    "t.clif:3:19: decimal float '1.5' is not allowed; write it in hex, e.g. 0x1.8p1 for 3.0",
  );
  assert.equal(errorOf('function %u(i32) {\nblock0(v0: i32):\n    return\n'), 't.clif:4:1: unterminated function %u: missing \'}\'');
  assert.equal(errorOf(fn('    v0 = iconst.i32 1\n    return v0')), 't.clif:3:5: duplicate definition of v0');
  assert.equal(errorOf(fn('    return v0\nblock0:\n    return v0')), 't.clif:4:1: duplicate definition of block0');
  assert.equal(
    errorOf('function %d() {\n    ss0 = explicit_slot 4\n    ss0 = explicit_slot 8\nblock0:\n    return\n}'),
    't.clif:3:5: duplicate definition of ss0',
  );
  assert.equal(errorOf(fn('    v1 = iconst v0\n    return v1')), "t.clif:3:10: 'iconst' needs a type suffix, e.g. 'iconst.i32'");
  assert.equal(errorOf(fn('    v1, v2 = iadd v0, v0\n    return v1')), "t.clif:3:14: 'iadd' produces 1 result, but 2 are named");
  assert.equal(
    errorOf(fn('    v1 = iadd v2, v0\n    v2 = iconst.i32 1\n    return v1')),
    "t.clif:3:10: type variable required for polymorphic opcode, e.g. 'iadd.i32'; can't infer from v2 which is not yet defined",
  );
  assert.equal(errorOf(fn('    v1 = call fn0(v0)\n    return v1')), 't.clif:3:15: undefined fn0');
  assert.equal(errorOf(fn('    return v0') + '; run: %e(1, 2) == 3\n'), 't.clif:5:14: too many arguments: %e takes 1');
  assert.equal(errorOf(fn('    return v0') + '; run: %e(1.5) == 3\n'), "t.clif:5:11: expected an integer of type i32, found the float '1.5'");
  assert.equal(errorOf('block0:\n'), "t.clif:1:1: expected 'function', 'test', 'set' or 'target', found 'block0'");
});
