// Global variables as data objects: each initializer laid out in bytes as the
// x86-64 data layout places it, with an 8-byte absolute relocation wherever it
// holds the address of a global (plus constant GEP offsets). Also the symbol
// linkage and visibility of globals.

import { ConstKind, GlobalKind, TypeKind, type GlobalValue, type Module } from '../bitcode/module.js';
import { Linkage as LL } from '../bitcode/reader.js';
import { DataSection, Linkage, Visibility, type ClifModule, type DataObject, type DataReloc } from '../ir/module.js';
import { CgtsError } from '../support/diag.js';
import { Layout } from './layout.js';
import { dataElement } from './context.js';

export function symbolLinkage(g: GlobalValue): [Linkage, Visibility] {
  let linkage = Linkage.Global;
  if (g.linkage === LL.Internal || g.linkage === LL.Private) linkage = Linkage.Local;
  else if (g.linkage === LL.WeakAny || g.linkage === LL.WeakODR || g.linkage === LL.LinkOnceAny || g.linkage === LL.LinkOnceODR
    || g.linkage === LL.Common || g.linkage === LL.ExternalWeak) linkage = Linkage.Weak;
  const visibility = linkage === Linkage.Local ? Visibility.Default : g.visibility === 1 ? Visibility.Hidden : g.visibility === 2 ? Visibility.Protected : Visibility.Default;
  return [linkage, visibility];
}

class DataWriter {
  m: Module;
  L: Layout;
  bytes = new Uint8Array(0);
  relocs: DataReloc[] = [];
  where = '';
  constructor(m: Module) {
    this.m = m;
    this.L = new Layout(m.types);
  }

  err(msg: string): CgtsError {
    return new CgtsError(`cannot lay out the initializer: ${msg}`, `${this.m.fileName}: global ${this.where}`);
  }

  /** Writes module value `v` (a global's address or a constant) of type `ty` at `off`. */
  write(v: number, ty: number, off: number): void {
    const m = this.m;
    const ng = m.globals.length;
    if (v < ng) {
      this.relocs.push({ offset: off, symbol: m.globals[v]!.name, addend: 0 });
      return;
    }
    const tab = m.consts;
    const ci = v - ng;
    if (ci >= tab.length) throw this.err(`value ${v} is not a module constant`);
    const t = m.types;
    const L = this.L;
    const kind = tab.kind.data[ci]!;
    switch (kind) {
      case ConstKind.Null: case ConstKind.Undef: case ConstKind.Poison: return;
      case ConstKind.Int:
        if (tab.b.data[ci]) this.bits(tab.bigs[tab.a.data[ci]!]!, L.storeSize(ty), off);
        else this.num(tab.nums[tab.a.data[ci]!]!, L.storeSize(ty), off);
        return;
      case ConstKind.Float:
        this.bits(tab.bigs[tab.a.data[ci]!]!, L.storeSize(ty), off);
        return;
      case ConstKind.Aggregate: {
        const n = tab.n.data[ci]!;
        if (t.kind[ty] === TypeKind.Struct) {
          for (let k = 0; k < n; k++) this.write(tab.op(ci, k), t.elem(ty, k), off + L.fieldOffset(ty, k));
        } else {
          const e = t.a[ty]!;
          const step = t.kind[ty] === TypeKind.Vector ? L.storeSize(e) : L.allocSize(e);
          for (let k = 0; k < n; k++) this.write(tab.op(ci, k), e, off + k * step);
        }
        return;
      }
      case ConstKind.String: case ConstKind.CString: case ConstKind.Data: {
        const e = t.a[ty]!;
        const n = t.count[ty]!;
        const es = L.storeSize(e);
        const step = t.kind[ty] === TypeKind.Vector ? es : L.allocSize(e);
        if (kind !== ConstKind.Data) {
          const str = tab.strings[tab.a.data[ci]!]!;
          const s = Math.min(n, str.length);
          if (es === 1) for (let k = 0; k < s; k++) this.bytes[off + k * step] = str.charCodeAt(k) & 0xff;
          else for (let k = 0; k < s; k++) this.bits(dataElement(tab, ci, k), es, off + k * step);
          return;
        }
        const s = Math.min(n, tab.n.data[ci]!);
        if (tab.b.data[ci]) for (let k = 0; k < s; k++) this.bits(dataElement(tab, ci, k), es, off + k * step);
        else for (let k = 0; k < s; k++) this.num(tab.op(ci, k), es, off + k * step);
        return;
      }
      case ConstKind.Gep: {
        const base = tab.op(ci, 0);
        if (base >= ng) throw this.err('a GEP constant expression not based on a global');
        this.relocs.push({ offset: off, symbol: m.globals[base]!.name, addend: this.gepOffset(ci) });
        return;
      }
      case ConstKind.Cast: {
        const opc = tab.a.data[ci]!;
        const src = tab.op(ci, 0);
        // ptrtoint/inttoptr/bitcast keep the bits; only same-size forms are meaningful in data
        if (opc === 9 || opc === 10 || opc === 11) {
          const sty = src < ng ? m.cachedTypes.ptr0 : tab.type.data[src - ng]!;
          if (L.storeSize(sty) !== L.storeSize(ty) && !(src >= ng && tab.kind.data[src - ng] === ConstKind.Int)) throw this.err(`cast ${opc} changes the size of a relocated value`);
          this.write(src, sty, off);
          return;
        }
        throw this.err(`constant cast ${opc} in an initializer`);
      }
    }
    throw this.err(`constant of kind ${kind}`);
  }

