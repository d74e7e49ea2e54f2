// Variables described in pieces: rustc gives a variable several
// #dbg_declare records when its parts live in different stack slots (a
// scalar pair such as a slice or a range spilled half by half), each with a
// DW_OP_LLVM_fragment. LLVM writes one DIE whose location is every part's
// location followed by DW_OP_piece with its size; cgts must write the same.
// For corpus programs rich in them, the objects of `llc-22 -O0` and of `cgts
// compile` on the same bitcode are dumped with llvm-dwarfdump-22 and, per
// function, the variables located in pieces compared (frame offsets taken
// out: the two frames are laid out differently).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { llcAndCgtsUnits, llcSkip as skip } from './llc-vs-cgts.js';
import { missing, type Die } from './dwarf-tree.js';


/** Per variable located in pieces: `function: name = location`, fbreg offsets as `*`. */
function pieceVariables(cu: Die): string[] {
  const out: string[] = [];
  const walk = (d: Die, fn: string) => {
    const attr = (name: string) => d.attrs.find(([a]) => a === name)?.[1];
    if (d.tag === 'subprogram') fn = attr('linkage_name') ?? attr('name') ?? fn;
    if (d.tag === 'variable' || d.tag === 'formal_parameter') {
      const loc = attr('location');
      if (loc?.includes('DW_OP_piece')) {
        // an inlined variable names itself through its abstract origin (LLVM) or directly (cgts)
        const name = attr('name')?.replace(/^"(.*)"$/, '$1') ?? attr('abstract_origin')?.replace(/^-> /, '') ?? '?';
        out.push(`${fn}: ${name} = ${loc.replace(/DW_OP_fbreg [+-]?\d+/g, 'DW_OP_fbreg *')}`);
      }
    }
    for (const k of d.kids) walk(k, fn);
  };
  walk(cu, '');
  return out;
}

for (const program of ['bigint', 'box_dyn_fn', 'btree_deque_heap']) {
  test(`variables in pieces are located as LLVM locates them: ${program}`, { skip }, async () => {
    const units = await llcAndCgtsUnits(program);
    const llvm = pieceVariables(units.llvm), cgts = pieceVariables(units.cgts);
    assert.ok(llvm.length >= 2, `LLVM locates ${llvm.length} variables in pieces: the program no longer tests this`);
    assert.deepEqual(missing(llvm, cgts).slice(0, 5), [], 'variables LLVM locates in pieces and cgts does not');
    assert.deepEqual(missing(cgts, llvm).slice(0, 5), [], 'variables cgts locates in pieces and LLVM does not');
  });
}
