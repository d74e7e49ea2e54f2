// The CLIF interpreter: the reference semantics of the IR. Needs the functions
// of one file (calls resolve by name among them) and produces a call's results
// bit for bit, or throws a Trap naming the trap code and the instruction.
//
// Exceptions: a call of `%_Unwind_RaiseException(p)` or `%_Unwind_Resume(p)`
// (names not defined in the file) throws an exception whose pointer is p. It
// unwinds interpreted frames until a try_call whose table has a handler that
// is not a tag (default, cleanup, catch, filter: the interpreter knows no
// types, so every such clause lands, the first one in table order); that
// handler's block runs with exn0 = p and exn1 = 0 (the selector, as
// rust_eh_personality sets it). Tags never match. An exception leaving the
// entry function, or a call through a `nounwind` signature, is an error.

import { Function, Inst, ExnItem, specialArgIndex, isExnArg, type Signature } from './function.js';
import { Op, opcodeNames } from './opcodes.js';
import {
  Type, Lane, I8, laneOf, laneBits, laneCount, typeBits, typeName, isVector, halfWidth,
} from './types.js';
import { IntCC, FloatCC, MemFlag, AtomicRmwOp, TrapCode, ParamFlag, memFlagsTrapCode, trapCodeName } from './immediates.js';
import { GlobalValueKind } from './function.js';
import { DataValue } from './datavalue.js';
import { fail } from '../support/diag.js';
import * as I from './interp-int.js';
import * as F from './interp-float.js';

/** A trap raised by the interpreted code. */
export class Trap extends Error {
  readonly code: number;
  readonly funcName: string;
  readonly inst: Inst;
  constructor(code: number, funcName: string, inst: Inst) {
    super(`trap ${trapCodeName(code)} in ${funcName}`);
    this.name = 'Trap';
    this.code = code;
    this.funcName = funcName;
    this.inst = inst;
  }
}

export interface InterpretOptions {
  /** Instructions executed before giving up with an error (default 20 million). */
  maxSteps?: number;
  /** Nested calls before a stk_ovf trap (default 1000). */
  maxCallDepth?: number;
  /** Bytes of stack-slot memory before a stk_ovf trap (default 16 MiB). */
  maxStackBytes?: number;
}

/** An exception unwinding interpreted frames (see the file comment). */
class Unwinding extends Error {
  readonly pointer: bigint;
  constructor(pointer: bigint) {
    super('exception');
    this.pointer = pointer;
  }
}

/** Interpreted memory starts here; addresses below it (null included) are never valid. */
const STACK_BASE = 0x10000000n;
/** Function addresses: FUNC_BASE + 16 * index (index into the file's functions, then unknown names). */
const FUNC_BASE = 0x7ff000000000n;
const I8X16: Type = I8 | (4 << 4);

/**
 * Runs `funcs[entry]` on `args` and returns its results. Throws Trap on a trap
 * and a CgtsError for input the interpreter cannot run.
 */
export function interpret(funcs: Function[], entry: number, args: DataValue[], opts: InterpretOptions = {}): DataValue[] {
  const f = funcs[entry];
  const sig = f.signature;
  if (args.length !== sig.params.length) fail(`${f.name}: expected ${sig.params.length} arguments, got ${args.length}`);
  for (let i = 0; i < args.length; i++) {
    if (args[i].type !== sig.params[i].type) {
      fail(`${f.name}: argument ${i + 1} has type ${typeName(args[i].type)}, the signature says ${typeName(sig.params[i].type)}`);
    }
  }
  const m = new Machine(funcs, opts);
  let res: bigint[];
  try {
    res = m.run(entry, args.map((a) => a.bits), 0);
  } catch (e) {
    if (e instanceof Unwinding) fail(`${f.name}: an exception (pointer 0x${e.pointer.toString(16)}) unwound out of the function`);
    throw e;
  }
  return res.map((bits, i) => ({ type: sig.returns[i].type, bits }));
}

function stripName(n: string): string {
  return n.startsWith('%') ? n.slice(1) : n;
}

function constBits(bytes: Uint8Array): bigint {
  let b = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) b = (b << 8n) | BigInt(bytes[i]);
  return b;
}

/** Applies `fn` to each lane of a (and b), or to the whole value for scalars. */
function lanes1(t: Type, a: bigint, fn: (x: bigint, w: number) => bigint): bigint {
  const w = laneBits(t);
  if (!isVector(t)) return I.toU(fn(a, w), w);
  const n = laneCount(t), W = BigInt(w), msk = I.mask(w);
  let r = 0n;
  for (let i = n - 1; i >= 0; i--) r = (r << W) | I.toU(fn((a >> (W * BigInt(i))) & msk, w), w);
  return r;
}
function lanes2(t: Type, a: bigint, b: bigint, fn: (x: bigint, y: bigint, w: number) => bigint): bigint {
  const w = laneBits(t);
  if (!isVector(t)) return I.toU(fn(a, b, w), w);
  const n = laneCount(t), W = BigInt(w), msk = I.mask(w);
  let r = 0n;
  for (let i = n - 1; i >= 0; i--) {
    const s = W * BigInt(i);
    r = (r << W) | I.toU(fn((a >> s) & msk, (b >> s) & msk, w), w);
  }
  return r;
}
function lane(v: bigint, t: Type, i: number): bigint {
  const w = laneBits(t);
  return (v >> BigInt(w * i)) & I.mask(w);
}
function pack(t: Type, ls: bigint[]): bigint {
  const w = BigInt(laneBits(t));
  const msk = I.mask(laneBits(t));
  let r = 0n;
  for (let i = laneCount(t) - 1; i >= 0; i--) r = (r << w) | ((ls[i] ?? 0n) & msk);
  return r;
}
function unpack(v: bigint, t: Type): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < laneCount(t); i++) out.push(lane(v, t, i));
  return out;
}

function byteSwapLanes(v: bigint, t: Type): bigint {
  return lanes1(t, v, (x, w) => I.bswap(x, w));
}

