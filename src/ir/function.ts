// The CLIF function: dense integer ids for values, instructions, blocks, stack
// slots and declarations, with per-entity data in typed-array columns and
// variable-length lists in pools. A Function can be reset() and reused for the
// next function so its arrays are not reallocated.

import { Type, INVALID, I8, I32, laneOf, halfWidth, doubleWidth, isVector, asInt, splitLanesNarrow, mergeLanesWide } from './types.js';
import { CallConv } from './immediates.js';
import { Format, Results, opcodeFormat, opcodeResults, opcodeCtrl, CTRL_NONE, Opcode, Op } from './opcodes.js';

export type Value = number;
export type Inst = number;
export type Block = number;

/** One parameter or return of a signature: a type and ParamFlag bits. */
export interface AbiParam {
  type: Type;
  flags: number;
}

export interface Signature {
  params: AbiParam[];
  returns: AbiParam[];
  callConv: CallConv;
  /**
   * A call through this signature calls a C variadic function (text: the
   * word `variadic` after the calling convention). `params` lists every
   * argument of the call, fixed and variadic alike; System V then needs %al =
   * the number of vector registers the arguments use. Absent means false.
   */
  variadic?: boolean;
  /**
   * Calls through this signature never unwind (text: the word `nounwind`
   * after the calling convention, after `variadic` if both), as LLVM's
   * `nounwind`: the LSDA gives them no call-site entry. Absent means false.
   */
  nounwind?: boolean;
}

/**
 * Items of a try_call's exception table. Tag, Default and Context are
 * Cranelift's; Cleanup, Catch and Filter are the LLVM landing-pad clauses
 * (see README, "Exceptions"). Every item but Context has a handler block call.
 */
export const enum ExnItem {
  /** `tagN: block(...)`: data = N. */
  Tag = 0,
  /** `default: block(...)`: catch-all (LLVM `catch ptr null`). data unused. */
  Default = 1,
  /** `context vN`: data = the value. No handler. */
  Context = 2,
  /** `cleanup: block(...)`: the landing pad runs for any exception. data unused. */
  Cleanup = 3,
  /** `catch %sym: block(...)`: data = index of the type-info symbol in Function.exnSymbols. */
  Catch = 4,
  /** `filter [%a, %b]: block(...)`: data = exnListPool index of [count, symbol index...]. */
  Filter = 5,
}

/** A block-call argument that is the try_call's k-th return value (`retK`), not a value. */
export function retArg(k: number): number {
  return -2 - 2 * k;
}
/** A block-call argument that is the k-th exception payload (`exnK`: 0 = rax, the exception pointer; 1 = rdx, the selector). */
export function exnArg(k: number): number {
  return -3 - 2 * k;
}
/** For a block-call argument a < 0: its index k in retK / exnK. */
export function specialArgIndex(a: number): number {
  return (-2 - a) >> 1;
}
/** Whether block-call argument a (< 0) is an exnK (else a retK). */
export function isExnArg(a: number): boolean {
  return ((-2 - a) & 1) === 1;
}

export interface StackSlot {
  size: number;
  /** Alignment in bytes (a power of two); 1 when the text gives none. */
  align: number;
  /** `key = N` from the text, or -1. */
  key: number;
}

/** `fnN = [colocated] [patchable] %name sigM` */
export interface FuncRef {
  name: string;
  sig: number;
  colocated: boolean;
  patchable: boolean;
}

export const enum GlobalValueKind { VMContext, Load, IAddImm, Symbol, DynScaleTargetConst }

/** `gvN = ...`: the preamble's global values. Fields not used by a kind are 0/''. */
export interface GlobalValueData {
  kind: GlobalValueKind;
  /** Base global value for Load and IAddImm, else -1. */
  base: number;
  /** Offset for Load and Symbol; the addend for IAddImm (may exceed 32 bits). */
  offset: bigint;
  type: Type;
  /** MemFlags for Load. */
  flags: number;
  name: string;
  colocated: boolean;
  tls: boolean;
}

