// The compile daemon (opt-in: CGTS_DAEMON=1): a compile server (see
// compile-server.ts) that outlives one `cargo cgts` command, so that the next
// build finds cgts's code already optimized by V8. A cold worker compiles a
// small module 10 to 20 times slower than a warm one; after a one-line edit
// that cold start is most of cgts's share of the rebuild.
//
// One daemon per user, cgts code hash, worker count and the settings that
// change what the workers do (CGTS_VERIFY, CGTS_V8_FLAGS): its socket is
// $TMPDIR/cgts-<uid>/daemon-<hash>.sock, in a folder only the user can open,
// with its process id in daemon-<hash>.pid. `cargo cgts` connects to it or
// starts it (detached, output nowhere); it exits after CGTS_DAEMON_IDLE
// seconds (default 600) without a client or a job. Without the option the
// server lives and dies with each `cargo cgts` command.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { usageError } from '../support/diag.js';
import { projectRoot } from './cmd-rustc.js';
import { startCompileServer } from './compile-server.js';

/** Seconds a daemon waits without a client or a job before it exits. */
export function idleSeconds(env: NodeJS.ProcessEnv): number {
  const n = Number(env.CGTS_DAEMON_IDLE);
  return env.CGTS_DAEMON_IDLE !== undefined && Number.isFinite(n) && n > 0 ? n : 600;
}

/** The socket of the daemon for this cgts, worker count and settings. */
export function daemonSocket(codeHash: string, jobs: number, env: NodeJS.ProcessEnv): string {
  const key = createHash('sha256').update(JSON.stringify([codeHash, jobs, env.CGTS_VERIFY ?? '', env.CGTS_V8_FLAGS ?? null])).digest('hex');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return join(tmpdir(), `cgts-${uid}`, `daemon-${key.slice(0, 16)}.sock`);
}

/** Whether something accepts connections at `path`. */
function answers(path: string): Promise<boolean> {
  return new Promise<boolean>((res) => {
    const s = createConnection(path);
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('error', () => res(false));
  });
}

/**
 * Connects to the daemon at `path`, starting it when none answers; false when
 * it cannot be started or does not answer within a few seconds (the caller
 * then uses a server of its own).
 */
export async function ensureDaemon(path: string, jobs: number, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (await answers(path)) return true;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    chmodSync(dirname(path), 0o700);
  } catch {
    return false;
  }
  const cli = join(projectRoot(), 'bin', 'cgts.js');
  const child = spawn(process.execPath, [cli, 'daemon', path, String(jobs), String(idleSeconds(env))], { detached: true, stdio: 'ignore', env });
  child.on('error', () => {});
  child.unref();
  for (let waited = 0; waited < 5000; waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
    if (await answers(path)) return true;
  }
  return false;
}

/** `cgts daemon <socket> <jobs> <idle seconds>`: runs a daemon (started by `cargo cgts`). */
export async function run(args: string[]): Promise<number> {
  const [path, jobsText, idleText] = args;
  const jobs = Number(jobsText), idle = Number(idleText);
  if (!path || !Number.isInteger(jobs) || jobs < 1 || !(idle > 0)) usageError('usage: cgts daemon <socket> <jobs> <idle seconds> (cargo cgts starts it with CGTS_DAEMON=1)');
  // another daemon already serves this socket: nothing to do; a socket nobody answers on is left over
  if (await answers(path)) return 0;
  rmSync(path, { force: true });
  let server;
  try {
    server = await startCompileServer(jobs, path);
  } catch {
    return 0; // another daemon started at the same moment and has the socket
  }
  const pidFile = path.replace(/\.sock$/, '.pid');
  writeFileSync(pidFile, String(process.pid));
  let last = Date.now();
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      void server.connections().then((n) => {
        if (n > 0 || server.active() > 0) last = Date.now();
        else if (Date.now() - last > idle * 1000) {
          clearInterval(timer);
          done();
        }
      });
    }, Math.min(1000, idle * 250));
    for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(sig, () => { clearInterval(timer); done(); });
  });
  await server.close();
  rmSync(path, { force: true });
  rmSync(pidFile, { force: true });
  return 0;
}
