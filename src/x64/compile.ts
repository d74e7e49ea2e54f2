// Compiles CLIF functions into one x86-64 ELF relocatable object. Needs
// Functions; produces the object bytes: a `.text.<name>` section and global
// symbol per function, PLT32/PC32/GOTPCREL relocations, `.eh_frame` CFI, and
// for functions with landing pads a `.gcc_except_table` LSDA named by the FDE
// with the function's personality (through DW.ref.<personality>, as LLVM);
// the 16-byte constants the code reads (vectors, masks) go to one local
// `.rodata.cst16` section per object, each distinct constant once.

import { hasWideValues, legalizeWide } from '../ir/legalize-wide.js';
import { wideIsNative } from './wide.js';
import { functionFlags } from './operands.js';
import { type Function, ExnItem } from '../ir/function.js';
import { DataSection, Linkage, Visibility, type ClifModule, type FunctionSymbol } from '../ir/module.js';
import { ElfObject, DataKind, SHT, SHF, STB, STT, STV, R, type SymbolId, type SectionId } from '../object/elf.js';
import { VERSION } from '../support/version.js';
import { EhFrame } from '../object/eh-frame.js';
import { lsdaSection, writeLsda } from '../object/lsda.js';
import { Emitter, Cfi, type CodegenOptions } from './codegen.js';

export interface CompileOptions extends CodegenOptions {
  functionSections?: boolean;
  /** Maps a CLIF function name to its symbol (default: the name itself). */
  symbolName?: (name: string) => string;
  /** When given, a function that cannot be compiled is reported here and replaced by a trapping stub. */
  onError?: (func: number, error: unknown) => void;
}

/** A `ud2` site: the function (index), the offset of the instruction in it and its trap code. */
export interface TrapSite {
  func: number;
  offset: number;
  code: number;
}

/**
 * What debug info needs of one compiled function (CompileOptions.debugInfo):
 * where its code is and what the code generator decided. Offsets are from
 * the function's first byte.
 */
export interface FunctionDebugFacts {
  /** Index of the function in compile order. */
  func: number;
  symbol: SymbolId;
  section: SectionId;
  /** Offset of the function's first byte in its section. */
  offset: number;
  size: number;
  /** (code offset, srcloc) pairs where the srcloc changes, offsets ascending; srcloc -2 (NO_SRCLOC) is line 0. */
  rows: Int32Array;
  /** Code offset where the prologue ends before the first row, or -1 (Emitter.prologueEnd). */
  prologueEnd: number;
  /** DWARF register the frame is addressed from: 6 (rbp) or 7 (rsp). */
  frameBaseReg: number;
  /** Per CLIF stack slot, its offset from frameBaseReg in the body. */
  slotOffsets: Int32Array;
  /** Per value asked for by addFunction's `debugValues`, where it lives (five numbers each, see ValueLoc). */
  valueLocs: Int32Array;
}

export interface CompiledModule {
  bytes: Uint8Array;
  traps: TrapSite[];
  /** Code size of each function in bytes. */
  sizes: number[];
}

const emitter = new Emitter();

const GLOBAL_DEFAULT: FunctionSymbol = { linkage: Linkage.Global, visibility: Visibility.Default, sectionName: '' };

const BIND = [STB.LOCAL, STB.GLOBAL, STB.WEAK];
const VIS = [STV.DEFAULT, STV.HIDDEN, STV.PROTECTED];
const DATA_KIND = [DataKind.ReadOnly, DataKind.RelRo, DataKind.Data, DataKind.Bss, DataKind.TData, DataKind.TBss];

export function compileModule(funcs: Function[], opts: CompileOptions = {}): CompiledModule {
  return compileClifModule({ funcs, symbols: [], data: [], externs: [] }, opts);
}

/**
 * An ELF relocatable object for a CLIF module: its functions with their
 * linkage, its data objects with their relocations, a `.comment` naming cgts.
 */
export function compileClifModule(mod: ClifModule, opts: CompileOptions = {}): CompiledModule {
  const mc = new ModuleCompiler(opts);
  mc.addData(mod);
  for (let fi = 0; fi < mod.funcs.length; fi++) mc.addFunction(mod.funcs[fi]!, mod.symbols[fi] ?? GLOBAL_DEFAULT);
  return mc.finish();
}

const NO_VALUES = new Int32Array(0);

/**
 * Builds one object function by function, so a caller can translate, compile
 * and forget each function in turn (one reused Function, no module of them).
 */
export class ModuleCompiler {
  private obj: ElfObject;
  private eh: EhFrame;
  private opts: CompileOptions;
  private traps: TrapSite[] = [];
  private sizes: number[] = [];
  private sym: (n: string) => string;
  private cst16 = -1;
  private cst16At = new Map<string, number>();
  /** With debugInfo: one record per compiled function, in compile order. */
  readonly debugFacts: FunctionDebugFacts[] = [];

