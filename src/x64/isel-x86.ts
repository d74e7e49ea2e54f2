// Instruction selection for the x86-specific CLIF opcodes (x86_rdtsc,
// x86_rdtscp, x86_rdrand, x86_rdseed, x86_xgetbv, x86_ldmxcsr, x86_stmxcsr,
// x86_clflush, x86_lfence, x86_sfence, x86_pause): each is the one instruction
// it names, with its fixed registers in the scratch set rax/rcx/rdx. Needs the Emitter.

import type { Emitter } from './codegen.js';
import { Op } from '../ir/opcodes.js';
import { TrapCode } from '../ir/immediates.js';
import { typeBits } from '../ir/types.js';
import * as X from './encode.js';
import { RAX, RCX, RDX, CC_B } from './regs.js';
import { address, mBase, mIndex, mScale, mDisp } from './isel-mem.js';

/** rax = rdx:eax (the 64-bit result of rdtsc / rdtscp / xgetbv). */
function joinEdxEax(e: Emitter): void {
  X.opRI(e.buf, X.SHL, 64, RDX, 32);
  X.opRR(e.buf, X.MOV, 32, RAX, RAX);
  X.opRR(e.buf, X.OR, 64, RAX, RDX);
}

export function selectX86(e: Emitter, i: number): boolean {
  const f = e.f;
  const buf = e.buf;
  switch (f.instOp[i]) {
    case Op.x86_rdtsc:
      X.rdtsc(buf);
      joinEdxEax(e);
      e.def(f.result(i), RAX);
      return true;
    case Op.x86_rdtscp: {
      const r = f.result(i);
      X.rdtscp(buf);
      joinEdxEax(e);
      e.def(r, RAX);
      e.def(r + 1, RCX);
      return true;
    }
    case Op.x86_rdrand: case Op.x86_rdseed: {
      const r = f.result(i);
      X.opR(buf, f.instOp[i] === Op.x86_rdrand ? X.RDRAND : X.RDSEED, typeBits(f.instType[i]), RAX);
      X.setcc(buf, CC_B, RCX);
      X.opRR(buf, X.MOVZX8, 32, RCX, RCX);
      e.def(r, RAX);
      e.def(r + 1, RCX);
      return true;
    }
    case Op.x86_xgetbv:
      e.toGpr(RCX, f.arg(i, 0));
      X.xgetbv(buf);
      joinEdxEax(e);
      e.def(f.result(i), RAX);
      return true;
    case Op.x86_ldmxcsr: case Op.x86_stmxcsr: case Op.x86_clflush: {
      const op = f.instOp[i];
      address(e, f.arg(i, 0), 0, RAX);
      e.traps.push(buf.length, TrapCode.HeapOutOfBounds);
      X.opM(buf, op === Op.x86_ldmxcsr ? X.LDMXCSR : op === Op.x86_stmxcsr ? X.STMXCSR : X.CLFLUSH, 32, mBase, mIndex, mScale, mDisp);
      return true;
    }
    case Op.x86_lfence: X.lfence(buf); return true;
    case Op.x86_sfence: X.sfence(buf); return true;
    case Op.x86_pause: X.pause(buf); return true;
  }
  return false;
}
