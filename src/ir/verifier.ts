// The CLIF verifier: needs a built Function; produces the list of everything
// wrong with it (layout and terminators, operand counts and types per opcode,
// immediates and preamble references, block calls, signatures, SSA dominance).
// Scratch arrays are module-level and reused between functions.

import { type Function, type Signature, ExnItem, specialArgIndex, isExnArg } from './function.js';
import {
  Type, INVALID, I8, I16, I32, I64, I128, F32, F64, typeName, typeBits, laneBits, laneCount, laneOf, isVector, isInt, isFloat,
  isScalarInt, halfWidth, doubleWidth, asInt, splitLanesNarrow, mergeLanesWide, vectorOf,
} from './types.js';
import {
  Format, Results, Prop, opcodeNames, opcodeFormat, opcodeCtrl, opcodeResults, opcodeProps, opcodeCount, Op,
} from './opcodes.js';
import { TrapCode, MemFlag, CallConv, callConvNames } from './immediates.js';
import { fail } from '../support/diag.js';
import { immediateDominators } from './dominators.js';

export interface VerifierError {
  /** The offending instruction, or -1. */
  inst: number;
  /** The offending block (or the instruction's block), or -1. */
  block: number;
  message: string;
}

/** Optional text names for messages (a ParsedFunction has both). */
export interface VerifierNames {
  valueNames?: string[];
  blockNames?: string[];
}

const I8X16 = vectorOf(I8, 16);

// ---- reusable scratch ----
let instPos = new Int32Array(256);      // layout position of each instruction, -1 if not in the layout
let rpoNum = new Int32Array(64);        // reverse post-order number, -1 if unreachable
let idom = new Int32Array(64);
let rpo = new Int32Array(64);
let stackB = new Int32Array(64);
let stackK = new Int32Array(64);
let predStart = new Int32Array(65);
let preds = new Int32Array(128);
let domPre = new Int32Array(64);
let domPost = new Int32Array(64);
let childStart = new Int32Array(65);
let children = new Int32Array(64);
let succStart = new Int32Array(65);
let succ = new Int32Array(64);

/** `a` if it holds n entries, else a larger array with a's contents. */
function need(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (a.length >= n) return a;
  let m = a.length * 2;
  while (m < n) m *= 2;
  const b = new Int32Array(m);
  b.set(a);
  return b;
}

class Checker {
  f: Function;
  errors: VerifierError[] = [];
  names: VerifierNames | undefined;
  numReachable = 0;

  constructor(f: Function, names: VerifierNames | undefined) {
    this.f = f;
    this.names = names;
  }

  valueName(v: number): string {
    return this.names?.valueNames?.[v] ?? `v${v}`;
  }
  blockName(b: number): string {
    return this.names?.blockNames?.[b] ?? `block${b}`;
  }

  err(inst: number, message: string): void {
    const f = this.f;
    const block = inst >= 0 && inst < f.numInsts ? f.instBlock[inst] : -1;
    const text = inst >= 0 && inst < f.numInsts ? `${opcodeNames[f.instOp[inst]]}: ${message}` : message;
    this.errors.push({ inst, block, message: text });
  }
  blockErr(block: number, message: string): void {
    this.errors.push({ inst: -1, block, message });
  }

  // ---- preamble ----

  checkSig(sig: Signature, what: string): void {
    for (let k = 0; k < sig.params.length; k++) {
      if (!validType(sig.params[k].type)) this.blockErr(-1, `${what}: parameter ${k} has no valid type`);
    }
    for (let k = 0; k < sig.returns.length; k++) {
      if (!validType(sig.returns[k].type)) this.blockErr(-1, `${what}: return ${k} has no valid type`);
    }
  }

  preamble(): void {
    const f = this.f;
    this.checkSig(f.signature, 'signature');
    for (let s = 0; s < f.stackSlots.length; s++) {
      const a = f.stackSlots[s].align;
      if (!(a >= 1 && (a & (a - 1)) === 0)) this.blockErr(-1, `ss${s}: alignment ${a} is not a power of two`);
      if (f.stackSlots[s].size < 0) this.blockErr(-1, `ss${s}: negative size ${f.stackSlots[s].size}`);
    }
    for (let s = 0; s < f.sigs.length; s++) this.checkSig(f.sigs[s], `sig${s}`);
    for (let k = 0; k < f.funcRefs.length; k++) {
      const sig = f.funcRefs[k].sig;
      if (!(sig >= 0 && sig < f.sigs.length)) this.blockErr(-1, `fn${k}: signature sig${sig} does not exist`);
    }
    for (let k = 0; k < f.globalValues.length; k++) {
      const base = f.globalValues[k].base;
      if (base !== -1 && !(base >= 0 && base < f.globalValues.length && base !== k)) {
        this.blockErr(-1, `gv${k}: base gv${base} does not exist`);
      }
    }
  }

  // ---- layout ----

  /** Numbers instructions in layout order; checks block contents and terminators. */
  layout(): void {
    const f = this.f;
    instPos = need(instPos, f.numInsts);
    instPos.fill(-1, 0, f.numInsts);
    if (f.firstBlock < 0) {
      this.blockErr(-1, 'function has no blocks');
      return;
    }
    let pos = 0;
    let guard = 0;
    for (let b = f.firstBlock; b >= 0; b = f.blockNext[b]) {
      if (++guard > f.numBlocks) {
        this.blockErr(b, 'block layout has a cycle');
        return;
      }
      if (!f.blockInLayout[b]) this.blockErr(b, `${this.blockName(b)} is linked into the layout but not marked as in it`);
      const first = f.blockFirstInst[b];
      if (first < 0) {
        this.blockErr(b, `${this.blockName(b)} is empty; a block must end with a terminator`);
        continue;
      }
      let iguard = 0;
      for (let i = first; i >= 0; i = f.instNext[i]) {
        if (++iguard > f.numInsts || instPos[i] >= 0) {
          this.blockErr(b, `${this.blockName(b)}: instruction list has a cycle`);
          break;
        }
        instPos[i] = pos++;
        if (f.instBlock[i] !== b) this.err(i, `instruction is listed in ${this.blockName(b)} but records block ${f.instBlock[i]}`);
        const term = (opcodeProps[f.instOp[i]] & Prop.Terminator) !== 0;
        const last = f.instNext[i] < 0;
        if (term && !last) this.err(i, `terminator in the middle of ${this.blockName(b)}`);
        if (last && !term) this.err(i, `${this.blockName(b)} does not end with a terminator`);
      }
    }
    const entry = f.firstBlock;
    const sp = f.signature.params;
    const n = f.blockParamCount[entry];
    if (n !== sp.length) {
      this.blockErr(entry, `entry block ${this.blockName(entry)} has ${n} parameters, the signature has ${sp.length}`);
    } else {
      for (let k = 0; k < n; k++) {
        const t = f.valueType[f.blockParam(entry, k)];
        if (t !== sp[k].type) {
          this.blockErr(entry, `entry block parameter ${k} has type ${typeName(t)}, the signature says ${typeName(sp[k].type)}`);
        }
      }
    }
  }

