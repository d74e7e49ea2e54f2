// Compiles a list of bitcode modules to ELF objects, on worker threads when
// there is more than one module and more than one thread to use, else in this
// thread. Needs the modules' bytes and a compile function (cgts's pipeline,
// or one loaded from a module for testing); produces one outcome per module,
// in input order, each an object or an error.

import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CgtsError } from '../support/diag.js';
import { compileOnServer } from './compile-server.js';
import type { PipelineOptions, PipelineResult } from './pipeline.js';

export type CompileFn = (bytes: Uint8Array, fileName: string, opts: PipelineOptions) => PipelineResult;

export interface CompileJob {
  bytes: Uint8Array;
  /** how errors name the module: a path, or `archive.rlib(member.o)` */
  name: string;
}

export interface CompileOutcome {
  object: Uint8Array | null;
  clif: string | null;
  /** milliseconds per pipeline step (read, data, translate, verify, codegen, write), when compiled here or by a worker */
  times?: Record<string, number>;
  /** a CgtsError for input cgts cannot handle, another Error for a bug */
  error: Error | null;
  /** the object cache's key of `object`, when the cache holds it (a link can then hard-link the entry instead of writing a copy) */
  cacheKey?: string;
}

export interface PoolOptions {
  /** threads to use at most; 1 compiles in this thread */
  threads: number;
  emitClif: boolean;
  /** compile in this thread with this function (no workers) */
  compile?: CompileFn;
  /** a module (path or file: URL) exporting `compileBitcode`, used instead of cgts's pipeline */
  compilerModule?: string;
  /** called after each module, with the number done so far */
  onDone?: (done: number) => void;
  /** a compile server's socket (see compile-server.ts) to use, or '' */
  server?: string;
  /** compiles on the warm workers of a compile server running in this process */
  submit?: SubmitFn;
}

export type SubmitFn = (jobs: readonly CompileJob[], emitClif: boolean, onDone?: (n: number) => void) => Promise<CompileOutcome[]>;

/** An error as it crosses from a worker: enough to rebuild a CgtsError or an internal Error. */
export interface WireError {
  cgts: boolean;
  message: string;
  where: string;
  exitCode: number;
  stack: string;
}

export function toWire(e: unknown): WireError {
  if (e instanceof CgtsError) return { cgts: true, message: e.message, where: e.where, exitCode: e.exitCode, stack: e.stack ?? '' };
  const err = e instanceof Error ? e : new Error(String(e));
  return { cgts: false, message: err.message, where: '', exitCode: 101, stack: err.stack ?? '' };
}

/** What a compile worker posts back for one job. */
export interface WorkerAnswer {
  id: number;
  object?: Uint8Array;
  clif?: string;
  times?: Record<string, number>;
  error?: WireError;
}

/** The outcome a worker's answer stands for. */
export function outcomeOf(m: WorkerAnswer): CompileOutcome {
  return m.error
    ? { object: null, clif: null, error: fromWire(m.error) }
    : { object: m.object ?? null, clif: m.clif ?? null, error: null, times: m.times };
}

/**
 * The bytes to post to a worker: posting a view clones its whole buffer (an
 * archive member would carry the whole archive along), so a partial view is
 * copied out first; the copy can be moved rather than cloned.
 */
export function postable(b: Uint8Array): { bytes: Uint8Array; copied: boolean } {
  const whole = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
  return whole ? { bytes: b, copied: false } : { bytes: new Uint8Array(b), copied: true };
}

export function fromWire(w: WireError): Error {
  const e = w.cgts ? new CgtsError(w.message, w.where, w.exitCode) : new Error(w.message);
  if (w.stack) e.stack = w.stack;
  return e;
}

/**
 * V8 flags for cgts's compile threads. TurboFan inlines callees into a
 * function it optimizes up to a cumulative 920 bytes of bytecode by default;
 * cgts's large dispatch functions (translation, instruction selection) pull
 * in many callees, and each is compiled several times in a cold worker (on
 * V8's background threads) as new cases deoptimize it. A quarter of that
 * budget cuts a cold pass's CPU time by about 14% without slowing warm
 * passes (bench/warmup.ts; no inlining at all makes warm passes 40% slower,
 * and a later tier-up, --interrupt-budget, gained nothing measurable).
 * CGTS_V8_FLAGS replaces these ('' for V8's defaults).
 */
