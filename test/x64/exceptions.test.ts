// Exceptions through cgts code: try_call landing pads entered by the real
// unwinder (C++ throws under __gxx_personality_v0, Rust panics under the
// LLVM-built std's rust_eh_personality), the same programs compiled from
// LLVM IR by llc-22 as the reference, and the LSDA compared call by call with
// llc-22's for the same function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClifFile } from '../../src/ir/parser.js';
import { verifyOrThrow } from '../../src/ir/verifier.js';
import { compileObject } from '../../src/x64/compile.js';
import { repoRoot } from '../bitcode/corpus.js';
import { must, run, tempDir, writeFile } from '../object/tools.js';
import { decodeLsda, perCall } from './lsda-decode.js';

const has = (cmd: string, arg = '--version') => spawnSync(cmd, [arg]).status === 0;
const haveCxx = has('c++');
const haveCc = has('cc');
const haveLlc = has('llc-22');
const haveRustc = has('rustc');
const ehDir = join(repoRoot, 'test', 'x64', 'eh');
const fixture = (name: string) => readFileSync(join(ehDir, name), 'utf8');

function compileClif(text: string, name: string): Uint8Array {
  const file = parseClifFile(text, name);
  for (const pf of file.functions) verifyOrThrow(pf.func, name, pf.instLines, pf);
  return compileObject(file.functions.map((p) => p.func));
}

function llc(dir: string, ll: string, name: string): string {
  const src = writeFile(dir, name + '.ll', ll);
  const out = join(dir, name + '.o');
  must('llc-22', ['-O0', '-relocation-model=pic', '-filetype=obj', src, '-o', out]);
  return out;
}

test('C++ exceptions land in try_call handlers exactly as in the llc-22 build (cleanup, catch-all, typed catches, filter)', { skip: !(haveCxx && haveLlc) && 'c++ or llc-22 not installed' }, () => {
  const dir = tempDir();
  const driver = writeFile(dir, 'driver.cpp', fixture('cxx-landing-driver.cpp'));
  const ours = writeFile(dir, 'cgts.o', compileClif(fixture('cxx-landing.clif'), 'cxx-landing.clif'));
  const theirs = llc(dir, fixture('cxx-landing.ll'), 'llvm');
  must('c++', ['-o', join(dir, 'cgts'), driver, ours]);
  must('c++', ['-o', join(dir, 'llvm'), driver, theirs]);
  const a = run(join(dir, 'cgts'), []);
  const b = run(join(dir, 'llvm'), []);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  assert.equal(a.stdout, b.stdout);
  const lines = a.stdout.split('\n');
  // the cleanup ran and the exception went on to the driver's catch
  assert.ok(lines.includes('cleanup(1):   note 1') && lines.includes('outer int 42'), a.stdout);
  // typed catches: the selectors of int and const char* differ and are positive; a double only cleans up
  const sel = (k: number) => Number(/types\(\d\): (\d+)/.exec(lines.find((l) => l.startsWith(`types(${k})`))!)![1]) - 2007;
  assert.ok(sel(1) > 0 && sel(2) > 0 && sel(1) !== sel(2), a.stdout);
  assert.ok(lines.includes('types(3):   note 7'), a.stdout);
  // the filter lets the int through and lands (negative selector) for the others
  assert.ok(lines.includes('filter(1): outer int 42') && lines.includes('filter(3): 2999'), a.stdout);
});

