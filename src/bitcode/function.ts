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
import { ConstTable, FunctionBody, Op, TypeKind, TypeFlag, type Module } from './module.js';
import { validateConsts } from './reader.js';
import { CgtsError } from '../support/diag.js';

/** Is the opcode a block terminator? */
export function isTerminator(op: number): boolean {
  return op >= Op.Ret && op <= Op.CallBr;
}

const TWO32 = 4294967296;

/** Decodes the body of defined function number `index` (an index into Module.bodies). */
export function decodeFunction(m: Module, index: number): FunctionBody {
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
  let next = argBase + numArgs;
  // About one instruction per 40 bits of block; the columns grow if that is short.
  const cap = Math.max(16, Math.ceil((loc.end - loc.bodyPos) / 40));
  const body = new FunctionBody(loc.fn, new ConstTable(next, 16), cap);
  body.numArgs = numArgs;
  body.argBase = argBase;
  body.instBase = next;
  const ptrTypes: number[] = [];
  const ptrType = (as: number): number => ptrTypes[as] ?? (ptrTypes[as] = t.pointer(as));
  const ct = m.cachedTypes;
  if (ct.void < 0) {
    ct.void = t.simple(TypeKind.Void);
    ct.label = t.simple(TypeKind.Label);
    for (let k = 0; k < t.length && ct.i1 < 0; k++) if (t.kind[k] === TypeKind.Integer && t.a[k] === 1) ct.i1 = k;
    if (ct.i1 < 0) ct.i1 = t.add(TypeKind.Integer, 1);
    ct.ptr0 = t.pointer(0);
  }
  const voidTy = ct.void;
  const labelTy = ct.label;
  let i1 = ct.i1;
  ptrTypes[0] = ct.ptr0;

  const fname = g.name;
  const err = (msg: string): CgtsError => {
    const e = c.error(`${msg} (function @${fname}, instruction ${body.numInsts}, record ${c.code})`);
    return e;
  };

  /** Type of a value defined so far, or -1 if it is a forward reference. */
  const typeOf = (v: number): number => {
    if (v < 0) return -1;
    if (v < m.globals.length) return ptrType(m.globals[v]!.addrSpace);
    if (v < argBase) return m.consts.type.data[v - m.globals.length]!;
    if (v < argBase + numArgs) return t.elem(fnTy, v - argBase);
    if (v < body.instBase) return body.consts.type.data[v - body.consts.base]!;
    const k = v - body.instBase;
    if (k < body.valueInst.length) return body.ty[body.valueInst.data[k]!]!;
    return -1;
  };

  let o = c.ops;
  let n = 0;
  let slot = 0;
  let maxFwd = -1;
  let lastTy = -1;
  const need = (k: number) => {
    if (slot + k > n) throw err('instruction record is too short');
  };
  const checkType = (id: number): number => {
    if (!(id >= 0 && id < t.length)) throw err(`type id ${id} out of range`);
    return id;
  };
  /** A relative value id (with its type if it is a forward reference); sets lastTy. */
  const absolute = (rel: number): number => {
    if (rel >= TWO32) throw err(`relative value id ${rel} out of range`);
    const v = next - rel;
    return v < 0 ? v + TWO32 : v;
  };
  const valTy = (): number => {
    need(1);
    const v = absolute(o[slot++]!);
    if (v >= next) {
      need(1);
      lastTy = checkType(o[slot++]!);
      if (v > maxFwd) maxFwd = v;
    } else lastTy = typeOf(v);
    return v;
  };
  /** A relative value id whose type is known from context. */
  const val = (): number => {
    need(1);
    const v = absolute(o[slot++]!);
    if (v >= next && v > maxFwd) maxFwd = v;
    return v;
  };
  let numBlocks = 0;
  const bb = (x: number | undefined): number => {
    if (x === undefined || !(x >= 0 && x < numBlocks)) throw err(`basic block ${x} out of range`);
    return x;
  };
  const ops = body.ops;
  let cur = -1;
  const begin = (op: Op, ty: number, flags: number): void => {
    if (body.numInsts === body.op.length) body.grow();
    cur = body.numInsts;
    body.op[cur] = op;
    body.ty[cur] = ty;
    body.flags[cur] = flags;
    body.opStart[cur] = ops.length;
    body.loc[cur] = -1;
  };
  let curBlock = 0;
  const blockStart: number[] = [];
  let lastLoc = -1;
  let lastInst = -1;
  let pendingBundles: number[][] = [];

  const finish = (): void => {
    body.opCount[cur] = ops.length - body.opStart[cur]!;
    const ty = body.ty[cur]!;
    if (ty >= 0 && ty !== voidTy) {
      body.val[cur] = next++;
      body.valueInst.push(cur);
    } else {
      body.ty[cur] = -1;
      body.val[cur] = -1;
    }
    lastInst = cur;
    body.numInsts++;
    if (isTerminator(body.op[cur]!)) {
      curBlock++;
      if (curBlock < numBlocks) blockStart[curBlock] = body.numInsts;
    }
    if (pendingBundles.length && body.op[cur] !== Op.Call && body.op[cur] !== Op.Invoke) throw err('operand bundle not followed by a call');
    pendingBundles = [];
  };

  const fnArgs = (fty: number): void => {
    const np = t.n[fty]!;
    for (let k = 0; k < np; k++) {
      const pt = t.elem(fty, k);
      if (pt === labelTy) ops.push(bb(o[slot++]));
      else ops.push(val());
    }
    if (t.flags[fty]! & TypeFlag.VarArg) {
      while (slot < n) ops.push(valTy());
    } else if (slot !== n) throw err('too many call arguments');
  };

  const memberType = (agg: number, idx: number): number => {
    const r = t.member(agg, idx);
    if (r < 0) throw err(`index ${idx} out of range for an aggregate`);
    return r;
  };

  let sawDeclare = false;
  try {
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) break;
    if (e === Entry.SubBlock) {
      switch (c.subBlockId) {
        case BlockId.Constants:
          readConstantsBlock(c, body.consts, t, Infinity);
          next += body.consts.length;
          body.instBase = next;
          break;
        case BlockId.ValueSymtab:
          readLocalVst(c, body);
          break;
        default:
          c.skipBlock();
      }
      continue;
    }
    const code = c.readRecord(e);
    o = c.ops;
    n = c.n;
    slot = 0;
    if (code === FuncCode.DeclareBlocks) {
      if (sawDeclare) throw err('DECLAREBLOCKS appears twice');
      sawDeclare = true;
      numBlocks = n > 0 ? o[0]! : 0;
      if (numBlocks < 1 || numBlocks > (c.blockEnd - c.pos) + 1) throw err(`bad block count ${numBlocks}`);
      blockStart[0] = 0;
      continue;
    }
    if (code === FuncCode.DebugLoc) {
      if (lastInst < 0) throw err('DEBUG_LOC before any instruction');
      if (n < 4) throw err('DEBUG_LOC record is too short');
      lastLoc = body.locs.length / 5;
      body.locs.push(o[0]!);
      body.locs.push(o[1]!);
      body.locs.push(o[2]!);
      body.locs.push(o[3]!);
      body.locs.push(n > 4 ? o[4]! : 0);
      body.loc[lastInst] = lastLoc;
      continue;
    }
    if (code === FuncCode.DebugLocAgain) {
      if (lastInst < 0 || lastLoc < 0) throw err('DEBUG_LOC_AGAIN without a previous location');
      body.loc[lastInst] = lastLoc;
      continue;
    }
    if (code >= FuncCode.DebugRecordValue && code <= FuncCode.DebugRecordDeclareValue) {
      if (lastInst < 0) throw err('debug record before any instruction');
      body.dbgRecords.push(lastInst);
      body.dbgRecords.push(code);
      body.dbgRecords.push(body.dbgOps.length);
      body.dbgRecords.push(n);
      for (let k = 0; k < n; k++) {
        let v = o[k]!;
        if (code === FuncCode.DebugRecordValueSimple && k === 3) v = absolute(v);
        body.dbgOps.push(v);
      }
      continue;
    }
    if (code === FuncCode.OperandBundle) {
      const b: number[] = [n > 0 ? o[0]! : 0];
      slot = 1;
      while (slot < n) {
        const v = valTy();
        b.push(v);
      }
      pendingBundles.push(b);
      continue;
    }
    if (code === FuncCode.BlockAddrUsers) continue;
    if (!sawDeclare) throw err('instruction before DECLAREBLOCKS');
    if (curBlock >= numBlocks) throw err('instruction after the last basic block');

    switch (code) {
      case FuncCode.Binop: {
        const a = valTy();
        const ty = lastTy;
        const b = val();
        need(1);
        const opc = o[slot++]!;
        if (opc > 12) throw err(`unknown binary opcode ${opc}`);
        let op = opc as Op;
        if (t.isFloat(t.scalar(ty))) {
          const fop = [Op.FAdd, Op.FSub, Op.FMul, -1, Op.FDiv, -1, Op.FRem][opc];
          if (fop === undefined || fop < 0) throw err(`binary opcode ${opc} is not valid on floating point`);
          op = fop;
        }
        begin(op, ty, slot < n ? o[slot]! : 0);
        ops.push(a);
        ops.push(b);
        break;
      }
      case FuncCode.Cast: {
        const a = valTy();
        need(2);
        const dest = checkType(o[slot++]!);
        const opc = o[slot++]!;
        if (opc > 13) throw err(`unknown cast opcode ${opc}`);
        begin(Op.Trunc + opc, dest, slot < n ? o[slot]! : 0);
        ops.push(a);
        break;
      }
      case FuncCode.Unop: {
        const a = valTy();
        need(1);
        if (o[slot++] !== 0) throw err('unknown unary opcode');
        begin(Op.FNeg, lastTy, slot < n ? o[slot]! : 0);
        ops.push(a);
        break;
      }
      case FuncCode.Freeze: {
        const a = valTy();
        begin(Op.Freeze, lastTy, 0);
        ops.push(a);
        break;
      }
      case FuncCode.Gep: {
        need(2);
        const flags = o[slot++]!;
        const src = checkType(o[slot++]!);
        const base = valTy();
        let resTy = lastTy;
        const idx: number[] = [];
        while (slot < n) {
          idx.push(valTy());
          if (t.kind[resTy] !== TypeKind.Vector && t.kind[lastTy] === TypeKind.Vector) {
            resTy = findVector(m, resTy, t.count[lastTy]!, (t.flags[lastTy]! & TypeFlag.Scalable) !== 0);
          }
        }
        begin(Op.GetElementPtr, resTy, flags);
        ops.push(src);
        ops.push(base);
        for (const x of idx) ops.push(x);
        break;
      }
      case FuncCode.Select:
      case FuncCode.VSelect: {
        const a = valTy();
        const ty = lastTy;
        const b = val();
        const cond = code === FuncCode.VSelect ? valTy() : val();
        begin(Op.Select, ty, slot < n ? o[slot]! : 0);
        ops.push(cond);
        ops.push(a);
        ops.push(b);
        break;
      }
      case FuncCode.ExtractElt: {
        const v = valTy();
        const vt = lastTy;
        const idx = valTy();
        begin(Op.ExtractElement, t.a[vt]!, 0);
        ops.push(v);
        ops.push(idx);
        break;
      }
      case FuncCode.InsertElt: {
        const v = valTy();
        const vt = lastTy;
        const elt = val();
        const idx = valTy();
        begin(Op.InsertElement, vt, 0);
        ops.push(v);
        ops.push(elt);
        ops.push(idx);
        break;
      }
      case FuncCode.ShuffleVec: {
        const v1 = valTy();
        const vt = lastTy;
        const v2 = val();
        const mask = valTy();
        const mt = lastTy;
        const rt = findVector(m, t.a[vt]!, t.count[mt]!, (t.flags[mt]! & TypeFlag.Scalable) !== 0);
        begin(Op.ShuffleVector, rt, 0);
        ops.push(v1);
        ops.push(v2);
        ops.push(mask);
        break;
      }
      case FuncCode.Cmp:
      case FuncCode.Cmp2: {
        const a = valTy();
        const ty = lastTy;
        const b = val();
        need(1);
        const pred = o[slot++]!;
        const extra = slot < n ? o[slot]! : 0;
        const isF = t.isFloat(t.scalar(ty));
        let rt = i1;
        if (t.kind[ty] === TypeKind.Vector) rt = findVector(m, i1 < 0 ? t.add(TypeKind.Integer, 1) : i1, t.count[ty]!, (t.flags[ty]! & TypeFlag.Scalable) !== 0);
        else if (rt < 0) rt = i1 = t.add(TypeKind.Integer, 1);
        begin(isF ? Op.FCmp : Op.ICmp, rt, pred | (extra << 8));
        ops.push(a);
        ops.push(b);
        break;
      }
      case FuncCode.Ret: {
        begin(Op.Ret, -1, 0);
        if (n > 0) ops.push(valTy());
        break;
      }
      case FuncCode.Br: {
        need(1);
        begin(Op.Br, -1, 0);
        if (n === 1) ops.push(bb(o[0]));
        else {
          need(3);
          const tb = bb(o[0]);
          const fb = bb(o[1]);
          slot = 2;
          ops.push(val());
          ops.push(tb);
          ops.push(fb);
        }
        break;
      }
      case FuncCode.Switch: {
        need(3);
        if ((o[0]! >>> 16) === 0x4b5) throw err('old-style switch records are not supported');
        checkType(o[0]!);
        slot = 1;
        const cond = val();
        const def = bb(o[slot++]);
        begin(Op.Switch, -1, 0);
        ops.push(cond);
        ops.push(def);
        if ((n - slot) % 2 !== 0) throw err('SWITCH record has an odd number of case operands');
        for (; slot < n; slot += 2) {
          ops.push(o[slot]!);
          ops.push(bb(o[slot + 1]));
        }
        break;
      }
      case FuncCode.Invoke: {
        need(4);
        const attrs = o[slot++]!;
        const cc = o[slot++]!;
        const normal = bb(o[slot++]);
        const unwind = bb(o[slot++]);
        let fty = -1;
        if (cc & (1 << 13)) fty = checkType(o[slot++]!);
        const callee = valTy();
        if (fty < 0) fty = g.valueType;
        if (t.kind[fty] !== TypeKind.Function) throw err('invoke of a non-function type');
        begin(Op.Invoke, t.a[fty]!, cc & ~(1 << 13));
        ops.push(attrs);
        ops.push(fty);
        ops.push(normal);
        ops.push(unwind);
        ops.push(callee);
        fnArgs(fty);
        if (pendingBundles.length) body.bundles.set(cur, pendingBundles);
        break;
      }
      case FuncCode.Call: {
        need(2);
        const attrs = o[slot++]!;
        const cc = o[slot++]!;
        let fmf = 0;
        if (cc & (1 << 17)) {
          need(1);
          fmf = o[slot++]!;
        }
        let fty = -1;
        if (cc & (1 << 15)) fty = checkType(o[slot++]!);
        const callee = valTy();
        if (fty < 0) throw err('call without an explicit function type');
        if (t.kind[fty] !== TypeKind.Function) throw err('call of a non-function type');
        begin(Op.Call, t.a[fty]!, (cc & 0x1ffff & ~(1 << 15)) | (fmf << 18));
        ops.push(attrs);
        ops.push(fty);
        ops.push(callee);
        fnArgs(fty);
        if (pendingBundles.length) body.bundles.set(cur, pendingBundles);
        break;
      }
      case FuncCode.Resume: {
        const v = valTy();
        begin(Op.Resume, -1, 0);
        ops.push(v);
        break;
      }
      case FuncCode.Unreachable:
        begin(Op.Unreachable, -1, 0);
        break;
      case FuncCode.Phi: {
        need(1);
        const ty = checkType(o[slot++]!);
        const hasFlags = (n - 1) % 2 === 1;
        const end = hasFlags ? n - 1 : n;
        begin(Op.Phi, ty, hasFlags ? o[n - 1]! : 0);
        for (; slot < end; slot += 2) {
          const raw = o[slot]!;
          const rel = raw % 2 === 0 ? raw / 2 : -(raw - 1) / 2;
          const v = next - rel;
          if (v < 0) throw err('phi operand out of range');
          if (v >= next && v > maxFwd) maxFwd = v;
          ops.push(v);
          ops.push(bb(o[slot + 1]));
        }
        break;
      }
      case FuncCode.LandingPad: {
        need(3);
        const ty = checkType(o[slot++]!);
        const cleanup = o[slot++]!;
        const nClauses = o[slot++]!;
        begin(Op.LandingPad, ty, 0);
        ops.push(cleanup);
        for (let k = 0; k < nClauses; k++) {
          need(1);
          const kind = o[slot++]!;
          ops.push(kind);
          ops.push(valTy());
        }
        break;
      }
      case FuncCode.Alloca: {
        need(4);
        const ty = checkType(o[0]!);
        checkType(o[1]!);
        const size = o[2]!;
        const rec = o[3]!;
        const align = (rec & 0x1f) | (((rec >> 8) & 7) << 5);
        const as = n > 4 ? o[4]! : 0;
        const flags = ((rec >> 5) & 1) | (((rec >> 7) & 1) << 1);
        if (!(rec & (1 << 6))) throw err('alloca without an explicit type');
        begin(Op.Alloca, ptrType(as), flags);
        ops.push(ty);
        ops.push(size);
        ops.push(align);
        ops.push(as);
        break;
      }
      case FuncCode.Load:
      case FuncCode.LoadAtomic: {
        const p = valTy();
        const atomic = code === FuncCode.LoadAtomic;
        need(atomic ? 5 : 3);
        const ty = checkType(o[slot++]!);
        const align = o[slot++]!;
        const vol = o[slot++]! & 1;
        let flags = vol;
        if (atomic) flags |= (o[slot++]! << 1) | (o[slot++]! << 4);
        begin(Op.Load, ty, flags);
        ops.push(p);
        ops.push(align);
        break;
      }
      case FuncCode.Store:
      case FuncCode.StoreAtomic: {
        const p = valTy();
        const v = valTy();
        const atomic = code === FuncCode.StoreAtomic;
        need(atomic ? 4 : 2);
        const align = o[slot++]!;
        let flags = o[slot++]! & 1;
        if (atomic) flags |= (o[slot++]! << 1) | (o[slot++]! << 4);
        begin(Op.Store, -1, flags);
        ops.push(p);
        ops.push(v);
        ops.push(align);
        break;
      }
      case FuncCode.CmpXchg: {
        const p = valTy();
        const cmp = valTy();
        const vt = lastTy;
        const nw = val();
        need(5);
        const vol = o[slot++]! & 1;
        const succ = o[slot++]!;
        const ssid = o[slot++]!;
        const fail = o[slot++]!;
        const weak = o[slot++]! & 1;
        const align = slot < n ? o[slot]! : 0;
        const rt = findStruct(m, vt, i1 < 0 ? (i1 = t.add(TypeKind.Integer, 1)) : i1);
        begin(Op.CmpXchg, rt, vol | (weak << 1) | (succ << 2) | (fail << 5) | (ssid << 8));
        ops.push(p);
        ops.push(cmp);
        ops.push(nw);
        ops.push(align);
        break;
      }
      case FuncCode.AtomicRmw: {
        const p = valTy();
        const v = valTy();
        const vt = lastTy;
        need(4);
        const rop = o[slot++]!;
        const vol = o[slot++]! & 1;
        const ord = o[slot++]!;
        const ssid = o[slot++]!;
        const align = slot < n ? o[slot]! : 0;
        begin(Op.AtomicRMW, vt, vol | (ord << 1) | (rop << 4) | (ssid << 9));
        ops.push(p);
        ops.push(v);
        ops.push(align);
        break;
      }
      case FuncCode.Fence:
        need(2);
        begin(Op.Fence, -1, (o[0]! << 1) | (o[1]! << 4));
        break;
      case FuncCode.ExtractVal: {
        const a = valTy();
        let ty = lastTy;
        const idx: number[] = [];
        while (slot < n) {
          const k = o[slot++]!;
          ty = memberType(ty, k);
          idx.push(k);
        }
        if (idx.length === 0) throw err('extractvalue without indices');
        begin(Op.ExtractValue, ty, 0);
        ops.push(a);
        for (const k of idx) ops.push(k);
        break;
      }
      case FuncCode.InsertVal: {
        const a = valTy();
        const ty = lastTy;
        const v = valTy();
        begin(Op.InsertValue, ty, 0);
        ops.push(a);
        ops.push(v);
        let mt = ty;
        if (slot >= n) throw err('insertvalue without indices');
        while (slot < n) {
          const k = o[slot++]!;
          mt = memberType(mt, k);
          ops.push(k);
        }
        break;
      }
      case FuncCode.VaArg: {
        need(3);
        const lt = checkType(o[0]!);
        slot = 1;
        const lv = val();
        const rt = checkType(o[slot]!);
        begin(Op.VAArg, rt, 0);
        ops.push(lt);
        ops.push(lv);
        break;
      }
      default:
        throw err(`unsupported instruction record code ${code}`);
    }
    finish();
  }
  } catch (e) {
    if (e instanceof CgtsError) throw e;
    throw err(`malformed function body (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!sawDeclare) throw err('function block without DECLAREBLOCKS');
  if (curBlock !== numBlocks) throw err(`function declares ${numBlocks} blocks but ${curBlock} are terminated`);
  if (maxFwd >= next) throw err(`value id ${maxFwd} is used but never defined`);
  validateConsts(body.consts, next, `${m.fileName}: byte ${loc.blockPos >>> 3} in FUNCTION block of @${fname}`);
  body.blockStart = new Int32Array(numBlocks);
  for (let k = 0; k < numBlocks; k++) body.blockStart[k] = blockStart[k]!;
  body.numBlocks = numBlocks;
  checkOperands(body, next, err);
  return body;
}

/** Checks value-id operands of constants referenced by switch cases. */
function checkOperands(body: FunctionBody, limit: number, err: (m: string) => CgtsError): void {
  for (let i = 0; i < body.numInsts; i++) {
    if (body.op[i] !== Op.Switch) continue;
    const cnt = body.opCount[i]!;
    for (let k = 2; k < cnt; k += 2) {
      if (body.operand(i, k) >= limit) throw err('switch case value out of range');
    }
  }
}

function readLocalVst(c: BitCursor, body: FunctionBody): void {
  c.enterBlock();
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) return;
    if (e === Entry.SubBlock) {
      c.skipBlock();
      continue;
    }
    const code = c.readRecord(e);
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
