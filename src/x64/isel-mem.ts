// Instruction selection for memory: loads and stores of every width (stack
// slots, constant offsets and fused base+disp / base+idx*scale addresses folded
// into the operand, fault sites recorded as traps), frame/stack pointer reads,
// fences, atomics, and PIC addresses of global values (symbols through the GOT
// or PC-relative, thread locals through __tls_get_addr). Needs the Emitter and
// Analysis; writes x86 code and relocations.

import type { Emitter } from './codegen.js';
import { VF } from './analyze.js';
import { K } from './operands.js';
import { Op } from '../ir/opcodes.js';
import { I128, F16, F32, F64, F128, typeBits, isScalarFloat } from '../ir/types.js';
import { xdef128, xmm128 } from './isel-float.js';
import { GlobalValueKind } from '../ir/function.js';
import { R } from '../object/elf.js';
import { AtomicRmwOp, MemFlag, TrapCode, memFlagsTrapCode } from '../ir/immediates.js';
import * as X from './encode.js';
import { selectAtomic128 } from './isel-atomic128.js';
import * as S from './encode-sse.js';
import { RAX, RCX, RDX, RSP, RBP, RIP, NO_REG, CC_NE, CC_B, CC_A, CC_L, CC_G } from './regs.js';

/** The current memory operand [mBase + mIndex*mScale + mDisp], set by address(). */
export let mBase = 0, mIndex = NO_REG, mScale = 1, mDisp = 0;

/**
 * Sets the memory operand for address value `p` plus `off`. A fused
 * `iadd base, iconst` or `iadd base, (ishl idx, k)` becomes the addressing
 * mode; `scratch` is the one register used for parts not in registers.
 */
export function address(e: Emitter, p: number, off: number, scratch: number): void {
  mIndex = NO_REG;
  mScale = 1;
  if ((e.an.valFlags[p] & VF.Fused) !== 0) {
    const f = e.f;
    const d = f.valueDef[p];
    let x = f.arg(d, 0), y = f.arg(d, 1);
    if ((e.an.valFlags[x] & VF.Const) !== 0) { const t = x; x = y; y = t; }
    if ((e.an.valFlags[x] & VF.Const) !== 0 && f.instOp[f.valueDef[x]] === Op.iconst) { const t = x; x = y; y = t; }
    const yd = f.valueDef[y];
    if (f.instOp[yd] === Op.iconst) {
      address(e, x, off + (f.instImm0[yd] | 0), scratch);
      return;
    }
    // base + (idx << k), the shift on either side
    if ((e.an.valFlags[y] & VF.Fused) === 0) { const t = x; x = y; y = t; }
    const sd = f.valueDef[y];
    const idx = f.arg(sd, 0);
    const k = f.instImm0[f.valueDef[f.arg(sd, 1)]];
    const bk = e.kind(x), ik = e.kind(idx);
    if (ik === K.Reg && bk === K.Reg) {
      mBase = e.ra.home[x]; mIndex = e.ra.home[idx]; mScale = 1 << k; mDisp = off;
      return;
    }
    if (ik === K.Reg && bk === K.Addr) {
      mBase = RSP; mIndex = e.ra.home[idx]; mScale = 1 << k; mDisp = e.frameDisp(e.stackAddrDisp(x) + off);
      return;
    }
    // one scratch: the scaled index there, then the base added or used as base
    e.toGpr(scratch, idx);
    if (k > 0) X.opRI(e.buf, X.SHL, 64, scratch, k);
    if (bk === K.Reg) { mBase = e.ra.home[x]; mIndex = scratch; mDisp = off; return; }
    if (bk === K.Addr) { mBase = RSP; mIndex = scratch; mDisp = e.frameDisp(e.stackAddrDisp(x) + off); return; }
    if (bk === K.Mem) X.opRM(e.buf, X.ADD, 64, scratch, RSP, NO_REG, 1, e.spillDisp(x));
    else e.unsupported('(address base)');
    mBase = scratch; mDisp = off;
    return;
  }
  switch (e.kind(p)) {
    case K.Addr: mBase = RSP; mDisp = e.frameDisp(e.stackAddrDisp(p) + off); return;
    case K.Reg: mBase = e.ra.home[p]; mDisp = off; return;
    default: e.toGpr(scratch, p); mBase = scratch; mDisp = off; return;
  }
}

