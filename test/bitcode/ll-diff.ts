// Compares two LLVM assembly texts entity by entity: splits each module into
// its top-level entities (define bodies, declares, globals, aliases, types,
// attribute groups, metadata, header lines) and reports the first differences.

export type EntityKind = 'define' | 'declare' | 'global' | 'alias' | 'ifunc' | 'type' | 'attributes' | 'metadata' | 'comdat' | 'header';

export interface Entity {
  kind: EntityKind;
  /** Unique within a module: kind plus name (`define @main`, `attributes #3`). */
  key: string;
  lines: string[];
  /** 1-based line of the entity's first line in the module text. */
  line: number;
}

const GLOBAL_NAME = /@("(?:[^"\\]|\\.)*"|[-a-zA-Z$._0-9]+)/;

function globalName(line: string): string {
  const m = GLOBAL_NAME.exec(line);
  return m ? '@' + m[1] : line;
}

/** Splits module text into entities, skipping blank lines and `;` comment lines. */
export function splitEntities(text: string): Entity[] {
  const lines = text.split('\n');
  const out: Entity[] = [];
  const seen = new Map<string, number>();
  const add = (kind: EntityKind, name: string, body: string[], line: number) => {
    let key = `${kind} ${name}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n > 0) key += ` #${n + 1}`;
    out.push({ kind, key, lines: body, line });
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === '' || l.trimStart().startsWith(';')) continue;
    if (l.startsWith('define ')) {
      const start = i;
      const body = [l];
      if (!l.trimEnd().endsWith('}')) {
        while (i + 1 < lines.length) {
          const b = lines[++i];
          body.push(b);
          if (b === '}') break;
        }
      }
      add('define', globalName(l), body, start + 1);
    } else if (l.startsWith('declare ')) {
      add('declare', globalName(l), [l], i + 1);
    } else if (l.startsWith('@')) {
      const rest = l.slice(globalName(l).length);
      const kind: EntityKind = / alias /.test(rest) ? 'alias' : / ifunc /.test(rest) ? 'ifunc' : 'global';
      add(kind, globalName(l), [l], i + 1);
    } else if (l.startsWith('%')) {
      add('type', l.slice(0, l.indexOf(' = ') >= 0 ? l.indexOf(' = ') : l.length), [l], i + 1);
    } else if (l.startsWith('attributes ')) {
      add('attributes', l.split(' ')[1], [l], i + 1);
    } else if (l.startsWith('!')) {
      add('metadata', l.slice(0, l.indexOf(' = ') >= 0 ? l.indexOf(' = ') : l.length), [l], i + 1);
    } else if (l.startsWith('$')) {
      add('comdat', l.split(' ')[0], [l], i + 1);
    } else {
      const eq = l.indexOf(' = ');
      add('header', eq >= 0 ? l.slice(0, eq) : l.split(' ').slice(0, 2).join(' '), [l], i + 1);
    }
  }
  return out;
}

export interface EntityCounts {
  define: number;
  declare: number;
  global: number;
}

export function countEntities(es: Entity[]): EntityCounts {
  const c: EntityCounts = { define: 0, declare: 0, global: 0 };
  for (const e of es) if (e.kind === 'define' || e.kind === 'declare' || e.kind === 'global') c[e.kind]++;
  return c;
}

/** What kind of line differs: the instruction opcode, or a part of the entity. */
export function lineKind(line: string | undefined, index: number, kind: EntityKind = 'define'): string {
  if (line === undefined) return 'missing line';
  if (index === 0) return kind === 'define' ? 'define line' : kind;
  const t = line.trim();
  if (t === '}') return 'end of body';
  if (!line.startsWith(' ')) return 'block label';
  const m = /^(?:%[^ ]+ = )?((?:tail |musttail |notail )?[a-z_]+)/.exec(t);
  if (!m) return 'other';
  if (m[1] === 'call' || m[1].endsWith(' call')) {
    if (/@llvm\./.test(t)) return 'call @llvm.' + (/@llvm\.([a-z0-9_]+)/.exec(t)?.[1] ?? '');
  }
  return m[1];
}

export interface Difference {
  key: string;
  /** lineKind of the first differing line. */
  kind: string;
  /** Index within the entity of the first differing line. */
  index: number;
  oracle: string[];
  ours: string[];
  oracleLine: number;
}

export interface Comparison {
  oracleCounts: EntityCounts;
  ourCounts: EntityCounts;
  entities: number;
  onlyOracle: string[];
  onlyOurs: string[];
  differing: Difference[];
  /** First-difference kind -> number of entities. */
  kinds: Map<string, number>;
}

