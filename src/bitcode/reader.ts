// Module-level bitcode reading: magic and wrapper, IDENTIFICATION, MODULE (v2,
// names from STRTAB), types, attributes, globals, module constants, metadata
// kinds, the module VST. Function blocks are only located here (bit offsets);
// `decodeFunction` in function.ts decodes a body later, in any order.

import { BitCursor, Entry, latin1 } from './bitstream.js';
import { BlockId, MetadataCode, ModuleCode, VstCode } from './codes.js';
import { readAttrBlock, readAttrGroupBlock } from './attributes.js';
import { readConstantsBlock } from './constants.js';
import { readTypeBlock } from './types.js';
import { ConstKind, GlobalKind, TypeKind, Module, type ConstTable, type GlobalValue } from './module.js';
import { CgtsError } from '../support/diag.js';

/** Linkage kinds of the model (normalized from the bitcode encoding). */
export const enum Linkage {
  External,
  Appending,
  Internal,
  ExternalWeak,
  Common,
  Private,
  AvailableExternally,
  WeakAny,
  WeakODR,
  LinkOnceAny,
  LinkOnceODR,
}

export const LINKAGE_NAMES = [
  '', 'appending', 'internal', 'extern_weak', 'common', 'private', 'available_externally', 'weak', 'weak_odr',
  'linkonce', 'linkonce_odr',
];

function decodeLinkage(v: number): Linkage {
  switch (v) {
    case 0: case 5: case 6: case 15: return Linkage.External;
    case 2: return Linkage.Appending;
    case 3: return Linkage.Internal;
    case 7: return Linkage.ExternalWeak;
    case 8: return Linkage.Common;
    case 9: case 13: case 14: return Linkage.Private;
    case 12: return Linkage.AvailableExternally;
    case 1: case 16: return Linkage.WeakAny;
    case 10: case 17: return Linkage.WeakODR;
    case 4: case 18: return Linkage.LinkOnceAny;
    case 11: case 19: return Linkage.LinkOnceODR;
    default: return -1 as Linkage;
  }
}

function newGlobal(kind: GlobalKind): GlobalValue {
  return {
    kind, name: '', valueType: 0, addrSpace: 0, linkage: 0, visibility: 0, dllStorage: 0, threadLocal: 0,
    unnamedAddr: 0, dsoLocal: false, align: 0, section: 0, comdat: 0, partition: '', isConstant: false,
    externallyInitialized: false, init: 0, callingConv: 0, isProto: false, attrs: 0, gc: 0, prefix: 0,
    prologue: 0, personality: 0, preemption: 0, body: -1, vstOffset: -1,
  };
}

