// Decodes one FUNCTION_BLOCK into a FunctionBody (typed-array columns), from the
// bit position the module reader saved. Independent of other bodies, so bodies
// can be decoded in any order or in parallel workers.
//
// Operand layouts in FunctionBody.ops, per opcode (v = value id, bb = block index,
// T = type id, align = log2(alignment)+1, ord = atomic ordering code):
//   binop [v, v]; flags = bitcode flags (nuw/nsw/exact/disjoint or fast-math)
//   cast [v]; fneg [v]; freeze [v]; resume [v]
//   icmp/fcmp [v, v]; flags = predicate | optional flags << 8
//   select [cond, v, v]; extractelement [v, idx]; insertelement [v, elt, idx]
//   shufflevector [v, v, mask]; extractvalue [agg, i...]; insertvalue [agg, v, i...]
//   alloca [T, size v, align, addrspace]; flags: 1 inalloca, 2 swifterror
//   load [ptr, align]; store [ptr, v, align]; flags: 1 volatile | ord << 1 | syncscope << 4
//   getelementptr [T, base, idx...]; flags = inbounds 1 | nusw 2 | nuw 4
//   fence []; flags: ord << 1 | syncscope << 4
//   cmpxchg [ptr, cmp, new, align]; flags: 1 volatile | 2 weak | success << 2 | failure << 5 | syncscope << 8
//   atomicrmw [ptr, v, align]; flags: 1 volatile | ord << 1 | rmw op << 4 | syncscope << 9
//   ret [] | [v]; br [bb] | [cond, bb, bb]; switch [cond, default bb, (case v, bb)...]
//   unreachable []; phi [(v, bb)...]; landingpad [cleanup, (0 catch | 1 filter, v)...]
//   call [attrs+1, fn T, callee, args...]; flags = call markers (tail 1, cc << 1, musttail, notail) | fast-math << 18
//   invoke [attrs+1, fn T, normal bb, unwind bb, callee, args...]; flags = cc
//   va_arg [list T, list v]

import { BitCursor, Entry } from './bitstream.js';
import { BlockId, FuncCode, VstCode } from './codes.js';
import { readConstantsBlock } from './constants.js';
import { ConstTable, FunctionBody, I32Vec, Module, Op, TypeKind, TypeFlag, type TypeTable } from './module.js';
import { validateConsts } from './reader.js';
import { CgtsError } from '../support/diag.js';

/** Is the opcode a block terminator? */
export function isTerminator(op: number): boolean {
  return op >= Op.Ret && op <= Op.CallBr;
}

const TWO32 = 4294967296;
const FLOAT_BINOP = [Op.FAdd, Op.FSub, Op.FMul, -1, Op.FDiv, -1, Op.FRem];
const EMPTY_BUNDLES: number[][] = [];
const EMPTY_I32: Int32Array = new Int32Array(0);

/**
 * The decoder's state: the function being decoded, the record being read, and
 * per-instruction columns and operand pool that are reused by successive
 * decodes (a body gets exactly-sized copies at the end).
 */
class Decoder {
  m: Module;
  t: TypeTable;
  c: BitCursor;
  body: FunctionBody;
  /** Whether to read the local value symbol table. */
  names = true;
  fname = '';
  fnTy = 0;
  numArgs = 0;
  argBase = 0;
  /** Number of globals, then module values: bounds for typeOf. */
  numGlobals = 0;
  instBase = 0;
  /** Next value id to define. */
  next = 0;
  maxFwd = -1;
  /** Type of the value most recently read by valTy. */
  lastTy = -1;
  voidTy = -1;
  labelTy = -1;
  i1 = -1;
  ptr0 = -1;
  modConstTy: Int32Array = EMPTY_I32;
  fnConstTy: Int32Array = EMPTY_I32;
  /** The record: operands, count, read position. */
  o: Uint32Array = new Uint32Array(0);
  n = 0;
  slot = 0;
  numBlocks = 0;
  curBlock = 0;
  numInsts = 0;
  cur = -1;
  cap = 0;
  op = new Uint8Array(0);
  ty = EMPTY_I32;
  flags = EMPTY_I32;
  opStart = EMPTY_I32;
  opCount = EMPTY_I32;
  val = EMPTY_I32;
  loc = EMPTY_I32;
  ops = EMPTY_I32;
  numOps = 0;
  valueInst = EMPTY_I32;
  numValues = 0;
  blockStart = EMPTY_I32;
  pendingBundles: number[][] = EMPTY_BUNDLES;
  /** The function's constants, copied out exactly sized at the end. */
  consts = new ConstTable(0, 256);

  constructor(m: Module, c: BitCursor, body: FunctionBody) {
    this.m = m;
    this.t = m.types;
    this.c = c;
    this.body = body;
  }

  err(msg: string): CgtsError {
    return this.c.error(`${msg} (function @${this.fname}, instruction ${this.numInsts}, record ${this.c.code})`);
  }

