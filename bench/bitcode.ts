// Bitcode reader throughput on the largest corpus modules: cgts's read, read +
// decode of every function body, and read + print, next to llvm-dis-22 and
// llvm-bcanalyzer-22 timed in the same run. Prints medians and ratios.
// Usage: npm run bench:bitcode [-- --reps N] [--module name:variant ...]

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { buildModule, GENERATED_NAME, loadBitcodeApi, missingTools, oracleText, type CorpusModule, type Variant } from '../test/bitcode/corpus.js';
import { splitEntities } from '../test/bitcode/ll-diff.js';
import { median } from './stats.js';
import { readModule as readModuleTyped } from '../src/bitcode/reader.js';
import { decodeFunction } from '../src/bitcode/function.js';
import { readFunctionMetadata, readMetadata } from '../src/bitcode/metadata.js';
import { printModule } from '../src/bitcode/printer.js';
import type { Module } from '../src/bitcode/module.js';

interface Args {
  reps: number;
  modules: [string, Variant][];
}

function parseArgs(argv: string[]): Args {
  const a: Args = { reps: 7, modules: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') a.reps = Math.max(1, Number(argv[++i]) | 0);
    else if (argv[i] === '--module') {
      const [name, variant] = (argv[++i] ?? '').split(':');
      a.modules.push([name, (variant || 'bc') as Variant]);
    } else throw new Error(`unknown argument ${argv[i]}; usage: bench/bitcode.ts [--reps N] [--module name:variant]`);
  }
  if (a.modules.length === 0) a.modules = [[GENERATED_NAME, 'bc'], [GENERATED_NAME, 'bc-g']];
  return a;
}

