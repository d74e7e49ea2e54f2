// `cargo cgts build` against stock `cargo build` on real crate graphs, in one
// run: a clean debug build and a rebuild after a one-line edit in the leaf
// crate, each with and without debug info, stock and cgts alternating, and
// the speedup (stock time / cgts time, above 1 means cgts is faster) in wall
// and CPU time (user + system of every process the build ran).
// Projects: examples/crates-app (regex, serde_json, clap, rayon, ... from
// Debian's crate sources) and regex's own test suite (`cargo test --no-run`
// on a copy of Debian's regex).
// With --daemon, cgts's builds use the opt-in compile daemon (CGTS_DAEMON=1),
// warm from the previous build; its CPU time counts as theirs.
// Also printed: the CPU time of cgts's own process (the compile server, its
// workers and V8's threads; with --daemon the daemon's too), and the CPU
// speedup cgts would have if that cost nothing: stock CPU / (cgts CPU - cgts's
// own), the ceiling that rustc's front end, cargo and the links set.
// Usage: npm run bench:cargo [-- --reps N] [--projects crates-app,regex-tests] [--no-debug-variants] [--daemon]

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const REGISTRY = '/usr/share/cargo/registry';

interface Project {
  name: string;
  /** makes the project in `dir`; returns false (with a reason printed) when it cannot be made here */
  make(dir: string): boolean;
  /** the cargo arguments of a build */
  args: string[];
  /** the file a one-line edit goes into, and the edit */
  editFile: string;
  edit(text: string, n: number): string;
}

const CARGO_CONFIG = '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n[net]\noffline = true\n';

const projects: Project[] = [
  {
    name: 'crates-app',
    make: (dir) => {
      cpSync(join(root, 'examples', 'crates-app'), dir, { recursive: true, filter: (s) => !s.endsWith('/target') });
      return true;
    },
    args: ['build'],
    editFile: 'src/main.rs',
    edit: (t, n) => t.replace('"making {} records"', `"making {} records (edit ${n})"`),
  },
  {
    name: 'regex-tests',
    make: (dir) => {
      const src = readdirSync(REGISTRY).find((n) => /^regex-1\.\d+\.\d+$/.test(n));
      if (!src) {
        console.log('regex-tests: skipped (Debian\'s librust-regex-dev is not installed)');
        return false;
      }
      cpSync(join(REGISTRY, src), dir, { recursive: true });
      mkdirSync(join(dir, '.cargo'), { recursive: true });
      writeFileSync(join(dir, '.cargo', 'config.toml'), CARGO_CONFIG);
      return true;
    },
    args: ['test', '--no-run'],
    editFile: 'tests/test_default.rs',
    edit: (t, n) => `${t}\n#[test]\nfn edited_${n}() { assert_eq!(${n} + 1, ${n + 1}); }\n`,
  },
];

interface Sample {
  wall: number;
  cpu: number;
  /** cgts's builds: the CPU time of cgts's own process (and daemon) */
  own?: number;
}