/** Sets the memory operand of fused load value `v` and records the fault site of the instruction about to read it. */
export function loadOperand(e: Emitter, v: number, scratch: number): void {
  const i = e.f.valueDef[v];
  address(e, e.f.arg(i, 0), e.f.instImm1[i], scratch);
  faultSite(e, i);
}

/**
 * Records the next instruction as a possible fault site of memory instruction
 * i (unless notrap): a SIGSEGV/SIGBUS there means its trap code (heap_oob by default).
 */
export function faultSite(e: Emitter, i: number): void {
  const flags = e.f.instImm0[i];
  if ((flags & MemFlag.Notrap) !== 0) return;
  e.traps.push(e.buf.length, memFlagsTrapCode(flags) || TrapCode.HeapOutOfBounds);
}

export function selectMem(e: Emitter, i: number): boolean {
  const f = e.f;
  const op = f.instOp[i];
  const buf = e.buf;
  switch (op) {
    case Op.load: case Op.uload8: case Op.sload8: case Op.uload16: case Op.sload16: case Op.uload32: case Op.sload32: {
      const r = f.result(i);
      const t = f.instType[i];
      address(e, f.arg(i, 0), f.instImm1[i], RCX);
      if (t === F16 && op === Op.load) {
        faultSite(e, i);
        X.opRM(buf, X.MOVZX16, 32, RAX, mBase, mIndex, mScale, mDisp);
        const x = e.xdst(r, 15);
        X.opRR(buf, S.MOVD_TO_XMM, 32, x, RAX);
        e.xdef(r, x);
        return true;
      }
      if (t === F128 && op === Op.load) {
        const x = e.xdst(r, 15);
        faultSite(e, i);
        X.opRM(buf, S.MOVUPS, 0, x, mBase, mIndex, mScale, mDisp);
        xdef128(e, r, x);
        return true;
      }
      if (isScalarFloat(t)) {
        if (t !== F32 && t !== F64) return false;
        const x = e.xdst(r, 15);
        faultSite(e, i);
        X.opRM(buf, t === F32 ? S.MOVSS : S.MOVSD, 0, x, mBase, mIndex, mScale, mDisp);
        e.xdef(r, x);
        return true;
      }
      if (t === I128) {
        if (op !== Op.load) return false;
        faultSite(e, i);
        X.opRM(buf, X.MOV, 64, RAX, mBase, mIndex, mScale, mDisp);
        faultSite(e, i);
        X.opRM(buf, X.MOV, 64, RDX, mBase, mIndex, mScale, mDisp + 8);
        e.defPart(r, 0, RAX);
        e.defPart(r, 1, RDX);
        return true;
      }
      const d = e.dst(r, RAX);
      let bits = typeBits(t);
      if (op === Op.uload8 || op === Op.sload8) bits = 8;
      else if (op === Op.uload16 || op === Op.sload16) bits = 16;
      else if (op === Op.uload32 || op === Op.sload32) bits = 32;
      const signed = op === Op.sload8 || op === Op.sload16 || op === Op.sload32;
      faultSite(e, i);
      if (bits === 8) X.opRM(buf, signed ? X.MOVSX8 : X.MOVZX8, signed ? 64 : 32, d, mBase, mIndex, mScale, mDisp);
      else if (bits === 16) X.opRM(buf, signed ? X.MOVSX16 : X.MOVZX16, signed ? 64 : 32, d, mBase, mIndex, mScale, mDisp);
      else if (bits === 32) X.opRM(buf, signed ? X.MOVSXD : X.MOV, signed ? 64 : 32, d, mBase, mIndex, mScale, mDisp);
      else X.opRM(buf, X.MOV, 64, d, mBase, mIndex, mScale, mDisp);
      e.def(r, d);
      return true;
    }
    case Op.store: case Op.istore8: case Op.istore16: case Op.istore32: {
      const v = f.arg(i, 0);
      const t = f.valueType[v];
      address(e, f.arg(i, 1), f.instImm1[i], RCX);
      if (t === F16 && op === Op.store) {
        X.opRR(buf, S.MOVD_FROM_XMM, 32, RAX, e.xmm(v, 15));
        faultSite(e, i);
        X.opMR(buf, X.MOV, 16, mBase, mIndex, mScale, mDisp, RAX);
        return true;
      }
      if (t === F128 && op === Op.store) {
        const x = xmm128(e, v, 15);
        faultSite(e, i);
        X.opMR(buf, S.MOVUPS, 0, mBase, mIndex, mScale, mDisp, x);
        return true;
      }
      if (isScalarFloat(t)) {
        if (t !== F32 && t !== F64) return false;
        const x = e.xmm(v, 15);
        faultSite(e, i);
        X.opMR(buf, t === F32 ? S.MOVSS : S.MOVSD, 0, mBase, mIndex, mScale, mDisp, x);
        return true;
      }
      if (t === I128 && op === Op.store) {
        const lo = e.gprPart(v, 0, RAX);
        faultSite(e, i);
        X.opMR(buf, X.MOV, 64, mBase, mIndex, mScale, mDisp, lo);
        const hi = e.gprPart(v, 1, RDX);
        faultSite(e, i);
        X.opMR(buf, X.MOV, 64, mBase, mIndex, mScale, mDisp + 8, hi);
        return true;
      }
      let bits = t === I128 ? 64 : typeBits(t);
      if (op === Op.istore8) bits = 8;
      else if (op === Op.istore16) bits = 16;
      else if (op === Op.istore32) bits = 32;
      if (e.immFits(v, bits)) {
        const lo = e.immLo(v);
        faultSite(e, i);
        X.opMI(buf, X.MOV, bits, mBase, mIndex, mScale, mDisp, bits === 8 ? lo & 0xff : bits === 16 ? lo & 0xffff : lo);
        return true;
      }
      const s = t === I128 ? e.gprPart(v, 0, RAX) : e.gpr(v, RAX);
      faultSite(e, i);
      X.opMR(buf, X.MOV, bits, mBase, mIndex, mScale, mDisp, s);
      return true;
    }
    case Op.get_frame_pointer: {
      const r = f.result(i);
      e.def(r, RBP);
      return true;
    }
    case Op.get_stack_pointer: {
      const r = f.result(i);
      e.def(r, RSP);
      return true;
    }
    case Op.get_return_address: {
      const r = f.result(i);
      X.opRM(buf, X.MOV, 64, RAX, RBP, NO_REG, 1, 8);
      e.def(r, RAX);
      return true;
    }
    case Op.fence:
      X.mfence(buf);
      return true;
    case Op.va_start: {
      // va_list = { gp_offset, fp_offset, overflow_arg_area, reg_save_area }
      if (e.vaSave < 0) e.unsupported('(needs a variadic function)');
      const p = e.gpr(f.arg(i, 0), RAX);
      const t = p === RCX ? RDX : RCX;
      X.opMI(buf, X.MOV, 32, p, NO_REG, 1, 0, e.vaGpOffset);
      X.opMI(buf, X.MOV, 32, p, NO_REG, 1, 4, e.vaFpOffset);
      X.opRM(buf, X.LEA, 64, t, RBP, NO_REG, 1, e.vaOverflow);
      X.opMR(buf, X.MOV, 64, p, NO_REG, 1, 8, t);
      X.opRM(buf, X.LEA, 64, t, RSP, NO_REG, 1, e.vaSave);
      X.opMR(buf, X.MOV, 64, p, NO_REG, 1, 16, t);
      return true;
    }
    case Op.atomic_load: {
      const r = f.result(i);
      const t = f.instType[i];
      if (t === I128) return selectAtomic128(e, i);
      if (isScalarFloat(t)) return false;
      address(e, f.arg(i, 0), 0, RCX);
      const bits = typeBits(t);
      const d = e.dst(r, RAX);
      if (bits === 8) X.opRM(buf, X.MOVZX8, 32, d, mBase, mIndex, mScale, mDisp);
      else if (bits === 16) X.opRM(buf, X.MOVZX16, 32, d, mBase, mIndex, mScale, mDisp);
      else X.opRM(buf, X.MOV, bits, d, mBase, mIndex, mScale, mDisp);
      e.def(r, d);
      return true;
    }
    case Op.atomic_store: {
      const v = f.arg(i, 0);
      const t = f.valueType[v];
      if (t === I128) return selectAtomic128(e, i);
      if (isScalarFloat(t)) return false;
      address(e, f.arg(i, 1), 0, RCX);
      e.toGpr(RAX, v);
      // xchg with memory is a locked store with a full barrier (seq_cst)
      X.opMR(buf, X.XCHG, typeBits(t), mBase, mIndex, mScale, mDisp, RAX);
      return true;
    }
    case Op.atomic_cas: {
      const r = f.result(i);
      const t = f.instType[i];
      if (t === I128) return selectAtomic128(e, i);
      if (isScalarFloat(t)) return false;
      const bits = typeBits(t);
      e.toGpr(RDX, f.arg(i, 2));
      e.toGpr(RAX, f.arg(i, 1));
      address(e, f.arg(i, 0), 0, RCX);
      X.lock(buf);
      X.opMR(buf, X.CMPXCHG, bits, mBase, mIndex, mScale, mDisp, RDX);
      e.def(r, RAX);
      return true;
    }
    case Op.atomic_rmw: {
      const r = f.result(i);
      const t = f.instType[i];
      if (t === I128) return selectAtomic128(e, i);
      if (isScalarFloat(t)) return false;
      const bits = typeBits(t);
      const rop = f.instImm1[i] as AtomicRmwOp;
      address(e, f.arg(i, 0), 0, RCX);
      if (mBase !== RCX) {
        X.opRM(buf, X.LEA, 64, RCX, mBase, mIndex, mScale, mDisp);
        mBase = RCX; mIndex = NO_REG; mScale = 1; mDisp = 0;
      }
      const v = f.arg(i, 1);
      if (rop === AtomicRmwOp.Add || rop === AtomicRmwOp.Sub || rop === AtomicRmwOp.Xchg) {
        e.toGpr(RAX, v);
        if (rop === AtomicRmwOp.Sub) X.opR(buf, X.NEG, 64, RAX);
        if (rop === AtomicRmwOp.Xchg) X.opMR(buf, X.XCHG, bits, RCX, NO_REG, 1, 0, RAX);
        else {
          X.lock(buf);
          X.opMR(buf, X.XADD, bits, RCX, NO_REG, 1, 0, RAX);
        }
        e.def(r, RAX);
        return true;
      }
      // compare-exchange loop: rax = old, rdx = new
      if (bits === 8) X.opRM(buf, X.MOVZX8, 32, RAX, RCX, NO_REG, 1, 0);
      else if (bits === 16) X.opRM(buf, X.MOVZX16, 32, RAX, RCX, NO_REG, 1, 0);
      else X.opRM(buf, X.MOV, bits, RAX, RCX, NO_REG, 1, 0);
      const loop = buf.length;
      const size = bits < 32 ? 32 : bits;
      const bitwise = rop === AtomicRmwOp.And || rop === AtomicRmwOp.Nand || rop === AtomicRmwOp.Or || rop === AtomicRmwOp.Xor;
      const form = rop === AtomicRmwOp.Or ? X.OR : rop === AtomicRmwOp.Xor ? X.XOR : X.AND;
      if (bitwise && e.immFits(v, size)) {
        X.opRR(buf, X.MOV, 64, RDX, RAX);
        X.opRI(buf, form, size, RDX, e.immLo(v));
      } else {
        // rax, rcx and rdx are all taken: the operand comes into rdx on every try
        e.toGpr(RDX, v);
        if (bitwise) X.opRR(buf, form, size, RDX, RAX);
        else {
          // min/max: rdx = cond(old, v) ? old : v
          const cc = rop === AtomicRmwOp.Umin ? CC_B : rop === AtomicRmwOp.Umax ? CC_A : rop === AtomicRmwOp.Smin ? CC_L : CC_G;
          X.opRR(buf, X.CMP, bits, RAX, RDX);
          X.cmov(buf, cc, 64, RDX, RAX);
        }
      }
      if (rop === AtomicRmwOp.Nand) X.opR(buf, X.NOT, size, RDX);
      X.lock(buf);
      X.opMR(buf, X.CMPXCHG, bits, RCX, NO_REG, 1, 0, RDX);
      X.jccTo(buf, CC_NE, loop);
      e.def(r, RAX);
      return true;
    }
    case Op.symbol_value: case Op.global_value: {
      const r = f.result(i);
      const d = e.dst(r, RAX);
      globalValue(e, f.instImm0[i], d);
      e.def(r, d);
      return true;
    }
    case Op.tls_value: {
      const gv = f.globalValues[f.instImm0[i]];
      if (gv.kind !== GlobalValueKind.Symbol || !gv.tls) e.unsupported('(tls_value needs a tls symbol global value)');
      // general dynamic, byte for byte as LLVM emits it so linkers can relax it:
      // data16 lea rdi, [rip + sym@tlsgd]; data16 data16 rex.W call __tls_get_addr@plt
      e.zeroUpper();
      buf.u8(0x66); buf.u8(0x48); buf.u8(0x8d); buf.u8(0x3d);
      e.relocs.push({ offset: buf.length, symbol: gv.name, type: R.R_X86_64_TLSGD, addend: -4 });
      buf.i32(0);
      buf.u8(0x66); buf.u8(0x66); buf.u8(0x48); buf.u8(0xe8);
      e.relocs.push({ offset: buf.length, symbol: '__tls_get_addr', type: R.R_X86_64_PLT32, addend: -4 });
      buf.i32(0);
      addOffset(e, RAX, gv.offset);
      e.def(f.result(i), RAX);
      return true;
    }
  }
  return false;
}