export const enum ValueKind { Result = 0, Param = 1 }

function grow<A extends Int32Array | Uint16Array | Uint8Array>(a: A, need: number): A {
  if (need <= a.length) return a;
  let n = a.length * 2;
  while (n < need) n *= 2;
  const b = new (a.constructor as { new (n: number): A })(n);
  b.set(a);
  return b;
}

export class Function {
  name = '';
  signature: Signature = { params: [], returns: [], callConv: CallConv.SystemV };
  stackSlots: StackSlot[] = [];
  sigs: Signature[] = [];
  funcRefs: FuncRef[] = [];
  globalValues: GlobalValueData[] = [];
  /** Constant pool: vconst/f128const data and shuffle masks, little-endian bytes, lane 0 first. */
  constants: Uint8Array[] = [];
  /** The personality routine the function's landing pads use (`personality = %name`), or ''. */
  personality = '';
  /**
   * ISA flags this function enables beyond its module's target (has_avx2,
   * has_fma ..., from LLVM's per-function "target-features"); the code
   * generator adds them to the target's flags for this function only.
   * Shared, never mutated.
   */
  isaFlags: readonly string[] = [];
  /** Type-info symbols named by `catch` and `filter` items, each once. */
  exnSymbols: string[] = [];
  /**
   * Exception tables, one per try_call, in one pool: a table is [sig ref,
   * func ref (-1 for try_call_indirect), item count, (kind, data) per item]; exnTableStart[t] is where table t
   * starts. A try_call's block calls are its normal return first, then one
   * per item other than Context, in item order; callPool[imm0 - 1] holds its
   * table id (imm0/imm1 index its block calls as for branches).
   */
  exnPool = new Int32Array(16);
  exnPoolLen = 0;
  exnTableStart: number[] = [];
  /** Filter lists: [count, exnSymbols index...] each. */
  exnListPool = new Int32Array(8);
  exnListPoolLen = 0;

  // Values.
  numValues = 0;
  valueType = new Uint16Array(64);
  /** Defining instruction (Result) or block (Param). */
  valueDef = new Int32Array(64);
  /** Result index or parameter index. */
  valueNum = new Uint16Array(64);
  valueKind = new Uint8Array(64);

  // Instructions.
  numInsts = 0;
  instOp = new Uint16Array(64);
  /** Controlling type (INVALID for non-polymorphic opcodes). */
  instType = new Uint16Array(64);
  instArgStart = new Int32Array(64);
  instArgCount = new Uint16Array(64);
  instFirstResult = new Int32Array(64);
  instNumResults = new Uint16Array(64);
  /** Immediates; what they mean depends on the format (see opcodes.ts). */
  instImm0 = new Int32Array(64);
  instImm1 = new Int32Array(64);
  instBlock = new Int32Array(64);
  instNext = new Int32Array(64);
  instPrev = new Int32Array(64);
  /** Source location (`@hex` in text), or -1. */
  instSrcLoc = new Int32Array(64);

  /** Operand lists, addressed by (start, count). */
  argPool = new Int32Array(256);
  argPoolLen = 0;
  /**
   * Block calls of branches: each is [block, nargs, arg...]. A branch's imm0 is
   * the pool index of its first block call and imm1 the number of block calls.
   */
  callPool = new Int32Array(256);
  callPoolLen = 0;

  // Blocks.
  numBlocks = 0;
  blockParamStart = new Int32Array(16);
  blockParamCount = new Uint16Array(16);
  blockFirstInst = new Int32Array(16);
  blockLastInst = new Int32Array(16);
  blockNext = new Int32Array(16);
  blockPrev = new Int32Array(16);
  blockCold = new Uint8Array(16);
  blockInLayout = new Uint8Array(16);
  paramPool = new Int32Array(64);
  paramPoolLen = 0;
  firstBlock = -1;
  lastBlock = -1;

