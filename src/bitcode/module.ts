// The in-memory LLVM module model produced by the reader and consumed by the
// printer and the translator: dense integer ids throughout, typed-array columns
// for types, constants and instructions, function bodies decoded on demand.

import type { Abbrev, BitCursor } from './bitstream.js';
import type { MetadataTable } from './metadata.js';

const EMPTY_I32 = new Int32Array(0);

/** A growable Int32Array. */
export class I32Vec {
  data: Int32Array;
  length: number;
  constructor(cap = 16) {
    this.data = cap > 0 ? new Int32Array(cap) : EMPTY_I32;
    this.length = 0;
  }
  /** A full vector over `data` (which it owns from now on). */
  static over(data: Int32Array): I32Vec {
    const v = new I32Vec(0);
    v.data = data;
    v.length = data.length;
    return v;
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const d = new Int32Array(Math.max(4, this.data.length * 2));
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  at(i: number): number {
    return this.data[i]!;
  }
  /** The used part (a view). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

// ---------------------------------------------------------------- types

export const enum TypeKind {
  Void,
  Half,
  BFloat,
  Float,
  Double,
  X86Fp80,
  Fp128,
  PpcFp128,
  Label,
  Metadata,
  Token,
  X86Amx,
  X86Mmx,
  Integer,
  Pointer,
  Function,
  Struct,
  Array,
  Vector,
  TargetExt,
}

export const enum TypeFlag {
  Packed = 1,
  VarArg = 2,
  Scalable = 4,
  /** An identified (named) struct, printed as %name. */
  Identified = 8,
  /** An identified struct declared opaque (no body). */
  Opaque = 16,
}

/**
 * Types by dense id. `a`: integer width, pointer address space, element type
 * (array/vector) or return type (function). `count`: array/vector length.
 * `elems`: struct members or function parameters, as (start, n) in `pool`.
 */
export class TypeTable {
  kind: number[] = [];
  a: number[] = [];
  count: number[] = [];
  flags: number[] = [];
  start: number[] = [];
  n: number[] = [];
  pool: number[] = [];
  name: (string | undefined)[] = [];
  /** Target extension types: type parameters and integer parameters. */
  targetParams: (number[] | undefined)[] = [];

  get length(): number {
    return this.kind.length;
  }

  add(kind: number, a = 0, count = 0, flags = 0): number {
    this.kind.push(kind);
    this.a.push(a);
    this.count.push(count);
    this.flags.push(flags);
    this.start.push(0);
    this.n.push(0);
    this.name.push(undefined);
    this.targetParams.push(undefined);
    return this.kind.length - 1;
  }

  setElems(id: number, elems: ArrayLike<number>): void {
    this.start[id] = this.pool.length;
    this.n[id] = elems.length;
    for (let i = 0; i < elems.length; i++) this.pool.push(elems[i]!);
  }

  elem(id: number, i: number): number {
    return this.pool[this.start[id]! + i]!;
  }

  /** Finds or adds `ptr addrspace(as)`. */
  pointer(as = 0): number {
    for (let i = 0; i < this.kind.length; i++) if (this.kind[i] === TypeKind.Pointer && this.a[i] === as) return i;
    return this.add(TypeKind.Pointer, as);
  }

  /** Finds or adds a type of a kind without parameters (void, label, metadata...). */
  simple(kind: TypeKind): number {
    for (let i = 0; i < this.kind.length; i++) if (this.kind[i] === kind) return i;
    return this.add(kind);
  }

