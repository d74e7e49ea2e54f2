// Translates one LLVM function body into a CLIF function. Needs the decoded
// body (src/bitcode/function.ts); produces a Function that passes the CLIF
// verifier. Blocks are translated in reverse post-order, so every value is
// defined before its uses (SSA dominance); phis become block parameters and
// unreachable blocks are dropped.

import { functionIsaFlags } from './target-features.js';
import { decodeFunction } from '../bitcode/function.js';
import { Op as L, type Module } from '../bitcode/module.js';
import { Function } from '../ir/function.js';
import { Tx } from './context.js';
import { mapDebugValues, spillDeclaredArgs } from './debug.js';
import { translateAlloca, translateLoad, translateStore, translateGep } from './memory.js';
import { translateBinop, translateCast, translateCmp, translateSelect, translateFNeg } from './arith.js';
import { translateBr, translateSwitch, translateRet, translateUnreachable, translateResume, blockParamsForPhis } from './control.js';
import { translateCall, translateInvoke, translateLandingPad, lowerEntry } from './calls.js';
import { translateExtractValue, translateInsertValue } from './aggregates.js';
import { translateAtomicRmw, translateCmpXchg, translateFence } from './atomics.js';
import { translateVaArg } from './varargs.js';
import { translateExtractElement, translateInsertElement, translateShuffle } from './vector.js';

export class FunctionTranslator {
  tx: Tx;
  private order = new Int32Array(64);
  private next = new Int32Array(64);
  private state = new Uint8Array(64);
  private stack = new Int32Array(64);

  constructor(m: Module) {
    this.tx = new Tx(m);
  }

  /** Translates body `k` of the module into `into` (reset first) or a new CLIF function. */
  translate(k: number, into?: Function): Function {
    const tx = this.tx;
    const m = tx.m;
    const body = decodeFunction(m, k, false);
    const g = m.globals[body.fn]!;
    const f = into ?? new Function();
    if (into) f.reset();
    f.name = g.name;
    tx.body = body;
    tx.f = f;
    tx.g = g;
    tx.inst = -1;
    tx.srcloc = -1;
    tx.argBase = body.argBase;
    tx.instBase = body.instBase;
    tx.gvOf.clear();
    tx.fnRefOf.clear();
    tx.resetSigs();
    tx.lpadParam.clear();
    tx.allocaSlots.length = 0;
    tx.argSlots.length = 0;
    if (g.personality > 0 && g.personality - 1 < m.globals.length) f.personality = m.globals[g.personality - 1]!.name;
    f.isaFlags = functionIsaFlags(m, g.attrs);
    const nvals = body.instBase - body.argBase + body.valueInst.length;
    if (tx.valStart.length < nvals) tx.valStart = new Int32Array(nvals * 2);
    tx.valStart.fill(-1, 0, nvals);
    tx.flatLen = 0;
    f.reserve(body.numInsts * 2 + 16, body.numInsts * 2 + 16, body.numInsts * 3 + 16, body.numBlocks + 4);

    const nb = body.numBlocks;
    const rpo = this.reversePostOrder();
    if (tx.blockOf.length < nb) tx.blockOf = new Int32Array(nb * 2);
    tx.blockOf.fill(-1, 0, nb);
    // the layout keeps LLVM's block order; translation goes in reverse post-order
    for (let b = 0; b < nb; b++) {
      if (this.state[b] === 0) continue;
      const cb = f.createBlock();
      f.appendBlock(cb);
      tx.blockOf[b] = cb;
    }
    // the entry block's parameters are the function's; phis become block parameters
    tx.cur = tx.blockOf[0]!;
    tx.layoutTail = tx.cur;
    lowerEntry(tx);
    if (body.dbgRecords.length > 0) spillDeclaredArgs(tx, k);
    for (let i = 0; i < rpo; i++) blockParamsForPhis(tx, this.order[i]!);

    for (let i = 0; i < rpo; i++) {
      const b = this.order[i]!;
      tx.cur = tx.blockOf[b]!;
      tx.layoutTail = tx.cur;
      const end = b + 1 < nb ? body.blockStart[b + 1]! : body.numInsts;
      for (let j = body.blockStart[b]!; j < end; j++) {
        tx.inst = j;
        tx.srcloc = body.loc[j]!;
        translateInst(tx, j);
      }
    }
    tx.inst = -1;
    if (body.dbgRecords.length > 0) mapDebugValues(tx, k);
    else tx.dbgValues.length = 0;
    return f;
  }

