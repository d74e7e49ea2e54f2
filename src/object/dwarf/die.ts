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
import { ElfObject, R, type SectionId, type SymbolId } from '../elf.js';
import { DW_FORM, DW_UT_compile } from './constants.js';
import type { StringSection } from './strings.js';

export type DieId = number;

/** An exprloc holding DW_OP_addr of a relocated address (written as DW_FORM_exprloc). */
const FORM_EXPR_ADDR = 0x10018;
/** An exprloc `DW_OP_const8u <DTPOFF64 of symbol + addend>, DW_OP_GNU_push_tls_address` (a thread-local's location). */
const FORM_EXPR_TLS = 0x10019;
/** Internal: DW_FORM_data8 of a 64-bit value kept as its low (value) and high (aux) 32-bit halves. */
const FORM_DATA8_HALVES = 0x10007;

/** Internal: DW_FORM_udata / sdata of a 64-bit value kept as its low (value) and high (aux) 32-bit halves. */
const FORM_UDATA_HALVES = 0x1000f, FORM_SDATA_HALVES = 0x1000d;

/** Growable Int32Array column. */
class Col {
  a = new Int32Array(64);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const next = new Int32Array(this.n * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n++] = v;
  }
}

/** Growable Float64Array column (integer values up to 2^53 in magnitude). */
class F64 {
  a = new Float64Array(64);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const next = new Float64Array(this.n * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n++] = v;
  }
}

