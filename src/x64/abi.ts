// The x86-64 System V calling convention as Cranelift applies it. Needs a
// Signature; produces the location of every parameter and return part:
// registers (GPR n, or 16 + XMM n) or stack offsets, plus the stack bytes used.

import type { Signature } from '../ir/function.js';
import { I128, F32, F64, isScalarFloat, isScalarInt, typeName, isVector } from '../ir/types.js';
import { CallConv } from '../ir/immediates.js';
import { fail } from '../support/diag.js';
import { SYSV_INT_ARGS, SYSV_FLOAT_ARGS, SYSV_INT_RETS, SYSV_FLOAT_RETS } from './regs.js';

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
}

export interface SigLayout {
  params: AbiLayout;
  rets: AbiLayout;
  /** Size in bytes of the return area the caller provides (0 if none). */
  retAreaBytes: number;
}

function checkType(t: number, what: string): void {
  if (isVector(t) || !(isScalarInt(t) || t === F32 || t === F64)) fail(`${what} of type ${typeName(t)} is not supported by the x86-64 back end`);
}

/**
 * Lays out a signature. An i128 is two consecutive 64-bit parts, as LLVM (and
 * Cranelift with enable_llvm_abi_extensions) passes it.
 * Lays out a signature. Returns in registers first; the rest go to a return area (needs multiRetImplicitSret). */
export function layoutSignature(sig: Signature, opts: AbiOptions): SigLayout {
  if (sig.callConv !== CallConv.SystemV && sig.callConv !== CallConv.Fast && sig.callConv !== CallConv.Tail && sig.callConv !== CallConv.Probestack) {
    fail(`calling convention ${['fast', 'tail', 'system_v', 'windows_fastcall', 'apple_aarch64', 'probestack', 'winch', 'preserve_all'][sig.callConv]} is not supported on x86-64 Linux`);
  }
  // returns
  const rets: AbiLayout = { loc0: [], loc1: [], stackBytes: 0, retAreaPtr: 0 };
  let gi = 0, fi = 0, stack = 0;
  for (const r of sig.returns) {
    checkType(r.type, 'a return value');
    const parts = r.type === I128 ? 2 : 1;
    for (let p = 0; p < parts; p++) {
      let loc: number;
      if (isScalarFloat(r.type)) {
        if (fi < SYSV_FLOAT_RETS.length) loc = XMM_LOC + SYSV_FLOAT_RETS[fi++];
        else { loc = LOC_STACK + stack; stack += 8; }
      } else {
        if (gi < SYSV_INT_RETS.length) loc = SYSV_INT_RETS[gi++];
        else { loc = LOC_STACK + stack; stack += 8; }
      }
      if (p === 0) rets.loc0.push(loc);
      else rets.loc1[rets.loc1.length - 1] = loc;
      if (p === 0) rets.loc1.push(-1);
    }
  }
  // Returns beyond rax/rdx/xmm0/xmm1 go to a caller-provided area (Cranelift's enable_multi_ret_implicit_sret).
  rets.retAreaPtr = stack > 0 ? 1 : 0;
  rets.stackBytes = (stack + 15) & ~15;
  // params
  const params: AbiLayout = { loc0: [], loc1: [], stackBytes: 0, retAreaPtr: -1 };
  gi = 0; fi = 0; stack = 0;
  for (const a of sig.params) {
    checkType(a.type, 'a parameter');
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
      if (isScalarFloat(a.type)) {
        if (fi < SYSV_FLOAT_ARGS.length) locs[p] = XMM_LOC + SYSV_FLOAT_ARGS[fi++];
        else { locs[p] = LOC_STACK + stack; stack += 8; }
      } else {
        if (gi < SYSV_INT_ARGS.length) locs[p] = SYSV_INT_ARGS[gi++];
        else { locs[p] = LOC_STACK + stack; stack += 8; }
      }
    }
    params.loc0.push(locs[0]);
    params.loc1.push(locs[1]);

  }
  if (rets.retAreaPtr) {
    if (gi < SYSV_INT_ARGS.length) params.retAreaPtr = SYSV_INT_ARGS[gi++];
    else { params.retAreaPtr = LOC_STACK + stack; stack += 8; }
  }
  params.stackBytes = (stack + 15) & ~15;
  return { params, rets, retAreaBytes: rets.stackBytes };
}
