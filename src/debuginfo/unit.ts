// DWARF for one module compiled with debug info (`-g`): the compile unit from
// the DI metadata, and per compiled function its subprogram (under its
// namespaces, with its code range and frame base), its line rows from the
// code generator's (code offset, srcloc) rows, its parameters and locals from
// #dbg_declare records at their stack slots (DW_OP_fbreg) and from
// #dbg_value records where the code generator keeps the value (location
// lists), lexical blocks with the code ranges of their locations, and the
// types they use.
// Needs the module's metadata (bitcode/metadata.ts) and what the code
// generator recorded per function (CodeFacts); writes through object/dwarf.

import {
  CompileUnitF, FileF, GlobalVariableExpressionF, GlobalVariableF, LexicalBlockF, LexicalBlockFileF, LocalVariableF, LocationF, MdKind, SubprogramF,
  SubroutineTypeF, ValueF, constantInt, readFunctionMetadata, readMetadata, type FunctionMetadata, type MetadataTable,
} from '../bitcode/metadata.js';
import { ConstKind, GlobalKind, type FunctionBody, type Module } from '../bitcode/module.js';
import { FuncCode } from '../bitcode/codes.js';
import { ElfObject, type SymbolId } from '../object/elf.js';
import { DwarfWriter } from '../object/dwarf/writer.js';
import { DW_AT, DW_FORM, DW_OP, DW_TAG } from '../object/dwarf/constants.js';
import { writeSleb, writeUleb, type DieId } from '../object/dwarf/die.js';
import { grownI32 } from '../support/arrays.js';
import { ABSENT, NodeMap, TypeDies, mdText } from './types.js';
import { SRCLOC_STMT, ValueLoc } from '../x64/codegen.js';

/** What the code generator recorded for one function (x64 FunctionDebugFacts has this shape). */
export interface CodeFacts {
  symbol: SymbolId;
  size: number;
  /** (code offset, srcloc) pairs; a srcloc indexes the body's `locs` (5 numbers each). */
  rows: Int32Array;
  prologueEnd: number;
  frameBaseReg: number;
  slotOffsets: Int32Array;
  /** Per debug record of the body (in order), where the CLIF value of a #dbg_value lives: five numbers (x64 ValueLoc). */
  valueLocs: Int32Array;
}

const EMISSION_LINE_TABLES_ONLY = 2;
const SPFLAG_LOCAL_TO_UNIT = 1 << 2, SPFLAG_DEFINITION = 1 << 3, SPFLAG_MAIN_SUBPROGRAM = 1 << 8;
const FLAG_ARTIFICIAL = 1 << 6;
const FLAG_NORETURN = 1 << 20;
const DW_OP_constu = 0x10, DW_OP_plus = 0x22, DW_OP_minus = 0x1c, DW_OP_piece = 0x93, DW_OP_LLVM_fragment = 0x1000;
const DW_OP_stack_value = 0x9f;

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

/**
 * The lexical scopes of the function being described, as LLVM's
 * LexicalScopes sees them: (block or subprogram, inlined-at) pairs in a
 * tree, scope 0 the function's own. Dense columns reused from function to
 * function; ranges and variables are lists in pools, linked in the order added.
 */
class Scopes {
  count = 0;
  node = new Int32Array(64);
  ia = new Int32Array(64);
  parent = new Int32Array(64);
  firstKid = new Int32Array(64);
  lastKid = new Int32Array(64);
  nextSib = new Int32Array(64);
  /** the next scope with the same node (of those in `head`) */
  sameNode = new Int32Array(64);
  firstRange = new Int32Array(64);
  lastRange = new Int32Array(64);
  firstVar = new Int32Array(64);
  lastVar = new Int32Array(64);
  numVars = new Int32Array(64);
  needed = new Uint8Array(64);
  // code ranges: (start, end) offsets and the next range of the same scope
  numRanges = 0;
  rangeStart = new Int32Array(256);
  rangeEnd = new Int32Array(256);
  rangeNext = new Int32Array(256);
  // variables: DILocalVariable, location bytes (start in `locBytes`, length
  // or -1 for none), the code range where the location holds (start -1: all
  // of the scope), the CLIF value a #dbg_value variable names (-1: none; -2
  // for a #dbg_declare variable), next of the same scope
  numVarsAll = 0;
  varNode = new Int32Array(64);
  varLoc = new Int32Array(64);
  varLocLen = new Int32Array(64);
  varRangeStart = new Int32Array(64);
  varRangeEnd = new Int32Array(64);
  varValue = new Int32Array(64);
  varNext = new Int32Array(64);
  locBytes = new Uint8Array(256);
  locLen = 0;
  /** per metadata node: the first scope of this function with it, valid where `stamp` is the function's */
  head = new Int32Array(1024);
  stamp = new Int32Array(1024);
  fn = 0;

