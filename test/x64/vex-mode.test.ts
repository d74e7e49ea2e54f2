// VEX mode: functions whose ISA flags include AVX are written in VEX
// encodings throughout (no legacy SSE instruction), functions without it
// exactly as before (no VEX instruction), whether the flags come from the
// target line or from the function itself (LLVM's per-function target-features).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseClifFile } from '../../src/ir/parser.js';
import { compileObject } from '../../src/x64/compile.js';
import type { Function } from '../../src/ir/function.js';
import { hasWideValues } from '../../src/ir/legalize-wide.js';

const AVX = ['has_avx', 'has_avx2', 'has_fma'];
// (simd-fma.clif needs FMA for its vector fma: it is compiled in the last test)
const FILES = readdirSync('filetests').filter((n) => /^(simd-|float-|fcvt|bitcast)/.test(n) && n !== 'simd-fma.clif').map((n) => join('filetests', n));

/** objdump's instructions (mnemonic and operands) of each function in the object compiled from `funcs`. */
function listing(funcs: Function[], isaFlags: string[], abi = false): Map<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-vex-'));
  try {
    writeFileSync(join(dir, 'f.o'), compileObject(funcs, { isaFlags: new Set(isaFlags), llvmAbiExtensions: abi, multiRetImplicitSret: abi }));
    const text = execFileSync('objdump', ['-d', '-M', 'intel', '--no-show-raw-insn', join(dir, 'f.o')], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const out = new Map<string, string[]>();
    let cur: string[] | null = null;
    for (const line of text.split('\n')) {
      const h = /^[0-9a-f]+ <(.*)>:$/.exec(line);
      if (h) { cur = []; out.set(h[1]!, cur); continue; }
      const m = /^\s+[0-9a-f]+:\s+(.*)$/.exec(line);
      if (m && cur) cur.push(m[1]!.trim());
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isVex = (ins: string) => /^v[a-z0-9]+/.test(ins);
const usesXmm = (ins: string) => /\b[xy]mm\d/.test(ins);

test('without AVX no VEX instruction; with AVX no legacy SSE instruction', () => {
  let vexCount = 0;
  for (const file of FILES) {
    const parsed = parseClifFile(readFileSync(file, 'utf8'), file);
    const funcs = parsed.functions.map((p) => p.func);
    const abi = parsed.settings.some(([k]) => k.startsWith('enable_'));
    for (const [name, ins] of listing(funcs, [], abi)) {
      const bad = ins.filter(isVex);
      assert.deepEqual(bad, [], `${file} ${name} without AVX`);
    }
    for (const [name, ins] of listing(funcs, AVX, abi)) {
      const bad = ins.filter((s) => usesXmm(s) && !isVex(s));
      assert.deepEqual(bad, [], `${file} ${name} with AVX`);
      vexCount += ins.filter(isVex).length;
    }
  }
  assert.ok(vexCount > 1000, `VEX instructions written: ${vexCount}`);
});

test("a function's own ISA flags select VEX for it alone", () => {
  const text = `
function %plain(i32x4, i32x4) -> i32x4 {
block0(v0: i32x4, v1: i32x4):
  v2 = iadd v0, v1
  return v2
}
function %avx(i32x4, i32x4) -> i32x4 {
block0(v0: i32x4, v1: i32x4):
  v2 = iadd v0, v1
  return v2
}`;
  const funcs = parseClifFile('test compile\ntarget x86_64\n' + text, 'f.clif').functions.map((p) => p.func);
  funcs[1]!.isaFlags = ['has_avx'];
  const l = listing(funcs, []);
  assert.deepEqual(l.get('plain')!.filter(usesXmm), ['paddd  xmm0,xmm1']);
  assert.deepEqual(l.get('avx')!.filter(usesXmm), ['vpaddd xmm0,xmm0,xmm1']);
});

test('with AVX2, 256-bit vectors stay whole in YMM registers, with vzeroupper before every call and return', () => {
  for (const file of ['filetests/simd-avx2.clif', 'filetests/simd-fma.clif']) {
    const funcs = parseClifFile(readFileSync(file, 'utf8'), file).functions.map((p) => p.func);
    const wide = new Set(funcs.filter((f) => hasWideValues(f)).map((f) => f.name));
    assert.ok(wide.size > 0, file);
    for (const [name, ins] of listing(funcs, AVX)) {
      const ymm = ins.some((s) => /\bymm\d/.test(s));
      assert.equal(ymm, wide.has(name), `${file} ${name}: YMM registers used`);
      ins.forEach((s, k) => {
        if (/^(ret|call|jmp\s+[0-9a-f]+ <[^+>]*>$)/.test(s) && !/^jmp\s+[0-9a-f]+ <[^>]*\+/.test(s)) {
          assert.equal(ins[k - 1] === 'vzeroupper', wide.has(name), `${file} ${name}: before '${s}'`);
        }
      });
    }
    // without AVX2 the same functions are split into 128-bit halves
    for (const [name, ins] of listing(funcs, ['has_avx', 'has_fma'])) {
      assert.ok(!ins.some((s) => /\bymm\d/.test(s) || s === 'vzeroupper'), `${file} ${name} without AVX2`);
    }
  }
});
