// V8's warm-up of cgts's own code: the time of a first (cold) and a second
// (warm) pass over the same bitcode modules in one fresh process, per set of
// V8 flags, each set in its own process, side by side; the start time of a
// compile worker thread; and the functions V8 deoptimizes most in a cold pass
// (--trace-deopt). Not a test.
//
// Input: bitcode files (.bc) and archives (.rlib, .a) whose bitcode members
// are used; with none given, the dependencies of examples/crates-app are built
// once with -Clinker-plugin-lto into $TMPDIR/cgts-bench-warmup and used.
// Usage: npm run bench:warmup [-- --reps N] [--passes N] [--in-worker]
//          [--variants 'name=flag flag;name2=...' | --flags 'flag flag']
//          [--deopts N] [--max-mb M] [files...]
// A variant's flags after a `set:` word are set with v8.setFlagsFromString
// in the child before cgts is loaded, as cgts itself would set them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { isArchive, readArchive } from '../src/object/ar.js';
import { COMPILE_V8_FLAGS } from '../src/driver/compile-pool.js';
import { median } from './stats.js';

const self = fileURLToPath(import.meta.url);
const root = join(self, '..', '..', '..');

interface Module {
  name: string;
  bytes: Uint8Array;
}

/** What one child process measured, in milliseconds. */
interface ChildResult {
  /** importing cgts's pipeline (or, with --in-worker, starting a worker until it is ready) */
  load: number;
  passes: number[];
  /** CPU time of the whole process (every thread: V8's compiler and GC threads too) per pass */
  cpu: number[];
}

// baseline: V8's defaults (the children load cgts's pipeline or worker directly,
// so cgts's own flags are not set there); cgts: the flags cgts sets for its compile threads
const DEFAULT_VARIANTS = [
  'baseline=',
  `cgts=set: ${COMPILE_V8_FLAGS}`,
  'maglev=--maglev',
  'sparkplug=--always-sparkplug',
  'no-lazy-feedback=--no-lazy-feedback-allocation',
  'budget-24k=--interrupt-budget=24000',
  'max-lazy=--max-lazy',
  'maglev+sparkplug=--maglev --always-sparkplug',
  'maglev+no-lazy-fb=--maglev --no-lazy-feedback-allocation',
  'maglev+sparkplug+no-lazy-fb=--maglev --always-sparkplug --no-lazy-feedback-allocation',
];

function isBitcode(b: Uint8Array): boolean {
  // raw bitcode ('BC' C0DE) or the wrapper header (0x0B17C0DE, little-endian)
  return b.length >= 4 && ((b[0] === 0x42 && b[1] === 0x43 && b[2] === 0xc0 && b[3] === 0xde) || (b[0] === 0xde && b[1] === 0xc0 && b[2] === 0x17 && b[3] === 0x0b));
}

/** The bitcode modules of `paths` (files, archives, or folders of them). */
function collect(paths: string[]): Module[] {
  const out: Module[] = [];
  const visit = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const n of readdirSync(p).sort()) if (/\.(bc|rlib|a)$/.test(n)) visit(join(p, n));
      return;
    }
    const bytes = new Uint8Array(readFileSync(p));
    if (isArchive(bytes)) {
      for (const m of readArchive(bytes, p).members) if (isBitcode(m.data)) out.push({ name: `${p}(${m.name})`, bytes: m.data });
    } else if (isBitcode(bytes)) out.push({ name: p, bytes });
  };
  for (const p of paths) visit(p);
  return out;
}

/** Builds crates-app's dependencies as bitcode rlibs once; returns their folder, or '' when cargo is missing. */
function defaultInputs(): string {
  const work = join(tmpdir(), 'cgts-bench-warmup');
  const deps = join(work, 'target', 'x86_64-unknown-linux-gnu', 'debug', 'deps');
  if (existsSync(join(work, 'done'))) return deps;
  if (spawnSync('cargo', ['--version']).status !== 0) return '';
  mkdirSync(work, { recursive: true });
  console.log(`building examples/crates-app's dependencies as bitcode in ${work} (once)`);
  // --target keeps RUSTFLAGS off build scripts and proc macros; the link of the binary itself is skipped (true).
  // (run in the project's folder: its .cargo/config.toml names the crate sources)
  const r = spawnSync('cargo', ['build', '--target', 'x86_64-unknown-linux-gnu'], {
    cwd: join(root, 'examples', 'crates-app'),
    stdio: 'inherit',
    env: { ...process.env, RUSTFLAGS: '-Clinker-plugin-lto -Clinker=true', CARGO_TARGET_DIR: join(work, 'target'), RUSTC_WRAPPER: '' },
  });
  if (r.status !== 0) throw new Error('cargo build of examples/crates-app failed');
  writeFileSync(join(work, 'done'), '');
  return deps;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

// ---- child: measures in this (fresh) process ----

/** Wall and whole-process CPU milliseconds of each of `passes` runs of `run`. */
async function timePasses(passes: number, run: () => void | Promise<void>): Promise<{ passes: number[]; cpu: number[] }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let p = 0; p < passes; p++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run();
    times.push(performance.now() - t);
    cpu.push(cpuMs(process.cpuUsage(c)));
  }
  return { passes: times, cpu };
}

