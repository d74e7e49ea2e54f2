// DWARF for one module compiled with debug info (`-g`): the compile unit from
// the DI metadata, and per compiled function its subprogram (under its
// namespaces, with its code range and frame base), its line rows from the
// code generator's (code offset, srcloc) rows, its parameters and locals from
// #dbg_declare records at their stack slots (DW_OP_fbreg), lexical blocks
// with the code ranges of their locations, and the types they use.
// Needs the module's metadata (bitcode/metadata.ts) and what the code
// generator recorded per function (CodeFacts); writes through object/dwarf.

import {
  CompileUnitF, FileF, GlobalVariableExpressionF, GlobalVariableF, LexicalBlockF, LexicalBlockFileF, LocalVariableF, LocationF, MdKind, SubprogramF,
  SubroutineTypeF, ValueF, constantInt, readFunctionMetadata, readMetadata, type FunctionMetadata, type MetadataTable,
} from '../bitcode/metadata.js';
import { GlobalKind, type FunctionBody, type Module } from '../bitcode/module.js';
import { FuncCode } from '../bitcode/codes.js';
import { ElfObject, type SymbolId } from '../object/elf.js';
import { DwarfWriter } from '../object/dwarf/writer.js';
import { DW_AT, DW_FORM, DW_OP, DW_TAG } from '../object/dwarf/constants.js';
import type { DieId } from '../object/dwarf/die.js';
import { ABSENT, NodeMap, TypeDies, mdText } from './types.js';
import { assert } from '../support/diag.js';
import { SRCLOC_STMT } from '../x64/codegen.js';

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

const EMISSION_LINE_TABLES_ONLY = 2;
const SPFLAG_LOCAL_TO_UNIT = 1 << 2, SPFLAG_DEFINITION = 1 << 3, SPFLAG_MAIN_SUBPROGRAM = 1 << 8;
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

/** A lexical scope of one function: ranges as (start, end) offsets, variables as (node, location) pairs. */
interface Scope {
  node: number;
  ia: number;
  parent: Scope | null;
  kids: Scope[];
  ranges: number[];
  vars: (number | Uint8Array | null)[];
  needed: boolean;
}

function newScope(node: number, ia: number, parent: Scope | null): Scope {
  return { node, ia, parent, kids: [], ranges: [], vars: [], needed: false };
}

export class UnitBuilder {
  private m: Module;
  private t: MetadataTable;
  private w: DwarfWriter;
  private types: TypeDies;
  private dbgKind: number;
  private files = new NodeMap();
  private abstract = new NodeMap();
  /** Per srcloc of the current function: the last non-zero line before it in IR order. */
  private prevLine = new Int32Array(256);
  private locHasCode = new Uint8Array(256);
  private fileOfScope = new NodeMap();
  /** The unit asks for line tables only: subprograms by name under the unit, no types or variables. */
  private minimal = false;

  constructor(m: Module, obj: ElfObject, version: 4 | 5) {
    this.m = m;
    const t = (this.t = readMetadata(m));
    const cuNode = namedOps(t, 'llvm.dbg.cu')![0]!;
    const cuFile = t.ref(cuNode, CompileUnitF.File);
    const name = cuFile >= 0 ? mdText(t, m, cuFile, FileF.Filename) : m.fileName;
    const dir = cuFile >= 0 ? mdText(t, m, cuFile, FileF.Directory) : '';
    const w = (this.w = new DwarfWriter(obj, version, dir, name));
    const tree = w.info;
    const cu = tree.add(-1, DW_TAG.compile_unit);
    const producer = mdText(t, m, cuNode, CompileUnitF.Producer);
    if (producer) tree.string(cu, DW_AT.producer, producer);
    tree.constant(cu, DW_AT.language, DW_FORM.data2, t.field(cuNode, CompileUnitF.Language));
    tree.string(cu, DW_AT.name, name);
    w.stmtList();
    tree.string(cu, DW_AT.comp_dir, dir);
    this.minimal = t.field(cuNode, CompileUnitF.EmissionKind) === EMISSION_LINE_TABLES_ONLY;
    this.types = new TypeDies(t, m, tree, cu, version);
    this.types.fileNumber = (f) => this.file(f);
    this.types.declarationHook = (sp) => this.declaration(sp);
    this.dbgKind = t.kindId('dbg');
    if (!this.minimal) {
      // as LLVM's beginModule: the unit's enumerations and retained types, then its globals
      for (const field of [CompileUnitF.Enums, CompileUnitF.RetainedTypes]) {
        const list = t.ref(cuNode, field);
        for (let k = 0, n = list >= 0 ? t.fieldCount(list) : 0; k < n; k++) this.types.type(t.ref(list, k));
      }
      this.globals(obj, cuNode);
    }
  }

