// Prints a Module as LLVM assembly in llvm-dis's layout (header, struct types,
// globals, functions with bodies and debug records, attribute groups, named
// metadata and metadata nodes). Metadata is decoded only here, on demand
// (print-metadata.ts numbers and writes it); `printFunction` omits it.

import { Buffer } from 'node:buffer';
import { attrsAt, attrsString, escapeString } from './attributes.js';
import { decodeFunction, isTerminator } from './function.js';
import {
  ATTR_FUNCTION_INDEX, ConstKind, GlobalKind, OP_NAMES, Op, TypeFlag, TypeKind,
  type Attr, type ConstTable, type FunctionBody, type GlobalValue, type Module,
} from './module.js';
import { LINKAGE_NAMES, Linkage } from './reader.js';
import { FuncCode } from './codes.js';
import { debugLocation, readFunctionMetadata, readMetadata, type FunctionMetadata } from './metadata.js';
import { MetadataPrinter, sortedPairs } from './print-metadata.js';
import { TypeNamer } from './types.js';

/** Characters of a plain identifier: 1 = anywhere, 2 = not first (digits). */
const IDENT_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[-a-zA-Z._]/.test(ch)) IDENT_CHAR[c] = 1;
  else if (/[0-9]/.test(ch)) IDENT_CHAR[c] = 2;
}

