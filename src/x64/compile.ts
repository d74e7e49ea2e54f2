// Compiles CLIF functions into one x86-64 ELF relocatable object. Needs
// Functions; produces the object bytes: a `.text.<name>` section and global
// symbol per function, PLT32/PC32/GOTPCREL relocations and `.eh_frame` CFI.

import type { Function } from '../ir/function.js';
import { DataSection, Linkage, Visibility, type ClifModule, type FunctionSymbol } from '../ir/module.js';
import { ElfObject, DataKind, SHT, SHF, STB, STT, STV, R } from '../object/elf.js';
import { VERSION } from '../support/version.js';
import { EhFrame } from '../object/eh-frame.js';
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

  /** Compiles `f` and appends its code, symbol, relocations and CFI. The Function may be reused afterwards. */
  addFunction(f: Function, facts: FunctionSymbol = GLOBAL_DEFAULT): void {
    const { obj, eh, opts, sym } = this;
    const fi = this.sizes.length;
    const e = emitter;
    try {
      e.compile(f, opts);
    } catch (err) {
      if (!opts.onError) throw err;
      opts.onError(fi, err);
      e.buf.reset();
      e.buf.u8(0x0f);
      e.buf.u8(0x0b);
      e.relocs.length = 0;
      e.traps.length = 0;
      e.cfi.length = 0;
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
    for (let k = 0; k < e.traps.length; k += 2) this.traps.push({ func: fi, offset: e.traps[k], code: e.traps[k + 1] });
    eh.beginFunction(sec, base);
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

/** An ELF relocatable object for `funcs`. Unsupported input throws a CgtsError naming the function and instruction. */
export function compileObject(funcs: Function[], opts: CompileOptions = {}): Uint8Array {
  return compileModule(funcs, opts).bytes;
}