/** Median wall time in ms of `reps` runs, after two unmeasured warm-up runs (JIT). */
function time(reps: number, f: () => void): number {
  f();
  f();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** A row for one measured step; a failing step is reported, not thrown. */
function measure(what: string, reps: number, f: () => void): Row {
  try {
    return { what, ms: time(reps, f) };
  } catch (e) {
    const msg = e instanceof Error && 'describe' in e && typeof e.describe === 'function' ? (e.describe() as string) : String(e);
    return { what, ms: null, note: `failed: ${msg.split('\n')[0]}` };
  }
}

function tool(cmd: string, args: string[]): () => void {
  return () => {
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString() ?? r.error?.message}`);
  };
}

type Decode = (m: unknown, index: number) => unknown;

async function loadDecoder(): Promise<Decode | null> {
  try {
    const mod = (await import(new URL('../src/bitcode/function.js', import.meta.url).href)) as Record<string, unknown>;
    return typeof mod.decodeFunction === 'function' ? (mod.decodeFunction as Decode) : null;
  } catch {
    return null;
  }
}

async function loadReader(): Promise<((b: Uint8Array, f?: string) => unknown) | null> {
  try {
    const mod = (await import(new URL('../src/bitcode/reader.js', import.meta.url).href)) as Record<string, unknown>;
    return typeof mod.readModule === 'function' ? (mod.readModule as (b: Uint8Array, f?: string) => unknown) : null;
  } catch {
    return null;
  }
}

function countInstructions(ll: string): number {
  let n = 0;
  for (const e of splitEntities(ll)) {
    if (e.kind !== 'define') continue;
    for (const l of e.lines) if (/^ {2}(?:%[^ ]+ = )?[a-z]/.test(l)) n++;
  }
  return n;
}

interface Row {
  what: string;
  ms: number | null;
  note?: string;
}

async function benchModule(m: CorpusModule, reps: number): Promise<void> {
  const bytes = readFileSync(m.bitcode);
  const mb = bytes.length / 1e6;
  const insts = countInstructions(oracleText(m));
  const readModule = await loadReader();
  const decode = await loadDecoder();
  const api = await loadBitcodeApi();
  const rows: Row[] = [];

  if (readModule) {
    rows.push(measure('cgts readModule (bodies located, not decoded)', reps, () => readModule(bytes, m.bitcode)));
    if (decode) {
      rows.push(
        measure('cgts readModule + decode every body', reps, () => {
          const mod = readModule(bytes, m.bitcode) as { bodies: unknown[] };
          for (let i = 0; i < mod.bodies.length; i++) decode(mod, i);
        }),
      );
      rows.push(
        measure('cgts readModule + decode bodies and all metadata', reps, () => {
          const mod = readModule(bytes, m.bitcode) as Module;
          readMetadata(mod);
          for (let i = 0; i < mod.bodies.length; i++) readFunctionMetadata(mod, i, decodeFunction(mod, i));
        }),
      );
    } else rows.push({ what: 'cgts readModule + decode every body', ms: null, note: 'src/bitcode/function.ts decodeFunction() not available' });
  } else rows.push({ what: 'cgts readModule', ms: null, note: 'src/bitcode/reader.ts readModule() not available' });
  if (typeof api !== 'string') {
    rows.push(measure('cgts readModule + printModule without metadata', reps, () => printModule(readModuleTyped(bytes, m.bitcode), { metadata: false })));
    rows.push(measure('cgts readModule + printModule', reps, () => api.printModule(api.readModule(bytes, m.bitcode))));
  } else rows.push({ what: 'cgts readModule + printModule', ms: null, note: api });
  const dis = time(reps, tool('llvm-dis-22', [m.bitcode, '-o', '/dev/null']));
  rows.push({ what: 'llvm-dis-22 (process, to /dev/null)', ms: dis });
  const bca = time(reps, tool('llvm-bcanalyzer-22', [m.bitcode]));
  rows.push({ what: 'llvm-bcanalyzer-22 (process, summary)', ms: bca });

  console.log(`\n${m.program} (${m.variant}): ${mb.toFixed(2)} MB, ${insts.toLocaleString('en-US')} instructions (llvm-dis-22 count), median of ${reps}`);
  console.log(`  ${'step'.padEnd(48)} ${'ms'.padStart(9)} ${'MB/s'.padStart(8)} ${'Minst/s'.padStart(8)} ${'vs llvm-dis'.padStart(12)}`);
  for (const r of rows) {
    if (r.ms === null) {
      console.log(`  ${r.what.padEnd(48)} ${'-'.padStart(9)}   (${r.note})`);
      continue;
    }
    const ratio = r.ms / dis;
    console.log(
      `  ${r.what.padEnd(48)} ${r.ms.toFixed(1).padStart(9)} ${(mb / (r.ms / 1000)).toFixed(1).padStart(8)} ${(insts / (r.ms / 1000) / 1e6).toFixed(2).padStart(8)} ${(ratio.toFixed(2) + 'x').padStart(12)}`,
    );
  }
  const read = rows.find((r) => r.what === 'cgts readModule + decode every body')?.ms ?? null;
  const print = rows.find((r) => r.what === 'cgts readModule + printModule')?.ms ?? null;
  const readMd = rows.find((r) => r.what === 'cgts readModule + decode bodies and all metadata')?.ms ?? null;
  const printNoMd = rows.find((r) => r.what === 'cgts readModule + printModule without metadata')?.ms ?? null;
  const f = (ms: number | null) => (ms === null ? '-' : `${ms.toFixed(0)} ms`);
  const x = (a: number | null, b: number) => (a === null ? '-' : `${(a / b).toFixed(2)}x`);
  console.log('  summary:');
  if (read !== null) {
    console.log(`    cgts read (module + all bodies)  ${f(read)}, ${(mb / (read / 1000)).toFixed(1)} MB/s, ${(insts / (read / 1000) / 1e6).toFixed(2)} M inst/s; vs llvm-bcanalyzer-22 ${x(read, bca)}`);
  }
  if (read !== null && readMd !== null) console.log(`    metadata decoding adds           ${f(readMd - read)} to reading (${x(readMd, read)})`);
  if (print !== null && printNoMd !== null) console.log(`    metadata adds                    ${f(print - printNoMd)} to reading + printing (${x(print, printNoMd)})`);
  console.log(`    cgts read + print                ${f(print)}; vs llvm-dis-22 ${x(print, dis)}`);
  console.log(`    llvm-dis-22 ${f(dis)}, llvm-bcanalyzer-22 ${f(bca)}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const missing = missingTools();
  if (missing) {
    console.error(`bench:bitcode needs rustc and llvm-dis-22 (${missing})`);
    process.exitCode = 1;
    return;
  }
  console.log('bitcode reader throughput (ratios: time / llvm-dis-22 time; below 1x = faster than llvm-dis-22)');
  for (const [name, variant] of args.modules) await benchModule(buildModule(name, variant), args.reps);
}

await main();
