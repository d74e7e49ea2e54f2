// ELF64 x86-64 relocatable object builder. Needs: sections, symbols and
// relocations from the code generator. Produces: the whole ET_REL object as
// one Uint8Array, laid out and written into a single buffer by finish().
//
// Usage (all ids are dense integers, -1 means "none"):
//
//   const obj = new ElfObject({ functionSections: true, fileName: 'lib.rs' });
//
//   Sections
//     obj.textSection(fn)                 `.text.<fn>` (one per function, the default,
//                                         for --gc-sections) or the one shared `.text`
//     obj.dataSection(DataKind.X, sym)    `.rodata.<sym>`, `.data.rel.ro.<sym>`,
//                                         `.data.<sym>`, `.bss.<sym>`, `.tdata.<sym>`,
//                                         `.tbss.<sym>`, `.rodata.str1.1` (merged C
//                                         strings); without per-symbol sections the
//                                         shared `.rodata`, `.data`, ...
//     obj.addSection(name, SHT.x, SHF.x, align, entsize?)   anything else
//     obj.data(sec)                       the section's ByteBuffer: append code/data,
//                                         patch it; its length is the section size
//     obj.setNobitsSize(sec, n)           size of a NOBITS section (.bss, .tbss)
//     obj.sectionSymbol(sec)              its STT_SECTION symbol, made on first use
//     obj.setLinkOrder(sec, target)       SHF_LINK_ORDER + sh_link (e.g. per-function
//                                         .gcc_except_table following its .text)
//   Symbols
//     obj.symbol(name)                    get or create by name. A new symbol is
//                                         undefined, STB.GLOBAL, STT.NOTYPE, STV.DEFAULT;
//                                         use it in relocations at once (forward calls)
//     obj.setSymbolKind(sym, STB.x, STT.x, STV.x)
//     obj.define(sym, sec, value, size)   defines it at `value` bytes into `sec`
//     obj.defineAbsolute(sym, value)
//     obj.anonymousLocal(name, sec, value, size, STT.x)  a local outside the name map
//   Relocations
//     obj.reloc(sec, offset, R.PLT32, sym, addend)
//       RELA: the addend is explicit. For a 4-byte pc-relative field ending the
//       instruction (call rel32, lea/mov [rip+disp32]) the addend is -4; when
//       an immediate follows the field, -4 - immediateSize.
//   COMDAT groups
//     obj.addComdat(signatureSym, [sec, ...])  members (and their .rela) get SHF_GROUP
//   Output
//     obj.finish(): Uint8Array            adds `.note.GNU-stack`, orders the symbol
//                                         table (locals first, sh_info = first global)
//
// Siblings: eh-frame.ts (.eh_frame CFI), lsda.ts (.gcc_except_table), ar.ts
// (archives/rlibs), elf-read.ts (reading objects back).
//
// Symbols referenced by relocations but never defined are written as undefined
// globals (STB.WEAK if so marked); an undefined local is an internal error.

import { ByteBuffer } from '../support/bytes.js';
import { assert } from '../support/diag.js';

/** Section types. */
export const SHT = {
  NULL: 0, PROGBITS: 1, SYMTAB: 2, STRTAB: 3, RELA: 4, NOBITS: 8, NOTE: 7,
  INIT_ARRAY: 14, FINI_ARRAY: 15, GROUP: 17, SYMTAB_SHNDX: 18,
  X86_64_UNWIND: 0x70000001,
} as const;

/** Section flags. */
export const SHF = {
  WRITE: 0x1, ALLOC: 0x2, EXECINSTR: 0x4, MERGE: 0x10, STRINGS: 0x20,
  INFO_LINK: 0x40, LINK_ORDER: 0x80, GROUP: 0x200, TLS: 0x400, GNU_RETAIN: 0x200000,
} as const;

/** Symbol bindings. */
export const STB = { LOCAL: 0, GLOBAL: 1, WEAK: 2 } as const;
/** Symbol types. */
export const STT = { NOTYPE: 0, OBJECT: 1, FUNC: 2, SECTION: 3, FILE: 4, TLS: 6 } as const;
/** Symbol visibilities (st_other). */
export const STV = { DEFAULT: 0, INTERNAL: 1, HIDDEN: 2, PROTECTED: 3 } as const;

