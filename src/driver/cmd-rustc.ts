// `cgts rustc [rustc options] file.rs`: runs the installed rustc with the
// user's options plus `-Clinker-plugin-lto -Clinker=<cgts link shim>`, so that
// rustc writes bitcode and the shim compiles it with cgts at link time.
// Needs the user's rustc arguments; produces rustc's outputs, diagnostics and
// exit status. The cgts-only emit kinds `clif` and `asm` are taken out of
// `--emit` and handed to the shim through the environment.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, fstatSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../support/diag.js';
import { compileInPlace, shimOptionsFromEnv } from './link-shim.js';

export const HELP = `usage: cgts rustc [rustc options] <file.rs>

Runs rustc with cgts as its code generator: rustc's front end writes LLVM
bitcode (-Clinker-plugin-lto) and calls cgts's link shim as its linker
(-Clinker=<cgts>/bin/cgts-link), which compiles the bitcode to x86-64 with
cgts and links with cc. Options are rustc's (see rustc --help), except
-h/--help, which prints this; output names, diagnostics and the exit status
are rustc's. The standard library is linked as rustc ships it (native code).

cgts adds two --emit kinds, written beside the linked output (main.clif,
main.s for -o main) or to the file given as clif=FILE / asm=FILE:
  --emit=clif    the CLIF cgts translated the crate's bitcode into
  --emit=asm     an objdump listing of the code cgts generated (needs objdump)
Without link in the --emit list, only these are written (no executable).

Notes:
  -C linker=X    is kept: the shim links with X instead of cc
  --emit=obj     rustc writes LLVM bitcode under -Clinker-plugin-lto; cgts
                 then compiles it in place into the ELF object asked for
  rlib, staticlib  rewritten once rustc is done, their bitcode members
                 compiled to native objects (so each library's code is
                 generated in its own build step); --emit=clif and asm then
                 write libfoo.clif and libfoo.s beside libfoo.rlib

environment:
  CGTS_RUSTC        the rustc to run (default: rustc on the PATH)
  CGTS_LINKER       the linker driver the shim runs (default: cc; -C linker=X sets it)
  CGTS_JOBS         compile threads in the shim (default: the number of CPUs)
  CGTS_KEEP_TEMPS=1 keep the shim's temporary directory and print where it is
  CGTS_PROGRESS=none  no progress lines (by default one appears when compiling takes over 2 s)
  CGTS_CACHE_DIR    keep compiled objects in this folder by content hash and reuse them
                    (CGTS_CACHE_MAX_MB: its size limit, default 2048)
  CGTS_BACKTRACE=1  print a JavaScript stack trace with every error
`;

/** The project root: the nearest folder above this file holding bin/cgts-link (from dist/src/driver/ or src/driver/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'cgts-link'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`internal error: bin/cgts-link not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** The link shim executable rustc runs: bin/cgts-link (a sh script starting node on bin/cgts-link.js). */
export function shimPath(): string {
  return join(projectRoot(), 'bin', 'cgts-link');
}

export interface RustcPlan {
  /** the arguments rustc gets */
  args: string[];
  /** environment additions for rustc (and so for the shim) */
  env: Record<string, string>;
  /** the user asked for help */
  help: boolean;
  /** the --crate-type values given */
  crateTypes: string[];
  /** the -o value, or '' */
  output: string;
  /** the --out-dir value, or '' */
  outDir: string;
  /** the --emit kinds rustc gets */
  rustcEmits: string[];
  /** --crate-name, -C extra-filename and the .rs input, as far as given ('' if not) */
  crateName: string;
  extraFilename: string;
  input: string;
  /**
   * `--cap-lints allow` was given, as cargo gives it for the crates that are
   * not the user's own (registry and git dependencies). cargo rebuilds those
   * only when their flags change, which changes their bitcode too, so their
   * libraries' objects are not kept in the object cache (the same rule as
   * the fast wrapper's dep-rlib requests).
   */
  capsLints: boolean;
}

