// The fused code-generation pass: walks the blocks in analysis order once,
// selecting instructions and encoding them with the register homes chosen by
// regalloc.ts. Needs Function + Analysis + RegAlloc; produces machine code,
// relocations, trap sites and CFI for one function.

import { hasWideValues } from '../ir/legalize-wide.js';
import { Function, ValueKind, type Signature } from '../ir/function.js';
import { Op, opcodeNames, opcodeProps, Prop } from '../ir/opcodes.js';
import { I128, typeBits, isScalarFloat, isVector, typeName, F32, F128 } from '../ir/types.js';
import { IntCC, CallConv, ParamFlag } from '../ir/immediates.js';
import { ByteBuffer } from '../support/bytes.js';
import { CgtsError, assert, fail } from '../support/diag.js';
import { Analysis, FrameUse, VF, isPure, isSlotPlusConst } from './analyze.js';
import { RegAlloc, HOME_SPILL, HOME_NONE } from './regalloc.js';
import { K, MOVE_GPR, MOVE_XMM128, moveWidth, intCCtoX86, hasSse41, hasAvx, hasAvx2, hasFma, functionFlags, DWARF_OF_GPR, EXIT_RET, EXIT_JMP_R11, EXIT_JMP_SYMBOL } from './operands.js';
import { layoutSignature, LOC_STACK, XMM_LOC, type AbiOptions, type SigLayout } from './abi.js';
import * as X from './encode.js';
import * as S from './encode-sse.js';
import { R } from '../object/elf.js';
import { RAX, RCX, RDX, RSP, RBP, RIP, NO_REG, CC_NE, CC_E, invertCC, RBX, RSI, RDI, R11, R12, R13, R14, R15, SYSV_INT_ARGS, SYSV_FLOAT_ARGS } from './regs.js';
import { selectInt } from './isel-int.js';
import { selectMem, loadOperand, mBase, mIndex, mScale, mDisp } from './isel-mem.js';
import { selectCall, extendArg, extendInPlace, specialArgKey, emitLandingPads, checkTryCall } from './isel-call.js';
import { selectFloat, fcmpFlags, xmm128 } from './isel-float.js';
import { icmpI128 } from './isel-i128.js';
import { selectVector } from './isel-vector.js';
import { selectX86 } from './isel-x86.js';

export interface CodegenOptions extends AbiOptions {
  /** ISA flags enabled on the target line (has_sse41, has_popcnt, has_lzcnt, has_bmi1 ...). */
  isaFlags?: Set<string>;
  /** Record the line rows and frame layout debug info needs (lineRows, prologueEnd, frameBase...). */
  debugInfo?: boolean;
  /** With debugInfo: the source line of a srcloc (0 for none); line rows at block starts depend on it. */
  srclocLine?: (srcloc: number) => number;
  /** With debugInfo: the inlined-at location of a srcloc (0 outside inlined code); where a block's reload nop's row goes depends on it. */
  srclocInlinedAt?: (srcloc: number) => number;
}

export interface Reloc {
  offset: number;
  symbol: string;
  type: number;
  addend: number;
}

/** CFI events as flat records [codeOffset, kind, a, b]. */
export const enum Cfi { DefCfaOffset = 1, Offset = 2, DefCfaRegister = 3, Remember = 4, Restore = 5, DefCfa = 6, RestoreReg = 7 }


/**
 * Where a value requested by describeValues is (debugInfo): per value five
 * numbers, its kind, two operands, and the code offsets [start, end) where
 * that holds. Reg: DWARF register a; Frame: in memory at frame-base offset a;
 * Const: the constant (a: low 32 bits, b: high); FrameAddr: the address
 * frame base + a; None: nowhere (the other numbers are 0).
 */
export const enum ValueLoc { None = 0, Reg = 1, Frame = 2, Const = 3, FrameAddr = 4 }

/** A line row's srcloc for code without a source location (DWARF line 0). */
export const NO_SRCLOC = -2;
/** Flag on a line row's srcloc: the row starts a statement (is_stmt) whatever the line before it. */
export const SRCLOC_STMT = 1 << 30;
/** A line row markBlockStatements drops. */
const DROP_ROW = -3;

const SCRATCH_XMM = 15;
const SCRATCH_XMM2 = 14;


export class Emitter {
  buf = new ByteBuffer(1 << 16);
  f!: Function;
  an = new Analysis();
  ra = new RegAlloc();
  opts: CodegenOptions = {};
  layout!: SigLayout;
  /** Code offset of each block, -1 until emitted. */
  blockLabel = new Int32Array(16);
  fixAt: number[] = [];
  fixBlock: number[] = [];
  relocs: Reloc[] = [];
  traps: number[] = [];
  cfi: number[] = [];
  /** rsp-relative offsets: explicit stack slots and the spill area. */
  slotOffset: number[] = [];
  spillBase = 0;
  /** rsp-relative offset where the incoming return-area pointer is kept, or -1. */
  retPtrSlot = -1;
  frameSize = 0;
  /** No rbp frame: the CFA is rsp-relative (canOmitFramePointer). */
  frameless = false;
  savedRegs: number[] = [];
  /** XMM registers the prologue saves (windows_fastcall), at rsp + xmmSaveBase + 16k. */
  xmmSaves: number[] = [];
  xmmSaveBase = 0;
  /** Per parameter: the frame offset its by-reference copy is moved to in the prologue, or -1. */
  private indirectSlot: number[] = [];
  realign = 0;
  /**
   * C-variadic functions with a va_start: rsp-relative offset of the
   * 176-byte register save area (rdi..r9, xmm0..xmm7), -1 otherwise; the
   * va_list start values: gp_offset, fp_offset, and the rbp-relative offset
   * of the first variadic stack argument.
   */
  vaSave = -1;
  vaGpOffset = 0;
  vaFpOffset = 0;
  vaOverflow = 0;
  /** The instruction being selected, for messages. */
  inst = -1;
  /** Order index of the block being emitted. */
  curOrder = 0;
  /** Constants placed after the code (16-byte ones aligned) and read RIP-relatively: the disp32 field and the bytes. */
  pendingConsts: { at: number; bytes: Uint8Array }[] = [];
  /**
   * 16-byte constants for the object's read-only constant section (vector
   * constants and masks): per use the disp32 field, its PC-relative addend
   * (field - instruction end) and the bytes. compile.ts places and relocates them.
   */
  roConsts: { at: number; addend: number; bytes: Uint8Array }[] = [];
  /** 8-byte float constants read RIP-relatively: [disp field offset, low 32 bits, high 32 bits] per use. */
  floatConsts: number[] = [];
  /**
   * Calls that may unwind, in code order, as [start, end, try_call inst or -1]
   * triples: `start` where the call's selection began, `end` just past the
   * call instruction. compile.ts turns them into the LSDA call-site table.
   */
  callSites: number[] = [];
  /** Per try_call with handlers, in callSites order: [inst, landing-pad offset] (offset filled by emitLandingPads). */
  landingPads: number[] = [];
  /** Layouts of the function's call signatures by signature index (filled on demand). */
  private sigLayouts: (SigLayout | undefined)[] = [];
  /**
   * Layouts by signature object, across functions (a module's translator
   * shares equal signatures between functions), for `layoutAbi`'s options.
   */
  private sharedLayouts = new WeakMap<Signature, SigLayout>();
  private layoutAbi = -1;
  /** Bytes of outgoing stack arguments and return areas the calls need. */
  private outArea = 0;
  /** Per value: the register the ABI would like it in (parameter, return or call argument), or -1. */
  private abiHint = new Int32Array(64);
  isaFlags: Set<string> = new Set();
  /** Whether the function keeps 256-bit values in YMM registers: vzeroupper then goes before every call and exit, as LLVM places it. */
  ymm = false;
  /** Whether this function records debug facts (CodegenOptions.debugInfo). */
  debug = false;
  /**
   * With debugInfo: (code offset, srcloc) pairs, offsets ascending, a pair
   * wherever the srcloc of the code changes (instructions without one keep
   * the previous); lineRowCount pairs are valid.
   */
  lineRows = new Int32Array(64);
  lineRowCount = 0;
  /** Per block (debugInfo): the row of its first located instruction, and the srclocs of its first and last ones (-1: none). */
  private blockFirstRow = new Int32Array(16);
  private blockFirstLoc = new Int32Array(16);
  private blockLastLoc = new Int32Array(16);
  /** CodegenOptions.srclocLine. */
  private lineOf: (srcloc: number) => number = () => 1;
  /** CodegenOptions.srclocInlinedAt. */
  private inlinedAtOf: (srcloc: number) => number = () => 0;
  /** Where the operand set-up the current instruction has emitted so far ends (-1 outside body; see body). */
  private setupEnd = -1;
  /** Whether constants, stack addresses and argument moves count as set-up (the block ends in a try_call). */
  private setupDag = false;
  /**
   * Where the prologue ends when code of the body precedes the first line
   * row (a C-variadic function's register save area, which LLVM's code has
   * after prologue_end without a location), or -1: then the first row is
   * the prologue's end.
   */
  prologueEnd = -1;
  /** DWARF register the stack slots are addressed from in the body: 6 (rbp) or 7 (rsp, when the frame is realigned). */
  frameBaseReg = 6;
  /** debugInfo: the code offset of each analysis position (block start or instruction); numPos + 1 entries, the last the body's end. */
  private posPc = new Int32Array(64);

  compile(f: Function, opts: CodegenOptions): void {
    this.f = f;
    this.opts = opts;
    this.isaFlags = functionFlags(opts.isaFlags, f.isaFlags);
    this.buf.reset();
    this.fixAt.length = 0;
    this.fixBlock.length = 0;
    this.relocs.length = 0;
    this.traps.length = 0;
    this.cfi.length = 0;
    this.pendingConsts.length = 0;
    this.roConsts.length = 0;
    this.floatConsts.length = 0;
    this.sigLayouts.length = 0;
    this.callSites.length = 0;
    this.landingPads.length = 0;
    this.inst = -1;
    this.debug = opts.debugInfo === true;
    this.lineOf = opts.srclocLine ?? (() => 1);
    this.inlinedAtOf = opts.srclocInlinedAt ?? (() => 0);
    this.lineRowCount = 0;
    this.prologueEnd = -1;
    try {
      X.setVexMode(hasAvx(this.isaFlags));
      this.ymm = hasAvx2(this.isaFlags) && hasWideValues(f);
      this.an.ymm = this.ymm;
      this.layout = this.sharedLayout(f.signature);
      this.an.inlineRound = hasSse41(this.isaFlags);
      this.an.inlineFma = hasFma(this.isaFlags);
      this.an.run(f);
      this.abiHints();
      this.ra.run(f, this.an, this.abiHint);
      this.layoutFrame();
      if (this.blockLabel.length < f.numBlocks) this.blockLabel = new Int32Array(f.numBlocks * 2);
      this.blockLabel.fill(-1, 0, f.numBlocks);
      this.prologue();
      this.body();
      this.finishBody();
    } catch (e) {
      if (e instanceof CgtsError && this.inst >= 0 && !e.where) {
        throw new CgtsError(`${e.message} (instruction ${opcodeNames[f.instOp[this.inst]]} in block${f.instBlock[this.inst]})`, `function %${f.name}`);
      }
      if (e instanceof CgtsError && !e.where) throw new CgtsError(e.message, `function %${f.name}`);
      if (e instanceof CgtsError) throw e;
      throw locatedInternalError(e, f, this.inst);
    } finally {
      X.setVexMode(false);
    }
  }