/** Special section indices. */
export const SHN = { UNDEF: 0, LORESERVE: 0xff00, ABS: 0xfff1, COMMON: 0xfff2, XINDEX: 0xffff } as const;

/** x86-64 relocation types: the one table of them. */
export const R = {
  R_X86_64_NONE: 0,
  R_X86_64_64: 1,
  R_X86_64_PC32: 2,
  R_X86_64_GOT32: 3,
  R_X86_64_PLT32: 4,
  R_X86_64_GOTPCREL: 9,
  R_X86_64_32: 10,
  R_X86_64_32S: 11,
  R_X86_64_DTPMOD64: 16,
  R_X86_64_DTPOFF64: 17,
  R_X86_64_TPOFF64: 18,
  R_X86_64_TLSGD: 19,
  R_X86_64_TLSLD: 20,
  R_X86_64_DTPOFF32: 21,
  R_X86_64_GOTTPOFF: 22,
  R_X86_64_TPOFF32: 23,
  R_X86_64_PC64: 24,
  R_X86_64_GOTPCRELX: 41,
  R_X86_64_REX_GOTPCRELX: 42,
} as const;
export type RelocType = (typeof R)[keyof typeof R];

const relocNames = new Map<number, string>(Object.entries(R).map(([k, v]) => [v, k]));
/** `R_X86_64_PC32` for 2; `R_X86_64_<n>` for a type not in the table. */
export function relocName(type: number): string {
  return relocNames.get(type) ?? `R_X86_64_<${type}>`;
}

/** What a data section holds; picks its name prefix, type and flags. */
export const enum DataKind {
  ReadOnly,
  /** read-only after relocation: vtables and constants holding pointers */
  RelRo,
  Data,
  Bss,
  TData,
  TBss,
  /** NUL-terminated byte strings, merged by the linker (entsize 1) */
  CStrings,
}

const dataKinds: readonly { prefix: string; type: number; flags: number }[] = [
  { prefix: '.rodata', type: SHT.PROGBITS, flags: SHF.ALLOC },
  { prefix: '.data.rel.ro', type: SHT.PROGBITS, flags: SHF.ALLOC | SHF.WRITE },
  { prefix: '.data', type: SHT.PROGBITS, flags: SHF.ALLOC | SHF.WRITE },
  { prefix: '.bss', type: SHT.NOBITS, flags: SHF.ALLOC | SHF.WRITE },
  { prefix: '.tdata', type: SHT.PROGBITS, flags: SHF.ALLOC | SHF.WRITE | SHF.TLS },
  { prefix: '.tbss', type: SHT.NOBITS, flags: SHF.ALLOC | SHF.WRITE | SHF.TLS },
  { prefix: '.rodata.str1.1', type: SHT.PROGBITS, flags: SHF.ALLOC | SHF.MERGE | SHF.STRINGS },
];

export type SectionId = number;
export type SymbolId = number;

export interface ElfObjectOptions {
  /** One `.text.<fn>` / `.data.<sym>` section per symbol (default true). */
  functionSections?: boolean;
  /** Name for an STT_FILE symbol; none if omitted. */
  fileName?: string;
}

class Section {
  name: string;
  type: number;
  flags: number;
  align: number;
  entsize: number;
  data: ByteBuffer | null;
  nobitsSize: number;
  /** SHF_LINK_ORDER target (a SectionId), or -1 */
  linkOrder: SectionId;
  /** comdat group index, or -1 */
  group: number;
  /** STT_SECTION symbol id, or -1 */
  symbol: SymbolId;
  constructor(name: string, type: number, flags: number, align: number, entsize: number) {
    this.name = name;
    this.type = type;
    this.flags = flags;
    this.align = align;
    this.entsize = entsize;
    this.data = type === SHT.NOBITS ? null : new ByteBuffer(64);
    this.nobitsSize = 0;
    this.linkOrder = -1;
    this.group = -1;
    this.symbol = -1;
  }
  size(): number {
    return this.data === null ? this.nobitsSize : this.data.length;
  }
}