test('Rust panics: cleanup resumes to catch_unwind; an empty filter and a catch-all land (rust_eh_personality, selector 0)', { skip: !(haveCc && haveRustc) && 'cc or rustc not installed' }, () => {
  const dir = tempDir();
  const lib = join(dir, 'librs.a');
  must('rustc', ['--edition', '2021', '--crate-type', 'staticlib', '-C', 'panic=unwind', '-o', lib, join(ehDir, 'rust-panics.rs')]);
  const obj = writeFile(dir, 'g.o', compileClif(fixture('rust-landing.clif'), 'rust-landing.clif'));
  const main = writeFile(dir, 'main.c', fixture('rust-landing-main.c'));
  const exe = join(dir, 't');
  must('cc', ['-o', exe, main, obj, lib, '-lpthread', '-ldl', '-lm']);
  const g = run(exe, ['g']);
  assert.equal(g.status, 0, g.stderr);
  // 5 returns 10 (+100); 7 panics: the cleanup sees v2 = 107 plus selector 0, then catch_unwind catches
  assert.equal(g.stdout, '115\nnote 107\ncaught panic: boom 7\n-1\n');
  const f = run(exe, ['f']);
  assert.equal(f.status, 0, f.stderr);
  assert.equal(f.stdout, '10\nnote 0\n-5\n');
  const c = run(exe, ['c']);
  assert.equal(c.status, 0, c.stderr);
  assert.equal(c.stdout, '10\nnote 0\n-6\n');
});

// Calls outside try regions, then try_calls with each kind of landing pad
// (one nounwind call between them), then a call after the last one: the
// call-site table must give every call the same fate as llc-22's does.
const SITES_LL = `
target triple = "x86_64-unknown-linux-gnu"
@ti1 = external constant ptr
@ti2 = external constant ptr
declare void @before(i32)
declare void @inv1(i32)
declare void @inv2(i32)
declare void @inv3(i32)
declare void @inv4(i32)
declare void @inv5(i32)
declare void @inv6(i32)
declare void @inv7(i32)
declare void @after(i32)
declare void @quiet(i32) nounwind
declare i32 @rust_eh_personality(...)
declare void @_Unwind_Resume(ptr)

define void @f(i32 %x) personality ptr @rust_eh_personality {
entry:
  call void @before(i32 0)
  invoke void @inv1(i32 1) to label %n0 unwind label %lp1
n0:
  invoke void @inv7(i32 8) to label %n1 unwind label %lp1
n1:
  call void @quiet(i32 9)
  invoke void @inv2(i32 2) to label %n2 unwind label %lp2
n2:
  invoke void @inv3(i32 3) to label %n3 unwind label %lp3
n3:
  invoke void @inv4(i32 4) to label %n4 unwind label %lp4
n4:
  invoke void @inv5(i32 5) to label %n5 unwind label %lp5
n5:
  invoke void @inv6(i32 6) to label %n6 unwind label %lp4
n6:
  call void @after(i32 7)
  ret void
lp1:
  %a = landingpad { ptr, i32 } cleanup
  %p = extractvalue { ptr, i32 } %a, 0
  call void @_Unwind_Resume(ptr %p)
  unreachable
lp2:
  %b = landingpad { ptr, i32 } catch ptr null
  ret void
lp3:
  %c = landingpad { ptr, i32 } filter [0 x ptr] zeroinitializer
  ret void
lp4:
  %d = landingpad { ptr, i32 } cleanup catch ptr @ti1 catch ptr @ti2
  ret void
lp5:
  %e = landingpad { ptr, i32 } filter [2 x ptr] [ptr @ti1, ptr @ti2]
  ret void
}
`;

