// `cgts cargo <command> [args]` and `cargo cgts <command> [args]`: runs cargo
// with cgts as every crate's code generator. Needs cargo on the PATH (or
// CGTS_CARGO); produces cargo's outputs, messages and exit status, in a
// target directory of its own (target/cgts unless one is given) so cgts and
// stock builds never invalidate each other. cargo reaches cgts through
// RUSTC_WRAPPER (bin/cgts-rustc-wrapper) for crates, build scripts,
// proc-macros and tests, and through RUSTDOCFLAGS for doc tests.

import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { fail } from '../support/diag.js';
import { cgtsCodeHash } from './cache.js';
import { startCompileServer, type CompileServer } from './compile-server.js';
import { daemonSocket, ensureDaemon } from './compile-daemon.js';
import { readTimings, renderReport } from './timings.js';
import { projectRoot, shimPath } from './cmd-rustc.js';
import { shimOptionsFromEnv } from './link-shim.js';
import { openRewriteChannel, type RewriteChannel } from './rewrite-channel.js';

export const HELP = `usage: cargo cgts <cargo command> [cargo options]
       cgts cargo <cargo command> [cargo options]

Runs cargo (build, run, test, bench, check, doc, ...) with cgts generating the
machine code of every crate it builds: libraries, binaries, build scripts,
proc-macros, tests and doc tests. Arguments are cargo's (see cargo help
<command>) and work as they do with cargo; output and exit status are cargo's.
The standard library is linked as rustc ships it.

cgts's options (taken out before cargo sees the line):
  --fallback       a crate cgts cannot compile is built by rustc's own code
                   generator instead, with a warning naming the crate and the
                   reason (the same as CGTS_FALLBACK=1); off by default
  -h, --help       this help (cargo's own: cargo help <command>)

With cargo's --timings, cgts also writes its own report beside cargo's
(<target dir>/cargo-timings/cgts-timing-*.html): per crate, the time each
code generation step took (read, translate, verify, select/allocate/encode,
describe in DWARF, write, link) as a chart and a table, and the code units
(rustc's codegen units) that took longest.

Builds go to <workspace>/target/cgts unless --target-dir or CARGO_TARGET_DIR
says otherwise, so they never mix with stock builds. Compiled objects are kept
in <target dir>/cgts-cache by the content hash of their bitcode (and of cgts
itself), so rebuilding after an edit compiles only the code units rustc
changed; registry and git dependencies' libraries are not kept (cargo
rebuilds them only when their flags, and so their bitcode, change). The
cache is trimmed to CGTS_CACHE_MAX_MB (default 2048) and removed with the
target directory by cargo clean.

environment:
  CGTS_CARGO        the cargo to run (default: cargo on the PATH)
  CGTS_FALLBACK=1   as --fallback
  CGTS_CACHE_DIR    the object cache's folder (default as above); CGTS_CACHE_MAX_MB=0 disables it
  CGTS_JOBS         compile threads of the build's compile server (default: half the CPUs)
  CGTS_SERVER=0     no compile server: each rustc run compiles in its own process
  CGTS_DAEMON=1     the compile server outlives the command, so the next build finds
                    it warm; it exits after CGTS_DAEMON_IDLE seconds (default 600)
                    without work
  CGTS_KEEP_TEMPS, CGTS_BACKTRACE  as for cgts rustc (see cgts rustc --help)
  RUSTC_WRAPPER     a wrapper already set (sccache, ...) still runs, inside cgts's
`;

export interface CargoPlan {
  args: string[];
  env: Record<string, string>;
  help: boolean;
  /** the target directory the build uses (absolute), or '' if cargo decides */
  targetDir: string;
  /** --timings was given: cgts writes its own report beside cargo's */
  timings: boolean;
  /** the symbolic link (path) to cgts's rustc wrapper (target) that RUSTC_WRAPPER names, to be made before cargo runs; null when RUSTC_WRAPPER is the wrapper itself */
  wrapperLink: { path: string; target: string } | null;
}

