// Debug sections of one object with one compile unit. Needs: the unit's DIE
// tree (`info`), its line table (`lines`) and the code ranges of its
// functions. Produces .debug_abbrev, .debug_info, .debug_str, .debug_line,
// .debug_aranges, the unit's ranges (.debug_ranges for DWARF 4,
// .debug_rnglists for 5), location lists (.debug_loc for 4, .debug_loclists
// for 5) and .debug_line_str (5), relocated against the function symbols,
// as LLVM lays them out for a unit.
//
// Usage:
//   const w = new DwarfWriter(obj, 4, compDir, 'main.rs');
//   const cu = w.info.add(-1, DW_TAG.compile_unit); w.info.string(cu, DW_AT.name, 'main.rs') ...
//   const file = w.lines.fileOf(dir, 'main.rs');
//   w.lines.beginSequence(sym); w.lines.row(...); w.lines.endSequence(size); w.addRange(sym, size);
//   w.finish();  // before obj.finish(); adds DW_AT_stmt_list, low_pc and ranges to the root DIE

import { ElfObject, R, SHF, SHT, type SectionId, type SymbolId } from '../elf.js';
import type { ByteBuffer } from '../../support/bytes.js';
import { DW_AT, DW_FORM, DW_LLE, DW_RLE } from './constants.js';
import { DieTree } from './die.js';
import { LineTable } from './line.js';
import { StringSection } from './strings.js';

export class DwarfWriter {
  readonly obj: ElfObject;
  readonly version: 4 | 5;
  readonly str = new StringSection();
  readonly lineStr: StringSection | null;
  readonly info: DieTree;
  readonly lines: LineTable;
  /** the unit's code ranges: [symbol, size] pairs */
  private ranges: number[] = [];
  /** range lists of DIEs (lexical blocks): [die, first pair, pair count] and their (symbol, start, end) triples */
  private dieLists: number[] = [];
  private dieRanges: number[] = [];
  /**
   * location lists of one entry: [sec_offset attribute index, symbol, start,
   * end, expression start in locExprs, expression length]
   */
  private locLists: number[] = [];
  private locExprs: number[] = [];

  constructor(obj: ElfObject, version: 4 | 5, compDir: string, primaryFile: string) {
    this.obj = obj;
    this.version = version;
    this.lineStr = version >= 5 ? new StringSection() : null;
    this.info = new DieTree(this.str, this.lineStr);
    this.lines = new LineTable(version, compDir, primaryFile);
  }

  private stmtListAttr = -1;

  /** Places the root DIE's DW_AT_stmt_list here in its attribute order (else finish adds it last). */
  stmtList(): void {
    this.stmtListAttr = this.info.secOffset(0, DW_AT.stmt_list, 0, 0);
  }

  /** Adds `size` bytes of code at `symbol` to the unit's ranges. */
  addRange(symbol: SymbolId, size: number): void {
    this.ranges.push(symbol, size);
  }

  /**
   * Gives `die` the code ranges `triples` ((symbol, start, end) offsets from
   * the symbol): DW_AT_low_pc/high_pc for one range, else DW_AT_ranges.
   */
  setRanges(die: number, triples: ArrayLike<number>): void {
    if (triples.length === 3) {
      this.info.addr(die, DW_AT.low_pc, triples[0], triples[1]);
      this.info.constant(die, DW_AT.high_pc, DW_FORM.data4, triples[2] - triples[1]);
      return;
    }
    this.dieLists.push(die, this.dieRanges.length / 3, triples.length / 3);
    for (let k = 0; k < triples.length; k++) this.dieRanges.push(triples[k]);
  }

  /**
   * Gives `die` a DW_AT_location that holds only in code [start, end) from
   * `symbol`: a location list of one entry with the expression
   * `bytes[at, at + len)`.
   */
  locationList(die: number, symbol: SymbolId, start: number, end: number, bytes: ArrayLike<number>, at: number, len: number): void {
    const attr = this.info.secOffset(die, DW_AT.location, 0, 0);
    this.locLists.push(attr, symbol, start, end, this.locExprs.length, len);
    for (let k = 0; k < len; k++) this.locExprs.push(bytes[at + k]!);
  }

