// A DWARF string section (.debug_str, .debug_line_str): NUL-terminated UTF-8
// strings, each distinct string once; offsets are handed out as strings are added.

import { ByteBuffer } from '../../support/bytes.js';
import { assert } from '../../support/diag.js';

const encoder = new TextEncoder();

export class StringSection {
  readonly buf = new ByteBuffer(1024);
  private at = new Map<string, number>();

  /** The offset of `s` in the section, adding it on first use. */
  offset(s: string): number {
    let off = this.at.get(s);
    if (off !== undefined) return off;
    off = this.buf.length;
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || c === 0) { ascii = false; break; }
    }
    if (ascii) {
      this.buf.reserve(s.length + 1);
      for (let i = 0; i < s.length; i++) this.buf.bytes[this.buf.length++] = s.charCodeAt(i);
    } else {
      const b = encoder.encode(s);
      if (!(!b.includes(0))) assert(false, `debug string ${JSON.stringify(s)} contains a NUL byte`);
      this.buf.append(b);
    }
    this.buf.u8(0);
    this.at.set(s, off);
    return off;
  }

  /** Appends `src[start, start + len)` (UTF-8, no NUL) as a string of its own, without looking for an equal one; returns its offset. */
  appendRange(src: Uint8Array, start: number, len: number): number {
    const b = this.buf;
    const off = b.length;
    b.reserve(len + 1);
    const out = b.bytes;
    for (let i = 0; i < len; i++) {
      const c = src[start + i]!;
      if (c === 0) assert(false, 'debug string contains a NUL byte');
      out[off + i] = c;
    }
    out[off + len] = 0;
    b.length = off + len + 1;
    return off;
  }

  get size(): number {
    return this.buf.length;
  }
}