const CGTS_EMITS = new Set(['clif', 'asm']);

/**
 * Rewrites the user's rustc arguments: cgts emit kinds out of every --emit, the
 * user's -C linker taken over by the shim, and the two options cgts needs
 * appended. Explicit emit paths are made absolute against `cwd`.
 */
export function planRustc(user: readonly string[], cwd: string): RustcPlan {
  const args: string[] = [];
  // Every variable the shim reads is set, so that none leaks in from an outer environment.
  const env: Record<string, string> = { CGTS_EMIT: 'link', CGTS_EMIT_CLIF_PATH: '', CGTS_EMIT_ASM_PATH: '' };
  let emitSeen = false;
  const rustcEmits: string[] = [];
  let emitAt = -1;
  const cgtsEmits: string[] = [];
  let help = false;
  let hasLto = false;
  const crateTypes: string[] = [];
  let output = '';
  let outDir = '';
  let crateName = '';
  let extraFilename = '';
  let input = '';
  let capsLints = false;

  const takeEmit = (list: string) => {
    emitSeen = true;
    for (const item of list.split(',')) {
      const eq = item.indexOf('=');
      const kind = eq < 0 ? item : item.slice(0, eq);
      if (!CGTS_EMITS.has(kind)) {
        rustcEmits.push(item);
        continue;
      }
      cgtsEmits.push(kind);
      if (eq >= 0) {
        const path = item.slice(eq + 1);
        env[kind === 'clif' ? 'CGTS_EMIT_CLIF_PATH' : 'CGTS_EMIT_ASM_PATH'] = path === '-' ? '-' : resolve(cwd, path);
      }
    }
  };
  /** A -C option: returns false when cgts takes it over (dropped from rustc's line). */
  const codegen = (opt: string): boolean => {
    if (opt.startsWith('linker=')) {
      env.CGTS_LINKER = opt.slice(7);
      return false;
    }
    if (opt === 'linker-plugin-lto' || opt.startsWith('linker-plugin-lto=')) hasLto = true;
    if (opt.startsWith('extra-filename=')) extraFilename = opt.slice(15);
    return true;
  };

  for (let i = 0; i < user.length; i++) {
    const a = user[i];
    if (a === '-h' || a === '--help') help = true;
    const next = user[i + 1] ?? '';
    if (a === '--crate-type') crateTypes.push(...next.split(','));
    else if (a.startsWith('--crate-type=')) crateTypes.push(...a.slice(13).split(','));
    else if (a === '-o') output = next;
    else if (a.startsWith('-o') && a.length > 2) output = a.slice(2);
    else if (a === '--out-dir') outDir = next;
    else if (a.startsWith('--out-dir=')) outDir = a.slice(10);
    else if (a === '--crate-name') crateName = next;
    else if (a.startsWith('--crate-name=')) crateName = a.slice(13);
    else if ((a === '--cap-lints' && next === 'allow') || a === '--cap-lints=allow') capsLints = true;
    else if (a.endsWith('.rs') && !a.startsWith('-')) input = a;
    if (a === '--emit' && i + 1 < user.length) {
      if (emitAt < 0) emitAt = args.length;
      takeEmit(user[++i]);
    } else if (a.startsWith('--emit=')) {
      if (emitAt < 0) emitAt = args.length;
      takeEmit(a.slice(7));
    } else if ((a === '-C' || a === '--codegen') && i + 1 < user.length) {
      if (codegen(user[i + 1])) args.push(a, user[i + 1]);
      i++;
    } else if (a.startsWith('-C') && a.length > 2) {
      if (codegen(a.slice(2))) args.push(a);
    } else if (a.startsWith('--codegen=')) {
      if (codegen(a.slice(10))) args.push(a);
    } else {
      args.push(a);
    }
  }
  if (emitSeen) {
    const link = rustcEmits.some((e) => e === 'link' || e.startsWith('link='));
    if (cgtsEmits.length > 0) {
      // The shim writes the CLIF and listing at link time, so rustc must link;
      // it is told not to produce the executable unless the user asked for one.
      if (!link) rustcEmits.push('link');
      env.CGTS_EMIT = [...(link ? ['link'] : []), ...new Set(cgtsEmits)].join(',');
    }
    if (rustcEmits.length > 0) args.splice(emitAt, 0, `--emit=${rustcEmits.join(',')}`);
  }
  if (!hasLto) args.push('-Clinker-plugin-lto');
  args.push(`-Clinker=${shimPath()}`);
  return { args, env, help, crateTypes, output, outDir, rustcEmits, crateName, extraFilename, input, capsLints };
}

