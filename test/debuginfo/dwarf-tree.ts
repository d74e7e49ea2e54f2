// `llvm-dwarfdump --debug-info` output as a DIE tree, and the normalized
// views the type-tree comparison tests diff: per DIE its tag and attributes
// with offsets, addresses, abbreviation codes and the producer taken out,
// references replaced by the name llvm-dwarfdump prints for their target.

export interface Die {
  tag: string;
  /** [attribute, normalized value] in the order written. */
  attrs: [string, string][];
  kids: Die[];
}

/** The DIE tree of the first unit of a dump (its compile_unit DIE). */
export function parseDump(text: string): Die {
  const root: Die = { tag: '', attrs: [], kids: [] };
  const stack: Die[] = [root];
  let cur: Die | null = null;
  let list: string[] | null = null, listAttr = '';
  for (const line of text.split('\n')) {
    const head = /^0x[0-9a-f]+:( +)(DW_TAG_\w+|NULL)/.exec(line);
    if (head) {
      list = null;
      const depth = (head[1]!.length - 1) / 2 + 1;
      stack.length = depth;
      if (head[2] === 'NULL') { cur = null; continue; }
      const parent = stack[depth - 1]!;
      cur = { tag: head[2]!.slice(7), attrs: [], kids: [] };
      parent.kids.push(cur);
      stack[depth] = cur;
      continue;
    }
    if (list && cur) {
      // an entry of a location list: its operations, addresses taken out
      const entry = /^\s+\[0x[0-9a-f]+, 0x[0-9a-f]+\): (.*?)(\))?\s*$/.exec(line);
      if (entry) {
        list.push(entry[1]!);
        if (entry[2]) {
          cur.attrs.push([listAttr, `list: ${list.join('; ')}`]);
          list = null;
        }
        continue;
      }
      list = null;
    }
    const at = /^\s+(DW_AT_\w+)\s+\((.*)\)\s*$/.exec(line);
    if (at && cur) cur.attrs.push([at[1]!.slice(6), normalizeValue(at[1]!.slice(6), at[2]!)]);
    // `DW_AT_location (0x0000001c: ` then one line per entry, the last closing the parenthesis
    const opened = !at && /^\s+(DW_AT_\w+)\s+\(0x[0-9a-f]+: $/.exec(line);
    if (opened && cur) {
      listAttr = opened[1]!.slice(6);
      list = [];
    }
  }
  if (root.kids.length === 0) throw new Error('no DIE in the dump');
  return root.kids[0]!;
}

function normalizeValue(at: string, v: string): string {
  // a reference: the target's printed name (offsets differ between writers)
  const ref = /^0x[0-9a-f]{8} "(.*)"$/.exec(v);
  if (ref) return `-> ${ref[1]}`;
  if (/^0x[0-9a-f]{8}$/.test(v) && (at === 'type' || at === 'discr' || at === 'abstract_origin' || at === 'specification' || at === 'containing_type')) return '-> ?';
  // code addresses, section offsets, the producer, and the frame base register (the code generator's choice)
  if (at === 'low_pc' || at === 'high_pc' || at === 'stmt_list' || at === 'ranges' || at === 'producer' || at === 'frame_base') return '*';
  // addresses inside locations (relocated or not, by section or by symbol)
  // (DWARF 5 LLVM writes DW_OP_addrx into .debug_addr, cgts DW_OP_addr)
  return v.replace(/DW_OP_addrx? 0x[0-9a-f]+/g, 'DW_OP_addr *');
}

const TYPE_TAGS = new Set([
  'base_type', 'pointer_type', 'reference_type', 'const_type', 'typedef', 'structure_type', 'union_type', 'array_type',
  'enumeration_type', 'subroutine_type', 'variant_part', 'unspecified_type', 'ptr_to_member_type', 'restrict_type', 'volatile_type',
]);

