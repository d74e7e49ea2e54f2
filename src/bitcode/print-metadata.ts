// Metadata as llvm-dis prints it: slot numbers assigned as LLVM's SlotTracker
// does (global attachments, named metadata, then each function's attachments
// and debug records in order, each node numbered in pre-order over its
// operands), node bodies with AsmWriter's field order and defaults, inline
// DIExpressions and MDStrings. Needs a MetadataTable (metadata.ts); values are
// printed through a callback, since only the module printer knows their names.

import { escapeString } from './attributes.js';
import {
  BasicTypeF, CompileUnitF, CompositeTypeF, DerivedTypeF, EnumeratorF, FileF, GlobalVariableExpressionF,
  GlobalVariableF, ImportedEntityF, LabelF, LexicalBlockF, LexicalBlockFileF, LocalVariableF, LocationF, MdKind,
  NamespaceF, SubprogramF, SubrangeF, SubroutineTypeF, TemplateTypeF, TemplateValueF, ValueF, constantInt,
  type MetadataTable,
} from './metadata.js';
import type { Module } from './module.js';

const TAGS: Record<number, string> = {
  0x01: 'array_type', 0x02: 'class_type', 0x04: 'enumeration_type', 0x08: 'imported_declaration', 0x0d: 'member',
  0x0f: 'pointer_type', 0x10: 'reference_type', 0x11: 'compile_unit', 0x12: 'string_type', 0x13: 'structure_type',
  0x15: 'subroutine_type', 0x16: 'typedef', 0x17: 'union_type', 0x19: 'variant', 0x1c: 'inheritance',
  0x1f: 'ptr_to_member_type', 0x20: 'set_type', 0x21: 'subrange_type', 0x24: 'base_type', 0x26: 'const_type',
  0x28: 'enumerator', 0x2a: 'friend', 0x2f: 'template_type_parameter', 0x30: 'template_value_parameter',
  0x33: 'variant_part', 0x34: 'variable', 0x35: 'volatile_type', 0x37: 'restrict_type', 0x39: 'namespace',
  0x3a: 'imported_module', 0x42: 'rvalue_reference_type', 0x47: 'atomic_type', 0x4107: 'GNU_template_parameter_pack',
  0x4108: 'GNU_formal_parameter_pack', 0x4300: 'LLVM_ptrauth_type',
};
const ENCODINGS: Record<number, string> = {
  1: 'address', 2: 'boolean', 3: 'complex_float', 4: 'float', 5: 'signed', 6: 'signed_char', 7: 'unsigned',
  8: 'unsigned_char', 9: 'imaginary_float', 10: 'packed_decimal', 11: 'numeric_string', 12: 'edited',
  13: 'signed_fixed', 14: 'unsigned_fixed', 15: 'decimal_float', 16: 'UTF', 17: 'UCS', 18: 'ASCII',
};
const LANGUAGES: Record<number, string> = {
  0x01: 'C89', 0x02: 'C', 0x04: 'C_plus_plus', 0x0c: 'C99', 0x0d: 'Ada95', 0x10: 'ObjC', 0x1a: 'C_plus_plus_11',
  0x1c: 'Rust', 0x1d: 'C11', 0x21: 'C_plus_plus_14', 0x2c: 'C17', 0x16: 'Go', 0x1e: 'Swift', 0x8001: 'Mips_Assembler',
};
const CONVENTIONS: Record<number, string> = {
  1: 'normal', 2: 'program', 3: 'nocall', 4: 'pass_by_reference', 5: 'pass_by_value',
};
/** DINode flags with one bit each, in DebugInfoFlags.def order. */
const DI_FLAG_BITS: [number, string][] = [
  [1 << 2, 'FwdDecl'], [1 << 3, 'AppleBlock'], [1 << 4, 'ReservedBit4'], [1 << 5, 'Virtual'], [1 << 6, 'Artificial'],
  [1 << 7, 'Explicit'], [1 << 8, 'Prototyped'], [1 << 9, 'ObjcClassComplete'], [1 << 10, 'ObjectPointer'],
  [1 << 11, 'Vector'], [1 << 12, 'StaticMember'], [1 << 13, 'LValueReference'], [1 << 14, 'RValueReference'],
  [1 << 15, 'ExportSymbols'], [1 << 18, 'IntroducedVirtual'], [1 << 19, 'BitField'], [1 << 20, 'NoReturn'],
  [1 << 22, 'TypePassByValue'], [1 << 23, 'TypePassByReference'], [1 << 24, 'EnumClass'], [1 << 25, 'Thunk'],
  [1 << 26, 'NonTrivial'], [1 << 27, 'BigEndian'], [1 << 28, 'LittleEndian'], [1 << 29, 'AllCallsDescribed'],
];
const SP_FLAG_BITS: [number, string][] = [
  [1 << 2, 'LocalToUnit'], [1 << 3, 'Definition'], [1 << 4, 'Optimized'], [1 << 5, 'Pure'], [1 << 6, 'Elemental'],
  [1 << 7, 'Recursive'], [1 << 8, 'MainSubprogram'], [1 << 9, 'Deleted'], [1 << 11, 'ObjCDirect'],
];
const EMISSION_KINDS = ['NoDebug', 'FullDebug', 'LineTablesOnly', 'DebugDirectivesOnly'];
const NAME_TABLE_KINDS = ['Default', 'GNU', 'None', 'Apple'];
const CHECKSUM_KINDS = ['', 'CSK_MD5', 'CSK_SHA1', 'CSK_SHA256'];

