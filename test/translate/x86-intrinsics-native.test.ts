// The llvm.x86.* table natively: each feature group's module of wrappers,
// with every function's "target-features" enabling AVX2 and FMA, is compiled
// by cgts (so the code generator writes VEX code and keeps 256-bit vectors in
// YMM registers where it can) and by llc-22 -O0; both objects are called from
// the same C harness on the same edge inputs and must agree bit for bit
// (rcp/rsqrt: within the architectural bound).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileBitcode } from '../../src/driver/pipeline.js';
import { GROUPS, buildGroup, harness, hexLE, sizeOf } from './x86-intrinsics-cases.js';

const cpuFlags = new Set((readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? '').trim().split(/\s+/));
const FEATURES = '+avx,+avx2,+fma,+sse4.1,+sse4.2,+ssse3,+popcnt';

function run(dir: string, name: string, obj: string, c: string): string[] {
  const exe = join(dir, name);
  execFileSync('cc', ['-O1', '-o', exe, c, obj]);
  return execFileSync(exe, { maxBuffer: 1 << 26 }).toString().trim().split('\n');
}

/** Whether f32 lane results (hex, little-endian) agree within rcp/rsqrt's bound (special values exactly). */
function approxEqual(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i += 8) {
    const x = Buffer.from(a.slice(i, i + 8), 'hex').readFloatLE(0), y = Buffer.from(b.slice(i, i + 8), 'hex').readFloatLE(0);
    if (a.slice(i, i + 8) === b.slice(i, i + 8)) continue;
    if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0 || Math.abs(x - y) > Math.abs(y) * 2 ** -11) return false;
  }
  return true;
}

const canRun = cpuFlags.has('avx2') && cpuFlags.has('fma');

test('every table entry compiled natively by cgts with AVX2 and FMA enabled agrees with llc-22', { skip: !canRun && 'the CPU lacks AVX2 or FMA' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-x86n-'));
  const failures: string[] = [];
  let runs = 0, ymmFns = 0;
  try {
    for (const group of Object.keys(GROUPS)) {
      if (!cpuFlags.has(GROUPS[group]!.cpu)) continue;
      const built = buildGroup(group, 12, group.length * 104729 + group.charCodeAt(1));
      const wrappers = built.wrappers;
      // every function enables the features (as #[target_feature(enable = "avx2,fma")] does)
      const ll = built.ll.replace(/^(define [^\n]*\)) \{$/gm, '$1 #0 {') + `\nattributes #0 = { "target-features"="${FEATURES}" }\n`;
      const llPath = join(dir, `${group}.ll`), bc = join(dir, `${group}.bc`), c = join(dir, `${group}.c`);
      writeFileSync(llPath, ll);
      writeFileSync(c, harness(wrappers));
      execFileSync('llvm-as-22', [llPath, '-o', bc]);
      execFileSync('llc-22', ['-O0', '-filetype=obj', `-mattr=${GROUPS[group]!.mattr}`, llPath, '-o', join(dir, `${group}-llc.o`)]);
      writeFileSync(join(dir, `${group}-cgts.o`), compileBitcode(readFileSync(bc), `${group}.bc`).object);
      const dis = execFileSync('objdump', ['-d', '-M', 'intel', '--no-show-raw-insn', join(dir, `${group}-cgts.o`)], { maxBuffer: 1 << 28 }).toString();
      // no legacy SSE instruction anywhere: every XMM/YMM instruction is a VEX one
      for (const line of dis.split('\n')) {
        const m = /^\s+[0-9a-f]+:\s+(\S+)\s+(.*)$/.exec(line);
        if (m && /\b[xy]mm\d/.test(m[2]!) && !m[1]!.startsWith('v')) failures.push(`${group}: legacy SSE instruction '${m[1]} ${m[2]}'`);
      }
      ymmFns += dis.split(/\n(?=[0-9a-f]+ <)/).filter((s) => /^[0-9a-f]+ <w_/.test(s) && /\bymm\d/.test(s)).length;
      const want = run(dir, `${group}-llc`, join(dir, `${group}-llc.o`), c);
      const got = run(dir, `${group}-cgts`, join(dir, `${group}-cgts.o`), c);
      let li = 0;
      for (const w of wrappers) {
        for (const vals of w.inputs) {
          runs++;
          const a = got[li]!, b = want[li]!;
          li++;
          if (a === b || (w.kind === 'approx' && approxEqual(a, b))) continue;
          failures.push(`${w.intrinsic} imm=[${w.imms}] args=[${vals.map((v, j) => hexLE(v, sizeOf(w.argTypes[j]!))).join(' ')}] cgts=${a} llvm=${b}`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(failures.length, 0, `${failures.length} of ${runs} runs differ; first:\n${failures.slice(0, 30).join('\n')}`);
  assert.ok(runs > 2000, `only ${runs} runs`);
  assert.ok(ymmFns > 10, `only ${ymmFns} wrappers use YMM registers`);
  console.log(`x86 intrinsics natively with AVX2/FMA: ${runs} runs compared, ${ymmFns} wrappers with 256-bit values kept whole`);
});
