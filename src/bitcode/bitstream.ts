// LLVM bitstream cursor: reads fixed/VBR fields, abbreviation definitions,
// BLOCKINFO and nested blocks from a bitcode buffer, and decodes records into a
// reused operand array. Every read is bounded by the buffer; errors are CgtsErrors
// naming the byte offset and the enclosing block.

import { Buffer } from 'node:buffer';
import { CgtsError } from '../support/diag.js';
import { BlockId, blockName } from './codes.js';

/** Abbreviation operand encodings, as in the bitstream format. */
const enum Enc {
  Literal = 0,
  Fixed = 1,
  VBR = 2,
  Array = 3,
  Char6 = 4,
  Blob = 5,
}

/** An abbreviation: pairs (encoding, value) flattened. */
export type Abbrev = Int32Array;

/** What `advance` found next. */
export const enum Entry {
  EndBlock = -1,
  SubBlock = -2,
}

const CHAR6 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._';
const CHAR6_CODES = Uint8Array.from(CHAR6, (ch) => ch.charCodeAt(0));

/** Bytes [start, end) of `bytes` as a string, one char per byte. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1', start, end);
}

/** Bytes of strings being built by BitCursor.str. */
let strScratch = Buffer.allocUnsafe(4096);

/** Saved state of an enclosing block. */
interface Frame {
  abbrevWidth: number;
  abbrevs: Abbrev[];
  abbrevsShared: boolean;
  blockId: number;
  end: number;
}

const NO_ABBREVS: Abbrev[] = [];

export class BitCursor {
  readonly words: Uint32Array;
  readonly bytes: Uint8Array;
  /** Total number of bits in the buffer. */
  readonly endBit: number;
  readonly fileName: string;
  pos: number;
  abbrevWidth: number;
  abbrevs: Abbrev[];
  /** `abbrevs` is BLOCKINFO's list (or NO_ABBREVS): copy it before adding to it. */
  abbrevsShared: boolean;
  blockId: number;
  /** End bit of the current block (or the buffer end at top level). */
  blockEnd: number;
  /** Enclosing blocks: frames [0, depth) of `stack`, whose objects are reused. */
  stack: Frame[];
  depth: number;
  /** Abbreviations from BLOCKINFO, per block id. */
  blockInfo: Map<number, Abbrev[]>;

  /** Set by `advance` when it returns Entry.SubBlock. */
  subBlockId: number;

  /**
   * The last record: code, operands and blob. Operands of 2^32 or more are
   * stored as 0xFFFFFFFF; their exact value is in `wide` (read them with `big`).
   */
  code: number;
  ops: Uint32Array;
  n: number;
  /** Exact values of operands of 2^32 or more, by operand index. */
  wide: Map<number, bigint>;
  blobStart: number;
  blobLen: number;
  /** Bit position where the last record (or entry) started. */
  recordPos: number;

  constructor(bytes: Uint8Array, fileName: string, blockInfo?: Map<number, Abbrev[]>) {
    let buf = bytes;
    if (bytes.byteOffset % 4 !== 0 || bytes.length % 4 !== 0) {
      buf = new Uint8Array((bytes.length + 3) & ~3);
      buf.set(bytes);
    }
    this.bytes = bytes;
    this.words = new Uint32Array(buf.buffer, buf.byteOffset, buf.length >> 2);
    this.endBit = bytes.length * 8;
    this.fileName = fileName;
    this.pos = 0;
    this.abbrevWidth = 2;
    this.abbrevs = NO_ABBREVS;
    this.abbrevsShared = true;
    this.blockId = -1;
    this.blockEnd = this.endBit;
    this.stack = [];
    this.depth = 0;
    this.blockInfo = blockInfo ?? new Map();
    this.subBlockId = -1;
    this.code = 0;
    this.ops = new Uint32Array(64);
    this.n = 0;
    this.wide = new Map();
    this.blobStart = 0;
    this.blobLen = 0;
    this.recordPos = 0;
  }

  /** A CgtsError naming the file, byte offset and current block. */
  error(message: string, at = this.recordPos): CgtsError {
    const where = `${this.fileName}: byte ${at >>> 3}`;
    const inBlock = this.blockId >= 0 ? ` in ${blockName(this.blockId)} block` : '';
    return new CgtsError(`${message}${inBlock}`, where);
  }

  atEnd(): boolean {
    return this.pos >= this.endBit;
  }

