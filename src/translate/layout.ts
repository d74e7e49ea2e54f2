// LLVM types as x86-64 lays them out (the data layout rustc writes:
// i64:64-i128:128-f80:128-n8:16:32:64-S128) and as CLIF holds them. A
// first-class aggregate is a list of scalar leaves, each one CLIF value.
// Results are computed once per type id and kept in typed arrays.

import { TypeKind, type TypeTable } from '../bitcode/module.js';
import { INVALID, I8, I16, I32, I64, I128, F16, F32, F64, F128, vectorOf, type Type } from '../ir/types.js';

export class Layout {
  t: TypeTable;
  private sizeCache = new Float64Array(0);
  private alignCache = new Int32Array(0);
  /** Leaves per type: (start, count) into the pools; start -1 = not computed. */
  private leafStart = new Int32Array(0);
  private leafCount = new Int32Array(0);
  /** Per leaf: CLIF type, byte offset in memory, LLVM scalar type id. */
  leafType: number[] = [];
  leafOffset: number[] = [];
  leafLlvm: number[] = [];
  private known = 0;

  constructor(t: TypeTable) {
    this.t = t;
  }

  /** Type tables grow when bodies are decoded; extends the caches to cover every id. */
  private cover(ty: number): void {
    if (ty < this.known) return;
    const n = Math.max(this.t.length, ty + 1) + 16;
    const s = new Float64Array(n); s.fill(-1); s.set(this.sizeCache);
    const a = new Int32Array(n); a.set(this.alignCache);
    const ls = new Int32Array(n); ls.fill(-1); ls.set(this.leafStart);
    const lc = new Int32Array(n); lc.set(this.leafCount);
    this.sizeCache = s; this.alignCache = a; this.leafStart = ls; this.leafCount = lc;
    this.known = n;
  }

  isInt(ty: number): boolean { return this.t.kind[ty] === TypeKind.Integer; }
  intBits(ty: number): number { return this.t.a[ty]!; }
  isAggregate(ty: number): boolean {
    const k = this.t.kind[ty];
    return k === TypeKind.Struct || k === TypeKind.Array;
  }
  isVector(ty: number): boolean { return this.t.kind[ty] === TypeKind.Vector; }

  /** Bytes a load or store of the type touches (LLVM's store size). */
  storeSize(ty: number): number {
    const t = this.t;
    switch (t.kind[ty]) {
      case TypeKind.Integer: return (t.a[ty]! + 7) >>> 3;
      case TypeKind.Vector: {
        const eb = t.kind[t.a[ty]!] === TypeKind.Integer ? t.a[t.a[ty]!]! : this.storeSize(t.a[ty]!) * 8;
        return (eb * t.count[ty]! + 7) >>> 3;
      }
      case TypeKind.X86Fp80: return 10;
    }
    return this.allocSize(ty);
  }

  /** Bytes between consecutive array elements of the type (LLVM's alloc size). */
  allocSize(ty: number): number {
    this.cover(ty);
    const c = this.sizeCache[ty]!;
    if (c >= 0) return c;
    const t = this.t;
    let size = 0;
    switch (t.kind[ty]) {
      case TypeKind.Integer: size = roundUp((t.a[ty]! + 7) >>> 3, this.align(ty)); break;
      case TypeKind.Half: case TypeKind.BFloat: size = 2; break;
      case TypeKind.Float: size = 4; break;
      case TypeKind.Double: size = 8; break;
      case TypeKind.X86Fp80: case TypeKind.Fp128: case TypeKind.PpcFp128: size = 16; break;
      case TypeKind.Pointer: size = 8; break;
      case TypeKind.Array: size = this.allocSize(t.a[ty]!) * t.count[ty]!; break;
      case TypeKind.Vector: size = roundUp(this.storeSize(ty), this.align(ty)); break;
      case TypeKind.Struct: {
        const packed = (t.flags[ty]! & 1) !== 0;
        let off = 0;
        for (let i = 0; i < t.n[ty]!; i++) {
          const m = t.elem(ty, i);
          if (!packed) off = roundUp(off, this.align(m));
          off += this.allocSize(m);
        }
        size = packed ? off : roundUp(off, this.align(ty));
        break;
      }
      default: size = 0;
    }
    this.sizeCache[ty] = size;
    return size;
  }

  /** ABI alignment in bytes. */
  align(ty: number): number {
    this.cover(ty);
    const c = this.alignCache[ty]!;
    if (c > 0) return c;
    const t = this.t;
    let a = 1;
    switch (t.kind[ty]) {
      case TypeKind.Integer: {
        const b = t.a[ty]!;
        a = b <= 8 ? 1 : b <= 16 ? 2 : b <= 32 ? 4 : b <= 64 ? 8 : 16;
        break;
      }
      case TypeKind.Half: case TypeKind.BFloat: a = 2; break;
      case TypeKind.Float: a = 4; break;
      case TypeKind.Double: case TypeKind.Pointer: a = 8; break;
      case TypeKind.X86Fp80: case TypeKind.Fp128: case TypeKind.PpcFp128: a = 16; break;
      case TypeKind.Array: a = this.align(t.a[ty]!); break;
      case TypeKind.Vector: { a = 1; const s = this.storeSize(ty); while (a < s) a *= 2; break; }
      case TypeKind.Struct: {
        if ((t.flags[ty]! & 1) !== 0) { a = 1; break; }
        for (let i = 0; i < t.n[ty]!; i++) a = Math.max(a, this.align(t.elem(ty, i)));
        break;
      }
    }
    this.alignCache[ty] = a;
    return a;
  }

  /** Byte offsets of every member of each struct type, computed once per type. */
  private offsets: (Float64Array | undefined)[] = [];

