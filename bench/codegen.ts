// Back-end throughput: CLIF instructions per second through compileObject on
// generated modules of growing size (100 .. 100k instructions), with the
// verifier off and on, to show whether cost grows linearly. Not a test.

import { parseFunction } from '../src/ir/parser.js';
import { verifyFunction } from '../src/ir/verifier.js';
import { compileObject } from '../src/x64/compile.js';
import type { Function } from '../src/ir/function.js';

/** A function of about `n` instructions: a loop with arithmetic, compares, loads/stores and a call. */
function generate(name: string, n: number): Function {
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
// one big function: does a single function's cost stay linear?
for (const n of [1000, 10000, 50000]) {
  const f = generate('big', n);
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    compileObject([f], {});
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`one function of ${f.numInsts} insts: ${best.toFixed(2)} ms, ${Math.round(f.numInsts / (best / 1000)).toLocaleString('en-US')} insts/s`);
}
