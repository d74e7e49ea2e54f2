// Decodes LLVM metadata (METADATA blocks, attachments, named metadata) into
// dense columns, on demand: reading a module only notes where the blocks lie;
// `readMetadata` decodes the module-level blocks the first time it is called,
// `readFunctionMetadata` one function's blocks.
//
// API contract (used by the DWARF writer and by the printer):
// - Every metadata node has a dense id in one MetadataTable: module-level ids
//   are [0, numModule) in bitcode order (MDStrings first, then nodes); the
//   nodes of a function's METADATA block are appended when that function's
//   metadata is read, so ids stay unique across the module. -1 is "null".
// - `kind(id)` is an MdKind; `isDistinct(id)`; `fieldCount(id)`; `field(id, k)`
//   is field k as a number (exact below 2^53; `fieldBig` gives the exact value);
//   `ref(id, k)` is a reference field (a node id or -1); `string(id)` is the
//   text of an MDString; `stringField(id, k)` the text of a reference field
//   that points to an MDString ('' for null).
// - The fields of each kind are listed, in order, in the `*F` const enums below
//   (for example `field(sp, SubprogramF.Line)`). Fields marked "ref" hold node
//   ids; sizes and offsets that LLVM stores as metadata constants are decoded
//   to plain integers. Tuples (MdKind.Tuple) and DIArgLists hold only refs; a
//   DIExpression holds its raw operation words; an MDString holds
//   (byte offset in the file, length); a value (MdKind.Value) holds (type id,
//   value id, function index or -1 for module values).
// - Attachments: `globalAttachments(g)` for a global value; FunctionMetadata
//   (from readFunctionMetadata) has the function's own (`subprogram` is its
//   `!dbg`) and its instructions'. Attachment lists are (kind id, node id)
//   pairs; kind names are Module.metadataKinds.
// - Per function: `debugLocation(t, fm, body, l)` is the DILocation node of
//   body.locs entry l (instruction i has entry body.loc[i]); equal locations
//   are one node, as in LLVM. `debugRecordOperand(fm, body, r, k)` resolves
//   the metadata operands of body.dbgRecords. `constantInt` reads an integer
//   held by a value node (DISubrange counts, for example).
// Malformed input is a CgtsError naming the file, byte offset and block. The
// decoder never recurses over node graphs (cycles are normal in metadata).

import { BitCursor, Entry, latin1 } from './bitstream.js';
import { BlockId } from './codes.js';
import { ConstKind, type FunctionBody, type Module } from './module.js';
import { CgtsError } from '../support/diag.js';

/** Record codes of METADATA blocks (LLVMBitCodes.h). */
export const enum MdCode {
  StringOld = 1,
  Value = 2,
  Node = 3,
  Name = 4,
  DistinctNode = 5,
  Kind = 6,
  Location = 7,
  NamedNode = 10,
  Attachment = 11,
  GenericDebug = 12,
  Subrange = 13,
  Enumerator = 14,
  BasicType = 15,
  File = 16,
  DerivedType = 17,
  CompositeType = 18,
  SubroutineType = 19,
  CompileUnit = 20,
  Subprogram = 21,
  LexicalBlock = 22,
  LexicalBlockFile = 23,
  Namespace = 24,
  TemplateType = 25,
  TemplateValue = 26,
  GlobalVar = 27,
  LocalVar = 28,
  Expression = 29,
  ObjcProperty = 30,
  ImportedEntity = 31,
  ModuleNode = 32,
  Macro = 33,
  MacroFile = 34,
  Strings = 35,
  GlobalDeclAttachment = 36,
  GlobalVarExpr = 37,
  IndexOffset = 38,
  Index = 39,
  Label = 40,
  StringType = 41,
  CommonBlock = 44,
  GenericSubrange = 45,
  ArgList = 46,
  AssignId = 47,
  SubrangeType = 48,
  FixedPointType = 49,
}

/** Node kinds. DI kinds use their record code; the rest are listed here. */
export const enum MdKind {
  String = 1,
  Value = 2,
  Tuple = 3,
  Location = 7,
  Subrange = 13,
  Enumerator = 14,
  BasicType = 15,
  File = 16,
  DerivedType = 17,
  CompositeType = 18,
  SubroutineType = 19,
  CompileUnit = 20,
  Subprogram = 21,
  LexicalBlock = 22,
  LexicalBlockFile = 23,
  Namespace = 24,
  TemplateTypeParameter = 25,
  TemplateValueParameter = 26,
  GlobalVariable = 27,
  LocalVariable = 28,
  Expression = 29,
  ImportedEntity = 31,
  GlobalVariableExpression = 37,
  Label = 40,
  ArgList = 46,
  AssignId = 47,
}

export const MD_KIND_NAMES: Record<number, string> = {
  1: 'MDString', 2: 'ValueAsMetadata', 3: 'MDTuple', 7: 'DILocation', 13: 'DISubrange', 14: 'DIEnumerator',
  15: 'DIBasicType', 16: 'DIFile', 17: 'DIDerivedType', 18: 'DICompositeType', 19: 'DISubroutineType',
  20: 'DICompileUnit', 21: 'DISubprogram', 22: 'DILexicalBlock', 23: 'DILexicalBlockFile', 24: 'DINamespace',
  25: 'DITemplateTypeParameter', 26: 'DITemplateValueParameter', 27: 'DIGlobalVariable', 28: 'DILocalVariable',
  29: 'DIExpression', 31: 'DIImportedEntity', 37: 'DIGlobalVariableExpression', 40: 'DILabel', 46: 'DIArgList',
  47: 'DIAssignID',
};