  /** Empties the tree for a new function with subprogram `sp`: scope 0. */
  reset(sp: number): void {
    this.fn++;
    this.count = 0;
    this.numRanges = 0;
    this.numVarsAll = 0;
    this.locLen = 0;
    this.add(sp, -1, -1);
  }

  /** The scope of `node` at `ia` made so far, or -1. */
  find(node: number, ia: number): number {
    if (node >= this.stamp.length || this.stamp[node] !== this.fn) return -1;
    for (let s = this.head[node]!; s >= 0; s = this.sameNode[s]!) if (this.ia[s] === ia) return s;
    return -1;
  }

  /** A new scope, the last child of `parent` (-1 for none). */
  add(node: number, ia: number, parent: number): number {
    const s = this.count++;
    if (s === this.node.length) this.growScopes();
    this.node[s] = node;
    this.ia[s] = ia;
    this.parent[s] = parent;
    this.firstKid[s] = this.lastKid[s] = this.nextSib[s] = -1;
    this.firstRange[s] = this.lastRange[s] = -1;
    this.firstVar[s] = this.lastVar[s] = -1;
    this.numVars[s] = 0;
    this.needed[s] = 0;
    if (parent >= 0) {
      const last = this.lastKid[parent]!;
      if (last < 0) this.firstKid[parent] = s;
      else this.nextSib[last] = s;
      this.lastKid[parent] = s;
    }
    if (node >= 0) {
      if (node >= this.stamp.length) {
        this.stamp = grownI32(this.stamp, node);
        this.head = grownI32(this.head, node);
      }
      this.sameNode[s] = this.stamp[node] === this.fn ? this.head[node]! : -1;
      this.stamp[node] = this.fn;
      this.head[node] = s;
    }
    return s;
  }

  private growScopes(): void {
    const n = this.node.length;
    this.node = grownI32(this.node, n);
    this.ia = grownI32(this.ia, n);
    this.parent = grownI32(this.parent, n);
    this.firstKid = grownI32(this.firstKid, n);
    this.lastKid = grownI32(this.lastKid, n);
    this.nextSib = grownI32(this.nextSib, n);
    this.sameNode = grownI32(this.sameNode, n);
    this.firstRange = grownI32(this.firstRange, n);
    this.lastRange = grownI32(this.lastRange, n);
    this.firstVar = grownI32(this.firstVar, n);
    this.lastVar = grownI32(this.lastVar, n);
    this.numVars = grownI32(this.numVars, n);
    const needed = new Uint8Array(2 * n);
    needed.set(this.needed);
    this.needed = needed;
  }

  /** Adds code [start, end) to scope `s`, extending its last range when that ends at `start`. */
  addRange(s: number, start: number, end: number): void {
    const last = this.lastRange[s]!;
    if (last >= 0 && this.rangeEnd[last] === start) {
      this.rangeEnd[last] = end;
      return;
    }
    const r = this.numRanges++;
    if (r === this.rangeStart.length) {
      this.rangeStart = grownI32(this.rangeStart, r);
      this.rangeEnd = grownI32(this.rangeEnd, r);
      this.rangeNext = grownI32(this.rangeNext, r);
    }
    this.rangeStart[r] = start;
    this.rangeEnd[r] = end;
    this.rangeNext[r] = -1;
    if (last < 0) this.firstRange[s] = r;
    else this.rangeNext[last] = r;
    this.lastRange[s] = r;
  }

