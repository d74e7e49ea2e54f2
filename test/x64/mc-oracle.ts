// llvm-mc as an oracle for encoder tests: instances (Intel-syntax text plus a
// function that encodes the same instruction) are assembled in one llvm-mc
// run and compared byte for byte (fix-up fields by position and addend).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ByteBuffer } from '../../src/support/bytes.js';
import { gprName, NO_REG, RIP } from '../../src/x64/regs.js';

export const MC = 'llvm-mc-22';
export const haveMC = spawnSync(MC, ['--version']).status === 0;

export interface Instance {
  asm: string;
  enc: (b: ByteBuffer) => number | void;
  /** Bytes may legitimately differ from LLVM's choice; compare disassembly instead. */
  equivalent: boolean;
  start: number;
  end: number;
  field: number;
}

export function instance(asm: string, enc: (b: ByteBuffer) => number | void, equivalent = false): Instance {
  return { asm, enc, equivalent, start: 0, end: 0, field: -1 };
}

export const REG_PAIRS: [number, number][] = [[0, 1], [1, 0], [8, 15], [15, 3], [4, 5], [6, 7], [12, 13], [2, 2], [5, 12], [7, 9]];
export const REG_TRIPLES: [number, number, number][] = [[0, 1, 2], [1, 0, 8], [8, 15, 3], [15, 3, 9], [4, 12, 5], [6, 7, 14], [12, 13, 0], [2, 2, 2], [5, 8, 12], [9, 4, 7]];
export const REGS = [0, 3, 4, 5, 6, 7, 8, 12, 13, 15];
/** base, index, scale, disp */
export const MEMS: [number, number, number, number][] = [
  [0, NO_REG, 1, 0], [1, NO_REG, 1, 8], [4, NO_REG, 1, 0], [5, NO_REG, 1, -8], [12, NO_REG, 1, 0], [13, NO_REG, 1, 0x1000],
  [15, 0, 8, 0x7f], [3, 12, 2, -0x80], [2, 9, 4, -0x81], [11, 14, 8, 0], [4, 13, 1, 0], [NO_REG, 1, 4, 16],
  [NO_REG, NO_REG, 1, 0x1000], [RIP, NO_REG, 1, 0x100], [RIP, NO_REG, 1, 0],
];
export const PTR: Record<number, string> = { 8: 'byte', 16: 'word', 32: 'dword', 64: 'qword', 128: 'xmmword', 256: 'ymmword' };

export function memText(m: [number, number, number, number], ptr: string): string {
  const [base, index, scale, disp] = m;
  const pre = ptr ? `${ptr} ptr ` : '';
  if (base === RIP) return disp === 0 ? `${pre}[rip + sym]` : `${pre}[rip + ${disp}]`;
  const parts: string[] = [];
  if (base >= 0) parts.push(gprName(base, 64));
  if (index >= 0) parts.push(`${gprName(index, 64)}*${scale}`);
  let s = parts.join(' + ');
  if (disp !== 0 || parts.length === 0) s += parts.length === 0 ? `${disp}` : disp < 0 ? ` - ${-disp}` : ` + ${disp}`;
  return `${pre}[${s}]`;
}

interface Expected { bytes: number[]; fixupAt: number; addend: number }

function assemble(lines: string[]): Expected[] {
  const res = spawnSync(MC, ['--triple=x86_64', '--show-encoding'], {
    input: '.intel_syntax noprefix\n' + lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28,
  });
  assert.equal(res.stderr, '', 'llvm-mc rejected test input');
  const out: Expected[] = [];
  for (const line of res.stdout.split('\n')) {
    const e = /encoding: \[([^\]]*)\]/.exec(line);
    if (e) {
      out.push({ bytes: e[1]!.split(',').map((t) => (t === 'A' ? -1 : parseInt(t, 16))), fixupAt: -1, addend: 0 });
      continue;
    }
    const fx = /fixup A - offset: (\d+), value: sym([+-]\d+)?/.exec(line);
    if (fx) {
      out[out.length - 1]!.fixupAt = Number(fx[1]);
      out[out.length - 1]!.addend = fx[2] ? Number(fx[2]) : 0;
    }
  }
  return out;
}

/** Disassembles each byte string separately (int3 separators), in Intel syntax. */
function disassemble(list: number[][]): string[] {
  const text = list.map((b) => b.map((v) => '0x' + v.toString(16)).join(' ') + '\n0xcc\n').join('');
  const res = spawnSync(MC, ['--triple=x86_64', '--disassemble', '-output-asm-variant=1'], { input: text, encoding: 'utf8' });
  const out: string[] = [];
  let cur: string[] = [];
  for (const raw of res.stdout.split('\n')) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (line === '' || line.startsWith('.') || line.startsWith('#')) continue;
    // A prefix written first is listed on a line of its own: join it to its instruction.
    if (line === 'int3') { out.push(cur.join(' ; ').replace(/^lock ; /, 'lock ')); cur = []; } else cur.push(line.replace(/\s*#.*$/, ''));
  }
  return out;
}

/** Encodes every instance, assembles their text and returns the differences (empty when all agree). */
export function compareWithMC(inst: Instance[]): string[] {
  const buf = new ByteBuffer(1 << 16);
  for (const i of inst) {
    i.start = buf.length;
    const f = i.enc(buf);
    i.field = typeof f === 'number' ? f : -1;
    i.end = buf.length;
  }
  const exp = assemble(inst.map((i) => i.asm));
  assert.equal(exp.length, inst.length, 'one encoding per instance');
  const bytes = buf.view8();
  const failures: string[] = [];
  const toDis: number[] = [];
  const hex = (a: number[]) => a.map((v) => (v < 0 ? 'A' : v.toString(16).padStart(2, '0'))).join(' ');
  inst.forEach((i, k) => {
    const got = Array.from(bytes.subarray(i.start, i.end));
    const want = exp[k]!;
    if (want.fixupAt >= 0 && !i.equivalent) {
      // A fix-up in LLVM's output: the field must be where cgts says, and a rip-relative one's addend must agree.
      const rel = i.field - i.start;
      const width = want.bytes.filter((v) => v < 0).length;
      if (rel !== want.fixupAt) failures.push(`${i.asm}: field at ${rel}, llvm ${want.fixupAt}`);
      else if (width === 4 && i.asm.includes('[rip') && i.field - i.end !== want.addend - 4) failures.push(`${i.asm}: addend ${i.field - i.end}, llvm ${want.addend - 4}`);
    }
    const same = got.length === want.bytes.length && got.every((v, j) => want.bytes[j]! < 0 ? v === 0 : v === want.bytes[j]);
    if (same) return;
    if (i.equivalent) toDis.push(k);
    else failures.push(`${i.asm}: cgts ${hex(got)}, llvm ${hex(want.bytes)}`);
  });
  if (toDis.length > 0) {
    const ours = disassemble(toDis.map((k) => Array.from(bytes.subarray(inst[k]!.start, inst[k]!.end))));
    const theirs = disassemble(toDis.map((k) => exp[k]!.bytes.map((v) => (v < 0 ? 0 : v))));
    toDis.forEach((k, j) => {
      if (!ours[j] || ours[j] !== theirs[j]) failures.push(`${inst[k]!.asm}: cgts decodes as '${ours[j]}', llvm's as '${theirs[j]}'`);
    });
  }
  return failures;
}
