// The compile server's channel for the fast rustc wrapper and link shim.
// Inside a `cargo cgts` build the wrapper cargo runs for every crate
// (bin/cgts-rustc-wrapper) and the link shim rustc runs (bin/cgts-link) are
// bash scripts that start no Node process: the wrapper runs rustc itself
// and, once rustc has written a library, asks the server to compile the
// archive's bitcode members in place; the shim asks the server to compile
// its link line's bitcode inputs and then runs the linker itself.
//
// Protocol. Requests come through the named pipe `<server dir>/rewrite`
// (CGTS_SERVER_FIFO) as lines, each written at once and shorter than
// PIPE_BUF, so concurrent clients' lines never mix:
//   `<id>\trlib\t<absolute archive path>`: compile the archive in place;
//   `<id>\tdep-rlib\t<absolute archive path>`: the same for a dependency
//   that is not the user's own (no object cache: its objects are not kept);
//   `<id>\tlink\t<absolute working directory>`: the link line is in the file
//   `<server dir>/reply-<id>.args`, each argument ended by a NUL byte.
// The client has made the named pipe `<server dir>/reply-<id>` and holds it
// open. Answers there are lines: `+<text>` a progress line to show, and last
// `=<exit status>`, for a link followed by a tab and the temporary folder the
// client removes after linking, with the linker's arguments (NUL-ended) in
// `reply-<id>.out`. Error text, if any, is in the file `reply-<id>.err` by
// then.

import { spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { errorReport } from '../support/diag.js';
import { compileInPlace, prepareLink, type ShimOptions } from './link-shim.js';

export interface RewriteChannel {
  /** the request pipe, for CGTS_SERVER_FIFO */
  fifo: string;
  close(): void;
}

/**
 * Opens the channel in the server's folder, compiling with `opts` (a link's
 * progress line appears after `linkProgressAfterMs`); null when no named pipe
 * can be made here.
 */
export function openRewriteChannel(dir: string, opts: ShimOptions, backtrace: boolean, linkProgressAfterMs: number): RewriteChannel | null {
  const fifo = join(dir, 'rewrite');
  if (spawnSync('mkfifo', ['-m', '600', fifo]).status !== 0) return null;
  // Read and write: the pipe never reports end of input when a wrapper closes it.
  const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
  const pipe = new Socket({ fd, readable: true, writable: false });
  pipe.unref(); // the build's end, not this pipe, ends the process

  /** Writes lines to a client's reply pipe; false when the client is gone (it was killed: no reader). */
  const tell = (id: string, text: string): boolean => {
    try {
      // Non-blocking: a pipe without a reader fails to open instead of waiting.
      const out = openSync(join(dir, `reply-${id}`), constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        writeSync(out, text);
      } finally {
        closeSync(out);
      }
      return true;
    } catch {
      return false;
    }
  };
  const handle = async (line: string) => {
    const [id, kind, path] = line.split('\t');
    if (!/^\d+$/.test(id ?? '') || !(kind === 'rlib' || kind === 'dep-rlib' || kind === 'link') || !path?.startsWith('/')) return; // not a request of ours
    const reply = join(dir, `reply-${id}`);
    try {
      if (kind !== 'link') {
        await compileInPlace(path, kind === 'dep-rlib' ? { ...opts, cache: null } : opts);
        tell(id, '=0\n');
        return;
      }
      const argv = readFileSync(reply + '.args', 'utf8').split('\0');
      argv.pop(); // after the last NUL
      const progress = (text: string) => void tell(id, `+${text.replace(/\n/g, ' ')}\n`);
      const link = await prepareLink(argv, path, { ...opts, progress, progressAfterMs: linkProgressAfterMs });
      writeFileSync(reply + '.out', link.args.map((a) => a + '\0').join(''));
      if (!tell(id, `=0\t${link.dir}\n`)) rmSync(link.dir, { recursive: true, force: true });
    } catch (e) {
      const { text, status } = errorReport(e, backtrace);
      try {
        writeFileSync(reply + '.err', text);
      } catch {
        // the server's folder is gone: the build is ending
      }
      tell(id, `=${status}\n`);
    }
  };

  let pending = '';
  pipe.setEncoding('utf8');
  pipe.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      void handle(line);
    }
  });
  pipe.on('error', () => pipe.destroy());
  return { fifo, close: () => pipe.destroy() };
}
