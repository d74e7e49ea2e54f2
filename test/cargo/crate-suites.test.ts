// Real crates' own test suites under `cargo cgts test`: each crate Debian
// packages under /usr/share/cargo/registry is copied out, built offline
// against that registry and tested by stock `cargo test` and by `cargo cgts
// test`; the same tests (unit, integration and doc tests) must run with the
// same outcomes, and every test binary must carry cgts's `.comment`. Debian
// bookworm's copies of these crates build as shipped: no manifest entry names
// a file or a crate Debian lacks.
// CGTS_CRATE_SUITES=memchr,url runs only the crates named.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../driver/helpers.js';

const REGISTRY = '/usr/share/cargo/registry';

interface Suite {
  crate: string;
  /** Crates of its dev-dependencies and optional dependencies: cargo resolves the crate with all of them. */
  needs: string[];
}

const SUITES: Suite[] = [
  { crate: 'memchr', needs: ['libc', 'quickcheck', 'compiler_builtins', 'rustc-std-workspace-core'] },
  { crate: 'smallvec', needs: ['arbitrary', 'serde', 'bincode'] },
  { crate: 'indexmap', needs: ['arbitrary', 'hashbrown', 'quickcheck', 'rayon', 'serde', 'fnv', 'fxhash', 'itertools', 'lazy_static', 'rand', 'serde_derive', 'autocfg'] },
  { crate: 'serde_json', needs: ['indexmap', 'itoa', 'ryu', 'serde', 'automod', 'indoc', 'ref-cast', 'rustversion', 'serde_bytes', 'serde_derive', 'serde_stacker', 'trybuild'] },
  { crate: 'regex-syntax', needs: [] },
  { crate: 'num-bigint', needs: ['arbitrary', 'num-integer', 'num-traits', 'quickcheck', 'rand', 'serde', 'autocfg'] },
  { crate: 'crossbeam-utils', needs: ['cfg-if', 'rand', 'rustversion'] },
  { crate: 'semver', needs: ['serde'] },
  { crate: 'url', needs: ['form_urlencoded', 'idna', 'percent-encoding', 'serde', 'serde_json'] },
];

const CONFIG = `[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "${REGISTRY}"
[net]
offline = true
`;

/** Debian's package for a crate's sources. */
const debPackage = (crate: string): string => `librust-${crate.replace(/_/g, '-').toLowerCase()}-dev`;

function versionKey(v: string): number[] {
  return v.split(/[.+-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : -1));
}

/** The registry folder of the newest version of `crate`, or null. */
function registryDir(crate: string): string | null {
  if (!existsSync(REGISTRY)) return null;
  const versions = readdirSync(REGISTRY)
    .filter((d) => d.startsWith(crate + '-') && /^\d/.test(d.slice(crate.length + 1)))
    .map((d) => d.slice(crate.length + 1))
    .sort((a, b) => {
      const x = versionKey(a);
      const y = versionKey(b);
      for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
      return 0;
    });
  return versions.length ? join(REGISTRY, `${crate}-${versions[versions.length - 1]}`) : null;
}

/** Why a suite cannot run here, or '' when it can. */
function skipReason(s: Suite): string {
  if (spawnSync('cargo', ['--version']).status !== 0) return 'cargo is not installed';
  if (spawnSync('readelf', ['--version']).status !== 0) return 'readelf is not installed';
  const only = process.env.CGTS_CRATE_SUITES;
  if (only && !only.split(',').includes(s.crate)) return `not in CGTS_CRATE_SUITES=${only}`;
  const missing = [s.crate, ...s.needs].filter((c) => registryDir(c) === null).map(debPackage);
  if (missing.length) return `not installed: ${missing.join(' ')} (crate sources under ${REGISTRY}; see .ci/debian-packages.txt)`;
  return '';
}

interface Run {
  status: number | null;
  seconds: number;
  log: string;
}

