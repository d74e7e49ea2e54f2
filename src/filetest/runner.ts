// The CLIF filetest runner: reads `.clif` files, and for each `test` line runs
// the verifier, the print/parse round trip, or the `; run:` lines in the
// interpreter and natively. Produces one line per failure and pass/fail counts.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseClifFile, parseFunction } from '../ir/parser.js';
import { printFunction, formatDataValue } from '../ir/printer.js';
import { verifyFunction } from '../ir/verifier.js';
import { interpret, Trap } from '../ir/interpreter.js';
import { trapCodeName } from '../ir/immediates.js';
import { ClifFile, ParsedFunction, RunCommand, TargetSpec } from '../ir/clif-file.js';
import { DataValue, dvEqual } from '../ir/datavalue.js';
import { Function } from '../ir/function.js';
import { CgtsError } from '../support/diag.js';
import { runNative, NativeRunResult, NativeOptions } from './native.js';

export type { NativeRunResult, NativeOptions };
export type NativeRunner = (file: ClifFile, opts: NativeOptions) => Promise<NativeRunResult[]>;

export interface RunnerOptions {
  /** `test`: follow each file's `test` lines; `run`: `test run` semantics on every file. */
  mode: 'test' | 'run';
  /** Skip native execution. */
  interpOnly: boolean;
  /** Where output lines go (default: stdout). */
  out?: (line: string) => void;
  /** Native execution (default: runNative from native.ts). */
  native?: NativeRunner | null;
  /** Interpreter step budget per run line. */
  maxSteps?: number;
}

export interface FileResult {
  file: string;
  passed: number;
  failed: number;
  /** Why the file (or part of it) was skipped, if it was. */
  notes: string[];
}

export interface Summary {
  passed: number;
  failed: number;
  files: FileResult[];
}

/** Expands directories to the `.clif` files below them (sorted); files are kept as given. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.clif')) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new CgtsError(`no such file or directory`, p);
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

export async function runFiles(paths: string[], opts: RunnerOptions): Promise<Summary> {
  const out = opts.out ?? ((l: string) => process.stdout.write(l + '\n'));
  const files = expandPaths(paths);
  const summary: Summary = { passed: 0, failed: 0, files: [] };
  let native: NativeRunner | null = null;
  if (!opts.interpOnly) native = opts.native !== undefined ? opts.native : runNative;
  if (!opts.interpOnly && !native) out('note: native execution is not available; running the interpreter only');
  for (const file of files) {
    const r = await runText(readFileSync(file, 'utf8'), file, { ...opts, out, native });
    summary.files.push(r);
    summary.passed += r.passed;
    summary.failed += r.failed;
  }
  out(`${summary.passed} passed, ${summary.failed} failed`);
  return summary;
}

function settingOn(settings: [string, string][], name: string): boolean {
  let on = false;
  for (const [k, v] of settings) if (k === name) on = v === '' || v === 'true';
  return on;
}

function isX86(t: TargetSpec): boolean {
  return t.isa === 'x86_64' || t.isa.startsWith('x86_64-');
}

function stripPct(n: string): string {
  return n.startsWith('%') ? n.slice(1) : n;
}

function fmtValues(vs: DataValue[]): string {
  return vs.length === 1 ? formatDataValue(vs[0]) : `[${vs.map(formatDataValue).join(', ')}]`;
}

function invocation(rc: RunCommand): string {
  return `${rc.kind} %${stripPct(rc.funcName)}(${rc.args.map(formatDataValue).join(', ')})`;
}

/** Whether results satisfy a run command; for `print` always true. */
function satisfied(rc: RunCommand, got: DataValue[]): boolean {
  if (rc.kind === 'print') return true;
  if (rc.compare === 'bare') {
    // Legacy form: the single result must be nonzero.
    return got.length === 1 && got[0].bits !== 0n;
  }
  const same = got.length === rc.expected.length && got.every((v, i) => dvEqual(v, rc.expected[i]));
  return rc.compare === '==' ? same : !same;
}

function expectation(rc: RunCommand): string {
  if (rc.compare === 'bare') return 'a nonzero result';
  return (rc.compare === '!=' ? 'not ' : '') + fmtValues(rc.expected);
}

