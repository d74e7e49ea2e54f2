// The `cgts` command: parses the subcommand and hands off to its module in
// src/driver/. Every user error ends here as one line on stderr and a non-zero
// exit status; a JavaScript stack trace is printed only with CGTS_BACKTRACE=1.

import { appendFileSync } from 'node:fs';
import { CgtsError, errorReport } from './support/diag.js';
import { VERSION } from './support/version.js';

/** A subcommand: its one-line summary and a loader for the module that runs it. */
interface Command {
  usage: string;
  summary: string;
  load: () => Promise<{ run(args: string[]): Promise<number> | number }>;
}

const commands: Record<string, Command> = {
  cargo: {
    usage: 'cgts cargo <cargo command> [options]',
    summary: 'cargo with cgts as the code generator (also run as `cargo cgts ...`)',
    load: () => import('./driver/cmd-cargo.js'),
  },
  rustc: {
    usage: 'cgts rustc [rustc options] <file.rs>',
    summary: 'rustc with cgts as the code generator (adds --emit=clif and --emit=asm)',
    load: () => import('./driver/cmd-rustc.js'),
  },
  clif: {
    usage: 'cgts clif test|run <files or dirs>',
    summary: 'run CLIF filetests (`test run`, `test interpret`, `test verifier`, `test cat`)',
    load: () => import('./driver/cmd-clif.js'),
  },
  compile: {
    usage: 'cgts compile <in.bc|in.o|in.clif> -o <out.o> [--emit=asm|clif]',
    summary: 'compile a bitcode module or a CLIF file to an x86-64 ELF object',
    load: () => import('./driver/cmd-compile.js'),
  },
  dis: {
    usage: 'cgts dis <in.bc> [-o <out.ll>]',
    summary: 'print an LLVM bitcode module as LLVM assembly',
    load: () => import('./driver/cmd-dis.js'),
  },
  daemon: {
    usage: 'cgts daemon <socket> <jobs> <idle seconds>',
    summary: 'the compile daemon `cargo cgts` starts itself with CGTS_DAEMON=1',
    load: () => import('./driver/compile-daemon.js'),
  },
};

export function helpText(): string {
  const lines = [
    'cgts: a Rust debug-build code generator (LLVM bitcode -> CLIF -> x86-64 ELF)',
    '',
    'usage: cgts <command> [options]',
    '',
    'commands:',
  ];
  const width = Math.max(...Object.values(commands).map((c) => c.usage.length));
  for (const c of Object.values(commands)) lines.push(`  ${c.usage.padEnd(width)}  ${c.summary}`);
  lines.push('', "Each command's options: cgts <command> --help");
  lines.push('', 'options:', '  -h, --help     show this help', '  -V, --version  show the version');
  lines.push('', 'exit status: 0 success, 1 an error in the input (or a failing test), 2 a usage error,');
  lines.push('             101 an internal error (a bug in cgts)');
  lines.push('', 'environment:', '  CGTS_BACKTRACE=1  print a JavaScript stack trace with every error');
  lines.push('', 'The link shim bin/cgts-link is what `cgts rustc` gives rustc as -Clinker; it can also be');
  lines.push('used directly: rustc -Clinker-plugin-lto -Clinker=<cgts>/bin/cgts-link file.rs');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      process.stderr.write(helpText() + '\n');
      return 2;
    }
    if (name === '-h' || name === '--help' || name === 'help') {
      process.stdout.write(helpText() + '\n');
      return 0;
    }
    if (name === '-V' || name === '--version') {
      process.stdout.write(`cgts ${VERSION}\n`);
      return 0;
    }
    const cmd = commands[name];
    if (!cmd) {
      process.stderr.write(`cgts: error: unknown command '${name}'; see 'cgts --help'\n`);
      return 2;
    }
    const mod = await cmd.load();
    return await mod.run(rest);
  } catch (e) {
    return reportError(e);
  }
}

/**
 * The link shim's entry (bin/cgts-link.js): rustc's link line in, the
 * linker's exit status out; errors as `cgts: error: ...` lines, which rustc
 * shows as the linker's output.
 */
export async function linkMain(argv: string[]): Promise<number> {
  try {
    const { runLinkShim, shimOptionsFromEnv } = await import('./driver/link-shim.js');
    return await runLinkShim(argv, shimOptionsFromEnv());
  } catch (e) {
    return reportError(e);
  }
}

/**
 * Under `cargo cgts --fallback` the rustc wrapper names a file
 * (CGTS_FAILURE_FILE) where the link shim's errors are written too, so it
 * can tell a crate cgts could not compile from one rustc rejected.
 */
function recordFailure(e: unknown): void {
  const file = process.env.CGTS_FAILURE_FILE;
  if (!file) return;
  const text = e instanceof CgtsError ? e.describe() : `internal error: ${e instanceof Error ? e.message : String(e)}`;
  try {
    appendFileSync(file, text + '\n');
  } catch {
    // the wrapper then sees no reason and reports rustc's failure as it is
  }
}

/** The rustc wrapper's entry (bin/cgts-rustc-wrapper.js): `<rustc> <args>` as cargo runs RUSTC_WRAPPER. */
export async function wrapperMain(argv: string[]): Promise<number> {
  try {
    const { wrapperMain: run } = await import('./driver/rustc-wrapper.js');
    return await run(argv);
  } catch (e) {
    return reportError(e);
  }
}

/** Prints an error the way users see it and returns the exit status. */
export function reportError(e: unknown): number {
  recordFailure(e);
  const { text, status } = errorReport(e, process.env.CGTS_BACKTRACE === '1');
  process.stderr.write(text);
  return status;
}
