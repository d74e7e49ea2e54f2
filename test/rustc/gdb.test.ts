// Debugging cgts builds: corpus programs built with -g by stock rustc and by
// `cgts rustc`, each run under gdb with the same script (breakpoints on
// functions, methods and file:line places; at each stop the backtrace,
// arguments and locals, and statics); the two transcripts must be identical once
// addresses, process ids and the build directories are made equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCgts, buildStock, corpusPrograms, rustcVersion, VARIANTS, type Variant } from './corpus.js';

const haveGdb = spawnSync('sh', ['-c', 'command -v gdb']).status === 0;
const skip = rustcVersion() === null ? 'rustc is not installed' : !haveGdb ? 'gdb is not installed' : false;
const variant = VARIANTS.find((v) => v.flags.includes('-g'))!;
const dwarf5: Variant = { name: 'O0-g-dwarf5', flags: [...variant.flags, '-C', 'dwarf-version=5'] };

/**
 * Per program: breakpoints, how many stops are examined, commands run at each
 * stop besides bt/info args/info locals (`locals: false`: without info
 * locals), the build variant (default -g, DWARF 4), and the frame the stops
 * are in (default: the program's own), with a value the stock session must
 * print there.
 */
const CASES: { name: string; breaks: string[]; stops: number; at?: string[]; v?: Variant; locals?: false; frame?: string; printed?: RegExp }[] = [
  { name: 'recursion', breaks: ['recursion::queens', 'recursion::insert', 'recursion.rs:37', 'recursion::Parser::factor', 'recursion::hanoi'], stops: 12 },
  { name: 'rc_refcell', breaks: ['rc_refcell::add_child', 'rc_refcell.rs:19', 'rc_refcell::sum', 'rc_refcell::{impl#0}::drop'], stops: 10 },
  { name: 'big_match', breaks: ['big_match::keyword', 'big_match.rs:72', 'big_match::char_kind', 'big_match::signed_i8'], stops: 10 },
  { name: 'drop_order', breaks: ['drop_order::make', 'drop_order::flush', 'drop_order.rs:23'], stops: 8 },
  {
    name: 'statics_globals', breaks: ['statics_globals::bump', 'statics_globals::double', 'statics_globals::square'], stops: 8,
    at: ['print statics_globals::COUNTER', 'print statics_globals::NUMBERS', 'print statics_globals::GREETING', 'print statics_globals::CONFIGS',
      'print statics_globals::MID', 'print statics_globals::CGTS_EXPORTED_MUT', 'print statics_globals::FIB30'],
  },
  { name: 'enums_niches', breaks: ['enums_niches::classify', 'enums_niches::handle', 'enums_niches::eval'], stops: 8, v: dwarf5 },
  // standard-library code inlined into the program's generic instances: the
  // arguments of IndexRange's methods are known from #dbg_value records only
  // (location lists); locals are left out, as they include ones whose `let`
  // has not run yet (stack garbage)
  ...[dwarf5, variant].map((v) => ({
    name: 'float_format', breaks: ['core::ops::index_range::IndexRange::next_unchecked'], stops: 4, v, locals: false as const,
    at: ['print *self', 'up', 'info args', 'print *self'], frame: 'core::ops::index_range::', printed: /^\$\d+ = core::ops::index_range::IndexRange \{start: 1, end: 10\}$/m,
  })),
];

// (stock DWARF 5 objects carry .debug_names tables, which gdb ignores with a
// warning once the linker has concatenated them; cgts writes none. gdb also
// warns of stock .debug_aranges entries it cannot match to a unit when it
// reads the standard library's DWARF 5 units.)
function gdbTranscript(exe: string, srcDir: string, c: (typeof CASES)[number]): string {
  const script = ['set pagination off', 'set print address off', `directory ${srcDir}`, ...c.breaks.map((b) => `break ${b}`), 'run > /dev/null'];
  for (let k = 0; k < c.stops; k++) script.push('bt 3', 'info args', ...(c.locals === false ? [] : ['info locals']), ...(c.at ?? []), 'continue');
  const file = join(dirname(exe), 'session.gdb');
  writeFileSync(file, script.join('\n') + '\n');
  const r = spawnSync('gdb', ['-nx', '-batch', '-x', file, exe], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.equal(r.error, undefined, String(r.error));
  return (r.stdout + r.stderr)
    .replace(/\n*^warning: Section \.debug_(?:names|aranges) .*$/gm, '')
    .split('\n')
    .filter((l) => !/LWP|auto-load|^of file |^Source directories searched|Source file is more recent/.test(l))
    .map((l) => l.replace(/0x[0-9a-f]+/g, 'ADDR').replace(/process \d+/g, 'process N').replaceAll(dirname(exe), 'DIR').replace(/\/\S*\/work-[^/]+/g, 'DIR'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

for (const c of CASES) {
  const v = c.v ?? variant;
  test(`gdb: ${c.name} built by cgts rustc ${v.flags.slice(2).join(' ')} stops, backtraces and prints arguments and locals as the stock build`, { skip }, async () => {
    const p = corpusPrograms().find((q) => q.id === c.name);
    assert.ok(p, `no corpus program ${c.name}`);
    const [stock, cgts] = await Promise.all([buildStock(p, v), buildCgts(p, v)]);
    assert.equal(cgts.kind, 'built', cgts.kind === 'failed' ? cgts.message : '');
    if (cgts.kind !== 'built') return;
    try {
      const want = gdbTranscript(stock.exe, cgts.dir, c);
      const got = gdbTranscript(cgts.exe, cgts.dir, c);
      // the sessions stop where asked and show the program's own frames and variables
      const stops = want.match(/Breakpoint [\d.]+, /g) ?? [];
      assert.ok(stops.length >= Math.min(c.stops, 3), `the stock session stops too rarely:\n${want}`);
      assert.match(want, new RegExp(`#0  +${c.frame ?? `${c.name}::`}`));
      if (c.printed) assert.match(want, c.printed);
      if (got !== want) {
        const a = got.split('\n'), b = want.split('\n');
        let k = 0;
        while (k < a.length && a[k] === b[k]) k++;
        const show = (x: string[]) => x.slice(Math.max(0, k - 8), k + 8).map((l) => JSON.stringify(l)).join('\n');
        assert.fail(`the sessions differ from line ${k + 1}:\n--- stock\n${show(b)}\n--- cgts\n${show(a)}`);
      }
    } finally {
      rmSync(cgts.dir, { recursive: true, force: true });
    }
  });
}
