// Register preferences and two-address float code on x86-64: returned values
// computed straight into rax/xmm0, call results used in place in rax, call
// arguments computed into their argument registers, float ops without a
// round trip through xmm15, float constants as RIP-relative operands or xorps.
// Checked in objdump's disassembly and by native runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRuns, disasmByFunction } from './support.js';

/** Instructions (mnemonic and operands, AT&T) of each function, by name. */
function disasm(text: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [name, part] of disasmByFunction(text)) {
    const insts: string[] = [];
    for (const line of part.split('\n').slice(1)) {
      const t = /^\s*[0-9a-f]+:\s+(.*)$/.exec(line);
      if (t) insts.push(t[1].replace(/\s+/g, ' ').trim());
    }
    m.set(name, insts);
  }
  return m;
}

/**
 * The instructions strictly between the prologue (push rbp; mov rsp, rbp, or
 * without a frame pointer the pushes and `sub rsp`) and the first epilogue
 * instruction (`pop %rbp`, or `add rsp`, a pop or `ret`).
 */
function body(insts: string[]): string[] {
  const fp = insts.indexOf('mov %rsp,%rbp');
  if (fp >= 0) {
    const end = insts.indexOf('pop %rbp');
    assert.ok(end > fp, insts.join('\n'));
    return insts.slice(fp + 1, end);
  }
  let start = 0;
  while (start < insts.length && /^(push |sub \$0x\w+,%rsp$)/.test(insts[start])) start++;
  let end = start;
  while (end < insts.length && !/^(pop |ret|add \$0x\w+,%rsp$)/.test(insts[end])) end++;
  assert.ok(end < insts.length, insts.join('\n'));
  return insts.slice(start, end);
}

const INT = `
function %add_ret(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = iadd v0, v1
    return v2
}
; run: %add_ret(40, 2) == 42
; run: %add_ret(-1, 1) == 0

function %sub_ret(i64, i64) -> i64 {
block0(v0: i64, v1: i64):
    v2 = isub v0, v1
    return v2
}
; run: %sub_ret(40, 2) == 38

function %fib(i64) -> i64 {
    fn0 = colocated %fib(i64) -> i64
block0(v0: i64):
    v1 = iconst.i64 2
    v2 = icmp slt v0, v1
    brif v2, block1, block2
block1:
    return v0
block2:
    v3 = iconst.i64 1
    v4 = isub v0, v3
    v5 = call fn0(v4)
    v6 = isub v0, v1
    v7 = call fn0(v6)
    v8 = iadd v5, v7
    return v8
}
; run: %fib(10) == 55
; run: %fib(20) == 6765

function %seven(i64) -> i64 {
block0(v0: i64):
    v1 = iconst.i64 7
    v2 = imul v0, v1
    return v2
}

function %minus_call(i64) -> i64 {
    fn0 = colocated %seven(i64) -> i64
block0(v0: i64):
    v1 = call fn0(v0)
    v2 = isub v0, v1
    return v2
}
; run: %minus_call(3) == -18

function %call_minus(i64) -> i64 {
    fn0 = colocated %seven(i64) -> i64
block0(v0: i64):
    v1 = call fn0(v0)
    v2 = iconst.i64 5
    v3 = isub v1, v2
    v4 = isub v0, v3
    return v4
}
; run: %call_minus(3) == -13
`;

test('a returned sum is computed into rax, with no move before the return', () => {
  const d = disasm(INT);
  assert.deepEqual(body(d.get('add_ret')!), ['lea (%rdi,%rsi,1),%rax']);
  const sub = body(d.get('sub_ret')!);
  assert.equal(sub.length, 2, sub.join('\n'));
  assert.match(sub[sub.length - 1], /^sub %rsi,%rax$/);
});

test('call arguments go straight to their registers and a call result is used in rax', () => {
  const fib = d0().get('fib')!;
  const calls = fib.map((s, k) => (s.startsWith('call') ? k : -1)).filter((k) => k >= 0);
  assert.equal(calls.length, 2);
  // each argument is one lea into rdi
  assert.match(fib[calls[0] - 1], /^lea -0x1\(%r\w+\),%rdi$/);
  assert.match(fib[calls[1] - 1], /^lea -0x2\(%r\w+\),%rdi$/);
  // second result added in rax, then the epilogue
  assert.match(fib[calls[1] + 1], /^add %r\w+,%rax$/);
  assert.match(fib[calls[1] + 2], /^(pop |add \$0x\w+,%rsp$)/);
});

