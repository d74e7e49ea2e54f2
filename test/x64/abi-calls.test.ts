// Return values beyond the return registers (implicit return area), tail calls
// (return_call, return_call_indirect) and the signatures the x86-64 back end
// rejects as Cranelift does. Runs CLIF in the interpreter and natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { runText } from '../../src/filetest/runner.js';
import { runNative } from '../../src/filetest/native.js';
import { parseClifFile } from '../../src/ir/parser.js';
import { compileObject } from '../../src/x64/compile.js';
import { CgtsError } from '../../src/support/diag.js';

const haveCc = spawnSync('cc', ['--version']).status === 0;

async function runBoth(text: string): Promise<void> {
  const lines: string[] = [];
  const r = await runText(text, 'abi-calls.clif', { mode: 'test', interpOnly: false, out: (l) => lines.push(l), native: runNative });
  assert.equal(r.failed, 0, lines.join('\n'));
  assert.ok(r.passed > 0, 'run lines executed');
}

const MULTI_RET = `
function %five(i64) -> i64, i64, i64, i64, i64 {
block0(v0: i64):
    v5 = iconst.i64 1
    v1 = iadd v0, v5
    v2 = iadd v1, v5
    v3 = iadd v2, v5
    v4 = iadd v3, v5
    return v0, v1, v2, v3, v4
}
function %use_five(i64) -> i64 {
    fn0 = %five(i64) -> i64, i64, i64, i64, i64
block0(v0: i64):
    v1, v2, v3, v4, v5 = call fn0(v0)
    v14 = iconst.i64 10
    v6 = imul v2, v14
    v15 = imul v14, v14
    v7 = imul v3, v15
    v16 = imul v15, v14
    v8 = imul v4, v16
    v17 = imul v16, v14
    v9 = imul v5, v17
    v10 = iadd v1, v6
    v11 = iadd v10, v7
    v12 = iadd v11, v8
    v13 = iadd v12, v9
    return v13
}
; run: %use_five(0) == 43210
; run: %use_five(1) == 54321
function %floats3(f64, f64, f64) -> f64, f64, f64, i8 uext {
block0(v0: f64, v1: f64, v2: f64):
    v3 = iconst.i8 -1
    return v2, v1, v0, v3
}
; run: %floats3(0x1.0p0, 0x2.0p0, 0x3.0p0) == [0x3.0p0, 0x2.0p0, 0x1.0p0, -1]
function %wide_mix(i64, i64, i64, i64, i64, i64, i64, i128) -> i128, i64, i128, i32 {
block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64, v7: i128):
    v8 = iadd v0, v6
    v9 = iconcat v1, v2
    v10 = ireduce.i32 v5
    return v7, v8, v9, v10
}
; run: %wide_mix(1, 2, 3, 4, 5, 6, 7, 0x1234) == [0x1234, 8, 0x30000000000000002, 6]
function %call_wide_mix(i64) -> i64 {
    fn0 = %wide_mix(i64, i64, i64, i64, i64, i64, i64, i128) -> i128, i64, i128, i32
block0(v0: i64):
    v1 = iconst.i64 7
    v2 = iconcat v0, v1
    v3, v4, v5, v6 = call fn0(v0, v0, v1, v0, v0, v1, v0, v2)
    v7, v8 = isplit v3
    v9, v10 = isplit v5
    v11 = sextend.i64 v6
    v12 = iadd v7, v8
    v13 = iadd v12, v4
    v14 = iadd v13, v9
    v15 = iadd v14, v10
    v16 = iadd v15, v11
    return v16
}
; run: %call_wide_mix(100) == 421`;

test('more returns than return registers go through the implicit return area', { skip: !haveCc && 'cc not installed' }, async () => {
  await runBoth(`test interpret\ntest run\nset enable_multi_ret_implicit_sret\nset enable_llvm_abi_extensions\ntarget x86_64\n${MULTI_RET}`);
});