  /** The type of the value just read by valTy, which must be a vector. */
  vectorTy(what: string): number {
    const ty = this.lastTy;
    if (this.t.kind[ty] !== TypeKind.Vector) throw this.err(`${what} operand is not a vector`);
    return ty;
  }

  /** An atomic ordering code (0 not atomic .. 6 seq_cst). */
  ordering(v: number): number {
    if (v > 6) throw this.err(`bad atomic ordering ${v}`);
    return v;
  }

  /** A sync scope id: singlethread, system, or one named in the module. */
  syncScope(v: number): number {
    if (v >= Math.max(2, this.m.syncScopes.length)) throw this.err(`sync scope ${v} does not exist`);
    return v;
  }

  /** Type of a value defined so far, or -1 if it is a forward reference. */
  typeOf(v: number): number {
    if (v < 0) return -1;
    if (v < this.numGlobals) {
      const as = this.m.globals[v]!.addrSpace;
      return as === 0 ? this.ptr0 : this.t.pointer(as);
    }
    if (v < this.argBase) return this.modConstTy[v - this.numGlobals]!;
    if (v < this.argBase + this.numArgs) return this.t.elem(this.fnTy, v - this.argBase);
    if (v < this.instBase) return this.fnConstTy[v - this.body.consts.base]!;
    const k = v - this.instBase;
    if (k < this.numValues) return this.ty[this.valueInst[k]!]!;
    return -1;
  }

  need(k: number): void {
    if (this.slot + k > this.n) throw this.err('instruction record is too short');
  }

  checkType(id: number): number {
    if (!(id >= 0 && id < this.t.length)) throw this.err(`type id ${id} out of range`);
    return id;
  }

  /** A relative value id as an absolute one. */
  absolute(rel: number): number {
    if (rel >= TWO32) throw this.err(`relative value id ${rel} out of range`);
    const v = this.next - rel;
    return v < 0 ? v + TWO32 : v;
  }

  /** A relative value id (with its type if it is a forward reference); sets lastTy. */
  valTy(): number {
    if (this.slot >= this.n) throw this.err('instruction record is too short');
    const v = this.absolute(this.o[this.slot++]!);
    if (v >= this.next) {
      if (this.slot >= this.n) throw this.err('instruction record is too short');
      this.lastTy = this.checkType(this.o[this.slot++]!);
      if (v > this.maxFwd) this.maxFwd = v;
    } else this.lastTy = this.typeOf(v);
    return v;
  }

  /** A relative value id whose type is known from context. */
  valOp(): number {
    if (this.slot >= this.n) throw this.err('instruction record is too short');
    const v = this.absolute(this.o[this.slot++]!);
    if (v >= this.next && v > this.maxFwd) this.maxFwd = v;
    return v;
  }

  bb(x: number | undefined): number {
    if (x === undefined || !(x >= 0 && x < this.numBlocks)) throw this.err(`basic block ${x} out of range`);
    return x;
  }

  push(v: number): void {
    this.ops[this.numOps++] = v;
  }

  /** Starts instruction `numInsts`; room for the record's operands is reserved here. */
  begin(op: Op, ty: number, flags: number): void {
    const i = this.numInsts;
    if (i === this.cap) this.growColumns();
    if (this.numOps + this.n + 8 > this.ops.length) this.growOps(this.numOps + this.n + 8);
    this.cur = i;
    this.op[i] = op;
    this.ty[i] = ty;
    this.flags[i] = flags;
    this.opStart[i] = this.numOps;
    this.loc[i] = -1;
  }

  finish(): void {
    const cur = this.cur;
    this.opCount[cur] = this.numOps - this.opStart[cur]!;
    const ty = this.ty[cur]!;
    if (ty >= 0 && ty !== this.voidTy) {
      this.val[cur] = this.next++;
      if (this.numValues === this.valueInst.length) this.valueInst = grown(this.valueInst, this.numValues);
      this.valueInst[this.numValues++] = cur;
    } else {
      this.ty[cur] = -1;
      this.val[cur] = -1;
    }
    this.numInsts++;
    const op = this.op[cur]!;
    if (op >= Op.Ret && op <= Op.CallBr) {
      this.curBlock++;
      if (this.curBlock < this.numBlocks) this.blockStart[this.curBlock] = this.numInsts;
    }
    if (this.pendingBundles.length) {
      if (op !== Op.Call && op !== Op.Invoke) throw this.err('operand bundle not followed by a call');
      this.pendingBundles = EMPTY_BUNDLES;
    }
  }

  growColumns(): void {
    const keep = this.numInsts;
    const cap = Math.max(256, this.cap * 2);
    const op = new Uint8Array(cap);
    op.set(this.op.subarray(0, keep));
    this.op = op;
    this.ty = grownTo(this.ty, keep, cap);
    this.flags = grownTo(this.flags, keep, cap);
    this.opStart = grownTo(this.opStart, keep, cap);
    this.opCount = grownTo(this.opCount, keep, cap);
    this.val = grownTo(this.val, keep, cap);
    this.loc = grownTo(this.loc, keep, cap);
    this.cap = cap;
  }