/** Reads a bitcode module (a `.bc` file or a `-Clinker-plugin-lto` object). */
export function readModule(bytes: Uint8Array, fileName = '<bitcode>'): Module {
  let start = 0;
  let end = bytes.length;
  if (bytes.length >= 4 && bytes[0] === 0xde && bytes[1] === 0xc0 && bytes[2] === 0x17 && bytes[3] === 0x0b) {
    if (bytes.length < 20) throw new CgtsError('truncated bitcode wrapper header', `${fileName}: byte 0`);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    start = dv.getUint32(8, true);
    end = start + dv.getUint32(12, true);
    if (end > bytes.length || start > end) throw new CgtsError('bitcode wrapper points past the end of the file', `${fileName}: byte 8`);
  }
  const data = bytes.subarray(start, end);
  if (data.length < 4 || data[0] !== 0x42 || data[1] !== 0x43 || data[2] !== 0xc0 || data[3] !== 0xde) {
    throw new CgtsError("not an LLVM bitcode file (bad magic; expected 'BC' 0xC0DE)", `${fileName}: byte ${start}`);
  }
  const m = new Module(fileName, data);
  const c = new BitCursor(data, fileName, m.blockInfo);
  c.pos = 32;
  const names: [number, number][] = [];
  const recordPos: number[] = [];
  const comdatNames: [number, number][] = [];
  let strtab: Uint8Array | undefined;
  let sawModule = false;
  let modulePos = 0;
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) break;
    if (e !== Entry.SubBlock) throw c.error('record at top level');
    switch (c.subBlockId) {
      case BlockId.Identification:
        m.identPos = c.recordPos;
        readIdentification(c, m);
        break;
      case BlockId.Module:
        if (sawModule) {
          c.skipBlock();
          break;
        }
        sawModule = true;
        modulePos = c.recordPos;
        readModuleBlock(c, m, names, comdatNames, recordPos);
        break;
      case BlockId.Strtab:
        strtab = readStrtab(c);
        break;
      case BlockId.BlockInfo:
        c.readBlockInfo();
        break;
      default:
        c.skipBlock();
    }
    // Only the first module of a multi-module file is read.
    if (sawModule && strtab) break;
  }
  if (!sawModule) throw c.error('no MODULE block', c.pos);
  /** `bitPos` is where the record that names the entity starts, for the message. */
  const nameOf = (off: number, size: number, what: string, bitPos: number | undefined): string => {
    if (size === 0) return '';
    if (!strtab || off + size > strtab.length) {
      const where = bitPos === undefined ? fileName : `${fileName}: byte ${bitPos >>> 3} in MODULE block`;
      throw new CgtsError(`${what} name (bytes ${off}..${off + size}) lies outside the string table (${strtab ? strtab.length : 0} bytes)`, where);
    }
    return latin1(strtab, off, off + size);
  };
  if (m.version >= 2) {
    for (let i = 0; i < m.globals.length; i++) {
      const nm = names[i];
      if (nm) m.globals[i]!.name = nameOf(nm[0], nm[1], `global value #${i}`, recordPos[i]);
    }
    for (let i = 0; i < m.comdats.length; i++) {
      const nm = comdatNames[i];
      if (nm) m.comdats[i]!.name = nameOf(nm[0], nm[1], `comdat #${i}`, modulePos);
    }
  }
  m.consts.base = m.globals.length;
  validateModule(m, recordPos);
  return m;
}

function readIdentification(c: BitCursor, m: Module): void {
  c.enterBlock();
  for (let code = c.nextRecord(); code >= 0; code = c.nextRecord()) {
    if (code === 1) m.identification = c.str();
    else if (code === 2) {
      m.epoch = c.n > 0 ? c.ops[0]! : 0;
      if (m.epoch !== 0) throw c.error(`unsupported bitcode epoch ${m.epoch}`);
    }
  }
}

function readStrtab(c: BitCursor): Uint8Array {
  c.enterBlock();
  let blob: Uint8Array = new Uint8Array(0);
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) return blob;
    if (e === Entry.SubBlock) {
      c.skipBlock();
      continue;
    }
    if (c.readRecord(e) === 1) blob = c.blob();
  }
}

