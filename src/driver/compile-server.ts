// The compile server: one set of warm compile worker threads shared by every
// rustc wrapper and link shim process of a `cargo cgts` run. A cold Node
// process spends most of a small crate's code generation time starting and
// warming up V8; the server's workers stay warm for the whole build. It lives
// inside the `cargo cgts` process (so it ends when cargo ends and is never
// left behind) and listens on a Unix socket in a private temporary folder,
// named to the children by CGTS_SERVER; the opt-in compile daemon
// (compile-daemon.ts) runs one that outlives the command.
//
// Protocol, over one connection per client: frames of
//   u32 LE header length, header (JSON), u32 LE payload length, payload.
// A request's header is { id, name, emitClif } and its payload the bitcode;
// the answer's header is { id, error?: WireError, clif?, times? } and its payload the
// object (empty on error). Answers come in completion order.

import { createConnection, createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromWire, outcomeOf, postable, setCompileFlags, type CompileJob, type CompileOutcome, type WireError, type WorkerAnswer } from './compile-pool.js';

function frame(header: object, payload: Uint8Array): Buffer[] {
  const h = Buffer.from(JSON.stringify(header));
  const lens = Buffer.alloc(4);
  lens.writeUInt32LE(h.length);
  const plen = Buffer.alloc(4);
  plen.writeUInt32LE(payload.byteLength);
  return [lens, h, plen, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength)];
}

/** Splits a byte stream into frames; calls `onFrame` for each complete one. */
function frameReader(onFrame: (header: Record<string, unknown>, payload: Buffer) => void): (chunk: Buffer) => void {
  // Chunks are kept as they come and joined only once a whole frame is there,
  // so a large payload is copied once, not once per chunk.
  let chunks: Buffer[] = [];
  let have = 0;
  let need = 4; // bytes the next step waits for
  let headerLen = -1;
  let payloadLen = -1;
  const take = (n: number): Buffer => {
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, have);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    chunks = rest.length > 0 ? [rest] : [];
    have = rest.length;
    return out;
  };
  let header: Record<string, unknown> = {};
  return (chunk) => {
    chunks.push(chunk);
    have += chunk.length;
    while (have >= need) {
      if (headerLen < 0) {
        headerLen = take(4).readUInt32LE(0);
        need = headerLen + 4;
      } else if (payloadLen < 0) {
        const b = take(headerLen + 4);
        header = JSON.parse(b.subarray(0, headerLen).toString('utf8')) as Record<string, unknown>;
        payloadLen = b.readUInt32LE(headerLen);
        need = payloadLen;
      } else {
        const payload = Buffer.from(take(payloadLen)); // its own copy, not a view of later frames
        headerLen = -1;
        payloadLen = -1;
        need = 4;
        onFrame(header, payload);
      }
    }
  };
}

interface QueuedJob {
  id: number;
  name: string;
  emitClif: boolean;
  bytes: Uint8Array;
  /** the client went away: the job is dropped */
  gone(): boolean;
  /** takes the worker's answer */
  answer(m: WorkerAnswer): void;
}