  finish(): void {
    const obj = this.obj, v5 = this.version >= 5;
    const abbrev = obj.addSection('.debug_abbrev', SHT.PROGBITS, 0, 1);
    const info = obj.addSection('.debug_info', SHT.PROGBITS, 0, 1);
    let rangesSec = -1;
    const ranges = this.ranges;
    if (ranges.length > 2 || this.dieLists.length > 0) rangesSec = obj.addSection(v5 ? '.debug_rnglists' : '.debug_ranges', SHT.PROGBITS, 0, 1);
    const aranges = obj.addSection('.debug_aranges', SHT.PROGBITS, 0, 1);
    const strSec = obj.addSection('.debug_str', SHT.PROGBITS, SHF.MERGE | SHF.STRINGS, 1, 1);
    const lineSec = obj.addSection('.debug_line', SHT.PROGBITS, 0, 1);
    const lineStrSec = v5 ? obj.addSection('.debug_line_str', SHT.PROGBITS, SHF.MERGE | SHF.STRINGS, 1, 1) : -1;

    const lineAt = this.lines.write(obj, lineSec, this.lineStr, lineStrSec);
    const cu = 0;
    if (this.stmtListAttr >= 0) this.info.setSecOffset(this.stmtListAttr, lineSec, lineAt);
    else this.info.secOffset(cu, DW_AT.stmt_list, lineSec, lineAt);
    if (ranges.length === 2) {
      this.info.addr(cu, DW_AT.low_pc, ranges[0], 0);
      this.info.constant(cu, DW_AT.high_pc, DW_FORM.data4, ranges[1]);
    } else {
      this.info.constant(cu, DW_AT.low_pc, DW_FORM.addr, 0);
      if (ranges.length > 0) this.info.secOffset(cu, DW_AT.ranges, rangesSec, v5 ? 12 : 0);
      else this.info.constant(cu, DW_AT.high_pc, DW_FORM.data4, 0);
    }
    if (rangesSec >= 0) this.writeRanges(rangesSec);
    if (this.locLists.length > 0) this.writeLocations(obj.addSection(v5 ? '.debug_loclists' : '.debug_loc', SHT.PROGBITS, 0, 1));
    const unitAt = this.info.write(obj, this.version, info, abbrev, strSec, lineStrSec);
    this.writeAranges(aranges, info, unitAt);
    obj.data(strSec).append(this.str.buf.view8());
    if (this.lineStr) obj.data(lineStrSec).append(this.lineStr.buf.view8());
  }

  /**
   * The unit's list first (when it has more than one range), then each DIE's.
   * DWARF 4: (start, end) address pairs ending with (0, 0), relative to the
   * unit's base address (0, or its one function's start); 5: start_length
   * entries after the table header, each list ending with end_of_list.
   */
  private writeRanges(sec: SectionId): void {
    const b = this.obj.data(sec), v5 = this.version >= 5;
    const base = this.listsHeader(b);
    const entry = (sym: number, start: number, end: number) => {
      if (v5) this.startLength(sec, DW_RLE.start_length, sym, start, end);
      else this.addressPair(sec, sym, start, end);
    };
    const endList = () => this.endList(b, DW_RLE.end_of_list);
    const r = this.ranges;
    if (r.length > 2) {
      for (let k = 0; k < r.length; k += 2) entry(r[k], 0, r[k + 1]);
      endList();
    }
    const L = this.dieLists, dr = this.dieRanges;
    for (let k = 0; k < L.length; k += 3) {
      this.info.secOffset(L[k], DW_AT.ranges, sec, b.length);
      for (let p = L[k + 1]; p < L[k + 1] + L[k + 2]; p++) entry(dr[3 * p], dr[3 * p + 1], dr[3 * p + 2]);
      endList();
    }
    if (v5) b.patchU32(base, b.length - base - 4);
  }