function readModuleBlock(
  c: BitCursor, m: Module, names: [number, number][], comdatNames: [number, number][], recordPos: number[],
): void {
  c.enterBlock();
  const t = m.types;
  const vstFn: number[] = [];
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) break;
    if (e === Entry.SubBlock) {
      const id = c.subBlockId;
      switch (id) {
        case BlockId.BlockInfo:
          c.readBlockInfo();
          break;
        case BlockId.TypeNew:
          readTypeBlock(c, t);
          break;
        case BlockId.ParamAttrGroup:
          readAttrGroupBlock(c, m);
          break;
        case BlockId.ParamAttr:
          readAttrBlock(c, m);
          break;
        case BlockId.Constants:
          m.consts.base = m.globals.length;
          m.constsPos = c.recordPos;
          readConstantsBlock(c, m.consts, t, Infinity);
          break;
        case BlockId.Function: {
          const blockPos = c.recordPos;
          const [abbrevWidth, bodyPos, end] = skipSavingPosition(c);
          m.bodies.push({ fn: -1, bodyPos, end, abbrevWidth, blockPos });
          break;
        }
        case BlockId.Metadata: {
          const [abbrevWidth, pos, end] = skipSavingPosition(c);
          m.metadataBlocks.push({ pos, end, abbrevWidth });
          break;
        }
        case BlockId.MetadataKind:
          readStringsBlock(c, (code, n) => {
            if (code === MetadataCode.Kind && n >= 1) m.metadataKinds[c.ops[0]!] = c.str(1);
          });
          break;
        case BlockId.OperandBundleTags:
          readStringsBlock(c, (code) => {
            if (code === 1) m.bundleTags.push(c.str());
          });
          break;
        case BlockId.SyncScopeNames:
          readStringsBlock(c, (code) => {
            if (code === 1) m.syncScopes.push(c.str());
          });
          break;
        case BlockId.ValueSymtab:
          readModuleVst(c, m, vstFn);
          break;
        default:
          c.skipBlock();
      }
      continue;
    }
    const code = c.readRecord(e);
    const o = c.ops;
    const n = c.n;
    switch (code) {
      case ModuleCode.Version:
        m.version = n > 0 ? o[0]! : 0;
        if (m.version > 2) throw c.error(`unsupported module version ${m.version}`);
        break;
      case ModuleCode.Triple:
        m.triple = c.str();
        break;
      case ModuleCode.DataLayout:
        m.dataLayout = c.str();
        break;
      case ModuleCode.SourceFilename:
        m.sourceFilename = c.str();
        break;
      case ModuleCode.Asm:
        m.moduleAsm = c.str();
        break;
      case ModuleCode.SectionName:
        m.sections.push(c.str());
        break;
      case ModuleCode.GcName:
        m.gcNames.push(c.str());
        break;
      case ModuleCode.Comdat: {
        if (m.version >= 2) {
          if (n < 3) throw c.error('COMDAT record is too short');
          comdatNames.push([o[0]!, o[1]!]);
          m.comdats.push({ name: '', selection: o[2]! });
        } else {
          m.comdats.push({ name: c.str(2, Math.min(n, 2 + (n > 1 ? o[1]! : 0))), selection: n > 0 ? o[0]! : 0 });
        }
        break;
      }
      case ModuleCode.GlobalVar:
      case ModuleCode.Function:
      case ModuleCode.Alias:
      case ModuleCode.IFunc:
        recordPos[m.globals.length] = c.recordPos;
        readGlobalRecord(c, m, code, names);
        break;
      default:
        break;
    }
  }
  // Function blocks appear in the order of the defining FUNCTION records.
  const defined: number[] = [];
  for (let i = 0; i < m.globals.length; i++) {
    const g = m.globals[i]!;
    if (g.kind === GlobalKind.Function && !g.isProto) defined.push(i);
  }
  if (defined.length !== m.bodies.length) {
    throw c.error(`${defined.length} function definitions but ${m.bodies.length} function blocks`, c.pos);
  }
  for (let k = 0; k < defined.length; k++) {
    const b = m.bodies[k]!;
    b.fn = defined[k]!;
    m.globals[b.fn]!.body = k;
  }
  for (let i = 0; i + 1 < vstFn.length; i += 2) {
    const g = m.globals[vstFn[i]!];
    if (!g || g.kind !== GlobalKind.Function) throw c.error(`module VST entry for value ${vstFn[i]} is not a function`);
    g.vstOffset = vstFn[i + 1]!;
    // FNENTRY offsets count 32-bit words from the start of the bitcode (the magic).
    if (g.body >= 0 && g.vstOffset * 32 !== m.bodies[g.body]!.blockPos) {
      throw c.error(`module VST offset of @${vstFn[i]} (word ${g.vstOffset}) is not where its function block is`);
    }
  }
}

/** Skips an announced sub-block; returns its abbreviation width, body start and end bits. */
function skipSavingPosition(c: BitCursor): [number, number, number] {
  const width = c.readVBR(4);
  c.alignTo32();
  const words = c.read(32);
  const bodyPos = c.pos;
  const end = bodyPos + words * 32;
  if (end > c.blockEnd) throw c.error(`block runs past the end of its parent`);
  c.pos = end;
  return [width, bodyPos, end];
}

function readStringsBlock(c: BitCursor, onRecord: (code: number, n: number) => void): void {
  c.enterBlock();
  for (;;) {
    const e = c.advance();
    if (e === Entry.EndBlock) return;
    if (e === Entry.SubBlock) {
      c.skipBlock();
      continue;
    }
    onRecord(c.readRecord(e), c.n);
  }
}