  /**
   * Grows the columns so that `insts` instructions, `values` values, `args`
   * operands and `blocks` blocks fit without reallocating (a hint; appends still grow).
   */
  reserve(insts: number, values: number, args: number, blocks: number): void {
    if (insts > this.instOp.length) {
      // One backing store for all instruction columns: 8 of 4 bytes, then 4 of 2 bytes.
      const n = (insts + 3) & ~3;
      const buf = new ArrayBuffer(n * 40);
      const i32 = (k: number, old: Int32Array) => {
        const a = new Int32Array(buf, k * n * 4, n);
        a.set(old.subarray(0, this.numInsts));
        return a;
      };
      const u16 = (k: number, old: Uint16Array) => {
        const a = new Uint16Array(buf, n * 32 + k * n * 2, n);
        a.set(old.subarray(0, this.numInsts));
        return a;
      };
      this.instArgStart = i32(0, this.instArgStart);
      this.instFirstResult = i32(1, this.instFirstResult);
      this.instImm0 = i32(2, this.instImm0);
      this.instImm1 = i32(3, this.instImm1);
      this.instBlock = i32(4, this.instBlock);
      this.instNext = i32(5, this.instNext);
      this.instPrev = i32(6, this.instPrev);
      this.instSrcLoc = i32(7, this.instSrcLoc);
      this.instOp = u16(0, this.instOp);
      this.instType = u16(1, this.instType);
      this.instArgCount = u16(2, this.instArgCount);
      this.instNumResults = u16(3, this.instNumResults);
    }
    if (values > this.valueType.length) {
      const n = (values + 3) & ~3;
      const buf = new ArrayBuffer(n * 9);
      const def = new Int32Array(buf, 0, n);
      def.set(this.valueDef.subarray(0, this.numValues));
      const type = new Uint16Array(buf, n * 4, n);
      type.set(this.valueType.subarray(0, this.numValues));
      const num = new Uint16Array(buf, n * 6, n);
      num.set(this.valueNum.subarray(0, this.numValues));
      const kind = new Uint8Array(buf, n * 8, n);
      kind.set(this.valueKind.subarray(0, this.numValues));
      this.valueDef = def;
      this.valueType = type;
      this.valueNum = num;
      this.valueKind = kind;
    }
    if (args > this.argPool.length) this.argPool = grow(this.argPool, args);
    if (blocks > this.blockParamStart.length) {
      this.blockParamStart = grow(this.blockParamStart, blocks);
      this.blockParamCount = grow(this.blockParamCount, blocks);
      this.blockFirstInst = grow(this.blockFirstInst, blocks);
      this.blockLastInst = grow(this.blockLastInst, blocks);
      this.blockNext = grow(this.blockNext, blocks);
      this.blockPrev = grow(this.blockPrev, blocks);
      this.blockCold = grow(this.blockCold, blocks);
      this.blockInLayout = grow(this.blockInLayout, blocks);
    }
  }

  /** Empties the function, keeping its arrays for reuse. */
  reset(): void {
    this.name = '';
    this.signature = { params: [], returns: [], callConv: CallConv.SystemV };
    this.stackSlots = [];
    this.sigs = [];
    this.funcRefs = [];
    this.globalValues = [];
    this.constants = [];
    this.personality = '';
    this.isaFlags = [];
    this.exnSymbols = [];
    this.exnPoolLen = 0;
    this.exnTableStart = [];
    this.exnListPoolLen = 0;
    this.numValues = 0;
    this.numInsts = 0;
    this.argPoolLen = 0;
    this.callPoolLen = 0;
    this.numBlocks = 0;
    this.paramPoolLen = 0;
    this.firstBlock = -1;
    this.lastBlock = -1;
  }

  // ---- values ----