  growOps(min: number): void {
    this.ops = grownTo(this.ops, this.numOps, Math.max(min, this.ops.length * 2, 1024));
  }

  fnArgs(fty: number): void {
    const t = this.t;
    const np = t.n[fty]!;
    const o = this.o;
    for (let k = 0; k < np; k++) {
      const pt = t.elem(fty, k);
      if (pt === this.labelTy) this.push(this.bb(o[this.slot++]));
      else if (t.kind[pt] === TypeKind.Metadata) {
        // a metadata id, relative like a value's: metadata is not decoded, so the operand is -1
        if (this.slot++ >= this.n) throw this.err('instruction record is too short');
        this.push(-1);
      }
      else this.push(this.valOp());
    }
    if (t.flags[fty]! & TypeFlag.VarArg) {
      while (this.slot < this.n) this.push(this.valTy());
    } else if (this.slot !== this.n) throw this.err('too many call arguments');
  }

  memberType(agg: number, idx: number): number {
    const r = this.t.member(agg, idx);
    if (r < 0) throw this.err(`index ${idx} out of range for an aggregate`);
    return r;
  }

  newI1(): number {
    if (this.i1 < 0) this.i1 = this.m.cachedTypes.i1 = this.t.add(TypeKind.Integer, 1);
    return this.i1;
  }
}


function grownTo(a: Int32Array, keep: number, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a.subarray(0, keep));
  return b;
}

function grown(a: Int32Array, keep: number): Int32Array {
  return grownTo(a, keep, Math.max(256, a.length * 2));
}

let decoder: Decoder | undefined;

/**
 * Decodes the body of defined function number `index` (an index into
 * Module.bodies). Without `names` the local value symbol table is skipped
 * (`valueNames` and `blockNames` stay empty): code generation never reads them.
 */
export function decodeFunction(m: Module, index: number, names = true): FunctionBody {
  const loc = m.bodies[index];
  if (!loc) throw new CgtsError(`no function body ${index}`, m.fileName);
  const g = m.globals[loc.fn]!;
  const t = m.types;
  const c = m.cursor ?? (m.cursor = new BitCursor(m.bytes, m.fileName, m.blockInfo));
  c.enterSavedBlock(BlockId.Function, loc.abbrevWidth, loc.bodyPos, loc.end);
  c.recordPos = loc.blockPos;

  const fnTy = g.valueType;
  const numArgs = t.n[fnTy]!;
  const argBase = m.numModuleValues;
  const d = decoder ?? (decoder = new Decoder(m, c, NO_BODY));
  d.consts.reset(argBase + numArgs);
  const body = new FunctionBody(loc.fn, d.consts);
  body.numArgs = numArgs;
  body.argBase = argBase;
  body.instBase = argBase + numArgs;
  const ct = m.cachedTypes;
  if (ct.void < 0) {
    ct.void = t.simple(TypeKind.Void);
    ct.label = t.simple(TypeKind.Label);
    for (let k = 0; k < t.length && ct.i1 < 0; k++) if (t.kind[k] === TypeKind.Integer && t.a[k] === 1) ct.i1 = k;
    if (ct.i1 < 0) ct.i1 = t.add(TypeKind.Integer, 1);
    ct.ptr0 = t.pointer(0);
  }

  d.m = m;
  d.t = t;
  d.names = names;
  d.body = body;
  d.c = c;
  d.fname = g.name;
  d.fnTy = fnTy;
  d.numArgs = numArgs;
  d.argBase = argBase;
  d.numGlobals = m.globals.length;
  d.instBase = body.instBase;
  d.next = body.instBase;
  d.maxFwd = -1;
  d.lastTy = -1;
  d.voidTy = ct.void;
  d.labelTy = ct.label;
  d.i1 = ct.i1;
  d.ptr0 = ct.ptr0;
  d.modConstTy = m.consts.type.data;
  d.fnConstTy = EMPTY_I32;
  d.o = c.ops;
  d.n = 0;
  d.slot = 0;
  d.numBlocks = 0;
  d.curBlock = 0;
  d.numInsts = 0;
  d.cur = -1;
  d.numOps = 0;
  d.numValues = 0;
  d.pendingBundles = EMPTY_BUNDLES;
  try {
    readBody(d);
    if (d.curBlock !== d.numBlocks) throw d.err(`function declares ${d.numBlocks} blocks but ${d.curBlock} are terminated`);
    if (d.maxFwd >= d.next) throw d.err(`value id ${d.maxFwd} is used but never defined`);
    if (body.consts.length) validateConsts(body.consts, d.next, `${m.fileName}: byte ${loc.blockPos >>> 3} in FUNCTION block of @${d.fname}`);
    copyOut(d, body);
    checkOperands(body, d.next, d);
  } finally {
    // The shared decoder must not keep the module alive.
    d.m = NO_MODULE;
    d.t = NO_MODULE.types;
    d.c = NO_CURSOR;
    d.body = NO_BODY;
  }
  return body;
}

const NO_MODULE = new Module('', new Uint8Array(0));
const NO_CURSOR = new BitCursor(NO_MODULE.bytes, '');
const NO_BODY = new FunctionBody(-1, new ConstTable(0, 0));

