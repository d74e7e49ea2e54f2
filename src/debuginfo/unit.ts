// DWARF for one module compiled with debug info (`-g`): the compile unit from
// the DI metadata, and per compiled function its subprogram (under its
// namespaces, with its code range and frame base), its line rows from the
// code generator's (code offset, srcloc) rows, its parameters and locals from
// #dbg_declare records at their stack slots (DW_OP_fbreg), lexical blocks
// with the code ranges of their locations, and the types they use.
// Needs the module's metadata (bitcode/metadata.ts) and what the code
// generator recorded per function (CodeFacts); writes through object/dwarf.

import {
  CompileUnitF, FileF, LexicalBlockF, LexicalBlockFileF, LocalVariableF, LocationF, MdKind, SubprogramF,
  SubroutineTypeF, ValueF, constantInt, readFunctionMetadata, readMetadata, type FunctionMetadata, type MetadataTable,
} from '../bitcode/metadata.js';
import type { FunctionBody, Module } from '../bitcode/module.js';
import { FuncCode } from '../bitcode/codes.js';
import { ElfObject, type SymbolId } from '../object/elf.js';
import { DwarfWriter } from '../object/dwarf/writer.js';
import { DW_AT, DW_FORM, DW_OP, DW_TAG } from '../object/dwarf/constants.js';
import type { DieId } from '../object/dwarf/die.js';
import { ByteBuffer } from '../support/bytes.js';
import { TypeDies } from './types.js';

/** What the code generator recorded for one function (x64 FunctionDebugFacts has this shape). */
export interface CodeFacts {
  symbol: SymbolId;
  size: number;
  /** (code offset, srcloc) pairs; a srcloc indexes the body's `locs` (5 numbers each). */
  rows: Int32Array;
  prologueEnd: number;
  frameBaseReg: number;
  slotOffsets: Int32Array;
}

const SPFLAG_LOCAL_TO_UNIT = 1 << 2;
const FLAG_ARTIFICIAL = 1 << 6;
const FLAG_NORETURN = 1 << 20;
const DW_OP_constu = 0x10, DW_OP_plus = 0x22, DW_OP_minus = 0x1c;

/**
 * The DWARF version a module asks for: 0 when it has no compile unit (built
 * without -g), else its "Dwarf Version" module flag (LLVM's default, 5, when absent).
 */
export function moduleDwarfVersion(m: Module): 0 | 4 | 5 {
  // without -g the module-level metadata is a few flags: decoding it is cheap
  const t = readMetadata(m);
  const cu = namedOps(t, 'llvm.dbg.cu');
  if (!cu || cu.length === 0) return 0;
  let version = 5;
  for (const flag of namedOps(t, 'llvm.module.flags') ?? []) {
    if (flag < 0 || t.kind(flag) !== MdKind.Tuple || t.fieldCount(flag) < 3) continue;
    if (t.stringField(flag, 1) !== 'Dwarf Version') continue;
    const v = constantInt(t, m, t.ref(flag, 2));
    if (v !== undefined) version = v;
  }
  return version <= 4 ? 4 : 5;
}

function namedOps(t: MetadataTable, name: string): Int32Array | undefined {
  for (const n of t.named) if (n.name === name) return n.ops;
  return undefined;
}

export class UnitBuilder {
  private m: Module;
  private t: MetadataTable;
  private w: DwarfWriter;
  private types: TypeDies;
  private dbgKind: number;
  private files = new Map<number, number>();
  private fileOfScope = new Map<number, number>();

  constructor(m: Module, obj: ElfObject, version: 4 | 5) {
    this.m = m;
    const t = (this.t = readMetadata(m));
    const cuNode = namedOps(t, 'llvm.dbg.cu')![0]!;
    const cuFile = t.ref(cuNode, CompileUnitF.File);
    const name = cuFile >= 0 ? t.stringField(cuFile, FileF.Filename) : m.fileName;
    const dir = cuFile >= 0 ? t.stringField(cuFile, FileF.Directory) : '';
    const w = (this.w = new DwarfWriter(obj, version, dir, name));
    const tree = w.info;
    const cu = tree.add(-1, DW_TAG.compile_unit);
    const producer = t.stringField(cuNode, CompileUnitF.Producer);
    if (producer) tree.string(cu, DW_AT.producer, producer);
    tree.constant(cu, DW_AT.language, DW_FORM.data2, t.field(cuNode, CompileUnitF.Language));
    tree.string(cu, DW_AT.name, name);
    tree.string(cu, DW_AT.comp_dir, dir);
    this.types = new TypeDies(t, m, tree, cu);
    this.dbgKind = t.kindId('dbg');
  }