  private newValue(type: Type, kind: ValueKind, def: number, num: number): Value {
    const v = this.numValues++;
    if (v >= this.valueType.length) {
      const n = v + 1;
      this.valueType = grow(this.valueType, n);
      this.valueDef = grow(this.valueDef, n);
      this.valueNum = grow(this.valueNum, n);
      this.valueKind = grow(this.valueKind, n);
    }
    this.valueType[v] = type;
    this.valueKind[v] = kind;
    this.valueDef[v] = def;
    this.valueNum[v] = num;
    return v;
  }

  // ---- blocks ----

  /** Creates a block that is not yet in the layout. */
  createBlock(): Block {
    const b = this.numBlocks++;
    if (b >= this.blockParamStart.length) {
      const n = b + 1;
      this.blockParamStart = grow(this.blockParamStart, n);
      this.blockParamCount = grow(this.blockParamCount, n);
      this.blockFirstInst = grow(this.blockFirstInst, n);
      this.blockLastInst = grow(this.blockLastInst, n);
      this.blockNext = grow(this.blockNext, n);
      this.blockPrev = grow(this.blockPrev, n);
      this.blockCold = grow(this.blockCold, n);
      this.blockInLayout = grow(this.blockInLayout, n);
    }
    this.blockParamStart[b] = this.paramPoolLen;
    this.blockParamCount[b] = 0;
    this.blockFirstInst[b] = -1;
    this.blockLastInst[b] = -1;
    this.blockNext[b] = -1;
    this.blockPrev[b] = -1;
    this.blockCold[b] = 0;
    this.blockInLayout[b] = 0;
    return b;
  }

  /** Appends a block to the end of the layout. */
  appendBlock(b: Block): void {
    this.blockPrev[b] = this.lastBlock;
    this.blockNext[b] = -1;
    if (this.lastBlock >= 0) this.blockNext[this.lastBlock] = b;
    else this.firstBlock = b;
    this.lastBlock = b;
    this.blockInLayout[b] = 1;
  }

  /** Puts a block into the layout right after `after` (which is in the layout). */
  insertBlockAfter(b: Block, after: Block): void {
    const next = this.blockNext[after];
    this.blockPrev[b] = after;
    this.blockNext[b] = next;
    this.blockNext[after] = b;
    if (next >= 0) this.blockPrev[next] = b;
    else this.lastBlock = b;
    this.blockInLayout[b] = 1;
  }

  /** The entry block: the first block in the layout. */
  entryBlock(): Block {
    return this.firstBlock;
  }

  /** Adds a parameter to a block; its list moves to the end of the pool if others follow it. */
  appendBlockParam(b: Block, type: Type): Value {
    let start = this.blockParamStart[b];
    const count = this.blockParamCount[b];
    if (start + count !== this.paramPoolLen) {
      if (this.paramPoolLen + count + 1 > this.paramPool.length) this.paramPool = grow(this.paramPool, this.paramPoolLen + count + 1);
      this.paramPool.copyWithin(this.paramPoolLen, start, start + count);
      start = this.paramPoolLen;
      this.blockParamStart[b] = start;
      this.paramPoolLen += count;
    }
    if (this.paramPoolLen + 1 > this.paramPool.length) this.paramPool = grow(this.paramPool, this.paramPoolLen + 1);
    const v = this.newValue(type, ValueKind.Param, b, count);
    this.paramPool[this.paramPoolLen++] = v;
    this.blockParamCount[b] = count + 1;
    return v;
  }

  blockParam(b: Block, i: number): Value {
    return this.paramPool[this.blockParamStart[b] + i];
  }

  // ---- instructions ----

