// `cgts compile in.clif -o out.o [--emit=asm]`: parses a CLIF file, verifies
// and compiles every function to x86-64 and writes one ELF object (or, with
// --emit=asm, an objdump listing of it when objdump is installed).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseClifFile } from '../ir/parser.js';
import { verifyOrThrow } from '../ir/verifier.js';
import { compileObject } from '../x64/compile.js';
import { fail, usageError } from '../support/diag.js';
import { readInput, writeOutput } from './files.js';

const USAGE = 'usage: cgts compile <in.clif> [-o <out.o>] [--emit=obj|asm] [--no-verify]';

const HELP = `${USAGE}

Compiles every function of a CLIF file for x86-64 (System V, position
independent) into one ELF relocatable object, one .text.<name> section each.

  -o FILE       where to write (default: the input's name with .o; with
                --emit=asm, standard output)
  --emit=obj    an ELF object (the default)
  --emit=asm    an objdump listing of that object (needs objdump)
  --no-verify   skip the CLIF verifier; input the verifier would reject may
                then be miscompiled, so use this only on verified input

The file's \`target\` line must be x86_64 (or absent); \`set
enable_llvm_abi_extensions\` and \`set enable_multi_ret_implicit_sret\` and
the target's ISA flags (has_sse41, has_popcnt ...) are honoured.
`;

export function run(args: string[]): number {
  let input = '';
  let output = '';
  let emit = 'obj';
  let verify = true;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-h' || a === '--help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (a === '--no-verify') verify = false;
    else if (a === '-o') output = args[++k] ?? usageError(`-o needs a file name; ${USAGE}`);
    else if (a.startsWith('--emit=')) emit = a.slice(7);
    else if (a.startsWith('-')) usageError(`unknown option '${a}'; ${USAGE}`);
    else if (input) usageError(`more than one input file ('${input}', '${a}')`);
    else input = a;
  }
  if (!input) usageError(`no input file; ${USAGE}`);
  if (!input.endsWith('.clif')) fail('only CLIF (.clif) input is supported by `cgts compile` so far', input);
  if (emit !== 'obj' && emit !== 'asm') usageError(`--emit=${emit}: expected obj or asm`);
  const file = parseClifFile(readInput(input).toString('utf8'), input);
  for (const t of file.targets) {
    if (t.isa !== 'x86_64') fail(`target ${t.isa} is not supported; cgts generates x86_64 code only`, `${input}:${t.line}`);
  }
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
    writeOutput(output || input.replace(/\.clif$/, '.o'), bytes);
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cgts-asm-'));
  try {
    const obj = join(dir, 'out.o');
    writeOutput(obj, bytes);
    let listing: string;
    try {
      listing = execFileSync('objdump', ['-d', '-r', '-M', 'intel', '--no-show-raw-insn', obj], { encoding: 'utf8' });
    } catch {
      fail('--emit=asm needs objdump (GNU binutils) on the PATH');
    }
    if (output) writeOutput(output, listing);
    else process.stdout.write(listing);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