  constructor(opts: CompileOptions = {}) {
    this.opts = opts;
    this.obj = new ElfObject({ functionSections: opts.functionSections ?? true });
    this.eh = new EhFrame(this.obj);
    this.sym = opts.symbolName ?? ((n: string) => n);
  }

  /** Data objects and the kinds of undefined symbols (TLS, weak). */
  addData(mod: ClifModule): void {
    const obj = this.obj;
    writeData(obj, mod);
    for (const x of mod.externs) {
      const s = obj.symbol(x.name);
      if (x.tls) obj.setSymbolKind(s, x.weak ? STB.WEAK : STB.GLOBAL, STT.TLS, STV.DEFAULT);
      else if (x.weak) obj.setSymbolKind(s, STB.WEAK, STT.NOTYPE, STV.DEFAULT);
    }
  }

  /**
   * Compiles `f` and appends its code, symbol, relocations and CFI. The
   * Function may be reused afterwards. With debugInfo, the debug facts say
   * where each of `debugValues` (values of `f`) lives.
   */
  addFunction(f: Function, facts: FunctionSymbol = GLOBAL_DEFAULT, debugValues: ArrayLike<number> = NO_VALUES): void {
    const { obj, eh, opts, sym } = this;
    // 256-bit vectors stay whole only where every instruction on them has a YMM form
    const given = f;
    if (hasWideValues(f) && !wideIsNative(f, functionFlags(opts.isaFlags, f.isaFlags))) f = legalizeWide(f);
    const fi = this.sizes.length;
    const e = emitter;
    let stub = false;
    try {
      e.compile(f, opts);
    } catch (err) {
      if (!opts.onError) throw err;
      stub = true;
      opts.onError(fi, err);
      e.buf.reset();
      e.buf.u8(0x0f);
      e.buf.u8(0x0b);
      e.relocs.length = 0;
      e.roConsts.length = 0;
      e.traps.length = 0;
      e.cfi.length = 0;
      e.callSites.length = 0;
      e.landingPads.length = 0;
      e.lineRowCount = 0;
      e.prologueEnd = -1;
    }
    const name = sym(f.name);
    const sec = facts.sectionName ? obj.addSection(facts.sectionName, SHT.PROGBITS, SHF.ALLOC | SHF.EXECINSTR, 16) : obj.textSection(name);
    const text = obj.data(sec);
    text.align(16, 0xcc);
    const base = text.length;
    const code = e.buf.view8();
    text.append(code);
    const s = obj.symbol(name);
    obj.setSymbolKind(s, BIND[facts.linkage]!, STT.FUNC, VIS[facts.visibility]!);
    obj.define(s, sec, base, code.length);
    for (const r of e.relocs) {
      const target = obj.symbol(sym(r.symbol));
      // linkers reject TLS relocations against symbols not typed as TLS
      if (r.type === R.R_X86_64_TLSGD && !obj.isDefined(target)) obj.setSymbolKind(target, STB.GLOBAL, STT.TLS, STV.DEFAULT);
      obj.reloc(sec, base + r.offset, r.type as never, target, r.addend);
    }
    if (e.roConsts.length > 0) {
      if (this.cst16 < 0) this.cst16 = obj.addSection('.rodata.cst16', SHT.PROGBITS, SHF.ALLOC, 16);
      const data = obj.data(this.cst16);
      const secSym = obj.sectionSymbol(this.cst16);
      for (const c of e.roConsts) {
        let key = '';
        for (let k = 0; k < 16; k++) key += String.fromCharCode(c.bytes[k]);
        let at = this.cst16At.get(key);
        if (at === undefined) {
          at = data.length;
          data.append(c.bytes);
          this.cst16At.set(key, at);
        }
        obj.reloc(sec, base + c.at, R.R_X86_64_PC32, secSym, at + c.addend);
      }
    }
    for (let k = 0; k < e.traps.length; k += 2) this.traps.push({ func: fi, offset: e.traps[k], code: e.traps[k + 1] });
    if (e.landingPads.length > 0) {
      const t = exceptionTable(f, e, code.length);
      const lsec = lsdaSection(obj, name);
      const typeSyms: SymbolId[] = t.typeInfos.map((n) => (n === null ? -1 : obj.symbol(sym(n))));
      const at = writeLsda(obj, lsec, t.callSites, t.chains, typeSyms, t.filterIds);
      eh.beginFunction(sec, base, obj.symbol(sym(f.personality)), lsec, at);
    } else eh.beginFunction(sec, base);
    const c = e.cfi;
    for (let k = 0; k < c.length; k += 4) {
      eh.advanceTo(c[k]);
      switch (c[k + 1] as Cfi) {
        case Cfi.DefCfaOffset: eh.defCfaOffset(c[k + 2]); break;
        case Cfi.Offset: eh.offset(c[k + 2], c[k + 3]); break;
        case Cfi.DefCfaRegister: eh.defCfaRegister(c[k + 2]); break;
        case Cfi.Remember: eh.rememberState(); break;
        case Cfi.Restore: eh.restoreState(); break;
        case Cfi.DefCfa: eh.defCfa(c[k + 2], c[k + 3]); break;
        case Cfi.RestoreReg: eh.restore(c[k + 2]); break;
      }
    }
    eh.endFunction(code.length);
    this.sizes.push(code.length);
    if (opts.debugInfo) {
      const slots = new Int32Array(f.stackSlots.length);
      if (!stub) for (let k = 0; k < slots.length; k++) slots[k] = e.slotFrameOffset(k);
      // (legalization gives the values new numbers: they are then nowhere)
      const valueLocs = new Int32Array(5 * debugValues.length);
      if (!stub && f === given) e.describeValues(debugValues, valueLocs);
      this.debugFacts.push({
        func: fi, symbol: s, section: sec, offset: base, size: code.length,
        rows: e.lineRows.slice(0, 2 * e.lineRowCount), prologueEnd: e.prologueEnd,
        frameBaseReg: e.frameBaseReg, slotOffsets: slots, valueLocs,
      });
    }
  }