/** A growable Int32Array column. */
class I32Col {
  a = new Int32Array(256);
  n = 0;
  push(v: number): number {
    if (this.n === this.a.length) {
      const next = new Int32Array(this.n * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n] = v;
    return this.n++;
  }
}

/** A growable Float64Array column: integers up to 2^53 in magnitude. */
class F64Col {
  a = new Float64Array(256);
  n = 0;
  push(v: number): number {
    if (this.n === this.a.length) {
      const next = new Float64Array(this.n * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n] = v;
    return this.n++;
  }
}

// Symbol section column values besides real SectionIds.
const SYM_UNDEF = -1;
const SYM_ABS = -2;

const textEncoder = new TextEncoder();

/** Stores a 64-bit little-endian value (below 2^53) at `at` (a module function: a closure made per call would deoptimize its caller each time). */
function setU64(v: DataView, at: number, x: number): void {
  v.setUint32(at, x >>> 0, true);
  v.setInt32(at + 4, Math.floor(x / 4294967296), true);
}

export class ElfObject {
  readonly functionSections: boolean;
  readonly fileName: string;
  private sections: Section[] = [];
  private sharedSections = new Map<string, SectionId>();

  // symbols, one column each
  private symNames: string[] = [];
  private symSection = new I32Col();
  /** bind << 4 | type, as st_info */
  private symInfo = new I32Col();
  private symVis = new I32Col();
  private symValue = new F64Col();
  private symSize = new F64Col();
  private symByName = new Map<string, SymbolId>();

  // relocations, one column each
  private relSection = new I32Col();
  private relOffset = new I32Col();
  private relType = new I32Col();
  private relSym = new I32Col();
  private relAddend = new F64Col();

  private groups: { signature: SymbolId; members: SectionId[] }[] = [];

  constructor(options: ElfObjectOptions = {}) {
    this.functionSections = options.functionSections ?? true;
    this.fileName = options.fileName ?? '';
  }

  // ---- sections ----

  addSection(name: string, type: number, flags: number, align: number, entsize = 0): SectionId {
    assert(align > 0 && (align & (align - 1)) === 0, `section ${name}: alignment ${align} is not a power of two`);
    this.sections.push(new Section(name, type, flags, align, entsize));
    return this.sections.length - 1;
  }

  /** The section a function's code goes into. */
  textSection(fnName: string): SectionId {
    if (this.functionSections) return this.addSection(`.text.${fnName}`, SHT.PROGBITS, SHF.ALLOC | SHF.EXECINSTR, 16);
    return this.shared('.text', SHT.PROGBITS, SHF.ALLOC | SHF.EXECINSTR, 16, 0);
  }

  /**
   * The section a global's bytes go into. With per-symbol sections each call
   * makes a new `<prefix>.<symName>` section; otherwise all share `<prefix>`.
   * CStrings sections are always shared (the linker merges them anyway).
   * `align` raises the section's alignment.
   */
  dataSection(kind: DataKind, symName: string, align = 1): SectionId {
    const k = dataKinds[kind];
    let sec: SectionId;
    if (kind === DataKind.CStrings) sec = this.shared(k.prefix, k.type, k.flags, 1, 1);
    else if (this.functionSections) sec = this.addSection(`${k.prefix}.${symName}`, k.type, k.flags, align);
    else sec = this.shared(k.prefix, k.type, k.flags, align, 0);
    if (align > this.sections[sec].align) this.sections[sec].align = align;
    return sec;
  }

  private shared(name: string, type: number, flags: number, align: number, entsize: number): SectionId {
    let sec = this.sharedSections.get(name);
    if (sec === undefined) {
      sec = this.addSection(name, type, flags, align, entsize);
      this.sharedSections.set(name, sec);
    }
    return sec;
  }

  data(sec: SectionId): ByteBuffer {
    const d = this.sections[sec].data;
    if (!(d !== null)) assert(false, `section ${this.sections[sec].name} is NOBITS: it has no data`);
    return d;
  }

  setNobitsSize(sec: SectionId, size: number): void {
    const s = this.sections[sec];
    assert(s.data === null, `section ${s.name} is not NOBITS`);
    s.nobitsSize = size;
  }