/** DW_OP names and argument counts (DIExpression::ExprOperand::getSize). */
const OP_NAMES = new Map<number, [string, number]>([
  [0x03, ['addr', 1]], [0x06, ['deref', 0]], [0x08, ['const1u', 1]], [0x09, ['const1s', 1]], [0x0a, ['const2u', 1]],
  [0x0b, ['const2s', 1]], [0x0c, ['const4u', 1]], [0x0d, ['const4s', 1]], [0x0e, ['const8u', 1]], [0x0f, ['const8s', 1]],
  [0x10, ['constu', 1]], [0x11, ['consts', 1]], [0x12, ['dup', 0]], [0x13, ['drop', 0]], [0x14, ['over', 0]],
  [0x15, ['pick', 1]], [0x16, ['swap', 0]], [0x17, ['rot', 0]], [0x18, ['xderef', 0]], [0x19, ['abs', 0]],
  [0x1a, ['and', 0]], [0x1b, ['div', 0]], [0x1c, ['minus', 0]], [0x1d, ['mod', 0]], [0x1e, ['mul', 0]],
  [0x1f, ['neg', 0]], [0x20, ['not', 0]], [0x21, ['or', 0]], [0x22, ['plus', 0]], [0x23, ['plus_uconst', 1]],
  [0x24, ['shl', 0]], [0x25, ['shr', 0]], [0x26, ['shra', 0]], [0x27, ['xor', 0]], [0x29, ['eq', 0]], [0x2a, ['ge', 0]],
  [0x2b, ['gt', 0]], [0x2c, ['le', 0]], [0x2d, ['lt', 0]], [0x2e, ['ne', 0]], [0x90, ['regx', 1]], [0x91, ['fbreg', 1]],
  [0x92, ['bregx', 2]], [0x93, ['piece', 1]], [0x94, ['deref_size', 1]], [0x96, ['nop', 0]],
  [0x97, ['push_object_address', 0]], [0x9f, ['stack_value', 0]], [0xa8, ['convert', 1]],
  [0xa3, ['entry_value', 1]], [0xe0, ['GNU_push_tls_address', 0]],
  [0x1000, ['LLVM_fragment', 2]], [0x1001, ['LLVM_convert', 2]], [0x1002, ['LLVM_tag_offset', 1]],
  [0x1003, ['LLVM_entry_value', 1]], [0x1004, ['LLVM_implicit_pointer', 0]], [0x1005, ['LLVM_arg', 1]],
  [0x1006, ['LLVM_extract_bits_sext', 2]], [0x1007, ['LLVM_extract_bits_zext', 2]],
]);
for (let i = 0; i < 32; i++) {
  OP_NAMES.set(0x30 + i, [`lit${i}`, 0]);
  OP_NAMES.set(0x50 + i, [`reg${i}`, 0]);
  OP_NAMES.set(0x70 + i, [`breg${i}`, 1]);
}

/** A metadata identifier (`!name`) as printMetadataIdentifier writes it. */
export function mdIdentifier(name: string): string {
  let s = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x24 || c === 0x2e || c === 0x5f
      || (i > 0 && c >= 0x30 && c <= 0x39);
    s += ok ? name[i] : '\\' + c.toString(16).toUpperCase().padStart(2, '0');
  }
  return s;
}

