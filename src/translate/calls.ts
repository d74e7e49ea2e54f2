// Calls and the System V lowering of LLVM signatures, matching what LLVM's
// x86-64 back end does with the signatures rustc writes: first-class
// aggregates split into one argument or return value per leaf, zeroext/signext
// as CLIF extension flags, sret pointers, i128 in two registers. Also the
// function's own entry, invoke, landingpad and inline asm.

import { ConstKind, GlobalKind, TypeKind } from '../bitcode/module.js';
import { attrsAt } from '../bitcode/attributes.js';
import { Op } from '../ir/opcodes.js';
import { CallConv, ParamFlag } from '../ir/immediates.js';
import { INVALID, I64 } from '../ir/types.js';
import type { AbiParam, Signature, Value } from '../ir/function.js';
import { isFullWidth } from './layout.js';
import { blockOfInst, jumpTo } from './control.js';
import { translateIntrinsic } from './intrinsics.js';
import type { Tx } from './context.js';

const ATTR_BYVAL = 3, ATTR_SIGNEXT = 24, ATTR_SRET = 29, ATTR_ZEROEXT = 34, ATTR_INREG = 5;

function hasAttr(tx: Tx, list: number, index: number, kind: number): boolean {
  if (list < 0) return false;
  const a = attrsAt(tx.m, list, index);
  if (!a) return false;
  for (const x of a) if (x.kind === kind && x.tag !== 3 && x.tag !== 4) return true;
  return false;
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
    if (hasAttr(tx, list, j + 1, ATTR_BYVAL)) throw tx.err('byval arguments (C structs passed on the stack) are not supported yet');
    if (hasAttr(tx, list, j + 1, ATTR_INREG)) throw tx.err('inreg arguments are not supported');
    pushParams(tx, params, pt, extFlag(tx, list, j + 1), 'parameter');
  }
  if (extra) for (const et of extra) pushParams(tx, params, et, 0, 'variadic argument');
  const rt = t.a[fnTy]!;
  if (t.kind[rt] !== TypeKind.Void) pushParams(tx, returns, rt, extFlag(tx, list, 0), 'return value');
  const sig: Signature = { params, returns, callConv: CallConv.SystemV };
  if ((t.flags[fnTy]! & 2) !== 0) (sig as Signature & { variadic?: boolean }).variadic = true;
  return sig;
}

/** The function's signature and entry block parameters; defines every LLVM argument. */
export function lowerEntry(tx: Tx): void {
  const g = tx.g;
  const f = tx.f;
  const t = tx.m.types;
  const list = g.attrs - 1;
  f.signature = lowerSignature(tx, g.valueType, list, null);
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

/** Emits LLVM call/invoke `i`: its function type, callee and first argument are operands `tyAt`, `calleeAt`, `calleeAt + 1`. */
function emitCall(tx: Tx, i: number, tyAt: number, calleeAt: number): void {
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
      return;
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
  const sig = lowerSignature(tx, fnTy, list, extra);
  const args: Value[] = [];
  for (let k = 0; k < nargs; k++) {
    const v = body.operand(i, argStart + k);
    const n = tx.L.leaves(tx.llvmType(v));
    for (let j = 0; j < n; j++) args.push(tx.leaf(v, j));
  }
  if (args.length !== sig.params.length) throw tx.err('call arguments do not match the callee signature');
  const s = tx.sigRef(sig);
  let call: number;
  if (callee < tx.numGlobals && m.globals[callee]!.kind === GlobalKind.Function) {
    call = tx.ins(Op.call, INVALID, args, tx.funcRef(callee, s));
  } else {
    const target = tx.value(callee);
    args.unshift(target);
    call = tx.ins(Op.call_indirect, INVALID, args, s);
  }
  const rv = body.val[i]!;
  if (rv >= 0) {
    const rt = t.a[fnTy]!;
    const n = sig.returns.length;
    const buf = tx.buf;
    const first = tx.f.result(call);
    for (let k = 0; k < n; k++) buf[k] = first + k;
    if (n === 1 && tx.L.isInt(rt) && !isFullWidth(tx.L.intBits(rt))) buf[0] = tx.mask(buf[0]!, tx.L.intBits(rt));
    tx.define(rv, buf, n);
  }
}

export function translateCall(tx: Tx, i: number): void {
  emitCall(tx, i, 1, 2);
}

/**
 * invoke: the call, then the normal successor. The unwind edge needs
 * exception-table calls in the back end; until then a panic passing through
 * this frame skips its landing pad.
 */
export function translateInvoke(tx: Tx, i: number): void {
  const body = tx.body;
  // operands: attrs, fnTy, normal, unwind, callee, args...
  emitCall(tx, i, 1, 4);
  jumpTo(tx, blockOfInst(tx, i), body.operand(i, 2));
}

/** landingpad: the exception pointer and selector arrive as parameters of the landing block. */
export function translateLandingPad(tx: Tx, i: number): void {
  const body = tx.body;
  const cb = tx.cur;
  const ty = body.ty[i]!;
  const n = tx.L.leaves(ty);
  const base = tx.L.leafBase(ty);
  const buf = tx.buf;
  for (let k = 0; k < n; k++) buf[k] = tx.f.appendBlockParam(cb, tx.L.leafType[base + k]!);
  tx.define(body.val[i]!, buf, n);
}

/** Inline asm: the empty templates rustc uses for black_box and compiler fences emit nothing. */
function inlineAsm(tx: Tx, i: number, asm: string, fnTy: number): void {
  if (asm.trim() !== '') throw tx.err('inline assembly (asm!) is not supported yet');
  const t = tx.m.types;
  if (t.kind[t.a[fnTy]!] !== TypeKind.Void) throw tx.err('an empty inline asm with outputs is not supported');
  void i;
}
