// `.gcc_except_table` LSDA writer (the Itanium C++ ABI / LSB layout that
// rust_eh_personality and __gcc_personality_v0 read). Needs: one function's
// call sites, action chains and catch types. Produces: the LSDA bytes in a
// section, with its offset for EhFrame.beginFunction.
//
// Call sites are flat quadruples in `callSites`: start, length, landing pad
// (offsets from the function start; pad 0 = none) and action (0 = cleanup
// only, k = the k-th chain of `actionChains`, 1-based). Every call that may
// unwind needs a call site, with pad 0 if it has no landing pad: a personality
// treats an IP outside the table as "terminate". Sites are sorted by start.
// An action chain lists type filters tried in order: n > 0 catches
// `typeInfos[n - 1]` (-1 there = catch-all, a null type), 0 = cleanup, n < 0
// is an exception-specification filter (see writeLsda's filterIds).

import { ElfObject, R, SHF, SHT, type SectionId, type SymbolId } from './elf.js';
import { assert } from '../support/diag.js';
import { EhPe } from './eh-frame.js';

/** A `.gcc_except_table.<fn>` section for one function's LSDA. */
export function lsdaSection(obj: ElfObject, fnName: string): SectionId {
  const name = obj.functionSections ? `.gcc_except_table.${fnName}` : '.gcc_except_table';
  return obj.addSection(name, SHT.PROGBITS, SHF.ALLOC, 4);
}

function ulebSize(v: number): number {
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

function slebSize(v: number): number {
  let n = 1;
  for (;;) {
    const b = v & 0x7f;
    v = Math.floor(v / 128);
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) return n;
    n++;
  }
}

/**
 * Appends an LSDA to `sec` (4-aligned first); returns its offset there.
 * `filterIds` is LLVM's exception-specification list: type filters (1-based
 * `typeInfos` indices) of each filter, each list ending in 0; a chain entry
 * -(1 + k) names the filter whose list starts at element k. Filter entries
 * are written as LLVM does, as negative byte offsets into the specification
 * table that follows the (4-aligned) type table.
 */
export function writeLsda(
  obj: ElfObject, sec: SectionId, callSites: readonly number[], actionChains: readonly (readonly number[])[] = [],
  typeInfos: readonly SymbolId[] = [], filterIds: readonly number[] = [],
): number {
  assert(callSites.length % 4 === 0, 'call sites are quadruples');
  const b = obj.data(sec);
  b.align(4);
  const start = b.length;

  // byte offset of each filterIds element in the specification table, as LLVM's FilterOffsets
  const filterOffset: number[] = [];
  let specLen = 0;
  for (const id of filterIds) {
    assert(id >= 0 && id <= typeInfos.length, `filter type ${id} has no type`);
    filterOffset.push(-1 - specLen);
    specLen += ulebSize(id);
  }
  const filterValue = (f: number): number => {
    if (f >= 0) return f;
    const k = -1 - f;
    assert(k < filterIds.length, `filter ${f} is outside the specification list`);
    return filterOffset[k];
  };

  // Action records: (filter sleb, displacement to the next record sleb).
  const chainOffset: number[] = [];
  let actLen = 0;
  for (const chain of actionChains) {
    assert(chain.length > 0, 'empty action chain');
    chainOffset.push(actLen);
    for (let k = 0; k < chain.length; k++) {
      assert(chain[k] <= typeInfos.length, `action filter ${chain[k]} has no type`);
      const f = slebSize(filterValue(chain[k]));
      actLen += f + 1; // the displacement is 0 or a small positive number: one byte
    }
  }

  let csLen = 0;
  for (let i = 0; i < callSites.length; i += 4) {
    const action = callSites[i + 3];
    assert(action >= 0 && action <= actionChains.length, `call site action ${action} has no chain`);
    if (i > 0) assert(callSites[i] >= callSites[i - 4] + callSites[i - 3], 'call sites overlap or are unsorted');
    csLen += ulebSize(callSites[i]) + ulebSize(callSites[i + 1]) + ulebSize(callSites[i + 2]);
    csLen += ulebSize(action === 0 ? 0 : chainOffset[action - 1] + 1);
  }

  const hasTypes = typeInfos.length > 0 || filterIds.length > 0;
  b.u8(EhPe.omit); // landing pads are relative to the function start
  b.u8(hasTypes ? EhPe.indirect | EhPe.pcrel | EhPe.sdata4 : EhPe.omit);
  let pad = 0;
  if (hasTypes) {
    // the type table ends 4-aligned (as LLVM aligns it); the offset's own size decides the padding
    const after = 1 + ulebSize(csLen) + csLen + actLen + 4 * typeInfos.length;
    let size = 1;
    for (;;) {
      const end = b.length + size + after;
      pad = (4 - (end & 3)) & 3;
      if (ulebSize(after + pad) === size) break;
      size = ulebSize(after + pad);
    }
    b.uleb(after + pad);
  }
  b.u8(EhPe.uleb128);
  b.uleb(csLen);
  for (let i = 0; i < callSites.length; i += 4) {
    b.uleb(callSites[i]);
    b.uleb(callSites[i + 1]);
    b.uleb(callSites[i + 2]);
    const action = callSites[i + 3];
    b.uleb(action === 0 ? 0 : chainOffset[action - 1] + 1);
  }
  for (const chain of actionChains) {
    for (let k = 0; k < chain.length; k++) {
      b.sleb(filterValue(chain[k]));
      // from this displacement field to the next record: past itself (1 byte)
      b.sleb(k + 1 < chain.length ? 1 : 0);
    }
  }
  for (let k = 0; k < pad; k++) b.u8(0);
  // Type table, indexed backwards from its end: filter n at end - 4n.
  for (let n = typeInfos.length; n >= 1; n--) {
    const ti = typeInfos[n - 1];
    if (ti >= 0) obj.reloc(sec, b.length, R.R_X86_64_GOTPCREL, ti, 0);
    b.u32(0);
  }
  // Exception specifications, after the type table's end
  for (const id of filterIds) b.uleb(id);
  return start;
}
