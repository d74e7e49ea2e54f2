// A CLIF module: functions plus the data objects and symbol facts an object
// file needs (linkage, visibility, sections, relocations in data). Produced by
// the translator, consumed by a back end; knows nothing of bitcode or files.

import type { Function } from './function.js';

/** How a symbol is seen by the linker. */
export const enum Linkage { Local, Global, Weak }
export const enum Visibility { Default, Hidden, Protected }

/** A relocation inside a data object: at `offset`, the 8-byte absolute address of `symbol` + `addend`. */
export interface DataReloc {
  offset: number;
  symbol: string;
  addend: number;
}

export const enum DataSection { ReadOnly, ReadOnlyRelocated, Data, Bss, Tdata, Tbss }

/** One global variable, laid out: its bytes (all zero for Bss/Tbss), alignment and relocations. */
export interface DataObject {
  name: string;
  section: DataSection;
  /** An explicit section name (`#[link_section]`), or ''. */
  sectionName: string;
  bytes: Uint8Array;
  align: number;
  relocs: DataReloc[];
  linkage: Linkage;
  visibility: Visibility;
  /** Kept by the linker even when unreferenced (`llvm.used`). */
  retain: boolean;
}

/** Symbol facts of one function, parallel to ClifModule.funcs. */
export interface FunctionSymbol {
  linkage: Linkage;
  visibility: Visibility;
  /** An explicit section name, or ''. */
  sectionName: string;
}

/** An undefined symbol the module refers to, with its kind (TLS symbols must be typed as such). */
export interface ExternSymbol {
  name: string;
  tls: boolean;
  weak: boolean;
}

export interface ClifModule {
  funcs: Function[];
  symbols: FunctionSymbol[];
  data: DataObject[];
  externs: ExternSymbol[];
}
