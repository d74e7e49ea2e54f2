// Translates a whole LLVM module (as read by src/bitcode/) into a CLIF module:
// one CLIF function per defined LLVM function and one data object per defined
// global variable. Needs a Module; produces a ClifModule for the back end.

import type { Module } from '../bitcode/module.js';
import { GlobalKind } from '../bitcode/module.js';
import { Linkage } from '../bitcode/reader.js';
import type { ClifModule } from '../ir/module.js';
import { translateData, symbolLinkage } from './data.js';
import { FunctionTranslator } from './function.js';

export interface TranslateOptions {
  /** Called after each function is translated (progress, timers). */
  onFunction?: (index: number, name: string) => void;
}

export function translateModule(m: Module, opts: TranslateOptions = {}): ClifModule {
  const out: ClifModule = { funcs: [], symbols: [], data: [], externs: [] };
  const ft = new FunctionTranslator(m);
  for (let k = 0; k < m.bodies.length; k++) {
    const g = m.globals[m.bodies[k]!.fn]!;
    out.funcs.push(ft.translate(k));
    const [linkage, visibility] = symbolLinkage(g);
    out.symbols.push({ linkage, visibility, sectionName: g.section ? m.sections[g.section - 1]! : '' });
    opts.onFunction?.(k, g.name);
  }
  translateData(m, out);
  for (const g of m.globals) {
    const defined = g.kind === GlobalKind.Function ? g.body >= 0 : g.kind === GlobalKind.Var ? g.init !== 0 : true;
    if (!defined && !g.name.startsWith('llvm.')) out.externs.push({ name: g.name, tls: g.threadLocal !== 0, weak: g.linkage === Linkage.ExternalWeak });
  }
  return out;
}
