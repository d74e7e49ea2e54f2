// The parts `cargo cgts` is made of, one at a time: which rustc runs the
// wrapper sends through cgts, the arguments and environment cargo gets, the
// object cache, and the compile server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatesCode } from '../../src/driver/rustc-wrapper.js';
import { planCargo } from '../../src/driver/cmd-cargo.js';
import { ObjectCache } from '../../src/driver/cache.js';
import { compileOnServer, startCompileServer } from '../../src/driver/compile-server.js';
import { CgtsError } from '../../src/support/diag.js';
import { crateOfArtifact, renderReport, slowestModules, summarize } from '../../src/driver/timings.js';
import { have, projectRoot, withDir } from './helpers.js';

test('the wrapper: probes and metadata-only builds go to rustc as they are; everything else generates code', () => {
  for (const args of [['-vV'], ['-', '--crate-name', '___', '--print=file-names', '--crate-type', 'bin'], ['--print', 'sysroot'], ['--emit=dep-info,metadata', 'src/lib.rs'], ['--emit', 'metadata', 'a.rs']]) {
    assert.equal(generatesCode(args), false, args.join(' '));
  }
  for (const args of [['a.rs'], ['--emit=dep-info,metadata,link', 'src/lib.rs'], ['--emit', 'obj', 'a.rs'], ['--emit=llvm-ir,metadata', 'a.rs'], ['--emit=link=out/x', 'a.rs']]) {
    assert.equal(generatesCode(args), true, args.join(' '));
  }
});

test('planCargo: the wrapper, our own target directory, the cache in it, doc test flags, cgts options taken out', () => {
  const root = '/w/proj';
  const p = planCargo(['build', '--fallback', '-p', 'x', '--', '--fallback'], {}, '/w/proj/sub', () => root, 'c0ffee0123456789abcdef');
  assert.deepEqual(p.args, ['build', '-p', 'x', '--', '--fallback'], 'only the cgts option before -- is taken');
  assert.equal(p.env.CGTS_FALLBACK, '1');
  // cargo reaches the wrapper through a link named by cgts's code hash, so its cache of rustc's answers follows cgts's code
  assert.equal(p.env.RUSTC_WRAPPER, '/w/proj/target/cgts/cgts-bin/rustc-wrapper-c0ffee0123456789');
  assert.deepEqual(p.wrapperLink, { path: p.env.RUSTC_WRAPPER, target: join(projectRoot, 'bin', 'cgts-rustc-wrapper') });
  assert.equal(p.env.CARGO_CACHE_RUSTC_INFO, undefined);
  assert.equal(p.env.CARGO_TARGET_DIR, '/w/proj/target/cgts');
  assert.equal(p.env.CGTS_CACHE_DIR, '/w/proj/target/cgts/cgts-cache');
  assert.equal(p.env.RUSTDOCFLAGS, `-Clinker-plugin-lto -Clinker=${join(projectRoot, 'bin', 'cgts-link')}`);
  assert.equal(p.env.CGTS_PROGRESS, 'link');
  assert.equal(p.help, false);

  // The user's choices stand: --target-dir, CARGO_TARGET_DIR, RUSTDOCFLAGS, an outer wrapper, -q.
  const q = planCargo(['test', '-q', '--target-dir', 'out'], { RUSTDOCFLAGS: '--cfg docs', RUSTC_WRAPPER: 'sccache' }, '/w', () => assert.fail('not located'), 'h');
  assert.equal(q.env.CARGO_TARGET_DIR, undefined);
  assert.equal(q.env.CGTS_CACHE_DIR, '/w/out/cgts-cache');
  assert.match(q.env.RUSTDOCFLAGS, /^--cfg docs -Clinker-plugin-lto /);
  assert.equal(q.env.CGTS_INNER_WRAPPER, 'sccache');
  assert.equal(q.env.CGTS_PROGRESS, 'none');
  const e = planCargo(['test'], { CARGO_TARGET_DIR: '/t', CARGO_ENCODED_RUSTDOCFLAGS: '--cfg\x1fdocs' }, '/w', () => assert.fail('not located'), 'h');
  assert.equal(e.env.CGTS_CACHE_DIR, '/t/cgts-cache');
  assert.equal(e.env.CARGO_ENCODED_RUSTDOCFLAGS.split('\x1f').length, 4);
  assert.equal(e.env.RUSTDOCFLAGS, undefined);
  // Outside a workspace (cargo new ...) no target directory is forced, and with no place for the link cargo's cache of rustc's answers is off.
  const n = planCargo(['new', 'x'], {}, '/w', () => '', 'h');
  assert.equal(n.env.CARGO_TARGET_DIR, undefined);
  assert.equal(n.wrapperLink, null);
  assert.equal(n.env.RUSTC_WRAPPER, join(projectRoot, 'bin', 'cgts-rustc-wrapper'));
  assert.equal(n.env.CARGO_CACHE_RUSTC_INFO, '0');
  // A nested cargo cgts (a build script running cargo cgts) finds cgts's own wrapper set and does not wrap it twice.
  assert.equal(planCargo(['build'], { RUSTC_WRAPPER: p.env.RUSTC_WRAPPER }, '/w', () => '/w', 'h').env.CGTS_INNER_WRAPPER, undefined);
  assert.equal(planCargo([], {}, '/w', () => '', 'h').help, true);
  assert.equal(planCargo(['--help'], {}, '/w', () => '', 'h').help, true);
  assert.equal(planCargo(['build', '--help'], {}, '/w', () => '', 'h').help, false, "cargo's own help for a command");
});

