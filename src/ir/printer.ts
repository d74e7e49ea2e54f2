// Function -> CLIF text in Cranelift's syntax, which parser.ts reads back to
// an equal function (values and blocks print under their dense ids). Also
// formats run-line values (DataValue) the way Cranelift writes them.

import {
  Type, INVALID, typeName, typeBits, laneOf, laneCount, laneBits, isVector, isFloat, typeBytes, F128,
} from './types.js';
import {
  intCCNames, floatCCNames, trapCodeName, atomicRmwOpNames, printMemFlags, callConvNames, ParamFlag,
} from './immediates.js';
import { Format, opcodeFormat, opcodeCtrl, opcodeNames, CTRL_EXPLICIT, Op, opcodeImpliedType } from './opcodes.js';
import { Function, AbiParam, Signature, GlobalValueKind, GlobalValueData, ExnItem, specialArgIndex, isExnArg } from './function.js';
import { DataValue, laneBitsOf } from './datavalue.js';
import { formatFloatBits, FloatWidth } from './float-text.js';

/** `%name`, or a user name `uA:B` as is. */
export function formatName(name: string): string {
  return /^u[0-9]+:[0-9]+$/.test(name) ? name : '%' + name;
}

/** A signed 64-bit immediate as Cranelift prints it: decimal below 10000, else hex in groups of four digits. */
export function formatImm64(v: bigint): string {
  if (v < 10000n) return v.toString();
  return formatHexGroups(BigInt.asUintN(64, v));
}

function formatHexGroups(x: bigint): string {
  const h = x.toString(16);
  const n = Math.ceil(h.length / 4) * 4;
  const padded = h.padStart(n, '0');
  let s = '0x' + padded.slice(0, 4);
  for (let i = 4; i < n; i += 4) s += '_' + padded.slice(i, i + 4);
  return s;
}

/** An address offset: empty for 0, else `+N`/`-N` (hex from 10000 up). */
export function formatOffset(v: number | bigint): string {
  if (typeof v === 'number' && v > -10000 && v < 10000) return v === 0 ? '' : v > 0 ? '+' + v : '' + v;
  const b = BigInt(v);
  if (b === 0n) return '';
  const sign = b < 0n ? '-' : '+';
  const a = b < 0n ? -b : b;
  return sign + (a < 10000n ? a.toString() : formatHexGroups(a));
}

function formatParam(p: AbiParam): string {
  let s = typeName(p.type);
  const f = p.flags;
  if (f & ParamFlag.Uext) s += ' uext';
  if (f & ParamFlag.Sext) s += ' sext';
  if (f & ParamFlag.Sret) s += ' sret';
  if (f & ParamFlag.Vmctx) s += ' vmctx';
  if (f & ParamFlag.Normal) s += ' normal';
  const sarg = f >>> ParamFlag.SargShift;
  if (sarg !== 0) s += ` sarg(${sarg})`;
  return s;
}

/** `(i32, i64) -> i8 system_v` */
export function formatSignature(sig: Signature): string {
  let s = '(' + sig.params.map(formatParam).join(', ') + ')';
  if (sig.returns.length > 0) s += ' -> ' + sig.returns.map(formatParam).join(', ');
  return s + ' ' + callConvNames[sig.callConv] + (sig.variadic ? ' variadic' : '') + (sig.nounwind ? ' nounwind' : '');
}

function formatGlobalValue(gv: GlobalValueData): string {
  switch (gv.kind) {
    case GlobalValueKind.VMContext:
      return 'vmctx';
    case GlobalValueKind.Load:
      return `load.${typeName(gv.type)}${printMemFlags(gv.flags)} gv${gv.base}${formatOffset(gv.offset)}`;
    case GlobalValueKind.IAddImm:
      return `iadd_imm.${typeName(gv.type)} gv${gv.base}, ${formatImm64(BigInt.asIntN(64, gv.offset))}`;
    case GlobalValueKind.Symbol:
      return `symbol${gv.colocated ? ' colocated' : ''}${gv.tls ? ' tls' : ''} ${formatName(gv.name)}${formatOffset(gv.offset)}`;
    case GlobalValueKind.DynScaleTargetConst:
      return `dyn_scale_target_const.${typeName(gv.type)}`;
  }
}