const libRound: Record<string, F.RoundMode> = {
  Ceil: F.RoundMode.Ceil, Floor: F.RoundMode.Floor, Trunc: F.RoundMode.Trunc, Nearest: F.RoundMode.Nearest,
};

/** Cranelift's float libcalls (`%CeilF32`, `%FmaF64` ...): the result, or undefined for other names. */
function libcall(name: string, args: bigint[]): bigint | undefined {
  const m = /^%?(Ceil|Floor|Trunc|Nearest|Fma)F(32|64)$/.exec(name);
  if (!m) return undefined;
  const lt = m[2] === '32' ? Lane.F32 : Lane.F64;
  if (m[1] === 'Fma') return args.length === 3 ? F.ffma(args[0], args[1], args[2], lt) : undefined;
  return args.length === 1 ? F.fround(libRound[m[1]], args[0], lt) : undefined;
}

function unsupported(op: number): never {
  fail(`opcode \`${opcodeNames[op]}\` is not supported by the interpreter`);
}

class Machine {
  readonly funcs: Function[];
  readonly byName = new Map<string, number>();
  /** Names that are not functions of the file but had their address taken. */
  readonly external: string[] = [];
  mem = new Uint8Array(4096);
  sp = 0;
  steps = 0;
  readonly maxSteps: number;
  readonly maxDepth: number;
  readonly maxStack: number;
  curFunc = '';
  curInst = -1;
  /** The signature of the call being made, read by a variadic callee's va_start (null: the entry call). */
  callSig: Signature | null = null;

  constructor(funcs: Function[], opts: InterpretOptions) {
    this.funcs = funcs;
    funcs.forEach((f, i) => this.byName.set(stripName(f.name), i));
    this.maxSteps = opts.maxSteps ?? 20_000_000;
    this.maxDepth = opts.maxCallDepth ?? 1000;
    this.maxStack = opts.maxStackBytes ?? 16 << 20;
  }

  trap(code: number): never {
    throw new Trap(code, this.curFunc, this.curInst);
  }

  // ---- memory ----

  private memIndex(addr: bigint, size: number, flags: number): number {
    const off = addr - STACK_BASE;
    if (off < 0n || off + BigInt(size) > BigInt(this.sp)) this.trap(memFlagsTrapCode(flags) || TrapCode.HeapOutOfBounds);
    return Number(off);
  }