  /** vzeroupper in functions that write the upper halves of YMM registers (before calls and exits). */
  zeroUpper(): void {
    if (this.ymm) X.vzeroupper(this.buf);
  }

  unsupported(what = ''): never {
    const f = this.f;
    const i = this.inst;
    fail(`cannot compile ${opcodeNames[f.instOp[i]]}${f.instType[i] ? '.' + typeName(f.instType[i]) : ''}${what ? ' ' + what : ''} for x86-64`);
  }

  /** layoutSignature(sig, this.opts), computed once per signature object and ABI options. */
  private sharedLayout(sig: Signature): SigLayout {
    const abi = (this.opts.llvmAbiExtensions ? 1 : 0) | (this.opts.multiRetImplicitSret ? 2 : 0);
    if (abi !== this.layoutAbi) {
      this.sharedLayouts = new WeakMap();
      this.layoutAbi = abi;
    }
    let l = this.sharedLayouts.get(sig);
    if (l === undefined) {
      l = layoutSignature(sig, this.opts);
      this.sharedLayouts.set(sig, l);
    }
    return l;
  }

  /** The layout of call instruction i's signature. */
  callLayout(i: number): SigLayout {
    const f = this.f;
    const op = f.instOp[i];
    const s = op === Op.call || op === Op.return_call ? f.funcRefs[f.instImm0[i]].sig
      : op === Op.try_call || op === Op.try_call_indirect ? f.exnSig(f.exnTable(i)) : f.instImm0[i];
    let l = this.sigLayouts[s];
    if (l === undefined) {
      l = this.sharedLayout(f.sigs[s]!);
      while (this.sigLayouts.length < s) this.sigLayouts.push(undefined);
      this.sigLayouts[s] = l;
    }
    return l;
  }