function readModuleVst(c: BitCursor, m: Module, vstFn: number[]): void {
  c.enterBlock();
  for (let code = c.nextRecord(); code >= 0; code = c.nextRecord()) {
    if (code === VstCode.FnEntry) {
      if (c.n < 2) throw c.error('FNENTRY record is too short');
      vstFn.push(c.ops[0]!, c.ops[1]!);
      if (m.version < 2 && c.n > 2) {
        const g = m.globals[c.ops[0]!];
        if (g) g.name = c.str(2);
      }
    } else if (code === VstCode.Entry && m.version < 2) {
      const g = m.globals[c.ops[0]!];
      if (g) g.name = c.str(1);
    }
  }
}

function readGlobalRecord(c: BitCursor, m: Module, code: number, names: [number, number][]): void {
  const t = m.types;
  const o: Uint32Array = c.ops;
  let n = c.n;
  // Operand k of the record proper is o[b + k] (v2 records start with the STRTAB name).
  let b = 0;
  if (m.version >= 2) {
    if (n < 2) throw c.error('global value record is too short');
    names[m.globals.length] = [o[0]!, o[1]!];
    b = 2;
    n -= 2;
  } else names[m.globals.length] = [0, 0];
  const ty = (v: number | undefined): number => {
    if (v === undefined || !(v >= 0 && v < t.length)) throw c.error(`type id ${v} out of range in global value record`);
    return v;
  };
  const linkage = (v: number | undefined): number => {
    const l = decodeLinkage(v ?? 0);
    if (l < 0) throw c.error(`unknown linkage ${v}`);
    return l;
  };
  const at = (i: number): number => (i < n ? o[b + i]! : 0);
  switch (code) {
    case ModuleCode.GlobalVar: {
      if (n < 6) throw c.error('GLOBALVAR record is too short');
      const g = newGlobal(GlobalKind.Var);
      let vt = ty(o[b + 0]);
      const explicitType = (at(1) & 2) !== 0;
      if (explicitType) g.addrSpace = at(1) >>> 2;
      else {
        g.addrSpace = t.a[vt]!;
        vt = t.a[vt]!;
      }
      g.valueType = vt;
      g.isConstant = (at(1) & 1) !== 0;
      g.init = at(2);
      g.linkage = linkage(o[b + 3]);
      g.align = at(4);
      g.section = at(5);
      g.visibility = at(6);
      g.threadLocal = at(7);
      g.unnamedAddr = at(8);
      g.externallyInitialized = at(9) !== 0;
      g.dllStorage = at(10);
      g.comdat = at(11);
      g.attrs = at(12);
      g.preemption = at(13);
      g.dsoLocal = at(13) === 1;
      m.globals.push(g);
      break;
    }
    case ModuleCode.Function: {
      if (n < 8) throw c.error('FUNCTION record is too short');
      const g = newGlobal(GlobalKind.Function);
      const ft = ty(o[b + 0]);
      if (t.kind[ft] !== TypeKind.Function) throw c.error(`function type ${ft} is not a function type`);
      g.valueType = ft;
      g.callingConv = at(1);
      g.isProto = at(2) !== 0;
      g.linkage = linkage(o[b + 3]);
      g.attrs = at(4);
      g.align = at(5);
      g.section = at(6);
      g.visibility = at(7);
      g.gc = at(8);
      g.unnamedAddr = at(9);
      g.prologue = at(10);
      g.dllStorage = at(11);
      g.comdat = at(12);
      g.prefix = at(13);
      g.personality = at(14);
      g.preemption = at(15);
      g.dsoLocal = at(15) === 1;
      g.addrSpace = at(16);
      m.globals.push(g);
      break;
    }
    case ModuleCode.Alias:
    case ModuleCode.IFunc: {
      if (n < 4) throw c.error('ALIAS record is too short');
      const g = newGlobal(code === ModuleCode.Alias ? GlobalKind.Alias : GlobalKind.IFunc);
      g.valueType = ty(o[b + 0]);
      g.addrSpace = at(1);
      g.init = at(2) + 1;
      g.linkage = linkage(o[b + 3]);
      g.visibility = at(4);
      if (code === ModuleCode.Alias) {
        g.dllStorage = at(5);
        g.threadLocal = at(6);
        g.unnamedAddr = at(7);
        g.preemption = at(8);
        g.dsoLocal = at(8) === 1;
      }
      m.globals.push(g);
      break;
    }
  }
}