  isInt(id: number): boolean {
    return this.kind[id] === TypeKind.Integer;
  }
  isFloat(id: number): boolean {
    const k = this.kind[id]!;
    return k >= TypeKind.Half && k <= TypeKind.PpcFp128;
  }
  /** The scalar type of a vector, or the type itself. */
  scalar(id: number): number {
    return this.kind[id] === TypeKind.Vector ? this.a[id]! : id;
  }
  /** Member type `i` of an aggregate (struct, array, vector). */
  member(id: number, i: number): number {
    const k = this.kind[id];
    if (k === TypeKind.Struct) return i < this.n[id]! ? this.elem(id, i) : -1;
    if (k === TypeKind.Array || k === TypeKind.Vector) return this.a[id]!;
    return -1;
  }
}

// ---------------------------------------------------------------- attributes

export const enum AttrKindTag {
  Enum = 0,
  Int = 1,
  String = 3,
  StringValue = 4,
  Type = 6,
  TypeNone = 5,
  ConstantRange = 7,
  ConstantRangeList = 8,
}

/** One attribute: kind id (enum attrs) or key (strings), plus payload. */
export interface Attr {
  tag: AttrKindTag;
  kind: number;
  key: string;
  value: string;
  int: bigint;
  type: number;
  /** Constant ranges: bit width and (lower, upper) pairs. */
  width: number;
  ranges: bigint[];
}

/** An attribute group: the attributes at one index (0xFFFFFFFF = function, 0 = return, k = parameter k-1). */
export interface AttrGroup {
  id: number;
  index: number;
  attrs: Attr[];
}

export const ATTR_FUNCTION_INDEX = 0xffffffff;

/** An attribute list (PARAMATTR entry): the groups it is made of. */
export interface AttrList {
  groups: AttrGroup[];
}

// ---------------------------------------------------------------- constants

export const enum ConstKind {
  Null,
  Undef,
  Poison,
  /** `a`: index into `nums` (value as a signed safe number) or, if `b` = 1, into `bigs`. */
  Int,
  /** `a`: index into `bigs` (the raw bits as an unsigned bigint; x86_fp80/fp128 as 128-bit). */
  Float,
  /** ops: element value ids. */
  Aggregate,
  /** `a`: index into `strings` (byte string, one char per byte). */
  String,
  CString,
  /** ops: element values as numbers, or `bigs` indices when `b` = 1. */
  Data,
  /** `a`: cast opcode; ops: [operand]. */
  Cast,
  /** `a`: binop code, `b`: flags; ops: [lhs, rhs]. */
  Binop,
  /** `a`: source element type, `b`: flags; ops: [base, indices...]. */
  Gep,
  /** `a`: index into `asms`. */
  InlineAsm,
  /** ops: [function, block index]. */
  BlockAddress,
  DsoLocalEquivalent,
  NoCfi,
  /** ops: [operand]. */
  Unop,
  /** Other constant expressions (select, extractelement...): `a` = record code; ops = operands. */
  OtherExpr,
}

export interface InlineAsm {
  asm: string;
  constraints: string;
  sideEffect: boolean;
  alignStack: boolean;
  intelDialect: boolean;
  canThrow: boolean;
  fnType: number;
}

/** A table of constants (module-level or one function's), ids relative to `base`. */
export class ConstTable {
  /** Value id of the first constant. */
  base: number;
  kind: I32Vec;
  type: I32Vec;
  a: I32Vec;
  b: I32Vec;
  start: I32Vec;
  n: I32Vec;
  pool: I32Vec;
  nums: number[] = [];
  bigs: bigint[] = [];
  strings: string[] = [];
  asms: InlineAsm[] = [];

  constructor(base: number, capacity = 64) {
    this.base = base;
    this.kind = new I32Vec(capacity);
    this.type = new I32Vec(capacity);
    this.a = new I32Vec(capacity);
    this.b = new I32Vec(capacity);
    this.start = new I32Vec(capacity);
    this.n = new I32Vec(capacity);
    this.pool = new I32Vec(capacity);
  }

  get length(): number {
    return this.kind.length;
  }

  /** Empties the table (keeping its capacity) and sets its base. */
  reset(base: number): void {
    this.base = base;
    this.kind.length = 0;
    this.type.length = 0;
    this.a.length = 0;
    this.b.length = 0;
    this.start.length = 0;
    this.n.length = 0;
    this.pool.length = 0;
    this.nums.length = 0;
    this.bigs.length = 0;
    this.strings.length = 0;
    this.asms.length = 0;
  }

  add(kind: ConstKind, type: number, a = 0, b = 0): number {
    this.kind.push(kind);
    this.type.push(type);
    this.a.push(a);
    this.b.push(b);
    this.start.push(this.pool.length);
    return this.n.push(0);
  }

  /** Appends one operand to the constant most recently added. */
  addOp(v: number): void {
    this.pool.push(v);
    this.n.data[this.n.length - 1]!++;
  }

