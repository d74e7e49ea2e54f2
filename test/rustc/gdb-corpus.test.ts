// Debugging every corpus program that runs to a normal exit: each is built
// with -g by stock rustc and by `cgts rustc` and run under rust-gdb (the Rust
// pretty printers loaded, as the program's .debug_gdb_scripts asks) with one
// generated script: breakpoints on the program's free functions and main; at
// each of the first stops the backtrace, the arguments with their values, the
// names of the locals and, for some programs, chosen values (PRINTS); at the
// first few also `next` three times, one `step` and `finish`, with the locals
// after each. The two transcripts must be identical once addresses, process
// and thread ids and build directories are made equal, except that where
// gdb shows an argument or variable of the stock build as unavailable
// (`...` in a frame line, `<optimized out>`), the cgts build may show its
// value (sameOrMore).
//
// Left out: programs whose run does not end with exit status 0 (panics,
// aborts, signals and exit codes are the point of those: a session would
// end in the crash, and their frames are compared by the backtrace test
// below), and those cgts does not build (`//@ cgts-unsupported`: asm!).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCgts, buildStock, pool, runEnv, runProcess, rustcVersion, VARIANTS, type RustProgram } from './corpus.js';
import { breakpoints, compareSessions, sessionPrograms, startsThreads } from './sessions.js';

const haveRustc = rustcVersion() !== null;
const haveNightly = haveRustc && rustcVersion(true) !== null;
const haveGdb = spawnSync('sh', ['-c', 'command -v gdb']).status === 0;
const sysroot = haveRustc ? spawnSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' }).stdout.trim() : '';
const rustGdb = join(sysroot, 'bin', 'rust-gdb');
const skipAll = !haveRustc ? 'rustc is not installed' : !haveGdb ? 'gdb is not installed' : !existsSync(rustGdb) ? 'rust-gdb is not in the sysroot' : false;
const withG = VARIANTS.find((v) => v.flags.includes('-g'))!;

/** Breakpoint stops examined, and how many of the first ones also step. */
const STOPS = 6;
const STEPPED = 3;

/**
 * Every program whose session stops in it also steps (`next`, `step`,
 * `finish`). gdb's `next` depends on where line rows start: it counts code
 * under line 0 to the line before it in the code, so a jump that lands in a
 * line-0 stretch at the top of a block is in the middle of that earlier
 * line, and the block's own line then counts as a new one (the loop header
 * of a `for` is visited twice that way). cgts keeps LLVM's block order
 * wherever the blocks defining the values live into a block come before it,
 * starts rows after operand set-up, puts set-up at block tops under line 0,
 * marks statements at block starts as LLVM does, puts a nop where LLVM
 * reloads at a block's top the values the block reads before its first
 * call, copies more than 32 bytes with a call of memcpy as LLVM does, and
 * gives the block that takes an invoke's results no row of its own.
 */

/**
 * Values printed at each stop besides the arguments and locals, through the
 * pretty printers (an error where a stop lacks the variable is part of the
 * transcript): enums with and without data, niche-optimized options, structs
 * and their fields, Rc, Vec and String values, &str and slices.
 */
const PRINTS: Record<string, string[]> = {
  enums_niches: ['print o', 'print *m', 'print *e', 'print *env'],
  rc_refcell: ['print *p', 'print c', 'print *n'],
  drop_order: ['print name', 'print title'],
  statics_globals: ['print statics_globals::CONFIGS[1].name', 'print statics_globals::CONFIGS[0].ratios', 'print statics_globals::MID.next',
    'print statics_globals::MID.val'],
  'bitcode/enums_match': ['print op', 'print a', 'print b'],
};

/** `info locals`, its output between marker lines (see normalize). */
const LOCALS = ['echo @locals\\n', 'info locals', 'echo @end\\n'];

/**
 * Programs where `step` reaches a value gdb 13 cannot print (an internal
 * error in gdbtypes.h ends the session, with either build): an array of
 * `Option<Option<bool>>` as `self` of `into_iter`.
 */
const GDB_FAILS_STEPPING = new Set(['enums_niches']);