  /**
   * Adds variable `v` to scope `s`, its location the `len` bytes last written
   * to locBytes (-1: none), holding in code [start, end) (start -1: wherever
   * the scope is); `value` as varValue. Returns its index.
   */
  addVar(s: number, v: number, len: number, start = -1, end = -1, value = -2): number {
    const k = this.numVarsAll++;
    if (k === this.varNode.length) {
      this.varNode = grownI32(this.varNode, k);
      this.varLoc = grownI32(this.varLoc, k);
      this.varLocLen = grownI32(this.varLocLen, k);
      this.varRangeStart = grownI32(this.varRangeStart, k);
      this.varRangeEnd = grownI32(this.varRangeEnd, k);
      this.varValue = grownI32(this.varValue, k);
      this.varNext = grownI32(this.varNext, k);
    }
    this.varNode[k] = v;
    this.varLoc[k] = len >= 0 ? this.locLen - len : 0;
    this.varLocLen[k] = len;
    this.varRangeStart[k] = start;
    this.varRangeEnd[k] = end;
    this.varValue[k] = value;
    this.varNext[k] = -1;
    const last = this.lastVar[s]!;
    if (last < 0) this.firstVar[s] = k;
    else this.varNext[last] = k;
    this.lastVar[s] = k;
    this.numVars[s]++;
    return k;
  }

  /** The index of variable `v` among scope `s`'s, or -1. */
  findVar(s: number, v: number): number {
    let k = this.firstVar[s]!;
    while (k >= 0 && this.varNode[k] !== v) k = this.varNext[k]!;
    return k;
  }

  /** Room for `n` more location bytes. */
  reserveLoc(n: number): Uint8Array {
    if (this.locLen + n > this.locBytes.length) {
      const b = new Uint8Array(Math.max(this.locBytes.length * 2, this.locLen + n));
      b.set(this.locBytes.subarray(0, this.locLen));
      this.locBytes = b;
    }
    return this.locBytes;
  }
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

    // lexical scopes as LLVM's LexicalScopes sees them
    const sc = this.scopes;
    sc.reset(sp);
    this.sp = sp;
    // each srcloc's scope (-2 until asked)
    if (this.locScope.length < nloc) this.locScope = new Int32Array(nloc * 2);
    const locScope = this.locScope;
    locScope.fill(-2, 0, nloc);
    // each row's stretch of code belongs to its scope and the scopes around
    // it; consecutive rows of one scope are one stretch
    const rows = facts.rows;
    let runScope = -1, runStart = 0, runEnd = 0;
    for (let q = 0; q < rows.length; q += 2) {
      const start = rows[q]!, end = q + 2 < rows.length ? rows[q + 2]! : facts.size;
      if (end <= start || rows[q + 1]! < 0) continue;
      const r = rows[q + 1]! & ~SRCLOC_STMT;
      let s = locScope[r]!;
      if (s === -2) {
        const ia = locs[5 * r + 3]! - 1;
        s = locScope[r] = this.scopeOf(fm.map(locs[5 * r + 2]! - 1), ia >= 0 ? fm.map(ia) : -1, 0);
      }
      if (s === runScope && start === runEnd) {
        runEnd = end;
        continue;
      }
      for (let u = runScope; u > 0; u = sc.parent[u]!) sc.addRange(u, runStart, runEnd);
      runScope = s;
      runStart = start;
      runEnd = end;
    }
    for (let u = runScope; u > 0; u = sc.parent[u]!) sc.addRange(u, runStart, runEnd);

