// Translates a whole LLVM module (as read by src/bitcode/) into CLIF functions
// and data objects for the back end. Needs a Module; produces a
// TranslatedModule whose functions verify and whose data is laid out.

import type { Module } from '../bitcode/module.js';
import type { Function } from '../ir/function.js';
import { fail } from '../support/diag.js';

/** How a symbol is seen by the linker. */
export const enum Linkage { Local, Global, Weak }
export const enum Visibility { Default, Hidden, Protected }

/** A relocation inside a data object: at `offset`, the address of `symbol` + `addend` (8 bytes, absolute). */
export interface DataReloc {
  offset: number;
  symbol: string;
  addend: number;
}

export const enum DataSection { ReadOnly, ReadOnlyRelocated, Data, Bss, Tdata, Tbss }

/** One global variable, laid out: its bytes (zero-filled for Bss/Tbss), alignment and relocations. */
export interface DataObject {
  name: string;
  section: DataSection;
  /** An explicit `#[link_section]`, or ''. */
  sectionName: string;
  bytes: Uint8Array;
  align: number;
  relocs: DataReloc[];
  linkage: Linkage;
  visibility: Visibility;
  /** Kept by the linker even if unreferenced (`llvm.used`). */
  retain: boolean;
}

/** One function's symbol facts, parallel to TranslatedModule.funcs. */
export interface FunctionSymbol {
  linkage: Linkage;
  visibility: Visibility;
  /** Personality routine symbol when the function has landing pads, or ''. */
  personality: string;
  sectionName: string;
}

export interface TranslatedModule {
  funcs: Function[];
  symbols: FunctionSymbol[];
  data: DataObject[];
}

export function translateModule(m: Module): TranslatedModule {
  fail('translation from LLVM IR is not implemented yet', m.fileName);
}