/** Per kind, the fields that are MDNode operands, in LLVM's operand order (the order slots are assigned in). */
const OPERAND_ORDER: (Int8Array | undefined)[] = [];
OPERAND_ORDER[MdKind.Location] = Int8Array.of(LocationF.Scope, LocationF.InlinedAt);
OPERAND_ORDER[MdKind.Subrange] = Int8Array.of(SubrangeF.Count, SubrangeF.LowerBound, SubrangeF.UpperBound, SubrangeF.Stride);
OPERAND_ORDER[MdKind.DerivedType] = Int8Array.of(
  DerivedTypeF.File, DerivedTypeF.Scope, DerivedTypeF.BaseType, DerivedTypeF.ExtraData, DerivedTypeF.Annotations,
);
OPERAND_ORDER[MdKind.CompositeType] = Int8Array.of(
  CompositeTypeF.File, CompositeTypeF.Scope, CompositeTypeF.BaseType, CompositeTypeF.Elements, CompositeTypeF.VTableHolder,
  CompositeTypeF.TemplateParams, CompositeTypeF.Discriminator, CompositeTypeF.DataLocation, CompositeTypeF.Associated,
  CompositeTypeF.Allocated, CompositeTypeF.Rank, CompositeTypeF.Annotations, CompositeTypeF.Specification,
  CompositeTypeF.BitStride,
);
OPERAND_ORDER[MdKind.SubroutineType] = Int8Array.of(SubroutineTypeF.Types);
OPERAND_ORDER[MdKind.CompileUnit] = Int8Array.of(
  CompileUnitF.File, CompileUnitF.Enums, CompileUnitF.RetainedTypes, CompileUnitF.Globals, CompileUnitF.Imports, CompileUnitF.Macros,
);
OPERAND_ORDER[MdKind.Subprogram] = Int8Array.of(
  SubprogramF.File, SubprogramF.Scope, SubprogramF.Type, SubprogramF.Unit, SubprogramF.Declaration, SubprogramF.RetainedNodes,
  SubprogramF.ContainingType, SubprogramF.TemplateParams, SubprogramF.ThrownTypes, SubprogramF.Annotations,
);
OPERAND_ORDER[MdKind.LexicalBlock] = Int8Array.of(LexicalBlockF.File, LexicalBlockF.Scope);
OPERAND_ORDER[MdKind.LexicalBlockFile] = Int8Array.of(LexicalBlockFileF.File, LexicalBlockFileF.Scope);
OPERAND_ORDER[MdKind.Namespace] = Int8Array.of(NamespaceF.Scope);
OPERAND_ORDER[MdKind.TemplateTypeParameter] = Int8Array.of(TemplateTypeF.Type);
OPERAND_ORDER[MdKind.TemplateValueParameter] = Int8Array.of(TemplateValueF.Type, TemplateValueF.Value);
OPERAND_ORDER[MdKind.GlobalVariable] = Int8Array.of(
  GlobalVariableF.Scope, GlobalVariableF.File, GlobalVariableF.Type, GlobalVariableF.StaticDataMemberDeclaration,
  GlobalVariableF.TemplateParams, GlobalVariableF.Annotations,
);
OPERAND_ORDER[MdKind.LocalVariable] = Int8Array.of(LocalVariableF.Scope, LocalVariableF.File, LocalVariableF.Type, LocalVariableF.Annotations);
OPERAND_ORDER[MdKind.Label] = Int8Array.of(LabelF.Scope, LabelF.File);
OPERAND_ORDER[MdKind.GlobalVariableExpression] = Int8Array.of(GlobalVariableExpressionF.Var);
OPERAND_ORDER[MdKind.ImportedEntity] = Int8Array.of(ImportedEntityF.Scope, ImportedEntityF.Entity, ImportedEntityF.File, ImportedEntityF.Elements);

/** Number of MDNode operands of `id`; operand k is `nthOperand(t, id, k)`. */
function operandCount(t: MetadataTable, id: number): number {
  const kind = t.kind(id);
  if (kind === MdKind.Tuple) return t.fieldCount(id);
  const order = OPERAND_ORDER[kind];
  return order ? order.length : 0;
}
function nthOperand(t: MetadataTable, id: number, k: number): number {
  const kind = t.kind(id);
  return t.ref(id, kind === MdKind.Tuple ? k : OPERAND_ORDER[kind]![k]!);
}

/** Is `id` an MDNode that gets a slot (not a string, value, expression or argument list)? */
function takesSlot(t: MetadataTable, id: number): boolean {
  if (id < 0) return false;
  const k = t.kind(id);
  return k !== MdKind.String && k !== MdKind.Value && k !== MdKind.Expression && k !== MdKind.ArgList;
}

/** Writes a value (type and name) for ValueAsMetadata: module values, or values of the function being printed. */
export type ValueWriter = (type: number, value: number) => string;

export class MetadataPrinter {
  readonly t: MetadataTable;
  private m: Module;
  private slots: Int32Array = new Int32Array(0);
  /** Node ids by slot. */
  readonly order: number[] = [];
  private stack: number[] = [];
  private next: number[] = [];
  private value: ValueWriter;