// Field layouts per kind (field index: meaning). "ref" fields are node ids or -1.
export const enum StringF { ByteOffset, Length }
export const enum ValueF { Type, Value, Function }
export const enum LocationF { Line, Column, Scope /* ref */, InlinedAt /* ref */, ImplicitCode, AtomGroup, AtomRank }
/** Count, LowerBound, UpperBound, Stride: refs (to a constant value, a variable or an expression). */
export const enum SubrangeF { Count, LowerBound, UpperBound, Stride }
/** Value is signed unless IsUnsigned; BitWidth is the APInt width. */
export const enum EnumeratorF { Name /* ref */, IsUnsigned, BitWidth, Value }
export const enum BasicTypeF { Tag, Name /* ref */, Size, Align, Encoding, Flags, NumExtraInhabitants, DataSize }
/** ChecksumKind: 0 none, 1 MD5, 2 SHA1, 3 SHA256. */
export const enum FileF { Filename /* ref */, Directory /* ref */, ChecksumKind, Checksum /* ref */, Source /* ref */ }
/** DwarfAddressSpace is the address space + 1 (0 = none). */
export const enum DerivedTypeF {
  Tag, Name, File, Line, Scope, BaseType, Size, Align, Offset, Flags, ExtraData, DwarfAddressSpace, Annotations, PtrAuthData,
}
/** EnumKind is 0xFFFFFFFF when absent. */
export const enum CompositeTypeF {
  Tag, Name, File, Line, Scope, BaseType, Size, Align, Offset, Flags, Elements, RuntimeLang, VTableHolder, TemplateParams,
  Identifier, Discriminator, DataLocation, Associated, Allocated, Rank, Annotations, NumExtraInhabitants, Specification,
  EnumKind, BitStride,
}
export const enum SubroutineTypeF { Flags, Types /* ref */, CC }
export const enum CompileUnitF {
  Language, File, Producer, IsOptimized, Flags, RuntimeVersion, SplitDebugFilename, EmissionKind, Enums, RetainedTypes,
  Globals, Imports, DwoId, Macros, SplitDebugInlining, DebugInfoForProfiling, NameTableKind, RangesBaseAddress, Sysroot,
  Sdk,
}
export const enum SubprogramF {
  Scope, Name, LinkageName, File, Line, Type, ScopeLine, ContainingType, SPFlags, VirtualIndex, Flags, Unit,
  TemplateParams, Declaration, RetainedNodes, ThisAdjustment, ThrownTypes, Annotations, TargetFuncName, KeyInstructions,
}
export const enum LexicalBlockF { Scope, File, Line, Column }
export const enum LexicalBlockFileF { Scope, File, Discriminator }
export const enum NamespaceF { Scope, Name, ExportSymbols }
export const enum TemplateTypeF { Name, Type, IsDefault }
export const enum TemplateValueF { Tag, Name, Type, IsDefault, Value }
export const enum GlobalVariableF {
  Scope, Name, LinkageName, File, Line, Type, IsLocal, IsDefinition, StaticDataMemberDeclaration, TemplateParams, Align,
  Annotations,
}
export const enum LocalVariableF { Scope, Name, File, Line, Type, Arg, Flags, Align, Annotations }
export const enum GlobalVariableExpressionF { Var, Expr }
export const enum ImportedEntityF { Tag, Scope, Entity, Line, Name, File, Elements }
export const enum LabelF { Scope, Name, File, Line, Column, IsArtificial, CoroSuspendIdx }

/**
 * How a record's operands become fields: one letter per field, operand i+1
 * for field i unless noted. r = reference (id + 1, 0 = null), m = reference
 * (id), i = unsigned integer, s = signed integer (sign rotated into bit 0),
 * z = integer, or a reference to a constant when the record's size flag is set.
 */
const LAYOUT: Record<number, string> = {
  [MdCode.Location]: 'iimriii',
  [MdCode.Subrange]: 'rrrr',
  [MdCode.BasicType]: 'irziiiii',
  [MdCode.File]: 'rrirr',
  [MdCode.DerivedType]: 'irrirrziziriri',
  [MdCode.CompositeType]: 'irrirrzizi' + 'ri' + 'rrrrrrrrr' + 'irir',
  [MdCode.SubroutineType]: 'iri',
  // '-': the CU's old subprograms list, always null.
  [MdCode.CompileUnit]: 'irriririrr-rririiiirr',
  [MdCode.Subprogram]: 'rrrririr' + 'iii' + 'rrrr' + 'i' + 'rrr' + 'i',
  [MdCode.LexicalBlock]: 'rrii',
  [MdCode.LexicalBlockFile]: 'rri',
  [MdCode.TemplateType]: 'rri',
  [MdCode.TemplateValue]: 'irrir',
  [MdCode.GlobalVar]: 'rrrririirrir',
  [MdCode.LocalVar]: 'rrririiir',
  [MdCode.GlobalVarExpr]: 'rr',
  [MdCode.ImportedEntity]: 'irrirrr',
  [MdCode.Label]: 'rrriiii',
};

/** LAYOUT as char codes. */
const LAYOUT_CODES: (Uint8Array | undefined)[] = [];
for (const [code, layout] of Object.entries(LAYOUT)) LAYOUT_CODES[Number(code)] = Uint8Array.from(layout, (ch) => ch.charCodeAt(0));

/** Minimum operand counts (including operand 0, the distinct/version word). */
const MIN_OPS: Record<number, number> = {
  [MdCode.Location]: 5, [MdCode.Subrange]: 3, [MdCode.BasicType]: 6, [MdCode.File]: 3, [MdCode.DerivedType]: 12,
  [MdCode.CompositeType]: 16, [MdCode.SubroutineType]: 3, [MdCode.CompileUnit]: 14, [MdCode.Subprogram]: 18,
  [MdCode.LexicalBlock]: 5, [MdCode.LexicalBlockFile]: 4, [MdCode.Namespace]: 3, [MdCode.TemplateType]: 3,
  [MdCode.TemplateValue]: 5, [MdCode.GlobalVar]: 11, [MdCode.LocalVar]: 8, [MdCode.GlobalVarExpr]: 3,
  [MdCode.ImportedEntity]: 6, [MdCode.Label]: 5, [MdCode.Enumerator]: 3, [MdCode.Expression]: 1,
};

const UNSUPPORTED: Record<number, string> = {
  [MdCode.GenericDebug]: 'GenericDINode', [MdCode.ObjcProperty]: 'DIObjCProperty', [MdCode.ModuleNode]: 'DIModule',
  [MdCode.Macro]: 'DIMacro', [MdCode.MacroFile]: 'DIMacroFile', [MdCode.StringType]: 'DIStringType',
  [MdCode.CommonBlock]: 'DICommonBlock', [MdCode.GenericSubrange]: 'DIGenericSubrange',
  [MdCode.SubrangeType]: 'DISubrangeType', [MdCode.FixedPointType]: 'DIFixedPointType', 8: 'an old-style node', 9: 'an old-style node',
};

const FLAG_DISTINCT = 1;
/** Field positions (within a node's fields) whose value is a reference to a constant still to be resolved. */
const FLAG_SIZE_REFS = 2;

