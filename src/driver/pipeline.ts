// The pipeline, top to bottom: bitcode bytes in, ELF object bytes out. Each
// step is one named call with its own timer.

import { readModule } from '../bitcode/reader.js';
import { translateModule } from '../translate/module.js';
import { verifyOrThrow } from '../ir/verifier.js';
import { printFunction } from '../ir/printer.js';
import { compileClifModule } from '../x64/compile.js';
import type { ClifModule } from '../ir/module.js';

export interface PipelineOptions {
  /** Also return the translated CLIF as text. */
  emitClif?: boolean;
  /** Run the CLIF verifier on every translated function (default true). */
  verify?: boolean;
  /** Accumulates milliseconds per step name when given. */
  timers?: Map<string, number>;
}

export interface PipelineResult {
  object: Uint8Array;
  clif?: string;
}

function timed<T>(timers: Map<string, number> | undefined, step: string, f: () => T): T {
  if (!timers) return f();
  const t0 = performance.now();
  try {
    return f();
  } finally {
    timers.set(step, (timers.get(step) ?? 0) + performance.now() - t0);
  }
}

/** Compiles one bitcode module (an --emit=llvm-bc file or a -Clinker-plugin-lto object) to an ELF object. */
export function compileBitcode(bytes: Uint8Array, fileName: string, opts: PipelineOptions = {}): PipelineResult {
  const t = opts.timers;
  const m = timed(t, 'read', () => readModule(bytes, fileName));
  const mod = timed(t, 'translate', () => translateModule(m));
  if (opts.verify !== false) timed(t, 'verify', () => verifyModule(mod, fileName));
  const clif = opts.emitClif ? mod.funcs.map(printFunction).join('\n') : undefined;
  const object = timed(t, 'codegen', () => compileClifModule(mod, {
    llvmAbiExtensions: true,
    multiRetImplicitSret: true,
    isaFlags: new Set<string>(),
  }).bytes);
  return { object, clif };
}

function verifyModule(mod: ClifModule, fileName: string): void {
  for (const f of mod.funcs) verifyOrThrow(f, `${fileName}: translation of ${f.name}`);
}