  op(c: number, i: number): number {
    return this.pool.data[this.start.data[c]! + i]!;
  }
}

// ---------------------------------------------------------------- globals

export const enum GlobalKind {
  Var,
  Function,
  Alias,
  IFunc,
}

/** One global value (variable, function, alias, ifunc); its value id is its index. */
export interface GlobalValue {
  kind: GlobalKind;
  name: string;
  /** Value type: the variable's type, the function type, the alias's aliasee type. */
  valueType: number;
  addrSpace: number;
  linkage: number;
  visibility: number;
  dllStorage: number;
  threadLocal: number;
  unnamedAddr: number;
  dsoLocal: boolean;
  /** log2(alignment)+1, 0 = none. */
  align: number;
  /** 1-based section index, 0 = none. */
  section: number;
  /** Comdat index + 1, 0 = none. */
  comdat: number;
  partition: string;
  // variables
  isConstant: boolean;
  externallyInitialized: boolean;
  /** Initializer value id + 1 (aliasee/resolver for aliases and ifuncs), 0 = none. */
  init: number;
  // functions
  callingConv: number;
  isProto: boolean;
  /** Attribute list index + 1, 0 = none. */
  attrs: number;
  gc: number;
  prefix: number;
  prologue: number;
  personality: number;
  preemption: number;
  /** Index of this function's body in Module.bodies, -1 for declarations. */
  body: number;
  /** Word offset from the module VST's FNENTRY, -1 when absent. */
  vstOffset: number;
}

export interface Comdat {
  name: string;
  selection: number;
}

/** Where a function block lies in the file, for lazy decoding. */
export interface BodyLocation {
  /** Global value index of the function. */
  fn: number;
  /** Bit position just after the block's length word, and end bit. */
  bodyPos: number;
  end: number;
  abbrevWidth: number;
  /** Bit position of the block's ENTER_SUBBLOCK. */
  blockPos: number;
}

export class Module {
  fileName: string;
  bytes: Uint8Array;
  identification = '';
  epoch = 0;
  version = 0;
  triple = '';
  dataLayout = '';
  sourceFilename = '';
  moduleAsm = '';
  sections: string[] = [];
  gcNames: string[] = [];
  comdats: Comdat[] = [];
  types = new TypeTable();
  attrGroups = new Map<number, AttrGroup>();
  attrLists: AttrList[] = [];
  globals: GlobalValue[] = [];
  consts: ConstTable = new ConstTable(0);
  /** Defined functions' bodies, in file order. */
  bodies: BodyLocation[] = [];
  metadataKinds: string[] = [];
  syncScopes: string[] = [];
  bundleTags: string[] = [];
  /** Bit ranges of the module-level METADATA blocks (decoded on demand by later work). */
  metadataBlocks: { pos: number; end: number; abbrevWidth: number }[] = [];
  /** Abbreviations from BLOCKINFO, shared by lazy function decoding. */
  blockInfo = new Map<number, Abbrev[]>();
  /** Bit position of the identification block (base of VST function offsets). */
  identPos = 0;
  /** Bit position of the module-level CONSTANTS block. */
  constsPos = 0;
  /** Type ids the function decoder needs often, found once (-1 = not looked up yet). */
  cachedTypes = { void: -1, label: -1, i1: -1, ptr0: -1 };
  /** The decoded metadata (metadata.ts readMetadata), once asked for. */
  metadata: MetadataTable | undefined = undefined;
  /** Named metadata nodes seen (names only). */
  namedMetadata: string[] = [];
  /** A cursor over `bytes` reused by successive body decodes. */
  cursor: BitCursor | undefined = undefined;

  constructor(fileName: string, bytes: Uint8Array) {
    this.fileName = fileName;
    this.bytes = bytes;
  }