  constructor(m: Module, t: MetadataTable, value: ValueWriter) {
    this.m = m;
    this.t = t;
    this.value = value;
  }

  slotOf(id: number): number {
    return id < this.slots.length ? this.slots[id]! : -1;
  }

  /** Numbers `id` and, in pre-order, every node reachable from it (LLVM's CreateMetadataSlot, without recursion). */
  number(id: number): void {
    const t = this.t;
    if (!takesSlot(t, id) || this.slotOf(id) >= 0) return;
    if (this.slots.length < t.count) {
      const s = new Int32Array(Math.max(t.count, this.slots.length * 2, 1024)).fill(-1);
      s.set(this.slots);
      this.slots = s;
    }
    const stack = this.stack;
    const next = this.next;
    this.slots[id] = this.order.length;
    this.order.push(id);
    stack.push(id);
    next.push(0);
    while (stack.length) {
      const d = stack.length - 1;
      const top = stack[d]!;
      const k = next[d]!;
      if (k >= operandCount(t, top)) {
        stack.pop();
        next.pop();
        continue;
      }
      next[d] = k + 1;
      const op = nthOperand(t, top, k);
      if (!takesSlot(t, op) || this.slots[op]! >= 0) continue;
      this.slots[op] = this.order.length;
      this.order.push(op);
      stack.push(op);
      next.push(0);
    }
  }

  /** Metadata as an operand: `null`, `!N`, `!"text"`, an inline DIExpression/DIArgList, or a typed value. */
  operand(id: number): string {
    const t = this.t;
    if (id < 0) return 'null';
    switch (t.kind(id)) {
      case MdKind.String:
        return '!"' + escapeString(t.string(id)) + '"';
      case MdKind.Value:
        return this.value(t.field(id, ValueF.Type), t.field(id, ValueF.Value));
      case MdKind.Expression:
        return this.expression(id);
      case MdKind.ArgList: {
        const parts: string[] = [];
        for (let k = 0; k < t.fieldCount(id); k++) parts.push(this.operand(t.ref(id, k)));
        return `!DIArgList(${parts.join(', ')})`;
      }
    }
    const s = this.slotOf(id);
    if (s >= 0) return '!' + s;
    if (t.kind(id) === MdKind.Location) return this.body(id);
    return `<unnumbered metadata ${id}>`;
  }

  /** ` !dbg !N`-style text for (kind, node) pairs, in the order given. */
  attachments(pairs: ArrayLike<number>, sep: string): string {
    let s = '';
    for (let i = 0; i < pairs.length; i += 2) {
      const name = this.m.metadataKinds[pairs[i]!];
      s += sep + '!' + (name === undefined ? `<unknown kind #${pairs[i]}>` : mdIdentifier(name)) + ' ' + this.operand(pairs[i + 1]!);
    }
    return s;
  }

  expression(id: number): string {
    const t = this.t;
    const n = t.fieldCount(id);
    const parts: string[] = [];
    // Valid expressions print operation names; anything else the raw words.
    let valid = true;
    for (let k = 0; k < n && valid;) {
      const op = OP_NAMES.get(t.field(id, k));
      if (!op || k + 1 + op[1] > n) valid = false;
      else k += 1 + op[1];
    }
    for (let k = 0; k < n;) {
      const code = t.field(id, k);
      const op = valid ? OP_NAMES.get(code) : undefined;
      if (!op) {
        parts.push(String(t.fieldBig(id, k)));
        k++;
        continue;
      }
      parts.push('DW_OP_' + op[0]);
      if (code === 0x1001) {
        parts.push(String(t.fieldBig(id, k + 1)));
        const enc = ENCODINGS[t.field(id, k + 2)];
        parts.push(enc ? 'DW_ATE_' + enc : String(t.fieldBig(id, k + 2)));
      } else for (let a = 1; a <= op[1]; a++) parts.push(String(t.fieldBig(id, k + a)));
      k += 1 + op[1];
    }
    return `!DIExpression(${parts.join(', ')})`;
  }