/**
 * Bodies' columns are views into shared chunks: one ArrayBuffer per body
 * would cost an external allocation each. A chunk lives while any body in it does.
 */
const CHUNK_BYTES = 1 << 18;
let chunk = new ArrayBuffer(0);
let chunkAt = 0;

function take(src: Int32Array, len: number): Int32Array {
  const a = new Int32Array(chunk, chunkAt, len);
  if (len < 64) for (let i = 0; i < len; i++) a[i] = src[i]!;
  else a.set(src.subarray(0, len));
  chunkAt += len * 4;
  return a;
}

/** Gives the body exactly-sized copies of the scratch columns. */
function copyOut(d: Decoder, body: FunctionBody): void {
  const ni = d.numInsts;
  const nb = d.numBlocks;
  const ct = d.consts;
  const nc = ct.length;
  const words = ni * 6 + d.numOps + d.numValues + nb + nc * 6 + ct.pool.length;
  const bytes = words * 4 + ((ni + 3) & ~3);
  if (chunkAt + bytes > chunk.byteLength) {
    chunk = new ArrayBuffer(Math.max(CHUNK_BYTES, bytes));
    chunkAt = 0;
  }
  body.ty = take(d.ty, ni);
  body.flags = take(d.flags, ni);
  body.opStart = take(d.opStart, ni);
  body.opCount = take(d.opCount, ni);
  body.val = take(d.val, ni);
  body.loc = take(d.loc, ni);
  body.ops = I32Vec.over(take(d.ops, d.numOps));
  body.valueInst = I32Vec.over(take(d.valueInst, d.numValues));
  body.blockStart = take(d.blockStart, nb);
  const op = new Uint8Array(chunk, chunkAt, ni);
  const sop = d.op;
  for (let i = 0; i < ni; i++) op[i] = sop[i]!;
  chunkAt += (ni + 3) & ~3;
  body.op = op;
  body.consts = nc ? copyConsts(ct) : new ConstTable(ct.base, 0);
  body.numInsts = ni;
  body.numBlocks = nb;
}

/** An exactly-sized copy of a table of constants, its columns in the current chunk. */
function copyConsts(src: ConstTable): ConstTable {
  const t = new ConstTable(src.base, 0);
  const n = src.length;
  t.kind = I32Vec.over(take(src.kind.data, n));
  t.type = I32Vec.over(take(src.type.data, n));
  t.a = I32Vec.over(take(src.a.data, n));
  t.b = I32Vec.over(take(src.b.data, n));
  t.start = I32Vec.over(take(src.start.data, n));
  t.n = I32Vec.over(take(src.n.data, n));
  t.pool = I32Vec.over(take(src.pool.data, src.pool.length));
  if (src.nums.length) t.nums = src.nums.slice();
  if (src.bigs.length) t.bigs = src.bigs.slice();
  if (src.strings.length) t.strings = src.strings.slice();
  if (src.asms.length) t.asms = src.asms.slice();
  return t;
}