  // ---- CFG and dominators ----

  /** Whether a branch's targets can be followed (block ids in range). */
  targetOk(b: number): boolean {
    return b >= 0 && b < this.f.numBlocks && this.f.blockInLayout[b] === 1;
  }

  /** Reverse post-order from the entry, predecessor lists, immediate dominators and dominator-tree intervals. */
  dominators(): void {
    const f = this.f;
    const nb = f.numBlocks;
    rpoNum = need(rpoNum, nb);
    idom = need(idom, nb);
    rpo = need(rpo, nb);
    stackB = need(stackB, nb + 1);
    stackK = need(stackK, nb + 1);
    domPre = need(domPre, nb);
    domPost = need(domPost, nb);
    predStart = need(predStart, nb + 1);
    childStart = need(childStart, nb + 1);
    children = need(children, nb);
    rpoNum.fill(-1, 0, nb);
    idom.fill(-1, 0, nb);
    domPre.fill(-1, 0, nb);
    domPost.fill(-1, 0, nb);
    if (f.firstBlock < 0) return;

    // Successor lists (CSR) from each block's terminator; -3 marks a bad target.
    succStart = need(succStart, nb + 1);
    let ns = 0;
    for (let b = 0; b < nb; b++) {
      succStart[b] = ns;
      const t = f.blockInLayout[b] ? f.blockLastInst[b] : -1;
      if (t < 0 || !(opcodeProps[f.instOp[t]] & Prop.Branch)) continue;
      const n = f.instImm1[t];
      succ = need(succ, ns + n);
      let p = f.instImm0[t];
      for (let k = 0; k < n && p + 1 < f.callPoolLen; k++) {
        const target = f.callPool[p];
        succ[ns++] = this.targetOk(target) ? target : -3;
        p += 2 + f.callPool[p + 1];
      }
    }
    succStart[nb] = ns;

    // Post-order DFS; stackK holds the next successor position.
    const visited = rpoNum; // -2 = seen, before numbering
    let post = 0;
    let sp = 0;
    stackB[sp] = f.firstBlock;
    stackK[sp++] = succStart[f.firstBlock];
    visited[f.firstBlock] = -2;
    while (sp > 0) {
      const b = stackB[sp - 1];
      const k = stackK[sp - 1];
      if (k >= succStart[b + 1]) {
        rpo[post++] = b;
        sp--;
        continue;
      }
      stackK[sp - 1] = k + 1;
      const s = succ[k];
      if (s >= 0 && visited[s] === -1) {
        visited[s] = -2;
        stackB[sp] = s;
        stackK[sp++] = succStart[s];
      }
    }
    // rpo[0..post) is post-order; reverse it in place and number it.
    for (let a = 0, z = post - 1; a < z; a++, z--) {
      const x = rpo[a];
      rpo[a] = rpo[z];
      rpo[z] = x;
    }
    for (let j = 0; j < post; j++) rpoNum[rpo[j]] = j;
    this.numReachable = post;

    // Predecessors (reachable ones only), CSR.
    predStart.fill(0, 0, nb + 1);
    let edges = 0;
    for (let j = 0; j < post; j++) {
      const b = rpo[j];
      for (let k = succStart[b]; k < succStart[b + 1]; k++) {
        if (succ[k] >= 0) {
          predStart[succ[k] + 1]++;
          edges++;
        }
      }
    }
    for (let b = 0; b < nb; b++) predStart[b + 1] += predStart[b];
    preds = need(preds, edges);
    const fillPos = stackK;
    for (let b = 0; b < nb; b++) fillPos[b] = predStart[b];
    for (let j = 0; j < post; j++) {
      const b = rpo[j];
      for (let k = succStart[b]; k < succStart[b + 1]; k++) {
        if (succ[k] >= 0) preds[fillPos[succ[k]]++] = b;
      }
    }

    immediateDominators(rpo, post, rpoNum, predStart, preds, idom);
    const entry = f.firstBlock;

    // Dominator tree intervals, for constant-time dominance queries.
    childStart.fill(0, 0, nb + 1);
    for (let j = 1; j < post; j++) childStart[idom[rpo[j]] + 1]++;
    for (let b = 0; b < nb; b++) childStart[b + 1] += childStart[b];
    for (let b = 0; b < nb; b++) fillPos[b] = childStart[b];
    for (let j = 1; j < post; j++) {
      const b = rpo[j];
      children[fillPos[idom[b]]++] = b;
    }
    let clock = 0;
    sp = 0;
    stackB[sp] = entry;
    stackK[sp++] = childStart[entry];
    domPre[entry] = clock++;
    while (sp > 0) {
      const b = stackB[sp - 1];
      const c = stackK[sp - 1];
      if (c < childStart[b + 1]) {
        stackK[sp - 1] = c + 1;
        const ch = children[c];
        domPre[ch] = clock++;
        stackB[sp] = ch;
        stackK[sp++] = childStart[ch];
      } else {
        domPost[b] = clock++;
        sp--;
      }
    }
  }

  dominates(a: number, b: number): boolean {
    return domPre[a] <= domPre[b] && domPost[b] <= domPost[a];
  }

