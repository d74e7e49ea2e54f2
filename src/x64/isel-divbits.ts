// Instruction selection for integer division and remainder with Cranelift's
// trap semantics, high multiplies, and bit counting on baseline x86-64 (bsr/bsf
// and mask tricks unless the target enables popcnt). Needs the Emitter.

import type { Emitter } from './codegen.js';
import { Op } from '../ir/opcodes.js';
import { typeBits } from '../ir/types.js';
import { TrapCode } from '../ir/immediates.js';
import * as X from './encode.js';
import { RAX, RCX, RDX, CC_NE, CC_E } from './regs.js';
import { zeroExtendTo, signExtendTo, extendTo } from './isel-int.js';

export function selectDivBits(e: Emitter, i: number): boolean {
  const f = e.f;
  const op = f.instOp[i];
  const t = f.instType[i];
  const bits = typeBits(t);
  const buf = e.buf;
  switch (op) {
    case Op.udiv: case Op.urem: case Op.sdiv: case Op.srem: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const signed = op === Op.sdiv || op === Op.srem;
      const size = bits === 64 ? 64 : 32;
      extendTo(e, RCX, b, bits, signed);
      X.opRR(buf, X.TEST, size, RCX, RCX);
      e.trapUnless(CC_NE, TrapCode.IntegerDivisionByZero);
      if (!signed) {
        zeroExtendTo(e, RAX, a, bits);
        X.movRI(buf, 32, RDX, 0);
        X.opR(buf, X.DIV, size, RCX);
        e.def(r, op === Op.udiv ? RAX : RDX);
        return true;
      }
      signExtendTo(e, RAX, a, bits);
      X.opRI(buf, X.CMP, size, RCX, -1);
      const normal = X.jccShort(buf, CC_NE);
      let done = -1;
      if (op === Op.sdiv) {
        // MIN / -1 overflows
        if (bits === 64) {
          X.movRI64(buf, RDX, 0, 0x80000000 | 0);
          X.opRR(buf, X.CMP, 64, RAX, RDX);
        } else X.opRI(buf, X.CMP, 32, RAX, -(2 ** (bits - 1)));
        e.trapUnless(CC_NE, TrapCode.IntegerOverflow);
        // x / -1 = -x for every other x
        X.opR(buf, X.NEG, size, RAX);
        done = X.jmpShort(buf);
      } else {
        X.movRI(buf, 32, RDX, 0);
        done = X.jmpShort(buf);
      }
      X.patchRel8(buf, normal, buf.length);
      X.cqo(buf, size);
      X.opR(buf, X.IDIV, size, RCX);
      X.patchRel8(buf, done, buf.length);
      e.def(r, op === Op.sdiv ? RAX : RDX);
      return true;
    }
    case Op.umulhi: case Op.smulhi: {
      const a = f.arg(i, 0), b = f.arg(i, 1), r = f.result(i);
      const signed = op === Op.smulhi;
      if (bits === 64) {
        e.toGpr(RAX, a);
        const rb = e.gpr(b, RCX);
        X.opR(buf, signed ? X.IMUL1 : X.MUL1, 64, rb);
        e.def(r, RDX);
        return true;
      }
      extendTo(e, RAX, a, bits, signed);
      extendTo(e, RCX, b, bits, signed);
      X.opRR(buf, X.IMUL, 64, RAX, RCX);
      X.opRI(buf, signed ? X.SAR : X.SHR, 64, RAX, bits);
      e.def(r, RAX);
      return true;
    }
    case Op.clz: {
      const a = f.arg(i, 0), r = f.result(i);
      zeroExtendTo(e, RAX, a, bits);
      clzRax(e, bits);
      e.def(r, RAX);
      return true;
    }
    case Op.cls: {
      const a = f.arg(i, 0), r = f.result(i);
      signExtendTo(e, RAX, a, bits);
      X.opRR(buf, X.MOV, 64, RCX, RAX);
      X.opRI(buf, X.SAR, 64, RCX, 63);
      X.opRR(buf, X.XOR, 64, RAX, RCX);
      clzRax(e, bits);
      X.opRI(buf, X.SUB, 32, RAX, 1);
      e.def(r, RAX);
      return true;
    }
    case Op.ctz: {
      const a = f.arg(i, 0), r = f.result(i);
      zeroExtendTo(e, RCX, a, bits);
      X.movRI(buf, 32, RAX, bits);
      X.opRR(buf, X.BSF, 64, RDX, RCX);
      X.cmov(buf, CC_NE, 64, RAX, RDX);
      e.def(r, RAX);
      return true;
    }
    case Op.popcnt: {
      const a = f.arg(i, 0), r = f.result(i);
      zeroExtendTo(e, RAX, a, bits);
      popcntRax(e);
      e.def(r, RAX);
      return true;
    }
    case Op.bswap: {
      const a = f.arg(i, 0), r = f.result(i);
      e.toGpr(RAX, a);
      if (bits === 16) X.opRI(buf, X.ROL, 16, RAX, 8);
      else if (bits >= 32) X.bswap(buf, bits, RAX);
      e.def(r, RAX);
      return true;
    }
    case Op.bitrev: {
      const a = f.arg(i, 0), r = f.result(i);
      e.toGpr(RAX, a);
      bitrevRax(e);
      if (bits < 64) X.opRI(buf, X.SHR, 64, RAX, 64 - bits);
      e.def(r, RAX);
      return true;
    }
  }
  return false;
}

