// cgts next to LLVM's -O0 code generator (llc-22 -O0) on the same programs,
// written once as CLIF and once as LLVM IR: compile speed on generated modules
// of growing size, and run time of the generated code on a few kernels.
// Needs llc-22 and cc (valgrind optional). Prints figures, ratios and a summary.
// Usage: npm run bench:llvm [-- --reps N] [--sizes 200,1000,5000] [--no-run] [--no-compile]
// (CGTS_BENCH_KEEP=1 keeps the temporary directory with the .clif, .ll, objects and driver).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseClifFile } from '../src/ir/parser.js';
import { verifyFunction } from '../src/ir/verifier.js';
import { compileObject } from '../src/x64/compile.js';
import type { Function } from '../src/ir/function.js';
import { median } from './stats.js';

interface Args {
  reps: number;
  sizes: number[];
  compile: boolean;
  run: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { reps: 5, sizes: [200, 1000, 5000], compile: true, run: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') a.reps = Math.max(1, Number(argv[++i]) | 0);
    else if (argv[i] === '--sizes') a.sizes = (argv[++i] ?? '').split(',').map(Number).filter((n) => n > 0);
    else if (argv[i] === '--no-run') a.run = false;
    else if (argv[i] === '--no-compile') a.compile = false;
    else throw new Error(`unknown argument ${argv[i]}; usage: bench/vs-llvm.ts [--reps N] [--sizes 200,1000,5000] [--no-run] [--no-compile]`);
  }
  return a;
}