  /** The node's definition text (after `!N = `). */
  body(id: number): string {
    const t = this.t;
    const kind = t.kind(id);
    const f = new Fields(this, id);
    let s = t.isDistinct(id) ? 'distinct ' : '';
    switch (kind) {
      case MdKind.Tuple: {
        const parts: string[] = [];
        for (let k = 0; k < t.fieldCount(id); k++) parts.push(this.operand(t.ref(id, k)));
        return s + '!{' + parts.join(', ') + '}';
      }
      case MdKind.Location:
        f.int('line', LocationF.Line, false);
        f.int('column', LocationF.Column);
        f.md('scope', LocationF.Scope, false);
        f.md('inlinedAt', LocationF.InlinedAt);
        f.bool('isImplicitCode', LocationF.ImplicitCode, false);
        f.int('atomGroup', LocationF.AtomGroup);
        f.int('atomRank', LocationF.AtomRank);
        return s + '!DILocation(' + f.out + ')';
      case MdKind.Subrange:
        for (const [name, k] of [['count', SubrangeF.Count], ['lowerBound', SubrangeF.LowerBound], ['upperBound', SubrangeF.UpperBound], ['stride', SubrangeF.Stride]] as [string, number][]) {
          const r = t.ref(id, k);
          const c = r >= 0 && t.kind(r) === MdKind.Value ? constantInt(t, this.m, r) : undefined;
          if (c !== undefined) f.raw(name, String(c));
          else f.md(name, k);
        }
        return s + '!DISubrange(' + f.out + ')';
      case MdKind.Enumerator: {
        f.str('name', EnumeratorF.Name, false);
        f.raw('value', String(t.fieldBig(id, EnumeratorF.Value)));
        if (t.field(id, EnumeratorF.IsUnsigned)) f.raw('isUnsigned', 'true');
        return s + '!DIEnumerator(' + f.out + ')';
      }
      case MdKind.BasicType:
        if (t.field(id, BasicTypeF.Tag) !== 0x24) f.tag(BasicTypeF.Tag);
        f.str('name', BasicTypeF.Name);
        f.int('size', BasicTypeF.Size);
        f.int('align', BasicTypeF.Align);
        f.int('dataSize', BasicTypeF.DataSize);
        f.enumerated('encoding', BasicTypeF.Encoding, ENCODINGS, 'DW_ATE_');
        f.int('num_extra_inhabitants', BasicTypeF.NumExtraInhabitants);
        f.flags('flags', BasicTypeF.Flags);
        return s + '!DIBasicType(' + f.out + ')';
      case MdKind.DerivedType: {
        f.tag(DerivedTypeF.Tag);
        f.str('name', DerivedTypeF.Name);
        f.md('scope', DerivedTypeF.Scope);
        f.md('file', DerivedTypeF.File);
        f.int('line', DerivedTypeF.Line);
        f.md('baseType', DerivedTypeF.BaseType, false);
        f.int('size', DerivedTypeF.Size);
        f.int('align', DerivedTypeF.Align);
        f.int('offset', DerivedTypeF.Offset);
        f.flags('flags', DerivedTypeF.Flags);
        f.md('extraData', DerivedTypeF.ExtraData);
        const as = t.field(id, DerivedTypeF.DwarfAddressSpace);
        if (as) f.raw('dwarfAddressSpace', String(as - 1));
        f.md('annotations', DerivedTypeF.Annotations);
        return s + '!DIDerivedType(' + f.out + ')';
      }
      case MdKind.CompositeType: {
        f.tag(CompositeTypeF.Tag);
        f.str('name', CompositeTypeF.Name);
        f.md('scope', CompositeTypeF.Scope);
        f.md('file', CompositeTypeF.File);
        f.int('line', CompositeTypeF.Line);
        f.md('baseType', CompositeTypeF.BaseType);
        f.int('size', CompositeTypeF.Size);
        f.int('align', CompositeTypeF.Align);
        f.int('offset', CompositeTypeF.Offset);
        f.int('num_extra_inhabitants', CompositeTypeF.NumExtraInhabitants);
        f.flags('flags', CompositeTypeF.Flags);
        f.md('elements', CompositeTypeF.Elements);
        f.enumerated('runtimeLang', CompositeTypeF.RuntimeLang, LANGUAGES, 'DW_LANG_');
        f.md('vtableHolder', CompositeTypeF.VTableHolder);
        f.md('templateParams', CompositeTypeF.TemplateParams);
        f.str('identifier', CompositeTypeF.Identifier);
        f.md('discriminator', CompositeTypeF.Discriminator);
        f.md('dataLocation', CompositeTypeF.DataLocation);
        f.md('associated', CompositeTypeF.Associated);
        f.md('allocated', CompositeTypeF.Allocated);
        const rank = t.ref(id, CompositeTypeF.Rank);
        const rc = rank >= 0 ? constantInt(t, this.m, rank) : undefined;
        if (rc !== undefined) f.raw('rank', String(rc));
        else f.md('rank', CompositeTypeF.Rank);
        f.md('annotations', CompositeTypeF.Annotations);
        f.md('specification', CompositeTypeF.Specification);
        const ek = t.field(id, CompositeTypeF.EnumKind);
        if (ek !== 0xffffffff && ek !== 0) f.raw('enumKind', String(ek));
        f.md('bitStride', CompositeTypeF.BitStride);
        return s + '!DICompositeType(' + f.out + ')';
      }
      case MdKind.SubroutineType:
        f.flags('flags', SubroutineTypeF.Flags);
        f.enumerated('cc', SubroutineTypeF.CC, CONVENTIONS, 'DW_CC_');
        f.md('types', SubroutineTypeF.Types, false);
        return s + '!DISubroutineType(' + f.out + ')';
      case MdKind.File: {
        f.str('filename', FileF.Filename, false);
        f.str('directory', FileF.Directory, false);
        const ck = t.field(id, FileF.ChecksumKind);
        if (ck) {
          f.raw('checksumkind', CHECKSUM_KINDS[ck] ?? String(ck));
          f.str('checksum', FileF.Checksum, false);
        }
        f.str('source', FileF.Source);
        return s + '!DIFile(' + f.out + ')';
      }
      case MdKind.CompileUnit: {
        const lang = t.field(id, CompileUnitF.Language);
        f.raw('language', LANGUAGES[lang] ? 'DW_LANG_' + LANGUAGES[lang] : String(lang));
        f.md('file', CompileUnitF.File, false);
        f.str('producer', CompileUnitF.Producer);
        f.raw('isOptimized', t.field(id, CompileUnitF.IsOptimized) ? 'true' : 'false');
        f.str('flags', CompileUnitF.Flags);
        f.int('runtimeVersion', CompileUnitF.RuntimeVersion, false);
        f.str('splitDebugFilename', CompileUnitF.SplitDebugFilename);
        const ek = t.field(id, CompileUnitF.EmissionKind);
        f.raw('emissionKind', EMISSION_KINDS[ek] ?? String(ek));
        f.md('enums', CompileUnitF.Enums);
        f.md('retainedTypes', CompileUnitF.RetainedTypes);
        f.md('globals', CompileUnitF.Globals);
        f.md('imports', CompileUnitF.Imports);
        f.md('macros', CompileUnitF.Macros);
        f.int('dwoId', CompileUnitF.DwoId);
        f.bool('splitDebugInlining', CompileUnitF.SplitDebugInlining, true);
        f.bool('debugInfoForProfiling', CompileUnitF.DebugInfoForProfiling, false);
        const nt = t.field(id, CompileUnitF.NameTableKind);
        if (nt) f.raw('nameTableKind', NAME_TABLE_KINDS[nt] ?? String(nt));
        f.bool('rangesBaseAddress', CompileUnitF.RangesBaseAddress, false);
        f.str('sysroot', CompileUnitF.Sysroot);
        f.str('sdk', CompileUnitF.Sdk);
        return 'distinct !DICompileUnit(' + f.out + ')';
      }
      case MdKind.Subprogram: {
        f.str('name', SubprogramF.Name);
        f.str('linkageName', SubprogramF.LinkageName);
        f.md('scope', SubprogramF.Scope, false);
        f.md('file', SubprogramF.File);
        f.int('line', SubprogramF.Line);
        f.md('type', SubprogramF.Type);
        f.int('scopeLine', SubprogramF.ScopeLine);
        f.md('containingType', SubprogramF.ContainingType);
        const sp = t.field(id, SubprogramF.SPFlags);
        if ((sp & 3) !== 0 || t.field(id, SubprogramF.VirtualIndex) !== 0) f.int('virtualIndex', SubprogramF.VirtualIndex, false);
        f.signed('thisAdjustment', SubprogramF.ThisAdjustment);
        f.flags('flags', SubprogramF.Flags);
        f.raw('spFlags', spFlagsText(sp));
        f.md('unit', SubprogramF.Unit);
        f.md('templateParams', SubprogramF.TemplateParams);
        f.md('declaration', SubprogramF.Declaration);
        f.md('retainedNodes', SubprogramF.RetainedNodes);
        f.md('thrownTypes', SubprogramF.ThrownTypes);
        f.md('annotations', SubprogramF.Annotations);
        f.str('targetFuncName', SubprogramF.TargetFuncName);
        if (t.field(id, SubprogramF.KeyInstructions)) f.raw('keyInstructions', 'true');
        return s + '!DISubprogram(' + f.out + ')';
      }
      case MdKind.LexicalBlock:
        f.md('scope', LexicalBlockF.Scope, false);
        f.md('file', LexicalBlockF.File);
        f.int('line', LexicalBlockF.Line);
        f.int('column', LexicalBlockF.Column);
        return s + '!DILexicalBlock(' + f.out + ')';
      case MdKind.LexicalBlockFile:
        f.md('scope', LexicalBlockFileF.Scope, false);
        f.md('file', LexicalBlockFileF.File);
        f.int('discriminator', LexicalBlockFileF.Discriminator, false);
        return s + '!DILexicalBlockFile(' + f.out + ')';
      case MdKind.Namespace:
        f.str('name', NamespaceF.Name);
        f.md('scope', NamespaceF.Scope, false);
        f.bool('exportSymbols', NamespaceF.ExportSymbols, false);
        return s + '!DINamespace(' + f.out + ')';
      case MdKind.TemplateTypeParameter:
        f.str('name', TemplateTypeF.Name);
        f.md('type', TemplateTypeF.Type, false);
        f.bool('defaulted', TemplateTypeF.IsDefault, false);
        return s + '!DITemplateTypeParameter(' + f.out + ')';
      case MdKind.TemplateValueParameter:
        if (t.field(id, TemplateValueF.Tag) !== 0x30) f.tag(TemplateValueF.Tag);
        f.str('name', TemplateValueF.Name);
        f.md('type', TemplateValueF.Type);
        f.bool('defaulted', TemplateValueF.IsDefault, false);
        f.md('value', TemplateValueF.Value, false);
        return s + '!DITemplateValueParameter(' + f.out + ')';
      case MdKind.GlobalVariable:
        f.str('name', GlobalVariableF.Name);
        f.str('linkageName', GlobalVariableF.LinkageName);
        f.md('scope', GlobalVariableF.Scope, false);
        f.md('file', GlobalVariableF.File);
        f.int('line', GlobalVariableF.Line);
        f.md('type', GlobalVariableF.Type);
        f.raw('isLocal', t.field(id, GlobalVariableF.IsLocal) ? 'true' : 'false');
        f.raw('isDefinition', t.field(id, GlobalVariableF.IsDefinition) ? 'true' : 'false');
        f.md('declaration', GlobalVariableF.StaticDataMemberDeclaration);
        f.md('templateParams', GlobalVariableF.TemplateParams);
        f.int('align', GlobalVariableF.Align);
        f.md('annotations', GlobalVariableF.Annotations);
        return s + '!DIGlobalVariable(' + f.out + ')';
      case MdKind.LocalVariable:
        f.str('name', LocalVariableF.Name);
        f.int('arg', LocalVariableF.Arg);
        f.md('scope', LocalVariableF.Scope, false);
        f.md('file', LocalVariableF.File);
        f.int('line', LocalVariableF.Line);
        f.md('type', LocalVariableF.Type);
        f.flags('flags', LocalVariableF.Flags);
        f.int('align', LocalVariableF.Align);
        f.md('annotations', LocalVariableF.Annotations);
        return s + '!DILocalVariable(' + f.out + ')';
      case MdKind.Label:
        f.md('scope', LabelF.Scope, false);
        f.str('name', LabelF.Name);
        f.md('file', LabelF.File);
        f.int('line', LabelF.Line);
        f.int('column', LabelF.Column);
        f.bool('isArtificial', LabelF.IsArtificial, false);
        if (t.field(id, LabelF.CoroSuspendIdx)) f.int('coroSuspendIdx', LabelF.CoroSuspendIdx);
        return s + '!DILabel(' + f.out + ')';
      case MdKind.GlobalVariableExpression:
        f.md('var', GlobalVariableExpressionF.Var);
        f.md('expr', GlobalVariableExpressionF.Expr);
        return s + '!DIGlobalVariableExpression(' + f.out + ')';
      case MdKind.ImportedEntity:
        f.tag(ImportedEntityF.Tag);
        f.str('name', ImportedEntityF.Name);
        f.md('scope', ImportedEntityF.Scope, false);
        f.md('entity', ImportedEntityF.Entity);
        f.md('file', ImportedEntityF.File);
        f.int('line', ImportedEntityF.Line);
        f.md('elements', ImportedEntityF.Elements);
        return s + '!DIImportedEntity(' + f.out + ')';
      case MdKind.AssignId:
        return 'distinct !DIAssignID()';
      case MdKind.Expression:
        return this.expression(id);
      default:
        return this.operand(id);
    }
  }

