// The rustc wrapper `cargo cgts` gives cargo (RUSTC_WRAPPER): cargo runs it
// as `<wrapper> <rustc> <rustc arguments>`. Invocations that generate code
// go through `cgts rustc` (bitcode, compiled by cgts, libraries rewritten to
// native objects before cargo sees them); the rest (cargo's probes of rustc,
// `cargo check`'s metadata-only builds) run rustc unchanged. With
// CGTS_FALLBACK=1 a crate cgts cannot compile is built again by rustc's own
// code generator, with a warning naming the crate and the reason.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CgtsError, usageError } from '../support/diag.js';
import { planRustc, runRustc, runWithEnv, rustcStdio } from './cmd-rustc.js';

/** Whether a rustc command line generates code (a probe or a metadata-only build does not). */
export function generatesCode(args: readonly string[]): boolean {
  let emits: string[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-V' || a === '-vV' || a === '--version' || a === '-h' || a === '--help') return false;
    if (a === '--print' || a.startsWith('--print=')) return false;
    let list: string | null = null;
    if (a === '--emit') list = args[++i] ?? '';
    else if (a.startsWith('--emit=')) list = a.slice(7);
    if (list !== null) (emits ??= []).push(...list.split(',').map((e) => e.replace(/=.*/, '')));
  }
  if (emits === null) return true; // rustc's default is to link
  return emits.some((e) => e !== 'metadata' && e !== 'dep-info');
}

export async function wrapperMain(argv: string[]): Promise<number> {
  const [rustc, ...args] = argv;
  if (rustc === undefined) usageError('usage: cgts-rustc-wrapper <rustc> [rustc arguments] (cargo runs this as RUSTC_WRAPPER)');
  const env: NodeJS.ProcessEnv = { ...process.env, CGTS_RUSTC: rustc };
  if (!generatesCode(args)) return runRustc(rustc, args, env, rustcStdio(env).stdio);
  if (env.CGTS_FALLBACK !== '1') return runWithEnv(args, env);

  // Fallback: errors cgts reports (here or in the link shim rustc runs) are also written to a file.
  const dir = mkdtempSync(join(tmpdir(), 'cgts-wrap-'));
  try {
    const failureFile = join(dir, 'failure');
    let reason = '';
    try {
      const status = await runWithEnv(args, { ...env, CGTS_FAILURE_FILE: failureFile });
      if (status === 0) return 0;
      try {
        reason = readFileSync(failureFile, 'utf8').trim().split('\n')[0];
      } catch {
        return status; // rustc itself failed (an error in the crate): nothing to fall back from
      }
    } catch (e) {
      // cgts failed on a library rustc had written
      if (!(e instanceof CgtsError)) throw e;
      reason = e.describe().split('\n')[0];
    }
    const plan = planRustc(args, process.cwd());
    process.stderr.write(`cgts: warning: crate \`${plan.crateName || plan.input || '?'}\` is built by rustc's own code generator (CGTS_FALLBACK): ${reason}\n`);
    return runRustc(rustc, args, env, rustcStdio(env).stdio);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