  private newInst(op: Opcode, type: Type): Inst {
    const i = this.numInsts++;
    if (i >= this.instOp.length) {
      const n = i + 1;
      this.instOp = grow(this.instOp, n);
      this.instType = grow(this.instType, n);
      this.instArgStart = grow(this.instArgStart, n);
      this.instArgCount = grow(this.instArgCount, n);
      this.instFirstResult = grow(this.instFirstResult, n);
      this.instNumResults = grow(this.instNumResults, n);
      this.instImm0 = grow(this.instImm0, n);
      this.instImm1 = grow(this.instImm1, n);
      this.instBlock = grow(this.instBlock, n);
      this.instNext = grow(this.instNext, n);
      this.instPrev = grow(this.instPrev, n);
      this.instSrcLoc = grow(this.instSrcLoc, n);
    }
    this.instOp[i] = op;
    this.instType[i] = type;
    this.instArgStart[i] = this.argPoolLen;
    this.instArgCount[i] = 0;
    this.instFirstResult[i] = -1;
    this.instNumResults[i] = 0;
    this.instImm0[i] = 0;
    this.instImm1[i] = 0;
    this.instBlock[i] = -1;
    this.instNext[i] = -1;
    this.instPrev[i] = -1;
    this.instSrcLoc[i] = -1;
    return i;
  }

  /**
   * Creates an instruction at the end of block `b` with operands `args`
   * (not including block-call arguments) and immediates, and creates its
   * results from the opcode's result rule. For branches, add block calls with
   * addBlockCall() right after. Returns the instruction.
   */
  appendInst(b: Block, op: Opcode, ctrlType: Type, args: ArrayLike<number>, imm0 = 0, imm1 = 0): Inst {
    return this.appendInstFrom(b, op, ctrlType, args, 0, args.length, imm0, imm1);
  }

  /** appendInst() with the operands args[start, start + n). */
  appendInstFrom(b: Block, op: Opcode, ctrlType: Type, args: ArrayLike<number>, start: number, n: number, imm0: number, imm1: number): Inst {
    const i = this.newInst(op, ctrlType);
    const base = this.argPoolLen;
    if (base + n > this.argPool.length) this.argPool = grow(this.argPool, base + n);
    const pool = this.argPool;
    for (let k = 0; k < n; k++) pool[base + k] = args[start + k];
    this.argPoolLen = base + n;
    this.instArgCount[i] = n;
    this.instImm0[i] = imm0;
    this.instImm1[i] = imm1;
    const f = opcodeFormat[op];
    if (f === Format.Jump || f === Format.Brif || f === Format.BranchTable) {
      this.instImm0[i] = this.callPoolLen;
      this.instImm1[i] = 0;
    }
    this.makeResults(i);
    this.linkAtEnd(b, i);
    return i;
  }

  /** Appends a block call `block(args)` to branch instruction `i` (the last one created). */
  addBlockCall(i: Inst, block: Block, args: ArrayLike<number>): void {
    this.addBlockCallFrom(i, block, args, 0, args.length);
  }

  /** addBlockCall() with the arguments args[start, start + n). */
  addBlockCallFrom(i: Inst, block: Block, args: ArrayLike<number>, start: number, n: number): void {
    let p = this.callPoolLen;
    if (p + 2 + n > this.callPool.length) this.callPool = grow(this.callPool, p + 2 + n);
    const pool = this.callPool;
    pool[p++] = block;
    pool[p++] = n;
    for (let k = 0; k < n; k++) pool[p++] = args[start + k];
    this.callPoolLen = p;
    this.instImm1[i]++;
  }

  /**
   * Creates `try_call fnRef(args), sig, ...` (op = Op.try_call) or
   * `try_call_indirect args[0](args[1..]), sig, ...` (Op.try_call_indirect,
   * fnRef = -1) at the end of block `b`, with an empty exception table. `sig`
   * is the table's signature (for try_call, the func ref's). Then, in this
   * order: addBlockCall(i, normal, args) for the normal return (args may hold
   * retArg(k)), and per item addExnHandler() (args may hold exnArg(k)) or
   * addExnContext().
   */
  appendTryCall(b: Block, op: Opcode, fnRef: number, sig: number, args: ArrayLike<number>): Inst {
    return this.appendTryCallFrom(b, op, fnRef, sig, args, 0, args.length);
  }

