// Register assignment by linear scan over the analysis' live intervals. Needs
// the Analysis of a Function; produces one home per value for its whole life:
// a GPR (0-15), an XMM (16 + n), a GPR pair (i128), a spill slot, or none.

import { Function } from '../ir/function.js';
import { I128, F128, isScalarFloat, isVector, typeBits, typeName } from '../ir/types.js';
import { Analysis, VF } from './analyze.js';
import { fail } from '../support/diag.js';
import { RAX, RDX, RBX, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 } from './regs.js';
import { opcodeFormat, Format, Op } from '../ir/opcodes.js';

/** Homes at or above HOME_SPILL are spill-area byte offsets (home - HOME_SPILL). */
export const HOME_SPILL = 1 << 16;
export const HOME_NONE = -1;

/** GPRs for values not live across a call, in order of preference; rax rcx rdx are scratch. */
const GPR_ANY = [RSI, RDI, R8, R9, R10, R11, RBX, R12, R13, R14, R15];
/** Callee-saved GPRs: the only registers a value live across a call may have. */
const GPR_SAVED = [RBX, R12, R13, R14, R15];
/** XMM registers handed out (16 + n); xmm12-xmm15 are scratch (vector sequences need four). */
const XMM_ANY = [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];
const maskOf = (set: number[]) => set.reduce((m, r) => m | (1 << r), 0);
const GPR_ANY_MASK = maskOf(GPR_ANY), GPR_SAVED_MASK = maskOf(GPR_SAVED), XMM_ANY_MASK = maskOf(XMM_ANY);

/** rax and rdx: registers only ever taken as ABI hints, outside the allocatable set. */
function hintOutsideSet(r: number): boolean {
  return r === RAX || r === RDX;
}

function growI32(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  return n <= a.length ? a : new Int32Array(Math.max(n, a.length * 2));
}

export class RegAlloc {
  home = new Int32Array(64);
  /** High half of an i128 value in registers, else -1. */
  home2 = new Int32Array(64);
  /** Preferred home source: a value whose register this one would like to share. */
  private hint = new Int32Array(64);
  /** Bitset of the registers handed out: GPR n at bit n, XMM n at bit 16 + n (the prologue saves those its convention preserves). */
  usedRegs = 0;
  /** Bytes of spill area (a multiple of 16). */
  spillBytes = 0;
  private regOwner = new Int32Array(32);
  private regEnd = new Int32Array(32);
  /** Number of 8-byte spill words handed out; 16-byte values take two consecutive words. */
  private numSlots = 0;
  /**
   * Slots whose value has ended, by size (1 or 2 words): singly linked through
   * slotNext, heads in freeHead. A slot in use waits in the bucket of its
   * value's end position (expHead/slotNext) until allocation passes that end.
   */
  private freeHead = [-1, -1, -1, -1, -1];
  private slotNext = new Int32Array(64);
  private slotSize = new Uint8Array(64);
  private expHead = new Int32Array(64);
  /** Positions below this have had their ending slots freed. */
  private expCursor = 0;

