// The DIE tree of one compile unit and its encoding. Needs: DIEs added under
// their parents with attributes, in any order (a reference may name a DIE
// made later). Produces: .debug_info (unit header and DIEs in tree pre-order)
// and .debug_abbrev (one abbreviation per distinct tag, children flag and
// attribute/form list), with the relocations a relocatable object needs.
//
// Each DIE is a dense id; attributes are rows of flat columns, gathered per
// DIE (in the order added) when the unit is written.

import { ByteBuffer } from '../../support/bytes.js';
import { assert } from '../../support/diag.js';
import { resizedI32 } from '../../support/arrays.js';
import { ElfObject, R, type SectionId, type SymbolId } from '../elf.js';
import { DW_FORM, DW_UT_compile } from './constants.js';
import type { StringSection } from './strings.js';

export type DieId = number;

// Internal forms, numbered past DWARF's own (which end at 0x2c) so that
// every form indexes FORM_SIZE; each is written as the real form FORM_OUT names.
/** An exprloc holding DW_OP_addr of a relocated address (written as DW_FORM_exprloc). */
const FORM_EXPR_ADDR = 0x30;
/** An exprloc `DW_OP_const8u <DTPOFF64 of symbol + addend>, DW_OP_GNU_push_tls_address` (a thread-local's location). */
const FORM_EXPR_TLS = 0x31;
/** DW_FORM_data8 of a 64-bit value kept as its low (value) and high (aux) 32-bit halves. */
const FORM_DATA8_HALVES = 0x32;
/** DW_FORM_udata / sdata of a 64-bit value kept as its low (value) and high (aux) 32-bit halves. */
const FORM_UDATA_HALVES = 0x33, FORM_SDATA_HALVES = 0x34;
const NUM_FORMS = 0x35;

/** Encoded size of an attribute of each form: bytes, or -1 when it depends on the value. */
const FORM_SIZE = new Int8Array(NUM_FORMS).fill(-2);
/** The DWARF form an abbreviation names for each form. */
const FORM_OUT = new Int32Array(NUM_FORMS);
for (const [form, size] of [
  [DW_FORM.data1, 1], [DW_FORM.flag, 1], [DW_FORM.data2, 2], [DW_FORM.data4, 4], [DW_FORM.strp, 4], [DW_FORM.line_strp, 4],
  [DW_FORM.ref4, 4], [DW_FORM.sec_offset, 4], [DW_FORM.data8, 8], [DW_FORM.addr, 8], [DW_FORM.flag_present, 0],
  [DW_FORM.udata, -1], [DW_FORM.sdata, -1], [DW_FORM.exprloc, -1], [DW_FORM.block1, -1],
  [FORM_EXPR_ADDR, 10], [FORM_EXPR_TLS, 11], [FORM_DATA8_HALVES, 8], [FORM_UDATA_HALVES, -1], [FORM_SDATA_HALVES, -1],
] as const) {
  FORM_SIZE[form] = size;
  FORM_OUT[form] = form;
}
FORM_OUT[FORM_EXPR_ADDR] = FORM_OUT[FORM_EXPR_TLS] = DW_FORM.exprloc;
FORM_OUT[FORM_DATA8_HALVES] = DW_FORM.data8;
FORM_OUT[FORM_UDATA_HALVES] = DW_FORM.udata;
FORM_OUT[FORM_SDATA_HALVES] = DW_FORM.sdata;

export class DieTree {
  // per DIE (`dies` of them)
  private dies = 0;
  private tag = new Int32Array(256);
  private firstChild = new Int32Array(256);
  private lastChild = new Int32Array(256);
  private nextSibling = new Int32Array(256);
  // per attribute (`attrs` of them)
  private attrs = 0;
  private attrDie = new Int32Array(1024);
  private attrName = new Int32Array(1024);
  private attrForm = new Int32Array(1024);
  /** symbol (addr), section (sec_offset), byte length (exprloc); else 0 */
  private attrAux = new Int32Array(1024);
  /** the value: constant, string offset, DIE id (ref4), addend (addr), offset (sec_offset), pool start (exprloc) */
  private attrVal = new Float64Array(1024);
  /** exprloc bytes */
  private exprs = new ByteBuffer(256);
  readonly str: StringSection;
  readonly lineStr: StringSection | null;