function fmtRate(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function sh(cmd: string, args: string[], what: string): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error || r.status !== 0) throw new Error(`${what}: ${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

function hasTool(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

// ---------------------------------------------------------------------------
// Part 1: compile speed on a generated module.
//
// Function k (k >= 1 calls k-1) has a diamond, a stack slot written and read,
// a counted loop with two loop-carried values, integer ops chosen by k, some
// f64 arithmetic and a call: about 45 CLIF instructions. The LLVM text is the
// same program in SSA form (phis for block params, an alloca for the slot).

const BIN: [string, string][] = [['iadd', 'add'], ['isub', 'sub'], ['imul', 'mul'], ['band', 'and'], ['bor', 'or'], ['bxor', 'xor']];
const CC = ['slt', 'ult', 'sgt', 'ne', 'sle', 'uge'];

function genClif(n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const op = (j: number) => BIN[(k * 7 + j * 3) % BIN.length][0];
    const cc = (j: number) => CC[(k + j) % CC.length];
    out.push(`function %f${k}(i64, i64) -> i64 {`, '    ss0 = explicit_slot 16');
    if (k > 0) out.push(`    fn0 = colocated %f${k - 1}(i64, i64) -> i64`);
    out.push(
      'block0(v0: i64, v1: i64):',
      `    v2 = iconst.i64 ${k * 37 + 11}`,
      `    v3 = ${op(0)} v0, v2`,
      `    v4 = ${op(1)} v3, v1`,
      '    v5 = stack_addr.i64 ss0',
      '    store v4, v5',
      `    v6 = icmp ${cc(0)} v4, v0`,
      '    brif v6, block1, block2',
      'block1:',
      '    v7 = isub v4, v1',
      `    v8 = ${op(2)} v7, v0`,
      '    jump block3(v8)',
      'block2:',
      '    v9 = bxor v4, v0',
      `    v40 = iconst.i64 ${(k % 13) + 1}`,
      '    v10 = ushr v9, v40',
      '    jump block3(v10)',
      'block3(v11: i64):',
      '    v12 = iconst.i64 0',
      `    v13 = iconst.i64 ${(k % 50) + 10}`,
      '    jump block4(v12, v11)',
      'block4(v14: i64, v15: i64):',
      '    v16 = load.i64 v5',
      `    v17 = ${op(3)} v15, v16`,
      `    v18 = ${op(4)} v17, v14`,
      '    v41 = iconst.i64 3',
      '    v19 = sshr v18, v41',
      `    v20 = ${op(5)} v19, v15`,
      '    store v20, v5+8',
      '    v42 = load.i64 v5+8',
      `    v43 = ${op(6)} v42, v1`,
      '    v21 = iconst.i64 1',
      '    v22 = iadd v14, v21',
      `    v23 = icmp ${cc(1)} v22, v13`,
      '    brif v23, block4(v22, v43), block5',
      'block5:',
      '    v24 = fcvt_from_sint.f64 v43',
      '    v25 = f64const 0x1.8p0',
      '    v26 = fmul v24, v25',
      '    v27 = fadd v26, v24',
      '    v44 = fsub v27, v25',
      '    v28 = bitcast.i64 v44',
      '    v29 = bxor v28, v43',
    );
    if (k > 0) out.push('    v30 = call fn0(v29, v1)', '    v31 = iadd v30, v29', '    return v31', '}', '');
    else out.push('    return v29', '}', '');
  }
  return out.join('\n');
}

function genLl(n: number): string {
  const out: string[] = ['target triple = "x86_64-unknown-linux-gnu"', ''];
  for (let k = 0; k < n; k++) {
    const op = (j: number) => BIN[(k * 7 + j * 3) % BIN.length][1];
    const cc = (j: number) => CC[(k + j) % CC.length];
    out.push(
      `define i64 @f${k}(i64 %v0, i64 %v1) {`,
      'block0:',
      '  %ss0 = alloca [16 x i8], align 8',
      `  %v3 = ${op(0)} i64 %v0, ${k * 37 + 11}`,
      `  %v4 = ${op(1)} i64 %v3, %v1`,
      '  store i64 %v4, ptr %ss0, align 8',
      `  %v6 = icmp ${cc(0)} i64 %v4, %v0`,
      '  br i1 %v6, label %block1, label %block2',
      'block1:',
      '  %v7 = sub i64 %v4, %v1',
      `  %v8 = ${op(2)} i64 %v7, %v0`,
      '  br label %block3',
      'block2:',
      '  %v9 = xor i64 %v4, %v0',
      `  %v10 = lshr i64 %v9, ${(k % 13) + 1}`,
      '  br label %block3',
      'block3:',
      '  %v11 = phi i64 [ %v8, %block1 ], [ %v10, %block2 ]',
      '  br label %block4',
      'block4:',
      '  %v14 = phi i64 [ 0, %block3 ], [ %v22, %block4 ]',
      '  %v15 = phi i64 [ %v11, %block3 ], [ %v43, %block4 ]',
      '  %v16 = load i64, ptr %ss0, align 8',
      `  %v17 = ${op(3)} i64 %v15, %v16`,
      `  %v18 = ${op(4)} i64 %v17, %v14`,
      '  %v19 = ashr i64 %v18, 3',
      `  %v20 = ${op(5)} i64 %v19, %v15`,
      '  %p8 = getelementptr inbounds i8, ptr %ss0, i64 8',
      '  store i64 %v20, ptr %p8, align 8',
      '  %v42 = load i64, ptr %p8, align 8',
      `  %v43 = ${op(6)} i64 %v42, %v1`,
      '  %v22 = add i64 %v14, 1',
      `  %v23 = icmp ${cc(1)} i64 %v22, ${(k % 50) + 10}`,
      '  br i1 %v23, label %block4, label %block5',
      'block5:',
      '  %v24 = sitofp i64 %v43 to double',
      '  %v26 = fmul double %v24, 0x3FF8000000000000',
      '  %v27 = fadd double %v26, %v24',
      '  %v44 = fsub double %v27, 0x3FF8000000000000',
      '  %v28 = bitcast double %v44 to i64',
      '  %v29 = xor i64 %v28, %v43',
    );
    if (k > 0) out.push(`  %v30 = call i64 @f${k - 1}(i64 %v29, i64 %v1)`, '  %v31 = add i64 %v30, %v29', '  ret i64 %v31', '}', '');
    else out.push('  ret i64 %v29', '}', '');
  }
  return out.join('\n');
}

/** Instructions in an .ll text: body lines that are not labels or braces. */
function countLlInsts(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (line.startsWith('  ') && line.trim() !== '') n++;
  return n;
}

const LLC_ARGS = ['-O0', '-filetype=obj', '-relocation-model=pic', '-function-sections'];

/** Seconds of CPU time (user+system) in the `Total` line of one -time-passes section. */
function timePassesTotal(stderr: string, section: string): number {
  const at = stderr.indexOf(section);
  if (at < 0) return NaN;
  const rest = stderr.slice(at);
  const m = /^(.*)\bTotal\s*$/m.exec(rest);
  if (!m) return NaN;
  const nums = [...m[1].matchAll(/([\d.]+)\s*\(\s*[\d.]+%\)/g)].map((x) => Number(x[1]));
  // columns: user, [system,] user+system, wall
  return nums.length >= 2 ? nums[nums.length - 2] : NaN;
}

/** Wall and CPU (user+system) milliseconds of one measured step. */
interface Ms {
  wall: number;
  cpu: number;
}

interface CompileRow {
  funcs: number;
  clifInsts: number;
  llInsts: number;
  cgtsTotal: Ms; // read .clif, parse, verify, compile, write .o
  cgtsParse: Ms; // read + parse
  cgtsVerify: Ms; // verify
  cgtsCompile: Ms; // compileObject alone
  llcWall: Ms; // whole process
  llcStart: Ms; // whole process on an empty module
  llcCodegen: number; // CPU ms, -time-passes pass execution total
  llcParse: number; // CPU ms, -time-passes IR parsing
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function medianMs(xs: Ms[]): Ms {
  return { wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) };
}

function benchCompile(args: Args, dir: string): CompileRow[] {
  const emptyLl = join(dir, 'empty.ll');
  writeFileSync(emptyLl, 'target triple = "x86_64-unknown-linux-gnu"\n');
  const llcOut = join(dir, 'llc.o');
  // /usr/bin/time reports the child's CPU time (10 ms resolution); without it CPU is NaN.
  const timeCmd = spawnSync('/usr/bin/time', ['-f', '%U', 'true'], { stdio: 'ignore' }).status === 0;
  const llc = (ll: string): Ms => {
    const t0 = performance.now();
    if (!timeCmd) {
      sh('llc-22', [...LLC_ARGS, ll, '-o', llcOut], 'llc');
      return { wall: performance.now() - t0, cpu: NaN };
    }
    const r = sh('/usr/bin/time', ['-f', 'CPU %U %S', 'llc-22', ...LLC_ARGS, ll, '-o', llcOut], 'llc');
    const wall = performance.now() - t0;
    const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
  };

  // Warm the JIT on a mid-sized module first.
  {
    const warm = genClif(500);
    for (let r = 0; r < 6; r++) {
      const fs = parseClifFile(warm, 'warm.clif').functions.map((p) => p.func);
      for (const f of fs) verifyFunction(f);
      compileObject(fs, {});
    }
  }

  const rows: CompileRow[] = [];
  console.log(`compile speed: cgts (in process, after warm-up) vs llc-22 ${LLC_ARGS.join(' ')} (a process), interleaved; medians; wall and CPU ms`);
  for (const n of args.sizes) {
    const reps = n <= 1000 ? Math.max(args.reps, 9) : args.reps;
    const clifText = genClif(n), llText = genLl(n);
    const clifPath = join(dir, `m${n}.clif`), llPath = join(dir, `m${n}.ll`), cgOut = join(dir, `cg${n}.o`);
    writeFileSync(clifPath, clifText);
    writeFileSync(llPath, llText);
    // Check once that both inputs are accepted and well formed.
    const parsed = parseClifFile(clifText, clifPath).functions.map((p) => p.func);
    for (const f of parsed) {
      const errs = verifyFunction(f);
      if (errs.length) throw new Error(`generated CLIF for ${f.name} fails verification: ${JSON.stringify(errs[0])}`);
    }
    let clifInsts = 0;
    for (const f of parsed) clifInsts += f.numInsts;
    llc(llPath);

    const total: Ms[] = [], parse: Ms[] = [], verify: Ms[] = [], comp: Ms[] = [], wall: Ms[] = [], start: Ms[] = [];
    const codegen: number[] = [], llparse: number[] = [];
    for (let r = 0; r < reps; r++) {
      // cgts: file in, object file out
      const t0 = performance.now(), c0 = cpuNow();
      const text = readFileSync(clifPath, 'utf8');
      const fs: Function[] = parseClifFile(text, clifPath).functions.map((p) => p.func);
      const tp0 = performance.now(), cp0 = cpuNow();
      for (const f of fs) verifyFunction(f);
      const t1 = performance.now(), c1 = cpuNow();
      const bytes = compileObject(fs, {});
      const t2 = performance.now(), c2 = cpuNow();
      writeFileSync(cgOut, bytes);
      const t3 = performance.now(), c3 = cpuNow();
      total.push({ wall: t3 - t0, cpu: c3 - c0 });
      parse.push({ wall: tp0 - t0, cpu: cp0 - c0 });
      verify.push({ wall: t1 - tp0, cpu: c1 - cp0 });
      comp.push({ wall: t2 - t1, cpu: c2 - c1 });
      // llc: whole process, its start-up on an empty module, and its own pass timers
      wall.push(llc(llPath));
      start.push(llc(emptyLl));
      const tp = sh('llc-22', [...LLC_ARGS, '-time-passes', llPath, '-o', llcOut], 'llc -time-passes').stderr;
      codegen.push(timePassesTotal(tp, 'Pass execution timing report') * 1000);
      llparse.push(timePassesTotal(tp, 'LLVM IR Parsing') * 1000);
      // a standalone compileObject timing as well, on the parsed functions
      const t4 = performance.now(), c4 = cpuNow();
      compileObject(fs, {});
      comp.push({ wall: performance.now() - t4, cpu: cpuNow() - c4 });
    }
    const row: CompileRow = {
      funcs: n, clifInsts, llInsts: countLlInsts(llText),
      cgtsTotal: medianMs(total), cgtsParse: medianMs(parse), cgtsVerify: medianMs(verify), cgtsCompile: medianMs(comp),
      llcWall: medianMs(wall), llcStart: medianMs(start), llcCodegen: median(codegen), llcParse: median(llparse),
    };
    rows.push(row);
    const rate = (ms: number) => fmtRate(clifInsts / (ms / 1000)).padStart(11);
    const f = (x: Ms) => `${x.wall.toFixed(1).padStart(8)} ${x.cpu.toFixed(1).padStart(8)}   ${rate(x.wall)} ${rate(x.cpu)}`;
    const corr: Ms = { wall: row.llcWall.wall - row.llcStart.wall, cpu: row.llcWall.cpu - row.llcStart.cpu };
    console.log(`\n  ${n} functions: ${clifInsts} CLIF insts, ${row.llInsts} LLVM insts; ${reps} runs each (insts/s use the CLIF count for both)`);
    console.log('                                           wall ms   CPU ms   insts/s wall    insts/s CPU');
    console.log(`    cgts read+parse+verify+compile+write ${f(row.cgtsTotal)}`);
    console.log(`      of which read+parse                ${f(row.cgtsParse)}`);
    console.log(`      of which verify                    ${f(row.cgtsVerify)}`);
    console.log(`    cgts compileObject alone             ${f(row.cgtsCompile)}`);
    console.log(`    llc process                          ${f(row.llcWall)}`);
    console.log(`    llc process - empty-module start-up  ${f(corr)}   (start-up ${row.llcStart.wall.toFixed(1)} wall, ${row.llcStart.cpu.toFixed(1)} CPU)`);
    console.log(`    llc -time-passes: IR parsing         ${''.padStart(8)} ${row.llcParse.toFixed(1).padStart(8)}`);
    console.log(`    llc -time-passes: code generation    ${''.padStart(8)} ${row.llcCodegen.toFixed(1).padStart(8)}   ${''.padStart(11)} ${rate(row.llcCodegen)}`);
    console.log(`    cgts faster by (wall / CPU): total vs llc ${(row.llcWall.wall / row.cgtsTotal.wall).toFixed(2)}x / ${(row.llcWall.cpu / row.cgtsTotal.cpu).toFixed(2)}x, ` +
      `vs llc - start-up ${(corr.wall / row.cgtsTotal.wall).toFixed(2)}x / ${(corr.cpu / row.cgtsTotal.cpu).toFixed(2)}x, ` +
      `compileObject vs llc codegen passes (CPU) ${(row.llcCodegen / row.cgtsCompile.cpu).toFixed(2)}x`);
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Part 2: run time of generated code. Each kernel is written as CLIF (symbol
// cg_<name>) and as LLVM IR (ll_<name>); one C driver built with cc -O2 calls
// both, interleaved, timing each call with CLOCK_PROCESS_CPUTIME_ID.

interface Kernel {
  name: string;
  /** C expression calling the kernel with prefix P (cg_ or ll_), argument size `n`; yields an int64 or a double. */
  call: string;
  /** C declaration template, `P` standing for the prefix. */
  decl: string;
  /** Size for timing runs and for the callgrind run. */
  timeN: number;
  countN: number;
  clif: (p: string) => string;
  ll: (p: string) => string;
}

const KERNELS: Kernel[] = [
  {
    name: 'sum_mix', decl: 'int64_t P(int64_t)', call: 'P(n)', timeN: 30_000_000, countN: 300_000,
    clif: (p) => `
function %${p}sum_mix(i64) -> i64 {
block0(v0: i64):
    v1 = iconst.i64 0
    jump block1(v1, v1)
block1(v2: i64, v3: i64):
    v4 = iconst.i64 3
    v5 = imul v2, v4
    v6 = iconst.i64 2
    v7 = ushr v2, v6
    v8 = bxor v5, v7
    v9 = iconst.i64 7
    v10 = band v2, v9
    v11 = isub v8, v10
    v12 = iadd v3, v11
    v13 = iconst.i64 1
    v14 = iadd v2, v13
    v15 = icmp slt v14, v0
    brif v15, block1(v14, v12), block2
block2:
    return v12
}`,
    ll: (p) => `
define i64 @${p}sum_mix(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %acc = phi i64 [ 0, %entry ], [ %acc1, %loop ]
  %a = mul i64 %i, 3
  %b = lshr i64 %i, 2
  %c = xor i64 %a, %b
  %d = and i64 %i, 7
  %e = sub i64 %c, %d
  %acc1 = add i64 %acc, %e
  %i1 = add i64 %i, 1
  %cmp = icmp slt i64 %i1, %n
  br i1 %cmp, label %loop, label %exit
exit:
  ret i64 %acc1
}`,
  },
  {
    name: 'matmul', decl: 'void P(int64_t *, int64_t *, int64_t *, int64_t)', call: '(P(ma, mb, mc, n), checksum(mc, n))', timeN: 160, countN: 40,
    clif: (p) => `
function %${p}matmul(i64, i64, i64, i64) {
block0(v0: i64, v1: i64, v2: i64, v3: i64):
    v4 = iconst.i64 0
    v30 = iconst.i64 3
    v31 = iconst.i64 1
    jump block1(v4)
block1(v5: i64):
    jump block2(v4)
block2(v6: i64):
    jump block3(v4, v4)
block3(v7: i64, v8: i64):
    v9 = imul v5, v3
    v10 = iadd v9, v7
    v11 = ishl v10, v30
    v12 = iadd v0, v11
    v13 = load.i64 v12
    v14 = imul v7, v3
    v15 = iadd v14, v6
    v16 = ishl v15, v30
    v17 = iadd v1, v16
    v18 = load.i64 v17
    v19 = imul v13, v18
    v20 = iadd v8, v19
    v21 = iadd v7, v31
    v22 = icmp slt v21, v3
    brif v22, block3(v21, v20), block4
block4:
    v23 = imul v5, v3
    v24 = iadd v23, v6
    v25 = ishl v24, v30
    v26 = iadd v2, v25
    store v20, v26
    v27 = iadd v6, v31
    v28 = icmp slt v27, v3
    brif v28, block2(v27), block5
block5:
    v29 = iadd v5, v31
    v32 = icmp slt v29, v3
    brif v32, block1(v29), block6
block6:
    return
}`,
    ll: (p) => `
define void @${p}matmul(ptr %a, ptr %b, ptr %c, i64 %n) {
entry:
  br label %li
li:
  %i = phi i64 [ 0, %entry ], [ %i1, %lj_end ]
  br label %lj
lj:
  %j = phi i64 [ 0, %li ], [ %j1, %lk_end ]
  br label %lk
lk:
  %k = phi i64 [ 0, %lj ], [ %k1, %lk ]
  %sum = phi i64 [ 0, %lj ], [ %sum1, %lk ]
  %in = mul i64 %i, %n
  %ik = add i64 %in, %k
  %pa = getelementptr inbounds i64, ptr %a, i64 %ik
  %va = load i64, ptr %pa, align 8
  %kn = mul i64 %k, %n
  %kj = add i64 %kn, %j
  %pb = getelementptr inbounds i64, ptr %b, i64 %kj
  %vb = load i64, ptr %pb, align 8
  %m = mul i64 %va, %vb
  %sum1 = add i64 %sum, %m
  %k1 = add i64 %k, 1
  %ck = icmp slt i64 %k1, %n
  br i1 %ck, label %lk, label %lk_end
lk_end:
  %in2 = mul i64 %i, %n
  %ij = add i64 %in2, %j
  %pc = getelementptr inbounds i64, ptr %c, i64 %ij
  store i64 %sum1, ptr %pc, align 8
  %j1 = add i64 %j, 1
  %cj = icmp slt i64 %j1, %n
  br i1 %cj, label %lj, label %lj_end
lj_end:
  %i1 = add i64 %i, 1
  %ci = icmp slt i64 %i1, %n
  br i1 %ci, label %li, label %exit
exit:
  ret void
}`,
  },
  {
    name: 'fib', decl: 'int64_t P(int64_t)', call: 'P(n)', timeN: 30, countN: 20,
    clif: (p) => `
function %${p}fib(i64) -> i64 {
    fn0 = colocated %${p}fib(i64) -> i64
block0(v0: i64):
    v1 = iconst.i64 2
    v2 = icmp slt v0, v1
    brif v2, block1, block2
block1:
    return v0
block2:
    v3 = iconst.i64 1
    v4 = isub v0, v3
    v5 = call fn0(v4)
    v6 = isub v0, v1
    v7 = call fn0(v6)
    v8 = iadd v5, v7
    return v8
}`,
    ll: (p) => `
define i64 @${p}fib(i64 %n) {
entry:
  %c = icmp slt i64 %n, 2
  br i1 %c, label %base, label %rec
base:
  ret i64 %n
rec:
  %n1 = sub i64 %n, 1
  %a = call i64 @${p}fib(i64 %n1)
  %n2 = sub i64 %n, 2
  %b = call i64 @${p}fib(i64 %n2)
  %s = add i64 %a, %b
  ret i64 %s
}`,
  },
  {
    name: 'f64_loop', decl: 'double P(int64_t)', call: 'P(n)', timeN: 20_000_000, countN: 200_000,
    clif: (p) => `
function %${p}f64_loop(i64) -> f64 {
block0(v0: i64):
    v1 = iconst.i64 0
    v2 = f64const 0.0
    jump block1(v1, v2)
block1(v3: i64, v4: f64):
    v5 = fcvt_from_sint.f64 v3
    v6 = f64const 0x1.0p-1
    v7 = fmul v5, v6
    v8 = f64const 0x1.0p0
    v9 = fadd v5, v8
    v10 = fdiv v7, v9
    v11 = f64const 0x1.8p-1
    v12 = fmul v4, v11
    v13 = fadd v12, v10
    v14 = f64const 0x1.0p-2
    v15 = fsub v13, v14
    v16 = iconst.i64 1
    v17 = iadd v3, v16
    v18 = icmp slt v17, v0
    brif v18, block1(v17, v15), block2
block2:
    return v15
}`,
    ll: (p) => `
define double @${p}f64_loop(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %x = phi double [ 0.0, %entry ], [ %x3, %loop ]
  %fi = sitofp i64 %i to double
  %h = fmul double %fi, 0x3FE0000000000000
  %d = fadd double %fi, 0x3FF0000000000000
  %q = fdiv double %h, %d
  %x1 = fmul double %x, 0x3FE8000000000000
  %x2 = fadd double %x1, %q
  %x3 = fsub double %x2, 0x3FD0000000000000
  %i1 = add i64 %i, 1
  %c = icmp slt i64 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret double %x3
}`,
  },
  {
    name: 'stack_hist', decl: 'int64_t P(int64_t, int64_t)', call: 'P(n, 12345)', timeN: 20_000_000, countN: 200_000,
    clif: (p) => `
function %${p}stack_hist(i64, i64) -> i64 {
    ss0 = explicit_slot 2048, align = 16
block0(v0: i64, v1: i64):
    v2 = stack_addr.i64 ss0
    v3 = iconst.i64 0
    v4 = iconst.i64 1
    v5 = iconst.i64 3
    v6 = iconst.i64 256
    jump block1(v3)
block1(v7: i64):
    v8 = ishl v7, v5
    v9 = iadd v2, v8
    store v3, v9
    v10 = iadd v7, v4
    v11 = icmp slt v10, v6
    brif v11, block1(v10), block2(v3, v1)
block2(v12: i64, v13: i64):
    v14 = iconst.i64 6364136223846793005
    v15 = imul v13, v14
    v16 = iconst.i64 1442695040888963407
    v17 = iadd v15, v16
    v18 = iconst.i64 56
    v19 = ushr v17, v18
    v20 = ishl v19, v5
    v21 = iadd v2, v20
    v22 = load.i64 v21
    v23 = iadd v22, v12
    store v23, v21
    v24 = iadd v12, v4
    v25 = icmp slt v24, v0
    brif v25, block2(v24, v17), block3(v3, v3)
block3(v26: i64, v27: i64):
    v28 = ishl v26, v5
    v29 = iadd v2, v28
    v30 = load.i64 v29
    v31 = imul v30, v26
    v32 = bxor v27, v31
    v33 = iadd v26, v4
    v34 = icmp slt v33, v6
    brif v34, block3(v33, v32), block4
block4:
    return v32
}`,
    ll: (p) => `
define i64 @${p}stack_hist(i64 %n, i64 %seed) {
entry:
  %h = alloca [256 x i64], align 16
  br label %zero
zero:
  %z = phi i64 [ 0, %entry ], [ %z1, %zero ]
  %pz = getelementptr inbounds i64, ptr %h, i64 %z
  store i64 0, ptr %pz, align 8
  %z1 = add i64 %z, 1
  %cz = icmp slt i64 %z1, 256
  br i1 %cz, label %zero, label %fill
fill:
  %i = phi i64 [ 0, %zero ], [ %i1, %fill ]
  %s = phi i64 [ %seed, %zero ], [ %s2, %fill ]
  %s1 = mul i64 %s, 6364136223846793005
  %s2 = add i64 %s1, 1442695040888963407
  %idx = lshr i64 %s2, 56
  %pi = getelementptr inbounds i64, ptr %h, i64 %idx
  %old = load i64, ptr %pi, align 8
  %new = add i64 %old, %i
  store i64 %new, ptr %pi, align 8
  %i1 = add i64 %i, 1
  %ci = icmp slt i64 %i1, %n
  br i1 %ci, label %fill, label %sum
sum:
  %j = phi i64 [ 0, %fill ], [ %j1, %sum ]
  %acc = phi i64 [ 0, %fill ], [ %acc1, %sum ]
  %pj = getelementptr inbounds i64, ptr %h, i64 %j
  %v = load i64, ptr %pj, align 8
  %m = mul i64 %v, %j
  %acc1 = xor i64 %acc, %m
  %j1 = add i64 %j, 1
  %cj = icmp slt i64 %j1, 256
  br i1 %cj, label %sum, label %exit
exit:
  ret i64 %acc1
}`,
  },
];

function driverC(): string {
  const L: string[] = [
    '#define _POSIX_C_SOURCE 199309L',
    '#include <stdint.h>', '#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include <time.h>',
    'static int64_t *ma, *mb, *mc;',
    'static double cpu_ns(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec * 1e9 + t.tv_nsec; }',
    'static int64_t checksum(int64_t *m, int64_t n) { int64_t s = 0; for (int64_t i = 0; i < n * n; i++) s = s * 31 + m[i]; return s; }',
    '/* the matrices for matmul (the only kernel whose n is small enough) */',
    'static void setup(int64_t n) {',
    '  if (n > 4096) return;',
    '  free(ma); free(mb); free(mc);',
    '  ma = malloc(n * n * 8); mb = malloc(n * n * 8); mc = malloc(n * n * 8);',
    '  for (int64_t i = 0; i < n * n; i++) { ma[i] = (i * 7) % 13 - 6; mb[i] = (i * 5) % 11 - 5; mc[i] = 0; }',
    '}',
    'static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }',
  ];
  for (const k of KERNELS) {
    for (const p of ['cg_', 'll_']) {
      L.push(`extern ${k.decl.replace('P', p + k.name)};`);
      const call = k.call.replace('P', p + k.name);
      const isF = k.decl.startsWith('double');
      // noinline wrappers: the callgrind run counts instructions from entry to exit of run_<prefix><kernel>
      L.push(`__attribute__((noinline)) static void run_${p}${k.name}(int64_t n, char *out) {`,
        `  ${isF ? 'double' : 'int64_t'} r = ${call};`,
        `  snprintf(out, 64, "${isF ? '%.17g' : '%lld'}", ${isF ? 'r' : '(long long)r'});`, '}');
    }
  }
  L.push('int main(int argc, char **argv) {',
    '  /* time <reps>: every kernel, both versions interleaved; one <kernel> <prefix> <n>: one call */',
    '  char out[64], out2[64];',
    '  if (argc == 5 && !strcmp(argv[1], "one")) {',
    '    int64_t n = atoll(argv[4]); setup(n);');
  for (const k of KERNELS) for (const p of ['cg_', 'll_']) {
    L.push(`    if (!strcmp(argv[2], "${k.name}") && !strcmp(argv[3], "${p}")) { run_${p}${k.name}(n, out); printf("%s\\n", out); return 0; }`);
  }
  L.push('    return 2;', '  }',
    '  int reps = argc > 2 ? atoi(argv[2]) : 5;',
    '  double tc[64], tl[64];');
  for (const k of KERNELS) {
    L.push('  {',
      `    int64_t n = ${k.timeN}; setup(n);`,
      `    run_cg_${k.name}(n, out); run_ll_${k.name}(n, out2);`,
      '    for (int r = 0; r < reps; r++) {',
      `      double t0 = cpu_ns(); run_cg_${k.name}(n, out); double t1 = cpu_ns(); run_ll_${k.name}(n, out2); double t2 = cpu_ns();`,
      '      tc[r] = t1 - t0; tl[r] = t2 - t1;',
      '    }',
      '    qsort(tc, reps, sizeof(double), cmp); qsort(tl, reps, sizeof(double), cmp);',
      `    printf("${k.name} %lld %s %s %.0f %.0f\\n", (long long)n, out, out2, tc[reps / 2], tl[reps / 2]);`,
      '  }');
  }
  L.push('  return 0;', '}');
  return L.join('\n');
}

interface RunRow {
  kernel: string;
  n: number;
  cgResult: string;
  llResult: string;
  cgNs: number;
  llNs: number;
  countN: number;
  cgIr: number | null;
  llIr: number | null;
}

function callgrindCount(exe: string, dir: string, kernel: string, prefix: string, n: number): { ir: number; result: string } {
  const outFile = join(dir, `cg.${kernel}.${prefix}out`);
  const r = sh('valgrind', ['--tool=callgrind', `--callgrind-out-file=${outFile}`, `--toggle-collect=run_${prefix}${kernel}`, exe, 'one', kernel, prefix, String(n)], 'callgrind');
  const m = /^totals:\s*(\d+)/m.exec(readFileSync(outFile, 'utf8')) ?? /^summary:\s*(\d+)/m.exec(readFileSync(outFile, 'utf8'));
  if (!m) throw new Error(`no totals in ${outFile}`);
  return { ir: Number(m[1]), result: r.stdout.trim() };
}

function benchRun(args: Args, dir: string): RunRow[] {
  const clifText = KERNELS.map((k) => k.clif('cg_')).join('\n');
  const llText = 'target triple = "x86_64-unknown-linux-gnu"\n' + KERNELS.map((k) => k.ll('ll_')).join('\n');
  const fs = parseClifFile(clifText, 'kernels.clif').functions.map((p) => p.func);
  for (const f of fs) {
    const errs = verifyFunction(f);
    if (errs.length) throw new Error(`kernel ${f.name} fails verification: ${JSON.stringify(errs[0])}`);
  }
  const cgObj = join(dir, 'kernels-cgts.o'), llPath = join(dir, 'kernels.ll'), llObj = join(dir, 'kernels-llc.o');
  const drvPath = join(dir, 'driver.c'), exe = join(dir, 'kernels');
  writeFileSync(cgObj, compileObject(fs, {}));
  writeFileSync(llPath, llText);
  sh('llc-22', [...LLC_ARGS, llPath, '-o', llObj], 'llc kernels');
  writeFileSync(drvPath, driverC());
  sh('cc', ['-O2', drvPath, cgObj, llObj, '-o', exe], 'link kernels');

  const reps = Math.max(args.reps, 5);
  console.log(`\nrun time of generated code: cc -O2 driver, CPU time per call (CLOCK_PROCESS_CPUTIME_ID), median of ${reps}, cgts and llc-22 -O0 interleaved`);
  const out = sh(exe, ['time', String(reps)], 'run kernels').stdout;
  const rows: RunRow[] = [];
  const grind = hasTool('valgrind');
  for (const line of out.trim().split('\n')) {
    const [kernel, n, cgResult, llResult, cgNs, llNs] = line.split(' ');
    const k = KERNELS.find((x) => x.name === kernel)!;
    const row: RunRow = { kernel, n: Number(n), cgResult, llResult, cgNs: Number(cgNs), llNs: Number(llNs), countN: k.countN, cgIr: null, llIr: null };
    if (grind) {
      const a = callgrindCount(exe, dir, kernel, 'cg_', k.countN), b = callgrindCount(exe, dir, kernel, 'll_', k.countN);
      if (a.result !== b.result) throw new Error(`${kernel}(${k.countN}): cgts gives ${a.result}, llc gives ${b.result}`);
      row.cgIr = a.ir;
      row.llIr = b.ir;
    }
    rows.push(row);
    const same = cgResult === llResult ? 'same result' : 'RESULTS DIFFER';
    console.log(`  ${kernel.padEnd(10)} n=${String(n).padEnd(9)} cgts ${(row.cgNs / 1e6).toFixed(2).padStart(8)} ms  llc ${(row.llNs / 1e6).toFixed(2).padStart(8)} ms  ` +
      `llc/cgts ${(row.llNs / row.cgNs).toFixed(2)}x  result ${cgResult} (${same})`);
    if (row.cgIr !== null && row.llIr !== null) {
      console.log(`  ${''.padEnd(10)} n=${String(k.countN).padEnd(9)} callgrind instructions: cgts ${fmtRate(row.cgIr)}  llc ${fmtRate(row.llIr)}  llc/cgts ${(row.llIr / row.cgIr).toFixed(2)}x`);
    }
    if (cgResult !== llResult) throw new Error(`${kernel}: cgts gives ${cgResult}, llc gives ${llResult}`);
  }
  return rows;
}

// ---------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
for (const t of ['llc-22', 'cc']) {
  if (spawnSync(t, ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log(`bench:llvm needs ${t} on PATH; skipped`);
    process.exit(0);
  }
}
const dir = mkdtempSync(join(tmpdir(), 'cgts-vs-llvm-'));
try {
  const load0 = loadavg()[0];
  const crows = args.compile ? benchCompile(args, dir) : [];
  const rrows = args.run ? benchRun(args, dir) : [];
  console.log(`\nsummary (how many times faster cgts is; load average ${load0.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end)`);
  if (crows.length) {
    console.log('  compile   funcs  CLIF insts   total vs llc (wall/CPU)   total vs llc-startup (wall/CPU)   compileObject vs llc codegen (CPU)');
    for (const r of crows) {
      const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
      const both = (a: Ms, b: Ms) => `${x(a.wall, b.wall)} / ${x(a.cpu, b.cpu)}`;
      const corr = { wall: r.llcWall.wall - r.llcStart.wall, cpu: r.llcWall.cpu - r.llcStart.cpu };
      console.log(`  ${''.padEnd(8)}${String(r.funcs).padStart(6)} ${String(r.clifInsts).padStart(11)} ${both(r.llcWall, r.cgtsTotal).padStart(25)} ` +
        `${both(corr, r.cgtsTotal).padStart(33)} ${x(r.llcCodegen, r.cgtsCompile.cpu).padStart(36)}`);
    }
  }
  if (rrows.length) {
    console.log('  run       kernel      CPU time llc/cgts  callgrind instructions llc/cgts');
    for (const r of rrows) {
      const ir = r.cgIr !== null && r.llIr !== null ? `${(r.llIr / r.cgIr).toFixed(2)}x` : 'n/a';
      console.log(`  ${''.padEnd(8)}${r.kernel.padEnd(12)} ${(r.llNs / r.cgNs).toFixed(2).padStart(16)}x ${ir.padStart(30)}`);
    }
  }
} finally {
  if (!process.env.CGTS_BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(`kept ${dir}`);
}