const SITES_CLIF = `
function %f(i32) system_v {
    personality = %rust_eh_personality
    sig0 = (i32) system_v
    sig1 = (i64) system_v
    fn0 = %before sig0
    fn1 = %inv1 sig0
    fn2 = %inv2 sig0
    fn3 = %inv3 sig0
    fn4 = %inv4 sig0
    fn5 = %inv5 sig0
    fn6 = %inv6 sig0
    fn7 = %after sig0
    fn8 = %_Unwind_Resume sig1
    sig2 = (i32) system_v nounwind
    fn9 = %quiet sig2
    fn10 = %inv7 sig0

block0(v0: i32):
    v1 = iconst.i32 0
    call fn0(v1)
    v2 = iconst.i32 1
    try_call fn1(v2), sig0, block20, [ cleanup: block10(exn0) ]
block20:
    v21 = iconst.i32 8
    try_call fn10(v21), sig0, block1, [ cleanup: block10(exn0) ]
block1:
    v20 = iconst.i32 9
    call fn9(v20)
    v3 = iconst.i32 2
    try_call fn2(v3), sig0, block2, [ default: block11 ]
block2:
    v4 = iconst.i32 3
    try_call fn3(v4), sig0, block3, [ filter []: block12 ]
block3:
    v5 = iconst.i32 4
    try_call fn4(v5), sig0, block4, [ cleanup: block13, catch %ti1: block13, catch %ti2: block13 ]
block4:
    v6 = iconst.i32 5
    try_call fn5(v6), sig0, block5, [ filter [%ti1, %ti2]: block14 ]
block5:
    v7 = iconst.i32 6
    try_call fn6(v7), sig0, block6, [ cleanup: block13, catch %ti1: block13, catch %ti2: block13 ]
block6:
    v8 = iconst.i32 7
    call fn7(v8)
    return
block10(v9: i64):
    call fn8(v9)
    trap user1
block11:
    return
block12:
    return
block13:
    return
block14:
    return
}
`;

test('the LSDA gives every call the fate llc-22 gives it: no entry, no landing pad, or the same action chain', { skip: !haveLlc && 'llc-22 not installed' }, () => {
  const dir = tempDir();
  const ours = compileClif(SITES_CLIF, 'sites.clif');
  const theirs = readFileSync(llc(dir, SITES_LL, 'sites'));
  const a = decodeLsda(ours), b = decodeLsda(theirs);
  assert.deepEqual([a.lpStartEnc, a.ttEnc, a.csEnc], [b.lpStartEnc, b.ttEnc, b.csEnc]);
  // the same type ids for the same type infos (null = catch-all)
  assert.deepEqual(a.types, b.types);
  const byCallee = (x: ReturnType<typeof perCall>) => new Map(x.map((c) => [c.callee, c.unwinds]));
  const pa = byCallee(perCall(ours)), pb = byCallee(perCall(theirs));
  assert.deepEqual(pa, pb);
  // adjacent try ranges with one landing pad and action merge into one call site, as in LLVM
  assert.equal(a.sites.length, b.sites.length);
  assert.deepEqual(a.sites.map((s) => s.pad > 0), b.sites.map((s) => s.pad > 0));
  // and that fate is the one each landing pad asks for
  assert.equal(pa.get('before'), 'continue');
  assert.equal(pa.get('after'), 'continue');
  assert.equal(pa.get('_Unwind_Resume'), 'continue');
  // a nounwind call between two try ranges has no call site (LLVM's "terminate")
  assert.equal(pa.get('quiet'), 'terminate');
  assert.deepEqual(pa.get('inv1'), { land: [] });
  assert.deepEqual(pa.get('inv7'), { land: [] });
  assert.deepEqual(pa.get('inv2'), { land: [{ kind: 'catch', type: null, id: 1 }] });
  assert.deepEqual(pa.get('inv3'), { land: [{ kind: 'filter', types: [], id: -1 }] });
  assert.deepEqual(pa.get('inv4'), { land: [{ kind: 'catch', type: 'ti1', id: 2 }, { kind: 'catch', type: 'ti2', id: 3 }, { kind: 'cleanup' }] });
  assert.deepEqual(pa.get('inv5'), { land: [{ kind: 'filter', types: ['ti1', 'ti2'], id: -2 }] });
  assert.deepEqual(pa.get('inv6'), pa.get('inv4'));
});