  /** `lineStr` is .debug_line_str (DWARF 5), or null. */
  constructor(str: StringSection, lineStr: StringSection | null) {
    this.str = str;
    this.lineStr = lineStr;
  }

  get count(): number {
    return this.dies;
  }

  /** A new DIE with `tag`, the last child of `parent` (-1: the unit's root; there must be one). */
  add(parent: DieId, tag: number): DieId {
    const id = this.dies;
    assert(parent >= 0 || id === 0, 'a DWARF unit has one root DIE');
    if (id === this.tag.length) this.growDies();
    this.tag[id] = tag;
    this.firstChild[id] = -1;
    this.lastChild[id] = -1;
    this.nextSibling[id] = -1;
    this.dies = id + 1;
    if (parent >= 0) {
      const last = this.lastChild[parent]!;
      if (last < 0) this.firstChild[parent] = id;
      else this.nextSibling[last] = id;
      this.lastChild[parent] = id;
    }
    return id;
  }

  private growDies(): void {
    const n = this.tag.length * 2;
    this.tag = resizedI32(this.tag, n);
    this.firstChild = resizedI32(this.firstChild, n);
    this.lastChild = resizedI32(this.lastChild, n);
    this.nextSibling = resizedI32(this.nextSibling, n);
  }

  private attr(die: DieId, at: number, form: number, val: number, aux: number): void {
    if (!(die >= 0 && die < this.dies)) assert(false, `attribute on unknown DIE ${die}`);
    const k = this.attrs;
    if (k === this.attrDie.length) this.growAttrs();
    this.attrDie[k] = die;
    this.attrName[k] = at;
    this.attrForm[k] = form;
    this.attrVal[k] = val;
    this.attrAux[k] = aux;
    this.attrs = k + 1;
  }

  private growAttrs(): void {
    const n = this.attrDie.length * 2;
    this.attrDie = resizedI32(this.attrDie, n);
    this.attrName = resizedI32(this.attrName, n);
    this.attrForm = resizedI32(this.attrForm, n);
    this.attrAux = resizedI32(this.attrAux, n);
    const v = new Float64Array(n);
    v.set(this.attrVal);
    this.attrVal = v;
  }

  /** A string attribute (DW_FORM_strp into .debug_str). */
  string(die: DieId, at: number, s: string): void {
    this.attr(die, at, DW_FORM.strp, this.str.offset(s), 0);
  }

  /** A string already in .debug_str at `offset` (DW_FORM_strp). */
  strp(die: DieId, at: number, offset: number): void {
    this.attr(die, at, DW_FORM.strp, offset, 0);
  }

  /** A string in .debug_line_str (DW_FORM_line_strp, DWARF 5 only). */
  lineString(die: DieId, at: number, s: string): void {
    assert(this.lineStr !== null, 'DW_FORM_line_strp needs DWARF 5');
    this.attr(die, at, DW_FORM.line_strp, this.lineStr.offset(s), 0);
  }

  /** An unsigned constant in the smallest of data1/data2/data4/data8. */
  udata(die: DieId, at: number, v: number): void {
    if (!(v >= 0 && Number.isSafeInteger(v))) assert(false, `DWARF constant ${v} is not an unsigned integer`);
    this.attr(die, at, v < 0x100 ? DW_FORM.data1 : v < 0x10000 ? DW_FORM.data2 : v < 0x100000000 ? DW_FORM.data4 : DW_FORM.data8, v, 0);
  }

  /** A constant with an explicit form (data1/2/4/8, udata, sdata, flag; addr for an unrelocated address). */
  constant(die: DieId, at: number, form: number, v: number): void {
    this.attr(die, at, form, v, -1);
  }

  /** A 64-bit constant as DW_FORM_data8, exact beyond 2^53 (two's complement for negative values). */
  data8(die: DieId, at: number, v: bigint): void {
    const u = BigInt.asUintN(64, v);
    this.attr(die, at, FORM_DATA8_HALVES, Number(u & 0xffffffffn), Number(u >> 32n));
  }

