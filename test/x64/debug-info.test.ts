import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFunction } from '../../src/ir/parser.js';
import { ModuleCompiler, type FunctionDebugFacts } from '../../src/x64/compile.js';
import { DwarfWriter } from '../../src/object/dwarf/writer.js';
import { DW_AT, DW_ATE, DW_FORM, DW_LANG_Rust, DW_OP, DW_TAG } from '../../src/object/dwarf/constants.js';
import { ByteBuffer } from '../../src/support/bytes.js';
import { DataKind, STB, STT } from '../../src/object/elf.js';
import { linkWithC, must, run, tempDir, writeFile } from '../object/tools.js';

// `compute(x)`: x goes to slot 0, y = x * 3 to slot 1, then observe(y) and
// return y + 1. The srcloc of each instruction is its source line in prog.rs.
const COMPUTE = (extraSlot: string) => `
function %compute(i32) -> i32 system_v {
    ss0 = explicit_slot 4
    ss1 = explicit_slot 4
    ${extraSlot}
    sig0 = (i32) system_v
    fn0 = %observe sig0
block0(v0: i32):
@000a    v1 = stack_addr.i64 ss0
@000a    store v0, v1
@000b    v6 = iconst.i32 3
@000b    v2 = imul v0, v6
@000b    v3 = stack_addr.i64 ss1
@000b    store v2, v3
@000c    call fn0(v2)
@000d    v4 = load.i32 v3
@000d    v7 = iconst.i32 1
@000d    v5 = iadd v4, v7
@000e    return v5
}`;

const MAIN_C = `
#include <stdio.h>
int compute(int);
void observe(int v) { printf("observe %d\\n", v); }
int main(void) { printf("result %d\\n", compute(7)); return 0; }
`;

const SOURCE = ['', '', '', '', '', '', '', '', '', 'fn compute(x: i32) -> i32 {', '    let x = x;', '    let y = x * 3;', '    observe(y);',
  '    y + 1', '}', ''].join('\n');

/** An object holding `compute` with a unit describing it: lines from srclocs, x and y at their slots. */
function buildObject(dir: string, version: 4 | 5, extraSlot = ''): { object: string; facts: FunctionDebugFacts } {
  const f = parseFunction(COMPUTE(extraSlot));
  const mc = new ModuleCompiler({ debugInfo: true });
  mc.addFunction(f);
  const facts = mc.debugFacts[0]!;
  const w = new DwarfWriter(mc.object, version, dir, 'prog.rs');
  const t = w.info;
  const cu = t.add(-1, DW_TAG.compile_unit);
  t.string(cu, DW_AT.producer, 'cgts');
  t.constant(cu, DW_AT.language, DW_FORM.data2, DW_LANG_Rust);
  t.string(cu, DW_AT.name, 'prog.rs');
  t.string(cu, DW_AT.comp_dir, dir);
  const i32 = t.add(cu, DW_TAG.base_type);
  t.string(i32, DW_AT.name, 'i32');
  t.constant(i32, DW_AT.encoding, DW_FORM.data1, DW_ATE.signed);
  t.udata(i32, DW_AT.byte_size, 4);
  // a global of the object: `answer`, 4 bytes in .data, at its relocated address
  const obj = mc.object;
  const data = obj.dataSection(DataKind.Data, 'answer', 4);
  obj.data(data).i32(1234);
  const answer = obj.symbol('answer');
  obj.setSymbolKind(answer, STB.GLOBAL, STT.OBJECT);
  obj.define(answer, data, 0, 4);
  const gv = t.add(cu, DW_TAG.variable);
  t.string(gv, DW_AT.name, 'answer');
  t.ref(gv, DW_AT.type, i32);
  t.exprAddr(gv, DW_AT.location, answer, 0);
  const file = w.lines.fileOf(dir, 'prog.rs');
  const sp = t.add(cu, DW_TAG.subprogram);
  t.addr(sp, DW_AT.low_pc, facts.symbol, 0);
  t.constant(sp, DW_AT.high_pc, DW_FORM.data4, facts.size);
  t.expr(sp, DW_AT.frame_base, [DW_OP.reg0 + facts.frameBaseReg]);
  t.string(sp, DW_AT.name, 'compute');
  t.udata(sp, DW_AT.decl_file, file);
  t.udata(sp, DW_AT.decl_line, 10);
  t.ref(sp, DW_AT.type, i32);
  t.flag(sp, DW_AT.external);
  for (const [k, name, tag] of [[0, 'x', DW_TAG.formal_parameter], [1, 'y', DW_TAG.variable]] as const) {
    const v = t.add(sp, tag);
    const loc = new ByteBuffer(8);
    loc.u8(DW_OP.fbreg);
    loc.sleb(facts.slotOffsets[k]!);
    t.expr(v, DW_AT.location, loc.view8());
    t.string(v, DW_AT.name, name);
    t.ref(v, DW_AT.type, i32);
  }
  w.lines.functionSequence(facts.symbol, facts.size, file, 10, facts.rows, (srcloc, out) => {
    out[0] = file;
    out[1] = srcloc;
    out[2] = 5;
    out[3] = out[4] = 0;
  });
  w.addRange(facts.symbol, facts.size);
  w.finish();
  return { object: writeFile(dir, 'compute.o', mc.finish().bytes), facts };
}