const TWO32 = 4294967296;
const NO_IDS = new Int32Array(0);

/** A growable Float64Array. */
class F64Vec {
  data = new Float64Array(1024);
  length = 0;
  reserve(k: number): Float64Array {
    if (this.length + k > this.data.length) {
      const d = new Float64Array(Math.max(this.data.length * 2, this.length + k));
      d.set(this.data.subarray(0, this.length));
      this.data = d;
    }
    return this.data;
  }
}

export class MetadataTable {
  readonly m: Module;
  count = 0;
  /** Number of module-level ids (strings and nodes of the module's METADATA blocks). */
  numModule = 0;
  kinds = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  start = new Int32Array(1024);
  len = new Int32Array(1024);
  vals = new F64Vec();
  /** Exact values of fields of 2^53 or more, by index into `vals`. */
  wide = new Map<number, bigint>();
  /** Named metadata in file order: name and node ids. */
  named: { name: string; ops: Int32Array }[] = [];
  /** Global value index -> (kind, node) pairs. */
  private globalAtt = new Map<number, Int32Array>();
  /** Functions whose metadata has been read, by body index. */
  fnCache: (FunctionMetadata | undefined)[] = [];
  private cur: BitCursor | undefined = undefined;
  /** Scratch: bit positions of node records while a block is decoded. */
  nodePos = new Float64Array(1024);

  constructor(m: Module) {
    this.m = m;
    this.fnCache = new Array<FunctionMetadata | undefined>(m.bodies.length).fill(undefined);
  }

  /** A cursor over the module's bytes, made once (making one may copy the buffer). */
  cursor(): BitCursor {
    return this.cur ?? (this.cur = new BitCursor(this.m.bytes, this.m.fileName, this.m.blockInfo));
  }

  kind(id: number): MdKind {
    return this.kinds[id]! as MdKind;
  }
  isDistinct(id: number): boolean {
    return (this.flags[id]! & FLAG_DISTINCT) !== 0;
  }
  fieldCount(id: number): number {
    return this.len[id]!;
  }
  field(id: number, k: number): number {
    return k < this.len[id]! ? this.vals.data[this.start[id]! + k]! : 0;
  }
  fieldBig(id: number, k: number): bigint {
    if (k >= this.len[id]!) return 0n;
    const at = this.start[id]! + k;
    const w = this.wide.size ? this.wide.get(at) : undefined;
    return w !== undefined ? w : BigInt(this.vals.data[at]!);
  }
  ref(id: number, k: number): number {
    return k < this.len[id]! ? this.vals.data[this.start[id]! + k]! : -1;
  }
  /** The text of MDString `id` (one char per byte). */
  string(id: number): string {
    let str = this.strCache[id];
    if (str === undefined) {
      const s = this.start[id]!;
      const off = this.vals.data[s]!;
      str = this.strCache[id] = latin1(this.m.bytes, off, off + this.vals.data[s + 1]!);
    }
    return str;
  }
  private strCache: (string | undefined)[] = [];
  /** The text of the MDString that field k refers to, '' when null. */
  stringField(id: number, k: number): string {
    const r = this.ref(id, k);
    return r >= 0 && this.kinds[r] === MdKind.String ? this.string(r) : '';
  }
  /** (kind, node) pairs attached to global value `g` (variables and functions' declarations). */
  globalAttachments(g: number): Int32Array | undefined {
    return this.globalAtt.get(g);
  }
  /** The `!dbg` kind id, or -1. */
  kindId(name: string): number {
    return this.m.metadataKinds.indexOf(name);
  }

  /** Appends a node; its fields are then written with `push`. */
  add(kind: number, distinct: boolean): number {
    const id = this.count;
    if (id === this.kinds.length) this.grow();
    this.kinds[id] = kind;
    this.flags[id] = distinct ? FLAG_DISTINCT : 0;
    this.start[id] = this.vals.length;
    this.len[id] = 0;
    this.count = id + 1;
    return id;
  }
  private grow(): void {
    const cap = this.kinds.length * 2;
    const k = new Uint8Array(cap);
    k.set(this.kinds);
    this.kinds = k;
    const f = new Uint8Array(cap);
    f.set(this.flags);
    this.flags = f;
    const s = new Int32Array(cap);
    s.set(this.start);
    this.start = s;
    const l = new Int32Array(cap);
    l.set(this.len);
    this.len = l;
  }
  /** Appends a field to the node added last. */
  push(v: number): void {
    const d = this.vals.reserve(1);
    d[this.vals.length++] = v;
    this.len[this.count - 1]!++;
  }

  /**
   * The uniqued DILocation with these fields (scope and inlinedAt are node
   * ids), found or created; it is what a DEBUG_LOC record denotes.
   */
  location(line: number, col: number, scope: number, inlinedAt: number, implicit: number, group = 0, rank = 0): number {
    const q = this.locQuery;
    q[0] = line;
    q[1] = col;
    q[2] = scope;
    q[3] = inlinedAt;
    q[4] = implicit;
    q[5] = group;
    q[6] = rank;
    const found = this.findLocation(q, -1);
    if (found >= 0) return found;
    const id = this.add(MdKind.Location, false);
    const d = this.vals.reserve(7);
    d.set(q, this.vals.length);
    this.vals.length += 7;
    this.len[id] = 7;
    this.insertLocation(id);
    return id;
  }

  /** Used while decoding a function block: an existing node equal to uniqued location `id`, or -1 (and `id` is indexed). */
  sameLocation(id: number): number {
    if (!this.locTable) return -1;
    const s = this.start[id]!;
    const q = this.locQuery;
    for (let k = 0; k < 7; k++) q[k] = this.vals.data[s + k]!;
    const e = this.findLocation(q, id);
    if (e >= 0) return e;
    this.insertLocation(id);
    return -1;
  }

  /** Open-addressing index of uniqued DILocations by content: node ids, -1 = empty; built on first use. */
  private locTable: Int32Array | undefined = undefined;
  private locCount = 0;
  private locQuery = new Float64Array(7);

  /** FNV-style hash of the 7 location fields at q[at..at+7). */
  private static locHash(q: Float64Array, at: number): number {
    let h = 0x811c9dc5;
    for (let k = at; k < at + 7; k++) h = Math.imul(h ^ (q[k]! | 0), 0x01000193);
    return h >>> 0;
  }