  /** A signed constant in the smallest of data1/data2/data4/data8 holding it (two's complement). */
  sconst(die: DieId, at: number, v: number): void {
    if (!(Number.isSafeInteger(v))) assert(false, `DWARF constant ${v} is not an integer`);
    if (v >= -0x80 && v < 0x80) this.attr(die, at, DW_FORM.data1, v & 0xff, 0);
    else if (v >= -0x8000 && v < 0x8000) this.attr(die, at, DW_FORM.data2, v & 0xffff, 0);
    else if (v >= -0x80000000 && v < 0x80000000) this.attr(die, at, DW_FORM.data4, v >>> 0, 0);
    else this.data8(die, at, BigInt(v));
  }

  /** A block of bytes (DW_FORM_block1, at most 255). */
  block1(die: DieId, at: number, bytes: ArrayLike<number>): void {
    assert(bytes.length < 256, 'DW_FORM_block1 holds at most 255 bytes');
    const start = this.exprs.length;
    for (let k = 0; k < bytes.length; k++) this.exprs.u8(bytes[k]);
    this.attr(die, at, DW_FORM.block1, start, bytes.length);
  }

  /** A 64-bit constant as DW_FORM_udata (`signed`: DW_FORM_sdata), exact beyond 2^53. */
  leb64(die: DieId, at: number, v: bigint, signed: boolean): void {
    const u = BigInt.asUintN(64, v);
    this.attr(die, at, signed ? FORM_SDATA_HALVES : FORM_UDATA_HALVES, Number(u & 0xffffffffn), Number(u >> 32n));
  }

  /** A signed constant (DW_FORM_sdata). */
  sdata(die: DieId, at: number, v: number): void {
    this.attr(die, at, DW_FORM.sdata, v, 0);
  }

  /** DW_FORM_flag_present. */
  flag(die: DieId, at: number): void {
    this.attr(die, at, DW_FORM.flag_present, 0, 0);
  }

  /** A reference to another DIE of this unit (DW_FORM_ref4). */
  ref(die: DieId, at: number, target: DieId): void {
    this.attr(die, at, DW_FORM.ref4, target, 0);
  }

  /** An address: `symbol + addend`, relocated (DW_FORM_addr, R_X86_64_64). */
  addr(die: DieId, at: number, symbol: SymbolId, addend: number): void {
    this.attr(die, at, DW_FORM.addr, addend, symbol);
  }

  /** An offset into another debug section, relocated against it (DW_FORM_sec_offset, R_X86_64_32); returns the attribute's index. */
  secOffset(die: DieId, at: number, section: SectionId, offset: number): number {
    this.attr(die, at, DW_FORM.sec_offset, offset, section);
    return this.attrs - 1;
  }

  /** Sets the section and offset of sec_offset attribute `index` (one added before the section existed). */
  setSecOffset(index: number, section: SectionId, offset: number): void {
    this.attrVal[index] = offset;
    this.attrAux[index] = section;
  }

  /** A DWARF expression (DW_FORM_exprloc). */
  expr(die: DieId, at: number, bytes: ArrayLike<number>): void {
    this.exprRange(die, at, bytes, 0, bytes.length);
  }

  /** A DWARF expression (DW_FORM_exprloc) of `bytes[start, start + len)`. */
  exprRange(die: DieId, at: number, bytes: ArrayLike<number>, start: number, len: number): void {
    const e = this.exprs;
    const pos = e.length;
    e.reserve(len);
    const out = e.bytes;
    for (let k = 0; k < len; k++) out[pos + k] = bytes[start + k]!;
    e.length = pos + len;
    this.attr(die, at, DW_FORM.exprloc, pos, len);
  }

  /** A location `DW_OP_addr symbol + addend`, relocated (DW_FORM_exprloc, R_X86_64_64). */
  exprAddr(die: DieId, at: number, symbol: SymbolId, addend: number): void {
    this.attr(die, at, FORM_EXPR_ADDR, addend, symbol);
  }

  /** A thread-local's location: its offset in the module's TLS block (relocated), then DW_OP_GNU_push_tls_address. */
  exprTls(die: DieId, at: number, symbol: SymbolId, addend: number): void {
    this.attr(die, at, FORM_EXPR_TLS, addend, symbol);
  }

