// The pipeline runs the CLIF verifier on request only: `verify: true`,
// CGTS_VERIFY=1 or `cgts compile --verify`; without it no function is
// verified. Either way the object is the same, byte for byte.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileBitcode } from '../../src/driver/pipeline.js';
import { cgts, have, withDir } from './helpers.js';

const skip = have('rustc') ? false : 'rustc is not installed';

const SOURCE = `#![no_std]
#[no_mangle]
pub extern "C" fn k(x: u64, n: u32) -> u64 { let mut a = x; for i in 0..n { a = a.rotate_left(i) ^ 0x55; } a }
#[no_mangle]
pub fn pick(v: &[u8], i: usize) -> Option<u8> { v.get(i).copied() }
`;

test('the CLIF verifier runs only when asked for, and never changes the object', { skip }, async () => {
  await withDir('cgts-verify-', (dir) => {
    writeFileSync(join(dir, 'k.rs'), SOURCE);
    const r = spawnSync('rustc', ['--crate-type=lib', '-Cpanic=abort', '-Ccodegen-units=1', '--emit=llvm-bc', '-o', 'k.bc', 'k.rs'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const bytes = readFileSync(join(dir, 'k.bc'));
    const run = (verify: boolean | undefined) => {
      const timers = new Map<string, number>();
      const { object } = compileBitcode(bytes, 'k.bc', { timers, verify });
      return { object: Buffer.from(object), verified: timers.has('verify') };
    };
    const saved = process.env.CGTS_VERIFY;
    try {
      delete process.env.CGTS_VERIFY;
      const plain = run(undefined);
      assert.equal(plain.verified, false, 'verifier ran by default');
      const on = run(true);
      assert.equal(on.verified, true, 'verify: true did not verify');
      assert.ok(on.object.equals(plain.object));
      process.env.CGTS_VERIFY = '1';
      assert.equal(run(undefined).verified, true, 'CGTS_VERIFY=1 did not verify');
      assert.equal(run(false).verified, false, 'verify: false verified');
    } finally {
      if (saved === undefined) delete process.env.CGTS_VERIFY;
      else process.env.CGTS_VERIFY = saved;
    }
    // the command line: --verify compiles to the same object
    const a = cgts(['compile', 'k.bc', '-o', 'a.o'], { cwd: dir, env: { CGTS_COMPILE_WITH: '', CGTS_VERIFY: '' } });
    assert.equal(a.status, 0, a.stderr);
    const b = cgts(['compile', 'k.bc', '--verify', '-o', 'b.o'], { cwd: dir, env: { CGTS_COMPILE_WITH: '', CGTS_VERIFY: '' } });
    assert.equal(b.status, 0, b.stderr);
    assert.ok(readFileSync(join(dir, 'a.o')).equals(readFileSync(join(dir, 'b.o'))));
  });
});
