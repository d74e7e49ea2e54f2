// The line-number program of one compile unit (.debug_line, DWARF 4 or 5).
// Needs: directories and files, then per function a sequence of rows
// (code offset, file, line, column, flags) in ascending offsets. Produces the
// unit's header and program, a DW_LNE_set_address relocated against the
// function's symbol at each sequence start.

import { ByteBuffer } from '../../support/bytes.js';
import { assert } from '../../support/diag.js';
import { ElfObject, R, type SectionId, type SymbolId } from '../elf.js';
import { DW_FORM, DW_LNCT, DW_LNE, DW_LNS } from './constants.js';
import type { StringSection } from './strings.js';
import { writeSleb, writeUleb } from './die.js';

// LLVM's choices, so special opcodes cover the same deltas
const LINE_BASE = -5;
const LINE_RANGE = 14;
const OPCODE_BASE = 13;
const STD_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];

/** Row flags. */
export const enum LineFlag { None = 0, PrologueEnd = 1, NotStmt = 2 }

export class LineTable {
  readonly version: 4 | 5;
  private dirs: string[] = [];
  private dirIndex = new Map<string, number>();
  private fileNames: string[] = [];
  private fileDirs: number[] = [];
  private fileIndex = new Map<string, number>();
  private prog = new ByteBuffer(1024);
  /** set_address operands: [offset in prog, symbol, addend] */
  private addrs: number[] = [];
  // state of the sequence being written
  private addr = 0;
  private file = 1;
  private line = 1;
  private col = 0;
  private stmt = true;
  private open = false;

  /**
   * `compDir` is directory 0 (the compile unit's DW_AT_comp_dir); with
   * DWARF 5, `primary` (the unit's DW_AT_name, in `primaryDir`) is file 0.
   */
  constructor(version: 4 | 5, compDir: string, primary: string, primaryDir = compDir) {
    this.version = version;
    this.directory(compDir);
    if (version >= 5) this.fileOf(primaryDir, primary);
  }

  private directory(d: string): number {
    // an empty directory is the compilation directory (and as a DWARF 4
    // include_directories entry it would end the list)
    if (d === '' && this.dirs.length > 0) return 0;
    let k = this.dirIndex.get(d);
    if (k === undefined) {
      k = this.dirs.push(d) - 1;
      this.dirIndex.set(d, k);
    }
    return k;
  }

  /**
   * The file number rows and DW_AT_decl_file use for `name` in `dir`
   * (DWARF 4 numbers from 1; DWARF 5 from 0, file 0 being the primary file).
   */
  fileOf(dir: string, name: string): number {
    const key = `${dir}\0${name}`;
    let k = this.fileIndex.get(key);
    if (k === undefined) {
      this.fileNames.push(name);
      this.fileDirs.push(this.directory(dir));
      k = this.fileNames.length - (this.version >= 5 ? 1 : 0);
      this.fileIndex.set(key, k);
    }
    return k;
  }

  /** Starts a sequence at `symbol + addend`; rows then take offsets from there. */
  beginSequence(symbol: SymbolId, addend = 0): void {
    assert(!this.open, 'line sequence already open');
    const p = this.prog;
    p.u8(0);
    p.uleb(9);
    p.u8(DW_LNE.set_address);
    this.addrs.push(p.length, symbol, addend);
    p.u32(0);
    p.u32(0);
    this.addr = 0;
    this.file = 1;
    this.line = 1;
    this.col = 0;
    this.stmt = true;
    this.open = true;
  }

