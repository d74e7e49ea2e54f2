// Unwinding through cgts frames: _Unwind_Backtrace from C called by cgts code
// walks through the cgts frames to main; a C++ exception crosses a cgts frame
// and is caught with the caller's callee-saved values intact; .eh_frame has
// one FDE per function covering exactly its bytes (llvm-dwarfdump, readelf).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseClifFile } from '../../src/ir/parser.js';
import { compileModule, compileObject } from '../../src/x64/compile.js';

const has = (cmd: string, arg = '--version') => spawnSync(cmd, [arg]).status === 0;
const haveCc = has('cc');
const haveCxx = has('c++');
const DWARFDUMP = 'llvm-dwarfdump-22';
const haveDwarfdump = has(DWARFDUMP);
const haveBinutils = has('nm') && has('readelf');

function sh(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

function withDir<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'cgts-unwind-'));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function objectFor(clif: string, functionSections = true): Uint8Array {
  const file = parseClifFile(clif, 'unwind.clif');
  return compileObject(file.functions.map((p) => p.func), { functionSections });
}

/** Symbol -> [address, size] from `nm -S`. */
function symbolRanges(path: string): Map<string, [bigint, bigint]> {
  const m = new Map<string, [bigint, bigint]>();
  for (const line of sh('nm', ['-S', path]).split('\n')) {
    const p = /^([0-9a-f]+) ([0-9a-f]+) [TtWw] (\S+)$/.exec(line.trim());
    if (p) m.set(p[3]!, [BigInt('0x' + p[1]), BigInt('0x' + p[2])]);
  }
  return m;
}

/** FDEs from `llvm-dwarfdump --eh-frame`: offset in the section and [pcBegin, pcEnd). */
function fdes(path: string): { offset: number; begin: bigint; end: bigint }[] {
  const out: { offset: number; begin: bigint; end: bigint }[] = [];
  for (const line of sh(DWARFDUMP, ['--eh-frame', path]).split('\n')) {
    const p = /^([0-9a-f]{8}) [0-9a-f]+ [0-9a-f]+ FDE cie=[0-9a-f]+ pc=([0-9a-f]+)\.\.\.([0-9a-f]+)/.exec(line);
    if (p) out.push({ offset: parseInt(p[1]!, 16), begin: BigInt('0x' + p[2]), end: BigInt('0x' + p[3]) });
  }
  return out;
}

// A cgts frame with a stack slot and values live across a call, called by a
// second cgts frame that keeps many values live (callee-saved registers).
const CHAIN_CLIF = `
function %cg_mid(i64) -> i64 {
    ss0 = explicit_slot 40
    sig0 = (i64, i64) -> i64
    fn0 = %c_leaf sig0
block0(v0: i64):
    v1 = stack_addr.i64 ss0
    store v0, v1+16
    v2 = iconst.i64 3
    v3 = imul v0, v2
    v4 = iadd v3, v0
    v5 = call fn0(v3, v1)
    v6 = load.i64 v1+16
    v7 = iadd v5, v6
    v8 = iadd v7, v3
    v9 = iadd v8, v4
    return v9
}

function %cg_outer(i64) -> i64 {
    sig0 = (i64) -> i64
    fn0 = %cg_mid sig0
block0(v0: i64):
    v1 = iadd v0, v0
    v2 = iadd v1, v0
    v3 = iadd v2, v1
    v4 = iadd v3, v2
    v5 = iadd v4, v3
    v6 = iadd v5, v4
    v7 = iadd v6, v5
    v8 = iadd v7, v6
    v9 = iadd v8, v7
    v10 = call fn0(v9)
    v11 = iadd v10, v1
    v12 = iadd v11, v2
    v13 = iadd v12, v3
    v14 = iadd v13, v4
    v15 = iadd v14, v5
    v16 = iadd v15, v6
    v17 = iadd v16, v7
    v18 = iadd v17, v8
    return v18
}
`;

