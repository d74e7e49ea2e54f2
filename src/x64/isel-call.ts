// Instruction selection for calls: call, call_indirect, try_call,
// try_call_indirect and func_addr, with arguments moved into their System V
// places (registers, outgoing stack area, return area), %al set for variadic
// callees, and results moved home. A try_call's normal return is an edge to
// its first block call; its handlers share one landing pad, placed after the
// function's blocks, where rax holds exn0 and rdx exn1 and only callee-saved
// registers and the frame survive (analyze.ts keeps the edge's values there).
// Needs the Emitter and abi.ts; records every call that may unwind in
// Emitter.callSites for the LSDA.

import type { Emitter } from './codegen.js';
import { Op } from '../ir/opcodes.js';
import { I128, F32, F128, typeBits, isScalarFloat, isVector } from '../ir/types.js';
import { ParamFlag } from '../ir/immediates.js';
import * as X from './encode.js';
import * as S from './encode-sse.js';
import { LOC_STACK } from './abi.js';
import { moveWidth, MOVE_XMM128, EXIT_JMP_R11, EXIT_JMP_SYMBOL } from './operands.js';
import { xmm128 } from './isel-float.js';
import { RAX, RDX, RSP, NO_REG, R11, RIP } from './regs.js';
import { ExnItem, ValueKind, specialArgIndex, isExnArg } from '../ir/function.js';
import { memKey } from './codegen.js';
import { R } from '../object/elf.js';
import { signExtendTo, zeroExtendTo } from './isel-int.js';
import { fail } from '../support/diag.js';

export function selectCall(e: Emitter, i: number): boolean {
  const f = e.f;
  const op = f.instOp[i];
  if (op === Op.func_addr) {
    const r = f.result(i);
    const fr = f.funcRefs[f.instImm0[i]];
    const d = e.dst(r, RAX);
    if (fr.colocated) {
      const at = X.opRM(e.buf, X.LEA, 64, d, RIP, NO_REG, 1, 0);
      e.relocs.push({ offset: at, symbol: fr.name, type: R.R_X86_64_PC32, addend: -4 });
    } else {
      const at = X.opRM(e.buf, X.MOV, 64, d, RIP, NO_REG, 1, 0);
      e.relocs.push({ offset: at, symbol: fr.name, type: R.R_X86_64_REX_GOTPCRELX, addend: -4 });
    }
    e.def(r, d);
    return true;
  }
  if (op === Op.return_call || op === Op.return_call_indirect) {
    emitReturnCall(e, i, op === Op.return_call_indirect ? f.arg(i, 0) : -1, op === Op.return_call ? f.funcRefs[f.instImm0[i]].name : '');
    return true;
  }
  if (op === Op.try_call || op === Op.try_call_indirect) {
    const t = f.exnTable(i);
    emitCall(e, i, op === Op.try_call_indirect ? f.arg(i, 0) : -1, op === Op.try_call ? f.funcRefs[f.exnFuncRef(t)].name : '');
    const returnAddress = e.buf.length;
    e.edge(f.instImm0[i], i);
    // LLVM's -O0 code ends an invoke's block with a jump, even to the next
    // block, so the return address is still in the call's line (gdb shows it
    // as the caller's line after `finish`); a nop keeps it there too
    if (e.buf.length === returnAddress) X.nop(e.buf, 1);
    return true;
  }
  if (op !== Op.call && op !== Op.call_indirect) return false;
  emitCall(e, i, op === Op.call_indirect ? f.arg(i, 0) : -1, op === Op.call ? f.funcRefs[f.instImm0[i]].name : '');
  return true;
}

/** Whether try_call i has handlers (then it has a landing pad). */
function hasHandlers(e: Emitter, i: number): boolean {
  return e.f.instImm1[i] > 1;
}

/**
 * Refuses what one landing pad per call cannot express: Cranelift tags and
 * context values (they need an embedder's runtime), and handlers that go to
 * different blocks or pass different arguments. A try_call with handlers
 * needs the function's personality.
 */
export function checkTryCall(e: Emitter, i: number): void {
  const f = e.f;
  const t = f.exnTable(i);
  const saved = e.inst;
  e.inst = i;
  for (let k = 0; k < f.exnItemCount(t); k++) {
    const kind = f.exnItemKind(t, k);
    if (kind === ExnItem.Tag) e.unsupported('with an exception tag (tags need an embedder runtime; use default, cleanup, catch or filter items)');
    if (kind === ExnItem.Context) e.unsupported('with an exception context value');
  }
  if (hasHandlers(e, i)) {
    if (f.personality === '') e.unsupported('with handlers in a function without a personality (declare one: personality = %rust_eh_personality)');
    const first = f.blockCallAt(i, 1);
    const n = f.callPool[first + 1];
    for (let k = 2; k < f.instImm1[i]; k++) {
      const c = f.blockCallAt(i, k);
      let same = f.callPool[c] === f.callPool[first] && f.callPool[c + 1] === n;
      for (let a = 0; same && a < n; a++) same = f.callPool[c + 2 + a] === f.callPool[first + 2 + a];
      if (!same) e.unsupported('whose handlers go to different block calls (x86-64 has one landing pad per call; give every clause the same block and arguments)');
    }
  }
  e.inst = saved;
}

