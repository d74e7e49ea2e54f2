// The differential Rust corpus: the programs of test/rustc/corpus/ (and, by
// reference, those of test/bitcode/corpus/), their build flags and golden
// files, and helpers that build a program with stock rustc (cached under
// os.tmpdir()) or with `cgts rustc`, run it with a timeout and normalise its
// output for comparison. Used by differential.test.ts and scripts/bless-corpus.ts.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_NAME, program as bitcodeProgram } from '../bitcode/corpus.js';

/** The project root: the nearest folder above this file holding bin/cgts.js (works from test/ and dist/test/). */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'bin', 'cgts.js')) && existsSync(join(dir, 'test', 'rustc', 'corpus'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the cgts project root above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
})();

export const rustcCorpusDir = join(repoRoot, 'test', 'rustc', 'corpus');
export const bitcodeCorpusDir = join(repoRoot, 'test', 'bitcode', 'corpus');
/** Golden files of the test/bitcode/corpus programs live here (the programs themselves stay where they are). */
export const bitcodeGoldenDir = join(rustcCorpusDir, 'bitcode');
export const cacheDir = join(tmpdir(), 'cgts-rustc-corpus');

/**
 * The message `cgts rustc` fails with while LLVM IR translation is missing.
 * The differential test reports the cgts side as skipped on exactly this
 * message (and on a cgts without a `rustc` command), and compares everything
 * once it is gone.
 */
export const NOT_IMPLEMENTED = 'translation from LLVM IR is not implemented';
export const NO_RUSTC_COMMAND = "unknown command 'rustc'";

/** A corpus program and what its header lines ask for. */
export interface RustProgram {
  /** Test name: the file name without .rs; `bitcode/<name>` for the referenced bitcode corpus. */
  id: string;
  name: string;
  path: string;
  source: string;
  edition: string;
  /** `//@ panic: abort`: built with -C panic=abort. */
  panicAbort: boolean;
  /** `//@ toolchain: nightly`: built and run only when `rustc +nightly` exists. */
  nightly: boolean;
  /** `//@ c-source: f.c` (repeatable): C files next to the program, compiled by cc into a static library linked in. */
  cSources: string[];
  /**
   * `//@ cgts-unsupported: <text>`: the program needs what cgts does not do
   * yet; its cgts build must fail with an error containing <text>.
   */
  unsupported: string;
  golden: string;
}

/**
 * Header directives: lines `//@ key: value` at the top of a program (before
 * any other line). Keys: `panic` (`abort`), `toolchain` (`nightly`),
 * `c-source` (a .c file in the same folder), `edition`, `cgts-unsupported`.
 */