  private findLocation(q: Float64Array, except: number): number {
    const tab = this.locTable ?? this.buildLocTable();
    const mask = tab.length - 1;
    const v = this.vals.data;
    for (let i = MetadataTable.locHash(q, 0) & mask; ; i = (i + 1) & mask) {
      const id: number = tab[i]!;
      if (id < 0) return -1;
      if (id === except) continue;
      const s = this.start[id]!;
      if (v[s] === q[0] && v[s + 1] === q[1] && v[s + 2] === q[2] && v[s + 3] === q[3] && v[s + 4] === q[4] && v[s + 5] === q[5] && v[s + 6] === q[6]) return id;
    }
  }

  /** Indexes the uniqued locations decoded so far (the first of equal ones wins). */
  private buildLocTable(): Int32Array {
    this.locTable = new Int32Array(1024).fill(-1);
    const q = new Float64Array(7);
    for (let id = 0; id < this.count; id++) {
      if (this.kinds[id] !== MdKind.Location || this.flags[id]! & FLAG_DISTINCT) continue;
      const s = this.start[id]!;
      for (let k = 0; k < 7; k++) q[k] = this.vals.data[s + k]!;
      if (this.findLocation(q, id) < 0) this.insertLocation(id);
    }
    return this.locTable;
  }

  private insertLocation(id: number): void {
    let tab = this.locTable!;
    if (2 * (this.locCount + 1) > tab.length) {
      const old = tab;
      tab = this.locTable = new Int32Array(old.length * 2).fill(-1);
      this.locCount = 0;
      for (const e of old) if (e >= 0) this.insertLocation(e);
    }
    const s = this.start[id]!;
    const v = this.vals.data;
    const mask = tab.length - 1;
    let i = MetadataTable.locHash(v, s) & mask;
    while (tab[i]! >= 0) i = (i + 1) & mask;
    tab[i] = id;
    this.locCount++;
  }

  setGlobalAttachments(g: number, pairs: Int32Array): void {
    this.globalAtt.set(g, pairs);
  }
}

/** One function's metadata: its attachments and its debug records with node ids resolved. */
export interface FunctionMetadata {
  /** Body index (Module.bodies). */
  body: number;
  /** The function's `!dbg` attachment (its DISubprogram), or -1. */
  subprogram: number;
  /** First id of this function's own nodes in the table, and their number. */
  base: number;
  numLocal: number;
  /** (kind, node) pairs attached to the function. */
  attachments: Int32Array;
  /** (instruction index, kind, node) triples, by instruction. */
  instAttachments: Int32Array;
  /** Maps a metadata id as written in this function's records (0-based) to a table id. */
  map: (raw: number) => number;
}

/** The module's metadata table, decoding the module-level blocks the first time. */
export function readMetadata(m: Module): MetadataTable {
  if (m.metadata) return m.metadata;
  const t = new MetadataTable(m);
  const c = t.cursor();
  for (const b of m.metadataBlocks) {
    c.enterSavedBlock(BlockId.Metadata, b.abbrevWidth, b.pos, b.end);
    c.recordPos = b.pos;
    decodeBlock(t, c, -1);
  }
  t.numModule = t.count;
  checkRefs(t, c, 0, t.count, t.count);
  resolveSizes(t, c, 0, t.count);
  m.metadata = t;
  return t;
}

/**
 * Decodes function `bodyIndex`'s METADATA and METADATA_ATTACHMENT blocks
 * (positions noted by decodeFunction in `body`); cached per function.
 */