  private gepOffset(ci: number): number {
    const m = this.m;
    const tab = m.consts;
    const t = m.types;
    const L = this.L;
    let ty = tab.a.data[ci]!;
    let off = 0;
    for (let k = 1; k < tab.n.data[ci]!; k++) {
      const iv = tab.op(ci, k) - m.globals.length;
      if (iv < 0 || tab.kind.data[iv] !== ConstKind.Int) throw this.err('a GEP index that is not a constant integer');
      const idx = tab.b.data[iv] ? Number(tab.bigs[tab.a.data[iv]!]!) : tab.nums[tab.a.data[iv]!]!;
      if (k === 1) off += idx * L.allocSize(ty);
      else if (t.kind[ty] === TypeKind.Struct) { off += L.fieldOffset(ty, idx); ty = t.elem(ty, idx); }
      else { ty = t.a[ty]!; off += idx * L.allocSize(ty); }
    }
    return off;
  }

  /** Writes the integer `x` (|x| < 2^53) as `size` little-endian bytes in two's complement. */
  private num(x: number, size: number, off: number): void {
    const b = this.bytes;
    const lo = x >>> 0;
    const hi = Math.floor(x / 0x100000000) >>> 0;
    for (let k = 0; k < size; k++) b[off + k] = k < 4 ? lo >>> (8 * k) : k < 8 ? hi >>> (8 * (k - 4)) : x < 0 ? 0xff : 0;
  }

  private bits(x: bigint, size: number, off: number): void {
    let v = BigInt.asUintN(size * 8, x);
    for (let k = 0; k < size; k++) {
      this.bytes[off + k] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
}

function allZero(b: Uint8Array): boolean {
  for (let k = 0; k < b.length; k++) if (b[k] !== 0) return false;
  return true;
}

/** Lays out every defined global variable of `m` into `out.data`. */
export function translateData(m: Module, out: ClifModule): void {
  const w = new DataWriter(m);
  const used = new Set<number>();
  for (const g of m.globals) {
    if (g.kind !== GlobalKind.Var || g.init === 0) continue;
    if (g.name === 'llvm.used' || g.name === 'llvm.compiler.used') {
      const ci = g.init - 1 - m.globals.length;
      if (ci >= 0 && m.consts.kind.data[ci] === ConstKind.Aggregate) for (let k = 0; k < m.consts.n.data[ci]!; k++) {
        const v = m.consts.op(ci, k);
        if (v < m.globals.length) used.add(v);
      }
    }
  }
  for (let gi = 0; gi < m.globals.length; gi++) {
    const g = m.globals[gi]!;
    if (g.kind !== GlobalKind.Var || g.init === 0 || g.name.startsWith('llvm.')) continue;
    w.where = g.name;
    const size = w.L.allocSize(g.valueType);
    w.bytes = new Uint8Array(size);
    w.relocs = [];
    w.write(g.init - 1, g.valueType, 0);
    const zero = w.relocs.length === 0 && allZero(w.bytes);
    let section: DataSection;
    if (g.threadLocal !== 0) section = zero ? DataSection.Tbss : DataSection.Tdata;
    else if (g.isConstant) section = w.relocs.length ? DataSection.ReadOnlyRelocated : DataSection.ReadOnly;
    else section = zero ? DataSection.Bss : DataSection.Data;
    const [linkage, visibility] = symbolLinkage(g);
    const obj: DataObject = {
      name: g.name, section, sectionName: g.section ? m.sections[g.section - 1]! : '',
      bytes: w.bytes, align: g.align ? 2 ** (g.align - 1) : w.L.align(g.valueType), relocs: w.relocs,
      linkage, visibility, retain: used.has(gi),
    };
    out.data.push(obj);
  }
}
