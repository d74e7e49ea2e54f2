// Reads the TYPE_BLOCK_NEW block into the module's TypeTable, and renders
// types as LLVM assembly text (`i32`, `ptr`, `{ i64, i1 }`, `%"name"`).

import { BitCursor, Entry } from './bitstream.js';
import { TypeCode } from './codes.js';
import { TypeFlag, TypeKind, type TypeTable } from './module.js';

export function readTypeBlock(c: BitCursor, t: TypeTable): void {
  c.enterBlock();
  let pendingName = '';
  let declared = -1;
  // Ids referenced before their definition: LLVM allows that only for named
  // structs, so every other type refers to earlier ones only.
  const forward = new Set<number>();
  let cur = 0;
  const checkType = (id: number): number => {
    if (!(id >= 0 && (declared < 0 || id < declared))) throw c.error(`type id ${id} out of range in type record ${c.code}`);
    if (id >= cur) forward.add(id);
    return id;
  };
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) break;
    if (e === Entry.SubBlock) {
      c.skipBlock();
      continue;
    }
    const code = c.readRecord(e);
    const o = c.ops;
    const n = c.n;
    cur = t.length;
    switch (code) {
      case TypeCode.NumEntry:
        declared = n > 0 ? o[0]! : 0;
        continue;
      case TypeCode.Void: t.add(TypeKind.Void); break;
      case TypeCode.Half: t.add(TypeKind.Half); break;
      case TypeCode.BFloat: t.add(TypeKind.BFloat); break;
      case TypeCode.Float: t.add(TypeKind.Float); break;
      case TypeCode.Double: t.add(TypeKind.Double); break;
      case TypeCode.X86Fp80: t.add(TypeKind.X86Fp80); break;
      case TypeCode.Fp128: t.add(TypeKind.Fp128); break;
      case TypeCode.PpcFp128: t.add(TypeKind.PpcFp128); break;
      case TypeCode.Label: t.add(TypeKind.Label); break;
      case TypeCode.Metadata: t.add(TypeKind.Metadata); break;
      case TypeCode.Token: t.add(TypeKind.Token); break;
      case TypeCode.X86Amx: t.add(TypeKind.X86Amx); break;
      case TypeCode.X86Mmx: t.add(TypeKind.X86Mmx); break;
      case TypeCode.Integer: {
        const w = n > 0 ? o[0]! : 0;
        if (w < 1 || w > 0x800000) throw c.error(`bad integer width ${w}`);
        t.add(TypeKind.Integer, w);
        break;
      }
      case TypeCode.OpaquePointer:
        t.add(TypeKind.Pointer, n > 0 ? o[0]! : 0);
        break;
      case TypeCode.Pointer:
        t.add(TypeKind.Pointer, n > 1 ? o[1]! : 0);
        break;
      case TypeCode.Function: {
        if (n < 2) throw c.error('FUNCTION type record is too short');
        const id = t.add(TypeKind.Function, checkType(o[1]!), 0, o[0] ? TypeFlag.VarArg : 0);
        const params: number[] = [];
        for (let i = 2; i < n; i++) params.push(checkType(o[i]!));
        t.setElems(id, params);
        break;
      }
      case TypeCode.StructAnon:
      case TypeCode.StructNamed: {
        if (n < 1) throw c.error('STRUCT type record is too short');
        let flags = o[0] ? TypeFlag.Packed : 0;
        if (code === TypeCode.StructNamed) flags |= TypeFlag.Identified;
        const id = t.add(TypeKind.Struct, 0, 0, flags);
        const elems: number[] = [];
        for (let i = 1; i < n; i++) elems.push(checkType(o[i]!));
        t.setElems(id, elems);
        if (code === TypeCode.StructNamed) t.name[id] = pendingName;
        pendingName = '';
        break;
      }
      case TypeCode.StructName:
        pendingName = c.str();
        continue;
      case TypeCode.Opaque: {
        const id = t.add(TypeKind.Struct, 0, 0, TypeFlag.Identified | TypeFlag.Opaque);
        t.name[id] = pendingName;
        pendingName = '';
        break;
      }
      case TypeCode.Array:
      case TypeCode.Vector: {
        if (n < 2) throw c.error('ARRAY/VECTOR type record is too short');
        const kind = code === TypeCode.Array ? TypeKind.Array : TypeKind.Vector;
        const flags = code === TypeCode.Vector && n > 2 && o[2] ? TypeFlag.Scalable : 0;
        t.add(kind, checkType(o[1]!), c.num(0), flags);
        break;
      }
      case TypeCode.TargetType: {
        const nt = n > 0 ? o[0]! : 0;
        const id = t.add(TypeKind.TargetExt, nt);
        const params: number[] = [];
        for (let i = 1; i < n; i++) params.push(i <= nt ? checkType(o[i]!) : o[i]!);
        t.targetParams[id] = params;
        t.name[id] = pendingName;
        pendingName = '';
        break;
      }
      default:
        throw c.error(`unknown type record code ${code}`);
    }
    if (declared >= 0 && t.length > declared) throw c.error(`more types than the ${declared} declared`);
    if (forward.has(cur) && (t.kind[cur] !== TypeKind.Struct || (t.flags[cur]! & TypeFlag.Identified) === 0)) {
      throw c.error(`type ${cur} is referenced before its definition but is not a named struct (type record ${code})`);
    }
  }
  if (declared >= 0 && t.length !== declared) {
    throw c.error(`type table has ${t.length} entries, ${declared} declared`);
  }
  for (const id of forward) {
    if (id >= t.length) throw c.error(`type table: type id ${id} is referenced but never defined (the table has ${t.length} types)`);
  }
  if (forward.size) checkNoValueCycle(c, t);
}