  /**
   * Register preferences from the ABI, and the outgoing area calls need
   * (rax and rdx are hints the allocator takes outside its set of
   * registers, so they are given only where nothing can clobber them).
   * Entry parameters prefer the register they arrive in; a value whose life
   * ends at a call prefers its argument register; a returned float prefers
   * its return register, and an integer computed just before the return
   * by an operation that writes only its destination prefers rax (a scratch
   * register nothing else can clobber in between); integer results of a
   * call that the next instruction returns prefer the registers they
   * arrive in (rax, rdx), so that the return address starts the return's
   * line as in LLVM's code.
   */
  private abiHints(): void {
    const f = this.f, an = this.an;
    const nv = f.numValues;
    if (this.abiHint.length < nv) this.abiHint = new Int32Array(Math.max(nv, this.abiHint.length * 2));
    const hint = this.abiHint;
    hint.fill(-1, 0, nv);
    const P = this.layout.params;
    const entry = f.firstBlock;
    for (let k = 0; k < P.loc0.length && k < f.blockParamCount[entry]; k++) {
      const l = P.loc0[k];
      if (l < LOC_STACK && P.loc1[k] < 0 && l !== RDX) hint[f.blockParam(entry, k)] = l;
    }
    const R = this.layout.rets;
    const valEnd = an.valEnd, instPos = an.instPos;
    let out = 0;
    for (let oi = 0; oi < an.numOrdered; oi++) {
      const b = an.order[oi];
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        const op = f.instOp[i];
        if (op === Op.call || op === Op.call_indirect || op === Op.try_call || op === Op.try_call_indirect) {
          if (op === Op.try_call || op === Op.try_call_indirect) checkTryCall(this, i);
          const l = this.callLayout(i);
          const need = l.params.stackBytes + l.retAreaBytes;
          if (need > out) out = need;
          const first = op === Op.call_indirect || op === Op.try_call_indirect ? 1 : 0;
          const p = instPos[i];
          // an integer result read once, by the next instruction as an ALU operand, stays in rax
          const n = f.instNext[i];
          if (f.instNumResults[i] === 1 && n >= 0 && l.rets.loc0[0] === RAX && l.rets.loc1[0] < 0 && isAluOp(f.instOp[n]) && f.instType[n] !== I128) {
            const v = f.instFirstResult[i];
            if (an.valUses[v] === 1 && valEnd[v] === instPos[n] && (an.valFlags[f.instFirstResult[n]] & (VF.Fused | VF.Const)) === 0 && (f.arg(n, 0) === v || f.arg(n, 1) === v)) hint[v] = RAX;
          }
          // integer results the next instruction with code returns as they came stay in rax and rdx
          const m = op === Op.call || op === Op.call_indirect ? an.nextWithCode(f, n) : -1;
          if (m >= 0 && f.instOp[m] === Op.return && R.retAreaPtr === 0) {
            const nr = f.instNumResults[i];
            let same = nr > 0 && nr === f.instArgCount[m];
            for (let k = 0; same && k < nr; k++) {
              const loc = l.rets.loc0[k];
              same = f.arg(m, k) === f.instFirstResult[i] + k && (loc === RAX || loc === RDX) && loc === R.loc0[k] && l.rets.loc1[k] < 0 && R.loc1[k] < 0;
            }
            for (let k = 0; same && k < nr; k++) hint[f.instFirstResult[i] + k] = l.rets.loc0[k];
          }
          for (let k = 0; k + first < f.instArgCount[i]; k++) {
            const v = f.arg(i, k + first);
            const loc = l.params.loc0[k];
            if (loc < 32 && l.params.loc1[k] < 0 && valEnd[v] === p && hint[v] < 0 && loc !== RDX) hint[v] = loc;
          }
        } else if (op === Op.return && R.retAreaPtr === 0) {
          for (let k = 0; k < f.instArgCount[i]; k++) {
            const v = f.arg(i, k);
            const loc = R.loc0[k];
            if (hint[v] >= 0 || R.loc1[k] >= 0) continue;
            if (loc >= XMM_LOC && loc < 32) {
              if (an.valUses[v] === 1) hint[v] = loc;
            } else if (loc === RAX) {
              const d = f.valueDef[v];
              if (f.valueKind[v] === ValueKind.Result && f.instNext[d] === i && writesOnlyDst(f.instOp[d]) && (f.instArgCount[d] === 0 || f.valueType[f.arg(d, 0)] !== I128)) hint[v] = RAX;
            }
          }
        }
      }
    }
    this.outArea = out;
  }

  // ---- frame ----

  /**
   * Offsets are plain numbers, not int32s: slot sizes come from the input.
   * Every frame offset is an rsp-relative disp32 and the frame size a `sub
   * rsp, imm32`, so frames past 2^31 - 1 bytes are refused.
   */
  private layoutFrame(): void {
    const f = this.f;
    let off = this.outArea;
    let maxAlign = 16;
    this.slotOffset = [];
    for (const ss of f.stackSlots) {
      const a = Math.max(ss.align, 1);
      if (a > maxAlign) maxAlign = a;
      off = alignUp(off, a);
      this.slotOffset.push(off);
      off += ss.size;
    }
    off = alignUp(off, 16);
    this.spillBase = off;
    off += this.ra.spillBytes;
    this.vaSave = -1;
    if (f.signature.variadic && (this.an.frameUse & FrameUse.VaStart) !== 0) {
      off = alignUp(off, 16);
      this.vaSave = off;
      off += 176;
      this.varArgStart();
    }
    if (this.layout.params.retAreaPtr >= 0 || this.layout.sretParam >= 0) {
      this.retPtrSlot = off;
      off += 16;
    } else this.retPtrSlot = -1;
    this.savedRegs.length = 0;
    for (let k = 0; k < CALLEE_SAVED.length; k++) if ((this.ra.usedRegs & (1 << CALLEE_SAVED[k])) !== 0) this.savedRegs.push(CALLEE_SAVED[k]);
    // windows_fastcall preserves rsi, rdi and xmm6-xmm15 as well; a call (to
    // another convention) may clobber them, the XMM scratch registers always may
    this.xmmSaves.length = 0;
    this.indirectSlot.length = 0;
    if (f.signature.callConv === CallConv.WindowsFastcall) {
      const all = this.an.hasCalls;
      for (const r of WIN_EXTRA_SAVED) if (all || (this.ra.usedRegs & (1 << r)) !== 0) this.savedRegs.push(r);
      for (let x = 6; x < 16; x++) if (all || x >= 12 || (this.ra.usedRegs & (1 << (16 + x))) !== 0) this.xmmSaves.push(x);
      this.xmmSaveBase = off;
      off += 16 * this.xmmSaves.length;
      // parameters passed by reference are copied here first
      const ind = this.layout.params.indirect;
      for (let k = 0; k < ind.length; k++) {
        this.indirectSlot.push(ind[k] >= 0 ? off : -1);
        if (ind[k] >= 0) off += 16;
      }
    }
    off = alignUp(off, 16);
    this.frameless = maxAlign <= 16 && this.canOmitFramePointer(off);
    // rsp is 16-byte aligned below the frame: the return address, rbp (unless
    // frameless) and the saved registers come first; a frameless function
    // with nothing in its frame needs no alignment
    if (this.frameless) { if ((off > 0 || this.an.hasCalls) && (this.savedRegs.length & 1) === 0) off += 8; }
    else if ((this.savedRegs.length & 1) !== 0) off += 8;
    // the realigning `and rsp, -align` takes an imm32 too
    if (off > 0x7fffffff) fail(`stack frame of ${off} bytes is larger than 2 GiB (x86-64 frame offsets are 32-bit); use smaller stack slots`);
    if (maxAlign > 0x80000000) fail(`stack slot alignment of ${maxAlign} bytes is larger than 2 GiB (x86-64 realigns the stack with a 32-bit mask)`);
    this.frameSize = off;
    this.realign = maxAlign > 16 ? maxAlign : 0;
    // a frameless leaf keeps a frame of up to 128 bytes in the red zone below
    // rsp (the same addresses, so the same alignment): no sub/add around it
    if (this.frameless && !this.an.hasCalls && off > 0 && off <= 128 && this.outArea === 0 && (this.an.frameUse & FrameUse.RedZone) === 0) {
      for (let k = 0; k < this.slotOffset.length; k++) this.slotOffset[k] -= off;
      this.spillBase -= off;
      if (this.retPtrSlot >= 0) this.retPtrSlot -= off;
      this.frameSize = 0;
    }
    // the frame base for debug info: rsp when it stays put in the body (a
    // frameless or realigned frame; slots are rsp-relative), else rbp
    this.frameBaseReg = this.realign || this.frameless ? 7 : 6;
  }

  /**
   * Where stack slot k lives in the body, relative to frameBaseReg: rbp
   * (rsp = rbp - 8 * saved registers - frame size after the prologue), or rsp
   * itself when the frame is realigned or there is no rbp frame.
   */
  slotFrameOffset(k: number): number {
    return this.frameBaseOffset(this.slotOffset[k]);
  }

  /** An rsp-relative offset in the body as an offset from frameBaseReg. */
  private frameBaseOffset(rspDisp: number): number {
    if (this.realign || this.frameless) return rspDisp;
    return rspDisp - this.frameSize - 8 * this.savedRegs.length;
  }

  /**
   * Writes where each of `values` lives to `out` (five numbers each, see
   * ValueLoc), after compile() with debugInfo. A value with a home (one
   * register or spill slot for its whole interval) is there from the end of
   * its definition's code up to and including the first byte of its last
   * use's (code laid out between them, of other paths too, is inside the
   * interval, so nothing else is in that home there); a constant or
   * stack address is made again at each use, so it is known from its
   * definition to the end of the body. A register pair (i128) and a value
   * computed inside its user are nowhere.
   */
  describeValues(values: ArrayLike<number>, out: Int32Array): void {
    const f = this.f, an = this.an, ra = this.ra, pc = this.posPc;
    for (let k = 0; k < values.length; k++) {
      const v = values[k], o = 5 * k;
      out.fill(0, o, o + 5);
      if (v < 0 || v >= f.numValues || an.valDef[v] < 0) continue;
      const def = an.valDef[v], end = an.valEnd[v], h = ra.home[v];
      if ((an.valFlags[v] & VF.Const) !== 0) {
        const d = f.valueDef[v];
        if (f.instOp[d] === Op.iconst) {
          out[o] = ValueLoc.Const;
          out[o + 1] = this.constLo(v);
          out[o + 2] = this.immHi(v);
        } else if (f.instOp[d] === Op.stack_addr || isSlotPlusConst(f, d)) {
          out[o] = ValueLoc.FrameAddr;
          out[o + 1] = this.frameBaseOffset(this.stackAddrDisp(v));
        } else continue;
        out[o + 3] = pc[def + 1];
        out[o + 4] = pc[an.numPos];
        continue;
      }
      if (h === HOME_NONE || ra.home2[v] >= 0 || end <= def) continue;
      if (h >= HOME_SPILL) {
        out[o] = ValueLoc.Frame;
        out[o + 1] = this.frameBaseOffset(this.spillBase + h - HOME_SPILL);
      } else {
        out[o] = ValueLoc.Reg;
        out[o + 1] = h < 16 ? DWARF_OF_GPR[h] : 17 + h - 16;
      }
      // the last use reads the home at its start: nothing has clobbered it there yet
      out[o + 3] = pc[def + 1];
      out[o + 4] = pc[end] + 1;
    }
  }

  /**
   * Notes that code from here on comes from `srcloc` (debugInfo only). An
   * instruction without one (-1) keeps the previous srcloc, except at the top
   * of a block (`blockTop`), where it gets NO_SRCLOC (line 0), as LLVM gives
   * block-initial code without a location so it does not inherit the
   * physically previous block's.
   */
  noteSrcLoc(srcloc: number, blockTop = false): void {
    if (srcloc < 0) {
      if (!blockTop) return;
      srcloc = NO_SRCLOC;
    }
    this.noteSrcLocAt(srcloc, this.buf.length);
  }

  /**
   * noteSrcLoc for code from offset `at` on (at least the last row's offset;
   * no code yet past it but operand set-up). With `distinct`, the row is
   * recorded even where the row before has the same srcloc; returns its index.
   */
  private noteSrcLocAt(srcloc: number, at: number, distinct = false): number {
    if (srcloc === -1) return -1;
    let n = this.lineRowCount;
    const rows = this.lineRows;
    if (!distinct && n > 0 && rows[2 * n - 1] === srcloc) return n - 1;
    // nothing was emitted under the previous srcloc: it yields to this one
    if (n > 0 && rows[2 * n - 2] === at) {
      n--;
      if (!distinct && n > 0 && rows[2 * n - 1] === srcloc) {
        this.lineRowCount = n;
        return n - 1;
      }
    }
    if (2 * n + 2 > rows.length) {
      const next = new Int32Array(rows.length * 2);
      next.set(rows);
      this.lineRows = next;
    }
    this.lineRows[2 * n] = at;
    this.lineRows[2 * n + 1] = srcloc;
    this.lineRowCount = n + 1;
    return n;
  }

  /**
   * Whether the function can do without rbp as frame pointer (as LLVM's
   * x86-64 code does unless asked to keep it): no stack arguments, no stack
   * probes (nor realignment, which the caller checks), no other convention's
   * saves and no instruction that reads rbp or moves rsp inside the body, so
   * that rsp stays put between prologue and epilogue and the CFA follows it.
   */
  private canOmitFramePointer(frameBytes: number): boolean {
    const f = this.f;
    if (frameBytes > 4096 || f.signature.callConv === CallConv.WindowsFastcall) return false;
    const P = this.layout.params;
    if (P.stackBytes > 0 || P.retAreaPtr >= LOC_STACK) return false;
    for (const p of f.signature.params) if ((p.flags >>> ParamFlag.SargShift) !== 0) return false;
    return (this.an.frameUse & FrameUse.NeedsRbp) === 0;
  }

  /** The va_list start values: registers and stack bytes the fixed parameters take. */
  private varArgStart(): void {
    if (this.f.signature.callConv !== CallConv.SystemV) fail('va_start needs the system_v calling convention');
    const L = this.layout.params;
    let gp = L.retAreaPtr >= 0 ? 1 : 0, fp = 0, stack = 0;
    const sig = this.f.signature;
    for (let k = 0; k < L.loc0.length; k++) {
      for (const loc of [L.loc0[k], L.loc1[k]]) {
        if (loc < 0) continue;
        if (loc >= LOC_STACK) {
          const sarg = sig.params[k].flags >>> ParamFlag.SargShift;
          const t = sig.params[k].type;
          const size = sarg > 0 ? (sarg + 7) & ~7 : t === I128 ? 8 : typeBits(t) === 128 ? 16 : 8;
          stack = Math.max(stack, loc - LOC_STACK + size);
        } else if (loc >= XMM_LOC) fp++;
        else gp++;
      }
    }
    this.vaGpOffset = 8 * gp;
    this.vaFpOffset = 48 + 16 * fp;
    this.vaOverflow = 16 + stack;
  }

  private cfiAt(kind: number, a: number, b: number): void {
    this.cfi.push(this.buf.length, kind, a, b);
  }

  private prologue(): void {
    const buf = this.buf;
    if (this.frameless) {
      for (let k = 0; k < this.savedRegs.length; k++) {
        X.push(buf, this.savedRegs[k]);
        this.cfiAt(Cfi.DefCfaOffset, 16 + 8 * k, 0);
        this.cfiAt(Cfi.Offset, DWARF_OF_GPR[this.savedRegs[k]], -16 - 8 * k);
      }
      if (this.frameSize > 0) {
        X.opRI(buf, X.SUB, 64, RSP, this.frameSize);
        this.cfiAt(Cfi.DefCfaOffset, 8 + 8 * this.savedRegs.length + this.frameSize, 0);
      }
      this.paramsHome();
      return;
    }
    X.push(buf, RBP);
    this.cfiAt(Cfi.DefCfaOffset, 16, 0);
    this.cfiAt(Cfi.Offset, 6, -16);
    X.opRR(buf, X.MOV, 64, RBP, RSP);
    this.cfiAt(Cfi.DefCfaRegister, 6, 0);
    for (let k = 0; k < this.savedRegs.length; k++) {
      X.push(buf, this.savedRegs[k]);
      this.cfiAt(Cfi.Offset, DWARF_OF_GPR[this.savedRegs[k]], -24 - 8 * k);
    }
    // realigning drops rsp by up to align - 16 more bytes, so the probes
    // cover that slack too and give it back before the `and`
    const slack = this.realign ? this.realign - 16 : 0;
    const size = this.frameSize + slack;
    if (size > 0) {
      if (size > 4096) {
        // touch every page on the way down so the guard page is hit in order
        let left = size;
        if (size <= 16 * 4096) {
          while (left > 4096) {
            X.opRI(buf, X.SUB, 64, RSP, 4096);
            X.opMI(buf, X.OR, 32, RSP, NO_REG, 1, 0, 0);
            left -= 4096;
          }
        } else {
          const pages = Math.floor(size / 4096);
          // a variadic function's al (vector registers used) is still needed
          const count = this.vaSave >= 0 ? R11 : RAX;
          X.movRI(buf, 32, count, pages);
          const loop = buf.length;
          X.opRI(buf, X.SUB, 64, RSP, 4096);
          X.opMI(buf, X.OR, 32, RSP, NO_REG, 1, 0, 0);
          X.opRI(buf, X.SUB, 32, count, 1);
          X.jccTo(buf, CC_NE, loop);
          left = size - pages * 4096;
        }
        if (left > 0) X.opRI(buf, X.SUB, 64, RSP, left);
        if (slack > 0) X.opRI(buf, X.ADD, 64, RSP, slack);
      } else if (this.frameSize > 0) X.opRI(buf, X.SUB, 64, RSP, this.frameSize);
    }
    if (this.realign) X.opRI(buf, X.AND, 64, RSP, -this.realign);
    if (this.vaSave >= 0) {
      // LLVM's prologue ends before the save area, which is code of the body without a location
      this.prologueEnd = buf.length;
      // the register save area: every integer argument register, and the
      // vector ones only when al (their count, set by the caller) is nonzero
      for (let k = 0; k < 6; k++) X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, this.vaSave + 8 * k, SYSV_INT_ARGS[k]);
      X.opRR(buf, X.TEST, 8, RAX, RAX);
      const skip = X.jccShort(buf, CC_E);
      for (let k = 0; k < 8; k++) X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, this.vaSave + 48 + 16 * k, SYSV_FLOAT_ARGS[k]);
      X.patchRel8(buf, skip, buf.length);
    }
    for (let k = 0; k < this.xmmSaves.length; k++) {
      X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, this.xmmSaveBase + 16 * k, this.xmmSaves[k]);
      // DWARF 17 + n is xmm n; without realignment its slot is a fixed distance below the CFA (rbp + 16)
      if (!this.realign) this.cfiAt(Cfi.Offset, 17 + this.xmmSaves[k], -16 - 8 * this.savedRegs.length - this.frameSize + this.xmmSaveBase + 16 * k);
    }
    this.paramsHome();
  }

  /** Incoming parameters into their homes. */
  private paramsHome(): void {
    const buf = this.buf;
    const f = this.f;
    const entry = f.firstBlock;
    const L = this.layout.params;
    // by-reference parameters: the pointed-to value into a frame slot while every argument register is intact
    for (let k = 0; k < this.indirectSlot.length; k++) {
      if (this.indirectSlot[k] < 0) continue;
      let p = L.loc0[k];
      if (p >= LOC_STACK) {
        X.opRM(buf, X.MOV, 64, RAX, RBP, NO_REG, 1, 16 + p - LOC_STACK);
        p = RAX;
      }
      X.opRM(buf, S.MOVUPS, 0, SCRATCH_XMM, p, NO_REG, 1, 0);
      X.opMR(buf, S.MOVUPS, 0, RSP, NO_REG, 1, this.indirectSlot[k], SCRATCH_XMM);
    }
    this.pmBegin();
    for (let k = 0; k < f.blockParamCount[entry]; k++) {
      const v = f.blockParam(entry, k);
      if (this.an.valUses[v] === 0) continue;
      const t = f.valueType[v];
      const h = this.ra.home[v];
      const lo = L.loc0[k], hi = L.loc1[k];
      if (t === I128) {
        this.pmAdd(this.homePartKey(v, 0), this.abiInKey(lo), 8);
        this.pmAdd(this.homePartKey(v, 1), this.abiInKey(hi), 8);
      } else if (this.indirectSlot.length > 0 && this.indirectSlot[k] >= 0) this.pmAdd(this.homeKey(h), memKey(RSP, this.indirectSlot[k]), moveWidth(t));
      else if ((f.signature.params[k]!.flags >>> ParamFlag.SargShift) === 0) this.pmAdd(this.homeKey(h), this.abiInKey(lo), moveWidth(t));
    }
    if (L.retAreaPtr >= 0) this.pmAdd(memKey(RSP, this.retPtrSlot), this.abiInKey(L.retAreaPtr), 8);
    const sret = this.layout.sretParam;
    if (sret >= 0) this.pmAdd(memKey(RSP, this.retPtrSlot), this.abiInKey(L.loc0[sret]), 8);
    this.pmEmit();
    // struct arguments (sarg): the value is the address of the bytes in the incoming argument area
    for (let k = 0; k < f.blockParamCount[entry]; k++) {
      const v = f.blockParam(entry, k);
      if (this.an.valUses[v] === 0 || (f.signature.params[k]!.flags >>> ParamFlag.SargShift) === 0) continue;
      const r = this.dst(v, RAX);
      X.opRM(buf, X.LEA, 64, r, RBP, NO_REG, 1, 16 + L.loc0[k] - LOC_STACK);
      this.def(v, r);
    }
  }

  /** Key of an incoming ABI location (callee view: stack args at rbp+16). */
  abiInKey(loc: number): number {
    if (loc >= LOC_STACK) return memKey(RBP, 16 + loc - LOC_STACK);
    return loc;
  }

  /**
   * The CFA stays rbp+16 until `pop rbp`, so the pops only need their
   * registers marked restored; the body's rules come back after the `ret`
   * for code that follows a mid-function return. A tail call leaves with a
   * jump to r11 (EXIT_JMP_R11) or to `symbol` (EXIT_JMP_SYMBOL) instead of `ret`.
   */
  epilogue(exit = EXIT_RET, symbol = ''): void {
    const buf = this.buf;
    this.cfiAt(Cfi.Remember, 0, 0);
    if (this.frameless) {
      const n = this.savedRegs.length;
      if (this.frameSize > 0) {
        X.opRI(buf, X.ADD, 64, RSP, this.frameSize);
        this.cfiAt(Cfi.DefCfaOffset, 8 + 8 * n, 0);
      }
      for (let k = n - 1; k >= 0; k--) {
        X.pop(buf, this.savedRegs[k]);
        this.cfiAt(Cfi.DefCfaOffset, 8 + 8 * k, 0);
        this.cfiAt(Cfi.RestoreReg, DWARF_OF_GPR[this.savedRegs[k]], 0);
      }
      this.exit(exit, symbol);
      return;
    }
    const n = this.savedRegs.length;
    for (let k = 0; k < this.xmmSaves.length; k++) {
      X.opRM(buf, S.MOVUPS, 0, this.xmmSaves[k], RSP, NO_REG, 1, this.xmmSaveBase + 16 * k);
      if (!this.realign) this.cfiAt(Cfi.RestoreReg, 17 + this.xmmSaves[k], 0);
    }
    if (this.realign) {
      X.opRM(buf, X.LEA, 64, RSP, RBP, NO_REG, 1, -8 * n);
    } else if (this.frameSize > 0) X.opRI(buf, X.ADD, 64, RSP, this.frameSize);
    for (let k = n - 1; k >= 0; k--) {
      X.pop(buf, this.savedRegs[k]);
      this.cfiAt(Cfi.RestoreReg, DWARF_OF_GPR[this.savedRegs[k]], 0);
    }
    X.pop(buf, RBP);
    this.cfiAt(Cfi.DefCfa, 7, 8);
    this.cfiAt(Cfi.RestoreReg, 6, 0);
    this.exit(exit, symbol);
  }

  /** The epilogue's last instruction: ret, or a tail call's jump; then the body's CFI rules again. */
  private exit(exit: number, symbol: string): void {
    const buf = this.buf;
    this.zeroUpper();
    if (exit === EXIT_JMP_R11) X.opR(buf, X.JMP_IND, 64, R11);
    else if (exit === EXIT_JMP_SYMBOL) {
      const at = X.jmp(buf);
      this.relocs.push({ offset: at, symbol, type: R.R_X86_64_PLT32, addend: -4 });
    } else X.ret(buf);
    this.cfiAt(Cfi.Restore, 0, 0);
  }

  // ---- the walk ----

  /**
   * Emits the blocks in order. With debug info, an instruction's line row
   * starts after the code that only brings its operands into registers, as
   * in LLVM's -O0 code, where that code has no location (debuggers' line
   * stepping depends on where rows start): reloads of values from other
   * blocks, and in blocks that end in an invoke (which SelectionDAG selects;
   * FastISel gives them their user's location) also constants, stack
   * addresses and argument moves. Such code continues the row before it, or
   * at the top of a block is line 0, which LLVM gives code without a location
   * there so that it does not inherit the physically previous block's line.
   */
  private body(): void {
    const f = this.f, an = this.an;
    const debug = this.debug;
    const buf = this.buf;
    const lineOf = this.lineOf;
    if (debug) {
      const nb = f.numBlocks;
      if (this.blockFirstRow.length < nb) {
        this.blockFirstRow = new Int32Array(nb * 2);
        this.blockFirstLoc = new Int32Array(nb * 2);
        this.blockLastLoc = new Int32Array(nb * 2);
      }
      this.blockFirstRow.fill(-1, 0, nb);
      if (this.posPc.length <= an.numPos) this.posPc = new Int32Array(an.numPos * 2 + 1);
    }
    const posPc = this.posPc;
    for (let oi = 0; oi < an.numOrdered; oi++) {
      const b = an.order[oi];
      this.curOrder = oi;
      this.blockLabel[b] = buf.length;
      // a try_call's normal successor that only it reaches and that follows it is part of its code
      const cont = oi > 0 && this.continuesTryCall(b, an.order[oi - 1]);
      const reloads = oi > 0 && !cont && this.nopForReloads(b);
      if (!debug) {
        if (reloads) buf.u8(0x90);
        for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
          this.inst = i;
          this.select(i);
        }
        continue;
      }
      // the nop continues the row before it, unless that row is of other
      // inlined code than the block's, or of the invoke the block follows
      // as its normal successor: LLVM's reloads are not part of those
      const lineZeroNop = reloads && (this.otherInlinedCodeBefore(b) || this.followsItsInvoke(b, oi));
      if (reloads && !lineZeroNop) buf.u8(0x90);
      if (oi > 0 && !cont) this.noteSrcLoc(-1, true);
      if (lineZeroNop) buf.u8(0x90);
      const term = f.blockLastInst[b];
      this.setupDag = term >= 0 && (f.instOp[term] === Op.try_call || f.instOp[term] === Op.try_call_indirect);
      let first = -1, last = -1;
      posPc[an.blockPos[b]] = buf.length;
      for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
        this.inst = i;
        this.setupEnd = buf.length;
        posPc[an.instPos[i]] = buf.length;
        this.select(i);
        if (buf.length === this.setupEnd) continue;
        const loc = f.instSrcLoc[i];
        const located = loc >= 0 && lineOf(loc) !== 0;
        const row = this.noteSrcLocAt(loc, this.setupEnd, located && first < 0 && !cont);
        if (!located) continue;
        if (first < 0) {
          first = loc;
          if (!cont) this.blockFirstRow[b] = row;
        }
        last = loc;
      }
      this.blockFirstLoc[b] = first;
      this.blockLastLoc[b] = last;
      this.setupEnd = -1;
    }
    this.inst = -1;
    if (debug) {
      posPc[an.numPos] = buf.length;
      this.markBlockStatements();
    }
  }

  /**
   * Whether the last row before block b (being emitted) is of code inlined
   * at another call site than the block's first located instruction.
   */
  private otherInlinedCodeBefore(b: number): boolean {
    const f = this.f, lineOf = this.lineOf;
    if (this.lineRowCount === 0) return false;
    const prev = this.lineRows[2 * this.lineRowCount - 1];
    if (prev < 0) return false;
    for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
      const loc = f.instSrcLoc[i];
      if (loc >= 0 && lineOf(loc) !== 0) return this.inlinedAtOf(loc) !== this.inlinedAtOf(prev & ~SRCLOC_STMT);
    }
    return false;
  }

  /**
   * Whether block b only continues the code of `prev`, the block before it:
   * b is the normal successor of prev's try_call and has no other
   * predecessor. Such a block is the translator's (it takes an invoke's
   * results; in LLVM's code the invoke's block does that work), so it starts
   * no row, no line-0 stretch and no statement of its own.
   */
  private continuesTryCall(b: number, prev: number): boolean {
    const an = this.an;
    return this.isTryCallNormalSuccessor(b, prev) && an.predStart[b + 1] - an.predStart[b] === 1;
  }

  /**
   * Whether block b, at order index oi, comes right after the try_call
   * whose normal successor it is, or after the block continuing that
   * try_call (continuesTryCall) that jumps to it.
   */
  private followsItsInvoke(b: number, oi: number): boolean {
    const f = this.f, order = this.an.order;
    const p = order[oi - 1];
    if (this.isTryCallNormalSuccessor(b, p)) return true;
    if (oi < 2 || !this.continuesTryCall(p, order[oi - 2])) return false;
    const term = f.blockLastInst[p];
    return term >= 0 && f.instOp[term] === Op.jump && f.callPool[f.instImm0[term]] === b;
  }

  /** Whether block b is the normal successor of the try_call that ends block p. */
  private isTryCallNormalSuccessor(b: number, p: number): boolean {
    const f = this.f;
    const term = f.blockLastInst[p];
    if (term < 0 || (f.instOp[term] !== Op.try_call && f.instOp[term] !== Op.try_call_indirect)) return false;
    return f.callPool[f.instImm0[term]] === b;
  }

  /**
   * Whether block b gets a one-byte nop at its top, in place of LLVM's
   * reloads. LLVM's -O0 register allocator (bottom-up) reloads at a block's
   * top, under no line, the values from other blocks that the block reads
   * before its first call (those read after it are reloaded after the
   * call), so a jump into the block lands before the first row of the
   * block's own line, and gdb's `next` steps on to that row and stops there,
   * even on the line it stepped from (a loop's condition, a line whose call
   * has just returned). cgts keeps such values in registers, or reads a
   * spilled one as an operand of the instruction itself, under the
   * instruction's row. So where the block reads a value from another block
   * before its first call, a nop stands in for the reloads; it continues the
   * row before it in the code, unless that row is of other inlined code or
   * of the invoke the block follows (then it is under line 0, as LLVM's
   * reloads). The rule is measured on the gdb corpus, not derived; a line-0
   * row for every such nop made fewer sessions step as the stock build's
   * do. It is emitted with and without -g alike, so debug info never
   * changes the code.
   */
  private nopForReloads(b: number): boolean {
    const f = this.f, home = this.ra.home;
    for (let i = f.blockFirstInst[b]; i >= 0; i = f.instNext[i]) {
      // constants, stack addresses and folded loads have no code of their own: they are made at their uses
      if (f.instFirstResult[i] >= 0 && home[f.instFirstResult[i]] === HOME_NONE && this.rematKind(f.instFirstResult[i]) !== -1) continue;
      for (let k = 0; k < f.instArgCount[i]; k++) {
        const v = f.arg(i, k);
        if (home[v] < 0) continue;
        if (f.valueKind[v] === ValueKind.Param || f.instBlock[f.valueDef[v]] !== b) return true;
      }
      if ((opcodeProps[f.instOp[i]] & Prop.Call) !== 0) break;
    }
    return false;
  }

  /**
   * LLVM's rule for a statement at a block's start: the first located row of
   * a block starts a statement (is_stmt) where a predecessor's last located
   * instruction is on another line (predecessors without located code do
   * not count), so that a debugger stepping into the block from there stops
   * on it even where the line is the one before it in the code. The block
   * that takes an invoke's results stands for the invoke's block, which it
   * is part of in LLVM's code. The block's first row was recorded on its
   * own; where it does not start a statement and repeats the row before, it
   * goes.
   */
  private markBlockStatements(): void {
    const an = this.an, lineOf = this.lineOf;
    const rows = this.lineRows;
    for (let oi = 1; oi < an.numOrdered; oi++) {
      const b = an.order[oi];
      const row = this.blockFirstRow[b];
      if (row < 0) continue;
      const line = lineOf(this.blockFirstLoc[b]);
      let stmt = false;
      for (let q = an.predStart[b]; q < an.predStart[b + 1] && !stmt; q++) {
        let p = an.predList[q];
        // the block taking an invoke's results is part of the invoke's block in LLVM's code
        if (this.blockLastLoc[p] < 0 && an.predStart[p + 1] - an.predStart[p] === 1 && this.isTryCallNormalSuccessor(p, an.predList[an.predStart[p]])) {
          p = an.predList[an.predStart[p]];
        }
        const last = this.blockLastLoc[p];
        stmt = last >= 0 && lineOf(last) !== line;
      }
      if (stmt) rows[2 * row + 1] |= SRCLOC_STMT;
      else if (row > 0 && rows[2 * row - 1] === rows[2 * row + 1]) rows[2 * row + 1] = DROP_ROW;
    }
    let n = 0;
    for (let k = 0; k < this.lineRowCount; k++) {
      if (rows[2 * k + 1] === DROP_ROW) continue;
      rows[2 * n] = rows[2 * k];
      rows[2 * n + 1] = rows[2 * k + 1];
      n++;
    }
    this.lineRowCount = n;
  }

  private finishBody(): void {
    const buf = this.buf;
    emitLandingPads(this);
    for (let k = 0; k < this.fixAt.length; k++) {
      const target = this.blockLabel[this.fixBlock[k]];
      assert(target >= 0, 'branch to a block that was not emitted');
      X.patchRel32(buf, this.fixAt[k], target);
    }
    // constants referenced RIP-relatively, after the code
    for (const c of this.pendingConsts) {
      buf.align(c.bytes.length >= 16 ? 16 : 8, 0xcc);
      const at = buf.length;
      buf.append(c.bytes);
      X.patchRel32(buf, c.at, at);
      // the field is followed by nothing else: the disp is relative to the instruction end
    }
    const fc = this.floatConsts;
    if (fc.length > 0) {
      buf.align(8, 0xcc);
      const base = buf.length;
      // distinct constants in first-use order; a use finds an equal one among the last few placed
      const placed: number[] = [];
      for (let k = 0; k < fc.length; k += 3) {
        const lo = fc[k + 1], hi = fc[k + 2];
        let at = -1;
        for (let j = placed.length - 2; j >= 0 && j >= placed.length - 32; j -= 2) {
          if (placed[j] === lo && placed[j + 1] === hi) { at = base + 4 * j; break; }
        }
        if (at < 0) {
          at = buf.length;
          placed.push(lo, hi);
          buf.i32(lo);
          buf.i32(hi);
        }
        X.patchRel32(buf, fc[k], at);
      }
    }
  }

  /** Whether the value is unused (its computation can be dropped if pure). */
  dead(v: number): boolean {
    return this.an.valUses[v] === 0;
  }

  private select(i: number): void {
    const f = this.f;
    const op = f.instOp[i];
    const r0 = f.instFirstResult[i];
    const flags = this.an.valFlags;
    // pure instructions whose results are unused, fused or rematerialised produce no code here
    if (r0 >= 0 && f.instNumResults[i] === 1 && ((flags[r0] & (VF.Const | VF.Fused)) !== 0 || (this.an.valUses[r0] === 0 && isPure(op)))) return;
    switch (op) {
      case Op.jump: {
        const c = f.instImm0[i];
        this.edge(c);
        return;
      }
      case Op.brif: {
        const cc = this.condition(f.arg(i, 0));
        this.brif(cc, f.blockCallAt(i, 0), f.blockCallAt(i, 1));
        return;
      }
      case Op.br_table: this.brTable(i); return;
      case Op.return: this.ret(i); return;
      case Op.nop: return;
      case Op.trap: this.trapHere(f.instImm0[i]); return;
      case Op.debugtrap: X.int3(this.buf); return;
      case Op.trapz:
      case Op.trapnz: {
        let cc = this.condition(f.arg(i, 0));
        if (op === Op.trapz) cc = invertCC(cc);
        this.trapUnless(invertCC(cc), f.instImm0[i]);
        return;
      }
    }
    if (selectVector(this, i)) return;
    if (selectInt(this, i)) return;
    if (selectMem(this, i)) return;
    if (selectCall(this, i)) return;
    if (selectFloat(this, i)) return;
    if (selectX86(this, i)) return;
    this.unsupported();
  }

  trapHere(code: number): void {
    this.traps.push(this.buf.length, code);
    X.ud2(this.buf);
  }

  /** Defines r as 1 when `cc` holds, else 0 (from the flags just set). */
  defCondition(r: number, cc: number): void {
    const d = this.dst(r, RAX);
    X.setcc(this.buf, cc, d);
    X.opRR(this.buf, X.MOVZX8, 32, d, d);
    this.def(r, d);
  }

  /** Emits `ud2` with `code`, skipped when `cc` holds. */
  trapUnless(cc: number, code: number): void {
    const at = X.jccShort(this.buf, cc);
    this.trapHere(code);
    X.patchRel8(this.buf, at, this.buf.length);
  }

  /** Returns the condition code that holds when `v` (an i8..i128 or fused compare) is true. Flags are set on return. */
  condition(v: number): number {
    const f = this.f;
    if ((this.an.valFlags[v] & VF.Fused) !== 0) {
      const d = f.valueDef[v];
      if (f.instOp[d] === Op.icmp) return this.emitIcmp(d);
      return this.emitFcmpFlags(d);
    }
    const t = f.valueType[v];
    if (t === I128) {
      const lo = this.gprPart(v, 0, RAX);
      X.opRR(this.buf, X.MOV, 64, RAX, lo);
      const k = this.kind(v);
      if (k === K.Reg) X.opRR(this.buf, X.OR, 64, RAX, this.ra.home2[v]);
      else if (k === K.Mem) X.opRM(this.buf, X.OR, 64, RAX, RSP, NO_REG, 1, this.spillDisp(v) + 8);
      else X.opRR(this.buf, X.OR, 64, RAX, this.gprPart(v, 1, RCX));
      return CC_NE;
    }
    const size = typeBits(t);
    const k = this.kind(v);
    if (k === K.Mem) {
      X.opMI(this.buf, X.CMP, size, RSP, NO_REG, 1, this.spillDisp(v), 0);
      return CC_NE;
    }
    const r = this.gpr(v, RAX);
    X.opRR(this.buf, X.TEST, size, r, r);
    return CC_NE;
  }

  emitFcmpFlags(i: number): number {
    return fcmpFlags(this, i);
  }

  /** cmp for an icmp instruction; returns the x86 condition. */
  emitIcmp(i: number): number {
    const f = this.f;
    let a = f.arg(i, 0), b = f.arg(i, 1);
    let cc = f.instImm0[i] as IntCC;
    const t = f.valueType[a];
    if (t === I128) return icmpI128(this, i);
    const size = typeBits(t);
    if (this.kind(a) === K.Imm && this.kind(b) !== K.Imm) {
      const x = a; a = b; b = x;
      cc = swapIntCCLocal(cc);
    }
    if (this.kind(a) === K.Load && (this.kind(b) === K.Reg || this.immFits(b, size))) {
      loadOperand(this, a, RCX);
      if (this.kind(b) === K.Reg) X.opMR(this.buf, X.CMP, size, mBase, mIndex, mScale, mDisp, this.ra.home[b]);
      else X.opMI(this.buf, X.CMP, size, mBase, mIndex, mScale, mDisp, this.immLo(b));
      return intCCtoX86(cc);
    }
    if (this.kind(a) === K.Mem && (this.kind(b) === K.Reg || this.immFits(b, size))) {
      const disp = this.spillDisp(a);
      if (this.kind(b) === K.Reg) X.opMR(this.buf, X.CMP, size, RSP, NO_REG, 1, disp, this.ra.home[b]);
      else X.opMI(this.buf, X.CMP, size, RSP, NO_REG, 1, disp, this.immLo(b));
      return intCCtoX86(cc);
    }
    const ra = this.gpr(a, RAX);
    this.aluOperand(X.CMP, size, ra, b, RCX);
    return intCCtoX86(cc);
  }

  // ---- value access ----

  kind(v: number): K {
    const h = this.ra.home[v];
    if (h >= HOME_SPILL) return K.Mem;
    if (h >= 0) return K.Reg;
    const k = this.rematKind(v);
    return k !== -1 ? k : this.unsupported(`(value v${v} has no location)`);
  }

  /** How a value without a home is made again at each use (Imm, Addr or Load), or -1 for a value that must have one. */
  private rematKind(v: number): K | -1 {
    const op = this.f.instOp[this.f.valueDef[v]];
    if (op === Op.iconst || op === Op.f32const || op === Op.f64const) return K.Imm;
    if (op === Op.stack_addr || (op === Op.iadd && (this.an.valFlags[v] & VF.Const) !== 0)) return K.Addr;
    if (op === Op.load) return K.Load;
    return -1;
  }

  spillDisp(v: number): number {
    return this.spillBase + this.ra.home[v] - HOME_SPILL;
  }

  /** Low and high 32 bits of an iconst value. */
  immLo(v: number): number {
    return this.f.instImm0[this.f.valueDef[v]] | 0;
  }
  immHi(v: number): number {
    if (typeBits(this.f.valueType[v]) < 64) return 0;
    return this.f.instImm1[this.f.valueDef[v]] | 0;
  }
  /** The constant truncated to its type's width, as low/high 32-bit halves zero-extended. */
  constLo(v: number): number {
    const bits = typeBits(this.f.valueType[v]);
    const lo = this.immLo(v);
    if (bits >= 32) return lo;
    return lo & ((1 << bits) - 1);
  }
  /** Whether an operand can be an imm32 of an operation of `size` bits. */
  immFits(v: number, size: number): boolean {
    if (this.kind(v) !== K.Imm) return false;
    if (size < 64) return true;
    const lo = this.immLo(v), hi = this.f.instImm1[this.f.valueDef[v]] | 0;
    return hi === lo >> 31;
  }

  /** The rsp-relative offset of a stack_addr value, or of a constant offset from one (isSlotPlusConst). */
  stackAddrDisp(v: number): number {
    const f = this.f;
    let d = f.valueDef[v];
    let extra = 0;
    if (f.instOp[d] === Op.iadd) {
      let a = f.arg(d, 0), c = f.arg(d, 1);
      if (f.instOp[f.valueDef[a]] === Op.iconst) { const t = a; a = c; c = t; }
      extra = f.instImm0[f.valueDef[c]] | 0;
      d = f.valueDef[a];
    }
    return this.frameDisp(this.slotOffset[f.instImm0[d]] + f.instImm1[d] + extra);
  }

  /** `disp`, checked to be an rsp-relative disp32 (a stack-slot offset plus an access offset may not be). */
  frameDisp(disp: number): number {
    if (disp !== (disp | 0)) this.unsupported(`(stack-slot displacement ${disp} is outside the 32-bit range)`);
    return disp;
  }

  /** A GPR holding `v` (loaded into `scratch` when it has none). */
  gpr(v: number, scratch: number): number {
    const h = this.ra.home[v];
    if (h >= 0 && h < 16) return h;
    this.toGpr(scratch, v);
    return scratch;
  }

  /** Part k (0 low, 1 high) of an i128 value in a GPR. */
  gprPart(v: number, k: number, scratch: number): number {
    const h = this.ra.home[v];
    if (h >= 0 && h < 16) return k === 0 ? h : this.ra.home2[v];
    const buf = this.buf;
    switch (this.kind(v)) {
      case K.Mem: X.opRM(buf, X.MOV, 64, scratch, RSP, NO_REG, 1, this.spillDisp(v) + 8 * k); return scratch;
      case K.Imm: {
        const d = this.f.valueDef[v];
        if (k === 0) X.movRI64(buf, scratch, this.f.instImm0[d], this.f.instImm1[d]);
        else {
          // an i128 iconst holds 64 bits sign-extended
          X.movRI64(buf, scratch, this.f.instImm1[d] >> 31, this.f.instImm1[d] >> 31);
        }
        return scratch;
      }
      default: return this.unsupported();
    }
  }

  /** Moves `v` into GPR `r` (all 64 bits for register and memory sources). */
  toGpr(r: number, v: number): void {
    const at = this.buf.length;
    this.moveToGpr(r, v);
    if (at === this.setupEnd) {
      const k = this.kind(v);
      if (k === K.Mem || k === K.Reg || ((k === K.Imm || k === K.Addr) && this.setupDag)) this.setupEnd = this.buf.length;
    }
  }

  private moveToGpr(r: number, v: number): void {
    const buf = this.buf;
    switch (this.kind(v)) {
      case K.Reg: {
        const h = this.ra.home[v];
        if (h >= 16) X.opRR(buf, S.MOVD_FROM_XMM, 64, r, h - 16);
        else if (h !== r) X.opRR(buf, X.MOV, 64, r, h);
        return;
      }
      case K.Mem:
        X.opRM(buf, X.MOV, 64, r, RSP, NO_REG, 1, this.spillDisp(v));
        return;
      case K.Imm: {
        const bits = typeBits(this.f.valueType[v]);
        if (bits >= 64) X.movRI64(buf, r, this.immLo(v), this.f.instImm1[this.f.valueDef[v]]);
        else X.movRI(buf, 32, r, this.constLo(v) >>> 0);
        return;
      }
      case K.Addr:
        X.opRM(buf, X.LEA, 64, r, RSP, NO_REG, 1, this.stackAddrDisp(v));
        return;
      case K.Load: {
        loadOperand(this, v, r);
        const bits = typeBits(this.f.valueType[v]);
        X.opRM(buf, X.MOV, bits === 64 ? 64 : 32, r, mBase, mIndex, mScale, mDisp);
        return;
      }
    }
  }

  /** `op reg, v` with v as register, memory or imm32 (materialised into `scratch` if too wide). */
  aluOperand(form: X.Form, size: number, reg: number, v: number, scratch: number): void {
    const buf = this.buf;
    switch (this.kind(v)) {
      case K.Reg: X.opRR(buf, form, size, reg, this.ra.home[v]); return;
      case K.Mem: X.opRM(buf, form, size, reg, RSP, NO_REG, 1, this.spillDisp(v)); return;
      case K.Imm:
        if (this.immFits(v, size)) {
          X.opRI(buf, form, size, reg, size === 8 ? this.immLo(v) & 0xff : size === 16 ? this.immLo(v) & 0xffff : this.immLo(v));
          return;
        }
        this.toGpr(scratch, v);
        X.opRR(buf, form, size, reg, scratch);
        return;
      case K.Addr:
        this.toGpr(scratch, v);
        X.opRR(buf, form, size, reg, scratch);
        return;
      case K.Load:
        loadOperand(this, v, scratch);
        X.opRM(buf, form, size, reg, mBase, mIndex, mScale, mDisp);
        return;
    }
  }

  /** Register to compute result `v` into: its home GPR, or `scratch`. */
  dst(v: number, scratch: number): number {
    const h = this.ra.home[v];
    return h >= 0 && h < 16 ? h : scratch;
  }

  /** Finishes a GPR result computed in `r`: stores it home if that is not `r`. */
  def(v: number, r: number): void {
    const h = this.ra.home[v];
    if (h === r || h === HOME_NONE) return;
    const buf = this.buf;
    if (h >= HOME_SPILL) X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, this.spillDisp(v), r);
    else if (h >= 16) X.opRR(buf, S.MOVD_TO_XMM, 64, h - 16, r);
    else X.opRR(buf, X.MOV, 64, h, r);
  }

  /** Defines part k of an i128 result from GPR r. */
  defPart(v: number, k: number, r: number): void {
    const h = this.ra.home[v];
    if (h === HOME_NONE) return;
    const buf = this.buf;
    if (h >= HOME_SPILL) X.opMR(buf, X.MOV, 64, RSP, NO_REG, 1, this.spillDisp(v) + 8 * k, r);
    else {
      const d = k === 0 ? h : this.ra.home2[v];
      if (d !== r) X.opRR(buf, X.MOV, 64, d, r);
    }
  }

  /** Whether `v` currently lives in GPR `r`. */
  inReg(v: number, r: number): boolean {
    return this.ra.home[v] === r;
  }

  /** An XMM register holding float `v` (loaded into `scratch` if needed). */
  xmm(v: number, scratch: number): number {
    const h = this.ra.home[v];
    if (h >= 16 && h < 32) return h - 16;
    this.toXmm(scratch, v);
    return scratch;
  }

  /** Moves float or vector `v` into XMM (or YMM) register `x`. */
  toXmm(x: number, v: number): void {
    const at = this.buf.length;
    this.moveToXmm(x, v);
    if (at === this.setupEnd && (this.ra.home[v] >= 0 || this.setupDag)) this.setupEnd = this.buf.length;
  }

  private moveToXmm(x: number, v: number): void {
    const buf = this.buf;
    const t = this.f.valueType[v];
    const h = this.ra.home[v];
    if (typeBits(t) === 256) {
      // whole YMM values: in a register or a 32-byte spill slot
      if (h >= 16 && h < 32) { if (h - 16 !== x) X.vRRR(buf, S.MOVAPS, 1, x, -1, h - 16); }
      else if (h >= HOME_SPILL) X.vRRM(buf, S.MOVUPS, 1, x, -1, RSP, NO_REG, 1, this.spillDisp(v));
      else this.unsupported();
      return;
    }
    if (h >= 16 && h < 32) {
      if (h - 16 !== x) X.opRR(buf, S.MOVAPS, 0, x, h - 16);
      return;
    }
    if (h >= HOME_SPILL) {
      X.opRM(buf, spillForm(t), 0, x, RSP, NO_REG, 1, this.spillDisp(v));
      return;
    }
    if (h >= 0) {
      X.opRR(buf, S.MOVD_TO_XMM, 64, x, h);
      return;
    }
    const d = this.f.valueDef[v];
    const op = this.f.instOp[d];
    if (op === Op.f32const || op === Op.f64const) {
      const lo = this.f.instImm0[d], hi = op === Op.f64const ? this.f.instImm1[d] : 0;
      if ((lo | hi) === 0) X.opRR(buf, S.XORPS, 0, x, x);
      else this.constOperand(op === Op.f32const ? S.MOVSS : S.MOVSD, x, lo, hi);
      return;
    }
    this.unsupported();
  }

  /** `form x, [rip + c]` with the 8-byte constant (lo, hi) placed after the code. */
  constOperand(form: X.Form, x: number, lo: number, hi: number): void {
    const at = X.opRM(this.buf, form, 0, x, RIP, NO_REG, 1, 0);
    this.floatConsts.push(at, lo, hi);
  }

  /** `form x, v` for float v in an XMM register, a spill slot, the constant area or a fused load (others through `scratch`). */
  xmmOperand(form: X.Form, x: number, v: number, scratch: number): void {
    const buf = this.buf;
    const h = this.ra.home[v];
    if (h >= 16 && h < 32) { X.opRR(buf, form, 0, x, h - 16); return; }
    if (h >= HOME_SPILL) { X.opRM(buf, form, 0, x, RSP, NO_REG, 1, this.spillDisp(v)); return; }
    if (h === HOME_NONE) {
      const d = this.f.valueDef[v];
      const op = this.f.instOp[d];
      if (op === Op.load) {
        loadOperand(this, v, RCX);
        X.opRM(buf, form, 0, x, mBase, mIndex, mScale, mDisp);
        return;
      }
      if ((op === Op.f32const || op === Op.f64const) && (this.f.instImm0[d] | (op === Op.f64const ? this.f.instImm1[d] : 0)) !== 0) {
        this.constOperand(form, x, this.f.instImm0[d], op === Op.f64const ? this.f.instImm1[d] : 0);
        return;
      }
    }
    this.toXmm(scratch, v);
    X.opRR(buf, form, 0, x, scratch);
  }

  xdst(v: number, scratch: number): number {
    const h = this.ra.home[v];
    return h >= 16 && h < 32 ? h - 16 : scratch;
  }

  xdef(v: number, x: number): void {
    const h = this.ra.home[v];
    if (h === HOME_NONE || h === x + 16) return;
    const buf = this.buf;
    if (typeBits(this.f.valueType[v]) === 256) {
      if (h >= HOME_SPILL) X.vMR(buf, S.MOVUPS, 1, RSP, NO_REG, 1, this.spillDisp(v), x);
      else X.vRRR(buf, S.MOVAPS, 1, h - 16, -1, x);
      return;
    }
    if (h >= HOME_SPILL) X.opMR(buf, spillForm(this.f.valueType[v]), 0, RSP, NO_REG, 1, this.spillDisp(v), x);
    else if (h >= 16) X.opRR(buf, S.MOVAPS, 0, h - 16, x);
    else X.opRR(buf, S.MOVD_FROM_XMM, 64, h, x);
  }

  // ---- parallel moves ----
  // Locations as keys: 0-15 GPR, 16-31 XMM, memKey() for memory, immediates/addresses as sources only.

  // the collected moves, pmN of them, in columns (keys may exceed int32)
  private pmN = 0;
  private pmDst = new Float64Array(16);
  /** pmEmit's per-move done flags, reused. */
  private pmDone = new Uint8Array(16);
  private pmSrc = new Float64Array(16);
  private pmWidth = new Int32Array(16);
  /** Source immediates (lo, hi) or stack-address displacements for IMM/ADDR sources. */
  private pmLo = new Float64Array(16);
  private pmHi = new Float64Array(16);

  pmBegin(): void {
    this.pmN = 0;
  }

  /** Adds dst <- src; width MOVE_GPR, MOVE_XMM or MOVE_XMM128 (see moveWidth). */
  pmAdd(dst: number, src: number, width: number, lo = 0, hi = 0): void {
    if (dst === KEY_NONE || dst === src) return;
    const n = this.pmN;
    if (n === this.pmDst.length) this.pmGrow();
    this.pmDst[n] = dst;
    this.pmSrc[n] = src;
    this.pmWidth[n] = width;
    this.pmLo[n] = lo;
    this.pmHi[n] = hi;
    this.pmN = n + 1;
  }

  private pmGrow(): void {
    const cap = this.pmDst.length * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T, b: T): T => { b.set(a); return b; };
    this.pmDst = grow(this.pmDst, new Float64Array(cap));
    this.pmSrc = grow(this.pmSrc, new Float64Array(cap));
    this.pmWidth = grow(this.pmWidth, new Int32Array(cap));
    this.pmLo = grow(this.pmLo, new Float64Array(cap));
    this.pmHi = grow(this.pmHi, new Float64Array(cap));
  }

  /** Adds a move of value `v` (part k for i128) into location key `dst`. */
  pmAddValue(dst: number, v: number, part: number): void {
    const t = this.f.valueType[v];
    const h = this.ra.home[v];
    if (h === HOME_NONE) {
      const d = this.f.valueDef[v];
      const op = this.f.instOp[d];
      if (op === Op.iconst) {
        let lo = this.f.instImm0[d], hi = this.f.instImm1[d];
        if (t === I128 && part === 1) lo = hi = hi >> 31;
        else if (typeBits(t) < 64) { lo = this.constLo(v); hi = 0; }
        this.pmAdd(dst, SRC_IMM, 8, lo, hi);
      } else if (op === Op.stack_addr || (op === Op.iadd && (this.an.valFlags[v] & VF.Const) !== 0)) this.pmAdd(dst, SRC_ADDR, 8, this.stackAddrDisp(v), 0);
      else if (op === Op.f32const) this.pmAdd(dst, SRC_IMM, 8, this.f.instImm0[d], 0);
      else if (op === Op.f64const) this.pmAdd(dst, SRC_IMM, 8, this.f.instImm0[d], this.f.instImm1[d]);
      else this.unsupported(`(value v${v} used but never computed)`);
      return;
    }
    this.pmAdd(dst, t === I128 ? this.homePartKey(v, part) : this.homeKey(h), moveWidth(t));
  }

  homeKey(h: number): number {
    if (h === HOME_NONE) return KEY_NONE;
    if (h >= HOME_SPILL) return memKey(RSP, this.spillBase + h - HOME_SPILL);
    return h;
  }

  homePartKey(v: number, k: number): number {
    const h = this.ra.home[v];
    if (h === HOME_NONE) return KEY_NONE;
    if (h >= HOME_SPILL) return memKey(RSP, this.spillBase + h - HOME_SPILL + 8 * k);
    return k === 0 ? h : this.ra.home2[v];
  }

  /** GPR moveOne may clobber: one of rax, rcx, rdx that no move of the current set reads or writes. */
  private pmScratch = RAX;

  /**
   * Emits the collected moves as if all happened at once. Uses rax/rcx/rdx
   * (one not in the set) and xmm14/xmm15 as temporaries; leaves flags alone,
   * except on a try_call edge reading all of rax, rcx and rdx (see moveOne).
   */
  pmEmit(): void {
    const at = this.buf.length;
    let setup = at === this.setupEnd;
    for (let j = 0; j < this.pmN && setup; j++) {
      const src = this.pmSrc[j];
      setup = src >= 32 || ((src === SRC_IMM || src === SRC_ADDR) && this.setupDag);
    }
    this.emitParallelMoves();
    if (setup) this.setupEnd = this.buf.length;
  }

  private emitParallelMoves(): void {
    const dst = this.pmDst, src = this.pmSrc;
    const n = this.pmN;
    this.pmScratch = -1;
    for (let ci = 0; ci < 3 && this.pmScratch < 0; ci++) {
      const c = ci === 0 ? RAX : ci === 1 ? RCX : RDX;
      let used = false;
      for (let j = 0; j < n && !used; j++) used = src[j] === c || dst[j] === c;
      if (!used) this.pmScratch = c;
    }
    if (this.pmDone.length < n) this.pmDone = new Uint8Array(n * 2);
    const done = this.pmDone;
    done.fill(0, 0, n);
    let left = n;
    // a held copy of a location moved aside to break a cycle
    while (left > 0) {
      let progress = false;
      for (let k = 0; k < n; k++) {
        if (done[k]) continue;
        const d = dst[k];
        let blocked = false;
        for (let j = 0; j < n; j++) if (!done[j] && j !== k && src[j] === d) { blocked = true; break; }
        if (blocked) continue;
        this.moveOne(d, src[k], this.pmWidth[k], this.pmLo[k], this.pmHi[k]);
        done[k] = 1;
        left--;
        progress = true;
      }
      if (progress) continue;
      // cycle: park one destination's current content in a temporary
      for (let k = 0; k < n; k++) {
        if (done[k]) continue;
        const d = dst[k];
        const w = this.pmWidth[k];
        const sk = src[k];
        if (d < 16 && sk >= 0 && sk < 16) {
          // a register cycle: swap, then whoever wanted d's old value finds it in sk
          X.opRR(this.buf, X.XCHG, 64, d, sk);
          done[k] = 1;
          left--;
          for (let j = 0; j < n; j++) {
            if (done[j]) continue;
            if (src[j] === d) src[j] = sk;
            else if (src[j] === sk) src[j] = d;
          }
          break;
        }
        let tmp = -1;
        const cands = w === MOVE_GPR ? TMP_GPR_KEYS : TMP_XMM_KEYS;
        for (let ci = 0; ci < cands.length; ci++) {
          const c = cands[ci];
          if (c === this.pmScratch) continue;
          let used = false;
          for (let j = 0; j < n; j++) if (!done[j] && (src[j] === c || dst[j] === c)) used = true;
          if (!used) { tmp = c; break; }
        }
        // a 64-bit value may also wait in xmm15 (when rax, rcx and rdx are all taken)
        if (tmp < 0 && w === MOVE_GPR) {
          const c = TMP_XMM_KEYS[0];
          let used = false;
          for (let j = 0; j < n; j++) if (!done[j] && (src[j] === c || dst[j] === c)) used = true;
          if (!used) tmp = c;
        }
        assert(tmp >= 0, 'no free temporary for a parallel move');
        this.moveOne(tmp, d, w, 0, 0);
        for (let j = 0; j < n; j++) if (!done[j] && src[j] === d) src[j] = tmp;
        break;
      }
    }
  }

  private moveOne(d: number, s: number, width: number, lo: number, hi: number): void {
    const buf = this.buf;
    // Only memory destinations from immediates, addresses or memory need the
    // scratch. Without one (a try_call edge whose sources include rax, rcx
    // and rdx) they go through xmm14 or two 32-bit stores, and an address is
    // stored as rsp plus an add: flags are dead after a call.
    const sc = this.pmScratch;
    if (sc < 0 && d >= 32) {
      if (s >= 32 && width === MOVE_GPR) {
        X.opRM(buf, S.MOVSD, 0, SCRATCH_XMM2, keyBase(s), NO_REG, 1, keyDisp(s));
        X.opMR(buf, S.MOVSD, 0, keyBase(d), NO_REG, 1, keyDisp(d), SCRATCH_XMM2);
        return;
      }
      if (s === SRC_IMM && hi !== lo >> 31) {
        X.opMI(buf, X.MOV, 32, keyBase(d), NO_REG, 1, keyDisp(d), lo);
        X.opMI(buf, X.MOV, 32, keyBase(d), NO_REG, 1, keyDisp(d) + 4, hi);
        return;
      }
      if (s === SRC_ADDR) {
        X.opMR(buf, X.MOV, 64, keyBase(d), NO_REG, 1, keyDisp(d), RSP);
        if (lo !== 0) X.opMI(buf, X.ADD, 64, keyBase(d), NO_REG, 1, keyDisp(d), lo);
        return;
      }
    }
    if (s === SRC_IMM) {
      if (d < 16) X.movRI64(buf, d, lo, hi);
      else if (d < 32) {
        if ((lo | hi) === 0) X.opRR(buf, S.XORPS, 0, d - 16, d - 16);
        else this.constOperand(S.MOVSD, d - 16, lo, hi);
      } else if (hi === lo >> 31) X.opMI(buf, X.MOV, 64, keyBase(d), NO_REG, 1, keyDisp(d), lo);
      else {
        X.movRI64(buf, sc, lo, hi);
        X.opMR(buf, X.MOV, 64, keyBase(d), NO_REG, 1, keyDisp(d), sc);
      }
      return;
    }
    if (s === SRC_ADDR) {
      if (d < 16) X.opRM(buf, X.LEA, 64, d, RSP, NO_REG, 1, lo);
      else {
        X.opRM(buf, X.LEA, 64, sc, RSP, NO_REG, 1, lo);
        this.moveOne(d, sc, 8, 0, 0);
      }
      return;
    }
    if (d < 16) {
      if (s < 16) X.opRR(buf, X.MOV, 64, d, s);
      else if (s < 32) X.opRR(buf, S.MOVD_FROM_XMM, 64, d, s - 16);
      else X.opRM(buf, X.MOV, 64, d, keyBase(s), NO_REG, 1, keyDisp(s));
    } else if (d < 32) {
      if (s < 16) X.opRR(buf, S.MOVD_TO_XMM, 64, d - 16, s);
      else if (s < 32) X.opRR(buf, S.MOVAPS, 0, d - 16, s - 16);
      else X.opRM(buf, width === MOVE_XMM128 ? S.MOVUPS : S.MOVSD, 0, d - 16, keyBase(s), NO_REG, 1, keyDisp(s));
    } else {
      const xform = width === MOVE_XMM128 ? S.MOVUPS : S.MOVSD;
      if (s < 16) X.opMR(buf, X.MOV, 64, keyBase(d), NO_REG, 1, keyDisp(d), s);
      else if (s < 32) X.opMR(buf, xform, 0, keyBase(d), NO_REG, 1, keyDisp(d), s - 16);
      else {
        // memory to memory through a scratch register of the width class
        if (width !== MOVE_GPR) {
          X.opRM(buf, xform, 0, SCRATCH_XMM2, keyBase(s), NO_REG, 1, keyDisp(s));
          X.opMR(buf, xform, 0, keyBase(d), NO_REG, 1, keyDisp(d), SCRATCH_XMM2);
        } else {
          X.opRM(buf, X.MOV, 64, sc, keyBase(s), NO_REG, 1, keyDisp(s));
          X.opMR(buf, X.MOV, 64, keyBase(d), NO_REG, 1, keyDisp(d), sc);
        }
      }
    }
  }

  // ---- control flow ----

  /** Whether block call `c` needs any moves. */
  edgeHasMoves(c: number): boolean {
    const f = this.f;
    const t = f.callPool[c], n = f.callPool[c + 1];
    for (let a = 0; a < n; a++) {
      const v = f.callPool[c + 2 + a];
      const p = f.paramPool[f.blockParamStart[t] + a];
      if (this.ra.home[p] === HOME_NONE) continue;
      if (v < 0 || this.ra.home[v] !== this.ra.home[p] || this.ra.home2[v] !== this.ra.home2[p]) return true;
    }
    return false;
  }

  /** Moves for block call `c`; a try_call's retN / exnN come from the locations `specialArgKey` gives (call instruction `tc`). */
  edgeMoves(c: number, tc = -1): void {
    const f = this.f;
    const t = f.callPool[c], n = f.callPool[c + 1];
    this.pmBegin();
    for (let a = 0; a < n; a++) {
      const v = f.callPool[c + 2 + a];
      const p = f.paramPool[f.blockParamStart[t] + a];
      if (this.ra.home[p] === HOME_NONE || this.an.valUses[p] === 0) continue;
      if (v < 0) {
        const w = moveWidth(f.valueType[p]);
        if (f.valueType[p] === I128) {
          this.pmAdd(this.homePartKey(p, 0), specialArgKey(this, tc, v, 0), 8);
          this.pmAdd(this.homePartKey(p, 1), specialArgKey(this, tc, v, 1), 8);
        } else this.pmAdd(this.homeKey(this.ra.home[p]), specialArgKey(this, tc, v, 0), w);
        continue;
      }
      if (f.valueType[p] === I128) {
        this.pmAddValue(this.homePartKey(p, 0), v, 0);
        this.pmAddValue(this.homePartKey(p, 1), v, 1);
      } else this.pmAddValue(this.homeKey(this.ra.home[p]), v, 0);
    }
    this.pmEmit();
  }

  /** Moves for block call `c` and a jump to its block unless it comes next. */
  edge(c: number, tc = -1): void {
    this.edgeMoves(c, tc);
    const t = this.f.callPool[c];
    if (this.isNext(t)) return;
    this.jumpTo(t);
  }

  isNext(b: number): boolean {
    const oi = this.an.orderIndex[b];
    return oi === this.curOrder + 1;
  }

  jumpTo(b: number): void {
    const at = this.blockLabel[b];
    if (at >= 0) X.jmpTo(this.buf, at);
    else {
      this.fixAt.push(X.jmp(this.buf));
      this.fixBlock.push(b);
    }
  }

  jccTo(cc: number, b: number): void {
    const at = this.blockLabel[b];
    if (at >= 0) X.jccTo(this.buf, cc, at);
    else {
      this.fixAt.push(X.jcc(this.buf, cc));
      this.fixBlock.push(b);
    }
  }

  brif(cc: number, thenC: number, elseC: number): void {
    const f = this.f;
    const thenB = f.callPool[thenC], elseB = f.callPool[elseC];
    const tm = this.edgeHasMoves(thenC), em = this.edgeHasMoves(elseC);
    if (!em && (this.isNext(thenB) || tm)) {
      this.jccTo(invertCC(cc), elseB);
      this.edge(thenC);
    } else if (!tm) {
      this.jccTo(cc, thenB);
      this.edge(elseC);
    } else {
      const skip = X.jcc(this.buf, invertCC(cc));
      this.edgeMoves(thenC);
      this.jumpTo(thenB);
      X.patchRel32(this.buf, skip, this.buf.length);
      this.edge(elseC);
    }
  }

  private brTable(i: number): void {
    const f = this.f;
    const buf = this.buf;
    const n = f.instImm1[i] - 1;
    const v = f.arg(i, 0);
    const def = f.blockCallAt(i, 0);
    // index zero-extended into rcx
    const size = typeBits(f.valueType[v]);
    const r = this.gpr(v, RCX);
    if (size === 8) X.opRR(buf, X.MOVZX8, 32, RCX, r);
    else if (size === 16) X.opRR(buf, X.MOVZX16, 32, RCX, r);
    else if (size === 32 || r !== RCX) X.opRR(buf, X.MOV, size === 64 ? 64 : 32, RCX, r);
    X.opRI(buf, X.CMP, size === 64 ? 64 : 32, RCX, n);
    // out of range: the default edge
    const toDefault = X.jcc(buf, 3 /* ae */);
    // lea rax, [rip + table]; movsxd rcx, [rax + rcx*4]; add rax, rcx; jmp rax
    const leaAt = X.opRM(buf, X.LEA, 64, RAX, 16 /* RIP */, NO_REG, 1, 0);
    X.opRM(buf, X.MOVSXD, 64, RCX, RAX, RCX, 4, 0);
    X.opRR(buf, X.ADD, 64, RAX, RCX);
    X.opR(buf, X.JMP_IND, 64, RAX);
    buf.align(4, 0xcc);
    const table = buf.length;
    X.patchRel32(buf, leaAt, table);
    for (let k = 0; k < n; k++) buf.i32(0);
    // each entry goes to a stub doing that edge's moves
    for (let k = 0; k < n; k++) {
      const c = f.blockCallAt(i, k + 1);
      buf.patchI32(table + 4 * k, buf.length - table);
      this.edgeMoves(c);
      this.jumpTo(f.callPool[c]);
    }
    X.patchRel32(buf, toDefault, buf.length);
    this.edge(def);
  }

  private ret(i: number): void {
    const f = this.f;
    const L = this.layout.rets;
    const n = f.instArgCount[i];
    // values returned in memory first (they may need rax)
    if (this.layout.rets.retAreaPtr) {
      X.opRM(this.buf, X.MOV, 64, RCX, RSP, NO_REG, 1, this.retPtrSlot);
      for (let k = 0; k < n; k++) {
        const v = f.arg(i, k);
        const t = f.valueType[v];
        for (let p = 0; p < (t === I128 ? 2 : 1); p++) {
          const loc = p === 0 ? L.loc0[k] : L.loc1[k];
          if (loc < LOC_STACK) continue;
          const off = loc - LOC_STACK;
          if (t === F128 || (isVector(t) && typeBits(t) === 128)) X.opMR(this.buf, S.MOVUPS, 0, RCX, NO_REG, 1, off, xmm128(this, v, SCRATCH_XMM));
          else if (isScalarFloat(t) || isVector(t)) {
            const x = this.xmm(v, SCRATCH_XMM);
            X.opMR(this.buf, t === F32 ? S.MOVSS : S.MOVSD, 0, RCX, NO_REG, 1, off, x);
          } else {
            let r: number;
            if (t === I128) r = this.gprPart(v, p, RAX);
            else { extendArg(this, RAX, v, this.f.signature.returns[k].flags); r = RAX; }
            X.opMR(this.buf, X.MOV, 64, RCX, NO_REG, 1, off, r);
          }
        }
      }
    }
    this.pmBegin();
    for (let k = 0; k < n; k++) {
      const v = f.arg(i, k);
      const t = f.valueType[v];
      if (L.loc0[k] < LOC_STACK) this.pmAddValue(L.loc0[k], v, 0);
      if (t === I128 && L.loc1[k] >= 0 && L.loc1[k] < LOC_STACK) this.pmAddValue(L.loc1[k], v, 1);
    }
    this.pmEmit();
    for (let k = 0; k < n; k++) {
      if (L.loc0[k] < 16) extendInPlace(this.buf, L.loc0[k], f.valueType[f.arg(i, k)], f.signature.returns[k].flags);
    }
    // System V: a function with an sret parameter returns that pointer in rax
    if (this.layout.sretParam >= 0) X.opRM(this.buf, X.MOV, 64, RAX, RSP, NO_REG, 1, this.retPtrSlot);
    this.epilogue();
  }
}

