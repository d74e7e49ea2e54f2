// Prints a Module as LLVM assembly in llvm-dis's layout (header, struct types,
// globals, functions with bodies, attribute groups). Metadata definitions,
// metadata attachments and debug records are not printed; see normalize.ts.

import { attrsAt, attrsString, escapeString } from './attributes.js';
import { decodeFunction, isTerminator } from './function.js';
import {
  ATTR_FUNCTION_INDEX, ConstKind, GlobalKind, OP_NAMES, Op, TypeFlag, TypeKind,
  type Attr, type ConstTable, type FunctionBody, type GlobalValue, type Module,
} from './module.js';
import { LINKAGE_NAMES, Linkage } from './reader.js';
import { TypeNamer } from './types.js';

const IDENT_RE = /^[-a-zA-Z._][-a-zA-Z._0-9]*$/;

/** A name as LLVM prints it after its sigil: raw if it is a plain identifier, else quoted. */
export function quoteName(name: string): string {
  if (IDENT_RE.test(name)) return name;
  return '"' + escapeString(name) + '"';
}

const HEXU = '0123456789ABCDEF';
function hex(v: bigint, digits: number): string {
  let s = '';
  for (let i = digits - 1; i >= 0; i--) s += HEXU[Number((v >> BigInt(4 * i)) & 15n)];
  return s;
}

const f64 = new DataView(new ArrayBuffer(8));

/**
 * APFloat::toString(6 digits, scientific) of a binary float with significand
 * `sig` (implicit bit included) times 2^`exp2`: the significand is first cut
 * to about 20 bits' worth of decimal digits by truncating division, then
 * rounded half-up to 6 significant digits, then padded to `d.dddddde+XX`.
 */