  /** Checks that value v may be used at instruction i (operand description `what`). */
  use(i: number, v: number, what: string): boolean {
    const f = this.f;
    if (!(v >= 0 && v < f.numValues)) {
      this.err(i, `${what} is value ${v}, which does not exist`);
      return false;
    }
    const def = f.valueDef[v];
    const b = f.instBlock[i];
    let defBlock: number;
    if (f.valueKind[v] === 0) {
      if (instPos[def] < 0) {
        this.err(i, `${what} (${this.valueName(v)}) is defined by an instruction that is not in the layout`);
        return true;
      }
      if (def === i) {
        this.err(i, `${what} (${this.valueName(v)}) is a result of the instruction itself`);
        return true;
      }
      defBlock = f.instBlock[def];
      if (rpoNum[b] < 0) return true;
      if (defBlock === b) {
        if (instPos[def] > instPos[i]) this.err(i, `${what} (${this.valueName(v)}) is used before it is defined`);
        return true;
      }
    } else {
      defBlock = def;
      if (!f.blockInLayout[defBlock]) {
        this.err(i, `${what} (${this.valueName(v)}) is a parameter of ${this.blockName(defBlock)}, which is not in the layout`);
        return true;
      }
      if (rpoNum[b] < 0) return true;
    }
    if (rpoNum[defBlock] < 0 || !this.dominates(defBlock, b)) {
      this.err(i, `${what} (${this.valueName(v)}) is defined in ${this.blockName(defBlock)}, which does not dominate this use`);
    }
    return true;
  }

  // ---- instructions ----

  /** Checks operand k of i against type t; false (with an error) if it differs. */
  want(i: number, k: number, t: Type): boolean {
    const f = this.f;
    const v = f.argPool[f.instArgStart[i] + k];
    if (!(v >= 0 && v < f.numValues)) return false;
    const at = f.valueType[v];
    if (at !== t) {
      this.err(i, `operand ${k} has type ${typeName(at)}, expected ${typeName(t)}`);
      return false;
    }
    return true;
  }

  argType(i: number, k: number): Type {
    const f = this.f;
    const v = f.argPool[f.instArgStart[i] + k];
    return v >= 0 && v < f.numValues ? f.valueType[v] : INVALID;
  }

  /** Every operand from `from` on has type t. */
  wantAll(i: number, t: Type, from = 0): void {
    const n = this.f.instArgCount[i];
    for (let k = from; k < n; k++) this.want(i, k, t);
  }

  badCtrl(i: number, what: string): void {
    this.err(i, `type ${typeName(this.f.instType[i])} is not ${what}`);
  }

  wantAddr(i: number, k: number): void {
    const t = this.argType(i, k);
    if (t !== INVALID && t !== I64 && t !== I32) this.err(i, `operand ${k} has type ${typeName(t)}, expected an address (i32 or i64)`);
  }

  wantScalarInt(i: number, k: number, what: string): void {
    const t = this.argType(i, k);
    if (t !== INVALID && !isScalarInt(t)) this.err(i, `${what} (operand ${k}) has type ${typeName(t)}, expected a scalar integer`);
  }

  checkTrapCode(i: number, code: number): void {
    if (!((code >= TrapCode.StackOverflow && code <= TrapCode.BadConversionToInteger) ||
      (code > TrapCode.UserBase && code <= TrapCode.UserBase + 255))) {
      this.err(i, `trap code ${code} does not exist`);
    }
  }

  checkMemFlags(i: number, flags: number): void {
    if ((flags & MemFlag.Little) && (flags & MemFlag.Big)) this.err(i, 'memory flags say both little and big endian');
    const code = flags >>> MemFlag.TrapShift;
    if (code !== 0) this.checkTrapCode(i, code);
  }

  /** Block calls of a branch: count, targets, argument counts and types, argument dominance. */
  blockCalls(i: number, expected: number): void {
    const f = this.f;
    const n = f.instImm1[i];
    if (expected >= 0 ? n !== expected : n < 1) {
      this.err(i, `has ${n} block calls, expected ${expected >= 0 ? expected : 'at least 1'}`);
    }
    let p = f.instImm0[i];
    for (let k = 0; k < n; k++) {
      if (p + 1 >= f.callPoolLen) {
        this.err(i, `block call ${k} lies outside the block-call pool`);
        return;
      }
      const target = f.callPool[p];
      const na = f.callPool[p + 1];
      if (!(target >= 0 && target < f.numBlocks)) {
        this.err(i, `target ${k} is block ${target}, which does not exist`);
      } else if (!f.blockInLayout[target]) {
        this.err(i, `target ${this.blockName(target)} is not in the layout`);
      } else {
        const np = f.blockParamCount[target];
        if (na !== np) {
          this.err(i, `passes ${na} arguments to ${this.blockName(target)}, which has ${np} parameters`);
        }
        const m = na < np ? na : np;
        for (let a = 0; a < m; a++) {
          const v = f.callPool[p + 2 + a];
          if (!this.use(i, v, `argument ${a} to ${this.blockName(target)}`)) continue;
          const pt = f.valueType[f.blockParam(target, a)];
          if (f.valueType[v] !== pt) {
            this.err(i, `argument ${a} to ${this.blockName(target)} has type ${typeName(f.valueType[v])}, expected ${typeName(pt)}`);
          }
        }
        for (let a = m; a < na; a++) this.use(i, f.callPool[p + 2 + a], `argument ${a} to ${this.blockName(target)}`);
      }
      p += 2 + na;
    }
  }

  /** Arguments from operand `from` on against a signature's params. */
  callArgs(i: number, sig: Signature, from: number): void {
    const f = this.f;
    const n = f.instArgCount[i] - from;
    if (n !== sig.params.length) {
      this.err(i, `has ${n} arguments, the signature has ${sig.params.length} parameters`);
      return;
    }
    for (let k = 0; k < n; k++) {
      const t = this.argType(i, from + k);
      if (t !== INVALID && t !== sig.params[k].type) {
        this.err(i, `argument ${k} has type ${typeName(t)}, the signature says ${typeName(sig.params[k].type)}`);
      }
    }
  }

