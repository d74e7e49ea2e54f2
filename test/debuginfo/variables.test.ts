// Every variable LLVM describes, cgts describes: the objects of `llc-22 -O0`
// (trapping on `unreachable`, as rustc's LLVM does) and of `cgts compile` on
// the same -g bitcode of corpus programs are dumped with llvm-dwarfdump-22
// and, per function, the parameters and variables of the function and of
// each lexical block and inlined call in it compared by name and nesting,
// and by whether they have a location: every one LLVM describes (or
// locates) cgts describes (or locates) too. These include variables known
// only from #dbg_value records (arguments of inlined standard-library code,
// located where the code generator keeps the value: a location list) and
// those the subprogram retains without any record (without a location).
// Where the locations point is the code generators' own choice and is not
// compared. (cgts may describe more: a variable declared in two inlined
// copies of a function LLVM places once.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { llcAndCgtsUnits, llcSkip as skip } from './llc-vs-cgts.js';
import { missing, type Die } from './dwarf-tree.js';


/**
 * Per variable of a function with code: `function / scopes: tag name` with
 * whether it has a location; and the scope paths with variables. Inlined
 * calls are named by their origin, lexical blocks `{}`; a block LLVM leaves
 * out because it holds only other scopes gives them to its parent in both.
 */
function variables(cu: Die): { located: string[]; scopes: Set<string>; lists: number } {
  const located: string[] = [];
  const scopes = new Set<string>();
  let lists = 0;
  const walk = (d: Die, path: string) => {
    const attr = (name: string) => d.attrs.find(([a]) => a === name)?.[1];
    const origin = () => attr('name')?.replace(/^"(.*)"$/, '$1') ?? attr('abstract_origin')?.replace(/^-> /, '') ?? '?';
    if (d.tag === 'subprogram') {
      if (attr('low_pc') === undefined) return; // declarations and abstract DIEs
      path = attr('linkage_name') ?? attr('name') ?? attr('specification') ?? '?';
    } else if (d.tag === 'inlined_subroutine') path += ` / ${origin()}`;
    else if (d.tag === 'lexical_block') path += ' / {}';
    else if (d.tag === 'variable' || d.tag === 'formal_parameter') {
      if (path === '') return; // globals
      const loc = attr('location');
      located.push(`${path}: ${d.tag} ${origin()} ${loc === undefined ? 'nowhere' : 'located'}`);
      scopes.add(path);
      if (loc?.startsWith('list: ')) lists++;
      return;
    }
    for (const k of d.kids) walk(k, path);
  };
  walk(cu, '');
  return { located, scopes, lists };
}

/**
 * Scopes whose only code LLVM keeps apart and cgts merges into the code of
 * another scope, so that cgts has no DIE for them, and their variables:
 * LLVM's -O0 instruction selector folds a load into its user and a compare
 * into its branch less often than cgts's (a compare inlined from `is_null`
 * whose `!` cgts turns into the inverse compare fused into the branch, a
 * load of a local folded into a compare), and gives a scope whose only
 * code is an empty `asm!` (`black_box`) an empty range. At most this share
 * of LLVM's variables may be in such scopes.
 */
const MERGED_SCOPES_SHARE = 0.03;

for (const program of ['float_format', 'iterators', 'hash_collections']) {
  test(`every variable llc-22 describes cgts describes, by name, scope and location: ${program}`, { skip }, async () => {
    const units = await llcAndCgtsUnits(program);
    const llvm = variables(units.llvm), cgts = variables(units.cgts);
    assert.ok(llvm.lists >= 2, `LLVM gives ${llvm.lists} variables location lists: the program no longer tests #dbg_value variables`);
    assert.ok(cgts.lists >= 2, `cgts gives ${cgts.lists} variables location lists`);
    const inScope = (v: string) => v.slice(0, v.lastIndexOf(': '));
    const shared = (x: string[]) => x.filter((v) => llvm.scopes.has(inScope(v)) && cgts.scopes.has(inScope(v)));
    const onlyLlvm = llvm.located.filter((v) => !cgts.scopes.has(inScope(v)));
    const show = 8;
    assert.ok(onlyLlvm.length <= MERGED_SCOPES_SHARE * llvm.located.length, `${onlyLlvm.length} of LLVM's ${llvm.located.length} variables are in scopes cgts does not describe:\n${onlyLlvm.slice(0, show).join('\n')}`);
    const names = (x: string[]) => x.map((v) => v.replace(/ (located|nowhere)$/, ''));
    const locatedOnes = (x: string[]) => x.filter((v) => v.endsWith(' located'));
    assert.deepEqual(missing(names(shared(llvm.located)), names(shared(cgts.located))).slice(0, show), [], 'variables LLVM describes and cgts does not');
    assert.deepEqual(missing(locatedOnes(shared(llvm.located)), locatedOnes(shared(cgts.located))).slice(0, show), [], 'variables LLVM locates and cgts does not');
  });
}
