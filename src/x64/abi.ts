// The x86-64 System V calling convention as Cranelift applies it. Needs a
// Signature and the enable_llvm_abi_extensions / enable_multi_ret_implicit_sret
// settings; produces the location of every parameter and return part:
// registers (GPR n, or 16 + XMM n) or stack offsets, plus the stack bytes used.
// An f128 is one XMM register, or a 16-byte aligned 16-byte stack slot.
//
// `fast` is laid out exactly as `system_v`. `tail` passes arguments as
// `system_v` but returns in more registers (rax rcx rdx rsi rdi r8 r9 r10,
// xmm0-xmm7), as Cranelift's tail convention does; its stack arguments are
// popped by the caller here, which only differs from Cranelift for
// return_call, which is not supported.
//
// `windows_fastcall` is the Microsoft x64 convention as Cranelift implements
// it: parameters by position in rcx/rdx/r8/r9 or xmm0-xmm3, a 32-byte shadow
// area before the stack arguments, 128-bit vectors and f128 passed by a
// pointer to a 16-byte aligned copy the caller places after the stack
// arguments, returns in rax/rdx and xmm0.

import type { Signature } from '../ir/function.js';
import { I128, F16, F32, F64, F128, isScalarFloat, isScalarInt, typeName, typeBits, isVector } from '../ir/types.js';
import { CallConv, ParamFlag } from '../ir/immediates.js';
import { fail } from '../support/diag.js';
import { SYSV_INT_ARGS, SYSV_FLOAT_ARGS, SYSV_INT_RETS, SYSV_FLOAT_RETS, RCX, RDX, RSI, RDI, R8, R9, R10, RAX, XMM0 } from './regs.js';

/** A location at or above this is a stack offset (loc - LOC_STACK) from the argument area's start. */
export const LOC_STACK = 1 << 16;
export const XMM_LOC = 16;

export interface AbiOptions {
  llvmAbiExtensions?: boolean;
  multiRetImplicitSret?: boolean;
}

/** Where each parameter or return value lives; i128 values have two parts (low, high). */
export interface AbiLayout {
  /** part 0 of value k */
  loc0: number[];
  /** part 1 of value k (i128 high half), or -1 */
  loc1: number[];
  /** Bytes of stack used, a multiple of 16. */
  stackBytes: number;
  /** For params: location of the hidden return-area pointer, or -1. For returns: whether any return is in memory. */
  retAreaPtr: number;
  /**
   * Params passed by reference (windows_fastcall 128-bit values): per value the
   * argument-area offset of the caller's 16-byte copy, whose address is the
   * argument at loc0; -1 for values passed directly. Empty when there are none.
   */
  indirect: number[];
}

export interface SigLayout {
  params: AbiLayout;
  rets: AbiLayout;
  /** Size in bytes of the return area the caller provides (0 if none). */
  retAreaBytes: number;
  /** Index of the `sret` parameter, whose value the callee hands back in rax; -1 if none. */
  sretParam: number;
}

const CONV_NAMES = ['fast', 'tail', 'system_v', 'windows_fastcall', 'apple_aarch64', 'probestack', 'winch', 'preserve_all'];
const SYSV_INT_RETS_LLVM: readonly number[] = [...SYSV_INT_RETS, RCX];
const TAIL_INT_RETS: readonly number[] = [RAX, RCX, RDX, RSI, RDI, R8, R9, R10];
const TAIL_FLOAT_RETS: readonly number[] = SYSV_FLOAT_ARGS;

function checkType(t: number, what: string, opts: AbiOptions): void {
  if (isVector(t) ? typeBits(t) > 128 : !(isScalarInt(t) || t === F16 || t === F32 || t === F64 || t === F128)) fail(`${what} of type ${typeName(t)} is not supported by the x86-64 back end`);
  // Cranelift: without the LLVM extensions an i128 in a signature is rejected on every convention
  if (t === I128 && !opts.llvmAbiExtensions) fail(`${what} of type i128 needs \`set enable_llvm_abi_extensions\` (as in Cranelift)`);
}

/** Whether a value of type t travels in an XMM register (floats, and vectors as System V passes __m128 / __m64). */
function inXmm(t: number): boolean {
  return isScalarFloat(t) || isVector(t);
}

