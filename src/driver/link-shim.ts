// The link shim rustc runs as its linker under `-Clinker-plugin-lto`. Needs
// rustc's cc-style link line; compiles every LLVM bitcode input (objects, and
// bitcode members of archives, recognised by content) to ELF objects in a
// private temporary directory, then runs the real linker driver (`cc`) with
// the same line: bitcode inputs replaced by the objects or rewritten archives,
// `-plugin-opt=` items removed, everything else unchanged and in order.
// Optionally writes the translated CLIF and an objdump listing beside the
// output. Temporary files are removed on success, failure and signals.
// compileInPlace does the same to an object or archive rustc has just written.

import { closeSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { readArchive, writeArchive, type ArMember } from '../object/ar.js';
import { CgtsError, CgtsErrorList, fail } from '../support/diag.js';
import { cacheFromEnv, type ObjectCache } from './cache.js';
import { appendTimings } from './timings.js';
import { compileAll, type CompileFn, type CompileJob, type CompileOutcome, type SubmitFn } from './compile-pool.js';
import { ArgKind, dropPluginOpts, expandResponseFiles, joinResponseFile, parseLinkLine } from './link-line.js';

export interface ShimOptions {
  /** the linker driver to run (default `cc`) */
  linker: string;
  /** run the linker (false: only write the CLIF / listing) */
  link: boolean;
  /** where to write the translated CLIF ('-' is standard output), or '' for none */
  clifPath: string;
  /** where to write the objdump listing of the generated code, or '' for none */
  asmPath: string;
  /** compile threads at most */
  threads: number;
  /** compile in this thread with this function (tests) */
  compile?: CompileFn;
  /** a module exporting compileBitcode to use instead of cgts's pipeline */
  compilerModule?: string;
  /** where the private temporary directory is made */
  tempRoot: string;
  /** keep the temporary directory and say where it is */
  keepTemps: boolean;
  /** a progress line is written when compiling takes longer than this */
  progressAfterMs: number;
  /** where progress lines go */
  progress: (line: string) => void;
  /** called with the temporary directory once it exists (tests) */
  onTempDir?: (dir: string) => void;
  /** compiled objects kept by content hash, or null */
  cache: ObjectCache | null;
  /** the compile server's socket, or '' (compile in this process) */
  server: string;
  /** compiles on the warm workers of the compile server in this process (the server's own rewrites) */
  submit?: SubmitFn;
  /** where to append timing records (`cargo cgts --timings`), or '' */
  timingsFile: string;
}

/** The options rustc's environment gives the shim (see `cgts rustc --help`). */
export function shimOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ShimOptions {
  const emit = (env.CGTS_EMIT ?? 'link').split(',').filter((s) => s !== '');
  for (const e of emit) if (e !== 'link' && e !== 'clif' && e !== 'asm') fail(`CGTS_EMIT: unknown kind '${e}' (expected link, clif, asm)`);
  const jobs = env.CGTS_JOBS ? Number(env.CGTS_JOBS) : availableParallelism();
  if (!(Number.isInteger(jobs) && jobs >= 1)) fail(`CGTS_JOBS must be a positive integer, not '${env.CGTS_JOBS}'`);
  const progressFd = env.CGTS_PROGRESS_FD ? Number(env.CGTS_PROGRESS_FD) : -1;
  return {
    linker: env.CGTS_LINKER || 'cc',
    link: emit.includes('link'),
    clifPath: emit.includes('clif') ? env.CGTS_EMIT_CLIF_PATH || '<output>' : '',
    asmPath: emit.includes('asm') ? env.CGTS_EMIT_ASM_PATH || '<output>' : '',
    threads: jobs,
    compilerModule: env.CGTS_COMPILE_WITH || undefined,
    tempRoot: tmpdir(),
    keepTemps: env.CGTS_KEEP_TEMPS === '1',
    // CGTS_PROGRESS=none (cargo cgts -q) silences the progress lines.
    progressAfterMs: env.CGTS_PROGRESS === 'none' ? Infinity : 2000,
    cache: cacheFromEnv(env),
    server: env.CGTS_SERVER ?? '',
    timingsFile: env.CGTS_TIMINGS_FILE ?? '',
    progress: (line) => {
      // rustc keeps its linker's stderr until the link ends; `cgts rustc` passes its own stderr as this descriptor.
      if (progressFd > 2) {
        try {
          writeSync(progressFd, line + '\n');
          return;
        } catch {
          // not open here: fall back to our own stderr
        }
      }
      process.stderr.write(line + '\n');
    },
  };
}

const isBitcode = (b: Uint8Array) =>
  b.length >= 4 && ((b[0] === 0x42 && b[1] === 0x43 && b[2] === 0xc0 && b[3] === 0xde) || (b[0] === 0xde && b[1] === 0xc0 && b[2] === 0x17 && b[3] === 0x0b));

/** What an input file is, from its first bytes (and, for an archive, its members' first bytes). */
const enum InputKind { Other, Bitcode, ArchiveWithBitcode }

function classify(path: string): InputKind {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return InputKind.Other; // the linker reports a missing input in its own words
  }
  try {
    const head = new Uint8Array(68);
    if (readSync(fd, head, 0, 8, 0) < 8) return isBitcode(head) ? InputKind.Bitcode : InputKind.Other;
    if (isBitcode(head)) return InputKind.Bitcode;
    if (String.fromCharCode(...head.subarray(0, 8)) !== '!<arch>\n') return InputKind.Other;
    // Walk the member headers, reading only each member's first bytes.
    let off = 8;
    for (;;) {
      const n = readSync(fd, head, 0, 64, off);
      if (n < 60) return InputKind.Other;
      const name = String.fromCharCode(...head.subarray(0, 16)).trimEnd();
      const size = parseInt(String.fromCharCode(...head.subarray(48, 58)).trim(), 10);
      if (!(size >= 0)) return InputKind.Other; // malformed: the linker says what is wrong
      if (name !== '/' && name !== '//' && name !== '/SYM64/' && n >= 64 && isBitcode(head.subarray(60, 64))) return InputKind.ArchiveWithBitcode;
      off += 60 + size + (size & 1);
    }
  } finally {
    closeSync(fd);
  }
}

