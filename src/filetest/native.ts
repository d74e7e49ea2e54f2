// Native execution of `; run:` lines: compiles a parsed .clif file's functions
// plus one CLIF trampoline per invoked function, links them with a generated C
// harness (each run line in a forked child), runs it and reads the results back.

import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ClifFile } from '../ir/clif-file.js';
import { Function, type Signature } from '../ir/function.js';
import { type DataValue, toBytes, fromBytes } from '../ir/datavalue.js';
import { Op } from '../ir/opcodes.js';
import { I64, typeBits } from '../ir/types.js';
import { CallConv, MemFlag, trapCodeName } from '../ir/immediates.js';
import { compileModule } from '../x64/compile.js';
import { CgtsError } from '../support/diag.js';

const run = promisify(execFile);

export type NativeRunResult = { ok: true; values: DataValue[] } | { ok: false; error: string };

export interface NativeOptions {
  llvmAbiExtensions?: boolean;
  multiRetImplicitSret?: boolean;
  /** ISA flags of the target line (has_sse41 ...). */
  isaFlags?: string[];
  /** Seconds a run line may take before it is stopped and reported as timed out (default 20). */
  timeoutSeconds?: number;
}

const PREFIX = '__cgts_run_';

function symbolFor(name: string): string {
  return PREFIX + name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** `function %tramp(i64)`: loads each argument from a 16-byte slot, calls `target`, stores the results back. */
export function makeTrampoline(name: string, target: string, sig: Signature): Function {
  const f = new Function();
  f.name = name;
  f.signature = { params: [{ type: I64, flags: 0 }], returns: [], callConv: CallConv.SystemV };
  f.sigs.push({ params: sig.params.map((p) => ({ ...p })), returns: sig.returns.map((r) => ({ ...r })), callConv: sig.callConv });
  f.funcRefs.push({ name: target, sig: 0, colocated: true, patchable: false });
  const b = f.createBlock();
  f.appendBlock(b);
  const base = f.appendBlockParam(b, I64);
  const flags = MemFlag.Notrap | MemFlag.Aligned;
  const args: number[] = [];
  for (let k = 0; k < sig.params.length; k++) {
    const li = f.appendInst(b, Op.load, sig.params[k].type, [base], flags, 16 * k);
    args.push(f.result(li));
  }
  const ci = f.appendInst(b, Op.call, 0, args, 0);
  for (let k = 0; k < sig.returns.length; k++) {
    f.appendInst(b, Op.store, sig.returns[k].type, [f.instFirstResult[ci] + k, base], flags, 16 * k);
  }
  f.appendInst(b, Op.return, 0, []);
  return f;
}

function hexBytes(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (i ? ',' : '') + '0x' + b[i].toString(16);
  return s;
}

/** Runs every run command of `file` natively; one result per command, in file order. */
export async function runNative(file: ClifFile, opts: NativeOptions = {}): Promise<NativeRunResult[]> {
  const byName = new Map<string, Function>();
  for (const pf of file.functions) byName.set(pf.func.name, pf.func);
  const commands = file.functions.flatMap((pf) => pf.runs);
  // Under `test run` a line runs the function it follows, whatever name it gives.
  const owners = file.functions.flatMap((pf) => pf.runs.map(() => pf.func.name));
  const results: NativeRunResult[] = new Array(commands.length);
  if (commands.length === 0) return [];
  const funcs: Function[] = file.functions.map((pf) => pf.func);
  const tramps = new Map<string, number>();
  const trampFuncs: Function[] = [];
  for (const name of owners) {
    if (tramps.has(name)) continue;
    const target = byName.get(name);
    if (!target) continue;
    tramps.set(name, trampFuncs.length);
    trampFuncs.push(makeTrampoline(`__cgts_tramp_${trampFuncs.length}`, name, target.signature));
  }
  const fileNames = new Set(byName.keys());
  const symbolName = (n: string) => (fileNames.has(n) ? symbolFor(n) : n);
  const all = [...funcs, ...trampFuncs];
  const failed = new Map<string, string>();
  let mod;
  try {
    mod = compileModule(all, {
      llvmAbiExtensions: opts.llvmAbiExtensions,
      multiRetImplicitSret: opts.multiRetImplicitSret,
      isaFlags: new Set(opts.isaFlags ?? []),
      symbolName,
      onError: (fi, e) => {
        const msg = e instanceof CgtsError ? e.describe() : e instanceof Error ? e.message : String(e);
        failed.set(all[fi].name, msg);
      },
    });
  } catch (e) {
    const msg = e instanceof CgtsError ? e.describe() : e instanceof Error ? e.message : String(e);
    return commands.map(() => ({ ok: false, error: `compile error: ${msg}` }));
  }
  owners.forEach((name, k) => {
    const t = tramps.get(name);
    const why = failed.get(name) ?? (t !== undefined ? failed.get(trampFuncs[t].name) : undefined);
    if (why !== undefined) results[k] = { ok: false, error: `compile error: ${why}` };
  });
  // the C harness
  const timeout = Math.max(1, Math.ceil(opts.timeoutSeconds ?? 20));
  const lines: string[] = [
    '#define _GNU_SOURCE',
    '#include <stdio.h>',
    '#include <stdlib.h>',
    '#include <string.h>',
    '#include <signal.h>',
    '#include <stdint.h>',
    '#include <unistd.h>',
    '#include <sys/wait.h>',
    '#include <ucontext.h>',
  ];
  const trapFuncs = new Set(mod.traps.map((t) => t.func));
  for (const fi of trapFuncs) lines.push(`extern char cgts_f${fi}[] __asm__("${symbolName(all[fi].name)}");`);
  lines.push('struct trap { const char *base; unsigned off; const char *name; };');
  lines.push('static const struct trap traps[] = {');
  for (const t of mod.traps) lines.push(`  { cgts_f${t.func}, ${t.offset}, "${trapCodeName(t.code)}" },`);
  lines.push('  { 0, 0, 0 } };');
  for (let k = 0; k < trampFuncs.length; k++) lines.push(`extern void cgts_t${k}(unsigned char *) __asm__("${trampFuncs[k].name}");`);
  lines.push(`
static int cur;
static char altstack[65536];
static void on_signal(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = (ucontext_t *)ucv;
  uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
  (void)si;
  for (int i = 0; traps[i].base; i++) {
    if ((uintptr_t)(traps[i].base + traps[i].off) == pc) {
      printf("T %d %s\\n", cur, traps[i].name);
      fflush(stdout);
      _exit(3);
    }
  }
  printf("T %d signal %d\\n", cur, sig);
  fflush(stdout);
  _exit(4);
}
static void go(int idx, void (*t)(unsigned char *), const unsigned char *in, int nin, int nout, unsigned limit) {
  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    cur = idx;
    stack_t ss; ss.ss_sp = altstack; ss.ss_size = sizeof altstack; ss.ss_flags = 0;
    sigaltstack(&ss, 0);
    struct sigaction sa; memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal; sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGILL, &sa, 0); sigaction(SIGSEGV, &sa, 0); sigaction(SIGFPE, &sa, 0);
    sigaction(SIGBUS, &sa, 0); sigaction(SIGTRAP, &sa, 0);
    static unsigned char slots[16 * 64] __attribute__((aligned(16)));
    memset(slots, 0, sizeof slots);
    memcpy(slots, in, nin);
    alarm(limit);
    t(slots);
    printf("R %d ", idx);
    for (int i = 0; i < nout * 16; i++) printf("%02x", slots[i]);
    printf("\\n");
    fflush(stdout);
    _exit(0);
  }
  int st = 0;
  waitpid(p, &st, 0);
  if (!(WIFEXITED(st) && WEXITSTATUS(st) == 0)) {
    printf("X %d %d %d\\n", idx, WIFSIGNALED(st) ? WTERMSIG(st) : 0, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    fflush(stdout);
  }
}
int main(void) {`);
  for (let k = 0; k < commands.length; k++) {
    const c = commands[k];
    const target = byName.get(owners[k]);
    if (!target) {
      results[k] = { ok: false, error: `no function %${owners[k]} in the file` };
      continue;
    }
    if (results[k]) continue;
    if (c.args.length > 64 || target.signature.returns.length > 64) {
      results[k] = { ok: false, error: 'too many arguments or results for the native harness' };
      continue;
    }
    const bytes = new Uint8Array(16 * Math.max(1, c.args.length));
    c.args.forEach((a, i) => bytes.set(toBytes(a), 16 * i));
    lines.push(`  { static const unsigned char in[] = {${hexBytes(bytes)}}; go(${k}, cgts_t${tramps.get(owners[k])}, in, ${bytes.length}, ${target.signature.returns.length}, ${timeout}); }`);
  }
  lines.push('  return 0;\n}\n');
  const dir = mkdtempSync(join(tmpdir(), 'cgts-run-'));
  try {
    writeFileSync(join(dir, 'h.c'), lines.join('\n'));
    writeFileSync(join(dir, 'f.o'), mod.bytes);
    try {
      await run('cc', ['-O0', '-w', '-o', join(dir, 'h'), join(dir, 'h.c'), join(dir, 'f.o'), '-lm']);
    } catch (e) {
      const msg = (e as { stderr?: string }).stderr ?? String(e);
      return commands.map((_, k) => results[k] ?? { ok: false, error: `link failed: ${msg.trim().split('\n').slice(0, 5).join(' | ')}` });
    }
    let out = '';
    try {
      const r = await run(join(dir, 'h'), [], { maxBuffer: 1 << 28 });
      out = r.stdout;
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? '';
    }
    const traps = new Map<number, string>();
    const exits = new Map<number, string>();
    for (const line of out.split('\n')) {
      const m = /^([RTX]) (\d+) (.*)$/.exec(line);
      if (!m) continue;
      const k = Number(m[2]);
      if (m[1] === 'R') {
        const target = byName.get(owners[k])!;
        const hex = m[3];
        const values: DataValue[] = target.signature.returns.map((r, i) => {
          const n = typeBits(r.type) >> 3;
          const b = new Uint8Array(n);
          for (let j = 0; j < n; j++) b[j] = parseInt(hex.substr(32 * i + 2 * j, 2), 16);
          return fromBytes(r.type, b);
        });
        results[k] = { ok: true, values };
      } else if (m[1] === 'T') traps.set(k, m[3].startsWith('signal') ? m[3] : `trap ${m[3]}`);
      else exits.set(k, m[3]);
    }
    for (let k = 0; k < commands.length; k++) {
      if (results[k]) continue;
      const t = traps.get(k);
      if (t) results[k] = { ok: false, error: t };
      else {
        const x = exits.get(k);
        if (x?.startsWith('14 ')) results[k] = { ok: false, error: `timed out (no result after ${timeout} s)` };
        else results[k] = { ok: false, error: x ? `crashed (signal/exit ${x})` : 'no result' };
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
