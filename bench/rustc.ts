// Real Rust code through cgts next to LLVM's -O0 code generator, in one run:
// 1. compile speed on the bitcode of real crates (regex, serde_json and their
//    dependencies from Debian's librust-*-dev packages, built by cargo offline
//    with and without -g): cgts's compileBitcode in-process and the
//    `cgts compile x.bc` command against `llc-22 -O0 -filetype=obj` on the same
//    file (time ratio, LLVM instructions per second, peak memory), and the
//    cost of -g: each crate's time with debug info over its time without,
//    for both;
// 2. run time of the programs in bench/programs/ built by stock rustc and by
//    `cgts rustc` (CPU time ratio, optionally callgrind instruction counts).
// Whatever cgts cannot do yet is reported with the reason; the LLVM side always runs.
// Usage: npm run bench:rustc [-- --reps N] [--crates a,b] [--no-crates] [--no-programs] [--callgrind]
// Crate bitcode is cached in $TMPDIR/cgts-bench-rustc/<rustc version key>/.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readModule } from '../src/bitcode/reader.js';
import { decodeFunction } from '../src/bitcode/function.js';
import { compileBitcode } from '../src/driver/pipeline.js';
import { NO_RUSTC_COMMAND, NOT_IMPLEMENTED, repoRoot } from '../test/rustc/corpus.js';
import { median } from './stats.js';

interface Args {
  reps: number;
  crates: string[];
  doCrates: boolean;
  doPrograms: boolean;
  callgrind: boolean;
}

const DEFAULT_CRATES = ['regex', 'regex_syntax', 'aho_corasick', 'serde_json', 'memchr', 'ryu', 'serde'];
const REGISTRY = '/usr/share/cargo/registry';
const CGTS = [process.execPath, join(repoRoot, 'bin', 'cgts.js')];

function parseArgs(argv: string[]): Args {
  const a: Args = { reps: 5, crates: DEFAULT_CRATES, doCrates: true, doPrograms: true, callgrind: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--reps') a.reps = Math.max(1, Number(argv[++i]) | 0);
    else if (x === '--crates') a.crates = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (x === '--no-crates') a.doCrates = false;
    else if (x === '--no-programs') a.doPrograms = false;
    else if (x === '--callgrind') a.callgrind = true;
    else throw new Error(`unknown argument ${x}; usage: bench/rustc.ts [--reps N] [--crates a,b] [--no-crates] [--no-programs] [--callgrind]`);
  }
  return a;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** user + system CPU seconds and peak RSS in KB, from /usr/bin/time when it is installed. */
  cpuS: number | null;
  maxRssKb: number | null;
}

const haveGnuTime = existsSync('/usr/bin/time');

/** Runs a command, measuring wall time and (through /usr/bin/time) CPU time and peak memory. */
function measure(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const tf = join(tmpdir(), `cgts-bench-time-${process.pid}`);
  const argv = haveGnuTime ? ['/usr/bin/time', '-f', '%U %S %M', '-o', tf, cmd, ...args] : [cmd, ...args];
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: opts.cwd, env: opts.env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - t0;
  let cpuS: number | null = null;
  let maxRssKb: number | null = null;
  if (haveGnuTime && existsSync(tf)) {
    const last = readFileSync(tf, 'utf8').trim().split('\n').pop() ?? '';
    const m = /^([\d.]+) ([\d.]+) (\d+)$/.exec(last);
    if (m) {
      cpuS = Number(m[1]) + Number(m[2]);
      maxRssKb = Number(m[3]);
    }
    rmSync(tf, { force: true });
  }
  return { status: r.error ? null : r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? r.error.message : ''), wallMs, cpuS, maxRssKb };
}

function hasTool(cmd: string, arg = '--version'): boolean {
  return spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
}