/** One input that needs rewriting: a bitcode object, or an archive and which of its members are bitcode. */
interface Rewrite {
  arg: number;
  path: string;
  archive: ArMember[] | null;
  /** job index per archive member (-1: kept as it is), or the one job of an object */
  jobs: number[];
  /** the earlier rewrite of the same path, whose output this argument reuses, or -1 */
  alias: number;
}

/** The output's name without a library or `.exe` extension, for the CLIF and listing beside it. */
function sidePath(output: string, ext: string): string {
  return (output || 'a.out').replace(/\.(so|exe|out|rlib|a)$/, '') + ext;
}

function tempName(dir: string, seq: number, path: string): string {
  return join(dir, `${seq}-${basename(path)}`);
}

/**
 * Compiles the jobs (on worker threads when there are several), with a
 * progress line if it takes long; throws the compile errors (one CgtsError,
 * a CgtsErrorList, or the first internal error).
 */
async function compileJobs(jobs: readonly CompileJob[], opts: ShimOptions, forWhat: string): Promise<CompileOutcome[]> {
  // Objects already in the cache are taken from it; only the rest is compiled.
  const cache = opts.cache && opts.clifPath === '' && !opts.compile && !opts.compilerModule ? opts.cache : null;
  const keys = cache ? jobs.map((j) => cache.key(j.bytes, 'obj')) : [];
  const cached: (Uint8Array | null)[] = cache ? keys.map((k) => cache.get(k)) : [];
  const todo = cache ? jobs.filter((_, k) => cached[k] === null) : jobs;

  const started = performance.now();
  let done = 0;
  const timer = Number.isFinite(opts.progressAfterMs) ? setTimeout(() => {
    opts.progress(`cgts: compiling ${todo.length} bitcode module${todo.length === 1 ? '' : 's'} for ${forWhat} (${done} done)`);
  }, opts.progressAfterMs) : undefined;
  let compiled: CompileOutcome[];
  try {
    compiled = todo.length === 0 ? [] : await compileAll(todo, {
      threads: opts.threads,
      emitClif: opts.clifPath !== '',
      compile: opts.compile,
      compilerModule: opts.compilerModule,
      server: opts.server,
      submit: opts.submit,
      onDone: (n) => { done = n; },
    });
  } finally {
    clearTimeout(timer);
  }
  const failed = compiled.filter((o) => o.error !== null);
  if (failed.length > 0) {
    const internal = failed.find((o) => !(o.error instanceof CgtsError));
    // A bug in cgts is reported as such; otherwise every module that could not be compiled gets its line.
    if (internal) throw internal.error;
    if (failed.length > 1) throw new CgtsErrorList(failed.map((o) => o.error as CgtsError));
    throw failed[0].error;
  }
  const seconds = (performance.now() - started) / 1000;
  if (seconds * 1000 > opts.progressAfterMs) opts.progress(`cgts: compiled ${todo.length} bitcode modules in ${seconds.toFixed(1)} s`);
  if (!cache) {
    recordTimes(opts, forWhat, jobs, compiled, []);
    return compiled;
  }
  let next = 0;
  const outcomes = jobs.map((_, k): CompileOutcome => {
    const hit = cached[k];
    if (hit) return { object: hit, clif: null, error: null, cacheKey: keys[k] };
    const o = compiled[next++];
    return cache.put(keys[k], o.object!) ? { ...o, cacheKey: keys[k] } : o;
  });
  cache.trim();
  recordTimes(opts, forWhat, jobs, outcomes, cached);
  return outcomes;
}