  /**
   * Writes the unit into `info` (appended) and its abbreviations into
   * `abbrev` (appended; the unit header points at them), with relocations
   * against the string, abbreviation and referenced sections. Returns the
   * unit's offset in `info`.
   */
  write(obj: ElfObject, version: 4 | 5, info: SectionId, abbrev: SectionId, strSec: SectionId, lineStrSec: SectionId): number {
    const nd = this.dies, na = this.attrs;
    assert(nd > 0, 'a DWARF unit needs a root DIE');
    const attrDie = this.attrDie, names = this.attrName, forms = this.attrForm, vals = this.attrVal, auxs = this.attrAux;
    // attributes grouped by DIE, in the order added (counting sort)
    const start = new Int32Array(nd + 1);
    for (let k = 0; k < na; k++) start[attrDie[k]! + 1]++;
    for (let d = 0; d < nd; d++) start[d + 1] += start[d]!;
    const order = new Int32Array(na);
    {
      const fill = start.slice(0, nd);
      for (let k = 0; k < na; k++) order[fill[attrDie[k]!]!++] = k;
    }
    // per DIE: its abbreviation code and its size (code and attributes)
    const abbrevBuf = obj.data(abbrev);
    const abbrevBase = abbrevBuf.length;
    const codeOf = new Int32Array(nd);
    const size = new Int32Array(nd);
    // abbreviations: each as [tag, children, count, (name, form)...] at shapeAt[code - 1] in `shapes`,
    // found through an open-addressing table of codes by a hash of the shape
    let table = new Int32Array(1024);
    let numCodes = 0;
    let shapes = new Int32Array(4096), shapesLen = 0;
    let shapeAt = new Int32Array(256);
    const tags = this.tag, first = this.firstChild;
    for (let d = 0; d < nd; d++) {
      const tag = tags[d]!, kids = first[d]! >= 0 ? 1 : 0, a0 = start[d]!, a1 = start[d + 1]!, n = a1 - a0;
      let h = (tag * 2 + kids) | 0;
      let bytes = 0;
      for (let k = a0; k < a1; k++) {
        const a = order[k]!, form = forms[a]!;
        h = (Math.imul(h, 31) + names[a]! * 64 + form) | 0;
        const fixed = FORM_SIZE[form]!;
        bytes += fixed >= 0 ? fixed : this.attrSize(a);
      }
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      h ^= h >>> 12;
      let mask = table.length - 1;
      let slot = h & mask;
      let code = 0;
      for (let c = table[slot]!; c !== 0; slot = (slot + 1) & mask, c = table[slot]!) {
        let at = shapeAt[c - 1]!;
        if (shapes[at] !== tag || shapes[at + 1] !== kids || shapes[at + 2] !== n) continue;
        at += 3;
        let k = a0;
        for (; k < a1; k++, at += 2) if (shapes[at] !== names[order[k]!] || shapes[at + 1] !== forms[order[k]!]) break;
        if (k === a1) {
          code = c;
          break;
        }
      }
      if (code === 0) {
        code = ++numCodes;
        if (shapesLen + 3 + 2 * n > shapes.length) shapes = resizedI32(shapes, Math.max(shapes.length * 2, shapesLen + 3 + 2 * n));
        if (code > shapeAt.length) shapeAt = resizedI32(shapeAt, shapeAt.length * 2);
        shapeAt[code - 1] = shapesLen;
        shapes[shapesLen++] = tag;
        shapes[shapesLen++] = kids;
        shapes[shapesLen++] = n;
        abbrevBuf.uleb(code);
        abbrevBuf.uleb(tag);
        abbrevBuf.u8(kids);
        for (let k = a0; k < a1; k++) {
          const a = order[k]!;
          shapes[shapesLen++] = names[a]!;
          shapes[shapesLen++] = forms[a]!;
          abbrevBuf.uleb(names[a]!);
          abbrevBuf.uleb(FORM_OUT[forms[a]!]!);
        }
        abbrevBuf.u8(0);
        abbrevBuf.u8(0);
        table[slot] = code;
        if (2 * numCodes > table.length) {
          // rehash every code at twice the size
          const old = table;
          table = new Int32Array(old.length * 2);
          mask = table.length - 1;
          for (const c of old) {
            if (c === 0) continue;
            let s = shapeHash(shapes, shapeAt[c - 1]!) & mask;
            while (table[s] !== 0) s = (s + 1) & mask;
            table[s] = c;
          }
        }
      }
      codeOf[d] = code;
      size[d] = ulebSize(code) + bytes;
    }
    abbrevBuf.u8(0);
    // pre-order, and each DIE's offset from the unit start
    const pre = new Int32Array(nd);
    // per pre-order position: how many null entries (ends of child lists) follow it
    const endsChildren = new Int32Array(nd);
    const offset = new Float64Array(nd);
    const headerSize = version >= 5 ? 12 : 11;
    let n = 0, off = headerSize;
    {
      const stack = new Int32Array(nd);
      let depth = 0, d = 0;
      const next = this.nextSibling;
      for (;;) {
        pre[n++] = d;
        offset[d] = off;
        off += size[d]!;
        if (first[d]! >= 0) {
          stack[depth++] = d;
          d = first[d]!;
          continue;
        }
        // a leaf ends every child list it is the last entry of
        let nulls = 0;
        while (next[d]! < 0 && depth > 0) {
          d = stack[--depth]!;
          nulls++;
        }
        endsChildren[n - 1] = nulls;
        off += nulls;
        if (next[d]! < 0) break;
        d = next[d]!;
      }
    }
    assert(n === nd, 'DIEs not reachable from the root');
    const unitSize = off;
    // bytes: the unit's size is known, so they are stored straight into the section's buffer
    const buf = obj.data(info);
    const base = buf.length;
    buf.reserve(unitSize);
    const out = buf.bytes;
    let p = base;
    const u32 = (v: number): void => {
      out[p] = v;
      out[p + 1] = v >>> 8;
      out[p + 2] = v >>> 16;
      out[p + 3] = v >>> 24;
      p += 4;
    };
    const zero = (k: number): void => {
      for (let i = 0; i < k; i++) out[p + i] = 0;
      p += k;
    };
    u32(unitSize - 4);
    out[p++] = version;
    out[p++] = version >>> 8;
    if (version >= 5) {
      out[p++] = DW_UT_compile;
      out[p++] = 8;
      obj.reloc(info, p, R.R_X86_64_32, obj.sectionSymbol(abbrev), abbrevBase);
      zero(4);
    } else {
      obj.reloc(info, p, R.R_X86_64_32, obj.sectionSymbol(abbrev), abbrevBase);
      zero(4);
      out[p++] = 8;
    }
    const strSym = na > 0 ? obj.sectionSymbol(strSec) : -1;
    const lineStrSym = lineStrSec >= 0 ? obj.sectionSymbol(lineStrSec) : -1;
    const exprBytes = this.exprs.bytes;
    for (let q = 0; q < nd; q++) {
      const d = pre[q]!;
      if (p - base !== offset[d]) assert(false, 'DIE size mismatch');
      for (let v = codeOf[d]!; ; ) {
        if (v < 128) {
          out[p++] = v;
          break;
        }
        out[p++] = (v & 127) | 128;
        v >>>= 7;
      }
      for (let k = start[d]!, end = start[d + 1]!; k < end; k++) {
        const a = order[k]!;
        const form = forms[a]!, v = vals[a]!, aux = auxs[a]!;
        switch (form) {
          case DW_FORM.data1: case DW_FORM.flag: out[p++] = v; break;
          case DW_FORM.data2:
            out[p] = v;
            out[p + 1] = v >>> 8;
            p += 2;
            break;
          case DW_FORM.data4: u32(v); break;
          case DW_FORM.data8: {
            // a safe integer, in two's complement when negative
            const hi = Math.floor(v / 0x100000000);
            u32(v - hi * 0x100000000);
            u32(hi);
            break;
          }
          case FORM_DATA8_HALVES:
            u32(v);
            u32(aux);
            break;
          case DW_FORM.udata: p = writeUleb(out, p, v); break;
          case DW_FORM.sdata: p = writeSleb(out, p, v); break;
          case DW_FORM.flag_present: break;
          case DW_FORM.strp:
            obj.reloc(info, p, R.R_X86_64_32, strSym, v);
            zero(4);
            break;
          case DW_FORM.line_strp:
            obj.reloc(info, p, R.R_X86_64_32, lineStrSym, v);
            zero(4);
            break;
          case DW_FORM.ref4:
            if (!(v >= 0 && v < nd)) assert(false, `reference to unknown DIE ${v}`);
            u32(offset[v]!);
            break;
          case DW_FORM.addr:
            if (aux >= 0) {
              obj.reloc(info, p, R.R_X86_64_64, aux, v);
              zero(8);
            } else {
              const hi = Math.floor(v / 0x100000000);
              u32(v - hi * 0x100000000);
              u32(hi);
            }
            break;
          case DW_FORM.sec_offset:
            obj.reloc(info, p, R.R_X86_64_32, obj.sectionSymbol(aux), v);
            zero(4);
            break;
          case DW_FORM.block1:
            out[p++] = aux;
            out.set(exprBytes.subarray(v, v + aux), p);
            p += aux;
            break;
          case DW_FORM.exprloc:
            p = writeUleb(out, p, aux);
            for (let i = 0; i < aux; i++) out[p + i] = exprBytes[v + i]!;
            p += aux;
            break;
          case FORM_UDATA_HALVES: case FORM_SDATA_HALVES:
            for (const b of leb64Bytes(v, aux, form === FORM_SDATA_HALVES)) out[p++] = b;
            break;
          case FORM_EXPR_ADDR:
            out[p++] = 9;
            out[p++] = 0x03; // DW_OP_addr
            obj.reloc(info, p, R.R_X86_64_64, aux, v);
            zero(8);
            break;
          case FORM_EXPR_TLS:
            out[p++] = 10;
            out[p++] = 0x0e; // DW_OP_const8u
            obj.reloc(info, p, R.R_X86_64_DTPOFF64, aux, v);
            zero(8);
            out[p++] = 0xe0; // DW_OP_GNU_push_tls_address
            break;
          default: assert(false, `DWARF form ${form} is not written`);
        }
      }
      for (let z = endsChildren[q]!; z > 0; z--) out[p++] = 0;
    }
    buf.length = p;
    assert(p - base === unitSize, 'DWARF unit size mismatch');
    return base;
  }

