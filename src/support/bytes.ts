// A growable little-endian byte buffer: all binary output (machine code, ELF
// objects, archives) is written through one of these and flushed once.

export class ByteBuffer {
  bytes: Uint8Array;
  length: number;
  /** For the 64-bit writes only, made on first use (a DataView per buffer costs more than the buffer). */
  private view: DataView | null;

  constructor(capacity = 4096) {
    this.bytes = new Uint8Array(capacity);
    this.view = null;
    this.length = 0;
  }

  private dataView(): DataView {
    return this.view ?? (this.view = new DataView(this.bytes.buffer));
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
    this.view = null;
  }

  u8(v: number): void {
    this.reserve(1);
    this.bytes[this.length++] = v;
  }
  // Typed-array stores keep the low 8 bits: v, v >>> 8 ... are the little-endian bytes.
  u16(v: number): void {
    this.reserve(2);
    const b = this.bytes, at = this.length;
    b[at] = v;
    b[at + 1] = v >>> 8;
    this.length = at + 2;
  }
  u32(v: number): void {
    this.reserve(4);
    this.patchU32(this.length, v);
    this.length += 4;
  }
  i32(v: number): void {
    this.reserve(4);
    this.patchU32(this.length, v);
    this.length += 4;
  }
  u64(v: bigint): void {
    this.reserve(8);
    this.dataView().setBigUint64(this.length, BigInt.asUintN(64, v), true);
    this.length += 8;
  }
  /** Unsigned LEB128 of a non-negative number below 2^53. */
  uleb(v: number): void {
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      if (v !== 0) b |= 0x80;
      this.u8(b);
    } while (v !== 0);
  }
  /** Signed LEB128 of a safe integer. */
  sleb(v: number): void {
    for (;;) {
      const b = v & 0x7f;
      v = Math.floor(v / 128);
      const done = (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0);
      this.u8(done ? b : b | 0x80);
      if (done) return;
    }
  }
  append(src: Uint8Array): void {
    this.reserve(src.length);
    this.bytes.set(src, this.length);
    this.length += src.length;
  }
  /** Appends zero bytes until the length is a multiple of `align`. */
  align(align: number, fill = 0): void {
    while (this.length % align !== 0) this.u8(fill);
  }
  /** Writes the low 32 bits of `v` (unsigned or signed) at `at`. */
  patchU32(at: number, v: number): void {
    const b = this.bytes;
    b[at] = v;
    b[at + 1] = v >>> 8;
    b[at + 2] = v >>> 16;
    b[at + 3] = v >>> 24;
  }
  patchI32(at: number, v: number): void {
    this.patchU32(at, v);
  }
  patchU64(at: number, v: bigint): void {
    this.dataView().setBigUint64(at, BigInt.asUintN(64, v), true);
  }
  patchU8(at: number, v: number): void {
    this.bytes[at] = v;
  }
  /** The written bytes (a view, not a copy). */
  view8(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
  reset(): void {
    this.length = 0;
  }
}