function readBody(d: Decoder): void {
  const c = d.c;
  const t = d.t;
  const m = d.m;
  const body = d.body;
  let sawDeclare = false;
  let sawConsts = false;
  let lastLoc = -1;
  let lastInst = -1;
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) break;
    if (e === Entry.SubBlock) {
      switch (c.subBlockId) {
        case BlockId.Constants:
          // Value numbering assumes one constants block, before the instructions.
          if (sawConsts || d.numInsts > 0) throw d.err('a CONSTANTS block after instructions or a second one');
          sawConsts = true;
          readConstantsBlock(c, body.consts, t, Infinity);
          d.next += body.consts.length;
          body.instBase = d.instBase = d.next;
          d.fnConstTy = body.consts.type.data;
          break;
        case BlockId.ValueSymtab:
          if (d.names) readLocalVst(c, body);
          else c.skipBlock();
          break;
        case BlockId.Metadata:
        case BlockId.MetadataAttachment: {
          // Noted for metadata.ts, which decodes them only when asked.
          const id = c.subBlockId;
          const width = c.readVBR(4);
          c.alignTo32();
          const words = c.read(32);
          const end = c.pos + words * 32;
          if (end > c.blockEnd) throw d.err('metadata block runs past the end of the function block');
          body.mdBlocks.push(id, c.pos, end, width);
          c.pos = end;
          break;
        }
        default:
          c.skipBlock();
      }
      continue;
    }
    const code = c.readRecord(e);
    const o = (d.o = c.ops);
    const n = (d.n = c.n);
    d.slot = 0;
    if (code === FuncCode.DeclareBlocks) {
      if (sawDeclare) throw d.err('DECLAREBLOCKS appears twice');
      sawDeclare = true;
      const nb = n > 0 ? o[0]! : 0;
      d.numBlocks = nb;
      if (nb < 1 || nb > (c.blockEnd - c.pos) + 1) throw d.err(`bad block count ${nb}`);
      if (d.blockStart.length < nb) d.blockStart = new Int32Array(Math.max(nb, d.blockStart.length * 2));
      d.blockStart[0] = 0;
      continue;
    }
    if (code === FuncCode.DebugLoc) {
      if (lastInst < 0) throw d.err('DEBUG_LOC before any instruction');
      if (n < 4) throw d.err('DEBUG_LOC record is too short');
      const locs = body.locs;
      lastLoc = locs.length / 5;
      locs.push(o[0]!);
      locs.push(o[1]!);
      locs.push(o[2]!);
      locs.push(o[3]!);
      locs.push(n > 4 ? o[4]! : 0);
      d.loc[lastInst] = lastLoc;
      continue;
    }
    if (code === FuncCode.DebugLocAgain) {
      if (lastInst < 0 || lastLoc < 0) throw d.err('DEBUG_LOC_AGAIN without a previous location');
      d.loc[lastInst] = lastLoc;
      continue;
    }
    if (code >= FuncCode.DebugRecordValue && code <= FuncCode.DebugRecordDeclareValue) {
      if (lastInst < 0) throw d.err('debug record before any instruction');
      body.dbgRecords.push(lastInst);
      body.dbgRecords.push(code);
      body.dbgRecords.push(body.dbgOps.length);
      body.dbgRecords.push(n);
      for (let k = 0; k < n; k++) {
        let v = o[k]!;
        if (code === FuncCode.DebugRecordValueSimple && k === 3) v = d.absolute(v);
        body.dbgOps.push(v);
      }
      continue;
    }
    if (code === FuncCode.OperandBundle) {
      const b: number[] = [n > 0 ? o[0]! : 0];
      d.slot = 1;
      while (d.slot < n) b.push(d.valTy());
      if (d.pendingBundles === EMPTY_BUNDLES) d.pendingBundles = [];
      d.pendingBundles.push(b);
      continue;
    }
    if (code === FuncCode.BlockAddrUsers) continue;
    if (!sawDeclare) throw d.err('instruction before DECLAREBLOCKS');
    if (d.curBlock >= d.numBlocks) throw d.err('instruction after the last basic block');
    decodeInstruction(d, code, o, n, m, t);
    d.finish();
    lastInst = d.cur;
  }
  if (!sawDeclare) throw d.err('function block without DECLAREBLOCKS');
}

/** Decodes one instruction record (its code, operands `o[0..n)`) into `d`. */
type InstDecoder = (d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable) => void;

function decodeBinop(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const a = d.valTy();
  const ty = d.lastTy;
  const b = d.valOp();
  d.need(1);
  const opc = o[d.slot++]!;
  if (opc > 12) throw d.err(`unknown binary opcode ${opc}`);
  let op = opc as Op;
  if (t.isFloat(t.scalar(ty))) {
    const fop = FLOAT_BINOP[opc];
    if (fop === undefined || fop < 0) throw d.err(`binary opcode ${opc} is not valid on floating point`);
    op = fop;
  }
  d.begin(op, ty, d.slot < n ? o[d.slot]! : 0);
  d.push(a);
  d.push(b);
}

function decodeCast(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const a = d.valTy();
  d.need(2);
  const dest = d.checkType(o[d.slot++]!);
  const opc = o[d.slot++]!;
  if (opc > 13) throw d.err(`unknown cast opcode ${opc}`);
  d.begin(Op.Trunc + opc, dest, d.slot < n ? o[d.slot]! : 0);
  d.push(a);
}

function decodeUnop(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const a = d.valTy();
  d.need(1);
  if (o[d.slot++] !== 0) throw d.err('unknown unary opcode');
  d.begin(Op.FNeg, d.lastTy, d.slot < n ? o[d.slot]! : 0);
  d.push(a);
}

function decodeFreeze(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const a = d.valTy();
  d.begin(Op.Freeze, d.lastTy, 0);
  d.push(a);
}

function decodeGep(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(2);
  const flags = o[d.slot++]!;
  const src = d.checkType(o[d.slot++]!);
  const base = d.valTy();
  let resTy = d.lastTy;
  d.begin(Op.GetElementPtr, resTy, flags);
  d.push(src);
  d.push(base);
  while (d.slot < n) {
    d.push(d.valTy());
    const lt = d.lastTy;
    if (t.kind[resTy] !== TypeKind.Vector && t.kind[lt] === TypeKind.Vector) {
      resTy = findVector(m, resTy, t.count[lt]!, (t.flags[lt]! & TypeFlag.Scalable) !== 0);
    }
  }
  d.ty[d.cur] = resTy;
}

function decodeSelect(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const a = d.valTy();
  const ty = d.lastTy;
  const b = d.valOp();
  const cond = code === FuncCode.VSelect ? d.valTy() : d.valOp();
  d.begin(Op.Select, ty, d.slot < n ? o[d.slot]! : 0);
  d.push(cond);
  d.push(a);
  d.push(b);
}

function decodeExtractElt(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const v = d.valTy();
  const vt = d.vectorTy('extractelement');
  const idx = d.valTy();
  d.begin(Op.ExtractElement, t.a[vt]!, 0);
  d.push(v);
  d.push(idx);
}

