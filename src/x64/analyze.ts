// Per-function analysis for the x86-64 back end. Needs a Function; produces the
// block order (layout order within the bounds of dominance), a position for every block start and
// instruction, each value's live interval [def, end] over those positions
// (loop-extended), use counts, and which values are fused into their user.

import { Function, ValueKind } from '../ir/function.js';
import { immediateDominators } from '../ir/dominators.js';
import { Op, opcodeFormat, Format, opcodeProps, Prop } from '../ir/opcodes.js';
import { I32, I64, I128, F32, F64, isVector, typeBits, vectorOf } from '../ir/types.js';

const I128X2 = vectorOf(I128, 2);

/** Value flags. */
export const enum VF {
  /** Rematerialisable constant (iconst, stack_addr, f32const, f64const): never occupies a register between instructions. */
  Const = 1,
  /** Computed inside its single user (icmp into brif/select/trapz, stack_addr into an address). */
  Fused = 2,
  /** Live across a call: needs a callee-saved register or the stack. */
  CrossesCall = 4,
}

function growI32(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  return n <= a.length ? a : new Int32Array(Math.max(n, a.length * 2));
}
function growU8(a: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> {
  return n <= a.length ? a : new Uint8Array(Math.max(n, a.length * 2));
}

export class Analysis {
  /** Reachable blocks in code order. */
  order = new Int32Array(16);
  numOrdered = 0;
  /** Index in `order` of each block, -1 when unreachable. */
  orderIndex = new Int32Array(16);
  /** Position of a block's start (where its parameters are defined). */
  blockPos = new Int32Array(16);
  /** Position of a block's terminator. */
  blockEndPos = new Int32Array(16);
  /** For each order index: the largest end position of an edge into that block from it or a later block (a backward jump), or -1. */
  loopEnd = new Int32Array(16);
  instPos = new Int32Array(64);
  /** Position -> block (order index) for positions of block starts and instructions. */
  posBlock = new Int32Array(64);
  numPos = 0;
  valDef = new Int32Array(64);
  valEnd = new Int32Array(64);
  valUses = new Int32Array(64);
  valFlags = new Uint8Array(64);
  /** Number of call instructions at positions below p (length numPos + 1). */
  callsBelow = new Int32Array(64);
  hasCalls = false;
  /** What the body asks of the frame (FrameUse bits), found in the same walk as the calls. */
  frameUse = 0;
  /** Set before run(): ceil/floor/trunc/nearest are inline (SSE4.1 round) rather than libm calls. */
  inlineRound = false;
  /** fma is an instruction (FMA3), not a call of libm's fma/fmaf. */
  inlineFma = false;
  /** 256-bit values are kept whole (YMM): the joins and splits of their 128-bit halves are fused (fuseHalves). */
  ymm = false;
  /** Sparse table over loopEnd: level j holds the maximum of 2^j entries from each index. */
  private loopTable = new Int32Array(64);
  private stack = new Int32Array(16);
  /**
   * Pre- and post-order numbers of a depth-first walk from the entry taking
   * successors in order (pre -1: unreachable); see depthFirst.
   */
  pre = new Int32Array(16);
  post = new Int32Array(16);
  /** computeOrder's scratch: layout position, ready heap, blocks that became ready late, the blocks waiting for each block. */
  private layoutPos = new Int32Array(16);
  private pending = new Int32Array(16);
  private heap = new Int32Array(16);
  private late = new Int32Array(16);
  private waitStart = new Int32Array(16);
  private waitList = new Int32Array(16);
  /** Predecessors of the reachable blocks (edges from reachable blocks, once per block call): predList[predStart[b] .. predStart[b + 1]). */
  predStart = new Int32Array(16);
  predList = new Int32Array(16);
  /** findPlacementNeeds' scratch: the block each waits for, the value whose walk last reached a block, the walk's stack, immediate dominators and depths. */
  private need = new Int32Array(16);
  private idom = new Int32Array(16);
  private domDepth = new Int32Array(16);
  private rpo = new Int32Array(16);
  private rpoNum = new Int32Array(16);
  private seen = new Int32Array(16);
  private walk = new Int32Array(16);

  run(f: Function): void {
    const nb = f.numBlocks;
    this.order = growI32(this.order, nb);
    this.orderIndex = growI32(this.orderIndex, nb);
    this.blockPos = growI32(this.blockPos, nb);
    this.blockEndPos = growI32(this.blockEndPos, nb);
    this.loopEnd = growI32(this.loopEnd, nb);
    this.stack = growI32(this.stack, nb * 2 + 2);
    this.computeOrder(f);
    this.numberPositions(f);
    this.computeIntervals(f);
  }

  /**
   * Code order: the CLIF layout order, which the translator keeps equal to
   * LLVM's block order as LLVM's -O0 code has it, so that debuggers step
   * the same; as far as register homes allow it. A block waits for the
   * blocks that define the values live into it (none for most of rustc's
   * cleanup blocks: what crosses blocks goes through stack slots); of the
   * blocks ready, the earliest in the layout goes first. A block that
   * becomes ready only after code from later in the layout has been placed
   * goes to the end of the function rather than into the middle of that
   * code.
   *
   * A value's single interval needs no more: a block comes after the
   * definitions of the values live into it, and a use reached through an
   * edge that jumps backwards in code order, a loop's or not, is covered by
   * the intervals' extension to the end of the edge's source (see loopEnd).
   */
  private computeOrder(f: Function): void {
    const nb = f.numBlocks;
    this.orderIndex.fill(-1, 0, nb);
    const entry = f.firstBlock;
    if (entry < 0) {
      this.numOrdered = 0;
      return;
    }
    const layoutPos = this.layoutPos = growI32(this.layoutPos, nb);
    let lp = 0;
    for (let b = entry; b >= 0; b = f.blockNext[b]) layoutPos[b] = lp++;
    this.depthFirst(f, entry);
    const need = this.findPlacementNeeds(f, entry);
    const pre = this.pre;
    // the blocks waiting for each block: waitList[waitStart[b] .. waitStart[b + 1])
    const waitStart = this.waitStart = growI32(this.waitStart, nb + 1);
    waitStart.fill(0, 0, nb + 1);
    for (let b = entry; b >= 0; b = f.blockNext[b]) if (pre[b] >= 0 && need[b] >= 0) waitStart[need[b] + 1]++;
    for (let b = 0; b < nb; b++) waitStart[b + 1] += waitStart[b];
    const waitList = this.waitList = growI32(this.waitList, Math.max(waitStart[nb], 1));
    const fill = this.pending = growI32(this.pending, nb);
    fill.set(waitStart.subarray(0, nb));
    for (let b = entry; b >= 0; b = f.blockNext[b]) if (pre[b] >= 0 && need[b] >= 0) waitList[fill[need[b]]++] = b;
    // a binary min-heap by layout position of the blocks ready
    const heap = this.heap = growI32(this.heap, nb);
    let hn = 0;
    const push = (s: number): void => {
      let j = hn++;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (layoutPos[heap[p]] <= layoutPos[s]) break;
        heap[j] = heap[p];
        j = p;
      }
      heap[j] = s;
    };
    for (let b = entry; b >= 0; b = f.blockNext[b]) if (pre[b] >= 0 && need[b] < 0) push(b);
    const order = this.order;
    const late = this.late = growI32(this.late, nb);
    // `reached`: the layout position of the last block placed in layout order, nb once the late blocks go
    let n = 0, nl = 0, reached = -1;
    for (;;) {
      if (hn === 0) {
        if (nl === 0) break;
        for (let k = 0; k < nl; k++) push(late[k]);
        nl = 0;
        reached = nb;
        continue;
      }
      const b = heap[0];
      const last = heap[--hn];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= hn) break;
        if (c + 1 < hn && layoutPos[heap[c + 1]] < layoutPos[heap[c]]) c++;
        if (layoutPos[heap[c]] >= layoutPos[last]) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
      if (reached < nb) {
        if (layoutPos[b] < reached) {
          late[nl++] = b;
          continue;
        }
        reached = layoutPos[b];
      }
      order[n] = b;
      this.orderIndex[b] = n++;
      for (let q = waitStart[b]; q < waitStart[b + 1]; q++) push(waitList[q]);
    }
    this.numOrdered = n;
  }

  /**
   * Numbers the blocks reachable from the entry in pre- and post-order of a
   * depth-first walk (pre = -1 when unreachable): an edge b -> s closes a
   * cycle exactly when s is b's ancestor in the walk's tree,
   * pre[s] <= pre[b] && post[b] <= post[s].
   */
  private depthFirst(f: Function, entry: number): void {
    const nb = f.numBlocks;
    const pre = this.pre = growI32(this.pre, nb), post = this.post = growI32(this.post, nb);
    pre.fill(-1, 0, nb);
    const callPool = f.callPool;
    // the stack holds (block, position of its next block call in callPool, calls left) triples
    let stack = this.stack;
    let sp = 0, npre = 0, npost = 0;
    const enter = (b: number): void => {
      pre[b] = npre++;
      if (sp + 3 > stack.length) {
        const n = new Int32Array(stack.length * 2);
        n.set(stack);
        stack = this.stack = n;
      }
      const term = f.blockLastInst[b];
      const branches = term >= 0 && (opcodeProps[f.instOp[term]] & Prop.Branch) !== 0;
      stack[sp++] = b;
      stack[sp++] = branches ? f.instImm0[term] : 0;
      stack[sp++] = branches ? f.instImm1[term] : 0;
    };
    enter(entry);
    while (sp > 0) {
      const left = stack[sp - 1];
      if (left > 0) {
        const c = stack[sp - 2];
        stack[sp - 1] = left - 1;
        stack[sp - 2] = c + 2 + callPool[c + 1];
        const s = callPool[c];
        if (pre[s] < 0) enter(s);
        continue;
      }
      post[stack[sp - 3]] = npost++;
      sp -= 3;
    }
  }

  /**
   * For each reachable block, the block it waits for in the code order
   * (-1: none): of the blocks defining the values live into it, which all
   * dominate it, the one deepest in the dominator tree. Every other of them
   * dominates that one, and its value is live into that one too, so it is
   * placed before it. Constants and slot addresses of the entry block are
   * made again at each use and do not count.
   */
  private findPlacementNeeds(f: Function, entry: number): Int32Array {
    const nb = f.numBlocks;
    const pre = this.pre;
    const callPool = f.callPool;
    // predecessors, compressed: preds of b at predList[predStart[b] .. predStart[b + 1])
    const predStart = this.predStart = growI32(this.predStart, nb + 1);
    predStart.fill(0, 0, nb + 1);
    let edges = 0;
    for (let b = entry; b >= 0; b = f.blockNext[b]) {
      if (pre[b] < 0) continue;
      const term = f.blockLastInst[b];
      if (term < 0 || (opcodeProps[f.instOp[term]] & Prop.Branch) === 0) continue;
      let c = f.instImm0[term];
      for (let k = 0; k < f.instImm1[term]; k++, c += 2 + callPool[c + 1]) {
        predStart[callPool[c] + 1]++;
        edges++;
      }
    }
    for (let b = 0; b < nb; b++) predStart[b + 1] += predStart[b];
    const predList = this.predList = growI32(this.predList, edges);
    const fill = this.pending = growI32(this.pending, nb);
    fill.set(predStart.subarray(0, nb));
    for (let b = entry; b >= 0; b = f.blockNext[b]) {
      if (pre[b] < 0) continue;
      const term = f.blockLastInst[b];
      if (term < 0 || (opcodeProps[f.instOp[term]] & Prop.Branch) === 0) continue;
      let c = f.instImm0[term];
      for (let k = 0; k < f.instImm1[term]; k++, c += 2 + callPool[c + 1]) {
        predList[fill[callPool[c]]++] = b;
      }
    }
    const depth = this.dominatorDepths(f, entry);
    const need = this.need = growI32(this.need, nb);
    need.fill(-1, 0, nb);
    const seen = this.seen = growI32(this.seen, nb);
    seen.fill(-1, 0, nb);
    const stack = this.walk = growI32(this.walk, nb);
    const live = (v: number, b: number): void => {
      const d = f.valueKind[v] === ValueKind.Param ? f.valueDef[v] : f.instBlock[f.valueDef[v]];
      if (d === b || seen[b] === v) return;
      if (d === entry && f.valueKind[v] === ValueKind.Result) {
        const op = f.instOp[f.valueDef[v]];
        if (op === Op.iconst || op === Op.stack_addr || op === Op.f32const || op === Op.f64const) return;
      }
      // v is live into b and into every block on the way back to d
      seen[b] = v;
      if (need[b] < 0 || depth[need[b]] < depth[d]) need[b] = d;
      let sp = 0;
      stack[sp++] = b;
      while (sp > 0) {
        const x = stack[--sp];
        for (let q = predStart[x]; q < predStart[x + 1]; q++) {
          const p = predList[q];
          if (p === d || seen[p] === v) continue;
          seen[p] = v;
          if (need[p] < 0 || depth[need[p]] < depth[d]) need[p] = d;
          stack[sp++] = p;
        }
      }
    };
    const argPool = f.argPool;
    for (let b = entry; b >= 0; b = f.blockNext[b]) {
      if (pre[b] < 0) continue;
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        const a0 = f.instArgStart[i], an = a0 + f.instArgCount[i];
        for (let a = a0; a < an; a++) live(argPool[a], b);
        if ((opcodeProps[f.instOp[i]] & Prop.Branch) === 0) continue;
        let c = f.instImm0[i];
        for (let k = 0; k < f.instImm1[i]; k++, c += 2 + callPool[c + 1]) {
          for (let a = 0; a < callPool[c + 1]; a++) {
            const v = callPool[c + 2 + a];
            if (v >= 0) live(v, b);
          }
        }
      }
    }
    return need;
  }

  /**
   * Each reachable block's depth in the dominator tree (the entry's is 0),
   * from the immediate dominators in the depth-first walk's reverse
   * post-order.
   */
  private dominatorDepths(f: Function, entry: number): Int32Array {
    const nb = f.numBlocks;
    const pre = this.pre, post = this.post;
    const predStart = this.predStart, predList = this.predList;
    const idom = this.idom = growI32(this.idom, nb);
    idom.fill(-1, 0, nb);
    let reachable = 0;
    for (let b = entry; b >= 0; b = f.blockNext[b]) if (pre[b] >= 0) reachable++;
    // reverse post-order (the walk numbers exactly the reachable blocks)
    const rpo = this.rpo = growI32(this.rpo, nb), rpoNum = this.rpoNum = growI32(this.rpoNum, nb);
    for (let b = entry; b >= 0; b = f.blockNext[b]) {
      if (pre[b] < 0) continue;
      const k = reachable - 1 - post[b];
      rpo[k] = b;
      rpoNum[b] = k;
    }
    immediateDominators(rpo, reachable, rpoNum, predStart, predList, idom);
    const depth = this.domDepth = growI32(this.domDepth, nb);
    depth[entry] = 0;
    for (let k = 1; k < reachable; k++) depth[rpo[k]] = depth[idom[rpo[k]]] + 1;
    return depth;
  }

  private numberPositions(f: Function): void {
    let pos = 0;
    this.instPos = growI32(this.instPos, f.numInsts);
    for (let oi = 0; oi < this.numOrdered; oi++) {
      const b = this.order[oi];
      this.blockPos[b] = pos++;
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) this.instPos[i] = pos++;
      this.blockEndPos[b] = pos - 1;
    }
    this.numPos = pos;
    this.posBlock = growI32(this.posBlock, pos);
    this.callsBelow = growI32(this.callsBelow, pos + 1);
    let calls = 0;
    let frameUse = 0;
    this.hasCalls = false;
    for (let oi = 0; oi < this.numOrdered; oi++) {
      const b = this.order[oi];
      this.posBlock[this.blockPos[b]] = oi;
      this.callsBelow[this.blockPos[b]] = calls;
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        const p = this.instPos[i];
        this.posBlock[p] = oi;
        this.callsBelow[p] = calls;
        const op = f.instOp[i];
        if ((opcodeProps[op] & Prop.Call) !== 0 || isLibcallOp(f, i, this.inlineRound, this.inlineFma)) calls++;
        else if (op === Op.atomic_load || op === Op.atomic_store || op === Op.atomic_rmw || op === Op.atomic_cas) frameUse |= atomicFrameUse(f, i);
        else if (op === Op.get_frame_pointer || op === Op.get_return_address || op === Op.shuffle || op === Op.swizzle) frameUse |= FrameUse.NeedsRbp;
        else if (op === Op.va_start) frameUse |= FrameUse.NeedsRbp | FrameUse.VaStart;
      }
    }
    this.callsBelow[pos] = calls;
    this.hasCalls = calls > 0;
    this.frameUse = frameUse;
  }

  /**
   * The first instruction from `i` on (-1: none) that has code of its own:
   * constants, and pure instructions whose results are unused, have none.
   * Valid once computeIntervals has counted the uses.
   */
  nextWithCode(f: Function, i: number): number {
    const flags = this.valFlags, uses = this.valUses;
    while (i >= 0 && f.instNumResults[i] === 1 && ((flags[f.instFirstResult[i]] & VF.Const) !== 0 || (uses[f.instFirstResult[i]] === 0 && isPure(f.instOp[i])))) i = f.instNext[i];
    return i;
  }

  private computeIntervals(f: Function): void {
    const nv = f.numValues;
    this.valDef = growI32(this.valDef, nv);
    this.valEnd = growI32(this.valEnd, nv);
    this.valUses = growI32(this.valUses, nv);
    this.valFlags = growU8(this.valFlags, nv);
    const def = this.valDef, end = this.valEnd, uses = this.valUses, flags = this.valFlags;
    def.fill(-1, 0, nv);
    end.fill(-1, 0, nv);
    uses.fill(0, 0, nv);
    flags.fill(0, 0, nv);
    const loopEnd = this.loopEnd;
    loopEnd.fill(-1, 0, this.numOrdered);
    const argPool = f.argPool, callPool = f.callPool;
    for (let oi = 0; oi < this.numOrdered; oi++) {
      const b = this.order[oi];
      const bp = this.blockPos[b];
      for (let k = 0; k < f.blockParamCount[b]; k++) {
        const v = f.paramPool[f.blockParamStart[b] + k];
        def[v] = bp;
        end[v] = bp;
      }
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        const p = this.instPos[i];
        const a0 = f.instArgStart[i], an = a0 + f.instArgCount[i];
        for (let a = a0; a < an; a++) {
          const v = argPool[a];
          uses[v]++;
          if (end[v] < p) end[v] = p;
        }
        const op = f.instOp[i];
        const fmt = opcodeFormat[op];
        if (fmt === Format.Jump || fmt === Format.Brif || fmt === Format.BranchTable || fmt === Format.TryCall || fmt === Format.TryCallIndirect) {
          let c = f.instImm0[i];
          for (let k = 0; k < f.instImm1[i]; k++) {
            const target = callPool[c];
            const n = callPool[c + 1];
            for (let a = 0; a < n; a++) {
              const v = callPool[c + 2 + a];
              if (v < 0) continue; // a try_call's retN / exnN
              uses[v]++;
              if (end[v] < p) end[v] = p;
            }
            c += 2 + n;
            const ti = this.orderIndex[target];
            if (ti <= oi && loopEnd[ti] < p) loopEnd[ti] = p;
          }
        }
        const r0 = f.instFirstResult[i];
        for (let r = 0; r < f.instNumResults[i]; r++) {
          def[r0 + r] = p;
          end[r0 + r] = p;
        }
        if (op === Op.iconst || op === Op.stack_addr || op === Op.f32const || op === Op.f64const || isSlotPlusConst(f, i)) flags[r0] |= VF.Const;
      }
    }
    // Uses by instructions that are dropped (pure, result unused) do not
    // count, so that what only they read is dropped too; walked backwards so
    // that chains of them go at once. Their uses stay in the intervals.
    for (let oi = this.numOrdered - 1; oi >= 0; oi--) {
      const b = this.order[oi];
      for (let i = f.blockLastInst[b]; i >= 0; i = f.instPrev[i]) {
        if (f.instNumResults[i] !== 1 || uses[f.instFirstResult[i]] !== 0 || !isPure(f.instOp[i])) continue;
        const a0 = f.instArgStart[i], an = a0 + f.instArgCount[i];
        for (let a = a0; a < an; a++) uses[argPool[a]]--;
      }
    }
    // Fusion: a compare used once, by the next instruction that emits code
    // (constants and dropped instructions between them emit none), as its condition.
    for (let oi = 0; oi < this.numOrdered; oi++) {
      const b = this.order[oi];
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        const op = f.instOp[i];
        if (op !== Op.icmp && op !== Op.fcmp) continue;
        const r = f.instFirstResult[i];
        if (uses[r] !== 1) continue;
        const n = this.nextWithCode(f, f.instNext[i]);
        if (n < 0) continue;
        const nop = f.instOp[n];
        if ((nop === Op.brif || nop === Op.trapz || nop === Op.trapnz) && f.arg(n, 0) === r) flags[r] |= VF.Fused;
        else if ((nop === Op.select || nop === Op.select_spectre_guard) && f.arg(n, 0) === r && f.arg(n, 1) !== r && f.arg(n, 2) !== r) flags[r] |= VF.Fused;
      }
    }
    this.fuseMemory(f);
    if (this.ymm) this.fuseHalves(f);
    // Loop extension: a value defined before a loop header and live into the
    // loop is live to the loop's last retreating branch. The largest loop end
    // over a range of blocks comes from a sparse table, so a value costs O(1)
    // per round however many blocks it spans.
    if (this.buildLoopTable()) {
      const posBlock = this.posBlock;
      for (let v = 0; v < nv; v++) {
        const d = def[v];
        if (d < 0) continue;
        let e = end[v];
        let lo = posBlock[d] + 1;
        let hi = posBlock[e];
        while (lo <= hi) {
          const m = this.maxLoopEnd(lo, hi);
          if (m <= e) break;
          e = m;
          lo = hi + 1;
          hi = posBlock[e];
        }
        end[v] = e;
      }
    }
    if (this.hasCalls) {
      const cb = this.callsBelow;
      for (let v = 0; v < nv; v++) {
        const d = def[v];
        if (d < 0) continue;
        // calls strictly between def and end
        if (cb[end[v]] - cb[d + 1] > 0) flags[v] |= VF.CrossesCall;
      }
      // a try_call's block arguments are read after the call returns or unwinds
      for (let oi = 0; oi < this.numOrdered; oi++) {
        const i = f.blockLastInst[this.order[oi]];
        const op = i >= 0 ? f.instOp[i] : -1;
        if (op !== Op.try_call && op !== Op.try_call_indirect) continue;
        let c = f.instImm0[i];
        for (let k = 0; k < f.instImm1[i]; k++) {
          const n = callPool[c + 1];
          for (let a = 0; a < n; a++) {
            const v = callPool[c + 2 + a];
            if (v >= 0) flags[v] |= VF.CrossesCall;
          }
          c += 2 + n;
        }
      }
    }

  }

  /**
   * Memory-operand fusion. A plain load used once, as an operand of the next
   * instruction (integer add/sub/and/or/xor/mul or icmp of the load's width,
   * fadd/fsub/fmul/fdiv; the second operand unless the operation commutes or
   * is icmp), is read by that instruction; nothing can come between them. An address used once by a load or store that is
   * `iadd base, iconst` or `iadd base, (ishl idx, 0..3)` from the same block
   * becomes [base + disp] or [base + idx*scale] (base a register, or rsp
   * plus a stack slot's offset). The registers an address
   * needs are kept live up to and past the instruction that reads memory.
   */
  /**
   * The i128 steps of joining and splitting 256-bit values (as the translator
   * writes them): `bitcast.i128` of a 128-bit vector used once, by a
   * splat/insertlane of i128x2 in the same block, and `extractlane` of an
   * i128x2 used once, by a bitcast to a 128-bit vector in the same block,
   * are fused into that user (vinserti128 / vextracti128 straight from and to
   * XMM registers); the source stays live up to the user.
   */
  private fuseHalves(f: Function): void {
    const uses = this.valUses, flags = this.valFlags, end = this.valEnd;
    for (let oi = 0; oi < this.numOrdered; oi++) {
      const b = this.order[oi];
      for (let n = f.blockFirstInst[b]; n >= 0; n = f.instNext[n]) {
        const op = f.instOp[n];
        let x = -1;
        if (op === Op.splat && f.instType[n] === I128X2) x = f.arg(n, 0);
        else if (op === Op.insertlane && f.instType[n] === I128X2) x = f.arg(n, 1);
        else if (op === Op.bitcast && isVector(f.instType[n]) && typeBits(f.instType[n]) === 128) x = f.arg(n, 0);
        if (x < 0 || uses[x] !== 1 || (flags[x] & (VF.Const | VF.Fused)) !== 0) continue;
        const d = resultDef(f, x);
        if (d < 0 || f.instBlock[d] !== b) continue;
        const src = f.arg(d, 0);
        const st = f.valueType[src];
        const joins = op !== Op.bitcast && f.instOp[d] === Op.bitcast && isVector(st) && typeBits(st) === 128;
        const splits = op === Op.bitcast && f.instOp[d] === Op.extractlane && st === I128X2;
        if (!joins && !splits) continue;
        flags[x] |= VF.Fused;
        if (end[src] < this.instPos[n]) end[src] = this.instPos[n];
      }
    }
  }

  private fuseMemory(f: Function): void {
    const uses = this.valUses, flags = this.valFlags, end = this.valEnd;
    const keep = (v: number, p: number) => { if (end[v] < p) end[v] = p; };
    for (let oi = 0; oi < this.numOrdered; oi++) {
      const b = this.order[oi];
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        const op = f.instOp[i];
        const isLoad = op === Op.load || op === Op.uload8 || op === Op.sload8 || op === Op.uload16 || op === Op.sload16 || op === Op.uload32 || op === Op.sload32;
        const isStore = op === Op.store || op === Op.istore8 || op === Op.istore16 || op === Op.istore32;
        if (!isLoad && !isStore) continue;
        // where the memory is read: here, or in the next instruction when the load is folded into it
        let at = this.instPos[i];
        if (op === Op.load) {
          const r = f.instFirstResult[i];
          const n = f.instNext[i];
          if (uses[r] === 1 && n >= 0 && f.instArgCount[n] >= 2 && f.instNumResults[n] === 1 && uses[f.instFirstResult[n]] > 0 &&
            (f.arg(n, 1) === r || (f.arg(n, 0) === r && foldsFirst(f.instOp[n]))) && foldsLoad(f, n, f.instType[i])) {
            flags[r] |= VF.Fused;
            at = this.instPos[n] + 1;
          }
        }
        const p = f.arg(i, isLoad ? 0 : 1);
        keep(p, at);
        if (uses[p] !== 1 || (flags[p] & (VF.Const | VF.Fused)) !== 0) continue;
        const d = resultDef(f, p);
        if (d < 0 || f.instOp[d] !== Op.iadd || f.instBlock[d] !== b || f.valueType[p] !== I64) continue;
        let x = f.arg(d, 0), y = f.arg(d, 1);
        if ((flags[x] & VF.Const) !== 0) { const t = x; x = y; y = t; }
        // a stack slot's address plus a constant is [rsp + disp]
        if (isOp(f, x, Op.iconst) && isOp(f, y, Op.stack_addr)) { const t = x; x = y; y = t; }
        const slotDisp = isOp(f, x, Op.stack_addr) && isOp(f, y, Op.iconst);
        if ((flags[x] & (VF.Const | VF.Fused)) !== 0 && !slotDisp) continue;
        const yd = resultDef(f, y);
        if (yd >= 0 && f.instOp[yd] === Op.iconst) {
          // the displacement (plus 8 for an i128's high half) must stay a disp32
          const disp = f.instImm0[yd] + f.instImm1[i];
          if (f.instImm1[yd] !== f.instImm0[yd] >> 31 || disp !== (disp | 0) || disp + 8 !== ((disp + 8) | 0)) continue;
          flags[p] |= VF.Fused;
          keep(x, at);
          continue;
        }
        // the shifted index may be either operand
        if (!this.scaledIndex(f, y, b) && this.scaledIndex(f, x, b)) { const t = x; x = y; y = t; }
        // the base may be a stack slot's address: [rsp + idx*scale + slot offset]
        const slotBase = (flags[x] & VF.Const) !== 0 && (isOp(f, x, Op.stack_addr) || isOp(f, x, Op.iadd));
        if (!this.scaledIndex(f, y, b) || ((flags[x] & (VF.Const | VF.Fused)) !== 0 && !slotBase)) continue;
        flags[p] |= VF.Fused;
        flags[y] |= VF.Fused;
        keep(x, at);
        keep(f.arg(f.valueDef[y], 0), at);
      }
    }
  }

  /** Whether v is `ishl idx, 0..3` of block b, used once, that can be an address's scaled index. */
  private scaledIndex(f: Function, v: number, b: number): boolean {
    const d = resultDef(f, v);
    if (d < 0 || f.instOp[d] !== Op.ishl || this.valUses[v] !== 1 || f.instBlock[d] !== b || (this.valFlags[v] & VF.Fused) !== 0) return false;
    const idx = f.arg(d, 0), amt = f.arg(d, 1);
    const ad = resultDef(f, amt);
    if ((this.valFlags[idx] & (VF.Const | VF.Fused)) !== 0 || f.valueType[idx] !== I64 || ad < 0 || f.instOp[ad] !== Op.iconst) return false;
    const k = f.instImm0[ad];
    return f.instImm1[ad] === 0 && k >= 0 && k <= 3;
  }

  /** Builds the range-maximum table over loopEnd; false when the function has no loop. */
  private buildLoopTable(): boolean {
    const n = this.numOrdered;
    const le = this.loopEnd;
    let any = false;
    for (let k = 0; k < n; k++) if (le[k] >= 0) { any = true; break; }
    if (!any) return false;
    let levels = 1;
    while (1 << levels <= n) levels++;
    this.loopTable = growI32(this.loopTable, levels * n);
    const t = this.loopTable;
    t.set(le.subarray(0, n), 0);
    for (let j = 1; j < levels; j++) {
      const cur = j * n, prev = cur - n, half = 1 << (j - 1);
      for (let k = 0; k + (1 << j) <= n; k++) {
        const a = t[prev + k], b = t[prev + k + half];
        t[cur + k] = a > b ? a : b;
      }
    }
    return true;
  }

  /** Largest loopEnd over order indices lo..hi (inclusive, lo <= hi). */
  private maxLoopEnd(lo: number, hi: number): number {
    const j = 31 - Math.clz32(hi - lo + 1);
    const t = this.loopTable, row = j * this.numOrdered;
    const a = t[row + lo], b = t[row + hi - (1 << j) + 1];
    return a > b ? a : b;
  }
}