/** A scalar's bits as CLIF text: integers as Cranelift prints immediates of that width, floats in hex-float syntax. */
function formatScalarImm(t: Type, bits: bigint): string {
  if (isFloat(t)) return formatFloatBits(bits, typeBits(t) as FloatWidth);
  if (typeBits(t) > 64) return bits < 10000n ? bits.toString() : '0x' + bits.toString(16);
  return formatImm64(BigInt.asIntN(64, bits));
}

function bytesToBig(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}

function formatConstHex(b: Uint8Array): string {
  let s = '0x';
  for (let i = b.length - 1; i >= 0; i--) s += b[i].toString(16).padStart(2, '0');
  return s;
}

/** Constant data as an instruction operand of type `t`: lanes when the size fits, else hex. */
function formatConstOperand(t: Type, b: Uint8Array): string {
  if (t !== INVALID && typeBytes(t) === b.length) {
    if (t === F128) return formatFloatBits(bytesToBig(b), 128);
    if (isVector(t)) {
      const v = { type: t, bits: bytesToBig(b) };
      const lanes: string[] = [];
      for (let i = 0; i < laneCount(t); i++) lanes.push(formatScalarImm(laneOf(t), laneBitsOf(v, i)));
      return '[' + lanes.join(' ') + ']';
    }
  }
  return formatConstHex(b);
}

/** The text of one function. */
export function printFunction(f: Function): string {
  const out: string[] = [];
  out.push(`function ${formatName(f.name)}${formatSignature(f.signature)} {`);
  let preamble = false;
  if (f.personality !== '') {
    out.push(`    personality = ${formatName(f.personality)}`);
    preamble = true;
  }
  f.stackSlots.forEach((ss, i) => {
    let t = `    ss${i} = explicit_slot ${ss.size}`;
    if (ss.align > 1) t += `, align = ${ss.align}`;
    if (ss.key >= 0) t += `, key = ${ss.key}`;
    out.push(t);
    preamble = true;
  });
  f.globalValues.forEach((gv, i) => {
    out.push(`    gv${i} = ${formatGlobalValue(gv)}`);
    preamble = true;
  });
  f.sigs.forEach((sig, i) => {
    out.push(`    sig${i} = ${formatSignature(sig)}`);
    preamble = true;
  });
  f.funcRefs.forEach((fr, i) => {
    out.push(`    fn${i} = ${fr.colocated ? 'colocated ' : ''}${fr.patchable ? 'patchable ' : ''}${formatName(fr.name)} sig${fr.sig}`);
    preamble = true;
  });
  let first = true;
  for (let b = f.firstBlock; b >= 0; b = f.blockNext[b]) {
    if (!first || preamble) out.push('');
    first = false;
    let h = `block${b}`;
    const np = f.blockParamCount[b];
    if (np > 0) {
      const ps: string[] = [];
      for (let k = 0; k < np; k++) {
        const v = f.blockParam(b, k);
        ps.push(`v${v}: ${typeName(f.valueType[v])}`);
      }
      h += '(' + ps.join(', ') + ')';
    }
    if (f.blockCold[b]) h += ' cold';
    out.push(h + ':');
    for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) out.push('    ' + printInst(f, i));
  }
  out.push('}\n');
  return out.join('\n');
}

function blockArgText(a: number): string {
  if (a >= 0) return 'v' + a;
  return (isExnArg(a) ? 'exn' : 'ret') + specialArgIndex(a);
}

function blockCallText(f: Function, p: number): string {
  const pool = f.callPool;
  const n = pool[p + 1];
  if (n === 0) return 'block' + pool[p];
  let s = 'block' + pool[p] + '(' + blockArgText(pool[p + 2]);
  for (let k = 1; k < n; k++) s += ', ' + blockArgText(pool[p + 2 + k]);
  return s + ')';
}