export const COMPILE_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=230';

let flagsSet = false;

/**
 * Sets COMPILE_V8_FLAGS (or CGTS_V8_FLAGS) once per process. V8's flags are
 * process-wide: a worker's isolate takes them when it starts, so this runs
 * before the first worker starts; in this thread they apply to the functions
 * V8 has not yet set up (cgts's compile code, run after this).
 */
export function setCompileFlags(): void {
  if (flagsSet) return;
  flagsSet = true;
  const flags = process.env.CGTS_V8_FLAGS ?? COMPILE_V8_FLAGS;
  if (flags.trim() !== '') setFlagsFromString(flags);
}

/** Loads `compileBitcode` from `moduleSpec` (a path or URL), or cgts's own pipeline when it is undefined. */
export async function loadCompiler(moduleSpec?: string): Promise<CompileFn> {
  if (!moduleSpec) return (await import('./pipeline.js')).compileBitcode;
  const url = /^[a-z]+:/.test(moduleSpec) ? moduleSpec : pathToFileURL(resolve(moduleSpec)).href;
  const mod = (await import(url)) as { compileBitcode?: unknown };
  if (typeof mod.compileBitcode !== 'function') throw new CgtsError(`module '${moduleSpec}' does not export compileBitcode()`);
  return mod.compileBitcode as CompileFn;
}

function runOne(compile: CompileFn, job: CompileJob, emitClif: boolean): CompileOutcome {
  try {
    const timers = new Map<string, number>();
    const r = compile(job.bytes, job.name, { emitClif, timers });
    return { object: r.object, clif: r.clif ?? null, error: null, times: Object.fromEntries(timers) };
  } catch (e) {
    return { object: null, clif: null, error: e instanceof Error ? e : new Error(String(e)) };
  }
}

/** Yields to the event loop's timers (a progress line) between modules compiled in this thread. */
const nextTurn = () => new Promise<void>((r) => setTimeout(r, 0));

export async function compileAll(jobs: readonly CompileJob[], opts: PoolOptions): Promise<CompileOutcome[]> {
  const out: CompileOutcome[] = new Array(jobs.length);
  let done = 0;
  if (opts.submit && !opts.compile && !opts.compilerModule) return opts.submit(jobs, opts.emitClif, opts.onDone);
  if (opts.server && !opts.compile && !opts.compilerModule) {
    try {
      return await compileOnServer(opts.server, jobs, opts.emitClif, opts.onDone);
    } catch {
      // the server is gone (its cargo ended early, say): compile here
    }
  }
  const threads = Math.min(opts.threads, jobs.length);
  setCompileFlags();
  if (opts.compile || threads <= 1) {
    const compile = opts.compile ?? (await loadCompiler(opts.compilerModule));
    for (let k = 0; k < jobs.length; k++) {
      out[k] = runOne(compile, jobs[k], opts.emitClif);
      opts.onDone?.(++done);
      await nextTurn();
    }
    return out;
  }

  if (opts.compilerModule) await loadCompiler(opts.compilerModule); // a bad module is one clear error here, not in every worker
  // Largest modules first, so that the last one to finish is a small one.
  const order = jobs.map((_, k) => k).sort((a, b) => jobs[b].bytes.length - jobs[a].bytes.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let running = 0;
      const feed = (w: Worker) => {
        if (next >= order.length) {
          if (running === 0) resolveAll();
          return;
        }
        const k = order[next++];
        running++;
        const { bytes, copied } = postable(jobs[k].bytes);
        w.postMessage({ id: k, bytes, name: jobs[k].name, emitClif: opts.emitClif }, copied ? [bytes.buffer as ArrayBuffer] : []);
      };
      for (let t = 0; t < threads; t++) {
        const w = new Worker(new URL('./compile-worker.js', import.meta.url), { workerData: { compilerModule: opts.compilerModule ?? '' } });
        workers.push(w);
        w.on('message', (m: WorkerAnswer) => {
          running--;
          out[m.id] = outcomeOf(m);
          opts.onDone?.(++done);
          feed(w);
        });
        w.on('error', (e) => rejectAll(e));
        w.on('exit', (code) => {
          if (code !== 0) rejectAll(new Error(`a compile worker thread exited with status ${code}`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