export function run(userArgs: string[]): Promise<number> {
  return runWithEnv(userArgs, process.env);
}

/** `cgts rustc` with the given environment (CGTS_RUSTC names the rustc to run). */
export async function runWithEnv(userArgs: string[], baseEnv: NodeJS.ProcessEnv): Promise<number> {
  const plan = planRustc(userArgs, process.cwd());
  if (plan.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const { stdio, progressFd } = rustcStdio(baseEnv);
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    ...plan.env,
    CGTS_NODE: process.execPath,
    CGTS_PROGRESS_FD: String(progressFd),
  };
  const rustc = env.CGTS_RUSTC || 'rustc';
  const status = await runRustc(rustc, plan.args, env, stdio);
  if (status !== 0) return status;
  // Archives rustc wrote (rlib, staticlib) hold bitcode: compile them now, so
  // that a library's code is generated in its own build step. An --emit=obj
  // object is bitcode too: compile it into the native object asked for.
  const archives = archiveOutputs(plan, rustc, env, process.cwd());
  const objects = objectOutputs(plan, process.cwd());
  if (archives.length + objects.length > 0) {
    const opts = shimOptionsFromEnv(env);
    // Under cargo (CGTS_PROGRESS=link) a library's code generation is part of its build step on cargo's own progress bar.
    if (baseEnv.CGTS_PROGRESS === 'link') opts.progressAfterMs = Infinity;
    // A dependency that is not the user's own keeps nothing in the object cache (see RustcPlan.capsLints).
    const archiveOpts = plan.capsLints ? { ...opts, cache: null } : opts;
    for (const a of archives) {
      // Without link in the user's --emit the archive was only a means to the CLIF or listing.
      if ((await compileInPlace(a, archiveOpts)) && !opts.link) rmSync(a);
    }
    for (const o of objects) await compileInPlace(o, opts);
  }
  return 0;
}

/** Where rustc wrote its --emit=obj object (rustc's naming rules), if it was asked for one. */
function objectOutputs(plan: RustcPlan, cwd: string): string[] {
  const obj = plan.rustcEmits.find((e) => e === 'obj' || e.startsWith('obj='));
  if (obj === undefined) return [];
  if (obj.startsWith('obj=')) return obj === 'obj=-' ? [] : [resolve(cwd, obj.slice(4))];
  if (plan.output) {
    // With several output types rustc keeps -o's directory and stem and sets the extension.
    if (plan.rustcEmits.length === 1) return [resolve(cwd, plan.output)];
    const out = resolve(cwd, plan.output);
    return [join(dirname(out), basename(out).replace(/\.[^.]*$/, '') + '.o')];
  }
  if (!plan.crateName && !plan.input) return [];
  const stem = (plan.crateName || basename(plan.input, '.rs')) + plan.extraFilename;
  return [resolve(cwd, plan.outDir || '.', stem + '.o')];
}