  /** Writes the named metadata and node definitions, each line ending in a newline (nothing when there are none). */
  definitions(write: (s: string) => void): void {
    const t = this.t;
    if (t.named.length) {
      write('\n');
      for (const nm of t.named) {
        const parts: string[] = [];
        for (const op of nm.ops) {
          if (op < t.count && t.kind(op) === MdKind.Expression) parts.push(this.expression(op));
          else {
            const slot = this.slotOf(op);
            parts.push(slot >= 0 ? '!' + slot : '<badref>');
          }
        }
        write(`!${mdIdentifier(nm.name)} = !{${parts.join(', ')}}\n`);
      }
    }
    if (this.order.length) {
      write('\n');
      for (let i = 0; i < this.order.length; i++) {
        write('!' + i + ' = ');
        write(this.body(this.order[i]!));
        write('\n');
      }
    }
  }

  /** Numbers what the module itself refers to: global variables' attachments, then named metadata. */
  numberModule(): void {
    const m = this.m;
    const t = this.t;
    for (let g = 0; g < m.globals.length; g++) {
      if (m.globals[g]!.kind !== 0) continue;
      const a = t.globalAttachments(g);
      if (a) {
        const sorted = sortedPairs(a);
        for (let i = 1; i < sorted.length; i += 2) this.number(sorted[i]!);
      }
    }
    for (const nm of t.named) for (const op of nm.ops) if (op < t.count) this.number(op);
  }
}

