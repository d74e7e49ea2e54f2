// `cgts clif test|run <files or dirs> [--interp-only]`: runs CLIF filetests
// with the filetest runner and returns exit status 1 if anything failed.

import { usageError } from '../support/diag.js';
import { runFiles } from '../filetest/runner.js';

const usage = 'usage: cgts clif test|run [--interp-only] <files or dirs>';

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(
      `${usage}\n\n` +
        '  test   run each file as its `test` lines say (verifier, cat, interpret, run)\n' +
        '  run    run every `; run:` line in the interpreter and natively, whatever the header says\n' +
        '  --interp-only  skip native execution\n',
    );
    return 0;
  }
  if (sub !== 'test' && sub !== 'run') usageError(sub === undefined ? usage : `unknown subcommand '${sub}'; ${usage}`);
  let interpOnly = false;
  const paths: string[] = [];
  for (const a of rest) {
    if (a === '--interp-only') interpOnly = true;
    else if (a.startsWith('-')) usageError(`unknown option '${a}'; ${usage}`);
    else paths.push(a);
  }
  if (paths.length === 0) usageError(`no files given; ${usage}`);
  const summary = await runFiles(paths, { mode: sub, interpOnly });
  return summary.failed > 0 ? 1 : 0;
}