/** What CHAIN_CLIF computes for cg_outer(x) when c_leaf(a, slot) returns leaf(a, slot[2]). */
function chainResult(x: bigint, leaf: (a: bigint, stored: bigint) => bigint): bigint {
  const v = [x];
  v.push(x + x);
  v.push(v[1]! + x);
  for (let k = 3; k <= 9; k++) v.push(v[k - 1]! + v[k - 2]!);
  const m = v[9]!;
  const mid = leaf(m * 3n, m) + m + m * 3n + (m * 3n + m);
  let r = mid;
  for (let k = 1; k <= 8; k++) r += v[k]!;
  return r;
}

test('_Unwind_Backtrace walks from C through two cgts frames to main', { skip: !(haveCc && haveBinutils) && 'cc or binutils not installed' }, () => {
  withDir((dir) => {
    writeFileSync(join(dir, 'cg.o'), objectFor(CHAIN_CLIF));
    writeFileSync(join(dir, 'main.c'), `
#include <stdio.h>
#include <stdint.h>
#include <unwind.h>
long cg_outer(long);
static uintptr_t ips[128];
static int nips, reason;
static _Unwind_Reason_Code record(struct _Unwind_Context *ctx, void *arg) {
  (void)arg;
  if (nips < 128) ips[nips++] = _Unwind_GetIP(ctx);
  return _URC_NO_REASON;
}
__attribute__((noinline)) long c_leaf(long x, long *slot) {
  reason = _Unwind_Backtrace(record, 0);
  return x * 2 + slot[2];
}
int main(void) {
  long r = cg_outer(5);
  printf("main %lx\\nresult %ld\\nreason %d\\n", (unsigned long)(uintptr_t)main, r, reason);
  for (int i = 0; i < nips; i++) printf("ip %lx\\n", (unsigned long)ips[i]);
  return 0;
}
`);
    const prog = join(dir, 'prog');
    sh('cc', ['-O0', '-funwind-tables', '-o', prog, join(dir, 'main.c'), join(dir, 'cg.o')]);
    const out = sh(prog, []);
    const syms = symbolRanges(prog);
    const mainRt = BigInt('0x' + /^main ([0-9a-f]+)$/m.exec(out)![1]);
    const bias = mainRt - syms.get('main')![0];
    assert.equal(BigInt(/^result (-?\d+)$/m.exec(out)![1]!), chainResult(5n, (a, stored) => a * 2n + stored));
    // _URC_END_OF_STACK: the walk ended at the outermost frame, not at a frame it could not unwind
    assert.equal(Number(/^reason (\d+)$/m.exec(out)![1]), 5, out);
    const ips = [...out.matchAll(/^ip ([0-9a-f]+)$/gm)].map((m) => BigInt('0x' + m[1]) - bias);
    // a return address lies in (start, start + size]
    const frameOf = (ip: bigint) => {
      for (const name of ['c_leaf', 'cg_mid', 'cg_outer', 'main']) {
        const [a, s] = syms.get(name)!;
        if (ip > a && ip <= a + s) return name;
      }
      return '?';
    };
    const names = ips.map(frameOf).filter((n) => n !== '?');
    assert.deepEqual(names, ['c_leaf', 'cg_mid', 'cg_outer', 'main'], `frames: ${ips.map((ip) => `${ip.toString(16)}=${frameOf(ip)}`).join(' ')}`);
    // the executable's FDEs for the cgts functions cover exactly their symbols
    if (haveDwarfdump) {
      const table = fdes(prog);
      for (const name of ['cg_mid', 'cg_outer']) {
        const [a, s] = syms.get(name)!;
        const f = table.filter((d) => d.begin <= a && a < d.end);
        assert.equal(f.length, 1, `one FDE covers ${name}`);
        assert.deepEqual([f[0]!.begin, f[0]!.end], [a, a + s], `FDE of ${name}`);
      }
    }
  });
});