  /** Current size of a section: data length, or the NOBITS size. */
  sectionSize(sec: SectionId): number {
    return this.sections[sec].size();
  }

  sectionName(sec: SectionId): string {
    return this.sections[sec].name;
  }

  /** Raises a section's alignment to at least `align`. */
  alignSection(sec: SectionId, align: number): void {
    if (align > this.sections[sec].align) this.sections[sec].align = align;
  }

  get sectionCount(): number {
    return this.sections.length;
  }

  /** Adds flags (SHF_GNU_RETAIN ...) to a section. */
  sectionFlags(sec: SectionId, flags: number): void {
    this.sections[sec].flags |= flags;
  }

  /** Marks `sec` SHF_LINK_ORDER with sh_link pointing at `target`. */
  setLinkOrder(sec: SectionId, target: SectionId): void {
    this.sections[sec].flags |= SHF.LINK_ORDER;
    this.sections[sec].linkOrder = target;
  }

  sectionSymbol(sec: SectionId): SymbolId {
    const s = this.sections[sec];
    if (s.symbol < 0) s.symbol = this.pushSymbol('', sec, STB.LOCAL, STT.SECTION, STV.DEFAULT, 0, 0);
    return s.symbol;
  }

  // ---- symbols ----

  private pushSymbol(name: string, sec: number, bind: number, type: number, vis: number, value: number, size: number): SymbolId {
    this.symNames.push(name);
    this.symSection.push(sec);
    this.symInfo.push((bind << 4) | type);
    this.symVis.push(vis);
    this.symValue.push(value);
    this.symSize.push(size);
    return this.symNames.length - 1;
  }

  /** Gets or creates the symbol named `name`. */
  symbol(name: string): SymbolId {
    let sym = this.symByName.get(name);
    if (sym === undefined) {
      sym = this.pushSymbol(name, SYM_UNDEF, STB.GLOBAL, STT.NOTYPE, STV.DEFAULT, 0, 0);
      this.symByName.set(name, sym);
    }
    return sym;
  }

  /** The symbol named `name`, or -1. */
  findSymbol(name: string): SymbolId {
    return this.symByName.get(name) ?? -1;
  }

  setSymbolKind(sym: SymbolId, bind: number, type: number, vis: number = STV.DEFAULT): void {
    this.symInfo.a[sym] = (bind << 4) | type;
    this.symVis.a[sym] = vis;
  }

  define(sym: SymbolId, sec: SectionId, value: number, size: number): void {
    if (!(this.symSection.a[sym] === SYM_UNDEF)) assert(false, `symbol ${this.symNames[sym]} defined twice`);
    if (!(sec >= 0 && sec < this.sections.length)) assert(false, `symbol ${this.symNames[sym]}: no section ${sec}`);
    this.symSection.a[sym] = sec;
    this.symValue.a[sym] = value;
    this.symSize.a[sym] = size;
  }

  defineAbsolute(sym: SymbolId, value: number): void {
    if (!(this.symSection.a[sym] === SYM_UNDEF)) assert(false, `symbol ${this.symNames[sym]} defined twice`);
    this.symSection.a[sym] = SYM_ABS;
    this.symValue.a[sym] = value;
  }

  /** A defined local symbol that is not entered in the name map (names may repeat). */
  anonymousLocal(name: string, sec: SectionId, value: number, size: number, type: number = STT.NOTYPE): SymbolId {
    return this.pushSymbol(name, sec, STB.LOCAL, type, STV.DEFAULT, value, size);
  }

  isDefined(sym: SymbolId): boolean {
    return this.symSection.a[sym] !== SYM_UNDEF;
  }

  symbolName(sym: SymbolId): string {
    return this.symNames[sym];
  }

  /** The section a symbol is defined in, or -1. */
  symbolSection(sym: SymbolId): SectionId {
    const s = this.symSection.a[sym];
    return s >= 0 ? s : -1;
  }

  symbolValue(sym: SymbolId): number {
    return this.symValue.a[sym];
  }

  // ---- relocations ----

