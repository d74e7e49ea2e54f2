// Regenerates test/translate/x86-stdarch-intrinsics.txt: every
// `link_name = "llvm.x86.*"` that core::arch::x86_64 declares in the files of
// the covered feature families, read from stdarch's sources.
//
//   npx tsx scripts/x86-stdarch-list.ts [core_arch/src directory]
//
// Without an argument it reads the installed rustc's own copy, which the
// rust-docs component ships as HTML under
// <sysroot>/share/doc/rust/html/src/core/stdarch/crates/core_arch/src; a
// checkout of rust-lang/stdarch works too (crates/core_arch/src). Names
// already marked `n/a: reason` keep their mark; review the diff.
import { writeFileSync } from 'node:fs';
import { LIST_PATH, installedStdarch, readList, repoFile, scanStdarch } from '../test/translate/x86-stdarch.js';

function main(): number {
  const dir = process.argv[2] ?? installedStdarch();
  if (!dir) {
    console.error('no stdarch source: install the rust-docs component or pass crates/core_arch/src of a stdarch checkout');
    return 2;
  }
  const old = new Map(readList().map((e) => [e.name, e.na]));
  const entries = scanStdarch(dir);
  const width = Math.max(...entries.map((e) => e.family.length)) + 1;
  const lines = [
    '# Every llvm.x86.* intrinsic that core::arch::x86_64 declares through',
    '# `link_name` in the files of the feature families cgts covers (stdarch',
    '# crates/core_arch/src/{x86,x86_64}/<family>.rs), one per line: the family',
    '# (the file name; abm is LZCNT and POPCNT; fma and abm declare none, rustc',
    '# writes generic LLVM IR for them) and the name without `llvm.x86.`. A name',
    '# cgts leaves out is marked `n/a:` with the reason. Derived from rustc',
    "# 1.95's stdarch; regenerate with `npx tsx scripts/x86-stdarch-list.ts`.",
    '# x86-stdarch-list.test.ts checks that every name is in the translation',
    '# table (and every n/a name is not) and, where the installed rustc ships',
    '# its stdarch source, that this list is that source\'s.',
    '',
    ...entries.map((e) => {
      const na = old.get(e.name);
      return `${e.family.padEnd(width)}${e.name}${na ? `  n/a: ${na}` : ''}`;
    }),
  ];
  writeFileSync(repoFile(LIST_PATH), lines.join('\n') + '\n');
  console.log(`${LIST_PATH}: ${entries.length} names`);
  return 0;
}

process.exit(main());