test('a function without handlers has no LSDA and no personality; one with handlers names DW.ref.<personality> in its CIE', { skip: !has('llvm-dwarfdump-22') && 'llvm-dwarfdump-22 not installed' }, () => {
  const dir = tempDir();
  const plain = writeFile(dir, 'plain.o', compileClif(`
function %p(i32) system_v {
    personality = %rust_eh_personality
    sig0 = (i32) system_v
    fn0 = %g sig0
block0(v0: i32):
    try_call fn0(v0), sig0, block1, []
block1:
    return
}`, 'plain.clif'));
  const eh = must('llvm-dwarfdump-22', ['--eh-frame', plain]);
  assert.match(eh, /Augmentation: +"zR"/);
  assert.ok(!must('readelf', ['-S', plain]).includes('gcc_except_table'));
  const withPad = writeFile(dir, 'pad.o', compileClif(SITES_CLIF, 'sites.clif'));
  const eh2 = must('llvm-dwarfdump-22', ['--eh-frame', withPad]);
  assert.match(eh2, /Augmentation: +"zPLR"/);
  assert.match(eh2, /Augmentation data: +9B 00 00 00 00 1B 1B/);
  assert.match(eh2, /LSDA Address:/);
  const relocs = must('readelf', ['-rW', withPad]);
  assert.match(relocs, /R_X86_64_PC32 +0+ DW\.ref\.rust_eh_personality \+ 0/);
  assert.match(relocs, /R_X86_64_64 +0+ rust_eh_personality \+ 0/);
  const syms = must('readelf', ['-sW', withPad]);
  assert.match(syms, /OBJECT +WEAK +HIDDEN +\d+ DW\.ref\.rust_eh_personality/);
});

test('values live into a landing pad survive the unwind: callee-saved registers, integer and float spill slots, permuted block arguments, a realigned frame; try_call_indirect', { skip: !(haveCxx && has('llvm-dwarfdump-22')) && 'c++ or llvm-dwarfdump-22 not installed' }, () => {
  const dir = tempDir();
  const obj = compileClif(fixture('cxx-live.clif'), 'cxx-live.clif');
  // more integers than callee-saved registers cross the call, so some are in spill slots
  const dis = must('objdump', ['-d', writeFile(dir, 'live.o', obj)]);
  assert.match(dis, /push +%r15/);
  // at the landing pad (placed after the blocks) the CFI says what it says in the body
  const sites = decodeLsda(obj).sites.filter((x) => x.pad > 0);
  assert.ok(sites.length > 0);
  const fde = must('llvm-dwarfdump-22', ['--eh-frame', join(dir, 'live.o')]).split(/\n(?=[0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} FDE)/)[1];
  const rows = [...fde.matchAll(/^ +0x([0-9a-f]+): (CFA=.*)$/gm)].map((m) => ({ at: parseInt(m[1], 16), row: m[2] }));
  const rowAt = (a: number) => rows.filter((x) => x.at <= a).pop()!.row;
  for (const { start, pad } of sites) {
    // the body's row: CFA off rsp (no frame pointer), every callee-saved register kept
    assert.equal(rowAt(pad), rowAt(start), `row at landing pad 0x${pad.toString(16)} and at its call site`);
    assert.match(rowAt(pad), /^CFA=RSP\+\d+: RBX=\[CFA-16\], R12=\[CFA-24\], R13=\[CFA-32\], R14=\[CFA-40\], R15=\[CFA-48\]/, `row at landing pad 0x${pad.toString(16)}`);
  }
  const exe = join(dir, 'live');
  must('c++', ['-o', exe, join(ehDir, 'cxx-live-main.cpp'), join(dir, 'live.o')]);
  const r = run(exe, []);
  assert.equal(r.status, 0, r.stderr);
  // normal path: 186k - 3 + (6k + 3) + thrower(k) with k = 0; landing: 192k + 1e6
  // t_indirect: thrower(k - 2) then thrower(k); a throw lands with the slot's value of the time (500, then 600)
  assert.equal(r.stdout, ['10', 1000000 + 192, 1000000 + 384, 1000000 + 576, 18, 600, 600, 500].join('\n') + '\n');
});