/** (kind, node) pairs sorted by kind (stable), as getAllMetadata returns them. */
export function sortedPairs(a: ArrayLike<number>): number[] {
  const n = a.length / 2;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((x, y) => a[2 * x]! - a[2 * y]! || x - y);
  const out: number[] = [];
  for (const i of idx) out.push(a[2 * i]!, a[2 * i + 1]!);
  return out;
}

function flagsText(v: number): string {
  const parts: string[] = [];
  let rest = v;
  const acc = v & 3;
  if (acc) {
    parts.push(acc === 1 ? 'DIFlagPrivate' : acc === 2 ? 'DIFlagProtected' : 'DIFlagPublic');
    rest &= ~3;
  }
  const inh = v & (3 << 16);
  if (inh) {
    parts.push(inh === 1 << 16 ? 'DIFlagSingleInheritance' : inh === 2 << 16 ? 'DIFlagMultipleInheritance' : 'DIFlagVirtualInheritance');
    rest &= ~(3 << 16);
  }
  for (const [bit, name] of DI_FLAG_BITS) {
    if (rest & bit) {
      parts.push('DIFlag' + name);
      rest &= ~bit;
    }
  }
  if (rest || parts.length === 0) parts.push(String(rest >>> 0));
  return parts.join(' | ');
}

