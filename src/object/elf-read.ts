// A small ELF64 little-endian reader. Needs: the bytes of an object file.
// Produces: its section headers, symbol table and RELA relocations, enough to
// build an archive's symbol index and to check written objects in tests.

import { fail } from '../support/diag.js';
import { SHN, SHT } from './elf.js';

export interface ElfSectionHeader {
  index: number;
  name: string;
  type: number;
  flags: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  entsize: number;
}

export interface ElfSymbol {
  name: string;
  value: number;
  size: number;
  bind: number;
  type: number;
  visibility: number;
  /** section header index (extended indices resolved); SHN.UNDEF, SHN.ABS, SHN.COMMON */
  shndx: number;
}

export interface ElfRela {
  offset: number;
  type: number;
  sym: number;
  addend: number;
}

export interface ElfFile {
  bytes: Uint8Array;
  type: number;
  machine: number;
  sections: ElfSectionHeader[];
}

const decoder = new TextDecoder();

/** True if `bytes` starts with the ELF magic. */
export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

function u64(v: DataView, at: number): number {
  return v.getUint32(at, true) + v.getUint32(at + 4, true) * 4294967296;
}

function i64(v: DataView, at: number): number {
  return v.getUint32(at, true) + v.getInt32(at + 4, true) * 4294967296;
}

function cstring(bytes: Uint8Array, at: number): string {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return decoder.decode(bytes.subarray(at, end));
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads the header and section headers; `where` names the input in errors. */
export function readElf(bytes: Uint8Array, where = ''): ElfFile {
  if (!isElf(bytes) || bytes.length < 64) fail('not an ELF file', where);
  if (bytes[4] !== 2 || bytes[5] !== 1) fail('not a 64-bit little-endian ELF file', where);
  const v = view(bytes);
  const shoff = u64(v, 40);
  let shnum = v.getUint16(60, true);
  let shstrndx = v.getUint16(62, true);
  if (shoff === 0) return { bytes, type: v.getUint16(16, true), machine: v.getUint16(18, true), sections: [] };
  if (shoff + 64 > bytes.length) fail('section header table lies outside the file', where);
  if (shnum === 0) shnum = u64(v, shoff + 32);
  if (shstrndx === SHN.XINDEX) shstrndx = v.getUint32(shoff + 40, true);
  if (shoff + shnum * 64 > bytes.length) fail('section header table lies outside the file', where);
  const sections: ElfSectionHeader[] = [];
  for (let i = 0; i < shnum; i++) {
    const at = shoff + i * 64;
    sections.push({
      index: i,
      name: '',
      type: v.getUint32(at + 4, true),
      flags: u64(v, at + 8),
      offset: u64(v, at + 24),
      size: u64(v, at + 32),
      link: v.getUint32(at + 40, true),
      info: v.getUint32(at + 44, true),
      align: u64(v, at + 48),
      entsize: u64(v, at + 56),
    });
    const s = sections[i];
    if (s.type !== SHT.NOBITS && s.offset + s.size > bytes.length) fail(`section ${i} lies outside the file`, where);
  }
  if (shstrndx < shnum) {
    const strOff = sections[shstrndx].offset;
    for (let i = 0; i < shnum; i++) sections[i].name = cstring(bytes, strOff + v.getUint32(shoff + i * 64, true));
  }
  return { bytes, type: v.getUint16(16, true), machine: v.getUint16(18, true), sections };
}

/** The bytes of a section (empty for NOBITS). */
export function sectionBytes(elf: ElfFile, s: ElfSectionHeader): Uint8Array {
  return s.type === SHT.NOBITS ? new Uint8Array(0) : elf.bytes.subarray(s.offset, s.offset + s.size);
}

/** The `.symtab` entries, index 0 included; empty if there is none. */
export function readSymbols(elf: ElfFile): ElfSymbol[] {
  const symtab = elf.sections.find((s) => s.type === SHT.SYMTAB);
  if (!symtab) return [];
  const shndxSec = elf.sections.find((s) => s.type === SHT.SYMTAB_SHNDX && s.link === symtab.index);
  const v = view(elf.bytes);
  const strOff = elf.sections[symtab.link]?.offset ?? 0;
  const n = Math.floor(symtab.size / 24);
  const out: ElfSymbol[] = [];
  for (let i = 0; i < n; i++) {
    const at = symtab.offset + i * 24;
    const info = v.getUint8(at + 4);
    let shndx = v.getUint16(at + 6, true);
    if (shndx === SHN.XINDEX && shndxSec) shndx = v.getUint32(shndxSec.offset + i * 4, true);
    out.push({
      name: cstring(elf.bytes, strOff + v.getUint32(at, true)),
      value: u64(v, at + 8),
      size: u64(v, at + 16),
      bind: info >> 4,
      type: info & 15,
      visibility: v.getUint8(at + 5) & 3,
      shndx,
    });
  }
  return out;
}

/** The entries of a SHT_RELA section. */
export function readRelas(elf: ElfFile, rela: ElfSectionHeader): ElfRela[] {
  const v = view(elf.bytes);
  const out: ElfRela[] = [];
  for (let at = rela.offset; at + 24 <= rela.offset + rela.size; at += 24) {
    out.push({ offset: u64(v, at), type: v.getUint32(at + 8, true), sym: v.getUint32(at + 12, true), addend: i64(v, at + 16) });
  }
  return out;
}

/**
 * Names of the symbols an object defines for other objects (global or weak,
 * not undefined): what an archive's symbol index lists.
 */
export function definedGlobalNames(bytes: Uint8Array, where = ''): string[] {
  const syms = readSymbols(readElf(bytes, where));
  const out: string[] = [];
  for (let i = 1; i < syms.length; i++) {
    const s = syms[i];
    if (s.bind !== 0 && s.shndx !== SHN.UNDEF && s.name !== '') out.push(s.name);
  }
  return out;
}
