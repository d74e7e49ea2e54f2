// DWARF DIEs for DI types and scopes (namespaces), made on first use and
// placed under their scope as LLVM places them. Needs the module's metadata
// table and the unit's DIE tree; produces a DIE id per metadata node.

import {
  BasicTypeF, CompositeTypeF, DerivedTypeF, EnumeratorF, MdKind, NamespaceF, SubrangeF, SubroutineTypeF,
  TemplateTypeF, TemplateValueF, ValueF, constantBig, constantInt, type MetadataTable,
} from '../bitcode/metadata.js';
import type { Module } from '../bitcode/module.js';
import { DW_ACCESS, DW_AT, DW_ATE, DW_FORM, DW_TAG } from '../object/dwarf/constants.js';
import type { DieId, DieTree } from '../object/dwarf/die.js';

// DIFlags
const FLAG_ACCESS = 3, FLAG_PRIVATE = 1, FLAG_PROTECTED = 2, FLAG_PUBLIC = 3;
const FLAG_FWD_DECL = 1 << 2;
const FLAG_ARTIFICIAL = 1 << 6;
const FLAG_VECTOR = 1 << 11;
const FLAG_BIT_FIELD = 1 << 19;
const FLAG_PASS_BY_VALUE = 1 << 22, FLAG_PASS_BY_REFERENCE = 1 << 23;
const FLAG_ENUM_CLASS = 1 << 24;
const DW_CC_pass_by_reference = 4, DW_CC_pass_by_value = 5, DW_CC_normal = 1;
const DW_TAG_ptr_to_member_type = 0x1f, DW_TAG_rvalue_reference_type = 0x42;
/** Base type encodings whose constants LLVM writes unsigned. */
const UNSIGNED_ENCODINGS = new Set([DW_ATE.boolean, DW_ATE.unsigned, DW_ATE.unsigned_char, DW_ATE.UTF, 0x11, 0x12]);

const utf8 = new TextDecoder();

/**
 * Names from MDStrings: each string's bytes go to .debug_str once (MDStrings
 * are unique in a module), as they are in the file (UTF-8).
 */
export class MdNames {
  private t: MetadataTable;
  private m: Module;
  private tree: DieTree;
  /** Per MDString id: its .debug_str offset + 1, 0 until written. */
  private offsets = new Int32Array(1024);

  constructor(t: MetadataTable, m: Module, tree: DieTree) {
    this.t = t;
    this.m = m;
    this.tree = tree;
  }

  /** Gives `die` attribute `at` naming string field `field` of `node`; false (nothing added) when it is null or empty. */
  attr(die: DieId, at: number, node: number, field: number): boolean {
    const t = this.t;
    const r = t.ref(node, field);
    if (r < 0 || t.kind(r) !== MdKind.String) return false;
    if (r >= this.offsets.length) {
      const next = new Int32Array(Math.max(r + 1, this.offsets.length * 2));
      next.set(this.offsets);
      this.offsets = next;
    }
    let off = this.offsets[r]! - 1;
    if (off < 0) {
      // the string's bytes as they are in the file
      const s = t.start[r]!;
      const len = t.vals.data[s + 1]!;
      if (len === 0) return false;
      off = this.tree.str.appendRange(this.m.bytes, t.vals.data[s]!, len);
      this.offsets[r] = off + 1;
    }
    this.tree.strp(die, at, off);
    return true;
  }
}

/** The bytes of MDString `r` as they are in the file. */
function mdBytes(t: MetadataTable, m: Module, r: number): Uint8Array {
  const s = t.start[r]!;
  const off = t.vals.data[s]!;
  return m.bytes.subarray(off, off + t.vals.data[s + 1]!);
}

/** The text of string field `field` of `node` ('' when null), decoded as UTF-8. */
export function mdText(t: MetadataTable, m: Module, node: number, field: number): string {
  const r = t.ref(node, field);
  return r >= 0 && t.kind(r) === MdKind.String ? utf8.decode(mdBytes(t, m, r)) : '';
}

/** Absent from a NodeMap. */
export const ABSENT = -2;