/** Runs a command in `cwd` with stdout and stderr in one log (so cargo's "Running" lines stay in order with libtest's). */
function run(cmd: string, args: string[], cwd: string, logFile: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, CARGO_TERM_COLOR: 'never', CARGO_TERM_PROGRESS_WHEN: 'never', RUST_BACKTRACE: '0' };
  for (const k of ['RUSTC_WRAPPER', 'RUSTC_WORKSPACE_WRAPPER', 'CARGO_TARGET_DIR', 'RUSTFLAGS', 'RUSTDOCFLAGS', 'CARGO_ENCODED_RUSTFLAGS', 'CARGO_BUILD_RUSTFLAGS', 'CGTS_CRATE_SUITES']) delete env[k];
  const fd = openSync(logFile, 'w');
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
    p.on('error', (e) => {
      closeSync(fd);
      reject(e);
    });
    p.on('close', (status) => {
      closeSync(fd);
      resolve({ status, seconds: (performance.now() - start) / 1000, log: readFileSync(logFile, 'utf8') });
    });
  });
}

interface Outcomes {
  /** suite ("unittests src/lib.rs", "tests/foo.rs", "doc-tests name") -> test name -> ok | FAILED | ignored */
  tests: Map<string, Map<string, string>>;
  /** suite -> its "test result:" counts (passed, failed, ignored, measured, filtered out) */
  results: Map<string, string>;
  /** test binaries cargo ran, relative to the crate's folder */
  binaries: string[];
}

/** Reads cargo's and libtest's lines out of a `cargo test` log. */
function parseCargoTest(log: string): Outcomes {
  const out: Outcomes = { tests: new Map(), results: new Map(), binaries: [] };
  let suite = '(before any test binary)';
  for (const line of log.split('\n')) {
    let m = /^\s+Running (.+?) \((.+)\)$/.exec(line);
    if (m) {
      suite = m[1]!;
      out.binaries.push(m[2]!);
      continue;
    }
    m = /^\s+Doc-tests (\S+)$/.exec(line);
    if (m) {
      suite = 'doc-tests ' + m[1]!;
      continue;
    }
    m = /^test (.+?) \.\.\. (ok|FAILED|ignored)(?:, .*)?$/.exec(line);
    if (m) {
      let names = out.tests.get(suite);
      if (!names) out.tests.set(suite, (names = new Map()));
      assert.ok(!names.has(m[1]!), `test ${m[1]} of ${suite} reported twice`);
      names.set(m[1]!, m[2]!);
      continue;
    }
    m = /^test result: (\w+)\. (\d+) passed; (\d+) failed; (\d+) ignored; (\d+) measured; (\d+) filtered out/.exec(line);
    if (m) out.results.set(suite, m.slice(1).join(' '));
  }
  return out;
}

/** The differences between two runs' outcomes, one line each. */
function compareOutcomes(stock: Outcomes, cgts: Outcomes): string[] {
  const diffs: string[] = [];
  const suites = new Set([...stock.tests.keys(), ...cgts.tests.keys(), ...stock.results.keys(), ...cgts.results.keys()]);
  for (const s of [...suites].sort()) {
    const a = stock.tests.get(s) ?? new Map<string, string>();
    const b = cgts.tests.get(s) ?? new Map<string, string>();
    for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      if (a.get(name) !== b.get(name)) diffs.push(`${s}: ${name}: stock ${a.get(name) ?? 'did not run'}, cgts ${b.get(name) ?? 'did not run'}`);
    }
    const ra = stock.results.get(s);
    const rb = cgts.results.get(s);
    if (ra !== rb) diffs.push(`${s}: test result: stock ${ra ?? 'none'}, cgts ${rb ?? 'none'}`);
  }
  return diffs;
}

const count = (o: Outcomes): number => [...o.tests.values()].reduce((n, m) => n + m.size, 0);

