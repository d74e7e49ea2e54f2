// Shared by the x86-64 back-end tests: takes CLIF function text (no header),
// runs its `; run:` lines natively or compiles it and returns objdump's listing.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseClifFile } from '../../src/ir/parser.js';
import { runNative, type NativeRunResult } from '../../src/filetest/native.js';
import { compileObject } from '../../src/x64/compile.js';
import type { ClifFile } from '../../src/ir/clif-file.js';

export interface SnippetOptions {
  /** Adds `set enable_llvm_abi_extensions` (i128 arguments and results). */
  llvmAbiExtensions?: boolean;
  /** ISA flags of the target line (has_sse41 ...). */
  isaFlags?: string[];
}

/** `text` under a `test run` header with the given options, parsed, and its run lines' native results in order. */
async function runText(text: string, opts: SnippetOptions): Promise<[ClifFile, NativeRunResult[]]> {
  const flags = opts.isaFlags ?? [];
  const header = 'test run\n' + (opts.llvmAbiExtensions ? 'set enable_llvm_abi_extensions\n' : '') +
    'target x86_64' + flags.map((f) => ' ' + f).join('') + '\n';
  const file = parseClifFile(header + text, 'snippet.clif');
  return [file, await runNative(file, { llvmAbiExtensions: opts.llvmAbiExtensions, isaFlags: flags })];
}

/** Runs every `; run:` line of `text` natively and returns the results in order. */
export async function runSnippet(text: string, opts: SnippetOptions = {}): Promise<NativeRunResult[]> {
  return (await runText(text, opts))[1];
}

/** Runs every `; run:` line of `text` natively and checks it against its expectation. */
export async function checkRuns(text: string, opts: SnippetOptions = {}): Promise<void> {
  const [file, res] = await runText(text, opts);
  const cmds = file.functions.flatMap((f) => f.runs);
  assert.equal(res.length, cmds.length);
  cmds.forEach((c, k) => {
    const r = res[k];
    assert.ok(r.ok, `line ${c.line}: ${r.ok ? '' : r.error}`);
    assert.deepEqual(r.values.map((v) => v.bits), c.expected.map((v) => v.bits), `line ${c.line}`);
  });
}

/** objdump's output (run with `args`) for the object compiled from `text` with the given ISA flags. */
export function objdump(text: string, args: string[], isaFlags: string[] = []): string {
  const file = parseClifFile('test compile\ntarget x86_64\n' + text, 'snippet.clif');
  const dir = mkdtempSync(join(tmpdir(), 'cgts-dis-'));
  try {
    writeFileSync(join(dir, 'f.o'), compileObject(file.functions.map((p) => p.func), { isaFlags: new Set(isaFlags) }));
    return execFileSync('objdump', [...args, join(dir, 'f.o')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** objdump -d of each function (its whole listing, header line first), by name. */
export function disasmByFunction(text: string): Map<string, string> {
  const out = objdump(text, ['-d', '--no-show-raw-insn']);
  const m = new Map<string, string>();
  for (const part of out.split(/\n(?=[0-9a-f]+ <)/)) {
    const h = /^[0-9a-f]+ <([^>]+)>:/.exec(part);
    if (h) m.set(h[1], part);
  }
  return m;
}