/**
 * The move key of a try_call's special block argument `a` (part 0/1 of an
 * i128 return): exn0 = rax, exn1 = rdx; retN = the return's register, or its
 * slot in the return area.
 */
export function specialArgKey(e: Emitter, tc: number, a: number, part: number): number {
  const k = specialArgIndex(a);
  if (isExnArg(a)) return k === 0 ? RAX : RDX;
  const L = e.callLayout(tc);
  const loc = part === 0 ? L.rets.loc0[k] : L.rets.loc1[k];
  if (loc >= LOC_STACK) return memKey(RSP, L.params.stackBytes + loc - LOC_STACK);
  return loc;
}

/**
 * After the blocks: each try_call's landing pad, the moves of its handler's
 * block call (exn0/exn1 from rax/rdx) and a jump to the block; a handler
 * needing no moves is landed on directly, and try_calls with equal handler
 * block calls share a pad (so their call sites merge, as LLVM's do). Fills
 * e.landingPads' offsets.
 */
export function emitLandingPads(e: Emitter): void {
  const f = e.f;
  const lp = e.landingPads;
  // try_calls whose handler block calls are equal share one pad (homes are per value)
  let shared: Map<string, number> | null = null;
  for (let k = 0; k < lp.length; k += 2) {
    const i = lp[k];
    e.inst = i;
    const c = f.blockCallAt(i, 1);
    const target = f.callPool[c];
    if (!e.edgeHasMoves(c)) {
      lp[k + 1] = e.blockLabel[target];
      continue;
    }
    let key = '';
    if (lp.length > 2) {
      key = f.callPool.subarray(c, c + 2 + f.callPool[c + 1]).join(',');
      shared ??= new Map();
      const at = shared.get(key);
      if (at !== undefined) {
        lp[k + 1] = at;
        continue;
      }
      shared.set(key, e.buf.length);
    }
    lp[k + 1] = e.buf.length;
    if (e.debug) e.noteSrcLoc(f.instSrcLoc[i], true);
    e.edgeMoves(c, i);
    e.jumpTo(target);
  }
  e.inst = -1;
}

