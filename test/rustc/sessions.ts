// What a debugger session on a corpus program covers, for the gdb and lldb
// session tests: which programs (those whose run ends with exit status 0),
// where they stop (their free functions and main), and which start threads.
import { existsSync, readFileSync } from 'node:fs';
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
