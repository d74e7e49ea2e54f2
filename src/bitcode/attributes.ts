// Reads PARAMATTR_GROUP and PARAMATTR blocks into attribute groups and lists,
// and renders attributes as LLVM assembly (`align 8`, `sret([24 x i8])`,
// `memory(argmem: readwrite)`, `"probe-stack"="inline-asm"`).

import { BitCursor } from './bitstream.js';
import { AttrCode } from './codes.js';
import { AttrKindTag, type Attr, type AttrGroup, type Module } from './module.js';

/** Attribute names by bitcode kind id (AttributeKindCodes in LLVMBitCodes.h). */
export const ATTR_NAMES: readonly string[] = [
  '', 'align', 'alwaysinline', 'byval', 'inlinehint', 'inreg', 'minsize', 'naked', 'nest', 'noalias',
  'nobuiltin', 'nocapture', 'noduplicate', 'noimplicitfloat', 'noinline', 'nonlazybind', 'noredzone', 'noreturn', 'nounwind', 'optsize',
  'readnone', 'readonly', 'returned', 'returns_twice', 'signext', 'alignstack', 'ssp', 'sspreq', 'sspstrong', 'sret',
  'sanitize_address', 'sanitize_thread', 'sanitize_memory', 'uwtable', 'zeroext', 'builtin', 'cold', 'optnone', 'inalloca', 'nonnull',
  'jumptable', 'dereferenceable', 'dereferenceable_or_null', 'convergent', 'safestack', 'argmemonly', 'swiftself', 'swifterror', 'norecurse', 'inaccessiblememonly',
  'inaccessiblemem_or_argmemonly', 'allocsize', 'writeonly', 'speculatable', 'strictfp', 'sanitize_hwaddress', 'nocf_check', 'optforfuzzing', 'shadowcallstack', 'speculative_load_hardening',
  'immarg', 'willreturn', 'nofree', 'nosync', 'sanitize_memtag', 'preallocated', 'nomerge', 'null_pointer_is_valid', 'noundef', 'byref',
  'mustprogress', 'nocallback', 'hot', 'noprofile', 'vscale_range', 'swiftasync', 'nosanitize_coverage', 'elementtype', 'disable_sanitizer_instrumentation', 'nosanitize_bounds',
  'allocalign', 'allocptr', 'allockind', 'presplitcoroutine', 'fn_ret_thunk_extern', 'skipprofile', 'memory', 'nofpclass', 'optdebug', 'writable',
  'coro_only_destroy_when_complete', 'dead_on_unwind', 'range', 'sanitize_numerical_stability', 'initializes', 'hybrid_patchable', 'sanitize_realtime', 'sanitize_realtime_blocking', 'coro_elide_safe', 'noext',
  'no_divergence_source', 'sanitize_type', 'captures', 'dead_on_return', 'sanitize_alloc_token', 'nocreateundeforpoison',
];

export const enum AttrKind {
  Alignment = 1,
  StackAlignment = 25,
  UWTable = 33,
  Dereferenceable = 41,
  DereferenceableOrNull = 42,
  AllocSize = 51,
  VScaleRange = 74,
  AllocKind = 82,
  Memory = 86,
  NoFPClass = 87,
  Captures = 102,
  DeadOnReturn = 103,
}

function readSignedWide(c: BitCursor, i: number): bigint {
  const v = c.big(i);
  if ((v & 1n) === 0n) return v >> 1n;
  if (v === 1n) return -(1n << 63n);
  return -(v >> 1n);
}

export function readAttrGroupBlock(c: BitCursor, m: Module): void {
  c.enterBlock();
  for (let code = c.nextRecord(); code >= 0; code = c.nextRecord()) {
    if (code !== AttrCode.GrpEntry) continue;
    const o = c.ops;
    const n = c.n;
    if (n < 2) throw c.error('attribute group record is too short');
    const g: AttrGroup = { id: o[0]!, index: o[1]!, attrs: [] };
    let i = 2;
    while (i < n) {
      const tag = o[i++]!;
      const a: Attr = { tag, kind: 0, key: '', value: '', int: 0n, type: -1, width: 0, ranges: [] };
      switch (tag) {
        case AttrKindTag.Enum:
        case AttrKindTag.TypeNone:
          a.kind = o[i++]!;
          break;
        case AttrKindTag.Int:
          a.kind = o[i++]!;
          a.int = c.big(i++);
          break;
        case AttrKindTag.Type:
          a.kind = o[i++]!;
          a.type = o[i++]!;
          break;
        case AttrKindTag.String:
        case AttrKindTag.StringValue: {
          let s = '';
          while (i < n && o[i] !== 0) s += String.fromCharCode(o[i++]!);
          i++;
          a.key = s;
          if (tag === AttrKindTag.StringValue) {
            let v = '';
            while (i < n && o[i] !== 0) v += String.fromCharCode(o[i++]!);
            i++;
            a.value = v;
          }
          break;
        }
        case AttrKindTag.ConstantRange: {
          a.kind = o[i++]!;
          a.width = o[i++]!;
          i = readRange(c, a, i);
          break;
        }
        case AttrKindTag.ConstantRangeList: {
          a.kind = o[i++]!;
          const count = o[i++]!;
          a.width = o[i++]!;
          for (let k = 0; k < count && i <= n; k++) i = readRange(c, a, i);
          break;
        }
        default:
          throw c.error(`unknown attribute encoding ${tag} in attribute group ${g.id}`);
      }
      if (i > n) throw c.error(`attribute group ${g.id} record is truncated`);
      if ((tag <= AttrKindTag.Int || tag >= AttrKindTag.Type) && !(a.kind > 0 && a.kind < ATTR_NAMES.length)) {
        throw c.error(`unknown attribute kind ${a.kind} in attribute group ${g.id}`);
      }
      g.attrs.push(a);
    }
    m.attrGroups.set(g.id, g);
  }
}

