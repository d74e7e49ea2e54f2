// `cargo cgts run` on examples/crates-app, a binary using regex, serde with
// its derive, serde_json, clap's derive, rand, itertools, anyhow, thiserror,
// log with env_logger, crossbeam-channel and rayon from Debian's packaged
// crate sources: it prints and exits exactly as the stock build does, and
// every one of those crates' objects is cgts's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withDir } from '../driver/helpers.js';
import { builtByCgts, cargoSkip, cgtsCargo, copyCrate, filesUnder, membersNotByCgts, projectRoot, stockCargo } from './helpers.js';

const example = join(projectRoot, 'examples', 'crates-app');
const registry = '/usr/share/cargo/registry';
const needed = ['regex', 'serde_json', 'clap', 'clap_derive', 'rand_chacha', 'rayon', 'env_logger', 'crossbeam-channel', 'itertools', 'anyhow', 'thiserror'];

/** Whether Debian's crate sources for the example are installed. */
function haveCrates(): boolean {
  if (!existsSync(registry)) return false;
  const names = readdirSync(registry);
  return needed.every((c) => names.some((n) => n.startsWith(c + '-')));
}
const skip = cargoSkip || (haveCrates() ? false : `crate sources missing under ${registry} (see .ci/debian-packages.txt)`);

test('a binary using real crates behaves as its stock build', { skip }, async () => {
  await withDir('cgts-cargo-crates-', (dir) => {
    copyCrate(example, dir);
    const cases = [['--', 'ab', 'xy'], ['--', '--count', '5', '--seed', '7', 'q'], ['--', '--count', 'many'], ['--', '--help']];
    for (const c of cases) {
      const stock = stockCargo(dir, ['run', '-q', ...c]);
      const ours = cgtsCargo(dir, ['run', '-q', ...c]);
      assert.equal(ours.status, stock.status, `${c.join(' ')}: ${ours.stderr}`);
      assert.equal(ours.stdout, stock.stdout, c.join(' '));
      assert.equal(ours.stderr, stock.stderr, c.join(' '));
    }
    // The cases did something: the round trip, the regex, rayon and the channel all printed.
    const r = stockCargo(dir, ['run', '-q', '--', 'ab']);
    assert.match(r.stdout, /json bytes \d+/);
    assert.match(r.stdout, /channel 30 sum 3135/);

    const deps = join(dir, 'target', 'cgts', 'debug', 'deps');
    for (const crate of ['regex', 'regex_syntax', 'serde', 'serde_json', 'clap', 'rand', 'rayon', 'rayon_core', 'crossbeam_channel', 'itertools', 'anyhow', 'log', 'env_logger']) {
      const rlibs = filesUnder(deps, (n) => n.startsWith(`lib${crate}-`) && n.endsWith('.rlib'));
      assert.equal(rlibs.length, 1, crate);
      assert.deepEqual(membersNotByCgts(rlibs[0]), [], crate);
    }
    const macros = filesUnder(deps, (n) => /^lib(serde_derive|clap_derive|thiserror_impl)-.*\.so$/.test(n));
    assert.equal(macros.length, 3);
    for (const m of macros) assert.ok(builtByCgts(m), m);
    assert.ok(builtByCgts(join(dir, 'target', 'cgts', 'debug', 'crates-app')));
  });
});