export function readFunctionMetadata(m: Module, bodyIndex: number, body: FunctionBody): FunctionMetadata {
  const t = readMetadata(m);
  const cached = t.fnCache[bodyIndex];
  if (cached) return cached;
  if (body.mdBlocks.length === 0 && body.locs.length === 0 && body.dbgRecords.length === 0) {
    // No metadata of its own (a build without debug info): nothing to decode or check.
    const numModule = t.numModule;
    const fm: FunctionMetadata = {
      body: bodyIndex, subprogram: -1, base: t.count, numLocal: 0, attachments: NO_IDS, instAttachments: NO_IDS,
      map: (raw: number) => (raw < numModule ? raw : -2),
    };
    t.fnCache[bodyIndex] = fm;
    return fm;
  }
  const c = t.cursor();
  const base = t.count;
  const numModule = t.numModule;
  // the function's k-th local id is table id base + k (until a location is merged, below)
  const mb = body.mdBlocks;
  for (let i = 0; i < mb.length; i += 4) {
    if (mb[i] !== BlockId.Metadata) continue;
    c.enterSavedBlock(BlockId.Metadata, mb[i + 3]!, mb[i + 1]!, mb[i + 2]!);
    c.recordPos = mb[i + 1]!;
    decodeBlock(t, c, m.bodies[bodyIndex]!.fn);
  }
  const numLocal = t.count - base;
  // remap[k]: table id of local id k, made when a location is merged
  let remap: Int32Array | null = null;
  const map = (raw: number): number => {
    if (raw < numModule) return raw;
    const k = raw - numModule;
    if (k >= numLocal) return -2;
    return remap ? remap[k]! : base + k;
  };
  checkRefs(t, c, base, t.count, numModule);
  resolveSizes(t, c, base, t.count, body);
  const numValues = body.instBase + body.valueInst.length;
  for (let id = base; id < t.count; id++) {
    if (t.kinds[id] === MdKind.Value && t.field(id, ValueF.Value) >= numValues) {
      throw new CgtsError(`metadata value refers to value ${t.field(id, ValueF.Value)}, out of range (${numValues} values)`, `${m.fileName}: byte ${mb[1]! >>> 3} in METADATA block of @${m.globals[body.fn]!.name}`);
    }
  }
  // Uniqued locations equal to ones made from DEBUG_LOC records elsewhere are the same node.
  for (let k = 0; k < numLocal; k++) {
    const id = base + k;
    if (t.kinds[id] === MdKind.Location && !t.isDistinct(id)) {
      const same = t.sameLocation(id);
      if (same >= 0) {
        if (!remap) {
          remap = new Int32Array(numLocal);
          for (let i = 0; i < numLocal; i++) remap[i] = base + i;
        }
        remap[k] = same;
      }
    }
  }
  // references to a merged location now name the one it equals
  if (remap) checkRefs(t, c, base, t.count, numModule, remap);
  // Debug locations and debug records must name metadata that exists.
  const locs = body.locs.data;
  for (let l = 0; l < body.locs.length; l += 5) {
    const scope = locs[l + 2]!;
    const ia = locs[l + 3]!;
    if (scope === 0 || map(scope - 1) < 0 || (ia !== 0 && map(ia - 1) < 0)) {
      throw new CgtsError(`debug location ${l / 5} has scope ${scope - 1} and inlinedAt ${ia - 1}; the scope must exist, and inlinedAt if given`, functionPlace(m, bodyIndex));
    }
  }
  const rec = body.dbgRecords.data;
  const ops = body.dbgOps.data;
  for (let r = 0; r < body.dbgRecords.length; r += 4) {
    const code = rec[r + 1]!;
    const n = rec[r + 3]!;
    const want = code === 65 ? 2 : code === 63 ? 7 : 4;
    if (n < want) throw new CgtsError(`debug record (code ${code}) before instruction ${rec[r]} has ${n} operands, fewer than ${want}`, functionPlace(m, bodyIndex));
    for (let k = 0; k < want; k++) {
      const v = ops[rec[r + 2]! + k]!;
      if (code === 64 && k === 3) {
        if (v >= numValues) throw new CgtsError(`debug record before instruction ${rec[r]} refers to value ${v}, out of range`, functionPlace(m, bodyIndex));
      } else if (map(v) < 0) throw new CgtsError(`debug record before instruction ${rec[r]} refers to metadata ${v}, which does not exist`, functionPlace(m, bodyIndex));
    }
  }
  const fnAtt: number[] = [];
  const instAtt: number[] = [];
  for (let i = 0; i < mb.length; i += 4) {
    if (mb[i] !== BlockId.MetadataAttachment) continue;
    c.enterSavedBlock(BlockId.MetadataAttachment, mb[i + 3]!, mb[i + 1]!, mb[i + 2]!);
    c.recordPos = mb[i + 1]!;
    for (let code = c.nextRecord(); code >= 0; code = c.nextRecord()) {
      if (code !== MdCode.Attachment) continue;
      const n = c.n;
      if (n === 0) throw c.error('empty METADATA_ATTACHMENT record');
      const odd = n % 2 === 1;
      if (odd && c.ops[0]! >= body.numInsts) throw c.error(`metadata attachment to instruction ${c.ops[0]} of a function with ${body.numInsts}`);
      for (let k = odd ? 1 : 0; k < n; k += 2) {
        const kind = c.ops[k]!;
        if (m.metadataKinds[kind] === undefined) throw c.error(`metadata attachment of unknown kind ${kind}`);
        const id = map(c.ops[k + 1]!);
        if (id < 0) throw c.error(`metadata attachment refers to metadata ${c.ops[k + 1]}, which does not exist`);
        if (odd && m.metadataKinds[kind] === 'dbg') throw c.error('a !dbg instruction attachment in METADATA_ATTACHMENT (debug locations are DEBUG_LOC records)');
        if (odd) instAtt.push(c.ops[0]!, kind, id);
        else fnAtt.push(kind, id);
      }
    }
  }
  let subprogram = -1;
  for (let i = 0; i < fnAtt.length; i += 2) if (m.metadataKinds[fnAtt[i]!] === 'dbg') subprogram = fnAtt[i + 1]!;
  const fm: FunctionMetadata = {
    body: bodyIndex, subprogram, base, numLocal: t.count - base,
    attachments: int32(fnAtt), instAttachments: sortTriples(instAtt), map,
  };
  t.fnCache[bodyIndex] = fm;
  return fm;
}

/**
 * Where function `bodyIndex`'s block is, for error messages. (A function, not
 * a closure in readFunctionMetadata: the `map` closure kept for every
 * function would keep the function's decoded body alive through it.)
 */
function functionPlace(m: Module, bodyIndex: number): string {
  const b = m.bodies[bodyIndex]!;
  return `${m.fileName}: byte ${b.blockPos >>> 3} in FUNCTION block of @${m.globals[b.fn]!.name}`;
}

/** `a` as an Int32Array (a copying loop: Int32Array.from goes through the iterator protocol). */
function int32(a: number[]): Int32Array {
  if (a.length === 0) return NO_IDS;
  const out = new Int32Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k]!;
  return out;
}

function sortTriples(a: number[]): Int32Array {
  const n = a.length / 3;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = a[3 * i]! >= a[3 * i - 3]!;
  if (sorted) return int32(a);
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[3 * x]! - a[3 * y]! || x - y);
  const out = new Int32Array(a.length);
  order.forEach((o, i) => {
    out[3 * i] = a[3 * o]!;
    out[3 * i + 1] = a[3 * o + 1]!;
    out[3 * i + 2] = a[3 * o + 2]!;
  });
  return out;
}

/**
 * Per kind, which fields are references: 1 = always, 2 = when the node's
 * sizes are given as metadata (FLAG_SIZE_REFS). Tuples and DIArgLists hold
 * only references; kinds without an entry hold none.
 */
const REF_FIELDS: (Uint8Array | undefined)[] = [];
for (const [code, layout] of Object.entries(LAYOUT)) {
  const mask: number[] = [];
  for (const ch of layout) {
    if (ch === '-') continue;
    mask.push(ch === 'r' || ch === 'm' ? 1 : ch === 'z' ? 2 : 0);
  }
  REF_FIELDS[Number(code)] = Uint8Array.from(mask);
}
REF_FIELDS[MdKind.Enumerator] = Uint8Array.of(1, 0, 0, 0);
REF_FIELDS[MdKind.Namespace] = Uint8Array.of(1, 1, 0);

/**
 * Checks that every reference of nodes [from, to) names an existing node;
 * for a function's nodes (`from` past the module's), rewrites local ids
 * (numModule + k) to table ids (from + k). With `merged`, references are
 * table ids already and only remapped through it.
 */
