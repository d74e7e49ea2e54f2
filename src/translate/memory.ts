// Memory: alloca as stack slots, load and store of every LLVM type (odd-width
// integers in pieces, aggregates leaf by leaf, atomic forms), and GEP address
// arithmetic with constant parts folded. Needs the Tx; defines results.

import { TypeKind } from '../bitcode/module.js';
import { Op } from '../ir/opcodes.js';
import { MemFlag } from '../ir/immediates.js';
import { INVALID, I8, I16, I32, I64, I128, F32, F64, isVector, typeBits, type Type } from '../ir/types.js';
import { ValueKind, type Value } from '../ir/function.js';
import { isFullWidth } from './layout.js';
import type { Tx } from './context.js';
import { checkAtomic128 } from './atomics.js';
import { maskBits, maskFromBits } from './arith.js';
import { isMaskType } from './lanes.js';

const FLAGS = MemFlag.Notrap;

export function translateAlloca(tx: Tx, i: number): void {
  const body = tx.body;
  const ty = body.operand(i, 0);
  const count = tx.constIntOrNull(body.operand(i, 1));
  if (count === null) throw tx.err('alloca with a size that is not constant (dynamic stack allocation) is not supported');
  const alignCode = body.operand(i, 2);
  const align = Math.max(alignCode > 0 ? 2 ** (alignCode - 1) : 1, 1);
  const size = Math.max(tx.L.allocSize(ty) * count, 1);
  const slot = tx.f.stackSlots.push({ size, align, key: -1 }) - 1;
  tx.allocaSlots.push(i, slot);
  // an alloca is a frame slot with no code of its own (LLVM gives it no line
  // row): its debug location, which inlining may leave on it, goes nowhere
  const loc = tx.srcloc;
  tx.srcloc = -1;
  tx.define1(body.val[i]!, tx.val(Op.stack_addr, I64, [], slot, 0));
  tx.srcloc = loc;
}

/** Loads one leaf of CLIF type `ct` (LLVM scalar type `lt`) at addr + off. */
export function loadLeaf(tx: Tx, ct: Type, lt: number, addr: Value, off: number): Value {
  const L = tx.L;
  if (ct === INVALID) throw tx.err(`load of unsupported type ${tx.typeName(lt)}`);
  if (L.isInt(lt) && !isFullWidth(L.intBits(lt))) {
    const bits = L.intBits(lt);
    if (bits === 1) return tx.mask(tx.val(Op.load, I8, [addr], FLAGS, off), 1);
    // odd widths: power-of-two pieces from the low address up, combined little-endian
    const bytes = (bits + 7) >> 3;
    let acc = -1, at = 0;
    while (at < bytes) {
      const piece = bytes - at >= 4 ? 4 : bytes - at >= 2 ? 2 : 1;
      const pt = piece === 4 ? I32 : piece === 2 ? I16 : I8;
      let x = tx.val(Op.load, pt, [addr], FLAGS, off + at);
      if (pt !== ct) x = tx.un(Op.uextend, ct, x);
      if (at > 0) x = tx.bin(Op.ishl, ct, x, tx.iconst(I8, at * 8));
      acc = acc < 0 ? x : tx.bin(Op.bor, ct, acc, x);
      at += piece;
    }
    return tx.mask(acc, bits);
  }
  if (L.isVector(lt) && L.isInt(tx.m.types.a[lt]!) && L.intBits(tx.m.types.a[lt]!) === 1) throw tx.err('load of an <N x i1> vector inside an aggregate is not supported');
  return tx.val(Op.load, ct, [addr], FLAGS, off);
}

/** Stores leaf `x` (LLVM scalar type `lt`) at addr + off. */
export function storeLeaf(tx: Tx, x: Value, lt: number, addr: Value, off: number): void {
  const L = tx.L;
  if (L.isInt(lt) && !isFullWidth(L.intBits(lt))) {
    const bits = L.intBits(lt);
    const bytes = (bits + 7) >> 3;
    const ct = tx.typeOf(x);
    let at = 0;
    while (at < bytes) {
      const piece = bytes - at >= 4 ? 4 : bytes - at >= 2 ? 2 : 1;
      let y = at > 0 ? tx.bin(Op.ushr, ct, x, tx.iconst(I8, at * 8)) : x;
      const op = piece === 4 ? Op.istore32 : piece === 2 ? Op.istore16 : Op.istore8;
      if (typeBits(ct) === piece * 8) tx.ins(Op.store, INVALID, [y, addr], FLAGS, off + at);
      else {
        if (typeBits(ct) === 128) y = tx.un(Op.ireduce, I64, y);
        tx.ins(op, INVALID, [y, addr], FLAGS, off + at);
      }
      at += piece;
    }
    return;
  }
  if (L.isVector(lt) && L.isInt(tx.m.types.a[lt]!) && L.intBits(tx.m.types.a[lt]!) === 1) throw tx.err('store of an <N x i1> vector inside an aggregate is not supported');
  tx.ins(Op.store, INVALID, [x, addr], FLAGS, off);
}

/**
 * An <N x i1> mask in memory is N bits, lane 0 in the lowest bit of the
 * first byte, as LLVM lays it out: stored and loaded as the integer of its
 * size (bits past N are zero when stored and ignored when loaded).
 */
