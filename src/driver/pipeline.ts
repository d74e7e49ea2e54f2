// The pipeline, top to bottom: bitcode bytes in, ELF object bytes out. Each
// step is one named call with its own timer. Functions stream through one
// reused CLIF Function: translate, verify, compile, forget.

import { readModule } from '../bitcode/reader.js';
import { FunctionTranslator, functionSymbol, moduleData } from '../translate/module.js';
import { Function } from '../ir/function.js';
import { verifyOrThrow } from '../ir/verifier.js';
import { printFunction } from '../ir/printer.js';
import { ModuleCompiler } from '../x64/compile.js';
import { UnitBuilder, moduleDwarfVersion } from '../debuginfo/unit.js';

export interface PipelineOptions {
  /** Also return the translated CLIF as text. */
  emitClif?: boolean;
  /**
   * Run the CLIF verifier on every translated function. Off by default, as
   * Cranelift's `enable_verifier` is in production embedders: it checks the
   * translator, not the user's input. On with `cgts compile --verify` and
   * CGTS_VERIFY=1 (the test suite sets it, so every test build is verified).
   */
  verify?: boolean;
  /** Accumulates milliseconds per step name when given. */
  timers?: Map<string, number>;
}

export interface PipelineResult {
  object: Uint8Array;
  clif?: string;
}

const now = () => performance.now();

/** CGTS_VERIFY=1 asks for the verifier wherever the pipeline runs (rustc wrapper, link shim, compile server). */
export const verifyRequested = () => process.env.CGTS_VERIFY === '1';

/** The CLIF function every function of every module is translated into in turn (its arrays are reused, grown once). */
const scratchFunction = new Function();

/** Compiles one bitcode module (an --emit=llvm-bc file or a -Clinker-plugin-lto object) to an ELF object. */
export function compileBitcode(bytes: Uint8Array, fileName: string, opts: PipelineOptions = {}): PipelineResult {
  const timers = opts.timers;
  const add = (step: string, t0: number) => { if (timers) timers.set(step, (timers.get(step) ?? 0) + now() - t0); };
  let t0 = now();
  const m = readModule(bytes, fileName);
  add('read', t0);

  t0 = now();
  const data = moduleData(m);
  add('data', t0);
  // DWARF only for modules built with -g (they have a compile unit)
  t0 = now();
  const dwarf = moduleDwarfVersion(m);
  if (dwarf !== 0) add('debuginfo', t0);
  // i128 atomics are translated only in functions whose target features enable cmpxchg16b
  const ft = new FunctionTranslator(m);
  // a srcloc is the index of an LLVM debug location of the function being
  // compiled: five numbers (line, column, scope, inlined-at, implicit code)
  const srclocLine = (r: number): number => ft.tx.body.locs.data[5 * r]!;
  const srclocInlinedAt = (r: number): number => ft.tx.body.locs.data[5 * r + 3]!;
  const mc = new ModuleCompiler({
    llvmAbiExtensions: true, multiRetImplicitSret: true, isaFlags: new Set<string>(['has_cmpxchg16b']), debugInfo: dwarf !== 0, srclocLine,
    srclocInlinedAt,
  });
  mc.addData(data);
  const unit = dwarf !== 0 ? new UnitBuilder(m, mc.object, dwarf) : null;
  const f = scratchFunction;
  const clif: string[] = [];
  const verify = opts.verify ?? verifyRequested();
  for (let k = 0; k < m.bodies.length; k++) {
    t0 = now();
    ft.translate(k, f);
    add('translate', t0);
    if (verify) {
      t0 = now();
      verifyOrThrow(f, `${fileName}: translation of ${f.name}`);
      add('verify', t0);
    }
    if (opts.emitClif) clif.push(printFunction(f));
    t0 = now();
    // (256-bit vectors, from AVX intrinsics' lowerings, are kept whole or split into halves there)
    mc.addFunction(f, functionSymbol(m, k), ft.tx.dbgValues);
    add('codegen', t0);
    if (unit) {
      t0 = now();
      unit.addFunction(k, ft.tx.body, mc.debugFacts[mc.debugFacts.length - 1]!, ft.tx.allocaSlots, ft.tx.argSlots);
      add('debuginfo', t0);
    }
  }
  if (unit) {
    t0 = now();
    unit.finish();
    add('debuginfo', t0);
  }
  t0 = now();
  const object = mc.finish().bytes;
  add('write', t0);
  return { object, clif: opts.emitClif ? clif.join('\n') : undefined };
}