/** A map from metadata node id (dense) to a number of -1 or more, in a growable typed array. */
export class NodeMap {
  /** value + 2 per node; 0: absent */
  private a = new Int32Array(1024);

  get(id: number): number {
    return id >= 0 && id < this.a.length ? this.a[id]! - 2 : ABSENT;
  }

  set(id: number, v: number): void {
    if (id < 0) return;
    if (id >= this.a.length) {
      const next = new Int32Array(Math.max(id + 1, this.a.length * 2));
      next.set(this.a);
      this.a = next;
    }
    this.a[id] = v + 2;
  }
}

export class TypeDies {
  readonly names: MdNames;
  private t: MetadataTable;
  private m: Module;
  private tree: DieTree;
  private cu: DieId;
  private version: number;
  private dies = new NodeMap();
  private arraySizeType = -1;
  /** Subprogram declarations (methods) met among a type's elements; the unit makes their DIEs. */
  declarationHook: ((sp: number) => void) | null = null;

  constructor(t: MetadataTable, m: Module, tree: DieTree, cu: DieId, version: number) {
    this.t = t;
    this.m = m;
    this.tree = tree;
    this.cu = cu;
    this.version = version;
    this.names = new MdNames(t, m, tree);
  }

  /** The DIE made for metadata node `id` (a type, namespace or declaration), or undefined. */
  known(id: number): DieId | undefined {
    const d = this.dies.get(id);
    return d === ABSENT ? undefined : d;
  }

  /** Records the DIE of node `id` (a subprogram declaration made by the unit). */
  remember(id: number, d: DieId): void {
    this.dies.set(id, d);
  }

  /** The DIE a scope's children go under: a namespace's or type's, else the unit's. */
  scope(id: number): DieId {
    if (id < 0) return this.cu;
    const k = this.t.kind(id);
    if (k === MdKind.Namespace) {
      let d = this.dies.get(id);
      if (d === ABSENT) {
        const parent = this.scope(this.t.ref(id, NamespaceF.Scope));
        d = this.tree.add(parent, DW_TAG.namespace);
        this.names.attr(d, DW_AT.name, id, NamespaceF.Name);
        this.dies.set(id, d);
      }
      return d;
    }
    if (k === MdKind.CompositeType || k === MdKind.DerivedType || k === MdKind.BasicType || k === MdKind.SubroutineType) {
      const d = this.type(id);
      return d >= 0 ? d : this.cu;
    }
    return this.cu;
  }