  /** A row at code offset `offset` (not below the previous row's). */
  row(offset: number, file: number, line: number, col: number, flags: LineFlag): void {
    if (!(this.open && offset >= this.addr)) assert(false, `line row at ${offset} goes back from ${this.addr}`);
    const prog = this.prog;
    // at most: set_file, set_column (LEB128s of numbers below 2^53: 8 bytes each),
    // negate_stmt, prologue_end, advance_line (10), advance_pc (8) and the special opcode
    prog.reserve(40);
    const out = prog.bytes;
    let p = prog.length;
    if (file !== this.file) {
      out[p++] = DW_LNS.set_file;
      p = writeUleb(out, p, file);
      this.file = file;
    }
    if (col !== this.col) {
      out[p++] = DW_LNS.set_column;
      p = writeUleb(out, p, col);
      this.col = col;
    }
    const stmt = (flags & LineFlag.NotStmt) === 0;
    if (stmt !== this.stmt) {
      out[p++] = DW_LNS.negate_stmt;
      this.stmt = stmt;
    }
    if (flags & LineFlag.PrologueEnd) out[p++] = DW_LNS.set_prologue_end;
    let dLine = line - this.line;
    let dAddr = offset - this.addr;
    this.line = line;
    this.addr = offset;
    if (dLine < LINE_BASE || dLine >= LINE_BASE + LINE_RANGE) {
      out[p++] = DW_LNS.advance_line;
      p = writeSleb(out, p, dLine);
      dLine = 0;
    }
    // a special opcode advances the address and the line and appends the row
    const maxSpecialAddr = Math.floor((255 - OPCODE_BASE - (dLine - LINE_BASE)) / LINE_RANGE);
    if (dAddr > maxSpecialAddr) {
      const constAdd = Math.floor((255 - OPCODE_BASE) / LINE_RANGE);
      if (dAddr - constAdd <= maxSpecialAddr && dAddr >= constAdd) {
        out[p++] = DW_LNS.const_add_pc;
        dAddr -= constAdd;
      } else {
        out[p++] = DW_LNS.advance_pc;
        p = writeUleb(out, p, dAddr);
        dAddr = 0;
      }
    }
    out[p++] = dLine - LINE_BASE + LINE_RANGE * dAddr + OPCODE_BASE;
    prog.length = p;
  }

  /**
   * One function's sequence, with LLVM's rows: one for the prologue at the
   * scope line, then one per (code offset, srcloc) pair of `rows` whose place
   * differs from the previous (the first marked prologue_end, or a scope-line
   * row at `prologueEnd` when that comes before the first). A row starts a
   * statement (is_stmt) as `place` says, or when it says -1, when its line
   * differs from the last non-zero line of the rows before it; a negative
   * srcloc is line 0 with the previous file and column. `place` writes a
   * srcloc's [file, line, column, scope, inlined-at, is_stmt] into `out`
   * (scope and inlined-at only tell places apart).
   */
  functionSequence(
    symbol: SymbolId, size: number, file: number, scopeLine: number, rows: Int32Array,
    place: (srcloc: number, out: Int32Array) => void, prologueEnd = -1,
  ): void {
    this.beginSequence(symbol);
    // a row is held back until the next one is known: of rows at one address
    // only the last is written, as an assembler does with .loc directives
    // that no instruction follows
    this.setHeld(0, file, scopeLine, 0, LineFlag.None);
    const out = this.place, prev = this.prevPlace;
    prev.fill(-1);
    let first = true, lastLine = scopeLine;
    if (prologueEnd > 0 && (rows.length === 0 || rows[0] > prologueEnd)) {
      this.hold(prologueEnd, file, scopeLine, 0, LineFlag.PrologueEnd);
      first = false;
    }
    for (let k = 0; k < rows.length; k += 2) {
      const r = rows[k + 1];
      if (r < 0) {
        if (this.hLine === 0) continue;
        this.hold(rows[k], this.hFile, 0, this.hCol, LineFlag.NotStmt);
        prev.fill(-1);
        continue;
      }
      out[5] = -1;
      place(r, out);
      const line = out[1];
      const stmt = out[5] < 0 ? line !== 0 && line !== lastLine : out[5] === 1;
      if (!stmt && out[0] === prev[0] && out[1] === prev[1] && out[2] === prev[2] && out[3] === prev[3] && out[4] === prev[4]) continue;
      for (let i = 0; i < 6; i++) prev[i] = out[i]!;
      const flags = first ? LineFlag.PrologueEnd : stmt ? LineFlag.None : LineFlag.NotStmt;
      this.hold(rows[k], out[0], line, out[2], flags);
      if (line !== 0) lastLine = line;
      first = false;
    }
    this.row(this.hOffset, this.hFile, this.hLine, this.hCol, this.hFlags);
    this.endSequence(size);
  }

