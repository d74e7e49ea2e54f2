// Test helper: a minimal bitstream writer (fixed and VBR fields, blocks with
// length words, abbreviation definitions) and a bitcode module builder, both
// independent of the reader, for hand-built and malformed inputs.

/** A minimal bitstream writer. */
export class BitWriter {
  words: number[] = [];
  cur = 0;
  bits = 0;
  width = 2;
  private sizeSlots: number[] = [];
  private widths: number[] = [];
  emit(v: number, w: number): void {
    for (let i = 0; i < w; i++) {
      const bit = Math.floor(v / 2 ** i) % 2;
      this.cur |= bit << this.bits;
      this.bits++;
      if (this.bits === 32) {
        this.words.push(this.cur >>> 0);
        this.cur = 0;
        this.bits = 0;
      }
    }
  }
  vbr(v: bigint | number, w: number): void {
    let x = BigInt(v);
    const hi = 1n << BigInt(w - 1);
    while (x >= hi) {
      this.emit(Number((x & (hi - 1n)) | hi), w);
      x >>= BigInt(w - 1);
    }
    this.emit(Number(x), w);
  }
  align(): void {
    if (this.bits) this.emit(0, 32 - this.bits);
  }
  enter(id: number, width: number): void {
    this.emit(1, this.width);
    this.vbr(id, 8);
    this.vbr(width, 4);
    this.align();
    this.sizeSlots.push(this.words.length);
    this.words.push(0);
    this.widths.push(this.width);
    this.width = width;
  }
  end(): void {
    this.emit(0, this.width);
    this.align();
    const slot = this.sizeSlots.pop()!;
    this.words[slot] = this.words.length - slot - 1;
    this.width = this.widths.pop()!;
  }
  unabbrev(code: number, ops: (number | bigint)[]): void {
    this.emit(3, this.width);
    this.vbr(code, 6);
    this.vbr(ops.length, 6);
    for (const o of ops) this.vbr(o, 6);
  }
  /** DEFINE_ABBREV with ops given as [literal?, enc, value]. */
  defineAbbrev(ops: [boolean, number, number][]): void {
    this.emit(2, this.width);
    this.vbr(ops.length, 5);
    for (const [lit, enc, val] of ops) {
      this.emit(lit ? 1 : 0, 1);
      if (lit) this.vbr(val, 8);
      else {
        this.emit(enc, 3);
        if (enc === 1 || enc === 2) this.vbr(val, 5);
      }
    }
  }
  bytes(): Uint8Array {
    const words = this.words.slice();
    if (this.bits) words.push(this.cur >>> 0);
    return new Uint8Array(Uint32Array.from(words).buffer);
  }
}

/** Block ids and record codes the module builder and its users need. */
export const B = {
  MODULE: 8, PARAMATTR: 9, PARAMATTR_GROUP: 10, CONSTANTS: 11, FUNCTION: 12, METADATA: 15, METADATA_ATTACHMENT: 16,
  TYPE: 17, METADATA_KIND: 22,
} as const;

/** Bit position of the writer. */
export function bitPos(w: BitWriter): number {
  return w.words.length * 32 + w.bits;
}

/**
 * METADATA_STRINGS: an abbreviation [35, vbr6 count, vbr6 offset, blob] is
 * defined in the current block (as abbreviation `abbrevId`) and used once;
 * the blob holds the VBR6 lengths then the characters, as LLVM writes it.
 */
export function metadataStrings(w: BitWriter, strings: string[], abbrevId = 4, override?: { count?: number; offset?: number }): void {
  const lens = new BitWriter();
  for (const s of strings) lens.vbr(s.length, 6);
  lens.align();
  const lenBytes = lens.bytes();
  const chars = new TextEncoder().encode(strings.join(''));
  const blob = new Uint8Array(lenBytes.length + chars.length);
  blob.set(lenBytes);
  blob.set(chars, lenBytes.length);
  w.defineAbbrev([[true, 0, 35], [false, 2, 6], [false, 2, 6], [false, 5, 0]]);
  w.emit(abbrevId, w.width);
  w.vbr(override?.count ?? strings.length, 6);
  w.vbr(override?.offset ?? lenBytes.length, 6);
  w.vbr(blob.length, 6);
  w.align();
  for (const b of blob) w.emit(b, 8);
  w.align();
}

/**
 * A bitcode module: magic, then MODULE (version 2) holding a TYPE block with
 * the records `types` writes, then whatever `body` writes.
 */
export function buildModule(types: (w: BitWriter) => void, body: (w: BitWriter) => void = () => {}): Uint8Array {
  const w = new BitWriter();
  for (const b of [0x42, 0x43, 0xc0, 0xde]) w.emit(b, 8);
  w.enter(B.MODULE, 3);
  w.unabbrev(1, [2]); // VERSION 2: relative value ids
  w.enter(B.TYPE, 4);
  types(w);
  w.end();
  body(w);
  w.end();
  return w.bytes();
}

/** A FUNCTION record (v2 layout) for a function of type `ty`, defined unless `proto`. */
export function functionRecord(w: BitWriter, ty: number, proto = false): void {
  w.unabbrev(8, [0, 0, ty, 0, proto ? 1 : 0, 0, 0, 0, 0, 0]);
}
