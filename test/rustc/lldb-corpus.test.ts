// Debugging every corpus program that runs to a normal exit with lldb (the
// gdb sessions are in gdb-corpus.test.ts): each is built with -g by stock
// rustc and by `cgts rustc` and run under lldb-22 in batch mode with one
// generated script: breakpoints on the program's free functions and main
// (where lldb places them after the prologue, with file and line); at each
// of the first stops the backtrace and the arguments with their values and
// the names and types of the locals (`frame variable`). The two transcripts
// must be identical once addresses, process and thread ids, offsets in
// functions and build directories are made equal, except that where lldb
// shows an argument of the stock build as `<unavailable>`, the cgts build may
// show its value (LLVM describes some arguments by registers a call has
// clobbered in the frames above the innermost).
//
// Not compared: columns (which instruction of a line comes first is each
// instruction selector's choice; lldb shows the column, gdb does not), and
// stepping: with `next` and `step` added, 18 of these sessions differ (gdb's
// stepping is compared in gdb-corpus.test.ts). One cause: a jump to a block
// whose reload nop continues the row before it (of the block laid out
// before, which gdb's `next` needs) lands inside that row's line, and lldb's
// `next` then stops at the block's own line where with LLVM's code, whose
// block starts under line 0, it goes on.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildCgts, buildStock, pool, runEnv, runProcess, rustcVersion, VARIANTS, type RustProgram } from './corpus.js';
import { breakpoints, compareSessions, sessionPrograms } from './sessions.js';

const LLDB = 'lldb-22';
const haveRustc = rustcVersion() !== null;
const haveLldb = spawnSync(LLDB, ['--version']).status === 0;
const skipAll = !haveRustc ? 'rustc is not installed' : !haveLldb ? `${LLDB} is not installed` : false;
const withG = VARIANTS.find((v) => v.flags.includes('-g'))!;

/** Breakpoint stops examined. */
const STOPS = 5;

/**
 * Programs where lldb places a function breakpoint differently: six_swap's
 * first instruction after the prologue is, with LLVM, of `rotate_left`
 * inlined into it (lldb names the inlined function), with cgts the load of
 * its argument (the function's own line; gdb places both on that line).
 */
const BREAKPOINT_DIFFERS = new Map([['odd_width_structs', 'lldb places the breakpoint on six_swap in code of rotate_left inlined into it with the stock build, on six_swap\'s own line with cgts']]);

/** Programs whose arguments are not yet stored in their frame slots at the breakpoint (C-variadic functions): their values are masked. */
const ARGS_UNSTORED_AT_BREAKPOINTS = new Set(['c_variadic']);

/** The lldb commands of a program's session. */
function sessionScript(p: RustProgram): string[] {
  // (no source lines at stops: the two builds' sources are in different directories)
  const s = ['settings set use-color false', 'settings set stop-disassembly-display never', 'settings set stop-line-count-before 0', 'settings set stop-line-count-after 0'];
  for (const b of breakpoints(p)) s.push(`breakpoint set --name ${b}`);
  s.push('process launch -o /dev/null -i /dev/null');
  const look = ['frame variable --no-locals', 'frame variable --no-args'];
  for (let k = 0; k < STOPS; k++) s.push('thread backtrace -c 6', ...look, 'continue');
  return s;
}

/**
 * The transcript of a session, with what differs between two correct builds
 * made equal: addresses, process ids, the offset of a breakpoint's address in
 * its function (the prologues differ in length), the build directories. The
 * values of locals are left out (their names and types are compared): those
 * whose `let` has not run yet hold stack garbage, which differs with the
 * frame layout.
 */