function apfloatScientific(neg: boolean, sig: bigint, exp2: number): string {
  const sign = neg ? '-' : '';
  if (sig === 0n) return sign + '0.000000e+00';
  while ((sig & 1n) === 0n) {
    sig >>= 1n;
    exp2++;
  }
  let exp10 = 0;
  if (exp2 > 0) sig <<= BigInt(exp2);
  else if (exp2 < 0) {
    sig *= 5n ** BigInt(-exp2);
    exp10 = exp2;
  }
  const bits = sig.toString(2).length;
  if (bits > 20) {
    const tens = Math.floor(((bits - 20) * 59) / 196);
    if (tens > 0) {
      exp10 += tens;
      sig /= 10n ** BigInt(tens);
    }
  }
  let digits = sig.toString();
  let end = digits.length;
  while (end > 1 && digits[end - 1] === '0') end--;
  exp10 += digits.length - end;
  digits = digits.slice(0, end);
  if (digits.length > 6) {
    const cut = digits.length - 6;
    if (digits.charCodeAt(6) < 0x35) {
      let keep = 6;
      while (keep > 1 && digits[keep - 1] === '0') keep--;
      exp10 += digits.length - keep;
      digits = digits.slice(0, keep);
    } else {
      let keep = 6;
      while (keep > 0 && digits[keep - 1] === '9') keep--;
      if (keep === 0) {
        exp10 += digits.length;
        digits = '1';
      } else {
        exp10 += digits.length - keep;
        digits = digits.slice(0, keep - 1) + String.fromCharCode(digits.charCodeAt(keep - 1) + 1);
      }
    }
    void cut;
  }
  exp10 += digits.length - 1;
  const frac = digits.slice(1).padEnd(6, '0');
  const e = Math.abs(exp10);
  return `${sign}${digits[0]}.${frac}e${exp10 < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
}

/**
 * LLVM's text for a float or double: the 6-digit scientific form if it reads
 * back as the same value, else the bits of the value as a double in hex.
 */
function printIeee(v: number, neg: boolean, sig: bigint, exp2: number, doubleBits: bigint): string {
  if (Number.isFinite(v)) {
    const s = apfloatScientific(neg, sig, exp2);
    if (Number(s) === v) return s;
  }
  return '0x' + hex(doubleBits, 16);
}

export function formatFloat(kind: TypeKind, bits: bigint): string {
  switch (kind) {
    case TypeKind.Double: {
      const b = BigInt.asUintN(64, bits);
      f64.setBigUint64(0, b);
      const e = Number((b >> 52n) & 0x7ffn);
      const frac = b & 0xfffffffffffffn;
      const sig = e === 0 ? frac : frac | (1n << 52n);
      return printIeee(f64.getFloat64(0), b >> 63n === 1n, sig, (e === 0 ? 1 : e) - 1075, b);
    }
    case TypeKind.Float: {
      f64.setUint32(0, Number(bits & 0xffffffffn));
      const v = f64.getFloat32(0);
      let dbits: bigint;
      const b = Number(bits & 0xffffffffn);
      if (Number.isNaN(v)) {
        // float NaN widened to double bit by bit: sign, all-ones exponent, payload shifted.
        const sign = BigInt(b >>> 31);
        dbits = (sign << 63n) | (0x7ffn << 52n) | (BigInt(b & 0x7fffff) << 29n);
      } else {
        f64.setFloat64(0, v);
        dbits = f64.getBigUint64(0);
      }
      const e = (b >>> 23) & 0xff;
      const frac = BigInt(b & 0x7fffff);
      const sig = e === 0 ? frac : frac | (1n << 23n);
      return printIeee(v, b >>> 31 === 1, sig, (e === 0 ? 1 : e) - 150, dbits);
    }
    case TypeKind.Half:
      return '0xH' + hex(bits, 4);
    case TypeKind.BFloat:
      return '0xR' + hex(bits, 4);
    case TypeKind.Fp128:
      return '0xL' + hex(bits & 0xffffffffffffffffn, 16) + hex(bits >> 64n, 16);
    case TypeKind.PpcFp128:
      return '0xM' + hex(bits & 0xffffffffffffffffn, 16) + hex(bits >> 64n, 16);
    case TypeKind.X86Fp80: {
      const w0 = bits & 0xffffffffffffffffn;
      const w1 = bits >> 64n;
      const lo = ((w0 & 0xffffffffffffn) << 16n) | (w1 & 0xffffn);
      const hi = w0 >> 48n;
      return '0xK' + hex(hi, 4) + hex(lo, 16);
    }
    default:
      return '0x' + hex(bits, 16);
  }
}

const ORDERINGS = ['', 'unordered', 'monotonic', 'acquire', 'release', 'acq_rel', 'seq_cst'];
const ICMP_PREDS: Record<number, string> = { 32: 'eq', 33: 'ne', 34: 'ugt', 35: 'uge', 36: 'ult', 37: 'ule', 38: 'sgt', 39: 'sge', 40: 'slt', 41: 'sle' };
const FCMP_PREDS = ['false', 'oeq', 'ogt', 'oge', 'olt', 'ole', 'one', 'ord', 'uno', 'ueq', 'ugt', 'uge', 'ult', 'ule', 'une', 'true'];
const RMW_OPS = [
  'xchg', 'add', 'sub', 'and', 'nand', 'or', 'xor', 'max', 'min', 'umax', 'umin', 'fadd', 'fsub', 'fmax', 'fmin',
  'uinc_wrap', 'udec_wrap', 'usub_cond', 'usub_sat', 'fmaximum', 'fminimum',
];
const CALLING_CONVS: Record<number, string> = {
  8: 'fastcc', 9: 'coldcc', 10: 'ghccc', 14: 'anyregcc', 15: 'preserve_mostcc', 16: 'preserve_allcc', 17: 'swiftcc',
  18: 'cxx_fast_tlscc', 19: 'tailcc', 20: 'cfguard_checkcc', 21: 'swifttailcc', 64: 'x86_stdcallcc',
  65: 'x86_fastcallcc', 66: 'arm_apcscc', 67: 'arm_aapcscc', 68: 'arm_aapcs_vfpcc', 70: 'x86_thiscallcc',
  78: 'x86_64_sysvcc', 79: 'win64cc', 80: 'x86_vectorcallcc', 83: 'x86_intrcc',
};
const TLS_MODES = ['', 'thread_local ', 'thread_local(localdynamic) ', 'thread_local(initialexec) ', 'thread_local(localexec) '];
const VISIBILITY = ['', 'hidden ', 'protected '];
const DLL = ['', 'dllimport ', 'dllexport '];
const UNNAMED_ADDR = ['', 'unnamed_addr', 'local_unnamed_addr'];

function ccString(cc: number): string {
  if (cc === 0) return '';
  return (CALLING_CONVS[cc] ?? `cc ${cc}`) + ' ';
}

/** Fast-math flags as printed (each with a leading space). */
function fmfString(f: number): string {
  if ((f & 0xfe) === 0xfe || (f & 1) !== 0) return ' fast';
  let s = '';
  if (f & 128) s += ' reassoc';
  if (f & 2) s += ' nnan';
  if (f & 4) s += ' ninf';
  if (f & 8) s += ' nsz';
  if (f & 16) s += ' arcp';
  if (f & 32) s += ' contract';
  if (f & 64) s += ' afn';
  return s;
}

function gepFlags(f: number): string {
  let s = '';
  if (f & 1) s += ' inbounds';
  else if (f & 2) s += ' nusw';
  if (f & 4) s += ' nuw';
  return s;
}

function isImplicitDsoLocal(g: GlobalValue): boolean {
  const local = g.linkage === Linkage.Internal || g.linkage === Linkage.Private;
  return local || (g.visibility !== 0 && g.linkage !== Linkage.ExternalWeak);
}

/** Prints the whole module as LLVM assembly text. */
export function printModule(m: Module): string {
  return new Printer(m).module();
}

/** Prints one function (declaration or definition), decoding its body. */
export function printFunction(m: Module, fn: number): string {
  return new Printer(m).function(fn);
}

class Printer {
  private tn: TypeNamer;
  private out: string[] = [];
  private attrGroupIds = new Map<string, number>();
  private attrGroupText: string[] = [];
  private globalNames: string[] = [];
  /** Per-function state while printing a body. */
  private body: FunctionBody | undefined = undefined;
  private localNames: string[] = [];
  private blockLabels: string[] = [];
  private moduleConstText: (string | undefined)[] = [];

  constructor(private m: Module) {
    this.tn = new TypeNamer(m.types, quoteName);
    let k = 0;
    const order = [GlobalKind.Var, GlobalKind.Function, GlobalKind.Alias, GlobalKind.IFunc];
    const unnamed = new Map<number, number>();
    for (const kind of order) {
      m.globals.forEach((g, i) => {
        if (g.kind === kind && !g.name) unnamed.set(i, k++);
      });
    }
    this.globalNames = m.globals.map((g, i) => '@' + (g.name ? quoteName(g.name) : String(unnamed.get(i))));
  }

  private ty(id: number): string {
    return this.tn.name(id);
  }

  module(): string {
    const m = this.m;
    const o = this.out;
    o.push(`; ModuleID = '${m.fileName}'`);
    o.push(`source_filename = "${escapeString(m.sourceFilename)}"`);
    if (m.dataLayout) o.push(`target datalayout = "${escapeString(m.dataLayout)}"`);
    if (m.triple) o.push(`target triple = "${escapeString(m.triple)}"`);
    if (m.moduleAsm) {
      o.push('');
      const lines = m.moduleAsm.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const l of lines) o.push(`module asm "${escapeString(l)}"`);
    }
    const t = m.types;
    let first = true;
    for (let i = 0; i < t.length; i++) {
      if (t.kind[i] === TypeKind.Struct && (t.flags[i]! & TypeFlag.Identified) !== 0) {
        if (first) o.push('');
        first = false;
        o.push(`${this.tn.structRef(i)} = type ${this.tn.structBody(i)}`);
      }
    }
    if (m.comdats.length) {
      o.push('');
      const sel = ['any', 'exactmatch', 'largest', 'nodeduplicate', 'samesize'];
      for (const c of m.comdats) o.push(`$${quoteName(c.name)} = comdat ${sel[c.selection] ?? 'any'}`);
    }
    first = true;
    for (let i = 0; i < m.globals.length; i++) {
      const g = m.globals[i]!;
      if (g.kind !== GlobalKind.Var) continue;
      if (first) o.push('');
      first = false;
      o.push(this.globalVar(i));
    }
    first = true;
    for (let i = 0; i < m.globals.length; i++) {
      const g = m.globals[i]!;
      if (g.kind !== GlobalKind.Alias && g.kind !== GlobalKind.IFunc) continue;
      if (first) o.push('');
      first = false;
      o.push(this.alias(i));
    }
    for (let i = 0; i < m.globals.length; i++) {
      if (m.globals[i]!.kind !== GlobalKind.Function) continue;
      o.push('');
      o.push(this.function(i));
    }
    if (this.attrGroupText.length) o.push('');
    for (let i = 0; i < this.attrGroupText.length; i++) o.push(`attributes #${i} = { ${this.attrGroupText[i]} }`);
    return o.join('\n') + '\n';
  }

  private attrGroupRef(attrs: Attr[]): string {
    const text = attrsString(attrs, (t) => this.ty(t));
    let id = this.attrGroupIds.get(text);
    if (id === undefined) {
      id = this.attrGroupText.length;
      this.attrGroupIds.set(text, id);
      this.attrGroupText.push(text);
    }
    return ` #${id}`;
  }

  private attrTextCache = new Map<number, string>();

  /** Attributes of list `list` at parameter `index` (0 = return), as text; cached. */
  private attrs(list: number, index: number): string {
    if (list < 0) return '';
    const key = list * 65536 + index;
    let s = index < 65536 ? this.attrTextCache.get(key) : undefined;
    if (s === undefined) {
      const a = attrsAt(this.m, list, index);
      s = a && a.length ? attrsString(a, (t) => this.ty(t)) : '';
      if (index < 65536) this.attrTextCache.set(key, s);
    }
    return s;
  }

  private comdat(g: GlobalValue, lead: string): string {
    if (!g.comdat) return '';
    const c = this.m.comdats[g.comdat - 1]!;
    return c.name === g.name ? `${lead}comdat` : `${lead}comdat($${quoteName(c.name)})`;
  }

  private globalVar(i: number): string {
    const m = this.m;
    const g = m.globals[i]!;
    let s = `${this.globalNames[i]} = `;
    if (!g.init && g.linkage === Linkage.External) s += 'external ';
    s += LINKAGE_NAMES[g.linkage] ? LINKAGE_NAMES[g.linkage] + ' ' : '';
    if (g.dsoLocal && !isImplicitDsoLocal(g)) s += 'dso_local ';
    s += VISIBILITY[g.visibility] ?? '';
    s += DLL[g.dllStorage] ?? '';
    s += TLS_MODES[g.threadLocal] ?? '';
    if (g.unnamedAddr) s += UNNAMED_ADDR[g.unnamedAddr] + ' ';
    if (g.addrSpace) s += `addrspace(${g.addrSpace}) `;
    if (g.externallyInitialized) s += 'externally_initialized ';
    s += g.isConstant ? 'constant ' : 'global ';
    s += this.ty(g.valueType);
    if (g.init) s += ' ' + this.value(g.init - 1, false);
    if (g.section) s += `, section "${escapeString(m.sections[g.section - 1]!)}"`;
    s += this.comdat(g, ', ');
    if (g.align) s += `, align ${2 ** (g.align - 1)}`;
    if (g.attrs) {
      const a = attrsAt(m, g.attrs - 1, ATTR_FUNCTION_INDEX);
      if (a && a.length) s += this.attrGroupRef(a);
    }
    return s;
  }

  private alias(i: number): string {
    const g = this.m.globals[i]!;
    let s = `${this.globalNames[i]} = `;
    s += LINKAGE_NAMES[g.linkage] ? LINKAGE_NAMES[g.linkage] + ' ' : '';
    if (g.dsoLocal && !isImplicitDsoLocal(g)) s += 'dso_local ';
    s += VISIBILITY[g.visibility] ?? '';
    s += DLL[g.dllStorage] ?? '';
    s += TLS_MODES[g.threadLocal] ?? '';
    if (g.unnamedAddr) s += UNNAMED_ADDR[g.unnamedAddr] + ' ';
    s += g.kind === GlobalKind.Alias ? 'alias ' : 'ifunc ';
    s += this.ty(g.valueType) + ', ' + this.value(g.init - 1, true);
    return s;
  }

  function(i: number): string {
    const m = this.m;
    const g = m.globals[i]!;
    const t = m.types;
    const fty = g.valueType;
    const list = g.attrs - 1;
    const body = g.body >= 0 ? decodeFunction(m, g.body) : undefined;
    this.setBody(body);
    let s = body ? 'define ' : 'declare ';
    s += LINKAGE_NAMES[g.linkage] ? LINKAGE_NAMES[g.linkage] + ' ' : '';
    if (g.dsoLocal && !isImplicitDsoLocal(g)) s += 'dso_local ';
    s += VISIBILITY[g.visibility] ?? '';
    s += DLL[g.dllStorage] ?? '';
    s += ccString(g.callingConv);
    const ra = this.attrs(list, 0);
    if (ra) s += ra + ' ';
    s += this.ty(t.a[fty]!) + ' ' + this.globalNames[i] + '(';
    const np = t.n[fty]!;
    for (let k = 0; k < np; k++) {
      if (k) s += ', ';
      s += this.ty(t.elem(fty, k));
      const pa = this.attrs(list, k + 1);
      if (pa) s += ' ' + pa;
      if (body) s += ' ' + this.localNames[body.argBase + k - body.argBase]!;
    }
    if (t.flags[fty]! & TypeFlag.VarArg) s += np ? ', ...' : '...';
    s += ')';
    if (g.unnamedAddr) s += ' ' + UNNAMED_ADDR[g.unnamedAddr];
    if (g.addrSpace) s += ` addrspace(${g.addrSpace})`;
    const fa = list >= 0 ? attrsAt(m, list, ATTR_FUNCTION_INDEX) : undefined;
    if (fa && fa.length) s += this.attrGroupRef(fa);
    if (g.section) s += ` section "${escapeString(m.sections[g.section - 1]!)}"`;
    s += this.comdat(g, ' ');
    if (g.align) s += ` align ${2 ** (g.align - 1)}`;
    if (g.gc) s += ` gc "${escapeString(m.gcNames[g.gc - 1] ?? '')}"`;
    if (g.prefix) s += ' prefix ' + this.value(g.prefix - 1, true);
    if (g.prologue) s += ' prologue ' + this.value(g.prologue - 1, true);
    if (g.personality) s += ' personality ' + this.value(g.personality - 1, true);
    if (!body) return s;
    const lines = [s + ' {'];
    for (let b = 0; b < body.numBlocks; b++) {
      if (b > 0) lines.push('');
      const label = this.blockLabels[b]!;
      if (b > 0 || body.blockNames[0] !== undefined) lines.push(label.slice(1) + ':');
      const end = b + 1 < body.numBlocks ? body.blockStart[b + 1]! : body.numInsts;
      for (let k = body.blockStart[b]!; k < end; k++) lines.push('  ' + this.inst(k));
    }
    lines.push('}');
    this.setBody(undefined);
    return lines.join('\n');
  }

  /** Assigns local names: named values keep theirs, the rest are numbered as LLVM's slot tracker does. */
  private setBody(body: FunctionBody | undefined): void {
    this.body = body;
    this.localNames = [];
    this.blockLabels = [];
    if (!body) return;
    let slot = 0;
    const name = (v: number): string => {
      const nm = body.valueNames.get(v);
      return nm !== undefined ? '%' + quoteName(nm) : '%' + slot++;
    };
    for (let k = 0; k < body.numArgs; k++) this.localNames[k] = name(body.argBase + k);
    for (let b = 0; b < body.numBlocks; b++) {
      const bn = body.blockNames[b];
      this.blockLabels[b] = bn !== undefined ? '%' + quoteName(bn) : '%' + slot++;
      const end = b + 1 < body.numBlocks ? body.blockStart[b + 1]! : body.numInsts;
      for (let k = body.blockStart[b]!; k < end; k++) {
        const v = body.val[k]!;
        if (v >= 0) this.localNames[v - body.argBase] = name(v);
      }
    }
  }

  /** The type of value `v` (module or current function). */
  private typeOf(v: number): number {
    const m = this.m;
    if (v < m.globals.length) return m.types.pointer(m.globals[v]!.addrSpace);
    if (v < m.numModuleValues) return m.consts.type.data[v - m.globals.length]!;
    const b = this.body!;
    if (v < b.argBase + b.numArgs) return m.types.elem(m.globals[b.fn]!.valueType, v - b.argBase);
    if (v < b.instBase) return b.consts.type.data[v - b.consts.base]!;
    return b.ty[b.valueInst.data[v - b.instBase]!]!;
  }

  /** A value operand, optionally preceded by its type. */
  private value(v: number, withType: boolean): string {
    const s = this.valueText(v);
    return withType ? this.ty(this.typeOf(v)) + ' ' + s : s;
  }

  private valueText(v: number): string {
    const m = this.m;
    if (v < m.globals.length) return this.globalNames[v]!;
    if (v < m.numModuleValues) {
      const k = v - m.globals.length;
      let s = this.moduleConstText[k];
      if (s === undefined) this.moduleConstText[k] = s = this.constant(m.consts, k);
      return s;
    }
    const b = this.body;
    if (!b) return `<badref ${v}>`;
    if (v >= b.consts.base && v < b.instBase) return this.constant(b.consts, v - b.consts.base);
    return this.localNames[v - b.argBase] ?? `<badref ${v}>`;
  }

  private constant(ct: ConstTable, c: number): string {
    const t = this.m.types;
    const ty = ct.type.data[c]!;
    const kind = ct.kind.data[c]!;
    switch (kind) {
      case ConstKind.Null: {
        const k = t.kind[ty]!;
        if (k === TypeKind.Pointer) return 'null';
        if (k === TypeKind.Integer) return t.a[ty] === 1 ? 'false' : '0';
        if (t.isFloat(ty)) return formatFloat(k, 0n);
        if (k === TypeKind.Token) return 'none';
        return 'zeroinitializer';
      }
      case ConstKind.Undef:
        return 'undef';
      case ConstKind.Poison:
        return 'poison';
      case ConstKind.Int: {
        const v = ct.b.data[c] ? ct.bigs[ct.a.data[c]!]! : ct.nums[ct.a.data[c]!]!;
        if (t.kind[ty] === TypeKind.Integer && t.a[ty] === 1) return v ? 'true' : 'false';
        return String(v);
      }
      case ConstKind.Float:
        return formatFloat(t.kind[t.scalar(ty)]!, ct.bigs[ct.a.data[c]!]!);
      case ConstKind.Aggregate: {
        const n = ct.n.data[c]!;
        const parts: string[] = [];
        for (let i = 0; i < n; i++) parts.push(this.value(ct.op(c, i), true));
        const k = t.kind[ty];
        if (k === TypeKind.Struct) {
          const packed = (t.flags[ty]! & TypeFlag.Packed) !== 0;
          const inner = n ? ' ' + parts.join(', ') + ' ' : '';
          return packed ? `<{${inner}}>` : `{${inner}}`;
        }
        if (k === TypeKind.Vector) {
          const first = ct.op(c, 0);
          let same = n > 0;
          for (let i = 1; i < n && same; i++) same = ct.op(c, i) === first;
          if (same && this.isScalarConst(first)) return `splat (${parts[0]})`;
          return `<${parts.join(', ')}>`;
        }
        return `[${parts.join(', ')}]`;
      }
      case ConstKind.String:
      case ConstKind.CString: {
        const s = ct.strings[ct.a.data[c]!]!;
        return `c"${escapeString(s)}${kind === ConstKind.CString ? '\\00' : ''}"`;
      }
      case ConstKind.Data: {
        const et = t.a[ty]!;
        const n = ct.n.data[c]!;
        const wide = ct.b.data[c] !== 0;
        const etName = this.ty(et);
        const parts: string[] = [];
        const w = t.kind[et] === TypeKind.Integer ? t.a[et]! : 0;
        for (let i = 0; i < n; i++) {
          const raw = ct.op(c, i);
          const u = wide ? ct.bigs[raw]! : BigInt(raw >>> 0);
          let text: string;
          if (w) text = w === 1 ? (u ? 'true' : 'false') : String(BigInt.asIntN(w, u));
          else text = formatFloat(t.kind[et]!, u);
          parts.push(etName + ' ' + text);
        }
        if (t.kind[ty] !== TypeKind.Vector) return `[${parts.join(', ')}]`;
        if (n > 0 && parts.every((p) => p === parts[0])) return `splat (${parts[0]})`;
        return `<${parts.join(', ')}>`;
      }
      case ConstKind.Cast:
        return `${OP_NAMES[Op.Trunc + ct.a.data[c]!]} (${this.value(ct.op(c, 0), true)} to ${this.ty(ty)})`;
      case ConstKind.Binop: {
        const a = ct.op(c, 0);
        let name = OP_NAMES[ct.a.data[c]!]!;
        const f = ct.b.data[c]!;
        const opc = ct.a.data[c]!;
        if (opc === Op.Add || opc === Op.Sub || opc === Op.Mul || opc === Op.Shl) {
          if (f & 1) name += ' nuw';
          if (f & 2) name += ' nsw';
        } else if ((opc === Op.UDiv || opc === Op.SDiv || opc === Op.LShr || opc === Op.AShr) && f & 1) name += ' exact';
        return `${name} (${this.value(a, true)}, ${this.value(ct.op(c, 1), true)})`;
      }
      case ConstKind.Unop:
        return `fneg (${this.value(ct.op(c, 0), true)})`;
      case ConstKind.Gep: {
        const n = ct.n.data[c]!;
        let s = `getelementptr${gepFlags(ct.b.data[c]!)} (${this.ty(ct.a.data[c]!)}`;
        for (let i = 0; i < n; i++) s += ', ' + this.value(ct.op(c, i), true);
        return s + ')';
      }
      case ConstKind.InlineAsm: {
        const a = ct.asms[ct.a.data[c]!]!;
        let s = 'asm ';
        if (a.sideEffect) s += 'sideeffect ';
        if (a.alignStack) s += 'alignstack ';
        if (a.intelDialect) s += 'inteldialect ';
        if (a.canThrow) s += 'unwind ';
        return s + `"${escapeString(a.asm)}", "${escapeString(a.constraints)}"`;
      }
      case ConstKind.BlockAddress:
        return `blockaddress(${this.value(ct.op(c, 0), false)}, %${ct.op(c, 1)})`;
      case ConstKind.DsoLocalEquivalent:
        return `dso_local_equivalent ${this.value(ct.op(c, 0), false)}`;
      case ConstKind.NoCfi:
        return `no_cfi ${this.value(ct.op(c, 0), false)}`;
      default:
        return `<unsupported constant expression ${ct.a.data[c]}>`;
    }
  }

  private inst(k: number): string {
    const b = this.body!;
    const t = this.m.types;
    const op = b.op[k]! as Op;
    const ty = b.ty[k]!;
    const f = b.flags[k]!;
    const base = b.opStart[k]!;
    const cnt = b.opCount[k]!;
    const od = b.ops.data;
    const V = (i: number, withType = true) => this.value(od[base + i]!, withType);
    const L = (i: number) => 'label ' + this.blockLabels[od[base + i]!];
    let s = b.val[k]! >= 0 ? this.localNames[b.val[k]! - b.argBase] + ' = ' : '';
    const name = OP_NAMES[op]!;
    if (op <= Op.FRem) {
      s += name;
      if (op >= Op.FAdd) s += fmfString(f);
      else if (op === Op.Add || op === Op.Sub || op === Op.Mul || op === Op.Shl) {
        if (f & 1) s += ' nuw';
        if (f & 2) s += ' nsw';
      } else if ((op === Op.UDiv || op === Op.SDiv || op === Op.LShr || op === Op.AShr) && f & 1) s += ' exact';
      else if (op === Op.Or && f & 1) s += ' disjoint';
      return s + ' ' + V(0) + ', ' + V(1, false);
    }
    if (op >= Op.Trunc && op <= Op.PtrToAddr) {
      s += name;
      if (op === Op.Trunc) {
        if (f & 1) s += ' nuw';
        if (f & 2) s += ' nsw';
      } else if ((op === Op.ZExt || op === Op.UIToFP) && f & 1) s += ' nneg';
      else if (op === Op.FPTrunc || op === Op.FPExt || (op >= Op.FPToUI && op <= Op.SIToFP)) s += f ? fmfString(f) : '';
      return s + ' ' + V(0) + ' to ' + this.ty(ty);
    }
    switch (op) {
      case Op.FNeg:
        return s + 'fneg' + fmfString(f) + ' ' + V(0);
      case Op.Freeze:
        return s + 'freeze ' + V(0);
      case Op.ICmp: {
        const pred = f & 0xff;
        return s + 'icmp' + (f & 0x100 ? ' samesign' : '') + ' ' + (ICMP_PREDS[pred] ?? `<pred ${pred}>`) + ' ' + V(0) + ', ' + V(1, false);
      }
      case Op.FCmp:
        return s + 'fcmp' + fmfString(f >> 8) + ' ' + (FCMP_PREDS[f & 0xff] ?? '<pred>') + ' ' + V(0) + ', ' + V(1, false);
      case Op.Select:
        return s + 'select' + fmfString(f) + ' ' + V(0) + ', ' + V(1) + ', ' + V(2);
      case Op.ExtractElement:
        return s + 'extractelement ' + V(0) + ', ' + V(1);
      case Op.InsertElement:
        return s + 'insertelement ' + V(0) + ', ' + V(1) + ', ' + V(2);
      case Op.ShuffleVector:
        return s + 'shufflevector ' + V(0) + ', ' + V(1) + ', ' + V(2);
      case Op.ExtractValue: {
        s += 'extractvalue ' + V(0);
        for (let i = 1; i < cnt; i++) s += ', ' + od[base + i];
        return s;
      }
      case Op.InsertValue: {
        s += 'insertvalue ' + V(0) + ', ' + V(1);
        for (let i = 2; i < cnt; i++) s += ', ' + od[base + i];
        return s;
      }
      case Op.Alloca: {
        s += 'alloca ';
        if (f & 1) s += 'inalloca ';
        if (f & 2) s += 'swifterror ';
        s += this.ty(od[base]!);
        const size = od[base + 1]!;
        if (!this.isConstOne(size)) s += ', ' + this.value(size, true);
        if (od[base + 3]) s += `, addrspace(${od[base + 3]})`;
        if (od[base + 2]) s += `, align ${2 ** (od[base + 2]! - 1)}`;
        return s;
      }
      case Op.Load: {
        const ord = (f >> 1) & 7;
        s += 'load ' + (ord ? 'atomic ' : '') + (f & 1 ? 'volatile ' : '') + this.ty(ty) + ', ' + V(0);
        if (ord) s += this.syncScope(f >> 4) + ' ' + ORDERINGS[ord];
        if (od[base + 1]) s += `, align ${2 ** (od[base + 1]! - 1)}`;
        return s;
      }
      case Op.Store: {
        const ord = (f >> 1) & 7;
        s += 'store ' + (ord ? 'atomic ' : '') + (f & 1 ? 'volatile ' : '') + V(1) + ', ' + V(0);
        if (ord) s += this.syncScope(f >> 4) + ' ' + ORDERINGS[ord];
        if (od[base + 2]) s += `, align ${2 ** (od[base + 2]! - 1)}`;
        return s;
      }
      case Op.GetElementPtr: {
        s += 'getelementptr' + gepFlags(f) + ' ' + this.ty(od[base]!);
        for (let i = 1; i < cnt; i++) s += ', ' + V(i);
        return s;
      }
      case Op.Fence:
        return s + 'fence' + this.syncScope(f >> 4) + ' ' + ORDERINGS[(f >> 1) & 7];
      case Op.CmpXchg: {
        s += 'cmpxchg ' + (f & 2 ? 'weak ' : '') + (f & 1 ? 'volatile ' : '') + V(0) + ', ' + V(1) + ', ' + V(2);
        s += this.syncScope(f >> 8) + ' ' + ORDERINGS[(f >> 2) & 7] + ' ' + ORDERINGS[(f >> 5) & 7];
        if (od[base + 3]) s += `, align ${2 ** (od[base + 3]! - 1)}`;
        return s;
      }
      case Op.AtomicRMW: {
        s += 'atomicrmw ' + (f & 1 ? 'volatile ' : '') + (RMW_OPS[(f >> 4) & 31] ?? '<rmw>') + ' ' + V(0) + ', ' + V(1);
        s += this.syncScope(f >> 9) + ' ' + ORDERINGS[(f >> 1) & 7];
        if (od[base + 2]) s += `, align ${2 ** (od[base + 2]! - 1)}`;
        return s;
      }
      case Op.Ret:
        return cnt ? 'ret ' + V(0) : 'ret void';
      case Op.Br:
        return cnt === 1 ? 'br ' + L(0) : 'br ' + V(0) + ', ' + L(1) + ', ' + L(2);
      case Op.Switch: {
        s += 'switch ' + V(0) + ', ' + L(1) + ' [';
        const ct = this.typeOf(od[base]!);
        for (let i = 2; i < cnt; i += 2) s += '\n    ' + this.ty(ct) + ' ' + this.valueText(od[base + i]!) + ', ' + L(i + 1);
        return s + '\n  ]';
      }
      case Op.Unreachable:
        return 'unreachable';
      case Op.Resume:
        return 'resume ' + V(0);
      case Op.Phi: {
        s += 'phi' + (f ? fmfString(f) : '') + ' ' + this.ty(ty);
        for (let i = 0; i < cnt; i += 2) s += (i ? ', ' : ' ') + `[ ${V(i, false)}, ${this.blockLabels[od[base + i + 1]!]} ]`;
        return s;
      }
      case Op.LandingPad: {
        s += 'landingpad ' + this.ty(ty);
        if (od[base]) s += '\n          cleanup';
        for (let i = 1; i < cnt; i += 2) s += (od[base + i] ? '\n          filter ' : '\n          catch ') + V(i + 1);
        return s;
      }
      case Op.Call:
      case Op.Invoke: {
        const isCall = op === Op.Call;
        const list = od[base]! - 1;
        const fty = od[base + 1]!;
        const calleeIdx = isCall ? 2 : 4;
        const callee = od[base + calleeIdx]!;
        if (isCall) {
          if (f & (1 << 14)) s += 'musttail ';
          else if (f & 1) s += 'tail ';
          else if (f & (1 << 16)) s += 'notail ';
          s += 'call' + ((f >> 18) ? fmfString(f >> 18) : '') + ' ';
          s += ccString((f >> 1) & 0x3ff);
        } else s += 'invoke ' + ccString(f & 0x3ff);
        const ra = this.attrs(list, 0);
        if (ra) s += ra + ' ';
        s += this.ty(t.flags[fty]! & TypeFlag.VarArg ? fty : t.a[fty]!) + ' ' + this.valueText(callee) + '(';
        for (let i = calleeIdx + 1; i < cnt; i++) {
          const argNo = i - calleeIdx - 1;
          if (argNo) s += ', ';
          const v = od[base + i]!;
          const np = t.n[fty]!;
          const pty = argNo < np ? t.elem(fty, argNo) : this.typeOf(v);
          s += this.ty(pty);
          const pa = this.attrs(list, argNo + 1);
          if (pa) s += ' ' + pa;
          s += ' ' + (t.kind[pty] === TypeKind.Label ? this.blockLabels[v] : this.valueText(v));
        }
        s += ')';
        const fa = list >= 0 ? attrsAt(this.m, list, ATTR_FUNCTION_INDEX) : undefined;
        if (fa && fa.length) s += this.attrGroupRef(fa);
        const bundles = b.bundles.get(k);
        if (bundles) {
          const parts = bundles.map((bd) => `"${escapeString(this.m.bundleTags[bd[0]!] ?? '')}"(${bd.slice(1).map((v) => this.value(v, true)).join(', ')})`);
          s += ' [ ' + parts.join(', ') + ' ]';
        }
        if (!isCall) s += '\n          to ' + L(2) + ' unwind ' + L(3);
        return s;
      }
      case Op.VAArg:
        return s + 'va_arg ' + this.value(od[base + 1]!, true) + ', ' + this.ty(ty);
      default:
        return s + `<unsupported ${name}>`;
    }
  }

  private syncScope(id: number): string {
    const name = this.m.syncScopes.length ? this.m.syncScopes[id] : id === 0 ? 'singlethread' : '';
    if (name === undefined || name === '') return '';
    return ` syncscope("${escapeString(name)}")`;
  }

  /** Is value `v` an integer or floating-point constant (what `splat (...)` may hold)? */
  private isScalarConst(v: number): boolean {
    const m = this.m;
    let ct: ConstTable;
    if (v >= m.globals.length && v < m.numModuleValues) ct = m.consts;
    else if (this.body && v >= this.body.consts.base && v < this.body.instBase) ct = this.body.consts;
    else return false;
    const c = v - ct.base;
    const k = ct.kind.data[c]!;
    const ty = ct.type.data[c]!;
    if (k === ConstKind.Int || k === ConstKind.Float) return true;
    return k === ConstKind.Null && (m.types.isInt(ty) || m.types.isFloat(ty));
  }

  private isConstOne(v: number): boolean {
    const m = this.m;
    let ct: ConstTable;
    let c: number;
    if (v >= m.globals.length && v < m.numModuleValues) {
      ct = m.consts;
      c = v - m.globals.length;
    } else if (this.body && v >= this.body.consts.base && v < this.body.instBase) {
      ct = this.body.consts;
      c = v - ct.base;
    } else return false;
    return ct.kind.data[c] === ConstKind.Int && ct.b.data[c] === 0 && ct.nums[ct.a.data[c]!] === 1;
  }
}

export { isTerminator };