  /** The line table's number of DIFile node `f`. */
  private file(f: number): number {
    let n = this.files.get(f);
    if (n === undefined) {
      n = f < 0 ? this.w.lines.fileOf('', '<unknown>') : this.w.lines.fileOf(this.t.stringField(f, FileF.Directory), this.t.stringField(f, FileF.Filename));
      this.files.set(f, n);
    }
    return n;
  }

  /** The file of a scope (subprogram, lexical block), -1 for others. */
  private scopeFile(s: number): number {
    let n = this.fileOfScope.get(s);
    if (n === undefined) {
      const t = this.t;
      const k = t.kind(s);
      const f = k === MdKind.Subprogram ? t.ref(s, SubprogramF.File)
        : k === MdKind.LexicalBlock ? t.ref(s, LexicalBlockF.File)
        : k === MdKind.LexicalBlockFile ? t.ref(s, LexicalBlockFileF.File) : -2;
      n = f === -2 ? -1 : this.file(f);
      this.fileOfScope.set(s, n);
    }
    return n;
  }

  /** A lexical scope as LLVM sees it: DILexicalBlockFiles stand for their parent. */
  private block(s: number): number {
    const t = this.t;
    while (s >= 0 && t.kind(s) === MdKind.LexicalBlockFile) s = t.ref(s, LexicalBlockFileF.Scope);
    return s;
  }

  private parentBlock(b: number): number {
    return this.t.kind(b) === MdKind.LexicalBlock ? this.block(this.t.ref(b, LexicalBlockF.Scope)) : -1;
  }

  /** The function's subprogram (its !dbg attachment), or -1. */
  private subprogram(fm: FunctionMetadata): number {
    const a = fm.attachments;
    for (let k = 0; k < a.length; k += 2) if (a[k] === this.dbgKind && this.t.kind(a[k + 1]!) === MdKind.Subprogram) return a[k + 1]!;
    return -1;
  }