/** Appends the compile times of these modules to the timings file, when there is one. */
function recordTimes(opts: ShimOptions, artifact: string, jobs: readonly CompileJob[], outcomes: readonly CompileOutcome[], cached: readonly (Uint8Array | null)[]): void {
  if (!opts.timingsFile) return;
  appendTimings(opts.timingsFile, jobs.map((j, k) => ({ artifact, module: j.name, cached: cached[k] ? true : undefined, times: outcomes[k].times ?? {} })));
}

/** Jobs for an archive's bitcode members, and the job index per member (-1: kept as it is). */
function archiveJobs(members: readonly ArMember[], path: string, jobs: CompileJob[]): number[] {
  return members.map((m) => {
    if (!isBitcode(m.data)) return -1;
    jobs.push({ bytes: m.data, name: `${path}(${m.name})` });
    return jobs.length - 1;
  });
}

/** The archive with each bitcode member replaced by its object (same name, same place). */
function rewrittenArchive(members: readonly ArMember[], memberJobs: readonly number[], outcomes: readonly CompileOutcome[]): Uint8Array {
  return writeArchive(members.map((m, k) => (memberJobs[k] < 0 ? m : { name: m.name, data: outcomes[memberJobs[k]].object!, mode: m.mode })));
}

/**
 * Replaces an output rustc has just written under -Clinker-plugin-lto by its
 * native form: a bitcode object (`--emit=obj`) by the compiled object, an
 * archive (rlib, staticlib) by a copy with its bitcode members compiled. For
 * archives, writes the CLIF and listing beside it when asked. Returns false,
 * changing nothing, when the file holds no bitcode (or does not exist).
 */