export interface CompileServer {
  /** the socket path to put in CGTS_SERVER */
  path: string;
  /** the server's private folder (removed by close) */
  dir: string;
  /** compiles jobs on the server's warm workers from inside this process */
  submit(jobs: readonly CompileJob[], emitClif: boolean, onDone?: (n: number) => void): Promise<CompileOutcome[]>;
  /** modules compiled so far */
  compiled(): number;
  /** jobs queued or compiling */
  active(): number;
  /** clients connected now */
  connections(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the server with `threads` warm workers, listening on a socket in a
 * new private folder, or at `socketPath` (the compile daemon's).
 */
export async function startCompileServer(threads: number, socketPath = ''): Promise<CompileServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-server-'));
  const path = socketPath || join(dir, 'socket');
  const queue: QueuedJob[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, QueuedJob>();
  let count = 0;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const job = queue.shift()!;
      if (job.gone()) continue;
      const w = idle.pop()!;
      busy.set(w, job);
      const { bytes, copied } = postable(job.bytes);
      w.postMessage({ id: job.id, bytes, name: job.name, emitClif: job.emitClif }, copied ? [bytes.buffer as ArrayBuffer] : []);
    }
  };

  setCompileFlags();
  const workers: Worker[] = [];
  for (let t = 0; t < threads; t++) {
    const w = new Worker(new URL('./compile-worker.js', import.meta.url), { workerData: { compilerModule: '' } });
    w.unref();
    w.on('message', (m: WorkerAnswer) => {
      const job = busy.get(w)!;
      busy.delete(w);
      count++;
      if (!job.gone()) job.answer(m);
      idle.push(w);
      dispatch();
    });
    w.on('error', (e) => {
      // A worker that dies takes its job's answer with it: the client sees the error.
      const job = busy.get(w);
      busy.delete(w);
      if (job && !job.gone()) job.answer({ id: job.id, error: { cgts: false, message: `compile server worker failed: ${e.message}`, where: '', exitCode: 101, stack: e.stack ?? '' } });
    });
    workers.push(w);
    idle.push(w);
  }

  const server: Server = createServer((socket) => {
    const gone = () => socket.destroyed;
    const answer = (m: WorkerAnswer) => {
      const header = m.error ? { id: m.id, error: m.error } : { id: m.id, clif: m.clif, times: m.times };
      for (const b of frame(header, m.object ?? new Uint8Array(0))) socket.write(b);
    };
    socket.on('data', frameReader((h, payload) => {
      queue.push({ id: h.id as number, name: String(h.name), emitClif: h.emitClif === true, bytes: payload, gone, answer });
      dispatch();
    }));
    socket.on('error', () => socket.destroy());
  });
  server.unref();
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(path, () => res());
  });

  const submit = (jobs: readonly CompileJob[], emitClif: boolean, onDone?: (n: number) => void): Promise<CompileOutcome[]> =>
    new Promise<CompileOutcome[]>((resolveAll) => {
      const out: CompileOutcome[] = new Array(jobs.length);
      let done = 0;
      if (jobs.length === 0) resolveAll(out);
      const answer = (m: WorkerAnswer) => {
        out[m.id] = outcomeOf(m);
        onDone?.(++done);
        if (done === jobs.length) resolveAll(out);
      };
      // Largest first, so the last to finish is a small one.
      const order = jobs.map((_, k) => k).sort((a, b) => jobs[b].bytes.length - jobs[a].bytes.length);
      for (const k of order) queue.push({ id: k, name: jobs[k].name, emitClif, bytes: jobs[k].bytes, gone: () => false, answer });
      dispatch();
    });

  return {
    path,
    dir,
    submit,
    compiled: () => count,
    active: () => queue.length + busy.size,
    connections: () => new Promise<number>((res) => server.getConnections((e, n) => res(e ? 0 : n))),
    close: async () => {
      await new Promise<void>((res) => server.close(() => res()));
      await Promise.all(workers.map((w) => w.terminate()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Compiles the jobs on the server at `path`. Rejects when the server cannot
 * be reached or goes away before answering (the caller then compiles itself).
 */
export function compileOnServer(path: string, jobs: readonly CompileJob[], emitClif: boolean, onDone?: (n: number) => void): Promise<CompileOutcome[]> {
  return new Promise<CompileOutcome[]>((resolveAll, rejectAll) => {
    const out: CompileOutcome[] = new Array(jobs.length);
    let done = 0;
    const socket = createConnection(path);
    socket.on('error', rejectAll);
    socket.on('close', () => {
      if (done < jobs.length) rejectAll(new Error('the compile server went away'));
    });
    socket.on('connect', () => {
      // Largest first, so the last to finish is a small one.
      const order = jobs.map((_, k) => k).sort((a, b) => jobs[b].bytes.length - jobs[a].bytes.length);
      for (const k of order) for (const b of frame({ id: k, name: jobs[k].name, emitClif }, jobs[k].bytes)) socket.write(b);
    });
    socket.on('data', frameReader((h, payload) => {
      const k = h.id as number;
      const err = h.error as WireError | undefined;
      out[k] = err
        ? { object: null, clif: null, error: fromWire(err) }
        : { object: payload, clif: (h.clif as string | undefined) ?? null, error: null, times: h.times as Record<string, number> | undefined };
      done++; // not inside `onDone?.(...)`: an absent onDone would skip the increment
      onDone?.(done);
      if (done === jobs.length) {
        socket.end();
        resolveAll(out);
      }
    }));
  });
}
