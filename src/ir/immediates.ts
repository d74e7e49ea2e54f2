// The small enumerations CLIF instructions carry as immediates: condition
// codes, trap codes, memory flags, atomic operations, calling conventions and
// ABI parameter flags. Each is a table of text names indexed by its code.

export const enum IntCC { Eq, Ne, Slt, Sge, Sgt, Sle, Ult, Uge, Ugt, Ule }
export const intCCNames = ['eq', 'ne', 'slt', 'sge', 'sgt', 'sle', 'ult', 'uge', 'ugt', 'ule'];
/** The condition that holds exactly when `cc` does not. */
export function invertIntCC(cc: IntCC): IntCC {
  return [IntCC.Ne, IntCC.Eq, IntCC.Sge, IntCC.Slt, IntCC.Sle, IntCC.Sgt, IntCC.Uge, IntCC.Ult, IntCC.Ule, IntCC.Ugt][cc];
}
/** The condition with its operands swapped (a < b  <=>  b > a). */
export function swapIntCC(cc: IntCC): IntCC {
  return [IntCC.Eq, IntCC.Ne, IntCC.Sgt, IntCC.Sle, IntCC.Slt, IntCC.Sge, IntCC.Ugt, IntCC.Ule, IntCC.Ult, IntCC.Uge][cc];
}

export const enum FloatCC { Ord, Uno, Eq, Ne, One, Ueq, Lt, Le, Gt, Ge, Ult, Ule, Ugt, Uge }
export const floatCCNames = ['ord', 'uno', 'eq', 'ne', 'one', 'ueq', 'lt', 'le', 'gt', 'ge', 'ult', 'ule', 'ugt', 'uge'];

/** Trap codes: the built-in ones are 1..5; `userN` (N in 1..255) is 256 + N. */
export const enum TrapCode { None = 0, StackOverflow = 1, HeapOutOfBounds = 2, IntegerOverflow = 3, IntegerDivisionByZero = 4, BadConversionToInteger = 5, UserBase = 256 }
const trapNames = ['', 'stk_ovf', 'heap_oob', 'int_ovf', 'int_divz', 'bad_toint'];
export function trapCodeName(code: number): string {
  return code >= TrapCode.UserBase ? `user${code - TrapCode.UserBase}` : trapNames[code] ?? `trap${code}`;
}
/** Returns the trap code for a name, or -1. */
export function parseTrapCode(word: string): number {
  const i = trapNames.indexOf(word);
  if (i > 0) return i;
  const m = /^user([1-9][0-9]*)$/.exec(word);
  if (m) {
    const n = Number(m[1]);
    if (n <= 255) return TrapCode.UserBase + n;
  }
  return -1;
}

export const enum AtomicRmwOp { Add, Sub, And, Nand, Or, Xor, Xchg, Umin, Umax, Smin, Smax }
export const atomicRmwOpNames = ['add', 'sub', 'and', 'nand', 'or', 'xor', 'xchg', 'umin', 'umax', 'smin', 'smax'];

/**
 * Memory flags in one number: bits 0..5 are the boolean flags below; bits 8..
 * hold an explicit trap code (0 = the default, heap_oob, unless notrap).
 */
export const enum MemFlag { Notrap = 1, Aligned = 2, Readonly = 4, Little = 8, Big = 16, CanMove = 32, TrapShift = 8 }
export const memFlagNames: [string, number][] = [
  ['notrap', MemFlag.Notrap],
  ['aligned', MemFlag.Aligned],
  ['readonly', MemFlag.Readonly],
  ['little', MemFlag.Little],
  ['big', MemFlag.Big],
  ['can_move', MemFlag.CanMove],
];
export function memFlagsTrapCode(flags: number): number {
  return flags >>> MemFlag.TrapShift;
}
export function printMemFlags(flags: number): string {
  let s = '';
  for (const [name, bit] of memFlagNames) if (flags & bit) s += ' ' + name;
  const trap = memFlagsTrapCode(flags);
  if (trap !== 0) s += ' ' + trapCodeName(trap);
  return s;
}

export const enum CallConv { Fast, Tail, SystemV, WindowsFastcall, AppleAarch64, Probestack, Winch, PreserveAll }
export const callConvNames = ['fast', 'tail', 'system_v', 'windows_fastcall', 'apple_aarch64', 'probestack', 'winch', 'preserve_all'];

/** An ABI parameter's flags: extension and purpose, packed. `sarg(N)` keeps N in bits 8... */
export const enum ParamFlag { None = 0, Uext = 1, Sext = 2, Sret = 4, Vmctx = 8, Normal = 16, SargShift = 8 }
