// Builds the bitcode corpus: every Rust program in test/bitcode/corpus/ plus a
// generated large one, compiled by the installed rustc into bitcode (with and
// without -g, a -Clinker-plugin-lto object, and a nightly build when nightly is
// installed), with llvm-dis-22's .ll as the oracle. Results are cached under
// os.tmpdir(), keyed by a hash of source, compiler version and flags.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLargeProgram } from './corpus/generate.js';

/** The project root: the nearest folder above this file holding package.json (works from test/ and dist/test/). */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'bitcode', 'corpus'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the cgts project root above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
})();

export const corpusDir = join(repoRoot, 'test', 'bitcode', 'corpus');
export const cacheDir = join(tmpdir(), 'cgts-bitcode-corpus');

/** How a program is compiled: bc-g1 and bc-glt are the reduced debug-info levels (`-C debuginfo=1`, `line-tables-only`). */
export type Variant = 'bc' | 'bc-g' | 'bc-g1' | 'bc-glt' | 'lto' | 'nightly';
export const VARIANTS: readonly Variant[] = ['bc', 'bc-g', 'bc-g1', 'bc-glt', 'lto', 'nightly'];
/** Variants built for the hand-written programs only (the generated one adds build time and nothing new to them). */
export const SMALL_ONLY_VARIANTS: readonly Variant[] = ['bc-g1', 'bc-glt'];

const COMMON_FLAGS = ['--edition', '2021', '-C', 'opt-level=0', '-C', 'codegen-units=1', '--cap-lints', 'allow'];
const VARIANT_FLAGS: Record<Variant, string[]> = {
  bc: ['--emit=llvm-bc'],
  'bc-g': ['--emit=llvm-bc', '-g'],
  'bc-g1': ['--emit=llvm-bc', '-C', 'debuginfo=1'],
  'bc-glt': ['--emit=llvm-bc', '-C', 'debuginfo=line-tables-only'],
  lto: ['--emit=obj', '-Clinker-plugin-lto'],
  nightly: ['--emit=llvm-bc'],
};

/** The generated program: large enough for 100,000+ LLVM instructions. */
export const GENERATED_NAME = 'gen_large';
const GENERATED_OPTIONS = { seed: 20250521, functions: 200 };

export interface Program {
  name: string;
  source: string;
}

export interface CorpusModule {
  program: string;
  variant: Variant;
  /** The bitcode file (a raw `BC\xC0\xDE` stream; for `lto`, the .o rustc wrote). */
  bitcode: string;
}

/** Every corpus program, sorted by name, the generated one last. */
export function programs(): Program[] {
  const out: Program[] = [];
  for (const f of readdirSync(corpusDir).sort()) {
    if (f.endsWith('.rs')) out.push({ name: f.slice(0, -3), source: readFileSync(join(corpusDir, f), 'utf8') });
  }
  out.push({ name: GENERATED_NAME, source: generateLargeProgram(GENERATED_OPTIONS) });
  return out;
}

export function programNames(): string[] {
  const names = readdirSync(corpusDir).filter((f) => f.endsWith('.rs')).sort().map((f) => f.slice(0, -3));
  names.push(GENERATED_NAME);
  return names;
}

export function program(name: string): Program {
  if (name === GENERATED_NAME) return { name, source: generateLargeProgram(GENERATED_OPTIONS) };
  return { name, source: readFileSync(join(corpusDir, name + '.rs'), 'utf8') };
}

function run(cmd: string, args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string; error?: Error } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

const versionCache = new Map<string, string | null>();
/** `rustc -vV` for the given toolchain ('' = default, 'nightly' = `rustc +nightly`), or null when absent. */
export function rustcVersion(toolchain = ''): string | null {
  let v = versionCache.get(toolchain);
  if (v === undefined) {
    const r = run('rustc', toolchain ? [`+${toolchain}`, '-vV'] : ['-vV']);
    v = r.status === 0 ? r.stdout : null;
    versionCache.set(toolchain, v);
  }
  return v;
}

export function haveTool(name: string): boolean {
  return run(name, ['--version']).status === 0;
}

/** Why the oracle comparison cannot run here, or null when rustc and llvm-dis-22 are both present. */
export function missingTools(): string | null {
  const missing: string[] = [];
  if (rustcVersion() === null) missing.push('rustc');
  if (!haveTool('llvm-dis-22')) missing.push('llvm-dis-22');
  return missing.length ? `not installed: ${missing.join(', ')}` : null;
}

export function variantAvailable(v: Variant): boolean {
  return v !== 'nightly' || rustcVersion('nightly') !== null;
}