const TAIL = `
function %rc_callee(i64, i32 sext, f64) -> i64 tail {
block0(v0: i64, v1: i32, v2: f64):
    v3 = sextend.i64 v1
    v4 = fcvt_to_sint.i64 v2
    v5 = iadd v0, v3
    v6 = iadd v5, v4
    return v6
}
function %rc_caller(i64) -> i64 tail {
    fn0 = %rc_callee(i64, i32 sext, f64) -> i64 tail
block0(v0: i64):
    v1 = iconst.i32 -3
    v2 = f64const 0x1.0p5
    return_call fn0(v0, v1, v2)
}
; run: %rc_caller(10) == 39
function %rc_saved(i64) -> i64 tail {
    fn0 = %rc_callee(i64, i32 sext, f64) -> i64 tail
block0(v0: i64):
    v1 = iconst.i32 1
    v2 = f64const 0x1.0p1
    v3 = call fn0(v0, v1, v2)
    v4 = call fn0(v3, v1, v2)
    v5 = iadd v3, v4
    v6 = ireduce.i32 v0
    brif v0, block1, block2
block1:
    return v5
block2:
    v7 = func_addr.i64 fn0
    return_call_indirect sig0, v7(v5, v6, v2)
}
; run: %rc_saved(0) == 11
; run: %rc_saved(5) == 19
function %rc_sysv(i64) -> i64 {
    fn0 = %rc_saved(i64) -> i64 tail
block0(v0: i64):
    return_call fn0(v0)
}
; run: %rc_sysv(0) == 11`;

test('return_call and return_call_indirect with register arguments', { skip: !haveCc && 'cc not installed' }, async () => {
  await runBoth(`test interpret\ntest run\ntarget x86_64\n${TAIL}`);
});

function compileError(clif: string, opts: { llvmAbiExtensions?: boolean; multiRetImplicitSret?: boolean } = {}): string {
  const funcs = parseClifFile(clif, 'reject.clif').functions.map((p) => p.func);
  try {
    compileObject(funcs, opts);
  } catch (e) {
    assert.ok(e instanceof CgtsError, `a CgtsError, not ${String(e)}`);
    return e.message;
  }
  assert.fail('compiled without error');
}

test('signatures Cranelift rejects are clear errors, and accepted with the flag that allows them', () => {
  const i128Param = 'function %f(i128) -> i64 {\nblock0(v0: i128):\n    v1 = ireduce.i64 v0\n    return v1\n}';
  assert.match(compileError(i128Param), /i128 needs `set enable_llvm_abi_extensions`/);
  compileObject(parseClifFile(i128Param, 'ok.clif').functions.map((p) => p.func), { llvmAbiExtensions: true });
  const i128Ret = 'function %f(i64) -> i128 {\nblock0(v0: i64):\n    v1 = uextend.i128 v0\n    return v1\n}';
  assert.match(compileError(i128Ret), /i128 needs/);
  const three = 'function %f(i64) -> i64, i64, i64 {\nblock0(v0: i64):\n    return v0, v0, v0\n}';
  assert.match(compileError(three), /too many return values .*enable_multi_ret_implicit_sret/);
  // with the LLVM extensions rcx is a third integer return register
  compileObject(parseClifFile(three, 'ok.clif').functions.map((p) => p.func), { llvmAbiExtensions: true });
  assert.match(compileError(three.replace('i64, i64, i64 {', 'i64, i64, i64, i64 {').replace('v0, v0, v0', 'v0, v0, v0, v0'), { llvmAbiExtensions: true }), /too many return values/);
  const floats = 'function %f(f64) -> f64, f64, f64 {\nblock0(v0: f64):\n    return v0, v0, v0\n}';
  assert.match(compileError(floats, { llvmAbiExtensions: true }), /too many return values/);
  compileObject(parseClifFile(floats, 'ok.clif').functions.map((p) => p.func), { multiRetImplicitSret: true });
  assert.match(compileError('function %f(i64 sret) -> i64 {\nblock0(v0: i64):\n    return v0\n}'), /sret parameter cannot also have return values/);
  assert.match(compileError('function %f(i64) -> i64 apple_aarch64 {\nblock0(v0: i64):\n    return v0\n}'), /apple_aarch64 is not supported/);
  // windows_fastcall: i128 and f128 need the LLVM extensions, as in Cranelift
  assert.match(compileError('function %f(f128) -> i64 windows_fastcall {\nblock0(v0: f128):\n    v1 = iconst.i64 0\n    return v1\n}'), /f128 parameters on windows_fastcall need/);
  const stackArgs = `function %g(i64, i64, i64, i64, i64, i64, i64) -> i64 tail {
block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64):
    return v6
}
function %f(i64) -> i64 tail {
    fn0 = %g(i64, i64, i64, i64, i64, i64, i64) -> i64 tail
block0(v0: i64):
    return_call fn0(v0, v0, v0, v0, v0, v0, v0)
}`;
  assert.match(compileError(stackArgs), /return_call with arguments on the stack is not supported yet/);
});