  /**
   * try_call / try_call_indirect: the exception table (signature, items,
   * callee), the arguments, and the block calls: the normal return first,
   * whose arguments may be retN (the signature's returns), then one handler
   * per item but `context`, whose arguments may be exnN (two i64 payloads:
   * the exception pointer and the selector). Clause items need a personality.
   */
  tryCall(i: number, op: number): void {
    const f = this.f;
    const c0 = f.instImm0[i];
    const t = c0 >= 1 && c0 <= f.callPoolLen ? f.callPool[c0 - 1] : -1;
    if (!(t >= 0 && t < f.exnTableStart.length)) { this.err(i, `exception table ${t} does not exist`); return; }
    const s = f.exnSig(t);
    if (!(s >= 0 && s < f.sigs.length)) { this.err(i, `exception table signature sig${s} does not exist`); return; }
    const sig = f.sigs[s];
    if (op === Op.try_call) {
      const fr = f.exnFuncRef(t);
      if (!(fr >= 0 && fr < f.funcRefs.length)) { this.err(i, `function fn${fr} does not exist`); return; }
      const fs = f.funcRefs[fr].sig;
      if (fs !== s && !(fs >= 0 && fs < f.sigs.length && sameSignature(f.sigs[fs], sig))) {
        this.err(i, `exception table signature sig${s} did not match function fn${fr}'s signature sig${fs}`);
      }
      this.callArgs(i, sig, 0);
    } else {
      if (f.instArgCount[i] < 1) { this.err(i, 'has no callee operand'); return; }
      this.wantAddr(i, 0);
      this.callArgs(i, sig, 1);
    }
    const cc = sig.callConv;
    if (cc !== CallConv.SystemV && cc !== CallConv.Tail && cc !== CallConv.PreserveAll && cc !== CallConv.Winch && cc !== CallConv.AppleAarch64) {
      this.err(i, `calling convention \`${callConvNames[cc]}\` of callee does not support exceptions`);
    }
    const nItems = f.exnItemCount(t);
    let handlers = 0;
    for (let k = 0; k < nItems; k++) {
      const kind = f.exnItemKind(t, k), data = f.exnItemData(t, k);
      switch (kind) {
        case ExnItem.Context: this.use(i, data, 'exception context'); continue;
        case ExnItem.Tag: case ExnItem.Default: break;
        case ExnItem.Cleanup: case ExnItem.Catch: case ExnItem.Filter:
          if (f.personality === '') this.err(i, 'cleanup, catch and filter items need a personality declaration (personality = %name)');
          if (kind === ExnItem.Catch && !(data >= 0 && data < f.exnSymbols.length)) this.err(i, `type-info symbol ${data} does not exist`);
          if (kind === ExnItem.Filter) {
            if (!(data >= 0 && data < f.exnListPoolLen && data + f.exnListPool[data] < f.exnListPoolLen)) this.err(i, `filter list ${data} does not exist`);
            else for (const x of f.exnFilterList(data)) if (!(x >= 0 && x < f.exnSymbols.length)) this.err(i, `type-info symbol ${x} does not exist`);
          }
          break;
        default: this.err(i, `exception table item kind ${kind} does not exist`); continue;
      }
      handlers++;
    }
    const n = f.instImm1[i];
    if (n !== handlers + 1) { this.err(i, `has ${n} block calls, the exception table needs ${handlers + 1}`); return; }
    let p = c0;
    for (let k = 0; k < n; k++) {
      if (p + 1 >= f.callPoolLen) { this.err(i, `block call ${k} lies outside the block-call pool`); return; }
      const target = f.callPool[p];
      const na = f.callPool[p + 1];
      if (!(target >= 0 && target < f.numBlocks)) this.err(i, `target ${k} is block ${target}, which does not exist`);
      else if (!f.blockInLayout[target]) this.err(i, `target ${this.blockName(target)} is not in the layout`);
      else {
        const np = f.blockParamCount[target];
        if (na !== np) this.err(i, `mismatched argument count: passes ${na} arguments to ${this.blockName(target)}, which has ${np} parameters`);
        for (let a = 0; a < na; a++) {
          const v = f.callPool[p + 2 + a];
          let at: Type = INVALID;
          let name: string;
          if (v >= 0) {
            name = this.valueName(v);
            if (this.use(i, v, `argument ${a} to ${this.blockName(target)}`)) at = f.valueType[v];
          } else if (!isExnArg(v)) {
            const r = specialArgIndex(v);
            name = `ret${r}`;
            if (k !== 0) this.err(i, `\`retN\` block argument used outside normal-return target of \`try_call\` (ret${r} to ${this.blockName(target)})`);
            else if (r >= sig.returns.length) this.err(i, `out-of-bounds \`retN\` block argument: ret${r}, the signature has ${sig.returns.length} returns`);
            else at = sig.returns[r].type;
          } else {
            const x = specialArgIndex(v);
            name = `exn${x}`;
            if (k === 0) this.err(i, `\`exnN\` block argument used in the normal-return target of \`try_call\` (exn${x} to ${this.blockName(target)})`);
            else if (x >= 2) this.err(i, `out-of-bounds \`exnN\` block argument: exn${x}, there are two payloads (exn0, exn1)`);
            else at = I64;
          }
          if (at !== INVALID && a < np) {
            const pt = f.valueType[f.blockParam(target, a)];
            if (at !== pt) this.err(i, `arg ${name} has type ${typeName(at)}, expected ${typeName(pt)}`);
          }
        }
      }
      p += 2 + na;
    }
  }

  sameReturns(i: number, sig: Signature): void {
    const r = this.f.signature.returns;
    let same = r.length === sig.returns.length;
    for (let k = 0; same && k < r.length; k++) same = r[k].type === sig.returns[k].type;
    if (!same) this.err(i, 'tail call callee returns differ from the caller\'s returns');
  }