  /** The DIE of type node `id` (-1: none, also -1); made under its scope on first use, as LLVM's getOrCreateTypeDIE. */
  type(id: number): DieId {
    if (id < 0) return -1;
    const have = this.dies.get(id);
    if (have !== ABSENT) return have;
    const t = this.t, tree = this.tree;
    const kind = t.kind(id);
    if (kind !== MdKind.BasicType && kind !== MdKind.DerivedType && kind !== MdKind.CompositeType && kind !== MdKind.SubroutineType) return -1;
    // the scope first: making it may make this type (a type among its scope's elements)
    const scopeField = kind === MdKind.DerivedType ? DerivedTypeF.Scope : kind === MdKind.CompositeType ? CompositeTypeF.Scope : -1;
    const parent = scopeField >= 0 ? this.scope(t.ref(id, scopeField)) : this.cu;
    const again = this.dies.get(id);
    if (again !== ABSENT) return again;
    switch (kind) {
      case MdKind.BasicType: {
        const tag = t.field(id, BasicTypeF.Tag);
        const d = tree.add(parent, tag);
        this.dies.set(id, d);
        this.names.attr(d, DW_AT.name, id, BasicTypeF.Name);
        if (tag === DW_TAG.unspecified_type) return d;
        tree.constant(d, DW_AT.encoding, DW_FORM.data1, t.field(id, BasicTypeF.Encoding));
        const bytes = Math.ceil(t.field(id, BasicTypeF.Size) / 8);
        tree.udata(d, DW_AT.byte_size, bytes);
        const dataSize = t.field(id, BasicTypeF.DataSize);
        if (dataSize && dataSize !== bytes * 8) tree.udata(d, DW_AT.bit_size, dataSize);
        return d;
      }
      case MdKind.DerivedType: {
        const tag = t.field(id, DerivedTypeF.Tag);
        if (tag === DW_TAG.member || tag === DW_TAG.inheritance) return this.member(id, parent);
        const d = tree.add(parent, tag);
        this.dies.set(id, d);
        const base = this.type(t.ref(id, DerivedTypeF.BaseType));
        if (base >= 0) tree.ref(d, DW_AT.type, base);
        this.names.attr(d, DW_AT.name, id, DerivedTypeF.Name);
        if (tag === DW_TAG.typedef && this.version >= 5) {
          const align = t.field(id, DerivedTypeF.Align);
          if (align > 0) tree.constant(d, DW_AT.alignment, DW_FORM.udata, align / 8);
        }
        const size = Math.floor(t.field(id, DerivedTypeF.Size) / 8);
        if (size && tag !== DW_TAG.pointer_type && tag !== DW_TAG_ptr_to_member_type && tag !== DW_TAG.reference_type && tag !== DW_TAG_rvalue_reference_type) {
          tree.udata(d, DW_AT.byte_size, size);
        }
        const flags = t.field(id, DerivedTypeF.Flags);
        this.access(d, flags);
        if (!(flags & FLAG_FWD_DECL)) this.sourceLine(d, id, DerivedTypeF.File, DerivedTypeF.Line);
        const as = t.field(id, DerivedTypeF.DwarfAddressSpace);
        if (as > 0) tree.constant(d, DW_AT.address_class, DW_FORM.data4, as - 1);
        return d;
      }
      case MdKind.CompositeType: {
        const d = tree.add(parent, t.field(id, CompositeTypeF.Tag));
        this.dies.set(id, d);
        this.composite(id, d);
        return d;
      }
      default: {
        const d = tree.add(parent, DW_TAG.subroutine_type);
        this.dies.set(id, d);
        const types = t.ref(id, SubroutineTypeF.Types);
        const n = types >= 0 ? t.fieldCount(types) : 0;
        if (n > 0) {
          const ret = this.type(t.ref(types, 0));
          if (ret >= 0) tree.ref(d, DW_AT.type, ret);
        }
        this.parameters(d, types);
        const cc = t.field(id, SubroutineTypeF.CC);
        if (cc && cc !== DW_CC_normal) tree.constant(d, DW_AT.calling_convention, DW_FORM.data1, cc);
        return d;
      }
    }
  }

  /** DW_TAG_formal_parameter children of `d` for types 1.. of a subroutine's type array (a null last: unspecified parameters). */
  parameters(d: DieId, types: number): void {
    const t = this.t, tree = this.tree;
    const n = types >= 0 ? t.fieldCount(types) : 0;
    for (let k = 1; k < n; k++) {
      const ty = t.ref(types, k);
      if (ty < 0) {
        tree.add(d, DW_TAG.unspecified_parameters);
        continue;
      }
      const p = tree.add(d, DW_TAG.formal_parameter);
      const pt = this.type(ty);
      if (pt >= 0) tree.ref(p, DW_AT.type, pt);
      if (this.typeFlags(ty) & FLAG_ARTIFICIAL) tree.flag(p, DW_AT.artificial);
    }
  }

  private typeFlags(id: number): number {
    const k = this.t.kind(id);
    return k === MdKind.DerivedType ? this.t.field(id, DerivedTypeF.Flags) : k === MdKind.CompositeType ? this.t.field(id, CompositeTypeF.Flags)
      : k === MdKind.BasicType ? this.t.field(id, BasicTypeF.Flags) : k === MdKind.SubroutineType ? this.t.field(id, SubroutineTypeF.Flags) : 0;
  }

  private access(d: DieId, flags: number): void {
    const a = flags & FLAG_ACCESS;
    if (a === FLAG_PROTECTED) this.tree.constant(d, DW_AT.accessibility, DW_FORM.data1, DW_ACCESS.protected);
    else if (a === FLAG_PRIVATE) this.tree.constant(d, DW_AT.accessibility, DW_FORM.data1, DW_ACCESS.private);
    else if (a === FLAG_PUBLIC) this.tree.constant(d, DW_AT.accessibility, DW_FORM.data1, DW_ACCESS.public);
  }