/** Runs one file's text. `opts.native` null means interpreter only. */
export async function runText(
  text: string,
  fileName: string,
  opts: RunnerOptions & { out: (l: string) => void; native: NativeRunner | null },
): Promise<FileResult> {
  const out = opts.out;
  const res: FileResult = { file: fileName, passed: 0, failed: 0, notes: [] };
  const failLine = (line: number, msg: string) => {
    res.failed++;
    out(`${fileName}:${line}: ${msg}`);
  };
  // A run line counts once even when `test interpret` and `test run` both execute it;
  // its interpreter failure is reported once.
  const lineOk = new Map<RunCommand, boolean>();
  const reportLine = (line: number, msg: string) => out(`${fileName}:${line}: ${msg}`);
  const interpDone = new Map<RunCommand, { idx: number; ok: boolean }>();
  const interpOnce = (rc: RunCommand, idx: number): boolean => {
    const prev = interpDone.get(rc);
    if (prev && prev.idx === idx) return prev.ok;
    const ok = runInterp(rc, funcs, idx, opts.maxSteps, reportLine, out, fileName, 'interpreter');
    interpDone.set(rc, { idx, ok });
    return ok;
  };
  const recordLine = (rc: RunCommand, ok: boolean) => lineOk.set(rc, (lineOk.get(rc) ?? true) && ok);
  const finish = () => {
    for (const ok of lineOk.values()) {
      if (ok) res.passed++;
      else res.failed++;
    }
    const notes = res.notes.length ? ` (${res.notes.join('; ')})` : '';
    out(`${fileName}: ${res.passed} passed, ${res.failed} failed${notes}`);
    return res;
  };

  let file: ClifFile;
  try {
    file = parseClifFile(text, fileName);
  } catch (e) {
    if (!(e instanceof CgtsError)) throw e;
    res.failed++;
    out(e.describe());
    return finish();
  }

  const tests = opts.mode === 'run' ? ['run'] : file.tests.map((t) => t.name);
  if (tests.length === 0) res.notes.push('no test lines');
  const funcs = file.functions.map((pf) => pf.func);

  // Functions the verifier rejects are not executed; their errors are reported once.
  const verified = new Map<ParsedFunction, boolean>();
  const verifyForRun = (pf: ParsedFunction): boolean => {
    let ok = verified.get(pf);
    if (ok === undefined) {
      const errs = verifyFunction(pf.func, pf);
      ok = errs.length === 0;
      for (const e of errs) failLine(e.inst >= 0 ? pf.instLines[e.inst] : pf.line, `verifier error in %${pf.func.name}: ${e.message}`);
      verified.set(pf, ok);
    }
    return ok;
  };

  const seen = new Set<string>();
  for (const t of tests) {
    if (seen.has(t)) continue;
    seen.add(t);
    switch (t) {
      case 'verifier':
        for (const pf of file.functions) checkVerifier(pf, fileName, res, failLine);
        break;
      case 'cat':
        for (const pf of file.functions) checkCat(pf, fileName, res, failLine);
        break;
      case 'interpret':
        for (const pf of file.functions) {
          if (pf.runs.length === 0 || !verifyForRun(pf)) continue;
          for (const rc of pf.runs) {
            const idx = file.functions.findIndex((g) => stripPct(g.func.name) === stripPct(rc.funcName));
            if (idx < 0) {
              reportLine(rc.line, `${invocation(rc)}: no function %${stripPct(rc.funcName)} in this file`);
              recordLine(rc, false);
              continue;
            }
            recordLine(rc, interpOnce(rc, idx));
          }
        }
        break;
      case 'run':
        await runTestRun(file, opts, res, reportLine, verifyForRun, interpOnce, recordLine);
        break;
      default:
        res.notes.push(`test ${t} skipped: not supported`);
    }
  }
  return finish();
}

/** Runs one command in the interpreter; reports a failure and returns false, or returns true. */
function runInterp(
  rc: RunCommand, funcs: Function[], idx: number, maxSteps: number | undefined,
  failLine: (line: number, msg: string) => void, out: (l: string) => void, fileName: string, who: string,
): boolean {
  let got: DataValue[];
  try {
    got = interpret(funcs, idx, rc.args, { maxSteps });
  } catch (e) {
    if (e instanceof Trap) failLine(rc.line, `${invocation(rc)}: trapped with ${trapCodeName(e.code)} (${who})`);
    else if (e instanceof CgtsError) failLine(rc.line, `${invocation(rc)}: ${e.describe()} (${who})`);
    else throw e;
    return false;
  }
  if (rc.kind === 'print') out(`${fileName}:${rc.line}: ${invocation(rc)} = ${fmtValues(got)}`);
  if (!satisfied(rc, got)) {
    failLine(rc.line, `${invocation(rc)}: expected ${expectation(rc)}, got ${fmtValues(got)} (${who})`);
    return false;
  }
  return true;
}

