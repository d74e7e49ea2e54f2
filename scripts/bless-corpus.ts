// Regenerates the golden files of the differential Rust corpus
// (test/rustc/corpus/<name>.out, and test/rustc/corpus/bitcode/<name>.out for
// the programs of test/bitcode/corpus/) from stock rustc builds.
//
//   npx tsx scripts/bless-corpus.ts [program ...]     (ids as the test names them, e.g. fmt_flags or bitcode/ffi)
//
// Each program is built in every variant and run; a program whose variants
// disagree, or that times out, is reported and its golden file left alone.
// Review the resulting diff before committing it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { buildStock, corpusPrograms, goldenText, repoRoot, rustcVersion, runProgram, VARIANTS } from '../test/rustc/corpus.js';

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  let programs = corpusPrograms();
  if (wanted.length) {
    const unknown = wanted.filter((w) => !programs.some((p) => p.id === w));
    if (unknown.length) {
      console.error(`unknown program(s): ${unknown.join(', ')}`);
      return 2;
    }
    programs = programs.filter((p) => wanted.includes(p.id));
  }
  if (rustcVersion() === null) {
    console.error('rustc is not installed');
    return 1;
  }
  const haveNightly = rustcVersion(true) !== null;
  let failed = 0;
  let changed = 0;
  await Promise.all(programs.map(async (p) => {
    if (p.nightly && !haveNightly) {
      console.log(`skip ${p.id}: needs rustc +nightly`);
      return;
    }
    try {
      const texts: string[] = [];
      for (const v of VARIANTS) {
        const b = await buildStock(p, v);
        const r = await runProgram(b.exe);
        if (r.timedOut) throw new Error(`${v.name} build timed out`);
        texts.push(goldenText(r, b.exe));
      }
      if (texts.some((t) => t !== texts[0])) throw new Error(`variants ${VARIANTS.map((v) => v.name).join(', ')} behave differently: not deterministic?`);
      let old = '';
      try {
        old = readFileSync(p.golden, 'utf8');
      } catch {
        // new program
      }
      if (old !== texts[0]) {
        mkdirSync(dirname(p.golden), { recursive: true });
        writeFileSync(p.golden, texts[0]);
        changed++;
        console.log(`wrote ${relative(repoRoot, p.golden)}`);
      }
    } catch (e) {
      failed++;
      console.error(`FAILED ${p.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }));
  console.log(`${programs.length} programs, ${changed} golden files written, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((c) => { process.exitCode = c; });