  /** The object being built, for writers of further sections (debug info) before finish(). */
  get object(): ElfObject {
    return this.obj;
  }

  finish(): CompiledModule {
    const obj = this.obj;
    const comment = obj.addSection('.comment', SHT.PROGBITS, SHF.MERGE | SHF.STRINGS, 1, 1);
    obj.data(comment).append(new TextEncoder().encode(`\0cgts ${VERSION}\0`));
    return { bytes: obj.finish(), traps: this.traps, sizes: this.sizes };
  }
}

/** Data objects: one section each (or the named one), a symbol, 8-byte absolute relocations. */
function writeData(obj: ElfObject, mod: ClifModule): void {
  for (const d of mod.data) {
    let sec: number;
    const tls = d.section === DataSection.Tdata || d.section === DataSection.Tbss;
    const nobits = d.section === DataSection.Bss || d.section === DataSection.Tbss;
    if (d.sectionName) {
      const write = d.section === DataSection.ReadOnly ? 0 : SHF.WRITE;
      sec = obj.addSection(d.sectionName, nobits ? SHT.NOBITS : SHT.PROGBITS, SHF.ALLOC | write | (tls ? SHF.TLS : 0), Math.max(d.align, 1));
    } else sec = obj.dataSection(DATA_KIND[d.section]!, d.name, Math.max(d.align, 1));
    if (d.retain) obj.sectionFlags(sec, SHF.GNU_RETAIN);
    let base: number;
    if (nobits) {
      base = alignUp(obj.sectionSize(sec), d.align);
      obj.setNobitsSize(sec, base + d.bytes.length);
    } else {
      const buf = obj.data(sec);
      buf.align(Math.max(d.align, 1), 0);
      base = buf.length;
      buf.append(d.bytes);
    }
    const s = obj.symbol(d.name);
    obj.setSymbolKind(s, BIND[d.linkage]!, tls ? STT.TLS : STT.OBJECT, VIS[d.visibility]!);
    obj.define(s, sec, base, d.bytes.length);
    for (const r of d.relocs) obj.reloc(sec, base + r.offset, R.R_X86_64_64, obj.symbol(r.symbol), r.addend);
  }
}

function alignUp(x: number, a: number): number {
  return a > 1 ? Math.ceil(x / a) * a : x;
}

/** What writeLsda needs for one function; type infos are symbol names, null for catch-all. */
export interface ExceptionTable {
  callSites: number[];
  chains: number[][];
  typeInfos: (string | null)[];
  filterIds: number[];
}

/**
 * The LSDA contents for the function just compiled, laid out as LLVM lays
 * them out: call sites in code order, a try range per try_call with a landing
 * pad (adjacent ranges with the same pad and action merged), and one range
 * without a pad from the end of the previous try range over every stretch
 * holding calls that may unwind (all `call`s and handler-less try_calls);
 * type ids numbered as LLVM numbers them (landing blocks in reverse
 * post-order, each one's clauses last to first), filters shared when one list is the tail of
 * another, an action chain per landing pad: its clauses in order, then
 * cleanup (0) if it has one and other clauses; cleanup alone is action 0.
 */