/**
 * Rejects named structs that contain themselves by value (through struct,
 * array and vector elements), which would have no size. Iterative DFS.
 */
function checkNoValueCycle(c: BitCursor, t: TypeTable): void {
  const state = new Uint8Array(t.length); // 0 new, 1 on the stack, 2 done
  const stack: number[] = [];
  const next: number[] = [];
  const children = (id: number): number => {
    const k = t.kind[id];
    if (k === TypeKind.Struct) return t.n[id]!;
    return k === TypeKind.Array || k === TypeKind.Vector ? 1 : 0;
  };
  const child = (id: number, i: number): number => (t.kind[id] === TypeKind.Struct ? t.elem(id, i) : t.a[id]!);
  for (let root = 0; root < t.length; root++) {
    if (state[root] !== 0) continue;
    stack.push(root);
    next.push(0);
    state[root] = 1;
    while (stack.length) {
      const top = stack.length - 1;
      const id = stack[top]!;
      const i = next[top]!;
      if (i === children(id)) {
        state[id] = 2;
        stack.pop();
        next.pop();
        continue;
      }
      next[top] = i + 1;
      const e = child(id, i);
      if (state[e] === 1) throw c.error(`type table: type ${e} contains itself`);
      if (state[e] === 0) {
        state[e] = 1;
        stack.push(e);
        next.push(0);
      }
    }
  }
}

const SIMPLE_NAMES: Record<number, string> = {
  [TypeKind.Void]: 'void', [TypeKind.Half]: 'half', [TypeKind.BFloat]: 'bfloat', [TypeKind.Float]: 'float',
  [TypeKind.Double]: 'double', [TypeKind.X86Fp80]: 'x86_fp80', [TypeKind.Fp128]: 'fp128',
  [TypeKind.PpcFp128]: 'ppc_fp128', [TypeKind.Label]: 'label', [TypeKind.Metadata]: 'metadata',
  [TypeKind.Token]: 'token', [TypeKind.X86Amx]: 'x86_amx', [TypeKind.X86Mmx]: 'x86_mmx',
};

/** Renders types as text, caching each id's string. */
export class TypeNamer {
  private cache: (string | undefined)[] = [];
  private unnamed = new Map<number, number>();
  constructor(private t: TypeTable, private quote: (name: string) => string) {
    let k = 0;
    for (let i = 0; i < t.length; i++) {
      if ((t.flags[i]! & TypeFlag.Identified) !== 0 && !t.name[i]) this.unnamed.set(i, k++);
    }
  }

  /** The `%name` of an identified struct. */
  structRef(id: number): string {
    const name = this.t.name[id];
    if (name) return '%' + this.quote(name);
    return '%' + this.unnamed.get(id);
  }

  /** A struct's body as written in its definition (`{ i32 }`, `<{ i8 }>`, `opaque`). */
  structBody(id: number): string {
    const t = this.t;
    if ((t.flags[id]! & TypeFlag.Opaque) !== 0) return 'opaque';
    const n = t.n[id]!;
    const packed = (t.flags[id]! & TypeFlag.Packed) !== 0;
    if (n === 0) return packed ? '<{}>' : '{}';
    let s = packed ? '<{ ' : '{ ';
    for (let i = 0; i < n; i++) s += (i ? ', ' : '') + this.ref(t.elem(id, i));
    return s + (packed ? ' }>' : ' }');
  }

  /**
   * Names are computed in id order: a type other than a named struct refers
   * only to earlier ids (the reader checks), and a named struct is named by
   * its `%name`, so no computation recurses more than one level.
   */
  name(id: number): string {
    const c = this.cache[id];
    if (c !== undefined) return c;
    const upTo = Math.min(id, this.t.length - 1);
    for (let i = this.cache.length; i <= upTo; i++) this.cache[i] = this.compute(i);
    return this.cache[id] ?? this.compute(id);
  }

  /** The name of a referenced type: `%name` for identified structs, without computing ahead. */
  private ref(id: number): string {
    const t = this.t;
    if (t.kind[id] === TypeKind.Struct && (t.flags[id]! & TypeFlag.Identified) !== 0) return this.structRef(id);
    return this.name(id);
  }

  private compute(id: number): string {
    const t = this.t;
    const k = t.kind[id];
    if (k === undefined) return `<bad type ${id}>`;
    switch (k) {
      case TypeKind.Integer:
        return 'i' + t.a[id];
      case TypeKind.Pointer:
        return t.a[id] ? `ptr addrspace(${t.a[id]})` : 'ptr';
      case TypeKind.Function: {
        const parts: string[] = [];
        for (let i = 0; i < t.n[id]!; i++) parts.push(this.ref(t.elem(id, i)));
        if (t.flags[id]! & TypeFlag.VarArg) parts.push('...');
        return `${this.ref(t.a[id]!)} (${parts.join(', ')})`;
      }
      case TypeKind.Struct:
        if (t.flags[id]! & TypeFlag.Identified) return this.structRef(id);
        return this.structBody(id);
      case TypeKind.Array:
        return `[${t.count[id]} x ${this.ref(t.a[id]!)}]`;
      case TypeKind.Vector:
        return t.flags[id]! & TypeFlag.Scalable
          ? `<vscale x ${t.count[id]} x ${this.ref(t.a[id]!)}>`
          : `<${t.count[id]} x ${this.ref(t.a[id]!)}>`;
      case TypeKind.TargetExt: {
        const p = t.targetParams[id] ?? [];
        const nt = t.a[id]!;
        let s = `target("${t.name[id] ?? ''}"`;
        for (let i = 0; i < p.length; i++) s += ', ' + (i < nt ? this.ref(p[i]!) : String(p[i]));
        return s + ')';
      }
      default:
        return SIMPLE_NAMES[k] ?? `<type ${k}>`;
    }
  }
}