/**
 * GPR d = the address (or loaded value) global value `gi` stands for. Symbols are
 * PIC: colocated ones `lea [rip + sym]`, others through the GOT (relaxable).
 */
function globalValue(e: Emitter, gi: number, d: number): void {
  const f = e.f;
  const buf = e.buf;
  const gv = f.globalValues[gi];
  switch (gv.kind) {
    case GlobalValueKind.Symbol: {
      if (gv.tls) e.unsupported('(a tls symbol needs tls_value)');
      const off = gv.offset;
      if (gv.colocated && off >= -0x7fff0000n && off <= 0x7fff0000n) {
        const at = X.opRM(buf, X.LEA, 64, d, RIP, NO_REG, 1, 0);
        e.relocs.push({ offset: at, symbol: gv.name, type: R.R_X86_64_PC32, addend: Number(off) - 4 });
        return;
      }
      const at = X.opRM(buf, X.MOV, 64, d, RIP, NO_REG, 1, 0);
      e.relocs.push({ offset: at, symbol: gv.name, type: R.R_X86_64_REX_GOTPCRELX, addend: -4 });
      addOffset(e, d, off);
      return;
    }
    case GlobalValueKind.IAddImm:
      globalValue(e, gv.base, d);
      addOffset(e, d, gv.offset);
      return;
    case GlobalValueKind.Load: {
      globalValue(e, gv.base, d);
      if (gv.offset < -0x80000000n || gv.offset > 0x7fffffffn) e.unsupported('(global value load offset beyond 32 bits)');
      X.opRM(buf, X.MOV, typeBits(gv.type) === 32 ? 32 : 64, d, d, NO_REG, 1, Number(gv.offset));
      return;
    }
  }
  e.unsupported('(global value kind)');
}

/** d += off (64-bit; through rcx or rdx when it needs more than an imm32). */
function addOffset(e: Emitter, d: number, off: bigint): void {
  if (off === 0n) return;
  const buf = e.buf;
  if (off >= -0x80000000n && off <= 0x7fffffffn) {
    X.opRI(buf, X.ADD, 64, d, Number(off));
    return;
  }
  const t = d === RCX ? RDX : RCX;
  const u = BigInt.asUintN(64, off);
  X.movRI64(buf, t, Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0);
  X.opRR(buf, X.ADD, 64, d, t);
}