/** Reads one constant range at operand i (checked against the record length); returns the next operand. */
function readRange(c: BitCursor, a: Attr, i: number): number {
  const truncated = () => c.error(`constant range attribute (width ${a.width}) runs past the end of its record`);
  if (a.width <= 64) {
    if (i + 2 > c.n) throw truncated();
    a.ranges.push(readSignedWide(c, i), readSignedWide(c, i + 1));
    return i + 2;
  }
  if (i >= c.n) throw truncated();
  const words = c.num(i);
  const lw = words % 4294967296;
  const hw = Math.floor(words / 4294967296);
  const maxWords = Math.ceil(a.width / 64);
  if (lw > maxWords || hw > maxWords) throw c.error(`constant range attribute of width ${a.width} has ${lw}+${hw} words`);
  i++;
  if (i + lw + hw > c.n) throw truncated();
  const wide = (count: number): bigint => {
    let v = 0n;
    for (let k = 0; k < count; k++) v |= BigInt.asUintN(64, readSignedWide(c, i + k)) << BigInt(64 * k);
    i += count;
    return BigInt.asIntN(a.width, v);
  };
  const lo = wide(lw);
  const hi = wide(hw);
  a.ranges.push(lo, hi);
  return i;
}

export function readAttrBlock(c: BitCursor, m: Module): void {
  c.enterBlock();
  for (let code = c.nextRecord(); code >= 0; code = c.nextRecord()) {
    if (code !== AttrCode.Entry) continue;
    const groups: AttrGroup[] = [];
    for (let i = 0; i < c.n; i++) {
      const g = m.attrGroups.get(c.ops[i]!);
      if (!g) throw c.error(`attribute list refers to unknown group ${c.ops[i]}`);
      groups.push(g);
    }
    m.attrLists.push({ groups });
  }
}

/** The attributes of list `list` (0-based) at `index`, or undefined. */
export function attrsAt(m: Module, list: number, index: number): Attr[] | undefined {
  const l = m.attrLists[list];
  if (!l) return undefined;
  for (const g of l.groups) if (g.index === index) return g.attrs;
  return undefined;
}

const HEX = '0123456789ABCDEF';

/** Escapes a string the way LLVM's printEscapedString does. */
export function escapeString(s: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 0x20 && ch < 0x7f && ch !== 0x22 && ch !== 0x5c) continue;
    if (run < i) out += s.slice(run, i);
    run = i + 1;
    if (ch === 0x5c) out += '\\\\';
    else out += '\\' + HEX[(ch >> 4) & 15] + HEX[ch & 15];
  }
  return run === 0 ? s : run < s.length ? out + s.slice(run) : out;
}

const MODREF = ['none', 'read', 'write', 'readwrite'];
const MEM_LOCS = ['argmem', 'inaccessiblemem', 'errnomem', '', 'target_mem0', 'target_mem1'];

/**
 * The memory effects of a `memory` attribute as 2 bits per location (argmem,
 * inaccessiblemem, errnomem, other, target_mem0, target_mem1). Current writers
 * set bit 56 to mark that layout; older ones had (argmem, inaccessiblemem, other).
 */
function memoryEffects(v: bigint): number {
  if (v & (1n << 56n)) return Number(v & 0xfffn);
  const n = Number(v & 0x3fn);
  const other = (n >> 4) & 3;
  return (n & 15) | (other << 4) | (other << 6) | (other << 8) | (other << 10);
}