  inst(i: number): void {
    const f = this.f;
    const op = f.instOp[i];
    if (op >= opcodeCount) {
      this.errors.push({ inst: i, block: f.instBlock[i], message: `opcode ${op} does not exist` });
      return;
    }
    const fmt = opcodeFormat[op] as Format;
    const nargs = f.instArgCount[i];
    const fixed = formatArity(fmt);
    if (fixed >= 0 && nargs !== fixed) {
      this.err(i, `has ${nargs} operands, expected ${fixed}`);
      return;
    }
    // Every operand must exist and be available here.
    let ok = true;
    for (let k = 0; k < nargs; k++) {
      if (!this.use(i, f.argPool[f.instArgStart[i] + k], `operand ${k}`)) ok = false;
    }
    if (!ok) return;

    const T = f.instType[i];
    const ctrl = opcodeCtrl[op];
    if (ctrl >= 0) {
      const at = this.argType(i, ctrl);
      if (at !== T) {
        this.err(i, `controlling type ${typeName(T)} differs from operand ${ctrl}'s type ${typeName(at)}`);
        return;
      }
    } else if (ctrl === -1 && !validType(T)) {
      this.err(i, 'needs an explicit controlling type');
      return;
    }
    if (!this.types(i, op, T)) return;
    this.results(i, op, T);
  }