  /**
   * Describes body `k` (translated and compiled: `facts`, and the CLIF stack
   * slot of each alloca as (instruction, slot) pairs). Functions without a
   * DISubprogram get nothing, as with LLVM.
   */
  addFunction(k: number, body: FunctionBody, facts: CodeFacts, allocaSlots: ArrayLike<number>): void {
    const m = this.m, t = this.t, w = this.w, tree = w.info;
    const fm = readFunctionMetadata(m, k, body);
    const sp = this.subprogram(fm);
    if (sp < 0) return;
    const locs = body.locs.data;
    const spFile = this.file(t.ref(sp, SubprogramF.File));
    // line rows
    w.lines.functionSequence(facts.symbol, facts.size, spFile, t.field(sp, SubprogramF.ScopeLine) || t.field(sp, SubprogramF.Line), facts.rows, (r, out) => {
      const s = fm.map(locs[5 * r + 2]! - 1);
      const f = s >= 0 ? this.scopeFile(s) : -1;
      out[0] = f >= 0 ? f : spFile;
      out[1] = locs[5 * r]!;
      out[2] = locs[5 * r + 1]!;
    });
    w.addRange(facts.symbol, facts.size);

    // code ranges of lexical blocks: each row's stretch belongs to its scope and the scopes around it
    const ranges = new Map<number, number[]>();
    const rows = facts.rows;
    for (let q = 0; q < rows.length; q += 2) {
      const start = rows[q]!, end = q + 2 < rows.length ? rows[q + 2]! : facts.size;
      if (end <= start) continue;
      const r = rows[q + 1]!;
      let s = fm.map(locs[5 * r + 2]! - 1);
      const ia = locs[5 * r + 3]! - 1;
      if (ia >= 0) s = this.outermostScope(fm.map(ia));
      for (let b = this.block(s); b >= 0 && b !== sp && t.kind(b) === MdKind.LexicalBlock; b = this.parentBlock(b)) {
        let list = ranges.get(b);
        if (!list) ranges.set(b, (list = []));
        if (list.length > 0 && list[list.length - 1] === start) list[list.length - 1] = end;
        else list.push(start, end);
      }
    }

    // variables from #dbg_declare records of allocas
    const slotOfValue = new Map<number, number>();
    for (let q = 0; q < allocaSlots.length; q += 2) slotOfValue.set(body.val[allocaSlots[q]!]!, allocaSlots[q + 1]!);
    const recs = body.dbgRecords.data, ops = body.dbgOps.data;
    const varsOf = new Map<number, { v: number; loc: Uint8Array }[]>();
    for (let q = 0; q < body.dbgRecords.length; q += 4) {
      const code = recs[q + 1]!;
      if (code !== FuncCode.DebugRecordDeclare) continue;
      const at = recs[q + 2]!;
      const dl = fm.map(ops[at]!), v = fm.map(ops[at + 1]!), expr = fm.map(ops[at + 2]!), val = fm.map(ops[at + 3]!);
      if (v < 0 || t.kind(v) !== MdKind.LocalVariable || val < 0 || t.kind(val) !== MdKind.Value) continue;
      // variables of inlined copies belong to inlined-subroutine DIEs, which are not written
      if (dl >= 0 && t.ref(dl, LocationF.InlinedAt) >= 0) continue;
      const slot = slotOfValue.get(t.field(val, ValueF.Value));
      if (slot === undefined) continue;
      const loc = this.location(facts.slotOffsets[slot]!, expr);
      let b = this.block(t.ref(v, LocalVariableF.Scope));
      while (b >= 0 && b !== sp && !ranges.has(b)) b = this.parentBlock(b);
      if (b !== sp && b < 0) continue;
      let list = varsOf.get(b);
      if (!list) varsOf.set(b, (list = []));
      list.push({ v, loc: loc ?? new Uint8Array(0) });
    }
    // blocks that hold variables, and the blocks around them, by parent
    const kids = new Map<number, number[]>();
    for (const b of varsOf.keys()) {
      // link b and the blocks around it that have code, up to the subprogram
      for (let c = b; c !== sp; ) {
        let p = this.parentBlock(c);
        while (p >= 0 && p !== sp && !ranges.has(p)) p = this.parentBlock(p);
        const parent = p >= 0 ? p : sp;
        let list = kids.get(parent);
        if (!list) kids.set(parent, (list = []));
        if (list.includes(c)) break;
        list.push(c);
        c = parent;
      }
    }

    const d = tree.add(this.types.scope(t.ref(sp, SubprogramF.Scope)), DW_TAG.subprogram);
    tree.addr(d, DW_AT.low_pc, facts.symbol, 0);
    tree.constant(d, DW_AT.high_pc, DW_FORM.data4, facts.size);
    tree.expr(d, DW_AT.frame_base, [DW_OP.reg0 + facts.frameBaseReg]);
    const linkage = t.stringField(sp, SubprogramF.LinkageName);
    if (linkage) tree.string(d, DW_AT.linkage_name, linkage);
    tree.string(d, DW_AT.name, t.stringField(sp, SubprogramF.Name));
    tree.udata(d, DW_AT.decl_file, spFile);
    tree.udata(d, DW_AT.decl_line, t.field(sp, SubprogramF.Line));
    const st = t.ref(sp, SubprogramF.Type);
    const types = st >= 0 && t.kind(st) === MdKind.SubroutineType ? t.ref(st, SubroutineTypeF.Types) : -1;
    if (types >= 0 && t.fieldCount(types) > 0) {
      const ret = this.types.type(t.ref(types, 0));
      if (ret >= 0) tree.ref(d, DW_AT.type, ret);
    }
    if (t.field(sp, SubprogramF.Flags) & FLAG_NORETURN) tree.flag(d, DW_AT.noreturn);
    if (!(t.field(sp, SubprogramF.SPFlags) & SPFLAG_LOCAL_TO_UNIT)) tree.flag(d, DW_AT.external);
    // parameters in argument order first, then the other variables, then nested blocks
    const emitScope = (die: DieId, b: number) => {
      const vars = varsOf.get(b) ?? [];
      if (b === sp) {
        const params = vars.filter((x) => t.field(x.v, LocalVariableF.Arg) > 0);
        params.sort((x, y) => t.field(x.v, LocalVariableF.Arg) - t.field(y.v, LocalVariableF.Arg));
        for (const x of params) this.variable(die, x.v, x.loc, DW_TAG.formal_parameter);
        for (const x of vars) if (t.field(x.v, LocalVariableF.Arg) === 0) this.variable(die, x.v, x.loc, DW_TAG.variable);
      } else for (const x of vars) this.variable(die, x.v, x.loc, DW_TAG.variable);
      for (const c of kids.get(b) ?? []) {
        const cd = tree.add(die, DW_TAG.lexical_block);
        const list = ranges.get(c)!;
        const triples: number[] = [];
        for (let q = 0; q < list.length; q += 2) triples.push(facts.symbol, list[q]!, list[q + 1]!);
        w.setRanges(cd, triples);
        emitScope(cd, c);
      }
    };
    emitScope(d, sp);
    this.types.templateParams(d, t.ref(sp, SubprogramF.TemplateParams));
  }

