// Metadata decoder (src/bitcode/metadata.ts) on rustc output: the decoded
// nodes of a -g module against llvm-dis-22's text of the same file (kinds,
// counts, fields), named metadata, attachments, and a module built without
// -g paying nothing until asked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readModule } from '../../src/bitcode/reader.js';
import { decodeFunction } from '../../src/bitcode/function.js';
import {
  CompileUnitF, LocalVariableF, LocationF, MD_KIND_NAMES, MdKind, SubprogramF, debugLocation, debugRecordOperand,
  readFunctionMetadata, readMetadata,
} from '../../src/bitcode/metadata.js';
import { printModule } from '../../src/bitcode/printer.js';
import { CgtsError } from '../../src/support/diag.js';
import { spawnSync } from 'node:child_process';
import { buildModule, missingTools, oracleText } from './corpus.js';
import { B, BitWriter, bitPos, buildModule as buildBitcode, metadataStrings } from './writer.js';

const missing = missingTools();

/** Definitions `!N = [distinct ]!Kind(` of llvm-dis's text, counted per kind (DILocation excluded: DEBUG_LOC records make more). */
function oracleKinds(ll: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of ll.matchAll(/^!\d+ = (?:distinct )?!(DI[A-Za-z]+)\(/gm)) out.set(m[1]!, (out.get(m[1]!) ?? 0) + 1);
  out.delete('DILocation');
  return out;
}

