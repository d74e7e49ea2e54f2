// `cgts compile in.clif -o out.o [--emit=asm]`: parses a CLIF file, compiles
// every function to x86-64 and writes one ELF object (or, with --emit=asm, an
// objdump listing of it when objdump is installed).

import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseClifFile } from '../ir/parser.js';
import { compileObject } from '../x64/compile.js';
import { verifyOrThrow } from '../ir/verifier.js';
import { fail } from '../support/diag.js';

const USAGE = 'usage: cgts compile <in.clif> -o <out.o> [--emit=asm] [--no-verify]';

export function run(args: string[]): number {
  let input = '';
  let output = '';
  let emit = 'obj';
  let verify = true;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n\n  -o FILE       the object to write (default: the input with .o)\n  --emit=asm    print an objdump listing of the object instead (to FILE with -o)\n  --no-verify   skip the CLIF verifier\n`);
      return 0;
    }
    if (a === '--no-verify') verify = false;
    else if (a === '-o') output = args[++k] ?? fail('-o needs a file name');
    else if (a.startsWith('--emit=')) emit = a.slice(7);
    else if (a.startsWith('-')) fail(`unknown option ${a}; ${USAGE}`);
    else input = a;
  }
  if (!input) fail(`no input file; ${USAGE}`);
  if (!input.endsWith('.clif')) fail(`${input}: only .clif input is supported by \`cgts compile\` so far`);
  if (emit !== 'obj' && emit !== 'asm') fail(`--emit=${emit}: expected obj or asm`);
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch {
    fail(`cannot read ${input}`);
  }
  const file = parseClifFile(text, input);
  if (verify) for (const pf of file.functions) verifyOrThrow(pf.func, `${input}:${pf.line}`, pf.instLines, pf);
  const settings = [...file.settings, ...(file.targets[0]?.settings ?? [])];
  const on = (name: string) => settings.some(([k, v]) => k === name && v !== 'false');
  const bytes = compileObject(
    file.functions.map((pf) => pf.func),
    {
      llvmAbiExtensions: on('enable_llvm_abi_extensions'),
      multiRetImplicitSret: on('enable_multi_ret_implicit_sret'),
      isaFlags: new Set(file.targets[0]?.flags ?? []),
    },
  );
  if (emit === 'obj') {
    writeFileSync(output || input.replace(/\.clif$/, '.o'), bytes);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cgts-asm-'));
  try {
    const obj = join(dir, 'out.o');
    writeFileSync(obj, bytes);
    let listing: string;
    try {
      listing = execFileSync('objdump', ['-d', '-r', '-M', 'intel', '--no-show-raw-insn', obj], { encoding: 'utf8' });
    } catch {
      fail('--emit=asm needs objdump on the PATH');
    }
    if (output) writeFileSync(output, listing);
    else process.stdout.write(listing);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