function validateModule(m: Module, recordPos: number[]): void {
  const limit = m.numModuleValues;
  const at = (i: number) => `${m.fileName}: byte ${recordPos[i]! >>> 3} in MODULE block`;
  validateConsts(m.consts, limit, `${m.fileName}: byte ${m.constsPos >>> 3} in CONSTANTS block`);
  for (let i = 0; i < m.globals.length; i++) {
    const g = m.globals[i]!;
    const where = at(i);
    const rec = `record for @${g.name}`;
    if (g.init > limit) throw new CgtsError(`${rec}: initializer refers to value ${g.init - 1}, out of range`, where);
    for (const v of [g.personality, g.prefix, g.prologue]) {
      if (v > limit) throw new CgtsError(`${rec}: personality/prefix/prologue value ${v - 1} is out of range`, where);
    }
    if (g.attrs > m.attrLists.length) throw new CgtsError(`${rec}: attribute list ${g.attrs - 1} does not exist`, where);
    if (g.section > m.sections.length) throw new CgtsError(`${rec}: section ${g.section} does not exist`, where);
    if (g.comdat > m.comdats.length) throw new CgtsError(`${rec}: comdat ${g.comdat} does not exist`, where);
    if (g.gc > m.gcNames.length) throw new CgtsError(`${rec}: gc name ${g.gc} does not exist`, where);
    if (g.linkage < 0 || g.visibility > 2 || g.threadLocal > 4 || g.unnamedAddr > 2 || g.dllStorage > 2) {
      throw new CgtsError(`${rec}: bad linkage, visibility, thread-local, unnamed_addr or DLL storage code`, where);
    }
  }
}

/** Constant expressions may nest this deep within one table (the printer recurses per level). */
export const MAX_CONST_DEPTH = 500;

/**
 * Checks that every operand of the constants in `t` is a value id below
 * `limit`, that no constant contains itself, and that nesting within the table
 * stays within MAX_CONST_DEPTH (iterative DFS).
 */
export function validateConsts(t: ConstTable, limit: number, where: string): void {
  const len = t.length;
  const operandCount = (i: number): number => {
    switch (t.kind.data[i]!) {
      case ConstKind.Aggregate:
      case ConstKind.Cast:
      case ConstKind.Binop:
      case ConstKind.Gep:
      case ConstKind.Unop:
      case ConstKind.DsoLocalEquivalent:
      case ConstKind.NoCfi:
        return t.n.data[i]!;
      case ConstKind.BlockAddress:
        return 1;
      default:
        return 0;
    }
  };
  for (let i = 0; i < len; i++) {
    const count = operandCount(i);
    for (let j = 0; j < count; j++) {
      const v = t.op(i, j);
      if (v >= limit) throw new CgtsError(`constant ${t.base + i} refers to value ${v}, out of range (${limit} values)`, where);
    }
  }
  // depth[i]: 0 unvisited, -1 on the DFS stack, else 1 + the deepest operand's depth.
  const depth = new Int32Array(len);
  const stack: number[] = [];
  const next: number[] = [];
  for (let root = 0; root < len; root++) {
    if (depth[root] !== 0) continue;
    depth[root] = -1;
    stack.push(root);
    next.push(0);
    while (stack.length) {
      const top = stack.length - 1;
      const i = stack[top]!;
      const j = next[top]!;
      if (j === operandCount(i)) {
        let d = 1;
        for (let k = 0; k < j; k++) {
          const e = t.op(i, k) - t.base;
          if (e >= 0 && e < len && depth[e]! >= d) d = depth[e]! + 1;
        }
        if (d > MAX_CONST_DEPTH) throw new CgtsError(`constant ${t.base + i} nests constants more than ${MAX_CONST_DEPTH} deep`, where);
        depth[i] = d;
        stack.pop();
        next.pop();
        continue;
      }
      next[top] = j + 1;
      const e = t.op(i, j) - t.base;
      if (e < 0 || e >= len) continue;
      if (depth[e] === -1) throw new CgtsError(`constant ${t.base + e} contains itself`, where);
      if (depth[e] === 0) {
        depth[e] = -1;
        stack.push(e);
        next.push(0);
      }
    }
  }
}