function decodeInsertElt(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const v = d.valTy();
  const vt = d.vectorTy('insertelement');
  const elt = d.valOp();
  const idx = d.valTy();
  d.begin(Op.InsertElement, vt, 0);
  d.push(v);
  d.push(elt);
  d.push(idx);
}

function decodeShuffleVec(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const v1 = d.valTy();
  const vt = d.vectorTy('shufflevector');
  const v2 = d.valOp();
  const mask = d.valTy();
  const mt = d.vectorTy('shufflevector mask');
  const rt = findVector(m, t.a[vt]!, t.count[mt]!, (t.flags[mt]! & TypeFlag.Scalable) !== 0);
  d.begin(Op.ShuffleVector, rt, 0);
  d.push(v1);
  d.push(v2);
  d.push(mask);
}

function decodeCmp(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const a = d.valTy();
  const ty = d.lastTy;
  const b = d.valOp();
  d.need(1);
  const pred = o[d.slot++]!;
  const extra = d.slot < n ? o[d.slot]! : 0;
  const isF = t.isFloat(t.scalar(ty));
  let rt: number;
  if (t.kind[ty] === TypeKind.Vector) rt = findVector(m, d.newI1(), t.count[ty]!, (t.flags[ty]! & TypeFlag.Scalable) !== 0);
  else rt = d.newI1();
  d.begin(isF ? Op.FCmp : Op.ICmp, rt, pred | (extra << 8));
  d.push(a);
  d.push(b);
}

function decodeRet(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  if (n > 0) {
    const v = d.valTy();
    d.begin(Op.Ret, -1, 0);
    d.push(v);
  } else d.begin(Op.Ret, -1, 0);
}

function decodeBr(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(1);
  if (n === 1) {
    const b = d.bb(o[0]);
    d.begin(Op.Br, -1, 0);
    d.push(b);
  } else {
    d.need(3);
    const tb = d.bb(o[0]);
    const fb = d.bb(o[1]);
    d.slot = 2;
    const cond = d.valOp();
    d.begin(Op.Br, -1, 0);
    d.push(cond);
    d.push(tb);
    d.push(fb);
  }
}

function decodeSwitch(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(3);
  if ((o[0]! >>> 16) === 0x4b5) throw d.err('old-style switch records are not supported');
  d.checkType(o[0]!);
  d.slot = 1;
  const cond = d.valOp();
  const def = d.bb(o[d.slot++]);
  d.begin(Op.Switch, -1, 0);
  d.push(cond);
  d.push(def);
  if ((n - d.slot) % 2 !== 0) throw d.err('SWITCH record has an odd number of case operands');
  for (let s = d.slot; s < n; s += 2) {
    d.push(o[s]!);
    d.push(d.bb(o[s + 1]));
  }
}

function decodeInvoke(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(4);
  const attrs = o[d.slot++]!;
  const cc = o[d.slot++]!;
  const normal = d.bb(o[d.slot++]);
  const unwind = d.bb(o[d.slot++]);
  let fty = -1;
  if (cc & (1 << 13)) fty = d.checkType(o[d.slot++]!);
  const callee = d.valTy();
  if (fty < 0) throw d.err('invoke without an explicit function type');
  if (t.kind[fty] !== TypeKind.Function) throw d.err('invoke of a non-function type');
  d.begin(Op.Invoke, t.a[fty]!, cc & ~(1 << 13));
  d.push(attrs);
  d.push(fty);
  d.push(normal);
  d.push(unwind);
  d.push(callee);
  d.fnArgs(fty);
  if (d.pendingBundles.length) d.body.bundles.set(d.cur, d.pendingBundles);
}

function decodeCall(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(2);
  const attrs = o[d.slot++]!;
  const cc = o[d.slot++]!;
  let fmf = 0;
  if (cc & (1 << 17)) {
    d.need(1);
    fmf = o[d.slot++]!;
  }
  let fty = -1;
  if (cc & (1 << 15)) fty = d.checkType(o[d.slot++]!);
  const callee = d.valTy();
  if (fty < 0) throw d.err('call without an explicit function type');
  if (t.kind[fty] !== TypeKind.Function) throw d.err('call of a non-function type');
  d.begin(Op.Call, t.a[fty]!, (cc & 0x1ffff & ~(1 << 15)) | (fmf << 18));
  d.push(attrs);
  d.push(fty);
  d.push(callee);
  d.fnArgs(fty);
  if (d.pendingBundles.length) d.body.bundles.set(d.cur, d.pendingBundles);
}

function decodeResume(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const v = d.valTy();
  d.begin(Op.Resume, -1, 0);
  d.push(v);
}

function decodeUnreachable(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.begin(Op.Unreachable, -1, 0);
}