// A cgts frame between a C++ catch and a C++ throw. The cgts function keeps
// many values live across the call, so it uses (and must describe saving)
// callee-saved registers that the C++ caller's live values are in.
const THROUGH_CLIF = `
function %cg_between(i64) -> i64 {
    sig0 = (i64) -> i64
    fn0 = %cpp_thrower sig0
block0(v0: i64):
    v1 = iadd v0, v0
    v2 = iadd v1, v0
    v3 = iadd v2, v1
    v4 = iadd v3, v2
    v5 = iadd v4, v3
    v6 = iadd v5, v4
    v7 = iadd v6, v5
    v8 = iadd v7, v6
    v9 = iadd v8, v7
    v10 = iadd v9, v8
    v11 = iadd v10, v9
    v12 = iadd v11, v10
    v13 = call fn0(v0)
    v14 = iadd v13, v1
    v15 = iadd v14, v2
    v16 = iadd v15, v3
    v17 = iadd v16, v4
    v18 = iadd v17, v5
    v19 = iadd v18, v6
    v20 = iadd v19, v7
    v21 = iadd v20, v8
    v22 = iadd v21, v9
    v23 = iadd v22, v10
    v24 = iadd v23, v11
    v25 = iadd v24, v12
    return v25
}
`;

const THROUGH_CPP = `
#include <cstdio>
extern "C" long cg_between(long);
extern "C" long cpp_thrower(long x) {
  if (x > 0) throw (int)(x * 10);
  return x;
}
static volatile long seed = 3;
static int destroyed;
struct Guard { ~Guard() { destroyed++; } };
__attribute__((noinline)) long cpp_caller(long x) {
  long a = seed, b = seed * 2, c = seed * 3, d = seed * 5, e = seed * 7, f = seed * 11;
  long got;
  try {
    Guard g;
    got = cg_between(x) * 1000;
  } catch (int v) {
    got = v;
  }
  return got + a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6;
}
int main() {
  long s = 3, tail = s + s * 2 * 2 + s * 3 * 3 + s * 5 * 4 + s * 7 * 5 + s * 11 * 6;
  long thrown = cpp_caller(4);
  std::printf("%s thrown %ld want %ld\\n", thrown == 40 + tail ? "OK" : "FAIL", thrown, 40 + tail);
  long plain = cpp_caller(-1);
  long v[13]; v[0] = -1; v[1] = -2; v[2] = -3;
  for (int k = 3; k <= 12; k++) v[k] = v[k - 1] + v[k - 2];
  long want = -1; for (int k = 1; k <= 12; k++) want += v[k];
  std::printf("%s plain %ld want %ld\\n", plain == want * 1000 + tail ? "OK" : "FAIL", plain, want * 1000 + tail);
  std::printf("%s destroyed %d\\n", destroyed == 2 ? "OK" : "FAIL", destroyed);
  return 0;
}
`;

test('a C++ exception thrown below a cgts frame is caught above it', { skip: !haveCxx && 'c++ not installed' }, () => {
  withDir((dir) => {
    writeFileSync(join(dir, 'cg.o'), objectFor(THROUGH_CLIF));
    writeFileSync(join(dir, 'main.cpp'), THROUGH_CPP);
    const prog = join(dir, 'prog');
    sh('c++', ['-O2', '-o', prog, join(dir, 'main.cpp'), join(dir, 'cg.o')]);
    const r = spawnSync(prog, [], { encoding: 'utf8' });
    assert.equal(r.status, 0, `exit ${r.status} signal ${r.signal}: ${r.stderr}`);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 3, r.stdout);
    for (const l of lines) assert.match(l, /^OK /, r.stdout);
  });
});

