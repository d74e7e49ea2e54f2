// Debug support in translation: a #dbg_declare naming a pointer argument (a
// value passed by reference) gets the argument spilled to a stack slot at
// entry, so the variable has a fixed home for the whole call (the slot holds
// its address; LLVM's -O0 code describes it by the register it came in until
// a call clobbers that). Needs the Tx after the entry block's
// parameters are defined; runs only for bodies with debug records (-g).
// After translation, each #dbg_value record's LLVM value is mapped to the
// CLIF value holding it, for the code generator to say where that lives.

import { FuncCode } from '../bitcode/codes.js';
import { MdKind, ValueF, readFunctionMetadata, readMetadata } from '../bitcode/metadata.js';
import { Op } from '../ir/opcodes.js';
import { MemFlag } from '../ir/immediates.js';
import { I64, INVALID } from '../ir/types.js';
import type { Tx } from './context.js';

export function spillDeclaredArgs(tx: Tx, bodyIndex: number): void {
  const body = tx.body;
  const fm = readFunctionMetadata(tx.m, bodyIndex, body);
  const t = readMetadata(tx.m);
  const recs = body.dbgRecords.data, ops = body.dbgOps.data;
  const saved = tx.srcloc;
  tx.srcloc = -1;
  for (let q = 0; q < body.dbgRecords.length; q += 4) {
    if (recs[q + 1] !== FuncCode.DebugRecordDeclare) continue;
    const val = fm.map(ops[recs[q + 2]! + 3]!);
    if (val < 0 || t.kind(val) !== MdKind.Value) continue;
    const v = t.field(val, ValueF.Value);
    if (v < body.argBase || v >= body.argBase + body.numArgs) continue;
    let seen = false;
    for (let k = 0; k < tx.argSlots.length; k += 2) if (tx.argSlots[k] === v) seen = true;
    if (seen || tx.typeOf(tx.value(v)) !== I64) continue;
    const slot = tx.f.stackSlots.push({ size: 8, align: 8, key: -1 }) - 1;
    const addr = tx.val(Op.stack_addr, I64, [], slot, 0);
    tx.ins(Op.store, INVALID, [tx.value(v), addr], MemFlag.Notrap, 0);
    tx.argSlots.push(v, slot);
  }
  tx.srcloc = saved;
}

/**
 * Fills tx.dbgValues after translation: per #dbg_value record, the CLIF value
 * of its location when that is an argument or instruction result of one
 * leaf that translation defined; -1 for anything else (poison, constants,
 * aggregates, values of dropped blocks, other records).
 */
export function mapDebugValues(tx: Tx, bodyIndex: number): void {
  const body = tx.body, out = tx.dbgValues;
  out.length = 0;
  const recs = body.dbgRecords.data, ops = body.dbgOps.data;
  // (the metadata is decoded on the first #dbg_value record that needs it)
  let fm: ReturnType<typeof readFunctionMetadata> | null = null;
  const t = readMetadata(tx.m);
  for (let q = 0; q < body.dbgRecords.length; q += 4) {
    const code = recs[q + 1]!;
    let v = -1;
    if (code === FuncCode.DebugRecordValueSimple) v = ops[recs[q + 2]! + 3]!;
    else if (code === FuncCode.DebugRecordValue) {
      fm ??= readFunctionMetadata(tx.m, bodyIndex, body);
      const val = fm.map(ops[recs[q + 2]! + 3]!);
      if (val >= 0 && t.kind(val) === MdKind.Value) v = t.field(val, ValueF.Value);
    }
    const local = v >= tx.instBase || (v >= tx.argBase && v < tx.argBase + body.numArgs);
    const defined = local && tx.valStart[v - tx.argBase]! >= 0 && tx.L.leaves(tx.llvmType(v)) === 1;
    out.push(defined ? tx.value(v) : -1);
  }
}