function decodePhi(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(1);
  const ty = d.checkType(o[d.slot++]!);
  const hasFlags = (n - 1) % 2 === 1;
  const end = hasFlags ? n - 1 : n;
  d.begin(Op.Phi, ty, hasFlags ? o[n - 1]! : 0);
  const next = d.next;
  for (let s = d.slot; s < end; s += 2) {
    const raw = o[s]!;
    const rel = raw % 2 === 0 ? raw / 2 : -(raw - 1) / 2;
    const v = next - rel;
    if (v < 0) throw d.err('phi operand out of range');
    if (v >= next && v > d.maxFwd) d.maxFwd = v;
    d.push(v);
    d.push(d.bb(o[s + 1]));
  }
}

function decodeLandingPad(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(3);
  const ty = d.checkType(o[d.slot++]!);
  const cleanup = o[d.slot++]!;
  const nClauses = o[d.slot++]!;
  d.begin(Op.LandingPad, ty, 0);
  d.push(cleanup);
  for (let k = 0; k < nClauses; k++) {
    d.need(1);
    const kind = o[d.slot++]!;
    d.push(kind);
    d.push(d.valTy());
  }
}

function decodeAlloca(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(4);
  const ty = d.checkType(o[0]!);
  d.checkType(o[1]!);
  const size = o[2]!;
  // The size is an absolute value id; a forward reference must be defined by the end.
  if (size >= d.next && size > d.maxFwd) d.maxFwd = size;
  const rec = o[3]!;
  const align = (rec & 0x1f) | (((rec >> 8) & 7) << 5);
  const as = n > 4 ? o[4]! : 0;
  const flags = ((rec >> 5) & 1) | (((rec >> 7) & 1) << 1);
  if (!(rec & (1 << 6))) throw d.err('alloca without an explicit type');
  d.begin(Op.Alloca, as === 0 ? d.ptr0 : t.pointer(as), flags);
  d.push(ty);
  d.push(size);
  d.push(align);
  d.push(as);
}

function decodeLoad(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const p = d.valTy();
  const atomic = code === FuncCode.LoadAtomic;
  d.need(atomic ? 5 : 3);
  const ty = d.checkType(o[d.slot++]!);
  const align = o[d.slot++]!;
  const vol = o[d.slot++]! & 1;
  let flags = vol;
  if (atomic) flags |= (d.ordering(o[d.slot++]!) << 1) | (d.syncScope(o[d.slot++]!) << 4);
  d.begin(Op.Load, ty, flags);
  d.push(p);
  d.push(align);
}

function decodeStore(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const p = d.valTy();
  const v = d.valTy();
  const atomic = code === FuncCode.StoreAtomic;
  d.need(atomic ? 4 : 2);
  const align = o[d.slot++]!;
  let flags = o[d.slot++]! & 1;
  if (atomic) flags |= (d.ordering(o[d.slot++]!) << 1) | (d.syncScope(o[d.slot++]!) << 4);
  d.begin(Op.Store, -1, flags);
  d.push(p);
  d.push(v);
  d.push(align);
}

function decodeCmpXchg(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const p = d.valTy();
  const cmp = d.valTy();
  const vt = d.lastTy;
  const nw = d.valOp();
  d.need(5);
  const vol = o[d.slot++]! & 1;
  const succ = d.ordering(o[d.slot++]!);
  const ssid = d.syncScope(o[d.slot++]!);
  const fail = d.ordering(o[d.slot++]!);
  const weak = o[d.slot++]! & 1;
  const align = d.slot < n ? o[d.slot]! : 0;
  const rt = findStruct(m, vt, d.newI1());
  d.begin(Op.CmpXchg, rt, vol | (weak << 1) | (succ << 2) | (fail << 5) | (ssid << 8));
  d.push(p);
  d.push(cmp);
  d.push(nw);
  d.push(align);
}

function decodeAtomicRmw(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const p = d.valTy();
  const v = d.valTy();
  const vt = d.lastTy;
  d.need(4);
  const rop = o[d.slot++]!;
  if (rop >= 32) throw d.err(`bad atomicrmw operation ${rop}`);
  const vol = o[d.slot++]! & 1;
  const ord = d.ordering(o[d.slot++]!);
  const ssid = d.syncScope(o[d.slot++]!);
  const align = d.slot < n ? o[d.slot]! : 0;
  d.begin(Op.AtomicRMW, vt, vol | (ord << 1) | (rop << 4) | (ssid << 9));
  d.push(p);
  d.push(v);
  d.push(align);
}

function decodeFence(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(2);
  d.begin(Op.Fence, -1, (d.ordering(o[0]!) << 1) | (d.syncScope(o[1]!) << 4));
}

function decodeExtractVal(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const a = d.valTy();
  let ty = d.lastTy;
  if (d.slot >= n) throw d.err('extractvalue without indices');
  d.begin(Op.ExtractValue, ty, 0);
  d.push(a);
  while (d.slot < n) {
    const k = o[d.slot++]!;
    ty = d.memberType(ty, k);
    d.push(k);
  }
  d.ty[d.cur] = ty;
}

function decodeInsertVal(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  const a = d.valTy();
  const ty = d.lastTy;
  const v = d.valTy();
  d.begin(Op.InsertValue, ty, 0);
  d.push(a);
  d.push(v);
  let mt = ty;
  if (d.slot >= n) throw d.err('insertvalue without indices');
  while (d.slot < n) {
    const k = o[d.slot++]!;
    mt = d.memberType(mt, k);
    d.push(k);
  }
}