  /** The header of a DWARF 5 .debug_rnglists or .debug_loclists table (nothing for 4); returns where it starts. */
  private listsHeader(b: ByteBuffer): number {
    const base = b.length;
    if (this.version >= 5) {
      b.u32(0);
      b.u16(5);
      b.u8(8);
      b.u8(0);
      b.u32(0); // offset_entry_count
    }
    return base;
  }

  /** A DWARF 5 list entry `kind` (start_length): the start address and the length. */
  private startLength(sec: SectionId, kind: number, sym: number, start: number, end: number): void {
    const b = this.obj.data(sec);
    b.u8(kind);
    this.obj.reloc(sec, b.length, R.R_X86_64_64, sym, start);
    u64(b, 0);
    b.uleb(end - start);
  }

  /**
   * A DWARF 4 list entry's (start, end) addresses, relative to the unit's
   * base address (0, or its one function's start, to which readers add them).
   */
  private addressPair(sec: SectionId, sym: number, start: number, end: number): void {
    const obj = this.obj, b = obj.data(sec);
    if (this.ranges.length === 2 && sym === this.ranges[0]) {
      u64(b, start);
      u64(b, end);
    } else {
      obj.reloc(sec, b.length, R.R_X86_64_64, sym, start);
      u64(b, 0);
      obj.reloc(sec, b.length, R.R_X86_64_64, sym, end);
      u64(b, 0);
    }
  }

  /** The end of a list: end_of_list (`kind`) in DWARF 5, (0, 0) in 4. */
  private endList(b: ByteBuffer, kind: number): void {
    if (this.version >= 5) b.u8(kind);
    else {
      u64(b, 0);
      u64(b, 0);
    }
  }

  /**
   * The location lists. DWARF 4: (start, end) address pairs relative to the
   * unit's base address, each with a 2-byte expression length, ending with
   * (0, 0); 5: start_length entries after the table header, each list
   * ending with end_of_list.
   */
  private writeLocations(sec: SectionId): void {
    const b = this.obj.data(sec), v5 = this.version >= 5;
    const base = this.listsHeader(b);
    const L = this.locLists, e = this.locExprs;
    for (let k = 0; k < L.length; k += 6) {
      const sym = L[k + 1], start = L[k + 2], end = L[k + 3], at = L[k + 4], len = L[k + 5];
      this.info.setSecOffset(L[k], sec, b.length);
      if (v5) {
        this.startLength(sec, DW_LLE.start_length, sym, start, end);
        b.uleb(len);
      } else {
        this.addressPair(sec, sym, start, end);
        b.u16(len);
      }
      for (let j = 0; j < len; j++) b.u8(e[at + j]!);
      this.endList(b, DW_LLE.end_of_list);
    }
    if (v5) b.patchU32(base, b.length - base - 4);
  }

  /** The unit's address ranges for lookup by address (version 2 of the table). */
  private writeAranges(sec: SectionId, info: SectionId, unitAt: number): void {
    const obj = this.obj, b = obj.data(sec), r = this.ranges;
    const base = b.length;
    b.u32(0);
    b.u16(2);
    obj.reloc(sec, b.length, R.R_X86_64_32, obj.sectionSymbol(info), unitAt);
    b.u32(0);
    b.u8(8);
    b.u8(0);
    b.align(16);
    for (let k = 0; k < r.length; k += 2) {
      obj.reloc(sec, b.length, R.R_X86_64_64, r[k], 0);
      u64(b, 0);
      u64(b, r[k + 1]);
    }
    u64(b, 0);
    u64(b, 0);
    b.patchU32(base, b.length - base - 4);
  }
}

/** Appends a non-negative safe integer as 8 little-endian bytes (without a BigInt). */
export function u64(b: ByteBuffer, v: number): void {
  const hi = Math.floor(v / 0x100000000);
  b.u32(v - hi * 0x100000000);
  b.u32(hi);
}
