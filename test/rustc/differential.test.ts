// Differential test of whole Rust programs: each corpus program is built by
// stock rustc and by `cgts rustc` with the same flags (-C opt-level=0, with
// and without -g), both are run, and stdout, normalised stderr and exit
// status (or signal) must be equal. The stock side is also checked against
// the program's golden file (regenerate with `npx tsx scripts/bless-corpus.ts`).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  bitcodeGoldenDir, buildCgts, cgtsRunTimeout, buildStock, corpusPrograms, goldenText, observed, rustcCorpusDir, rustcVersion, runProgram,
  VARIANTS, type RustProgram, type Variant,
} from './corpus.js';

const programs = corpusPrograms();
const haveRustc = rustcVersion() !== null;
const haveNightly = haveRustc && rustcVersion(true) !== null;
const BLESS = 'npx tsx scripts/bless-corpus.ts';

test('the corpus is complete: enough programs, a golden file for each, none left over', () => {
  const own = programs.filter((p) => !p.id.startsWith('bitcode/'));
  assert.ok(own.length >= 40, `only ${own.length} programs in test/rustc/corpus`);
  const missing = programs.filter((p) => !existsSync(p.golden)).map((p) => p.id);
  assert.deepEqual(missing, [], `no golden file; run ${BLESS}`);
  const names = new Set(programs.map((p) => p.golden));
  const stale = [rustcCorpusDir, bitcodeGoldenDir].flatMap((d) =>
    readdirSync(d).filter((f) => f.endsWith('.out')).map((f) => join(d, f)).filter((f) => !names.has(f)));
  assert.deepEqual(stale, [], 'golden files without a program');
  assert.ok(own.some((p) => p.panicAbort) && own.some((p) => p.nightly) && own.some((p) => p.cSources.length > 0),
    'the header directives (panic, toolchain, c-source) are each used');
});

function skipReason(p: RustProgram): string | null {
  if (!haveRustc) return 'rustc is not installed';
  if (p.nightly && !haveNightly) return 'needs rustc +nightly, which is not installed';
  return null;
}

describe('stock rustc against cgts rustc', { concurrency: true }, () => {
  for (const p of programs) {
    for (const v of VARIANTS) defineCase(p, v);
  }
});

function defineCase(p: RustProgram, v: Variant): void {
  const why = skipReason(p);
  test(`${p.id} [${v.name}]`, { skip: why ?? false }, async (t) => {
    // Stock and cgts builds start together; the pool keeps at most one process per core.
    const stockP = buildStock(p, v).then(async (b) => ({ exe: b.exe, run: await runProgram(b.exe) }));
    const cgtsP = buildCgts(p, v);
    cgtsP.catch(() => {});
    try {
      const stock = await stockP;

      await t.test('stock rustc output matches the golden file', () => {
        assert.ok(!stock.run.timedOut, 'the stock build of the program timed out');
        const want = existsSync(p.golden) ? readFileSync(p.golden, 'utf8') : '';
        assert.equal(goldenText(stock.run, stock.exe), want, `${p.golden} differs from the stock build's behaviour (review, then ${BLESS} ${p.id})`);
      });

      await t.test('cgts rustc output matches stock rustc', async (st) => {
        const cg = await cgtsP;
        if (cg.kind === 'unavailable') {
          st.skip(cg.reason);
          return;
        }
        if (p.unsupported) {
          // a known gap: the build must stop with the error that names it, never build a wrong program
          assert.equal(cg.kind, 'failed', `cgts now builds ${p.id}: remove its //@ cgts-unsupported line`);
          if (cg.kind === 'failed') assert.ok(cg.message.includes(p.unsupported), `expected an error containing '${p.unsupported}':\n${cg.message}`);
          return;
        }
        if (cg.kind === 'failed') assert.fail(cg.message);
        const run = await runProgram(cg.exe, cgtsRunTimeout(stock.run.ms));
        assert.deepEqual(observed(run, cg.exe), observed(stock.run, stock.exe));
      });
    } finally {
      const cg = await cgtsP.catch(() => null);
      if (cg?.kind === 'built') rmSync(cg.dir, { recursive: true, force: true });
    }
  });
}
