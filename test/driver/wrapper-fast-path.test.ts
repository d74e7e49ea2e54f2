// The rustc wrapper's fast path (bin/cgts-rustc-wrapper inside a `cargo cgts`
// build): which rustc runs get cgts's flags, and libraries made native by the
// build's compile server through its rewrite channel, with errors shown and
// a vanished server reported instead of waited for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, constants, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { readArchive, writeArchive } from '../../src/object/ar.js';
import { ObjectCache } from '../../src/driver/cache.js';
import { startCompileServer } from '../../src/driver/compile-server.js';
import { shimOptionsFromEnv } from '../../src/driver/link-shim.js';
import { openRewriteChannel } from '../../src/driver/rewrite-channel.js';
import { have, projectRoot, withDir } from './helpers.js';

const bin = join(projectRoot, 'bin');
const wrapper = join(bin, 'cgts-rustc-wrapper');

/** A stand-in for rustc: records its arguments, whether the progress descriptor is open, and CGTS_EMIT. */
function fakeRustc(dir: string): string {
  const path = join(dir, 'rustc');
  writeFileSync(path, [
    '#!/bin/sh',
    `printf '%s\\n' "$@" > ${join(dir, 'args')}`,
    `if [ -n "$CGTS_PROGRESS_FD" ] && [ -e /proc/self/fd/$CGTS_PROGRESS_FD ]; then echo open; else echo closed; fi > ${join(dir, 'fd')}`,
    `echo "$CGTS_EMIT" > ${join(dir, 'emit')}`,
    'exit ${FAKE_STATUS:-0}',
    '',
  ].join('\n'));
  chmodSync(path, 0o755);
  return path;
}

/** Runs the wrapper (or another bin/ script) without blocking this process's event loop (a server may be answering it here). */
function runWrapper(args: string[], env: NodeJS.ProcessEnv, cwd: string, script = wrapper): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(script, args, { cwd, env: { ...process.env, CGTS_BIN: bin, CGTS_NODE: process.execPath, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('close', (code) => resolve({ status: code ?? -1, stderr }));
  });
}

test('wrapper fast path: probes and metadata-only runs reach rustc unchanged; code-generating runs get the link shim and lto once', async () => {
  await withDir('cgts-wrapper-', async (dir) => {
    const rustc = fakeRustc(dir);
    const env = { CGTS_SERVER_FIFO: join(dir, 'no-server'), CGTS_SERVER_PID: '1' };
    const argsSeen = () => readFileSync(join(dir, 'args'), 'utf8').trimEnd().split('\n');
    for (const args of [['-vV'], ['-', '--crate-name', '___', '--print=file-names', '--crate-type', 'bin'], ['--crate-name', 'x', '--emit=dep-info,metadata', 'src/lib.rs', '--crate-type', 'lib']]) {
      const r = await runWrapper([rustc, ...args], env, dir);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(argsSeen(), args);
    }
    const binArgs = ['--crate-name', 'app', '--edition=2021', 'src/main.rs', '--crate-type', 'bin', '--emit=dep-info,link', '--check-cfg', 'cfg(feature, values("a b"))', '-C', 'debuginfo=2'];
    let r = await runWrapper([rustc, ...binArgs], env, dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(argsSeen(), [...binArgs, '-Clinker-plugin-lto', `-Clinker=${bin}/cgts-link`], 'arguments with spaces and quotes arrive intact');
    assert.equal(readFileSync(join(dir, 'fd'), 'utf8').trim(), 'open', 'the progress descriptor reaches the link shim');
    assert.equal(readFileSync(join(dir, 'emit'), 'utf8').trim(), 'link');
    r = await runWrapper([rustc, ...binArgs, '-C', 'linker-plugin-lto'], env, dir);
    assert.deepEqual(argsSeen(), [...binArgs, '-C', 'linker-plugin-lto', `-Clinker=${bin}/cgts-link`]);
    r = await runWrapper([rustc, ...binArgs], { ...env, FAKE_STATUS: '3' }, dir);
    assert.equal(r.status, 3, "rustc's exit status is the wrapper's");
    // A wrapper the user had set (sccache, ...) runs rustc, inside ours.
    const inner = join(dir, 'inner');
    writeFileSync(inner, `#!/bin/sh\necho "$1" > ${join(dir, 'inner-ran')}\nexec "$@"\n`);
    chmodSync(inner, 0o755);
    r = await runWrapper([rustc, ...binArgs], { ...env, CGTS_INNER_WRAPPER: inner }, dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'inner-ran'), 'utf8').trim(), rustc, 'the inner wrapper gets the rustc path first');
    assert.deepEqual(argsSeen(), [...binArgs, '-Clinker-plugin-lto', `-Clinker=${bin}/cgts-link`]);
  });
});