  /** The row held back by functionSequence. */
  private hOffset = 0;
  private hFile = 0;
  private hLine = 0;
  private hCol = 0;
  private hFlags = LineFlag.None;

  /** Sets the row held back by functionSequence, writing nothing. */
  private setHeld(offset: number, file: number, line: number, col: number, flags: LineFlag): void {
    this.hOffset = offset;
    this.hFile = file;
    this.hLine = line;
    this.hCol = col;
    this.hFlags = flags;
  }

  /** Holds a row back, writing the one held before when it lies before it. */
  private hold(offset: number, file: number, line: number, col: number, flags: LineFlag): void {
    if (offset > this.hOffset) this.row(this.hOffset, this.hFile, this.hLine, this.hCol, this.hFlags);
    this.setHeld(offset, file, line, col, flags);
  }

  private place = new Int32Array(6);
  private prevPlace = new Int32Array(6);

  /** Ends the sequence at code offset `end` (the function's size). */
  endSequence(end: number): void {
    assert(this.open && end >= this.addr, 'line sequence ends before its last row');
    const p = this.prog;
    if (end > this.addr) {
      p.u8(DW_LNS.advance_pc);
      p.uleb(end - this.addr);
    }
    p.u8(0);
    p.uleb(1);
    p.u8(DW_LNE.end_sequence);
    this.open = false;
  }

  /** Appends the unit (header and program) to `sec`; returns its offset there. */
  write(obj: ElfObject, sec: SectionId, lineStr: StringSection | null, lineStrSec: SectionId): number {
    assert(!this.open, 'line sequence left open');
    const b = obj.data(sec);
    const base = b.length;
    b.u32(0); // unit_length, patched
    b.u16(this.version);
    if (this.version >= 5) {
      b.u8(8); // address_size
      b.u8(0); // segment_selector_size
    }
    const headerLengthAt = b.length;
    b.u32(0);
    b.u8(1); // minimum_instruction_length
    b.u8(1); // maximum_operations_per_instruction
    b.u8(1); // default_is_stmt
    b.u8(LINE_BASE & 0xff);
    b.u8(LINE_RANGE);
    b.u8(OPCODE_BASE);
    for (const n of STD_LENGTHS) b.u8(n);
    if (this.version >= 5) {
      assert(lineStr !== null, 'DWARF 5 line tables need .debug_line_str');
      const strp = (s: string) => {
        obj.reloc(sec, b.length, R.R_X86_64_32, obj.sectionSymbol(lineStrSec), lineStr.offset(s));
        b.u32(0);
      };
      b.u8(1);
      b.uleb(DW_LNCT.path);
      b.uleb(DW_FORM.line_strp);
      b.uleb(this.dirs.length);
      for (const d of this.dirs) strp(d);
      b.u8(2);
      b.uleb(DW_LNCT.path);
      b.uleb(DW_FORM.line_strp);
      b.uleb(DW_LNCT.directory_index);
      b.uleb(DW_FORM.udata);
      b.uleb(this.fileNames.length);
      for (let k = 0; k < this.fileNames.length; k++) {
        strp(this.fileNames[k]);
        b.uleb(this.fileDirs[k]);
      }
    } else {
      for (let k = 1; k < this.dirs.length; k++) cstring(b, this.dirs[k]);
      b.u8(0);
      for (let k = 0; k < this.fileNames.length; k++) {
        cstring(b, this.fileNames[k]);
        b.uleb(this.fileDirs[k]);
        b.u8(0); // modification time
        b.u8(0); // length
      }
      b.u8(0);
    }
    b.patchU32(headerLengthAt, b.length - headerLengthAt - 4);
    const progAt = b.length;
    b.append(this.prog.view8());
    for (let k = 0; k < this.addrs.length; k += 3) obj.reloc(sec, progAt + this.addrs[k], R.R_X86_64_64, this.addrs[k + 1], this.addrs[k + 2]);
    b.patchU32(base, b.length - base - 4);
    return base;
  }
}

const encoder = new TextEncoder();

function cstring(b: ByteBuffer, s: string): void {
  const bytes = encoder.encode(s);
  assert(!bytes.includes(0), `file name ${JSON.stringify(s)} contains a NUL byte`);
  b.append(bytes);
  b.u8(0);
}
