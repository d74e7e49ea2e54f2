// `.eh_frame` writer. Needs: an ElfObject and, per function, its place (section,
// offset, size) and CFI program. Produces: one CIE per personality kind and one
// FDE per function, with pc-relative (pcrel|sdata4) pointers as R_X86_64_PC32.
//
// Usage, per function, in code-offset order:
//   const eh = new EhFrame(obj);
//   eh.beginFunction(sec, offsetInSec);             // or with personality / LSDA:
//   eh.beginFunction(sec, off, obj.symbol('rust_eh_personality'), lsdaSec, lsdaOff);
//   eh.advanceTo(1); eh.defCfaOffset(16); eh.offset(DwarfReg.RBP, -16);
//   eh.advanceTo(4); eh.defCfaRegister(DwarfReg.RBP); ...
//   eh.endFunction(codeSize);
// The CIE's initial state is the x86-64 call-site state: CFA = rsp+8, return
// address at CFA-8. advanceTo takes offsets from the function start; it emits
// the smallest advance_loc form. A personality is reached, as LLVM does for
// PIC code, through a hidden weak `DW.ref.<personality>` pointer in a COMDAT
// data section (encoding indirect|pcrel|sdata4).

import { ElfObject, R, SHF, SHT, STB, STT, STV, type SectionId, type SymbolId } from './elf.js';
import type { ByteBuffer } from '../support/bytes.js';
import { assert } from '../support/diag.js';

/** DWARF register numbers on x86-64 (psABI figure 3.36). */
export const DwarfReg = {
  RAX: 0, RDX: 1, RCX: 2, RBX: 3, RSI: 4, RDI: 5, RBP: 6, RSP: 7,
  R8: 8, R9: 9, R10: 10, R11: 11, R12: 12, R13: 13, R14: 14, R15: 15,
  RA: 16, XMM0: 17,
} as const;

/** Pointer encodings (LSB `DW_EH_PE_*`). */
export const EhPe = {
  absptr: 0x00, uleb128: 0x01, udata4: 0x03, sdata4: 0x0b, pcrel: 0x10, indirect: 0x80, omit: 0xff,
} as const;

const PCREL_SDATA4 = EhPe.pcrel | EhPe.sdata4;
const DATA_ALIGN = -8;

// Call frame instructions (DWARF 5, section 6.4.2).
const CFA = {
  advance_loc: 0x40, offset: 0x80, restore: 0xc0, nop: 0x00,
  advance_loc1: 0x02, advance_loc2: 0x03, advance_loc4: 0x04,
  offset_extended_sf: 0x11, def_cfa: 0x0c, def_cfa_register: 0x0d, def_cfa_offset: 0x0e,
  remember_state: 0x0a, restore_state: 0x0b,
} as const;

export class EhFrame {
  readonly obj: ElfObject;
  private sec: SectionId = -1;
  private buf: ByteBuffer | null = null;
  /** CIE offsets keyed by `personality * 2 + hasLsda` (personality -1 = none). */
  private cies = new Map<number, number>();
  private personalityRefs = new Map<SymbolId, SymbolId>();
  // the FDE being written
  private fdeStart = -1;
  private rangeAt = 0;
  private loc = 0;

  constructor(obj: ElfObject) {
    this.obj = obj;
  }

  /** The `.eh_frame` section (made on first use). */
  section(): SectionId {
    if (this.sec < 0) {
      this.sec = this.obj.addSection('.eh_frame', SHT.X86_64_UNWIND, SHF.ALLOC, 8);
      this.buf = this.obj.data(this.sec);
    }
    return this.sec;
  }

  /**
   * Starts the FDE of a function at `offset` in `sec`. With a personality,
   * `lsdaSec`/`lsdaOffset` locate its LSDA (or -1 for none).
   */
  beginFunction(sec: SectionId, offset: number, personality: SymbolId = -1, lsdaSec: SectionId = -1, lsdaOffset = 0): void {
    assert(this.fdeStart < 0, 'beginFunction: the previous FDE is not finished');
    assert(personality >= 0 || lsdaSec < 0, 'an LSDA needs a personality');
    this.section();
    const obj = this.obj;
    const cie = this.cie(personality, lsdaSec >= 0);
    const b = this.buf!;
    this.fdeStart = b.length;
    b.u32(0); // length, patched by endFunction
    b.u32(b.length - cie); // CIE pointer: distance back from this field
    obj.reloc(this.sec, b.length, R.R_X86_64_PC32, obj.sectionSymbol(sec), offset);
    b.u32(0);
    this.rangeAt = b.length;
    b.u32(0);
    if (personality >= 0) {
      if (lsdaSec >= 0) {
        b.uleb(4);
        obj.reloc(this.sec, b.length, R.R_X86_64_PC32, obj.sectionSymbol(lsdaSec), lsdaOffset);
        b.u32(0);
      } else {
        b.uleb(0);
      }
    } else {
      b.uleb(0);
    }
    this.loc = 0;
  }