/** `sigN, blockA(...), [item, ...]`: a try_call's exception table, as Cranelift prints it (plus cgts's clause items). */
function exnTableText(f: Function, i: number): string {
  const t = f.exnTable(i);
  let p = f.instImm0[i];
  let s = `sig${f.exnSig(t)}, ${blockCallText(f, p)}, [`;
  p += 2 + f.callPool[p + 1];
  const n = f.exnItemCount(t);
  for (let k = 0; k < n; k++) {
    s += k === 0 ? ' ' : ', ';
    const kind = f.exnItemKind(t, k), data = f.exnItemData(t, k);
    if (kind === ExnItem.Context) {
      s += `context v${data}`;
      continue;
    }
    switch (kind) {
      case ExnItem.Tag: s += `tag${data >>> 0}: `; break;
      case ExnItem.Default: s += 'default: '; break;
      case ExnItem.Cleanup: s += 'cleanup: '; break;
      case ExnItem.Catch: s += `catch ${formatName(f.exnSymbols[data])}: `; break;
      case ExnItem.Filter: s += `filter [${f.exnFilterList(data).map((x) => formatName(f.exnSymbols[x])).join(', ')}]: `; break;
    }
    s += blockCallText(f, p);
    p += 2 + f.callPool[p + 1];
  }
  return s + (n > 0 ? ' ]' : ']');
}

/** `vA, vB, ...` for operands [from, to) of an instruction whose operands start at `start`. */
function valueList(f: Function, start: number, from: number, to: number): string {
  if (from >= to) return '';
  const pool = f.argPool;
  let s = 'v' + pool[start + from];
  for (let k = from + 1; k < to; k++) s += ', v' + pool[start + k];
  return s;
}