for (const s of SUITES) {
  test(`cargo cgts test: ${s.crate}`, { timeout: 90 * 60_000 }, async (t) => {
    const reason = skipReason(s);
    if (reason) return t.skip(reason);
    const src = registryDir(s.crate)!;
    const dir = mkdtempSync(join(tmpdir(), `cgts-suite-${s.crate}-`));
    try {
      const crate = join(dir, s.crate);
      cpSync(src, crate, { recursive: true });
      mkdirSync(join(crate, '.cargo'), { recursive: true });
      writeFileSync(join(crate, '.cargo', 'config.toml'), CONFIG);

      const common = ['test', '-j2', '--no-fail-fast'];
      const stock = await run('cargo', [...common, '--target-dir', 'target/stock'], crate, join(dir, 'stock.log'));
      const stockOut = parseCargoTest(stock.log);
      assert.ok(count(stockOut) > 0, `stock cargo test ran no tests (exit ${stock.status}); its log ends:\n${stock.log.slice(-3000)}`);

      const cgts = await run(process.execPath, [join(projectRoot, 'bin', 'cargo-cgts.js'), 'cgts', ...common], crate, join(dir, 'cgts.log'));
      const cgtsOut = parseCargoTest(cgts.log);
      t.diagnostic(`${s.crate} (${src}): ${count(stockOut)} tests; stock cargo test ${stock.seconds.toFixed(1)} s, cargo cgts test ${cgts.seconds.toFixed(1)} s`);
      const errors = cgts.log.split('\n').filter((l) => l.startsWith('cgts: error') || l.startsWith('error')).slice(0, 20);
      assert.equal(cgts.status, stock.status, `cargo cgts test exited ${cgts.status}, stock cargo test ${stock.status}\n${errors.join('\n')}\n(log: ${cgts.log.slice(-2000)})`);

      const diffs = compareOutcomes(stockOut, cgtsOut);
      assert.deepEqual(diffs.slice(0, 50), [], `${diffs.length} differences between stock and cgts`);

      assert.equal(cgtsOut.binaries.length, stockOut.binaries.length);
      for (const bin of cgtsOut.binaries) {
        assert.match(bin, /^target\/cgts\//, `cargo cgts ran ${bin}, outside target/cgts`);
        const r = spawnSync('readelf', ['-p', '.comment', join(crate, bin)], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /cgts/, `${bin} was not built by cgts: its .comment is\n${r.stdout}`);
      }
    } finally {
      if (process.env.CGTS_KEEP_TEMPS) t.diagnostic(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('parseCargoTest: suites, outcomes (ignored with a reason too), results and binaries', () => {
  const log = [
    '   Compiling x v0.1.0 (/tmp/x)',
    '     Running unittests src/lib.rs (target/cgts/debug/deps/x-0123)',
    '',
    'running 3 tests',
    'test a::b ... ok',
    'test c ... ignored, needs a network',
    'test d ... FAILED',
    'test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 2 filtered out; finished in 0.01s',
    '   Doc-tests x',
    'test src/lib.rs - f (line 3) ... ok',
    'test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.20s',
  ].join('\n');
  const o = parseCargoTest(log);
  assert.deepEqual([...o.tests.get('unittests src/lib.rs')!], [['a::b', 'ok'], ['c', 'ignored'], ['d', 'FAILED']]);
  assert.deepEqual([...o.tests.get('doc-tests x')!], [['src/lib.rs - f (line 3)', 'ok']]);
  assert.deepEqual([...o.results], [['unittests src/lib.rs', 'FAILED 1 1 1 0 2'], ['doc-tests x', 'ok 1 0 0 0 0']]);
  assert.deepEqual(o.binaries, ['target/cgts/debug/deps/x-0123']);
  const other = parseCargoTest(log.replace('test d ... FAILED', 'test d ... ok'));
  assert.deepEqual(compareOutcomes(o, other), ['unittests src/lib.rs: d: stock FAILED, cgts ok']);
});