/** The archives among rustc's outputs: the -o file, or the names rustc's --print=file-names gives. */
function archiveOutputs(plan: RustcPlan, rustc: string, env: NodeJS.ProcessEnv, cwd: string): string[] {
  if (!plan.crateTypes.some((t) => t === 'lib' || t === 'rlib' || t === 'staticlib')) return [];
  if (plan.output && plan.crateTypes.length === 1) return [resolve(cwd, plan.output)];
  if (plan.crateName && !plan.output) {
    // rustc's names on Linux (what cargo relies on): lib<crate><extra>.rlib and .a.
    const dir = resolve(cwd, plan.outDir || '.');
    const names: string[] = [];
    for (const t of new Set(plan.crateTypes)) {
      if (t === 'lib' || t === 'rlib') names.push(`lib${plan.crateName}${plan.extraFilename}.rlib`);
      else if (t === 'staticlib') names.push(`lib${plan.crateName}${plan.extraFilename}.a`);
    }
    return [...new Set(names)].map((n) => join(dir, n));
  }
  const r = spawnSync(rustc, [...plan.args, '--print=file-names'], { env, encoding: 'utf8' });
  if (r.status !== 0) return [];
  const dir = plan.outDir || (plan.output ? dirname(resolve(cwd, plan.output)) : cwd);
  return r.stdout.split('\n').filter((n) => n.endsWith('.rlib') || n.endsWith('.a')).map((n) => resolve(cwd, dir, n));
}

/**
 * The jobserver descriptors make or cargo named in the environment
 * (`--jobserver-auth=R,W` in CARGO_MAKEFLAGS, MAKEFLAGS or MFLAGS) and that
 * are open here. Exec'ing rustc would pass them on; node marks every
 * inherited descriptor close-on-exec, so they must be named in `stdio`.
 */
function jobserverFds(env: NodeJS.ProcessEnv): number[] {
  const out: number[] = [];
  for (const v of [env.CARGO_MAKEFLAGS, env.MAKEFLAGS, env.MFLAGS]) {
    const m = v ? /--jobserver-(?:auth|fds)=(\d+),(\d+)/.exec(v) : null;
    if (!m) continue;
    for (const fd of [Number(m[1]), Number(m[2])]) {
      try {
        fstatSync(fd);
        if (fd > 2 && !out.includes(fd)) out.push(fd);
      } catch {
        // not open here: nothing to pass
      }
    }
  }
  return out;
}

/**
 * rustc's descriptors: 0-2 ours, the jobserver's passed on unchanged, and
 * our stderr once more at `progressFd` (the lowest number left), where
 * the shim writes progress lines that rustc, holding its linker's stderr
 * until the link ends, would otherwise keep back.
 */
export function rustcStdio(env: NodeJS.ProcessEnv): { stdio: ('inherit' | 'ignore' | number)[]; progressFd: number } {
  const passed = jobserverFds(env);
  let progressFd = 3;
  while (passed.includes(progressFd)) progressFd++;
  const stdio: ('inherit' | 'ignore' | number)[] = ['inherit', 'inherit', 'inherit'];
  const top = Math.max(progressFd, ...passed);
  for (let fd = 3; fd <= top; fd++) stdio.push(fd === progressFd ? 2 : passed.includes(fd) ? fd : 'ignore');
  return { stdio, progressFd };
}

export function runRustc(rustc: string, args: string[], env: NodeJS.ProcessEnv, stdio: ('inherit' | 'ignore' | number)[]): Promise<number> {
  return new Promise<number>((resolveRun, rejectRun) => {
    // A wrapper cargo's user had set (sccache, ...) still runs, with the rustc as its first argument.
    const inner = env.CGTS_INNER_WRAPPER;
    const child = inner ? spawn(inner, [rustc, ...args], { stdio, env }) : spawn(rustc, args, { stdio, env });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    child.on('error', (e: NodeJS.ErrnoException) => {
      for (const s of signals) process.removeListener(s, forward);
      try {
        fail(e.code === 'ENOENT' ? `cannot run '${rustc}': not found (install Rust, or set CGTS_RUSTC)` : `cannot run '${rustc}': ${e.message}`);
      } catch (err) {
        rejectRun(err);
      }
    });
    child.on('close', (code, sig) => {
      for (const s of signals) process.removeListener(s, forward);
      if (sig) {
        process.kill(process.pid, sig);
        resolveRun(128);
      } else {
        resolveRun(code ?? 1);
      }
    });
  });
}