  /** DW_AT_decl_file/decl_line from a node's file and line fields (nothing for line 0). */
  private sourceLine(d: DieId, id: number, fileField: number, lineField: number): void {
    const line = this.t.field(id, lineField);
    if (line === 0 || !this.fileNumber) return;
    this.tree.udata(d, DW_AT.decl_file, this.fileNumber(this.t.ref(id, fileField)));
    this.tree.udata(d, DW_AT.decl_line, line);
  }

  /** The line table's number of a DIFile node (set by the unit). */
  fileNumber: ((file: number) => number) | null = null;

  /** A member (or inheritance) DIE under `parent`, as LLVM's constructMemberDIE. */
  private member(id: number, parent: DieId): DieId {
    const t = this.t, tree = this.tree;
    const d = tree.add(parent, t.field(id, DerivedTypeF.Tag));
    this.dies.set(id, d);
    this.names.attr(d, DW_AT.name, id, DerivedTypeF.Name);
    const base = this.type(t.ref(id, DerivedTypeF.BaseType));
    if (base >= 0) tree.ref(d, DW_AT.type, base);
    this.sourceLine(d, id, DerivedTypeF.File, DerivedTypeF.Line);
    const flags = t.field(id, DerivedTypeF.Flags);
    const offset = t.field(id, DerivedTypeF.Offset);
    if (flags & FLAG_BIT_FIELD) {
      // DWARF 4+ bit fields: the size and the offset in bits
      tree.udata(d, DW_AT.bit_size, t.field(id, DerivedTypeF.Size));
      tree.udata(d, DW_AT.data_bit_offset, offset);
    } else {
      const align = t.field(id, DerivedTypeF.Align);
      if (align > 0) tree.constant(d, DW_AT.alignment, DW_FORM.udata, align / 8);
      tree.udata(d, DW_AT.data_member_location, Math.floor(offset / 8));
    }
    this.access(d, flags);
    if (flags & FLAG_ARTIFICIAL) tree.flag(d, DW_AT.artificial);
    return d;
  }

  /** Whether constants of type `id` are written unsigned (LLVM's isUnsignedDIType). */
  private unsignedType(id: number): boolean {
    const t = this.t;
    for (let depth = 0; id >= 0 && depth < 64; depth++) {
      const k = t.kind(id);
      if (k === MdKind.CompositeType) {
        if (t.field(id, CompositeTypeF.Tag) !== DW_TAG.enumeration_type) return true;
        id = t.ref(id, CompositeTypeF.BaseType);
        continue;
      }
      if (k === MdKind.DerivedType) {
        const tag = t.field(id, DerivedTypeF.Tag);
        if (tag === DW_TAG.pointer_type || tag === DW_TAG.reference_type || tag === DW_TAG_rvalue_reference_type || tag === DW_TAG_ptr_to_member_type) return true;
        id = t.ref(id, DerivedTypeF.BaseType);
        continue;
      }
      if (k === MdKind.BasicType) return UNSIGNED_ENCODINGS.has(t.field(id, BasicTypeF.Encoding) as never);
      return false;
    }
    return false;
  }

  /** An integer constant attribute as LLVM's addConstantValue writes it: udata or sdata, a block beyond 64 bits. */
  private constantValue(d: DieId, at: number, node: number, field: number, unsigned: boolean, bitWidth: number): void {
    const t = this.t, tree = this.tree;
    if (bitWidth > 64) {
      tree.block1(d, at, this.wideBytes(t.fieldBig(node, field), bitWidth));
      return;
    }
    const v = t.field(node, field);
    if (Number.isSafeInteger(v)) {
      if (unsigned) tree.constant(d, at, DW_FORM.udata, v >= 0 ? v : Number(BigInt.asUintN(bitWidth || 64, BigInt(v))));
      else tree.sdata(d, at, v);
      return;
    }
    // beyond 2^53: the exact 64-bit value
    tree.leb64(d, at, t.fieldBig(node, field), !unsigned);
  }

