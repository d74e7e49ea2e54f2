import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ElfObject } from '../../src/object/elf.js';
import { DwarfWriter } from '../../src/object/dwarf/writer.js';
import { DW_AT, DW_ATE, DW_FORM, DW_LANG_Rust, DW_OP, DW_TAG } from '../../src/object/dwarf/constants.js';
import { LineFlag } from '../../src/object/dwarf/line.js';
import { addFunction, assertToolsAccept, hex, must, tempDir, writeFile } from './tools.js';

/**
 * An object with functions `f0..f{n-1}` (nops and a ret, `size` bytes each)
 * and a unit describing them: a base type, per function a subprogram with a
 * parameter and a variable of that type, and the given line rows.
 */
function objectWithUnit(version: 4 | 5, n: number, size: number, rows: [number, number, number, LineFlag][]): Uint8Array {
  const obj = new ElfObject();
  const w = new DwarfWriter(obj, version, '/src/dir', 'main.rs');
  const t = w.info;
  const cu = t.add(-1, DW_TAG.compile_unit);
  t.string(cu, DW_AT.producer, 'cgts test');
  t.constant(cu, DW_AT.language, DW_FORM.data2, DW_LANG_Rust);
  t.string(cu, DW_AT.name, 'main.rs');
  t.string(cu, DW_AT.comp_dir, '/src/dir');
  const file = w.lines.fileOf('/src/dir', 'main.rs');
  const other = w.lines.fileOf('/other', 'lib.rs');
  // referenced before it exists: references are resolved when the unit is written
  const subs: number[] = [];
  for (let k = 0; k < n; k++) {
    const f = addFunction(obj, `f${k}`, hex('90'.repeat(size - 1) + 'c3'));
    const sp = t.add(cu, DW_TAG.subprogram);
    subs.push(sp);
    t.addr(sp, DW_AT.low_pc, f.sym, 0);
    t.constant(sp, DW_AT.high_pc, DW_FORM.data4, size);
    t.expr(sp, DW_AT.frame_base, [DW_OP.reg0 + 6]);
    t.string(sp, DW_AT.name, `f${k}`);
    t.udata(sp, DW_AT.decl_file, file);
    t.udata(sp, DW_AT.decl_line, 10 * k + 1);
    t.flag(sp, DW_AT.external);
    const p = t.add(sp, DW_TAG.formal_parameter);
    t.expr(p, DW_AT.location, [DW_OP.fbreg, 0x70]); // fbreg -16
    t.string(p, DW_AT.name, 'x');
    t.ref(p, DW_AT.type, 2 + 5 * n);
    // a block over two stretches of the function, one over one
    const blk = t.add(sp, DW_TAG.lexical_block);
    w.setRanges(blk, [f.sym, 4, 8, f.sym, 20, 30]);
    const inner = t.add(blk, DW_TAG.lexical_block);
    w.setRanges(inner, [f.sym, 5, 7]);
    const v = t.add(inner, DW_TAG.variable);
    t.expr(v, DW_AT.location, [DW_OP.fbreg, 0x6c]);
    t.string(v, DW_AT.name, 'y');
    t.ref(v, DW_AT.type, 2 + 5 * n);
    w.lines.beginSequence(f.sym);
    for (const [off, line, col, flags] of rows) w.lines.row(off, line > 1000 ? other : file, line, col, flags);
    w.lines.endSequence(size);
    w.addRange(f.sym, size);
  }
  const ns = t.add(cu, DW_TAG.namespace);
  t.string(ns, DW_AT.name, 'main');
  const i32 = t.add(cu, DW_TAG.base_type);
  assert.equal(i32, 2 + 5 * n);
  t.string(i32, DW_AT.name, 'i32');
  t.constant(i32, DW_AT.encoding, DW_FORM.data1, DW_ATE.signed);
  t.udata(i32, DW_AT.byte_size, 4);
  w.finish();
  return obj.finish();
}