  /** The encoded size of attribute `a`, of a form whose size depends on its value. */
  private attrSize(a: number): number {
    const v = this.attrVal[a]!, aux = this.attrAux[a]!;
    switch (this.attrForm[a]) {
      case DW_FORM.udata: return ulebSize(v);
      case DW_FORM.sdata: return slebSize(v);
      case DW_FORM.exprloc: return ulebSize(aux) + aux;
      case DW_FORM.block1: return 1 + aux;
      case FORM_UDATA_HALVES: return leb64Bytes(v, aux, false).length;
      case FORM_SDATA_HALVES: return leb64Bytes(v, aux, true).length;
    }
    assert(false, `DWARF form ${this.attrForm[a]} is not written`);
  }
}

/** The hash write() gives the abbreviation shape at `at` in `shapes`. */
function shapeHash(shapes: Int32Array, at: number): number {
  const n = shapes[at + 2]!;
  let h = (shapes[at]! * 2 + shapes[at + 1]!) | 0;
  for (let k = 0; k < n; k++) h = (Math.imul(h, 31) + shapes[at + 3 + 2 * k]! * 64 + shapes[at + 4 + 2 * k]!) | 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** Stores the unsigned LEB128 of `v` (below 2^53) at `p`; returns the position after it. */
export function writeUleb(out: Uint8Array, p: number, v: number): number {
  while (v >= 128) {
    out[p++] = (v % 128) | 128;
    v = Math.floor(v / 128);
  }
  out[p++] = v;
  return p;
}

/** Stores the signed LEB128 of safe integer `v` at `p`; returns the position after it. */
export function writeSleb(out: Uint8Array, p: number, v: number): number {
  for (;;) {
    const b = v & 0x7f;
    v = Math.floor(v / 128);
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out[p++] = b;
      return p;
    }
    out[p++] = b | 0x80;
  }
}

/** LEB128 bytes of the 64-bit value with 32-bit halves `lo`, `hi` (signed: two's complement). */
function leb64Bytes(lo: number, hi: number, signed: boolean): number[] {
  let v = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
  if (signed) v = BigInt.asIntN(64, v);
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if (signed ? (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0) : v === 0n) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export function ulebSize(v: number): number {
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

export function slebSize(v: number): number {
  let n = 1;
  for (;;) {
    const b = v & 0x7f;
    v = Math.floor(v / 128);
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) return n;
    n++;
  }
}
