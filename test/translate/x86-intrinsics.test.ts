// The llvm.x86.* table against LLVM: per feature group, one generated .ll
// module of wrappers is translated by cgts and run in the CLIF interpreter on
// edge inputs, and compiled by llc-22 and called natively from a C harness;
// the results must agree bit for bit (rcp/rsqrt: within the architectural bound).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModule } from '../../src/bitcode/reader.js';
import { translateModule } from '../../src/translate/module.js';
import { x86IntrinsicNames } from '../../src/translate/x86-intrinsics.js';
import { interpret } from '../../src/ir/interpreter.js';
import { hasWideValues, legalizeWide } from '../../src/ir/legalize-wide.js';
import { verifyFunction } from '../../src/ir/verifier.js';
import { CgtsError } from '../../src/support/diag.js';
import { CASES, GROUPS, MACHINE, buildGroup, harness, hexLE, sizeOf, type Wrapper } from './x86-intrinsics-cases.js';
import { readList } from './x86-stdarch.js';

const cpuFlags = new Set((readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? '').trim().split(/\s+/));

function fromHexLE(s: string): bigint {
  let v = 0n;
  for (let i = s.length - 2; i >= 0; i -= 2) v = (v << 8n) | BigInt(parseInt(s.slice(i, i + 2), 16));
  return v;
}

/** Runs every wrapper natively; returns results per wrapper per run. */
function runNative(dir: string, group: string, ll: string, wrappers: Wrapper[]): bigint[][] {
  const llPath = join(dir, `${group}.ll`), obj = join(dir, `${group}.o`), exe = join(dir, group);
  writeFileSync(llPath, ll);
  execFileSync('llc-22', ['-O0', '-filetype=obj', `-mattr=${GROUPS[group]!.mattr}`, llPath, '-o', obj]);
  const c = harness(wrappers);
  writeFileSync(join(dir, `${group}.c`), c);
  execFileSync('cc', ['-O1', '-o', exe, join(dir, `${group}.c`), obj]);
  const lines = execFileSync(exe, { maxBuffer: 1 << 26 }).toString().trim().split('\n');
  const res: bigint[][] = [];
  let li = 0;
  for (const w of wrappers) res.push(w.inputs.map(() => fromHexLE(lines[li++]!)));
  return res;
}

/** Whether f32 lane results agree within rcp/rsqrt's architectural bound (special values exactly). */
function approxEqual(a: bigint, b: bigint, lanes: number): boolean {
  const dv = new DataView(new ArrayBuffer(4));
  for (let i = 0; i < lanes; i++) {
    const x = Number((a >> BigInt(32 * i)) & 0xffffffffn), y = Number((b >> BigInt(32 * i)) & 0xffffffffn);
    if (x === y) continue;
    dv.setUint32(0, x); const fx = dv.getFloat32(0);
    dv.setUint32(0, y); const fy = dv.getFloat32(0);
    if (!Number.isFinite(fx) || !Number.isFinite(fy) || fx === 0 || fy === 0) return false;
    if (Math.abs(fx - fy) > Math.abs(fy) * 2 ** -11) return false;
  }
  return true;
}

test('every table entry has a test: a differential case, or a machine-state check', () => {
  const table = new Set(x86IntrinsicNames());
  const tested = new Set([...CASES.map((c) => `llvm.x86.${c.name}`), ...MACHINE.split(' ').map((n) => `llvm.x86.${n}`)]);
  for (const n of table) assert.ok(tested.has(n), `${n} has no test case`);
  for (const n of tested) assert.ok(table.has(n), `${n} is tested but not in the table`);
  // the table holds exactly the list's names not marked n/a
  const listed = readList().filter((e) => !e.na).map((e) => `llvm.x86.${e.name}`);
  assert.deepEqual([...table].sort(), listed.sort());
});

