// Runs a directory of Cranelift runtest files (cranelift/filetests/filetests/runtests)
// through the filetest runner, once in the interpreter only and once with native runs,
// and prints a per-file table (passed / failed / skipped with reason) and totals.
// Usage: npx tsx scripts/conformance.ts <dir or files...> [--interp-only] [--failures]

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expandPaths, runText, FileResult } from '../src/filetest/runner.js';
import { runNative } from '../src/filetest/native.js';

interface Row {
  file: string;
  interp: FileResult;
  full: FileResult | null;
  nativeFails: number;
  /** Why the file could not run at all, or why its native runs were skipped. */
  skip: string;
  messages: string[];
}

const args = process.argv.slice(2);
const interpOnly = args.includes('--interp-only');
const showFailures = args.includes('--failures');
const paths = args.filter((a) => !a.startsWith('--'));
if (paths.length === 0) {
  console.error('usage: npx tsx scripts/conformance.ts <dir or .clif files> [--interp-only] [--failures]');
  process.exit(2);
}

async function runOnce(text: string, file: string, native: boolean, sink: string[]): Promise<FileResult> {
  return runText(text, file, {
    mode: 'test',
    interpOnly: !native,
    native: native ? runNative : null,
    out: (l) => sink.push(l),
  });
}

/** The reason a whole file failed before any run line executed, if it did. */
function fileLevelError(r: FileResult, lines: string[]): string {
  if (r.passed !== 0 || r.failed !== 1) return '';
  const first = lines.find((l) => !l.endsWith(' passed, 1 failed') && !/^.*: \d+ passed, \d+ failed/.test(l));
  if (!first) return '';
  const m = /^[^:]+:(\d+):(\d+): (.*)$/.exec(first);
  return m ? `parse error: ${m[3]} (line ${m[1]})` : '';
}

const rows: Row[] = [];
for (const file of expandPaths(paths)) {
  const text = readFileSync(file, 'utf8');
  const interpLines: string[] = [];
  const interp = await runOnce(text, file, false, interpLines);
  let full: FileResult | null = null;
  const fullLines: string[] = [];
  let skip = fileLevelError(interp, interpLines);
  if (!interpOnly && !skip) {
    full = await runOnce(text, file, true, fullLines);
    const nativeSkip = full.notes.find((n) => n.includes('native runs skipped') || n.includes('not available'));
    if (nativeSkip) skip = nativeSkip;
  }
  const nativeFails = fullLines.filter((l) => l.endsWith('(native)')).length;
  const messages = (full ? fullLines : interpLines).filter((l) => !/: \d+ passed, \d+ failed/.test(l));
  rows.push({ file, interp, full, nativeFails, skip, messages });
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);
const nameW = Math.max(4, ...rows.map((r) => basename(r.file).length));
console.log(`${pad('file', nameW)}  ${lpad('interp ok', 9)} ${lpad('fail', 5)}  ${lpad('both ok', 8)} ${lpad('fail', 5)} ${lpad('native', 7)}  note`);
const tot = { files: 0, skipped: 0, ip: 0, if: 0, bp: 0, bf: 0, nf: 0 };
for (const r of rows) {
  tot.files++;
  const parseFail = r.skip.startsWith('parse error');
  if (parseFail) tot.skipped++;
  else {
    tot.ip += r.interp.passed;
    tot.if += r.interp.failed;
    if (r.full && !r.skip) {
      tot.bp += r.full.passed;
      tot.bf += r.full.failed;
      tot.nf += r.nativeFails;
    }
  }
  const both = r.full && !r.skip ? [lpad(r.full.passed, 8), lpad(r.full.failed, 5), lpad(r.nativeFails, 7)] : [lpad('-', 8), lpad('-', 5), lpad('-', 7)];
  const ip = parseFail ? [lpad('-', 9), lpad('-', 5)] : [lpad(r.interp.passed, 9), lpad(r.interp.failed, 5)];
  const notes = [r.skip, ...r.interp.notes.filter((n) => n !== r.skip)].filter(Boolean).join('; ');
  console.log(`${pad(basename(r.file), nameW)}  ${ip.join(' ')}  ${both.join(' ')}  ${notes}`);
  if (showFailures) for (const m of r.messages) console.log(`    ${m}`);
}
console.log('');
console.log(`files: ${tot.files} tried, ${tot.skipped} not parsed, ${tot.files - tot.skipped} run (${rows.filter((r) => r.skip && !r.skip.startsWith('parse error')).length} of them interpreter only)`);
console.log(`interpreter: ${tot.ip} run lines passed, ${tot.if} failed`);
if (!interpOnly) console.log(`interpreter and native (files with native runs): ${tot.bp} passed, ${tot.bf} failed (${tot.nf} native failure reports)`);