  read(addr: bigint, size: number, flags: number): bigint {
    const p = this.memIndex(addr, size, flags);
    let v = 0n;
    if (flags & MemFlag.Big) for (let i = 0; i < size; i++) v = (v << 8n) | BigInt(this.mem[p + i]);
    else for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.mem[p + i]);
    return v;
  }

  write(addr: bigint, size: number, v: bigint, flags: number): void {
    const p = this.memIndex(addr, size, flags);
    if (flags & MemFlag.Big) {
      for (let i = size - 1; i >= 0; i--) {
        this.mem[p + i] = Number(v & 0xffn);
        v >>= 8n;
      }
    } else {
      for (let i = 0; i < size; i++) {
        this.mem[p + i] = Number(v & 0xffn);
        v >>= 8n;
      }
    }
  }

  /** A value of type t (vectors lane by lane) from memory. */
  load(addr: bigint, t: Type, flags: number): bigint {
    const v = this.read(addr, typeBits(t) >> 3, flags & ~MemFlag.Big);
    return flags & MemFlag.Big ? byteSwapLanes(v, t) : v;
  }
  store(addr: bigint, t: Type, v: bigint, flags: number): void {
    if (flags & MemFlag.Big) v = byteSwapLanes(v, t);
    this.write(addr, typeBits(t) >> 3, v, flags & ~MemFlag.Big);
  }

  private alloc(size: number, align: number): number {
    const a = Math.max(align, 1);
    const base = (this.sp + a - 1) & ~(a - 1);
    const end = base + size;
    if (end > this.maxStack) this.trap(TrapCode.StackOverflow);
    if (end > this.mem.length) {
      let n = this.mem.length * 2;
      while (n < end) n *= 2;
      const m = new Uint8Array(n);
      m.set(this.mem.subarray(0, this.sp));
      this.mem = m;
    }
    this.mem.fill(0, this.sp, end);
    this.sp = end;
    return base;
  }

  funcAddress(name: string): bigint {
    const n = stripName(name);
    let i = this.byName.get(n);
    if (i === undefined) {
      let k = this.external.indexOf(n);
      if (k < 0) k = this.external.push(n) - 1;
      i = this.funcs.length + k;
    }
    return FUNC_BASE + 16n * BigInt(i);
  }

  funcAt(addr: bigint): number {
    const d = addr - FUNC_BASE;
    if (d < 0n || d % 16n !== 0n) fail(`${this.curFunc}: call_indirect to 0x${addr.toString(16)}, which is not a function address`);
    const i = Number(d / 16n);
    if (i >= this.funcs.length) {
      const ext = this.external[i - this.funcs.length];
      if (ext === undefined) fail(`${this.curFunc}: call_indirect to 0x${addr.toString(16)}, which is not a function address`);
      fail(`${this.curFunc}: call to \`%${ext}\`, which is not defined in this file`);
    }
    return i;
  }

  /** The function `name` names; the unwinder's raise and resume entry points throw instead. */
  callee(name: string, args: bigint[]): number {
    const n = stripName(name);
    if ((n === '_Unwind_RaiseException' || n === '_Unwind_Resume') && !this.byName.has(n) && args.length === 1) throw new Unwinding(args[0]);
    return this.resolve(name);
  }

  resolve(name: string): number {
    const i = this.byName.get(stripName(name));
    if (i === undefined) fail(`${this.curFunc}: call to \`%${stripName(name)}\`, which is not defined in this file`);
    return i;
  }

  /**
   * Lays the arguments of a variadic call out as a System V callee sees them:
   * a 176-byte register save area (rdi..r9, then xmm0..xmm7 at 16 bytes
   * each) and the stack argument area. Returns the index of a va_list (24
   * bytes: gp_offset, fp_offset, overflow_arg_area, reg_save_area) positioned
   * after the fixed parameters (those of `own`, the callee's signature).
   */
  private varArgArea(own: Signature, sig: Signature, args: bigint[]): number {
    const fixed = own.params.length;
    let stackBytes = 0;
    for (const p of sig.params) stackBytes += 16 + ((p.flags >>> ParamFlag.SargShift) + 15 & ~15);
    const save = this.alloc(176, 16);
    const stack = this.alloc(stackBytes, 16);
    const list = this.alloc(24, 8);
    let gp = 0, fp = 0, st = 0;
    const put = (at: number, size: number, v: bigint): void => {
      for (let b = 0; b < size; b++) { this.mem[at + b] = Number(v & 0xffn); v >>= 8n; }
    };
    for (let k = 0; k < sig.params.length && k < args.length; k++) {
      const t = sig.params[k].type, v = args[k];
      const sarg = sig.params[k].flags >>> ParamFlag.SargShift;
      const bits = typeBits(t);
      if (sarg > 0) {
        // fixed struct arguments were copied already; their bytes go to the stack area as well
        const src = this.memIndex(v, sarg, 0);
        this.mem.copyWithin(stack + st, src, src + sarg);
        st += (sarg + 7) & ~7;
      } else if (isVector(t) || t === Lane.F32 || t === Lane.F64 || t === Lane.F16 || t === Lane.F128) {
        const wide = bits === 128;
        if (fp < 8) put(save + 48 + 16 * fp++, bits >> 3, v);
        else {
          if (wide) st = (st + 15) & ~15;
          put(stack + st, bits >> 3, v);
          st += wide ? 16 : 8;
        }
      } else if (bits === 128) {
        if (gp <= 4) { put(save + 8 * gp, 16, v); gp += 2; }
        else { st = (st + 15) & ~15; put(stack + st, 16, v); st += 16; }
      } else if (gp < 6) put(save + 8 * gp++, 8, v);
      else { put(stack + st, 8, v); st += 8; }
      if (k + 1 === fixed) {
        // the fixed parameters end here: the variadic ones start at these counters
        put(list, 4, BigInt(8 * gp));
        put(list + 4, 4, BigInt(48 + 16 * fp));
        put(list + 8, 8, STACK_BASE + BigInt(stack + st));
      }
    }
    if (fixed === 0) {
      put(list, 4, 0n);
      put(list + 4, 4, 48n);
      put(list + 8, 8, STACK_BASE + BigInt(stack));
    }
    put(list + 16, 8, STACK_BASE + BigInt(save));
    return list;
  }

  // ---- execution ----

  run(fi: number, args: bigint[], depth: number): bigint[] {
    if (depth >= this.maxDepth) this.trap(TrapCode.StackOverflow);
    const savedSp = this.sp;
    const savedFunc = this.curFunc, savedInst = this.curInst;
    try {
      for (;;) {
        args = this.copyStructArgs(fi, args);
        const r = this.runFrame(fi, args, depth);
        this.sp = savedSp;
        if (r.tail < 0) return r.values;
        fi = r.tail;
        args = r.values;
      }
    } finally {
      this.sp = savedSp;
      this.curFunc = savedFunc;
      this.curInst = savedInst;
    }
  }

  /** `sarg(N)` parameters: the callee gets its own copy of the N bytes the argument points to. */
  private copyStructArgs(fi: number, args: bigint[]): bigint[] {
    const params = this.funcs[fi].signature.params;
    let out = args;
    for (let k = 0; k < params.length && k < args.length; k++) {
      const size = params[k].flags >>> ParamFlag.SargShift;
      if (size === 0) continue;
      if (out === args) out = args.slice();
      const src = this.memIndex(args[k], size, 0);
      const dst = this.alloc(size, 8);
      this.mem.copyWithin(dst, src, src + size);
      out[k] = STACK_BASE + BigInt(dst);
    }
    return out;
  }

  /** Runs one activation; a tail call returns the callee to run next in `tail`. */
  private runFrame(fi: number, args: bigint[], depth: number): { tail: number; values: bigint[] } {
    const f = this.funcs[fi];
    this.curFunc = f.name;
    const vals: bigint[] = new Array(f.numValues).fill(0n);
    const slots: number[] = f.stackSlots.map((s) => this.alloc(s.size, s.align));
    let block = f.firstBlock;
    if (block < 0) fail(`${f.name}: function has no blocks`);
    const np = f.blockParamCount[block];
    if (np !== args.length && !(f.signature.variadic && args.length > np)) fail(`${f.name}: called with ${args.length} arguments but the entry block has ${np} parameters`);
    for (let k = 0; k < np; k++) vals[f.blockParam(block, k)] = args[k];
    const callSig = f.signature.variadic ? this.callSig ?? f.signature : null;
    this.callSig = null;
    let vaList = -1;
    let vmctx = 0n;
    f.signature.params.forEach((p, k) => {
      if (p.flags & ParamFlag.Vmctx) vmctx = args[k];
    });

    /** A try_call's block call: retN from `rets`, exnN from `exns`. */
    const jumpWith = (callIdx: number, rets: bigint[], exns: bigint[]): number => {
      const b = f.callPool[callIdx];
      const n = f.callPool[callIdx + 1];
      const tmp: bigint[] = [];
      for (let k = 0; k < n; k++) {
        const a = f.callPool[callIdx + 2 + k];
        tmp.push(a >= 0 ? vals[a] : isExnArg(a) ? exns[specialArgIndex(a)] : rets[specialArgIndex(a)]);
      }
      for (let k = 0; k < n; k++) vals[f.blockParam(b, k)] = tmp[k];
      return b;
    };

    const jumpTo = (callIdx: number): number => {
      const b = f.callPool[callIdx];
      const n = f.callPool[callIdx + 1];
      const tmp: bigint[] = [];
      for (let k = 0; k < n; k++) tmp.push(vals[f.callPool[callIdx + 2 + k]]);
      for (let k = 0; k < n; k++) vals[f.blockParam(b, k)] = tmp[k];
      return b;
    };

    let inst = f.blockFirstInst[block];
    for (;;) {
      if (inst < 0) fail(`${f.name}: block${block} does not end in a terminator`);
      if (++this.steps > this.maxSteps) fail(`${f.name}: gave up after ${this.maxSteps} steps (an endless loop?)`);
      this.curInst = inst;
      const op = f.instOp[inst];
      const t = f.instType[inst];
      const a0 = f.argPool[f.instArgStart[inst]];
      const a1 = f.argPool[f.instArgStart[inst] + 1];
      const a2 = f.argPool[f.instArgStart[inst] + 2];
      const res = f.instFirstResult[inst];
      const imm0 = f.instImm0[inst], imm1 = f.instImm1[inst];
      switch (op) {
        // ---- control flow ----
        case Op.jump:
          block = jumpTo(imm0);
          inst = f.blockFirstInst[block];
          continue;
        case Op.brif: {
          const c = vals[a0] !== 0n;
          block = jumpTo(c ? imm0 : f.blockCallAt(inst, 1));
          inst = f.blockFirstInst[block];
          continue;
        }
        case Op.br_table: {
          const idx = vals[a0];
          const n = imm1 - 1;
          block = jumpTo(idx < BigInt(n) ? f.blockCallAt(inst, 1 + Number(idx)) : imm0);
          inst = f.blockFirstInst[block];
          continue;
        }
        case Op.return: {
          const out: bigint[] = [];
          for (let k = 0; k < f.instArgCount[inst]; k++) out.push(vals[f.arg(inst, k)]);
          return { tail: -1, values: out };
        }
        case Op.call:
        case Op.call_indirect:
        case Op.return_call:
        case Op.return_call_indirect: {
          const indirect = op === Op.call_indirect || op === Op.return_call_indirect;
          const cargs: bigint[] = [];
          for (let k = indirect ? 1 : 0; k < f.instArgCount[inst]; k++) cargs.push(vals[f.arg(inst, k)]);
          const lib = indirect ? undefined : libcall(f.funcRefs[imm0].name, cargs);
          if (lib !== undefined) {
            if (op === Op.return_call) return { tail: -1, values: [lib] };
            vals[res] = lib;
            break;
          }
          const callee = indirect ? this.funcAt(vals[a0]) : this.callee(f.funcRefs[imm0].name, cargs);
          this.callSig = f.callSignature(inst);
          if (op === Op.return_call || op === Op.return_call_indirect) return { tail: callee, values: cargs };
          let out: bigint[];
          if (!f.callSignature(inst).nounwind) out = this.run(callee, cargs, depth + 1);
          else {
            try {
              out = this.run(callee, cargs, depth + 1);
            } catch (e) {
              if (e instanceof Unwinding) fail(`${f.name}: an exception unwound through a call of a nounwind signature (LLVM would terminate)`);
              throw e;
            }
          }
          this.curFunc = f.name;
          const nr = f.instNumResults[inst];
          if (out.length !== nr) fail(`${f.name}: call returned ${out.length} values, the signature says ${nr}`);
          for (let k = 0; k < nr; k++) vals[res + k] = out[k];
          break;
        }
        case Op.try_call:
        case Op.try_call_indirect: {
          const indirect = op === Op.try_call_indirect;
          const table = f.exnTable(inst);
          const cargs: bigint[] = [];
          for (let k = indirect ? 1 : 0; k < f.instArgCount[inst]; k++) cargs.push(vals[f.arg(inst, k)]);
          const name = indirect ? '' : f.funcRefs[f.exnFuncRef(table)].name;
          let out: bigint[];
          this.callSig = f.callSignature(inst);
          try {
            const lib = indirect ? undefined : libcall(name, cargs);
            if (lib !== undefined) out = [lib];
            else out = this.run(indirect ? this.funcAt(vals[a0]) : this.callee(name, cargs), cargs, depth + 1);
          } catch (e) {
            if (!(e instanceof Unwinding)) throw e;
            this.curFunc = f.name;
            this.curInst = inst;
            // the first handler that is not a tag (block call 0 is the normal return)
            let c = imm0 + 2 + f.callPool[imm0 + 1];
            let landed = -1;
            for (let k = 0; k < f.exnItemCount(table); k++) {
              const kind = f.exnItemKind(table, k);
              if (kind === ExnItem.Context) continue;
              if (kind !== ExnItem.Tag) { landed = c; break; }
              c += 2 + f.callPool[c + 1];
            }
            if (landed < 0) throw e;
            block = jumpWith(landed, [], [e.pointer, 0n]);
            inst = f.blockFirstInst[block];
            continue;
          }
          this.curFunc = f.name;
          block = jumpWith(imm0, out, []);
          inst = f.blockFirstInst[block];
          continue;
        }
        case Op.trap:
          this.trap(imm0);
        case Op.trapz:
          if (vals[a0] === 0n) this.trap(imm0);
          break;
        case Op.trapnz:
          if (vals[a0] !== 0n) this.trap(imm0);
          break;
        case Op.debugtrap:
        case Op.nop:
        case Op.fence:
        case Op.x86_lfence: case Op.x86_sfence: case Op.x86_pause:
          break;
        // x86 instructions: clflush only checks its address (the interpreter has no cache); MXCSR may be
        // loaded only with its default controls (the float model rounds to nearest, without FTZ/DAZ)
        case Op.x86_clflush:
          this.read(vals[a0], 1, 0);
          break;
        case Op.x86_ldmxcsr: {
          const v = this.read(vals[a0], 4, 0);
          if ((v & 0xffffffc0n) !== 0x1f80n) {
            fail(`x86_ldmxcsr of 0x${v.toString(16)} is not supported by the interpreter: it models only the default MXCSR controls (0x1f80: round to nearest, exceptions masked, no FTZ/DAZ)`);
          }
          break;
        }
        case Op.x86_stmxcsr:
          fail('x86_stmxcsr is not supported by the interpreter: MXCSR\'s exception flags depend on what the processor computed before');
        case Op.x86_rdtsc: case Op.x86_rdtscp:
          fail(`${opcodeNames[op]} is not supported by the interpreter: the time-stamp counter differs on every run`);
        case Op.x86_rdrand: case Op.x86_rdseed:
          fail(`${opcodeNames[op]} is not supported by the interpreter: its result is random`);
        case Op.x86_xgetbv:
          fail('x86_xgetbv is not supported by the interpreter: extended control registers belong to the processor and the OS');
        case Op.va_start: {
          if (!callSig) fail(`${f.name}: va_start in a function that is not variadic`);
          if (vaList < 0) vaList = this.varArgArea(f.signature, callSig, args);
          this.mem.copyWithin(this.memIndex(vals[a0], 24, 0), vaList, vaList + 24);
          break;
        }

        // ---- constants ----
        case Op.iconst:
          vals[res] = I.toU((BigInt(imm1 >>> 0) << 32n) | BigInt(imm0 >>> 0), typeBits(t));
          break;
        case Op.f16const:
          vals[res] = BigInt(imm0 & 0xffff);
          break;
        case Op.f32const:
          vals[res] = BigInt(imm0 >>> 0);
          break;
        case Op.f64const:
          vals[res] = (BigInt(imm1 >>> 0) << 32n) | BigInt(imm0 >>> 0);
          break;
        case Op.f128const:
        case Op.vconst:
          vals[res] = I.toU(constBits(f.constants[imm0]), typeBits(f.valueType[res]));
          break;

        // ---- memory ----
        case Op.load:
        case Op.uload8: case Op.sload8: case Op.uload16: case Op.sload16: case Op.uload32: case Op.sload32: {
          const addr = I.toU(vals[a0] + BigInt(imm1), 64);
          if (op === Op.load) {
            vals[res] = this.load(addr, t, imm0);
            break;
          }
          const size = op <= Op.sload8 ? 1 : op <= Op.sload16 ? 2 : 4;
          const sgn = op === Op.sload8 || op === Op.sload16 || op === Op.sload32;
          const srcT = size === 1 ? Lane.I8 : size === 2 ? Lane.I16 : Lane.I32;
          if (isVector(t)) unsupported(op);
          const v = this.load(addr, srcT, imm0);
          vals[res] = sgn ? I.toU(I.toS(v, size * 8), typeBits(t)) : v;
          break;
        }
        case Op.uload8x8: case Op.sload8x8: case Op.uload16x4: case Op.sload16x4: case Op.uload32x2: case Op.sload32x2: {
          // 64 bits of narrow lanes, each widened to the result's lane width
          const addr = I.toU(vals[a0] + BigInt(imm1), 64);
          const raw = this.load(addr, Lane.I64, imm0);
          const wide = laneBits(t);
          const narrow = wide >> 1;
          const sgn = op === Op.sload8x8 || op === Op.sload16x4 || op === Op.sload32x2;
          let out = 0n;
          for (let k = laneCount(t) - 1; k >= 0; k--) {
            const lane = I.toU(raw >> BigInt(k * narrow), narrow);
            out = (out << BigInt(wide)) | (sgn ? I.toU(I.toS(lane, narrow), wide) : lane);
          }
          vals[res] = out;
          break;
        }
        case Op.store: case Op.istore8: case Op.istore16: case Op.istore32: {
          const addr = I.toU(vals[a1] + BigInt(imm1), 64);
          const vt = f.valueType[a0];
          if (op === Op.store) this.store(addr, vt, vals[a0], imm0);
          else {
            const size = op === Op.istore8 ? 1 : op === Op.istore16 ? 2 : 4;
            this.store(addr, size === 1 ? Lane.I8 : size === 2 ? Lane.I16 : Lane.I32, vals[a0] & I.mask(size * 8), imm0);
          }
          break;
        }
        case Op.stack_addr:
          vals[res] = I.toU(STACK_BASE + BigInt(slots[imm0]) + BigInt(imm1), typeBits(t));
          break;
        case Op.func_addr:
          vals[res] = I.toU(this.funcAddress(f.funcRefs[imm0].name), typeBits(t));
          break;
        case Op.global_value:
        case Op.symbol_value:
          vals[res] = I.toU(this.globalValue(f, imm0, vmctx), typeBits(t));
          break;
        case Op.get_stack_pointer:
        case Op.get_frame_pointer:
          vals[res] = I.toU(STACK_BASE + BigInt(this.sp), typeBits(t));
          break;
        case Op.atomic_load:
          vals[res] = this.load(vals[a0], t, imm0);
          break;
        case Op.atomic_store:
          this.store(vals[a1], f.valueType[a0], vals[a0], imm0);
          break;
        case Op.atomic_rmw: {
          const addr = vals[a0];
          const old = this.load(addr, t, imm0);
          const x = vals[a1], w = typeBits(t);
          let nv: bigint;
          switch (imm1 as AtomicRmwOp) {
            case AtomicRmwOp.Add: nv = old + x; break;
            case AtomicRmwOp.Sub: nv = old - x; break;
            case AtomicRmwOp.And: nv = old & x; break;
            case AtomicRmwOp.Nand: nv = ~(old & x); break;
            case AtomicRmwOp.Or: nv = old | x; break;
            case AtomicRmwOp.Xor: nv = old ^ x; break;
            case AtomicRmwOp.Xchg: nv = x; break;
            case AtomicRmwOp.Umin: nv = old < x ? old : x; break;
            case AtomicRmwOp.Umax: nv = old > x ? old : x; break;
            case AtomicRmwOp.Smin: nv = I.toS(old, w) < I.toS(x, w) ? old : x; break;
            case AtomicRmwOp.Smax: nv = I.toS(old, w) > I.toS(x, w) ? old : x; break;
            default: fail(`${f.name}: unknown atomic_rmw operation ${imm1}`);
          }
          this.store(addr, t, I.toU(nv, w), imm0);
          vals[res] = old;
          break;
        }
        case Op.atomic_cas: {
          const addr = vals[a0];
          const old = this.load(addr, t, imm0);
          if (old === vals[a1]) this.store(addr, t, vals[a2], imm0);
          vals[res] = old;
          break;
        }

        default:
          this.compute(f, inst, op, t, vals);
      }
      inst = f.instNext[inst];
    }
  }

  private globalValue(f: Function, gv: number, vmctx: bigint): bigint {
    const g = f.globalValues[gv];
    if (!g) fail(`${f.name}: no global value gv${gv}`);
    switch (g.kind) {
      case GlobalValueKind.VMContext: return vmctx;
      case GlobalValueKind.Symbol:
        if (g.tls) fail(`${f.name}: thread-local symbols are not supported by the interpreter`);
        if (!this.byName.has(stripName(g.name))) fail(`${f.name}: symbol \`${g.name}\` is not a function of this file`);
        return I.toU(this.funcAddress(g.name) + g.offset, 64);
      case GlobalValueKind.IAddImm:
        return I.toU(this.globalValue(f, g.base, vmctx) + g.offset, typeBits(g.type));
      case GlobalValueKind.Load:
        return this.load(I.toU(this.globalValue(f, g.base, vmctx) + g.offset, 64), g.type, g.flags);
      default:
        fail(`${f.name}: global value gv${gv} is not supported by the interpreter`);
    }
  }

  /** The pure (non-control, non-memory) opcodes. */
  private compute(f: Function, inst: Inst, op: number, t: Type, vals: bigint[]): void {
    const base = f.instArgStart[inst];
    const a0 = f.argPool[base], a1 = f.argPool[base + 1], a2 = f.argPool[base + 2];
    const x = vals[a0], y = vals[a1];
    const res = f.instFirstResult[inst];
    const imm0 = f.instImm0[inst];
    const lt = laneOf(t);
    const W = typeBits(t);
    switch (op) {
      // ---- integer arithmetic ----
      case Op.iadd: vals[res] = lanes2(t, x, y, (p, q) => p + q); return;
      case Op.isub: vals[res] = lanes2(t, x, y, (p, q) => p - q); return;
      case Op.imul: vals[res] = lanes2(t, x, y, (p, q) => p * q); return;
      case Op.ineg: vals[res] = lanes1(t, x, (p) => -p); return;
      case Op.iabs: vals[res] = lanes1(t, x, (p, w) => { const s = I.toS(p, w); return s < 0n ? -s : s; }); return;
      case Op.umulhi: vals[res] = lanes2(t, x, y, (p, q, w) => (p * q) >> BigInt(w)); return;
      case Op.smulhi: vals[res] = lanes2(t, x, y, (p, q, w) => (I.toS(p, w) * I.toS(q, w)) >> BigInt(w)); return;
      case Op.udiv: case Op.urem: case Op.sdiv: case Op.srem:
        vals[res] = lanes2(t, x, y, (p, q, w) => {
          if (q === 0n) this.trap(TrapCode.IntegerDivisionByZero);
          if (op === Op.udiv) return p / q;
          if (op === Op.urem) return p % q;
          const sp = I.toS(p, w), sq = I.toS(q, w);
          if (op === Op.sdiv) {
            if (sq === -1n && sp === -(1n << BigInt(w - 1))) this.trap(TrapCode.IntegerOverflow);
            return sp / sq;
          }
          return sq === -1n ? 0n : sp % sq;
        });
        return;
      case Op.uadd_sat: vals[res] = lanes2(t, x, y, (p, q, w) => { const s = p + q; return s > I.mask(w) ? I.mask(w) : s; }); return;
      case Op.usub_sat: vals[res] = lanes2(t, x, y, (p, q) => (p > q ? p - q : 0n)); return;
      case Op.sadd_sat: case Op.ssub_sat:
        vals[res] = lanes2(t, x, y, (p, q, w) => {
          const s = op === Op.sadd_sat ? I.toS(p, w) + I.toS(q, w) : I.toS(p, w) - I.toS(q, w);
          const max = (1n << BigInt(w - 1)) - 1n, min = -(1n << BigInt(w - 1));
          return s > max ? max : s < min ? min : s;
        });
        return;
      case Op.avg_round: vals[res] = lanes2(t, x, y, (p, q) => (p + q + 1n) >> 1n); return;
      case Op.smin: vals[res] = lanes2(t, x, y, (p, q, w) => (I.toS(p, w) <= I.toS(q, w) ? p : q)); return;
      case Op.smax: vals[res] = lanes2(t, x, y, (p, q, w) => (I.toS(p, w) >= I.toS(q, w) ? p : q)); return;
      case Op.umin: vals[res] = lanes2(t, x, y, (p, q) => (p <= q ? p : q)); return;
      case Op.umax: vals[res] = lanes2(t, x, y, (p, q) => (p >= q ? p : q)); return;
      case Op.uadd_overflow: case Op.sadd_overflow: case Op.usub_overflow: case Op.ssub_overflow:
      case Op.umul_overflow: case Op.smul_overflow:
      case Op.uadd_overflow_cin: case Op.sadd_overflow_cin: case Op.usub_overflow_bin: case Op.ssub_overflow_bin: {
        if (isVector(t)) unsupported(op);
        const c = op >= Op.uadd_overflow_cin ? (vals[a2] !== 0n ? 1n : 0n) : 0n;
        const signedOp = op === Op.sadd_overflow || op === Op.ssub_overflow || op === Op.smul_overflow ||
          op === Op.sadd_overflow_cin || op === Op.ssub_overflow_bin;
        const p = signedOp ? I.toS(x, W) : x, q = signedOp ? I.toS(y, W) : y;
        let exact: bigint;
        switch (op) {
          case Op.uadd_overflow: case Op.sadd_overflow: exact = p + q; break;
          case Op.usub_overflow: case Op.ssub_overflow: exact = p - q; break;
          case Op.umul_overflow: case Op.smul_overflow: exact = p * q; break;
          case Op.uadd_overflow_cin: case Op.sadd_overflow_cin: exact = p + q + c; break;
          default: exact = p - q - c; break;
        }
        const wrapped = I.toU(exact, W);
        const back = signedOp ? I.toS(wrapped, W) : wrapped;
        vals[res] = wrapped;
        vals[res + 1] = back !== exact ? 1n : 0n;
        return;
      }
      case Op.uadd_overflow_trap: {
        const s = x + y;
        if (s > I.mask(W)) this.trap(imm0);
        vals[res] = s;
        return;
      }

      // ---- bitwise ----
      case Op.band: vals[res] = x & y; return;
      case Op.bor: vals[res] = x | y; return;
      case Op.bxor: vals[res] = x ^ y; return;
      case Op.bnot: vals[res] = I.toU(~x, W); return;
      case Op.band_not: vals[res] = x & I.toU(~y, W); return;
      case Op.bor_not: vals[res] = I.toU(x | ~y, W); return;
      case Op.bxor_not: vals[res] = I.toU(x ^ ~y, W); return;
      case Op.bitselect: {
        const c = x, p = y, q = vals[a2];
        vals[res] = (p & c) | (q & I.toU(~c, W));
        return;
      }
      case Op.bmask: {
        const src = f.valueType[a0];
        if (isVector(t) || isVector(src)) {
          vals[res] = pack(t, unpack(x, src).map((l) => (l !== 0n ? -1n : 0n)));
        } else vals[res] = x !== 0n ? I.mask(W) : 0n;
        return;
      }
      case Op.rotl: vals[res] = lanes1(t, x, (p, w) => I.rotl(p, y, w)); return;
      case Op.rotr: vals[res] = lanes1(t, x, (p, w) => I.rotr(p, y, w)); return;
      case Op.ishl: vals[res] = lanes1(t, x, (p, w) => p << (y & BigInt(w - 1))); return;
      case Op.ushr: vals[res] = lanes1(t, x, (p, w) => p >> (y & BigInt(w - 1))); return;
      case Op.sshr: vals[res] = lanes1(t, x, (p, w) => I.toS(p, w) >> (y & BigInt(w - 1))); return;
      case Op.bitrev: vals[res] = lanes1(t, x, I.bitrev); return;
      case Op.clz: vals[res] = lanes1(t, x, I.clz); return;
      case Op.cls: vals[res] = lanes1(t, x, I.cls); return;
      case Op.ctz: vals[res] = lanes1(t, x, I.ctz); return;
      case Op.popcnt: vals[res] = lanes1(t, x, (p) => I.popcnt(p)); return;
      case Op.bswap: vals[res] = lanes1(t, x, I.bswap); return;

      // ---- comparison and selection ----
      case Op.icmp: {
        const cc = imm0 as IntCC;
        if (!isVector(t)) vals[res] = I.icmp(cc, x, y, W) ? 1n : 0n;
        else vals[res] = lanes2(t, x, y, (p, q, w) => (I.icmp(cc, p, q, w) ? I.mask(w) : 0n));
        return;
      }
      case Op.fcmp: {
        const cc = imm0 as FloatCC;
        if (!isVector(t)) vals[res] = F.fcmp(cc, x, y, lt) ? 1n : 0n;
        else vals[res] = lanes2(t, x, y, (p, q, w) => (F.fcmp(cc, p, q, lt) ? I.mask(w) : 0n));
        return;
      }
      case Op.select:
      case Op.select_spectre_guard:
        vals[res] = x !== 0n ? y : vals[a2];
        return;

      // ---- width changes ----
      case Op.uextend:
      case Op.sextend:
      case Op.ireduce: {
        const src = f.valueType[a0];
        if (isVector(t) || isVector(src)) unsupported(op);
        vals[res] = op === Op.sextend ? I.toU(I.toS(x, typeBits(src)), W) : I.toU(x, W);
        return;
      }
      case Op.iconcat:
        vals[res] = (y << BigInt(W)) | x;
        return;
      case Op.isplit: {
        const h = typeBits(halfWidth(t));
        vals[res] = x & I.mask(h);
        vals[res + 1] = x >> BigInt(h);
        return;
      }

      // ---- floating point ----
      case Op.fadd: vals[res] = lanes2(t, x, y, (p, q) => F.fbinary(F.FBin.Add, p, q, lt)); return;
      case Op.fsub: vals[res] = lanes2(t, x, y, (p, q) => F.fbinary(F.FBin.Sub, p, q, lt)); return;
      case Op.fmul: vals[res] = lanes2(t, x, y, (p, q) => F.fbinary(F.FBin.Mul, p, q, lt)); return;
      case Op.fdiv: vals[res] = lanes2(t, x, y, (p, q) => F.fbinary(F.FBin.Div, p, q, lt)); return;
      case Op.sqrt: vals[res] = lanes1(t, x, (p) => F.fsqrt(p, lt)); return;
      case Op.fma: {
        const z = vals[a2];
        if (!isVector(t)) vals[res] = F.ffma(x, y, z, lt);
        else vals[res] = pack(t, unpack(x, t).map((p, i) => F.ffma(p, lane(y, t, i), lane(z, t, i), lt)));
        return;
      }
      case Op.fneg: vals[res] = lanes1(t, x, (p) => F.fnegBits(p, lt)); return;
      case Op.fabs: vals[res] = lanes1(t, x, (p) => F.fabsBits(p, lt)); return;
      case Op.fcopysign: vals[res] = lanes2(t, x, y, (p, q) => F.fcopysignBits(p, q, lt)); return;
      case Op.ceil: vals[res] = lanes1(t, x, (p) => F.fround(F.RoundMode.Ceil, p, lt)); return;
      case Op.floor: vals[res] = lanes1(t, x, (p) => F.fround(F.RoundMode.Floor, p, lt)); return;
      case Op.trunc: vals[res] = lanes1(t, x, (p) => F.fround(F.RoundMode.Trunc, p, lt)); return;
      case Op.nearest: vals[res] = lanes1(t, x, (p) => F.fround(F.RoundMode.Nearest, p, lt)); return;
      case Op.fmin: vals[res] = lanes2(t, x, y, (p, q) => F.fminmax(false, p, q, lt)); return;
      case Op.fmax: vals[res] = lanes2(t, x, y, (p, q) => F.fminmax(true, p, q, lt)); return;
      case Op.fpromote:
      case Op.fdemote: {
        const src = f.valueType[a0];
        if (!isVector(t)) vals[res] = F.fconvert(x, laneOf(src), lt);
        else vals[res] = pack(t, unpack(x, src).map((p) => F.fconvert(p, laneOf(src), lt)));
        return;
      }
      case Op.fvpromote_low: {
        const rt = f.valueType[res];
        vals[res] = pack(rt, unpack(x, t).slice(0, laneCount(rt)).map((p) => F.fconvert(p, lt, laneOf(rt))));
        return;
      }
      case Op.fvdemote: {
        const rt = f.valueType[res];
        vals[res] = pack(rt, unpack(x, t).map((p) => F.fconvert(p, lt, laneOf(rt))));
        return;
      }
      case Op.fcvt_to_uint: case Op.fcvt_to_sint: case Op.fcvt_to_uint_sat: case Op.fcvt_to_sint_sat: {
        const src = f.valueType[a0];
        const sgn = op === Op.fcvt_to_sint || op === Op.fcvt_to_sint_sat;
        const sat = op === Op.fcvt_to_uint_sat || op === Op.fcvt_to_sint_sat;
        const one = (p: bigint): bigint => {
          const [st, v] = F.fcvtToInt(p, laneOf(src), laneBits(t), sgn, sat);
          if (!sat && st === F.ToIntResult.NaN) this.trap(TrapCode.BadConversionToInteger);
          if (!sat && st === F.ToIntResult.Overflow) this.trap(TrapCode.IntegerOverflow);
          return v;
        };
        vals[res] = isVector(t) ? pack(t, unpack(x, src).map(one)) : one(x);
        return;
      }
      case Op.fcvt_from_uint: case Op.fcvt_from_sint: {
        const src = f.valueType[a0];
        const sw = laneBits(src);
        const one = (p: bigint): bigint => F.fcvtFromInt(op === Op.fcvt_from_sint ? I.toS(p, sw) : p, lt);
        vals[res] = isVector(t) ? pack(t, unpack(x, src).map(one)) : one(x);
        return;
      }
      case Op.bitcast: {
        const src = f.valueType[a0];
        if (typeBits(src) !== W) fail(`${f.name}: bitcast between types of different sizes`);
        // With big-endian lane order, reinterpretation goes through big-endian bytes of each lane.
        if ((imm0 & MemFlag.Big) && laneBits(src) !== laneBits(t)) vals[res] = byteSwapLanes(byteSwapLanes(x, src), t);
        else vals[res] = x;
        return;
      }

      // ---- vectors ----
      case Op.splat: {
        const l = I.toU(x, laneBits(t));
        vals[res] = pack(t, new Array(laneCount(t)).fill(l));
        return;
      }
      case Op.scalar_to_vector:
        vals[res] = I.toU(x, laneBits(t));
        return;
      case Op.extractlane:
        vals[res] = lane(x, t, imm0);
        return;
      case Op.insertlane: {
        const ls = unpack(x, t);
        ls[imm0] = y;
        vals[res] = pack(t, ls);
        return;
      }
      case Op.shuffle: {
        const m = f.constants[imm0];
        const bytes = [...unpack(x, I8X16), ...unpack(y, I8X16)];
        const rt = f.valueType[res];
        const n = typeBits(rt) >> 3;
        const out: bigint[] = [];
        for (let i = 0; i < n; i++) out.push(m[i] < bytes.length ? bytes[m[i]] : 0n);
        vals[res] = pack(I8X16, out);
        return;
      }
      case Op.swizzle: {
        const vt = I8X16;
        const bytes = unpack(x, vt), idx = unpack(y, vt);
        vals[res] = pack(vt, idx.map((i) => (i < 16n ? bytes[Number(i)] : 0n)));
        return;
      }
      case Op.vany_true: vals[res] = unpack(x, t).some((l) => l !== 0n) ? 1n : 0n; return;
      case Op.vall_true: vals[res] = unpack(x, t).every((l) => l !== 0n) ? 1n : 0n; return;
      case Op.vhigh_bits: {
        const src = f.valueType[a0];
        const ls = unpack(x, src);
        const w = laneBits(src);
        let r = 0n;
        ls.forEach((l, i) => { r |= (l >> BigInt(w - 1)) << BigInt(i); });
        vals[res] = I.toU(r, W);
        return;
      }
      case Op.snarrow: case Op.unarrow: case Op.uunarrow: {
        const rt = f.valueType[res];
        const w = laneBits(t), h = laneBits(rt);
        const ls = [...unpack(x, t), ...unpack(y, t)].map((l) => {
          const v = op === Op.uunarrow ? l : I.toS(l, w);
          const min = op === Op.snarrow ? -(1n << BigInt(h - 1)) : 0n;
          const max = op === Op.snarrow ? (1n << BigInt(h - 1)) - 1n : I.mask(h);
          return v < min ? min : v > max ? max : v;
        });
        vals[res] = pack(rt, ls);
        return;
      }
      case Op.swiden_low: case Op.swiden_high: case Op.uwiden_low: case Op.uwiden_high: {
        const rt = f.valueType[res];
        const n = laneCount(rt);
        const high = op === Op.swiden_high || op === Op.uwiden_high;
        const sgn = op === Op.swiden_low || op === Op.swiden_high;
        const ls = unpack(x, t).slice(high ? n : 0, high ? 2 * n : n);
        vals[res] = pack(rt, ls.map((l) => (sgn ? I.toS(l, laneBits(t)) : l)));
        return;
      }
      case Op.iadd_pairwise: {
        const ls = [...unpack(x, t), ...unpack(y, t)];
        const out: bigint[] = [];
        for (let i = 0; i < ls.length; i += 2) out.push(ls[i] + ls[i + 1]);
        vals[res] = pack(t, out);
        return;
      }
      case Op.sqmul_round_sat:
        vals[res] = lanes2(t, x, y, (p, q, w) => {
          const r = (I.toS(p, w) * I.toS(q, w) + (1n << BigInt(w - 2))) >> BigInt(w - 1);
          const max = (1n << BigInt(w - 1)) - 1n, min = -(1n << BigInt(w - 1));
          return r > max ? max : r < min ? min : r;
        });
        return;
      case Op.get_return_address:
      case Op.tls_value:
      default:
        unsupported(op);
    }
  }
}

