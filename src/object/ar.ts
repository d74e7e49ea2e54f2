// GNU `ar` archives, the format of Rust rlibs. Needs: archive bytes, or a list
// of members. Produces: the members (views into the input, no copies), or a
// new archive with a `//` long-name table and a `/` symbol index regenerated
// from the ELF symbol tables of its members, written into one buffer.

import { fail } from '../support/diag.js';
import { definedGlobalNames, isElf } from './elf-read.js';

export interface ArMember {
  name: string;
  data: Uint8Array;
  /** file mode bits (e.g. 0o644); 0o644 if omitted when writing */
  mode?: number;
}

export interface ArReadMember extends ArMember {
  mode: number;
  /** byte offset of the member's header in the archive (what the index points at) */
  headerOffset: number;
}

export interface ArSymbol {
  name: string;
  /** header offset of the member defining it */
  memberOffset: number;
}

export interface Archive {
  members: ArReadMember[];
  /** the `/` symbol index, in file order; empty if there is none */
  symbols: ArSymbol[];
}

const MAGIC = '!<arch>\n';
const HEADER = 60;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function ascii(bytes: Uint8Array, at: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(bytes[at + i]);
  return s;
}

/** True if `bytes` starts with the ar magic. */
export function isArchive(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && ascii(bytes, 0, 8) === MAGIC;
}

/** Reads a GNU (or SysV) archive; `where` names it in errors. */
export function readArchive(bytes: Uint8Array, where = ''): Archive {
  if (!isArchive(bytes)) {
    if (bytes.length >= 8 && ascii(bytes, 0, 8) === '!<thin>\n') fail('thin archives are not supported', where);
    fail('not an ar archive', where);
  }
  const members: ArReadMember[] = [];
  let symbolData: Uint8Array | null = null;
  let longNames: Uint8Array | null = null;
  let off = 8;
  while (off < bytes.length) {
    if (bytes[off] === 0x0a && off + 1 === bytes.length) break;
    if (off + HEADER > bytes.length) fail(`truncated member header at offset ${off}`, where);
    if (bytes[off + 58] !== 0x60 || bytes[off + 59] !== 0x0a) fail(`bad member header at offset ${off}`, where);
    const rawName = ascii(bytes, off, 16).trimEnd();
    const size = parseInt(ascii(bytes, off + 48, 10).trim(), 10);
    const mode = parseInt(ascii(bytes, off + 40, 8).trim() || '0', 8);
    if (!(size >= 0) || off + HEADER + size > bytes.length) fail(`member at offset ${off} runs past the end`, where);
    const data = bytes.subarray(off + HEADER, off + HEADER + size);
    if (rawName === '/') symbolData = data;
    else if (rawName === '/SYM64/') fail('64-bit archive symbol tables are not supported', where);
    else if (rawName === '//') longNames = data;
    else {
      let name: string;
      if (rawName.startsWith('#1/')) fail('BSD archives are not supported', where);
      if (rawName.startsWith('/')) {
        const at = parseInt(rawName.slice(1), 10);
        if (longNames === null || !(at >= 0) || at >= longNames.length) fail(`member at offset ${off} has a bad long name`, where);
        let end = at;
        while (end < longNames.length && longNames[end] !== 0x0a) end++;
        if (end > at && longNames[end - 1] === 0x2f) end--;
        name = decoder.decode(longNames.subarray(at, end));
      } else {
        name = rawName.endsWith('/') ? rawName.slice(0, -1) : rawName;
      }
      members.push({ name, data, mode, headerOffset: off });
    }
    off += HEADER + size + (size & 1);
  }
  return { members, symbols: symbolData ? readSymbolIndex(symbolData, where) : [] };
}

function readSymbolIndex(data: Uint8Array, where: string): ArSymbol[] {
  if (data.length < 4) fail('truncated archive symbol index', where);
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const n = v.getUint32(0, false);
  if (4 + n * 4 > data.length) fail('truncated archive symbol index', where);
  const out: ArSymbol[] = [];
  let s = 4 + n * 4;
  for (let i = 0; i < n; i++) {
    let end = s;
    while (end < data.length && data[end] !== 0) end++;
    out.push({ name: decoder.decode(data.subarray(s, end)), memberOffset: v.getUint32(4 + i * 4, false) });
    s = end + 1;
  }
  return out;
}