/** rax = popcount(rax); clobbers rcx, rdx. */
export function popcntRax(e: Emitter): void {
  const buf = e.buf;
  if (e.isaFlags.has('has_popcnt')) {
    X.opRR(buf, X.POPCNT, 64, RAX, RAX);
    return;
  }
  // x - ((x >> 1) & 0x55..)
  X.opRR(buf, X.MOV, 64, RCX, RAX);
  X.opRI(buf, X.SHR, 64, RCX, 1);
  X.movRI64(buf, RDX, 0x55555555, 0x55555555);
  X.opRR(buf, X.AND, 64, RCX, RDX);
  X.opRR(buf, X.SUB, 64, RAX, RCX);
  // (x & 0x33..) + ((x >> 2) & 0x33..)
  X.movRI64(buf, RDX, 0x33333333, 0x33333333);
  X.opRR(buf, X.MOV, 64, RCX, RAX);
  X.opRI(buf, X.SHR, 64, RCX, 2);
  X.opRR(buf, X.AND, 64, RAX, RDX);
  X.opRR(buf, X.AND, 64, RCX, RDX);
  X.opRR(buf, X.ADD, 64, RAX, RCX);
  // (x + (x >> 4)) & 0x0f..
  X.opRR(buf, X.MOV, 64, RCX, RAX);
  X.opRI(buf, X.SHR, 64, RCX, 4);
  X.opRR(buf, X.ADD, 64, RAX, RCX);
  X.movRI64(buf, RDX, 0x0f0f0f0f, 0x0f0f0f0f);
  X.opRR(buf, X.AND, 64, RAX, RDX);
  // sum of the bytes
  X.movRI64(buf, RDX, 0x01010101, 0x01010101);
  X.opRR(buf, X.IMUL, 64, RAX, RDX);
  X.opRI(buf, X.SHR, 64, RAX, 56);
}

/** rax = rax with its 64 bits reversed; clobbers rcx, rdx. */
export function bitrevRax(e: Emitter): void {
  X.bswap(e.buf, 64, RAX);
  swapBits(e, 4, 0x0f0f0f0f);
  swapBits(e, 2, 0x33333333);
  swapBits(e, 1, 0x55555555);
}

/** rax = ((rax >> n) & m) | ((rax & m) << n), m repeated in both halves. */
function swapBits(e: Emitter, n: number, m: number): void {
  const buf = e.buf;
  X.movRI64(buf, RDX, m, m);
  X.opRR(buf, X.MOV, 64, RCX, RAX);
  X.opRI(buf, X.SHR, 64, RCX, n);
  X.opRR(buf, X.AND, 64, RCX, RDX);
  X.opRR(buf, X.AND, 64, RAX, RDX);
  X.opRI(buf, X.SHL, 64, RAX, n);
  X.opRR(buf, X.OR, 64, RAX, RCX);
}

/** rax = number of leading zeros of the low `bits` bits of rax (zero-extended). */
function clzRax(e: Emitter, bits: number): void {
  const buf = e.buf;
  X.movRI(buf, 64, RCX, -1);
  X.opRR(buf, X.BSR, 64, RAX, RAX);
  X.cmov(buf, CC_E, 64, RAX, RCX);
  // bits - 1 - index
  X.opR(buf, X.NEG, 64, RAX);
  X.opRI(buf, X.ADD, 64, RAX, bits - 1);
}
