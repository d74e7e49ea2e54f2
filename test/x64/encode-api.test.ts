// The encoder's contracts beyond single instructions: branch fields and their
// patching (checked with GNU objdump's decoding of branch targets), padding
// NOPs, RIP-relative field offsets, rejected operands, and the register facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ByteBuffer } from '../../src/support/bytes.js';
import * as E from '../../src/x64/encode.js';
import * as R from '../../src/x64/regs.js';
import * as S from '../../src/x64/encode-sse.js';

const haveObjdump = spawnSync('objdump', ['--version']).status === 0;

/** objdump's listing of raw x86-64 bytes: one [offset, text] per instruction. */
function objdump(bytes: Uint8Array): [number, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-enc-'));
  try {
    const file = join(dir, 'code.bin');
    writeFileSync(file, bytes);
    const r = spawnSync('objdump', ['-D', '-b', 'binary', '-mi386:x86-64', '-M', 'intel', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out: [number, string][] = [];
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*([0-9a-f]+):\t[0-9a-f ]+\t(.*)$/.exec(line);
      if (m) out.push([parseInt(m[1]!, 16), m[2]!.replace(/\s+/g, ' ').trim()]);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('branch fields patch to the intended targets', { skip: !haveObjdump && 'objdump not installed' }, () => {
  const b = new ByteBuffer(16);
  const top = b.length;
  E.nop(b, 3);
  const j1 = E.jcc(b, R.CC_NE); // forward rel32
  const j2 = E.jccShort(b, R.CC_L); // forward rel8
  const j3 = E.jmp(b);
  const c1 = E.call(b);
  const j4 = E.jmpShort(b);
  E.jccTo(b, R.CC_E, top); // backward, reaches with rel8
  const mid = b.length;
  E.nop(b, 200);
  E.jccTo(b, R.CC_A, top); // backward, needs rel32
  E.jmpTo(b, mid); // backward, needs rel32
  const back = b.length - 100;
  E.jmpTo(b, back); // backward, rel8
  const end = b.length;
  E.ret(b);
  E.patchRel32(b, j1, end);
  assert.equal(E.patchRel8(b, j2, mid), true);
  E.patchRel32(b, j3, top);
  E.patchRel32(b, c1, mid);
  assert.equal(E.patchRel8(b, j4, end), false, 'more than 127 bytes ahead');
  E.patchRel8(b, j4, j4 + 1);

  const list = objdump(b.view8()).filter(([, t]) => !t.startsWith('nop') && !t.startsWith('xchg ax,ax') && !t.startsWith('cs nop'));
  const hex = (n: number) => '0x' + n.toString(16);
  assert.deepEqual(list.map(([, t]) => t), [
    `jne ${hex(end)}`,
    `jl ${hex(mid)}`,
    `jmp ${hex(top)}`,
    `call ${hex(mid)}`,
    `jmp ${hex(j4 + 1)}`,
    `je ${hex(top)}`,
    `ja ${hex(top)}`,
    `jmp ${hex(mid)}`,
    `jmp ${hex(back)}`,
    'ret',
  ]);
  // rel8 for the near backward branches, rel32 for the far ones.
  const at = (t: string) => list.find(([, s]) => s === t)![0];
  assert.equal(at(`ja ${hex(top)}`) - at(`je ${hex(top)}`), 2 + 200);
  assert.equal(at(`jmp ${hex(back)}`) - at(`jmp ${hex(mid)}`), 5);
  assert.equal(end - at(`jmp ${hex(back)}`), 2);
});

test('nop pads with exactly n bytes of the fewest NOPs', { skip: !haveObjdump && 'objdump not installed' }, () => {
  for (let n = 1; n <= 20; n++) {
    const b = new ByteBuffer(16);
    E.nop(b, n);
    assert.equal(b.length, n);
    const list = objdump(b.view8());
    assert.equal(list.length, Math.ceil(n / 9), `nop ${n}`);
    for (const [, t] of list) assert.match(t, /^(nop|xchg ax,ax)\b/, `nop ${n}: ${t}`);
  }
});

test('RIP-relative writers return the disp32 field; the addend counts trailing immediates', () => {
  const b = new ByteBuffer(16);
  E.ret(b);
  const f1 = E.opRM(b, E.MOV, 64, R.RAX, R.RIP, R.NO_REG, 1, 0);
  assert.equal(f1, 1 + 3); // REX.W 8B modrm
  assert.equal(f1 - b.length, -4);
  const f2 = E.opMI(b, E.MOV, 32, R.RIP, R.NO_REG, 1, 0, 7);
  assert.equal(f2 - b.length, -8);
  const f3 = E.opMI(b, E.CMP, 16, R.RIP, R.NO_REG, 1, 0, 1000);
  assert.equal(f3 - b.length, -6);
  const f4 = E.opMI(b, E.SHL, 8, R.RIP, R.NO_REG, 1, 0, 3);
  assert.equal(f4 - b.length, -5);
  assert.equal(E.opRM(b, E.MOV, 64, R.RAX, R.RBX, R.NO_REG, 1, 0), -1);
  // The placeholder holds the given displacement.
  const f5 = E.opRM(b, E.LEA, 64, R.RDI, R.RIP, R.NO_REG, 1, -123456);
  assert.equal(new DataView(b.bytes.buffer).getInt32(f5, true), -123456);
});

test('operands the hardware cannot encode are rejected', () => {
  const b = new ByteBuffer(16);
  assert.throws(() => E.opRM(b, E.MOV, 64, R.RAX, R.RBX, R.RSP, 1, 0), /rsp cannot be an index/);
  assert.throws(() => E.opRM(b, E.MOV, 64, R.RAX, R.RBX, R.RCX, 3, 0), /bad scale/);
  assert.throws(() => E.opRI(b, E.ADD, 64, R.RAX, 0x80000000), /imm32 out of range/);
  assert.throws(() => E.opRI(b, E.ADD, 8, R.RAX, 256), /imm8 out of range/);
  assert.throws(() => E.opRR(b, E.LEA, 64, R.RAX, R.RCX), /no register form/);
  assert.throws(() => E.opRM(b, S.PMOVMSKB, 32, R.RAX, R.RCX, R.NO_REG, 1, 0), /no reg, mem form/);
  assert.throws(() => E.opMR(b, E.LEA, 64, R.RCX, R.NO_REG, 1, 0, R.RAX), /no mem, reg form/);
  assert.throws(() => E.opRR(b, E.IMUL, 8, R.RAX, R.RCX), /bad operand size/);
  assert.throws(() => E.opRM(b, E.MOV, 64, R.RAX, R.RIP, R.RCX, 1, 0), /RIP-relative addressing takes no index/);
});

test('condition codes invert and swap consistently', () => {
  const holds = (cc: number, a: number, b: number): boolean => {
    const ua = a >>> 0, ub = b >>> 0;
    switch (cc) {
      case R.CC_E: return a === b;
      case R.CC_NE: return a !== b;
      case R.CC_L: return a < b;
      case R.CC_GE: return a >= b;
      case R.CC_LE: return a <= b;
      case R.CC_G: return a > b;
      case R.CC_B: return ua < ub;
      case R.CC_AE: return ua >= ub;
      case R.CC_BE: return ua <= ub;
      case R.CC_A: return ua > ub;
      default: throw new Error('not a comparison');
    }
  };
  const ccs = [R.CC_E, R.CC_NE, R.CC_L, R.CC_GE, R.CC_LE, R.CC_G, R.CC_B, R.CC_AE, R.CC_BE, R.CC_A];
  const vals = [-5, -1, 0, 1, 7];
  for (const cc of ccs) {
    for (const a of vals) {
      for (const b of vals) {
        assert.equal(holds(R.invertCC(cc), a, b), !holds(cc, a, b), `invert ${R.CC_NAMES[cc]}`);
        assert.equal(holds(R.swapCC(cc), b, a), holds(cc, a, b), `swap ${R.CC_NAMES[cc]}`);
      }
    }
  }
  for (let cc = 0; cc < 16; cc++) assert.equal(R.invertCC(R.invertCC(cc)), cc);
  assert.equal(R.CC_NAMES[R.invertCC(R.CC_P)], 'np');
});

test('System V register sets', () => {
  const gprs = (set: number) => R.GPR64_NAMES.filter((_, i) => (set & R.gprBit(i)) !== 0);
  assert.deepEqual(gprs(R.SYSV_CALLEE_SAVED), ['rbx', 'rbp', 'r12', 'r13', 'r14', 'r15']);
  assert.equal(R.SYSV_CALLER_SAVED & R.SYSV_CALLEE_SAVED, 0);
  // Every GPR but rsp is either caller- or callee-saved; every XMM register is caller-saved.
  assert.equal((R.SYSV_CALLER_SAVED | R.SYSV_CALLEE_SAVED | R.gprBit(R.RSP)) & R.ALL_GPRS, R.ALL_GPRS);
  for (let i = 0; i < 16; i++) assert.notEqual(R.SYSV_CALLER_SAVED & R.xmmBit(i), 0);
  for (const r of R.SYSV_INT_ARGS) assert.notEqual(R.SYSV_ARG_SET & R.gprBit(r), 0);
  for (const x of R.SYSV_FLOAT_ARGS) assert.notEqual(R.SYSV_ARG_SET & R.xmmBit(x), 0);
  assert.equal(R.SYSV_ARG_SET & R.SYSV_CALLEE_SAVED, 0);
  assert.equal(R.ALLOCATABLE & (R.gprBit(R.RSP) | R.gprBit(R.RBP)), 0);
  assert.equal(R.gprName(R.R12, 8), 'r12b');
  assert.equal(R.gprName(R.RSI, 8), 'sil');
  assert.equal(R.gprName(R.R9, 32), 'r9d');
});
