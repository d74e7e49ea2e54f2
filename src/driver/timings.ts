// cgts's timing report for `cargo cgts --timings`: every process of the build
// that compiles or links (rustc wrappers, link shims) appends one JSON line
// per module and per link to the file CGTS_TIMINGS_FILE names (appends of a
// line are atomic, so concurrent processes do not interleave); at the end
// `cargo cgts` turns the lines into an HTML page beside cargo's own report:
// per crate, where code generation time went, as a chart and a table, and
// the code units that took longest.

import { appendFileSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The pipeline steps in the order the report shows them, and their colours. */
const STEPS: [string, string, string][] = [
  ['read', 'read bitcode', '#4e79a7'],
  ['data', 'lay out data', '#76b7b2'],
  ['translate', 'translate to CLIF', '#f28e2b'],
  ['verify', 'verify CLIF', '#edc948'],
  ['codegen', 'select, allocate, encode', '#e15759'],
  ['debuginfo', 'describe in DWARF (-g)', '#af7aa1'],
  ['write', 'write object', '#59a14f'],
  ['link', 'link (cc)', '#9c755f'],
  ['other', 'other', '#bab0ac'],
];
const KNOWN = new Set(STEPS.map(([k]) => k));
/** The steps of a module's compile (a link is not one). */
const MODULE_STEPS = STEPS.filter(([k]) => k !== 'link');

export interface TimingRecord {
  /** the rlib, shared object or executable the module goes into */
  artifact: string;
  /** a bitcode module's name, or '' for a link */
  module: string;
  /** taken from the object cache: no compile times */
  cached?: boolean;
  /** milliseconds per step */
  times: Record<string, number>;
}

/** Appends records to the timings file; a report that cannot be written never fails the build. */
export function appendTimings(file: string, records: readonly TimingRecord[]): void {
  if (!file || records.length === 0) return;
  try {
    appendFileSync(file, records.map((r) => JSON.stringify(r) + '\n').join(''));
  } catch {
    // the report misses these lines
  }
}

/** The crate an artifact path belongs to: `libregex-0123abcd.rlib` -> `regex`. */
export function crateOfArtifact(path: string): string {
  let name = basename(path).replace(/\.(rlib|so|a|o)$/, '');
  name = name.replace(/-[0-9a-f]{16}$/, '');
  if (/\.(rlib|so|a)$/.test(basename(path))) name = name.replace(/^lib/, '');
  return name || path;
}

interface CrateRow {
  crate: string;
  modules: number;
  cached: number;
  times: Record<string, number>;
  total: number;
}

/** The records of a timings file; a line cut short by a killed process is skipped. */
function parseRecords(text: string): TimingRecord[] {
  const out: TimingRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as TimingRecord);
    } catch {
      // cut short
    }
  }
  return out;
}

/** Adds a record's step times to `into` (a step this report does not know, from a newer cgts, under `other`); returns their sum. */
function addSteps(into: Record<string, number>, times: Record<string, number>): number {
  let total = 0;
  for (const [k, ms] of Object.entries(times)) {
    const step = KNOWN.has(k) ? k : 'other';
    into[step] = (into[step] ?? 0) + ms;
    total += ms;
  }
  return total;
}