    // variables from #dbg_declare records of allocas and of pointer arguments:
    // per value id, its slot * 2 (+ 1 for an argument's, which holds the address)
    this.stamp++;
    let home = this.home, homeStamp = this.homeStamp;
    const setHome = (id: number, h: number): void => {
      if (id >= home.length) {
        home = this.home = grownI32(home, id);
        homeStamp = this.homeStamp = grownI32(homeStamp, id);
      }
      home[id] = h;
      homeStamp[id] = this.stamp;
    };
    for (let q = 0; q < allocaSlots.length; q += 2) setHome(body.val[allocaSlots[q]!]!, 2 * allocaSlots[q + 1]!);
    // (argument values are not instruction values: the two never name one id)
    for (let q = 0; q < argSlots.length; q += 2) setHome(argSlots[q]!, 2 * argSlots[q + 1]! + 1);
    const recs = body.dbgRecords.data, ops = body.dbgOps.data;
    for (let q = 0; q < (this.minimal ? 0 : body.dbgRecords.length); q += 4) {
      if (recs[q + 1] !== FuncCode.DebugRecordDeclare) continue;
      const at = recs[q + 2]!;
      const v = fm.map(ops[at + 1]!), val = fm.map(ops[at + 3]!);
      if (v < 0 || t.kind(v) !== MdKind.LocalVariable || val < 0 || t.kind(val) !== MdKind.Value) continue;
      const id = t.field(val, ValueF.Value);
      const s = this.recordScope(fm.map(ops[at]!), v);
      if (s < 0) continue;
      if (id >= home.length || homeStamp[id] !== this.stamp) {
        // declared at an address cgts keeps nowhere (an sret pointer, a
        // computed address): the variable without a location, as LLVM has it
        if (sc.findVar(s, v) < 0) sc.addVar(s, v, -1);
        continue;
      }
      const h = home[id]!;
      const len = this.location(facts.slotOffsets[h >> 1]!, (h & 1) !== 0, fm.map(ops[at + 2]!));
      if (this.pieceSize < 0) sc.addVar(s, v, len);
      else this.addPiece(s, v, len);
    }
    if (this.numPieces > 0) this.joinPieces();
    if (!this.minimal) {
      this.valueVariables(body, fm, facts);
      this.retainedVariables(sp);
    }
    // scopes with variables or inlined code, and the scopes around them, get DIEs
    for (let u = 1; u < sc.count; u++) {
      if (sc.firstRange[u]! >= 0 && (sc.numVars[u]! > 0 || t.kind(sc.node[u]!) === MdKind.Subprogram)) {
        for (let w = u; w >= 0 && !sc.needed[w]; w = sc.parent[w]!) sc.needed[w] = 1;
      }
    }