/** What a function body asks of its frame (Analysis.frameUse). */
export const enum FrameUse {
  /** reads rbp or the return address, moves rsp (shuffle/swizzle through the stack), or va_start (the caller's stack arguments rbp-relative) */
  NeedsRbp = 1,
  /** has a va_start: the register save area */
  VaStart = 2,
  /** keeps values in the red zone below rsp (i128 atomics save rbx and rsi there): no frame may live in it */
  RedZone = 4,
}

/** FrameUse.RedZone for an i128 atomic instruction, else 0. */
function atomicFrameUse(f: Function, i: number): number {
  const t = f.instOp[i] === Op.atomic_store ? f.valueType[f.arg(i, 0)] : f.instType[i];
  return t === I128 ? FrameUse.RedZone : 0;
}

/**
 * Whether instruction i is `iadd (stack_addr), (iconst)` with a 32-bit
 * offset: an address in the frame, rematerialised as [rsp + disp] like the
 * stack_addr itself.
 */
export function isSlotPlusConst(f: Function, i: number): boolean {
  if (f.instOp[i] !== Op.iadd || f.instType[i] !== I64) return false;
  let a = f.arg(i, 0), c = f.arg(i, 1);
  if (isOp(f, a, Op.iconst)) { const t = a; a = c; c = t; }
  if (!isOp(f, a, Op.stack_addr) || !isOp(f, c, Op.iconst)) return false;
  const sd = f.valueDef[a], cd = f.valueDef[c];
  const off = f.instImm1[sd] + f.instImm0[cd];
  return f.instImm1[cd] === f.instImm0[cd] >> 31 && off === (off | 0);
}

