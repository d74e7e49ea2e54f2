// Builds and runs mixed CLIF + C programs for the ABI cross-call tests. Needs
// CLIF text (compiled by cgts) and C text (compiled by cc); produces the
// program's per-case verdicts, each case run in its own forked child.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseClifFile } from '../../../src/ir/parser.js';
import { compileModule } from '../../../src/x64/compile.js';

export const haveCc = spawnSync('cc', ['--version']).status === 0;

/**
 * One case: CLIF functions, C helpers, and a C body that checks results with
 * CHECK(cond) / CHECKEQ(got, want) (long long). Names must be unique across a program.
 */
export interface AbiCase {
  name: string;
  clif: string;
  /** C definitions the body uses (callees for cgts, prototypes of cgts functions). */
  c: string;
  /** The body of `static void case_<name>(void)`. */
  body: string;
  todo?: string;
}

export type Verdict = { ok: true } | { ok: false; detail: string };

const PRELUDE = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/wait.h>
static int failures;
static const char *case_name;
#define CHECK(c) do { if (!(c)) { printf("FAIL %s line %d: %s\\n", case_name, __LINE__, #c); failures++; } } while (0)
#define CHECKEQ(g, w) do { long long g_ = (long long)(g), w_ = (long long)(w); \\
  if (g_ != w_) { printf("FAIL %s line %d: %s = %lld (0x%llx), want %lld (0x%llx)\\n", case_name, __LINE__, #g, g_, (unsigned long long)g_, w_, (unsigned long long)w_); failures++; } } while (0)
#define CHECKF(g, w) do { double g_ = (double)(g), w_ = (double)(w); \\
  if (g_ != w_) { printf("FAIL %s line %d: %s = %a, want %a\\n", case_name, __LINE__, #g, g_, w_); failures++; } } while (0)
`;

export interface BuildOptions {
  llvmAbiExtensions?: boolean;
  /** Extra cc flags (for the C file). */
  cflags?: string[];
}

/** Compiles all cases into one program, runs it, and returns a verdict per case name. */
export function runCases(cases: AbiCase[], opts: BuildOptions = {}): Map<string, Verdict> {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-abi-'));
  try {
    const clif = cases.map((c) => c.clif).join('\n');
    const file = parseClifFile(clif, 'abi-cases.clif');
    const funcs = file.functions.map((p) => p.func);
    const owner = new Map<string, string>();
    for (const c of cases) for (const m of c.clif.matchAll(/function\s+%(\w+)/g)) owner.set(m[1]!, c.name);
    const compileErrors = new Map<string, string>();
    const mod = compileModule(funcs, {
      llvmAbiExtensions: opts.llvmAbiExtensions ?? true,
      onError: (fi, e) => compileErrors.set(owner.get(funcs[fi]!.name) ?? '', `compile error in %${funcs[fi]!.name}: ${e instanceof Error ? e.message : String(e)}`),
    });
    writeFileSync(join(dir, 'cgts.o'), mod.bytes);
    const parts = [PRELUDE];
    for (const c of cases) parts.push(c.c, `static void case_${c.name}(void) {\n${c.body}\n}\n`);
    parts.push('int main(void) {\n  setvbuf(stdout, 0, _IONBF, 0);');
    for (const c of cases) {
      parts.push(`  { pid_t p = fork(); if (p == 0) { case_name = "${c.name}"; case_${c.name}(); if (!failures) printf("OK %s\\n", case_name); _exit(0); }
    int st = 0; waitpid(p, &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) printf("CRASH ${c.name} status %d\\n", st); }`);
    }
    parts.push('  return 0;\n}\n');
    writeFileSync(join(dir, 'main.c'), parts.join('\n'));
    const cc = spawnSync('cc', ['-O2', '-w', ...(opts.cflags ?? []), '-o', join(dir, 'prog'), join(dir, 'main.c'), join(dir, 'cgts.o'), '-lm'], { encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`cc failed:\n${cc.stderr}`);
    const run = spawnSync(join(dir, 'prog'), [], { encoding: 'utf8' });
    const v = parseVerdicts(cases, run.stdout ?? '');
    for (const [name, msg] of compileErrors) v.set(name, { ok: false, detail: msg });
    return v;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseVerdicts(cases: AbiCase[], out: string): Map<string, Verdict> {
  const lines = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const m = /^(OK|FAIL|CRASH) (\w+)/.exec(line);
    if (!m) continue;
    const l = lines.get(m[2]!) ?? [];
    l.push(line);
    lines.set(m[2]!, l);
  }
  const v = new Map<string, Verdict>();
  for (const c of cases) {
    const l = lines.get(c.name) ?? [];
    if (l.length === 1 && l[0] === `OK ${c.name}`) v.set(c.name, { ok: true });
    else v.set(c.name, { ok: false, detail: l.length ? l.join('\n') : 'no output' });
  }
  return v;
}