  /** The opcode's type constraints and immediates. Returns false if results cannot be derived. */
  types(i: number, op: number, T: Type): boolean {
    const f = this.f;
    const imm0 = f.instImm0[i];
    switch (op) {
      case Op.iconst: {
        if (!(isScalarInt(T) && T !== I128)) { this.badCtrl(i, 'an integer type of at most 64 bits'); return false; }
        const bits = typeBits(T);
        const hi = f.instImm1[i];
        const fits = bits === 64 || (hi === 0 && (bits === 32 || (imm0 >>> bits) === 0));
        if (!fits) this.err(i, `immediate does not fit in ${typeName(T)}`);
        return true;
      }
      case Op.f16const: case Op.f32const: case Op.f64const: case Op.nop: case Op.fence: case Op.debugtrap:
        return true;
      case Op.f128const: case Op.vconst: {
        if (op === Op.vconst && !isVector(T)) { this.badCtrl(i, 'a vector type'); return false; }
        const t = op === Op.f128const ? 16 : typeBits(T) >> 3;
        if (!(imm0 >= 0 && imm0 < f.constants.length)) this.err(i, `constant const${imm0} does not exist`);
        else if (f.constants[imm0].length !== t) this.err(i, `constant const${imm0} has ${f.constants[imm0].length} bytes, expected ${t}`);
        return true;
      }

      case Op.iadd: case Op.isub: case Op.ineg: case Op.iabs: case Op.imul: case Op.umulhi: case Op.smulhi:
      case Op.udiv: case Op.sdiv: case Op.urem: case Op.srem: case Op.uadd_sat: case Op.sadd_sat:
      case Op.usub_sat: case Op.ssub_sat: case Op.avg_round: case Op.smin: case Op.smax: case Op.umin: case Op.umax:
      case Op.bitrev: case Op.clz: case Op.cls: case Op.ctz: case Op.popcnt:
        if (!isInt(T)) { this.badCtrl(i, 'an integer type'); return false; }
        this.wantAll(i, T, 1);
        return true;
      case Op.bswap:
        if (!isInt(T) || laneBits(T) < 16) { this.badCtrl(i, 'an integer type of at least 16 bits'); return false; }
        return true;
      case Op.uadd_overflow: case Op.sadd_overflow: case Op.usub_overflow: case Op.ssub_overflow:
      case Op.umul_overflow: case Op.smul_overflow:
        if (!isScalarInt(T)) { this.badCtrl(i, 'a scalar integer type'); return false; }
        this.want(i, 1, T);
        return true;
      case Op.uadd_overflow_cin: case Op.sadd_overflow_cin: case Op.usub_overflow_bin: case Op.ssub_overflow_bin:
        if (!isScalarInt(T)) { this.badCtrl(i, 'a scalar integer type'); return false; }
        this.want(i, 1, T);
        this.want(i, 2, I8);
        return true;
      case Op.uadd_overflow_trap:
        if (T !== I32 && T !== I64) { this.badCtrl(i, 'i32 or i64'); return false; }
        this.want(i, 1, T);
        this.checkTrapCode(i, imm0);
        return true;

      case Op.band: case Op.bor: case Op.bxor: case Op.bnot: case Op.band_not: case Op.bor_not: case Op.bxor_not:
      case Op.bitselect:
        if (!validType(T)) { this.badCtrl(i, 'a valid type'); return false; }
        this.wantAll(i, T);
        return true;
      case Op.bmask: {
        if (!isInt(T)) { this.badCtrl(i, 'an integer type'); return false; }
        const x = this.argType(i, 0);
        if (!isInt(x)) this.err(i, `operand 0 has type ${typeName(x)}, expected an integer type`);
        return true;
      }
      case Op.rotl: case Op.rotr: case Op.ishl: case Op.ushr: case Op.sshr:
        if (!isInt(T)) { this.badCtrl(i, 'an integer type'); return false; }
        this.wantScalarInt(i, 1, 'shift amount');
        return true;

      case Op.icmp:
        if (!isInt(T)) { this.badCtrl(i, 'an integer type'); return false; }
        if (imm0 < 0 || imm0 > 9) this.err(i, `condition code ${imm0} does not exist`);
        this.want(i, 1, T);
        return true;
      case Op.fcmp:
        if (!isFloat(T)) { this.badCtrl(i, 'a float type'); return false; }
        if (imm0 < 0 || imm0 > 13) this.err(i, `condition code ${imm0} does not exist`);
        this.want(i, 1, T);
        return true;
      case Op.select: case Op.select_spectre_guard:
        if (!validType(T)) { this.badCtrl(i, 'a valid type'); return false; }
        this.wantScalarInt(i, 0, 'condition');
        this.want(i, 2, T);
        return true;

      case Op.uextend: case Op.sextend: case Op.ireduce: {
        const x = this.argType(i, 0);
        if (!isInt(T)) { this.badCtrl(i, 'an integer type'); return false; }
        if (!isInt(x) || laneCount(x) !== laneCount(T)) {
          this.err(i, `operand 0 has type ${typeName(x)}, expected an integer type with as many lanes as ${typeName(T)}`);
          return false;
        }
        const grows = op !== Op.ireduce;
        if (grows ? laneBits(T) <= laneBits(x) : laneBits(T) >= laneBits(x)) {
          this.err(i, `result type ${typeName(T)} must be ${grows ? 'wider' : 'narrower'} than operand type ${typeName(x)}`);
        }
        return true;
      }
      case Op.iconcat:
        if (!(isScalarInt(T) && T !== I128)) { this.badCtrl(i, 'a scalar integer type of at most 64 bits'); return false; }
        this.want(i, 1, T);
        return true;
      case Op.isplit:
        if (!(isScalarInt(T) && T !== I8)) { this.badCtrl(i, 'a scalar integer type of at least 16 bits'); return false; }
        return true;

      case Op.fadd: case Op.fsub: case Op.fmul: case Op.fdiv: case Op.sqrt: case Op.fma: case Op.fneg: case Op.fabs:
      case Op.fcopysign: case Op.ceil: case Op.floor: case Op.trunc: case Op.nearest: case Op.fmin: case Op.fmax:
        if (!isFloat(T)) { this.badCtrl(i, 'a float type'); return false; }
        this.wantAll(i, T, 1);
        return true;
      case Op.fpromote: case Op.fdemote: {
        const x = this.argType(i, 0);
        if (!isFloat(T)) { this.badCtrl(i, 'a float type'); return false; }
        if (!isFloat(x) || laneCount(x) !== laneCount(T)) {
          this.err(i, `operand 0 has type ${typeName(x)}, expected a float type with as many lanes as ${typeName(T)}`);
          return true;
        }
        const grows = op === Op.fpromote;
        if (grows ? laneBits(T) <= laneBits(x) : laneBits(T) >= laneBits(x)) {
          this.err(i, `result type ${typeName(T)} must be ${grows ? 'wider' : 'narrower'} than operand type ${typeName(x)}`);
        }
        return true;
      }
      case Op.fvpromote_low:
        if (T !== vectorOf(F32, 4)) { this.badCtrl(i, 'f32x4'); return false; }
        return true;
      case Op.fvdemote:
        if (T !== vectorOf(F64, 2)) { this.badCtrl(i, 'f64x2'); return false; }
        return true;
      case Op.fcvt_to_uint: case Op.fcvt_to_sint: case Op.fcvt_to_uint_sat: case Op.fcvt_to_sint_sat: {
        const x = this.argType(i, 0);
        if (!isInt(T)) { this.badCtrl(i, 'an integer type'); return false; }
        if (!isFloat(x) || laneCount(x) !== laneCount(T)) {
          this.err(i, `operand 0 has type ${typeName(x)}, expected a float type with as many lanes as ${typeName(T)}`);
        }
        return true;
      }
      case Op.fcvt_from_uint: case Op.fcvt_from_sint: {
        const x = this.argType(i, 0);
        if (!isFloat(T)) { this.badCtrl(i, 'a float type'); return false; }
        if (!isInt(x) || laneCount(x) !== laneCount(T)) {
          this.err(i, `operand 0 has type ${typeName(x)}, expected an integer type with as many lanes as ${typeName(T)}`);
        }
        return true;
      }
      case Op.bitcast: {
        const x = this.argType(i, 0);
        if (typeBits(x) !== typeBits(T)) {
          this.err(i, `cannot change ${typeBits(x)} bits of ${typeName(x)} into ${typeBits(T)} bits of ${typeName(T)}`);
        }
        this.checkMemFlags(i, imm0);
        return true;
      }

      case Op.splat: case Op.scalar_to_vector:
        if (!isVector(T)) { this.badCtrl(i, 'a vector type'); return false; }
        this.want(i, 0, laneOf(T));
        return true;
      case Op.extractlane: case Op.insertlane:
        if (!isVector(T)) { this.badCtrl(i, 'a vector type'); return false; }
        if (!(imm0 >= 0 && imm0 < laneCount(T))) this.err(i, `lane ${imm0} is out of range for ${typeName(T)}`);
        if (op === Op.insertlane) this.want(i, 1, laneOf(T));
        return true;
      case Op.shuffle: {
        this.wantAll(i, I8X16);
        const c = f.constants[imm0];
        if (!(imm0 >= 0 && imm0 < f.constants.length)) this.err(i, `mask const${imm0} does not exist`);
        else if (c.length !== 16) this.err(i, `mask has ${c.length} bytes, expected 16`);
        else for (let k = 0; k < 16; k++) if (c[k] >= 32) { this.err(i, `mask byte ${k} is ${c[k]}, expected below 32`); break; }
        return true;
      }
      case Op.swizzle:
        this.wantAll(i, I8X16);
        return true;
      case Op.vany_true: case Op.vall_true:
        if (!isVector(T)) { this.badCtrl(i, 'a vector type'); return false; }
        return true;
      case Op.vhigh_bits: {
        if (!isScalarInt(T)) { this.badCtrl(i, 'a scalar integer type'); return false; }
        const x = this.argType(i, 0);
        if (!isVector(x)) this.err(i, `operand 0 has type ${typeName(x)}, expected a vector type`);
        return true;
      }
      case Op.snarrow: case Op.unarrow: case Op.uunarrow:
        if (!(isVector(T) && isInt(T) && laneBits(T) >= 16)) { this.badCtrl(i, 'an integer vector type with lanes of at least 16 bits'); return false; }
        this.want(i, 1, T);
        return true;
      case Op.swiden_low: case Op.swiden_high: case Op.uwiden_low: case Op.uwiden_high:
        if (!(isVector(T) && isInt(T) && laneBits(T) <= 64)) { this.badCtrl(i, 'an integer vector type with lanes of at most 64 bits'); return false; }
        return true;
      case Op.iadd_pairwise: case Op.sqmul_round_sat:
        if (!(isVector(T) && isInt(T))) { this.badCtrl(i, 'an integer vector type'); return false; }
        this.want(i, 1, T);
        return true;

      case Op.load:
        if (!validType(T)) { this.badCtrl(i, 'a valid type'); return false; }
        this.wantAddr(i, 0);
        this.checkMemFlags(i, imm0);
        return true;
      case Op.uload8: case Op.sload8: case Op.uload16: case Op.sload16: case Op.uload32: case Op.sload32: {
        const from = op <= Op.sload8 ? 8 : op <= Op.sload16 ? 16 : 32;
        if (!(isScalarInt(T) && typeBits(T) > from && T !== I128)) { this.badCtrl(i, `a scalar integer type wider than ${from} bits and at most 64`); return false; }
        this.wantAddr(i, 0);
        this.checkMemFlags(i, imm0);
        return true;
      }
      case Op.store:
        if (!validType(T)) { this.badCtrl(i, 'a valid type'); return false; }
        this.wantAddr(i, 1);
        this.checkMemFlags(i, imm0);
        return true;
      case Op.istore8: case Op.istore16: case Op.istore32: {
        const to = op === Op.istore8 ? 8 : op === Op.istore16 ? 16 : 32;
        if (!(isScalarInt(T) && typeBits(T) > to && T !== I128)) { this.badCtrl(i, `a scalar integer type wider than ${to} bits and at most 64`); return false; }
        this.wantAddr(i, 1);
        this.checkMemFlags(i, imm0);
        return true;
      }
      case Op.stack_addr:
        if (T !== I64 && T !== I32) { this.badCtrl(i, 'an address type (i32 or i64)'); return false; }
        if (!(imm0 >= 0 && imm0 < f.stackSlots.length)) this.err(i, `stack slot ss${imm0} does not exist`);
        return true;
      case Op.global_value: case Op.symbol_value: case Op.tls_value:
        if (op === Op.global_value ? !isScalarInt(T) : T !== I64 && T !== I32) { this.badCtrl(i, op === Op.global_value ? 'a scalar integer type' : 'an address type (i32 or i64)'); return false; }
        if (!(imm0 >= 0 && imm0 < f.globalValues.length)) this.err(i, `global value gv${imm0} does not exist`);
        return true;
      case Op.func_addr:
        if (T !== I64 && T !== I32) { this.badCtrl(i, 'an address type (i32 or i64)'); return false; }
        if (!(imm0 >= 0 && imm0 < f.funcRefs.length)) this.err(i, `function fn${imm0} does not exist`);
        return true;
      case Op.x86_rdtsc: case Op.x86_rdtscp:
        if (T !== I64) { this.badCtrl(i, 'i64'); return false; }
        return true;
      case Op.x86_rdrand: case Op.x86_rdseed:
        if (T !== I16 && T !== I32 && T !== I64) { this.badCtrl(i, 'i16, i32 or i64'); return false; }
        return true;
      case Op.x86_xgetbv:
        if (T !== I64) { this.badCtrl(i, 'i64'); return false; }
        if (this.argType(i, 0) !== I32) this.err(i, `operand 0 has type ${typeName(this.argType(i, 0))}, expected i32`);
        return true;
      case Op.x86_ldmxcsr: case Op.x86_stmxcsr: case Op.x86_clflush:
        if (this.argType(i, 0) !== I64) this.err(i, `operand 0 has type ${typeName(this.argType(i, 0))}, expected an i64 address`);
        return true;
      case Op.x86_lfence: case Op.x86_sfence: case Op.x86_pause:
        return true;
      case Op.get_frame_pointer: case Op.get_stack_pointer: case Op.get_return_address:
        if (T !== I64 && T !== I32) { this.badCtrl(i, 'an address type (i32 or i64)'); return false; }
        return true;

      case Op.atomic_load: case Op.atomic_store: case Op.atomic_rmw: case Op.atomic_cas:
        if (!isScalarInt(T)) { this.badCtrl(i, 'a scalar integer type'); return false; }
        this.checkMemFlags(i, imm0);
        if (op === Op.atomic_load) this.wantAddr(i, 0);
        else if (op === Op.atomic_store) this.wantAddr(i, 1);
        else if (op === Op.atomic_rmw) {
          this.wantAddr(i, 0);
          this.want(i, 1, T);
          if (!(f.instImm1[i] >= 0 && f.instImm1[i] <= 10)) this.err(i, `atomic operation ${f.instImm1[i]} does not exist`);
        } else {
          this.wantAddr(i, 0);
          this.want(i, 2, T);
        }
        return true;

      case Op.va_start:
        if (this.argType(i, 0) !== I64) this.err(i, `operand 0 has type ${typeName(this.argType(i, 0))}, expected an i64 address`);
        if (!f.signature.variadic) this.err(i, 'va_start needs a variadic function (`variadic` after its calling convention)');
        else if (f.signature.callConv !== CallConv.SystemV) this.err(i, 'va_start needs the system_v calling convention');
        return true;

      case Op.jump:
        this.blockCalls(i, 1);
        return true;
      case Op.brif:
        this.wantScalarInt(i, 0, 'condition');
        this.blockCalls(i, 2);
        return true;
      case Op.br_table:
        this.want(i, 0, I32);
        this.blockCalls(i, -1);
        return true;
      case Op.return: {
        const r = f.signature.returns;
        if (f.instArgCount[i] !== r.length) {
          this.err(i, `returns ${f.instArgCount[i]} values, the signature has ${r.length}`);
          return true;
        }
        for (let k = 0; k < r.length; k++) {
          const t = this.argType(i, k);
          if (t !== r[k].type) this.err(i, `return value ${k} has type ${typeName(t)}, the signature says ${typeName(r[k].type)}`);
        }
        return true;
      }
      case Op.call: case Op.return_call: {
        if (!(imm0 >= 0 && imm0 < f.funcRefs.length)) { this.err(i, `function fn${imm0} does not exist`); return false; }
        const s = f.funcRefs[imm0].sig;
        if (!(s >= 0 && s < f.sigs.length)) return false;
        this.callArgs(i, f.sigs[s], 0);
        if (op === Op.return_call) this.sameReturns(i, f.sigs[s]);
        return true;
      }
      case Op.call_indirect: case Op.return_call_indirect: {
        if (!(imm0 >= 0 && imm0 < f.sigs.length)) { this.err(i, `signature sig${imm0} does not exist`); return false; }
        if (f.instArgCount[i] < 1) { this.err(i, 'has no callee operand'); return false; }
        this.wantAddr(i, 0);
        this.callArgs(i, f.sigs[imm0], 1);
        if (op === Op.return_call_indirect) this.sameReturns(i, f.sigs[imm0]);
        return true;
      }
      case Op.try_call: case Op.try_call_indirect:
        this.tryCall(i, op);
        return true;
      case Op.trap:
        this.checkTrapCode(i, imm0);
        return true;
      case Op.trapz: case Op.trapnz:
        this.wantScalarInt(i, 0, 'condition');
        this.checkTrapCode(i, imm0);
        return true;
    }
    return true;
  }