for (const functionSections of [true, false]) {
  test(`one FDE per function covering exactly its bytes (${functionSections ? 'a section per function' : 'one .text'})`, { skip: !(haveDwarfdump && haveBinutils) && `${DWARFDUMP} or binutils not installed` }, () => {
    withDir((dir) => {
      const file = parseClifFile(CHAIN_CLIF + THROUGH_CLIF, 'unwind.clif');
      const funcs = file.functions.map((p) => p.func);
      const mod = compileModule(funcs, { functionSections });
      const obj = join(dir, 'cg.o');
      writeFileSync(obj, mod.bytes);
      const table = fdes(obj);
      assert.equal(table.length, funcs.length, 'FDE count');
      // pc_begin (FDE offset + 8) is relocated against the function's section or symbol
      const relocs = new Map<number, [string, bigint]>();
      let inEh = false;
      for (const line of sh('readelf', ['-rW', obj]).split('\n')) {
        if (line.startsWith('Relocation section')) inEh = line.includes("'.rela.eh_frame'");
        const p = /^([0-9a-f]+)\s+[0-9a-f]+\s+R_X86_64_PC32\s+[0-9a-f]+\s+(\S+) \+ ([0-9a-f]+)$/.exec(line.trim());
        if (inEh && p) relocs.set(parseInt(p[1]!, 16), [p[2]!, BigInt('0x' + p[3])]);
      }
      const syms = new Map<string, [bigint, bigint]>();
      // section-relative symbol values from the symbol table
      for (const line of sh('readelf', ['-sW', obj]).split('\n')) {
        const p = /^\s*\d+:\s+([0-9a-f]+)\s+(\d+)\s+FUNC\s+GLOBAL\s+\S+\s+(\d+)\s+(\S+)$/.exec(line);
        if (p) syms.set(p[4]!, [BigInt('0x' + p[1]), BigInt(p[2]!)]);
      }
      const sections = new Map<string, string>();
      for (const line of sh('readelf', ['-SW', obj]).split('\n')) {
        const p = /\[\s*(\d+)\]\s+(\S+)/.exec(line);
        if (p) sections.set(p[1]!, p[2]!);
      }
      const symSection = new Map<string, string>();
      for (const line of sh('readelf', ['-sW', obj]).split('\n')) {
        const p = /FUNC\s+GLOBAL\s+\S+\s+(\d+)\s+(\S+)$/.exec(line.trim());
        if (p) symSection.set(p[2]!, sections.get(p[1]!)!);
      }
      const covered = new Set<string>();
      for (const fde of table) {
        const rel = relocs.get(fde.offset + 8);
        assert.ok(rel, `relocation for the pc_begin of the FDE at ${fde.offset.toString(16)}`);
        const [target, addend] = rel!;
        const len = fde.end - fde.begin;
        const hit = funcs.filter((f) => {
          const [value, size] = syms.get(f.name)!;
          return (target === f.name || target === symSection.get(f.name)) && (target === f.name ? addend === 0n : addend === value) && size === len;
        });
        assert.equal(hit.length, 1, `FDE at ${fde.offset.toString(16)} (${target} + ${addend}, ${len} bytes) matches one function`);
        covered.add(hit[0]!.name);
      }
      assert.equal(covered.size, funcs.length);
      mod.sizes.forEach((s, k) => assert.equal(BigInt(s), syms.get(funcs[k]!.name)![1], `size of ${funcs[k]!.name}`));
    });
  });
}

const OBJDUMP = 'llvm-objdump-22';
const haveObjdump = has(OBJDUMP);

const ROWS_CLIF = `
function %cfi_saved(i64, i64) -> i64 {
    fn0 = %cfi_ext(i64) -> i64
block0(v0: i64, v1: i64):
    v2 = call fn0(v0)
    v3 = call fn0(v1)
    brif v0, block1, block2
block1:
    v4 = iadd v2, v3
    return v4
block2:
    v5 = isub v2, v3
    v6 = call fn0(v5)
    v7 = iadd v6, v3
    return v7
}
function %cfi_realigned(i64) -> i64 {
    ss0 = explicit_slot 64, align = 64
    fn0 = %cfi_ext(i64) -> i64
block0(v0: i64):
    v1 = call fn0(v0)
    v5 = stack_addr.i64 ss0+8
    store v1, v5
    v2 = call fn0(v1)
    v3 = load.i64 v5
    v4 = iadd v2, v3
    return v4
}
function %cfi_big(i64) -> i64 {
    ss0 = explicit_slot 20000
block0(v0: i64):
    v2 = stack_addr.i64 ss0+16000
    store v0, v2
    v1 = load.i64 v2
    return v1
}
function %cfi_leaf(i64) -> i64 {
    ss0 = explicit_slot 16
block0(v0: i64):
    v1 = stack_addr.i64 ss0
    store v0, v1
    v101 = iconst.i64 1
    v11 = iadd v0, v101
    v102 = iconst.i64 2
    v12 = iadd v0, v102
    v103 = iconst.i64 3
    v13 = iadd v0, v103
    v104 = iconst.i64 4
    v14 = iadd v0, v104
    v105 = iconst.i64 5
    v15 = iadd v0, v105
    v106 = iconst.i64 6
    v16 = iadd v0, v106
    v107 = iconst.i64 7
    v17 = iadd v0, v107
    v108 = iconst.i64 8
    v18 = iadd v0, v108
    v109 = iconst.i64 9
    v19 = iadd v0, v109
    v110 = iconst.i64 10
    v20 = iadd v0, v110
    v111 = iconst.i64 11
    v21 = iadd v0, v111
    v112 = iconst.i64 12
    v22 = iadd v0, v112
    v32 = iadd v11, v12
    v33 = iadd v32, v13
    v34 = iadd v33, v14
    v35 = iadd v34, v15
    v36 = iadd v35, v16
    v37 = iadd v36, v17
    v38 = iadd v37, v18
    v39 = iadd v38, v19
    v40 = iadd v39, v20
    v41 = iadd v40, v21
    v42 = iadd v41, v22
    brif v0, block1, block2
block1:
    return v42
block2:
    v50 = load.i64 v1
    v51 = iadd v42, v50
    return v51
}`;