/** Whether a RUSTC_WRAPPER value is cgts's own wrapper (directly or through a link of ours), as in a nested `cargo cgts`. */
function isCgtsWrapper(path: string): boolean {
  return path.endsWith('cgts-rustc-wrapper') || /[\\/]cgts-bin[\\/]rustc-wrapper-[0-9a-z-]+$/.test(path);
}

/** The value of a cargo option before `--` (`--name V` or `--name=V`), or undefined. */
function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === name) return args[i + 1];
    if (a.startsWith(name + '=')) return a.slice(name.length + 1);
  }
  return undefined;
}

/** The workspace root cargo would use here, or '' outside a workspace (asks `cargo locate-project`). */
function workspaceRoot(cargo: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const manifest = optionValue(args, '--manifest-path');
  return new Promise<string>((resolveRoot) => {
    execFile(cargo, ['locate-project', '--workspace', '--message-format', 'plain', ...(manifest ? ['--manifest-path', manifest] : [])], { env, encoding: 'utf8' },
      (err, stdout) => resolveRoot(err ? '' : dirname(stdout.trim())));
  });
}

/** Whether the line asks for `cargo cgts`'s own help (nothing, or only -h, --help or help). */
function asksHelp(user: readonly string[]): boolean {
  const args = user.filter((a) => a !== '--fallback');
  return args.length === 0 || (args.length === 1 && (args[0] === '-h' || args[0] === '--help' || args[0] === 'help'));
}

/** Cargo's arguments and the environment that makes cgts its code generator. */
export function planCargo(user: readonly string[], env: NodeJS.ProcessEnv, cwd: string, locate: () => string, codeHash: string): CargoPlan {
  const args: string[] = [];
  const add: Record<string, string> = {};
  const help = asksHelp(user);
  let afterDashes = false;
  for (const a of user) {
    if (!afterDashes && a === '--') afterDashes = true;
    if (!afterDashes && a === '--fallback') {
      add.CGTS_FALLBACK = '1';
      continue;
    }
    args.push(a);
  }

  add.CGTS_BIN = join(projectRoot(), 'bin');
  const wrapper = join(add.CGTS_BIN, 'cgts-rustc-wrapper');
  add.RUSTC_WRAPPER = wrapper;
  if (env.RUSTC_WRAPPER && !isCgtsWrapper(env.RUSTC_WRAPPER)) add.CGTS_INNER_WRAPPER = env.RUSTC_WRAPPER;

  // Our own target directory, unless the user chose one.
  let targetDir = optionValue(args, '--target-dir') ?? env.CARGO_TARGET_DIR ?? env.CARGO_BUILD_TARGET_DIR;
  if (targetDir === undefined) {
    const root = locate();
    if (root) {
      targetDir = join(root, 'target', 'cgts');
      add.CARGO_TARGET_DIR = targetDir;
    }
  }
  if (!env.CGTS_CACHE_DIR && targetDir !== undefined) add.CGTS_CACHE_DIR = join(resolve(cwd, targetDir), 'cgts-cache');

  // cargo keeps what `rustc -vV` and its target probes print, keyed by the
  // paths and file times of rustc and the wrapper. The wrapper adds cgts's
  // code hash to `-vV`, so cargo reaches it through a link whose name holds
  // that hash: a different cgts is a different wrapper to cargo. Without a
  // target directory to keep the link in, cargo's cache is turned off.
  let wrapperLink: CargoPlan['wrapperLink'] = null;
  if (targetDir !== undefined) {
    wrapperLink = { path: join(resolve(cwd, targetDir), 'cgts-bin', `rustc-wrapper-${codeHash.slice(0, 16)}`), target: wrapper };
    add.RUSTC_WRAPPER = wrapperLink.path;
  } else if (env.CARGO_CACHE_RUSTC_INFO === undefined) {
    add.CARGO_CACHE_RUSTC_INFO = '0';
  }

  // Doc tests: rustdoc compiles and links them itself, with these options.
  const docFlags = ['-Clinker-plugin-lto', `-Clinker=${shimPath()}`];
  if (env.CARGO_ENCODED_RUSTDOCFLAGS !== undefined) {
    add.CARGO_ENCODED_RUSTDOCFLAGS = [env.CARGO_ENCODED_RUSTDOCFLAGS, ...docFlags].filter((s) => s !== '').join('\x1f');
  } else {
    add.RUSTDOCFLAGS = [env.RUSTDOCFLAGS ?? '', ...docFlags].filter((s) => s !== '').join(' ');
  }
  // cgts's own progress lines: only for links that take a while, none with -q.
  const quiet = args.some((a, i) => (a === '-q' || a === '--quiet') && !args.slice(0, i).includes('--'));
  add.CGTS_PROGRESS = quiet ? 'none' : 'link';
  const dashes = args.indexOf('--');
  const timings = (dashes < 0 ? args : args.slice(0, dashes)).some((a) => a === '--timings' || a.startsWith('--timings='));
  return { args, env: add, help, targetDir: targetDir === undefined ? '' : resolve(cwd, targetDir), timings, wrapperLink };
}