let cached: Map<string, string[]> | undefined;
function d0(): Map<string, string[]> {
  return (cached ??= disasm(INT));
}

test('integer hints: results match natively', async () => {
  await checkRuns(INT);
});

const FLOAT = `
function %fma_like(f64, f64, f64) -> f64 {
block0(v0: f64, v1: f64, v2: f64):
    v3 = fmul v0, v1
    v4 = fadd v3, v2
    return v4
}
; run: %fma_like(0x1.8p1, 0x1.0p1, 0x1.0p0) == 0x1.cp2

function %rsub(f64, f64) -> f64 {
block0(v0: f64, v1: f64):
    v2 = fsub v1, v0
    return v2
}
; run: %rsub(0x1.0p0, 0x1.0p3) == 0x1.cp2

function %rdiv(f32, f32) -> f32 {
block0(v0: f32, v1: f32):
    v2 = fdiv v1, v0
    return v2
}
; run: %rdiv(0x1.0p2, 0x1.0p0) == 0x1.0p-2

function %consts(f64) -> f64 {
block0(v0: f64):
    v1 = f64const 0x1.8p1
    v2 = fmul v0, v1
    v3 = f64const 0.0
    v4 = fadd v2, v3
    v5 = f64const 0x1.8p1
    v6 = fsub v4, v5
    return v6
}
; run: %consts(0x1.0p1) == 0x1.8p1

function %const_first(f32) -> f32 {
block0(v0: f32):
    v1 = f32const 0x1.0p3
    v2 = fsub v1, v0
    v3 = fadd v1, v2
    return v3
}
; run: %const_first(0x1.0p0) == 0x1.ep3

function %loop(i64) -> f64 {
block0(v0: i64):
    v1 = iconst.i64 0
    v2 = f64const 0.0
    jump block1(v1, v2)
block1(v3: i64, v4: f64):
    v5 = fcvt_from_sint.f64 v3
    v6 = f64const 0x1.0p-1
    v7 = fmul v5, v6
    v8 = fadd v4, v7
    v9 = iconst.i64 1
    v10 = iadd v3, v9
    v11 = icmp slt v10, v0
    brif v11, block1(v10, v8), block2
block2:
    return v8
}
; run: %loop(4) == 0x1.8p1
; run: %loop(1) == 0.0
`;

test('float ops are two-address on their homes, without xmm15 copies', () => {
  const d = disasm(FLOAT);
  assert.deepEqual(body(d.get('fma_like')!), ['mulsd %xmm1,%xmm0', 'addsd %xmm2,%xmm0']);
  for (const [name, insts] of d) {
    for (const s of insts) assert.doesNotMatch(s, /xmm15/, `${name}: ${s}`);
  }
  // b - a: computed where b was, then moved to the return register
  assert.deepEqual(body(d.get('rsub')!), ['subsd %xmm0,%xmm1', 'movaps %xmm1,%xmm0']);
});

test('float constants are RIP-relative operands; 0.0 is xorps', () => {
  const d = disasm(FLOAT);
  const c = body(d.get('consts')!);
  assert.ok(c.every((s) => !s.startsWith('movabs') && !s.startsWith('movq')), c.join('\n'));
  assert.ok(c.some((s) => /^mulsd 0x[0-9a-f]+\(%rip\),%xmm0/.test(s)), c.join('\n'));
  assert.ok(c.some((s) => /^subsd 0x[0-9a-f]+\(%rip\),%xmm0/.test(s)), c.join('\n'));
  const loop = body(d.get('loop')!);
  assert.ok(loop.some((s) => /^xorps (%xmm\d+),\1$/.test(s)), loop.join('\n'));
  assert.ok(loop.every((s) => !s.startsWith('movabs')), loop.join('\n'));
});

test('float ops and constants: results match natively', async () => {
  await checkRuns(FLOAT);
});
