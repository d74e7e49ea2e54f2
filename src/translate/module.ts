// Translates a whole LLVM module (as read by src/bitcode/) into a CLIF module:
// one CLIF function per defined LLVM function and one data object per defined
// global variable. Needs a Module; produces a ClifModule for the back end.
// The pipeline streams instead: functionSymbol() and moduleData() give the
// per-function facts and the data, FunctionTranslator one function at a time.

import { GlobalKind, type Module } from '../bitcode/module.js';
import { Linkage } from '../bitcode/reader.js';
import { CgtsError } from '../support/diag.js';
import type { ClifModule, FunctionSymbol } from '../ir/module.js';
import { translateData, symbolLinkage } from './data.js';
import { FunctionTranslator } from './function.js';

export { FunctionTranslator };

/** Linkage, visibility and section of the function with body `k`. */
export function functionSymbol(m: Module, k: number): FunctionSymbol {
  const g = m.globals[m.bodies[k]!.fn]!;
  const [linkage, visibility] = symbolLinkage(g);
  return { linkage, visibility, sectionName: g.section ? m.sections[g.section - 1]! : '' };
}

/** The module's data objects and undefined symbols, with no functions. */
export function moduleData(m: Module): ClifModule {
  if (m.moduleAsm.trim() !== '') {
    throw new CgtsError('module-level assembly (global_asm! or a naked function) is not supported yet', m.fileName);
  }
  const out: ClifModule = { funcs: [], symbols: [], data: [], externs: [] };
  translateData(m, out);
  for (const g of m.globals) {
    const defined = g.kind === GlobalKind.Function ? g.body >= 0 : g.kind === GlobalKind.Var ? g.init !== 0 : true;
    if (!defined && !g.name.startsWith('llvm.')) out.externs.push({ name: g.name, tls: g.threadLocal !== 0, weak: g.linkage === Linkage.ExternalWeak });
  }
  return out;
}

/** The whole module at once (for tests and tools; the pipeline streams). */
export function translateModule(m: Module): ClifModule {
  const out = moduleData(m);
  const ft = new FunctionTranslator(m);
  for (let k = 0; k < m.bodies.length; k++) {
    out.funcs.push(ft.translate(k));
    out.symbols.push(functionSymbol(m, k));
  }
  return out;
}
