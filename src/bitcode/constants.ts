// Reads a CONSTANTS block (module-level or function-level) into a ConstTable.
// Operands of aggregates and constant expressions are absolute value ids.

import { BitCursor } from './bitstream.js';
import { CstCode } from './codes.js';
import { ConstKind, TypeKind, type ConstTable, type TypeTable } from './module.js';

function need(c: BitCursor, n: number, k: number): void {
  if (n < k) throw c.error(`constant record ${c.code} is too short`);
}

/** Decodes the sign-rotated 64-bit integer in operand i as a bigint. */
export function signedBig(c: BitCursor, i: number): bigint {
  const v = c.big(i);
  if ((v & 1n) === 0n) return v >> 1n;
  if (v === 1n) return -(1n << 63n);
  return -(v >> 1n);
}

/** Decodes operand i as a sign-rotated integer; returns a number if safe, else undefined. */
function signedNum(c: BitCursor, i: number): number | undefined {
  if (c.wide.size && c.wide.has(i)) return undefined;
  const v = c.ops[i]!;
  const half = Math.floor(v / 2);
  if (v % 2 === 0) return half;
  if (v === 1) return undefined;
  return -half;
}

/**
 * Reads a CONSTANTS block into `t`. `numValues` is the number of values
 * defined so far in this value space (bounds value ids: forward references
 * are allowed up to `limit`).
 */