const ROWS_C = `
long cfi_ext(long x) { return x + 1; }
long cfi_saved(long, long); long cfi_realigned(long); long cfi_big(long); long cfi_leaf(long);
int main(void) {
  return cfi_saved(1, 2) == 5 && cfi_saved(0, 2) == 2 && cfi_realigned(1) == 5 && cfi_big(7) == 7 && cfi_leaf(3) == 114 && cfi_leaf(0) == 78 ? 0 : 1;
}`;

interface Row { cfaReg: string; cfaOff: number; saved: Map<string, number> }

/** addr -> row, from the decoded table llvm-dwarfdump prints under each FDE. */
function cfiRows(path: string): Map<bigint, Row> {
  const rows = new Map<bigint, Row>();
  for (const line of sh(DWARFDUMP, ['--eh-frame', path]).split('\n')) {
    const m = /^\s+0x([0-9a-f]+): CFA=(\w+)([+-]\d+): (.*)$/.exec(line);
    if (!m) continue;
    const saved = new Map<string, number>();
    for (const r of m[4]!.split(', ')) {
      const s = /^(\w+)=(?:\[CFA([+-]\d+)\])?/.exec(r.trim());
      // a rule other than "at CFA+n" shows as NaN and fails the comparison
      if (s && s[1] !== 'RIP') saved.set(s[1]!.toLowerCase(), s[2] ? Number(s[2]) : NaN);
    }
    rows.set(BigInt('0x' + m[1]), { cfaReg: m[2]!.toLowerCase(), cfaOff: Number(m[3]), saved });
  }
  return rows;
}

/**
 * Steps through a function's instructions tracking where the CFA is relative
 * to rsp and rbp and where each callee-saved register is kept, and checks the
 * row in effect at every instruction boundary against that. Code after a
 * `ret` is reached from the body, so it starts from the body's state.
 */
