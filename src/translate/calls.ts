// Calls and the System V lowering of LLVM signatures, matching what LLVM's
// x86-64 back end does with the signatures rustc writes: first-class
// aggregates split into one argument or return value per leaf, zeroext/signext
// as CLIF extension flags, sret pointers, i128 in two registers. Also the
// function's own entry, invoke, landingpad and inline asm.

import { ConstKind, GlobalKind, TypeKind, Op as LL } from '../bitcode/module.js';
import { attrsAt } from '../bitcode/attributes.js';
import { Op } from '../ir/opcodes.js';
import { CallConv, ParamFlag } from '../ir/immediates.js';
import { INVALID, I64 } from '../ir/types.js';
import { ExnItem, exnArg, retArg, type AbiParam, type Signature, type Value } from '../ir/function.js';
import { isFullWidth } from './layout.js';
import { blockOfInst, edgeArgs, jumpTo } from './control.js';
import { translateIntrinsic } from './intrinsics.js';
import type { Tx } from './context.js';

const ATTR_BYVAL = 3, ATTR_SIGNEXT = 24, ATTR_SRET = 29, ATTR_ZEROEXT = 34, ATTR_INREG = 5;

function hasAttr(tx: Tx, list: number, index: number, kind: number): boolean {
  if (list < 0) return false;
  const a = attrsAt(tx.m, list, index);
  if (!a) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.kind === kind && a[k]!.tag !== 3 && a[k]!.tag !== 4) return true;
  return false;
}

/** The type of a type attribute (byval(T), sret(T)) at `index`, or -1. */
function typeAttr(tx: Tx, list: number, index: number, kind: number): number {
  if (list < 0) return -1;
  const a = attrsAt(tx.m, list, index);
  if (!a) return -1;
  for (const x of a) if (x.kind === kind && x.type >= 0) return x.type;
  return -1;
}

function extFlag(tx: Tx, list: number, index: number): number {
  if (hasAttr(tx, list, index, ATTR_ZEROEXT)) return ParamFlag.Uext;
  if (hasAttr(tx, list, index, ATTR_SIGNEXT)) return ParamFlag.Sext;
  return 0;
}

/** Appends the CLIF parameters of one LLVM value of type `ty` with extension flags `flags`. */
function pushParams(tx: Tx, out: AbiParam[], ty: number, flags: number, what: string): void {
  const L = tx.L;
  const n = L.leaves(ty);
  const base = L.leafBase(ty);
  for (let k = 0; k < n; k++) {
    const ct = L.leafType[base + k]!;
    if (ct === INVALID) throw tx.err(`${what} of unsupported type ${tx.typeName(ty)}`);
    out.push({ type: ct, flags: n === 1 ? flags : 0 });
  }
}

/**
 * The CLIF signature of an LLVM function type with attribute list `list`
 * (-1 = none); `extra` are the LLVM types of variadic arguments at a call site.
 */
export function lowerSignature(tx: Tx, fnTy: number, list: number, extra: number[] | null): Signature {
  const t = tx.m.types;
  const params: AbiParam[] = [];
  const returns: AbiParam[] = [];
  const np = t.n[fnTy]!;
  for (let j = 0; j < np; j++) {
    const pt = t.elem(fnTy, j);
    if (hasAttr(tx, list, j + 1, ATTR_SRET)) { params.push({ type: I64, flags: ParamFlag.Sret }); continue; }
    const byval = typeAttr(tx, list, j + 1, ATTR_BYVAL);
    if (byval >= 0) {
      // the pointed-to bytes are copied to the stack argument area (CLIF sarg)
      const size = tx.L.allocSize(byval);
      if (size <= 0 || size >= 1 << 23) throw tx.err(`byval argument of ${size} bytes`);
      if (tx.L.align(byval) > 8) throw tx.err('byval arguments aligned to more than 8 bytes are not supported');
      params.push({ type: I64, flags: size << ParamFlag.SargShift });
      continue;
    }
    if (hasAttr(tx, list, j + 1, ATTR_INREG)) throw tx.err('inreg arguments are not supported');
    pushParams(tx, params, pt, extFlag(tx, list, j + 1), 'parameter');
  }
  if (extra) for (const et of extra) pushParams(tx, params, et, 0, 'variadic argument');
  const rt = t.a[fnTy]!;
  if (t.kind[rt] !== TypeKind.Void) pushParams(tx, returns, rt, extFlag(tx, list, 0), 'return value');
  // every signature the translator makes has the same fields, in one order (one object shape)
  return { params, returns, callConv: CallConv.SystemV, variadic: (t.flags[fnTy]! & 2) !== 0 };
}

/**
 * The module signature id (see Tx.sigId) of lowerSignature(fnTy, list, null):
 * the same function type and attributes lower to the same signature
 * everywhere in the module, so it is lowered once.
 */