test('the code generator records srcloc rows at code boundaries, the prologue end and slot offsets', () => {
  const f = parseFunction(COMPUTE(''));
  const mc = new ModuleCompiler({ debugInfo: true });
  mc.addFunction(f);
  const d = mc.debugFacts[0]!;
  const srclocs = Array.from(d.rows.filter((_, k) => k % 2 === 1));
  assert.deepEqual(srclocs, [10, 11, 12, 13, 14]);
  const offs = Array.from(d.rows.filter((_, k) => k % 2 === 0));
  // the first row ends the prologue (prologueEnd is for code of the body before it, in C-variadic functions)
  assert.equal(d.prologueEnd, -1);
  assert.ok(offs[0]! > 0, 'the prologue has code before the first row');
  for (let k = 1; k < offs.length; k++) assert.ok(offs[k]! > offs[k - 1]!, `rows ascend: ${offs}`);
  assert.ok(offs[offs.length - 1]! < d.size);
  assert.equal(d.frameBaseReg, 7, 'a function without an rbp frame has rsp as its frame base');
  assert.equal(d.slotOffsets.length, 2);
  assert.notEqual(d.slotOffsets[0], d.slotOffsets[1]);
  // row offsets are instruction boundaries of the disassembly
  const dir = tempDir();
  const o = writeFile(dir, 'c.o', mc.finish().bytes);
  const dis = must('objdump', ['-d', o]);
  const starts = new Set([...dis.matchAll(/^\s+([0-9a-f]+):/gm)].map((m) => parseInt(m[1]!, 16)));
  for (const off of offs) assert.ok(starts.has(off!), `row at ${off} is not an instruction start:\n${dis}`);
  // without the option nothing is recorded
  const plain = new ModuleCompiler({});
  plain.addFunction(parseFunction(COMPUTE('')));
  assert.equal(plain.debugFacts.length, 0);
});

const hasGdb = run('sh', ['-c', 'command -v gdb']).status === 0;

for (const [what, version, extra, frameReg] of [
  ['DWARF 4', 4, '', 7],
  ['DWARF 5', 5, '', 7],
  ['DWARF 4, a realigned frame', 4, 'ss2 = explicit_slot 64, align = 64', 7],
  ['DWARF 4, an rbp frame (a frame over a page is probed)', 4, 'ss2 = explicit_slot 8192', 6],
] as const) {
  test(`${what}: gdb breaks at a file:line of cgts code and prints its parameter and local from their slots and a global at its address`, { skip: !hasGdb && 'gdb is not installed' }, () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'prog.rs'), SOURCE);
    const { object, facts } = buildObject(dir, version, extra);
    assert.equal(facts.frameBaseReg, frameReg);
    const verify = must('llvm-dwarfdump-22', ['--verify', object]);
    assert.match(verify, /No errors\./);
    const exe = linkWithC(dir, MAIN_C, [object]);
    assert.equal(must(exe, []), 'observe 21\nresult 22\n');
    const gdb = must('gdb', ['-nx', '-batch', '-ex', 'break prog.rs:13', '-ex', 'break compute', '-ex', 'run', '-ex', 'continue', '-ex', 'bt', '-ex', 'info frame',
      '-ex', 'print x', '-ex', 'print y', '-ex', 'info locals', '-ex', 'info args', '-ex', 'print answer', exe], dir);
    assert.match(gdb, /Breakpoint 1 at 0x[0-9a-f]+: file prog\.rs, line 13\./, gdb);
    // a breakpoint on the function lands at the end of the prologue, on the first body line (x is not stored yet)
    const at = /Breakpoint 2 at 0x([0-9a-f]+): file prog\.rs, line 10\./.exec(gdb);
    assert.ok(at, gdb);
    const sym = /^([0-9a-f]+) T compute$/m.exec(must('nm', [exe]));
    assert.equal(parseInt(at[1]!, 16) - parseInt(sym![1]!, 16), facts.rows[0]);
    assert.match(gdb, /Breakpoint 2, compute \(x=-?\d+\) at prog\.rs:10\n[^]*Breakpoint 1, compute \(x=7\) at prog\.rs:13/, gdb);
    assert.match(gdb, /#0 +compute \(x=7\) at prog\.rs:13\n#1 +0x[0-9a-f]+ in main \(\)/, gdb);
    assert.match(gdb, /rip = 0x[0-9a-f]+ in compute \(prog\.rs:13\)/, gdb);
    assert.match(gdb, /\$1 = 7\n\$2 = 21\ny = 21\nx = 7\n\$3 = 1234\n/, gdb);
  });
}
