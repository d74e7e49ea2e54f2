// `cgts compile` on bitcode: an --emit=llvm-bc file and a -Clinker-plugin-lto
// object (bitcode under a .o name) are recognised by content and go through
// the compile function (here the llc-22 stand-in for the pipeline): the
// object links and runs, --emit=clif prints what the compile function
// translated, --emit=asm lists the object under the input's name.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cgts, have, llcCompiler, withDir } from './helpers.js';

const skip = ['rustc', 'cc', 'llc-22'].every((t) => have(t)) ? false : 'rustc, cc or llc-22 is not installed';

test('cgts compile x.bc and a -Clinker-plugin-lto x.o', { skip }, async () => {
  await withDir('cgts-compile-bc-', (dir) => {
    writeFileSync(join(dir, 'k.rs'), '#![no_std]\n#[no_mangle]\npub extern "C" fn k(x: u64) -> u64 { x.rotate_left(3) ^ 0x55 }\n');
    const rustc = (args: string[]) => {
      const r = spawnSync('rustc', ['--crate-type=lib', '-Cpanic=abort', '-Ccodegen-units=1', ...args, 'k.rs'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    };
    rustc(['--emit=llvm-bc', '-o', 'k.bc']);
    rustc(['--emit=obj', '-Clinker-plugin-lto', '-o', 'k-lto.o']);
    assert.deepEqual([...readFileSync(join(dir, 'k-lto.o')).subarray(0, 4)], [0x42, 0x43, 0xc0, 0xde]);
    writeFileSync(join(dir, 'main.c'), '#include <stdio.h>\nunsigned long k(unsigned long);\nint main(void) { printf("%lu\\n", k(5)); return 0; }\n');
    const env = { CGTS_COMPILE_WITH: llcCompiler };
    for (const [input, out] of [['k.bc', 'k.o'], ['k-lto.o', 'k-native.o']]) {
      const r = cgts(['compile', input, ...(input === 'k.bc' ? [] : ['-o', out])], { cwd: dir, env });
      assert.equal(r.status, 0, r.stderr);
      const link = spawnSync('cc', ['main.c', out, '-o', 'prog'], { cwd: dir, encoding: 'utf8' });
      assert.equal(link.status, 0, link.stderr);
      assert.equal(spawnSync(join(dir, 'prog'), { encoding: 'utf8' }).stdout, `${(5 * 8) ^ 0x55}\n`);
    }
    const clif = cgts(['compile', 'k.bc', '--emit=clif'], { cwd: dir, env });
    assert.equal(clif.status, 0, clif.stderr);
    assert.match(clif.stdout, /^; \d+ bytes of bitcode compiled by llc-22/);
    assert.equal(Number(clif.stdout.match(/^; (\d+) bytes/)![1]), readFileSync(join(dir, 'k.bc')).length);
    const asm = cgts(['compile', 'k-lto.o', '--emit=asm'], { cwd: dir, env });
    assert.equal(asm.status, 0, asm.stderr);
    assert.match(asm.stdout, /^\nk-lto\.o:\s+file format elf64-x86-64/);
    assert.match(asm.stdout, /<k>:\n(.*\n)*?.*xor +rax,0x55/);
  });
});
