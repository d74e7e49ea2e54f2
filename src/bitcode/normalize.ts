// The normalization applied to both llvm-dis output and cgts's printed module
// before comparing them. Each rule removes a difference that carries no
// meaning for code generation or that cgts does not print yet:
//   1. comments (`; ...` lines and the `; preds = ...` / `; No predecessors!`
//      comments after block labels) and blank lines are dropped;
//   2. ThinLTO summary lines (`^N = ...`) are dropped;
//   3. metadata is kept whole (cgts numbers it as llvm-dis does); only the
//      blank lines around it go with rule 1, and its lines are exempt from
//      rule 5 (`#N` inside metadata strings, e.g. `{closure_env#0}`, is not an
//      attribute group); a metadata node as a call operand (`metadata !N`,
//      at opt-level 3) becomes `metadata !?`, as cgts prints it (such operands
//      are not decoded);
//   4. identified struct type definitions (`%T = type ...`) are sorted, since
//      llvm-dis orders them by first use and cgts by type id;
//   5. attribute groups are renumbered in order of first reference, and their
//      `attributes #N = { ... }` definitions listed in that order.

const LABEL_RE = /^("(?:[^"\\]|\\.)*"|[-a-zA-Z$._0-9]+):(\s+;.*)?$/;
const ATTR_REF_RE = /#(\d+)\b/g;
const MD_OPERAND_RE = /\bmetadata !\d+\b/g;

export function normalizeLL(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  const types: string[] = [];
  let typesAt = -1;
  const attrDefs = new Map<string, string>();
  for (let line of lines) {
    line = line.replace(/\s+$/, '');
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed[0] === ';' || trimmed[0] === '^') continue;
    const label = LABEL_RE.exec(line);
    if (label) {
      out.push(label[1] + ':');
      continue;
    }
    if (line.startsWith('attributes #')) {
      const eq = line.indexOf(' = ');
      attrDefs.set(line.slice('attributes #'.length, eq), line.slice(eq + 3));
      continue;
    }
    if (line[0] !== '!' && line.indexOf('metadata !') >= 0) line = line.replace(MD_OPERAND_RE, 'metadata !?');
    if (line[0] === '%' && / = type /.test(line)) {
      if (typesAt < 0) {
        typesAt = out.length;
        out.push('');
      }
      types.push(line);
      continue;
    }
    out.push(line);
  }
  if (typesAt >= 0) {
    types.sort();
    out.splice(typesAt, 1, ...types);
  }
  const renumber = new Map<string, number>();
  for (let i = 0; i < out.length; i++) {
    const l = out[i]!;
    if (l.indexOf('#') < 0 || l[0] === '!') continue;
    out[i] = l.replace(ATTR_REF_RE, (whole, n: string) => {
      if (!attrDefs.has(n)) return whole;
      let k = renumber.get(n);
      if (k === undefined) renumber.set(n, (k = renumber.size));
      return '#' + k;
    });
  }
  for (const [old, k] of renumber) out.push(`attributes #${k} = ${attrDefs.get(old)}`);
  return out.join('\n') + '\n';
}
