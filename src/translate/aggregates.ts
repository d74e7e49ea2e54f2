// First-class aggregates: extractvalue and insertvalue select and replace
// ranges of an aggregate's leaves (its flattened scalar CLIF values); no code
// is emitted except for constants.

import type { Tx } from './context.js';

/** First leaf and LLVM type of the member an extractvalue/insertvalue index path names. */
function memberPath(tx: Tx, i: number, aggTy: number, from: number): [number, number] {
  const body = tx.body;
  const t = tx.m.types;
  let ty = aggTy, leaf = 0;
  for (let k = from; k < body.opCount[i]!; k++) {
    const idx = body.operand(i, k);
    leaf += tx.L.memberLeaf(ty, idx);
    ty = t.member(ty, idx);
    if (ty < 0) throw tx.err(`index ${idx} is out of range for the aggregate`);
  }
  return [leaf, ty];
}

export function translateExtractValue(tx: Tx, i: number): void {
  const body = tx.body;
  const agg = body.operand(i, 0);
  const [first, ty] = memberPath(tx, i, tx.llvmType(agg), 1);
  const n = tx.L.leaves(ty);
  const buf = tx.buf;
  for (let k = 0; k < n; k++) buf[k] = tx.leaf(agg, first + k);
  tx.define(body.val[i]!, buf, n);
}

export function translateInsertValue(tx: Tx, i: number): void {
  const body = tx.body;
  const agg = body.operand(i, 0);
  const v = body.operand(i, 1);
  const aggTy = tx.llvmType(agg);
  const [first, ty] = memberPath(tx, i, aggTy, 2);
  const total = tx.L.leaves(aggTy);
  const n = tx.L.leaves(ty);
  const buf = tx.buf;
  for (let k = 0; k < total; k++) buf[k] = k >= first && k < first + n ? tx.leaf(v, k - first) : tx.leaf(agg, k);
  tx.define(body.val[i]!, buf, total);
}
