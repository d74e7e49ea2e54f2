// `cgts dis in.bc [-o out.ll]`: reads an LLVM bitcode module and prints it as
// LLVM assembly (to stdout, or to the file given with -o).

import { readModule } from '../bitcode/reader.js';
import { printModule } from '../bitcode/printer.js';
import { usageError } from '../support/diag.js';
import { readInput, writeOutput } from './files.js';

export function run(args: string[]): number {
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o') {
      output = args[++i];
      if (output === undefined) usageError('`-o` needs a file name');
    } else if (a.startsWith('-o') && a.length > 2) output = a.slice(2);
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: cgts dis <in.bc> [-o <out.ll>]\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') usageError(`unknown option '${a}'; usage: cgts dis <in.bc> [-o <out.ll>]`);
    else if (input === undefined) input = a;
    else usageError(`more than one input file ('${input}', '${a}')`);
  }
  if (input === undefined) usageError('no input file; usage: cgts dis <in.bc> [-o <out.ll>]');
  const text = printModule(readModule(readInput(input), input));
  if (output === undefined || output === '-') process.stdout.write(text);
  else writeOutput(output, text);
  return 0;
}