  /**
   * A DW_TAG_variable per DIGlobalVariable of the unit's globals list, in
   * its order (as LLVM's beginModule): at the address of the global it is
   * attached to (a thread-local: its offset in the TLS block, then
   * DW_OP_GNU_push_tls_address), without a location when no global of this
   * object carries it or its expression has operations.
   */
  private globals(obj: ElfObject, cuNode: number): void {
    const m = this.m, t = this.t, tree = this.w.info, names = this.types.names;
    // the globals carrying each DIGlobalVariableExpression
    const carriers = new Map<number, number[]>();
    for (let g = 0; g < m.globals.length; g++) {
      if (m.globals[g]!.kind !== GlobalKind.Var) continue;
      const att = t.globalAttachments(g);
      if (!att) continue;
      for (let k = 0; k < att.length; k += 2) {
        if (att[k] !== this.dbgKind || t.kind(att[k + 1]!) !== MdKind.GlobalVariableExpression) continue;
        const list = carriers.get(att[k + 1]!);
        if (list) list.push(g);
        else carriers.set(att[k + 1]!, [g]);
      }
    }
    const list = t.ref(cuNode, CompileUnitF.Globals);
    const n = list >= 0 ? t.fieldCount(list) : 0;
    // the expressions of each variable, in list order
    const exprsOf = new Map<number, number[]>();
    for (let k = 0; k < n; k++) {
      const gve = t.ref(list, k);
      if (gve < 0 || t.kind(gve) !== MdKind.GlobalVariableExpression) continue;
      const v = t.ref(gve, GlobalVariableExpressionF.Var);
      if (v < 0 || t.kind(v) !== MdKind.GlobalVariable) continue;
      const have = exprsOf.get(v);
      if (have) have.push(gve);
      else exprsOf.set(v, [gve]);
    }
    for (const [v, gves] of exprsOf) {
      const d = tree.add(this.types.scope(t.ref(v, GlobalVariableF.Scope)), DW_TAG.variable);
      names.attr(d, DW_AT.name, v, GlobalVariableF.Name);
      const ty = this.types.type(t.ref(v, GlobalVariableF.Type));
      if (ty >= 0) tree.ref(d, DW_AT.type, ty);
      if (!t.field(v, GlobalVariableF.IsLocal)) tree.flag(d, DW_AT.external);
      const file = t.ref(v, GlobalVariableF.File), line = t.field(v, GlobalVariableF.Line);
      if (line > 0) {
        tree.udata(d, DW_AT.decl_file, this.file(file));
        tree.udata(d, DW_AT.decl_line, line);
      }
      if (!t.field(v, GlobalVariableF.IsDefinition)) tree.flag(d, DW_AT.declaration);
      const align = t.field(v, GlobalVariableF.Align);
      if (align > 0) tree.constant(d, DW_AT.alignment, DW_FORM.udata, align / 8);
      this.types.templateParams(d, t.ref(v, GlobalVariableF.TemplateParams));
      for (const gve of gves) {
        const expr = t.ref(gve, GlobalVariableExpressionF.Expr);
        if (expr >= 0 && t.fieldCount(expr) !== 0) continue;
        const g = carriers.get(gve)?.[0];
        if (g === undefined) continue;
        const gv = m.globals[g]!;
        const sym = obj.findSymbol(gv.name);
        if (sym < 0) continue;
        if (gv.threadLocal) tree.exprTls(d, DW_AT.location, sym, 0);
        else tree.exprAddr(d, DW_AT.location, sym, 0);
        break;
      }
      names.attr(d, DW_AT.linkage_name, v, GlobalVariableF.LinkageName);
    }
  }

