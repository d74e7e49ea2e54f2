// The parsed form of a `.clif` file: header commands, the functions with the
// text position of each instruction (for diagnostics), and their `; run:` and
// `; print:` directives. Produced by parser.ts; consumed by the filetest runner.

import type { Function } from './function.js';
import type { DataValue } from './datavalue.js';

/** A `test <name> [options]` line. */
export interface TestCommand {
  name: string;
  options: string[];
  line: number;
}

/** A `target <isa> [flags]` line, with the `set` flags in force when it was read. */
export interface TargetSpec {
  isa: string;
  flags: string[];
  settings: [string, string][];
  line: number;
}

/**
 * `; run: %f(1, 2) == 3`, `; run: %f(1) == [2, 0]`, a bare `; run`
 * (compare "result != 0"), or `; print: %f(1)`.
 */
export interface RunCommand {
  kind: 'run' | 'print';
  /** `==`, `!=`, or `bare` for the legacy form without an invocation. */
  compare: '==' | '!=' | 'bare';
  /** The name written in the invocation (may differ from the owning function). */
  funcName: string;
  args: DataValue[];
  expected: DataValue[];
  line: number;
  column: number;
}

export interface ParsedFunction {
  func: Function;
  /** 1-based line of the `function` keyword. */
  line: number;
  /** 1-based text line of each instruction, indexed by instruction id. */
  instLines: Int32Array;
  /** Value names as written (`v7`) by dense value id, for messages. */
  valueNames: string[];
  /** Block names as written (`block3`) by dense block id. */
  blockNames: string[];
  runs: RunCommand[];
  /** Comment lines inside the function (for `; check:` style directives), with their line numbers. */
  comments: { text: string; line: number }[];
}

export interface ClifFile {
  fileName: string;
  tests: TestCommand[];
  /** `set` lines before the first target (and all of them if there is no target). */
  settings: [string, string][];
  targets: TargetSpec[];
  functions: ParsedFunction[];
}