/** Whether a value of type t takes a 16-byte aligned 16-byte slot when it goes to memory. */
function wide16(t: number): boolean {
  return t === F128 || (isVector(t) && typeBits(t) === 128);
}

/**
 * Lays out a signature. An i128 is two consecutive 64-bit parts, as LLVM (and
 * Cranelift with enable_llvm_abi_extensions) passes it. Returns go to
 * registers first; the rest go to a caller-provided return area whose
 * pointer is the first integer argument, which needs multiRetImplicitSret.
 */
export function layoutSignature(sig: Signature, opts: AbiOptions): SigLayout {
  const cc = sig.callConv;
  if (cc !== CallConv.SystemV && cc !== CallConv.Fast && cc !== CallConv.Tail && cc !== CallConv.Probestack && cc !== CallConv.WindowsFastcall) {
    fail(`calling convention ${CONV_NAMES[cc]} is not supported on x86-64 Linux`);
  }
  let sretParam = -1;
  for (let k = 0; k < sig.params.length; k++) if ((sig.params[k].flags & ParamFlag.Sret) !== 0) { sretParam = k; break; }
  if (sretParam >= 0 && sig.returns.length > 0) fail('a signature with an sret parameter cannot also have return values (as in Cranelift)');
  const intRets = cc === CallConv.Tail ? TAIL_INT_RETS : opts.llvmAbiExtensions ? SYSV_INT_RETS_LLVM : SYSV_INT_RETS;
  const floatRets = cc === CallConv.Tail ? TAIL_FLOAT_RETS : SYSV_FLOAT_RETS;
  // returns
  if (cc === CallConv.WindowsFastcall) return layoutFastcall(sig, opts, sretParam);
  const rets: AbiLayout = { loc0: [], loc1: [], stackBytes: 0, retAreaPtr: 0, indirect: [] };
  let gi = 0, fi = 0, stack = 0;
  for (const r of sig.returns) {
    checkType(r.type, 'a return value', opts);
    const parts = r.type === I128 ? 2 : 1;
    for (let p = 0; p < parts; p++) {
      let loc: number;
      if (inXmm(r.type) ? fi < floatRets.length : gi < intRets.length) {
        loc = inXmm(r.type) ? XMM_LOC + floatRets[fi++] : intRets[gi++];
      } else {
        if (!opts.multiRetImplicitSret) {
          fail(`too many return values to fit in registers (${sig.returns.length} returns); use an sret parameter or \`set enable_multi_ret_implicit_sret\` (as in Cranelift)`);
        }
        // an f128 takes a 16-byte aligned slot (Cranelift sizes a slot by its type)
        if (wide16(r.type)) stack = (stack + 15) & ~15;
        loc = LOC_STACK + stack;
        stack += wide16(r.type) ? 16 : 8;
      }
      if (p === 0) { rets.loc0.push(loc); rets.loc1.push(-1); }
      else rets.loc1[rets.loc1.length - 1] = loc;
    }
  }
  rets.retAreaPtr = stack > 0 ? 1 : 0;
  rets.stackBytes = (stack + 15) & ~15;
  // params; the return-area pointer, when there is one, comes first
  const params: AbiLayout = { loc0: [], loc1: [], stackBytes: 0, retAreaPtr: -1, indirect: [] };
  gi = 0; fi = 0; stack = 0;
  if (rets.retAreaPtr) params.retAreaPtr = SYSV_INT_ARGS[gi++];
  for (const a of sig.params) {
    checkType(a.type, 'a parameter', opts);
    const sarg = a.flags >>> ParamFlag.SargShift;
    if (sarg > 0) {
      // a struct argument (LLVM byval): its bytes are copied into the stack area; the value is their address
      params.loc0.push(LOC_STACK + stack);
      params.loc1.push(-1);
      stack += (sarg + 7) & ~7;
      continue;
    }
    const parts = a.type === I128 ? 2 : 1;
    const locs = [-1, -1];
    if (parts === 2 && gi + 2 > SYSV_INT_ARGS.length) {
      // never split between a register and the stack: both halves go to a
      // 16-byte aligned slot and later integer arguments may still take the
      // register left over (as GCC and LLVM pass __int128)
      stack = (stack + 15) & ~15;
      locs[0] = LOC_STACK + stack;
      locs[1] = LOC_STACK + stack + 8;
      stack += 16;
    } else for (let p = 0; p < parts; p++) {
      if (inXmm(a.type)) {
        if (fi < SYSV_FLOAT_ARGS.length) locs[p] = XMM_LOC + SYSV_FLOAT_ARGS[fi++];
        else if (wide16(a.type)) {
          // System V __float128 (SSE+SSEUP): in memory it takes a 16-byte aligned slot
          stack = (stack + 15) & ~15;
          locs[p] = LOC_STACK + stack;
          stack += 16;
        } else { locs[p] = LOC_STACK + stack; stack += 8; }
      } else {
        if (gi < SYSV_INT_ARGS.length) locs[p] = SYSV_INT_ARGS[gi++];
        else { locs[p] = LOC_STACK + stack; stack += 8; }
      }
    }
    params.loc0.push(locs[0]);
    params.loc1.push(locs[1]);
  }
  params.stackBytes = (stack + 15) & ~15;
  return { params, rets, retAreaBytes: rets.stackBytes, sretParam };
}