export function exceptionTable(f: Function, e: Emitter, codeSize: number): ExceptionTable {
  const typeInfos: (string | null)[] = [];
  const typeId = (n: string | null): number => {
    let k = typeInfos.indexOf(n);
    if (k < 0) k = typeInfos.push(n) - 1;
    return k + 1;
  };
  const filterIds: number[] = [];
  const filterEnds: number[] = [];
  const filterId = (ids: number[]): number => {
    for (const end of filterEnds) {
      let i = end, j = ids.length;
      while (i > 0 && j > 0 && filterIds[i - 1] === ids[j - 1]) { i--; j--; }
      if (j === 0) return -(1 + i);
    }
    const id = -(1 + filterIds.length);
    filterIds.push(...ids);
    filterEnds.push(filterIds.length);
    filterIds.push(0);
    return id;
  };
  const chains: number[][] = [];
  const chainIndex = new Map<string, number>();
  const lp = e.landingPads;
  // the ids of a try_call's clauses: cleanup first when it has other clauses, then its clauses last to first
  const typeIdsOf: (number[] | undefined)[] = [];
  const numberClauses = (pad: number): void => {
    const t = f.exnTable(lp[2 * pad]);
    const typeIds: number[] = [];
    let cleanup = false, clauses = 0;
    const n = f.exnItemCount(t);
    for (let q = 0; q < n; q++) {
      const kind = f.exnItemKind(t, q);
      if (kind === ExnItem.Cleanup) cleanup = true;
      else if (kind === ExnItem.Catch || kind === ExnItem.Default || kind === ExnItem.Filter) clauses++;
    }
    if (cleanup && clauses > 0) typeIds.push(0);
    for (let q = n - 1; q >= 0; q--) {
      const kind = f.exnItemKind(t, q), data = f.exnItemData(t, q);
      if (kind === ExnItem.Catch) typeIds.push(typeId(f.exnSymbols[data]));
      else if (kind === ExnItem.Default) typeIds.push(typeId(null));
      else if (kind === ExnItem.Filter) typeIds.push(filterId(f.exnFilterList(data).map((x) => typeId(f.exnSymbols[x]))));
    }
    typeIdsOf[pad] = typeIds;
  };
  // LLVM numbers types as it meets landing pads in reverse post-order of the
  // CFG (successors in order, the normal return before the handlers)
  const padsOfBlock = new Map<number, number[]>();
  for (let k = 0; k < lp.length; k += 2) {
    const b = f.callPool[f.blockCallAt(lp[k], 1)];
    const list = padsOfBlock.get(b);
    if (list) list.push(k >> 1);
    else padsOfBlock.set(b, [k >> 1]);
  }
  const an = e.an;
  const padBlocks = [...padsOfBlock.keys()].filter((b) => an.pre[b] >= 0).sort((x, y) => an.post[y] - an.post[x]);
  for (const b of padBlocks) for (const pad of padsOfBlock.get(b)!) numberClauses(pad);
  const padAction: number[] = [];
  for (let pad = 0; pad < lp.length >> 1; pad++) {
    if (!typeIdsOf[pad]) numberClauses(pad);
    const typeIds = typeIdsOf[pad]!;
    if (typeIds.length === 0) {
      padAction.push(0);
      continue;
    }
    const chain = typeIds.slice().reverse();
    const key = chain.join(',');
    let a = chainIndex.get(key);
    if (a === undefined) {
      a = chains.push(chain);
      chainIndex.set(key, a);
    }
    padAction.push(a);
  }
  const callSites: number[] = [];
  const cs = e.callSites;
  let lastEnd = 0;
  let mayThrow = false;
  let prevTry = false;
  for (let k = 0; k < cs.length; k += 3) {
    const start = cs[k], end = cs[k + 1], pad = cs[k + 2];
    if (pad < 0) {
      mayThrow = true;
      prevTry = false;
      continue;
    }
    if (mayThrow) {
      callSites.push(lastEnd, start - lastEnd, 0, 0);
      mayThrow = false;
    }
    const at = lp[2 * pad + 1], action = padAction[pad];
    const m = callSites.length;
    if (prevTry && callSites[m - 2] === at && callSites[m - 1] === action) callSites[m - 3] = end - callSites[m - 4];
    else callSites.push(start, end - start, at, action);
    lastEnd = end;
    prevTry = true;
  }
  if (mayThrow) callSites.push(lastEnd, codeSize - lastEnd, 0, 0);
  return { callSites, chains, typeInfos, filterIds };
}

/** An ELF relocatable object for `funcs`. Unsupported input throws a CgtsError naming the function and instruction. */
export function compileObject(funcs: Function[], opts: CompileOptions = {}): Uint8Array {
  return compileModule(funcs, opts).bytes;
}