/** One instruction, without indentation: `v3 = iadd v1, v2`. */
export function printInst(f: Function, i: number): string {
  const op = f.instOp[i];
  let s = '';
  const loc = f.instSrcLoc[i];
  if (loc >= 0) s += '@' + (loc >>> 0).toString(16).padStart(4, '0') + ' ';
  const nr = f.instNumResults[i];
  if (nr > 0) {
    const first = f.instFirstResult[i];
    s += 'v' + first;
    for (let k = 1; k < nr; k++) s += ', v' + (first + k);
    s += ' = ';
  }
  s += opcodeNames[op];
  const ctrl = opcodeCtrl[op];
  const t = f.instType[i];
  const start = f.instArgStart[i];
  const n = f.instArgCount[i];
  if ((ctrl === CTRL_EXPLICIT && t !== opcodeImpliedType(op)) || (ctrl >= 0 && ctrl < n && f.valueType[f.argPool[start + ctrl]] !== t)) {
    if (t !== INVALID) s += '.' + typeName(t);
  }
  const pool = f.argPool;
  const imm0 = f.instImm0[i];
  const imm1 = f.instImm1[i];
  switch (opcodeFormat[op] as Format) {
    case Format.NullAry:
      break;
    case Format.Unary:
      s += ' v' + pool[start];
      break;
    case Format.UnaryImm: {
      if (imm1 === 0 && imm0 >= 0 && imm0 < 10000) {
        s += ' ' + imm0;
        break;
      }
      const raw = (BigInt(imm1 >>> 0) << 32n) | BigInt(imm0 >>> 0);
      s += ' ' + formatImm64(BigInt.asIntN(64, BigInt.asUintN(typeBits(t), raw)));
      break;
    }
    case Format.UnaryIeee16:
      s += ' ' + formatFloatBits(BigInt(imm0 & 0xffff), 16);
      break;
    case Format.UnaryIeee32:
      s += ' ' + formatFloatBits(BigInt(imm0 >>> 0), 32);
      break;
    case Format.UnaryIeee64:
      s += ' ' + formatFloatBits((BigInt(imm1 >>> 0) << 32n) | BigInt(imm0 >>> 0), 64);
      break;
    case Format.UnaryConst:
      s += ' ' + formatConstOperand(op === Op.f128const ? F128 : t, f.constants[imm0]);
      break;
    case Format.Binary:
      s += ` v${pool[start]}, v${pool[start + 1]}`;
      break;
    case Format.BinaryImm8:
      s += ` v${pool[start]}, ${imm0}`;
      break;
    case Format.Ternary:
      s += ` v${pool[start]}, v${pool[start + 1]}, v${pool[start + 2]}`;
      break;
    case Format.TernaryImm8:
      s += ` v${pool[start]}, v${pool[start + 1]}, ${imm0}`;
      break;
    case Format.Shuffle: {
      const m = f.constants[imm0];
      s += ` v${pool[start]}, v${pool[start + 1]}, ` + (m.length === 16 ? '[' + Array.from(m).join(' ') + ']' : formatConstHex(m));
      break;
    }
    case Format.IntCompare:
      s += ` ${intCCNames[imm0]} v${pool[start]}, v${pool[start + 1]}`;
      break;
    case Format.FloatCompare:
      s += ` ${floatCCNames[imm0]} v${pool[start]}, v${pool[start + 1]}`;
      break;
    case Format.Jump:
      s += ' ' + blockCallText(f, imm0);
      break;
    case Format.Brif:
      s += ` v${pool[start]}, ${blockCallText(f, imm0)}, ${blockCallText(f, f.blockCallAt(i, 1))}`;
      break;
    case Format.BranchTable: {
      const targets: string[] = [];
      let p = imm0;
      for (let k = 0; k < imm1; k++) {
        targets.push(blockCallText(f, p));
        p += 2 + f.callPool[p + 1];
      }
      s += ` v${pool[start]}, ${targets[0]}, [${targets.slice(1).join(', ')}]`;
      break;
    }
    case Format.MultiAry:
      if (n > 0) s += ' ' + valueList(f, start, 0, n);
      break;
    case Format.Call:
      s += ` fn${imm0}(${valueList(f, start, 0, n)})`;
      break;
    case Format.CallIndirect:
      s += ` sig${imm0}, v${pool[start]}(${valueList(f, start, 1, n)})`;
      break;
    case Format.TryCall:
      s += ` fn${f.exnFuncRef(f.exnTable(i))}(${valueList(f, start, 0, n)}), ${exnTableText(f, i)}`;
      break;
    case Format.TryCallIndirect:
      s += ` v${pool[start]}(${valueList(f, start, 1, n)}), ${exnTableText(f, i)}`;
      break;
    case Format.FuncAddr:
      s += ` fn${imm0}`;
      break;
    case Format.StackAddr:
      s += ` ss${imm0}${formatOffset(imm1)}`;
      break;
    case Format.GlobalValue:
      s += ` gv${imm0}`;
      break;
    case Format.Load:
      s += `${printMemFlags(imm0)} v${pool[start]}${formatOffset(imm1)}`;
      break;
    case Format.Store:
      s += `${printMemFlags(imm0)} v${pool[start]}, v${pool[start + 1]}${formatOffset(imm1)}`;
      break;
    case Format.LoadNoOffset:
      s += `${printMemFlags(imm0)} v${pool[start]}`;
      break;
    case Format.StoreNoOffset:
      s += `${printMemFlags(imm0)} v${pool[start]}, v${pool[start + 1]}`;
      break;
    case Format.AtomicRmw:
      s += `${printMemFlags(imm0)} ${atomicRmwOpNames[imm1]} v${pool[start]}, v${pool[start + 1]}`;
      break;
    case Format.AtomicCas:
      s += `${printMemFlags(imm0)} v${pool[start]}, v${pool[start + 1]}, v${pool[start + 2]}`;
      break;
    case Format.Trap:
      s += ' ' + trapCodeName(imm0);
      break;
    case Format.CondTrap:
      s += ` v${pool[start]}, ${trapCodeName(imm0)}`;
      break;
    case Format.IntAddTrap:
      s += ` v${pool[start]}, v${pool[start + 1]}, ${trapCodeName(imm0)}`;
      break;
  }
  return s;
}

/**
 * A run-line value as Cranelift writes it: integers in signed decimal, floats
 * in CLIF float syntax, vectors as `[l0 l1 ...]`.
 */
export function formatDataValue(v: DataValue): string {
  const t = v.type;
  if (isVector(t)) {
    const lanes: string[] = [];
    const lane = laneOf(t);
    for (let i = 0; i < laneCount(t); i++) lanes.push(formatDataValue({ type: lane, bits: laneBitsOf(v, i) }));
    return '[' + lanes.join(' ') + ']';
  }
  if (isFloat(t)) return formatFloatBits(v.bits, typeBits(t) as FloatWidth);
  return BigInt.asIntN(laneBits(t), v.bits).toString();
}