function spFlagsText(v: number): string {
  if (!v) return '0';
  const parts: string[] = [];
  let rest = v;
  const virt = v & 3;
  if (virt) {
    parts.push(virt === 1 ? 'DISPFlagVirtual' : 'DISPFlagPureVirtual');
    rest &= ~3;
  }
  for (const [bit, name] of SP_FLAG_BITS) {
    if (rest & bit) {
      parts.push('DISPFlag' + name);
      rest &= ~bit;
    }
  }
  if (rest || parts.length === 0) parts.push(String(rest >>> 0));
  return parts.join(' | ');
}

/** AsmWriter's MDFieldPrinter: `name: value` fields separated by ", ". */
class Fields {
  out = '';
  constructor(private p: MetadataPrinter, private id: number) {}
  raw(name: string, text: string): void {
    this.out += (this.out ? ', ' : '') + name + ': ' + text;
  }
  int(name: string, k: number, skipZero = true): void {
    const v = this.p.t.field(this.id, k);
    if (skipZero && v === 0) return;
    this.raw(name, Number.isSafeInteger(v) ? String(v) : String(this.p.t.fieldBig(this.id, k)));
  }
  signed(name: string, k: number): void {
    const v = BigInt.asIntN(32, this.p.t.fieldBig(this.id, k));
    if (v !== 0n) this.raw(name, String(v));
  }
  bool(name: string, k: number, dflt: boolean): void {
    const v = this.p.t.field(this.id, k) !== 0;
    if (v !== dflt) this.raw(name, v ? 'true' : 'false');
  }
  str(name: string, k: number, skipEmpty = true): void {
    const s = this.p.t.stringField(this.id, k);
    if (skipEmpty && s === '') return;
    this.raw(name, '"' + escapeString(s) + '"');
  }
  md(name: string, k: number, skipNull = true): void {
    const r = this.p.t.ref(this.id, k);
    if (skipNull && r < 0) return;
    this.raw(name, this.p.operand(r));
  }
  tag(k: number): void {
    const v = this.p.t.field(this.id, k);
    this.raw('tag', TAGS[v] ? 'DW_TAG_' + TAGS[v] : String(v));
  }
  enumerated(name: string, k: number, names: Record<number, string>, prefix: string): void {
    const v = this.p.t.field(this.id, k);
    if (!v) return;
    this.raw(name, names[v] ? prefix + names[v] : String(v));
  }
  flags(name: string, k: number): void {
    const v = this.p.t.field(this.id, k);
    if (v) this.raw(name, flagsText(v));
  }
}