  /** Reads `width` (0..32) bits as an unsigned number. */
  read(width: number): number {
    const pos = this.pos;
    if (pos + width > this.blockEnd) {
      throw this.error(pos + width > this.endBit ? 'unexpected end of file' : 'read past the end of the block', pos);
    }
    if (width === 0) return 0;
    const w = pos >>> 5;
    const b = pos & 31;
    let v = this.words[w]! >>> b;
    if (b + width > 32) v |= this.words[w + 1]! << (32 - b);
    this.pos = pos + width;
    return width === 32 ? v >>> 0 : v & ((1 << width) - 1);
  }

  /** Reads a VBR field; values above 2^53 lose precision here (see readVBRExact). */
  readVBR(width: number): number {
    // Arithmetic rather than bit operators, so that width 32 works.
    const hi = 2 ** (width - 1);
    let piece = this.read(width);
    if (piece < hi) return piece;
    let result = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      if (piece < hi) return result + piece * scale;
      result += (piece - hi) * scale;
      scale *= hi;
      if (i > 70) throw this.error('VBR value is too long');
      piece = this.read(width);
    }
  }

  /** Reads a VBR field as an exact bigint (for operands that may exceed 2^53). */
  private readVBRBig(width: number, startPos: number): bigint {
    this.pos = startPos;
    const hi = 2 ** (width - 1);
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 80; i++) {
      const piece = this.read(width);
      result |= BigInt(piece < hi ? piece : piece - hi) << shift;
      if (piece < hi) return result;
      shift += BigInt(width - 1);
    }
    throw this.error('VBR value is too long');
  }

  alignTo32(): void {
    const p = (this.pos + 31) & ~31;
    if (p > this.endBit) throw this.error('unexpected end of file', this.pos);
    this.pos = p;
  }

  /**
   * The code of the next record of the current block, read into `ops`/`n`,
   * with sub-blocks skipped; -1 once the block has been left.
   */
  nextRecord(): number {
    for (;;) {
      const e = this.advance();
      if (e === Entry.EndBlock) return -1;
      if (e === Entry.SubBlock) {
        this.skipBlock();
        continue;
      }
      return this.readRecord(e);
    }
  }

  /**
   * Moves to the next entry of the current block. Abbreviation definitions are
   * absorbed. Returns Entry.EndBlock (the block has been left), Entry.SubBlock
   * (the sub-block id is in `subBlockId`; call enterBlock or skipBlock), or a
   * record's abbreviation id (call readRecord).
   */
  advance(): number {
    for (;;) {
      this.recordPos = this.pos;
      if (this.depth === 0 && this.pos + this.abbrevWidth > this.endBit) return Entry.EndBlock;
      const id = this.read(this.abbrevWidth);
      switch (id) {
        case 0: {
          // END_BLOCK
          if (this.depth === 0) throw this.error('END_BLOCK at top level');
          this.alignTo32();
          const f = this.stack[--this.depth]!;
          this.abbrevWidth = f.abbrevWidth;
          this.abbrevs = f.abbrevs;
          this.abbrevsShared = f.abbrevsShared;
          f.abbrevs = NO_ABBREVS;
          this.blockId = f.blockId;
          this.blockEnd = f.end;
          return Entry.EndBlock;
        }
        case 1:
          this.subBlockId = this.readVBR(8);
          return Entry.SubBlock;
        case 2:
          if (this.abbrevsShared) {
            this.abbrevs = this.abbrevs.slice();
            this.abbrevsShared = false;
          }
          this.abbrevs.push(this.readAbbrev());
          continue;
        default:
          return id;
      }
    }
  }

  /** Enters the sub-block announced by `advance`; returns its end bit. */
  enterBlock(): number {
    const width = this.readVBR(4);
    if (width < 1 || width > 32) throw this.error(`bad abbreviation width ${width}`);
    this.alignTo32();
    const words = this.read(32);
    const end = this.pos + words * 32;
    if (end > this.blockEnd) throw this.error(`block ${blockName(this.subBlockId)} runs past the end of its parent`);
    this.pushFrame(this.abbrevWidth, this.abbrevs, this.abbrevsShared, this.blockId, this.blockEnd);
    this.abbrevWidth = width;
    this.abbrevs = this.blockInfo.get(this.subBlockId) ?? NO_ABBREVS;
    this.abbrevsShared = true;
    this.blockId = this.subBlockId;
    this.blockEnd = end;
    return end;
  }

  private pushFrame(abbrevWidth: number, abbrevs: Abbrev[], abbrevsShared: boolean, blockId: number, end: number): void {
    let f = this.stack[this.depth];
    if (f === undefined) {
      f = { abbrevWidth, abbrevs, abbrevsShared, blockId, end };
      this.stack.push(f);
    } else {
      f.abbrevWidth = abbrevWidth;
      f.abbrevs = abbrevs;
      f.abbrevsShared = abbrevsShared;
      f.blockId = blockId;
      f.end = end;
    }
    this.depth++;
  }

  /** Skips the sub-block announced by `advance`, using its length word. */
  skipBlock(): void {
    this.readVBR(4);
    this.alignTo32();
    const words = this.read(32);
    const end = this.pos + words * 32;
    if (end > this.blockEnd) throw this.error(`block ${blockName(this.subBlockId)} runs past the end of its parent`);
    this.pos = end;
  }

  /**
   * Positions the cursor at a block body saved earlier (`bodyPos` = bit after the
   * length word), as if the block had just been entered.
   */
  enterSavedBlock(blockId: number, abbrevWidth: number, bodyPos: number, end: number): void {
    this.depth = 0;
    this.pushFrame(2, NO_ABBREVS, true, -1, this.endBit);
    this.pos = bodyPos;
    this.abbrevWidth = abbrevWidth;
    this.abbrevs = this.blockInfo.get(blockId) ?? NO_ABBREVS;
    this.abbrevsShared = true;
    this.blockId = blockId;
    this.blockEnd = end;
  }

  private readAbbrev(): Abbrev {
    const count = this.readVBR(5);
    if (count < 1) throw this.error('abbreviation with no operands');
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const literal = this.read(1);
      if (literal) {
        out.push(Enc.Literal, this.readVBR(8));
        continue;
      }
      const enc = this.read(3);
      switch (enc) {
        case Enc.Fixed:
        case Enc.VBR: {
          const w = this.readVBR(5);
          // LLVM's MaxChunkSize: no field is wider than 32 bits.
          if (w > 32 || (enc === Enc.VBR && w < 2)) throw this.error(`bad abbreviation operand width ${w}`);
          if (w === 0) out.push(Enc.Literal, 0);
          else out.push(enc, w);
          break;
        }
        case Enc.Array:
          if (i !== count - 2) throw this.error('array must be the next-to-last abbreviation operand');
          out.push(Enc.Array, 0);
          break;
        case Enc.Char6:
          out.push(Enc.Char6, 0);
          break;
        case Enc.Blob:
          if (i !== count - 1) throw this.error('blob must be the last abbreviation operand');
          out.push(Enc.Blob, 0);
          break;
        default:
          throw this.error(`unknown abbreviation operand encoding ${enc}`);
      }
    }
    // An array element must take bits: a literal (or Fixed(0)) element would let
    // one record claim any number of operands without reading anything.
    const last = out.length - 2;
    if (count >= 2 && out[last - 2] === Enc.Array) {
      const elt = out[last]!;
      if (elt !== Enc.Fixed && elt !== Enc.VBR && elt !== Enc.Char6) {
        throw this.error('array element of an abbreviation must be a fixed, VBR or char6 field');
      }
    }
    return Int32Array.from(out);
  }

  private push(v: number): void {
    if (this.n === this.ops.length) {
      const next = new Uint32Array(this.ops.length * 2);
      next.set(this.ops);
      this.ops = next;
    }
    if (v > 0xffffffff) {
      if (!this.wide.has(this.n)) this.wide.set(this.n, BigInt(v));
      v = 0xffffffff;
    }
    this.ops[this.n++] = v;
  }

  private readField(enc: number, width: number): number {
    switch (enc) {
      case Enc.Fixed:
        return this.read(width);
      case Enc.VBR: {
        const start = this.pos;
        const v = this.readVBR(width);
        if (v > Number.MAX_SAFE_INTEGER) this.wide.set(this.n, this.readVBRBig(width, start));
        return v;
      }
      case Enc.Char6:
        return CHAR6.charCodeAt(this.read(6));
      default:
        throw this.error('bad abbreviation operand');
    }
  }

  /** Makes room for `k` more operands. */
  private reserve(k: number): Uint32Array {
    let o = this.ops;
    if (this.n + k > o.length) {
      const next = new Uint32Array(Math.max(o.length * 2, this.n + k));
      next.set(o.subarray(0, this.n));
      this.ops = o = next;
    }
    return o;
  }

  /**
   * Reads a VBR field of `width` <= 32 bits. Values below 2^32 are read
   * inline; longer ones, and fields that cross the block end, go through
   * vbrSlow (which records values above 2^53 in `wide` and throws errors).
   */
  private vbrOp(width: number): number {
    if (width > 31) return this.vbrSlow(width);
    const start = this.pos;
    const end = this.blockEnd;
    const words = this.words;
    const hi = 1 << (width - 1);
    const mask = (1 << width) - 1;
    let pos = start;
    let result = 0;
    let scale = 1;
    for (;;) {
      if (pos + width > end) return this.vbrSlow(width);
      const w = pos >>> 5;
      const b = pos & 31;
      let piece = words[w]! >>> b;
      if (b + width > 32) piece |= words[w + 1]! << (32 - b);
      piece &= mask;
      pos += width;
      if ((piece & hi) === 0) {
        this.pos = pos;
        return result + piece * scale;
      }
      result += (piece & (hi - 1)) * scale;
      scale *= hi;
      if (scale > 0x100000000) return this.vbrSlow(width);
    }
  }

  /** Appends an operand, with room already reserved; values of 2^32 or more are kept in `wide`. */
  private put(v: number): void {
    if (v > 0xffffffff) {
      if (!this.wide.has(this.n)) this.wide.set(this.n, BigInt(v));
      v = 0xffffffff;
    }
    this.ops[this.n++] = v;
  }

  private vbrSlow(width: number): number {
    const start = this.pos;
    const v = this.readVBR(width);
    if (v > Number.MAX_SAFE_INTEGER) this.wide.set(this.n, this.readVBRBig(width, start));
    return v;
  }

  /** Reads a record with the given abbreviation id into code/ops/n/blob. */
  readRecord(abbrevId: number): number {
    this.n = 0;
    this.blobLen = 0;
    if (this.wide.size) this.wide.clear();
    if (abbrevId === 3) {
      // UNABBREV_RECORD
      this.code = this.vbrOp(6);
      const count = this.vbrOp(6);
      if (this.wide.size) this.wide.clear();
      if (count * 4 > this.blockEnd - this.pos) throw this.error('record operand count exceeds the block size');
      const o = this.reserve(count);
      const words = this.words;
      const end = this.blockEnd;
      let pos = this.pos;
      for (let i = 0; i < count; i++) {
        if (pos + 6 <= end) {
          const w = pos >>> 5;
          const b = pos & 31;
          let piece = words[w]! >>> b;
          if (b > 26) piece |= words[w + 1]! << (32 - b);
          if ((piece & 32) === 0) {
            o[i] = piece & 31;
            pos += 6;
            continue;
          }
        }
        this.pos = pos;
        this.n = i;
        this.put(this.vbrOp(6));
        pos = this.pos;
      }
      this.pos = pos;
      this.n = count;
      return this.code;
    }
    const ab = this.abbrevs[abbrevId - 4];
    if (ab === undefined) throw this.error(`undefined abbreviation id ${abbrevId}`);
    let first = true;
    for (let i = 0; i < ab.length; i += 2) {
      const enc = ab[i]!;
      const val = ab[i + 1]!;
      let v: number;
      if (enc === Enc.Literal) v = val;
      else if (enc === Enc.VBR) v = this.vbrOp(val);
      else if (enc === Enc.Fixed) v = this.read(val);
      else if (enc === Enc.Array) {
        const count = this.vbrOp(6);
        const eltEnc = ab[i + 2]!;
        const eltW = ab[i + 3]!;
        if (count > this.blockEnd - this.pos) throw this.error('array length exceeds the block size');
        let k = 0;
        if (first) {
          if (count === 0) throw this.error('record has no code');
          this.code = this.readField(eltEnc, eltW);
          k = 1;
        }
        this.reserve(count);
        const fixedW = eltEnc === Enc.Char6 ? 6 : eltEnc === Enc.Fixed ? eltW : 0;
        if (fixedW > 0) {
          // Fixed-width elements: bounds checked once for the whole array.
          const last = this.pos + (count - k) * fixedW;
          if (last > this.blockEnd) throw this.error(last > this.endBit ? 'unexpected end of file' : 'read past the end of the block', this.pos);
          const o = this.ops;
          const words = this.words;
          const mask = fixedW === 32 ? 0xffffffff : (1 << fixedW) - 1;
          const char6 = eltEnc === Enc.Char6;
          let pos = this.pos;
          let n = this.n;
          for (; k < count; k++) {
            const w = pos >>> 5;
            const b = pos & 31;
            let v = words[w]! >>> b;
            if (b + fixedW > 32) v |= words[w + 1]! << (32 - b);
            v = (v & mask) >>> 0;
            o[n++] = char6 ? CHAR6_CODES[v]! : v;
            pos += fixedW;
          }
          this.pos = pos;
          this.n = n;
        } else {
          // VBR elements (readAbbrev allows only fixed, VBR and char6).
          for (; k < count; k++) this.put(this.vbrOp(eltW));
        }
        return this.code;
      } else if (enc === Enc.Blob) {
        const len = this.vbrOp(6);
        this.alignTo32();
        if (len * 8 > this.blockEnd - this.pos) throw this.error('blob runs past the end of the block');
        this.blobStart = this.pos >>> 3;
        this.blobLen = len;
        this.pos += len * 8;
        this.alignTo32();
        if (first) throw this.error('record code cannot be a blob');
        return this.code;
      } else v = this.readField(enc, val);
      if (first) {
        this.code = v;
        first = false;
      } else this.push(v);
    }
    return this.code;
  }

  /** The blob of the last record. */
  blob(): Uint8Array {
    return this.bytes.subarray(this.blobStart, this.blobStart + this.blobLen);
  }

  /** Operand i of the last record as an exact unsigned bigint. */
  big(i: number): bigint {
    const w = this.wide.size ? this.wide.get(i) : undefined;
    return w !== undefined ? w : BigInt(this.ops[i]!);
  }

  /** Operand i as a number (exact below 2^53). */
  num(i: number): number {
    const w = this.wide.size ? this.wide.get(i) : undefined;
    return w !== undefined ? Number(w) : this.ops[i]!;
  }

  /** Operands [from, n) of the last record as a string of char codes. */
  str(from = 0, to = this.n): string {
    const len = to - from;
    if (len <= 0) return '';
    const o = this.ops;
    const f = from;
    switch (len) {
      case 1: return String.fromCharCode(o[f]!);
      case 2: return String.fromCharCode(o[f]!, o[f + 1]!);
      case 3: return String.fromCharCode(o[f]!, o[f + 1]!, o[f + 2]!);
      case 4: return String.fromCharCode(o[f]!, o[f + 1]!, o[f + 2]!, o[f + 3]!);
      case 5: return String.fromCharCode(o[f]!, o[f + 1]!, o[f + 2]!, o[f + 3]!, o[f + 4]!);
      case 6: return String.fromCharCode(o[f]!, o[f + 1]!, o[f + 2]!, o[f + 3]!, o[f + 4]!, o[f + 5]!);
    }
    for (let i = from; i < to; i++) {
      if (o[i]! > 0xff) {
        let s = '';
        for (let k = from; k < to; k++) s += String.fromCharCode(o[k]!);
        return s;
      }
    }
    if (len <= 14) {
      let s = '';
      for (let i = from; i < to; i++) s += String.fromCharCode(o[i]!);
      return s;
    }
    let b = strScratch;
    if (b.length < len) b = strScratch = Buffer.allocUnsafe(Math.max(len, b.length * 2));
    for (let i = 0; i < len; i++) b[i] = o[from + i]!;
    return b.toString('latin1', 0, len);
  }

  /** Reads a BLOCKINFO block (already announced by advance) into `blockInfo`. */
  readBlockInfo(): void {
    this.enterBlock();
    let cur: Abbrev[] | undefined;
    for (;;) {
      const e = this.advanceInBlockInfo();
      if (e === Entry.EndBlock) return;
      if (e === Entry.SubBlock) {
        this.skipBlock();
        continue;
      }
      if (e === -3) {
        if (!cur) throw this.error('abbreviation in BLOCKINFO before SETBID');
        cur.push(this.readAbbrev());
        continue;
      }
      this.readRecord(e);
      if (this.code === 1) {
        if (this.n < 1) throw this.error('SETBID record without a block id');
        const id = this.ops[0]!;
        // A fresh list: blocks already entered keep the abbreviations they started with.
        cur = (this.blockInfo.get(id) ?? NO_ABBREVS).slice();
        this.blockInfo.set(id, cur);
      }
    }
  }

  private advanceInBlockInfo(): number {
    this.recordPos = this.pos;
    const id = this.read(this.abbrevWidth);
    if (id === 2) return -3;
    if (id === 0 || id === 1) {
      this.pos = this.recordPos;
      return this.advance();
    }
    return id;
  }
}

export { BlockId };