  /** appendTryCall() with the operands args[start, start + n). */
  appendTryCallFrom(b: Block, op: Opcode, fnRef: number, sig: number, args: ArrayLike<number>, start: number, n: number): Inst {
    const t = this.exnTableStart.length;
    this.exnTableStart.push(this.exnPoolLen);
    this.exnPush(sig, op === Op.try_call ? fnRef : -1);
    this.exnPush(0, 0);
    this.exnPoolLen--;
    if (this.callPoolLen + 1 > this.callPool.length) this.callPool = grow(this.callPool, this.callPoolLen + 1);
    this.callPool[this.callPoolLen++] = t;
    const i = this.appendInstFrom(b, op, INVALID, args, start, n, 0, 0);
    this.instImm0[i] = this.callPoolLen;
    this.instImm1[i] = 0;
    return i;
  }

  private exnPush(a: number, b: number): void {
    if (this.exnPoolLen + 2 > this.exnPool.length) this.exnPool = grow(this.exnPool, this.exnPoolLen + 2);
    this.exnPool[this.exnPoolLen++] = a;
    this.exnPool[this.exnPoolLen++] = b;
  }

  /** Adds a handler item to try_call `i` (the last one created, after its normal-return block call). */
  addExnHandler(i: Inst, kind: ExnItem, data: number, block: Block, args: ArrayLike<number>): void {
    this.addExnHandlerFrom(i, kind, data, block, args, 0, args.length);
  }

  addExnHandlerFrom(i: Inst, kind: ExnItem, data: number, block: Block, args: ArrayLike<number>, start: number, n: number): void {
    const t = this.exnTable(i);
    if (this.exnTableStart[t] + 3 + 2 * this.exnPool[this.exnTableStart[t] + 2] !== this.exnPoolLen) throw new Error('internal error: handlers must be added to the last exception table');
    this.exnPush(kind, data);
    this.exnPool[this.exnTableStart[t] + 2]++;
    this.addBlockCallFrom(i, block, args, start, n);
  }

  /** Adds `context v` to try_call `i`'s exception table. */
  addExnContext(i: Inst, v: Value): void {
    const t = this.exnTable(i);
    if (this.exnTableStart[t] + 3 + 2 * this.exnPool[this.exnTableStart[t] + 2] !== this.exnPoolLen) throw new Error('internal error: handlers must be added to the last exception table');
    this.exnPush(ExnItem.Context, v);
    this.exnPool[this.exnTableStart[t] + 2]++;
  }

  /** The index of `sym` in exnSymbols (added if new): the data of a Catch item, an entry of a filter list. */
  exnSymbol(sym: string): number {
    let k = this.exnSymbols.indexOf(sym);
    if (k < 0) k = this.exnSymbols.push(sym) - 1;
    return k;
  }

  /** Stores a filter's type-info list (exnSymbol indices); returns the data of a Filter item. */
  addExnFilter(syms: ArrayLike<number>): number {
    const at = this.exnListPoolLen;
    const n = syms.length;
    if (at + n + 1 > this.exnListPool.length) this.exnListPool = grow(this.exnListPool, at + n + 1);
    this.exnListPool[this.exnListPoolLen++] = n;
    for (let k = 0; k < n; k++) this.exnListPool[this.exnListPoolLen++] = syms[k];
    return at;
  }

  /** The exception table id of try_call `i`. */
  exnTable(i: Inst): number {
    return this.callPool[this.instImm0[i] - 1];
  }
  /** Number of items of table t. */
  exnItemCount(t: number): number {
    return this.exnPool[this.exnTableStart[t] + 2];
  }
  exnItemKind(t: number, k: number): ExnItem {
    return this.exnPool[this.exnTableStart[t] + 3 + 2 * k];
  }
  exnItemData(t: number, k: number): number {
    return this.exnPool[this.exnTableStart[t] + 4 + 2 * k];
  }
  /** The func ref a try_call with table t calls (-1 for try_call_indirect). */
  exnFuncRef(t: number): number {
    return this.exnPool[this.exnTableStart[t] + 1];
  }
  /** The signature ref of table t. */
  exnSig(t: number): number {
    return this.exnPool[this.exnTableStart[t]];
  }
  /** The symbol indices of a Filter item's list (data = its pool index). */
  exnFilterList(data: number): number[] {
    const n = this.exnListPool[data];
    return Array.from(this.exnListPool.subarray(data + 1, data + 1 + n));
  }