  /** The scope of the outermost location of an inlined-at chain. */
  private outermostScope(loc: number): number {
    const t = this.t;
    for (let n = 0; n < 1000; n++) {
      const up = t.ref(loc, LocationF.InlinedAt);
      if (up < 0) break;
      loc = up;
    }
    return t.ref(loc, LocationF.Scope);
  }

  private variable(parent: DieId, v: number, loc: Uint8Array, tag: number): void {
    const t = this.t, tree = this.w.info;
    const d = tree.add(parent, tag);
    if (loc.length > 0) tree.expr(d, DW_AT.location, loc);
    const name = t.stringField(v, LocalVariableF.Name);
    if (name) tree.string(d, DW_AT.name, name);
    const align = t.field(v, LocalVariableF.Align);
    if (align > 0) tree.udata(d, DW_AT.alignment, align / 8);
    tree.udata(d, DW_AT.decl_file, this.file(t.ref(v, LocalVariableF.File)));
    tree.udata(d, DW_AT.decl_line, t.field(v, LocalVariableF.Line));
    const ty = this.types.type(t.ref(v, LocalVariableF.Type));
    if (ty >= 0) tree.ref(d, DW_AT.type, ty);
    if (t.field(v, LocalVariableF.Flags) & FLAG_ARTIFICIAL) tree.flag(d, DW_AT.artificial);
  }

  /**
   * DW_OP_fbreg at the slot, with the DIExpression applied: offsets folded,
   * DW_OP_deref kept; null when the expression has parts this cannot say
   * (fragments, other operations), so the variable shows without a location.
   */
  private location(slotOffset: number, expr: number): Uint8Array | null {
    const t = this.t;
    const n = expr >= 0 && t.kind(expr) === MdKind.Expression ? t.fieldCount(expr) : 0;
    let off = slotOffset;
    const tail = new ByteBuffer(8);
    for (let k = 0; k < n; ) {
      const op = t.field(expr, k);
      if (op === DW_OP.plus_uconst && k + 1 < n && tail.length === 0) {
        off += t.field(expr, k + 1);
        k += 2;
      } else if (op === DW_OP_constu && k + 2 < n && tail.length === 0 && (t.field(expr, k + 2) === DW_OP_plus || t.field(expr, k + 2) === DW_OP_minus)) {
        off += t.field(expr, k + 2) === DW_OP_plus ? t.field(expr, k + 1) : -t.field(expr, k + 1);
        k += 3;
      } else if (op === DW_OP.deref) {
        tail.u8(DW_OP.deref);
        k++;
      } else if (op === DW_OP.plus_uconst && k + 1 < n) {
        tail.u8(DW_OP.plus_uconst);
        tail.uleb(t.field(expr, k + 1));
        k += 2;
      } else return null; // DW_OP_LLVM_fragment and the rest
    }
    const b = new ByteBuffer(16);
    b.u8(DW_OP.fbreg);
    b.sleb(off);
    b.append(tail.view8());
    return b.view8().slice();
  }

  finish(): void {
    this.w.finish();
  }
}