export async function run(userArgs: string[]): Promise<number> {
  const cargo = process.env.CGTS_CARGO || 'cargo';
  if (asksHelp(userArgs)) {
    process.stdout.write(HELP);
    return 0;
  }
  // Locating the workspace (a cargo process), hashing cgts's code and
  // starting the compile server overlap: each is a few tens of milliseconds
  // that every build, even one with nothing to do, waits for.
  const needsRoot = (optionValue(userArgs, '--target-dir') ?? process.env.CARGO_TARGET_DIR ?? process.env.CARGO_BUILD_TARGET_DIR) === undefined;
  const located = needsRoot ? workspaceRoot(cargo, userArgs, process.env) : Promise.resolve('');
  // Warm compile workers for the whole build, shared by every rustc cargo runs.
  // Half the CPUs by default: cargo's rustc jobs use the others, and each
  // worker pays V8's warm-up of cgts's code once (on 2 CPUs one worker builds
  // examples/crates-app in about 10% less wall and CPU time than two).
  const half = Math.max(1, Math.floor(availableParallelism() / 2));
  const wanted = process.env.CGTS_JOBS ? Number(process.env.CGTS_JOBS) : half;
  const jobs = Number.isInteger(wanted) && wanted >= 1 ? wanted : half;
  const useServer = process.env.CGTS_SERVER !== '0';
  const useDaemon = useServer && process.env.CGTS_DAEMON === '1';
  const starting = useServer && !useDaemon ? startCompileServer(jobs) : null;
  // cgts's own code is hashed once here for every object cache lookup of the build
  const codeHash = cgtsCodeHash();
  const daemon = useDaemon ? daemonSocket(codeHash, jobs, process.env) : '';
  const daemonUp = useDaemon ? ensureDaemon(daemon, jobs, process.env) : Promise.resolve(false);
  const root = await located;
  const plan = planCargo(userArgs, process.env, process.cwd(), () => root, codeHash);
  if (plan.wrapperLink && !makeWrapperLink(plan.wrapperLink.path, plan.wrapperLink.target)) {
    plan.env.RUSTC_WRAPPER = plan.wrapperLink.target;
    if (process.env.CARGO_CACHE_RUSTC_INFO === undefined) plan.env.CARGO_CACHE_RUSTC_INFO = '0';
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...plan.env, CGTS_NODE: process.execPath, CGTS_CODE_HASH: codeHash };
  let timingsDir = '';
  if (plan.timings && plan.targetDir) {
    timingsDir = mkdtempSync(join(tmpdir(), 'cgts-timings-'));
    env.CGTS_TIMINGS_FILE = join(timingsDir, 'records.jsonl');
  }
  let server: CompileServer | null = null;
  let channel: RewriteChannel | null = null;
  let channelDir = '';
  env.CGTS_SERVER_FIFO = ''; // none from an outer build
  // the compile daemon's workers, or (without it, or when it cannot be started) a server of this process's own
  let compileWith: { server: string } | { submit: CompileServer['submit'] } | null = null;
  if (useDaemon && (await daemonUp)) {
    env.CGTS_SERVER = daemon;
    channelDir = mkdtempSync(join(tmpdir(), 'cgts-channel-'));
    compileWith = { server: daemon };
  } else if (useServer) {
    server = await (starting ?? startCompileServer(jobs));
    env.CGTS_SERVER = server.path;
    channelDir = server.dir;
    compileWith = { submit: server.submit };
  }
  if (compileWith) {
    // The wrapper's fast path: libraries are made native by the server itself.
    const opts = { ...shimOptionsFromEnv(env), progressAfterMs: Infinity, ...compileWith };
    channel = openRewriteChannel(channelDir, opts, env.CGTS_BACKTRACE === '1', plan.env.CGTS_PROGRESS === 'none' ? Infinity : 2000);
    if (channel) {
      env.CGTS_SERVER_FIFO = channel.fifo;
      env.CGTS_SERVER_PID = String(process.pid);
    }
  }
  try {
    return await runCargo(cargo, plan.args, env);
  } finally {
    channel?.close();
    await server?.close();
    if (channelDir && !server) rmSync(channelDir, { recursive: true, force: true });
    if (timingsDir) {
      writeTimingsReport(join(timingsDir, 'records.jsonl'), plan.targetDir, plan.env.CGTS_PROGRESS === 'none');
      rmSync(timingsDir, { recursive: true, force: true });
    }
  }
}