  /** Pool index of the k-th block call of branch `i` (walks the list; k is small except for br_table). */
  blockCallAt(i: Inst, k: number): number {
    let p = this.instImm0[i];
    for (let j = 0; j < k; j++) p += 2 + this.callPool[p + 1];
    return p;
  }

  private linkAtEnd(b: Block, i: Inst): void {
    const last = this.blockLastInst[b];
    this.instBlock[i] = b;
    this.instPrev[i] = last;
    this.instNext[i] = -1;
    if (last >= 0) this.instNext[last] = i;
    else this.blockFirstInst[b] = i;
    this.blockLastInst[b] = i;
  }

  /** The signature a call or call_indirect instruction uses. */
  callSignature(i: Inst): Signature {
    const op = this.instOp[i];
    if (op === Op.call || op === Op.return_call) return this.sigs[this.funcRefs[this.instImm0[i]].sig];
    if (op === Op.try_call || op === Op.try_call_indirect) return this.sigs[this.exnSig(this.exnTable(i))];
    return this.sigs[this.instImm0[i]];
  }

  private makeResults(i: Inst): void {
    const op = this.instOp[i];
    const t = this.instType[i];
    const first = this.numValues;
    let count = 0;
    const R = ValueKind.Result;
    switch (opcodeResults[op] as Results) {
      case Results.None: break;
      case Results.Ctrl: this.newValue(t, R, i, count++); break;
      case Results.CtrlFlag: this.newValue(t, R, i, count++); this.newValue(I8, R, i, count++); break;
      case Results.CtrlCtrl: this.newValue(t, R, i, count++); this.newValue(t, R, i, count++); break;
      case Results.CtrlI32: this.newValue(t, R, i, count++); this.newValue(I32, R, i, count++); break;
      case Results.Cmp: this.newValue(isVector(t) ? asInt(t) : I8, R, i, count++); break;
      case Results.Split: this.newValue(halfWidth(t), R, i, count++); this.newValue(halfWidth(t), R, i, count++); break;
      case Results.Concat: this.newValue(doubleWidth(t), R, i, count++); break;
      case Results.Lane: this.newValue(laneOf(t), R, i, count++); break;
      case Results.Narrow: this.newValue(splitLanesNarrow(t), R, i, count++); break;
      case Results.Widen: this.newValue(mergeLanesWide(t), R, i, count++); break;
      case Results.I8: this.newValue(I8, R, i, count++); break;
      case Results.CallSig: for (const r of this.callSignature(i).returns) this.newValue(r.type, R, i, count++); break;
    }
    this.instFirstResult[i] = count > 0 ? first : -1;
    this.instNumResults[i] = count;
  }

  /** The k-th operand of instruction `i`. */
  arg(i: Inst, k: number): Value {
    return this.argPool[this.instArgStart[i] + k];
  }

  /** The first result of `i` (or -1). */
  result(i: Inst): Value {
    return this.instFirstResult[i];
  }

  /** Replaces operand k of instruction `i`. */
  setArg(i: Inst, k: number, v: Value): void {
    this.argPool[this.instArgStart[i] + k] = v;
  }

  /** Whether an opcode's controlling type is fixed by the opcode (no `.T` suffix, no operand). */
  static isMonomorphic(op: Opcode): boolean {
    return opcodeCtrl[op] === CTRL_NONE;
  }
}

export { INVALID };
