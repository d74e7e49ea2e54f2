// Back-end throughput: CLIF instructions per second through compileObject on
// generated modules of growing size (100 .. 100k instructions), with the
// verifier off and on, then a linearity check on single functions of growing
// size (time per instruction, largest over smallest). Not a test.

import { parseFunction } from '../src/ir/parser.js';
import { verifyFunction } from '../src/ir/verifier.js';
import { compileObject } from '../src/x64/compile.js';
import type { Function } from '../src/ir/function.js';

/** A function of about `n` instructions: a loop with arithmetic, compares, loads/stores and a call. */
function generate(name: string, n: number): Function {
  return parseFunction(generateText(name, n));
}

function generateText(name: string, n: number): string {
  const lines: string[] = [];
  lines.push(`function %${name}(i64, i64) -> i64 {`, '    ss0 = explicit_slot 64', '    fn0 = %ext(i64) -> i64');
  lines.push('block0(v0: i64, v1: i64):', '    v2 = iconst.i64 0', '    jump block1(v0, v2)');
  lines.push('block1(v3: i64, v4: i64):');
  let v = 10;
  let acc = 'v4';
  const body = Math.max(1, n - 10);
  for (let k = 0; k < body; k++) {
    switch (k % 8) {
      case 0: lines.push(`    v${v} = iadd ${acc}, v3`); break;
      case 1: lines.push(`    v${v} = imul ${acc}, v1`); break;
      case 2: lines.push(`    v${v} = bxor ${acc}, v0`); break;
      case 3: lines.push(`    v${v} = ishl ${acc}, v3`); break;
      case 4: lines.push(`    v${v} = stack_addr.i64 ss0`); lines.push(`    store ${acc}, v${v}+8`); v++; lines.push(`    v${v} = load.i64 v${v - 1}+8`); break;
      case 5: lines.push(`    v${v} = isub ${acc}, v1`); break;
      case 6: lines.push(`    v${v} = sshr ${acc}, v0`); break;
      case 7: lines.push(k % 64 === 7 ? `    v${v} = call fn0(${acc})` : `    v${v} = band ${acc}, v1`); break;
    }
    acc = `v${v}`;
    v++;
  }
  lines.push(`    v${v} = iconst.i64 1`, `    v${v + 1} = isub v3, v${v}`, `    v${v + 2} = icmp eq v${v + 1}, v2`);
  lines.push(`    brif v${v + 2}, block2, block1(v${v + 1}, ${acc})`, 'block2:', `    return ${acc}`, '}');
  return lines.join('\n');
}

/** `k` counted loops one after another; each loop's result is summed at the end, so it stays live across every later loop. */
function generateLoops(k: number): Function {
  const lines: string[] = ['function %loops(i64, i64) -> i64 {', 'block0(v0: i64, v1: i64):', '    v2 = iconst.i64 1', '    jump block1'];
  let v = 10, b = 1;
  const results: number[] = [];
  for (let i = 0; i < k; i++) {
    const body = b + 1, exit = b + 2;
    lines.push(`block${b}:`, `    v${v} = iconst.i64 0`, `    jump block${body}(v${v}, v0)`);
    v++;
    const acc = v, cnt = v + 1;
    v += 2;
    lines.push(`block${body}(v${acc}: i64, v${cnt}: i64):`);
    lines.push(`    v${v} = imul v${acc}, v1`, `    v${v + 1} = iadd v${v}, v${cnt}`, `    v${v + 2} = isub v${cnt}, v2`);
    lines.push(`    brif v${v + 2}, block${body}(v${v + 1}, v${v + 2}), block${exit}`);
    results.push(v + 1);
    v += 3;
    lines.push(`block${exit}:`, `    jump block${b + 3}`);
    b += 3;
  }
  lines.push(`block${b}:`);
  let sum = results[0];
  for (let i = 1; i < results.length; i++) {
    lines.push(`    v${v} = iadd v${sum}, v${results[i]}`);
    sum = v++;
  }
  lines.push(`    return v${sum}`, '}');
  return parseFunction(lines.join('\n'));
}

function countInsts(fs: Function[]): number {
  let n = 0;
  for (const f of fs) n += f.numInsts;
  return n;
}

const sizes = [100, 1000, 10000, 100000];
console.log('module insts   funcs   verify   best ms   insts/s');
for (const total of sizes) {
  // functions of ~500 instructions, or one function when the module is small
  const per = Math.min(total, 500);
  const funcs: Function[] = [];
  for (let k = 0; k < Math.max(1, Math.round(total / per)); k++) funcs.push(generate(`f${k}`, per));
  const n = countInsts(funcs);
  for (const verify of [false, true]) {
    let best = Infinity;
    const reps = total <= 10000 ? 7 : 3;
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      if (verify) for (const f of funcs) verifyFunction(f);
      compileObject(funcs, {});
      const ms = performance.now() - t0;
      if (ms < best) best = ms;
    }
    console.log(`${String(n).padStart(12)} ${String(funcs.length).padStart(7)} ${(verify ? 'on' : 'off').padStart(8)} ${best.toFixed(2).padStart(9)} ${Math.round(n / (best / 1000)).toLocaleString('en-US').padStart(11)}`);
  }
}
// End to end: CLIF text of the largest module through parse, verify and compile to an ELF object.
{
  const texts: string[] = [];
  for (let k = 0; k < 200; k++) texts.push(generateText(`f${k}`, 500));
  let best = Infinity, n = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const fs = texts.map((t) => parseFunction(t));
    for (const f of fs) verifyFunction(f);
    compileObject(fs, {});
    best = Math.min(best, performance.now() - t0);
    n = countInsts(fs);
  }
  console.log(`\nend to end (CLIF text -> parse -> verify -> ELF object): ${n} insts in ${best.toFixed(1)} ms, ${Math.round(n / (best / 1000)).toLocaleString('en-US')} insts/s`);
}

// Linearity: one function of growing size, per shape. Each size is compiled
// once to warm the JIT, then timed by CPU time (median of several runs); the
// cost per instruction of the largest over the smallest should stay near 1.
function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}
function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}
const shapes: [string, (n: number) => Function][] = [
  ['one loop, straight-line body', (n) => generate('big', n)],
  ['sequential loops, results live to the end', (n) => generateLoops(Math.max(1, Math.round(n / 8)))],
];
console.log('\nlinearity (one function, CPU time, median of 7 after warming the JIT on both shapes)');
for (const [, gen] of shapes) {
  const w = gen(32000);
  for (let r = 0; r < 5; r++) compileObject([w], {});
}
for (const [shape, gen] of shapes) {
  const perInst: number[] = [];
  for (const n of [2000, 8000, 32000, 128000]) {
    const f = gen(n);
    compileObject([f], {});
    const runs: number[] = [];
    for (let r = 0; r < 7; r++) runs.push(cpuMs(() => compileObject([f], {})));
    const ms = median(runs);
    const ns = (ms * 1e6) / f.numInsts;
    perInst.push(ns);
    console.log(`  ${shape.padEnd(42)} ${String(f.numInsts).padStart(7)} insts ${ms.toFixed(2).padStart(8)} ms ${ns.toFixed(0).padStart(6)} ns/inst ${Math.round(f.numInsts / (ms / 1000)).toLocaleString('en-US').padStart(11)} insts/s`);
  }
  const ratio = perInst[perInst.length - 1] / perInst[0];
  console.log(`  ${shape}: ns/inst at 64x the size / ns/inst at the smallest = ${ratio.toFixed(2)} (${ratio < 2 ? 'linear' : 'SUPERLINEAR'})`);
}