function maskMemoryType(tx: Tx, ty: number): Type {
  const n = tx.m.types.count[ty]!;
  if (n > 64) throw tx.err(`load or store of ${tx.typeName(ty)}: masks of more than 64 lanes are not supported in memory`);
  return n <= 8 ? I8 : n <= 16 ? I16 : n <= 32 ? I32 : I64;
}

export function translateLoad(tx: Tx, i: number): void {
  const body = tx.body;
  const L = tx.L;
  const ty = body.ty[i]!;
  const addr = tx.value(body.operand(i, 0));
  const ord = (body.flags[i]! >> 1) & 7;
  if (ord !== 0) {
    const ct = L.clif(ty);
    if (ct === INVALID || isVector(ct) || (L.isInt(ty) && !isFullWidth(L.intBits(ty)) && L.intBits(ty) !== 1)) throw tx.err(`atomic load of ${tx.typeName(ty)}`);
    const it = ct === F32 ? I32 : ct === F64 ? I64 : ct;
    if (it === I128) checkAtomic128(tx, 'atomic load', body.operand(i, 1));
    let x = tx.val(Op.atomic_load, it, [addr], FLAGS);
    if (it !== ct) x = tx.bitcast(ct, x);
    else if (L.isInt(ty) && L.intBits(ty) === 1) x = tx.mask(x, 1);
    tx.define1(body.val[i]!, x);
    return;
  }
  if (isMaskType(tx, ty)) {
    tx.define(body.val[i]!, maskFromBits(tx, tx.val(Op.load, maskMemoryType(tx, ty), [addr], FLAGS), ty));
    return;
  }
  const n = L.leaves(ty);
  const base = L.leafBase(ty);
  const buf = tx.buf;
  for (let k = 0; k < n; k++) buf[k] = loadLeaf(tx, L.leafType[base + k]!, L.leafLlvm[base + k]!, addr, L.leafOffset[base + k]!);
  tx.define(body.val[i]!, buf, n);
}

export function translateStore(tx: Tx, i: number): void {
  const body = tx.body;
  const L = tx.L;
  const p = body.operand(i, 0), v = body.operand(i, 1);
  const ty = tx.llvmType(v);
  const addr = tx.value(p);
  const ord = (body.flags[i]! >> 1) & 7;
  if (ord !== 0) {
    let x = tx.value(v);
    const ct = tx.typeOf(x);
    if (ct === F32) x = tx.bitcast(I32, x);
    else if (ct === F64) x = tx.bitcast(I64, x);
    else if (ct === I128) checkAtomic128(tx, 'atomic store', body.operand(i, 2));
    tx.ins(Op.atomic_store, INVALID, [x, addr], FLAGS);
    return;
  }
  if (isMaskType(tx, ty)) {
    tx.ins(Op.store, INVALID, [maskBits(tx, v, maskMemoryType(tx, ty)), addr], FLAGS);
    return;
  }
  const n = L.leaves(ty);
  const base = L.leafBase(ty);
  for (let k = 0; k < n; k++) {
    const x = tx.leaf(v, k);
    storeLeaf(tx, x, L.leafLlvm[base + k]!, addr, L.leafOffset[base + k]!);
  }
}

export function translateGep(tx: Tx, i: number): void {
  const body = tx.body;
  const t = tx.m.types;
  const L = tx.L;
  if (L.isVector(body.ty[i]!)) throw tx.err('getelementptr producing a vector of pointers is not supported');
  let ty = body.operand(i, 0);
  let addr = tx.value(body.operand(i, 1));
  const n = body.opCount[i]!;
  let off = 0n;
  for (let k = 2; k < n; k++) {
    const iv = body.operand(i, k);
    let stride: number;
    if (k === 2) stride = L.allocSize(ty);
    else if (t.kind[ty] === TypeKind.Struct) {
      const fi = tx.constInt(iv);
      off += BigInt(L.fieldOffset(ty, fi));
      ty = t.elem(ty, fi);
      continue;
    } else {
      ty = t.a[ty]!;
      stride = L.allocSize(ty);
    }
    const c = tx.constBig(iv);
    if (c !== null) {
      const bits = L.intBits(tx.llvmType(iv));
      off += BigInt.asIntN(bits, c) * BigInt(stride);
      continue;
    }
    let x = tx.value(iv);
    const bits = L.intBits(tx.llvmType(iv));
    if (!isFullWidth(bits)) x = tx.signExtendInPlace(x, bits);
    x = tx.resize(x, I64, true);
    // a power-of-two stride is a shift (which the back end folds into an address's scaled index)
    if (stride !== 1) x = (stride & (stride - 1)) === 0 ? tx.bin(Op.ishl, I64, x, tx.iconst(I8, 31 - Math.clz32(stride))) : tx.bin(Op.imul, I64, x, tx.iconst(I64, stride));
    addr = tx.bin(Op.iadd, I64, addr, x);
  }
  off = BigInt.asIntN(64, off);
  if (off !== 0n) {
    // a constant offset from a stack slot's address is another address in the slot
    const d = tx.f.valueDef[addr]!;
    const o = tx.f.valueKind[addr] === ValueKind.Result && tx.f.instOp[d] === Op.stack_addr ? off + BigInt(tx.f.instImm1[d]!) : null;
    if (o !== null && o === BigInt.asIntN(32, o)) addr = tx.val(Op.stack_addr, I64, [], tx.f.instImm0[d]!, Number(o));
    else addr = tx.bin(Op.iadd, I64, addr, tx.iconst(I64, off));
  }
  tx.define1(body.val[i]!, addr);
}