  private wideBytes(v: bigint, bitWidth: number): number[] {
    const out: number[] = [];
    let u = BigInt.asUintN(bitWidth, v);
    for (let k = 0; k < bitWidth / 8; k++) {
      out.push(Number(u & 0xffn));
      u >>= 8n;
    }
    return out;
  }

  /** Children and attributes of composite node `id` on its DIE `d`, as LLVM's constructTypeDIE. */
  private composite(id: number, d: DieId): void {
    const t = this.t, tree = this.tree;
    const tag = t.field(id, CompositeTypeF.Tag);
    const flags = t.field(id, CompositeTypeF.Flags);
    const elements = t.ref(id, CompositeTypeF.Elements);
    const n = elements >= 0 ? t.fieldCount(elements) : 0;
    if (tag === DW_TAG.array_type) {
      this.array(id, d, flags, elements, n);
    } else if (tag === DW_TAG.enumeration_type) {
      const baseId = t.ref(id, CompositeTypeF.BaseType);
      const unsigned = baseId >= 0 && this.unsignedType(baseId);
      if (baseId >= 0) {
        const base = this.type(baseId);
        if (base >= 0) tree.ref(d, DW_AT.type, base);
        if (this.version >= 4 && flags & FLAG_ENUM_CLASS) tree.flag(d, DW_AT.enum_class);
      }
      for (let k = 0; k < n; k++) {
        const e = t.ref(elements, k);
        if (e < 0 || t.kind(e) !== MdKind.Enumerator) continue;
        const ed = tree.add(d, DW_TAG.enumerator);
        this.names.attr(ed, DW_AT.name, e, EnumeratorF.Name);
        this.constantValue(ed, DW_AT.const_value, e, EnumeratorF.Value, unsigned, t.field(e, EnumeratorF.BitWidth) || 64);
      }
    } else if (tag === DW_TAG.structure_type || tag === DW_TAG.union_type || tag === DW_TAG.variant_part || tag === DW_TAG.variant || tag === 0x02 /* class */) {
      let discr = -1;
      if (tag === DW_TAG.variant_part) {
        discr = t.ref(id, CompositeTypeF.Discriminator);
        if (discr >= 0) {
          const known = this.dies.get(discr);
          const dd = known !== ABSENT ? known : this.member(discr, d);
          tree.ref(d, DW_AT.discr, dd);
        }
      } else if (tag !== DW_TAG.variant) this.templateParams(d, t.ref(id, CompositeTypeF.TemplateParams));
      for (let k = 0; k < n; k++) {
        const e = t.ref(elements, k);
        if (e < 0) continue;
        const ek = t.kind(e);
        if (ek === MdKind.Subprogram) {
          if (this.declarationHook) this.declarationHook(e);
        } else if (ek === MdKind.DerivedType) {
          if (tag === DW_TAG.variant_part) {
            // each member wrapped in a DW_TAG_variant with its discriminant value
            const v = tree.add(d, DW_TAG.variant);
            this.discriminant(v, t.ref(e, DerivedTypeF.ExtraData), discr);
            const base = t.ref(e, DerivedTypeF.BaseType);
            if (base >= 0 && t.kind(base) === MdKind.CompositeType && t.field(base, CompositeTypeF.Tag) === DW_TAG.variant) this.composite(base, v);
            else this.member(e, v);
          } else this.member(e, d);
        } else if (ek === MdKind.CompositeType && t.field(e, CompositeTypeF.Tag) === DW_TAG.variant_part) {
          this.composite(e, tree.add(d, DW_TAG.variant_part));
        }
      }
      const holder = t.ref(id, CompositeTypeF.VTableHolder);
      if (holder >= 0) {
        const h = this.type(holder);
        if (h >= 0) tree.ref(d, DW_AT.containing_type, h);
      }
      const cc = flags & FLAG_PASS_BY_VALUE ? DW_CC_pass_by_value : flags & FLAG_PASS_BY_REFERENCE ? DW_CC_pass_by_reference : 0;
      if (cc) tree.constant(d, DW_AT.calling_convention, DW_FORM.data1, cc);
    }
    this.names.attr(d, DW_AT.name, id, CompositeTypeF.Name);
    if (tag === DW_TAG.enumeration_type || tag === DW_TAG.structure_type || tag === DW_TAG.union_type || tag === 0x02) {
      const fwd = (flags & FLAG_FWD_DECL) !== 0;
      const size = Math.floor(t.field(id, CompositeTypeF.Size) / 8);
      if (!fwd || (size && tag === DW_TAG.enumeration_type)) tree.udata(d, DW_AT.byte_size, size);
      if (fwd) tree.flag(d, DW_AT.declaration);
      this.access(d, flags);
      if (!fwd) this.sourceLine(d, id, CompositeTypeF.File, CompositeTypeF.Line);
      const align = t.field(id, CompositeTypeF.Align);
      if (align > 0) tree.constant(d, DW_AT.alignment, DW_FORM.udata, align / 8);
    }
  }