/**
 * Writes an archive of `members` in order. With `symbolIndex` (the default)
 * the `/` member lists the global definitions of every ELF member; other
 * members (lib.rmeta, bitcode) contribute nothing to it.
 */
export function writeArchive(members: readonly ArMember[], symbolIndex = true): Uint8Array {
  // Long names.
  const nameField: string[] = [];
  let longNames = '';
  let longNamesSize = 0;
  for (const m of members) {
    if (m.name.includes('/') || m.name.includes('\n')) fail(`archive member name ${JSON.stringify(m.name)} contains '/' or a newline`);
    const enc = encoder.encode(m.name);
    if (enc.length <= 15 && enc.length === m.name.length) nameField.push(`${m.name}/`);
    else {
      nameField.push(`/${longNamesSize}`);
      longNames += `${m.name}/\n`;
      longNamesSize += enc.length + 2;
    }
  }
  const longNameBytes = encoder.encode(longNames);

  // Symbol index contents (offsets are filled in once the layout is known).
  const symNames: Uint8Array[] = [];
  const symMember: number[] = [];
  let symStrSize = 0;
  if (symbolIndex) {
    for (let i = 0; i < members.length; i++) {
      if (!isElf(members[i].data)) continue;
      for (const name of definedGlobalNames(members[i].data, `archive member ${members[i].name}`)) {
        const b = encoder.encode(name);
        symNames.push(b);
        symMember.push(i);
        symStrSize += b.length + 1;
      }
    }
  }
  const hasIndex = symNames.length > 0;
  const indexSize = hasIndex ? 4 + symNames.length * 4 + symStrSize : 0;

  // Layout.
  const pad = (n: number) => n + (n & 1);
  let off = 8;
  const indexAt = off;
  if (hasIndex) off += HEADER + pad(indexSize);
  const longAt = off;
  if (longNameBytes.length > 0) off += HEADER + pad(longNameBytes.length);
  const memberAt: number[] = [];
  for (const m of members) {
    memberAt.push(off);
    off += HEADER + pad(m.data.length);
  }
  if (off > 0xffffffff && hasIndex) fail('archive larger than 4 GiB: its symbol index cannot address it');

  const out = new Uint8Array(off);
  const v = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = MAGIC.charCodeAt(i);
  const header = (at: number, name: string, size: number, mode: number) => {
    field(out, at, 16, name);
    field(out, at + 16, 12, '0');
    field(out, at + 28, 6, '0');
    field(out, at + 34, 6, '0');
    field(out, at + 40, 8, mode.toString(8));
    field(out, at + 48, 10, String(size));
    out[at + 58] = 0x60;
    out[at + 59] = 0x0a;
    if (size & 1) out[at + HEADER + size] = 0x0a;
  };
  if (hasIndex) {
    header(indexAt, '/', indexSize, 0);
    let at = indexAt + HEADER;
    v.setUint32(at, symNames.length, false);
    for (let k = 0; k < symNames.length; k++) v.setUint32(at + 4 + k * 4, memberAt[symMember[k]], false);
    at += 4 + symNames.length * 4;
    for (const b of symNames) {
      out.set(b, at);
      at += b.length + 1;
    }
  }
  if (longNameBytes.length > 0) {
    header(longAt, '//', longNameBytes.length, 0);
    out.set(longNameBytes, longAt + HEADER);
  }
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    header(memberAt[i], nameField[i], m.data.length, m.mode ?? 0o644);
    out.set(m.data, memberAt[i] + HEADER);
  }
  return out;
}

/** Writes `s` left-aligned in a space-padded field. */
function field(out: Uint8Array, at: number, len: number, s: string): void {
  if (s.length > len) fail(`archive header field ${JSON.stringify(s)} is longer than ${len} bytes`);
  for (let i = 0; i < len; i++) out[at + i] = i < s.length ? s.charCodeAt(i) : 0x20;
}