  /** Fills `order` with the reachable blocks in reverse post-order; returns how many. */
  private reversePostOrder(): number {
    const body = this.tx.body;
    const nb = body.numBlocks;
    if (this.state.length < nb) {
      this.state = new Uint8Array(nb * 2);
      this.order = new Int32Array(nb * 2);
      this.stack = new Int32Array(nb * 2);
      this.next = new Int32Array(nb * 2);
    }
    const state = this.state, order = this.order, stack = this.stack, next = this.next;
    state.fill(0, 0, nb);
    next.fill(0, 0, nb);
    // iterative DFS; a block's k-th successor is read from its terminator's operands
    const ops = body.ops.data;
    let post = nb;
    let sp = 0;
    stack[sp++] = 0;
    state[0] = 1;
    while (sp > 0) {
      const b = stack[sp - 1]!;
      const t = (b + 1 < nb ? body.blockStart[b + 1]! : body.numInsts) - 1;
      const st = body.opStart[t]!, n = body.opCount[t]!;
      const k = next[b]!;
      // successor k of the terminator, or -1 past the last
      let s = -1;
      switch (body.op[t]) {
        case L.Br:
          if (n === 1) { if (k === 0) s = ops[st]!; }
          else if (k < 2) s = ops[st + 1 + k]!;
          break;
        case L.Switch:
          if (k === 0) s = ops[st + 1]!;
          else if (1 + 2 * k < n) s = ops[st + 1 + 2 * k]!;
          break;
        case L.Invoke:
          if (k < 2) s = ops[st + 2 + k]!;
          break;
      }
      if (s >= 0) {
        next[b] = k + 1;
        if (state[s] === 0) {
          state[s] = 1;
          stack[sp++] = s;
        }
      } else {
        sp--;
        order[--post] = b;
      }
    }
    const n = nb - post;
    order.copyWithin(0, post, nb);
    return n;
  }
}

function translateInst(tx: Tx, i: number): void {
  const body = tx.body;
  switch (body.op[i]) {
    case L.Add: case L.Sub: case L.Mul: case L.UDiv: case L.SDiv: case L.URem: case L.SRem:
    case L.Shl: case L.LShr: case L.AShr: case L.And: case L.Or: case L.Xor:
    case L.FAdd: case L.FSub: case L.FMul: case L.FDiv: case L.FRem:
      return translateBinop(tx, i);
    case L.FNeg: return translateFNeg(tx, i);
    case L.Trunc: case L.ZExt: case L.SExt: case L.FPToUI: case L.FPToSI: case L.UIToFP: case L.SIToFP:
    case L.FPTrunc: case L.FPExt: case L.PtrToInt: case L.IntToPtr: case L.BitCast: case L.PtrToAddr:
      return translateCast(tx, i);
    case L.ICmp: case L.FCmp: return translateCmp(tx, i);
    case L.Select: return translateSelect(tx, i);
    case L.ExtractValue: return translateExtractValue(tx, i);
    case L.InsertValue: return translateInsertValue(tx, i);
    case L.ExtractElement: return translateExtractElement(tx, i);
    case L.InsertElement: return translateInsertElement(tx, i);
    case L.ShuffleVector: return translateShuffle(tx, i);
    case L.Alloca: return translateAlloca(tx, i);
    case L.Load: return translateLoad(tx, i);
    case L.Store: return translateStore(tx, i);
    case L.GetElementPtr: return translateGep(tx, i);
    case L.Fence: return translateFence(tx, i);
    case L.CmpXchg: return translateCmpXchg(tx, i);
    case L.AtomicRMW: return translateAtomicRmw(tx, i);
    case L.Ret: return translateRet(tx, i);
    case L.Br: return translateBr(tx, i);
    case L.Switch: return translateSwitch(tx, i);
    case L.Invoke: return translateInvoke(tx, i);
    case L.Resume: return translateResume(tx, i);
    case L.Unreachable: return translateUnreachable(tx, i);
    case L.Phi: return; // block parameters, made by blockParamsForPhis
    case L.Call: return translateCall(tx, i);
    case L.LandingPad: return translateLandingPad(tx, i);
    case L.VAArg: return translateVaArg(tx, i);
    case L.Freeze: {
      const v = body.operand(i, 0);
      const n = tx.L.leaves(body.ty[i]!);
      const buf = tx.buf;
      for (let k = 0; k < n; k++) buf[k] = tx.leaf(v, k);
      tx.define(body.val[i]!, buf, n);
      return;
    }
  }
  throw tx.err('this instruction is not supported');
}