  /** Result count and types against the opcode's result rule. */
  results(i: number, op: number, T: Type): void {
    const f = this.f;
    const n = f.instNumResults[i];
    const r0 = f.instFirstResult[i];
    let e0 = INVALID, e1 = INVALID, count = 1;
    switch (opcodeResults[op] as Results) {
      case Results.None: count = 0; break;
      case Results.Ctrl:
        e0 = op === Op.f16const ? 6 : op === Op.f32const ? F32 : op === Op.f64const ? F64 : op === Op.f128const ? 9
          : op === Op.shuffle || op === Op.swizzle ? I8X16 : T;
        break;
      case Results.CtrlFlag: e0 = T; e1 = I8; count = 2; break;
      case Results.CtrlCtrl: e0 = T; e1 = T; count = 2; break;
      case Results.CtrlI32: e0 = T; e1 = I32; count = 2; break;
      case Results.Cmp: e0 = isVector(T) ? asInt(T) : I8; break;
      case Results.Split: e0 = halfWidth(T); e1 = e0; count = 2; break;
      case Results.Concat: e0 = doubleWidth(T); break;
      case Results.Lane: e0 = laneOf(T); break;
      case Results.Narrow: e0 = splitLanesNarrow(T); break;
      case Results.Widen: e0 = mergeLanesWide(T); break;
      case Results.I8: e0 = I8; break;
      case Results.CallSig: {
        const sig = f.callSignature(i);
        if (n !== sig.returns.length) {
          this.err(i, `has ${n} results, the signature has ${sig.returns.length} returns`);
          return;
        }
        for (let k = 0; k < n; k++) {
          const t = f.valueType[r0 + k];
          if (t !== sig.returns[k].type) this.err(i, `result ${k} has type ${typeName(t)}, the signature says ${typeName(sig.returns[k].type)}`);
        }
        return;
      }
    }
    if (n !== count) {
      this.err(i, `has ${n} results, expected ${count}`);
      return;
    }
    if (count > 0 && f.valueType[r0] !== e0) this.err(i, `result 0 has type ${typeName(f.valueType[r0])}, expected ${typeName(e0)}`);
    if (count > 1 && f.valueType[r0 + 1] !== e1) this.err(i, `result 1 has type ${typeName(f.valueType[r0 + 1])}, expected ${typeName(e1)}`);
  }