/**
 * Programs whose breakpoints stop before the arguments are stored to their
 * stack slots, in both builds: in a C-variadic definition the prologue ends
 * before the register save area, as LLVM's does, and the arguments are
 * stored after it. What the slots hold there is stack garbage that differs
 * with the frame layout, so argument values are not compared (their names
 * are).
 */
const ARGS_UNSTORED_AT_BREAKPOINTS = new Set(['c_variadic']);

/** The gdb commands of a program's session. */
export function sessionScript(p: RustProgram, srcDir: string): string[] {
  // (in a program with threads, what `next` passes over and `finish` returns depends on their timing)
  const stepped = GDB_FAILS_STEPPING.has(p.id) || startsThreads(p) ? 0 : STEPPED;
  // (`print symbol off`: a pointer is not followed by the symbol it points
  // into; uninitialized locals hold stack garbage, which by chance points
  // into different code or data in the two builds)
  const s = ['set pagination off', 'set print address off', 'set print symbol off', 'set width 0', 'set confirm off', `directory ${srcDir}`];
  for (const b of breakpoints(p)) s.push(`break ${b}`);
  s.push('run > /dev/null < /dev/null');
  for (let k = 0; k < STOPS; k++) {
    s.push('bt 6', 'info args', ...LOCALS, ...(PRINTS[p.id] ?? []));
    if (k < stepped) {
      for (let n = 0; n < 3; n++) s.push('next', ...LOCALS);
      // `finish` only out of a function `step` entered (out of main it would run the program to its end)
      s.push('python stepped_from = gdb.selected_frame()', 'step', 'bt 1', 'info args', ...LOCALS,
        "python gdb.execute('finish') if gdb.selected_frame() != stepped_from else None");
    }
    s.push('continue');
  }
  return s;
}

/**
 * The transcript of a session, with what differs between two correct builds
 * made equal: addresses, process and thread ids, build directories, gdb's
 * notes on threads and on missing auto-load scripts.
 */
