// Translation golden tests: each test/translate/golden/<name>.ll is assembled
// with llvm-as-22, translated by cgts, and printed; the text must equal
// <name>.clif beside it. That file is itself a CLIF filetest: the `; run:`
// lines written after each LLVM function follow its translation, and every
// one must pass in the interpreter and natively.
//
// After an intended change of the translation, rewrite the expected files with
//   CGTS_BLESS=1 node scripts/run-tests.mjs translate/golden
// and review them with `git diff test/translate/golden`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModule } from '../../src/bitcode/reader.js';
import { translateModule } from '../../src/translate/module.js';
import { printFunction } from '../../src/ir/printer.js';
import { verifyFunction } from '../../src/ir/verifier.js';
import { runText } from '../../src/filetest/runner.js';
import { runNative } from '../../src/filetest/native.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here.replace(`${join('dist', 'test')}`, 'test'), 'golden');
const haveLlvmAs = spawnSync('llvm-as-22', ['--version']).status === 0;

/** The `; run:` lines of each function of an .ll file, by function name. */
function runLines(ll: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let cur = '';
  for (const line of ll.split('\n')) {
    const d = /^define\b.*?@([\w.$]+)\(/.exec(line);
    if (d) { cur = d[1]!; out.set(cur, []); continue; }
    if (cur && /^;\s*run:/.test(line)) out.get(cur)!.push(line);
  }
  return out;
}

/** The expected-file text for an .ll file: header, then each function with its run lines. */
export function goldenText(llPath: string): string {
  const ll = readFileSync(llPath, 'utf8');
  const tmp = mkdtempSync(join(tmpdir(), 'cgts-golden-'));
  try {
    const bc = join(tmp, 'in.bc');
    execFileSync('llvm-as-22', [llPath, '-o', bc]);
    const m = readModule(readFileSync(bc), llPath);
    const mod = translateModule(m);
    const runs = runLines(ll);
    // functions with the cx16 target feature have i128 atomics (cmpxchg16b)
    const target = ll.includes('"+cx16"') ? 'target x86_64 has_cmpxchg16b' : 'target x86_64';
    let text = `; Generated from ${llPath.split('/').pop()} by the translation golden test; do not edit.\ntest run\nset enable_llvm_abi_extensions\nset enable_multi_ret_implicit_sret\n${target}\n`;
    for (const f of mod.funcs) {
      const errors = verifyFunction(f);
      assert.equal(errors.length, 0, `${f.name}: ${errors.map((e) => e.message).join('; ')}`);
      text += '\n' + printFunction(f);
      for (const r of runs.get(f.name) ?? []) text += r + '\n';
    }
    return text;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ll')).sort() : [];

test('there are golden translation inputs', () => {
  assert.ok(files.length >= 5);
});

for (const name of files) {
  test(`translation of ${name}`, { skip: haveLlvmAs ? false : 'llvm-as-22 is not installed' }, async () => {
    const llPath = join(dir, name);
    const clifPath = llPath.replace(/\.ll$/, '.clif');
    const text = goldenText(llPath);
    if (process.env.CGTS_BLESS === '1') writeFileSync(clifPath, text);
    assert.ok(existsSync(clifPath), `${clifPath} is missing; run with CGTS_BLESS=1 to create it`);
    assert.equal(text, readFileSync(clifPath, 'utf8'), 'translation differs from the expected CLIF (CGTS_BLESS=1 rewrites it)');
    const lines: string[] = [];
    const r = await runText(text, clifPath, { mode: 'test', interpOnly: false, native: runNative, out: (l) => { lines.push(l); } });
    assert.ok(r.passed > 0, 'no run lines executed');
    assert.equal(r.failed, 0, lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('native execution not available')), 'native runs did not happen');
  });
}