const ROWS: [number, number, number, LineFlag][] = [
  [0, 3, 0, LineFlag.None],
  [4, 4, 9, LineFlag.PrologueEnd],
  [5, 2, 5, LineFlag.None], // line back by 2
  [40, 90, 1, LineFlag.None], // address and line beyond special opcodes
  [41, 1200, 3, LineFlag.NotStmt], // another file
  [300, 80, 7, LineFlag.None], // advance_pc
  [317, 81, 7, LineFlag.None], // const_add_pc range
];

for (const version of [4, 5] as const) {
  test(`DWARF ${version}: llvm-dwarfdump verifies the unit, DIEs, references and ranges`, () => {
    const dir = tempDir();
    const o = writeFile(dir, 'u.o', objectWithUnit(version, 3, 400, ROWS));
    assertToolsAccept(o);
    const verify = must('llvm-dwarfdump-22', ['--verify', o]);
    assert.match(verify, /No errors\./, verify);
    const info = must('llvm-dwarfdump-22', ['--debug-info', o]);
    assert.match(info, new RegExp(`version = 0x000${version}`));
    // three functions: the unit's ranges list each one's relocated address; subprograms name theirs
    assert.equal((info.match(/DW_TAG_subprogram/g) ?? []).length, 3);
    assert.match(info, /DW_AT_ranges/);
    for (let k = 0; k < 3; k++) assert.match(info, new RegExp(`DW_AT_name\\s+\\("f${k}"\\)`));
    assert.equal((info.match(/DW_AT_type\s+\(0x[0-9a-f]+ "i32"\)/g) ?? []).length, 6);
    assert.match(info, /DW_AT_location\s+\(DW_OP_fbreg -16\)/);
    assert.match(info, /DW_AT_location\s+\(DW_OP_fbreg -20\)/);
    assert.match(info, /DW_AT_frame_base\s+\(DW_OP_reg6 RBP\)/);
    // every subprogram (and parameter, block, variable) shares one abbreviation: 8 in all
    const abbrev = must('llvm-dwarfdump-22', ['--debug-abbrev', o]);
    assert.equal((abbrev.match(/^\[\d+\] DW_TAG/gm) ?? []).length, 8, abbrev);
    assert.equal((info.match(/DW_AT_ranges\s+\(0x[0-9a-f]+\n\s+\[0x0+4, 0x0+8\)\n\s+\[0x0+14, 0x0+1e\)\)/g) ?? []).length, 3, info);
    assert.equal((info.match(/DW_AT_low_pc\s+\(0x0+5\)\n\s+DW_AT_high_pc\s+\(0x0+7\)/g) ?? []).length, 3, info);
    const ar = must('llvm-dwarfdump-22', ['--debug-aranges', o]);
    assert.equal((ar.match(/\[0x0+, 0x0+190\)/g) ?? []).length, 3, ar);
  });

  test(`DWARF ${version}: the line table holds exactly the rows written, with flags and files`, () => {
    const dir = tempDir();
    const o = writeFile(dir, 'u.o', objectWithUnit(version, 1, 400, ROWS));
    const dump = must('llvm-dwarfdump-22', ['--debug-line', o]);
    assert.match(dump, new RegExp(`version: ${version}`));
    // "Address Line Column File ISA Discriminator OpIndex Flags"
    const rows = dump.split('\n').filter((l) => /^0x[0-9a-f]{16} /.test(l)).map((l) => l.trim().split(/\s+/));
    // DWARF 5 numbers files from 0, the primary file being 0
    const fileOf = (line: number) => (line > 1000 ? 2 : 1) - (version === 5 ? 1 : 0);
    const want = ROWS.map(([off, line, col, flags]) => [off, line, col, fileOf(line),
      [flags & LineFlag.NotStmt ? '' : 'is_stmt', flags & LineFlag.PrologueEnd ? 'prologue_end' : ''].filter(Boolean).join(' ')]);
    want.push([400, 81, 7, fileOf(81), 'is_stmt end_sequence']);
    const got = rows.map((r) => [parseInt(r[0], 16), +r[1], +r[2], +r[3], r.slice(7).join(' ')]);
    assert.deepEqual(got, want, dump);
    assert.match(dump, version === 5 ? /dir_index: 1/ : /include_directories\[\s*1\] = "\/other"/);
  });
}