function memoryString(v: number): string {
  const other = (v >> 6) & 3;
  let all = 0;
  for (let loc = 0; loc < 6; loc++) all |= (v >> (2 * loc)) & 3;
  const parts: string[] = [];
  if (other !== 0 || all === other) parts.push(MODREF[other]!);
  for (let loc = 0; loc < 6; loc++) {
    if (loc === 3) continue;
    const mr = (v >> (2 * loc)) & 3;
    if (mr === other) continue;
    parts.push(`${MEM_LOCS[loc]}: ${MODREF[mr]}`);
  }
  return `memory(${parts.join(', ')})`;
}

function captureComponents(cc: number): string[] {
  const out: string[] = [];
  if (cc === 0) return ['none'];
  if ((cc & 3) === 3) out.push('address');
  else if (cc & 1) out.push('address_is_null');
  if ((cc & 12) === 12) out.push('provenance');
  else if (cc & 4) out.push('read_provenance');
  return out;
}

function capturesString(v: number): string {
  const other = (v >> 4) & 15;
  const ret = v & 15;
  const parts: string[] = [];
  if (other !== 0 || ret === 0) parts.push(...captureComponents(other));
  if (ret !== other) parts.push('ret: ' + captureComponents(ret).join(', '));
  return `captures(${parts.join(', ')})`;
}

const ALLOC_KINDS = ['alloc', 'realloc', 'free', 'uninitialized', 'zeroed', 'aligned'];

const FPCLASS = ['snan', 'qnan', 'ninf', 'nnorm', 'nsub', 'nzero', 'pzero', 'psub', 'pnorm', 'pinf'];

function nofpclassString(v: number): string {
  if ((v & 0x3ff) === 0x3ff) return 'nofpclass(all)';
  const parts: string[] = [];
  let rest = v;
  const groups: [number, string][] = [[3, 'nan'], [0x204, 'inf'], [0x108, 'norm'], [0x90, 'sub'], [0x60, 'zero']];
  for (const [mask, name] of groups) {
    if ((rest & mask) === mask) {
      parts.push(name);
      rest &= ~mask;
    }
  }
  for (let b = 0; b < 10; b++) if (rest & (1 << b)) parts.push(FPCLASS[b]!);
  return `nofpclass(${parts.join(' ')})`;
}

/** One attribute as LLVM assembly text. */
export function attrString(a: Attr, typeName: (t: number) => string): string {
  if (a.tag === AttrKindTag.String) return `"${escapeString(a.key)}"`;
  if (a.tag === AttrKindTag.StringValue) return `"${escapeString(a.key)}"="${escapeString(a.value)}"`;
  const name = ATTR_NAMES[a.kind]!;
  if (a.tag === AttrKindTag.Type) return `${name}(${typeName(a.type)})`;
  if (a.tag === AttrKindTag.ConstantRange) return `${name}(i${a.width} ${a.ranges[0]}, ${a.ranges[1]})`;
  if (a.tag === AttrKindTag.ConstantRangeList) {
    const parts: string[] = [];
    for (let i = 0; i < a.ranges.length; i += 2) parts.push(`(${a.ranges[i]}, ${a.ranges[i + 1]})`);
    return `${name}(${parts.join(',')})`;
  }
  if (a.tag !== AttrKindTag.Int) return name;
  const v = a.int;
  const nv = Number(v);
  switch (a.kind) {
    case AttrKind.Alignment:
      return `align ${v}`;
    case AttrKind.StackAlignment:
      return `alignstack(${v})`;
    case AttrKind.UWTable:
      return nv === 1 ? 'uwtable(sync)' : 'uwtable';
    case AttrKind.AllocSize: {
      const elem = Number(v >> 32n);
      const num = Number(v & 0xffffffffn);
      return num === 0xffffffff ? `allocsize(${elem})` : `allocsize(${elem},${num})`;
    }
    case AttrKind.VScaleRange: {
      const min = Number(v >> 32n);
      const max = Number(v & 0xffffffffn);
      return `vscale_range(${min},${max})`;
    }
    case AttrKind.AllocKind: {
      const parts = ALLOC_KINDS.filter((_, b) => (nv & (1 << b)) !== 0);
      return `allockind("${parts.join(',')}")`;
    }
    case AttrKind.Memory:
      return memoryString(memoryEffects(v));
    case AttrKind.Captures:
      return capturesString(nv);
    case AttrKind.NoFPClass:
      return nofpclassString(nv);
    case AttrKind.DeadOnReturn:
      return nv === 0 ? name : `${name}(${v})`;
    default:
      return `${name}(${v})`;
  }
}

export function attrsString(attrs: readonly Attr[], typeName: (t: number) => string): string {
  let s = '';
  for (let i = 0; i < attrs.length; i++) s += (i ? ' ' : '') + attrString(attrs[i]!, typeName);
  return s;
}
