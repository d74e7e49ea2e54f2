// DWARF DIEs for DI types and scopes (namespaces), made on first use and
// placed under their scope as LLVM places them. Needs the module's metadata
// table and the unit's DIE tree; produces a DIE id per metadata node.

import {
  BasicTypeF, CompositeTypeF, DerivedTypeF, EnumeratorF, MdKind, NamespaceF, SubrangeF, SubroutineTypeF,
  TemplateTypeF, TemplateValueF, constantInt, type MetadataTable,
} from '../bitcode/metadata.js';
import type { Module } from '../bitcode/module.js';
import { DW_AT, DW_ATE, DW_FORM, DW_TAG } from '../object/dwarf/constants.js';
import type { DieId, DieTree } from '../object/dwarf/die.js';

const FLAG_ARTIFICIAL = 1 << 6;
const FLAG_FWD_DECL = 1 << 2;
const FLAG_ENUM_CLASS = 1 << 24;

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
    let off = this.offsets[r] - 1;
    if (off < 0) {
      const bytes = this.bytes(r);
      if (bytes.length === 0) return false;
      off = this.tree.str.appendRaw(bytes);
      this.offsets[r] = off + 1;
    }
    this.tree.strp(die, at, off);
    return true;
  }

  private bytes(r: number): Uint8Array {
    return mdBytes(this.t, this.m, r);
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

export class TypeDies {
  readonly names: MdNames;
  private t: MetadataTable;
  private m: Module;
  private tree: DieTree;
  private cu: DieId;
  private dies = new Map<number, DieId>();
  private arraySizeType = -1;

  constructor(t: MetadataTable, m: Module, tree: DieTree, cu: DieId) {
    this.t = t;
    this.m = m;
    this.tree = tree;
    this.cu = cu;
    this.names = new MdNames(t, m, tree);
  }

  /** The DIE a scope's children go under: a namespace's or composite type's, else the unit's. */
  scope(id: number): DieId {
    if (id < 0) return this.cu;
    const k = this.t.kind(id);
    if (k === MdKind.Namespace) {
      let d = this.dies.get(id);
      if (d === undefined) {
        const parent = this.scope(this.t.ref(id, NamespaceF.Scope));
        d = this.tree.add(parent, DW_TAG.namespace);
        this.names.attr(d, DW_AT.name, id, NamespaceF.Name);
        this.dies.set(id, d);
      }
      return d;
    }
    if (k === MdKind.CompositeType || k === MdKind.DerivedType || k === MdKind.BasicType) return this.type(id);
    return this.cu;
  }

  /** The DIE of type node `id` (-1: none, also -1). */
  type(id: number): DieId {
    if (id < 0) return -1;
    const have = this.dies.get(id);
    if (have !== undefined) return have;
    const t = this.t, tree = this.tree;
    switch (t.kind(id)) {
      case MdKind.BasicType: {
        const d = tree.add(this.cu, DW_TAG.base_type);
        this.dies.set(id, d);
        this.names.attr(d, DW_AT.name, id, BasicTypeF.Name);
        const enc = t.field(id, BasicTypeF.Encoding);
        if (enc) tree.constant(d, DW_AT.encoding, DW_FORM.data1, enc);
        tree.udata(d, DW_AT.byte_size, Math.ceil(t.field(id, BasicTypeF.Size) / 8));
        return d;
      }
      case MdKind.DerivedType: return this.derived(id, this.cu);
      case MdKind.CompositeType: return this.composite(id);
      case MdKind.SubroutineType: {
        const d = tree.add(this.cu, DW_TAG.subroutine_type);
        this.dies.set(id, d);
        const types = t.ref(id, SubroutineTypeF.Types);
        const n = types >= 0 ? t.fieldCount(types) : 0;
        if (n > 0) {
          const ret = this.type(t.ref(types, 0));
          if (ret >= 0) tree.ref(d, DW_AT.type, ret);
        }
        for (let k = 1; k < n; k++) {
          const p = tree.add(d, DW_TAG.formal_parameter);
          const pt = this.type(t.ref(types, k));
          if (pt >= 0) tree.ref(p, DW_AT.type, pt);
        }
        return d;
      }
    }
    // anything else (a template value's constant, a string) has no type DIE
    return -1;
  }

  /** A derived type or member under `parent` (members go under their composite). */
  private derived(id: number, parent: DieId): DieId {
    const t = this.t, tree = this.tree;
    const tag = t.field(id, DerivedTypeF.Tag);
    const d = tree.add(tag === DW_TAG.member || tag === DW_TAG.inheritance ? parent : this.scope(t.ref(id, DerivedTypeF.Scope)), tag);
    this.dies.set(id, d);
    this.names.attr(d, DW_AT.name, id, DerivedTypeF.Name);
    const base = this.type(t.ref(id, DerivedTypeF.BaseType));
    if (base >= 0) tree.ref(d, DW_AT.type, base);
    if (tag === DW_TAG.member || tag === DW_TAG.inheritance) {
      const align = t.field(id, DerivedTypeF.Align);
      if (align > 0 && tag === DW_TAG.member) tree.udata(d, DW_AT.alignment, align / 8);
      tree.udata(d, DW_AT.data_member_location, Math.floor(t.field(id, DerivedTypeF.Offset) / 8));
      if (t.field(id, DerivedTypeF.Flags) & FLAG_ARTIFICIAL) tree.flag(d, DW_AT.artificial);
    }
    return d;
  }

  private composite(id: number): DieId {
    const t = this.t, tree = this.tree;
    const tag = t.field(id, CompositeTypeF.Tag);
    const d = tree.add(this.scope(t.ref(id, CompositeTypeF.Scope)), tag);
    this.dies.set(id, d);
    this.names.attr(d, DW_AT.name, id, CompositeTypeF.Name);
    const flags = t.field(id, CompositeTypeF.Flags);
    const elements = t.ref(id, CompositeTypeF.Elements);
    const n = elements >= 0 ? t.fieldCount(elements) : 0;
    if (tag === DW_TAG.array_type) {
      const base = this.type(t.ref(id, CompositeTypeF.BaseType));
      if (base >= 0) tree.ref(d, DW_AT.type, base);
      for (let k = 0; k < n; k++) {
        const sr = t.ref(elements, k);
        if (sr < 0 || t.kind(sr) !== MdKind.Subrange) continue;
        const s = tree.add(d, DW_TAG.subrange_type);
        tree.ref(s, DW_AT.type, this.sizeType());
        const lower = constantInt(t, this.m, t.ref(sr, SubrangeF.LowerBound));
        if (lower !== undefined && lower !== 0) tree.sdata(s, DW_AT.lower_bound, lower);
        const count = constantInt(t, this.m, t.ref(sr, SubrangeF.Count));
        if (count !== undefined && count >= 0) tree.udata(s, DW_AT.count, count);
      }
      return d;
    }
    if (flags & FLAG_FWD_DECL) tree.flag(d, DW_AT.declaration);
    else if (tag !== DW_TAG.variant_part) tree.udata(d, DW_AT.byte_size, Math.ceil(t.field(id, CompositeTypeF.Size) / 8));
    const align = t.field(id, CompositeTypeF.Align);
    if (align > 0 && tag !== DW_TAG.variant_part) tree.udata(d, DW_AT.alignment, align / 8);
    if (flags & FLAG_ARTIFICIAL) tree.flag(d, DW_AT.artificial);
    if (tag === DW_TAG.enumeration_type) {
      const base = this.type(t.ref(id, CompositeTypeF.BaseType));
      if (base >= 0) tree.ref(d, DW_AT.type, base);
      // (gdb names a scoped enumerator with its type: `Op::Mul`, not `Mul`)
      if (flags & FLAG_ENUM_CLASS) tree.flag(d, DW_AT.enum_class);
      for (let k = 0; k < n; k++) {
        const e = t.ref(elements, k);
        if (e < 0 || t.kind(e) !== MdKind.Enumerator) continue;
        const ed = tree.add(d, DW_TAG.enumerator);
        this.names.attr(ed, DW_AT.name, e, EnumeratorF.Name);
        const v = t.field(e, EnumeratorF.Value);
        // beyond 2^53 a number is not exact: the 64-bit value as data8 (as LLVM writes wide enumerators)
        if (!Number.isSafeInteger(v)) tree.data8(ed, DW_AT.const_value, t.fieldBig(e, EnumeratorF.Value));
        else if (t.field(e, EnumeratorF.IsUnsigned) && v >= 0) tree.constant(ed, DW_AT.const_value, DW_FORM.udata, v);
        else tree.sdata(ed, DW_AT.const_value, v);
      }
      return d;
    }
    if (tag === DW_TAG.variant_part) {
      // the discriminant member, then a DW_TAG_variant per element holding its member
      const discr = t.ref(id, CompositeTypeF.Discriminator);
      if (discr >= 0) tree.ref(d, DW_AT.discr, this.derived(discr, d));
      for (let k = 0; k < n; k++) {
        const e = t.ref(elements, k);
        if (e < 0 || t.kind(e) !== MdKind.DerivedType) continue;
        const v = tree.add(d, DW_TAG.variant);
        const value = constantInt(t, this.m, t.ref(e, DerivedTypeF.ExtraData));
        if (value !== undefined) {
          if (value >= 0) tree.constant(v, DW_AT.discr_value, DW_FORM.udata, value);
          else tree.sdata(v, DW_AT.discr_value, value);
        }
        this.derived(e, v);
      }
      return d;
    }
    for (let k = 0; k < n; k++) {
      const e = t.ref(elements, k);
      if (e < 0 || this.dies.has(e)) continue;
      const ek = t.kind(e);
      if (ek === MdKind.DerivedType) this.derived(e, d);
      else if (ek === MdKind.CompositeType) this.type(e);
      else if (ek === MdKind.Subprogram) continue; // method declarations
    }
    this.templateParams(d, t.ref(id, CompositeTypeF.TemplateParams));
    return d;
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
      } else if (t.kind(p) === MdKind.TemplateValueParameter) {
        const pd = tree.add(d, DW_TAG.template_value_parameter);
        const ty = this.type(t.ref(p, TemplateValueF.Type));
        if (ty >= 0) tree.ref(pd, DW_AT.type, ty);
        this.names.attr(pd, DW_AT.name, p, TemplateValueF.Name);
        const v = constantInt(t, this.m, t.ref(p, TemplateValueF.Value));
        if (v !== undefined) tree.sdata(pd, DW_AT.const_value, v);
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
