// The list of `llvm.x86.*` intrinsics core::arch::x86_64 declares for the
// feature families cgts covers (x86-stdarch-intrinsics.txt), its reader, and
// the scan of stdarch sources that derives it (scripts/x86-stdarch-list.ts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * stdarch's feature files (x86/<f>.rs and x86_64/<f>.rs) that make up the
 * covered families, in the list's order. `abm` is LZCNT and POPCNT; `fma` and
 * `abm` declare nothing (rustc writes generic LLVM IR for them). BMI1's
 * 64-bit forms live in x86_64/bmi.rs.
 */
export const FAMILIES = [
  'sse', 'sse2', 'sse3', 'ssse3', 'sse41', 'sse42', 'avx', 'avx2', 'fma', 'bmi1', 'bmi2', 'abm',
  'pclmulqdq', 'aes', 'sha', 'rdrand', 'rdtsc', 'adx', 'xsave',
];

export interface ListEntry { family: string; name: string; na: string }

export function repoFile(rel: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return join(dir, rel);
}

export const LIST_PATH = 'test/translate/x86-stdarch-intrinsics.txt';

/** The list file's entries: `family name` or `family name n/a: reason`; `#` starts a comment. */
export function readList(text = readFileSync(repoFile(LIST_PATH), 'utf8')): ListEntry[] {
  const out: ListEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const m = /^(\S+)\s+(\S+)(?:\s+n\/a:\s*(.+))?$/.exec(line);
    if (!m) throw new Error(`${LIST_PATH}: cannot read line '${raw}'`);
    out.push({ family: m[1]!, name: m[2]!, na: m[3] ?? '' });
  }
  return out;
}

/** The installed rustc's copy of stdarch's core_arch/src, as the rust-docs component ships it (`.rs.html`), or null. */
export function installedStdarch(): string | null {
  try {
    const sysroot = execFileSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).trim();
    const dir = join(sysroot, 'share/doc/rust/html/src/core/stdarch/crates/core_arch/src');
    return existsSync(join(dir, 'x86')) ? dir : null;
  } catch {
    return null;
  }
}

/**
 * Every `link_name = "llvm.x86.*"` of the covered families' files under
 * `dir` (stdarch's crates/core_arch/src, as `.rs` or as rust-docs `.rs.html`),
 * without the `llvm.x86.` prefix, by family, in file order without repeats.
 */
export function scanStdarch(dir: string): ListEntry[] {
  const out: ListEntry[] = [];
  const seen = new Set<string>();
  for (const family of FAMILIES) {
    for (const sub of ['x86', 'x86_64']) {
      const base = join(dir, sub);
      const stem = sub === 'x86_64' && family === 'bmi1' ? 'bmi' : family;
      const file = readdirSync(base).find((n) => n === `${stem}.rs` || n === `${stem}.rs.html`);
      if (!file) continue;
      const text = readFileSync(join(base, file), 'utf8');
      for (const m of text.matchAll(/link_name\s*=\s*(?:<span class="string">)?"llvm\.x86\.([\w.]+)"/g)) {
        if (seen.has(m[1]!)) continue;
        seen.add(m[1]!);
        out.push({ family, name: m[1]!, na: '' });
      }
    }
  }
  return out;
}