async function runTestRun(
  file: ClifFile, opts: RunnerOptions & { out: (l: string) => void; native: NativeRunner | null },
  res: FileResult, failLine: (line: number, msg: string) => void, verifyForRun: (pf: ParsedFunction) => boolean,
  interpOnce: (rc: RunCommand, idx: number) => boolean, recordLine: (rc: RunCommand, ok: boolean) => void,
): Promise<void> {
  const out = opts.out;
  // every x86_64 target line is a native configuration of its own (with and without ISA extensions)
  const x86s = file.targets.filter(isX86);
  const skipNativeReason =
    opts.interpOnly ? '' :
    file.targets.length > 0 && x86s.length === 0 ? `no x86_64 target (${file.targets.map((t) => t.isa).join(', ')}): native runs skipped` :
    !opts.native ? 'native execution not available' : '';
  if (skipNativeReason && !opts.interpOnly) res.notes.push(skipNativeReason);
  const runsInOrder: { pf: ParsedFunction; idx: number; rc: RunCommand }[] = [];
  file.functions.forEach((pf, idx) => pf.runs.forEach((rc) => runsInOrder.push({ pf, idx, rc })));
  if (runsInOrder.length === 0) return;

  const configs: { label: string; results: NativeRunResult[] | null; error: string }[] = [];
  if (!skipNativeReason && !opts.interpOnly && opts.native) {
    for (const x86 of x86s.length > 0 ? x86s : [undefined]) {
      const settings = x86 ? x86.settings : file.settings;
      const label = x86 && x86s.length > 1 ? `native, target line ${x86.line}${x86.flags.length ? ' ' + x86.flags.join(' ') : ''}` : 'native';
      try {
        const results = await opts.native(file, {
          llvmAbiExtensions: settingOn(settings, 'enable_llvm_abi_extensions'),
          multiRetImplicitSret: settingOn(settings, 'enable_multi_ret_implicit_sret'),
          isaFlags: x86 ? x86.flags : [],
        });
        configs.push({ label, results, error: '' });
      } catch (e) {
        configs.push({ label, results: null, error: e instanceof CgtsError ? e.describe() : e instanceof Error ? e.message : String(e) });
      }
    }
  }

  runsInOrder.forEach(({ pf, idx, rc }, k) => {
    if (!verifyForRun(pf)) return;
    // Under `test run` the owning function runs, whatever name the line gives.
    let ok = interpOnce(rc, idx);
    for (const c of configs) {
      if (c.error) {
        failLine(rc.line, `${invocation(rc)}: ${c.error} (${c.label})`);
        ok = false;
        continue;
      }
      const nr = c.results![k];
      if (!nr) {
        failLine(rc.line, `${invocation(rc)}: no result from the native run (${c.label})`);
        ok = false;
      } else if (!nr.ok) {
        failLine(rc.line, `${invocation(rc)}: ${nr.error} (${c.label})`);
        ok = false;
      } else if (!satisfied(rc, nr.values)) {
        failLine(rc.line, `${invocation(rc)}: expected ${expectation(rc)}, got ${fmtValues(nr.values)} (${c.label})`);
        ok = false;
      } else if (rc.kind === 'print') {
        out(`${file.fileName}:${rc.line}: ${invocation(rc)} = ${fmtValues(nr.values)} (${c.label})`);
      }
    }
    recordLine(rc, ok);
  });
}

/** `test verifier`: each error must be announced by `; error: <substring>` on its instruction's line. */
function checkVerifier(pf: ParsedFunction, fileName: string, res: FileResult, failLine: (line: number, msg: string) => void): void {
  const annotations: { line: number; text: string; used: boolean }[] = [];
  for (const c of pf.comments) {
    const m = /^\s*error:\s*(.*?)\s*$/.exec(c.text);
    if (m) annotations.push({ line: c.line, text: m[1], used: false });
  }
  const errs = verifyFunction(pf.func, pf);
  let ok = true;
  for (const e of errs) {
    const line = e.inst >= 0 ? pf.instLines[e.inst] : -1;
    const a = annotations.find((x) => !x.used && (line < 0 || x.line === line) && e.message.includes(x.text));
    if (a) a.used = true;
    else {
      ok = false;
      failLine(line >= 0 ? line : pf.line, `unexpected verifier error in %${pf.func.name}: ${e.message}`);
    }
  }
  for (const a of annotations) {
    if (a.used) continue;
    ok = false;
    const near = errs.filter((e) => e.inst >= 0 && pf.instLines[e.inst] === a.line).map((e) => e.message);
    failLine(a.line, `expected a verifier error containing '${a.text}', got ${near.length ? near.map((m) => `'${m}'`).join(', ') : 'none'}`);
  }
  if (ok) res.passed++;
  void fileName;
}

/** `test cat`: print, re-parse and print again; both prints must be equal. */
function checkCat(pf: ParsedFunction, fileName: string, res: FileResult, failLine: (line: number, msg: string) => void): void {
  const first = printFunction(pf.func);
  let second: string;
  try {
    second = printFunction(parseFunction(first, `${fileName} (printed %${pf.func.name})`));
  } catch (e) {
    if (!(e instanceof CgtsError)) throw e;
    failLine(pf.line, `printed %${pf.func.name} does not parse again: ${e.describe()}`);
    return;
  }
  if (first === second) {
    res.passed++;
    return;
  }
  const a = first.split('\n'), b = second.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  failLine(pf.line, `print/parse of %${pf.func.name} is not a fixed point at printed line ${i + 1}: '${a[i] ?? ''}' then '${b[i] ?? ''}'`);
}