  /**
   * `abiHint` gives per value a register the ABI would like it in, or -1; it
   * is taken when free. rax and rdx are only ever hints, for values nothing
   * can clobber (see Emitter.abiHints).
   */
  run(f: Function, an: Analysis, abiHint: Int32Array): void {
    const nv = f.numValues;
    this.home = growI32(this.home, nv);
    this.home2 = growI32(this.home2, nv);
    this.hint = growI32(this.hint, nv);
    const home = this.home, home2 = this.home2, hint = this.hint;
    home.fill(HOME_NONE, 0, nv);
    home2.fill(-1, 0, nv);
    hint.fill(-1, 0, nv);
    this.regOwner.fill(-1);
    this.regEnd.fill(-1);
    this.numSlots = 0;
    this.freeHead.fill(-1);
    this.expHead = growI32(this.expHead, an.numPos + 1);
    this.expHead.fill(-1, 0, an.numPos + 1);
    this.expCursor = 0;
    this.usedRegs = 0;
    const def = an.valDef, end = an.valEnd, flags = an.valFlags, uses = an.valUses;

    // Hints along branch edges: forward edges make a parameter prefer its
    // argument's register, back edges make the argument prefer the parameter's.
    for (let oi = 0; oi < an.numOrdered; oi++) {
      const b = an.order[oi];
      const i = f.blockLastInst[b];
      if (i < 0) continue;
      const fmt = opcodeFormat[f.instOp[i]];
      if (fmt !== Format.Jump && fmt !== Format.Brif && fmt !== Format.BranchTable && fmt !== Format.TryCall && fmt !== Format.TryCallIndirect) continue;
      let c = f.instImm0[i];
      for (let k = 0; k < f.instImm1[i]; k++) {
        const t = f.callPool[c], n = f.callPool[c + 1];
        const back = an.orderIndex[t] <= oi;
        for (let a = 0; a < n; a++) {
          const arg = f.callPool[c + 2 + a];
          if (arg < 0) continue; // retN / exnN
          const p = f.paramPool[f.blockParamStart[t] + a];
          if (back) { if (hint[arg] < 0) hint[arg] = p; }
          else if (hint[p] < 0) hint[p] = arg;
        }
        c += 2 + n;
      }
    }

    for (let oi = 0; oi < an.numOrdered; oi++) {
      const b = an.order[oi];
      for (let k = 0; k < f.blockParamCount[b]; k++) {
        const v = f.paramPool[f.blockParamStart[b] + k];
        if (uses[v] === 0) continue;
        this.assign(f, v, def[v], end[v], flags[v], abiHint[v], -1);
      }
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        const n = f.instNumResults[i];
        if (n === 0) continue;
        const r0 = f.instFirstResult[i];
        // a two-address result prefers the register of an operand that dies here
        let reuse = -1;
        const na = f.instArgCount[i];
        if (na > 0) {
          const a0 = f.arg(i, 0);
          if (end[a0] === def[r0]) reuse = home[a0];
          if ((reuse < 0 || reuse >= 32) && na === 2 && isCommutative(f.instOp[i])) {
            const a1 = f.arg(i, 1);
            if (end[a1] === def[r0]) reuse = home[a1];
          }
        }
        // the second operand's register is no place for the result of a non-commutative two-address op
        let ah = abiHint[r0];
        let avoid = -1;
        if (na === 2 && !isCommutative(f.instOp[i]) && f.arg(i, 0) !== f.arg(i, 1)) {
          avoid = home[f.arg(i, 1)];
          if (ah === avoid) ah = -1;
        }
        for (let r = 0; r < n; r++) {
          const v = r0 + r;
          if (uses[v] === 0 || (flags[v] & (VF.Const | VF.Fused)) !== 0) continue;
          this.assign(f, v, def[v], end[v], flags[v], r === 0 ? ah : abiHint[v], r === 0 ? reuse : -1, r === 0 ? avoid : -1);
        }
      }
    }
    this.spillBytes = ((this.numSlots * 8) + 15) & ~15;
  }

  private assign(f: Function, v: number, d: number, e: number, fl: number, abiHint: number, reuse: number, avoid = -1): void {
    const t = f.valueType[v];
    if (isVector(t) && typeBits(t) > 256) fail(`vector type ${typeName(t)} (wider than 256 bits) is not supported by the x86-64 back end`);
    const crosses = (fl & VF.CrossesCall) !== 0;
    const owner = this.regOwner, rend = this.regEnd;
    if (t === I128) {
      const set = crosses ? GPR_SAVED : GPR_ANY;
      let r1 = -1, r2 = -1;
      for (const r of set) {
        if (rend[r] <= d) {
          if (r1 < 0) r1 = r;
          else { r2 = r; break; }
        }
      }
      if (r2 < 0) {
        this.home[v] = HOME_SPILL + this.spillSlot(d, e, 2);
        return;
      }
      this.take(r1, v, e);
      this.take(r2, v, e);
      this.home[v] = r1;
      this.home2[v] = r2;
      return;
    }
    const isF = isScalarFloat(t) || isVector(t);
    // an f128 or a 128-bit vector spills to a 16-byte slot
    const words = spillWords(t);
    if (isF && crosses) {
      this.home[v] = HOME_SPILL + this.spillSlot(d, e, words);
      return;
    }
    const set = isF ? XMM_ANY : crosses ? GPR_SAVED : GPR_ANY;
    const mask = isF ? XMM_ANY_MASK : crosses ? GPR_SAVED_MASK : GPR_ANY_MASK;
    let reg = -1;
    // hints: the ABI's, else a dying operand's register, else the register of the value this one is tied to
    let h = abiHint;
    if (hintOutsideSet(h) && !isF && !crosses && rend[h] <= d) {
      // allowed outside the allocatable set
    } else if (h < 0 || h >= 32 || ((mask >>> h) & 1) === 0 || rend[h] > d) h = reuse;
    if (hintOutsideSet(h) && abiHint !== h) h = -1;
    if (!hintOutsideSet(h) && (h < 0 || h >= 32 || ((mask >>> h) & 1) === 0 || rend[h] > d)) {
      h = -1;
      const hv = this.hint[v];
      if (hv >= 0) {
        const hr = this.home[hv];
        if (hr >= 0 && hr < 32 && ((mask >>> hr) & 1) !== 0 && rend[hr] <= d && this.home2[hv] < 0) h = hr;
      }
    }
    if (h >= 0) reg = h;
    else {
      for (const r of set) if (rend[r] <= d && r !== avoid) { reg = r; break; }
      if (reg < 0 && avoid >= 0 && avoid < 32 && ((mask >>> avoid) & 1) !== 0 && rend[avoid] <= d) reg = avoid;
    }
    if (reg < 0) {
      // evict the active value that lives longest, if it outlives this one
      let best = -1;
      for (const r of set) if (best < 0 || rend[r] > rend[best]) best = r;
      const w = owner[best];
      if (rend[best] > e && w >= 0 && this.home2[w] < 0) {
        // w started before d: a slot freed since then may have been in use at w's start
        this.home[w] = HOME_SPILL + this.newSlot(spillWords(f.valueType[w]), rend[best]);
        reg = best;
      } else {
        this.home[v] = HOME_SPILL + this.spillSlot(d, e, words);
        return;
      }
    }
    this.take(reg, v, e);
    this.home[v] = reg;
  }

  private take(r: number, v: number, e: number): void {
    this.regOwner[r] = v;
    this.regEnd[r] = e;
    this.usedRegs |= 1 << r;
  }

  /** A spill slot of `n` 8-byte words free over [d, e]; returns its byte offset. Calls come in increasing `d`. */
  private spillSlot(d: number, e: number, n: number): number {
    const exp = this.expHead, next = this.slotNext;
    // slots of values that ended before d become free
    for (; this.expCursor < d; this.expCursor++) {
      let s = exp[this.expCursor];
      exp[this.expCursor] = -1;
      while (s >= 0) {
        const nx = next[s];
        const k = this.slotSize[s];
        next[s] = this.freeHead[k];
        this.freeHead[k] = s;
        s = nx;
      }
    }
    let s = this.freeHead[n];
    if (s >= 0) this.freeHead[n] = next[s];
    else return this.newSlot(n, e);
    this.expire(s, e);
    return s * 8;
  }

  /** A slot of `n` words never used before, held until `e`. */
  private newSlot(n: number, e: number): number {
    if (n >= 2 && (this.numSlots & 1) !== 0) this.numSlots++;
    const s = this.numSlots;
    this.numSlots += n;
    if (this.slotNext.length <= s) {
      const a = new Int32Array(Math.max(s + 2, this.slotNext.length * 2));
      a.set(this.slotNext);
      this.slotNext = a;
      const b = new Uint8Array(a.length);
      b.set(this.slotSize);
      this.slotSize = b;
    }
    this.slotSize[s] = n;
    this.expire(s, e);
    return s * 8;
  }

  /** Queues slot s to be freed once allocation passes position e. */
  private expire(s: number, e: number): void {
    this.slotNext[s] = this.expHead[e];
    this.expHead[e] = s;
  }
}

/** 8-byte spill words a value of type t takes: two for f128 and 128-bit vectors, four for 256-bit ones (16-byte aligned, moved unaligned). */
function spillWords(t: number): number {
  if (isVector(t)) { const b = typeBits(t); return b === 256 ? 4 : b === 128 ? 2 : 1; }
  return t === F128 ? 2 : 1;
}

/** Operations whose two operands can trade places (the selectors swap them to reuse a dying one). */
function isCommutative(op: number): boolean {
  return op === Op.iadd || op === Op.imul || op === Op.band || op === Op.bor || op === Op.bxor || op === Op.fadd || op === Op.fmul;
}