function loweredSigId(tx: Tx, fnTy: number, list: number): number {
  if (list + 1 >= 0x100000) return tx.sigId(lowerSignature(tx, fnTy, list, null));
  const key = fnTy * 0x100000 + (list + 1);
  let id = tx.loweredSigOf.get(key);
  if (id === undefined) {
    id = tx.sigId(lowerSignature(tx, fnTy, list, null));
    tx.loweredSigOf.set(key, id);
  }
  return id;
}

/** The function's signature and entry block parameters; defines every LLVM argument. */
export function lowerEntry(tx: Tx): void {
  const g = tx.g;
  const f = tx.f;
  const t = tx.m.types;
  const list = g.attrs - 1;
  f.signature = tx.moduleSig(loweredSigId(tx, g.valueType, list));
  const entry = tx.cur;
  const L = tx.L;
  const np = t.n[g.valueType]!;
  const buf = tx.buf;
  let p = 0;
  const params: Value[] = [];
  for (const ap of f.signature.params) params.push(f.appendBlockParam(entry, ap.type));
  for (let j = 0; j < np; j++) {
    const pt = t.elem(g.valueType, j);
    const n = L.leaves(pt);
    for (let k = 0; k < n; k++) buf[k] = params[p++]!;
    if (n === 1 && L.isInt(pt) && !isFullWidth(L.intBits(pt)) && (f.signature.params[p - 1]!.flags & (ParamFlag.Uext | ParamFlag.Sext)) === 0) {
      buf[0] = tx.mask(buf[0]!, L.intBits(pt));
    } else if (n === 1 && L.isInt(pt) && (f.signature.params[p - 1]!.flags & ParamFlag.Sext) !== 0 && !isFullWidth(L.intBits(pt))) {
      buf[0] = tx.mask(buf[0]!, L.intBits(pt));
    }
    tx.define(tx.argBase + j, buf, n);
  }
}

/**
 * Emits LLVM call/invoke `i`: its function type, callee and first argument are
 * operands `tyAt`, `calleeAt`, `calleeAt + 1`. For an invoke (`unwind` >= 0)
 * the call is a try_call whose normal return continues in a new block and whose
 * exception table is built from the landing pad's clauses; returns whether the
 * normal successor still needs a jump from the current block.
 */
function emitCall(tx: Tx, i: number, tyAt: number, calleeAt: number, unwind = -1): void {
  const body = tx.body;
  const m = tx.m;
  const t = m.types;
  const list = body.operand(i, 0) - 1;
  const fnTy = body.operand(i, tyAt);
  const callee = body.operand(i, calleeAt);
  const argStart = calleeAt + 1;
  const nargs = body.opCount[i]! - argStart;
  const np = t.n[fnTy]!;

  if (callee < tx.numGlobals) {
    const cg = m.globals[callee]!;
    if (cg.kind === GlobalKind.Function && cg.name.startsWith('llvm.')) {
      if (!translateIntrinsic(tx, cg.name, i, argStart)) throw tx.err(`intrinsic ${cg.name} is not supported`);
      return; // intrinsics do not unwind
    }
  } else if (tx.isConstant(callee)) {
    const [tab, ci] = tx.constRef(callee);
    if (tab.kind.data[ci] === ConstKind.InlineAsm) return inlineAsm(tx, i, tab.asms[tab.a.data[ci]!]!.asm, fnTy);
  }

  let extra: number[] | null = null;
  if (nargs > np) {
    extra = [];
    for (let k = np; k < nargs; k++) extra.push(tx.llvmType(body.operand(i, argStart + k)));
  }
  const s = extra ? tx.sigRef(lowerSignature(tx, fnTy, list, extra)) : tx.sigRefId(loweredSigId(tx, fnTy, list));
  const sig = tx.f.sigs[s]!;
  const args: Value[] = [];
  for (let k = 0; k < nargs; k++) {
    const v = body.operand(i, argStart + k);
    const n = tx.L.leaves(tx.llvmType(v));
    for (let j = 0; j < n; j++) args.push(tx.leaf(v, j));
  }
  if (args.length !== sig.params.length) throw tx.err('call arguments do not match the callee signature');
  const direct = callee < tx.numGlobals && m.globals[callee]!.kind === GlobalKind.Function;
  const fnRef = direct ? tx.funcRef(callee, s) : -1;
  if (!direct) args.unshift(tx.value(callee));
  const n = sig.returns.length;
  const buf = tx.buf;
  if (unwind >= 0) {
    tryCall(tx, i, direct, fnRef, s, args, sig.returns.length, unwind);
    const cont = tx.cur;
    for (let k = 0; k < n; k++) buf[k] = tx.f.blockParam(cont, k);
  } else {
    const call = direct ? tx.ins(Op.call, INVALID, args, fnRef) : tx.ins(Op.call_indirect, INVALID, args, s);
    const first = tx.f.result(call);
    for (let k = 0; k < n; k++) buf[k] = first + k;
  }
  const rv = body.val[i]!;
  if (rv >= 0) {
    const rt = t.a[fnTy]!;
    if (n === 1 && tx.L.isInt(rt) && !isFullWidth(tx.L.intBits(rt))) buf[0] = tx.mask(buf[0]!, tx.L.intBits(rt));
    tx.define(rv, buf, n);
  }
}