  /** The line table's number of DIFile node `f`. */
  private file(f: number): number {
    if (f < 0) return this.w.lines.fileOf('', '<unknown>');
    let n = this.files.get(f);
    if (n === ABSENT) {
      const t = this.t, m = this.m;
      n = this.w.lines.fileOf(mdText(t, m, f, FileF.Directory), mdText(t, m, f, FileF.Filename));
      this.files.set(f, n);
    }
    return n;
  }

  /** The file of a scope (subprogram, lexical block), -1 for others. */
  private scopeFile(s: number): number {
    if (s < 0) return -1;
    let n = this.fileOfScope.get(s);
    if (n === ABSENT) {
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

  /** The function's subprogram (its !dbg attachment), or -1. */
  private subprogram(fm: FunctionMetadata): number {
    const a = fm.attachments;
    for (let k = 0; k < a.length; k += 2) if (a[k] === this.dbgKind && this.t.kind(a[k + 1]!) === MdKind.Subprogram) return a[k + 1]!;
    return -1;
  }

  /**
   * Describes body `k` (translated and compiled: `facts`, and the CLIF stack
   * slot of each alloca as (instruction, slot) pairs). Functions without a
   * DISubprogram get nothing, as with LLVM. `argSlots` are (argument value,
   * slot) pairs for pointer arguments spilled for #dbg_declare.
   */
  addFunction(k: number, body: FunctionBody, facts: CodeFacts, allocaSlots: ArrayLike<number>, argSlots: ArrayLike<number>): void {
    const m = this.m, t = this.t, w = this.w, tree = w.info;
    const fm = readFunctionMetadata(m, k, body);
    const sp = this.subprogram(fm);
    if (sp < 0) return;
    const locs = body.locs.data;
    const spFile = this.file(t.ref(sp, SubprogramF.File));
    // line rows; a row starts a statement where LLVM's would: where the line
    // differs from the last non-zero line of code before it in IR order (the
    // order of LLVM's code, which cgts's follows where live ranges allow;
    // srclocs are numbered in IR order, and those of instructions that left
    // no code do not count), or where the code generator marked it
    // (SRCLOC_STMT: the first row of a block that a predecessor leaves on
    // another line)
    const nloc = body.locs.length / 5;
    if (this.prevLine.length < nloc) {
      this.prevLine = new Int32Array(nloc * 2);
      this.locHasCode = new Uint8Array(nloc * 2);
    }
    const prevLine = this.prevLine, hasCode = this.locHasCode;
    hasCode.fill(0, 0, nloc);
    for (let q = 1; q < facts.rows.length; q += 2) if (facts.rows[q]! >= 0) hasCode[facts.rows[q]! & ~SRCLOC_STMT] = 1;
    let last = t.field(sp, SubprogramF.ScopeLine) || t.field(sp, SubprogramF.Line);
    for (let r = 0; r < nloc; r++) {
      prevLine[r] = last;
      if (hasCode[r] !== 0 && locs[5 * r] !== 0) last = locs[5 * r]!;
    }
    w.lines.functionSequence(facts.symbol, facts.size, spFile, t.field(sp, SubprogramF.ScopeLine) || t.field(sp, SubprogramF.Line), facts.rows, (row, out) => {
      const r = row & ~SRCLOC_STMT;
      const s = fm.map(locs[5 * r + 2]! - 1);
      const f = s >= 0 ? this.scopeFile(s) : -1;
      out[0] = f >= 0 ? f : spFile;
      out[1] = locs[5 * r]!;
      out[2] = locs[5 * r + 1]!;
      out[3] = s;
      out[4] = locs[5 * r + 3]!;
      out[5] = out[1] !== 0 && (out[1] !== prevLine[r] || row !== r) ? 1 : 0;
    }, facts.prologueEnd);
    w.addRange(facts.symbol, facts.size);

    // lexical scopes as LLVM's LexicalScopes sees them: (block or subprogram, inlined-at) pairs
    const top = newScope(sp, -1, null);
    // keyed by (node, inlined-at) as one number: node + (ia + 1) * count, exact while count < 2^26
    const scopes = new Map<number, Scope>();
    const nodes = t.count;
    assert(nodes < 1 << 26, 'metadata ids fit in scope keys');
    const scopeOf = (node: number, ia: number, depth = 0): Scope => {
      node = this.block(node);
      if ((node === sp && ia < 0) || node < 0 || depth > 200) return top;
      const key = node + (ia + 1) * nodes;
      let sc = scopes.get(key);
      if (sc) return sc;
      const kind = t.kind(node);
      let parent: Scope;
      if (kind === MdKind.Subprogram) {
        // an inlined callee: its parent is the scope of the call site
        if (ia < 0) return top;
        parent = scopeOf(t.ref(ia, LocationF.Scope), t.ref(ia, LocationF.InlinedAt), depth + 1);
      } else if (kind === MdKind.LexicalBlock) parent = scopeOf(t.ref(node, LexicalBlockF.Scope), ia, depth + 1);
      else return top;
      sc = newScope(node, ia, parent);
      parent.kids.push(sc);
      scopes.set(key, sc);
      return sc;
    };
    // each row's stretch of code belongs to its scope and the scopes around it
    const rows = facts.rows;
    for (let q = 0; q < rows.length; q += 2) {
      const start = rows[q]!, end = q + 2 < rows.length ? rows[q + 2]! : facts.size;
      if (end <= start || rows[q + 1]! < 0) continue;
      const r = rows[q + 1]! & ~SRCLOC_STMT;
      const ia = locs[5 * r + 3]! - 1;
      for (let sc: Scope | null = scopeOf(fm.map(locs[5 * r + 2]! - 1), ia >= 0 ? fm.map(ia) : -1); sc && sc !== top; sc = sc.parent) {
        const list = sc.ranges;
        if (list.length > 0 && list[list.length - 1] === start) list[list.length - 1] = end;
        else list.push(start, end);
      }
    }

    // variables from #dbg_declare records of allocas and of pointer arguments
    const slotOfValue = new Map<number, number>();
    for (let q = 0; q < allocaSlots.length; q += 2) slotOfValue.set(body.val[allocaSlots[q]!]!, allocaSlots[q + 1]!);
    const argSlotOf = new Map<number, number>();
    for (let q = 0; q < argSlots.length; q += 2) argSlotOf.set(argSlots[q]!, argSlots[q + 1]!);
    const recs = body.dbgRecords.data, ops = body.dbgOps.data;
    for (let q = 0; q < (this.minimal ? 0 : body.dbgRecords.length); q += 4) {
      if (recs[q + 1] !== FuncCode.DebugRecordDeclare) continue;
      const at = recs[q + 2]!;
      const dl = fm.map(ops[at]!), v = fm.map(ops[at + 1]!), expr = fm.map(ops[at + 2]!), val = fm.map(ops[at + 3]!);
      if (v < 0 || t.kind(v) !== MdKind.LocalVariable || val < 0 || t.kind(val) !== MdKind.Value) continue;
      const id = t.field(val, ValueF.Value);
      const slot = slotOfValue.get(id), argSlot = argSlotOf.get(id);
      if (slot === undefined && argSlot === undefined) continue;
      const loc = slot !== undefined ? this.location(facts.slotOffsets[slot]!, false, expr) : this.location(facts.slotOffsets[argSlot!]!, true, expr);
      // as LLVM: a variable whose scope holds no code is left out
      const sc = dl >= 0 ? scopeOf(t.ref(dl, LocationF.Scope), t.ref(dl, LocationF.InlinedAt)) : scopeOf(t.ref(v, LocalVariableF.Scope), -1);
      if (sc !== top && sc.ranges.length === 0) continue;
      sc.vars.push(v, loc);
    }
    // scopes with variables or inlined code, and the scopes around them, get DIEs
    for (const sc of scopes.values()) {
      if (sc.ranges.length > 0 && (sc.vars.length > 0 || t.kind(sc.node) === MdKind.Subprogram)) {
        for (let u: Scope | null = sc; u && !u.needed; u = u.parent) u.needed = true;
      }
    }

    // as LLVM: the abstract DIEs of the subprograms inlined here come before the function's own
    let inlined = false;
    for (const sc of scopes.values()) {
      if (sc.needed && t.kind(sc.node) === MdKind.Subprogram) {
        this.abstractSubprogram(sc.node);
        inlined = true;
      }
    }
    // with line tables only, LLVM describes only functions with inlined code (for their call sites)
    if (this.minimal && !inlined) return;
    const d = tree.add(this.minimal ? this.types.scope(-1) : this.subprogramParent(sp), DW_TAG.subprogram);
    tree.addr(d, DW_AT.low_pc, facts.symbol, 0);
    tree.constant(d, DW_AT.high_pc, DW_FORM.data4, facts.size);
    if (!this.minimal) tree.expr(d, DW_AT.frame_base, [DW_OP.reg0 + facts.frameBaseReg]);
    this.subprogramAttributes(d, sp);
    this.emitScope(d, top, facts, spFile);
  }

  /**
   * The DIEs of scope `sc`'s variables under `die`, parameters in argument
   * order first, then the other variables, then its nested scopes. (A method,
   * not a closure made per function: V8 optimizes one function for all.)
   */
  private emitScope(die: DieId, sc: Scope, facts: CodeFacts, spFile: number): void {
    const t = this.t, w = this.w, tree = w.info;
    const vars = sc.vars;
    const order: number[] = [];
    for (let q = 0; q < vars.length; q += 2) if (t.field(vars[q] as number, LocalVariableF.Arg) > 0) order.push(q);
    order.sort((x, y) => t.field(vars[x] as number, LocalVariableF.Arg) - t.field(vars[y] as number, LocalVariableF.Arg));
    for (const q of order) this.variable(die, vars[q] as number, vars[q + 1] as Uint8Array | null, DW_TAG.formal_parameter);
    for (let q = 0; q < vars.length; q += 2) {
      if (t.field(vars[q] as number, LocalVariableF.Arg) === 0) this.variable(die, vars[q] as number, vars[q + 1] as Uint8Array | null, DW_TAG.variable);
    }
    for (const c of sc.kids) {
      if (!c.needed) continue;
      // as LLVM: a block holding only other scopes gives them to its parent
      if (t.kind(c.node) !== MdKind.Subprogram && c.vars.length === 0) {
        this.emitScope(die, c, facts, spFile);
        continue;
      }
      let cd: DieId;
      if (t.kind(c.node) === MdKind.Subprogram) {
        cd = tree.add(die, DW_TAG.inlined_subroutine);
        tree.ref(cd, DW_AT.abstract_origin, this.abstractSubprogram(c.node));
      } else cd = tree.add(die, DW_TAG.lexical_block);
      const triples: number[] = [];
      for (let q = 0; q < c.ranges.length; q += 2) triples.push(facts.symbol, c.ranges[q]!, c.ranges[q + 1]!);
      w.setRanges(cd, triples);
      if (t.kind(c.node) === MdKind.Subprogram) {
        const cs = t.ref(c.ia, LocationF.Scope);
        const f = cs >= 0 ? this.scopeFile(this.block(cs)) : -1;
        tree.udata(cd, DW_AT.call_file, f >= 0 ? f : spFile);
        tree.udata(cd, DW_AT.call_line, t.field(c.ia, LocationF.Line));
        tree.udata(cd, DW_AT.call_column, t.field(c.ia, LocationF.Column));
      }
      this.emitScope(cd, c, facts, spFile);
    }
  }

  /**
   * The DIE a subprogram's DIE goes under: the unit's for a definition with
   * a declaration (whose DIE, under its type or namespace, is made first),
   * else its scope's.
   */
  private subprogramParent(sp: number): DieId {
    const decl = this.t.ref(sp, SubprogramF.Declaration);
    if (decl >= 0 && this.t.kind(decl) === MdKind.Subprogram) {
      this.declaration(decl);
      return this.types.scope(-1);
    }
    return this.types.scope(this.t.ref(sp, SubprogramF.Scope));
  }

  /** The DIE of subprogram declaration `sp` (a method under its type), made on first use. */
  private declaration(sp: number): DieId {
    const parent = this.types.scope(this.t.ref(sp, SubprogramF.Scope));
    let d = this.types.known(sp);
    if (d === undefined) {
      d = this.w.info.add(parent, DW_TAG.subprogram);
      this.types.remember(sp, d);
      this.subprogramAttributes(d, sp);
    }
    return d;
  }

  /** The return type node of subprogram `sp`, -1 for none. */
  private returnType(sp: number): number {
    const t = this.t;
    const st = t.ref(sp, SubprogramF.Type);
    const types = st >= 0 && t.kind(st) === MdKind.SubroutineType ? t.ref(st, SubroutineTypeF.Types) : -1;
    return types >= 0 && t.fieldCount(types) > 0 ? t.ref(types, 0) : -1;
  }

  /**
   * Attributes of subprogram `sp` on `d` in LLVM's order (applySubprogramAttributes):
   * for a definition with a declaration, what differs from it and DW_AT_specification;
   * else template parameters, names, declaration line, return type, parameter types
   * of a declaration, and flags.
   */
  private subprogramAttributes(d: DieId, sp: number): void {
    const t = this.t, tree = this.w.info;
    const names = this.types.names;
    if (this.minimal) {
      // line tables only: the name alone
      names.attr(d, DW_AT.name, sp, SubprogramF.Name);
      return;
    }
    const decl = t.ref(sp, SubprogramF.Declaration);
    if (decl >= 0 && t.kind(decl) === MdKind.Subprogram) {
      const declDie = this.declaration(decl);
      const ret = this.returnType(sp);
      if (ret >= 0 && ret !== this.returnType(decl)) tree.ref(d, DW_AT.type, this.types.type(ret));
      const file = this.file(t.ref(sp, SubprogramF.File));
      if (file !== this.file(t.ref(decl, SubprogramF.File))) tree.udata(d, DW_AT.decl_file, file);
      if (t.field(sp, SubprogramF.Line) !== t.field(decl, SubprogramF.Line)) tree.udata(d, DW_AT.decl_line, t.field(sp, SubprogramF.Line));
      this.types.templateParams(d, t.ref(sp, SubprogramF.TemplateParams));
      if (t.ref(sp, SubprogramF.LinkageName) !== t.ref(decl, SubprogramF.LinkageName)) names.attr(d, DW_AT.linkage_name, sp, SubprogramF.LinkageName);
      tree.ref(d, DW_AT.specification, declDie);
      return;
    }
    this.types.templateParams(d, t.ref(sp, SubprogramF.TemplateParams));
    names.attr(d, DW_AT.linkage_name, sp, SubprogramF.LinkageName);
    names.attr(d, DW_AT.name, sp, SubprogramF.Name);
    const line = t.field(sp, SubprogramF.Line);
    if (line !== 0) {
      tree.udata(d, DW_AT.decl_file, this.file(t.ref(sp, SubprogramF.File)));
      tree.udata(d, DW_AT.decl_line, line);
    }
    const ret = this.returnType(sp);
    if (ret >= 0) {
      const rd = this.types.type(ret);
      if (rd >= 0) tree.ref(d, DW_AT.type, rd);
    }
    const spFlags = t.field(sp, SubprogramF.SPFlags), flags = t.field(sp, SubprogramF.Flags);
    if (!(spFlags & SPFLAG_DEFINITION)) {
      tree.flag(d, DW_AT.declaration);
      const st = t.ref(sp, SubprogramF.Type);
      if (st >= 0 && t.kind(st) === MdKind.SubroutineType) this.types.parameters(d, t.ref(st, SubroutineTypeF.Types));
    }
    if (flags & FLAG_ARTIFICIAL) tree.flag(d, DW_AT.artificial);
    if (!(spFlags & SPFLAG_LOCAL_TO_UNIT)) tree.flag(d, DW_AT.external);
    if (flags & FLAG_NORETURN) tree.flag(d, DW_AT.noreturn);
    const access = flags & 3;
    if (access) tree.constant(d, DW_AT.accessibility, DW_FORM.data1, access === 1 ? 3 : access === 2 ? 2 : 1);
    if (spFlags & SPFLAG_MAIN_SUBPROGRAM) tree.flag(d, DW_AT.main_subprogram);
  }

  /** The abstract DIE (DW_AT_inline) of a subprogram inlined somewhere in this unit. */
  private abstractSubprogram(sp: number): DieId {
    let d = this.abstract.get(sp);
    if (d === ABSENT) {
      const tree = this.w.info;
      d = tree.add(this.minimal ? this.types.scope(-1) : this.subprogramParent(sp), DW_TAG.subprogram);
      this.abstract.set(sp, d);
      this.subprogramAttributes(d, sp);
      tree.constant(d, DW_AT.inline, DW_FORM.data1, 1); // DW_INL_inlined
    }
    return d;
  }

  private variable(parent: DieId, v: number, loc: Uint8Array | null, tag: number): void {
    const t = this.t, tree = this.w.info;
    const d = tree.add(parent, tag);
    if (loc) tree.expr(d, DW_AT.location, loc);
    this.types.names.attr(d, DW_AT.name, v, LocalVariableF.Name);
    const align = t.field(v, LocalVariableF.Align);
    if (align > 0) tree.constant(d, DW_AT.alignment, DW_FORM.udata, align / 8);
    tree.udata(d, DW_AT.decl_file, this.file(t.ref(v, LocalVariableF.File)));
    tree.udata(d, DW_AT.decl_line, t.field(v, LocalVariableF.Line));
    const ty = this.types.type(t.ref(v, LocalVariableF.Type));
    if (ty >= 0) tree.ref(d, DW_AT.type, ty);
    if (t.field(v, LocalVariableF.Flags) & FLAG_ARTIFICIAL) tree.flag(d, DW_AT.artificial);
  }

  /**
   * DW_OP_fbreg at the slot (`indirect`: the slot holds the variable's
   * address), with the DIExpression applied: offsets folded, DW_OP_deref
   * kept; null when the expression has parts this cannot say (fragments,
   * other operations), so the variable shows without a location.
   */
  private location(slotOffset: number, indirect: boolean, expr: number): Uint8Array | null {
    const t = this.t;
    const n = expr >= 0 && t.kind(expr) === MdKind.Expression ? t.fieldCount(expr) : 0;
    let off = slotOffset;
    const tail: number[] = [];
    if (indirect) tail.push(DW_OP.deref);
    for (let k = 0; k < n; ) {
      const op = t.field(expr, k);
      if (op === DW_OP.plus_uconst && k + 1 < n && tail.length === 0) {
        off += t.field(expr, k + 1);
        k += 2;
      } else if (op === DW_OP_constu && k + 2 < n && tail.length === 0 && (t.field(expr, k + 2) === DW_OP_plus || t.field(expr, k + 2) === DW_OP_minus)) {
        off += t.field(expr, k + 2) === DW_OP_plus ? t.field(expr, k + 1) : -t.field(expr, k + 1);
        k += 3;
      } else if (op === DW_OP.deref) {
        tail.push(DW_OP.deref);
        k++;
      } else if (op === DW_OP.plus_uconst && k + 1 < n) {
        tail.push(DW_OP.plus_uconst);
        uleb(tail, t.field(expr, k + 1));
        k += 2;
      } else return null; // DW_OP_LLVM_fragment and the rest
    }
    const b: number[] = [DW_OP.fbreg];
    sleb(b, off);
    for (const x of tail) b.push(x);
    return Uint8Array.from(b);
  }

  finish(): void {
    this.w.finish();
  }
}

function uleb(out: number[], v: number): void {
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
}

function sleb(out: number[], v: number): void {
  for (;;) {
    const b = v & 0x7f;
    v = Math.floor(v / 128);
    const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return;
  }
}
