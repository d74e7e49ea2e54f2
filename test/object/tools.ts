// Shared helpers for the object-layer tests: temporary directories, running
// the system toolchain (cc, readelf, llvm-readobj-22, nm, ar) on written
// objects, building small functions from hand-encoded machine code and their CFI.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElfObject, STB, STT, STV, type SectionId, type SymbolId } from '../../src/object/elf.js';
import { DwarfReg, type EhFrame } from '../../src/object/eh-frame.js';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], cwd?: string): Ran {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command that must succeed; returns its stdout. */
export function must(cmd: string, args: string[], cwd?: string): string {
  const r = run(cmd, args, cwd);
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

const madeDirs: string[] = [];
process.on('exit', () => {
  for (const d of madeDirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cgts-object-'));
  madeDirs.push(d);
  return d;
}

export function writeFile(dir: string, name: string, data: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

/** readelf and llvm-readobj both read the whole object without a warning. */
export function assertToolsAccept(path: string): { readelf: string; readobj: string } {
  const a = run('readelf', ['-aW', path]);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stderr, '', `readelf warns about ${path}`);
  assert.doesNotMatch(a.stdout, /warning|error|corrupt/i);
  const b = run('llvm-readobj-22', ['--all', path]);
  assert.equal(b.status, 0, b.stderr);
  assert.equal(b.stderr, '', `llvm-readobj warns about ${path}`);
  return { readelf: a.stdout, readobj: b.stdout };
}

/** Compiles `cSource` with `cc`, links it with `objects`, returns the executable's path. */
export function linkWithC(dir: string, cSource: string, objects: string[], flags: string[] = []): string {
  const c = writeFile(dir, 'main.c', cSource);
  const exe = join(dir, 'prog');
  must('cc', ['-O0', ...flags, c, ...objects, '-o', exe]);
  return exe;
}

export function hex(s: string): Uint8Array {
  const t = s.replace(/\s+/g, '');
  const out = new Uint8Array(t.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(t.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Adds a global function `name` with code `bytes` in its own text section.
 * Returns its section and symbol.
 */
export function addFunction(
  obj: ElfObject, name: string, bytes: Uint8Array, bind: number = STB.GLOBAL, vis: number = STV.DEFAULT,
): { sec: SectionId; sym: SymbolId; at: number } {
  const sec = obj.textSection(name);
  const d = obj.data(sec);
  d.align(16, 0xcc);
  const at = d.length;
  d.append(bytes);
  const sym = obj.symbol(name);
  obj.setSymbolKind(sym, bind, STT.FUNC, vis);
  obj.define(sym, sec, at, bytes.length);
  return { sec, sym, at };
}

/** CFI for `push rbp` at offset 0 and `mov rbp, rsp` at 1: from offset 4 the CFA is rbp + 16, rbp saved at CFA - 16. */
export function rbpFrameCfi(eh: EhFrame): void {
  eh.advanceTo(1);
  eh.defCfaOffset(16);
  eh.offset(DwarfReg.RBP, -16);
  eh.advanceTo(4);
  eh.defCfaRegister(DwarfReg.RBP);
}