export function translateCall(tx: Tx, i: number): void {
  emitCall(tx, i, 1, 2);
}

/**
 * A try_call for invoke `i`: normal returns go to a new block (made current)
 * whose parameters are the call's results; exceptions go to the landing pad
 * block with its phi values, the exception pointer and the selector.
 */
function tryCall(tx: Tx, i: number, direct: boolean, fnRef: number, sig: number, args: Value[], nret: number, unwind: number): void {
  const f = tx.f;
  const body = tx.body;
  const from = blockOfInst(tx, i);
  // landing-pad arguments first: constants they need are materialized before the call
  const padArgs: number[] = [];
  const n = edgeArgs(tx, from, unwind, padArgs);
  padArgs.length = n;
  padArgs.push(exnArg(0), exnArg(1));
  const cont = tx.newBlock();
  const sigT = f.sigs[sig]!;
  for (let k = 0; k < nret; k++) f.appendBlockParam(cont, sigT.returns[k]!.type);
  const call = f.appendTryCall(tx.cur, direct ? Op.try_call : Op.try_call_indirect, fnRef, sig, args);
  f.instSrcLoc[call] = tx.srcloc;
  const rets: number[] = [];
  for (let k = 0; k < nret; k++) rets.push(retArg(k));
  f.addBlockCall(call, cont, rets);
  // the landing pad's clauses become the table's items
  const lpBlock = tx.blockOf[unwind]!;
  let li = body.blockStart[unwind]!;
  while (body.op[li] === LL.Phi) li++;
  if (body.op[li] !== LL.LandingPad) throw tx.err('the unwind destination of an invoke does not start with a landingpad');
  const cnt = body.opCount[li]!;
  if (body.operand(li, 0) !== 0) f.addExnHandler(call, ExnItem.Cleanup, 0, lpBlock, padArgs);
  for (let k = 1; k < cnt; k += 2) {
    const kind = body.operand(li, k), v = body.operand(li, k + 1);
    if (kind === 0) {
      if (v < tx.numGlobals) f.addExnHandler(call, ExnItem.Catch, f.exnSymbol(tx.m.globals[v]!.name), lpBlock, padArgs);
      else if (tx.constBits(v) === 0n) f.addExnHandler(call, ExnItem.Default, 0, lpBlock, padArgs);
      else throw tx.err('a catch clause that is neither null nor a global type info');
    } else {
      const syms: number[] = [];
      if (tx.isConstant(v)) {
        const [tab, ci] = tx.constRef(v);
        if (tab.kind.data[ci] === ConstKind.Aggregate) {
          for (let q = 0; q < tab.n.data[ci]!; q++) {
            const e = tab.op(ci, q);
            if (e >= tx.numGlobals) throw tx.err('a filter clause entry that is not a global type info');
            syms.push(f.exnSymbol(tx.m.globals[e]!.name));
          }
        } else if (tab.kind.data[ci] !== ConstKind.Null) throw tx.err('a filter clause that is not a constant array');
      } else throw tx.err('a filter clause that is not a constant array');
      f.addExnHandler(call, ExnItem.Filter, f.addExnFilter(syms), lpBlock, padArgs);
    }
  }
  tx.cur = cont;
}

/** invoke: a try_call, then the normal successor. */
export function translateInvoke(tx: Tx, i: number): void {
  const body = tx.body;
  // operands: attrs, fnTy, normal, unwind, callee, args...
  emitCall(tx, i, 1, 4, body.operand(i, 3));
  jumpTo(tx, blockOfInst(tx, i), body.operand(i, 2));
}

/** landingpad: the exception pointer and selector are parameters of the landing block (see blockParamsForPhis). */
export function translateLandingPad(tx: Tx, i: number): void {
  const body = tx.body;
  const p = tx.lpadParam.get(blockOfInst(tx, i));
  if (p === undefined || tx.L.leaves(body.ty[i]!) !== 2) throw tx.err('a landingpad that is not the first instruction of its block or not of type { ptr, i32 }');
  const sel = tx.L.leafType[tx.L.leafBase(body.ty[i]!) + 1]!;
  tx.define(body.val[i]!, [p, tx.resize(p + 1, sel, false)]);
}

/** Inline asm: the empty templates rustc uses for black_box and compiler fences emit nothing. */
function inlineAsm(tx: Tx, i: number, asm: string, fnTy: number): void {
  if (asm.trim() !== '') throw tx.err('inline assembly (asm!) is not supported yet');
  const t = tx.m.types;
  if (t.kind[t.a[fnTy]!] !== TypeKind.Void) throw tx.err('an empty inline asm with outputs is not supported');
  void i;
}
