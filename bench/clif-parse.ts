// CLIF front-end throughput: generates a large CLIF file (many functions of
// mixed integer, float, memory and control-flow instructions), then times
// parsing, verification and printing, in instructions per second.

import { parseClifFile } from '../src/ir/parser.js';
import { verifyFunction } from '../src/ir/verifier.js';
import { printFunction } from '../src/ir/printer.js';

const FUNCS = Number(process.env.CLIF_BENCH_FUNCS ?? 2000);
const INSTS = Number(process.env.CLIF_BENCH_INSTS ?? 500);
const RUNS = Number(process.env.CLIF_BENCH_RUNS ?? 5);

/** A deterministic pseudo-random sequence, so every run measures the same text. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const INT_BIN = ['iadd', 'isub', 'imul', 'band', 'bor', 'bxor', 'ishl', 'ushr', 'sshr', 'rotl', 'umin', 'smax'];
const FLT_BIN = ['fadd', 'fsub', 'fmul', 'fdiv', 'fmin', 'fmax'];

/** One function of about `n` instructions in blocks of ~20, with a loop back edge and block arguments. */
function genFunction(k: number, n: number, r: () => number): { text: string; insts: number } {
  const out: string[] = [`function %f${k}(i64, i64, f64) -> i64, f64 {`, '    ss0 = explicit_slot 64, align = 8'];
  let v = 3;
  let insts = 0;
  const nblocks = Math.max(2, Math.ceil(n / 20));
  out.push('block0(v0: i64, v1: i64, v2: f64):');
  let ints = [0, 1];
  let flts = [2];
  const pick = (a: number[]) => a[Math.floor(r() * a.length)];
  for (let b = 0; b < nblocks; b++) {
    if (b > 0) {
      const p = v++, q = v++;
      out.push(`block${b}(v${p}: i64, v${q}: f64):`);
      ints = [p, 0, 1];
      flts = [q];
    }
    const body = Math.min(18, n - insts - 2);
    for (let j = 0; j < body; j++) {
      const x = r();
      const d = v++;
      if (x < 0.5) {
        out.push(`    v${d} = ${INT_BIN[Math.floor(r() * INT_BIN.length)]} v${pick(ints)}, v${pick(ints)}`);
        ints.push(d);
      } else if (x < 0.65) {
        out.push(`    v${d} = iconst.i64 ${Math.floor(r() * 100000) - 50000}`);
        ints.push(d);
      } else if (x < 0.8) {
        out.push(`    v${d} = ${FLT_BIN[Math.floor(r() * FLT_BIN.length)]} v${pick(flts)}, v${pick(flts)}`);
        flts.push(d);
      } else if (x < 0.88) {
        out.push(`    v${d} = icmp slt v${pick(ints)}, v${pick(ints)}`);
        const e = v++;
        out.push(`    v${e} = uextend.i64 v${d}`);
        insts++;
        ints.push(e);
      } else if (x < 0.94) {
        const a = v++;
        out.push(`    v${a} = stack_addr.i64 ss0+${8 * Math.floor(r() * 8)}`);
        out.push(`    store v${pick(ints)}, v${a}`);
        out.push(`    v${d} = load.i64 v${a}`);
        insts += 2;
        ints.push(d);
      } else {
        out.push(`    v${d} = select v${pick(ints)}, v${pick(ints)}, v${pick(ints)}`);
        ints.push(d);
      }
      insts++;
    }
    const i = pick(ints), f = pick(flts);
    if (b === nblocks - 1) {
      out.push(`    return v${i}, v${f}`);
      insts++;
    } else {
      const c = v++;
      out.push(`    v${c} = icmp ne v${i}, v0`);
      const back = b > 0 && r() < 0.3 ? b : b + 1;
      out.push(`    brif v${c}, block${back}(v${i}, v${f}), block${b + 1}(v${pick(ints)}, v${f})`);
      insts += 2;
    }
  }
  out.push('}', '');
  return { text: out.join('\n'), insts };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const r = rng(12345);
const parts: string[] = ['test verifier', ''];
let totalInsts = 0;
for (let k = 0; k < FUNCS; k++) {
  const g = genFunction(k, INSTS, r);
  parts.push(g.text);
  totalInsts += g.insts;
}
const text = parts.join('\n');
console.log(`generated ${FUNCS} functions, ${totalInsts} instructions, ${(text.length / 1e6).toFixed(1)} MB of CLIF`);

// Sanity check once: the generated text must parse and verify cleanly.
{
  const file = parseClifFile(text, 'bench.clif');
  let errors = 0;
  for (const pf of file.functions) errors += verifyFunction(pf.func).length;
  if (file.functions.length !== FUNCS || errors !== 0) throw new Error(`generated input is wrong: ${file.functions.length} functions, ${errors} verifier errors`);
}

const parseTimes: number[] = [];
const verifyTimes: number[] = [];
const bothTimes: number[] = [];
const printTimes: number[] = [];
let printedChars = 0;
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const file = parseClifFile(text, 'bench.clif');
  const t1 = performance.now();
  let n = 0;
  for (const pf of file.functions) n += verifyFunction(pf.func).length;
  const t2 = performance.now();
  if (n !== 0) throw new Error('verifier errors in the benchmark input');
  let chars = 0;
  for (const pf of file.functions) chars += printFunction(pf.func).length;
  const t3 = performance.now();
  printedChars = chars;
  parseTimes.push(t1 - t0);
  verifyTimes.push(t2 - t1);
  bothTimes.push(t2 - t0);
  printTimes.push(t3 - t2);
}

const rate = (ms: number) => `${((totalInsts / ms) * 1000 / 1e6).toFixed(2).padStart(6)} M inst/s`;
const row = (name: string, times: number[]) => `  ${name.padEnd(14)} ${median(times).toFixed(0).padStart(6)} ms  ${rate(median(times))}`;
console.log(
  [
    `median of ${RUNS} runs over ${totalInsts} instructions:`,
    row('parse', parseTimes),
    row('verify', verifyTimes),
    row('parse+verify', bothTimes),
    row('print', printTimes),
    `  verify / parse ${(median(verifyTimes) / median(parseTimes)).toFixed(2)}; printed ${(printedChars / 1e6).toFixed(1)} MB`,
  ].join('\n'),
);