/** Why a failed cgts run failed, in one line: the not-yet-implemented cases are named as such. */
function cgtsFailure(r: Run): string {
  const text = r.stdout + r.stderr;
  if (text.includes(NOT_IMPLEMENTED)) return `${NOT_IMPLEMENTED} yet`;
  if (text.includes(NO_RUSTC_COMMAND)) return 'cgts has no rustc command yet';
  const line = text.split('\n').find((l) => l.includes('error')) ?? text.split('\n')[0] ?? '';
  return line.trim().slice(0, 160) || `exit status ${r.status}`;
}

function errorLine(e: unknown): string {
  const msg = e instanceof Error && 'describe' in e && typeof e.describe === 'function' ? (e.describe() as string) : e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0];
}

// ---------------------------------------------------------------------------
// Crate bitcode: one cargo project depending on regex and serde_json, built
// twice (debuginfo 0 and 2) with --emit=llvm-bc,link and one codegen unit per
// crate, so that every crate of the graph leaves one <crate>-<hash>.bc.

interface CrateModule {
  crate: string;
  variant: 'O0' | 'O0-g';
  path: string;
}

function rustcKey(): string | null {
  const r = spawnSync('rustc', ['-vV'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const registry = existsSync(REGISTRY) ? readdirSync(REGISTRY).sort().join(',') : '';
  return createHash('sha256').update(r.stdout).update(registry).digest('hex').slice(0, 12);
}

function prepareCrates(): { modules: CrateModule[] } | { missing: string } {
  if (!hasTool('cargo')) return { missing: 'cargo is not installed' };
  const have = existsSync(REGISTRY) ? readdirSync(REGISTRY) : [];
  if (!have.some((d) => d.startsWith('regex-')) || !have.some((d) => d.startsWith('serde_json-'))) {
    return { missing: `no regex/serde_json sources under ${REGISTRY} (apt-get install -y librust-regex-dev librust-serde-json-dev)` };
  }
  const key = rustcKey();
  if (key === null) return { missing: 'rustc is not installed' };
  const root = join(tmpdir(), 'cgts-bench-rustc', key);
  const modules: CrateModule[] = [];
  for (const [variant, debug] of [['O0', '0'], ['O0-g', '2']] as const) {
    const out = join(root, variant);
    if (!existsSync(join(out, 'done'))) {
      const proj = mkdtempSync(join(tmpdir(), 'cgts-bench-crates-'));
      try {
        mkdirSync(join(proj, 'src'));
        mkdirSync(join(proj, '.cargo'));
        writeFileSync(join(proj, 'Cargo.toml'), '[package]\nname = "cgts-bench-crates"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nregex = "1"\nserde_json = "1"\n');
        writeFileSync(join(proj, '.cargo', 'config.toml'), `[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "${REGISTRY}"\n\n[net]\noffline = true\n`);
        writeFileSync(join(proj, 'src', 'main.rs'), 'fn main() {\n    let r = regex::Regex::new("a+b").unwrap();\n    let v: serde_json::Value = serde_json::from_str("[1, 2]").unwrap();\n    println!("{} {}", r.is_match("aab"), v);\n}\n');
        const env = { ...process.env, CARGO_INCREMENTAL: '0', CARGO_PROFILE_DEV_DEBUG: debug, CARGO_TARGET_DIR: join(proj, 'target'), RUSTFLAGS: '--emit=llvm-bc,link -C codegen-units=1' };
        console.log(`building crate bitcode (${variant}) with cargo --offline ...`);
        const r = spawnSync('cargo', ['build', '--offline', '--quiet'], { cwd: proj, env, encoding: 'utf8' });
        if (r.status !== 0) return { missing: `cargo build failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` };
        const deps = join(proj, 'target', 'debug', 'deps');
        const staged = join(proj, 'bc');
        mkdirSync(staged);
        for (const f of readdirSync(deps)) {
          const m = /^([a-z0-9_]+)-[0-9a-f]+\.bc$/.exec(f);
          if (m && !m[1].startsWith('build_script')) copyFileSync(join(deps, f), join(staged, `${m[1]}.bc`));
        }
        writeFileSync(join(staged, 'done'), '');
        mkdirSync(root, { recursive: true });
        rmSync(out, { recursive: true, force: true });
        renameSync(staged, out);
      } finally {
        rmSync(proj, { recursive: true, force: true });
      }
    }
    for (const f of readdirSync(out).sort()) if (f.endsWith('.bc')) modules.push({ crate: f.slice(0, -3), variant, path: join(out, f) });
  }
  return { modules };
}

/** LLVM instructions in a module, counted by cgts's reader (every defined function decoded). */
function countInstructions(bytes: Uint8Array, file: string): { insts: number; functions: number } {
  const m = readModule(bytes, file);
  let insts = 0;
  for (let i = 0; i < m.bodies.length; i++) insts += decodeFunction(m, i).numInsts;
  return { insts, functions: m.bodies.length };
}

function timeInProcess(reps: number, f: () => void): number {
  f();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function medianRun(reps: number, f: () => Run): { ms: number; rssKb: number | null; last: Run } {
  let last = f();
  const ms: number[] = [last.wallMs];
  const rss: number[] = last.maxRssKb === null ? [] : [last.maxRssKb];
  for (let i = 1; i < reps && last.status === 0; i++) {
    last = f();
    ms.push(last.wallMs);
    if (last.maxRssKb !== null) rss.push(last.maxRssKb);
  }
  return { ms: median(ms), rssKb: rss.length ? Math.max(...rss) : null, last };
}

const fmtMs = (ms: number | null) => (ms === null ? '-' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const fmtMb = (kb: number | null) => (kb === null ? '-' : (kb / 1024).toFixed(0));
const fmtRate = (n: number, ms: number | null) => (ms === null || ms <= 0 ? '-' : (n / ms / 1000).toFixed(2));

function benchCrates(args: Args): void {
  console.log('\n== compile speed: real crates, cgts against llc-22 -O0 -filetype=obj on the same bitcode');
  if (!hasTool('llc-22')) {
    console.log('  not run: llc-22 is not installed (apt-get install llvm-22)');
    return;
  }
  const prep = prepareCrates();
  if ('missing' in prep) {
    console.log(`  not run: ${prep.missing}`);
    return;
  }
  const mods = prep.modules.filter((m) => args.crates.includes(m.crate));
  const work = mkdtempSync(join(tmpdir(), 'cgts-bench-rustc-'));
  const notes = new Set<string>();
  let totInsts = 0;
  let totLlc = 0;
  let totCgts = 0;
  let cgtsComplete = true;
  // per crate and variant: [llc ms, cgts ms] for the -g cost
  const times = new Map<string, [number, number | null]>();
  try {
    console.log(`  median of ${args.reps} runs; Minst/s = million LLVM instructions (cgts's reader's count) per second; peak = max RSS in MB`);
    console.log(`  ${'crate'.padEnd(14)} ${'var'.padEnd(5)} ${'KB'.padStart(6)} ${'fns'.padStart(5)} ${'insts'.padStart(7)} | ${'llc ms'.padStart(8)} ${'Minst/s'.padStart(7)} ${'peak'.padStart(5)} | ${'cgts ms'.padStart(8)} ${'Minst/s'.padStart(7)} ${'ratio'.padStart(6)} | ${'cmd ms'.padStart(8)} ${'peak'.padStart(5)} | ${'read+decode ms'.padStart(14)}`);
    for (const m of mods) {
      const bytes = readFileSync(m.path);
      const { insts, functions } = countInstructions(bytes, m.path);
      const obj = join(work, `${m.crate}.${m.variant}.o`);
      const llc = medianRun(args.reps, () => measure('llc-22', ['-O0', '-filetype=obj', m.path, '-o', obj]));
      if (llc.last.status !== 0) throw new Error(`llc-22 failed on ${m.path}: ${llc.last.stderr}`);
      let cgtsMs: number | null = null;
      try {
        cgtsMs = timeInProcess(args.reps, () => compileBitcode(bytes, m.path));
      } catch (e) {
        notes.add(`compileBitcode (in-process): ${errorLine(e).split(m.path).join('<file>')}`);
      }
      const cmd = medianRun(args.reps, () => measure(CGTS[0], [...CGTS.slice(1), 'compile', m.path, '-o', join(work, `${m.crate}.cgts.o`)]));
      const cmdOk = cmd.last.status === 0;
      if (!cmdOk) notes.add(`cgts compile x.bc: ${cgtsFailure(cmd.last).split(m.path).join('<file>')}`);
      const readMs = timeInProcess(args.reps, () => countInstructions(bytes, m.path));
      times.set(`${m.crate} ${m.variant}`, [llc.ms, cgtsMs]);
      totInsts += insts;
      totLlc += llc.ms;
      if (cgtsMs === null) cgtsComplete = false;
      else totCgts += cgtsMs;
      console.log(
        `  ${m.crate.padEnd(14)} ${m.variant.padEnd(5)} ${(bytes.length / 1024).toFixed(0).padStart(6)} ${String(functions).padStart(5)} ${String(insts).padStart(7)} | ` +
          `${fmtMs(llc.ms).padStart(8)} ${fmtRate(insts, llc.ms).padStart(7)} ${fmtMb(llc.rssKb).padStart(5)} | ` +
          `${fmtMs(cgtsMs).padStart(8)} ${(cgtsMs === null ? '-' : fmtRate(insts, cgtsMs)).padStart(7)} ${(cgtsMs === null ? '-' : (cgtsMs / llc.ms).toFixed(2) + 'x').padStart(6)} | ` +
          `${(cmdOk ? fmtMs(cmd.ms) : '-').padStart(8)} ${(cmdOk ? fmtMb(cmd.rssKb) : '-').padStart(5)} | ${fmtMs(readMs).padStart(14)}`,
      );
    }
    console.log(`  total: ${totInsts.toLocaleString('en-US')} instructions; llc-22 ${totLlc.toFixed(0)} ms (${fmtRate(totInsts, totLlc)} Minst/s)` +
      (cgtsComplete && mods.length ? `; cgts ${totCgts.toFixed(0)} ms (${fmtRate(totInsts, totCgts)} Minst/s), ${(totCgts / totLlc).toFixed(2)}x llc-22's time` : '; cgts: not measured (see below)'));
    debugCost(mods.map((m) => m.crate), times);
    if (notes.size) {
      console.log('  cgts parts that could not run:');
      for (const n of notes) console.log(`    ${n}`);
      console.log('  (read+decode: cgts reading the module and decoding every body, the part of its pipeline that exists)');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The cost of debug info: each crate's -g build time over its build without
 * it (the same crate's bitcode built with debuginfo 2 and 0), for cgts and
 * for llc-22, and over all crates measured in both variants.
 */
function debugCost(crates: string[], times: Map<string, [number, number | null]>): void {
  const rows: string[] = [];
  let llc0 = 0, llcG = 0, cg0 = 0, cgG = 0, complete = true;
  for (const crate of [...new Set(crates)]) {
    const a = times.get(`${crate} O0`), b = times.get(`${crate} O0-g`);
    if (!a || !b) continue;
    llc0 += a[0];
    llcG += b[0];
    const cg = a[1] !== null && b[1] !== null ? b[1] / a[1] : null;
    if (cg === null) complete = false;
    else {
      cg0 += a[1]!;
      cgG += b[1]!;
    }
    rows.push(`  ${crate.padEnd(14)} ${((b[0] / a[0]).toFixed(2) + 'x').padStart(9)} ${(cg === null ? '-' : cg.toFixed(2) + 'x').padStart(9)}`);
  }
  if (rows.length === 0) return;
  console.log('  cost of -g (time with -g / time without, same crate):');
  console.log(`  ${'crate'.padEnd(14)} ${'llc-22'.padStart(9)} ${'cgts'.padStart(9)}`);
  for (const r of rows) console.log(r);
  console.log(`  ${'all'.padEnd(14)} ${((llcG / llc0).toFixed(2) + 'x').padStart(9)} ${(complete ? (cgG / cg0).toFixed(2) + 'x' : '-').padStart(9)}`);
}

// ---------------------------------------------------------------------------
// Run time of generated code.

function benchPrograms(args: Args): void {
  console.log('\n== run time: bench/programs built by stock rustc -C opt-level=0 and by cgts rustc -C opt-level=0');
  if (!hasTool('rustc')) {
    console.log('  not run: rustc is not installed');
    return;
  }
  const dir = join(repoRoot, 'bench', 'programs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.rs')).sort();
  const work = mkdtempSync(join(tmpdir(), 'cgts-bench-programs-'));
  const callgrind = args.callgrind && hasTool('valgrind');
  if (args.callgrind && !callgrind) console.log('  --callgrind: valgrind is not installed');
  const notes = new Set<string>();
  try {
    console.log(`  median of ${args.reps} runs; CPU = user + system seconds${callgrind ? '; Ir = callgrind instructions' : ''}`);
    console.log(`  ${'program'.padEnd(14)} ${'stock CPU s'.padStart(11)} ${'cgts CPU s'.padStart(11)} ${'ratio'.padStart(7)}${callgrind ? ` ${'stock Ir'.padStart(14)} ${'cgts Ir'.padStart(14)}` : ''}  output`);
    for (const f of files) {
      const name = basename(f, '.rs');
      const src = join(dir, f);
      const stockExe = join(work, `${name}.stock`);
      const b = measure('rustc', ['-C', 'opt-level=0', '--edition', '2021', src, '-o', stockExe]);
      if (b.status !== 0) throw new Error(`rustc failed on ${src}: ${b.stderr}`);
      const cgDir = join(work, `${name}.cgts.d`);
      mkdirSync(cgDir);
      copyFileSync(src, join(cgDir, f));
      const cb = measure(CGTS[0], [...CGTS.slice(1), 'rustc', '-C', 'opt-level=0', '--edition', '2021', f, '-o', name], { cwd: cgDir });
      const cgExe = join(cgDir, name);
      const cgOk = cb.status === 0 && existsSync(cgExe) && statSync(cgExe).isFile();
      if (!cgOk) notes.add(`cgts rustc: ${cgtsFailure(cb)}`);
      const cpu = (exe: string) => {
        const runs: number[] = [];
        let out = '';
        for (let i = 0; i < args.reps; i++) {
          const r = measure(exe, []);
          if (r.status !== 0) throw new Error(`${exe} exited with ${r.status}: ${r.stderr}`);
          out = r.stdout;
          runs.push(r.cpuS ?? r.wallMs / 1000);
        }
        return { s: median(runs), out };
      };
      const ir = (exe: string) => {
        const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', exe], { encoding: 'utf8' });
        const m = /Collected\s*:\s*(\d+)/.exec(r.stderr);
        return m ? Number(m[1]).toLocaleString('en-US') : '-';
      };
      const s = cpu(stockExe);
      const c = cgOk ? cpu(cgExe) : null;
      const same = c === null ? 'cgts not built' : c.out === s.out ? 'same' : 'DIFFERENT';
      console.log(
        `  ${name.padEnd(14)} ${s.s.toFixed(3).padStart(11)} ${(c ? c.s.toFixed(3) : '-').padStart(11)} ${(c ? (c.s / s.s).toFixed(2) + 'x' : '-').padStart(7)}` +
          `${callgrind ? ` ${ir(stockExe).padStart(14)} ${(c ? ir(cgExe) : '-').padStart(14)}` : ''}  ${same}`,
      );
    }
    if (!haveGnuTime) console.log('  (no /usr/bin/time: wall time instead of CPU time)');
    if (notes.size) {
      console.log('  cgts parts that could not run:');
      for (const n of notes) console.log(`    ${n}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  console.log('cgts on real Rust code against LLVM -O0 (ratios: cgts time / LLVM time; below 1x = cgts faster)');
  if (args.doCrates) benchCrates(args);
  if (args.doPrograms) benchPrograms(args);
}

main();