test('wrapper and link shim fast paths: a library made native and a program linked through the compile server; errors come back; a vanished server is an error, not a hang', { skip: have('llvm-as-22') ? false : 'llvm-as-22 is not installed' }, async () => {
  await withDir('cgts-wrapper-lib-', async (dir) => {
    const rustc = fakeRustc(dir);
    const bitcode = (name: string, body: string) => {
      writeFileSync(join(dir, name + '.ll'), body);
      const r = spawnSync('llvm-as-22', [name + '.ll', '-o', name + '.bc'], { cwd: dir });
      assert.equal(r.status, 0, String(r.stderr));
      return new Uint8Array(readFileSync(join(dir, name + '.bc')));
    };
    const good = bitcode('good', 'define i32 @f(i32 %x) {\n  %a = mul i32 %x, 3\n  ret i32 %a\n}\n');
    const bad = bitcode('bad', 'define void @g() {\n  call void asm sideeffect "nop", ""()\n  ret void\n}\n');
    const rlib = (name: string, member: Uint8Array) => {
      writeFileSync(join(dir, `lib${name}-0123.rlib`), writeArchive([{ name: 'lib.rmeta', data: new Uint8Array([1, 2, 3]) }, { name: `${name}.cgu.0.rcgu.o`, data: member }]));
    };
    const libArgs = (name: string) => ['--crate-name', name, 'src/lib.rs', '--crate-type', 'lib', '--emit=dep-info,metadata,link', '-C', 'extra-filename=-0123', '--out-dir', '.'];

    const server = await startCompileServer(1);
    const temps = join(dir, 'temps');
    mkdirSync(temps);
    const cacheDir = join(dir, 'cache');
    const cache = new ObjectCache(cacheDir, 1 << 30);
    const cached = () => (readdirSync(cacheDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.o')).length;
    const channel = openRewriteChannel(server.dir, { ...shimOptionsFromEnv({}), cache, tempRoot: temps, progressAfterMs: Infinity, submit: server.submit }, false, 0);
    assert.ok(channel, 'named pipes can be made here');
    try {
      const env = { CGTS_SERVER_FIFO: channel.fifo, CGTS_SERVER_PID: String(process.pid) };
      rlib('good', good);
      let r = await runWrapper([rustc, ...libArgs('good')], env, dir);
      assert.equal(r.status, 0, r.stderr);
      const members = readArchive(new Uint8Array(readFileSync(join(dir, 'libgood-0123.rlib'))), 'libgood.rlib').members;
      assert.deepEqual(members.map((m) => m.name), ['lib.rmeta', 'good.cgu.0.rcgu.o']);
      assert.deepEqual([...members[0].data], [1, 2, 3], 'other members are kept');
      assert.deepEqual([...members[1].data.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46], 'the bitcode member is now an ELF object');
      assert.equal(cached(), 1, "the user's own library's object is kept in the cache");

      // A dependency whose lints cargo caps (registry, git) is made native too, without filling the cache.
      rlib('dep', bitcode('dep', 'define i32 @h(i32 %x) {\n  %a = add i32 %x, 7\n  ret i32 %a\n}\n'));
      r = await runWrapper([rustc, ...libArgs('dep'), '--cap-lints', 'allow'], env, dir);
      assert.equal(r.status, 0, r.stderr);
      const dep = readArchive(new Uint8Array(readFileSync(join(dir, 'libdep-0123.rlib'))), 'libdep.rlib').members;
      assert.deepEqual([...dep[1].data.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46], "the dependency's member is an ELF object");
      assert.equal(cached(), 1, "the dependency's object is not kept");

      rlib('bad', bad);
      r = await runWrapper([rustc, ...libArgs('bad')], env, dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /^cgts: error: .*libbad-0123\.rlib\(bad\.cgu\.0\.rcgu\.o\).*inline assembly/m);
      assert.equal(server.compiled(), 3);

      // The link shim: bitcode inputs compiled by the server, the linker run by the shim, its temporary folder removed.
      const main = bitcode('main', 'define i32 @main() {\n  %r = call i32 @f(i32 5)\n  ret i32 %r\n}\ndeclare i32 @f(i32)\n');
      writeFileSync(join(dir, 'main.o'), main);
      const shim = join(bin, 'cgts-link');
      r = await runWrapper(['-o', 'prog', 'main.o', 'libgood-0123.rlib'], { ...env, CGTS_TIMINGS_FILE: join(dir, 'timings.jsonl') }, dir, shim);
      assert.equal(r.status, 0, r.stderr);
      const record = JSON.parse(readFileSync(join(dir, 'timings.jsonl'), 'utf8')) as { artifact: string; times: { link: number } };
      assert.equal(record.artifact, 'prog');
      assert.ok(record.times.link > 0, 'the link time is recorded for --timings');
      assert.match(r.stderr, /^cgts: compiled 1 bitcode modules in/m, 'progress lines from the server are shown');
      assert.equal(spawnSync(join(dir, 'prog')).status, 15, 'the linked program computes f(5) = 15');
      assert.deepEqual(readdirSync(temps), [], 'no temporary folder outside the cache');
      assert.deepEqual(readdirSync(join(cacheDir, 'links')), [], "the link's folder beside the cache's entries is removed");
      assert.deepEqual(readdirSync(server.dir).sort(), ['rewrite', 'socket'], 'no reply files are left');
      r = await runWrapper(['-o', 'prog2', 'bad.bc'], env, dir, shim);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /^cgts: error: bad\.bc: .*inline assembly/m);
      r = await runWrapper(['-o', 'prog3', 'main.o', 'libgood-0123.rlib'], { ...env, CGTS_LINKER: 'no-such-cc' }, dir, shim);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /cannot run the linker 'no-such-cc': not found/);
    } finally {
      channel.close();
      await server.close();
    }

    // The server's pipe is still there but nobody reads it, and its process is gone.
    const fifo = join(dir, 'stale-fifo');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const dead = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim();
    rlib('good', good);
    const r = await runWrapper([rustc, ...libArgs('good')], { CGTS_SERVER_FIFO: fifo, CGTS_SERVER_PID: dead }, dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /compile server of this build is gone/);
  });
});

