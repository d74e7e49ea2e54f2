// The compile server's channel for the rustc wrapper's fast path. The wrapper
// cargo runs for every crate (bin/cgts-rustc-wrapper) is a bash script: for
// an ordinary rustc command line it runs rustc itself, and once rustc has
// written a library it asks the server, through this channel, to compile the
// archive's bitcode members in place — so no Node process starts per crate.
//
// Protocol. Requests come through the named pipe `<server dir>/rewrite`
// (CGTS_SERVER_FIFO) as lines `<id>\t<absolute archive path>\n`, each
// written at once and shorter than PIPE_BUF, so concurrent wrappers' lines
// never mix. The wrapper has made the named pipe `<server dir>/reply-<id>`
// and holds it open; the answer is one line there, the exit status, written
// after the error text (if any) is in the file `<server dir>/reply-<id>.err`.

import { spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, writeFileSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { errorReport } from '../support/diag.js';
import { compileInPlace, type ShimOptions } from './link-shim.js';

export interface RewriteChannel {
  /** the request pipe, for CGTS_SERVER_FIFO */
  fifo: string;
  close(): void;
}

/** Opens the channel in the server's folder, compiling with `opts`; null when no named pipe can be made here. */
export function openRewriteChannel(dir: string, opts: ShimOptions, backtrace: boolean): RewriteChannel | null {
  const fifo = join(dir, 'rewrite');
  if (spawnSync('mkfifo', ['-m', '600', fifo]).status !== 0) return null;
  // Read and write: the pipe never reports end of input when a wrapper closes it.
  const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
  const pipe = new Socket({ fd, readable: true, writable: false });
  pipe.unref(); // the build's end, not this pipe, ends the process

  const answer = (id: string, status: number, text: string) => {
    const reply = join(dir, `reply-${id}`);
    try {
      if (text) writeFileSync(reply + '.err', text);
      // Non-blocking: a wrapper that is gone (killed) has no reader on its pipe, and the open fails.
      const out = openSync(reply, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        writeSync(out, `${status}\n`);
      } finally {
        closeSync(out);
      }
    } catch {
      // the wrapper is gone: nobody to answer
    }
  };
  const handle = async (line: string) => {
    const tab = line.indexOf('\t');
    const id = line.slice(0, tab);
    const path = line.slice(tab + 1);
    if (tab < 0 || !/^\d+$/.test(id) || !path.startsWith('/')) return; // not a request of ours
    try {
      await compileInPlace(path, opts);
      answer(id, 0, '');
    } catch (e) {
      const { text, status } = errorReport(e, backtrace);
      answer(id, status, text);
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