/** Whether an instruction with one result can be dropped when the result is unused. */
export function isPure(op: number): boolean {
  switch (op) {
    case Op.load: case Op.uload8: case Op.sload8: case Op.uload16: case Op.sload16: case Op.uload32: case Op.sload32:
    case Op.call: case Op.call_indirect: case Op.udiv: case Op.sdiv: case Op.urem: case Op.srem:
    case Op.fcvt_to_sint: case Op.fcvt_to_uint: case Op.uadd_overflow_trap:
    case Op.atomic_load: case Op.atomic_rmw: case Op.atomic_cas:
      return false;
  }
  if ((opcodeProps[op] & Prop.SideEffect) !== 0) return false;
  const fmt = opcodeFormat[op];
  return fmt !== Format.Store && fmt !== Format.StoreNoOffset;
}

/** Whether value v is the result of an `op` instruction. */
function isOp(f: Function, v: number, op: number): boolean {
  return f.valueKind[v] === ValueKind.Result && f.instOp[f.valueDef[v]] === op;
}

/**
 * Operations that can also read memory as their first operand (commutative integer ones by swapping,
 * icmp as cmp [mem], x; fadd/fmul load it straight into the result register, never commuted, since
 * the first NaN operand is the one x86 returns).
 */
function foldsFirst(op: number): boolean {
  return op === Op.iadd || op === Op.band || op === Op.bor || op === Op.bxor || op === Op.imul || op === Op.icmp || op === Op.fadd || op === Op.fmul;
}