export function readConstantsBlock(c: BitCursor, t: ConstTable, types: TypeTable, limit: number): void {
  c.enterBlock();
  let cur = -1;
  const i32 = () => {
    for (let k = 0; k < types.length; k++) if (types.kind[k] === TypeKind.Integer && types.a[k] === 32) return k;
    return types.add(TypeKind.Integer, 32);
  };
  const val = (v: number): number => {
    if (!(v >= 0 && v < limit)) throw c.error(`value id ${v} out of range in constant record ${c.code}`);
    return v;
  };
  const ty = (v: number): number => {
    if (!(v >= 0 && v < types.length)) throw c.error(`type id ${v} out of range in constant record ${c.code}`);
    return v;
  };
  for (let code = c.nextRecord(); code >= 0; code = c.nextRecord()) {
    const o = c.ops;
    const n = c.n;
    if (code === CstCode.SetType) {
      if (n < 1) throw c.error('SETTYPE record is empty');
      cur = ty(o[0]!);
      continue;
    }
    if (cur < 0) cur = i32();
    switch (code) {
      case CstCode.Null:
        t.add(ConstKind.Null, cur);
        break;
      case CstCode.Undef:
        t.add(ConstKind.Undef, cur);
        break;
      case CstCode.Poison:
        t.add(ConstKind.Poison, cur);
        break;
      case CstCode.Integer: {
        need(c, n, 1);
        const num = signedNum(c, 0);
        if (num !== undefined) t.add(ConstKind.Int, cur, t.nums.push(num) - 1, 0);
        else t.add(ConstKind.Int, cur, t.bigs.push(signedBig(c, 0)) - 1, 1);
        break;
      }
      case CstCode.WideInteger: {
        need(c, n, 1);
        let v = 0n;
        for (let k = 0; k < n; k++) v |= BigInt.asUintN(64, signedBig(c, k)) << BigInt(64 * k);
        const w = types.kind[cur] === TypeKind.Integer ? types.a[cur]! : 64 * n;
        t.add(ConstKind.Int, cur, t.bigs.push(BigInt.asIntN(w, v)) - 1, 1);
        break;
      }
      case CstCode.Float: {
        need(c, n, 1);
        let bits = c.big(0);
        if (n > 1) bits |= c.big(1) << 64n;
        t.add(ConstKind.Float, cur, t.bigs.push(bits) - 1);
        break;
      }
      case CstCode.Aggregate: {
        t.add(ConstKind.Aggregate, cur);
        for (let k = 0; k < n; k++) t.addOp(val(o[k]!));
        break;
      }
      case CstCode.String:
      case CstCode.CString: {
        t.add(code === CstCode.String ? ConstKind.String : ConstKind.CString, cur, t.strings.push(c.str()) - 1);
        break;
      }
      case CstCode.Data: {
        let wide = false;
        for (let k = 0; k < n; k++) if (c.wide.has(k) || o[k]! > 0x7fffffff) wide = true;
        t.add(ConstKind.Data, cur, 0, wide ? 1 : 0);
        for (let k = 0; k < n; k++) t.addOp(wide ? t.bigs.push(c.big(k)) - 1 : o[k]!);
        break;
      }
      case CstCode.CeCast:
        need(c, n, 3);
        if (o[0]! > 13) throw c.error(`unknown cast opcode ${o[0]} in CE_CAST`);
        t.add(ConstKind.Cast, cur, o[0]!);
        ty(o[1]!);
        t.addOp(val(o[2]!));
        break;
      case CstCode.CeBinop:
        need(c, n, 3);
        if (o[0]! > 12) throw c.error(`unknown binary opcode ${o[0]} in CE_BINOP`);
        t.add(ConstKind.Binop, cur, o[0]!, n > 3 ? o[3]! : 0);
        t.addOp(val(o[1]!));
        t.addOp(val(o[2]!));
        break;
      case CstCode.CeUnop:
        need(c, n, 2);
        t.add(ConstKind.Unop, cur, o[0]!);
        t.addOp(val(o[1]!));
        break;
      case CstCode.CeGep:
      case CstCode.CeGepWithInrange: {
        need(c, n, 2);
        let k = 2;
        if (code === CstCode.CeGepWithInrange) {
          const width = o[k++]!;
          k += width > 64 ? 1 + 2 * Math.ceil(width / 64) : 2;
        }
        t.add(ConstKind.Gep, cur, ty(o[0]!), o[1]!);
        if ((n - k) % 2 !== 0) throw c.error('CE_GEP record has an odd operand count');
        for (; k < n; k += 2) {
          ty(o[k]!);
          t.addOp(val(o[k + 1]!));
        }
        break;
      }
      case CstCode.InlineAsm: {
        need(c, n, 3);
        const fnType = ty(o[0]!);
        const flags = o[1]!;
        const asmLen = o[2]!;
        if (3 + asmLen >= n + 1) throw c.error('INLINEASM record is truncated');
        const asm = c.str(3, 3 + asmLen);
        const cLen = 3 + asmLen < n ? o[3 + asmLen]! : 0;
        if (4 + asmLen + cLen > n) throw c.error('INLINEASM record is truncated');
        const constraints = c.str(4 + asmLen, 4 + asmLen + cLen);
        const idx = t.asms.push({
          asm, constraints, fnType,
          sideEffect: (flags & 1) !== 0,
          alignStack: (flags & 2) !== 0,
          intelDialect: (flags & 4) !== 0,
          canThrow: (flags & 8) !== 0,
        }) - 1;
        t.add(ConstKind.InlineAsm, cur, idx);
        break;
      }
      case CstCode.BlockAddress:
        need(c, n, 3);
        t.add(ConstKind.BlockAddress, cur);
        t.addOp(val(o[1]!));
        t.addOp(o[2]!);
        break;
      case CstCode.DsoLocalEquivalent:
      case CstCode.NoCfiValue:
        need(c, n, 2);
        t.add(code === CstCode.DsoLocalEquivalent ? ConstKind.DsoLocalEquivalent : ConstKind.NoCfi, cur);
        t.addOp(val(o[1]!));
        break;
      case CstCode.CeSelect:
      case CstCode.CeExtractElt:
      case CstCode.CeInsertElt:
      case CstCode.CeShuffleVec:
      case CstCode.CeCmp:
        t.add(ConstKind.OtherExpr, cur, code);
        for (let k = 0; k < n; k++) t.addOp(o[k]!);
        break;
      default:
        throw c.error(`unknown constant record code ${code}`);
    }
  }
}