test('wrapper fast path: an answer that arrives in pieces, across the read timeout, is put together', async () => {
  await withDir('cgts-wrapper-slow-', async (dir) => {
    const rustc = fakeRustc(dir);
    const fifo = join(dir, 'rewrite');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    // A stand-in server: a progress line, then `=` and, after more than the client's 2 s read timeout, the status.
    const pipe = new Socket({ fd: openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK), readable: true, writable: false });
    const requests: string[] = [];
    pipe.setEncoding('utf8').on('data', (line: string) => {
      requests.push(line);
      const out = openSync(join(dir, `reply-${line.split('\t')[0]}`), constants.O_WRONLY | constants.O_NONBLOCK);
      writeSync(out, '+cgts: a progress line\n=');
      setTimeout(() => {
        writeSync(out, '0\n');
        closeSync(out);
      }, 2600);
    });
    try {
      const r = await runWrapper([rustc, '--crate-name', 'x', 'src/lib.rs', '--crate-type', 'lib', '--out-dir', dir], { CGTS_SERVER_FIFO: fifo, CGTS_SERVER_PID: String(process.pid) }, dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /^cgts: a progress line$/m);
      assert.equal(requests.length, 1);
      assert.match(requests[0], new RegExp(`^\\d+\\trlib\\t${dir}/libx\\.rlib\\n$`));
    } finally {
      pipe.destroy();
    }
  });
});
