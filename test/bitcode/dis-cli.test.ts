// `cgts dis` end to end: on a corpus module it exits 0 and prints exactly what
// printModule prints (to stdout, or to the -o file); on malformed input it
// exits non-zero with one `cgts: error: ...` line and no stack trace.
// Compiled tests run bin/cgts.js (dist/); under tsx the CLI runs from src/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildModule, loadBitcodeApi, missingTools, repoRoot } from './corpus.js';

const fromDist = fileURLToPath(import.meta.url).includes(`${join('dist', 'test')}`);

function cgts(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = fromDist
    ? spawnSync(process.execPath, [join(repoRoot, 'bin', 'cgts.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { main } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'src', 'cli.ts')).href)};` +
            'main(process.argv.slice(1)).then((c) => { process.exitCode = c; });',
          ...args,
        ],
        { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 30 },
      );
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const missing = missingTools();
const api = missing ? null : await loadBitcodeApi();

function expectedText(path: string): string {
  if (typeof api === 'string' || api === null) return assert.fail(api ?? 'no bitcode API');
  return api.printModule(api.readModule(readFileSync(path), path));
}

/** Where two texts first differ, as a short message. */
function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  let i = 0;
  while (i < al.length && i < bl.length && al[i] === bl[i]) i++;
  const show = (s: string | undefined) => (s === undefined ? '<end of text>' : JSON.stringify(s.length > 200 ? s.slice(0, 200) + '...' : s));
  return `first difference at line ${i + 1}: cgts dis ${show(al[i])}, printModule ${show(bl[i])}`;
}

function assertOneErrorLine(r: { status: number | null; stdout: string; stderr: string }, what: string): void {
  assert.notEqual(r.status, 0, `${what}: exit status must be non-zero`);
  assert.match(r.stderr, /^cgts: error: [^\n]+\n$/, `${what}: stderr must be one 'cgts: error:' line, got:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, `${what}: no stack trace`);
  assert.equal(r.stdout, '', `${what}: nothing on stdout`);
}

test('cgts dis prints a corpus module exactly as printModule does', (t) => {
  if (missing) return t.skip(missing);
  const m = buildModule('ffi', 'bc');
  const expected = expectedText(m.bitcode);
  const r = cgts(['dis', m.bitcode]);
  assert.equal(r.stderr, '', 'no diagnostics');
  assert.equal(r.status, 0);
  assert.ok(r.stdout === expected, `cgts dis output differs from printModule (${r.stdout.length} vs ${expected.length} chars); ${firstDifference(r.stdout, expected)}`);
});

test('cgts dis -o writes the same text to a file', (t) => {
  if (missing) return t.skip(missing);
  const m = buildModule('int128', 'lto');
  const expected = expectedText(m.bitcode);
  const dir = mkdtempSync(join(tmpdir(), 'cgts-dis-'));
  try {
    const out = join(dir, 'out.ll');
    const r = cgts(['dis', m.bitcode, '-o', out]);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    const written = readFileSync(out, 'utf8');
    assert.ok(written === expected, `the -o file differs from printModule; ${firstDifference(written, expected)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cgts dis on malformed input is one error line, non-zero exit, no stack trace', (t) => {
  if (missing) return t.skip(missing);
  const valid = readFileSync(buildModule('ffi', 'bc').bitcode);
  const dir = mkdtempSync(join(tmpdir(), 'cgts-dis-'));
  try {
    const cases: [string, Uint8Array][] = [
      ['bad-magic.bc', new TextEncoder().encode('this is not bitcode\n')],
      ['empty.bc', new Uint8Array(0)],
      ['truncated.bc', valid.subarray(0, valid.length >> 1)],
    ];
    for (const [name, bytes] of cases) {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      const r = cgts(['dis', p]);
      assertOneErrorLine(r, name);
      assert.ok(r.stderr.includes(name), `${name}: the error names the file: ${r.stderr}`);
    }
    assertOneErrorLine(cgts(['dis', join(dir, 'does-not-exist.bc')]), 'missing file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