function checkRowsAlong(insts: { addr: bigint; text: string }[], rows: Map<bigint, Row>, name: string, range: [bigint, bigint]): number {
  const at = [...rows.keys()].filter((a) => a >= range[0] && a < range[0] + range[1]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rowAt = (a: bigint) => {
    let r: Row | undefined;
    for (const k of at) if (k <= a) r = rows.get(k);
    assert.ok(r, `${name}: no CFI row at 0x${a.toString(16)}`);
    return r;
  };
  type St = { sp: number; fp: boolean; saved: Map<string, number> };
  let st: St = { sp: 8, fp: false, saved: new Map() };
  let body: St | null = null;
  let epilogues = 0;
  for (const { addr, text } of insts) {
    if (addr >= range[0] + range[1]) break;
    const prologueInst = /^(pushq|subq\s+\$0x[0-9a-f]+, %rsp|andq\s+\$-0x[0-9a-f]+, %rsp|movq\s+%rsp, %rbp|orl\s+\$0x0, \(%rsp\)|movl\s+\$0x[0-9a-f]+, %eax|subl\s+\$0x1, %eax|jne)/.test(text);
    if (!body && !prologueInst) body = { sp: st.sp, fp: st.fp, saved: new Map(st.saved) };
    const row = rowAt(addr);
    const where = `${name} at 0x${addr.toString(16)} (${text})`;
    if (row.cfaReg === 'rbp') {
      assert.ok(st.fp, `${where}: CFA is rbp-based but rbp does not hold the frame address yet or any more`);
      assert.equal(row.cfaOff, 16, where);
    } else {
      assert.equal(row.cfaReg, 'rsp', where);
      assert.equal(row.cfaOff, st.sp, `${where}: CFA offset from rsp`);
    }
    assert.deepEqual([...row.saved].sort(), [...st.saved].sort(), `${where}: saved registers`);
    let m: RegExpExecArray | null;
    if ((m = /^pushq\s+%(\w+)$/.exec(text))) {
      st.sp += 8;
      if (!st.saved.has(m[1]!)) st.saved.set(m[1]!, -st.sp);
    } else if ((m = /^popq\s+%(\w+)$/.exec(text))) {
      st.sp -= 8;
      st.saved.delete(m[1]!);
      if (m[1] === 'rbp') st.fp = false;
    } else if (/^movq\s+%rsp, %rbp$/.test(text)) st.fp = st.sp === 16;
    else if ((m = /^subq\s+\$0x([0-9a-f]+), %rsp$/.exec(text))) st.sp += parseInt(m[1]!, 16);
    else if ((m = /^addq\s+\$0x([0-9a-f]+), %rsp$/.exec(text))) st.sp -= parseInt(m[1]!, 16);
    else if ((m = /^leaq\s+(?:-0x([0-9a-f]+))?\(%rbp\), %rsp$/.exec(text))) st.sp = 16 + parseInt(m[1] ?? '0', 16);
    else if (/^andq\s+\$-0x[0-9a-f]+, %rsp$/.test(text)) st.sp = NaN;
    else if (/^retq$/.test(text)) {
      assert.equal(st.sp, 8, `${where}: rsp at the return address`);
      assert.equal(st.saved.size, 0, `${where}: every saved register restored`);
      epilogues++;
      assert.ok(body, `${where}: return before the body`);
      st = { sp: body.sp, fp: body.fp, saved: new Map(body.saved) };
    } else assert.ok(!/^\s*%(rsp|esp|rbp|ebp)$/.test(text.split(',').pop() ?? ''), `${where}: unexpected write to rsp or rbp`);
  }
  return epilogues;
}

test('CFI rows are exact at every instruction of prologues, epilogues and code after a mid-function return', { skip: !(haveCc && haveDwarfdump && haveObjdump && haveBinutils) && 'cc, llvm-dwarfdump-22, llvm-objdump-22 or binutils not installed' }, () => {
  withDir((dir) => {
    writeFileSync(join(dir, 'cgts.o'), objectFor(ROWS_CLIF));
    writeFileSync(join(dir, 'main.c'), ROWS_C);
    const prog = join(dir, 'prog');
    sh('cc', ['-o', prog, join(dir, 'main.c'), join(dir, 'cgts.o')]);
    assert.equal(spawnSync(prog).status, 0, 'the program computes the expected values');
    const rows = cfiRows(prog);
    const ranges = symbolRanges(prog);
    const counts: Record<string, number> = {};
    for (const name of ['cfi_saved', 'cfi_realigned', 'cfi_big', 'cfi_leaf']) {
      const insts: { addr: bigint; text: string }[] = [];
      for (const line of sh(OBJDUMP, ['-d', '--no-show-raw-insn', `--disassemble-symbols=${name}`, prog]).split('\n')) {
        const m = /^\s+([0-9a-f]+):\s+(\S.*?)\s*(?:<.*>)?$/.exec(line);
        if (m) insts.push({ addr: BigInt('0x' + m[1]), text: m[2]!.replace(/\s+/g, ' ') });
      }
      assert.ok(insts.length > 3, `${name}: disassembly found`);
      counts[name] = checkRowsAlong(insts, rows, name, ranges.get(name)!);
    }
    assert.deepEqual(counts, { cfi_saved: 2, cfi_realigned: 1, cfi_big: 1, cfi_leaf: 2 });
  });
});
