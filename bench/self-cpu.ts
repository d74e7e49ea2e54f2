// Loaded with `node --import` into the `cargo cgts` process by bench/cargo.ts:
// at exit, appends the process's own CPU seconds (user + system of all its
// threads: the compile server's workers, V8's compiler and GC threads; not
// its children cargo, rustc and the linker) as one line to the file
// CGTS_BENCH_SELF_CPU names.

import { appendFileSync } from 'node:fs';

const file = process.env.CGTS_BENCH_SELF_CPU;
if (file) {
  // only the process started with --import: its children inherit the variable but not the flag
  delete process.env.CGTS_BENCH_SELF_CPU;
  process.on('exit', () => {
    const u = process.cpuUsage();
    appendFileSync(file, `${(u.user + u.system) / 1e6}\n`);
  });
}
