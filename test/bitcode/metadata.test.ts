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
  CompileUnitF, LocalVariableF, MD_KIND_NAMES, MdKind, SubprogramF, readFunctionMetadata, readMetadata,
} from '../../src/bitcode/metadata.js';
import { buildModule, missingTools, oracleText } from './corpus.js';

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
  assert.equal(m.metadata, undefined, 'reading a module must not decode metadata');
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
    assert.equal(md.kind(sp), MdKind.Subprogram);
    const linkage = md.stringField(sp, SubprogramF.LinkageName) || md.stringField(sp, SubprogramF.Name);
    assert.equal(linkage, g.name);
    assert.equal(md.ref(sp, SubprogramF.Unit), cu);
    // Variables of debug records are in scopes nested in a subprogram (this one, or an inlined callee).
    for (let r = 0; r < body.dbgRecords.length; r += 4) {
      const v = fm.map(body.dbgOps.at(body.dbgRecords.at(r + 2) + 1));
      assert.equal(md.kind(v), MdKind.LocalVariable);
      let s = md.ref(v, LocalVariableF.Scope);
      for (let hops = 0; s >= 0 && md.kind(s) !== MdKind.Subprogram && hops < 1000; hops++) s = md.ref(s, 0);
      assert.equal(md.kind(s), MdKind.Subprogram);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} debug records`);
});