test('object cache: keys follow bytes and options; entries round-trip; the least recently used go above the limit', async () => {
  await withDir('cgts-cache-', (dir) => {
    const cache = new ObjectCache(join(dir, 'c'), 10_000);
    const a = new Uint8Array([1, 2, 3]);
    const k = cache.key(a, 'obj');
    assert.equal(cache.key(new Uint8Array([1, 2, 3]), 'obj'), k);
    assert.notEqual(cache.key(new Uint8Array([1, 2, 4]), 'obj'), k);
    assert.notEqual(cache.key(a, 'obj -g'), k);
    assert.equal(cache.get(k), null);
    cache.put(k, new Uint8Array([9, 9]));
    assert.deepEqual([...cache.get(k)!], [9, 9]);
    assert.deepEqual(cache.stats, { hits: 1, misses: 1 });
    // A folder that goes away under a long-lived process (cargo clean beside a daemon) is made again.
    rmSync(join(dir, 'c'), { recursive: true });
    cache.put(k, new Uint8Array([8]));
    assert.deepEqual([...cache.get(k)!], [8]);

    // Twelve 1,000-byte entries against a 10,000-byte limit: trimmed to 80%, oldest first.
    const keys: string[] = [];
    for (let i = 0; i < 12; i++) {
      const key = cache.key(new Uint8Array([i]), 'obj');
      keys.push(key);
      cache.put(key, new Uint8Array(1000).fill(i));
      const p = join(dir, 'c', key.slice(0, 2), key.slice(2) + '.o');
      utimesSync(p, new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    cache.get(keys[0]); // used now: the newest
    cache.trim();
    const left = keys.filter((key) => existsSync(join(dir, 'c', key.slice(0, 2), key.slice(2) + '.o')));
    assert.ok(left.includes(keys[0]), 'a recently used entry stays');
    assert.ok(!left.includes(keys[1]) && !left.includes(keys[2]), 'the oldest go');
    assert.ok(left.includes(keys[11]));
    let total = 0;
    for (const b of readdirSync(join(dir, 'c'))) for (const f of readdirSync(join(dir, 'c', b))) total += statSync(join(dir, 'c', b, f)).size;
    assert.ok(total <= 8000, `trimmed to 80% of the limit (${total})`);
    // Later writes of the same process are counted without a scan, and passing the limit trims again.
    for (let i = 20; i < 25; i++) cache.put(cache.key(new Uint8Array([i]), 'obj'), new Uint8Array(1000).fill(i));
    cache.trim();
    total = 0;
    for (const b of readdirSync(join(dir, 'c'))) for (const f of readdirSync(join(dir, 'c', b))) total += statSync(join(dir, 'c', b, f)).size;
    assert.ok(total <= 8000, `trimmed again once over the limit (${total})`);
    // No temporary files are left behind.
    for (const b of readdirSync(join(dir, 'c'))) for (const f of readdirSync(join(dir, 'c', b))) assert.ok(f.endsWith('.o'), f);
  });
});

test('a cache that cannot be written costs time, never the build', async () => {
  await withDir('cgts-cache-ro-', (dir) => {
    writeFileSync(join(dir, 'file'), 'x');
    const cache = new ObjectCache(join(dir, 'file', 'below'), 1 << 20); // under a regular file: mkdir fails
    const k = cache.key(new Uint8Array([1]), 'obj');
    cache.put(k, new Uint8Array([1]));
    assert.equal(cache.get(k), null);
    cache.trim();
  });
});

test('timing records: crates from artifact names, steps summed per crate, cut lines skipped, HTML escaped', () => {
  assert.equal(crateOfArtifact('/t/debug/deps/libregex_syntax-0123456789abcdef.rlib'), 'regex_syntax');
  assert.equal(crateOfArtifact('/t/debug/deps/libserde_derive-0123456789abcdef.so'), 'serde_derive');
  assert.equal(crateOfArtifact('/t/debug/deps/app-0123456789abcdef'), 'app');
  const lines = [
    { artifact: 'x/libfoo-0123456789abcdef.rlib', module: 'a.o', times: { read: 1, codegen: 4, debuginfo: 2, later: 0.5 } },
    { artifact: 'x/libfoo-0123456789abcdef.rlib', module: 'b.o', cached: true, times: {} },
    { artifact: 'x/app-0123456789abcdef', module: 'm.o', times: { translate: 10 } },
    { artifact: 'x/app-0123456789abcdef', module: '', times: { link: 7 } },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n{"artifact": "cut';
  const rows = summarize(lines);
  assert.deepEqual(rows.map((r) => [r.crate, r.modules, r.cached, r.total]), [['app', 1, 0, 17], ['foo', 2, 1, 7.5]]);
  const html = renderReport(lines, 'a <b> report');
  assert.match(html, /<title>a &lt;b&gt; report<\/title>/);
  assert.match(html, /<tr><td>app<\/td><td>1<\/td><td>0<\/td>/);
  // every step has its column (a step the report does not know goes under other), and a row's columns add up to its total
  const rowsOf = (re: RegExp) => html.match(re) ?? [];
  const addsUp = (row: string, skip: number) => {
    const cells = [...row.matchAll(/<td>([\d.]+)<\/td>/g)].map((m) => Number(m[1]));
    const steps = cells.slice(skip, -1), total = cells[cells.length - 1]!;
    assert.ok(Math.abs(steps.reduce((a, b) => a + b, 0) - total) < 0.01, row);
  };
  // crate rows (crate, modules, cached, steps, total) and code unit rows (crate, code unit, steps, total)
  for (const row of rowsOf(/<tr><td>\w+<\/td><td>\d+<\/td>.*<\/tr>/g)) addsUp(row, 2);
  for (const row of rowsOf(/<tr><td>\w+<\/td><td>\w+\.o<\/td>.*<\/tr>/g)) addsUp(row, 0);
  assert.equal(rowsOf(/<tr><td>\w+<\/td><td>\w+\.o<\/td>.*<\/tr>/g).length, 2);
  // the slowest code units: compiled ones only (not cached, not links), slowest first, named by member or file
  assert.deepEqual(slowestModules(lines, 5).map((m) => [m.crate, m.module, m.total]), [['app', 'm.o', 10], ['foo', 'a.o', 7.5]]);
  assert.match(html, /<tr><td>app<\/td><td>m\.o<\/td>(<td>[\d.]+<\/td>){2}<td>10\.0<\/td>/);
  assert.match(html, /<tr><td>foo<\/td><td>2<\/td><td>1<\/td><td>1\.0<\/td>(<td>[\d.]+<\/td>){4}<td>2\.0<\/td>.*<td>0\.5<\/td><td>7\.5<\/td><\/tr>/);
});

const llvmSkip = have('llvm-as-22') ? false : 'llvm-as-22 is not installed';

test('compile server: modules from several clients compiled by warm workers; errors come back located; it cleans up', { skip: llvmSkip }, async () => {
  await withDir('cgts-server-test-', async (dir) => {
    const bitcode = (name: string, body: string) => {
      writeFileSync(join(dir, name + '.ll'), body);
      const r = spawnSync('llvm-as-22', [name + '.ll', '-o', name + '.bc'], { cwd: dir });
      assert.equal(r.status, 0, String(r.stderr));
      return new Uint8Array(spawnSync('cat', [join(dir, name + '.bc')]).stdout);
    };
    const good = (k: number) => bitcode(`m${k}`, `define i32 @f${k}(i32 %x) {\n  %a = mul i32 %x, ${k}\n  ret i32 %a\n}\n`);
    const bad = bitcode('bad', 'define void @g() {\n  call void asm sideeffect "nop", ""()\n  ret void\n}\n');
    const server = await startCompileServer(2);
    try {
      const jobsA = [0, 1, 2].map((k) => ({ bytes: good(k), name: `a${k}.bc` }));
      const jobsB = [{ bytes: good(7), name: 'b.bc' }, { bytes: bad, name: 'bad.bc' }];
      const [ra, rb] = await Promise.all([compileOnServer(server.path, jobsA, false), compileOnServer(server.path, jobsB, true)]);
      for (const o of ra) {
        assert.equal(o.error, null);
        assert.deepEqual([...o.object!.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46], 'an ELF object');
      }
      assert.equal(rb[0].error, null);
      assert.match(rb[0].clif!, /function %f7/);
      assert.ok(rb[1].error instanceof CgtsError);
      assert.match(rb[1].error!.message, /inline assembly/);
      assert.match((rb[1].error as CgtsError).describe(), /bad\.bc/);
      assert.equal(server.compiled(), 5);
    } finally {
      await server.close();
    }
    assert.ok(!existsSync(dirname(server.path)), 'the socket folder is removed');
    await assert.rejects(compileOnServer(server.path, [{ bytes: good(1), name: 'x' }], false), 'a closed server is an error the caller falls back from');
  });
});