function decodeVaArg(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  d.need(3);
  const lt = d.checkType(o[0]!);
  d.slot = 1;
  const lv = d.valOp();
  const rt = d.checkType(o[d.slot]!);
  d.begin(Op.VAArg, rt, 0);
  d.push(lt);
  d.push(lv);
}

function decodeUnsupported(d: Decoder, code: number): void {
  throw d.err(`unsupported instruction record code ${code}`);
}

/**
 * The decoder of each instruction record code: one small function per kind
 * of record, called through this table rather than cases of one large
 * switch, so that V8 optimizes each on its own and a record kind first seen
 * late does not deoptimize and recompile the decoding of every other kind.
 */
const INST_DECODERS: InstDecoder[] = [];
{
  const table: [FuncCode, InstDecoder][] = [
    [FuncCode.Binop, decodeBinop],
    [FuncCode.Cast, decodeCast],
    [FuncCode.Unop, decodeUnop],
    [FuncCode.Freeze, decodeFreeze],
    [FuncCode.Gep, decodeGep],
    [FuncCode.Select, decodeSelect],
    [FuncCode.VSelect, decodeSelect],
    [FuncCode.ExtractElt, decodeExtractElt],
    [FuncCode.InsertElt, decodeInsertElt],
    [FuncCode.ShuffleVec, decodeShuffleVec],
    [FuncCode.Cmp, decodeCmp],
    [FuncCode.Cmp2, decodeCmp],
    [FuncCode.Ret, decodeRet],
    [FuncCode.Br, decodeBr],
    [FuncCode.Switch, decodeSwitch],
    [FuncCode.Invoke, decodeInvoke],
    [FuncCode.Call, decodeCall],
    [FuncCode.Resume, decodeResume],
    [FuncCode.Unreachable, decodeUnreachable],
    [FuncCode.Phi, decodePhi],
    [FuncCode.LandingPad, decodeLandingPad],
    [FuncCode.Alloca, decodeAlloca],
    [FuncCode.Load, decodeLoad],
    [FuncCode.LoadAtomic, decodeLoad],
    [FuncCode.Store, decodeStore],
    [FuncCode.StoreAtomic, decodeStore],
    [FuncCode.CmpXchg, decodeCmpXchg],
    [FuncCode.AtomicRmw, decodeAtomicRmw],
    [FuncCode.Fence, decodeFence],
    [FuncCode.ExtractVal, decodeExtractVal],
    [FuncCode.InsertVal, decodeInsertVal],
    [FuncCode.VaArg, decodeVaArg],
  ];
  let max = 0;
  for (const [code] of table) max = Math.max(max, code);
  for (let c = 0; c <= max; c++) INST_DECODERS.push(decodeUnsupported);
  for (const [code, fn] of table) INST_DECODERS[code] = fn;
}

function decodeInstruction(d: Decoder, code: number, o: Uint32Array, n: number, m: Module, t: TypeTable): void {
  (code < INST_DECODERS.length ? INST_DECODERS[code]! : decodeUnsupported)(d, code, o, n, m, t);
}

/** Checks value-id operands of constants referenced by switch cases. */
function checkOperands(body: FunctionBody, limit: number, d: Decoder): void {
  for (let i = 0; i < body.numInsts; i++) {
    if (body.op[i] !== Op.Switch) continue;
    const cnt = body.opCount[i]!;
    for (let k = 2; k < cnt; k += 2) {
      if (body.operand(i, k) >= limit) throw d.err('switch case value out of range');
    }
  }
}

function readLocalVst(c: BitCursor, body: FunctionBody): void {
  c.enterBlock();
  for (let code = c.nextRecord(); code >= 0; code = c.nextRecord()) {
    if (c.n < 1) continue;
    if (code === VstCode.Entry) body.valueNames.set(c.ops[0]!, c.str(1));
    else if (code === VstCode.BbEntry) body.blockNames[c.ops[0]!] = c.str(1);
  }
}

/** Finds or adds a vector type. */
function findVector(m: Module, elem: number, count: number, scalable: boolean): number {
  const t = m.types;
  const f = scalable ? TypeFlag.Scalable : 0;
  for (let k = 0; k < t.length; k++) {
    if (t.kind[k] === TypeKind.Vector && t.a[k] === elem && t.count[k] === count && t.flags[k] === f) return k;
  }
  return t.add(TypeKind.Vector, elem, count, f);
}

/** Finds or adds the literal struct `{ a, b }`. */
function findStruct(m: Module, a: number, b: number): number {
  const t = m.types;
  for (let k = 0; k < t.length; k++) {
    if (t.kind[k] === TypeKind.Struct && t.flags[k] === 0 && t.n[k] === 2 && t.elem(k, 0) === a && t.elem(k, 1) === b) return k;
  }
  const id = t.add(TypeKind.Struct);
  t.setElems(id, [a, b]);
  return id;
}
