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

/**
 * A unit exercising the DIE writer: every form it writes, values at the
 * edges of their encodings, attributes added to a DIE after others were
 * made (they stay in the order added), a reference to a DIE made later, and
 * 1500 DIE shapes (so the abbreviation table grows), each shape used twice.
 */
function objectWithForms(version: 4 | 5): Uint8Array {
  const obj = new ElfObject();
  const w = new DwarfWriter(obj, version, '/src/dir', 'forms.rs');
  const t = w.info;
  const cu = t.add(-1, DW_TAG.compile_unit);
  t.string(cu, DW_AT.name, 'forms.rs');
  const f = addFunction(obj, 'f', hex('90c3'));
  const a = t.add(cu, DW_TAG.variable);
  t.string(a, DW_AT.name, 'a');
  t.constant(a, 0x3001, DW_FORM.data8, -2);
  t.udata(a, 0x3002, 2 ** 40);
  const b = t.add(cu, DW_TAG.variable);
  t.string(b, DW_AT.name, 'b');
  t.ref(b, DW_AT.type, b + 3); // made below
  // more attributes of `a`, after `b` was made
  t.sdata(a, 0x3003, -300);
  t.leb64(a, 0x3004, 1n << 63n, false);
  t.leb64(a, 0x3005, -(1n << 62n), true);
  t.data8(a, 0x3006, 0x8000000000000001n);
  t.sconst(a, 0x3007, -5);
  t.sconst(a, 0x3008, -40000);
  t.block1(a, 0x3009, [1, 2, 3]);
  t.expr(a, DW_AT.location, [DW_OP.fbreg, 0x70]);
  t.exprAddr(b, DW_AT.location, f.sym, 1);
  t.addr(b, DW_AT.low_pc, f.sym, 0);
  t.constant(b, DW_AT.high_pc, DW_FORM.data4, 2);
  t.udata(b, 0x300a, 0xffffffff);
  t.constant(b, 0x300b, DW_FORM.udata, 2 ** 53 - 1);
  t.flag(b, DW_AT.external);
  t.add(cu, DW_TAG.namespace);
  t.add(cu, DW_TAG.namespace);
  const ty = t.add(cu, DW_TAG.base_type);
  assert.equal(ty, b + 3);
  t.string(ty, DW_AT.name, 'u8');
  t.constant(ty, DW_AT.encoding, DW_FORM.data1, DW_ATE.unsigned);
  t.udata(ty, DW_AT.byte_size, 1);
  for (let k = 0; k < 3000; k++) {
    const d = t.add(cu, DW_TAG.variable);
    t.udata(d, 0x2a00 + (k % 1500), k % 251);
  }
  w.addRange(f.sym, 2);
  w.finish();
  return obj.finish();
}

for (const version of [4, 5] as const) {
  test(`DWARF ${version}: the DIE writer encodes every form as llvm-dwarfdump reads it, with one abbreviation per shape`, () => {
    const dir = tempDir();
    const o = writeFile(dir, 'forms.o', objectWithForms(version));
    const verify = must('llvm-dwarfdump-22', ['--verify', o]);
    assert.match(verify, /No errors\./, verify);
    const info = must('llvm-dwarfdump-22', ['--debug-info', o]);
    const a = info.slice(info.indexOf('DW_AT_name\t("a")'), info.indexOf('DW_AT_name\t("b")'));
    const values = [...a.matchAll(/DW_AT_unknown_(300\d)\s+\(([^)]*)\)/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(values, [
      ['3001', '0xfffffffffffffffe'], ['3002', '0x0000010000000000'], ['3003', '-300'], ['3004', '9223372036854775808'],
      ['3005', '-4611686018427387904'], ['3006', '0x8000000000000001'], ['3007', '0xfb'], ['3008', '0xffff63c0'],
      ['3009', '<0x03> 01 02 03 '],
    ], a);
    assert.match(a, /DW_AT_location\s+\(DW_OP_fbreg -16\)/);
    const b = info.slice(info.indexOf('DW_AT_name\t("b")'), info.indexOf('DW_TAG_namespace'));
    assert.match(b, /DW_AT_type\s+\(0x[0-9a-f]+ "u8"\)/);
    // (the address is in the relocation: an object holds zeros there)
    assert.match(b, /DW_AT_location\s+\(DW_OP_addr 0x0\)/);
    assert.match(b, /DW_AT_unknown_300a\s+\(0xffffffff\)/);
    assert.match(b, /DW_AT_unknown_300b\s+\(9007199254740991\)/);
    assert.match(b, /DW_AT_external\s+\(true\)/);
    // the 3000 variables: each holds its own value under the attribute of its shape
    const vars = [...info.matchAll(/DW_AT_unknown_(2[a-f][0-9a-f]{2})\s+\(0x([0-9a-f]+)\)/g)].map((m) => [parseInt(m[1], 16), parseInt(m[2], 16)]);
    assert.equal(vars.length, 3000);
    vars.forEach(([at, v], k) => assert.deepEqual([at, v], [0x2a00 + (k % 1500), k % 251]));
    // abbreviations: the root, a, b, two namespaces (one shape; no children), u8, 1500 variable shapes
    const abbrev = must('llvm-dwarfdump-22', ['--debug-abbrev', o]);
    assert.equal((abbrev.match(/^\[\d+\] DW_TAG/gm) ?? []).length, 1505, abbrev.slice(0, 2000));
  });
}