export class DieTree {
  // per DIE
  private tag = new Col();
  private firstChild = new Col();
  private lastChild = new Col();
  private nextSibling = new Col();
  // per attribute
  private attrDie = new Col();
  private attrName = new Col();
  private attrForm = new Col();
  /** symbol (addr), section (sec_offset), byte length (exprloc); else 0 */
  private attrAux = new Col();
  /** the value: constant, string offset, DIE id (ref4), addend (addr), offset (sec_offset), pool start (exprloc) */
  private attrVal = new F64();
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
    return this.tag.n;
  }

  /** A new DIE with `tag`, the last child of `parent` (-1: the unit's root; there must be one). */
  add(parent: DieId, tag: number): DieId {
    const id = this.tag.n;
    assert(parent >= 0 || id === 0, 'a DWARF unit has one root DIE');
    this.tag.push(tag);
    this.firstChild.push(-1);
    this.lastChild.push(-1);
    this.nextSibling.push(-1);
    if (parent >= 0) {
      const last = this.lastChild.a[parent];
      if (last < 0) this.firstChild.a[parent] = id;
      else this.nextSibling.a[last] = id;
      this.lastChild.a[parent] = id;
    }
    return id;
  }

  private attr(die: DieId, at: number, form: number, val: number, aux: number): void {
    if (!(die >= 0 && die < this.tag.n)) assert(false, `attribute on unknown DIE ${die}`);
    this.attrDie.push(die);
    this.attrName.push(at);
    this.attrForm.push(form);
    this.attrVal.push(val);
    this.attrAux.push(aux);
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
    return this.attrDie.n - 1;
  }

  /** Sets the section and offset of sec_offset attribute `index` (one added before the section existed). */
  setSecOffset(index: number, section: SectionId, offset: number): void {
    this.attrVal.a[index] = offset;
    this.attrAux.a[index] = section;
  }

  /** A DWARF expression (DW_FORM_exprloc). */
  expr(die: DieId, at: number, bytes: ArrayLike<number>): void {
    const start = this.exprs.length;
    for (let k = 0; k < bytes.length; k++) this.exprs.u8(bytes[k]);
    this.attr(die, at, DW_FORM.exprloc, start, bytes.length);
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
    const nd = this.tag.n, na = this.attrDie.n;
    assert(nd > 0, 'a DWARF unit needs a root DIE');
    // attributes grouped by DIE, in the order added (counting sort)
    const start = new Int32Array(nd + 1);
    for (let k = 0; k < na; k++) start[this.attrDie.a[k] + 1]++;
    for (let d = 0; d < nd; d++) start[d + 1] += start[d];
    const order = new Int32Array(na);
    {
      const fill = start.slice(0, nd);
      for (let k = 0; k < na; k++) order[fill[this.attrDie.a[k]]++] = k;
    }
    // abbreviation codes
    const abbrevBuf = obj.data(abbrev);
    const abbrevBase = abbrevBuf.length;
    const codeOf = new Int32Array(nd);
    // abbreviations by a hash of their shape; each as [tag, children, count, (name, form)...] in `shapes`
    const byHash = new Map<number, number[]>();
    const shapes: number[] = [];
    const shapeAt: number[] = [];
    const names = this.attrName.a, forms = this.attrForm.a;
    for (let d = 0; d < nd; d++) {
      const tag = this.tag.a[d], kids = this.firstChild.a[d] >= 0 ? 1 : 0, n = start[d + 1] - start[d];
      let h = (tag * 2 + kids) | 0;
      for (let k = start[d]; k < start[d + 1]; k++) h = (Math.imul(h, 31) + names[order[k]] * 64 + forms[order[k]]) | 0;
      let list = byHash.get(h);
      let code = 0;
      if (list) {
        for (const c of list) {
          let at = shapeAt[c - 1];
          if (shapes[at] !== tag || shapes[at + 1] !== kids || shapes[at + 2] !== n) continue;
          at += 3;
          let same = true;
          for (let k = start[d]; k < start[d + 1] && same; k++, at += 2) same = shapes[at] === names[order[k]] && shapes[at + 1] === forms[order[k]];
          if (same) { code = c; break; }
        }
      } else byHash.set(h, (list = []));
      if (code === 0) {
        code = shapeAt.length + 1;
        list.push(code);
        shapeAt.push(shapes.length);
        shapes.push(tag, kids, n);
        abbrevBuf.uleb(code);
        abbrevBuf.uleb(tag);
        abbrevBuf.u8(kids);
        for (let k = start[d]; k < start[d + 1]; k++) {
          shapes.push(names[order[k]], forms[order[k]]);
          abbrevBuf.uleb(names[order[k]]);
          abbrevBuf.uleb(forms[order[k]] === FORM_EXPR_ADDR || forms[order[k]] === FORM_EXPR_TLS ? DW_FORM.exprloc : forms[order[k]] === FORM_DATA8_HALVES ? DW_FORM.data8
            : forms[order[k]] === FORM_UDATA_HALVES ? DW_FORM.udata : forms[order[k]] === FORM_SDATA_HALVES ? DW_FORM.sdata : forms[order[k]]);
        }
        abbrevBuf.u8(0);
        abbrevBuf.u8(0);
      }
      codeOf[d] = code;
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
      const first = this.firstChild.a, next = this.nextSibling.a;
      for (;;) {
        pre[n++] = d;
        offset[d] = off;
        off += ulebSize(codeOf[d]);
        for (let k = start[d]; k < start[d + 1]; k++) off += this.attrSize(order[k]);
        if (first[d] >= 0) {
          stack[depth++] = d;
          d = first[d];
          continue;
        }
        // a leaf ends every child list it is the last entry of
        let nulls = 0;
        while (next[d] < 0 && depth > 0) {
          d = stack[--depth];
          nulls++;
        }
        endsChildren[n - 1] = nulls;
        off += nulls;
        if (next[d] < 0) break;
        d = next[d];
      }
    }
    assert(n === nd, 'DIEs not reachable from the root');
    const unitSize = off;
    // bytes
    const buf = obj.data(info);
    const base = buf.length;
    buf.u32(unitSize - 4);
    buf.u16(version);
    if (version >= 5) {
      buf.u8(DW_UT_compile);
      buf.u8(8);
      obj.reloc(info, buf.length, R.R_X86_64_32, obj.sectionSymbol(abbrev), abbrevBase);
      buf.u32(0);
    } else {
      obj.reloc(info, buf.length, R.R_X86_64_32, obj.sectionSymbol(abbrev), abbrevBase);
      buf.u32(0);
      buf.u8(8);
    }
    for (let p = 0; p < nd; p++) {
      const d = pre[p];
      assert(buf.length - base === offset[d], 'DIE size mismatch');
      buf.uleb(codeOf[d]);
      for (let k = start[d]; k < start[d + 1]; k++) {
        const a = order[k];
        const form = this.attrForm.a[a], v = this.attrVal.a[a], aux = this.attrAux.a[a];
        switch (form) {
          case DW_FORM.data1: case DW_FORM.flag: buf.u8(v); break;
          case DW_FORM.data2: buf.u16(v); break;
          case DW_FORM.data4: buf.u32(v); break;
          case DW_FORM.data8: buf.u64(BigInt(v)); break;
          case DW_FORM.udata: buf.uleb(v); break;
          case DW_FORM.sdata: buf.sleb(v); break;
          case DW_FORM.flag_present: break;
          case DW_FORM.strp:
            obj.reloc(info, buf.length, R.R_X86_64_32, obj.sectionSymbol(strSec), v);
            buf.u32(0);
            break;
          case DW_FORM.line_strp:
            obj.reloc(info, buf.length, R.R_X86_64_32, obj.sectionSymbol(lineStrSec), v);
            buf.u32(0);
            break;
          case DW_FORM.ref4:
            if (!(v >= 0 && v < nd)) assert(false, `reference to unknown DIE ${v}`);
            buf.u32(offset[v]);
            break;
          case DW_FORM.addr:
            if (aux >= 0) {
              obj.reloc(info, buf.length, R.R_X86_64_64, aux, v);
              buf.u64(0n);
            } else buf.u64(BigInt(v));
            break;
          case DW_FORM.sec_offset:
            obj.reloc(info, buf.length, R.R_X86_64_32, obj.sectionSymbol(aux), v);
            buf.u32(0);
            break;
          case DW_FORM.block1:
            buf.u8(aux);
            buf.append(this.exprs.bytes.subarray(v, v + aux));
            break;
          case DW_FORM.exprloc:
            buf.uleb(aux);
            buf.append(this.exprs.bytes.subarray(v, v + aux));
            break;
          case FORM_UDATA_HALVES: case FORM_SDATA_HALVES: {
            const bytes = leb64Bytes(v, aux, form === FORM_SDATA_HALVES);
            for (const b of bytes) buf.u8(b);
            break;
          }
          case FORM_DATA8_HALVES:
            buf.u32(v);
            buf.u32(aux);
            break;
          case FORM_EXPR_ADDR:
            buf.u8(9);
            buf.u8(0x03); // DW_OP_addr
            obj.reloc(info, buf.length, R.R_X86_64_64, aux, v);
            buf.u64(0n);
            break;
          case FORM_EXPR_TLS:
            buf.u8(10);
            buf.u8(0x0e); // DW_OP_const8u
            obj.reloc(info, buf.length, R.R_X86_64_DTPOFF64, aux, v);
            buf.u64(0n);
            buf.u8(0xe0); // DW_OP_GNU_push_tls_address
            break;
          default: assert(false, `DWARF form ${form} is not written`);
        }
      }
      for (let z = endsChildren[p]; z > 0; z--) buf.u8(0);
    }
    assert(buf.length - base === unitSize, 'DWARF unit size mismatch');
    return base;
  }

  private attrSize(a: number): number {
    const v = this.attrVal.a[a];
    switch (this.attrForm.a[a]) {
      case DW_FORM.data1: case DW_FORM.flag: return 1;
      case DW_FORM.data2: return 2;
      case DW_FORM.data4: case DW_FORM.strp: case DW_FORM.line_strp: case DW_FORM.ref4: case DW_FORM.sec_offset: return 4;
      case DW_FORM.data8: case DW_FORM.addr: return 8;
      case DW_FORM.udata: return ulebSize(v);
      case DW_FORM.sdata: return slebSize(v);
      case DW_FORM.flag_present: return 0;
      case DW_FORM.exprloc: return ulebSize(this.attrAux.a[a]) + this.attrAux.a[a];
      case DW_FORM.block1: return 1 + this.attrAux.a[a];
      case FORM_EXPR_ADDR: return 10;
      case FORM_EXPR_TLS: return 11;
      case FORM_DATA8_HALVES: return 8;
      case FORM_UDATA_HALVES: case FORM_SDATA_HALVES: return leb64Bytes(v, this.attrAux.a[a], this.attrForm.a[a] === FORM_SDATA_HALVES).length;
    }
    assert(false, `DWARF form ${this.attrForm.a[a]} is not written`);
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