  /** DW_AT_discr_value of a variant from its member's discriminant constant (extra data). */
  private discriminant(v: DieId, valueNode: number, discr: number): void {
    const t = this.t, tree = this.tree;
    if (valueNode < 0 || t.kind(valueNode) !== MdKind.Value) return;
    const value = constantInt(t, this.m, valueNode);
    if (value === undefined) return;
    const unsigned = discr >= 0 && this.unsignedType(t.ref(discr, DerivedTypeF.BaseType));
    const width = this.intWidth(valueNode);
    if (width > 64) {
      const big = constantBig(t, this.m, valueNode);
      if (big !== undefined) tree.block1(v, DW_AT.discr_value, this.wideBytes(big, width));
      return;
    }
    if (unsigned) {
      // the value's bits as an unsigned number of its width (an i8 -128 is 128), in the smallest data form
      const u = Number.isSafeInteger(value) && value >= 0 ? value : Number(BigInt.asUintN(width, constantBig(t, this.m, valueNode) ?? BigInt(value)));
      if (Number.isSafeInteger(u)) tree.udata(v, DW_AT.discr_value, u);
      else tree.data8(v, DW_AT.discr_value, BigInt.asUintN(width, constantBig(t, this.m, valueNode) ?? BigInt(value)));
    } else if (Number.isSafeInteger(value)) tree.sconst(v, DW_AT.discr_value, value);
    else tree.data8(v, DW_AT.discr_value, constantBig(t, this.m, valueNode) ?? BigInt(value));
  }

  /** The bit width of the integer type of constant-value node `id` (64 when unknown). */
  private intWidth(id: number): number {
    const ty = this.t.field(id, ValueF.Type), types = this.m.types;
    return ty >= 0 && ty < types.length && types.isInt(ty) ? types.a[ty]! : 64;
  }

  private array(id: number, d: DieId, flags: number, elements: number, n: number): void {
    const t = this.t, tree = this.tree;
    if (flags & FLAG_VECTOR) {
      tree.flag(d, DW_AT.GNU_vector);
      // the size when padding makes it larger than its elements
      const base = t.ref(id, CompositeTypeF.BaseType);
      const sr = n === 1 ? t.ref(elements, 0) : -1;
      const count = sr >= 0 && t.kind(sr) === MdKind.Subrange ? constantInt(t, this.m, t.ref(sr, SubrangeF.Count)) ?? 0 : 0;
      const elemBits = base >= 0 ? this.typeBits(base) : 0;
      if (t.field(id, CompositeTypeF.Size) !== count * elemBits) tree.udata(d, DW_AT.byte_size, t.field(id, CompositeTypeF.Size) / 8);
    }
    const base = this.type(t.ref(id, CompositeTypeF.BaseType));
    if (base >= 0) tree.ref(d, DW_AT.type, base);
    // Rust's default lower bound is 0 from DWARF 5 on; before, LLVM writes every lower bound
    const defaultLower = this.version >= 5 ? 0 : -1;
    for (let k = 0; k < n; k++) {
      const sr = t.ref(elements, k);
      if (sr < 0 || t.kind(sr) !== MdKind.Subrange) continue;
      const s = tree.add(d, DW_TAG.subrange_type);
      tree.ref(s, DW_AT.type, this.sizeType());
      const lower = constantInt(t, this.m, t.ref(sr, SubrangeF.LowerBound));
      if (lower !== undefined && (defaultLower === -1 || lower !== defaultLower)) tree.sdata(s, DW_AT.lower_bound, lower);
      const count = constantInt(t, this.m, t.ref(sr, SubrangeF.Count));
      if (count !== undefined && count !== -1) tree.udata(s, DW_AT.count, count);
      const upper = constantInt(t, this.m, t.ref(sr, SubrangeF.UpperBound));
      if (upper !== undefined) tree.sdata(s, DW_AT.upper_bound, upper);
    }
  }

