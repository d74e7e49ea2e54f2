// RUST_BACKTRACE=1 on cgts builds: panicking corpus programs built with -g by
// stock rustc and by `cgts rustc` print the same backtraces, frame for frame,
// each with its function and file:line:column (the standard library's frames
// and the program's own, which the runtime symbolizes from cgts's DWARF).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { rmSync } from 'node:fs';
import { buildCgts, buildStock, corpusPrograms, pool, runProcess, rustcVersion, VARIANTS } from './corpus.js';

const skip = rustcVersion() === null ? 'rustc is not installed' : false;
const withG = VARIANTS.find((v) => v.flags.includes('-g'))!;

/** Programs whose panics reach the default hook: caught ones, and one ending the program with status 101. */
const PROGRAMS = ['panic_messages', 'panic_exit_101'];

/** The program's stderr with thread ids made equal, and the program's source named as from its own folder (the stock build's was elsewhere). */
async function backtraces(exe: string, name: string): Promise<string> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', RUST_BACKTRACE: '1', LC_ALL: 'C' };
  const r = await pool.run(() => runProcess(exe, [], { cwd: dirname(exe), env, timeoutMs: 60_000 }));
  assert.ok(!r.timedOut, `${exe} timed out`);
  return r.stderr.replace(/^(thread '[^']*') \(\d+\)/gm, '$1 (TID)').replace(new RegExp(`at \\S*/${name}\\.rs:`, 'g'), `at ./${name}.rs:`);
}

for (const name of PROGRAMS) {
  test(`RUST_BACKTRACE=1: ${name} built by cgts rustc -g prints the stock build's backtraces`, { skip }, async () => {
    const p = corpusPrograms().find((q) => q.id === name);
    assert.ok(p, `no corpus program ${name}`);
    const [stock, cgts] = await Promise.all([buildStock(p, withG), buildCgts(p, withG)]);
    assert.equal(cgts.kind, 'built', cgts.kind === 'failed' ? cgts.message : '');
    if (cgts.kind !== 'built') return;
    try {
      const want = await backtraces(stock.exe, p.name);
      const got = await backtraces(cgts.exe, p.name);
      // the backtraces are there and name the program's own frames with their places
      const own = want.match(new RegExp(`^ +\\d+: ${p.name}::.*\\n +at \\./${p.name}\\.rs:\\d+:\\d+$`, 'gm')) ?? [];
      assert.ok(own.length >= 2, `the stock build prints too few frames of the program:\n${want}`);
      if (got !== want) {
        const a = got.split('\n'), b = want.split('\n');
        let k = 0;
        while (k < a.length && a[k] === b[k]) k++;
        assert.fail(`the backtraces differ from line ${k + 1}:\n--- stock\n${b.slice(Math.max(0, k - 6), k + 4).join('\n')}\n--- cgts\n${a.slice(Math.max(0, k - 6), k + 4).join('\n')}`);
      }
    } finally {
      rmSync(cgts.dir, { recursive: true, force: true });
    }
  });
}
