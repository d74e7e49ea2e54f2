// core::arch::x86_64 as rustc 1.95 emits it: x86-intrinsics-program.rs built
// natively by rustc -C opt-level=0 and as bitcode translated by cgts and run in
// the CLIF interpreter; drive(seed) must give the same number for every seed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModule } from '../../src/bitcode/reader.js';
import { translateModule } from '../../src/translate/module.js';
import { interpret } from '../../src/ir/interpreter.js';
import { parseFunction } from '../../src/ir/parser.js';
import { I64 } from '../../src/ir/types.js';

function repoFile(rel: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return join(dir, rel);
}

/** memset/memcpy for the interpreter, which resolves calls among the functions it is given. */
const BYTE_LOOP = (name: string, src: string, load: string) => `function %${name}(i64, ${src}, i64) -> i64 system_v {
block0(v0: i64, v1: ${src}, v2: i64):
    v4 = iconst.i64 0
    jump block1(v4)
block1(v5: i64):
    v6 = icmp ult v5, v2
    brif v6, block2, block3
block2:
    ${load}
    v7 = iadd v0, v5
    store v3, v7
    v8 = iconst.i64 1
    v9 = iadd v5, v8
    jump block1(v9)
block3:
    return v0
}`;

const cpu = readFileSync('/proc/cpuinfo', 'utf8');
const needed = ['sse4_2', 'avx2', 'bmi1', 'bmi2', 'pclmulqdq', 'aes', 'sha_ni'];
const missing = needed.filter((f) => !new RegExp(`^flags\\s*:.*\\b${f}\\b`, 'm').test(cpu));

test('rustc-emitted core::arch calls: cgts (interpreter) equals rustc -C opt-level=0 (native)', { skip: missing.length ? `CPU lacks ${missing.join(' ')}` : false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-x86-rs-'));
  try {
    const src = repoFile('test/translate/x86-intrinsics-program.rs');
    const exe = join(dir, 'native'), bc = join(dir, 'p.bc');
    execFileSync('rustc', ['--edition=2021', '-C', 'opt-level=0', src, '-o', exe]);
    execFileSync('rustc', ['--edition=2021', '-C', 'opt-level=0', '--emit=llvm-bc', src, '-o', bc]);
    const want = execFileSync(exe).toString().trim().split('\n').map((l) => BigInt(l));
    assert.equal(want.length, 12);
    const m = readModule(readFileSync(bc), 'p.bc');
    const ll = execFileSync('llvm-dis-22', [bc, '-o', '-'], { maxBuffer: 1 << 26 }).toString();
    const used = new Set(ll.match(/declare [^@]*@llvm\.x86\.[\w.]+/g)!.map((d) => d.replace(/.*@/, '')));
    assert.ok(used.size >= 70, `the program uses only ${used.size} llvm.x86 intrinsics`);
    const cm = translateModule(m);
    const funcs = [...cm.funcs,
      parseFunction(BYTE_LOOP('memset', 'i32', 'v3 = ireduce.i8 v1')),
      parseFunction(BYTE_LOOP('memcpy', 'i64', 'v10 = iadd v1, v5\n    v3 = load.i8 v10'))];
    const drive = funcs.findIndex((f) => f.name === 'drive');
    want.forEach((w, k) => {
      const got = BigInt.asIntN(64, interpret(funcs, drive, [{ type: I64, bits: BigInt(k + 1) }])[0]!.bits);
      assert.equal(got, w, `drive(${k + 1})`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