/** A name as LLVM prints it after its sigil: raw if it is a plain identifier, else quoted. */
export function quoteName(name: string): string {
  const n = name.length;
  let plain = n > 0;
  for (let i = 0; i < n && plain; i++) {
    const c = name.charCodeAt(i);
    const k = c < 128 ? IDENT_CHAR[c]! : 0;
    plain = k === 1 || (k === 2 && i > 0);
  }
  if (plain) return name;
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
  }
  exp10 += digits.length - 1;
  const frac = digits.slice(1).padEnd(6, '0');
  const e = Math.abs(exp10);
  return `${sign}${digits[0]}.${frac}e${exp10 < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
}

/**
 * LLVM's text for a float or double: the 6-digit scientific form if it reads
 * back as the same value, else the bits of the value as a double in hex,
 * upper-case digits without leading zeros (AsmWriter's `format_hex(bits, 0,
 * Upper)`: `0x10000000000000`, not `0x0010000000000000`).
 */
function printIeee(v: number, neg: boolean, sig: bigint, exp2: number, doubleBits: bigint): string {
  if (Number.isFinite(v)) {
    const s = apfloatScientific(neg, sig, exp2);
    if (Number(s) === v) return s;
  }
  return '0x' + doubleBits.toString(16).toUpperCase();
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

/** Prints the whole module as LLVM assembly text; `metadata: false` leaves out metadata, attachments and debug records (nothing is decoded for them). */
export function printModule(m: Module, opts: { metadata?: boolean } = {}): string {
  const w = new TextSink();
  new Printer(m, w).module(w, opts.metadata ?? true);
  return w.finish();
}

/** Prints one function (declaration or definition), decoding its body. */
export function printFunction(m: Module, fn: number): string {
  const w = new TextSink();
  new Printer(m, w).function(fn, w);
  return w.finish();
}

/** Buffer's unchecked encoder (what Buffer.write calls after validating its arguments). */
interface NativeWrite {
  utf8Write(s: string, offset: number, maxBytes: number): number;
}

/** A sink's byte buffer, kept (grown) from one print call to the next; undefined while a sink holds it. */
let sinkBuf: (Buffer & NativeWrite) | undefined;

/**
 * Output text gathered as bytes in one growing buffer and turned into a string
 * once (Latin-1); a string with a character above 0xFF is kept as its own piece.
 */
class TextSink {
  private buf: Buffer & NativeWrite;
  private n = 0;
  private parts: string[] = [];

  constructor() {
    this.buf = sinkBuf ?? (Buffer.allocUnsafe(1 << 16) as Buffer & NativeWrite);
    sinkBuf = undefined;
  }

  str(s: string): void {
    this.strFrom(s, 0);
  }

  /** Writes `s` from index `from` on. */
  strFrom(s: string, from: number): void {
    const len = s.length - from;
    const n = this.n;
    if (n + 3 * len > this.buf.length) this.grow(3 * len);
    const buf = this.buf;
    // Long strings are copied natively; UTF-8 is byte for byte while they are ASCII.
    if (from === 0 && len >= 32 && buf.utf8Write(s, n, 3 * len) === len) {
      this.n = n + len;
      return;
    }
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(from + i);
      if (c > 0xff) {
        this.flush();
        this.parts.push(from ? s.slice(from) : s);
        return;
      }
      buf[n + i] = c;
    }
    this.n = n + len;
  }

  ch(c: number): void {
    if (this.n === this.buf.length) this.grow(1);
    this.buf[this.n++] = c;
  }

  /** A non-negative integer in decimal. */
  int(v: number): void {
    if (v < 10) this.ch(48 + v);
    else this.str(String(v));
  }

  private grow(extra: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.n + extra)) as Buffer & NativeWrite;
    this.buf.copy(next, 0, 0, this.n);
    this.buf = next;
  }

  private flush(): void {
    if (this.n) this.parts.push(this.buf.toString('latin1', 0, this.n));
    this.n = 0;
  }

  /** The text written; the sink must not be used afterwards. */
  finish(): string {
    this.flush();
    sinkBuf = this.buf;
    const p = this.parts;
    return p.length === 1 ? p[0]! : p.join('');
  }
}

class Printer {
  private tn: TypeNamer;
  private w: TextSink;
  private attrGroupIds = new Map<string, number>();
  private attrGroupText: string[] = [];
  private globalNames: string[] = [];
  /** Per-function state while printing a body. */
  private body: FunctionBody | undefined = undefined;
  private localNames: string[] = [];
  private blockLabels: string[] = [];
  private fnConstText: (string | undefined)[] = [];
  private moduleConstText: (string | undefined)[] = [];
  private fnAttrRefs: (string | undefined)[] = [];
  private slotNames: string[] = [];
  private ptr0 = -1;
  /** Metadata numbering and text (whole-module printing only). */
  private md: MetadataPrinter | undefined = undefined;
  /** The current body's metadata, its location nodes by DEBUG_LOC index, and its debug records and attachments by instruction. */
  private fm: FunctionMetadata | undefined = undefined;
  private locNodes: Int32Array = new Int32Array(0);
  private recordsAt = new Map<number, number[]>();
  private attachAt = new Map<number, number[]>();

  constructor(private m: Module, w: TextSink) {
    this.w = w;
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

  module(w: TextSink, withMetadata: boolean): void {
    const m = this.m;
    const line = (s: string): void => {
      w.str(s);
      w.ch(10);
    };
    line(`; ModuleID = '${m.fileName}'`);
    line(`source_filename = "${escapeString(m.sourceFilename)}"`);
    if (m.dataLayout) line(`target datalayout = "${escapeString(m.dataLayout)}"`);
    if (m.triple) line(`target triple = "${escapeString(m.triple)}"`);
    if (m.moduleAsm) {
      line('');
      const lines = m.moduleAsm.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      for (const l of lines) line(`module asm "${escapeString(l)}"`);
    }
    const t = m.types;
    if (withMetadata) {
      this.md = new MetadataPrinter(m, readMetadata(m), (ty, v) => this.ty(ty) + ' ' + this.valueText(v));
      this.md.numberModule();
    }
    let first = true;
    for (let i = 0; i < t.length; i++) {
      if (t.kind[i] === TypeKind.Struct && (t.flags[i]! & TypeFlag.Identified) !== 0) {
        if (first) line('');
        first = false;
        line(`${this.tn.structRef(i)} = type ${this.tn.structBody(i)}`);
      }
    }
    if (m.comdats.length) {
      line('');
      const sel = ['any', 'exactmatch', 'largest', 'nodeduplicate', 'samesize'];
      for (const c of m.comdats) line(`$${quoteName(c.name)} = comdat ${sel[c.selection] ?? 'any'}`);
    }
    first = true;
    for (let i = 0; i < m.globals.length; i++) {
      const g = m.globals[i]!;
      if (g.kind !== GlobalKind.Var) continue;
      if (first) line('');
      first = false;
      line(this.globalVar(i));
    }
    first = true;
    for (let i = 0; i < m.globals.length; i++) {
      const g = m.globals[i]!;
      if (g.kind !== GlobalKind.Alias && g.kind !== GlobalKind.IFunc) continue;
      if (first) line('');
      first = false;
      line(this.alias(i));
    }
    for (let i = 0; i < m.globals.length; i++) {
      if (m.globals[i]!.kind !== GlobalKind.Function) continue;
      w.ch(10);
      this.function(i, w);
      w.ch(10);
    }
    if (this.attrGroupText.length) line('');
    for (let i = 0; i < this.attrGroupText.length; i++) line(`attributes #${i} = { ${this.attrGroupText[i]} }`);
    if (this.md) this.md.definitions((s) => w.str(s));
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
    const att = this.md ? this.md.t.globalAttachments(i) : undefined;
    if (att) s += this.md!.attachments(sortedPairs(att), ', ');
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

  /** Writes function `i` (declaration or definition) without a trailing newline, decoding its body. */
  function(i: number, w: TextSink): void {
    const m = this.m;
    const g = m.globals[i]!;
    const t = m.types;
    const fty = g.valueType;
    const list = g.attrs - 1;
    const body = g.body >= 0 ? decodeFunction(m, g.body) : undefined;
    this.setBody(body);
    w.str(body ? 'define ' : 'declare ');
    if (LINKAGE_NAMES[g.linkage]) {
      w.str(LINKAGE_NAMES[g.linkage]!);
      w.ch(32);
    }
    if (g.dsoLocal && !isImplicitDsoLocal(g)) w.str('dso_local ');
    w.str(VISIBILITY[g.visibility] ?? '');
    w.str(DLL[g.dllStorage] ?? '');
    w.str(ccString(g.callingConv));
    const ra = this.attrs(list, 0);
    if (ra) {
      w.str(ra);
      w.ch(32);
    }
    w.str(this.ty(t.a[fty]!));
    w.ch(32);
    w.str(this.globalNames[i]!);
    w.ch(0x28);
    const np = t.n[fty]!;
    for (let k = 0; k < np; k++) {
      if (k) w.str(', ');
      w.str(this.ty(t.elem(fty, k)));
      const pa = this.attrs(list, k + 1);
      if (pa) {
        w.ch(32);
        w.str(pa);
      }
      if (body) {
        w.ch(32);
        w.str(this.localNames[k]!);
      }
    }
    if (t.flags[fty]! & TypeFlag.VarArg) w.str(np ? ', ...' : '...');
    w.ch(0x29);
    if (g.unnamedAddr) {
      w.ch(32);
      w.str(UNNAMED_ADDR[g.unnamedAddr]!);
    }
    if (g.addrSpace) w.str(` addrspace(${g.addrSpace})`);
    if (list >= 0) w.str(this.fnAttrRef(list));
    if (g.section) w.str(` section "${escapeString(m.sections[g.section - 1]!)}"`);
    w.str(this.comdat(g, ' '));
    if (g.align) w.str(` align ${2 ** (g.align - 1)}`);
    if (g.gc) w.str(` gc "${escapeString(m.gcNames[g.gc - 1] ?? '')}"`);
    if (g.prefix) w.str(' prefix ' + this.value(g.prefix - 1, true));
    if (g.prologue) w.str(' prologue ' + this.value(g.prologue - 1, true));
    if (g.personality) w.str(' personality ' + this.value(g.personality - 1, true));
    if (!body) return;
    this.w = w;
    if (this.md) {
      this.numberFunction(g.body, body);
      w.str(this.md.attachments(sortedPairs(this.fm!.attachments), ' '));
    }
    w.str(' {\n');
    for (let b = 0; b < body.numBlocks; b++) {
      if (b > 0) w.ch(10);
      if (b > 0 || body.blockNames[0] !== undefined) {
        w.strFrom(this.blockLabels[b]!, 1);
        w.str(':\n');
      }
      const end = b + 1 < body.numBlocks ? body.blockStart[b + 1]! : body.numInsts;
      const md = this.md !== undefined && (this.locNodes.length > 0 || this.recordsAt.size > 0 || this.attachAt.size > 0);
      for (let k = body.blockStart[b]!; k < end; k++) {
        if (md) this.debugRecords(k);
        w.str('  ');
        this.inst(k);
        if (md) this.instAttachments(k);
        w.ch(10);
      }
    }
    w.ch(0x7d);
    this.setBody(undefined);
  }

  /**
   * Reads the body's metadata and numbers it as LLVM's SlotTracker does: the
   * function's attachments, then per instruction its debug records (variable,
   * location) and its attachments (`!dbg` first, the rest by kind).
   */
  private numberFunction(bodyIndex: number, body: FunctionBody): void {
    const md = this.md!;
    const t = md.t;
    const fm = (this.fm = readFunctionMetadata(this.m, bodyIndex, body));
    const fa = sortedPairs(fm.attachments);
    for (let i = 1; i < fa.length; i += 2) md.number(fa[i]!);
    const nl = body.locs.length / 5;
    const locNodes = (this.locNodes = new Int32Array(nl));
    for (let l = 0; l < nl; l++) locNodes[l] = debugLocation(t, fm, body, l);
    this.recordsAt.clear();
    const rec = body.dbgRecords.data;
    const ops = body.dbgOps.data;
    for (let r = 0; r < body.dbgRecords.length; r += 4) {
      const k = rec[r]!;
      let list = this.recordsAt.get(k);
      if (!list) this.recordsAt.set(k, (list = []));
      list.push(r);
    }
    this.attachAt.clear();
    const ia = fm.instAttachments;
    for (let i = 0; i < ia.length; i += 3) {
      let list = this.attachAt.get(ia[i]!);
      if (!list) this.attachAt.set(ia[i]!, (list = []));
      list.push(ia[i + 1]!, ia[i + 2]!);
    }
    if (nl === 0 && this.recordsAt.size === 0 && this.attachAt.size === 0) return;
    for (let k = 0; k < body.numInsts; k++) {
      const rs = this.recordsAt.get(k);
      if (rs) {
        for (const r of rs) {
          const code = rec[r + 1]!;
          const o = rec[r + 2]!;
          if (code === FuncCode.DebugRecordLabel) md.number(fm.map(ops[o + 1]!));
          else {
            if (code !== FuncCode.DebugRecordValueSimple) md.number(fm.map(ops[o + 3]!));
            md.number(fm.map(ops[o + 1]!));
            if (code === FuncCode.DebugRecordAssign) {
              md.number(fm.map(ops[o + 4]!));
              md.number(fm.map(ops[o + 5]!));
            }
          }
          md.number(fm.map(ops[o]!));
        }
      }
      const l = body.loc[k]!;
      if (l >= 0) md.number(locNodes[l]!);
      const att = this.attachAt.get(k);
      if (att) {
        const sorted = sortedPairs(att);
        this.attachAt.set(k, sorted);
        for (let i = 1; i < sorted.length; i += 2) md.number(sorted[i]!);
      }
    }
  }

  /** Writes the debug records that precede instruction k, one line each. */
  private debugRecords(k: number): void {
    const rs = this.recordsAt.get(k);
    if (!rs) return;
    const b = this.body!;
    const md = this.md!;
    const map = this.fm!.map;
    const rec = b.dbgRecords.data;
    const ops = b.dbgOps.data;
    const w = this.w;
    for (const r of rs) {
      const code = rec[r + 1]!;
      const o = rec[r + 2]!;
      const op = (i: number): string => md.operand(map(ops[o + i]!));
      let s: string;
      switch (code) {
        case FuncCode.DebugRecordLabel:
          s = `#dbg_label(${op(1)}, ${op(0)})`;
          break;
        case FuncCode.DebugRecordValueSimple:
          s = `#dbg_value(${this.value(ops[o + 3]!, true)}, ${op(1)}, ${op(2)}, ${op(0)})`;
          break;
        case FuncCode.DebugRecordAssign:
          s = `#dbg_assign(${op(3)}, ${op(1)}, ${op(2)}, ${op(4)}, ${op(5)}, ${op(6)}, ${op(0)})`;
          break;
        default: {
          const name = code === FuncCode.DebugRecordDeclare ? 'declare' : code === FuncCode.DebugRecordValue ? 'value' : 'declare_value';
          s = `#dbg_${name}(${op(3)}, ${op(1)}, ${op(2)}, ${op(0)})`;
        }
      }
      w.str('    ');
      w.str(s);
      w.ch(10);
    }
  }

  /** Writes instruction k's metadata attachments (`, !dbg !N` first). */
  private instAttachments(k: number): void {
    const md = this.md!;
    const l = this.body!.loc[k]!;
    if (l >= 0) {
      this.w.str(', !dbg ');
      this.w.str(md.operand(this.locNodes[l]!));
    }
    const att = this.attachAt.get(k);
    if (att) this.w.str(md.attachments(att, ', '));
  }

  /** ` #N` for the function attributes of attribute list `list`, or ''; cached per list. */
  private fnAttrRef(list: number): string {
    let s = this.fnAttrRefs[list];
    if (s === undefined) {
      const fa = attrsAt(this.m, list, ATTR_FUNCTION_INDEX);
      s = fa && fa.length ? this.attrGroupRef(fa) : '';
      this.fnAttrRefs[list] = s;
    }
    return s;
  }

  /** Assigns local names: named values keep theirs, the rest are numbered as LLVM's slot tracker does. */
  private setBody(body: FunctionBody | undefined): void {
    this.body = body;
    this.localNames.length = 0;
    this.blockLabels.length = 0;
    this.fnConstText.length = 0;
    if (!body) return;
    let slot = 0;
    const names = body.valueNames;
    const local = this.localNames;
    for (let k = 0; k < body.numArgs; k++) {
      const nm = names.size ? names.get(body.argBase + k) : undefined;
      local[k] = nm !== undefined ? '%' + quoteName(nm) : this.slotName(slot++);
    }
    for (let b = 0; b < body.numBlocks; b++) {
      const bn = body.blockNames[b];
      this.blockLabels[b] = bn !== undefined ? '%' + quoteName(bn) : this.slotName(slot++);
      const end = b + 1 < body.numBlocks ? body.blockStart[b + 1]! : body.numInsts;
      for (let k = body.blockStart[b]!; k < end; k++) {
        const v = body.val[k]!;
        if (v < 0) continue;
        const nm = names.size ? names.get(v) : undefined;
        local[v - body.argBase] = nm !== undefined ? '%' + quoteName(nm) : this.slotName(slot++);
      }
    }
  }

  /** `%N`, shared across functions. */
  private slotName(n: number): string {
    const c = this.slotNames;
    for (let k = c.length; k <= n; k++) c.push('%' + k);
    return c[n]!;
  }

  /** The type of value `v` (module or current function). */
  private typeOf(v: number): number {
    const m = this.m;
    if (v < m.globals.length) {
      const as = m.globals[v]!.addrSpace;
      if (as !== 0) return m.types.pointer(as);
      return this.ptr0 >= 0 ? this.ptr0 : (this.ptr0 = m.types.pointer(0));
    }
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
    if (v >= b.consts.base && v < b.instBase) {
      const k = v - b.consts.base;
      let s = this.fnConstText[k];
      if (s === undefined) this.fnConstText[k] = s = this.constant(b.consts, k);
      return s;
    }
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

  /** Writes value `v` preceded by its type. */
  private tv(v: number): void {
    const w = this.w;
    w.str(this.ty(this.typeOf(v)));
    w.ch(32);
    w.str(this.valueText(v));
  }

  private label(bb: number): void {
    this.w.str('label ');
    this.w.str(this.blockLabels[bb]!);
  }

  private align(a: number): void {
    if (!a) return;
    this.w.str(', align ');
    this.w.int(2 ** (a - 1));
  }

  private inst(k: number): void {
    const b = this.body!;
    const w = this.w;
    const t = this.m.types;
    const op = b.op[k]! as Op;
    const ty = b.ty[k]!;
    const f = b.flags[k]!;
    const base = b.opStart[k]!;
    const cnt = b.opCount[k]!;
    const od = b.ops.data;
    if (b.val[k]! >= 0) {
      w.str(this.localNames[b.val[k]! - b.argBase]!);
      w.str(' = ');
    }
    const name = OP_NAMES[op]!;
    if (op <= Op.FRem) {
      w.str(name);
      if (op >= Op.FAdd) w.str(fmfString(f));
      else if (op === Op.Add || op === Op.Sub || op === Op.Mul || op === Op.Shl) {
        if (f & 1) w.str(' nuw');
        if (f & 2) w.str(' nsw');
      } else if ((op === Op.UDiv || op === Op.SDiv || op === Op.LShr || op === Op.AShr) && f & 1) w.str(' exact');
      else if (op === Op.Or && f & 1) w.str(' disjoint');
      w.ch(32);
      this.tv(od[base]!);
      w.str(', ');
      w.str(this.valueText(od[base + 1]!));
      return;
    }
    if (op >= Op.Trunc && op <= Op.PtrToAddr) {
      w.str(name);
      if (op === Op.Trunc) {
        if (f & 1) w.str(' nuw');
        if (f & 2) w.str(' nsw');
      } else if ((op === Op.ZExt || op === Op.UIToFP) && f & 1) w.str(' nneg');
      else if (op === Op.FPTrunc || op === Op.FPExt || (op >= Op.FPToUI && op <= Op.SIToFP)) {
        if (f) w.str(fmfString(f));
      }
      w.ch(32);
      this.tv(od[base]!);
      w.str(' to ');
      w.str(this.ty(ty));
      return;
    }
    switch (op) {
      case Op.FNeg:
        w.str('fneg');
        w.str(fmfString(f));
        w.ch(32);
        this.tv(od[base]!);
        return;
      case Op.Freeze:
        w.str('freeze ');
        this.tv(od[base]!);
        return;
      case Op.ICmp: {
        const pred = f & 0xff;
        w.str(f & 0x100 ? 'icmp samesign ' : 'icmp ');
        w.str(ICMP_PREDS[pred] ?? `<pred ${pred}>`);
        w.ch(32);
        this.tv(od[base]!);
        w.str(', ');
        w.str(this.valueText(od[base + 1]!));
        return;
      }
      case Op.FCmp:
        w.str('fcmp');
        w.str(fmfString(f >> 8));
        w.ch(32);
        w.str(FCMP_PREDS[f & 0xff] ?? '<pred>');
        w.ch(32);
        this.tv(od[base]!);
        w.str(', ');
        w.str(this.valueText(od[base + 1]!));
        return;
      case Op.Select:
        w.str('select');
        w.str(fmfString(f));
        w.ch(32);
        this.tvList(od, base, 3);
        return;
      case Op.ExtractElement:
        w.str('extractelement ');
        this.tvList(od, base, 2);
        return;
      case Op.InsertElement:
        w.str('insertelement ');
        this.tvList(od, base, 3);
        return;
      case Op.ShuffleVector:
        w.str('shufflevector ');
        this.tvList(od, base, 3);
        return;
      case Op.ExtractValue:
        w.str('extractvalue ');
        this.tv(od[base]!);
        for (let i = 1; i < cnt; i++) {
          w.str(', ');
          w.int(od[base + i]!);
        }
        return;
      case Op.InsertValue:
        w.str('insertvalue ');
        this.tvList(od, base, 2);
        for (let i = 2; i < cnt; i++) {
          w.str(', ');
          w.int(od[base + i]!);
        }
        return;
      case Op.Alloca: {
        w.str('alloca ');
        if (f & 1) w.str('inalloca ');
        if (f & 2) w.str('swifterror ');
        w.str(this.ty(od[base]!));
        const size = od[base + 1]!;
        if (!this.isConstOne(size)) {
          w.str(', ');
          this.tv(size);
        }
        if (od[base + 3]) w.str(`, addrspace(${od[base + 3]})`);
        this.align(od[base + 2]!);
        return;
      }
      case Op.Load: {
        const ord = (f >> 1) & 7;
        w.str('load ');
        if (ord) w.str('atomic ');
        if (f & 1) w.str('volatile ');
        w.str(this.ty(ty));
        w.str(', ');
        this.tv(od[base]!);
        if (ord) {
          w.str(this.syncScope(f >> 4));
          w.ch(32);
          w.str(ORDERINGS[ord]!);
        }
        this.align(od[base + 1]!);
        return;
      }
      case Op.Store: {
        const ord = (f >> 1) & 7;
        w.str('store ');
        if (ord) w.str('atomic ');
        if (f & 1) w.str('volatile ');
        this.tv(od[base + 1]!);
        w.str(', ');
        this.tv(od[base]!);
        if (ord) {
          w.str(this.syncScope(f >> 4));
          w.ch(32);
          w.str(ORDERINGS[ord]!);
        }
        this.align(od[base + 2]!);
        return;
      }
      case Op.GetElementPtr:
        w.str('getelementptr');
        w.str(gepFlags(f));
        w.ch(32);
        w.str(this.ty(od[base]!));
        for (let i = 1; i < cnt; i++) {
          w.str(', ');
          this.tv(od[base + i]!);
        }
        return;
      case Op.Fence:
        w.str('fence');
        w.str(this.syncScope(f >> 4));
        w.ch(32);
        w.str(ORDERINGS[(f >> 1) & 7]!);
        return;
      case Op.CmpXchg:
        w.str('cmpxchg ');
        if (f & 2) w.str('weak ');
        if (f & 1) w.str('volatile ');
        this.tvList(od, base, 3);
        w.str(this.syncScope(f >> 8));
        w.ch(32);
        w.str(ORDERINGS[(f >> 2) & 7]!);
        w.ch(32);
        w.str(ORDERINGS[(f >> 5) & 7]!);
        this.align(od[base + 3]!);
        return;
      case Op.AtomicRMW:
        w.str('atomicrmw ');
        if (f & 1) w.str('volatile ');
        w.str(RMW_OPS[(f >> 4) & 31] ?? '<rmw>');
        w.ch(32);
        this.tvList(od, base, 2);
        w.str(this.syncScope(f >> 9));
        w.ch(32);
        w.str(ORDERINGS[(f >> 1) & 7]!);
        this.align(od[base + 2]!);
        return;
      case Op.Ret:
        if (cnt) {
          w.str('ret ');
          this.tv(od[base]!);
        } else w.str('ret void');
        return;
      case Op.Br:
        w.str('br ');
        if (cnt === 1) this.label(od[base]!);
        else {
          this.tv(od[base]!);
          w.str(', ');
          this.label(od[base + 1]!);
          w.str(', ');
          this.label(od[base + 2]!);
        }
        return;
      case Op.Switch: {
        w.str('switch ');
        this.tv(od[base]!);
        w.str(', ');
        this.label(od[base + 1]!);
        w.str(' [');
        const ct = this.ty(this.typeOf(od[base]!));
        for (let i = 2; i < cnt; i += 2) {
          w.str('\n    ');
          w.str(ct);
          w.ch(32);
          w.str(this.valueText(od[base + i]!));
          w.str(', ');
          this.label(od[base + i + 1]!);
        }
        w.str('\n  ]');
        return;
      }
      case Op.Unreachable:
        w.str('unreachable');
        return;
      case Op.Resume:
        w.str('resume ');
        this.tv(od[base]!);
        return;
      case Op.Phi:
        w.str('phi');
        if (f) w.str(fmfString(f));
        w.ch(32);
        w.str(this.ty(ty));
        for (let i = 0; i < cnt; i += 2) {
          w.str(i ? ', [ ' : ' [ ');
          w.str(this.valueText(od[base + i]!));
          w.str(', ');
          w.str(this.blockLabels[od[base + i + 1]!]!);
          w.str(' ]');
        }
        return;
      case Op.LandingPad:
        w.str('landingpad ');
        w.str(this.ty(ty));
        if (od[base]) w.str('\n          cleanup');
        for (let i = 1; i < cnt; i += 2) {
          w.str(od[base + i] ? '\n          filter ' : '\n          catch ');
          this.tv(od[base + i + 1]!);
        }
        return;
      case Op.Call:
      case Op.Invoke: {
        const isCall = op === Op.Call;
        const list = od[base]! - 1;
        const fty = od[base + 1]!;
        const calleeIdx = isCall ? 2 : 4;
        const callee = od[base + calleeIdx]!;
        if (isCall) {
          if (f & (1 << 14)) w.str('musttail ');
          else if (f & 1) w.str('tail ');
          else if (f & (1 << 16)) w.str('notail ');
          w.str('call');
          if (f >> 18) w.str(fmfString(f >> 18));
          w.ch(32);
          w.str(ccString((f >> 1) & 0x3ff));
        } else {
          w.str('invoke ');
          w.str(ccString(f & 0x3ff));
        }
        const ra = this.attrs(list, 0);
        if (ra) {
          w.str(ra);
          w.ch(32);
        }
        w.str(this.ty(t.flags[fty]! & TypeFlag.VarArg ? fty : t.a[fty]!));
        w.ch(32);
        w.str(this.valueText(callee));
        w.ch(0x28);
        const np = t.n[fty]!;
        for (let i = calleeIdx + 1; i < cnt; i++) {
          const argNo = i - calleeIdx - 1;
          if (argNo) w.str(', ');
          const v = od[base + i]!;
          const pty = argNo < np ? t.elem(fty, argNo) : this.typeOf(v);
          w.str(this.ty(pty));
          const pa = this.attrs(list, argNo + 1);
          if (pa) {
            w.ch(32);
            w.str(pa);
          }
          w.ch(32);
          w.str(t.kind[pty] === TypeKind.Label ? this.blockLabels[v]! : t.kind[pty] === TypeKind.Metadata ? '!?' : this.valueText(v));
        }
        w.ch(0x29);
        if (list >= 0) w.str(this.fnAttrRef(list));
        const bundles = b.bundles.size ? b.bundles.get(k) : undefined;
        if (bundles) {
          const parts = bundles.map((bd) => `"${escapeString(this.m.bundleTags[bd[0]!] ?? '')}"(${bd.slice(1).map((v) => this.value(v, true)).join(', ')})`);
          w.str(' [ ' + parts.join(', ') + ' ]');
        }
        if (!isCall) {
          w.str('\n          to ');
          this.label(od[base + 2]!);
          w.str(' unwind ');
          this.label(od[base + 3]!);
        }
        return;
      }
      case Op.VAArg:
        w.str('va_arg ');
        this.tv(od[base + 1]!);
        w.str(', ');
        w.str(this.ty(ty));
        return;
      default:
        w.str(`<unsupported ${name}>`);
    }
  }

  /** Writes `n` typed operands starting at `od[base]`, separated by commas. */
  private tvList(od: Int32Array, base: number, n: number): void {
    for (let i = 0; i < n; i++) {
      if (i) this.w.str(', ');
      this.tv(od[base + i]!);
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