const WIN_INT_ARGS: readonly number[] = [RCX, RDX, R8, R9];
const WIN_INT_RETS: readonly number[] = [RAX, RDX];

/** The windows_fastcall layout (see the file comment); i128 halves are two positional arguments. */
function layoutFastcall(sig: Signature, opts: AbiOptions, sretParam: number): SigLayout {
  const rets: AbiLayout = { loc0: [], loc1: [], stackBytes: 0, retAreaPtr: 0, indirect: [] };
  let gi = 0, fi = 0, stack = 0;
  for (const r of sig.returns) {
    checkType(r.type, 'a return value', opts);
    if (r.type === F128 && !opts.llvmAbiExtensions) fail('f128 return values on windows_fastcall need `set enable_llvm_abi_extensions` (as in Cranelift)');
    const parts = r.type === I128 ? 2 : 1;
    for (let p = 0; p < parts; p++) {
      let loc: number;
      if (inXmm(r.type) ? fi < 1 : gi < WIN_INT_RETS.length) loc = inXmm(r.type) ? XMM_LOC + XMM0 + fi++ : WIN_INT_RETS[gi++];
      else {
        if (!opts.multiRetImplicitSret) {
          fail(`too many return values to fit in registers (${sig.returns.length} returns); use an sret parameter or \`set enable_multi_ret_implicit_sret\` (as in Cranelift)`);
        }
        if (wide16(r.type)) stack = (stack + 15) & ~15;
        loc = LOC_STACK + stack;
        stack += wide16(r.type) ? 16 : 8;
      }
      if (p === 0) { rets.loc0.push(loc); rets.loc1.push(-1); }
      else rets.loc1[rets.loc1.length - 1] = loc;
    }
  }
  rets.retAreaPtr = stack > 0 ? 1 : 0;
  rets.stackBytes = (stack + 15) & ~15;
  const params: AbiLayout = { loc0: [], loc1: [], stackBytes: 0, retAreaPtr: -1, indirect: [] };
  // the shadow area of the four register parameters comes first
  stack = 32;
  let pos = 0;
  if (rets.retAreaPtr) params.retAreaPtr = WIN_INT_ARGS[pos++];
  const next = (xmm: boolean): number => {
    const k = pos++;
    if (k < 4) return xmm ? XMM_LOC + k : WIN_INT_ARGS[k];
    const at = LOC_STACK + stack;
    stack += 8;
    return at;
  };
  let anyIndirect = false;
  for (const a of sig.params) {
    checkType(a.type, 'a parameter', opts);
    if (a.type === F128 && !opts.llvmAbiExtensions) fail('f128 parameters on windows_fastcall need `set enable_llvm_abi_extensions` (as in Cranelift)');
    const indirect = wide16(a.type);
    anyIndirect ||= indirect;
    params.loc0.push(next(inXmm(a.type) && !indirect));
    params.loc1.push(a.type === I128 ? next(false) : -1);
  }
  // the copies of values passed by reference follow the stack arguments
  for (let k = 0; k < sig.params.length; k++) {
    if (!anyIndirect) break;
    if (!wide16(sig.params[k].type)) { params.indirect.push(-1); continue; }
    stack = (stack + 15) & ~15;
    params.indirect.push(stack);
    stack += 16;
  }
  params.stackBytes = (stack + 15) & ~15;
  return { params, rets, retAreaBytes: rets.stackBytes, sretParam };
}