export function compareLL(oracleText: string, ourText: string): Comparison {
  const oracle = splitEntities(oracleText);
  const ours = splitEntities(ourText);
  const ourByKey = new Map(ours.map((e) => [e.key, e]));
  const oracleKeys = new Set(oracle.map((e) => e.key));
  const cmp: Comparison = {
    oracleCounts: countEntities(oracle),
    ourCounts: countEntities(ours),
    entities: oracle.length,
    onlyOracle: [],
    onlyOurs: ours.filter((e) => !oracleKeys.has(e.key)).map((e) => e.key),
    differing: [],
    kinds: new Map(),
  };
  for (const e of oracle) {
    const o = ourByKey.get(e.key);
    if (!o) {
      cmp.onlyOracle.push(e.key);
      continue;
    }
    const n = Math.max(e.lines.length, o.lines.length);
    let i = 0;
    while (i < n && e.lines[i] === o.lines[i]) i++;
    if (i === n) continue;
    const k = lineKind(e.lines[i] ?? o.lines[i], i, e.kind);
    cmp.differing.push({ key: e.key, kind: k, index: i, oracle: e.lines, ours: o.lines, oracleLine: e.line + i });
    cmp.kinds.set(k, (cmp.kinds.get(k) ?? 0) + 1);
  }
  return cmp;
}

export function comparisonOk(c: Comparison): boolean {
  return c.onlyOracle.length === 0 && c.onlyOurs.length === 0 && c.differing.length === 0 && countsEqual(c.oracleCounts, c.ourCounts);
}

function countsEqual(a: EntityCounts, b: EntityCounts): boolean {
  return a.define === b.define && a.declare === b.declare && a.global === b.global;
}

/** The first differing entity of each kind (most frequent kinds first), then further ones in file order. */
function pickExamples(c: Comparison, n: number): Difference[] {
  const order = [...c.kinds].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const picked: Difference[] = [];
  for (const k of order) {
    const d = c.differing.find((x) => x.kind === k);
    if (d && picked.length < n) picked.push(d);
  }
  for (const d of c.differing) {
    if (picked.length >= n) break;
    if (!picked.includes(d)) picked.push(d);
  }
  return picked;
}

const clip = (s: string, n = 220) => (s.length > n ? s.slice(0, n) + ' ...' : s);

/** A readable failure report: counts, a histogram of first-difference kinds, and the first differing entities. */
export function formatComparison(title: string, c: Comparison, maxEntities = 4, context = 2): string {
  const out: string[] = [];
  const oc = c.oracleCounts;
  const uc = c.ourCounts;
  out.push(`${title}: ${c.differing.length} of ${c.entities} entities differ, ${c.onlyOracle.length} only in llvm-dis-22, ${c.onlyOurs.length} only in cgts`);
  out.push(`  counts (llvm-dis-22 / cgts): define ${oc.define}/${uc.define}, declare ${oc.declare}/${uc.declare}, global ${oc.global}/${uc.global}`);
  if (c.kinds.size) {
    const kinds = [...c.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
    out.push(`  first differing line, by kind: ${kinds.slice(0, 12).join(', ')}${kinds.length > 12 ? ', ...' : ''}`);
  }
  if (c.onlyOracle.length) out.push(`  only in llvm-dis-22: ${c.onlyOracle.slice(0, 5).map((k) => clip(k, 120)).join(', ')}${c.onlyOracle.length > 5 ? ', ...' : ''}`);
  if (c.onlyOurs.length) out.push(`  only in cgts: ${c.onlyOurs.slice(0, 5).map((k) => clip(k, 120)).join(', ')}${c.onlyOurs.length > 5 ? ', ...' : ''}`);
  for (const d of pickExamples(c, maxEntities)) {
    out.push(`  --- ${clip(d.key, 160)} (llvm-dis-22 line ${d.oracleLine}, line ${d.index + 1} of the entity)`);
    for (let j = Math.max(0, d.index - context); j < d.index; j++) out.push(`        ${clip(d.oracle[j])}`);
    for (let j = d.index; j < d.index + 2; j++) {
      if (j < d.oracle.length || j < d.ours.length) {
        out.push(`   llvm ${clip(d.oracle[j] ?? '<end>')}`);
        out.push(`   cgts ${clip(d.ours[j] ?? '<end>')}`);
      }
    }
  }
  return out.join('\n');
}