async function child(files: string[], passes: number, inWorker: boolean, maxBytes: number, runtimeFlags: string): Promise<void> {
  if (runtimeFlags) setFlagsFromString(runtimeFlags);
  let mods = collect(files);
  if (maxBytes > 0) {
    let sum = 0;
    mods = mods.filter((m) => (sum += m.bytes.length) <= maxBytes || sum === m.bytes.length);
  }
  let result: ChildResult;
  if (!inWorker) {
    const t0 = performance.now();
    const { compileBitcode } = await import('../src/driver/pipeline.js');
    const load = performance.now() - t0;
    result = { load, ...(await timePasses(passes, () => {
      for (const m of mods) compileBitcode(m.bytes, m.name, { verify: false });
    })) };
  } else {
    // the compile server's worker, fed one module at a time
    const t0 = performance.now();
    const w = new Worker(new URL('../src/driver/compile-worker.js', import.meta.url), { workerData: { compilerModule: '' } });
    const ask = (m: Module, id: number) =>
      new Promise<void>((res, rej) => {
        w.once('message', (a: { error?: { message: string } }) => (a.error ? rej(new Error(a.error.message)) : res()));
        w.postMessage({ id, bytes: new Uint8Array(m.bytes), name: m.name, emitClif: false });
      });
    // ready: the worker answers its first message once its top-level import is done
    await ask({ name: 'empty', bytes: new Uint8Array(0) }, -1).catch(() => {});
    const load = performance.now() - t0;
    result = { load, ...(await timePasses(passes, async () => {
      for (let k = 0; k < mods.length; k++) await ask(mods[k], k);
    })) };
    await w.terminate();
  }
  process.stdout.write(`\n@@RESULT ${JSON.stringify({ ...result, modules: mods.length, bytes: mods.reduce((s, m) => s + m.bytes.length, 0) })}\n`);
}

// ---- parent: one child per variant and repetition ----

/** Runs one child; flags after `set:` go to v8.setFlagsFromString in the child instead of its command line. */
function runChild(allFlags: string[], rest: string[]): { result: ChildResult & { modules: number; bytes: number }; stdout: string } {
  const at0 = allFlags.indexOf('set:');
  const flags = at0 < 0 ? allFlags : allFlags.slice(0, at0);
  const runtime = at0 < 0 ? [] : ['--set-flags', allFlags.slice(at0 + 1).join(' ')];
  const r = spawnSync(process.execPath, [...flags, self, '--child', ...runtime, ...rest], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CGTS_VERIFY: '0' } });
  const at = r.stdout?.lastIndexOf('@@RESULT ') ?? -1;
  if (r.status !== 0 || at < 0) throw new Error(`child with ${flags.join(' ') || 'no flags'} failed (${r.status}):\n${(r.stderr ?? '').slice(-3000)}`);
  return { result: JSON.parse(r.stdout.slice(at + 9).split('\n')[0]), stdout: r.stdout };
}

interface FnJit {
  fn: string;
  deopts: number;
  reasons: Map<string, number>;
  /** optimizing compiles (TurboFan or Maglev, OSR included) and their total milliseconds */
  compiles: number;
  compileMs: number;
}

