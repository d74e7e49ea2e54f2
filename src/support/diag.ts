// User-facing errors. Every error a user can cause is a CgtsError: the CLI
// prints its message (with the place it names) and exits non-zero, without a
// JavaScript stack trace unless CGTS_BACKTRACE=1.

export class CgtsError extends Error {
  /** Where the problem is, e.g. `file.clif:3:7` or `crate foo, function bar`; may be empty. */
  readonly where: string;
  /** The exit status the CLI returns for it: 1 for bad input, 2 for a bad command line. */
  readonly exitCode: number;
  constructor(message: string, where = '', exitCode = 1) {
    super(message);
    this.name = 'CgtsError';
    this.where = where;
    this.exitCode = exitCode;
  }
  /** One line: `where: message`, or just the message. */
  describe(): string {
    return this.where ? `${this.where}: ${this.message}` : this.message;
  }
}

/** Several independent errors (e.g. one per module that could not be compiled); the CLI prints one line each. */
export class CgtsErrorList extends CgtsError {
  readonly errors: CgtsError[];
  constructor(errors: CgtsError[]) {
    super(errors.map((e) => e.describe()).join('\n'));
    this.errors = errors;
  }
}

/** Throws a CgtsError; for conditions the input can cause. */
export function fail(message: string, where = ''): never {
  throw new CgtsError(message, where);
}

/** Throws a CgtsError for a bad command line (exit status 2). */
export function usageError(message: string): never {
  throw new CgtsError(message, '', 2);
}

/** For internal invariants: a broken one is a bug in cgts, not in the input. */
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`internal error: ${message}`);
}

/**
 * An error as users see it: `cgts: error: ...` lines (one per error of a
 * CgtsErrorList), or `cgts: internal error: ...` for a bug in cgts, with the
 * JavaScript stack only when `backtrace` is set; and the exit status.
 */
export function errorReport(e: unknown, backtrace: boolean): { text: string; status: number } {
  if (e instanceof CgtsErrorList) {
    let text = '';
    for (const one of e.errors) text += `cgts: error: ${one.describe()}\n` + (backtrace && one.stack ? one.stack + '\n' : '');
    return { text, status: 1 };
  }
  if (e instanceof CgtsError) return { text: `cgts: error: ${e.describe()}\n` + (backtrace && e.stack ? e.stack + '\n' : ''), status: e.exitCode };
  const msg = e instanceof Error ? e.message : String(e);
  let text = `cgts: internal error: ${msg}\n`;
  if (backtrace && e instanceof Error && e.stack) text += e.stack + '\n';
  else text += 'cgts: (this is a bug in cgts; set CGTS_BACKTRACE=1 for a stack trace)\n';
  return { text, status: 101 };
}