/**
 * The whole tree with each DIE's children sorted (the order a writer meets
 * entities in is not part of what they describe; members, parameters and
 * enumerators keep theirs: only children of the unit and namespaces are
 * sorted) and the unit's code range attributes left out (one range or a
 * range list depends on section layout); DIEs for which `drop` holds are
 * left out with their subtrees.
 */
export function wholeTree(cu: Die, drop: (d: Die) => boolean = () => false): string {
  // a namespace left empty by dropping goes too
  const dropped = (d: Die): boolean => drop(d) || (d.tag === 'namespace' && d.kids.length > 0 && d.kids.every(dropped));
  const sub = (d: Die, indent: string): string => {
    const attrs = d.tag === 'compile_unit' ? d.attrs.filter(([a]) => a !== 'low_pc' && a !== 'high_pc' && a !== 'ranges') : d.attrs;
    const kids = d.kids.filter((k) => !dropped(k)).map((k) => sub(k, indent + '  '));
    if (d.tag === 'compile_unit' || d.tag === 'namespace') kids.sort();
    return [`${indent}${d.tag}${attrs.map(([a, v]) => ` ${a}=${v}`).join('')}`, ...kids].join('\n');
  };
  return sub(cu, '');
}

/** One DIE and its whole subtree as lines, two spaces per level, attributes in written order. */
export function render(d: Die, indent = '', out: string[] = [], skip?: (d: Die) => boolean): string[] {
  out.push(`${indent}${d.tag}${d.attrs.map(([a, v]) => ` ${a}=${v}`).join('')}`);
  for (const k of d.kids) if (!skip || !skip(k)) render(k, indent + '  ', out, skip);
  return out;
}

function scopeName(d: Die): string {
  const n = d.attrs.find(([a]) => a === 'name');
  return `${d.tag}:${n ? n[1] : '?'}`;
}

/**
 * The type DIEs of a unit (with their subtrees) and, if `globals`, its
 * DW_TAG_variable DIEs outside subprograms, each prefixed by the scope path
 * it sits under (namespaces, enclosing types); sorted, as the order in which
 * a writer meets types is not part of what they describe. Subprogram
 * declarations inside types are left out of the types' subtrees (`methods`
 * lists them separately by scope, for their own comparison).
 */
export function typeEntries(cu: Die, opts: { globals: boolean }): string[] {
  const out: string[] = [];
  const walk = (d: Die, path: string) => {
    for (const k of d.kids) {
      if (TYPE_TAGS.has(k.tag) || (opts.globals && k.tag === 'variable')) {
        out.push(`${path}\n${render(k, '  ', [], (c) => c.tag === 'subprogram').join('\n')}`);
        // nested types and namespaces under a type
        walk(k, `${path}/${scopeName(k)}`);
      } else if (k.tag === 'namespace') walk(k, `${path}/${scopeName(k)}`);
    }
  };
  walk(cu, '');
  return out.sort();
}

/**
 * The subprogram DIEs under the unit, its namespaces and types, each with
 * its scope path, attributes and template parameters (and a declaration's
 * parameter types); variables, blocks and inlined code are left out.
 */
export function subprograms(cu: Die): string[] {
  const out: string[] = [];
  const walk = (d: Die, path: string) => {
    for (const k of d.kids) {
      if (k.tag === 'subprogram') {
        const decl = k.attrs.some(([a]) => a === 'declaration');
        const keep = (c: Die) => !(c.tag.startsWith('template_') || (decl && (c.tag === 'formal_parameter' || c.tag === 'unspecified_parameters')));
        out.push(`${path}\n${render(k, '  ', [], keep).join('\n')}`);
      } else if (TYPE_TAGS.has(k.tag) || k.tag === 'namespace') walk(k, `${path}/${scopeName(k)}`);
    }
  };
  walk(cu, '');
  return out.sort();
}

/** Entries in `a` missing from `b` (as a multiset). */
export function missing(a: string[], b: string[]): string[] {
  const have = new Map<string, number>();
  for (const x of b) have.set(x, (have.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = have.get(x) ?? 0;
    if (n > 0) have.set(x, n - 1);
    else out.push(x);
  }
  return out;
}