/** Deoptimizations and optimizing compiles per function in --trace-deopt --trace-opt output. */
function jitCounts(trace: string): FnJit[] {
  const fns = new Map<string, FnJit>();
  const get = (fn: string) => {
    let c = fns.get(fn);
    if (!c) fns.set(fn, (c = { fn, deopts: 0, reasons: new Map(), compiles: 0, compileMs: 0 }));
    return c;
  };
  for (const line of trace.split('\n')) {
    const fn = /<JSFunction ([^ >]*)/.exec(line)?.[1] || '(anonymous)';
    if (line.startsWith('[bailout')) {
      const c = get(fn);
      const reason = /reason: ([^)]*)\)/.exec(line)?.[1] ?? '?';
      c.deopts++;
      c.reasons.set(reason, (c.reasons.get(reason) ?? 0) + 1);
    } else if (line.startsWith('[completed compiling')) {
      // "took A, B, C ms": the three phases of one compile
      const took = /took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
      const c = get(fn);
      c.compiles++;
      if (took) c.compileMs += Number(took[1]) + Number(took[2]) + Number(took[3]);
    }
  }
  return [...fns.values()];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let reps = 1, passes = 2, inWorker = false, deopts = 15, maxMb = 0;
  let variants = DEFAULT_VARIANTS;
  const files: string[] = [];
  let isChild = false;
  let runtimeFlags = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--child') isChild = true;
    else if (a === '--set-flags') runtimeFlags = argv[++i];
    else if (a === '--reps') reps = Math.max(1, Number(argv[++i]) | 0);
    else if (a === '--passes') passes = Math.max(1, Number(argv[++i]) | 0);
    else if (a === '--in-worker') inWorker = true;
    else if (a === '--deopts') deopts = Math.max(0, Number(argv[++i]) | 0);
    else if (a === '--max-mb') maxMb = Number(argv[++i]);
    else if (a === '--variants') variants = argv[++i].split(';').filter((s) => s.trim());
    else if (a === '--flags') variants = [`flags=${argv[++i]}`];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}; see the usage at the top of bench/warmup.ts`);
    else files.push(a);
  }
  const maxBytes = Math.round(maxMb * 1e6);
  if (isChild) return child(files, passes, inWorker, maxBytes, runtimeFlags);
  if (files.length === 0) {
    const d = defaultInputs();
    if (!d) {
      console.log('cargo is not installed and no bitcode was given: nothing to measure');
      return;
    }
    files.push(d);
  }
  const rest = [...files, '--passes', String(passes), ...(inWorker ? ['--in-worker'] : []), ...(maxBytes > 0 ? ['--max-mb', String(maxMb)] : [])];
  const parsed = variants.map((v) => {
    const eq = v.indexOf('=');
    return { name: eq < 0 ? v : v.slice(0, eq), flags: (eq < 0 ? v : v.slice(eq + 1)).split(/\s+/).filter(Boolean) };
  });
  const samples = parsed.map(() => [] as ChildResult[]);
  let info = { modules: 0, bytes: 0 };
  for (let rep = 0; rep < reps; rep++) {
    for (let k = 0; k < parsed.length; k++) {
      const { result } = runChild(parsed[k].flags, rest);
      info = result;
      samples[k].push(result);
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  console.log(`${info.modules} modules, ${(info.bytes / 1e6).toFixed(1)} MB of bitcode, ${inWorker ? 'in a worker thread' : 'in the main thread'}; median of ${reps} fresh processes per variant (wall ms unless CPU)`);
  const head = ['variant', inWorker ? 'worker start ms' : 'import ms', ...Array.from({ length: passes }, (_, p) => `pass ${p + 1} ms`), 'cold/warm', 'cold vs baseline', 'cold CPU ms', 'CPU vs baseline'];
  const rows = [head];
  const base = median(samples[0].map((s) => s.passes[0]));
  const baseCpu = median(samples[0].map((s) => s.cpu[0]));
  for (let k = 0; k < parsed.length; k++) {
    const s = samples[k];
    const cold = median(s.map((x) => x.cpu[0]));
    const ps = Array.from({ length: passes }, (_, p) => median(s.map((x) => x.passes[p])));
    rows.push([parsed[k].name, median(s.map((x) => x.load)).toFixed(0), ...ps.map((x) => x.toFixed(0)), (ps[0] / ps[passes - 1]).toFixed(2), (ps[0] / base).toFixed(2), cold.toFixed(0), (cold / baseCpu).toFixed(2)]);
  }
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  '));
  if (deopts > 0) {
    // one cold pass, traced, with the first variant's flags
    const { stdout } = runChild([...parsed[0].flags.filter((f) => f !== 'set:'), '--trace-deopt', '--trace-opt'], [...rest.filter((x, i) => x !== '--passes' && rest[i - 1] !== '--passes'), '--passes', '1']);
    const fns = jitCounts(stdout);
    const deoptTotal = fns.reduce((s, c) => s + c.deopts, 0);
    const compileTotal = fns.reduce((s, c) => s + c.compileMs, 0);
    const compiles = fns.reduce((s, c) => s + c.compiles, 0);
    console.log(`\ncold pass (${parsed[0].name} flags, traced): ${deoptTotal} deoptimizations, ${compiles} optimizing compiles taking ${compileTotal.toFixed(0)} ms (on V8's background threads)`);
    console.log(`the ${deopts} functions deoptimized most: deopts, compiles, compile ms, function (reasons)`);
    for (const c of [...fns].sort((a, b) => b.deopts - a.deopts).slice(0, deopts)) {
      const why = [...c.reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
      console.log(`${String(c.deopts).padStart(5)} ${String(c.compiles).padStart(4)} ${c.compileMs.toFixed(0).padStart(6)}  ${c.fn} (${why})`);
    }
    console.log(`the ${deopts} functions that took the most optimizing compile time: deopts, compiles, compile ms, function`);
    for (const c of [...fns].sort((a, b) => b.compileMs - a.compileMs).slice(0, deopts)) {
      console.log(`${String(c.deopts).padStart(5)} ${String(c.compiles).padStart(4)} ${c.compileMs.toFixed(0).padStart(6)}  ${c.fn}`);
    }
  }
}

await main();
