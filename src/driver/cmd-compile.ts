// `cgts compile in.bc|in.o|in.clif [-o out] [--emit=obj|asm|clif]`: compiles
// an LLVM bitcode module (a `.bc` file or a `-Clinker-plugin-lto` object,
// recognised by content) through the pipeline, or the functions of a CLIF
// file through the back end, into one x86-64 ELF object; or prints the
// object's objdump listing, or the CLIF.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseClifFile } from '../ir/parser.js';
import { printFunction } from '../ir/printer.js';
import { verifyOrThrow } from '../ir/verifier.js';
import type { TargetSpec } from '../ir/clif-file.js';
import { compileObject } from '../x64/compile.js';
import { fail, usageError } from '../support/diag.js';
import { readInput, writeOutput } from './files.js';
import { loadCompiler } from './compile-pool.js';
import { verifyRequested } from './pipeline.js';

const USAGE = 'usage: cgts compile <in.bc|in.o|in.clif> [-o <out>] [--emit=obj|asm|clif] [--verify|--no-verify]';

const HELP = `${USAGE}

Compiles one input for x86-64 (System V, position independent) into one ELF
relocatable object, one .text.<name> section per function:
  in.bc, in.o   an LLVM bitcode module: rustc --emit=llvm-bc output, or an
                object rustc wrote under -Clinker-plugin-lto (recognised by
                content, not by name); it goes through the whole pipeline
                (read, translate to CLIF, compile)
  in.clif       the functions of a CLIF file (verified first)

  -o FILE       where to write (default: the input's name with .o for
                --emit=obj, standard output for asm and clif)
  --emit=obj    an ELF object (the default)
  --emit=asm    an objdump listing of that object (needs objdump)
  --emit=clif   the CLIF the input was translated into (for CLIF input: the
                functions as parsed)
  --verify      bitcode input: run the CLIF verifier on every translated
                function (a check of cgts's translator; also CGTS_VERIFY=1)
  --no-verify   CLIF input only: skip the CLIF verifier; input the verifier
                would reject may then be miscompiled

A CLIF file's x86_64 \`target\` line is used with its ISA flags (has_sse41,
has_popcnt ...); other targets in the same file are skipped with a warning,
and a file whose targets are all other architectures is an error. \`set
enable_llvm_abi_extensions\` and \`set enable_multi_ret_implicit_sret\` are
honoured.
`;

const isBitcode = (b: Uint8Array) =>
  b.length >= 4 && ((b[0] === 0x42 && b[1] === 0x43 && b[2] === 0xc0 && b[3] === 0xde) || (b[0] === 0xde && b[1] === 0xc0 && b[2] === 0x17 && b[3] === 0x0b));
const isElfBytes = (b: Uint8Array) => b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46;

const isX86 = (t: TargetSpec) => t.isa === 'x86_64' || t.isa.startsWith('x86_64-');

export async function run(args: string[]): Promise<number> {
  let input = '';
  let output = '';
  let emit = 'obj';
  let verify = true;
  let verifyTranslation = verifyRequested();
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-h' || a === '--help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (a === '--no-verify') verify = false;
    else if (a === '--verify') verifyTranslation = true;
    else if (a === '-o') output = args[++k] ?? usageError(`-o needs a file name; ${USAGE}`);
    else if (a.startsWith('--emit=')) emit = a.slice(7);
    else if (a.startsWith('-') && a !== '-') usageError(`unknown option '${a}'; ${USAGE}`);
    else if (input) usageError(`more than one input file ('${input}', '${a}')`);
    else input = a;
  }
  if (!input) usageError(`no input file; ${USAGE}`);
  if (emit !== 'obj' && emit !== 'asm' && emit !== 'clif') usageError(`--emit=${emit}: expected obj, asm or clif`);
  const defaultObj = input.replace(/\.(bc|clif|o)$/, '') + '.o';
  if (emit === 'obj' && !output && defaultObj === input) usageError(`writing the object would overwrite the input '${input}'; name the output with -o`);
  const bytes = readInput(input);

  let object: Uint8Array;
  let clif = '';
  if (isBitcode(bytes)) {
    const compile = await loadCompiler(process.env.CGTS_COMPILE_WITH || undefined);
    const r = compile(bytes, input, { emitClif: emit === 'clif', verify: verifyTranslation });
    object = r.object;
    clif = r.clif ?? '';
  } else if (input.endsWith('.clif')) {
    ({ object, clif } = compileClif(bytes.toString('utf8'), input, verify, emit === 'clif'));
  } else if (isElfBytes(bytes)) {
    fail('is already an ELF object (native code); cgts compiles LLVM bitcode or CLIF', input);
  } else {
    fail("is neither LLVM bitcode (it does not start with 'BC' 0xC0DE) nor a .clif file", input);
  }

  if (emit === 'obj') {
    writeOutput(output || defaultObj, object);
  } else if (emit === 'clif') {
    if (output && output !== '-') writeOutput(output, clif);
    else process.stdout.write(clif);
  } else {
    const listing = objdumpListing(object, input);
    if (output && output !== '-') writeOutput(output, listing);
    else process.stdout.write(listing);
  }
  return 0;
}

/** Parses, verifies and compiles a CLIF file for its x86_64 target; warns about the other targets it skips. */
function compileClif(text: string, input: string, verify: boolean, wantText: boolean): { object: Uint8Array; clif: string } {
  const file = parseClifFile(text, input);
  const x86 = file.targets.find(isX86);
  if (file.targets.length > 0 && !x86) {
    const t = file.targets[0];
    fail(`target ${t.isa} is not supported; cgts generates x86_64 code only`, `${input}:${t.line}`);
  }
  const skipped = file.targets.filter((t) => !isX86(t));
  if (skipped.length > 0) {
    process.stderr.write(
      `cgts: warning: ${input}: compiling for target x86_64 (line ${x86!.line}); skipped ${skipped.map((t) => `${t.isa} (line ${t.line})`).join(', ')}: cgts generates x86_64 code only\n`,
    );
  }
  if (verify) for (const pf of file.functions) verifyOrThrow(pf.func, `${input}:${pf.line}`, pf.instLines, pf);
  const settings = x86 ? x86.settings : file.settings;
  const on = (name: string) => {
    let v = false;
    for (const [k, val] of settings) if (k === name) v = val !== 'false';
    return v;
  };
  const object = compileObject(
    file.functions.map((pf) => pf.func),
    {
      llvmAbiExtensions: on('enable_llvm_abi_extensions'),
      multiRetImplicitSret: on('enable_multi_ret_implicit_sret'),
      isaFlags: new Set(x86?.flags ?? []),
    },
  );
  return { object, clif: wantText ? file.functions.map((pf) => printFunction(pf.func).replace(/\n?$/, '\n')).join('\n') : '' };
}

/** An objdump listing (Intel syntax, relocations shown) of object bytes, headed by `name`. */
export function objdumpListing(object: Uint8Array, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-asm-'));
  try {
    const obj = join(dir, 'out.o');
    writeOutput(obj, object);
    try {
      const text = execFileSync('objdump', ['-d', '-r', '-M', 'intel', '--no-show-raw-insn', obj], { encoding: 'utf8', maxBuffer: 1 << 30 });
      return text.split(obj).join(name);
    } catch {
      fail('--emit=asm needs objdump (GNU binutils) on the PATH');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