async function transcript(exe: string, script: string[], buildDir: string, maskArgs: boolean): Promise<string> {
  const args = ['--batch', '--no-lldbinit', ...script.flatMap((c) => ['-o', c]), exe];
  const r = await pool.run(() => runProcess('sh', ['-c', 'exec "$0" "$@" 2>&1', LLDB, ...args], { cwd: dirname(exe), env: { ...runEnv(), HOME: dirname(exe) }, timeoutMs: 120_000 }));
  assert.ok(!r.timedOut, `lldb timed out on ${exe}`);
  let inLocals = false;
  const out: string[] = [];
  for (let l of r.stdout.split('\n')) {
    // (lldb's note on Rust comes on stderr, at no fixed place among the lines)
    if (l.startsWith('warning: This version of LLDB has no plugin for the language "rust"')) continue;
    l = l.replace(/0x[0-9a-f]+/g, 'ADDR').replace(/Process \d+/g, 'Process N').replace(/`([^`\s]+) \+ \d+/g, '`$1 + N')
      .replace(/^(thread '[^']*') \(\d+\)/, '$1 (TID)')
      .replaceAll(dirname(exe), 'DIR').replaceAll(buildDir, 'DIR').replace(/\/\S*\/work-[^/]+/g, 'DIR')
      // lldb reads a &str's bytes up to a NUL, past its length, into whatever constants follow it
      .replace(/data_ptr = "(?:[^"\\]|\\.)*"(?:\.\.\.)?/g, 'data_ptr = "…"')
      // columns: which instruction of a line comes first is the instruction selector's choice
      .replace(/(\.rs:\d+):\d+/g, '$1');
    if (maskArgs) l = l.replace(/^(.*`[^(]*\()(.*)(\) at .*)$/, (_m, head: string, list: string, tail: string) => head + list.replace(/(\w+)=[^,]*/g, '$1=…') + tail);
    if (l.startsWith('(lldb) ')) inLocals = l === '(lldb) frame variable --no-args';
    else if (inLocals) {
      // `(type) name = value`, the value on one line or several
      const m = /^(\(.*\) [\w$]+) = /.exec(l);
      if (!m) continue;
      l = `${m[1]} = …`;
    }
    out.push(l);
  }
  return out.join('\n').trimEnd();
}

/**
 * Whether line `got` of the cgts session says what line `want` of the stock
 * session says, or more: the same, or a frame line whose arguments lldb
 * shows as `<unavailable>` in the stock build and with values in cgts's.
 */
function sameOrMore(want: string, got: string): boolean {
  if (want === got) return true;
  if (!want.includes('=<unavailable>')) return false;
  const pattern = want.split('=<unavailable>').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('=.*?');
  return new RegExp(`^${pattern}$`).test(got);
}

describe('lldb sessions on cgts builds equal those on stock builds', { concurrency: true }, () => {
  for (const p of sessionPrograms()) {
    test(p.id, { skip: skipAll || BREAKPOINT_DIFFERS.get(p.id) || false }, async () => {
      const [stock, cgts] = await Promise.all([buildStock(p, withG), buildCgts(p, withG)]);
      assert.equal(cgts.kind, 'built', cgts.kind === 'failed' ? cgts.message : '');
      if (cgts.kind !== 'built') return;
      try {
        const script = sessionScript(p);
        const maskArgs = ARGS_UNSTORED_AT_BREAKPOINTS.has(p.id);
        const want = await transcript(stock.exe, script, cgts.dir, maskArgs);
        // the session does what it is for: it stops in the program
        assert.match(want, new RegExp(`where = ${p.name}\`${p.name}::`), `no breakpoint of the stock session is in the program:\n${want}`);
        assert.match(want, /stop reason = breakpoint/, `the stock session never stops at a breakpoint:\n${want}`);
        const got = await transcript(cgts.exe, script, cgts.dir, maskArgs);
        // CGTS_LLDB_TRANSCRIPTS=<dir> keeps both transcripts there for a closer look
        const differs = compareSessions(p.id, want, got, sameOrMore, process.env.CGTS_LLDB_TRANSCRIPTS);
        if (differs) assert.fail(differs);
      } finally {
        rmSync(cgts.dir, { recursive: true, force: true });
      }
    });
  }
});
