// C-variadic function definitions: llvm.va_start / va_end / va_copy and the
// va_arg instruction, on the System V x86-64 va_list
// { i32 gp_offset, i32 fp_offset, ptr overflow_arg_area, ptr reg_save_area }.
// va_start is the CLIF `va_start` instruction (the back end saves the
// argument registers in the prologue); va_arg walks the list as LLVM does.

import { Op } from '../ir/opcodes.js';
import { IntCC, MemFlag } from '../ir/immediates.js';
import { INVALID, I64, F32, F64, type Type } from '../ir/types.js';
import { TypeKind } from '../bitcode/module.js';
import type { Value } from '../ir/function.js';
import type { Tx } from './context.js';

const FLAGS = MemFlag.Notrap;

export function vaStart(tx: Tx, list: Value): void {
  if (!tx.f.signature.variadic) throw tx.err('llvm.va_start in a function that is not variadic');
  tx.ins(Op.va_start, INVALID, [list]);
}

/** llvm.va_copy: the 24 bytes of the list. */
export function vaCopy(tx: Tx, dst: Value, src: Value): void {
  for (let off = 0; off < 24; off += 8) tx.ins(Op.store, INVALID, [tx.val(Op.load, I64, [src], FLAGS, off), dst], FLAGS, off);
}

/** `va_arg ptr %list, T` for integers up to i64, pointers, float and double. */
export function translateVaArg(tx: Tx, i: number): void {
  const body = tx.body;
  const t: Type = tx.L.clif(body.ty[i]!);
  const list = tx.value(body.operand(i, 1));
  const float = t === F32 || t === F64;
  const lt = body.ty[i]!, types = tx.m.types;
  const whole = types.kind[lt] === TypeKind.Pointer || (types.kind[lt] === TypeKind.Integer && [8, 16, 32, 64].includes(types.a[lt]!));
  if (!float && !whole) throw tx.err(`va_arg of type ${tx.typeName(body.ty[i]!)} is not supported`);
  const f = tx.f;
  const inReg = tx.newBlock(), inMem = tx.newBlock(), done = tx.newBlock();
  const addr = f.appendBlockParam(done, I64);
  // the register save area holds it when the offset leaves room: 6 * 8 bytes of GPRs, then 8 * 16 of XMMs
  const at = float ? 4 : 0;
  const step = float ? 16 : 8;
  const limit = float ? 176 : 48;
  const used = tx.val(Op.uload32, I64, [list], FLAGS, at);
  const fits = tx.val(Op.icmp, INVALID, [used, tx.iconst(I64, limit - step)], IntCC.Ule);
  const br = tx.ins(Op.brif, INVALID, [fits]);
  f.addBlockCall(br, inReg, []);
  f.addBlockCall(br, inMem, []);
  tx.cur = inReg;
  const save = tx.val(Op.load, I64, [list], FLAGS, 16);
  const regAddr = tx.bin(Op.iadd, I64, save, used);
  tx.ins(Op.istore32, INVALID, [tx.bin(Op.iadd, I64, used, tx.iconst(I64, step)), list], FLAGS, at);
  f.addBlockCall(tx.ins(Op.jump, INVALID, []), done, [regAddr]);
  tx.cur = inMem;
  // stack arguments take 8-byte slots
  const mem = tx.val(Op.load, I64, [list], FLAGS, 8);
  tx.ins(Op.store, INVALID, [tx.bin(Op.iadd, I64, mem, tx.iconst(I64, 8)), list], FLAGS, 8);
  f.addBlockCall(tx.ins(Op.jump, INVALID, []), done, [mem]);
  tx.cur = done;
  tx.define1(body.val[i]!, tx.val(Op.load, t, [addr], FLAGS, 0));
}
