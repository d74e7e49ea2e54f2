// A function's LLVM "target-features" attribute (`+avx2,+fma,...`, written by
// rustc for #[target_feature(enable = ...)] and -C target-feature) as the
// CLIF ISA flags the x86-64 back end tests (has_avx2, has_fma ...). Needs the
// bitcode module; produces a shared, immutable flag list per attribute set.

import type { Module } from '../bitcode/module.js';
import { ATTR_FUNCTION_INDEX } from '../bitcode/module.js';
import { attrsAt } from '../bitcode/attributes.js';

/** LLVM feature name -> CLIF ISA flag. */
const FLAG_OF: Record<string, string> = {
  ssse3: 'has_ssse3', 'sse4.1': 'has_sse41', 'sse4.2': 'has_sse42', popcnt: 'has_popcnt',
  avx: 'has_avx', avx2: 'has_avx2', fma: 'has_fma',
};

const NONE: readonly string[] = [];
const cache = new WeakMap<Module, Map<number, readonly string[]>>();

/** The ISA flags the function with attribute list `attrs` (a global's `attrs`, 1-based, 0 = none) enables; the last +x/-x of a feature wins. */
export function functionIsaFlags(m: Module, attrs: number): readonly string[] {
  if (attrs <= 0) return NONE;
  let byList = cache.get(m);
  if (byList === undefined) { byList = new Map(); cache.set(m, byList); }
  let flags = byList.get(attrs);
  if (flags !== undefined) return flags;
  const on = new Map<string, boolean>();
  for (const x of attrsAt(m, attrs - 1, ATTR_FUNCTION_INDEX) ?? []) {
    if (x.key !== 'target-features') continue;
    for (const s of x.value.split(',')) {
      const flag = FLAG_OF[s.slice(1)];
      if (flag !== undefined && (s[0] === '+' || s[0] === '-')) on.set(flag, s[0] === '+');
    }
  }
  const list = [...on].filter(([, v]) => v).map(([k]) => k).sort();
  flags = list.length === 0 ? NONE : list;
  byList.set(attrs, flags);
  return flags;
}