export function parseProgram(path: string, id: string, goldenDir: string, defaultEdition: string, source = readFileSync(path, 'utf8')): RustProgram {
  const name = basename(path, '.rs');
  const p: RustProgram = {
    id, name, path, source, edition: defaultEdition, panicAbort: false, nightly: false, cSources: [], unsupported: '',
    golden: join(goldenDir, name + '.out'),
  };
  for (const line of source.split('\n')) {
    const m = /^\/\/@\s*([\w-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m) break;
    const [, key, value] = m;
    if (key === 'panic' && value === 'abort') p.panicAbort = true;
    else if (key === 'toolchain' && value === 'nightly') p.nightly = true;
    else if (key === 'c-source') p.cSources.push(join(dirname(path), value));
    else if (key === 'edition') p.edition = value;
    else if (key === 'cgts-unsupported') p.unsupported = value;
    else throw new Error(`${path}: unknown directive '//@ ${key}: ${value}'`);
  }
  return p;
}

/**
 * Every program: test/rustc/corpus/*.rs (edition 2024), then
 * test/bitcode/corpus/*.rs and the bitcode corpus's generated large program
 * (edition 2021, as the bitcode tests build them).
 */
export function corpusPrograms(): RustProgram[] {
  const out: RustProgram[] = [];
  for (const f of readdirSync(rustcCorpusDir).sort()) {
    if (f.endsWith('.rs')) out.push(parseProgram(join(rustcCorpusDir, f), f.slice(0, -3), rustcCorpusDir, '2024'));
  }
  for (const f of readdirSync(bitcodeCorpusDir).sort()) {
    if (f.endsWith('.rs')) out.push(parseProgram(join(bitcodeCorpusDir, f), 'bitcode/' + f.slice(0, -3), bitcodeGoldenDir, '2021'));
  }
  const gen = bitcodeProgram(GENERATED_NAME);
  out.push(parseProgram(join(bitcodeCorpusDir, `${gen.name}.rs`), `bitcode/${gen.name}`, bitcodeGoldenDir, '2021', gen.source));
  return out;
}

/** A way of building: the same flags go to stock rustc and to `cgts rustc`. */
export interface Variant {
  name: string;
  flags: string[];
}
export const VARIANTS: readonly Variant[] = [
  { name: 'O0', flags: ['-C', 'opt-level=0'] },
  { name: 'O0-g', flags: ['-C', 'opt-level=0', '-g'] },
];

const versionCache = new Map<string, string | null>();
/** `rustc -vV` of the default toolchain, or of the nightly (`rustc +nightly`); null when absent. */
export function rustcVersion(nightly = false): string | null {
  const key = nightly ? 'nightly' : '';
  let v = versionCache.get(key);
  if (v === undefined) {
    const r = spawnSync('rustc', nightly ? ['+nightly', '-vV'] : ['-vV'], { encoding: 'utf8' });
    v = r.status === 0 ? r.stdout : null;
    versionCache.set(key, v);
  }
  return v;
}

/** Environment for rustc: the nightly is chosen through rustup's RUSTUP_TOOLCHAIN, which `cgts rustc` passes on to the rustc it runs. */
export function buildEnv(p: RustProgram): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (p.nightly) env.RUSTUP_TOOLCHAIN = 'nightly';
  else delete env.RUSTUP_TOOLCHAIN;
  return env;
}

/** rustc options for a program, minus the source file and -o: identical for stock rustc and `cgts rustc`. */
export function rustcFlags(p: RustProgram, v: Variant, cLibDir: string | null): string[] {
  const f = ['--edition', p.edition, ...v.flags, '--cap-lints', 'allow'];
  if (p.panicAbort) f.push('-C', 'panic=abort');
  if (cLibDir !== null) f.push('-L', `native=${cLibDir}`, '-l', `static=${cLibName(p)}`);
  return f;
}

function cLibName(p: RustProgram): string {
  return 'corpus_' + p.name;
}

/** Limits concurrent child processes to the machine's cores. */
export class Pool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly size: number) {}
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await job();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
export const pool = new Pool(Math.max(1, availableParallelism()));

export interface ProcResult {
  stdout: string;
  stderr: string;
  /** Exit status, or null when a signal ended the process. */
  status: number | null;
  signal: string | null;
  timedOut: boolean;
  ms: number;
}

/**
 * Runs a command to completion (killed with SIGKILL after timeoutMs),
 * capturing its output. A spawn that fails with ETXTBSY or EAGAIN (an
 * executable another process still holds open for writing, a momentary
 * process limit) is retried a few times before the error is reported.
 */
export async function runProcess(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ProcResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(cmd, args, opts);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'ETXTBSY' && code !== 'EAGAIN')) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

function runOnce(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ProcResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        status,
        signal,
        timedOut,
        ms: performance.now() - t0,
      });
    });
  });
}

/** How long one corpus program may run, and one build may take. */
export const RUN_TIMEOUT_MS = 60_000;
export const BUILD_TIMEOUT_MS = 300_000;

/** The environment a corpus program runs in: fixed, so nothing in it shows in the output. */
export function runEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', RUST_BACKTRACE: '0', LC_ALL: 'C' };
}

export async function runProgram(exe: string, timeoutMs = RUN_TIMEOUT_MS): Promise<ProcResult> {
  return pool.run(() => runProcess(exe, [], { cwd: dirname(exe), env: runEnv(), timeoutMs }));
}

