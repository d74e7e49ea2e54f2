// Shared by the cargo tests: running stock cargo and `cargo cgts` side by
// side on a copy of a crate, and reading what libtest printed.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { have, projectRoot } from '../driver/helpers.js';

export { projectRoot };

export const cargoSkip: string | false = have('cargo') && have('rustc') && have('cc') ? false : 'cargo, rustc or cc is not installed';

/** The environment both builds run in: no outer wrapper, flags or backtrace setting that would make them differ. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(RUSTC_WRAPPER|RUSTFLAGS|RUSTDOCFLAGS|CARGO_ENCODED_|CARGO_TARGET_DIR|CARGO_BUILD_|RUST_BACKTRACE|RUST_LOG|CGTS_)/.test(k)) delete env[k];
  }
  return { ...env, CARGO_TERM_COLOR: 'never', ...extra };
}

/** Stock cargo, building into `<dir>/target/stock`. */
export function stockCargo(dir: string, args: string[], extra: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync('cargo', args, { cwd: dir, encoding: 'utf8', env: cleanEnv({ CARGO_TARGET_DIR: join(dir, 'target', 'stock'), ...extra }), maxBuffer: 1 << 28 });
}

/** `cargo cgts` through the in-tree bin/cargo-cgts.js, as cargo would run it; builds into `<dir>/target/cgts`. */
export function cgtsCargo(dir: string, args: string[], extra: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(projectRoot, 'bin', 'cargo-cgts.js'), 'cgts', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: cleanEnv(extra),
    maxBuffer: 1 << 28,
  });
}

/** Copies a folder (a crate or workspace) without its target directory. */
export function copyCrate(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (src) => !/[/\\]target$/.test(src) });
}

/**
 * What libtest reported, normalized so that stock and cgts runs compare:
 * one line per test (`name ... outcome`) and per summary, sorted within each
 * test binary; durations and binary hashes removed.
 */
export function testReport(output: string): string[] {
  const out: string[] = [];
  let group: string[] = [];
  const flush = () => {
    out.push(...group.sort());
    group = [];
  };
  for (const raw of output.split('\n')) {
    const line = raw.trimEnd();
    if (/^\s*(Running|Doc-tests) /.test(line)) {
      flush();
      out.push(line.trim().replace(/-[0-9a-f]{16}\)/, ')').replace(/\(\S*\/deps\//, '(deps/'));
    } else if (/^test .* \.\.\. /.test(line)) {
      group.push(line);
    } else if (line.startsWith('test result:')) {
      group.push(line.replace(/; finished in [0-9.]+s$/, ''));
    }
  }
  flush();
  return out;
}

/** The ELF files under `dir` (recursively) that a file name test picks. */
export function filesUnder(dir: string, pick: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (pick(n)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Whether an ELF file's .comment section names cgts (objects cgts writes carry "cgts <version>"). */
export function builtByCgts(file: string): boolean {
  const r = spawnSync('readelf', ['-p', '.comment', file], { encoding: 'utf8' });
  return r.status === 0 && /cgts \d/.test(r.stdout);
}

/** The object members of an archive (rlib) that cgts did not write (none when cgts compiled the whole crate). */
export function membersNotByCgts(archive: string): string[] {
  const r = spawnSync('readelf', ['-p', '.comment', archive], { encoding: 'utf8' });
  const missing: string[] = [];
  // readelf prints "File: archive(member)" before each member's strings.
  for (const part of r.stdout.split(/^File: /m).slice(1)) {
    const name = part.slice(0, part.indexOf('\n'));
    if (!name.endsWith('.o)')) continue;
    if (!/cgts \d/.test(part)) missing.push(name);
  }
  return missing;
}