  private typeBits(id: number): number {
    const k = this.t.kind(id);
    return k === MdKind.BasicType ? this.t.field(id, BasicTypeF.Size) : k === MdKind.DerivedType ? this.t.field(id, DerivedTypeF.Size)
      : k === MdKind.CompositeType ? this.t.field(id, CompositeTypeF.Size) : 0;
  }

  /** DW_TAG_template_type_parameter (and value parameter) children of `d` from a tuple of them. */
  templateParams(d: DieId, tuple: number): void {
    const t = this.t, tree = this.tree;
    const n = tuple >= 0 ? t.fieldCount(tuple) : 0;
    for (let k = 0; k < n; k++) {
      const p = t.ref(tuple, k);
      if (p < 0) continue;
      if (t.kind(p) === MdKind.TemplateTypeParameter) {
        const pd = tree.add(d, DW_TAG.template_type_parameter);
        const ty = this.type(t.ref(p, TemplateTypeF.Type));
        if (ty >= 0) tree.ref(pd, DW_AT.type, ty);
        this.names.attr(pd, DW_AT.name, p, TemplateTypeF.Name);
        if (t.field(p, TemplateTypeF.IsDefault) && this.version >= 5) tree.flag(pd, DW_AT.default_value);
      } else if (t.kind(p) === MdKind.TemplateValueParameter) {
        const tag = t.field(p, TemplateValueF.Tag);
        const pd = tree.add(d, tag);
        const tyId = t.ref(p, TemplateValueF.Type);
        if (tag === DW_TAG.template_value_parameter) {
          const ty = this.type(tyId);
          if (ty >= 0) tree.ref(pd, DW_AT.type, ty);
        }
        this.names.attr(pd, DW_AT.name, p, TemplateValueF.Name);
        if (t.field(p, TemplateValueF.IsDefault) && this.version >= 5) tree.flag(pd, DW_AT.default_value);
        const vn = t.ref(p, TemplateValueF.Value);
        if (vn >= 0 && t.kind(vn) === MdKind.Value) {
          const width = this.intWidth(vn);
          const v = constantInt(t, this.m, vn);
          if (v === undefined) continue;
          const unsigned = tyId >= 0 && this.unsignedType(tyId);
          if (width > 64) {
            const big = constantBig(t, this.m, vn);
            if (big !== undefined) tree.block1(pd, DW_AT.const_value, this.wideBytes(big, width));
          } else if (Number.isSafeInteger(v)) {
            if (unsigned) tree.constant(pd, DW_AT.const_value, DW_FORM.udata, v >= 0 ? v : Number(BigInt.asUintN(width, BigInt(v))));
            else tree.sdata(pd, DW_AT.const_value, v);
          } else {
            tree.leb64(pd, DW_AT.const_value, constantBig(t, this.m, vn) ?? BigInt(v), !unsigned);
          }
        }
      }
    }
  }

  /** LLVM's artificial index type of array subranges. */
  private sizeType(): DieId {
    if (this.arraySizeType < 0) {
      const d = this.tree.add(this.cu, DW_TAG.base_type);
      this.tree.string(d, DW_AT.name, '__ARRAY_SIZE_TYPE__');
      this.tree.udata(d, DW_AT.byte_size, 8);
      this.tree.constant(d, DW_AT.encoding, DW_FORM.data1, DW_ATE.unsigned);
      this.arraySizeType = d;
    }
    return this.arraySizeType;
  }
}