  reloc(sec: SectionId, offset: number, type: RelocType, sym: SymbolId, addend: number): void {
    if (!(sym >= 0 && sym < this.symNames.length)) assert(false, `relocation against unknown symbol ${sym}`);
    if (!(this.sections[sec].data !== null)) assert(false, `relocation in NOBITS section ${this.sections[sec].name}`);
    this.relSection.push(sec);
    this.relOffset.push(offset);
    this.relType.push(type);
    this.relSym.push(sym);
    this.relAddend.push(addend);
  }

  // ---- groups ----

  /** A COMDAT group named by `signature`; its members get SHF_GROUP. */
  addComdat(signature: SymbolId, members: SectionId[]): void {
    const g = this.groups.length;
    for (const m of members) {
      assert(this.sections[m].group < 0, `section ${this.sections[m].name} is in two groups`);
      this.sections[m].group = g;
      this.sections[m].flags |= SHF.GROUP;
    }
    this.groups.push({ signature, members: members.slice() });
  }

  // ---- output ----

  finish(): Uint8Array {
    const secs = this.sections;
    const nsec = secs.length;
    const nsym = this.symNames.length;
    const nrel = this.relSection.n;

    // Relocations bucketed by section (counting sort keeps their order).
    const relCount = new Int32Array(nsec + 1);
    for (let i = 0; i < nrel; i++) relCount[this.relSection.a[i] + 1]++;
    for (let s = 0; s < nsec; s++) relCount[s + 1] += relCount[s];
    const relOrder = new Int32Array(nrel);
    {
      const fill = relCount.slice(0, nsec);
      for (let i = 0; i < nrel; i++) relOrder[fill[this.relSection.a[i]]++] = i;
    }

    // Section header order: null, groups, then each section followed by its
    // .rela, then .note.GNU-stack, .symtab, [.symtab_shndx], .strtab, .shstrtab.
    const secIndex = new Int32Array(nsec);
    const relaIndex = new Int32Array(nsec).fill(-1);
    const ngroups = this.groups.length;
    let next = 1 + ngroups;
    for (let s = 0; s < nsec; s++) {
      secIndex[s] = next++;
      if (relCount[s + 1] > relCount[s]) relaIndex[s] = next++;
    }
    const noteIndex = next++;
    const symtabIndex = next++;

    // Symbol order: null, file, section symbols and other locals, then globals.
    const final = new Int32Array(nsym);
    const order: number[] = [];
    for (let i = 0; i < nsym; i++) {
      if (this.symInfo.a[i] >> 4 === STB.LOCAL) {
        assert(this.symSection.a[i] !== SYM_UNDEF, `local symbol ${this.symNames[i]} is never defined`);
        order.push(i);
      }
    }
    const hasFile = this.fileName !== '';
    const firstGlobal = 1 + (hasFile ? 1 : 0) + order.length;
    for (let i = 0; i < nsym; i++) if (this.symInfo.a[i] >> 4 !== STB.LOCAL) order.push(i);
    const symBase = 1 + (hasFile ? 1 : 0);
    for (let k = 0; k < order.length; k++) final[order[k]] = symBase + k;
    const nsymOut = symBase + order.length;

    // Do any symbols need extended section indices?
    const needXindex = noteIndex > SHN.LORESERVE;
    const symtabShndxIndex = needXindex ? next++ : -1;
    const strtabIndex = next++;
    const shstrtabIndex = next++;
    const shnum = next;

    // String tables.
    const strtab = new ByteBuffer(16 + nsym * 24);
    strtab.u8(0);
    const symNameOff = new Int32Array(nsym);
    for (let i = 0; i < nsym; i++) {
      const name = this.symNames[i];
      symNameOff[i] = name === '' ? 0 : writeString(strtab, name);
    }
    const fileNameOff = hasFile ? writeString(strtab, this.fileName) : 0;

    const shstrtab = new ByteBuffer(256 + nsec * 24);
    shstrtab.u8(0);
    const secNameOff = new Int32Array(nsec);
    for (let s = 0; s < nsec; s++) {
      // `.rela.text.f` holds `.text.f` as its suffix: one string for both.
      if (relaIndex[s] >= 0) secNameOff[s] = writeString(shstrtab, `.rela${secs[s].name}`) + 5;
      else secNameOff[s] = writeString(shstrtab, secs[s].name);
    }
    const groupNameOff = ngroups > 0 ? writeString(shstrtab, '.group') : 0;
    const noteNameOff = writeString(shstrtab, '.note.GNU-stack');
    const symtabNameOff = writeString(shstrtab, '.symtab');
    const shndxNameOff = needXindex ? writeString(shstrtab, '.symtab_shndx') : 0;
    const strtabNameOff = writeString(shstrtab, '.strtab');
    const shstrtabNameOff = writeString(shstrtab, '.shstrtab');

    // Layout of the file: header, group bodies, section bodies (each followed
    // by its relocations), symbol table, string tables, section headers.
    let off = 64;
    const groupOff = new Int32Array(ngroups);
    const groupSize = new Int32Array(ngroups);
    for (let g = 0; g < ngroups; g++) {
      off = alignUp(off, 4);
      groupOff[g] = off;
      let n = 1;
      for (const m of this.groups[g].members) n += relaIndex[m] >= 0 ? 2 : 1;
      groupSize[g] = n * 4;
      off += n * 4;
    }
    const secOff = new Float64Array(nsec);
    const relaOff = new Float64Array(nsec);
    for (let s = 0; s < nsec; s++) {
      const sec = secs[s];
      if (sec.data !== null) {
        off = alignUp(off, sec.align);
        secOff[s] = off;
        off += sec.data.length;
      } else {
        secOff[s] = alignUp(off, sec.align);
      }
      if (relaIndex[s] >= 0) {
        off = alignUp(off, 8);
        relaOff[s] = off;
        off += (relCount[s + 1] - relCount[s]) * 24;
      }
    }
    const noteOff = off;
    off = alignUp(off, 8);
    const symtabOff = off;
    off += nsymOut * 24;
    const shndxOff = off;
    if (needXindex) off += nsymOut * 4;
    const strtabOff = off;
    off += strtab.length;
    const shstrtabOff = off;
    off += shstrtab.length;
    off = alignUp(off, 8);
    const shOff = off;
    off += shnum * 64;

    const out = new Uint8Array(off);
    const v = new DataView(out.buffer);

    // ELF header.
    out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
    v.setUint16(16, 1, true); // ET_REL
    v.setUint16(18, 62, true); // EM_X86_64
    v.setUint32(20, 1, true);
    setU64(v, 40, shOff);
    v.setUint16(52, 64, true); // e_ehsize
    v.setUint16(58, 64, true); // e_shentsize
    v.setUint16(60, shnum >= SHN.LORESERVE ? 0 : shnum, true);
    v.setUint16(62, shstrtabIndex >= SHN.LORESERVE ? SHN.XINDEX : shstrtabIndex, true);

    // Group bodies.
    for (let g = 0; g < ngroups; g++) {
      let at = groupOff[g];
      v.setUint32(at, 1, true); // GRP_COMDAT
      for (const m of this.groups[g].members) {
        v.setUint32((at += 4), secIndex[m], true);
        if (relaIndex[m] >= 0) v.setUint32((at += 4), relaIndex[m], true);
      }
    }

    // Section bodies and relocations.
    for (let s = 0; s < nsec; s++) {
      const d = secs[s].data;
      if (d !== null) out.set(d.view8(), secOff[s]);
      let at = relaOff[s];
      for (let k = relCount[s]; k < relCount[s + 1]; k++, at += 24) {
        const r = relOrder[k];
        setU64(v, at, this.relOffset.a[r]);
        v.setUint32(at + 8, this.relType.a[r], true);
        v.setUint32(at + 12, final[this.relSym.a[r]], true);
        setU64(v, at + 16, this.relAddend.a[r]);
      }
    }

    // Symbol table.
    if (hasFile) {
      const at = symtabOff + 24;
      v.setUint32(at, fileNameOff, true);
      out[at + 4] = (STB.LOCAL << 4) | STT.FILE;
      v.setUint16(at + 6, SHN.ABS, true);
    }
    for (let i = 0; i < nsym; i++) {
      const idx = final[i];
      const at = symtabOff + idx * 24;
      v.setUint32(at, symNameOff[i], true);
      out[at + 4] = this.symInfo.a[i];
      out[at + 5] = this.symVis.a[i];
      const s = this.symSection.a[i];
      if (s === SYM_UNDEF) v.setUint16(at + 6, SHN.UNDEF, true);
      else if (s === SYM_ABS) v.setUint16(at + 6, SHN.ABS, true);
      else if (secIndex[s] >= SHN.LORESERVE) {
        v.setUint16(at + 6, SHN.XINDEX, true);
        v.setUint32(shndxOff + idx * 4, secIndex[s], true);
      } else v.setUint16(at + 6, secIndex[s], true);
      setU64(v, at + 8, this.symValue.a[i]);
      setU64(v, at + 16, this.symSize.a[i]);
    }

    out.set(strtab.view8(), strtabOff);
    out.set(shstrtab.view8(), shstrtabOff);

    // Section headers.
    const header = (
      index: number, name: number, type: number, flags: number, offset: number, size: number,
      link: number, info: number, align: number, entsize: number,
    ) => {
      const at = shOff + index * 64;
      v.setUint32(at, name, true);
      v.setUint32(at + 4, type, true);
      setU64(v, at + 8, flags);
      setU64(v, at + 24, offset);
      setU64(v, at + 32, size);
      v.setUint32(at + 40, link, true);
      v.setUint32(at + 44, info, true);
      setU64(v, at + 48, align);
      setU64(v, at + 56, entsize);
    };
    if (shnum >= SHN.LORESERVE) setU64(v, shOff + 32, shnum);
    if (shstrtabIndex >= SHN.LORESERVE) v.setUint32(shOff + 40, shstrtabIndex, true);
    for (let g = 0; g < ngroups; g++) {
      header(1 + g, groupNameOff, SHT.GROUP, 0, groupOff[g], groupSize[g], symtabIndex, final[this.groups[g].signature], 4, 4);
    }
    for (let s = 0; s < nsec; s++) {
      const sec = secs[s];
      const link = sec.linkOrder >= 0 ? secIndex[sec.linkOrder] : 0;
      header(secIndex[s], secNameOff[s], sec.type, sec.flags, secOff[s], sec.size(), link, 0, sec.align, sec.entsize);
      if (relaIndex[s] >= 0) {
        const flags = SHF.INFO_LINK | (sec.flags & SHF.GROUP);
        const n = relCount[s + 1] - relCount[s];
        header(relaIndex[s], secNameOff[s] - 5, SHT.RELA, flags, relaOff[s], n * 24, symtabIndex, secIndex[s], 8, 24);
      }
    }
    header(noteIndex, noteNameOff, SHT.PROGBITS, 0, noteOff, 0, 0, 0, 1, 0);
    header(symtabIndex, symtabNameOff, SHT.SYMTAB, 0, symtabOff, nsymOut * 24, strtabIndex, firstGlobal, 8, 24);
    if (needXindex) header(symtabShndxIndex, shndxNameOff, SHT.SYMTAB_SHNDX, 0, shndxOff, nsymOut * 4, symtabIndex, 0, 4, 4);
    header(strtabIndex, strtabNameOff, SHT.STRTAB, 0, strtabOff, strtab.length, 0, 0, 1, 0);
    header(shstrtabIndex, shstrtabNameOff, SHT.STRTAB, 0, shstrtabOff, shstrtab.length, 0, 0, 1, 0);
    return out;
  }
}

function alignUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}

/** Appends `s` NUL-terminated (UTF-8); returns its offset. */
function writeString(buf: ByteBuffer, s: string): number {
  const at = buf.length;
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80 || s.charCodeAt(i) === 0) ascii = false;
  if (ascii) {
    buf.reserve(s.length + 1);
    for (let i = 0; i < s.length; i++) buf.bytes[buf.length++] = s.charCodeAt(i);
  } else {
    const b = textEncoder.encode(s);
    assert(!b.includes(0), `name ${JSON.stringify(s)} contains a NUL byte`);
    buf.append(b);
  }
  buf.u8(0);
  return at;
}