function checkRefs(t: MetadataTable, c: BitCursor, from: number, to: number, numModule: number, merged: Int32Array | null = null): void {
  const v = t.vals.data;
  const base = from;
  const local = from >= numModule;
  const kinds = t.kinds;
  for (let id = from; id < to; id++) {
    const kind = kinds[id]!;
    const all = kind === MdKind.Tuple || kind === MdKind.ArgList;
    const mask = all ? undefined : REF_FIELDS[kind];
    if (!all && mask === undefined) continue;
    const refWhen = t.flags[id]! & FLAG_SIZE_REFS ? 3 : 1;
    const n = t.len[id]!;
    const s = t.start[id]!;
    for (let k = 0; k < n; k++) {
      if (!all && (k >= mask!.length || (mask![k]! & refWhen) === 0)) continue;
      const r = v[s + k]!;
      if (r < 0) continue;
      if (merged) {
        if (r >= base) v[s + k] = merged[r - base] ?? r;
        continue;
      }
      if (local) {
        if (r < numModule) continue;
        if (r - numModule >= to - from) throw badRef(c, id, r);
        v[s + k] = from + (r - numModule);
      } else if (r >= to) throw badRef(c, id, r);
    }
  }
}

function badRef(c: BitCursor, id: number, r: number): CgtsError {
  return c.error(`metadata node ${id} refers to metadata ${r}, which does not exist`, c.pos);
}

/** Replaces size/offset fields given as references to integer constants by the integers. */
function resolveSizes(t: MetadataTable, c: BitCursor, from: number, to: number, body?: FunctionBody): void {
  const v = t.vals.data;
  const m = t.m;
  for (let id = from; id < to; id++) {
    if (!(t.flags[id]! & FLAG_SIZE_REFS)) continue;
    const kind = t.kinds[id]!;
    const fields = kind === MdKind.BasicType ? [BasicTypeF.Size] : [DerivedTypeF.Size, DerivedTypeF.Offset];
    const s = t.start[id]!;
    for (const f of fields) {
      const r = v[s + f]!;
      if (r < 0) {
        v[s + f] = 0;
        continue;
      }
      const int = constantInt(t, m, r, body);
      if (int === undefined) throw c.error(`metadata node ${id}: size or offset ${r} is not an integer constant`, c.pos);
      v[s + f] = int;
    }
    t.flags[id] = t.flags[id]! & ~FLAG_SIZE_REFS;
  }
}

/**
 * The DILocation node of debug location `l` of `body` (an index into
 * body.locs, as body.loc[inst] gives): uniqued as LLVM does, so equal
 * locations are one node; created on first use.
 */
export function debugLocation(t: MetadataTable, fm: FunctionMetadata, body: FunctionBody, l: number): number {
  const locs = body.locs.data;
  const ia = locs[5 * l + 3]!;
  return t.location(locs[5 * l]!, locs[5 * l + 1]!, fm.map(locs[5 * l + 2]! - 1), ia ? fm.map(ia - 1) : -1, locs[5 * l + 4]!);
}

/**
 * Operand k of debug record r of `body` (r: offset of its quad in
 * body.dbgRecords) as a table id: for #dbg_value/#dbg_declare 0 = DILocation,
 * 1 = DILocalVariable, 2 = DIExpression, 3 = location (a value node or an
 * empty tuple; for the compact DEBUG_RECORD_VALUE_SIMPLE form, -1: the value
 * id is `dbgOps[start + 3]` itself); #dbg_assign adds 4 = DIAssignID,
 * 5 = address, 6 = address expression; #dbg_label: 0 = DILocation, 1 = DILabel.
 */
export function debugRecordOperand(fm: FunctionMetadata, body: FunctionBody, r: number, k: number): number {
  const code = body.dbgRecords.data[r + 1]!;
  if (code === 64 && k === 3) return -1;
  return fm.map(body.dbgOps.data[body.dbgRecords.data[r + 2]! + k]!);
}

/** The value of a ValueAsMetadata node holding an integer constant (of the module, or of `body`), else undefined. */
export function constantInt(t: MetadataTable, m: Module, id: number, body?: FunctionBody): number | undefined {
  if (id < 0 || id >= t.count || t.kinds[id] !== MdKind.Value) return undefined;
  const local = t.field(id, ValueF.Function) !== -1;
  if (local && !body) return undefined;
  const ct = local ? body!.consts : m.consts;
  const v = t.field(id, ValueF.Value) - (local ? ct.base : m.globals.length);
  if (v < 0 || v >= ct.length) return undefined;
  const k = ct.kind.data[v];
  if (k === ConstKind.Null && m.types.isInt(ct.type.data[v]!)) return 0;
  if (k !== ConstKind.Int) return undefined;
  if (ct.b.data[v]) return Number(ct.bigs[ct.a.data[v]!]!);
  return ct.nums[ct.a.data[v]!]!;
}

/** The exact value of a ValueAsMetadata node holding a module integer constant, else undefined. */
export function constantBig(t: MetadataTable, m: Module, id: number): bigint | undefined {
  if (id < 0 || id >= t.count || t.kinds[id] !== MdKind.Value || t.field(id, ValueF.Function) !== -1) return undefined;
  const ct = m.consts;
  const v = t.field(id, ValueF.Value) - m.globals.length;
  if (v < 0 || v >= ct.length) return undefined;
  const k = ct.kind.data[v];
  if (k === ConstKind.Null && m.types.isInt(ct.type.data[v]!)) return 0n;
  if (k !== ConstKind.Int) return undefined;
  return ct.b.data[v] ? ct.bigs[ct.a.data[v]!]! : BigInt(ct.nums[ct.a.data[v]!]!);
}

/** Sign-rotated operand (bit 0 = sign) as a number; exact values beyond 2^53 go to `wide`. */
function pushSigned(t: MetadataTable, c: BitCursor, i: number): void {
  pushBig(t, unrotate(c.big(i)));
}

/** A 64-bit value written with its sign rotated into bit 0 (1 alone stands for INT64_MIN). */
function unrotate(u: bigint): bigint {
  if (u === 1n) return -(2n ** 63n);
  return u & 1n ? -(u >> 1n) : u >> 1n;
}

function pushBig(t: MetadataTable, v: bigint): void {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) t.wide.set(t.vals.length, v);
  t.push(n);
}

/** A new node of the table. */
function newNode(t: MetadataTable, kind: number, distinct: boolean): number {
  return t.add(kind, distinct);
}

/**
 * Decodes one METADATA block at the cursor, appending its nodes to the table
 * in bitcode order. `fn` is the global index of the function whose block it
 * is (-1 module).
 */
