// The compile daemon (CGTS_DAEMON=1): the first `cargo cgts` starts it, the
// next one uses the same process, and it goes away on its own after its idle
// time, or on SIGTERM, taking its socket and process id file with it. Each
// test has a temporary folder of its own as TMPDIR, so it sees only its own
// daemon.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDir } from '../driver/helpers.js';
import { builtByCgts, cargoSkip, cgtsCargo } from './helpers.js';

/** A one-file binary crate in `dir` printing `text`. */
function crate(dir: string, text: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "hi"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(join(dir, 'src', 'main.rs'), `fn main() { let v: Vec<u32> = (1..=4).collect(); println!("${text} {}", v.iter().sum::<u32>()); }\n`);
}

/** The process ids of the daemons whose files are in the user's folder under `tmp`. */
function daemons(tmp: string): number[] {
  const dirs = existsSync(tmp) ? readdirSync(tmp).filter((d) => d.startsWith('cgts-')) : [];
  return dirs.flatMap((d) => readdirSync(join(tmp, d)).filter((f) => f.endsWith('.pid')).map((f) => Number(readFileSync(join(tmp, d, f), 'utf8'))));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: () => boolean, ms: number): Promise<boolean> {
  for (let t = 0; t < ms; t += 100) {
    if (what()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return what();
}

function run(dir: string): string {
  const r = spawnSync(join(dir, 'target', 'cgts', 'debug', 'hi'), { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('compile daemon: started by the first build, used by the next, gone after its idle time', { skip: cargoSkip }, async () => {
  await withDir('cgts-daemon-', async (dir) => {
    const tmp = join(dir, 'tmp'), proj = join(dir, 'proj');
    mkdirSync(tmp);
    crate(proj, 'sum');
    const env = { TMPDIR: tmp, CGTS_DAEMON: '1', CGTS_DAEMON_IDLE: '3' };
    try {
      const a = cgtsCargo(proj, ['build', '-q'], env);
      assert.equal(a.status, 0, a.stderr);
      assert.equal(run(proj), 'sum 10\n');
      assert.ok(builtByCgts(join(proj, 'target', 'cgts', 'debug', 'hi')));
      const [pid] = daemons(tmp);
      assert.ok(pid !== undefined && alive(pid), 'the build left a daemon running');
      // an edit: the same daemon compiles the changed code
      crate(proj, 'total');
      const b = cgtsCargo(proj, ['build', '-q'], env);
      assert.equal(b.status, 0, b.stderr);
      assert.equal(run(proj), 'total 10\n');
      assert.deepEqual(daemons(tmp), [pid], 'no second daemon');
      // idle for longer than CGTS_DAEMON_IDLE: it exits and removes its files
      assert.ok(await until(() => !alive(pid!) && daemons(tmp).length === 0, 15_000), 'the daemon did not go away');
      assert.deepEqual(readdirSync(join(tmp, readdirSync(tmp).find((d) => d.startsWith('cgts-'))!)), []);
    } finally {
      for (const p of daemons(tmp)) if (alive(p)) process.kill(p, 'SIGKILL');
    }
  });
});

test('compile daemon: SIGTERM ends it cleanly; a build without CGTS_DAEMON leaves none', { skip: cargoSkip }, async () => {
  await withDir('cgts-daemon-', async (dir) => {
    const tmp = join(dir, 'tmp'), proj = join(dir, 'proj');
    mkdirSync(tmp);
    crate(proj, 'sum');
    try {
      const plain = cgtsCargo(proj, ['build', '-q'], { TMPDIR: tmp });
      assert.equal(plain.status, 0, plain.stderr);
      assert.deepEqual(daemons(tmp), []);
      crate(proj, 'again');
      const d = cgtsCargo(proj, ['build', '-q'], { TMPDIR: tmp, CGTS_DAEMON: '1' });
      assert.equal(d.status, 0, d.stderr);
      assert.equal(run(proj), 'again 10\n');
      const [pid] = daemons(tmp);
      assert.ok(pid !== undefined && alive(pid));
      process.kill(pid, 'SIGTERM');
      assert.ok(await until(() => !alive(pid) && daemons(tmp).length === 0, 10_000), 'the daemon did not end on SIGTERM');
    } finally {
      for (const p of daemons(tmp)) if (alive(p)) process.kill(p, 'SIGKILL');
    }
  });
});