/** Whether instruction n can take a load of type t as an operand straight from memory. */
function foldsLoad(f: Function, n: number, t: number): boolean {
  const op = f.instOp[n];
  const nt = f.instType[n];
  switch (op) {
    case Op.iadd: case Op.isub: case Op.band: case Op.bor: case Op.bxor: case Op.imul:
      return nt === t && (t === I32 || t === I64);
    case Op.icmp:
      return f.valueType[f.arg(n, 0)] === t && (t === I32 || t === I64);
    case Op.fadd: case Op.fsub: case Op.fmul: case Op.fdiv:
      return nt === t && (t === F32 || t === F64);
  }
  return false;
}

/** Instructions lowered to a call of a runtime function (i128 division and float conversions, float rounding without SSE4.1, fma without FMA3). */
/** The instruction defining v, or -1 for a block parameter (whose valueDef is its block). */
function resultDef(f: Function, v: number): number {
  return f.valueKind[v] === ValueKind.Param ? -1 : f.valueDef[v];
}

export function isLibcallOp(f: Function, i: number, inlineRound = false, inlineFma = false): boolean {
  const op = f.instOp[i];
  const t = f.instType[i];
  if (op === Op.udiv || op === Op.sdiv || op === Op.urem || op === Op.srem) return t === I128;
  if (op === Op.ceil || op === Op.floor || op === Op.trunc || op === Op.nearest) return !inlineRound;
  if (op === Op.fma) return !inlineFma;
  if (op === Op.tls_value) return true;
  if (op === Op.fcvt_from_sint || op === Op.fcvt_from_uint) return f.valueType[f.arg(i, 0)] === I128;
  if (op === Op.fcvt_to_sint || op === Op.fcvt_to_uint || op === Op.fcvt_to_sint_sat || op === Op.fcvt_to_uint_sat) return t === I128;
  return false;
}
