// The cc-style link line rustc hands its linker: `@file` expansion, which
// arguments are input files, which option values are separate arguments, and
// the rewrites the link shim makes (inputs replaced, `-plugin-opt=` linker
// options removed). Pure functions over string arrays; no file access except
// reading response files.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail } from '../support/diag.js';

/** cc options whose value is the next argument when written apart (`-o out`, `-L dir`). */
const TAKES_VALUE = new Set([
  '-o', '-L', '-l', '-B', '-x', '-T', '-u', '-z', '-e', '-Xlinker', '-Xassembler', '-Xpreprocessor',
  '-I', '-D', '-U', '-include', '-imacros', '-isystem', '-idirafter', '-iquote', '-iprefix', '-MF', '-MT', '-MQ',
  '--sysroot', '-target', '--target', '-specs', '--param', '-aux-info',
]);

export const enum ArgKind {
  /** an option, or its separate value */
  Option,
  /** an input file named by position (object, archive, linker script) */
  Input,
}

export interface LinkLine {
  args: string[];
  /** ArgKind per argument */
  kinds: ArgKind[];
  /** the `-o` value, or '' */
  output: string;
}

/** Classifies every argument of a cc link line (after `@file` expansion). */
export function parseLinkLine(args: readonly string[]): LinkLine {
  const kinds: ArgKind[] = [];
  let output = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (TAKES_VALUE.has(a) && i + 1 < args.length) {
      if (a === '-o') output = args[i + 1];
      kinds.push(ArgKind.Option, ArgKind.Option);
      i++;
    } else if (a.length > 1 && a.startsWith('-')) {
      if (a.startsWith('-o')) output = a.slice(2);
      kinds.push(ArgKind.Option);
    } else {
      kinds.push(a === '-' || a === '' ? ArgKind.Option : ArgKind.Input);
    }
  }
  return { args: args.slice(), kinds, output };
}

/** True for a linker option meant for an LTO plugin (`-plugin-opt=O0`, `--plugin-opt=mcpu=x86-64`). */
function isPluginOpt(item: string): boolean {
  return item.startsWith('-plugin-opt=') || item.startsWith('--plugin-opt=');
}

/**
 * The link line with `-plugin-opt=...` items removed: from `-Wl,` comma lists
 * only those items go (the argument goes when nothing is left), and
 * `-Xlinker -plugin-opt=...` pairs go whole. Everything else keeps its order.
 */
export function dropPluginOpts(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-Wl,')) {
      const items = a.slice(4).split(',');
      const kept = items.filter((x) => !isPluginOpt(x));
      if (kept.length === items.length) out.push(a);
      else if (kept.length > 0) out.push('-Wl,' + kept.join(','));
    } else if (a === '-Xlinker' && i + 1 < args.length) {
      if (!isPluginOpt(args[i + 1])) out.push(a, args[i + 1]);
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

/**
 * Splits a response file the way GCC (libiberty's buildargv) does: arguments
 * separated by white space; single and double quotes group; a backslash makes
 * the next character literal. rustc writes `\` and space escaped this way.
 */
export function splitResponseFile(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inArg = false;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inArg = true;
    } else if (quote) {
      if (c === quote) quote = '';
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inArg = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      if (inArg) out.push(cur);
      cur = '';
      inArg = false;
    } else {
      cur += c;
      inArg = true;
    }
  }
  if (inArg) out.push(cur);
  return out;
}

/** Writes arguments for a response file that splitResponseFile (and GCC) reads back unchanged. */
export function joinResponseFile(args: readonly string[]): string {
  return args.map((a) => (a === '' ? "''" : a.replace(/[\\\s'"]/g, (c) => '\\' + c))).join('\n') + '\n';
}

/** Replaces every `@file` argument by the arguments the file holds (recursively, as GCC does). */
export function expandResponseFiles(args: readonly string[], cwd = '.', depth = 0): string[] {
  if (depth > 16) fail('response files nested more than 16 deep');
  const out: string[] = [];
  for (const a of args) {
    if (a.length > 1 && a.startsWith('@')) {
      let text: string;
      try {
        text = readFileSync(resolve(cwd, a.slice(1)), 'utf8');
      } catch {
        out.push(a); // as GCC: an unreadable @file stays an argument
        continue;
      }
      out.push(...expandResponseFiles(splitResponseFile(text), cwd, depth + 1));
    } else {
      out.push(a);
    }
  }
  return out;
}