async function transcript(exe: string, script: string[], buildDir: string, maskArgs = false): Promise<string> {
  const env = { ...runEnv(), HOME: dirname(exe) };
  // gdb's stdout and stderr in one pipe, so the transcript keeps their order;
  // each command its own -ex, so one that fails does not end the session
  const args = ['-nx', '-batch', ...script.flatMap((s) => ['-ex', s]), exe];
  const r = await pool.run(() => runProcess('sh', ['-c', 'exec "$0" "$@" 2>&1', rustGdb, ...args], { cwd: dirname(exe), env, timeoutMs: 120_000 }));
  assert.ok(!r.timedOut, `gdb timed out on ${exe}`);
  let inLocals = false;
  return r.stdout
    .split('\n')
    .filter((l) => !/LWP|^\[New Thread|^\[Thread .* exited|^\[Switching to|^\[Inferior|^\[New process|^\[Detaching|libthread_db|auto-load|^of file |Source file is more recent/.test(l))
    .map((l) => {
      l = l.replace(/0x[0-9a-f]+/g, 'ADDR').replace(/^(thread '[^']*') \(\d+\)/, '$1 (TID)').replace(/process \d+/g, 'process N').replaceAll(dirname(exe), 'DIR').replaceAll(buildDir, 'DIR').replace(/\/\S*\/work-[^/]+/g, 'DIR');
      if (maskArgs) {
        // `name (a=1, b=...) at` in frame lines, `a = 1` of `info args`
        l = l.replace(/^((?:#\d+ +)?(?:Breakpoint \d+, )?[\w:<>{}#, &*\[\]()-]+? \()(.*)(\) at )/, (_m, head: string, list: string, tail: string) =>
          head + list.replace(/(\w+)=[^,]*(?=, \w+=|$)/g, '$1=…') + tail);
        if (!inLocals && /^\w+ = /.test(l) && !/^\$\d+ = /.test(l)) l = l.replace(/ = .*/, ' = …');
      }
      if (l === '@locals') inLocals = true;
      else if (l === '@end') inLocals = false;
      // `info locals` lists every variable of the scopes around the pc,
      // also those whose `let` has not run yet: these hold stack garbage,
      // which differs with the frame layout. Their names are compared, not
      // their values (nor the further lines of a value printed on several).
      else if (inLocals) return /^[\w$]+ = /.test(l) ? l.replace(/ = .*/, ' = …') : l === 'No locals.' ? l : null;
      // gdb reads an aggregate or vector return value as the C ABI would
      // return it, where the Rust ABI may not (it then shows what registers
      // held); scalar return values are compared
      return l.replace(/^(Value returned is \$\d+ = )(?!-?[\d.]+(e[+-]?\d+)?$|true$|false$).*/, '$1…');
    })
    .filter((l) => l !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

/**
 * Whether line `got` of the cgts session says what line `want` of the stock
 * session says, or more: the same line, or one where values gdb could not
 * find in the stock build (LLVM describes an argument passed by reference
 * by the register it came in until a call clobbers it, then by its value at
 * entry, which gdb cannot recover after `finish`) are values in the cgts
 * build (which keeps such an address in the frame for the whole call).
 */
function sameOrMore(want: string, got: string): boolean {
  if (want === got) return true;
  const unavailable = (v: string) => v === '...' || v === '<optimized out>';
  // `x = <optimized out>` of `info args`
  const a = /^(\w+) = (.*)$/.exec(want), b = /^(\w+) = (.*)$/.exec(got);
  if (a && b) return a[1] === b[1] && unavailable(a[2]!);
  // `f (x=..., y=1) at file:line` frame lines
  const frame = /^(.*? \()(.*)(\) at .*)$/;
  const fa = frame.exec(want), fb = frame.exec(got);
  if (!fa || !fb || fa[1] !== fb[1] || fa[3] !== fb[3]) return false;
  const argsA = fa[2]!.split(/, (?=\w+=)/), argsB = fb[2]!.split(/, (?=\w+=)/);
  if (argsA.length !== argsB.length) return false;
  return argsA.every((x, k) => {
    const y = argsB[k]!, n = x.indexOf('=');
    return x === y || (n > 0 && y.slice(0, n + 1) === x.slice(0, n + 1) && unavailable(x.slice(n + 1)));
  });
}

describe('gdb sessions on cgts builds equal those on stock builds', { concurrency: true }, () => {
  test('the sessions cover the corpus', { skip: skipAll }, () => {
    const ps = sessionPrograms();
    assert.ok(ps.length >= 60, `only ${ps.length} programs`);
    assert.ok(ps.every((p) => breakpoints(p).length >= 1));
  });
  for (const p of sessionPrograms()) {
    const skip = skipAll || (p.nightly && !haveNightly ? 'needs rustc +nightly' : false);
    const maskArgs = ARGS_UNSTORED_AT_BREAKPOINTS.has(p.id);
    test(p.id, { skip }, async () => {
      const [stock, cgts] = await Promise.all([buildStock(p, withG), buildCgts(p, withG)]);
      assert.equal(cgts.kind, 'built', cgts.kind === 'failed' ? cgts.message : '');
      if (cgts.kind !== 'built') return;
      try {
        const script = sessionScript(p, cgts.dir);
        const want = await transcript(stock.exe, script, cgts.dir, maskArgs);
        // the session does what it is for: it stops in the program
        assert.match(want, new RegExp(`Breakpoint \\d+, ${p.name}::`), `the stock session never stops in the program:\n${want}`);
        if (PRINTS[p.id]) assert.ok((want.match(/^\$\d+ = /gm) ?? []).length >= PRINTS[p.id]!.length, `the stock session prints too few values:\n${want}`);
        const got = await transcript(cgts.exe, script, cgts.dir, maskArgs);
        // CGTS_GDB_TRANSCRIPTS=<dir> keeps both transcripts there for a closer look
        const differs = compareSessions(p.id, want, got, sameOrMore, process.env.CGTS_GDB_TRANSCRIPTS);
        if (differs) assert.fail(differs);
      } finally {
        rmSync(cgts.dir, { recursive: true, force: true });
      }
    });
  }
});