test('metadata: node kinds and counts of a -g module equal llvm-dis-22 definitions', (t) => {
  if (missing) return t.skip(missing);
  const cm = buildModule('floats', 'bc-g');
  const m = readModule(readFileSync(cm.bitcode), cm.bitcode);
  for (let i = 0; i < m.bodies.length; i++) decodeFunction(m, i);
  assert.equal(m.metadata, undefined, 'reading a module and decoding its bodies must not decode metadata');
  const md = readMetadata(m);
  for (let i = 0; i < m.bodies.length; i++) readFunctionMetadata(m, i, decodeFunction(m, i));
  const counts = new Map<string, number>();
  for (let id = 0; id < md.count; id++) {
    const k = md.kind(id);
    if (k === MdKind.String || k === MdKind.Value || k === MdKind.Tuple || k === MdKind.Expression || k === MdKind.Location) continue;
    const name = MD_KIND_NAMES[k]!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const expected = oracleKinds(oracleText(cm));
  assert.deepEqual([...counts].sort(), [...expected].sort());
  assert.deepEqual(md.named.map((n) => n.name), ['llvm.module.flags', 'llvm.ident', 'llvm.dbg.cu']);
});

test('metadata: fields of the compile unit, subprograms and variables', (t) => {
  if (missing) return t.skip(missing);
  const cm = buildModule('floats', 'bc-g');
  const m = readModule(readFileSync(cm.bitcode), cm.bitcode);
  const md = readMetadata(m);
  const cu = md.named.find((n) => n.name === 'llvm.dbg.cu')!.ops[0]!;
  assert.equal(md.kind(cu), MdKind.CompileUnit);
  assert.ok(md.isDistinct(cu));
  assert.equal(md.field(cu, CompileUnitF.Language), 0x1c, 'DW_LANG_Rust');
  assert.match(md.stringField(cu, CompileUnitF.Producer), /^clang LLVM \(rustc version 1\.\d+/);
  assert.equal(md.kind(md.ref(cu, CompileUnitF.File)), MdKind.File);
  // Every defined function has a DISubprogram attached whose linkage name is the symbol.
  const dbg = m.metadataKinds.indexOf('dbg');
  let checked = 0;
  for (let i = 0; i < m.bodies.length; i++) {
    const body = decodeFunction(m, i);
    const fm = readFunctionMetadata(m, i, body);
    const g = m.globals[m.bodies[i]!.fn]!;
    if (g.name === 'main') {
      assert.equal(fm.attachments.length, 0, 'the C main rustc writes has no debug info');
      continue;
    }
    assert.equal(fm.attachments[0], dbg, `@${g.name} has no !dbg`);
    const sp = fm.attachments[1]!;
    assert.equal(fm.subprogram, sp);
    assert.equal(md.kind(sp), MdKind.Subprogram);
    const linkage = md.stringField(sp, SubprogramF.LinkageName) || md.stringField(sp, SubprogramF.Name);
    assert.equal(linkage, g.name);
    assert.equal(md.ref(sp, SubprogramF.Unit), cu);
    // Variables of debug records are in scopes nested in a subprogram (this one, or an inlined callee).
    for (let r = 0; r < body.dbgRecords.length; r += 4) {
      const v = debugRecordOperand(fm, body, r, 1);
      assert.equal(md.kind(v), MdKind.LocalVariable);
      assert.equal(md.kind(debugRecordOperand(fm, body, r, 0)), MdKind.Location);
      assert.equal(md.kind(debugRecordOperand(fm, body, r, 2)), MdKind.Expression);
      let s = md.ref(v, LocalVariableF.Scope);
      for (let hops = 0; s >= 0 && md.kind(s) !== MdKind.Subprogram && hops < 1000; hops++) s = md.ref(s, 0);
      assert.equal(md.kind(s), MdKind.Subprogram);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} debug records`);
  // Debug locations: the same (line, column, scope, inlinedAt) is the same node.
  const body = decodeFunction(m, 0);
  const fm = readFunctionMetadata(m, 0, body);
  const seen = new Map<string, number>();
  for (let l = 0; l < body.locs.length / 5; l++) {
    const id = debugLocation(md, fm, body, l);
    assert.equal(md.kind(id), MdKind.Location);
    assert.equal(md.field(id, LocationF.Line), body.locs.at(5 * l));
    const key = [0, 1, 2, 3].map((k) => body.locs.at(5 * l + k)).join();
    if (seen.has(key)) assert.equal(id, seen.get(key));
    seen.set(key, id);
  }
});

test('metadata: a function\'s uniqued location equal to one already made from a DEBUG_LOC record is that node', (t) => {
  if (missing) return t.skip(missing);
  const cm = buildModule('iter_closures', 'bc-g');
  const bytes = readFileSync(cm.bitcode);
  // the first function whose own block holds a uniqued location that a debug location names as inlined-at
  const m1 = readModule(bytes, cm.bitcode);
  const t1 = readMetadata(m1);
  const numModule = t1.numModule;
  let k = -1, raw = -1;
  for (let i = 0; i < m1.bodies.length && k < 0; i++) {
    const body = decodeFunction(m1, i);
    const fm = readFunctionMetadata(m1, i, body);
    for (let l = 0; l < body.locs.length && k < 0; l += 5) {
      const ia = body.locs.at(l + 3) - 1;
      const id = ia >= numModule ? fm.map(ia) : -1;
      if (id >= 0 && uniquedLocation(t1, id)) [k, raw] = [i, ia];
    }
  }
  assert.ok(k >= 0, 'no function with an inlined-at location of its own');
  // function k's block decoded first, as in the module it is compared with
  const mA = readModule(bytes, cm.bitcode);
  const tA = readMetadata(mA);
  const fmA = readFunctionMetadata(mA, k, decodeFunction(mA, k));
  const L = fmA.map(raw);
  assert.equal(fmA.base, numModule);
  // the same fields with node ids one higher for the function's own (the DEBUG_LOC node comes before them)
  const shift = (id: number) => (id >= numModule ? id + 1 : id);
  const mB = readModule(bytes, cm.bitcode);
  const tB = readMetadata(mB);
  const x = tB.location(tA.field(L, LocationF.Line), tA.field(L, LocationF.Column), shift(tA.ref(L, LocationF.Scope)),
    shift(tA.ref(L, LocationF.InlinedAt)), tA.field(L, LocationF.ImplicitCode), tA.field(L, 5), tA.field(L, 6));
  assert.equal(x, numModule);
  const fmB = readFunctionMetadata(mB, k, decodeFunction(mB, k));
  assert.equal(fmB.base, numModule + 1);
  assert.equal(fmB.map(raw), x, 'the function\'s location is the node made before');
  // every other local id keeps its place; every reference to the location now names the node made before
  let refs = 0;
  for (let j = 0; j < fmA.numLocal; j++) {
    if (j !== raw - numModule) assert.equal(fmB.map(numModule + j), fmA.map(numModule + j) + 1);
    const a = numModule + j, b = numModule + 1 + j;
    assert.equal(tB.kind(b), tA.kind(a));
    if (tA.kind(a) !== MdKind.Location) continue;
    if (tA.ref(a, LocationF.InlinedAt) === L) {
      assert.equal(tB.ref(b, LocationF.InlinedAt), x);
      refs++;
    } else assert.equal(tB.ref(b, LocationF.InlinedAt), shift(tA.ref(a, LocationF.InlinedAt)));
  }
  t.diagnostic(`function ${k}: ${fmA.numLocal} local nodes, ${refs} locations inlined at the merged one`);
});

/** Whether `id` is a uniqued DILocation. */
function uniquedLocation(t: ReturnType<typeof readMetadata>, id: number): boolean {
  return t.kind(id) === MdKind.Location && !t.isDistinct(id);
}

// ---------------------------------------------------------------- hand-built metadata blocks

/** A module with i32 (type 0), the constant `i32 42` (value 0), and a METADATA block written by `md`. */
function moduleWithMetadata(md: (w: BitWriter) => void): Uint8Array {
  return buildBitcode((w) => {
    w.unabbrev(1, [1]); // NUMENTRY
    w.unabbrev(7, [32]);
  }, (w) => {
    w.enter(B.CONSTANTS, 4);
    w.unabbrev(1, [0]); // SETTYPE i32
    w.unabbrev(4, [84]); // INTEGER 42 (sign rotated)
    w.end();
    w.enter(B.METADATA, 4);
    md(w);
    w.end();
  });
}

const NAME = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));

test('metadata: strings blob, values, forward references, distinct cycles and DIExpression operations', () => {
  const bytes = moduleWithMetadata((w) => {
    metadataStrings(w, ['a', '', 'xy\n']); // ids 0, 1, 2
    w.unabbrev(2, [0, 0]); // 3: i32 42
    w.unabbrev(3, [6, 1, 4, 0]); // 4: !{!5, !"a", i32 42, null}: a reference ahead
    w.unabbrev(5, [6]); // 5: distinct !{!5}: a cycle
    w.unabbrev(29, [6, 0x10, 2n ** 64n - 1n, 0x9f]); // 6: DIExpression(DW_OP_constu, 2^64-1, DW_OP_stack_value)
    w.unabbrev(29, [6, 0xff, 1]); // 7: not a valid expression: raw words
    w.unabbrev(3, [6]); // 8: !{!5}, unreferenced: no slot, not printed
    w.unabbrev(4, NAME('named'));
    w.unabbrev(10, [4, 6, 7]);
  });
  const m = readModule(bytes, 't.bc');
  const md = readMetadata(m);
  assert.equal(md.count, 9);
  assert.deepEqual([0, 1, 2].map((i) => md.string(i)), ['a', '', 'xy\n']);
  assert.equal(md.kind(4), MdKind.Tuple);
  assert.equal(md.isDistinct(4), false);
  assert.deepEqual([0, 1, 2, 3].map((k) => md.ref(4, k)), [5, 0, 3, -1]);
  assert.ok(md.isDistinct(5));
  assert.equal(md.ref(5, 0), 5);
  assert.equal(md.fieldBig(6, 1), 2n ** 64n - 1n);
  assert.equal(md.fieldCount(6), 3);
  const text = printModule(m);
  const tail = text.slice(text.indexOf('!named'));
  assert.equal(tail, [
    '!named = !{!0, !DIExpression(DW_OP_constu, 18446744073709551615, DW_OP_stack_value), !DIExpression(255, 1)}',
    '',
    '!0 = !{!1, !"a", i32 42, null}',
    '!1 = distinct !{!1}',
    '',
  ].join('\n'));
  if (!missing) {
    // llvm-dis agrees (it reads the same hand-built file).
    const r = spawnSync('llvm-dis-22', ['-', '-o', '-'], { input: bytes, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.slice(r.stdout.indexOf('!named')), tail);
  }
});

test('metadata: METADATA_INDEX_OFFSET and METADATA_INDEX are checked against the node records', () => {
  /** Writes strings, INDEX_OFFSET (pointing `skew` bits off), two nodes and the INDEX; returns the bytes and positions. */
  const build = (offset: number, deltas: number[]): { bytes: Uint8Array; after: number; nodes: number[]; index: number } => {
    const pos = { after: 0, nodes: [] as number[], index: 0 };
    const bytes = moduleWithMetadata((w) => {
      metadataStrings(w, ['s']);
      w.defineAbbrev([[true, 0, 38], [false, 1, 32], [false, 1, 32]]);
      w.emit(5, w.width);
      w.emit(offset, 32);
      w.emit(0, 32);
      pos.after = bitPos(w);
      pos.nodes.push(bitPos(w));
      w.unabbrev(3, [1]);
      pos.nodes.push(bitPos(w));
      w.unabbrev(5, [2]);
      pos.index = bitPos(w);
      w.unabbrev(39, deltas);
    });
    return { bytes, ...pos };
  };
  const first = build(0, [0, 0]);
  // The offset counts from the bit after INDEX_OFFSET to the INDEX record; entries are deltas from there.
  const off = first.index - first.after;
  const deltas = [first.nodes[0]! - first.after, first.nodes[1]! - first.nodes[0]!];
  const good = build(off, deltas);
  assert.equal(readMetadata(readModule(good.bytes, 't.bc')).count, 3);
  assert.throws(() => readMetadata(readModule(build(off + 6, deltas).bytes, 't.bc')), (e: unknown) =>
    e instanceof CgtsError && /byte \d+/.test(e.describe()) && /METADATA_INDEX is at bit \d+, not where METADATA_INDEX_OFFSET points/.test(e.message));
  assert.throws(() => readMetadata(readModule(build(off, [deltas[0]!, deltas[1]! + 1]).bytes, 't.bc')), (e: unknown) =>
    e instanceof CgtsError && /METADATA_INDEX entry 1 points to bit/.test(e.message));
});

test('metadata: a module read without asking for metadata keeps only block positions', () => {
  const bytes = moduleWithMetadata((w) => {
    // A node referring to metadata that does not exist: found only when decoded.
    w.unabbrev(3, [40]);
  });
  const m = readModule(bytes, 't.bc');
  assert.equal(m.metadata, undefined);
  assert.equal(m.metadataBlocks.length, 1);
  assert.throws(() => readMetadata(m), (e: unknown) => e instanceof CgtsError && /refers to metadata 39, which does not exist/.test(e.message));
});
