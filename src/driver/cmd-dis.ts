// `cgts dis in.bc [-o out.ll]`: reads an LLVM bitcode module and prints it as
// LLVM assembly (to stdout, or to the file given with -o).

import { readFileSync, writeFileSync } from 'node:fs';
import { readModule } from '../bitcode/reader.js';
import { printModule } from '../bitcode/printer.js';
import { fail } from '../support/diag.js';

export function run(args: string[]): number {
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o') {
      output = args[++i];
      if (output === undefined) fail('`-o` needs a file name');
    } else if (a.startsWith('-o') && a.length > 2) output = a.slice(2);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: cgts dis <in.bc> [-o <out.ll>]\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') fail(`unknown option '${a}'; usage: cgts dis <in.bc> [-o <out.ll>]`);
    else if (input === undefined) input = a;
    else fail(`more than one input file ('${input}', '${a}')`);
  }
  if (input === undefined) fail('no input file; usage: cgts dis <in.bc> [-o <out.ll>]');
  let bytes: Uint8Array;
  try {
    bytes = input === '-' ? readFileSync(0) : readFileSync(input);
  } catch (e) {
    fail(`cannot read '${input}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const text = printModule(readModule(bytes, input));
  if (output === undefined || output === '-') process.stdout.write(text);
  else {
    try {
      writeFileSync(output, text);
    } catch (e) {
      fail(`cannot write '${output}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  return 0;
}