export async function compileInPlace(path: string, opts: ShimOptions): Promise<boolean> {
  const kind = classify(path);
  if (kind === InputKind.Other) return false;
  const jobs: CompileJob[] = [];
  let bytes: Uint8Array;
  if (kind === InputKind.Bitcode) {
    jobs.push({ bytes: readFileSync(path), name: path });
    bytes = (await compileJobs(jobs, { ...opts, clifPath: '' }, path))[0].object!;
  } else {
    const ar = readArchive(readFileSync(path), path);
    const memberJobs = archiveJobs(ar.members, path, jobs);
    const outcomes = await compileJobs(jobs, opts, path);
    bytes = rewrittenArchive(ar.members, memberJobs, outcomes);
    if (opts.clifPath) writeClif(opts.clifPath === '<output>' ? sidePath(path, '.clif') : opts.clifPath, jobs, outcomes);
    if (opts.asmPath) {
      const dir = mkdtempSync(join(opts.tempRoot, 'cgts-link-'));
      try {
        writeListing(opts.asmPath === '<output>' ? sidePath(path, '.s') : opts.asmPath, jobs, outcomes, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const tmp = `${path}.cgts-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
  return true;
}

/** A link line's bitcode inputs, compiled: what replaces each of them. */
interface CompiledInputs {
  args: string[];
  output: string;
  jobs: CompileJob[];
  rewrites: Rewrite[];
  outcomes: CompileOutcome[];
}

/** Expands the line's response files and compiles every bitcode input (objects, archive members); paths are relative to `cwd`. */
async function compileLinkInputs(argv: readonly string[], cwd: string, opts: ShimOptions): Promise<CompiledInputs> {
  const args = expandResponseFiles(argv, cwd);
  const line = parseLinkLine(args);
  const jobs: CompileJob[] = [];
  const rewrites: Rewrite[] = [];
  const firstUse = new Map<string, number>(); // an input named twice is compiled once
  for (let i = 0; i < args.length; i++) {
    if (line.kinds[i] !== ArgKind.Input) continue;
    const path = args[i];
    const seen = firstUse.get(path);
    if (seen !== undefined) {
      rewrites.push({ ...rewrites[seen], arg: i, alias: seen });
      continue;
    }
    const file = resolve(cwd, path);
    const kind = classify(file);
    if (kind !== InputKind.Other) firstUse.set(path, rewrites.length);
    if (kind === InputKind.Bitcode) {
      rewrites.push({ arg: i, path, archive: null, jobs: [jobs.length], alias: -1 });
      jobs.push({ bytes: readFileSync(file), name: path });
    } else if (kind === InputKind.ArchiveWithBitcode) {
      const ar = readArchive(readFileSync(file), path);
      const memberJobs = archiveJobs(ar.members, path, jobs);
      rewrites.push({ arg: i, path, archive: ar.members, jobs: memberJobs, alias: -1 });
    }
  }
  const outcomes = await compileJobs(jobs, opts, line.output || 'a.out');
  return { args, output: line.output, jobs, rewrites, outcomes };
}

/**
 * Writes the compiled inputs into `dir` (an object the cache holds as a hard
 * link to its entry when `dir` is on the cache's file system); returns the
 * line with each bitcode input replaced by its native form.
 */
function writeLinkInputs(c: CompiledInputs, dir: string, cache: ObjectCache | null): string[] {
  const linkArgs = c.args.slice();
  c.rewrites.forEach((r, seq) => {
    if (r.alias >= 0) {
      linkArgs[r.arg] = linkArgs[c.rewrites[r.alias].arg];
      return;
    }
    const out = tempName(dir, seq, r.path);
    linkArgs[r.arg] = out;
    if (r.archive) {
      writeFileSync(out, rewrittenArchive(r.archive, r.jobs, c.outcomes));
      return;
    }
    const o = c.outcomes[r.jobs[0]];
    if (!(cache && o.cacheKey && cache.linkEntry(o.cacheKey, out))) writeFileSync(out, o.object!);
  });
  return linkArgs;
}

/** The linker's arguments: plugin options dropped, and a response file in the folder `dir()` gives when the line is very long. */
function finalLinkArgs(linkArgs: readonly string[], dir: () => string): string[] {
  const finalArgs = dropPluginOpts(linkArgs);
  if (finalArgs.reduce((n, a) => n + a.length + 1, 0) <= 100_000) return finalArgs;
  const rsp = join(dir(), 'link-args');
  writeFileSync(rsp, joinResponseFile(finalArgs));
  return ['@' + rsp];
}

/**
 * The link shim's work done by the compile server for the fast shim
 * (bin/cgts-link under `cargo cgts`): compiles the bitcode inputs of a link
 * line given relative to `cwd`, writes them into a new folder (in the
 * object cache's `links/` when there is a cache, else under `opts.tempRoot`),
 * and returns the linker's arguments and that folder. The caller runs the
 * linker and removes the folder.
 */
export async function prepareLink(argv: readonly string[], cwd: string, opts: ShimOptions): Promise<{ args: string[]; dir: string }> {
  const c = await compileLinkInputs(argv, cwd, opts);
  const dir = opts.cache?.linkFolder() ?? mkdtempSync(join(opts.tempRoot, 'cgts-link-'));
  try {
    return { args: finalLinkArgs(writeLinkInputs(c, dir, opts.cache), () => dir), dir };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Runs the shim on rustc's arguments; returns the exit status (the linker's, or 1 when compilation failed). */
export async function runLinkShim(argv: readonly string[], opts: ShimOptions): Promise<number> {
  // Compile first, in memory. No temporary file exists yet, so a signal may end the process as it likes.
  const compiled = await compileLinkInputs(argv, '.', opts);
  const { jobs, outcomes, output } = compiled;

  // From here on there are temporary files: removed on return, on a throw and on SIGINT/SIGTERM/SIGHUP.
  let dir = '';
  let child: ReturnType<typeof spawn> | null = null;
  const cleanup = () => {
    if (dir && !opts.keepTemps) rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals) => {
    cleanup();
    if (child?.pid) {
      try {
        process.kill(-child.pid, sig); // the linker's whole group: cc, collect2, ld
      } catch {
        // already gone
      }
    }
    removeHandlers();
    process.kill(process.pid, sig); // die of the same signal, as the caller expects
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const removeHandlers = () => {
    for (const s of signals) process.removeListener(s, onSignal);
    process.removeListener('exit', cleanup);
  };
  for (const s of signals) process.on(s, onSignal);
  process.on('exit', cleanup);

  try {
    const makeDir = () => {
      if (dir) return;
      dir = mkdtempSync(join(opts.tempRoot, 'cgts-link-'));
      opts.onTempDir?.(dir);
      if (opts.keepTemps) opts.progress(`cgts: keeping temporary files in ${dir}`);
    };
    if (jobs.length > 0 || opts.asmPath !== '') makeDir();
    // Objects and rewritten archives in the temporary directory.
    // Kept temporary files are copies: one edited afterwards must not change a cache entry.
    const linkArgs = writeLinkInputs(compiled, dir, opts.keepTemps ? null : opts.cache);

    if (opts.clifPath) writeClif(opts.clifPath === '<output>' ? sidePath(output, '.clif') : opts.clifPath, jobs, outcomes);
    if (opts.asmPath) writeListing(opts.asmPath === '<output>' ? sidePath(output, '.s') : opts.asmPath, jobs, outcomes, dir);
    if (!opts.link) return 0;

    // The real linker, with the rest of the line in order.
    const finalArgs = finalLinkArgs(linkArgs, () => {
      makeDir();
      return dir;
    });
    const linkStarted = performance.now();
    const status = await new Promise<number>((resolveRun, rejectRun) => {
      // In its own process group, so that a signal to the shim stops cc and the linker it runs.
      child = spawn(opts.linker, finalArgs, { stdio: 'inherit', detached: true });
      child.on('error', (e: NodeJS.ErrnoException) => {
        rejectRun(new CgtsError(
          e.code === 'ENOENT' ? `cannot run the linker '${opts.linker}': not found (set CGTS_LINKER to the linker driver to use)` : `cannot run the linker '${opts.linker}': ${e.message}`,
        ));
      });
      child.on('close', (code, sig) => resolveRun(code ?? 128 + (sig ? signalNumber(sig) : 0)));
    });
    appendTimings(opts.timingsFile, [{ artifact: output || 'a.out', module: '', times: { link: performance.now() - linkStarted } }]);
    return status;
  } finally {
    child = null;
    cleanup();
    removeHandlers();
  }
}

function signalNumber(sig: NodeJS.Signals): number {
  const n: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGTERM: 15 };
  return n[sig] ?? 0;
}

function writeText(path: string, text: string): void {
  if (path === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (e) {
    fail(`cannot write '${path}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function writeClif(path: string, jobs: readonly CompileJob[], outcomes: readonly CompileOutcome[]): void {
  let text = '';
  jobs.forEach((j, k) => {
    text += `; module ${j.name}\n`;
    text += outcomes[k].clif ?? '; (no CLIF)\n';
    if (!text.endsWith('\n')) text += '\n';
  });
  writeText(path, text);
}

/** An objdump listing of every compiled object, each under the name of the module it came from. */
function writeListing(path: string, jobs: readonly CompileJob[], outcomes: readonly CompileOutcome[], dir: string): void {
  if (jobs.length === 0) {
    writeText(path, '');
    return;
  }
  const files = jobs.map((j, k) => {
    const f = join(dir, `listing-${k}.o`);
    writeFileSync(f, outcomes[k].object!);
    return f;
  });
  const r = spawnSync('objdump', ['-d', '-r', '-M', 'intel', '--no-show-raw-insn', ...files], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error || r.status !== 0) fail(`writing the listing needs objdump (GNU binutils): ${r.error?.message ?? r.stderr.trim()}`);
  let text = r.stdout;
  files.forEach((f, k) => { text = text.split(f).join(jobs[k].name); });
  writeText(path, text);
}