test('names outside the table are translation errors naming the intrinsic and the function', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-x86-'));
  try {
    const cases: [string, string, string[]][] = [
      ['sse4a.extrq', '<2 x i64>', ['<2 x i64>', '<16 x i8>']],
      ['vsha512rnds2', '<4 x i64>', ['<4 x i64>', '<4 x i64>', '<2 x i64>']],
      ['xsave', 'void', ['ptr', 'i32', 'i32']],
    ];
    for (const [name, ret, ps] of cases) {
      const ll = `declare ${ret} @llvm.x86.${name}(${ps.join(', ')})\n` +
        `define ${ret} @f(${ps.map((p, j) => `${p} %a${j}`).join(', ')}) {\n` +
        `  ${ret === 'void' ? '' : '%r = '}call ${ret} @llvm.x86.${name}(${ps.map((p, j) => `${p} %a${j}`).join(', ')})\n` +
        `  ret ${ret === 'void' ? 'void' : `${ret} %r`}\n}\n`;
      writeFileSync(join(dir, 'u.ll'), ll);
      execFileSync('llvm-as-22', [join(dir, 'u.ll'), '-o', join(dir, 'u.bc')]);
      const m = readModule(readFileSync(join(dir, 'u.bc')), 'u.bc');
      assert.throws(() => translateModule(m), (e: unknown) => {
        assert.ok(e instanceof CgtsError);
        const text = `${(e as CgtsError).message} ${String((e as { where?: string }).where ?? '')}`;
        assert.ok(text.includes(`llvm.x86.${name}`), text);
        assert.match(text, /function f/);
        return true;
      }, name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every table entry: cgts (CLIF interpreter) against llc-22 -O0 (native), edge inputs, bit for bit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-x86-'));
  const failures: string[] = [];
  let runs = 0, wrappersN = 0;
  const skipped: string[] = [];
  try {
    for (const group of Object.keys(GROUPS)) {
      if (!cpuFlags.has(GROUPS[group]!.cpu)) { skipped.push(group); continue; }
      const { ll, wrappers } = buildGroup(group, 24, group.length * 7919 + group.charCodeAt(0));
      const llPath = join(dir, `${group}.ll`), bc = join(dir, `${group}.bc`);
      writeFileSync(llPath, ll);
      execFileSync('llvm-as-22', [llPath, '-o', bc]);
      // the intrinsics must reach cgts as written (llvm-as must not upgrade them into other IR)
      const dis = execFileSync('llvm-dis-22', [bc, '-o', '-'], { maxBuffer: 1 << 26 }).toString();
      for (const w of wrappers) assert.ok(dis.includes(`@${w.intrinsic}(`), `${w.intrinsic} was rewritten by llvm-as`);
      const native = runNative(dir, group, ll, wrappers);
      const cm = translateModule(readModule(readFileSync(bc), `${group}.bc`));
      // 256-bit values split into 128-bit halves, as functions without AVX2 are compiled
      cm.funcs = cm.funcs.map((f) => (hasWideValues(f) ? legalizeWide(f) : f));
      const index = new Map(cm.funcs.map((f, i) => [f.name, i]));
      wrappers.forEach((w, k) => {
        const fi = index.get(w.fn)!;
        const f = cm.funcs[fi]!;
        const errs = verifyFunction(f);
        if (errs.length) { failures.push(`${w.intrinsic} ${w.imms}: verifier: ${errs[0]!.message}`); return; }
        wrappersN++;
        w.inputs.forEach((vals, r) => {
          runs++;
          // 256-bit vectors are two 128-bit parameters / results (low half first)
          const args: { type: number; bits: bigint }[] = [];
          vals.forEach((v, j) => {
            if (sizeOf(w.argTypes[j]!) === 32) {
              const mask = (1n << 128n) - 1n;
              args.push({ type: f.signature.params[args.length]!.type, bits: v & mask });
              args.push({ type: f.signature.params[args.length]!.type, bits: (v >> 128n) & mask });
            } else args.push({ type: f.signature.params[args.length]!.type, bits: v });
          });
          let got: bigint;
          try {
            const rs = interpret(cm.funcs, fi, args);
            got = rs.length === 2 && sizeOf(w.ret) === 32 ? rs[0]!.bits | (rs[1]!.bits << 128n) : rs[0]!.bits;
          } catch (e) {
            failures.push(`${w.intrinsic} imm=${w.imms}: interpreter: ${(e as Error).message}`);
            return;
          }
          const want = native[k]![r]!;
          const ok = w.kind === 'approx' ? approxEqual(got, want, sizeOf(w.ret) / 4) : got === want;
          if (!ok) {
            failures.push(`${w.intrinsic} imm=[${w.imms}] args=[${vals.map((v, j) => hexLE(v, sizeOf(w.argTypes[j]!))).join(' ')}]` +
              ` cgts=${hexLE(got, sizeOf(w.ret))} llvm=${hexLE(want, sizeOf(w.ret))}`);
          }
        });
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const byName = new Map<string, number>();
  for (const f of failures) byName.set(f.split(' ')[0]!, (byName.get(f.split(' ')[0]!) ?? 0) + 1);
  assert.equal(failures.length, 0,
    `${failures.length} of ${runs} runs differ (${[...byName].map(([n, c]) => `${n}: ${c}`).join(', ')}); first:\n${failures.slice(0, 30).join('\n')}`);
  assert.ok(runs > 5000, `only ${runs} runs`);
  if (skipped.length) console.log(`x86 intrinsics: groups skipped (CPU lacks them): ${skipped.join(' ')}`);
  console.log(`x86 intrinsics: ${wrappersN} wrappers, ${runs} runs compared`);
});