/** A call of `symbol` (or of value `callee` when it is >= 0) with instruction i's arguments and results. */
function emitCall(e: Emitter, i: number, callee: number, symbol: string): void {
  const f = e.f;
  const buf = e.buf;
  const siteStart = buf.length;
  const sig = f.callSignature(i);
  const L = e.callLayout(i);
  const first = callee >= 0 ? 1 : 0;
  const nargs = f.instArgCount[i] - first;
  // stack arguments first: registers still hold every value
  for (let k = 0; k < nargs; k++) {
    const v = f.arg(i, first + k);
    const t = f.valueType[v];
    const ind = L.params.indirect.length > 0 ? L.params.indirect[k] : -1;
    if (ind >= 0) {
      // passed by reference: the copy in the argument area, its address as the argument
      X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, ind, xmm128(e, v, 15));
      const loc = L.params.loc0[k];
      if (loc >= LOC_STACK) {
        X.opRM(buf, X.LEA, 64, RAX, RSP, NO_REG, 1, ind);
        X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, loc - LOC_STACK, RAX);
      }
      continue;
    }
    const sarg = sig.params[k].flags >>> ParamFlag.SargShift;
    if (sarg > 0) {
      copyStructArg(e, v, L.params.loc0[k] - LOC_STACK, sarg);
      continue;
    }
    for (let p = 0; p < (t === I128 ? 2 : 1); p++) {
      const loc = p === 0 ? L.params.loc0[k] : L.params.loc1[k];
      if (loc < LOC_STACK) continue;
      const off = loc - LOC_STACK;
      if (t === F128 || (isVector(t) && typeBits(t) === 128)) X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, off, xmm128(e, v, 15));
      else if (isScalarFloat(t) || isVector(t)) {
        const x = e.xmm(v, 15);
        X.opMR(buf, t === F32 ? S.MOVSS : S.MOVSD, 0, RSP, NO_REG, 1, off, x);
      } else {
        let s = RAX;
        if (t === I128) s = e.gprPart(v, p, RAX);
        else extendArg(e, RAX, v, sig.params[k].flags);
        X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, off, s);
      }
    }
  }
  if (L.params.retAreaPtr >= LOC_STACK) {
    X.opRM(buf, X.LEA, 64, RAX, RSP, NO_REG, 1, L.params.stackBytes);
    X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, L.params.retAreaPtr - LOC_STACK, RAX);
  }
  e.pmBegin();
  for (let k = 0; k < nargs; k++) {
    const v = f.arg(i, first + k);
    const t = f.valueType[v];
    if (L.params.indirect.length > 0 && L.params.indirect[k] >= 0) continue;
    if (L.params.loc0[k] < LOC_STACK) e.pmAddValue(L.params.loc0[k], v, 0);
    if (t === I128 && L.params.loc1[k] >= 0 && L.params.loc1[k] < LOC_STACK) e.pmAddValue(L.params.loc1[k], v, 1);
  }
  if (callee >= 0) e.pmAddValue(R11, callee, 0);
  e.pmEmit();
  // extension of narrow register arguments the signature asks for
  for (let k = 0; k < nargs; k++) {
    const loc = L.params.loc0[k];
    if (loc < 16 && !alreadyExtended(e, f.arg(i, first + k))) extendInPlace(buf, loc, f.valueType[f.arg(i, first + k)], sig.params[k].flags);
  }
  for (let k = 0; k < L.params.indirect.length; k++) {
    const loc = L.params.loc0[k];
    if (L.params.indirect[k] >= 0 && loc < LOC_STACK) X.opRM(buf, X.LEA, 64, loc, RSP, NO_REG, 1, L.params.indirect[k]);
  }
  if (L.params.retAreaPtr >= 0 && L.params.retAreaPtr < LOC_STACK) {
    X.opRM(buf, X.LEA, 64, L.params.retAreaPtr, RSP, NO_REG, 1, L.params.stackBytes);
  }
  if (sig.variadic) {
    // System V: %al bounds the number of vector registers holding arguments
    let nx = 0;
    for (let k = 0; k < nargs; k++) if (L.params.loc0[k] >= 16 && L.params.loc0[k] < 32) nx++;
    X.movRI(buf, 8, RAX, nx);
  }
  e.zeroUpper();
  if (callee >= 0) X.opR(buf, X.CALL_IND, 64, R11);
  else {
    const at = X.call(buf);
    e.relocs.push({ offset: at, symbol, type: R.R_X86_64_PLT32, addend: -4 });
  }
  const op = f.instOp[i];
  if ((op === Op.try_call || op === Op.try_call_indirect) && hasHandlers(e, i)) {
    e.callSites.push(siteStart, buf.length, e.landingPads.length >> 1);
    e.landingPads.push(i, 0);
  } else if (!sig.nounwind) e.callSites.push(siteStart, buf.length, -1);
  // results
  const r0 = f.instFirstResult[i];
  const nres = f.instNumResults[i];
  e.pmBegin();
  for (let k = 0; k < nres; k++) {
    const v = r0 + k;
    if (e.dead(v)) continue;
    const t = f.valueType[v];
    for (let p = 0; p < (t === I128 ? 2 : 1); p++) {
      const loc = p === 0 ? L.rets.loc0[k] : L.rets.loc1[k];
      const dst = t === I128 ? e.homePartKey(v, p) : e.homeKey(e.ra.home[v]);
      if (loc >= LOC_STACK) {
        const off = L.params.stackBytes + loc - LOC_STACK;
        // read the return area straight into the home (after the register moves)
        retAreaLoads.push(dst, off, moveWidth(t));
      } else e.pmAdd(dst, loc, moveWidth(t));
    }
  }
  e.pmEmit();
  for (let k = 0; k < retAreaLoads.length; k += 3) {
    const dst = retAreaLoads[k], off = retAreaLoads[k + 1], width = retAreaLoads[k + 2];
    if (dst < 16) X.opRM(buf, X.MOV, 64, dst, RSP, NO_REG, 1, off);
    else if (dst < 32) X.opRM(buf, width === MOVE_XMM128 ? S.MOVUPS : S.MOVSD, 0, dst - 16, RSP, NO_REG, 1, off);
    else if (width === MOVE_XMM128) {
      X.opRM(buf, S.MOVUPS, 0, 15, RSP, NO_REG, 1, off);
      e.pmBegin();
      e.pmAdd(dst, 16 + 15, MOVE_XMM128);
      e.pmEmit();
    } else {
      X.opRM(buf, X.MOV, 64, RAX, RSP, NO_REG, 1, off);
      e.pmBegin();
      e.pmAdd(dst, RAX, 8);
      e.pmEmit();
    }
  }
  retAreaLoads.length = 0;
}