function decodeBlock(t: MetadataTable, c: BitCursor, fn: number): void {
  const m = t.m;
  let pendingName: string | undefined;
  let indexTarget = -1;
  let indexBase = 0;
  // bit positions of the block's node records, for METADATA_INDEX (a scratch array of the table)
  let nodePos = t.nodePos, numNodes = 0;
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) break;
    if (e === Entry.SubBlock) {
      c.skipBlock();
      continue;
    }
    const recordStart = c.recordPos;
    const code = c.readRecord(e);
    const o = c.ops;
    const n = c.n;
    if (code !== MdCode.Strings && code !== MdCode.Name && code !== MdCode.NamedNode && code !== MdCode.Kind
      && code !== MdCode.IndexOffset && code !== MdCode.Index && code !== MdCode.GlobalDeclAttachment) {
      if (numNodes === nodePos.length) {
        const grown = new Float64Array(nodePos.length * 2);
        grown.set(nodePos);
        nodePos = t.nodePos = grown;
      }
      nodePos[numNodes++] = recordStart;
    }
    const min = MIN_OPS[code];
    if (min !== undefined && n < min) throw c.error(`metadata record ${code} (${MD_KIND_NAMES[code] ?? ''}) has ${n} operands, fewer than ${min}`);
    switch (code) {
      case MdCode.Strings: {
        if (n !== 2) throw c.error('METADATA_STRINGS record must have 2 operands');
        const count = o[0]!;
        const offset = o[1]!;
        const blob = c.blob();
        if (count === 0) throw c.error('METADATA_STRINGS record with no strings');
        if (offset > blob.length) throw c.error(`METADATA_STRINGS offset ${offset} lies past its blob (${blob.length} bytes)`);
        // Lengths: VBR6 fields in the first `offset` bytes (bits read from the
        // least significant end of each byte up); characters after them.
        const bytes = m.bytes, lensStart = c.blobStart * 8, lensEnd = lensStart + offset * 8;
        let bit = lensStart;
        let at = c.blobStart + offset;
        const end = c.blobStart + blob.length;
        for (let k = 0; k < count; k++) {
          let len = 0, scale = 1, piece = 32;
          for (let chunks = 0; piece & 32; chunks++) {
            if (bit + 6 > lensEnd) throw c.error(`METADATA_STRINGS lengths end after ${k} of ${count} strings`);
            if (chunks > 10) throw c.error('METADATA_STRINGS length is too long');
            const b = bit >>> 3;
            piece = (((bytes[b]! | (bytes[b + 1]! << 8)) >>> (bit & 7)) & 63);
            len += (piece & 31) * scale;
            scale *= 32;
            bit += 6;
          }
          if (at + len > end) throw c.error(`METADATA_STRINGS string ${k} runs past the blob`);
          const id = newNode(t, MdKind.String, false);
          const d = t.vals.reserve(2);
          d[t.vals.length] = at;
          d[t.vals.length + 1] = len;
          t.vals.length += 2;
          t.len[id] = 2;
          at += len;
        }
        continue;
      }
      case MdCode.StringOld:
        // Pre-LLVM 4 writers; strings are read from the file's bytes, and these have none there.
        throw c.error('old-style METADATA_STRING_OLD records are not supported');
      case MdCode.Value: {
        if (n !== 2) throw c.error('METADATA_VALUE record must have 2 operands');
        if (o[0]! >= m.types.length) throw c.error(`METADATA_VALUE type ${o[0]} out of range`);
        newNode(t, MdKind.Value, false);
        t.push(o[0]!);
        t.push(o[1]!);
        t.push(o[1]! < m.numModuleValues ? -1 : fn);
        if (fn < 0 && o[1]! >= m.numModuleValues) throw c.error(`METADATA_VALUE refers to value ${o[1]}, out of range`);
        continue;
      }
      case MdCode.Node:
      case MdCode.DistinctNode: {
        const id = newNode(t, MdKind.Tuple, code === MdCode.DistinctNode);
        const d = t.vals.reserve(n);
        const at = t.vals.length;
        for (let k = 0; k < n; k++) d[at + k] = o[k]! - 1;
        t.vals.length = at + n;
        t.len[id] = n;
        continue;
      }
      case MdCode.ArgList: {
        newNode(t, MdKind.ArgList, false);
        for (let k = 0; k < n; k++) t.push(o[k]!);
        continue;
      }
      case MdCode.AssignId:
        if (n !== 1) throw c.error('DIAssignID record must have 1 operand');
        newNode(t, MdKind.AssignId, true);
        continue;
      case MdCode.Name:
        pendingName = c.str();
        continue;
      case MdCode.NamedNode: {
        if (pendingName === undefined) throw c.error('METADATA_NAMED_NODE without a preceding METADATA_NAME');
        const ops = new Int32Array(n);
        for (let k = 0; k < n; k++) {
          if (o[k]! >= TWO32 - 1) throw c.error('named metadata operand out of range');
          ops[k] = o[k]!;
        }
        t.named.push({ name: pendingName, ops });
        pendingName = undefined;
        continue;
      }
      case MdCode.Kind:
        if (n >= 1) m.metadataKinds[o[0]!] = c.str(1);
        continue;
      case MdCode.IndexOffset: {
        if (n !== 2) throw c.error('METADATA_INDEX_OFFSET record must have 2 operands');
        const off = o[0]! + o[1]! * TWO32;
        indexTarget = c.pos + off;
        indexBase = c.pos;
        if (indexTarget > c.blockEnd) throw c.error(`METADATA_INDEX_OFFSET points past the end of its block`);
        continue;
      }
      case MdCode.Index: {
        if (indexTarget >= 0 && recordStart !== indexTarget) {
          throw c.error(`METADATA_INDEX is at bit ${recordStart}, not where METADATA_INDEX_OFFSET points (bit ${indexTarget})`);
        }
        // Each entry is the distance from the previous node record (the first from the bit after INDEX_OFFSET).
        if (n !== numNodes) throw c.error(`METADATA_INDEX has ${n} entries for ${numNodes} node records`);
        let prev = indexBase;
        for (let k = 0; k < n; k++) {
          prev += c.num(k);
          if (prev !== nodePos[k]) throw c.error(`METADATA_INDEX entry ${k} points to bit ${prev}, but that node record starts at bit ${nodePos[k]}`);
        }
        continue;
      }
      case MdCode.GlobalDeclAttachment: {
        if (n % 2 === 0) throw c.error('METADATA_GLOBAL_DECL_ATTACHMENT record must have an odd number of operands');
        const g = o[0]!;
        if (g >= m.globals.length) throw c.error(`metadata attachment to value ${g}, which is not a global`);
        const pairs = new Int32Array(n - 1);
        for (let k = 1; k < n; k += 2) {
          if (m.metadataKinds[o[k]!] === undefined) throw c.error(`metadata attachment of unknown kind ${o[k]}`);
          pairs[k - 1] = o[k]!;
          pairs[k] = o[k + 1]!;
        }
        t.setGlobalAttachments(g, pairs);
        continue;
      }
      case MdCode.Expression: {
        const version = o[0]! >> 1;
        if (version < 3) throw c.error(`DIExpression record version ${version} is not supported`);
        newNode(t, MdKind.Expression, (o[0]! & 1) !== 0);
        for (let k = 1; k < n; k++) {
          const u = c.num(k);
          if (u > Number.MAX_SAFE_INTEGER) pushBig(t, c.big(k));
          else t.push(u);
        }
        continue;
      }
      case MdCode.Enumerator: {
        const f = o[0]!;
        newNode(t, MdKind.Enumerator, (f & 1) !== 0);
        if (f & 4) {
          if (n < 4) throw c.error('DIEnumerator record is too short');
          const width = o[1]!;
          t.push(o[2]! - 1);
          t.push((f >> 1) & 1);
          t.push(width);
          let v = 0n;
          for (let k = n - 1; k >= 3; k--) {
            v = (v << 64n) | BigInt.asUintN(64, unrotate(c.big(k)));
          }
          if (width > 0) v = (f >> 1) & 1 ? BigInt.asUintN(width, v) : BigInt.asIntN(width, v);
          pushBig(t, v);
        } else {
          t.push(o[2]! - 1);
          t.push((f >> 1) & 1);
          t.push(64);
          pushSigned(t, c, 1);
        }
        continue;
      }
      case MdCode.Namespace: {
        newNode(t, MdKind.Namespace, (o[0]! & 1) !== 0);
        if (n === 3) {
          t.push(o[1]! - 1);
          t.push(o[2]! - 1);
        } else if (n === 5) {
          t.push(o[1]! - 1);
          t.push(o[3]! - 1);
        } else throw c.error(`DINamespace record has ${n} operands`);
        t.push((o[0]! >> 1) & 1);
        continue;
      }
      case MdCode.Subrange:
        if ((o[0]! >> 1) !== 2) throw c.error(`DISubrange record version ${o[0]! >> 1} is not supported`);
        break;
      case MdCode.GlobalVar:
        if ((o[0]! >> 1) !== 2) throw c.error(`DIGlobalVariable record version ${o[0]! >> 1} is not supported`);
        break;
      case MdCode.LocalVar:
        if (!(o[0]! & 2)) throw c.error('DILocalVariable records without alignment are not supported');
        break;
      case MdCode.Subprogram:
        if ((o[0]! & 6) !== 6) throw c.error('DISubprogram records without unit and SP flags are not supported');
        break;
      case MdCode.CompositeType:
      case MdCode.SubroutineType:
        if (!(o[0]! & 2)) throw c.error('type records with old-style type references are not supported');
        break;
      default:
        if (LAYOUT[code] === undefined) {
          const what = UNSUPPORTED[code];
          if (what) throw c.error(`metadata record ${code} (${what}) is not supported`);
          numNodes--;
          continue; // LLVM ignores unknown records too
        }
    }
    // A node with a fixed layout.
    const layout = LAYOUT_CODES[code]!;
    const sizeRefs = code === MdCode.CompositeType ? (o[0]! & 4) !== 0
      : code === MdCode.BasicType || code === MdCode.DerivedType ? (o[0]! & 2) !== 0 : false;
    const id = newNode(t, code, code === MdCode.CompileUnit || (o[0]! & 1) !== 0);
    if (sizeRefs) t.flags[id] = t.flags[id]! | FLAG_SIZE_REFS;
    const d = t.vals.reserve(layout.length);
    let at = t.vals.length;
    let i = 1;
    if (c.wide.size === 0 && n > layout.length) {
      // the common case: every field present and every operand below 2^32 (exact in `o`)
      for (let f = 0; f < layout.length; f++, i++) {
        const ch = layout[f]!;
        const u = o[i]!;
        if (ch === 114) d[at++] = u - 1; // r
        else if (ch === 105 || ch === 109) d[at++] = u; // i, m
        else if (ch === 122) d[at++] = sizeRefs ? u - 1 : u; // z
        else if (ch === 115) { // s
          if (u === 1) {
            const v = unrotate(1n);
            t.wide.set(at, v);
            d[at++] = Number(v);
          } else d[at++] = u % 2 ? -(u - 1) / 2 : u / 2;
        } // '-': skipped
      }
      t.len[id] = at - t.vals.length;
      t.vals.length = at;
      if (code === MdCode.CompositeType && n <= 24) t.vals.data[t.start[id]! + CompositeTypeF.EnumKind] = 0xffffffff;
      continue;
    }
    for (let f = 0; f < layout.length; f++, i++) {
      const ch = layout[f]!;
      if (ch === 45) continue; // '-'
      if (i >= n) {
        d[at++] = ch === 105 || ch === 115 ? 0 : -1;
        continue;
      }
      switch (ch) {
        case 114: // r
          d[at++] = o[i]! - 1;
          break;
        case 109: // m
          d[at++] = o[i]!;
          break;
        case 122: // z
          d[at++] = sizeRefs ? o[i]! - 1 : c.num(i);
          break;
        case 115: { // s
          const u = c.num(i);
          if (u === 1 || u > Number.MAX_SAFE_INTEGER) {
            const v = unrotate(c.big(i));
            t.wide.set(at, v);
            d[at++] = Number(v);
          } else d[at++] = u % 2 ? -(u - 1) / 2 : u / 2;
          break;
        }
        default: {
          const u = c.num(i);
          if (u > Number.MAX_SAFE_INTEGER) t.wide.set(at, c.big(i));
          d[at++] = u;
        }
      }
    }
    t.len[id] = at - t.vals.length;
    t.vals.length = at;
    if (code === MdCode.CompositeType && n <= 24) t.vals.data[t.start[id]! + CompositeTypeF.EnumKind] = 0xffffffff;
  }
  if (pendingName !== undefined) throw c.error(`METADATA_NAME "${pendingName}" without its METADATA_NAMED_NODE`);
}
