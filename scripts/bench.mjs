// Runs every benchmark in turn: CLIF parse+verify, code generation, bitcode reading,
// cgts next to llc-22 -O0 (compile speed and run time of the generated code).
// Each prints its own figures (ratios against LLVM where LLVM does the same job).
import { spawnSync } from 'node:child_process';

for (const name of ['bench:clif', 'bench:codegen', 'bench:bitcode', 'bench:llvm']) {
  console.log(`\n== npm run ${name}`);
  const r = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
