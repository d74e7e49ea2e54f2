// try_call / try_call_indirect in the IR: the builder API a translator uses
// gives the same function as the text, the dense storage reads back item by
// item, parse errors are located, and the back end refuses what one landing
// pad per call cannot express with a CgtsError naming the instruction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClifFile, parseFunction } from '../../src/ir/parser.js';
import { printFunction } from '../../src/ir/printer.js';
import { verifyFunction } from '../../src/ir/verifier.js';
import { interpret } from '../../src/ir/interpreter.js';
import { Op } from '../../src/ir/opcodes.js';
import { I32, I64, F64 } from '../../src/ir/types.js';
import { CallConv } from '../../src/ir/immediates.js';
import { Function, ExnItem, retArg, exnArg, type Signature } from '../../src/ir/function.js';
import { compileObject } from '../../src/x64/compile.js';
import { CgtsError } from '../../src/support/diag.js';

const TEXT = `function %lp(i32) -> i32 system_v {
    personality = %rust_eh_personality
    sig0 = (i32) -> i32, f64 system_v
    sig1 = (i64, f64) -> i32 system_v variadic
    fn0 = %callee sig0

block0(v0: i32):
    v1 = iconst.i64 9
    try_call fn0(v0), sig0, block1(ret1, v0, ret0), [ cleanup: block2(exn0, exn1), catch %_ZTIi: block2(exn0, exn1), default: block2(exn0, exn1), filter [%_ZTIi, %_ZTIPKc]: block2(exn0, exn1), filter []: block2(exn0, exn1) ]

block1(v2: f64, v3: i32, v4: i32):
    v5 = func_addr.i64 fn0
    try_call_indirect v5(v4), sig0, block3(ret0), [ context v1, tag7: block2(v1, v1) ]

block2(v6: i64, v7: i64):
    v8 = ireduce.i32 v7
    return v8

block3(v9: i32):
    return v9
}
`;

const sig = (params: number[], returns: number[], variadic = false): Signature => ({
  params: params.map((type) => ({ type, flags: 0 })), returns: returns.map((type) => ({ type, flags: 0 })), callConv: CallConv.SystemV, variadic,
});

test('the builder API builds the same function as the text', () => {
  const f = new Function();
  f.name = 'lp';
  f.signature = sig([I32], [I32]);
  f.personality = 'rust_eh_personality';
  f.sigs.push(sig([I32], [I32, F64]), sig([I64, F64], [I32], true));
  f.funcRefs.push({ name: 'callee', sig: 0, colocated: false, patchable: false });
  const b0 = f.createBlock(), b1 = f.createBlock(), b2 = f.createBlock(), b3 = f.createBlock();
  f.appendBlock(b0);
  const v0 = f.appendBlockParam(b0, I32);
  const c9 = f.appendInst(b0, Op.iconst, I64, [], 9, 0);
  const v1 = f.result(c9);
  const t = f.appendTryCall(b0, Op.try_call, 0, 0, [v0]);
  f.addBlockCall(t, b1, [retArg(1), v0, retArg(0)]);
  const exn = [exnArg(0), exnArg(1)];
  f.addExnHandler(t, ExnItem.Cleanup, 0, b2, exn);
  f.addExnHandler(t, ExnItem.Catch, f.exnSymbol('_ZTIi'), b2, exn);
  f.addExnHandler(t, ExnItem.Default, 0, b2, exn);
  f.addExnHandler(t, ExnItem.Filter, f.addExnFilter([f.exnSymbol('_ZTIi'), f.exnSymbol('_ZTIPKc')]), b2, exn);
  f.addExnHandler(t, ExnItem.Filter, f.addExnFilter([]), b2, exn);
  f.appendBlock(b1);
  f.appendBlockParam(b1, F64);
  f.appendBlockParam(b1, I32);
  const v4 = f.appendBlockParam(b1, I32);
  const fa = f.appendInst(b1, Op.func_addr, I64, [], 0, 0);
  const ti = f.appendTryCall(b1, Op.try_call_indirect, -1, 0, [f.result(fa), v4]);
  f.addBlockCall(ti, b3, [retArg(0)]);
  f.addExnContext(ti, v1);
  f.addExnHandler(ti, ExnItem.Tag, 7, b2, [v1, v1]);
  f.appendBlock(b2);
  f.appendBlockParam(b2, I64);
  const v7 = f.appendBlockParam(b2, I64);
  const r = f.appendInst(b2, Op.ireduce, I32, [v7]);
  f.appendInst(b2, Op.return, 0, [f.result(r)]);
  f.appendBlock(b3);
  const v9 = f.appendBlockParam(b3, I32);
  f.appendInst(b3, Op.return, 0, [v9]);
  assert.deepEqual(verifyFunction(f), []);
  assert.equal(printFunction(f), TEXT);
  // and the text is a fixed point of parse and print
  assert.equal(printFunction(parseFunction(TEXT)), TEXT);
});