  /** Byte offset of struct member `i`. */
  fieldOffset(ty: number, i: number): number {
    let o = this.offsets[ty];
    if (o === undefined) {
      const t = this.t;
      const n = t.n[ty]!;
      const packed = (t.flags[ty]! & 1) !== 0;
      o = new Float64Array(n);
      let off = 0;
      for (let k = 0; k < n; k++) {
        const m = t.elem(ty, k);
        if (!packed) off = roundUp(off, this.align(m));
        o[k] = off;
        off += this.allocSize(m);
      }
      this.offsets[ty] = o;
    }
    return o[i]!;
  }

  /** The CLIF type holding a value of scalar or vector LLVM type `ty`, INVALID for aggregates and unsupported types. */
  clif(ty: number): Type {
    const t = this.t;
    switch (t.kind[ty]) {
      case TypeKind.Integer: return intContainer(t.a[ty]!);
      case TypeKind.Pointer: return I64;
      case TypeKind.Half: return F16;
      case TypeKind.Float: return F32;
      case TypeKind.Double: return F64;
      case TypeKind.Fp128: return F128;
      case TypeKind.Vector: {
        const part = this.vectorPart(ty);
        return part !== INVALID && this.vectorParts(ty) === 1 ? part : INVALID;
      }
    }
    return INVALID;
  }

  /**
   * The CLIF type of each part of a vector type. Vectors up to 128 bits are
   * one part; wider ones are split into 128-bit parts (lanes in order), as
   * LLVM legalizes them without AVX. <N x i1> is a lane mask (0 or -1 per
   * lane): one 128-bit vector of 128/N-bit lanes, or N/16 parts of i8x16.
   */
  vectorPart(ty: number): Type {
    const t = this.t;
    const e = t.a[ty]!, n = t.count[ty]!;
    if (n < 1 || (n & (n - 1)) !== 0) return INVALID;
    if (t.kind[e] === TypeKind.Integer && t.a[e] === 1) {
      if (n < 2 || n > 64) return INVALID;
      return n > 16 ? vectorOf(I8, 16) : vectorOf(intContainer(128 / n), n);
    }
    const lane = this.clif(e);
    if (lane === INVALID || lane === I128 || lane === F16 || lane === F128) return INVALID;
    if (t.kind[e] === TypeKind.Integer && ![8, 16, 32, 64].includes(t.a[e]!)) return INVALID;
    const total = this.storeSize(ty) * 8;
    if (total < 16 || total > 4096) return INVALID;
    return total <= 128 ? vectorOf(lane, n) : vectorOf(lane, (128 / total) * n);
  }

  /** Number of 128-bit parts of a vector type (1 up to 128 bits). */
  vectorParts(ty: number): number {
    const t = this.t;
    const e = t.a[ty]!, n = t.count[ty]!;
    if (t.kind[e] === TypeKind.Integer && t.a[e] === 1) return n > 16 ? n / 16 : 1;
    const total = this.storeSize(ty) * 8;
    return total > 128 ? total / 128 : 1;
  }

  /** Number of CLIF values a value of the type is made of (1 for scalars; 0 for empty aggregates). */
  leaves(ty: number): number {
    this.cover(ty);
    if (this.leafStart[ty]! < 0) this.computeLeaves(ty);
    return this.leafCount[ty]!;
  }
  /** Pool index of the type's first leaf. */
  leafBase(ty: number): number {
    this.cover(ty);
    if (this.leafStart[ty]! < 0) this.computeLeaves(ty);
    return this.leafStart[ty]!;
  }

  /** First leaf index of member `i` of aggregate `ty`, relative to the aggregate's first leaf. */
  memberLeaf(ty: number, i: number): number {
    const t = this.t;
    if (t.kind[ty] === TypeKind.Struct) {
      let k = 0;
      for (let j = 0; j < i; j++) k += this.leaves(t.elem(ty, j));
      return k;
    }
    return this.leaves(t.a[ty]!) * i;
  }

  private computeLeaves(ty: number): void {
    const start = this.leafType.length;
    this.pushLeaves(ty, 0);
    this.leafStart[ty] = start;
    this.leafCount[ty] = this.leafType.length - start;
  }

  private pushLeaves(ty: number, off: number): void {
    const t = this.t;
    const k = t.kind[ty];
    if (k === TypeKind.Struct) {
      for (let i = 0; i < t.n[ty]!; i++) this.pushLeaves(t.elem(ty, i), off + this.fieldOffset(ty, i));
    } else if (k === TypeKind.Array) {
      const e = t.a[ty]!, step = this.allocSize(e);
      for (let i = 0; i < t.count[ty]!; i++) this.pushLeaves(e, off + i * step);
    } else if (k === TypeKind.Vector) {
      const part = this.vectorPart(ty);
      const n = part === INVALID ? 1 : this.vectorParts(ty);
      for (let j = 0; j < n; j++) {
        this.leafType.push(part);
        this.leafOffset.push(off + 16 * j);
        this.leafLlvm.push(ty);
      }
    } else {
      this.leafType.push(this.clif(ty));
      this.leafOffset.push(off);
      this.leafLlvm.push(ty);
    }
  }
}

export function roundUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}

/** The CLIF integer type that holds an LLVM iN (i1 in i8, i24 in i32 ...). */
export function intContainer(bits: number): Type {
  return bits <= 8 ? I8 : bits <= 16 ? I16 : bits <= 32 ? I32 : bits <= 64 ? I64 : bits <= 128 ? I128 : INVALID;
}

/** Whether iN fills its CLIF container exactly (otherwise its upper bits are kept zero). */
export function isFullWidth(bits: number): boolean {
  return bits === 8 || bits === 16 || bits === 32 || bits === 64 || bits === 128;
}