function hashKey(parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Writes through a temporary name and renames, so parallel test processes never see half a file. */
function atomicWrite(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Compiles with rustc in a scratch folder of the cache and moves the output to `dest`. */
function compile(p: Program, toolchain: string, flags: string[], outName: string, dest: string): void {
  const work = join(cacheDir, `work-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(work, { recursive: true });
  try {
    writeFileSync(join(work, p.name + '.rs'), p.source);
    const args = [...(toolchain ? [`+${toolchain}`] : []), ...COMMON_FLAGS, ...flags, '-o', outName, p.name + '.rs'];
    const r = run('rustc', args, work);
    if (r.status !== 0) {
      throw new Error(`rustc ${args.join(' ')} failed for corpus program ${p.name}:\n${r.error?.message ?? ''}${r.stderr}`);
    }
    renameSync(join(work, outName), dest);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Deletes cached files of an older source or compiler (same prefix, another key). */
function pruneStale(prefix: string, key: string): void {
  for (const f of readdirSync(cacheDir)) {
    if (f.startsWith(prefix) && !f.startsWith(prefix + key) && !f.endsWith('.tmp')) rmSync(join(cacheDir, f), { force: true });
  }
}

/** Builds (or finds in the cache) one program in one variant. */
export function buildModule(name: string, variant: Variant): CorpusModule {
  const p = program(name);
  const toolchain = variant === 'nightly' ? 'nightly' : '';
  const version = rustcVersion(toolchain);
  if (version === null) throw new Error(`rustc${toolchain ? ' +' + toolchain : ''} is not installed`);
  const flags = VARIANT_FLAGS[variant];
  const key = hashKey([p.source, version, toolchain, ...COMMON_FLAGS, ...flags]);
  mkdirSync(cacheDir, { recursive: true });
  const bitcode = join(cacheDir, `${name}.${variant}.${key}.${variant === 'lto' ? 'o' : 'bc'}`);
  if (!existsSync(bitcode)) {
    const tmp = `${bitcode}.${process.pid}.tmp`;
    compile(p, toolchain, flags, variant === 'lto' ? 'out.o' : 'out.bc', tmp);
    const head = readFileSync(tmp).subarray(0, 4);
    if (!(head[0] === 0x42 && head[1] === 0x43 && head[2] === 0xc0 && head[3] === 0xde)) {
      throw new Error(`rustc's ${variant} output for ${name} is not raw LLVM bitcode (starts ${Buffer.from(head).toString('hex')})`);
    }
    renameSync(tmp, bitcode);
    pruneStale(`${name}.${variant}.`, key);
  }
  return { program: name, variant, bitcode };
}

/** llvm-dis-22's text for a corpus module, cached next to the bitcode. */
export function oracleText(m: CorpusModule): string {
  const ll = m.bitcode.replace(/\.(bc|o)$/, '.ll');
  if (!existsSync(ll)) {
    const r = run('llvm-dis-22', [m.bitcode, '-o', '-']);
    if (r.status !== 0) throw new Error(`llvm-dis-22 ${m.bitcode} failed:\n${r.error?.message ?? ''}${r.stderr}`);
    atomicWrite(ll, r.stdout);
    return r.stdout;
  }
  return readFileSync(ll, 'utf8');
}

/** Builds every program in the given variants (those the machine can build). */
export function buildCorpus(variants: readonly Variant[] = VARIANTS): CorpusModule[] {
  const out: CorpusModule[] = [];
  for (const name of programNames()) {
    for (const v of variants) if (variantAvailable(v)) out.push(buildModule(name, v));
  }
  return out;
}

/** A native executable of the program built by stock rustc with the bitcode builds' flags (the reference side of differential tests). */
export function buildExecutable(name: string): string {
  const p = program(name);
  const version = rustcVersion();
  if (version === null) throw new Error('rustc is not installed');
  const flags: string[] = [];
  const key = hashKey([p.source, version, 'exe', ...COMMON_FLAGS, ...flags]);
  mkdirSync(cacheDir, { recursive: true });
  const exe = join(cacheDir, `${name}.exe.${key}`);
  if (!existsSync(exe)) {
    compile(p, '', flags, 'out', exe);
    pruneStale(`${name}.exe.`, key);
  }
  return exe;
}

/** The dynamically loaded bitcode API of cgts (loaded at run time so that this file builds before the reader exists). */
export interface BitcodeApi {
  readModule(bytes: Uint8Array, fileName?: string): unknown;
  printModule(m: unknown): string;
  normalizeLL(text: string): string;
}

/** Loads src/bitcode's reader, printer and normalizer; returns a message instead when they are not there. */
export async function loadBitcodeApi(): Promise<BitcodeApi | string> {
  const base = new URL('../../src/bitcode/', import.meta.url);
  const parts: Record<string, string> = { readModule: 'reader.js', printModule: 'printer.js', normalizeLL: 'normalize.js' };
  const api: Record<string, unknown> = {};
  for (const [fn, file] of Object.entries(parts)) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(new URL(file, base).href)) as Record<string, unknown>;
    } catch (e) {
      return `cgts's bitcode API is not available: cannot load src/bitcode/${file.replace(/\.js$/, '.ts')} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
    }
    if (typeof mod[fn] !== 'function') return `cgts's bitcode API is not available: src/bitcode/${file.replace(/\.js$/, '.ts')} does not export ${fn}()`;
    api[fn] = mod[fn];
  }
  return api as unknown as BitcodeApi;
}