  /** Number of module-level values (globals, then constants). */
  get numModuleValues(): number {
    return this.globals.length + this.consts.length;
  }
}

// ---------------------------------------------------------------- function bodies

/** Instruction opcodes of the model (not the bitcode record codes). */
export const enum Op {
  // binary (order matches the bitcode binop code; float variants follow)
  Add, Sub, Mul, UDiv, SDiv, URem, SRem, Shl, LShr, AShr, And, Or, Xor,
  FAdd, FSub, FMul, FDiv, FRem,
  // casts (order matches the bitcode cast code)
  Trunc, ZExt, SExt, FPToUI, FPToSI, UIToFP, SIToFP, FPTrunc, FPExt, PtrToInt, IntToPtr, BitCast, AddrSpaceCast, PtrToAddr,
  FNeg,
  ICmp, FCmp,
  Select, ExtractElement, InsertElement, ShuffleVector,
  ExtractValue, InsertValue,
  Alloca, Load, Store, GetElementPtr, Fence, CmpXchg, AtomicRMW,
  Ret, Br, Switch, IndirectBr, Invoke, Resume, Unreachable, CallBr,
  Phi, Call, LandingPad, VAArg, Freeze,
}

export const OP_NAMES = [
  'add', 'sub', 'mul', 'udiv', 'sdiv', 'urem', 'srem', 'shl', 'lshr', 'ashr', 'and', 'or', 'xor',
  'fadd', 'fsub', 'fmul', 'fdiv', 'frem',
  'trunc', 'zext', 'sext', 'fptoui', 'fptosi', 'uitofp', 'sitofp', 'fptrunc', 'fpext', 'ptrtoint', 'inttoptr', 'bitcast', 'addrspacecast', 'ptrtoaddr',
  'fneg', 'icmp', 'fcmp', 'select', 'extractelement', 'insertelement', 'shufflevector', 'extractvalue', 'insertvalue',
  'alloca', 'load', 'store', 'getelementptr', 'fence', 'cmpxchg', 'atomicrmw',
  'ret', 'br', 'switch', 'indirectbr', 'invoke', 'resume', 'unreachable', 'callbr',
  'phi', 'call', 'landingpad', 'va_arg', 'freeze',
];

/**
 * One decoded function body. Value ids: [0, module values) are the module's,
 * then arguments, then this function's constants, then instruction results.
 * Per instruction: `op`, result type `ty` (-1 = void), `flags`, operands at
 * `opStart` in `ops` (layout per opcode, documented in function.ts), result
 * value id `val` (-1 = none), debug location `loc` (index into `locs`, -1 = none).
 */
export class FunctionBody {
  fn: number;
  numArgs = 0;
  /** Value id of the first argument. */
  argBase = 0;
  consts: ConstTable;
  numInsts = 0;
  op: Uint8Array;
  ty: Int32Array;
  flags: Int32Array;
  opStart: Int32Array;
  opCount: Int32Array;
  val: Int32Array;
  loc: Int32Array;
  ops: I32Vec;
  /** First instruction of each block. */
  blockStart: Int32Array = EMPTY_I32;
  numBlocks = 0;
  /** Instruction index producing each value id at or after `instBase`, -1 before it is defined. */
  instBase = 0;
  valueInst: I32Vec;
  /** Debug locations: 5 ints each (line, col, scope md id + 1, inlinedAt md id + 1, implicit). */
  locs = new I32Vec(0);
  /** Debug records: (instruction index they precede, record code, operand start, count) quads into `dbgOps`. */
  dbgRecords = new I32Vec(0);
  dbgOps = new I32Vec(0);
  /** METADATA and METADATA_ATTACHMENT sub-blocks: (block id, body bit, end bit, abbreviation width) each, for metadata.ts. */
  mdBlocks: number[] = [];
  /** Operand bundles of call/invoke instructions: [tag, value ids...] each. */
  bundles = new Map<number, number[][]>();
  /** Local value names (value id -> name) and block names. */
  valueNames = new Map<number, string>();
  blockNames: (string | undefined)[] = [];

  constructor(fn: number, consts: ConstTable) {
    this.fn = fn;
    this.consts = consts;
    this.op = new Uint8Array(0);
    this.ty = EMPTY_I32;
    this.flags = EMPTY_I32;
    this.opStart = EMPTY_I32;
    this.opCount = EMPTY_I32;
    this.val = EMPTY_I32;
    this.loc = EMPTY_I32;
    this.ops = new I32Vec(0);
    this.valueInst = new I32Vec(0);
  }

  operand(inst: number, i: number): number {
    return this.ops.data[this.opStart[inst]! + i]!;
  }
}
