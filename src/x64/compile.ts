// Compiles CLIF functions into one x86-64 ELF relocatable object. Needs
// Functions; produces the object bytes: a `.text.<name>` section and global
// symbol per function, PLT32/PC32/GOTPCREL relocations and `.eh_frame` CFI;
// the 16-byte constants the code reads (vectors, masks) go to one local
// `.rodata.cst16` section per object, each distinct constant once.

import type { Function } from '../ir/function.js';
import { ElfObject, STB, STT, STV, R, SHT, SHF } from '../object/elf.js';
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

export function compileModule(funcs: Function[], opts: CompileOptions = {}): CompiledModule {
  const obj = new ElfObject({ functionSections: opts.functionSections ?? true });
  const eh = new EhFrame(obj);
  const traps: TrapSite[] = [];
  const sizes: number[] = [];
  const sym = opts.symbolName ?? ((n: string) => n);
  const e = emitter;
  let cst16 = -1;
  const cst16At = new Map<string, number>();
  for (let fi = 0; fi < funcs.length; fi++) {
    const f = funcs[fi];
    try {
      e.compile(f, opts);
    } catch (err) {
      if (!opts.onError) throw err;
      opts.onError(fi, err);
      e.buf.reset();
      e.buf.u8(0x0f);
      e.buf.u8(0x0b);
      e.relocs.length = 0;
      e.roConsts.length = 0;
      e.traps.length = 0;
      e.cfi.length = 0;
    }
    const name = sym(f.name);
    const sec = obj.textSection(name);
    const text = obj.data(sec);
    text.align(16, 0xcc);
    const base = text.length;
    const code = e.buf.view8();
    text.append(code);
    const s = obj.symbol(name);
    obj.setSymbolKind(s, STB.GLOBAL, STT.FUNC, STV.DEFAULT);
    obj.define(s, sec, base, code.length);
    for (const r of e.relocs) {
      const target = obj.symbol(sym(r.symbol));
      // linkers reject TLS relocations against symbols not typed as TLS
      if (r.type === R.R_X86_64_TLSGD) obj.setSymbolKind(target, STB.GLOBAL, STT.TLS, STV.DEFAULT);
      obj.reloc(sec, base + r.offset, r.type as never, target, r.addend);
    }
    if (e.roConsts.length > 0) {
      if (cst16 < 0) cst16 = obj.addSection('.rodata.cst16', SHT.PROGBITS, SHF.ALLOC, 16);
      const data = obj.data(cst16);
      const secSym = obj.sectionSymbol(cst16);
      for (const c of e.roConsts) {
        let key = '';
        for (let k = 0; k < 16; k++) key += String.fromCharCode(c.bytes[k]);
        let at = cst16At.get(key);
        if (at === undefined) {
          at = data.length;
          data.append(c.bytes);
          cst16At.set(key, at);
        }
        obj.reloc(sec, base + c.at, R.R_X86_64_PC32, secSym, at + c.addend);
      }
    }
    for (let k = 0; k < e.traps.length; k += 2) traps.push({ func: fi, offset: e.traps[k], code: e.traps[k + 1] });
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
    sizes.push(code.length);
  }
  return { bytes: obj.finish(), traps, sizes };
}

/** An ELF relocatable object for `funcs`. Unsupported input throws a CgtsError naming the function and instruction. */
export function compileObject(funcs: Function[], opts: CompileOptions = {}): Uint8Array {
  return compileModule(funcs, opts).bytes;
}