/** Runs a command under sh and returns its wall time and its children's CPU time (from /proc, in seconds). */
function timed(cmd: string[], cwd: string, env: NodeJS.ProcessEnv): Sample {
  // The shell's own /proc/<pid>/stat holds cutime and cstime of everything it waited for.
  const script = '"$@" >/dev/null 2>"$CGTS_BENCH_ERR"; s=$?; cat /proc/$$/stat; exit $s';
  const t0 = performance.now();
  const r = spawnSync('sh', ['-c', script, 'sh', ...cmd], { cwd, env, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    const err = existsSync(env.CGTS_BENCH_ERR!) ? readFileSync(env.CGTS_BENCH_ERR!, 'utf8') : '';
    throw new Error(`${cmd.join(' ')} failed in ${cwd}:\n${err.slice(-3000)}`);
  }
  const fields = r.stdout.slice(r.stdout.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3; cutime and cstime are fields 16 and 17.
  const ticks = Number(fields[16 - 3]) + Number(fields[17 - 3]);
  return { wall, cpu: ticks / 100 };
}

function parseArgs(argv: string[]): { reps: number; names: string[]; debugVariants: boolean; daemon: boolean } {
  const a = { reps: 2, names: projects.map((p) => p.name), debugVariants: true, daemon: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') a.reps = Math.max(1, Number(argv[++i]) | 0);
    else if (argv[i] === '--projects') a.names = (argv[++i] ?? '').split(',');
    else if (argv[i] === '--no-debug-variants') a.debugVariants = false;
    else if (argv[i] === '--daemon') a.daemon = true;
    else throw new Error(`unknown argument ${argv[i]}; usage: bench/cargo.ts [--reps N] [--projects a,b] [--no-debug-variants] [--daemon]`);
  }
  return a;
}

/** The process ids of the compile daemons whose files are under `tmp` (a TMPDIR of the benchmark's own). */
function daemonPids(tmp: string): number[] {
  if (!existsSync(tmp)) return [];
  return readdirSync(tmp).filter((d) => d.startsWith('cgts-')).flatMap((d) =>
    readdirSync(join(tmp, d)).filter((f) => f.endsWith('.pid')).map((f) => Number(readFileSync(join(tmp, d, f), 'utf8'))));
}

/** CPU seconds the daemons under `tmp` have used so far (user + system, from /proc). */
function daemonCpu(tmp: string): number {
  let ticks = 0;
  for (const pid of daemonPids(tmp)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[14 - 3]) + Number(f[15 - 3]);
    } catch {
      // gone
    }
  }
  return ticks / 100;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (spawnSync('cargo', ['--version']).status !== 0) {
    console.log('cargo is not installed: nothing to measure');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'cgts-bench-cargo-'));
  const base: NodeJS.ProcessEnv = { ...process.env, CARGO_TERM_COLOR: 'never', CGTS_BENCH_ERR: join(work, 'stderr') };
  delete base.CGTS_BENCH_SELF_CPU;
  for (const k of Object.keys(base)) if (/^(RUSTC_WRAPPER|RUSTFLAGS|CARGO_TARGET_DIR|CGTS_(?!BENCH))/.test(k)) delete base[k];
  const stockCmd = (a: string[]) => ['cargo', ...a];
  const selfCpuFile = join(work, 'self-cpu');
  const reporter = join(root, 'dist', 'bench', 'self-cpu.js');
  const cgtsCmd = (a: string[]) => [process.execPath, '--import', reporter, join(root, 'bin', 'cargo-cgts.js'), 'cgts', ...a];
  /** The CPU seconds the `cargo cgts` process reported for itself (0 when it reported nothing). */
  const takeSelfCpu = (): number => {
    if (!existsSync(selfCpuFile)) return 0;
    const t = readFileSync(selfCpuFile, 'utf8').trim().split('\n').reduce((a, l) => a + Number(l), 0);
    rmSync(selfCpuFile);
    return t;
  };
  // with --daemon: cgts's builds use a compile daemon of their own (its CPU time counted with theirs), stopped at the end
  const daemonTmp = join(work, 'tmp');
  if (args.daemon) mkdirSync(daemonTmp);
  const cgtsExtra: NodeJS.ProcessEnv = args.daemon ? { CGTS_DAEMON: '1', TMPDIR: daemonTmp } : {};
  const cgtsName = args.daemon ? 'cgts+daemon' : 'cgts';
  const rows: string[][] = [['project', 'debug info', 'build', 'stock wall s', `${cgtsName} wall s`, 'speedup wall', 'stock CPU s', `${cgtsName} CPU s`, 'speedup CPU', 'cgts own CPU s', 'ceiling CPU']];
  try {
    for (const p of projects.filter((x) => args.names.includes(x.name))) {
      const dir = join(work, p.name);
      if (!p.make(dir)) continue;
      for (const debug of args.debugVariants ? [true, false] : [true]) {
        const env = { ...base, CARGO_PROFILE_DEV_DEBUG: debug ? '2' : '0', CARGO_PROFILE_TEST_DEBUG: debug ? '2' : '0' };
        const stockEnv = { ...env, CARGO_TARGET_DIR: join(dir, 'target', 'stock') };
        const results: Record<string, Sample[]> = { 'stock clean': [], 'cgts clean': [], 'stock edit': [], 'cgts edit': [] };
        const editPath = join(dir, p.editFile);
        const original = readFileSync(editPath, 'utf8');
        let n = 0;
        for (let rep = 0; rep < args.reps; rep++) {
          for (const who of ['stock', 'cgts'] as const) {
            writeFileSync(editPath, original);
            rmSync(join(dir, 'target', who), { recursive: true, force: true });
            const cmd = who === 'stock' ? stockCmd(p.args) : cgtsCmd(p.args);
            const e = who === 'stock' ? stockEnv : { ...env, ...cgtsExtra, CGTS_BENCH_SELF_CPU: selfCpuFile };
            const measure = (): Sample => {
              if (who === 'stock') return timed(cmd, dir, e);
              const before = daemonCpu(daemonTmp);
              takeSelfCpu();
              const s = timed(cmd, dir, e);
              const daemon = daemonCpu(daemonTmp) - before;
              return { wall: s.wall, cpu: s.cpu + daemon, own: takeSelfCpu() + daemon };
            };
            results[`${who} clean`].push(measure());
            writeFileSync(editPath, p.edit(original, ++n));
            results[`${who} edit`].push(measure());
            process.stdout.write('.');
          }
        }
        writeFileSync(editPath, original);
        for (const kind of ['clean', 'edit']) {
          const s = results[`stock ${kind}`], c = results[`cgts ${kind}`];
          const sw = median(s.map((x) => x.wall)), cw = median(c.map((x) => x.wall));
          const sc = median(s.map((x) => x.cpu)), cc = median(c.map((x) => x.cpu));
          const own = median(c.map((x) => x.own ?? 0));
          const rest = median(c.map((x) => x.cpu - (x.own ?? 0)));
          rows.push([p.name, debug ? 'yes' : 'no', kind === 'clean' ? 'clean' : 'one-line edit', sw.toFixed(2), cw.toFixed(2), (sw / cw).toFixed(2) + 'x', sc.toFixed(2), cc.toFixed(2), (sc / cc).toFixed(2) + 'x', own.toFixed(2), (sc / rest).toFixed(2) + 'x']);
        }
      }
    }
  } finally {
    for (const pid of daemonPids(daemonTmp)) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write('\n');
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
  for (const r of rows) console.log(r.map((c, k) => (k < 3 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  '));
  console.log(`\nmedian of ${args.reps} alternating runs; speedup = stock time / cgts time (above 1: cgts is faster);`);
  console.log('cgts own CPU = the `cargo cgts` process (compile server, workers, V8 threads) and any daemon; ceiling CPU = stock CPU / (cgts CPU - cgts own CPU),');
  console.log('the CPU speedup if cgts\'s code generation cost nothing (what rustc writing bitcode, cargo and the links leave)');
}

main();