    // as LLVM: the abstract DIEs of the subprograms inlined here come before the function's own
    let inlined = false;
    for (let u = 1; u < sc.count; u++) {
      if (sc.needed[u] && t.kind(sc.node[u]!) === MdKind.Subprogram) {
        this.abstractSubprogram(sc.node[u]!);
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
    this.emitScope(d, 0, facts, spFile);
  }

  /**
   * Variables from #dbg_value records, after those from #dbg_declare as with
   * LLVM: each where the code generator keeps the value, from the end of its
   * definition to its last use (a location list of one entry), with the
   * record's DIExpression applied. A variable named by records of different
   * values, or of none (poison), gets no location: cgts does not follow
   * which of them holds where.
   */
  private valueVariables(body: FunctionBody, fm: FunctionMetadata, facts: CodeFacts): void {
    const t = this.t, sc = this.scopes;
    const recs = body.dbgRecords.data, ops = body.dbgOps.data, locs = facts.valueLocs;
    for (let q = 0; q < body.dbgRecords.length; q += 4) {
      const code = recs[q + 1]!;
      if (code !== FuncCode.DebugRecordValue && code !== FuncCode.DebugRecordValueSimple) continue;
      const at = recs[q + 2]!;
      const v = fm.map(ops[at + 1]!);
      if (v < 0 || t.kind(v) !== MdKind.LocalVariable) continue;
      const s = this.recordScope(fm.map(ops[at]!), v);
      if (s < 0) continue;
      const r = q >> 2, j = 5 * r;
      // the record (its valueLocs entry) standing for the value, -1 when it is nowhere
      const value = j < locs.length && locs[j] !== ValueLoc.None && locs[j + 3]! < locs[j + 4]! ? r : -1;
      const k = sc.findVar(s, v);
      // as LLVM: a variable only ever undefined (poison) gets no DIE
      if (k < 0 && this.undefinedRecord(body, fm, q)) continue;
      if (k >= 0) {
        // another record of a variable seen before: a different value loses the location
        if (sc.varValue[k] !== -2 && !this.sameValue(locs, sc.varValue[k]!, value)) sc.varLocLen[k] = -1;
        continue;
      }
      const len = value >= 0 ? this.valueLocation(locs, r, fm.map(ops[at + 2]!)) : -1;
      sc.addVar(s, v, len, len >= 0 ? locs[j + 3]! : -1, len >= 0 ? locs[j + 4]! : -1, value);
    }
  }

  /**
   * As LLVM: the variables the subprogram retains (rustc lists all its own
   * there) that no record named, without a location, in their scopes that
   * hold code.
   */
  private retainedVariables(sp: number): void {
    const t = this.t, sc = this.scopes;
    const list = t.ref(sp, SubprogramF.RetainedNodes);
    if (list < 0 || t.kind(list) !== MdKind.Tuple) return;
    for (let i = 0; i < t.fieldCount(list); i++) {
      const v = t.ref(list, i);
      if (v < 0 || t.kind(v) !== MdKind.LocalVariable) continue;
      const s = this.recordScope(-1, v);
      if (s >= 0 && sc.findVar(s, v) < 0) sc.addVar(s, v, -1);
    }
  }

  /** Whether #dbg_value record q (offset of its quad) names an undef or poison value. */
  private undefinedRecord(body: FunctionBody, fm: FunctionMetadata, q: number): boolean {
    const m = this.m, t = this.t;
    let v = body.dbgOps.data[body.dbgRecords.data[q + 2]! + 3]!;
    if (body.dbgRecords.data[q + 1] === FuncCode.DebugRecordValue) {
      const val = fm.map(v);
      if (val < 0 || t.kind(val) !== MdKind.Value) return false;
      v = t.field(val, ValueF.Value);
    }
    const nglobals = m.globals.length;
    const table = v >= nglobals && v < body.argBase ? m.consts : v >= body.consts.base && v < body.instBase ? body.consts : null;
    if (!table) return false;
    const kind = table.kind.data[v - (table === m.consts ? nglobals : table.base)];
    return kind === ConstKind.Undef || kind === ConstKind.Poison;
  }

  /**
   * The scope of a debug record of variable `v` at location `dl` (-1: none),
   * or -1 when that scope holds no code: as LLVM, its variables are left out.
   */
  private recordScope(dl: number, v: number): number {
    const t = this.t;
    const s = dl >= 0 ? this.scopeOf(t.ref(dl, LocationF.Scope), t.ref(dl, LocationF.InlinedAt), 0) : this.scopeOf(t.ref(v, LocalVariableF.Scope), -1, 0);
    return s !== 0 && this.scopes.firstRange[s]! < 0 ? -1 : s;
  }

  /** Whether records a and b (indexes into valueLocs, -1: nowhere) name the same value. */
  private sameValue(locs: Int32Array, a: number, b: number): boolean {
    if (a < 0 || b < 0) return a === b;
    for (let k = 0; k < 5; k++) if (locs[5 * a + k] !== locs[5 * b + k]) return false;
    return true;
  }

  /**
   * Writes to the scopes' location bytes where record r's value is
   * (valueLocs), with DIExpression `expr` applied to it; returns the length
   * written, or -1 (nothing written) for operations this cannot say
   * (fragments among them), so the variable shows without a location.
   */
  private valueLocation(locs: Int32Array, r: number, expr: number): number {
    const t = this.t, sc = this.scopes;
    const kind = locs[5 * r]!, a = locs[5 * r + 1]!, b = locs[5 * r + 2]!;
    const n = expr >= 0 && t.kind(expr) === MdKind.Expression ? t.fieldCount(expr) : 0;
    for (let k = 0; k < n; ) {
      const op = t.field(expr, k);
      if (op === DW_OP.plus_uconst || op === DW_OP_constu) k += 2;
      else if (op === DW_OP_plus || op === DW_OP_minus || op === DW_OP.deref) k++;
      else if (op === DW_OP_stack_value && k === n - 1) k++;
      else return -1;
    }
    const out = sc.reserveLoc(24 + 11 * n);
    const start = sc.locLen;
    let p = start, k = 0;
    // a leading offset folds into a register's or the frame's
    let off = 0;
    if (n >= 2 && t.field(expr, 0) === DW_OP.plus_uconst && (kind === ValueLoc.Reg || kind === ValueLoc.FrameAddr)) {
      off = t.field(expr, 1);
      k = 2;
    }
    switch (kind) {
      case ValueLoc.Reg:
        if (n === 0) out[p++] = DW_OP.reg0 + a;
        else {
          out[p++] = DW_OP.breg0 + a;
          p = writeSleb(out, p, off);
        }
        break;
      case ValueLoc.Frame:
        out[p++] = DW_OP.fbreg;
        p = writeSleb(out, p, a);
        if (n > 0) out[p++] = DW_OP.deref;
        break;
      case ValueLoc.FrameAddr:
        out[p++] = DW_OP.fbreg;
        p = writeSleb(out, p, a + off);
        if (n === 0) out[p++] = DW_OP_stack_value;
        break;
      case ValueLoc.Const: {
        out[p++] = DW_OP.const8u;
        for (let i = 0; i < 4; i++) out[p++] = (a >>> (8 * i)) & 0xff;
        for (let i = 0; i < 4; i++) out[p++] = (b >>> (8 * i)) & 0xff;
        if (n === 0) out[p++] = DW_OP_stack_value;
        break;
      }
      default:
        return -1;
    }
    while (k < n) {
      const op = t.field(expr, k++);
      out[p++] = op;
      if (op === DW_OP.plus_uconst || op === DW_OP_constu) p = writeUleb(out, p, t.field(expr, k++));
    }
    sc.locLen = p;
    return p - start;
  }

  private scopes = new Scopes();
  /** The subprogram of the function being described. */
  private sp = -1;
  private locScope = new Int32Array(256);
  /** Per value id: its variable's home (see addFunction), valid where homeStamp is `stamp`. */
  private home = new Int32Array(256);
  private homeStamp = new Int32Array(256);
  private stamp = 0;
  private paramOrder = new Int32Array(16);

  /**
   * The scope of `node` (a block, subprogram or -1) inlined at `ia` (-1: not
   * inlined) in the function being described, made on first use under the
   * scopes around it; 0 (the function's own) for its subprogram and for
   * anything that is not a scope.
   */
  private scopeOf(node: number, ia: number, depth: number): number {
    const t = this.t, sc = this.scopes;
    node = this.block(node);
    if ((node === this.sp && ia < 0) || node < 0 || depth > 200) return 0;
    const have = sc.find(node, ia);
    if (have >= 0) return have;
    const kind = t.kind(node);
    let parent: number;
    if (kind === MdKind.Subprogram) {
      // an inlined callee: its parent is the scope of the call site
      if (ia < 0) return 0;
      parent = this.scopeOf(t.ref(ia, LocationF.Scope), t.ref(ia, LocationF.InlinedAt), depth + 1);
    } else if (kind === MdKind.LexicalBlock) parent = this.scopeOf(t.ref(node, LexicalBlockF.Scope), ia, depth + 1);
    else return 0;
    return sc.add(node, ia, parent);
  }

  /**
   * The DIEs of scope `s`'s variables under `die`, parameters in argument
   * order first, then the other variables, then its nested scopes.
   */
  private emitScope(die: DieId, s: number, facts: CodeFacts, spFile: number): void {
    const t = this.t, w = this.w, tree = w.info, sc = this.scopes;
    // parameters by argument number (a stable insertion sort: equal numbers keep their order)
    let order = this.paramOrder, np = 0;
    for (let k = sc.firstVar[s]!; k >= 0; k = sc.varNext[k]!) {
      const arg = t.field(sc.varNode[k]!, LocalVariableF.Arg);
      if (arg <= 0) continue;
      if (np === order.length) order = this.paramOrder = grownI32(order, np);
      let i = np++;
      while (i > 0 && t.field(sc.varNode[order[i - 1]!]!, LocalVariableF.Arg) > arg) {
        order[i] = order[i - 1]!;
        i--;
      }
      order[i] = k;
    }
    for (let i = 0; i < np; i++) this.variable(die, this.paramOrder[i]!, DW_TAG.formal_parameter, facts.symbol);
    for (let k = sc.firstVar[s]!; k >= 0; k = sc.varNext[k]!) {
      if (t.field(sc.varNode[k]!, LocalVariableF.Arg) === 0) this.variable(die, k, DW_TAG.variable, facts.symbol);
    }
    for (let c = sc.firstKid[s]!; c >= 0; c = sc.nextSib[c]!) {
      if (!sc.needed[c]) continue;
      const node = sc.node[c]!;
      const inlinedCall = t.kind(node) === MdKind.Subprogram;
      // as LLVM: a block holding only other scopes gives them to its parent
      if (!inlinedCall && sc.numVars[c] === 0) {
        this.emitScope(die, c, facts, spFile);
        continue;
      }
      let cd: DieId;
      if (inlinedCall) {
        cd = tree.add(die, DW_TAG.inlined_subroutine);
        tree.ref(cd, DW_AT.abstract_origin, this.abstractSubprogram(node));
      } else cd = tree.add(die, DW_TAG.lexical_block);
      const triples: number[] = [];
      for (let r = sc.firstRange[c]!; r >= 0; r = sc.rangeNext[r]!) triples.push(facts.symbol, sc.rangeStart[r]!, sc.rangeEnd[r]!);
      w.setRanges(cd, triples);
      if (inlinedCall) {
        const ia = sc.ia[c]!;
        const cs = t.ref(ia, LocationF.Scope);
        const f = cs >= 0 ? this.scopeFile(this.block(cs)) : -1;
        tree.udata(cd, DW_AT.call_file, f >= 0 ? f : spFile);
        tree.udata(cd, DW_AT.call_line, t.field(ia, LocationF.Line));
        tree.udata(cd, DW_AT.call_column, t.field(ia, LocationF.Column));
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
    let d = this.types.known(sp);
    if (d === undefined) {
      d = this.w.info.add(this.types.scope(this.t.ref(sp, SubprogramF.Scope)), DW_TAG.subprogram);
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

  /** The DIE of variable `k` of the scope pools under `parent`. */
  private variable(parent: DieId, k: number, tag: number, symbol: SymbolId): void {
    const t = this.t, tree = this.w.info, sc = this.scopes;
    const v = sc.varNode[k]!;
    const d = tree.add(parent, tag);
    if (sc.varLocLen[k]! >= 0 && sc.varRangeStart[k]! >= 0) {
      this.w.locationList(d, symbol, sc.varRangeStart[k]!, sc.varRangeEnd[k]!, sc.locBytes, sc.varLoc[k]!, sc.varLocLen[k]!);
    } else if (sc.varLocLen[k]! >= 0) tree.exprRange(d, DW_AT.location, sc.locBytes, sc.varLoc[k]!, sc.varLocLen[k]!);
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
   * Writes to the scopes' location bytes DW_OP_fbreg at the slot (`indirect`:
   * the slot holds the variable's address), with the DIExpression applied:
   * offsets folded, DW_OP_deref kept; returns the length written, or -1
   * (nothing written) when the expression has parts this cannot say
   * (fragments, other operations), so the variable shows without a location.
   */
  private location(slotOffset: number, indirect: boolean, expr: number): number {
    const t = this.t;
    let pieceOffset = -1, pieceSize = -1;
    this.pieceSize = -1;
    const n = expr >= 0 && t.kind(expr) === MdKind.Expression ? t.fieldCount(expr) : 0;
    let off = slotOffset;
    // the operations after the offset go to `tail` (a scratch array)
    const tail = this.tail;
    tail.length = 0;
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
      } else if (op === DW_OP_LLVM_fragment && k + 3 === n) {
        // the last operation: this location is a piece of the variable (bits)
        pieceOffset = t.field(expr, k + 1);
        pieceSize = t.field(expr, k + 2);
        k += 3;
      } else return -1; // other operations
    }
    if (pieceSize >= 0 && (pieceOffset % 8 !== 0 || pieceSize % 8 !== 0 || pieceSize === 0)) return -1; // bit pieces
    this.pieceOffset = pieceOffset;
    this.pieceSize = pieceSize;
    const sc = this.scopes;
    const out = sc.reserveLoc(11 + tail.length);
    const at = sc.locLen;
    let p = at;
    out[p++] = DW_OP.fbreg;
    p = writeSleb(out, p, off);
    for (let k = 0; k < tail.length; k++) out[p++] = tail[k]!;
    sc.locLen = p;
    return p - at;
  }

  private tail: number[] = [];

  // The DW_OP_LLVM_fragment of the last location(): its offset and size in bits (-1: none).
  private pieceOffset = -1;
  private pieceSize = -1;
  // A function's variables described in pieces: per piece its variable (index
  // in the scope pools), offset and size in bytes and its location bytes
  // (start and length in the pools' bytes, -1 for none).
  private numPieces = 0;
  private pieceVar = new Int32Array(16);
  private pieceAt = new Int32Array(16);
  private pieceBytes = new Int32Array(16);
  private pieceLocStart = new Int32Array(16);
  private pieceLocLen = new Int32Array(16);
  private pieceScope = new Int32Array(16);

  /**
   * Records a piece (the fragment of the last location(), whose `len` bytes
   * were just written) of variable `v` in scope `s`. The variable gets its
   * place among the scope's variables at its first piece, as with LLVM, and
   * its location when joinPieces has seen all of them.
   */
  private addPiece(s: number, v: number, len: number): void {
    const sc = this.scopes;
    let k = -1;
    for (let p = 0; p < this.numPieces && k < 0; p++) {
      if (this.pieceScope[p] === s && sc.varNode[this.pieceVar[p]!] === v) k = this.pieceVar[p]!;
    }
    if (k < 0) {
      sc.addVar(s, v, -1);
      k = sc.numVarsAll - 1;
    }
    const p = this.numPieces++;
    if (p === this.pieceVar.length) {
      this.pieceVar = grownI32(this.pieceVar, p);
      this.pieceAt = grownI32(this.pieceAt, p);
      this.pieceBytes = grownI32(this.pieceBytes, p);
      this.pieceLocStart = grownI32(this.pieceLocStart, p);
      this.pieceLocLen = grownI32(this.pieceLocLen, p);
      this.pieceScope = grownI32(this.pieceScope, p);
    }
    this.pieceVar[p] = k;
    this.pieceScope[p] = s;
    this.pieceAt[p] = this.pieceOffset / 8;
    this.pieceBytes[p] = this.pieceSize / 8;
    this.pieceLocStart[p] = len >= 0 ? sc.locLen - len : 0;
    this.pieceLocLen[p] = len;
  }

  /**
   * Gives each variable described in pieces one location: its pieces in
   * offset order, each as its location then DW_OP_piece with its size, and
   * DW_OP_piece alone for a gap between them (a part with no location), as
   * LLVM writes them. A piece without a location, or pieces that overlap,
   * leave the variable without one.
   */
  private joinPieces(): void {
    const sc = this.scopes;
    const n = this.numPieces;
    this.numPieces = 0;
    // pieces of one variable in offset order: an insertion sort of indices by (variable, offset)
    const order: number[] = [];
    for (let p = 0; p < n; p++) {
      let i = order.length;
      order.push(p);
      while (i > 0) {
        const q = order[i - 1]!;
        if (this.pieceVar[q]! < this.pieceVar[p]! || (this.pieceVar[q] === this.pieceVar[p] && this.pieceAt[q]! <= this.pieceAt[p]!)) break;
        order[i] = q;
        i--;
      }
      order[i] = p;
    }
    for (let i = 0; i < n; ) {
      const k = this.pieceVar[order[i]!]!;
      let j = i;
      while (j < n && this.pieceVar[order[j]!] === k) j++;
      // the joined bytes go after everything written so far
      let ok = true, need = 0;
      for (let q = i; q < j; q++) need += this.pieceLocLen[order[q]!]! + 2 * 11;
      const start = sc.locLen;
      const out = sc.reserveLoc(need);
      let at = start, cursor = 0;
      for (let q = i; q < j && ok; q++) {
        const p = order[q]!;
        const off = this.pieceAt[p]!, len = this.pieceLocLen[p]!;
        if (off < cursor || len < 0) ok = false;
        else {
          if (off > cursor) at = pieceOp(out, at, off - cursor);
          out.copyWithin(at, this.pieceLocStart[p]!, this.pieceLocStart[p]! + len);
          at = pieceOp(out, at + len, this.pieceBytes[p]!);
          cursor = off + this.pieceBytes[p]!;
        }
      }
      if (ok) {
        sc.locLen = at;
        sc.varLoc[k] = start;
        sc.varLocLen[k] = at - start;
      }
      i = j;
    }
  }

  finish(): void {
    this.w.finish();
  }
}

/** Writes DW_OP_piece `bytes` at `at` in `out`; returns the end. */
function pieceOp(out: Uint8Array, at: number, bytes: number): number {
  out[at++] = DW_OP_piece;
  return writeUleb(out, at, bytes);
}

function uleb(out: number[], v: number): void {
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
}
