// The pipeline, top to bottom: bitcode bytes in, ELF object bytes out. Each
// step is one named call with its own timer.

import { readModule } from '../bitcode/reader.js';
import { translateModule } from '../translate/module.js';

export interface PipelineOptions {
  /** Also return the translated CLIF as text. */
  emitClif?: boolean;
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
  timed(t, 'translate', () => translateModule(m));
  throw new Error('internal error: object writing for translated modules is not implemented yet');
}