const retAreaLoads: number[] = [];

/**
 * A tail call whose arguments all travel in registers: arguments into place,
 * this frame torn down, then a jump. Stack arguments would need the callee to
 * pop them (Cranelift's `tail` convention), which cgts does not implement.
 */
function emitReturnCall(e: Emitter, i: number, callee: number, symbol: string): void {
  const f = e.f;
  const sig = f.callSignature(i);
  const L = e.callLayout(i);
  if (L.params.stackBytes > 0) fail('return_call with arguments on the stack is not supported yet (it needs the callee-pops `tail` convention)');
  if (L.rets.retAreaPtr) fail('return_call to a function with a return area is not supported yet');
  const first = callee >= 0 ? 1 : 0;
  const nargs = f.instArgCount[i] - first;
  e.pmBegin();
  for (let k = 0; k < nargs; k++) {
    const v = f.arg(i, first + k);
    e.pmAddValue(L.params.loc0[k], v, 0);
    if (f.valueType[v] === I128) e.pmAddValue(L.params.loc1[k], v, 1);
  }
  if (callee >= 0) e.pmAddValue(R11, callee, 0);
  e.pmEmit();
  for (let k = 0; k < nargs; k++) extendInPlace(e.buf, L.params.loc0[k], f.valueType[f.arg(i, first + k)], sig.params[k].flags);
  if (callee >= 0) e.epilogue(EXIT_JMP_R11);
  else e.epilogue(EXIT_JMP_SYMBOL, symbol);
}

/** Extends a narrow integer in register `r` to 64 bits if `flags` has uext or sext (as Cranelift extends to the full register). */
export function extendInPlace(buf: Emitter['buf'], r: number, t: number, flags: number): void {
  const bits = typeBits(t);
  if (bits >= 64 || isScalarFloat(t) || (flags & (ParamFlag.Uext | ParamFlag.Sext)) === 0) return;
  const sext = (flags & ParamFlag.Sext) !== 0;
  const form = sext ? (bits === 8 ? X.MOVSX8 : bits === 16 ? X.MOVSX16 : X.MOVSXD) : bits === 8 ? X.MOVZX8 : bits === 16 ? X.MOVZX16 : X.MOV;
  // the 32-bit forms of movzx and mov clear bits 32-63
  X.opRR(buf, form, sext ? 64 : 32, r, r);
}

/**
 * Whether a narrow value arrives in its register already zero- and
 * sign-extended to 64 bits: a non-negative constant (moved as its
 * zero-extended bits), or a scalar compare's 0/1 (setcc + movzx).
 */
function alreadyExtended(e: Emitter, v: number): boolean {
  const f = e.f;
  if (f.valueKind[v] !== ValueKind.Result) return false;
  const op = f.instOp[f.valueDef[v]];
  if (op === Op.icmp || op === Op.fcmp) return !isVector(f.valueType[v]);
  if (op !== Op.iconst) return false;
  const bits = typeBits(f.valueType[v]);
  return bits < 64 && (e.constLo(v) >>> 0) < 2 ** (bits - 1);
}

/** Value v into GPR d, extended as `flags` ask. */
export function extendArg(e: Emitter, d: number, v: number, flags: number): void {
  const bits = typeBits(e.f.valueType[v]);
  if ((flags & ParamFlag.Sext) !== 0) signExtendTo(e, d, v, bits);
  else if ((flags & ParamFlag.Uext) !== 0) zeroExtendTo(e, d, v, bits);
  else e.toGpr(d, v);
}

/** Copies the `size` bytes `ptr` points to into the outgoing argument area at rsp + off (RAX, R11 and xmm15 are free here). */
function copyStructArg(e: Emitter, ptr: number, off: number, size: number): void {
  const buf = e.buf;
  const p = e.gpr(ptr, RAX);
  let k = 0;
  for (; k + 16 <= size; k += 16) {
    X.opRM(buf, S.MOVUPS, 0, 15, p, NO_REG, 1, k);
    X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, off + k, 15);
  }
  for (; k + 8 <= size; k += 8) {
    X.opRM(buf, X.MOV, 64, R11, p, NO_REG, 1, k);
    X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, off + k, R11);
  }
  for (; k < size; k++) {
    X.opRM(buf, X.MOVZX8, 32, R11, p, NO_REG, 1, k);
    X.opMR(buf, X.MOV, 8, RSP, NO_REG, 1, off + k, R11);
  }
}