/**
 * A bug met while compiling function f (at instruction i when i >= 0), as a
 * plain Error (still internal, not a CgtsError) whose message says where; the
 * original error is its cause and its stack is kept.
 */
function locatedInternalError(e: unknown, f: Function, i: number): Error {
  const where = i >= 0 ? `function %${f.name}, instruction ${i} (${opcodeNames[f.instOp[i]]} in block${f.instBlock[i]})` : `function %${f.name}`;
  const msg = e instanceof Error ? e.message : String(e);
  const prefix = 'internal error: ';
  const w = new Error(msg.startsWith(prefix) ? `${prefix}${where}: ${msg.slice(prefix.length)}` : `${where}: ${msg}`, { cause: e });
  if (e instanceof Error && e.stack) {
    const at = e.stack.indexOf('\n    at ');
    if (at >= 0) w.stack = `Error: ${w.message}${e.stack.slice(at)}`;
  }
  return w;
}

export const KEY_NONE = -1;


/** The SSE move between an XMM register and the spill slot of a float or vector of type t. */
function spillForm(t: number): X.Form {
  return t === F32 ? S.MOVSS : t === F128 || typeBits(t) === 128 ? S.MOVUPS : S.MOVSD;
}
const SRC_IMM = -2;
const SRC_ADDR = -3;
/** Where a register cycle may park a value (never the move scratch). */
const TMP_GPR_KEYS = [RCX, RDX, RAX];
const TMP_XMM_KEYS = [16 + SCRATCH_XMM];

