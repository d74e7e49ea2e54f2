// Decodes the LSDA of an x86-64 ELF object with one function that has one (as
// written by cgts or by llc-22) into what a personality routine reads: header
// encodings, call sites, action chains with type-info symbols resolved
// through the relocations (GOTPCREL, or PC32 to a DW.stub holding an
// absolute address), and the exception-specification bytes. `perCall`
// describes how each call instruction unwinds, by callee name.

import assert from 'node:assert/strict';
import { readElf, readRelas, readSymbols, sectionBytes, type ElfFile, type ElfRela } from '../../src/object/elf-read.js';

/** One action record: cleanup, a catch (type null = catch-all), or a filter listing types. */
export type Action = { kind: 'cleanup' } | { kind: 'catch'; type: string | null; id: number } | { kind: 'filter'; types: (string | null)[]; id: number };

export interface CallSite {
  start: number;
  length: number;
  /** Landing pad offset from the function start; 0 = none. */
  pad: number;
  /** The action chain; empty when the action field is 0 (cleanup only, or no pad). */
  chain: Action[];
}

export interface Lsda {
  lpStartEnc: number;
  ttEnc: number;
  csEnc: number;
  sites: CallSite[];
  /** Type table entries by type id (index 0 unused). */
  types: (string | null)[];
}

const R_64 = 1, R_PC32 = 2, R_GOTPCREL = 9, R_PLT32 = 4;

function relasOf(elf: ElfFile, secIndex: number): ElfRela[] {
  const r = elf.sections.find((s) => s.type === 4 && s.info === secIndex);
  return r ? readRelas(elf, r) : [];
}

/** The symbol a type-table entry at `at` (offset in `sec`) points at, or null for a zero entry. */
function typeAt(elf: ElfFile, sec: number, at: number): string | null {
  const syms = readSymbols(elf);
  const r = relasOf(elf, sec).find((x) => x.offset === at);
  if (!r) return null;
  const s = syms[r.sym];
  if (r.type === R_GOTPCREL) return s.name;
  assert.equal(r.type, R_PC32, `type table relocation type ${r.type}`);
  // a DW.stub: the data word at (symbol + addend) holds the type info's address
  const target = s.value + r.addend;
  const stub = relasOf(elf, s.shndx).find((x) => x.offset === target && x.type === R_64);
  assert.ok(stub, 'type table entry points at no stub');
  return syms[stub.sym].name;
}

/** Decodes the LSDA at offset 0 of the object's (only) `.gcc_except_table*` section. */
export function decodeLsda(obj: Uint8Array): Lsda {
  const elf = readElf(obj);
  const sec = elf.sections.find((s) => s.name.startsWith('.gcc_except_table'));
  assert.ok(sec, 'no .gcc_except_table section');
  const b = sectionBytes(elf, sec);
  let p = 0;
  const uleb = () => {
    let v = 0, mul = 1, x;
    do { x = b[p++]; v += (x & 0x7f) * mul; mul *= 128; } while (x & 0x80);
    return v;
  };
  const sleb = () => {
    let v = 0, mul = 1, x;
    do { x = b[p++]; v += (x & 0x7f) * mul; mul *= 128; } while (x & 0x80);
    return x & 0x40 ? v - mul : v;
  };
  const lpStartEnc = b[p++];
  assert.equal(lpStartEnc, 0xff, 'LPStart omitted');
  const ttEnc = b[p++];
  let ttBase = -1;
  if (ttEnc !== 0xff) {
    const n = uleb();
    ttBase = p + n;
  }
  const csEnc = b[p++];
  assert.equal(csEnc, 0x01, 'call sites in uleb128');
  const csLen = uleb();
  const csEnd = p + csLen;
  const raw: number[][] = [];
  while (p < csEnd) raw.push([uleb(), uleb(), uleb(), uleb()]);
  const actionBase = p;
  const typeName = (id: number): string | null => {
    assert.ok(ttBase >= 0, 'a type id without a type table');
    return typeAt(elf, sec.index, ttBase - 4 * id);
  };
  const filterTypes = (value: number): (string | null)[] => {
    // value = -(1 + byte offset into the specification table after ttBase)
    let q = ttBase + (-1 - value);
    const out: (string | null)[] = [];
    for (;;) {
      let v = 0, mul = 1, x;
      do { x = b[q++]; v += (x & 0x7f) * mul; mul *= 128; } while (x & 0x80);
      if (v === 0) return out;
      out.push(typeName(v));
    }
  };
  const chain = (action: number): Action[] => {
    const out: Action[] = [];
    if (action === 0) return out;
    p = actionBase + action - 1;
    for (let guard = 0; guard < 1000; guard++) {
      const f = sleb();
      if (f === 0) out.push({ kind: 'cleanup' });
      else if (f > 0) out.push({ kind: 'catch', type: typeName(f), id: f });
      else out.push({ kind: 'filter', types: filterTypes(f), id: f });
      const here = p;
      const d = sleb();
      if (d === 0) return out;
      p = here + d;
    }
    assert.fail('action chain does not end');
  };
  const sites = raw.map(([start, length, pad, action]) => ({ start, length, pad, chain: chain(action) }));
  const types: (string | null)[] = [null];
  if (ttBase >= 0) {
    // type ids run from 1 up to the lowest entry the chains use; collect those seen
    let max = 0;
    for (const s of sites) for (const a of s.chain) if (a.kind === 'catch' && a.id > max) max = a.id;
    for (let k = 1; k <= max; k++) types.push(typeName(k));
  }
  return { lpStartEnc, ttEnc, csEnc, sites, types };
}

/** How a call unwinds: `terminate` (no call site), `continue` (a site without pad), or landing with its chain. */
export type Unwinds = 'terminate' | 'continue' | { land: Action[] };

/**
 * For each call instruction of the object's (only) function, in code order:
 * its callee and how an exception from it unwinds according to the LSDA.
 */
export function perCall(obj: Uint8Array): { callee: string; unwinds: Unwinds }[] {
  const elf = readElf(obj);
  const syms = readSymbols(elf);
  const lsda = decodeLsda(obj);
  const text = elf.sections.filter((s) => s.name.startsWith('.text') && s.size > 0);
  assert.equal(text.length, 1, 'one text section');
  const out: { callee: string; unwinds: Unwinds }[] = [];
  const calls = relasOf(elf, text[0].index).filter((r) => r.type === R_PLT32).sort((a, b) => a.offset - b.offset);
  for (const r of calls) {
    // the return address is just past the 4-byte displacement
    const ip = r.offset + 4;
    const site = lsda.sites.find((s) => ip > s.start && ip <= s.start + s.length);
    const unwinds: Unwinds = !site ? 'terminate' : site.pad === 0 ? 'continue' : { land: site.chain };
    out.push({ callee: syms[r.sym].name, unwinds });
  }
  return out;
}