  /** Moves the CFI location to `codeOffset` bytes into the function. */
  advanceTo(codeOffset: number): void {
    const b = this.buf!;
    const d = codeOffset - this.loc;
    assert(d >= 0, `CFI advance backwards from ${this.loc} to ${codeOffset}`);
    if (d === 0) return;
    if (d < 64) b.u8(CFA.advance_loc | d);
    else if (d < 0x100) {
      b.u8(CFA.advance_loc1);
      b.u8(d);
    } else if (d < 0x10000) {
      b.u8(CFA.advance_loc2);
      b.u16(d);
    } else {
      b.u8(CFA.advance_loc4);
      b.u32(d);
    }
    this.loc = codeOffset;
  }

  /** CFA = reg + offset. */
  defCfa(reg: number, offset: number): void {
    const b = this.buf!;
    b.u8(CFA.def_cfa);
    b.uleb(reg);
    b.uleb(offset);
  }

  defCfaOffset(offset: number): void {
    this.buf!.u8(CFA.def_cfa_offset);
    this.buf!.uleb(offset);
  }

  defCfaRegister(reg: number): void {
    this.buf!.u8(CFA.def_cfa_register);
    this.buf!.uleb(reg);
  }

  /** `reg` is saved at CFA + cfaOffset (negative: below the CFA). */
  offset(reg: number, cfaOffset: number): void {
    assert(cfaOffset % DATA_ALIGN === 0, `CFI offset ${cfaOffset} is not a multiple of 8`);
    const f = cfaOffset / DATA_ALIGN;
    const b = this.buf!;
    if (f >= 0 && reg < 64) {
      b.u8(CFA.offset | reg);
      b.uleb(f);
    } else {
      b.u8(CFA.offset_extended_sf);
      b.uleb(reg);
      b.sleb(f);
    }
  }

  /** `reg` has its value from the CIE's initial state again. */
  restore(reg: number): void {
    assert(reg < 64, `restore of register ${reg}`);
    this.buf!.u8(CFA.restore | reg);
  }

  rememberState(): void {
    this.buf!.u8(CFA.remember_state);
  }

  restoreState(): void {
    this.buf!.u8(CFA.restore_state);
  }

  /** Finishes the FDE of a function `size` bytes long. */
  endFunction(size: number): void {
    assert(this.fdeStart >= 0, 'endFunction without beginFunction');
    const b = this.buf!;
    b.patchU32(this.rangeAt, size);
    b.align(8, CFA.nop);
    b.patchU32(this.fdeStart, b.length - this.fdeStart - 4);
    this.fdeStart = -1;
  }

  private cie(personality: SymbolId, hasLsda: boolean): number {
    const key = personality * 2 + (hasLsda ? 1 : 0);
    const known = this.cies.get(key);
    if (known !== undefined) return known;
    const b = this.buf!;
    const at = b.length;
    b.u32(0); // length
    b.u32(0); // CIE id
    b.u8(1); // version
    const aug = personality < 0 ? 'zR' : hasLsda ? 'zPLR' : 'zPR';
    for (let i = 0; i < aug.length; i++) b.u8(aug.charCodeAt(i));
    b.u8(0);
    b.uleb(1); // code alignment
    b.sleb(DATA_ALIGN);
    b.uleb(DwarfReg.RA);
    if (personality < 0) {
      b.uleb(1);
      b.u8(PCREL_SDATA4);
    } else {
      b.uleb(hasLsda ? 7 : 6);
      b.u8(EhPe.indirect | PCREL_SDATA4);
      this.obj.reloc(this.sec, b.length, R.R_X86_64_PC32, this.personalityRef(personality), 0);
      b.u32(0);
      if (hasLsda) b.u8(PCREL_SDATA4);
      b.u8(PCREL_SDATA4);
    }
    // Initial state at a call site: CFA = rsp + 8, return address at CFA - 8.
    this.defCfa(DwarfReg.RSP, 8);
    this.offset(DwarfReg.RA, -8);
    b.align(8, CFA.nop);
    b.patchU32(at, b.length - at - 4);
    this.cies.set(key, at);
    return at;
  }

  /** `DW.ref.<personality>`: a hidden weak COMDAT pointer to the personality. */
  private personalityRef(personality: SymbolId): SymbolId {
    const known = this.personalityRefs.get(personality);
    if (known !== undefined) return known;
    const obj = this.obj;
    const name = `DW.ref.${obj.symbolName(personality)}`;
    const sec = obj.addSection(`.data.${name}`, SHT.PROGBITS, SHF.ALLOC | SHF.WRITE, 8);
    obj.data(sec).u64(0n);
    obj.reloc(sec, 0, R.R_X86_64_64, personality, 0);
    const sym = obj.symbol(name);
    obj.setSymbolKind(sym, STB.WEAK, STT.OBJECT, STV.HIDDEN);
    obj.define(sym, sec, 0, 8);
    obj.addComdat(sym, [sec]);
    this.personalityRefs.set(personality, sym);
    return sym;
  }
}