/** A memory location as a move key: base register and displacement. */
/** Bias that keeps the keys of red-zone displacements (down to -128) above the register keys. */
const KEY_DISP_BIAS = 128;

export function memKey(base: number, disp: number): number {
  return 64 + (base === RBP ? 1 : 0) + (disp + KEY_DISP_BIAS) * 2;
}
function keyBase(k: number): number {
  return ((k - 64) & 1) !== 0 ? RBP : RSP;
}
function keyDisp(k: number): number {
  // not `>> 1`: frame displacements reach 2^31 - 1, so keys exceed int32
  const x = k - 64;
  return (x - (x & 1)) / 2 - KEY_DISP_BIAS;
}

/** n rounded up to a multiple of a (any positive integer), without int32 wrap-around. */
function alignUp(n: number, a: number): number {
  const r = n % a;
  return r === 0 ? n : n + a - r;
}

/** Operations whose selection writes no register but the result's between reading the operands and defining the result (so it may be rax). */
function writesOnlyDst(op: number): boolean {
  switch (op) {
    case Op.iadd: case Op.isub: case Op.imul: case Op.band: case Op.bor: case Op.bxor:
    case Op.ishl: case Op.ushr: case Op.sshr: case Op.call: case Op.call_indirect:
    case Op.load: case Op.uload8: case Op.sload8: case Op.uload16: case Op.sload16: case Op.uload32: case Op.sload32:
    case Op.uextend: case Op.sextend: case Op.ireduce:
      return true;
  }
  return false;
}

/** Two-operand integer operations selected by isel-int's `binary` (or lea). */
function isAluOp(op: number): boolean {
  return op === Op.iadd || op === Op.isub || op === Op.band || op === Op.bor || op === Op.bxor || op === Op.imul;
}



const CALLEE_SAVED = Uint8Array.of(RBX, R12, R13, R14, R15);
/** GPRs windows_fastcall preserves beyond System V's. */
const WIN_EXTRA_SAVED = Uint8Array.of(RSI, RDI);

const SWAPPED_INT_CC = Uint8Array.of(IntCC.Eq, IntCC.Ne, IntCC.Sgt, IntCC.Sle, IntCC.Slt, IntCC.Sge, IntCC.Ugt, IntCC.Ule, IntCC.Ult, IntCC.Uge);

function swapIntCCLocal(cc: IntCC): IntCC {
  return SWAPPED_INT_CC[cc] as IntCC;
}