/**
 * The time limit for the cgts build of a program whose stock build ran for
 * `stockMs`: the corpus programs finish in well under a second, so a cgts
 * build that runs 50 times longer (and at least 10 s) is taken as hung.
 */
export function cgtsRunTimeout(stockMs: number): number {
  return Math.min(RUN_TIMEOUT_MS, Math.max(10_000, 50 * stockMs));
}

function hashKey(parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Compiles the program's C sources with cc into lib<name>.a in `dir`; returns dir, or null when there are none. */
async function buildCLib(p: RustProgram, dir: string): Promise<string | null> {
  if (p.cSources.length === 0) return null;
  const objs: string[] = [];
  for (const c of p.cSources) {
    const obj = join(dir, basename(c, '.c') + '.o');
    const r = await pool.run(() => runProcess('cc', ['-O1', '-fPIC', '-c', c, '-o', obj], { timeoutMs: BUILD_TIMEOUT_MS }));
    if (r.status !== 0) throw new Error(`cc -c ${c} failed:\n${r.stderr}`);
    objs.push(obj);
  }
  const r = await runProcess('ar', ['rcs', join(dir, `lib${cLibName(p)}.a`), ...objs], { timeoutMs: BUILD_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`ar failed for ${p.id}:\n${r.stderr}`);
  return dir;
}

export interface StockBuild {
  exe: string;
}

const stockBuilds = new Map<string, Promise<StockBuild>>();

/**
 * The program built by stock rustc in one variant, as an executable named
 * after the program. Cached in cacheDir by source, C sources, compiler
 * version and flags, so repeated test runs only rebuild what changed.
 */
export function buildStock(p: RustProgram, v: Variant): Promise<StockBuild> {
  const id = `${p.id}:${v.name}`;
  let b = stockBuilds.get(id);
  if (!b) {
    b = buildStockUncached(p, v);
    stockBuilds.set(id, b);
  }
  return b;
}

async function buildStockUncached(p: RustProgram, v: Variant): Promise<StockBuild> {
  const version = rustcVersion(p.nightly);
  if (version === null) throw new Error(`rustc${p.nightly ? ' +nightly' : ''} is not installed`);
  const cText = p.cSources.map((c) => readFileSync(c, 'utf8'));
  const key = hashKey([p.source, ...cText, version, ...rustcFlags(p, v, p.cSources.length ? 'C' : null)]);
  const slug = p.id.replace(/\//g, '-');
  const dest = join(cacheDir, `${slug}.${v.name}.${key}`);
  const exe = join(dest, p.name);
  if (existsSync(exe)) return { exe };
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, `work-${slug}-`));
  try {
    writeFileSync(join(work, p.name + '.rs'), p.source);
    const cLib = await buildCLib(p, work);
    const args = [...rustcFlags(p, v, cLib), p.name + '.rs', '-o', p.name];
    const r = await pool.run(() => runProcess('rustc', args, { cwd: work, env: buildEnv(p), timeoutMs: BUILD_TIMEOUT_MS }));
    if (r.status !== 0) throw new Error(`rustc ${args.join(' ')} failed for ${p.id}:\n${r.stderr}`);
    const staged = join(work, 'out');
    mkdirSync(staged);
    renameSync(join(work, p.name), join(staged, p.name));
    try {
      renameSync(staged, dest);
    } catch (e) {
      // Another process stored the same build first.
      if (!existsSync(exe)) throw e;
    }
    pruneStale(`${slug}.${v.name}.`, key);
    return { exe };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Deletes cached builds of an older source or compiler (same prefix, another key). */
function pruneStale(prefix: string, key: string): void {
  for (const f of readdirSync(cacheDir)) {
    if (f.startsWith(prefix) && f !== prefix + key) rmSync(join(cacheDir, f), { recursive: true, force: true });
  }
}

/** The cgts command line: this checkout's bin/cgts.js run by the current node. */
export function cgtsCommand(): string[] {
  return [process.execPath, join(repoRoot, 'bin', 'cgts.js')];
}

export type CgtsBuild =
  | { kind: 'built'; exe: string; dir: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'failed'; message: string };

/**
 * Builds the program with `<command> rustc <flags> <name>.rs -o <name>`
 * (command: `node bin/cgts.js` unless a test substitutes another)
 * in a fresh temporary folder (the caller removes `dir` when done). A build
 * that fails with NOT_IMPLEMENTED, or a cgts without a `rustc` command, is
 * `unavailable`; any other failure is `failed`.
 */
export async function buildCgts(p: RustProgram, v: Variant, command: readonly string[] = cgtsCommand()): Promise<CgtsBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-rustc-diff-'));
  let keep = false;
  try {
    writeFileSync(join(dir, p.name + '.rs'), p.source);
    const cLib = await buildCLib(p, dir);
    const args = [...command.slice(1), 'rustc', ...rustcFlags(p, v, cLib), p.name + '.rs', '-o', p.name];
    const r = await pool.run(() => runProcess(command[0], args, { cwd: dir, env: buildEnv(p), timeoutMs: BUILD_TIMEOUT_MS }));
    const text = r.stdout + r.stderr;
    if (r.status !== 0 || r.timedOut) {
      if (text.includes(NOT_IMPLEMENTED)) return { kind: 'unavailable', reason: `cgts rustc: ${NOT_IMPLEMENTED} yet` };
      if (text.includes(NO_RUSTC_COMMAND)) return { kind: 'unavailable', reason: 'cgts has no rustc command yet' };
      const how = r.timedOut ? `timed out after ${BUILD_TIMEOUT_MS} ms` : `exited with ${r.status ?? r.signal}`;
      return { kind: 'failed', message: `cgts rustc ${args.slice(command.length).join(' ')} ${how}:\n${text}` };
    }
    const exe = join(dir, p.name);
    if (!existsSync(exe)) return { kind: 'failed', message: `cgts rustc succeeded but wrote no ${p.name}:\n${text}` };
    keep = true;
    return { kind: 'built', exe, dir };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What may differ between two correct builds of the same program, made
 * equal: the executable's path, thread ids in panic messages
 * (`thread 'main' (1234) panicked`), and the stack backtrace the runtime
 * always prints for a panic that cannot unwind (addresses and symbol names).
 */
export function normalizeStderr(stderr: string, exe: string): string {
  let s = stderr.split(exe).join('<exe>');
  s = s.replace(/^(thread '[^']*') \(\d+\)/gm, '$1 (<tid>)');
  const out: string[] = [];
  let inTrace = false;
  for (const line of s.split('\n')) {
    if (line === 'stack backtrace:') {
      inTrace = true;
      out.push('stack backtrace: <elided>');
      continue;
    }
    if (inTrace && /^\s+(\d+:|at )/.test(line)) continue;
    inTrace = false;
    out.push(line);
  }
  return out.join('\n');
}

/** stdout, normalised stderr and status of a run: two correct builds of a program give equal records. */
export function observed(r: ProcResult, exe: string): { status: string; stdout: string; stderr: string } {
  return { status: describeStatus(r), stdout: r.stdout, stderr: normalizeStderr(r.stderr, exe) };
}

/** The exit status as one word: `exit N`, `signal SIGxxx`, or `timed out`. */
export function describeStatus(r: ProcResult): string {
  if (r.timedOut) return 'timed out';
  return r.signal !== null ? `signal ${r.signal}` : `exit ${r.status}`;
}

function section(title: string, text: string): string {
  if (text === '') return `--- ${title}\n`;
  return `--- ${title}\n${text}${text.endsWith('\n') ? '' : '\n\\ no newline at end\n'}`;
}

/** The golden-file text of a run: status, stdout, normalised stderr. */
export function goldenText(r: ProcResult, exe: string): string {
  return `status: ${describeStatus(r)}\n${section('stdout', r.stdout)}${section('stderr', normalizeStderr(r.stderr, exe))}`;
}