/** Reads the timings file into one row per crate, the slowest first. */
export function summarize(text: string): CrateRow[] {
  const rows = new Map<string, CrateRow>();
  for (const r of parseRecords(text)) {
    const crate = crateOfArtifact(r.artifact);
    let row = rows.get(crate);
    if (!row) rows.set(crate, (row = { crate, modules: 0, cached: 0, times: {}, total: 0 }));
    if (r.module) {
      row.modules++;
      if (r.cached) row.cached++;
    }
    row.total += addSteps(row.times, r.times);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `n` code units (bitcode modules) that took the longest to compile, the slowest first. */
export function slowestModules(text: string, n: number): { crate: string; module: string; times: Record<string, number>; total: number }[] {
  const out: { crate: string; module: string; times: Record<string, number>; total: number }[] = [];
  for (const r of parseRecords(text)) {
    if (!r.module || r.cached) continue;
    const times: Record<string, number> = {};
    const total = addSteps(times, r.times);
    out.push({ crate: crateOfArtifact(r.artifact), module: moduleName(r.module), times, total });
  }
  return out.sort((a, b) => b.total - a.total).slice(0, n);
}

/** A module's short name: an archive member's name, or the file name. */
function moduleName(m: string): string {
  const member = /\(([^()]*)\)$/.exec(m);
  return member ? member[1]! : basename(m);
}

/** The HTML page for the records in `text`. */
export function renderReport(text: string, title: string): string {
  const rows = summarize(text);
  const slow = slowestModules(text, 20);
  const max = Math.max(1, ...rows.map((r) => r.total));
  const totals: Record<string, number> = {};
  for (const r of rows) for (const [k, ms] of Object.entries(r.times)) totals[k] = (totals[k] ?? 0) + ms;
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  const legend = STEPS.map(([, label, colour]) => `<span class="key" style="background:${colour}"></span>${esc(label)}`).join(' &nbsp; ');
  const bar = (r: CrateRow) =>
    STEPS.map(([k, label, colour]) => {
      const ms = r.times[k] ?? 0;
      if (ms <= 0) return '';
      return `<span class="seg" style="width:${((ms / max) * 100).toFixed(3)}%;background:${colour}" title="${esc(label)}: ${ms.toFixed(1)} ms"></span>`;
    }).join('');
  const cells = (r: CrateRow) => STEPS.map(([k]) => `<td>${(r.times[k] ?? 0).toFixed(1)}</td>`).join('');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body { font: 14px sans-serif; margin: 2em; }
table { border-collapse: collapse; }
td, th { padding: 2px 8px; text-align: right; border-bottom: 1px solid #ddd; }
td:first-child, th:first-child { text-align: left; }
.chart { width: 60em; }
.row { display: flex; align-items: center; margin: 2px 0; }
.name { width: 14em; overflow: hidden; white-space: nowrap; }
.bar { flex: 1; display: flex; height: 14px; }
.seg { display: inline-block; height: 100%; }
.key { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
</style></head><body>
<h1>${esc(title)}</h1>
<p>Code generation by cgts, per crate (milliseconds of compile-thread time; modules compile in parallel, so these add up to more than the wall time). Total ${all.toFixed(0)} ms in ${rows.length} crates; ${rows.reduce((n, r) => n + r.modules, 0)} modules, ${rows.reduce((n, r) => n + r.cached, 0)} of them from the object cache.</p>
<p>${legend}</p>
<div class="chart">
${rows.map((r) => `<div class="row"><div class="name">${esc(r.crate)}</div><div class="bar">${bar(r)}</div></div>`).join('\n')}
</div>
<h2>Table</h2>
<table><tr><th>crate</th><th>modules</th><th>cached</th>${STEPS.map(([, label]) => `<th>${esc(label)}</th>`).join('')}<th>total</th></tr>
${rows.map((r) => `<tr><td>${esc(r.crate)}</td><td>${r.modules}</td><td>${r.cached}</td>${cells(r)}<td>${r.total.toFixed(1)}</td></tr>`).join('\n')}
<tr><th>all</th><th></th><th></th>${STEPS.map(([k]) => `<th>${(totals[k] ?? 0).toFixed(1)}</th>`).join('')}<th>${all.toFixed(1)}</th></tr>
</table>
<h2>The slowest code units</h2>
<p>The bitcode modules (rustc's codegen units) that took longest to compile, with their steps in milliseconds.</p>
<table><tr><th>crate</th><th>code unit</th>${MODULE_STEPS.map(([, label]) => `<th>${esc(label)}</th>`).join('')}<th>total</th></tr>
${slow.map((m) => `<tr><td>${esc(m.crate)}</td><td>${esc(m.module)}</td>${MODULE_STEPS.map(([k]) => `<td>${(m.times[k] ?? 0).toFixed(1)}</td>`).join('')}<td>${m.total.toFixed(1)}</td></tr>`).join('\n')}
</table>
</body></html>
`;
}

/** Reads the timings file; '' when there is none (nothing was compiled). */
export function readTimings(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