test('exception tables read back item by item from the pools', () => {
  const f = parseFunction(TEXT);
  let tc = -1;
  for (let i = f.blockFirstInst[f.firstBlock]; i >= 0; i = f.instNext[i]) if (f.instOp[i] === Op.try_call) tc = i;
  const t = f.exnTable(tc);
  assert.equal(f.exnFuncRef(t), 0);
  assert.equal(f.exnSig(t), 0);
  assert.equal(f.callSignature(tc), f.sigs[0]);
  assert.deepEqual(Array.from({ length: f.exnItemCount(t) }, (_, k) => f.exnItemKind(t, k)),
    [ExnItem.Cleanup, ExnItem.Catch, ExnItem.Default, ExnItem.Filter, ExnItem.Filter]);
  assert.equal(f.exnSymbols[f.exnItemData(t, 1)], '_ZTIi');
  assert.deepEqual(f.exnFilterList(f.exnItemData(t, 3)).map((x) => f.exnSymbols[x]), ['_ZTIi', '_ZTIPKc']);
  assert.deepEqual(f.exnFilterList(f.exnItemData(t, 4)), []);
  // one block call per handler after the normal return
  assert.equal(f.instImm1[tc], 6);
  assert.equal(f.sigs[1].variadic, true);
  assert.equal(f.personality, 'rust_eh_personality');
});

function parseError(text: string): string {
  try {
    parseClifFile(text, 't.clif');
  } catch (e) {
    assert.ok(e instanceof CgtsError, String(e));
    return e.describe();
  }
  assert.fail('expected a parse error');
}

test('parse errors are located and say what was expected', () => {
  const head = 'function %f() system_v {\n    sig0 = () system_v\n    fn0 = %g sig0\nblock0:\n';
  assert.match(parseError(head + '    jump block1(ret0)\nblock1(v0: i32):\n    return\n}'),
    /t\.clif:5:17: .*'ret0' is only allowed in the targets of try_call/);
  assert.match(parseError(head + '    try_call fn0(), sig0, block1, [ catch: block1 ]\nblock1:\n    return\n}'),
    /t\.clif:5:42: .*expected a type-info symbol/);
  assert.match(parseError(head + '    try_call fn0(), sig0, block1, [ finally: block1 ]\nblock1:\n    return\n}'),
    /expected an exception table item/);
  assert.match(parseError(head + '    try_call fn0(), block1, []\nblock1:\n    return\n}'),
    /expected a signature reference like sig0/);
  assert.match(parseError('function %f() {\n    personality = %a\n    personality = %b\nblock0:\n    return\n}'),
    /duplicate personality declaration/);
  assert.match(parseError(head + '    try_call fn0(), sig0, block1, [ context v9 ]\nblock1:\n    return\n}'),
    /t\.clif:5:45: .*undefined value v9/);
});

test('the interpreter runs a try_call as a call and a jump with retN bound', () => {
  const file = parseClifFile(`
function %callee(i32) -> i32, f64 system_v {
block0(v0: i32):
    v1 = iconst.i32 2
    v2 = imul v0, v1
    v3 = f64const 0x1.0p0
    return v2, v3
}
${TEXT}`, 't.clif');
  const funcs = file.functions.map((p) => p.func);
  const out = interpret(funcs, 1, [{ type: I32, bits: 21n }]);
  // block1(ret1, v0, ret0) then the indirect call of callee(ret0 = 42) returns 84
  assert.deepEqual(out, [{ type: I32, bits: 84n }]);
});

function compileError(text: string): string {
  try {
    compileObject([parseFunction(text)]);
  } catch (e) {
    assert.ok(e instanceof CgtsError, String(e));
    return e.describe();
  }
  assert.fail('expected a compile error');
}

test('the back end refuses tags, context values, handlers to different block calls and clauses without a personality', () => {
  const fn = (pers: string, table: string) => `function %f(i64) system_v {
${pers}    sig0 = () system_v
    fn0 = %g sig0
block0(v0: i64):
    try_call fn0(), sig0, block1, ${table}
block1:
    return
block2(v1: i64):
    return
}`;
  const P = '    personality = %rust_eh_personality\n';
  assert.match(compileError(fn(P, '[ tag1: block2(exn0) ]')), /function %f.*exception tag.*try_call in block0/);
  assert.match(compileError(fn(P, '[ default: block2(exn0), context v0 ]')), /exception context value/);
  assert.match(compileError(fn(P, '[ default: block2(exn0), cleanup: block2(exn1) ]')), /one landing pad per call/);
  assert.match(compileError(fn('', '[ default: block2(exn0) ]')), /without a personality/);
  // the same clauses to one block call compile
  assert.ok(compileObject([parseFunction(fn(P, '[ default: block2(exn0), cleanup: block2(exn0), filter []: block2(exn0) ]'))]).length > 0);
});

test('nounwind signatures print and parse back; the interpreter refuses an exception through such a call', () => {
  const text = `function %thrower(i64) system_v {
    sig0 = (i64) system_v
    fn0 = %_Unwind_Resume sig0

block0(v0: i64):
    call fn0(v0)
    return
}

function %quiet_caller(i64) -> i64 system_v {
    personality = %rust_eh_personality
    sig0 = (i64) system_v nounwind
    sig1 = (i64) system_v variadic nounwind
    fn0 = %thrower sig0

block0(v0: i64):
    call fn0(v0)
    return v0
}
`;
  const file = parseClifFile(text, 't.clif');
  assert.equal(file.functions.map((p) => printFunction(p.func)).join('\n'), text);
  const g = file.functions[1].func;
  assert.equal(g.sigs[0].nounwind, true);
  assert.equal(g.sigs[1].variadic && g.sigs[1].nounwind, true);
  assert.throws(() => interpret(file.functions.map((p) => p.func), 1, [{ type: I64, bits: 3n }]),
    (e: unknown) => e instanceof CgtsError && /unwound through a call of a nounwind signature/.test(e.message));
});