  run(): VerifierError[] {
    const f = this.f;
    this.preamble();
    this.layout();
    if (f.firstBlock < 0) return this.errors;
    this.dominators();
    for (let b = f.firstBlock; b >= 0; b = f.blockNext[b]) {
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        this.inst(i);
        if (this.errors.length > 1000) return this.errors;
      }
    }
    return this.errors;
  }
}

function sameSignature(a: Signature, b: Signature): boolean {
  if (a.callConv !== b.callConv || !!a.variadic !== !!b.variadic || !!a.nounwind !== !!b.nounwind || a.params.length !== b.params.length || a.returns.length !== b.returns.length) return false;
  for (let k = 0; k < a.params.length; k++) if (a.params[k].type !== b.params[k].type || a.params[k].flags !== b.params[k].flags) return false;
  for (let k = 0; k < a.returns.length; k++) if (a.returns[k].type !== b.returns[k].type || a.returns[k].flags !== b.returns[k].flags) return false;
  return true;
}

function validType(t: Type): boolean {
  return t !== INVALID && (isInt(t) || isFloat(t)) && (t & ~0xff) === 0;
}

/** Number of value operands a format takes, or -1 when it varies. */
function formatArity(fmt: Format): number {
  switch (fmt) {
    case Format.NullAry: case Format.UnaryImm: case Format.UnaryIeee16: case Format.UnaryIeee32:
    case Format.UnaryIeee64: case Format.UnaryConst: case Format.Jump: case Format.FuncAddr:
    case Format.StackAddr: case Format.GlobalValue: case Format.Trap:
      return 0;
    case Format.Unary: case Format.BinaryImm8: case Format.Brif: case Format.BranchTable: case Format.Load:
    case Format.LoadNoOffset: case Format.CondTrap:
      return 1;
    case Format.Binary: case Format.TernaryImm8: case Format.Shuffle: case Format.IntCompare:
    case Format.FloatCompare: case Format.Store: case Format.StoreNoOffset: case Format.AtomicRmw: case Format.IntAddTrap:
      return 2;
    case Format.Ternary: case Format.AtomicCas:
      return 3;
    case Format.MultiAry: case Format.Call: case Format.CallIndirect: case Format.TryCall: case Format.TryCallIndirect:
      return -1;
  }
  return -1;
}

/** Everything wrong with `f`; an empty list means it is well formed. */
export function verifyFunction(f: Function, names?: VerifierNames): VerifierError[] {
  return new Checker(f, names).run();
}

/**
 * Verifies `f` and throws a CgtsError listing every error if there are any.
 * `instLines` (from a ParsedFunction) turns instruction ids into text lines.
 */
export function verifyOrThrow(f: Function, where: string, instLines?: Int32Array, names?: VerifierNames): void {
  const errors = verifyFunction(f, names);
  if (errors.length === 0) return;
  const lines = errors.map((e) => {
    const line = e.inst >= 0 && instLines && e.inst < instLines.length ? instLines[e.inst] : 0;
    return line > 0 ? `line ${line}: ${e.message}` : e.message;
  });
  fail(`function ${f.name ? '%' + f.name : ''} failed verification:\n  ${lines.join('\n  ')}`, where);
}