/** Makes (or keeps) the symbolic link `path` to `target`; false when it cannot be made. */
function makeWrapperLink(path: string, target: string): boolean {
  try {
    if (readlinkSync(path) === target) return true;
  } catch {
    // not there yet, or not a link
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    rmSync(tmp, { force: true });
    symlinkSync(target, tmp);
    renameSync(tmp, path); // atomic: a concurrent build sees the old link or the new one
    return true;
  } catch {
    return false;
  }
}

/** cgts's timing report beside cargo's (target/cargo-timings), named like cargo's with a cgts- prefix. */
function writeTimingsReport(records: string, targetDir: string, quiet: boolean): void {
  const text = readTimings(records);
  if (!text) return;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const dir = join(targetDir, 'cargo-timings');
  const file = join(dir, `cgts-timing-${stamp}.html`);
  try {
    mkdirSync(dir, { recursive: true });
    const html = renderReport(text, 'cgts code generation timings');
    writeFileSync(file, html);
    writeFileSync(join(dir, 'cgts-timing.html'), html);
    if (!quiet) process.stderr.write(`      cgts timing report saved to ${file}\n`);
  } catch (e) {
    process.stderr.write(`cgts: warning: cannot write the timing report ${file}: ${(e as Error).message}\n`);
  }
}

function runCargo(cargo: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise<number>((resolveRun, rejectRun) => {
    const child = spawn(cargo, args, { stdio: 'inherit', env });
    // cargo and the rustc it runs get terminal signals themselves; these come from kill.
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
    const ignoreInt = () => {}; // Ctrl-C reaches cargo through the terminal; wait for it to stop
    for (const s of signals) process.on(s, forward);
    process.on('SIGINT', ignoreInt);
    const done = () => {
      for (const s of signals) process.removeListener(s, forward);
      process.removeListener('SIGINT', ignoreInt);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      done();
      try {
        fail(e.code === 'ENOENT' ? `cannot run '${cargo}': not found (install cargo, or set CGTS_CARGO)` : `cannot run '${cargo}': ${e.message}`);
      } catch (err) {
        rejectRun(err);
      }
    });
    child.on('close', (code, sig) => {
      done();
      resolveRun(sig ? 128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1) : (code ?? 1));
    });
  });
}
