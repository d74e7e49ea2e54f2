// What a debugger session on a corpus program covers, for the gdb and lldb
// session tests: which programs (those whose run ends with exit status 0),
// where they stop (their free functions and main), and which start threads;
// and how two sessions' transcripts are compared and kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPrograms, type RustProgram } from './corpus.js';

/** Programs of the corpus a debugging session runs through: those whose run exits with status 0 (their golden file says so). */
export function sessionPrograms(): RustProgram[] {
  return corpusPrograms().filter((p) => !p.unsupported && existsSync(p.golden) && readFileSync(p.golden, 'utf8').startsWith('status: exit 0\n'));
}

/**
 * The program's breakpoints: its free functions (`fn name` at the start of a
 * line) and main, as `crate::name`. A program that starts threads gets only
 * main: which thread reaches a shared function first is not deterministic.
 */
export function breakpoints(p: RustProgram): string[] {
  const crate = p.name;
  if (startsThreads(p)) return [`${crate}::main`];
  const names = new Set<string>();
  for (const m of p.source.matchAll(/^(?:pub(?:\([\w ]+\))? )?(?:const )?(?:async )?(?:unsafe )?(?:extern "[\w-]+" )?fn (\w+)/gm)) names.add(m[1]!);
  names.delete('main');
  return [...[...names].sort().map((n) => `${crate}::${n}`), `${crate}::main`];
}

/** Whether the program starts threads (which thread stops first, and what `next` passes over, depend on timing). */
export function startsThreads(p: RustProgram): boolean {
  return /thread::(spawn|scope)|std::thread|\bspawn\(/.test(p.source);
}

/**
 * Compares the transcript of the cgts build's session (`got`) with the stock
 * build's (`want`) line by line through `sameOrMore`; returns null when all
 * lines agree, else the first lines where they differ, with context. With
 * `keepIn` set (a directory, from the test's environment variable), both
 * transcripts are kept there for a closer look.
 */
export function compareSessions(id: string, want: string, got: string, sameOrMore: (want: string, got: string) => boolean, keepIn?: string): string | null {
  if (keepIn) {
    const base = join(keepIn, id.replace(/\//g, '-'));
    writeFileSync(`${base}.stock.txt`, want + '\n');
    writeFileSync(`${base}.cgts.txt`, got + '\n');
  }
  const a = got.split('\n'), b = want.split('\n');
  let k = 0;
  while (k < a.length && k < b.length && sameOrMore(b[k]!, a[k]!)) k++;
  if (k === a.length && k === b.length) return null;
  const show = (x: string[]) => x.slice(Math.max(0, k - 10), k + 6).map((l) => JSON.stringify(l)).join('\n');
  return `the sessions differ from line ${k + 1}:\n--- stock\n${show(b)}\n--- cgts\n${show(a)}`;
}
